"""Two people on the same base: an edit from the window based on an old version never overwrites the other's
change; the window says what the other person changed and offers to reload."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.errors import ConcurrentEditError
from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.services.maintenance import OpenDatabase, open_services

from ..clock import fixed_clock


@pytest.fixture
def window(qtbot: QtBot, context: TestContext, demo_db: Path) -> MainWindow:
    main = MainWindow(context, context.services, demo_db, [], lambda *_args: None)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(main)
    return main


@pytest.fixture
def someone_else(demo_db: Path) -> Iterator[OpenDatabase]:
    other = open_services(demo_db, user="bruno.hertz", clock=fixed_clock())
    yield other
    other.close()


def test_an_edit_based_on_an_old_version_is_refused_and_explained(
    qtbot: QtBot, window: MainWindow, context: TestContext, someone_else: OpenDatabase
) -> None:
    actions = context.services.actions
    seen = actions.list()[0]  # what Claire's window shows
    # Bruno saves a new title first, from his own window.
    someone_else.services.actions.update(seen.id, expected_version=seen.version, title="Titre de Bruno")
    with pytest.raises(ConcurrentEditError):
        context.editor.update(actions, seen.id, "Modifier", expected_version=seen.version, title="Titre de Claire")
    assert actions.get(seen.id).title == "Titre de Bruno"  # nothing overwritten
    assert context.undo_stack.count() == 0
    box = window.conflict_box
    assert box is not None and box.isVisible()  # opened with open(): the window stays usable behind it
    assert "bruno.hertz" in box.text() and "Titre de Bruno" in box.text()
    reload_button = next(b for b in box.findChildren(QPushButton) if b.text() == "Recharger")
    with qtbot.waitSignal(context.data_changed, timeout=1000):
        reload_button.click()


def test_an_edit_based_on_the_current_version_is_saved_and_undoable(window: MainWindow, context: TestContext) -> None:
    actions = context.services.actions
    seen = actions.list()[0]
    saved = context.editor.update(actions, seen.id, "Modifier", expected_version=seen.version, progress=55)
    assert saved.progress == 55 and saved.version == seen.version + 1
    assert window.conflict_box is None
    context.undo_stack.undo()
    assert actions.get(seen.id).progress == seen.progress


def test_other_records_are_edited_without_a_version(window: MainWindow, context: TestContext) -> None:
    territory = context.services.territories.get(context.territory_id or 0)
    context.editor.update(context.services.territories, territory.id, "Renommer", name="Nouveau nom")
    assert context.services.territories.get(territory.id).name == "Nouveau nom"
    assert window.conflict_box is None


def test_closing_the_message_forgets_it(qtbot: QtBot, window: MainWindow) -> None:
    first = window.show_concurrent_edit("Première")
    second = window.show_concurrent_edit("Seconde")
    assert window.conflict_box is second and not first.isVisible()
    second.reject()
    assert window.conflict_box is None


# -- undo and redo are edits like any other ------------------------------------------------------------------
def open_fiche(qtbot: QtBot, window: MainWindow, action_id: int) -> ActionEditorDialog:
    dialog = ActionEditorDialog(window.context, window.services, action_id, window)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()
    return dialog


def type_title(qtbot: QtBot, dialog: ActionEditorDialog, text: str) -> None:
    edit = dialog.ui.titleEdit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def press(qtbot: QtBot, dialog: ActionEditorDialog, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A shortcut of the fiche, pressed away from a text field (a line edit keeps Ctrl+Z for its own text)."""
    dialog.ui.tabs.setFocus()
    qtbot.keyClick(dialog.ui.tabs, key, modifiers)


def conflict_text(window: MainWindow) -> str:
    box = window.conflict_box
    assert box is not None and box.isVisible() and box.windowTitle() == "Modification concurrente"
    assert any(button.text() == "Recharger" for button in box.findChildren(QPushButton))
    return box.text()


