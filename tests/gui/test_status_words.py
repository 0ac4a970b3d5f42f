"""A status is told in words as well as by its colour (issue 20, point 2): the plan's status column, the
timeline's bars, the meeting mode's status chip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import STATUS_COLOURS, ActionStatus
from ti_desktop.gui.meeting_mode.window import MeetingModeWindow
from ti_desktop.gui.models.plan import Column
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.gui.pages.timeline import TimelinePage
from ti_desktop.gui.theme import TEXT_CONTRAST, contrast_ratio
from ti_desktop.kernel.formatting import format_percent

from .conftest import TODAY


def shown(qtbot: QtBot, page: PlanPage | TimelinePage) -> None:
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)


def test_the_plan_s_status_column_writes_the_status_on_its_colour(qtbot: QtBot, context: TestContext) -> None:
    page = PlanPage(context, context.services)
    shown(qtbot, page)
    seen = set()
    for action_id in page.model.matching_action_ids():
        action = context.services.actions.get(action_id)
        cell = page.model.index_of_action(action_id).siblingAtColumn(Column.STATUS)
        assert cell.data() == action.status.label
        background = cell.data(Qt.ItemDataRole.BackgroundRole).color()
        text = cell.data(Qt.ItemDataRole.ForegroundRole).color()
        assert background == QColor(STATUS_COLOURS[action.status])
        assert contrast_ratio(text, background) >= TEXT_CONTRAST, action.status
        seen.add(action.status)
    assert len(seen) >= 5  # the demo plan has most statuses


def test_each_timeline_bar_says_its_progress_and_status(qtbot: QtBot, context: TestContext) -> None:
    page = TimelinePage(context, context.services)
    shown(qtbot, page)
    labels = page.scene.status_labels
    assert labels and set(labels) <= set(page.bar_items())
    for action_id, label in labels.items():
        action = context.services.actions.get(action_id)
        assert label.text() == f"{format_percent(action.progress / 100)} · {action.status.label}"
        bar, place = page.bar_items()[action_id].sceneBoundingRect(), label.sceneBoundingRect()
        assert place.left() > bar.right() or place.right() < bar.left()  # beside its bar, never over it
        assert place.right() <= page.scene.chart_width  # whole, not cut by the end of the time scale
    assert {context.services.actions.get(a).status for a in labels} >= {ActionStatus.EN_COURS, ActionStatus.REALISEE}


def test_the_meeting_mode_shows_the_status_in_words_on_its_chip(qtbot: QtBot, context: TestContext) -> None:
    meeting = context.services.steering.create(context.territory_id or 0, TODAY, held_on=TODAY)
    window = MeetingModeWindow(context, context.services, meeting.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.start(full_screen=False)
    qtbot.waitExposed(window)
    QApplication.processEvents()
    item = next(index for index, entry in enumerate(window.items) if entry.action_id is not None)
    window.go_to(item)
    action = context.services.actions.get(window.items[item].action_id or 0)
    chip = window.item_screen.findChild(QLabel, "statusChip")
    assert chip is not None and chip.isVisible()
    assert chip.text() == action.status.label
    assert action.status.label in window.item_screen.texts()
    chip.ensurePolished()
    text, background = chip.palette().color(chip.foregroundRole()), QColor(STATUS_COLOURS[action.status])
    assert contrast_ratio(text, background) >= TEXT_CONTRAST
