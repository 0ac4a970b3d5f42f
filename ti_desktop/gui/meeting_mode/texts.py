"""The French sentences the projector shows, built from the services' records (translatable, no widgets)."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QCoreApplication

from ti_desktop.domain.enums import DecisionState, FundingStatus
from ti_desktop.domain.records import MeetingRecord
from ti_desktop.gui.meeting_mode import theme
from ti_desktop.kernel.formatting import format_date
from ti_desktop.services.meetings import DecisionRow

CONTEXT = "MeetingMode"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def meeting_name(meeting: MeetingRecord) -> str:
    """`Comité de pilotage du 21/11/2026`."""
    return tr("{kind} du {date}").format(kind=meeting.kind.label, date=format_date(meeting.held_on))


def item_header(position: int, count: int, meeting: MeetingRecord) -> str:
    """`Point 3 / 8 — Comité de pilotage du 21/11/2026`."""
    return tr("Point {position} / {count} — {meeting}").format(
        position=position, count=count, meeting=meeting_name(meeting)
    )


def overview_header(meeting: MeetingRecord) -> str:
    return tr("Aperçu de la séance — {meeting}").format(meeting=meeting_name(meeting))


def shorten(text: str | None, limit: int) -> str:
    """One paragraph of at most `limit` characters, cut at a word and ended with "…" when shortened."""
    if not text:
        return ""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.–-")
    return cut + "…"


def late_by(planned_end: dt.date | None, today: dt.date) -> str:
    """`en retard (52 jours)`."""
    if planned_end is None:
        return tr("en retard")
    days = (today - planned_end).days
    if days <= 1:
        return tr("en retard (1 jour)")
    return tr("en retard ({days} jours)").format(days=days)


def decision_details(row: DecisionRow, today: dt.date) -> str:
    """Rich text: `Julien Marchal · échéance 15/12/2026 (dépassée)`, the overdue part in red bold."""
    decision = row.decision
    parts = [escape(row.owner_name) if row.owner_name else escape(tr("responsable à désigner"))]
    if decision.due_on is not None:
        due = escape(tr("échéance {date}").format(date=format_date(decision.due_on)))
        if row.is_overdue(today):
            due = f'<span style="color:{theme.ALERT}; font-weight:700;">{due} {escape(tr("(dépassée)"))}</span>'
        parts.append(due)
    if decision.state != DecisionState.A_FAIRE:
        parts.append(escape(decision.state.label))
    return " · ".join(parts)


def decided_on(row: DecisionRow) -> str:
    """`décidée le 25/06/2026`."""
    return tr("décidée le {date}").format(date=format_date(row.meeting_held_on))


FUNDING_COLOURS = {
    FundingStatus.ACCORDE: theme.DONE,
    FundingStatus.VERSE: theme.DONE,
    FundingStatus.REFUSE: theme.ALERT,
}
