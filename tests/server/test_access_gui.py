"""The window on a shared base with access rights: only the territories granted, a read-only territory says
why, and Fichier › Accès à la base partagée lists, grants and revokes (for an administrator)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ti_desktop.app import GuiController
from ti_desktop.gui.dialogs.access_dialog import AccessDialog, GrantDialog
from ti_desktop.paths import UserDirs

from ..clock import fixed_clock
from .conftest import OTHER, World


@pytest.fixture
def controller(qapp: object, tmp_path: Path) -> Iterator[GuiController]:
    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    gui = GuiController(UserDirs(tmp_path / "donnees", tmp_path / "journaux"), settings, fixed_clock())
    yield gui
    gui.close()


def test_the_region_sees_its_territories_read_only_and_only_its_own_rights(
    qtbot: QtBot, controller: GuiController, world: World
) -> None:
    assert controller.open_server(world.base.url(world.region))
    window = controller.window
    assert window is not None
    selector = window.territory_selector
    assert sorted(selector.itemText(i) for i in range(selector.count())) == sorted([world.demo, OTHER])
    assert window.access_banner.isVisible()
    assert "lecture seule (niveau « Région »)" in window.access_banner.text()
    assert window.access_action.isEnabled()
    dialog = window.show_access()
    assert isinstance(dialog, AccessDialog)
    rows = {(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()) for r in range(dialog.table.rowCount())}
    assert rows == {(world.demo, world.region), (OTHER, world.region)}
    assert not dialog.grant_button.isEnabled() and not dialog.revoke_button.isEnabled()


def test_an_administrator_grants_and_revokes_from_the_dialog(
    qtbot: QtBot, controller: GuiController, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    newcomer = world.base.role("lea")
    assert controller.open_server(world.base.url(world.paul))
    window = controller.window
    assert window is not None and not window.access_banner.isVisible()  # paul administers his territory
    dialog = window.show_access()
    assert dialog.grant_button.isEnabled()

    def grant_form(territories: list[str]) -> GrantDialog:
        form = GrantDialog(territories, OTHER, dialog)
        assert territories == [OTHER]  # only what paul administers

        def fill() -> None:
            form.role_edit.setText("personne_inconnue")  # first a role the server does not have
            form.grant_button.click()
            QTimer.singleShot(0, fix)

        def fix() -> None:
            assert form.isVisible() and "n'existe pas sur le serveur" in form.error_label.text()
            form.role_edit.setText(newcomer)
            form.level_combo.setCurrentIndex(form.level_combo.findData("lecture"))
            form.grant_button.click()

        QTimer.singleShot(0, fill)
        return form

    monkeypatch.setattr(dialog, "grant_dialog", grant_form)
    dialog.grant_button.click()
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert [OTHER, newcomer, "Lecture"] in rows
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == newcomer)
    dialog.table.selectRow(row)
    assert dialog.revoke_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    dialog.revoke_button.click()
    assert all(dialog.table.item(r, 1).text() != newcomer for r in range(dialog.table.rowCount()))
    assert dialog.isVisible()  # still open, for the next change


def test_a_right_withdrawn_while_the_fiche_is_open_refuses_the_edit_beside_the_field(
    qtbot: QtBot, controller: GuiController, world: World
) -> None:
    """Marie opens a fiche with « Édition »; the owner then leaves her « Lecture »: her next edit is refused,
    in French, beside the field, and nothing is written (the right counts at the very next query)."""
    from PySide6.QtCore import Qt

    from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog
    from ti_desktop.services.maintenance import open_server_services

    assert controller.open_server(world.base.url(world.marie))
    window = controller.window
    assert window is not None
    action = window.services.actions.for_territory(world.demo_id)[0]
    dialog = ActionEditorDialog(window.context, window.services, action.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    owner = open_server_services(world.base.url(world.base.owner), clock=fixed_clock())
    try:
        owner.services.access.grant(world.marie, world.demo, "lecture")
    finally:
        owner.close()
    title = dialog.ui.titleEdit
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Titre de Marie")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    shown = dialog.general.errors["title"]  # beside the field, as every refusal of the fiche
    assert "ne permet pas cette modification" in shown.text() and shown.isVisible()
    assert title.text() == action.title  # the stored value shown again: nothing was written
    seen_by_owner = world.sql(world.base.owner, "SELECT title FROM actions WHERE id = :id", id=action.id)
    assert seen_by_owner == [(action.title,)]


def test_a_read_only_territory_shows_its_fiche_and_plan_for_reading(
    qtbot: QtBot, controller: GuiController, world: World
) -> None:
    from PySide6.QtCore import Qt

    from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog
    from ti_desktop.gui.pages.plan import PlanPage

    assert controller.open_server(world.base.url(world.region))
    window = controller.window
    assert window is not None
    reason = window.context.read_only_reason
    assert reason is not None and "lecture seule" in reason
    plan = window.show_page(PlanPage)
    assert not plan.new_action.isEnabled() and not plan.delete_action.isEnabled()
    assert plan.new_action.toolTip() == reason
    assert not plan.model.flags(plan.model.index(0, 0, plan.model.index(0, 0))) & Qt.ItemFlag.ItemIsEditable
    action = next(a for a in window.services.actions.for_territory(world.demo_id) if not a.confidential)
    dialog = ActionEditorDialog(window.context, window.services, action.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert ui.titleEdit.isReadOnly() and ui.titleEdit.text() == action.title
    assert not ui.confidentialCheck.isEnabled()
    challenges = dialog.general.challenges
    assert challenges.rowCount() and not challenges.flags(challenges.index(0)) & Qt.ItemFlag.ItemIsEnabled
    assert not ui.addFundingButton.isVisible() and ui.closeButton.isVisible()
    assert dialog.windowTitle().endswith("(lecture seule)")
    assert ui.messageLabel.text() == reason
    # Marie edits the same territory: nothing is read-only for her.
    controller.close()
    assert controller.open_server(world.base.url(world.marie))
    assert controller.window is not None and controller.window.context.read_only_reason is None
    assert controller.window.show_page(PlanPage).new_action.isEnabled()
