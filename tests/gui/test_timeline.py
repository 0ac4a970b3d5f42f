"""Chronologie page: bars per dated action, late markers, milestones, today line, zoom, clicks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem, QToolTip
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.gui.pages import timeline_scene
from ti_desktop.gui.pages.timeline import TimelinePage, TimelineView
from ti_desktop.gui.pages.timeline_scene import Zoom
from ti_desktop.gui.theme import LIGHT
from ti_desktop.services.timeline_rows import GanttAction
from ti_desktop.services.views import PlanRow

from .conftest import TODAY

LATE = LIGHT.colour("error")


def make_page(qtbot: QtBot, context: TestContext) -> TimelinePage:
    page = TimelinePage(context, context.services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def plan_rows(context: TestContext) -> list[PlanRow]:
    return context.services.views.plan_rows(context.territory_id or 0, TODAY)


def visible_point(view: TimelineView, item: QGraphicsItem) -> QPoint:
    """The viewport point at the centre of the part of `item` the view shows (scrolling to it first)."""
    view.ensureVisible(item, 0, 0)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    part = item.sceneBoundingRect().intersected(shown)
    assert not part.isEmpty()
    return view.mapFromScene(part.center())


def click(view: TimelineView, item: QGraphicsItem) -> None:
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, visible_point(view, item)
    )


def test_one_bar_per_dated_action_coloured_by_axis(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    rows = plan_rows(context)
    assert len(rows) == 44
    bars = page.bar_items()
    assert set(bars) == {row.action.id for row in rows}  # every demo action has its two dates
    for row in rows:
        bar = bars[row.action.id]
        assert bar.colour == QColor(row.axis.colour)
        assert bar.progress == row.action.progress
        # The bar spans the planned period: its start is left of its end, in date order across actions.
        start, end = row.action.planned_start, row.action.planned_end
        assert start is not None and end is not None
        scale = page.scene.scale
        assert bar.rect().left() == scale.x(start)
        assert bar.rect().right() == scale.x(end + dt.timedelta(days=1))
    assert page.title() == "Chronologie"


def test_actions_grouped_by_axis_with_sub_actions_indented(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    rows = {row.action.code: row for row in plan_rows(context)}
    labels = page.scene.labels
    parent, first_child, second_child = (rows[code].action.id for code in ("INN-01", "INN-01.1", "INN-01.2"))
    assert labels[first_child].x() > labels[parent].x()  # indented
    assert labels[parent].y() < labels[first_child].y() < labels[second_child].y()  # just under the parent
    bands = {band.text(): band.y() for band in page.scene.axis_bands.values()}
    assert set(bands) == {"INN — Innovation", "COM — Compétences", "FON — Foncier", "TEC — Transition écologique"}
    # Every action's row lies below its own axis band and above the next one.
    ordered = sorted(bands.values())
    for row in rows.values():
        band_y = page.scene.axis_bands[row.axis.id].y()
        next_bands = [y for y in ordered if y > band_y]
        assert band_y < labels[row.action.id].y() < (next_bands[0] if next_bands else float("inf"))


def test_actions_without_dates_are_listed_last_with_a_marker(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    tid = context.territory_id or 0
    inn = context.services.axes.by_code(tid, "INN").id
    undated = context.editor.create(
        context.services.actions, "Ajouter une action", territory_id=tid, axis_id=inn, code="INN-00", title="Etude"
    )
    assert undated.id not in page.bar_items()  # reloaded on data_changed: no bar without dates
    marker = page.scene.undated_markers[undated.id]
    assert [child.text() for child in marker.childItems()] == ["sans dates"]  # type: ignore[attr-defined]
    inn_labels = [
        page.scene.labels[row.action.id].y()
        for row in plan_rows(context)
        if row.axis.id == inn and row.action.id != undated.id
    ]
    assert page.scene.labels[undated.id].y() > max(inn_labels)  # "INN-00" sorts first, yet comes last
    # The marker follows the chart when it scrolls sideways, so it is always in view.
    page.set_zoom(Zoom.MONTH)
    marker = page.scene.undated_markers[undated.id]  # the scene was redrawn at the new scale
    view = page.chart_view
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(marker.sceneBoundingRect().topLeft())


def test_late_actions_have_the_late_marker_and_others_do_not(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    rows = plan_rows(context)
    late = {row.action.id for row in rows if row.late}
    assert late  # the demo has late actions
    assert set(page.scene.late_markers) == late
    for action_id, marker in page.scene.late_markers.items():
        assert marker.text() == "en retard"
        assert marker.brush().color() == LATE
        bar = page.item_for_action(action_id)
        assert bar is not None and bar.pen().color() == LATE
        # Written just after its bar, on the same row.
        assert marker.x() > bar.rect().right()
        assert bar.rect().top() < marker.sceneBoundingRect().center().y() < bar.rect().bottom()
    for row in rows:
        if row.action.id not in late:
            bar = page.item_for_action(row.action.id)
            assert bar is not None and bar.pen().color() != LATE


def test_today_line_at_today(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    line = page.scene.today_line
    assert line is not None
    x = line.line().x1()
    assert line.line().x2() == x
    scale = page.scene.scale
    assert scale.x(TODAY) <= x <= scale.x(TODAY + dt.timedelta(days=1))
    # 21 November is 324 days into 2026; the header writes "2026" in view, after the "aujourd'hui" pill.
    assert abs(x - (scale.x(dt.date(2026, 1, 1)) + 324.5 * scale.pixels_per_day)) < 1
    for row in plan_rows(context):
        bar = page.bar_items()[row.action.id]
        if row.late:
            assert bar.rect().right() < x
        assert (bar.rect().left() > x) == (row.action.planned_start is not None and row.action.planned_start > TODAY)
    # Today is in view when the page opens, and again after "Aller à aujourd'hui".
    view = page.chart_view
    assert view.mapToScene(view.viewport().rect()).boundingRect().left() < x
    assert view.mapToScene(view.viewport().rect()).boundingRect().right() > x
    view.horizontalScrollBar().setValue(0)
    page.set_zoom(Zoom.MONTH)
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    x = page.scene.today_line.line().x1()  # type: ignore[union-attr]
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.left() < x < shown.right()


def test_time_scale_covers_2023_to_2027_and_the_data(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    assert sorted(page.scene.year_labels) == [2023, 2024, 2025, 2026, 2027]
    tid = context.territory_id or 0
    context.editor.create(
        context.services.actions,
        "Ajouter une action",
        territory_id=tid,
        axis_id=context.services.axes.by_code(tid, "TEC").id,
        title="Reseau de chaleur phase 2",
        planned_start=dt.date(2028, 3, 1),
        planned_end=dt.date(2029, 6, 30),
    )
    assert sorted(page.scene.year_labels) == [2023, 2024, 2025, 2026, 2027, 2028, 2029]


def test_zoom_month_widens_the_scene_and_is_remembered(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    assert page.zoom_buttons[Zoom.YEAR].isChecked()
    year_width = page.scene.chart_rect.width()
    year_bar = page.bar_items()[plan_rows(context)[0].action.id].rect().width()
    qtbot.mouseClick(page.zoom_buttons[Zoom.QUARTER], Qt.MouseButton.LeftButton)
    quarter_width = page.scene.chart_rect.width()
    qtbot.mouseClick(page.zoom_buttons[Zoom.MONTH], Qt.MouseButton.LeftButton)
    assert page.zoom() is Zoom.MONTH
    assert year_width < quarter_width < page.scene.chart_rect.width()
    assert page.bar_items()[plan_rows(context)[0].action.id].rect().width() > 10 * year_bar
    assert page.zoom_buttons[Zoom.MONTH].isChecked() and not page.zoom_buttons[Zoom.YEAR].isChecked()
    assert context.settings.value("timeline/zoom") == "month"
    # The header counts months now, and the header view scrolls with the chart.
    texts = {item.text() for item in page.scene.items() if hasattr(item, "text") and callable(item.text)}
    assert {"octobre", "novembre", "décembre"} <= texts
    page.chart_view.horizontalScrollBar().setValue(1234)
    assert page.header_view.horizontalScrollBar().value() == 1234
    # Scrolled into the middle of a year, its number is still written in the visible header.
    page.centre_on(dt.date(2025, 7, 1))
    shown = page.header_view.mapToScene(page.header_view.viewport().rect()).boundingRect()
    assert shown.contains(page.scene.year_labels[2025].sceneBoundingRect())
    # A new page (next start of the application) opens with the remembered zoom.
    again = make_page(qtbot, context)
    assert again.zoom() is Zoom.MONTH and again.zoom_buttons[Zoom.MONTH].isChecked()
    context.settings.setValue("timeline/zoom", "nonsense")
    assert make_page(qtbot, context).zoom() is Zoom.YEAR


def test_clicking_a_bar_or_a_label_opens_the_action(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    row = next(row for row in plan_rows(context) if row.action.code == "COM-04")
    bar = page.item_for_action(row.action.id)
    assert bar is not None
    with qtbot.waitSignal(context.action_open_requested, timeout=1000) as blocker:
        click(page.chart_view, bar)
    assert blocker.args == [row.action.id]
    other = next(row for row in plan_rows(context) if row.action.code == "TEC-09")
    with qtbot.waitSignal(context.action_open_requested, timeout=1000) as blocker:
        click(page.label_view, page.scene.labels[other.action.id])
    assert blocker.args == [other.action.id]
    # The label column and the chart scroll together.
    assert page.label_view.verticalScrollBar().value() == page.chart_view.verticalScrollBar().value()
    # Dragging pans the chart and opens nothing.
    opened: list[int] = []
    context.action_open_requested.connect(opened.append)
    start = visible_point(page.chart_view, bar)
    QTest.mousePress(page.chart_view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(page.chart_view.viewport(), start + QPoint(120, 0))
    QTest.mouseRelease(
        page.chart_view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(120, 0)
    )
    assert opened == []


def test_tooltips_tell_title_status_dates_and_progress(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    row = next(row for row in plan_rows(context) if row.late)
    tooltip = page.item_for_action(row.action.id).toolTip()  # type: ignore[union-attr]
    assert row.action.title.replace("'", "&#x27;") in tooltip
    assert f"Statut : {row.action.status.label}" in tooltip
    start, end = row.action.planned_start, row.action.planned_end
    assert start is not None and end is not None
    assert f"Du {start:%d/%m/%Y} au {end:%d/%m/%Y}" in tooltip
    assert f"Avancement : {row.action.progress}\u202f%" in tooltip
    assert "En retard" in tooltip
    assert page.scene.labels[row.action.id].toolTip() == tooltip
    # Hovering the bar (where no milestone covers it) shows it.
    view = page.chart_view
    bar = page.item_for_action(row.action.id)
    assert bar is not None
    visible_point(view, bar)  # scrolls to it
    points = (
        view.mapFromScene(bar.rect().left() + bar.rect().width() * i / 20, bar.rect().center().y())
        for i in range(1, 20)
    )
    position = next(point for point in points if view.itemAt(point) is bar)
    QApplication.sendEvent(
        view.viewport(), QHelpEvent(QEvent.Type.ToolTip, position, view.viewport().mapToGlobal(position))
    )
    assert QToolTip.isVisible()
    assert QToolTip.text() == tooltip
    QToolTip.hideText()


def test_milestones_are_diamonds_red_when_overdue(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    milestones = [m for row in plan_rows(context) for m in context.services.milestones.list(action_id=row.action.id)]
    assert set(page.scene.milestones) == {m.id for m in milestones if m.due_on is not None}
    overdue = [m for m in milestones if m.due_on is not None and m.done_on is None and m.due_on < TODAY]
    done = [m for m in milestones if m.done_on is not None]
    to_come = [m for m in milestones if m.done_on is None and m.due_on is not None and m.due_on >= TODAY]
    assert overdue and done and to_come
    for milestone in overdue:
        item = page.scene.milestones[milestone.id]
        assert item.brush().color() == LATE
        assert item.polygon().count() == 4  # a diamond
        assert f"Échéance : {milestone.due_on:%d/%m/%Y}" in item.toolTip()
        assert "En retard" in item.toolTip()
    for milestone in done + to_come:
        assert page.scene.milestones[milestone.id].brush().color() != LATE
    assert {page.scene.milestones[m.id].brush().color().name() for m in to_come} == {"#ffffff"}
    done_colours = {page.scene.milestones[m.id].brush().color().name() for m in done}
    assert "#ffffff" not in done_colours
    # Each diamond sits at its due date, on its action's row.
    milestone = overdue[0]
    item = page.scene.milestones[milestone.id]
    bar = page.item_for_action(milestone.action_id)
    assert bar is not None and milestone.due_on is not None
    centre = item.polygon().boundingRect().center()
    assert page.scene.scale.x(milestone.due_on) <= centre.x() <= page.scene.scale.x(milestone.due_on) + 1
    assert QRectF(bar.rect()).top() < centre.y() < bar.rect().bottom()


def test_the_scene_holds_only_the_rows_near_the_view(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A national plan is not drawn whole: scrolling draws the rows coming into view and forgets the others,
    and what a row shows is the same whenever it is drawn."""
    monkeypatch.setattr(timeline_scene, "ROW_MARGIN", 2)
    page = make_page(qtbot, context)
    rows = plan_rows(context)
    page.reload()
    assert page.scene.drawn_rows < len(rows)
    order = sorted(page.bar_items().values(), key=lambda bar: bar.sceneBoundingRect().top())
    first = next(action_id for action_id, bar in page.bar_items().items() if bar is order[0])
    first_tooltip = page.item_for_action(first).toolTip()  # type: ignore[union-attr]
    bar = page.chart_view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert first not in page.bar_items() and first not in page.scene.labels
    shown = page.chart_view.mapToScene(page.chart_view.viewport().rect()).boundingRect()
    labels = page.scene.labels.values()
    assert any(shown.top() <= label.sceneBoundingRect().center().y() <= shown.bottom() for label in labels)
    bottom = max(page.scene.labels.values(), key=lambda label: label.y())
    assert bottom.y() > shown.top()
    bar.setValue(0)
    assert page.item_for_action(first).toolTip() == first_tooltip  # type: ignore[union-attr]
    assert page.scene.drawn_rows < len(rows)


