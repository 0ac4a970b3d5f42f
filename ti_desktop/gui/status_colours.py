"""One colour per action status, used by the plan, the dashboard and the timeline alike."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ti_desktop.domain.enums import ActionStatus

STATUS_COLOURS: dict[ActionStatus, str] = {
    ActionStatus.EN_REFLEXION: "#8c959f",
    ActionStatus.A_VENIR: "#54aeff",
    ActionStatus.EN_COURS: "#0969da",
    ActionStatus.BLOQUEE: "#cf222e",
    ActionStatus.EN_PAUSE: "#d4a72c",
    ActionStatus.REALISEE: "#1a7f37",
    ActionStatus.ABANDONNEE: "#57606a",
}


def status_colour(status: ActionStatus) -> QColor:
    return QColor(STATUS_COLOURS[status])


def readable_text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background`."""
    luminance = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#000000") if luminance > 150 else QColor("#ffffff")
