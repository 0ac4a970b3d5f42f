"""Plan d'action page: the tree, instant combined filters, inline edits with undo/redo, commands."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.gui.models.plan import Column
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.kernel.formatting import format_euros
from ti_desktop.services.maintenance import OpenDatabase

from .conftest import TODAY


def make_page(qtbot: QtBot, context: TestContext) -> PlanPage:
    page = PlanPage(context, context.services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def focus_table(page: PlanPage) -> None:
    """Keyboard shortcuts only reach the active window: activate it, then focus the table."""
    page.activateWindow()
    QApplication.processEvents()
    page.view.setFocus()


def codes(page: PlanPage) -> list[str | None]:
    services = page.context.services
    return [services.actions.get(action_id).code for action_id in page.model.matching_action_ids()]


def choose(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_the_plan_shows_every_action_grouped_by_axis(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    actions = context.services.actions.for_territory(context.territory_id or 0)
    assert sorted(page.model.matching_action_ids()) == sorted(a.id for a in actions)
    assert page.model.rowCount() == 4  # the four axes
    first_axis = page.model.index(0, Column.TITLE)
    assert first_axis.data().startswith("Innovation")
    assert f"{len(actions)} action(s) affichée(s) sur {len(actions)}" == page.count_label.text()
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    page.search.setText("friche")  # the tester checks the model stays consistent through a filter reset
    page.search.clear()


def test_filters_combine_instantly(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tid = context.territory_id or 0
    fon = context.services.axes.by_code(tid, "FON").id
    choose(page.axis_filter, fon)
    choose(page.status_filter, ActionStatus.EN_COURS.value)
    expected = context.services.actions.find(
        ActionFilter(
            territory_id=tid,
            axis_ids=frozenset({fon}),
            statuses=frozenset({ActionStatus.EN_COURS}),
            text="friche",
            today=TODAY,
        )
    )
    assert expected, "the demo has en-cours land actions about friches"
    qtbot.keyClicks(page.search, "friche")  # the search runs once typing pauses
    qtbot.waitUntil(lambda: page.count_label.text().startswith(f"{len(expected)} action(s)"))
    assert sorted(page.model.matching_action_ids()) == sorted(a.id for a in expected)
    page.clear_filters.click()
    assert len(page.model.matching_action_ids()) == page.model.action_count()


def test_late_and_to_discuss_filters_match_the_services(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tid = context.territory_id or 0
    page.late_only.setChecked(True)
    late = context.services.actions.find(ActionFilter(territory_id=tid, late_only=True, today=TODAY))
    assert sorted(page.model.matching_action_ids()) == sorted(a.id for a in late)
    page.to_discuss_only.setChecked(True)
    both = context.services.actions.find(
        ActionFilter(territory_id=tid, late_only=True, to_discuss_only=True, today=TODAY)
    )
    assert sorted(page.model.matching_action_ids()) == sorted(a.id for a in both)


def test_a_filter_requested_by_another_page_is_applied(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tid = context.territory_id or 0
    context.request_plan(ActionFilter(territory_id=tid, statuses=frozenset({ActionStatus.BLOQUEE}), today=TODAY))
    assert page.status_filter.currentData() == ActionStatus.BLOQUEE.value
    blocked = [a.id for a in context.services.actions.for_territory(tid) if a.status is ActionStatus.BLOQUEE]
    assert sorted(page.model.matching_action_ids()) == sorted(blocked)


def test_inline_status_change_is_saved_and_undoable(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    services = context.services
    action = next(
        a for a in services.actions.for_territory(context.territory_id or 0) if a.status is ActionStatus.EN_COURS
    )
    page.select_action(action.id)
    index = page.view.currentIndex().siblingAtColumn(Column.STATUS)
    page.view.edit(index)
    editor = page.view.findChild(QComboBox)
    assert editor is not None
    editor.setCurrentIndex(editor.findData(ActionStatus.BLOQUEE.value))
    editor.activated.emit(editor.currentIndex())
    page.view.commitData(editor)
    assert services.actions.get(action.id).status is ActionStatus.BLOQUEE
    page.select_action(action.id)
    assert page.view.currentIndex().siblingAtColumn(Column.STATUS).data() == "Bloquée"
    context.undo_stack.undo()
    assert services.actions.get(action.id).status is ActionStatus.EN_COURS
    context.undo_stack.redo()
    assert services.actions.get(action.id).status is ActionStatus.BLOQUEE


def test_inline_progress_refused_for_a_done_action_shows_why(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    services = context.services
    done = next(
        a for a in services.actions.for_territory(context.territory_id or 0) if a.status is ActionStatus.REALISEE
    )
    page.select_action(done.id)
    index = page.view.currentIndex().siblingAtColumn(Column.PROGRESS)
    assert page.model.setData(index, 80, Qt.ItemDataRole.EditRole) is False
    assert "une action réalisée est avancée à 100 %" in page.message.text()
    assert services.actions.get(done.id).progress == 100
    assert context.undo_stack.count() == 0


def test_delete_asks_then_undo_brings_everything_back(qtbot: QtBot, context: TestContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, context)
    services = context.services
    parent = next(
        a for a in services.actions.for_territory(context.territory_id or 0) if services.actions.sub_actions(a.id)
    )
    lines_before = len(services.funding.list(action_id=parent.id))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    page.select_action(parent.id)
    page.delete_action.trigger()
    assert parent.id not in page.model.matching_action_ids()
    context.undo_stack.undo()
    assert services.actions.get(parent.id) == parent
    assert len(services.funding.list(action_id=parent.id)) == lines_before
    assert parent.id in page.model.matching_action_ids()


def test_duplicate_and_new_action_shortcut(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    first = page.model.matching_action_ids()[0]
    page.select_action(first)
    page.duplicate_action.trigger()
    copies = [
        a for a in context.services.actions.for_territory(context.territory_id or 0) if a.title.endswith("(copie)")
    ]
    assert len(copies) == 1 and page.current_action_id() == copies[0].id
    context.undo_stack.undo()
    assert not [
        a for a in context.services.actions.for_territory(context.territory_id or 0) if a.title.endswith("(copie)")
    ]
    focus_table(page)
    with qtbot.waitSignal(context.action_create_requested) as request:
        qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert request.args[0] is not None  # the axis of the selected row


def test_enter_opens_the_fiche(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    first = page.model.matching_action_ids()[0]
    page.select_action(first)
    focus_table(page)
    with qtbot.waitSignal(context.action_open_requested) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_F2)
    assert opened.args == [first]


def test_sorting_by_budget(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    page.view.sortByColumn(Column.BUDGET, Qt.SortOrder.DescendingOrder)
    axis = page.model.index(0, 0)
    budgets = [
        context.services.actions.get(page.model.index(row, 0, axis).data(Qt.ItemDataRole.UserRole + 1)).planned_budget
        for row in range(page.model.rowCount(axis))
    ]
    values = [b or 0 for b in budgets]
    assert values == sorted(values, reverse=True)


def test_outcome_columns_appear_on_demand_and_with_their_filter(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    header = page.view.header()
    assert header.isSectionHidden(Column.JOBS) and header.isSectionHidden(Column.ACHIEVED_INVESTMENT)
    menu = page.columns.menu()
    entries = {action.text(): action for action in menu.actions()}
    assert not entries["Emplois créés / visés"].isChecked() and entries["Retard"].isChecked()
    entries["Emplois créés / visés"].trigger()  # the header's right-click menu
    assert not header.isSectionHidden(Column.JOBS)
    assert context.settings.value("plan/hidden_columns") == [str(int(Column.ACHIEVED_INVESTMENT))]

    choose(page.filled_filter, "achieved_investment")  # « Avec : Investissement réalisé »
    assert not header.isSectionHidden(Column.ACHIEVED_INVESTMENT)  # filtering on outcomes shows them
    assert sorted(codes(page)) == ["FON-02", "FON-03", "FON-05", "INN-01", "TEC-04"]
    inn = next(a for a in context.services.actions.for_territory(context.territory_id or 0) if a.code == "INN-01")
    row = page.model.index_of_action(inn.id)
    assert row.siblingAtColumn(Column.JOBS).data() == "2 / 4"  # created (constatés) over targeted
    assert row.siblingAtColumn(Column.ACHIEVED_INVESTMENT).data() == format_euros(Decimal(1200000))


def test_the_search_runs_once_typing_pauses_for_the_latest_text_only(
    qtbot: QtBot, context: TestContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, context)
    views = context.services.views
    searched: list[str] = []
    counts = views.plan_counts

    def recording(action_filter: ActionFilter, interruption: object = None) -> object:
        searched.append(action_filter.text)
        return counts(action_filter, interruption)  # type: ignore[arg-type]

    monkeypatch.setattr(views, "plan_counts", recording)
    total = page.model.action_count()
    qtbot.keyClicks(page.search, "frich")
    assert page.count_label.text() == f"{total} action(s) affichée(s) sur {total}"  # typing: nothing run yet
    qtbot.keyClicks(page.search, "e")
    expected = context.services.actions.find(ActionFilter(territory_id=context.territory_id or 0, text="friche"))
    qtbot.waitUntil(lambda: page.count_label.text() == f"{len(expected)} action(s) affichée(s) sur {total}")
    assert searched == ["friche"]  # one query, for the text typing paused on
    assert sorted(page.model.matching_action_ids()) == sorted(a.id for a in expected)
    page.search.clear()
    qtbot.keyClicks(page.search, "zzz")  # a newer text: its (empty) result is the one shown
    qtbot.waitUntil(lambda: page.count_label.text() == f"0 action(s) affichée(s) sur {total}")
    assert searched[-1] == "zzz" and "" not in searched


def test_a_long_plan_is_read_as_it_scrolls(qtbot: QtBot, context: TestContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("ti_desktop.gui.models.plan.BATCH", 3)
    page = make_page(qtbot, context)
    page.resize(1280, 300)  # a few lines on screen
    page.reload()
    model, view = page.model, page.view
    first, last = model.index(0, 0), model.index(model.rowCount() - 1, 0)
    assert 0 < model.rowCount(first) and model.rowCount(last) == 0 < model.axis_size(last)  # below the screen
    for _ in range(20):  # scrolling down, as a user does, brings the next lines
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        QApplication.processEvents()
    qtbot.waitUntil(lambda: model.rowCount(last) > 0)
    all_ids = model.matching_action_ids()
    assert sorted(all_ids) == sorted(a.id for a in context.services.actions.for_territory(context.territory_id or 0))


def plan_in_window(qtbot: QtBot, context: TestContext, database: Path, width: int, height: int) -> PlanPage:
    """The plan page as the window shows it (navigation on the left) at `width` × `height`."""
    from ti_desktop.app import action_editor_opener, build_pages
    from ti_desktop.gui.main_window import MainWindow

    window = MainWindow(
        context,
        context.services,
        database,
        build_pages(context, context.services),
        action_editor_opener(context.services),
    )
    qtbot.addWidget(window)
    window.show()
    window.resize(width, height)
    page = window.show_page(PlanPage)
    assert page is not None
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: page.view.header().sectionSize(Column.TITLE) > 0)
    QApplication.processEvents()
    return page


def test_at_1280_by_800_the_title_takes_the_width_and_nothing_is_cut(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    from ti_desktop.gui.tables import elided_tooltips, is_elided

    assert demo_opened.database.path is not None
    page = plan_in_window(qtbot, context, demo_opened.database.path, 1280, 800)
    header = page.view.header()
    shown = [column for column in Column if not header.isSectionHidden(column)]
    widths = {column: header.sectionSize(column) for column in shown}
    assert widths[Column.TITLE] >= 200
    assert widths[Column.TITLE] == max(widths.values())  # the title is the widest, the lead no longer
    assert sum(widths.values()) <= page.view.viewport().width()  # every column in view: no sideways scrolling
    lines = [page.model.index(row, 0, page.model.index(axis, 0)) for axis in range(4) for row in range(3)]
    tooltips = elided_tooltips(page.view)
    for line in lines:
        for column in shown:
            cell = line.siblingAtColumn(column)
            if column == Column.LEAD:  # free text (« Sophie Klein (Communauté…) »): capped, whole in its tooltip
                assert not is_elided(page.view, cell) or tooltips.tooltip_at(cell) == cell.data()
            elif column != Column.TITLE:  # « Retard », the status, the dates, the amounts: whole
                assert not is_elided(page.view, cell), (column, cell.data())
    # A title too long for its column is elided, and its tooltip is the whole of it.
    elided = next(
        line.siblingAtColumn(Column.TITLE) for line in lines if is_elided(page.view, line.siblingAtColumn(Column.TITLE))
    )
    assert tooltips.tooltip_at(elided) == elided.data()


def test_headers_sit_over_their_values(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    line = page.model.index(0, 0, page.model.index(0, 0))
    for column in Column:
        header = page.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole)
        assert header == line.siblingAtColumn(column).data(Qt.ItemDataRole.TextAlignmentRole), column
    assert page.model.headerData(Column.STATUS, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    assert page.model.headerData(Column.SECURED, Qt.Orientation.Horizontal) == "Financement\nacquis"


def test_a_column_shown_from_the_header_menu_is_sized_by_its_content(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    header = page.view.header()

    def filled() -> bool:  # the shown columns span the viewport exactly: the title takes what the others leave
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        return sum(header.sectionSize(c) for c in shown) == page.view.viewport().width()

    assert header.isSectionHidden(Column.ACHIEVED_INVESTMENT)
    qtbot.waitUntil(lambda: header.sectionSize(Column.CODE) != header.defaultSectionSize() and filled())
    title = header.sectionSize(Column.TITLE)
    page.columns.set_shown(Column.ACHIEVED_INVESTMENT, True)
    qtbot.waitUntil(lambda: header.sectionSize(Column.TITLE) < title and filled())  # the title gave it room
    assert header.sectionSize(Column.ACHIEVED_INVESTMENT) >= header.sectionSizeHint(Column.ACHIEVED_INVESTMENT)
    page.columns.set_shown(Column.ACHIEVED_INVESTMENT, False)
    assert filled()  # and took it back
