"""Action status colours (the domain's table) as Qt colours, for the plan, the dashboard and the timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ti_desktop.domain.enums import STATUS_COLOURS, ActionStatus

__all__ = ["STATUS_COLOURS", "readable_text_on", "status_colour"]


def status_colour(status: ActionStatus) -> QColor:
    return QColor(STATUS_COLOURS[status])


def readable_text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background` (in every theme: the status colours are the
    domain's, the same in both)."""
    luminance = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor(Qt.GlobalColor.black) if luminance > 150 else QColor(Qt.GlobalColor.white)
