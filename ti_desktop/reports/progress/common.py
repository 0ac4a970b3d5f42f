"""What every section of the progress report shares: its page layout, headings (bookmarked, in the
contents), status markers, empty-section lines and the note on confidential actions."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import Paragraph

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.kernel.formatting import format_number
from ti_desktop.reports.data import ReportData
from ti_desktop.reports.page import PageLayout
from ti_desktop.reports.styles import STATUS_COLOURS, Styles

# The funding rule's words (domain.enums.REQUESTED_FUNDING_STATUSES, SECURED_FUNDING_STATUSES), said alike on the
# cover and under each fiche's funding plan.
REQUESTED_WORDS = "demandés (déposés, accordés ou versés)"
SECURED_WORDS = "acquis (accordés ou versés)"

LAYOUT = PageLayout(margin_x=1.5 * cm)
CONTENT_WIDTH = LAYOUT.content_width


def heading(styles: Styles, text: str, level: int, key: str, *, in_toc: bool = True) -> Paragraph:
    style = styles.h1 if level == 0 else styles.h2
    paragraph = styles.p(text, style)
    paragraph._outline_key = key
    paragraph._outline_level = level
    paragraph._in_toc = in_toc
    return paragraph


def status_markup(status: ActionStatus) -> str:
    return f'<font color="{STATUS_COLOURS[status]}">●</font> {escape(status.label)}'


def empty(styles: Styles, text: str) -> Paragraph:
    return styles.p(text, styles.muted)


def confidential_note(data: ReportData) -> str:
    count = data.confidential_left_out
    if count == 0:
        return "Aucune fiche-action confidentielle : toutes les actions du plan figurent dans ce rapport."
    if count == 1:
        return "1 fiche-action confidentielle a été laissée de côté : elle ne figure pas dans ce rapport."
    return (
        f"{format_number(count)} fiches-actions confidentielles ont été laissées de côté : "
        "elles ne figurent pas dans ce rapport."
    )