def test_the_timeline_rows_say_what_the_plan_rows_say(context: TestContext) -> None:
    light = context.services.summary.timeline_rows(context.territory_id or 0, TODAY)
    full = plan_rows(context)
    assert [row.action.id for row in light] == [row.action.id for row in full]
    for shown, row in zip(light, full, strict=True):
        action = row.action
        assert (shown.axis, shown.lead_name, shown.late) == (row.axis, row.lead_name, row.late)
        assert shown.action == GanttAction(
            action.id,
            action.parent_id,
            action.axis_id,
            action.code,
            action.title,
            action.status,
            action.progress,
            action.planned_start,
            action.planned_end,
        )


@pytest.mark.parametrize("zoom", [Zoom.YEAR, Zoom.MONTH])
def test_percent_and_late_labels_are_never_cut_at_the_right_edge(
    qtbot: QtBot, context: TestContext, zoom: Zoom
) -> None:
    """A bar ending on the last day of the scale, with a milestone on that day: its percentage is drawn whole,
    inside the scene; so are every row's percentage and « en retard »."""
    services = context.services
    action = next(a for a in services.actions.for_territory(context.territory_id or 0) if a.planned_start)
    last_day = dt.date(timeline_scene.LAST_YEAR, 12, 31)
    services.actions.update(action.id, planned_end=last_day, progress=100)
    services.milestones.create(action_id=action.id, title="Inauguration", due_on=last_day)
    page = make_page(qtbot, context)
    page.set_zoom(zoom)
    scene = page.scene
    assert scene.scale.end == last_day + dt.timedelta(days=1)
    scene.show_rows(0, scene.rows_height)  # every row drawn
    right = scene.chart_rect.right()
    assert scene.sceneRect().right() == right == page.chart_view.sceneRect().right()
    percent = scene.status_labels[action.id]
    assert percent.text() == timeline_scene.status_words(100, action.status)
    assert percent.sceneBoundingRect().left() > scene.bars[action.id].sceneBoundingRect().right()
    labels = [*scene.status_labels.values(), *scene.late_markers.values()]
    assert scene.late_markers and len(scene.status_labels) > 20
    for label in labels:
        assert 0 <= label.sceneBoundingRect().left() and label.sceneBoundingRect().right() <= right


def test_today_is_said_in_the_header_band_not_over_the_bars(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    scene = page.scene
    scene.show_rows(0, scene.rows_height)
    pill, line = scene.today_pill, scene.today_line
    assert pill is not None and line is not None
    band = scene.header_rect.adjusted(0, 0, 0, -scene.sizes.header_row)  # the years' row, above the ticks
    assert band.contains(pill.sceneBoundingRect())
    assert page.header_view.sceneRect().contains(pill.sceneBoundingRect())  # drawn by the header's view
    assert line.line().y1() >= 0  # the dashed line runs through the rows only
    for bar in scene.bars.values():
        assert not bar.sceneBoundingRect().intersects(pill.sceneBoundingRect())
