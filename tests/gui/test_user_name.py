"""The user's name (gui/user_name.py): asked at the first launch or at the first progress point, kept in the
settings, changed from Édition › Votre nom…, and the author of what the user signs — the progress point in the
base, in the fiche's list and in the export, and the history — never the computer's login in silence."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.app import GuiController
from ti_desktop.domain.records import ActionRecord
from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog
from ti_desktop.gui.dialogs.action_updates import ProgressUpdateDialog
from ti_desktop.gui.user_name import UserNameDialog, ask_once, store_user_name, stored_user_name
from ti_desktop.paths import UserDirs
from ti_desktop.services.exporting import ExportFormat
from ti_desktop.services.maintenance import OpenDatabase

from ..clock import fixed_clock
from .conftest import USER_NAME
from .test_main_window import make_window

LOGIN = "root"  # what the computer calls the user: proposed, never signed with by itself


PROPOSED: list[str] = []  # what the last answered dialog's field held when it showed


def answer_name(typed: str | None, seen: list[UserNameDialog]) -> None:
    """When « Votre nom » shows: note it and what it proposes, then type `typed` over it and save (None: the user
    puts it off, « Plus tard »)."""
    PROPOSED.clear()

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UserNameDialog):
            QTimer.singleShot(10, act)
            return
        seen.append(dialog)
        PROPOSED.append(dialog.name_edit.text())
        if typed is None:
            dialog.reject()
            return
        dialog.name_edit.selectAll()
        dialog.name_edit.insert(typed)
        dialog.save_button.click()

    QTimer.singleShot(10, act)


def proposed() -> list[str]:
    return list(PROPOSED)


def fresh_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "premier-lancement.ini"), QSettings.Format.IniFormat)


def unnamed_context(context: TestContext, settings: QSettings, tmp_path: Path) -> TestContext:
    """A window's context on settings holding no name; the composition root read the login `LOGIN`."""
    unnamed = TestContext(context.services, settings, tmp_path, context.clock)
    unnamed.login = LOGIN
    unnamed.set_territory(context.territory_id)
    return unnamed


def action_of(context: TestContext) -> ActionRecord:
    return next(a for a in context.services.actions.for_territory(context.territory_id or 0) if a.code == "INN-01")


def editor_on_updates(qtbot: QtBot, context: TestContext, action: ActionRecord) -> ActionEditorDialog:
    dialog = ActionEditorDialog(context, context.services, action.id)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ui.tabs.setCurrentWidget(dialog.ui.updatesTab)
    return dialog


def save_point(form: ProgressUpdateDialog, done: str) -> None:
    form.ui.doneEdit.setPlainText(done)
    form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_first_launch_asks_the_name_once_proposing_the_login(qapp: object, tmp_path: Path) -> None:
    settings = fresh_settings(tmp_path)
    seen: list[UserNameDialog] = []
    answer_name("Claire Martin", seen)
    assert ask_once(settings, LOGIN) == "Claire Martin"
    assert len(seen) == 1 and proposed() == [LOGIN]  # shown in the field, to be typed over
    assert seen[0].windowTitle() == "Votre nom"
    assert stored_user_name(fresh_settings(tmp_path)) == "Claire Martin"  # kept in the settings' file
    assert ask_once(settings, LOGIN) == "Claire Martin"  # the next launches do not ask
    assert len(seen) == 1


def test_put_off_at_the_first_launch_it_is_asked_at_the_first_progress_point(
    qtbot: QtBot, context: TestContext, tmp_path: Path
) -> None:
    settings = fresh_settings(tmp_path)
    seen: list[UserNameDialog] = []
    answer_name(None, seen)  # « Plus tard »
    assert ask_once(settings, LOGIN) is None
    assert ask_once(settings, LOGIN) is None and len(seen) == 1  # not asked at every launch
    unnamed = unnamed_context(context, settings, tmp_path)
    action = action_of(unnamed)
    dialog = editor_on_updates(qtbot, unnamed, action)
    answer_name("Paul Weber", seen)
    form = dialog.updates.open_new_update()
    assert len(seen) == 2 and proposed() == [LOGIN]
    assert form.ui.authorEdit.text() == "Paul Weber"
    assert unnamed.user_name == "Paul Weber"


def test_without_a_name_the_point_is_not_signed_with_the_login(
    qtbot: QtBot, context: TestContext, tmp_path: Path
) -> None:
    unnamed = unnamed_context(context, fresh_settings(tmp_path), tmp_path)
    action = action_of(unnamed)
    dialog = editor_on_updates(qtbot, unnamed, action)
    seen: list[UserNameDialog] = []
    answer_name(None, seen)  # put off again
    form = dialog.updates.open_new_update()
    assert len(seen) == 1
    assert form.ui.authorEdit.text() == ""  # empty, for the user to fill: never « root » in silence


