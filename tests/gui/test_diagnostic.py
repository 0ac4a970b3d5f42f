"""Diagnostic page: portrait sections saved as one types, AFOM quadrants and their order, key companies,
challenges flagged when no action answers them — every write undoable, every refusal shown in French."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import Priority, SwotCategory
from ti_desktop.gui.models.diagnostic import KIND_ROLE, RECORD_ID_ROLE, UNANSWERED_ROLE, ChallengeColumn, CompanyColumn
from ti_desktop.gui.pages.diagnostic import DiagnosticPage
from ti_desktop.gui.pages.diagnostic_swot import reordered_positions
from ti_desktop.kernel.formatting import format_number

UNANSWERED_TITLE = "Logement des alternants et des salariés nouvellement recrutés"


def make_page(qtbot: QtBot, context: TestContext, tab: int = 0) -> DiagnosticPage:
    page = DiagnosticPage(context, context.services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentIndex(tab)
    page.activateWindow()  # focus changes (saving on leaving a field) need the active window
    QApplication.processEvents()
    return page


def check_model(model: QAbstractItemModel) -> None:
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)


def same_values(a: object, b: object) -> bool:
    """Equal but for `updated_at` and `version` (an undone edit is itself a write)."""
    bookkeeping = {"updated_at": None, "version": 0}
    return dataclasses.replace(a, **bookkeeping) == dataclasses.replace(b, **bookkeeping)  # type: ignore[type-var]


def tid(context: TestContext) -> int:
    assert context.territory_id is not None
    return context.territory_id


@pytest.fixture
def say_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer « Oui » to confirmations, remembering the questions asked."""
    asked: list[str] = []

    def question(_parent: QWidget, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


# -- Portrait ----------------------------------------------------------------------------------------
def test_portrait_lists_the_general_sections_then_one_per_axis(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    model = page.portrait.model
    check_model(model)
    sections = context.services.diagnostic.list(territory_id=tid(context))
    axes = context.services.axes.available_to(tid(context))
    general = [s for s in sections if s.axis_id is None]
    assert general, "the demo has general sections"
    labels = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert len(labels) == len(general) + len(axes)
    assert all(label.startswith("Général\n") for label in labels[: len(general)])
    assert [label.split("\n")[0] for label in labels[len(general) :]] == [axis.label for axis in axes]
    # The first section is open in the editor.
    assert page.portrait.title_edit.text() == general[0].title
    assert page.portrait.text_edit.toPlainText() == general[0].text
    assert page.portrait.heading.text() == "Section générale"


def test_editing_a_section_text_and_leaving_saves_it_and_undo_restores_it(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    portrait = page.portrait
    innovation = context.services.axes.by_code(tid(context), "INN")
    section = next(s for s in context.services.diagnostic.list(territory_id=tid(context)) if s.axis_id == innovation.id)
    row = portrait.model.row_of(section.id)
    qtbot.mouseClick(
        portrait.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=portrait.list.visualRect(portrait.model.index(row, 0)).center(),
    )
    assert portrait.title_edit.text() == section.title
    assert portrait.heading.text() == "Axe « Innovation »"
    new_text = "Premier paragraphe : 42 % des PME sont équipées.\n\nSecond paragraphe."
    portrait.text_edit.setFocus()
    portrait.text_edit.setPlainText(new_text)
    portrait.title_edit.setFocus()  # leaving the text saves it
    QApplication.processEvents()
    assert context.services.diagnostic.get(section.id).text == new_text
    assert context.undo_stack.undoText() == f"Modifier la section « {section.title} »"
    context.undo_stack.undo()
    assert context.services.diagnostic.get(section.id).text == section.text
    assert portrait.text_edit.toPlainText() == section.text  # the editor shows the restored text
    context.undo_stack.redo()
    assert portrait.text_edit.toPlainText() == new_text


def click_section(qtbot: QtBot, page: DiagnosticPage, row: int) -> None:
    portrait = page.portrait
    rect = portrait.list.visualRect(portrait.model.index(row, 0))
    qtbot.mouseClick(portrait.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_typing_then_clicking_another_section_saves_the_first_and_opens_the_second(
    qtbot: QtBot, context: TestContext
) -> None:
    page = make_page(qtbot, context)
    portrait = page.portrait
    first, second = portrait.model.section_at(0), portrait.model.section_at(3)
    assert first is not None and second is not None
    portrait.text_edit.setFocus()
    portrait.text_edit.moveCursor(portrait.text_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(portrait.text_edit, " Ajout.")
    click_section(qtbot, page, 3)
    assert context.services.diagnostic.get(first.id).text == first.text + " Ajout."
    assert portrait.current_section_id() == second.id
    assert portrait.list.currentIndex().row() == 3
    assert portrait.title_edit.text() == second.title
    assert portrait.text_edit.toPlainText() == second.text
    assert context.undo_stack.count() == 1


def test_a_section_can_be_attached_to_another_axis(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    portrait = page.portrait
    section = portrait.model.section_at(0)
    assert section is not None and section.axis_id is None
    tec = context.services.axes.by_code(tid(context), "TEC")
    portrait.axis_combo.setCurrentIndex(portrait.axis_combo.findData(tec.id))
    portrait.axis_combo.activated.emit(portrait.axis_combo.currentIndex())
    assert context.services.diagnostic.get(section.id).axis_id == tec.id
    # The list is in order again (general sections first), and the section stays open.
    assert portrait.model.section_at(0) != section
    assert portrait.model.index(portrait.model.row_of(section.id), 0).data().startswith("Transition écologique\n")
    assert portrait.current_section_id() == section.id
    assert portrait.list.currentIndex().row() == portrait.model.row_of(section.id)
    assert portrait.heading.text() == "Axe « Transition écologique »"
    context.undo_stack.undo()
    assert context.services.diagnostic.get(section.id).axis_id is None
    assert portrait.axis_combo.currentData() is None


def test_a_pause_in_typing_saves_the_section(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    portrait = page.portrait
    section_id = portrait.current_section_id()
    assert section_id is not None
    before = context.services.diagnostic.get(section_id).text
    portrait.text_edit.setFocus()
    portrait.text_edit.moveCursor(portrait.text_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(portrait.text_edit, " Mise a jour 2026.")
    qtbot.waitUntil(lambda: context.services.diagnostic.get(section_id).text == before + " Mise a jour 2026.")
    assert portrait.text_edit.hasFocus()  # saving did not disturb the typing
    context.undo_stack.undo()
    assert context.services.diagnostic.get(section_id).text == before


def test_an_empty_section_title_is_refused_next_to_the_field(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    portrait = page.portrait
    section_id = portrait.current_section_id()
    assert section_id is not None
    title = context.services.diagnostic.get(section_id).title
    portrait.title_edit.setFocus()
    portrait.title_edit.clear()
    qtbot.keyClick(portrait.title_edit, Qt.Key.Key_Return)
    assert portrait.errors["title"].text() == "Titre de la section : ce champ est obligatoire."
    assert not portrait.errors["title"].isHidden()
    assert context.services.diagnostic.get(section_id).title == title
    assert context.undo_stack.count() == 0
    # Fixing it saves and clears the message.
    qtbot.keyClicks(portrait.title_edit, "Portrait du territoire")
    qtbot.keyClick(portrait.title_edit, Qt.Key.Key_Return)
    assert context.services.diagnostic.get(section_id).title == "Portrait du territoire"
    assert portrait.errors["title"].isHidden()


def test_new_axis_section_then_delete_with_confirmation(qtbot: QtBot, context: TestContext, say_yes: list[str]) -> None:
    page = make_page(qtbot, context)
    portrait = page.portrait
    crud = context.services.diagnostic
    count = len(crud.list(territory_id=tid(context)))
    menu = {action.text(): action for action in portrait.new_menu.actions()}
    menu["Section de l'axe « Foncier »"].trigger()
    sections = crud.list(territory_id=tid(context))
    assert len(sections) == count + 1
    created = crud.get(portrait.current_section_id() or 0)
    assert created.axis_id == context.services.axes.by_code(tid(context), "FON").id
    assert portrait.title_edit.hasFocus() and portrait.title_edit.selectedText() == "Foncier"
    qtbot.keyClicks(portrait.title_edit, "Zones d'activites")
    qtbot.keyClick(portrait.title_edit, Qt.Key.Key_Return)
    assert crud.get(created.id).title == "Zones d'activites"
    portrait.delete_button.click()
    assert say_yes and "Zones d'activites" in say_yes[0]
    assert len(crud.list(territory_id=tid(context))) == count
    assert portrait.current_section_id() != created.id
    context.undo_stack.undo()
    assert crud.get(created.id).title == "Zones d'activites"


# -- AFOM --------------------------------------------------------------------------------------------
def test_the_four_quadrants_count_the_items_of_their_category(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context, tab=1)
    titles = {
        SwotCategory.FORCE: "Forces",
        SwotCategory.FAIBLESSE: "Faiblesses",
        SwotCategory.OPPORTUNITE: "Opportunités",
        SwotCategory.MENACE: "Menaces",
    }
    for category, quadrant in page.swot.quadrants.items():
        check_model(quadrant.model)
        expected = context.services.swot.list(territory_id=tid(context), category=category)
        assert expected
        assert quadrant.count() == len(expected)
        assert quadrant.title_label.text() == f"{titles[category]} ({len(expected)})"
        shown = [quadrant.model.index(row, 0).data(RECORD_ID_ROLE) for row in range(quadrant.count())]
        assert shown == [item.id for item in expected]


def test_moving_the_second_strength_up_puts_it_first_and_undo_restores(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context, tab=1)
    forces = page.swot.quadrants[SwotCategory.FORCE]

    def order() -> list[int]:
        return [item.id for item in context.services.swot.list(territory_id=tid(context), category=SwotCategory.FORCE)]

    before = order()
    assert not forces.up_button.isEnabled()  # nothing selected
    forces.view.setCurrentIndex(forces.model.index(1, 0))
    assert forces.up_button.isEnabled()
    qtbot.mouseClick(forces.up_button, Qt.MouseButton.LeftButton)
    after = order()
    assert after == [before[1], before[0], *before[2:]]
    assert forces.model.index(0, 0).data(RECORD_ID_ROLE) == before[1]
    assert forces.current_item_id() == before[1]  # the moved item stays selected
    assert not forces.up_button.isEnabled()  # it is now first
    context.undo_stack.undo()
    assert order() == before
    assert forces.model.index(0, 0).data(RECORD_ID_ROLE) == before[0]
    forces.view.setCurrentIndex(forces.model.index(forces.count() - 1, 0))
    assert not forces.down_button.isEnabled()


def test_equal_positions_are_spread_before_reordering(context: TestContext) -> None:
    """Items imported with one same position still move: positions are spread, then swapped."""
    items = context.services.swot.list(territory_id=tid(context), category=SwotCategory.MENACE)[:3]
    same = [dataclasses.replace(item, position=7) for item in items]
    changes = reordered_positions(same, [items[1].id, items[0].id, items[2].id])
    assert changes == {items[0].id: 8, items[2].id: 9}  # items[1] keeps 7 and comes first
    distinct = [dataclasses.replace(item, position=p) for item, p in zip(items, (2, 5, 9), strict=True)]
    assert reordered_positions(distinct, [items[1].id, items[0].id, items[2].id]) == {items[1].id: 2, items[0].id: 5}


def test_adding_an_afom_item_needs_a_text(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context, tab=1)
    threats = page.swot.quadrants[SwotCategory.MENACE]
    count = threats.count()
    qtbot.mouseClick(threats.add_button, Qt.MouseButton.LeftButton)
    dialog = threats.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.save_button.click()
    assert dialog.error_text("text") == "Texte : ce champ est obligatoire."
    assert dialog.isVisible()
    assert len(context.services.swot.list(territory_id=tid(context), category=SwotCategory.MENACE)) == count
    qtbot.keyClicks(dialog.text_edit, "Fermeture annoncee d'un sous-traitant de rang 2")
    dialog.axis_combo.setCurrentIndex(dialog.axis_combo.findData(context.services.axes.by_code(tid(context), "INN").id))
    dialog.save_button.click()
    assert not dialog.isVisible()
    items = context.services.swot.list(territory_id=tid(context), category=SwotCategory.MENACE)
    assert len(items) == count + 1
    assert items[-1].text == "Fermeture annoncee d'un sous-traitant de rang 2"  # added at the end
    assert threats.count() == count + 1
    assert threats.title_label.text() == f"Menaces ({count + 1})"
    assert threats.model.index(count, 0).data().endswith("[INN]")
    context.undo_stack.undo()
    assert threats.count() == count


def test_an_afom_item_can_be_edited_into_another_quadrant_and_deleted(
    qtbot: QtBot, context: TestContext, say_yes: list[str]
) -> None:
    page = make_page(qtbot, context, tab=1)
    forces = page.swot.quadrants[SwotCategory.FORCE]
    opportunities = page.swot.quadrants[SwotCategory.OPPORTUNITE]
    first = forces.model.item_at(0)
    assert first is not None
    forces.view.setCurrentIndex(forces.model.index(0, 0))
    forces.edit_current()
    dialog = forces.dialog
    assert dialog is not None and dialog.text_edit.toPlainText() == first.text
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(SwotCategory.OPPORTUNITE.value))
    dialog.save_button.click()
    assert context.services.swot.get(first.id).category == SwotCategory.OPPORTUNITE
    assert opportunities.model.row_of(first.id) == opportunities.count() - 1
    assert forces.model.row_of(first.id) == -1
    opportunities.select_item(first.id)
    opportunities.delete_current()
    assert say_yes
    assert all(item.id != first.id for item in context.services.swot.list(territory_id=tid(context)))
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert same_values(context.services.swot.get(first.id), first)
    assert forces.model.row_of(first.id) == 0


# -- Entreprises clés --------------------------------------------------------------------------------
def test_the_companies_table_shows_every_key_company(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context, tab=2)
    tab = page.companies
    check_model(tab.model)
    check_model(tab.proxy)
    companies = context.services.companies.list(territory_id=tid(context))
    assert tab.proxy.rowCount() == len(companies)
    total = format_number(sum(c.employees or 0 for c in companies))
    assert tab.total_label.text() == f"{len(companies)} entreprises, {total} salariés au total"
    biggest = max(companies, key=lambda company: company.employees or 0)
    row = next(
        row for row in range(tab.proxy.rowCount()) if tab.proxy.index(row, CompanyColumn.NAME).data() == biggest.name
    )
    assert tab.proxy.index(row, CompanyColumn.EMPLOYEES).data() == format_number(biggest.employees)
    assert tab.proxy.index(row, CompanyColumn.SIRET).data().replace(" ", "") == biggest.siret
    tab.view.sortByColumn(CompanyColumn.EMPLOYEES, Qt.SortOrder.DescendingOrder)
    assert tab.proxy.index(0, CompanyColumn.NAME).data() == biggest.name


def test_adding_a_company_without_a_name_shows_the_message_and_writes_nothing(
    qtbot: QtBot, context: TestContext
) -> None:
    page = make_page(qtbot, context, tab=2)
    tab = page.companies
    count = len(context.services.companies.list(territory_id=tid(context)))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.commune_edit, "Sarrevillers")
    dialog.save_button.click()
    assert dialog.error_text("name") == "Raison sociale : ce champ est obligatoire."
    assert dialog.isVisible() and dialog.commune_edit.text() == "Sarrevillers"  # what was typed is kept
    assert len(context.services.companies.list(territory_id=tid(context))) == count
    assert context.undo_stack.count() == 0


def test_a_company_with_a_bad_headcount_is_refused_then_added(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context, tab=2)
    tab = page.companies
    count = len(context.services.companies.list(territory_id=tid(context)))
    tab.add_company()
    dialog = tab.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.name_edit, "Atelier Mecanique du Westrich")
    qtbot.keyClicks(dialog.employees_edit, "beaucoup")
    dialog.save_button.click()
    assert dialog.error_text("employees") == "Effectif : « beaucoup » n'est pas un nombre entier."
    assert dialog.error_text("name") == ""
    assert len(context.services.companies.list(territory_id=tid(context))) == count
    dialog.employees_edit.setText("1 250")
    dialog.siret_edit.setText("123 456 789 00012")  # as the table shows it
    dialog.save_button.click()
    assert not dialog.isVisible()
    created = [c for c in context.services.companies.list(territory_id=tid(context)) if c.name.startswith("Atelier")]
    assert len(created) == 1 and (created[0].employees, created[0].siret) == (1250, "12345678900012")
    assert tab.current_company_id() == created[0].id
    row = tab.view.currentIndex().row()
    assert tab.proxy.index(row, CompanyColumn.EMPLOYEES).data() == format_number(1250)
    context.undo_stack.undo()
    assert len(context.services.companies.list(territory_id=tid(context))) == count
    assert tab.proxy.rowCount() == count


def test_editing_and_deleting_a_company(qtbot: QtBot, context: TestContext, say_yes: list[str]) -> None:
    page = make_page(qtbot, context, tab=2)
    tab = page.companies
    tab.view.selectRow(0)
    company_id = tab.current_company_id()
    assert company_id is not None
    original = context.services.companies.get(company_id)
    tab.edit_current()
    dialog = tab.dialog
    assert dialog is not None and dialog.name_edit.text() == original.name
    dialog.commune_edit.setText("Hoffelbach")
    dialog.save_button.click()
    assert context.services.companies.get(company_id).commune == "Hoffelbach"
    assert context.services.companies.get(company_id).employees == original.employees  # unchanged through the form
    tab.select_company(company_id)
    tab.delete_current()
    assert say_yes and original.name in say_yes[0]
    assert tab.model.row_of(company_id) == -1
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert same_values(context.services.companies.get(company_id), original)


# -- Enjeux ------------------------------------------------------------------------------------------
def test_challenges_no_action_answers_are_flagged(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context, tab=3)
    tab = page.challenges
    check_model(tab.model)
    services = context.services
    challenges = services.challenges.list(territory_id=tid(context))
    expected = {c.id for c in challenges if not services.actions.actions_answering(c.id)}
    assert [services.challenges.get(cid).title for cid in expected] == [UNANSWERED_TITLE]
    indexes = tab.model.challenge_indexes()
    assert len(indexes) == len(challenges)
    flagged = {index.data(RECORD_ID_ROLE) for index in indexes if index.data(UNANSWERED_ROLE)}
    assert flagged == expected
    for index in indexes:
        answer = index.siblingAtColumn(ChallengeColumn.ANSWER).data()
        if index.data(RECORD_ID_ROLE) in expected:
            assert answer == "⚠ Aucune action ne répond à cet enjeu"
        else:
            assert "Aucune action" not in answer
    assert tab.summary_label.text() == f"{len(challenges)} enjeux, dont 1 sans action"
    # Selecting it shows its description and the orange badge.
    tab.select_challenge(next(iter(expected)))
    assert tab.detail_title.text() == UNANSWERED_TITLE
    assert not tab.detail_badge.isHidden()
    assert tab.detail_badge.text() == "Aucune action ne répond à cet enjeu"
    # The filter keeps only the challenges without action.
    tab.unanswered_only.click()
    assert [index.data() for index in tab.model.challenge_indexes()] == [UNANSWERED_TITLE]
    assert tab.model.rowCount() == 1  # only its axis
    tab.unanswered_only.click()
    assert len(tab.model.challenge_indexes()) == len(challenges)


def test_each_challenge_lists_the_actions_answering_it(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context, tab=3)
    tab = page.challenges
    services = context.services
    for index in tab.model.challenge_indexes():
        actions = services.actions.actions_answering(index.data(RECORD_ID_ROLE))
        shown = [tab.model.index(row, 0, index).data() for row in range(tab.model.rowCount(index))]
        assert shown == [f"{a.code} — {a.title}" for a in actions]
        assert all(tab.model.index(row, 0, index).data(KIND_ROLE) == "action" for row in range(len(actions)))
        challenge = services.challenges.get(index.data(RECORD_ID_ROLE))
        assert index.siblingAtColumn(ChallengeColumn.PRIORITY).data() == challenge.priority.label


def test_double_clicking_an_action_opens_its_fiche(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context, tab=3)
    tab = page.challenges
    challenge = next(index for index in tab.model.challenge_indexes() if not index.data(UNANSWERED_ROLE))
    action_index = tab.model.index(0, 0, challenge)
    tab.view.scrollTo(action_index)
    position = tab.view.visualRect(action_index).center()
    with qtbot.waitSignal(context.action_open_requested) as blocker:
        qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=position)
        qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert blocker.args == [action_index.data(RECORD_ID_ROLE)]


def test_adding_a_challenge_flags_it_until_an_action_answers_it(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context, tab=3)
    tab = page.challenges
    services = context.services
    count = len(services.challenges.list(territory_id=tid(context)))
    tab.add_challenge()
    dialog = tab.dialog
    assert dialog is not None
    dialog.save_button.click()
    assert dialog.error_text("title") == "Titre de l'enjeu : ce champ est obligatoire."
    assert len(services.challenges.list(territory_id=tid(context))) == count
    tec = services.axes.by_code(tid(context), "TEC").id
    dialog.axis_combo.setCurrentIndex(dialog.axis_combo.findData(tec))
    qtbot.keyClicks(dialog.title_edit, "Raccordement electrique des sites")
    dialog.priority_combo.setCurrentIndex(dialog.priority_combo.findData(Priority.HAUTE.value))
    dialog.save_button.click()
    assert not dialog.isVisible()
    created = services.challenges.list(territory_id=tid(context))[-1]
    assert (created.title, created.axis_id, created.priority) == (
        "Raccordement electrique des sites",
        tec,
        Priority.HAUTE,
    )
    index = tab.model.index_of_challenge(created.id)
    assert index.data(UNANSWERED_ROLE) is True
    assert tab.summary_label.text() == f"{count + 1} enjeux, dont 2 sans action"
    # Once an action answers it, it is no longer flagged.
    action = services.actions.for_territory(tid(context))[0]
    context.editor.run(
        "Relier",
        do=lambda: services.actions.set_challenges(action.id, services.actions.challenge_ids(action.id) | {created.id}),
        undo=lambda: None,
    )
    assert tab.model.index_of_challenge(created.id).data(UNANSWERED_ROLE) is False
    assert tab.summary_label.text() == f"{count + 1} enjeux, dont 1 sans action"


def test_deleting_a_challenge_is_undone_with_its_links_to_actions(
    qtbot: QtBot, context: TestContext, say_yes: list[str]
) -> None:
    page = make_page(qtbot, context, tab=3)
    tab = page.challenges
    services = context.services
    index = next(index for index in tab.model.challenge_indexes() if tab.model.rowCount(index) >= 3)
    challenge_id = index.data(RECORD_ID_ROLE)
    answering = [a.id for a in services.actions.actions_answering(challenge_id)]
    tab.view.setCurrentIndex(index)
    tab.delete_current()
    assert say_yes and f"{len(answering)} action(s) n'y répondront plus." in say_yes[0]
    assert tab.model.index_of_challenge(challenge_id) == QModelIndex()
    context.undo_stack.undo()
    assert [a.id for a in services.actions.actions_answering(challenge_id)] == answering
    assert tab.model.index_of_challenge(challenge_id).isValid()
    context.undo_stack.redo()
    assert not tab.model.index_of_challenge(challenge_id).isValid()
