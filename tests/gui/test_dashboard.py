"""Tableau de bord: figures equal the services' summary, every figure opens the filtered plan, lists and history."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.app import action_editor_opener, build_pages
from ti_desktop.domain.enums import STARTED_STATUSES, ActionStatus, DecisionState
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.models.records import ACTION_ID_ROLE
from ti_desktop.gui.pages import dashboard
from ti_desktop.gui.pages.dashboard import DashboardPage, FigureTile
from ti_desktop.gui.pages.meetings import MeetingsPage
from ti_desktop.kernel.formatting import format_date, format_euros, format_number, format_percent
from ti_desktop.services.maintenance import OpenDatabase

from .conftest import TODAY


def make_page(qtbot: QtBot, context: TestContext, width: int = 1280, height: int = 800) -> DashboardPage:
    page = DashboardPage(context, context.services)
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    return page


def tid(context: TestContext) -> int:
    assert context.territory_id is not None
    return context.territory_id


def column(view: QTableView, col: int) -> list[str]:
    model = view.model()
    return [model.index(row, col).data() for row in range(model.rowCount())]


def header(view: QTableView) -> list[str]:
    model = view.model()
    return [model.headerData(col, Qt.Orientation.Horizontal) for col in range(model.columnCount())]


def double_click_row(qtbot: QtBot, view: QTableView, row: int) -> None:
    view.scrollTo(view.model().index(row, 1))
    centre = view.visualRect(view.model().index(row, 1)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_tiles_show_the_plan_summary(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    summary = context.services.summary.plan_summary(tid(context), TODAY)
    for status, tile in page.status_tiles.items():
        assert tile.caption_label.text() == status.label
        assert tile.value_label.text() == format_number(summary.status_counts.count(status))
    assert page.total_tile.value_label.text() == format_number(summary.status_counts.total)
    assert page.started_tile.value_label.text() == format_percent(summary.status_counts.share_started)
    assert page.late_tile.value_label.text() == format_number(summary.late_count)
    assert page.jobs_tile.value_label.text() == format_number(summary.jobs_targeted)
    # Targeted vs achieved (constatés).
    assert page.jobs_created_tile.value_label.text() == format_number(summary.jobs_created) != "0"
    assert f"sur {format_number(summary.jobs_targeted)} visés" in page.jobs_created_tile.note_label.text()
    assert page.induced_tile.value_label.text() == format_euros(summary.induced_investment)
    assert page.achieved_tile.value_label.text() == format_euros(summary.achieved_investment)
    assert page.achieved_tile.caption_label.text() == "Investissement réalisé"
    assert page.budget_tile.value_label.text() == format_euros(summary.budget.planned)
    assert page.requested_tile.value_label.text() == format_euros(summary.funding.requested)
    assert page.granted_tile.value_label.text() == format_euros(summary.funding.granted)
    assert page.paid_tile.value_label.text() == format_euros(summary.funding.paid)
    assert page.coverage_tile.value_label.text() == format_percent(summary.funding.coverage)
    assert page.budget_tile.caption_label.text() == "Budget prévisionnel"
    assert page.coverage_tile.caption_label.text() == "Couverture du budget"
    assert summary.late_count > 0, "the demo has late actions"
    assert "Territoire d'industrie Sarre-Vosges du Nord" in page.heading.text()
    assert page.as_of.text() == f"Situation au {format_date(TODAY)}"


def test_clickable_tiles_look_clickable(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tiles: list[FigureTile] = [*page.status_tiles.values(), page.late_tile, page.started_tile, page.budget_tile]
    for tile in tiles:
        assert tile.cursor().shape() == Qt.CursorShape.PointingHandCursor
        assert tile.toolTip()
    assert page.status_tiles[ActionStatus.BLOQUEE].toolTip() == "Voir ces actions dans le plan"
    assert page.late_tile.toolTip() == "Voir ces actions dans le plan"


def test_clicking_the_bloquee_tile_opens_the_plan_on_blocked_actions(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    with qtbot.waitSignal(context.plan_filter_requested, timeout=1000) as blocker:
        qtbot.mouseClick(page.status_tiles[ActionStatus.BLOQUEE], Qt.MouseButton.LeftButton)
    requested = blocker.args[0]
    assert requested == ActionFilter(territory_id=tid(context), statuses=frozenset({ActionStatus.BLOQUEE}), today=TODAY)
    blocked = context.services.actions.find(requested)
    assert len(blocked) == int(page.status_tiles[ActionStatus.BLOQUEE].value_label.text())


def test_clicking_the_late_tile_opens_the_plan_on_late_actions(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    with qtbot.waitSignal(context.plan_filter_requested, timeout=1000) as blocker:
        qtbot.mouseClick(page.late_tile, Qt.MouseButton.LeftButton)
    requested = blocker.args[0]
    assert requested == ActionFilter(territory_id=tid(context), late_only=True, today=TODAY)
    assert len(context.services.actions.find(requested)) == int(page.late_tile.value_label.text())


def test_tiles_open_the_plan_from_the_keyboard_too(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    with qtbot.waitSignal(context.plan_filter_requested, timeout=1000) as blocker:
        qtbot.keyClick(page.started_tile, Qt.Key.Key_Space)
    assert blocker.args[0].statuses == STARTED_STATUSES


def test_chart_shows_actions_per_axis_and_status(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    axes = context.services.axes.available_to(tid(context))
    counts = context.services.summary.counts_by_axis(tid(context))
    chart = page.chart
    assert sorted(chart.category_axis.categories()) == sorted(axis.label for axis in axes)
    assert "Transition écologique" in chart.category_axis.categories()
    assert [bar_set.label() for bar_set in chart.bar_sets.values()] == [status.label for status in ActionStatus]
    for axis in axes:
        for status in ActionStatus:
            assert chart.count(axis.id, status) == counts[axis.id].count(status)
    assert chart.value_axis.min() == 0
    assert chart.value_axis.labelFormat() == "%d"
    interval = chart.value_axis.tickInterval()
    assert interval >= 1 and interval == int(interval), "integer ticks"
    assert chart.chart().legend().isVisible()
    colours = {bar_set.color().name() for bar_set in chart.bar_sets.values()}
    assert len(colours) == len(ActionStatus), "one colour per status"


def test_clicking_a_bar_segment_opens_the_plan_on_that_axis_and_status(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    chart = page.chart
    chart_item = chart.chart()
    axis = context.services.axes.by_code(tid(context), "FON")
    index = next(i for i in range(len(chart.axes)) if chart.axis_at(i).id == axis.id)
    assert chart.count(axis.id, ActionStatus.EN_COURS) > 0
    # The middle of the "En cours" segment of the Foncier bar, in the view's coordinates.
    statuses = list(ActionStatus)
    earlier = statuses[: statuses.index(ActionStatus.EN_COURS)]
    before = sum(chart.count(axis.id, status) for status in earlier)
    middle = before + chart.count(axis.id, ActionStatus.EN_COURS) / 2
    assert chart.series is not None
    point = chart_item.mapToPosition(QPointF(middle, index), chart.series)
    target = chart.mapFromScene(chart_item.mapToScene(point))
    page.scroll_area.ensureWidgetVisible(chart)
    with qtbot.waitSignal(context.plan_filter_requested, timeout=1000) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(target.x(), target.y()))
    requested = blocker.args[0]
    assert requested == ActionFilter(
        territory_id=tid(context),
        axis_ids=frozenset({axis.id}),
        statuses=frozenset({ActionStatus.EN_COURS}),
        today=TODAY,
    )
    assert len(context.services.actions.find(requested)) == chart.count(axis.id, ActionStatus.EN_COURS)


def test_late_actions_table_lists_exactly_the_late_actions(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    late = context.services.summary.late_actions(tid(context), TODAY)
    view = page.late_section.view
    assert header(view) == ["Code", "Action", "Fin prévue", "Jours de retard"]
    assert column(view, 0) == [action.code for action in late]
    assert column(view, 1) == [action.title for action in late]
    assert column(view, 2) == [format_date(action.planned_end) for action in late]
    assert column(view, 3) == [str((TODAY - action.planned_end).days) for action in late if action.planned_end]
    assert page.late_section.heading.text() == f"Actions en retard ({len(late)})"
    with qtbot.waitSignal(context.action_open_requested, timeout=1000) as blocker:
        double_click_row(qtbot, view, 1)
    assert blocker.args == [late[1].id]


def test_milestone_lists_and_opening_their_action(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    services = context.services
    overdue = services.summary.milestones_due(tid(context), TODAY, overdue=True)
    upcoming = services.summary.milestones_due(tid(context), TODAY, overdue=False, horizon_days=60)
    assert overdue and upcoming, "the demo has overdue and upcoming milestones"
    overdue_view = page.overdue_section.view
    upcoming_view = page.upcoming_section.view
    assert header(overdue_view) == ["Échéance", "Jalon", "Action"]
    assert column(overdue_view, 0) == [format_date(item.milestone.due_on) for item in overdue]
    assert column(overdue_view, 1) == [item.milestone.title for item in overdue]
    assert column(overdue_view, 2) == [item.action.code for item in overdue]
    assert column(upcoming_view, 1) == [item.milestone.title for item in upcoming]
    assert page.upcoming_section.heading.text() == f"Jalons des 60 prochains jours ({len(upcoming)})"
    with qtbot.waitSignal(context.action_open_requested, timeout=1000) as blocker:
        double_click_row(qtbot, upcoming_view, 0)
    assert blocker.args == [upcoming[0].action.id]


def test_pending_decisions_show_their_owner_by_name(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    services = context.services
    pending = [row.decision for row in services.steering.pending_decisions(tid(context))]
    view = page.decisions_section.view
    assert header(view)[:3] == ["Décision", "Échéance", "Responsable"]
    assert column(view, 0) == [decision.text for decision in pending]
    assert column(view, 1) == [format_date(decision.due_on) for decision in pending]
    owners = [services.actors.get(d.owner_actor_id).name if d.owner_actor_id else "—" for d in pending]
    assert column(view, 2) == owners


def test_recent_changes_read_in_french_after_an_edit(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    services = context.services
    action = next(a for a in services.actions.for_territory(tid(context)) if a.status is ActionStatus.EN_COURS)
    before = context.services.summary.plan_summary(tid(context), TODAY).status_counts.count(ActionStatus.BLOQUEE)
    context.editor.update(
        services.actions, action.id, f"Modifier le statut de {action.code}", status=ActionStatus.BLOQUEE
    )
    view = page.changes_section.view
    assert header(view) == ["Quand", "Qui", "Quoi"]
    assert view.model().index(0, 2).data() == f"{action.code} — Statut : En cours → Bloquée"
    assert view.model().index(0, 1).data() == "claire.martin"
    when = dt.datetime.strptime(view.model().index(0, 0).data(), "%d/%m/%Y %H:%M")
    # Local time of the clock's moment (10:00 on TODAY), not UTC.
    assert when == context.clock.now().astimezone().replace(tzinfo=None, second=0, microsecond=0)
    assert view.model().rowCount() == 15
    # The figures followed the edit.
    assert page.status_tiles[ActionStatus.BLOQUEE].value_label.text() == format_number(before + 1)
    # Double-clicking the change opens its action.
    with qtbot.waitSignal(context.action_open_requested, timeout=1000) as blocker:
        double_click_row(qtbot, view, 0)
    assert blocker.args == [action.id]


def test_history_lines_name_amounts_dates_and_people(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    services = context.services
    action = next(
        a for a in services.actions.for_territory(tid(context)) if a.lead_actor_id and a.planned_budget is not None
    )
    other_actor = next(actor for actor in services.actors.list() if actor.id != action.lead_actor_id)
    assert action.planned_end is not None and action.planned_budget is not None and action.lead_actor_id
    new_end = action.planned_end + dt.timedelta(days=30)
    context.editor.update(services.actions, action.id, "budget", planned_budget=action.planned_budget + 1000)
    context.editor.update(services.actions, action.id, "fin", planned_end=new_end)
    context.editor.update(services.actions, action.id, "porteur", lead_actor_id=other_actor.id)
    lines = [page.changes_model.index(row, 2).data() for row in range(3)]
    lead = services.actors.get(action.lead_actor_id).name
    assert lines == [
        f"{action.code} — Porteur : {lead} → {other_actor.name}",
        f"{action.code} — Fin prévue : {format_date(action.planned_end)} → {format_date(new_end)}",
        f"{action.code} — Budget prévisionnel : {format_euros(action.planned_budget)} → "
        f"{format_euros(action.planned_budget + 1000)}",
    ]
    milestone = services.milestones.list(action_id=action.id)[0]
    context.editor.delete(services.milestones, milestone.id, "supprimer le jalon")
    assert page.changes_model.index(0, 2).data() == f"{action.code} — Jalon supprimé : {milestone.title}"


def test_models_are_consistent(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    models = [page.late_model, page.overdue_model, page.upcoming_model, page.decisions_model, page.changes_model]
    testers = [QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal) for m in models]
    page.reload()  # the testers watch the resets
    assert len(testers) == 5
    for model in models:
        assert model.rowCount() > 0
        assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert page.late_model.index(0, 0).data(ACTION_ID_ROLE) is not None


def test_an_empty_territory_shows_zeros_and_sentences(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    empty = context.services.territories.create(name="Territoire vide")
    context.set_territory(empty.id)
    assert page.heading.text().endswith("Territoire vide")
    assert page.status_tiles[ActionStatus.EN_COURS].value_label.text() == "0"
    assert page.budget_tile.value_label.text() == format_euros(0)
    assert page.coverage_tile.value_label.text() == format_percent(None)
    assert page.late_section.empty_label.text() == "Aucune action en retard."
    assert page.late_section.empty_label.isVisible()
    assert not page.late_section.view.isVisible()
    assert page.chart.value_axis.min() == 0
    with qtbot.waitSignal(context.plan_filter_requested, timeout=1000) as blocker:
        qtbot.mouseClick(page.late_tile, Qt.MouseButton.LeftButton)
    assert blocker.args[0].territory_id == empty.id


def test_a_hidden_dashboard_reloads_when_shown_again(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    page.hide()
    action = next(a for a in context.services.actions.for_territory(tid(context)) if a.status is ActionStatus.EN_COURS)
    context.editor.update(context.services.actions, action.id, "x", status=ActionStatus.REALISEE, progress=100)
    page.show()
    QApplication.processEvents()
    summary = context.services.summary.plan_summary(tid(context), TODAY)
    assert page.status_tiles[ActionStatus.REALISEE].value_label.text() == format_number(
        summary.status_counts.count(ActionStatus.REALISEE)
    )


def test_pending_decisions_tile_counts_them_and_the_overdue_ones(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    pending = context.services.steering.pending_decisions(tid(context))
    overdue = [row for row in pending if row.is_overdue(TODAY)]
    tile = page.decisions_tile
    assert tile.caption_label.text() == "Décisions en attente"
    assert tile.value_label.text() == format_number(len(pending)) == "4"
    assert tile.note_label.text().splitlines() == [
        f"dont {len(overdue)} en retard",
        "prochaine échéance : 30/11/2026",
    ]
    assert tile.value_label.property("role") == "error"  # red: one is overdue
    tooltip = tile.toolTip().splitlines()
    assert tooltip[0] == "Voir le relevé de décisions"
    assert tooltip[1] == f"• {format_date(pending[0].decision.due_on)} — {pending[0].decision.text[:69]}…"
    assert len(tooltip) == 1 + len(pending)
    # Marking one done (undoably, from anywhere) updates the tile.
    context.editor.update(context.services.decisions, overdue[0].id, "Marquer fait", state=DecisionState.FAIT)
    assert tile.value_label.text() == "3"
    assert "en retard" not in tile.note_label.text()


def test_clicking_the_pending_decisions_tile_opens_the_register(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = MainWindow(
        context,
        context.services,
        demo_opened.database.path,
        build_pages(context, context.services),
        action_editor_opener(context.services),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dashboard = window.show_page(DashboardPage)
    assert isinstance(dashboard, DashboardPage)
    meetings = next(page for page in window.pages if isinstance(page, MeetingsPage))
    meetings.register.set_state_filter(None)
    qtbot.mouseClick(dashboard.decisions_tile, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is meetings
    assert window.navigation.currentItem().text() == "Réunions"
    assert meetings.tabs.currentWidget() is meetings.register
    pending = context.services.steering.pending_decisions(tid(context))
    assert [row.id for row in meetings.register.shown_rows()] == [row.id for row in pending]


def test_the_pending_decisions_tile_does_nothing_outside_the_main_window(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    page.open_decision_register()  # no navigation to follow: the dashboard stays
    assert page.isVisible()


def test_a_total_with_a_ttc_part_says_it_under_its_figure(qtbot: QtBot, context: TestContext) -> None:
    actions = context.services.actions.for_territory(context.territory_id or 0)
    ttc = next(action for action in actions if action.planned_budget)
    context.services.actions.update(ttc.id, budget_basis="ttc")
    page = make_page(qtbot, context)
    summary = context.services.summary.plan_summary(context.territory_id or 0, TODAY)
    assert summary.budget.planned_ttc == ttc.planned_budget
    # The figure stays the plan's total; the note under it says how much of it is TTC.
    assert page.budget_tile.value_label.text() == format_euros(summary.budget.planned)
    assert page.budget_tile.note_label.text().startswith(f"dont {format_euros(ttc.planned_budget)} TTC\n")
    assert "TTC" not in page.requested_tile.note_label.text()  # every funding line of the demo is HT


CHART_LATE = """
import datetime as dt, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from tests.gui.harness import TestContext
from ti_desktop.gui.pages.dashboard import DashboardPage
from ti_desktop.kernel.clock import FixedClock
from ti_desktop.services.maintenance import open_services