def test_a_progress_point_is_signed_with_the_name_in_the_base_the_fiche_and_the_export(
    qtbot: QtBot, context: TestContext, tmp_path: Path
) -> None:
    assert context.user_name == USER_NAME
    action = action_of(context)
    dialog = editor_on_updates(qtbot, context, action)
    form = dialog.updates.open_new_update()
    assert form.ui.authorEdit.text() == USER_NAME
    save_point(form, "Comite de selection tenu.")
    newest = context.services.updates.for_action(action.id)[0]
    assert (newest.author, newest.done) == (USER_NAME, "Comite de selection tenu.")
    model = dialog.updates.model
    assert model.index(0, 2).data() == USER_NAME  # the fiche's list, column « Auteur »
    assert f"— {USER_NAME}" in dialog.ui.updateDetail.toPlainText()
    exported = context.services.exports.export(context.territory_id or 0, ExportFormat.XLSX, tmp_path / "plan.xlsx")
    rows = list(openpyxl.load_workbook(exported.path)["Suivi"].iter_rows(values_only=True))
    header = rows[0]
    signed = [row for row in rows[1:] if "Comite de selection tenu." in row]
    assert len(signed) == 1 and signed[0][header.index("Auteur")] == USER_NAME


def test_the_name_changed_in_the_edit_menu_signs_the_next_points(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = make_window(qtbot, context, demo_opened)
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Édition")
    assert window.user_name_action in edit_menu.actions()  # type: ignore[union-attr]
    assert window.user_name_action.text() == "&Votre nom…"
    changed: list[str] = []
    context.user_name_changed.connect(changed.append)
    seen: list[UserNameDialog] = []
    answer_name("Claire Martin-Weber", seen)
    window.user_name_action.trigger()
    assert proposed() == [USER_NAME]  # the current name, to change
    assert context.user_name == "Claire Martin-Weber" and changed == ["Claire Martin-Weber"]
    action = action_of(context)
    form = editor_on_updates(qtbot, context, action).updates.open_new_update()
    assert form.ui.authorEdit.text() == "Claire Martin-Weber"


def test_the_history_is_signed_with_the_name_even_once_changed(qapp: object, tmp_path: Path, demo_db: Path) -> None:
    base = tmp_path / "base.sqlite3"
    shutil.copy(demo_db, base)
    settings = fresh_settings(tmp_path)
    store_user_name(settings, "Claire Martin")
    controller = GuiController(UserDirs(tmp_path, tmp_path), settings, fixed_clock())
    assert controller.open(base)
    try:
        window = controller.window
        assert window is not None
        services, editor = window.services, window.context.editor
        tid = services.territories.resolve(None).id
        action = next(a for a in services.actions.for_territory(tid) if a.code == "INN-01")

        def signed(title: str) -> set[str]:
            editor.update(services.actions, action.id, "Modifier le titre", title=title)
            return {c.user for c in services.history.for_action(action.id) if c.new_value == title}

        assert signed("Titre revu") == {"Claire Martin"}
        window.context.set_user_name("Paul Weber")  # Édition › Votre nom…
        assert signed("Titre revu encore") == {"Paul Weber"}
    finally:
        controller.close()


def test_the_window_asks_the_name_before_opening_the_first_base(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`run_gui`, the composition root: « Votre nom » (the login proposed) once the base's lock is held (no other
    window takes it meanwhile) and before the base opens; not under the packaging's smoke test, which answers no
    dialog (and checks the window holds the lock)."""
    from ti_desktop import app

    events: list[str] = []
    settings = fresh_settings(tmp_path)
    monkeypatch.setattr(app, "QSettings", lambda: settings)
    monkeypatch.setattr(app, "os_login", lambda: LOGIN)
    monkeypatch.setattr(app, "install_exception_hook", lambda _log: None)
    monkeypatch.setattr(app, "configure_logging", lambda _dir: None)
    monkeypatch.setattr(app, "install_qt_french", lambda _app: None)  # the other tests' application unchanged
    monkeypatch.setattr(app, "install_theme", lambda _app, _theme: None)
    database = tmp_path / "plan.sqlite3"
    real_ask = app.ask_once

    def asking(settings: object, proposal: str) -> str | None:
        events.append("nom, base verrouillée" if Path(f"{database}.lock.json").exists() else "nom, base libre")
        return real_ask(settings, proposal)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "ask_once", asking)
    monkeypatch.setattr(app.GuiController, "_open_or_recover", lambda _self, _db: events.append("base") and None)
    seen: list[UserNameDialog] = []
    answer_name("Claire Martin", seen)
    monkeypatch.delenv(app.SMOKE_TEST_VAR, raising=False)
    assert app.run_gui(tmp_path / "plan.sqlite3", UserDirs(tmp_path, tmp_path), fixed_clock()) == 1
    assert len(seen) == 1 and proposed() == [LOGIN] and events == ["nom, base verrouillée", "base"]
    assert stored_user_name(settings) == "Claire Martin"
    # Under the smoke test, nothing is asked.
    other = fresh_settings(tmp_path / "fumee")
    monkeypatch.setattr(app, "QSettings", lambda: other)
    monkeypatch.setenv(app.SMOKE_TEST_VAR, "1")
    assert app.run_gui(tmp_path / "plan.sqlite3", UserDirs(tmp_path, tmp_path), fixed_clock()) == 1
    assert len(seen) == 1 and stored_user_name(other) is None
