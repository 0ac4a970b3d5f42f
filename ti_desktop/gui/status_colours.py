"""Action status colours (the domain's table) as Qt colours, for the plan, the dashboard and the timeline.

A status is never told by its colour alone: its label is written on it (the plan's status column, the meeting
mode's chip), beside it (the chart's legend and tooltips) or after the bar (the timeline)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ti_desktop.domain.enums import STATUS_COLOURS, ActionStatus
from ti_desktop.gui.theme import readable_text_on

__all__ = ["STATUS_COLOURS", "readable_text_on", "status_colour"]


def status_colour(status: ActionStatus) -> QColor:
    return QColor(STATUS_COLOURS[status])