app = QApplication([])
folder = Path(sys.argv[1])
opened = open_services(folder / "plan.sqlite3", clock=FixedClock.on(dt.date(2026, 11, 21)))
services = opened.services
territory = services.territories.create(name="Vallée")
axis = services.axes.available_to(territory.id)[0]
services.actions.create(territory_id=territory.id, axis_id=axis.id, title="Friche")
context = TestContext(services, QSettings(str(folder / "r.ini"), QSettings.Format.IniFormat), folder, opened.clock)
context.set_territory(territory.id)
page = DashboardPage(context, services)
print("built", "PySide6.QtCharts" in sys.modules)
page.show()
print("shown", "PySide6.QtCharts" in sys.modules, page.total_tile.value_label.text(), page.chart_built())
app.processEvents()
print("painted", "PySide6.QtCharts" in sys.modules, page.chart_built(), page.chart.isVisible())
opened.close()
"""


def test_the_chart_and_qtcharts_come_after_the_figures(tmp_path: Path) -> None:
    """Building and showing the page shows its figures without loading QtCharts; the chart follows at once."""
    root = Path(__file__).resolve().parents[2]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    result = subprocess.run(
        [sys.executable, "-c", CHART_LATE, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env=environment,
        timeout=120,
    )
    lines = [line for line in result.stdout.splitlines() if line.split(" ")[0] in ("built", "shown", "painted")]
    assert lines == ["built False", "shown False 1 False", "painted True True True"]


def test_long_lists_show_their_first_rows_and_count_the_others(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dashboard, "LIST_SHOWN", 2)
    page = make_page(qtbot, context)
    late = context.services.summary.late_actions(tid(context), TODAY)
    assert len(late) > 2, "the demo has more than two late actions"
    assert column(page.late_section.view, 0) == [action.code for action in late[:2]]
    assert page.late_section.heading.text() == f"Actions en retard ({len(late)})"
    assert page.late_section.more_label.isVisible()
    assert page.late_section.more_label.text() == f"… et {len(late) - 2} autre(s), à voir dans le plan"
    overdue = context.services.summary.milestones_due(tid(context), TODAY, overdue=True)
    assert page.overdue_section.heading.text() == f"Jalons dépassés ({len(overdue)})"
    assert page.overdue_section.view.model().rowCount() == min(2, len(overdue))
    monkeypatch.setattr(dashboard, "LIST_SHOWN", 100)
    page.reload()
    assert column(page.late_section.view, 0) == [action.code for action in late]
    assert not page.late_section.more_label.isVisible()


def test_a_list_s_columns_widen_to_a_longer_text_after_an_edit(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    services = context.services
    view = page.late_section.view
    first = services.actions.get(view.model().index(0, 0).data(ACTION_ID_ROLE))
    width = view.columnWidth(0)
    code = "TRES-LONG-CODE-0001"  # at most 20 characters
    context.editor.update(services.actions, first.id, "code", code=code)
    assert code in column(view, 0)
    # The whole code shows in its column: wider than before, at least as wide as the text.
    assert view.columnWidth(0) > width
    assert view.columnWidth(0) >= view.fontMetrics().horizontalAdvance(code)


def test_a_national_plan_gets_at_most_about_ten_round_ticks() -> None:
    from ti_desktop.gui.pages.dashboard_chart import tick_interval

    assert [tick_interval(n) for n in (10, 11, 5000, 10_000, 25_000, 100_000)] == [1, 2, 500, 1000, 5000, 10_000]


def test_a_national_plan_s_segment_counts_are_whole_numbers(qtbot: QtBot) -> None:
    """The segments' labels are Qt's %g of the count with the series' precision: 11 170 actions of one status
    on one axis read « 11170 », not « 1.117e+04 »."""
    from PySide6.QtCharts import QAbstractBarSeries

    from ti_desktop.gui.pages.dashboard_chart import AxisStatusChart

    chart = AxisStatusChart()
    qtbot.addWidget(chart)
    chart.set_data([], {})
    (series,) = chart.chart().series()
    assert isinstance(series, QAbstractBarSeries)
    precision = series.labelsPrecision()
    assert f"{11_170:.{precision}g}" == "11170"
    assert f"{2_500_000:.{precision}g}" == "2500000"


# -- figures for every reader (issues 20 and 21) -------------------------------------------------------------------
def test_each_tile_says_its_figure(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    summary = context.services.summary.figures(tid(context), TODAY).summary
    granted = format_euros(summary.funding.granted)
    assert page.granted_tile.accessibleName() == f"Financements acquis : {granted}"
    assert page.total_tile.accessibleName() == f"Actions au plan : {format_number(summary.status_counts.total)}"
    blocked = page.status_tiles[ActionStatus.BLOQUEE]
    assert blocked.accessibleName() == f"Bloquée : {blocked.value_label.text()}"
    assert page.late_tile.accessibleDescription() == "fin prévue dépassée"
    for tile in page.findChildren(FigureTile):
        assert tile.accessibleName() == f"{tile.caption_label.text()} : {tile.value_label.text()}"


def figures_cut(page: DashboardPage) -> list[str]:
    """The figures a tile shows cut (their text wider than their label)."""
    return [
        f"{tile.caption_label.text()}: {tile.value_label.text()} ({tile.value_label.width()} px)"
        for tile in page.findChildren(FigureTile)
        if tile.value_label.fontMetrics().horizontalAdvance(tile.value_label.text()) > tile.value_label.width()
    ]


@pytest.mark.parametrize("width", [1024, 800])
def test_at_1024_px_and_less_tiles_wrap_rather_than_cut_their_figures(
    qtbot: QtBot, context: TestContext, width: int
) -> None:
    page = make_page(qtbot, context, width=width)
    QApplication.processEvents()
    assert "€" in page.budget_tile.value_label.text()
    assert figures_cut(page) == []
    assert page.scroll_area.horizontalScrollBar().maximum() == 0  # nor pushed out of the page
    money_row = page.budget_tile.parentWidget()
    assert isinstance(money_row, dashboard.TileRow)
    if width == 800:
        assert money_row.columns < 5  # the fifth tile went to the next line
        assert page.coverage_tile.y() > page.budget_tile.y()


def test_tiles_wrap_at_200_percent_text_too(qtbot: QtBot, context: TestContext) -> None:
    from ti_desktop.gui.theme import BASE_FONT_PROPERTY, TEXT_SIZE_PROPERTY, install_text_size

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    try:
        install_text_size(app, 200)
        page = make_page(qtbot, context, width=1024)
        QApplication.processEvents()
        assert figures_cut(page) == []
        assert page.scroll_area.horizontalScrollBar().maximum() == 0
    finally:
        install_text_size(app, 100)
        app.setFont(before)
        app.setProperty(BASE_FONT_PROPERTY, None)
        app.setProperty(TEXT_SIZE_PROPERTY, None)


def test_the_chart_is_described_and_its_figures_are_a_table_reached_by_tab(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    chart = page.chart
    axes = context.services.axes.available_to(tid(context))
    innovation = next(axis for axis in axes if axis.label == "Innovation")
    total = sum(chart.count(innovation.id, status) for status in ActionStatus)
    in_progress = chart.count(innovation.id, ActionStatus.EN_COURS)
    assert chart.accessibleName() == "Graphique des actions par axe et par statut"
    description = chart.accessibleDescription()
    assert f"Innovation : {total} action(s) — " in description
    assert f"{in_progress} en cours" in description
    assert not page.figures_view.isVisible()
    # From the last figure tile, Tab reaches « Voir les chiffres ».
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.coverage_tile.setFocus()
    qtbot.waitUntil(page.coverage_tile.hasFocus)
    for _ in range(40):
        focused = QApplication.focusWidget()
        if focused is page.figures_button or focused is None:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.figures_button
    qtbot.keyClick(page.figures_button, Qt.Key.Key_Space)
    assert page.figures_view.isVisible() and page.figures_view.hasFocus()
    assert page.figures_button.text() == "Masquer les chiffres"
    model = page.figures_view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Axe", *(status.label for status in ActionStatus), "Total"]
    assert column(page.figures_view, 0) == [axis.label for axis in axes]
    row = [axis.id for axis in axes].index(innovation.id)
    cells = [model.index(row, c).data() for c in range(model.columnCount())]
    assert cells == ["Innovation", *(format_number(chart.count(innovation.id, s)) for s in ActionStatus), str(total)]
    qtbot.keyClick(page.figures_button, Qt.Key.Key_Space)
    assert not page.figures_view.isVisible()


class RecordingNavigator:
    def __init__(self, first_steps: bool) -> None:
        self.first_steps = first_steps
        self.shown: list[object] = []

    def show_page(self, page_type: type) -> None:
        self.shown.append(page_type)

    def show_first_steps(self) -> object | None:
        self.shown.append("prise en main")
        return object() if self.first_steps else None


@pytest.mark.parametrize("has_guide", [True, False], ids=["guide", "no-guide"])
def test_an_empty_territory_says_where_to_start(qtbot: QtBot, context: TestContext, has_guide: bool) -> None:
    from ti_desktop.gui.pages.territory import TerritoryPage

    navigator = RecordingNavigator(has_guide)
    context.navigator = navigator
    page = make_page(qtbot, context)
    assert not page.start_pointer.isVisible()  # the demo territory has actions
    context.set_territory(context.services.territories.create(name="Territoire neuf").id)
    assert page.start_pointer.isVisible()
    assert "aucune action" in page.start_label.text()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert navigator.shown == (["prise en main"] if has_guide else ["prise en main", TerritoryPage])
