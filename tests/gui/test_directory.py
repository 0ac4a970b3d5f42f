"""Annuaire page: search and kind filter, actor detail with their actions, create / edit / delete actors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import ActorKind
from ti_desktop.gui.dialogs.actor_dialog import ActorDialog
from ti_desktop.gui.models.actors import DirectoryColumn
from ti_desktop.gui.pages.directory import DirectoryPage

ModelTester = QAbstractItemModelTester
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def make_page(qtbot: QtBot, context: TestContext) -> DirectoryPage:
    page = DirectoryPage(context, context.services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def shown_names(page: DirectoryPage) -> list[str]:
    return [page.proxy.index(row, DirectoryColumn.NAME).data() for row in range(page.proxy.rowCount())]


def territory_id(context: TestContext) -> int:
    assert context.territory_id is not None
    return context.territory_id


def open_new_actor_dialog(qtbot: QtBot, page: DirectoryPage) -> ActorDialog:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ActorDialog)
    return dialog


def click_save(qtbot: QtBot, dialog: ActorDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_directory_lists_every_actor_with_their_involvement(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    actors = context.services.actors.list()
    assert page.title() == "Annuaire"
    assert page.proxy.rowCount() == len(actors) == 30
    assert page.count_label.text() == "30 acteur(s) sur 30"
    involvement = {i.actor.name: i for i in context.services.views.involvement(territory_id(context))}
    for row in range(page.proxy.rowCount()):
        name = page.proxy.index(row, DirectoryColumn.NAME).data()
        item = involvement[name]
        assert page.proxy.index(row, DirectoryColumn.KIND).data() == item.actor.kind.label
        assert page.proxy.index(row, DirectoryColumn.LEADS).data() == str(len(item.lead_of))
        assert page.proxy.index(row, DirectoryColumn.PARTNERSHIPS).data() == str(len(item.partner_of))


def test_the_search_filters_rows_ignoring_case_and_accents(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    qtbot.keyClicks(page.search, "KELLER")
    assert shown_names(page) == ["Antoine Keller"]
    assert page.count_label.text() == "1 acteur(s) sur 30"
    page.search.clear()
    qtbot.keyClicks(page.search, "emilie")  # finds "Émilie Roth"
    assert [plain.split()[0] for plain in shown_names(page)] == ["Émilie"]
    page.search.clear()
    qtbot.keyClicks(page.search, "bpifrance")  # the organisation and the e-mail are searched too
    assert shown_names(page) == ["Antoine Keller"]
    page.search.clear()
    assert page.proxy.rowCount() == 30


def test_the_kind_filter_combines_with_the_search(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    operators = [a for a in context.services.actors.list() if a.kind == ActorKind.OPERATEUR]
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(ActorKind.OPERATEUR.value))
    assert sorted(shown_names(page)) == sorted(a.name for a in operators)
    kinds = {page.proxy.index(r, DirectoryColumn.KIND).data() for r in range(page.proxy.rowCount())}
    assert kinds == {"Opérateur"}
    qtbot.keyClicks(page.search, "ademe")
    assert shown_names(page) == ["Pierre Fontaine"]


def test_selecting_an_actor_lists_the_actions_they_lead_and_partner(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tid = territory_id(context)
    services = context.services
    busiest = max(services.views.involvement(tid), key=lambda i: len(i.lead_of))
    assert page.detail.currentIndex() == 0  # nothing selected: the hint
    qtbot.keyClicks(page.search, busiest.actor.name.split()[-1].lower())
    page.view.selectRow(0)
    assert page.detail.name_label.text() == busiest.actor.name
    assert page.detail.phone_label.text() == busiest.actor.phone
    assert busiest.actor.email in page.detail.email_label.text()
    led = [a for a in services.actions.list(lead_actor_id=busiest.actor.id) if a.territory_id == tid]
    expected = sorted(f"{a.code} — {a.title}" for a in led)
    assert page.detail.lead_model.texts() == expected
    assert page.detail.lead_box.title() == f"Porteur de {len(led)} action(s)"
    partners = services.partners.list(actor_id=busiest.actor.id)
    texts = page.detail.partner_model.texts()
    assert len(texts) == len(partners)
    for partner in partners:
        action = services.actions.get(partner.action_id)
        line = f"{action.code} — {action.title}" + (f" ({partner.role})" if partner.role else "")
        assert line in texts


def test_the_governance_role_and_a_double_click_opens_the_action(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    services = context.services
    hoffmann = next(a for a in services.actors.list() if a.name == "Claire Hoffmann")
    assert page.select_actor(hoffmann.id)
    assert page.detail.roles_label.text() == "Industriel référent"
    view = page.detail.lead_list
    index = page.detail.lead_model.index(0, 0)
    rect = view.visualRect(index)
    with qtbot.waitSignal(context.action_open_requested) as opened:
        # A real double-click starts with a press: the view only reports it on the pressed item.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    action = services.actions.get(opened.args[0])
    assert action.lead_actor_id == hoffmann.id
    assert page.detail.lead_model.texts()[0].startswith(f"{action.code} — ")


def test_an_actor_without_a_name_is_refused_in_french(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    before = context.services.actors.list()
    dialog = open_new_actor_dialog(qtbot, page)
    qtbot.keyClicks(dialog.organisation_edit, "Fibres Lorraines SAS")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors.labels["name"].isVisible()
    assert dialog.errors.text("name") == "Nom : ce champ est obligatoire."
    assert context.services.actors.list() == before
    assert context.undo_stack.count() == 0
    qtbot.keyClicks(dialog.name_edit, "Paul Weber")
    qtbot.keyClicks(dialog.email_edit, "paul.weber")
    click_save(qtbot, dialog)
    assert dialog.errors.text("email") == "Courriel : « paul.weber » n'est pas une adresse valide."
    assert context.services.actors.list() == before


def test_creating_an_actor_shows_and_selects_it_and_undo_removes_it(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    qtbot.keyClicks(page.search, "zzz")  # a filter that would hide the newcomer
    dialog = open_new_actor_dialog(qtbot, page)
    qtbot.keyClicks(dialog.name_edit, "Paul Weber")
    qtbot.keyClicks(dialog.organisation_edit, "Fibres Lorraines SAS")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ActorKind.ENTREPRISE.value))
    qtbot.keyClicks(dialog.email_edit, "p.weber@fibres-lorraines.example.fr")
    qtbot.keyClicks(dialog.phone_edit, "03 87 00 00 00")
    click_save(qtbot, dialog)
    created = next(a for a in context.services.actors.list() if a.name == "Paul Weber")
    assert created.kind == ActorKind.ENTREPRISE
    assert created.organisation == "Fibres Lorraines SAS"
    assert page.current_actor_id() == created.id
    assert page.detail.name_label.text() == "Paul Weber"
    assert page.count_label.text() == "31 acteur(s) sur 31"
    context.undo_stack.undo()
    assert all(a.name != "Paul Weber" for a in context.services.actors.list())
    assert page.proxy.rowCount() == 30


def test_editing_an_actor(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    keller = next(a for a in context.services.actors.list() if a.name == "Antoine Keller")
    page.select_actor(keller.id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ActorDialog)
    assert dialog.email_edit.text() == keller.email
    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, "06 12 34 56 78")
    click_save(qtbot, dialog)
    assert context.services.actors.get(keller.id).phone == "06 12 34 56 78"
    assert page.current_actor_id() == keller.id
    assert page.detail.phone_label.text() == "06 12 34 56 78"


def test_deleting_a_lead_warns_and_undo_puts_everything_back(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, context)
    tid = territory_id(context)
    services = context.services
    hoffmann = next(a for a in services.actors.list() if a.name == "Claire Hoffmann")
    led = services.actions.list(lead_actor_id=hoffmann.id)
    partners = services.partners.list(actor_id=hoffmann.id)
    roles = services.roles.list(actor_id=hoffmann.id)
    assert led and partners and roles
    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, question: str) -> QMessageBox.StandardButton:
        asked.append(question)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.select_actor(hoffmann.id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert f"porteur de {len(led)} action(s) : elles n'auront plus de porteur" in asked[0]
    assert all(a.name != "Claire Hoffmann" for a in services.actors.list())
    assert all(services.actions.get(a.id).lead_actor_id is None for a in led)
    assert page.proxy.rowCount() == 29
    context.undo_stack.undo()
    assert services.actors.get(hoffmann.id) == hoffmann
    assert all(services.actions.get(a.id).lead_actor_id == hoffmann.id for a in led)
    assert services.partners.list(actor_id=hoffmann.id) == partners
    assert services.roles.list(actor_id=hoffmann.id) == roles
    restored = next(i for i in services.views.involvement(tid) if i.actor.id == hoffmann.id)
    assert len(restored.lead_of) == len([a for a in led if a.territory_id == tid])
    context.undo_stack.redo()
    assert all(services.actions.get(a.id).lead_actor_id is None for a in led)
    context.undo_stack.undo()
    assert services.roles.list(actor_id=hoffmann.id) == roles
    assert all(services.actions.get(a.id).lead_actor_id == hoffmann.id for a in led)


def test_refusing_the_confirmation_deletes_nothing(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, context)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    page.view.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert len(context.services.actors.list()) == 30
    assert context.undo_stack.count() == 0


def test_models_pass_the_qt_model_tester(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    page.view.selectRow(3)
    testers = [
        ModelTester(page.model, FATAL),
        ModelTester(page.proxy, FATAL),
        ModelTester(page.detail.lead_model, FATAL),
        ModelTester(page.detail.partner_model, FATAL),
    ]
    qtbot.keyClicks(page.search, "com")  # filtering, sorting and a reload under the testers' eyes
    page.view.sortByColumn(DirectoryColumn.LEADS, Qt.SortOrder.DescendingOrder)
    page.view.selectRow(0)
    page.reload()
    assert len(testers) == 4