def test_ctrl_z_keeps_a_title_someone_else_saved_meanwhile(
    qtbot: QtBot, window: MainWindow, context: TestContext, someone_else: OpenDatabase, tmp_path: Path
) -> None:
    """Claire edits a title, Bruno saves another title, Claire presses Ctrl+Z: Bruno's title stays and
    Claire reads who changed it; « Recharger » shows it in her fiche."""
    action = context.services.actions.list()[0]
    dialog = open_fiche(qtbot, window, action.id)
    type_title(qtbot, dialog, "Titre de Claire")
    assert context.services.actions.get(action.id).title == "Titre de Claire"
    theirs = someone_else.services.actions
    theirs.update(action.id, expected_version=theirs.get(action.id).version, title="Titre de Bruno")

    press(qtbot, dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert context.services.actions.get(action.id).title == "Titre de Bruno"  # nothing overwritten
    text = conflict_text(window)
    assert text.startswith("Annuler « Modifier « Titre de l'action » de ")
    assert "bruno.hertz a modifié l'action « Titre de Bruno »" in text
    assert "Titre de Claire → Titre de Bruno" in text and "pour ne pas écraser la sienne" in text
    assert context.undo_stack.count() == 0 and not context.undo_stack.canUndo()  # the step is gone
    assert window.conflict_box is not None
    window.conflict_box.grab().save(str(tmp_path / "annuler-modification-concurrente.png"))
    reload_button = next(b for b in window.conflict_box.findChildren(QPushButton) if b.text() == "Recharger")
    reload_button.click()
    assert dialog.ui.titleEdit.text() == "Titre de Bruno"


def test_redo_over_someone_elses_change_is_refused(
    window: MainWindow, context: TestContext, someone_else: OpenDatabase
) -> None:
    actions = context.services.actions
    seen = actions.list()[0]
    context.editor.update(actions, seen.id, "Avancement", seen.version, progress=55)
    context.undo_stack.undo()
    assert actions.get(seen.id).progress == seen.progress
    someone_else.services.actions.update(seen.id, progress=70)
    context.undo_stack.redo()
    assert actions.get(seen.id).progress == 70
    assert "Rétablir « Avancement » est impossible.\n\nbruno.hertz a modifié l'action" in conflict_text(window)
    assert not context.undo_stack.canRedo()


def test_undoing_a_creation_keeps_what_someone_else_changed(
    window: MainWindow, context: TestContext, someone_else: OpenDatabase
) -> None:
    milestones = context.services.milestones
    action = context.services.actions.list()[0]
    milestone = context.editor.create(milestones, "Ajouter le jalon", action_id=action.id, title="Devis")
    someone_else.services.milestones.update(milestone.id, title="Devis signé")
    context.undo_stack.undo()
    assert milestones.get(milestone.id).title == "Devis signé"  # not deleted
    assert "bruno.hertz a modifié le jalon « Devis signé »" in conflict_text(window)


def test_a_challenge_ticked_by_someone_else_is_not_unticked_by_undo(
    qtbot: QtBot, window: MainWindow, context: TestContext, someone_else: OpenDatabase
) -> None:
    """A hand-written undo (the challenges an action answers) carries the action's version too."""
    action = context.services.actions.list()[0]
    dialog = open_fiche(qtbot, window, action.id)
    before = context.services.actions.challenge_ids(action.id)
    general = dialog.general
    candidates = [c for c in context.services.challenges.list(territory_id=action.territory_id) if c.id not in before]
    assert len(candidates) >= 2
    assert general._toggle_challenge(candidates[0].id, True)
    theirs = someone_else.services.actions
    theirs.set_challenges(action.id, theirs.challenge_ids(action.id) | {candidates[1].id})
    context.undo_stack.undo()
    assert context.services.actions.challenge_ids(action.id) == before | {candidates[0].id, candidates[1].id}
    assert "(Enjeux : " in conflict_text(window)


def test_a_record_someone_else_deleted_is_said_in_the_status_bar(
    window: MainWindow, context: TestContext, someone_else: OpenDatabase
) -> None:
    funding = context.services.funding
    line = funding.list()[0]
    context.editor.update(funding, line.id, "Programme", line.version, programme="FEDER 2027")
    someone_else.services.funding.delete(line.id)
    context.undo_stack.undo()
    assert window.conflict_box is None  # not a concurrent change to look at: the record is gone
    assert "Annuler « Programme » est impossible : Impossible de trouver la ligne de financement" in (
        window.statusBar().currentMessage()
    )


def test_one_window_undoes_and_redoes_its_own_edits_in_any_order(window: MainWindow, context: TestContext) -> None:
    """No conflict with oneself: edits, a challenge ticked, a deletion and a creation on the same records."""
    s, editor, stack = context.services, context.editor, context.undo_stack
    action = s.actions.list()[0]
    challenge = next(c for c in s.challenges.list(territory_id=action.territory_id))
    editor.update(s.actions, action.id, "Titre", title="Titre 1")
    editor.run(
        "Enjeux",
        lambda: s.actions.set_challenges(action.id, {challenge.id}),
        undo=lambda: s.actions.set_challenges(action.id, s.actions.challenge_ids(action.id) - {challenge.id}),
    )
    editor.update(s.actions, action.id, "Avancement", progress=77)
    milestone = editor.create(s.milestones, "Jalon", action_id=action.id, title="Devis")
    editor.update(s.milestones, milestone.id, "Jalon bis", title="Devis reçu")
    editor.delete(s.milestones, milestone.id, "Supprimer le jalon")
    count = stack.count()
    for _cycle in range(2):
        while stack.canUndo():
            stack.undo()
        assert s.actions.get(action.id).title == action.title
        while stack.canRedo():
            stack.redo()
        assert s.actions.get(action.id).progress == 77
    assert window.conflict_box is None and stack.count() == count
