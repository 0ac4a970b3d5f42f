"""Two people on the same base: an edit from the window based on an old version never overwrites the other's
change; the window says what the other person changed and offers to reload."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from ti_desktop.domain.errors import ConcurrentEditError
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.services.maintenance import OpenDatabase, open_services

from ..clock import fixed_clock


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, demo_db: Path) -> MainWindow:
    main = MainWindow(context, demo_db, [], lambda *_args: None)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(main)
    return main


@pytest.fixture
def someone_else(demo_db: Path) -> Iterator[OpenDatabase]:
    other = open_services(demo_db, user="bruno.hertz", clock=fixed_clock())
    yield other
    other.close()


def test_an_edit_based_on_an_old_version_is_refused_and_explained(
    qtbot: QtBot, window: MainWindow, context: AppContext, someone_else: OpenDatabase
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


def test_an_edit_based_on_the_current_version_is_saved_and_undoable(window: MainWindow, context: AppContext) -> None:
    actions = context.services.actions
    seen = actions.list()[0]
    saved = context.editor.update(actions, seen.id, "Modifier", expected_version=seen.version, progress=55)
    assert saved.progress == 55 and saved.version == seen.version + 1
    assert window.conflict_box is None
    context.undo_stack.undo()
    assert actions.get(seen.id).progress == seen.progress


def test_other_records_are_edited_without_a_version(window: MainWindow, context: AppContext) -> None:
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
