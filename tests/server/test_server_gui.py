"""The window on a shared base on a server: its address shown, backups left to the server, refreshes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ti_desktop.app import GuiController
from ti_desktop.gui.main_window import SERVER_REFRESH_INTERVAL_MS
from ti_desktop.paths import UserDirs
from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.maintenance import open_server_services

from ..clock import fixed_clock
from .conftest import SharedBase


@pytest.fixture
def controller(qapp: object, server_url: str, tmp_path: Path) -> Iterator[GuiController]:
    opened = open_server_services(server_url, clock=fixed_clock())
    try:
        create_demo_territory(opened.services)
    finally:
        opened.close()
    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    gui = GuiController(UserDirs(tmp_path / "donnees", tmp_path / "journaux"), settings, fixed_clock())
    yield gui
    gui.close()


def test_the_window_opens_on_the_server_base_without_backups(
    controller: GuiController, server_url: str, tmp_path: Path
) -> None:
    assert controller.open_server(server_url)
    window = controller.window
    assert window is not None and window.database_path is None
    assert window.server is not None and "127.0.0.1" in window.server
    assert window.database_label.text() == f"Base partagée : {window.server}"
    assert window.backup_label.text() == "Sauvegardes : gérées par le serveur"
    for action in (window.backup_action, window.restore_action):
        assert not action.isEnabled() and "serveur" in action.toolTip()
    assert not window.backup_timer.isActive() and not window.location_label.isVisible()
    assert window.refresh_timer.isActive() and window.refresh_timer.interval() == SERVER_REFRESH_INTERVAL_MS
    assert len(window.services.actions.list()) == 44
    assert not list(tmp_path.rglob("*.lock"))  # no lock file: several people work on the base at once


def test_f5_and_the_timer_reload_what_others_changed(qtbot: QtBot, controller: GuiController, server_url: str) -> None:
    assert controller.open_server(server_url)
    window = controller.window
    assert window is not None
    assert window.refresh_action.shortcut().toString() == "F5"
    with qtbot.waitSignal(window.context.data_changed, timeout=1000):
        window.refresh_action.trigger()
    assert window.statusBar().currentMessage() == "Données actualisées."
    window.refresh_timer.setInterval(10)
    with qtbot.waitSignal(window.context.data_changed, timeout=2000):
        pass


def test_an_unreachable_server_is_refused_in_french(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    gui = GuiController(UserDirs(tmp_path / "donnees", tmp_path / "journaux"), settings, fixed_clock())
    assert gui.open_server("postgresql+psycopg://personne@127.0.0.1:1/absente") is False
    assert gui.window is None and shown


def test_ctrl_z_keeps_the_title_a_colleague_saved_on_the_server(
    qtbot: QtBot, qapp: object, shared_base: SharedBase, tmp_path: Path
) -> None:
    """Claire edits a title in her fiche, Bruno (his own role, his own connection) saves another title, Claire
    presses Ctrl+Z: Bruno's title stays, Claire sees who changed it (the server's name for him) and can reload."""
    claire, bruno_role = shared_base.role("claire"), shared_base.role("bruno.hertz")
    owner = open_server_services(shared_base.url(shared_base.owner), clock=fixed_clock())
    try:
        territory = create_demo_territory(owner.services)
        for role in (claire, bruno_role):
            owner.services.access.grant(role, territory.name, "edition")
    finally:
        owner.close()
    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    controller = GuiController(UserDirs(tmp_path / "donnees", tmp_path / "journaux"), settings, fixed_clock())
    try:
        claire_sees_bruno(qtbot, controller, shared_base.url(claire), shared_base.url(bruno_role), bruno_role)
    finally:
        controller.close()


def claire_sees_bruno(qtbot: QtBot, controller: GuiController, claire_url: str, bruno_url: str, bruno: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QPushButton

    from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog

    assert controller.open_server(claire_url)
    window = controller.window
    assert window is not None
    context = window.context
    services = window.services  # the registry the composition root gave the window
    action = services.actions.list()[0]
    dialog = ActionEditorDialog(context, services, action.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()
    title = dialog.ui.titleEdit
    title.setFocus()
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    qtbot.keyClicks(title, "Titre de Claire")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert services.actions.get(action.id).title == "Titre de Claire"

    other = open_server_services(bruno_url, clock=fixed_clock())
    try:
        seen = other.services.actions.get(action.id)
        other.services.actions.update(action.id, expected_version=seen.version, title="Titre de Bruno")
        dialog.ui.tabs.setFocus()
        qtbot.keyClick(dialog.ui.tabs, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Claire's Ctrl+Z
        assert other.services.actions.get(action.id).title == "Titre de Bruno"  # as Bruno's session reads it
    finally:
        other.close()
    assert services.actions.get(action.id).title == "Titre de Bruno"
    box = window.conflict_box
    assert box is not None and box.isVisible() and box.windowTitle() == "Modification concurrente"
    assert f"{bruno} a modifié l'action" in box.text() and "Titre de Claire → Titre de Bruno" in box.text()
    assert not context.undo_stack.canUndo()
    next(b for b in box.findChildren(QPushButton) if b.text() == "Recharger").click()
    assert dialog.ui.titleEdit.text() == "Titre de Bruno"
