"""Territoire page: identity saved field by field (with undo), intercommunalités, governance."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import GovernanceRole
from ti_desktop.gui.dialogs.record_form import RecordFormDialog
from ti_desktop.gui.dialogs.territory_dialogs import EpciDialog, RoleDialog
from ti_desktop.gui.models.actors import GovernanceColumn
from ti_desktop.gui.models.epcis import EpciColumn
from ti_desktop.gui.pages.territory import TerritoryPage
from ti_desktop.kernel.formatting import format_number

ModelTester = QAbstractItemModelTester
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def make_page(qtbot: QtBot, context: TestContext) -> TerritoryPage:
    page = TerritoryPage(context, context.services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()  # focus changes (leaving a field) only happen in the active window
    QApplication.processEvents()
    return page


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Focus the field, select everything and type over it, like a user."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(widget, text)


def territory_id(context: TestContext) -> int:
    assert context.territory_id is not None
    return context.territory_id


def click_save(qtbot: QtBot, dialog: RecordFormDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_identity_form_shows_the_territory(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    territory = context.services.territories.get(territory_id(context))
    assert page.title() == "Territoire"
    assert page.identity.edits["name"].text() == territory.name
    assert page.identity.edits["region"].text() == "Grand Est"
    assert page.identity.edits["labelled_on"].text() == "17/11/2023"
    assert page.identity.summary.toPlainText() == territory.summary


def test_leaving_an_edited_field_saves_it_and_undo_restores_it(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tid = territory_id(context)
    before = context.services.territories.get(tid).name
    name = page.identity.edits["name"]
    retype(qtbot, name, "TI Sarre Vosges")
    page.identity.edits["region"].setFocus()  # leave the field
    assert context.services.territories.get(tid).name == "TI Sarre Vosges"
    assert context.undo_stack.undoText() == "Territoire : modifier « Nom du territoire »"
    context.undo_stack.undo()
    assert context.services.territories.get(tid).name == before
    assert name.text() == before  # the page shows the restored name
    context.undo_stack.redo()
    assert name.text() == "TI Sarre Vosges"


def test_an_empty_name_is_refused_in_french_and_nothing_is_written(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tid = territory_id(context)
    before = context.services.territories.get(tid)
    retype(qtbot, page.identity.edits["name"], "")
    qtbot.keyClick(page.identity.edits["name"], Qt.Key.Key_Return)
    error = page.identity.errors.labels["name"]
    assert error.isVisible()
    assert error.text() == "Nom du territoire : ce champ est obligatoire."
    assert context.services.territories.get(tid) == before
    assert context.undo_stack.count() == 0
    # Correcting the field saves it and the message goes away.
    qtbot.keyClicks(page.identity.edits["name"], "TI Moselle Est")
    qtbot.keyClick(page.identity.edits["name"], Qt.Key.Key_Return)
    assert not error.isVisible()
    assert context.services.territories.get(tid).name == "TI Moselle Est"


def test_the_labelling_date_is_typed_in_french_and_may_be_left_empty(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tid = territory_id(context)
    date_edit = page.identity.edits["labelled_on"]
    retype(qtbot, date_edit, "31/02/2024")
    qtbot.keyClick(date_edit, Qt.Key.Key_Return)
    error = page.identity.errors.labels["labelled_on"]
    # The one date reader of every form (gui/inputs.py) says why the date is refused.
    assert error.text() == "Date de labellisation : le 31/02/2024 n'existe pas dans le calendrier."
    assert context.services.territories.get(tid).labelled_on == dt.date(2023, 11, 17)
    retype(qtbot, date_edit, "5/1/2024")
    qtbot.keyClick(date_edit, Qt.Key.Key_Return)
    assert context.services.territories.get(tid).labelled_on == dt.date(2024, 1, 5)
    assert date_edit.text() == "05/01/2024"
    assert not error.isVisible()
    retype(qtbot, date_edit, "")
    qtbot.keyClick(date_edit, Qt.Key.Key_Return)
    assert context.services.territories.get(tid).labelled_on is None


def test_the_summary_is_saved_when_it_loses_the_focus(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tid = territory_id(context)
    summary = page.identity.summary
    summary.setFocus()
    summary.selectAll()
    qtbot.keyClicks(summary, "Un territoire industriel transfrontalier.")
    page.identity.edits["phase"].setFocus()
    assert context.services.territories.get(tid).summary == "Un territoire industriel transfrontalier."


def test_adding_an_epci_shows_it_and_updates_the_totals(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tid = territory_id(context)
    epcis = context.services.epcis.list(territory_id=tid)
    population = sum(e.population or 0 for e in epcis)
    communes = sum(e.commune_count or 0 for e in epcis)
    assert page.epcis.totals.text() == (
        f"{len(epcis)} intercommunalité(s) — {format_number(population)} habitants — {format_number(communes)} communes"
    )
    qtbot.mouseClick(page.epcis.add_button, Qt.MouseButton.LeftButton)
    dialog = page.epcis.dialog
    assert isinstance(dialog, EpciDialog)
    qtbot.keyClicks(dialog.name_edit, "Communaute de communes du Pays de Bitche")
    qtbot.keyClicks(dialog.siren_edit, "200 034 080")
    qtbot.keyClicks(dialog.population_edit, "12 500")
    qtbot.keyClicks(dialog.communes_edit, "9")
    click_save(qtbot, dialog)
    model = page.epcis.model
    assert model.rowCount() == len(epcis) + 1
    names = [model.index(row, EpciColumn.NAME).data() for row in range(model.rowCount())]
    assert "Communaute de communes du Pays de Bitche" in names
    row = names.index("Communaute de communes du Pays de Bitche")
    assert model.index(row, EpciColumn.SIREN).data() == "200034080"
    assert model.index(row, EpciColumn.POPULATION).data() == format_number(12500)
    assert page.epcis.totals.text() == (
        f"{len(epcis) + 1} intercommunalité(s) — {format_number(population + 12500)} habitants — "
        f"{format_number(communes + 9)} communes"
    )
    context.undo_stack.undo()
    assert model.rowCount() == len(epcis)


def test_a_bad_population_is_refused_in_the_dialog(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tid = territory_id(context)
    count = len(context.services.epcis.list(territory_id=tid))
    qtbot.mouseClick(page.epcis.add_button, Qt.MouseButton.LeftButton)
    dialog = page.epcis.dialog
    assert isinstance(dialog, EpciDialog)
    qtbot.keyClicks(dialog.name_edit, "CC du Saulnois")
    qtbot.keyClicks(dialog.population_edit, "environ 30000")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors.text("population") == "Population : « environ 30000 » n'est pas un nombre entier."
    assert len(context.services.epcis.list(territory_id=tid)) == count
    # Without a name, the services' own French message appears under the name.
    dialog.population_edit.clear()
    dialog.name_edit.clear()
    click_save(qtbot, dialog)
    assert dialog.errors.text("name") == "Nom de l'intercommunalité : ce champ est obligatoire."
    assert len(context.services.epcis.list(territory_id=tid)) == count


def test_editing_and_deleting_an_epci(qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch) -> None:
    page = make_page(qtbot, context)
    tid = territory_id(context)
    epci = context.services.epcis.list(territory_id=tid)[0]
    assert not page.epcis.edit_button.isEnabled()
    page.epcis.view.selectRow(0)
    assert page.epcis.edit_button.isEnabled()
    qtbot.mouseClick(page.epcis.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.epcis.dialog
    assert isinstance(dialog, EpciDialog)
    assert dialog.name_edit.text() == epci.name
    retype(qtbot, dialog.communes_edit, "37")
    click_save(qtbot, dialog)
    assert context.services.epcis.get(epci.id).commune_count == 37
    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, question: str) -> QMessageBox.StandardButton:
        asked.append(question)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.epcis.view.selectRow(0)
    qtbot.mouseClick(page.epcis.delete_button, Qt.MouseButton.LeftButton)
    assert epci.name in asked[0]
    assert all(e.id != epci.id for e in context.services.epcis.list(territory_id=tid))
    context.undo_stack.undo()
    assert context.services.epcis.get(epci.id).name == epci.name


def test_the_governance_shows_the_binome_and_every_role(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    services = context.services
    roles = services.roles.list(territory_id=territory_id(context))
    names = {role.role: services.actors.get(role.actor_id).name for role in roles}
    elu = names[GovernanceRole.ELU_REFERENT]
    industriel = names[GovernanceRole.INDUSTRIEL_REFERENT]
    model = page.governance.model
    assert model.rowCount() == len(roles)
    # The binôme comes first, with its role labels, and is named above the table.
    assert model.index(0, GovernanceColumn.ROLE).data() == "Élu référent"
    assert model.index(0, GovernanceColumn.NAME).data() == elu
    assert model.index(1, GovernanceColumn.ROLE).data() == "Industriel référent"
    assert model.index(1, GovernanceColumn.NAME).data() == industriel
    assert elu in page.governance.binome.text()
    assert industriel in page.governance.binome.text()
    assert names[GovernanceRole.CHEF_DE_PROJET] in page.governance.binome.text()
    actor = services.actors.get(roles[0].actor_id)
    row = next(r for r in range(model.rowCount()) if model.index(r, GovernanceColumn.NAME).data() == actor.name)
    assert model.index(row, GovernanceColumn.EMAIL).data() == actor.email
    assert model.index(row, GovernanceColumn.PHONE).data() == actor.phone
    assert page.governance.missing.text() == ""


def test_adding_and_removing_a_governance_member(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, context)
    tid = territory_id(context)
    services = context.services
    newcomer = next(a for a in services.actors.list() if not services.roles.list(territory_id=tid, actor_id=a.id))
    count = len(services.roles.list(territory_id=tid))
    qtbot.mouseClick(page.governance.add_button, Qt.MouseButton.LeftButton)
    dialog = page.governance.dialog
    assert isinstance(dialog, RoleDialog)
    click_save(qtbot, dialog)  # no actor chosen yet
    assert dialog.errors.text("actor_id") == "Acteur : ce champ est obligatoire."
    assert len(services.roles.list(territory_id=tid)) == count
    dialog.actor_combo.setCurrentIndex(dialog.actor_combo.findData(newcomer.id))
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(GovernanceRole.REFERENT_ETAT.value))
    click_save(qtbot, dialog)
    added = services.roles.list(territory_id=tid, actor_id=newcomer.id)
    assert [r.role for r in added] == [GovernanceRole.REFERENT_ETAT]
    model = page.governance.model
    names = [model.index(r, GovernanceColumn.NAME).data() for r in range(model.rowCount())]
    assert newcomer.name in names
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    page.governance.view.selectRow(names.index(newcomer.name))
    qtbot.mouseClick(page.governance.remove_button, Qt.MouseButton.LeftButton)
    assert services.roles.list(territory_id=tid, actor_id=newcomer.id) == []
    assert model.rowCount() == count


def test_a_missing_role_is_pointed_out(qtbot: QtBot, context: TestContext) -> None:
    tid = territory_id(context)
    services = context.services
    for role in services.roles.list(territory_id=tid, role=GovernanceRole.REFERENT_ETAT):
        services.roles.delete(role.id)
    page = make_page(qtbot, context)
    assert page.governance.missing.text() == "À désigner : Référent État"


def test_models_pass_the_qt_model_tester(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    testers = [ModelTester(page.epcis.model, FATAL), ModelTester(page.governance.model, FATAL)]
    page.reload()  # the testers (kept alive) check the models stay consistent through a reset
    assert len(testers) == 2
