"""Avancement par axe: for each axis its colour band, its status chart and summary, and its actions' table."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from ti_desktop.kernel.formatting import format_date, format_euros, format_euros_with_ttc, format_percent
from ti_desktop.reports import charts, labels
from ti_desktop.reports.data import ActionRow, AxisPart
from ti_desktop.reports.fonts import BOLD
from ti_desktop.reports.progress.common import CONTENT_WIDTH, empty, heading
from ti_desktop.reports.status_words import status_words
from ti_desktop.reports.styles import ALERT_BG, STATUS_COLOURS, Styles, hex_colour, safe
from ti_desktop.reports.tables import data_table, header_row, plural

EMPTY_AXIS = "Aucune action sur cet axe."
AXIS_WIDTHS = [1.75 * cm, 0.0, 2.6 * cm, 2.4 * cm, 1.3 * cm, 1.85 * cm, 2.05 * cm, 2.05 * cm]
AXIS_WIDTHS[1] = CONTENT_WIDTH - sum(AXIS_WIDTHS)


def _action_table(styles: Styles, rows_data: Sequence[ActionRow]) -> Table:
    header = header_row(
        styles, ["Code", "Titre", labels.LEAD, labels.STATUS, "Avanc.", "Échéance", "Budget", "Fin. acquis"], 4
    )
    rows: list[list[Any]] = [header]
    extra: list[tuple[Any, ...]] = []
    for index, action in enumerate(rows_data, start=1):
        deadline: Any = format_date(action.planned_end)
        if action.late:
            # The late marker: the deadline in red, "en retard" below it.
            deadline = styles.stacked([(deadline, False), ("en retard", True)], styles.cell_late)
            extra.append(("BACKGROUND", (5, index), (5, index), ALERT_BG))
        reference = action.reference
        rows.append(
            [
                reference if len(reference) <= 10 else styles.cell_text(reference, styles.cell_bold),
                styles.cell_text(action.title, styles.cell),
                styles.cell_text(action.lead or "—", styles.cell),
                f"● {action.status.label}",
                format_percent(action.progress / 100),
                deadline,
                format_euros(action.planned_budget),
                format_euros(action.secured_funding),
            ]
        )
        extra.append(("TEXTCOLOR", (3, index), (3, index), _STATUS_TEXT[action.status]))
    extra.append(("ALIGN", (4, 1), (-1, -1), "RIGHT"))
    extra.append(("FONTNAME", (0, 1), (0, -1), BOLD))
    return data_table(rows, AXIS_WIDTHS, extra=extra)


# Status text in the tables: the status colour, darkened where the light one would not read on white.
_STATUS_TEXT = {
    status: colors.HexColor({"#54aeff": "#1f78c8", "#d4a72c": "#9a7400", "#8c959f": "#6e7781"}.get(hex_, hex_))
    for status, hex_ in STATUS_COLOURS.items()
}


def axis_part(part: AxisPart, styles: Styles, index: int) -> list[Flowable]:
    title = f"{part.code} – {part.label}"
    axis_heading = heading(styles, title, 1, f"axe-{index}")
    colour = hex_colour(part.colour)
    band = Table([[""]], colWidths=[CONTENT_WIDTH], rowHeights=[3])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colour)]))
    if not part.rows:
        # Said, not dropped: the Région tells « nothing planned » from « forgotten ».
        return [KeepTogether([axis_heading, band, Spacer(1, 4), empty(styles, EMPTY_AXIS)]), Spacer(1, 6)]
    counts = part.counts
    summary = (
        f"<b>{plural(counts.total, 'fiche-action', 'fiches-actions')}</b> · "
        f"engagées : {format_percent(counts.share_started)} · "
        f"budget prévu : {format_euros_with_ttc(part.planned_budget, part.planned_budget_ttc)} · "
        f"financements acquis : {format_euros_with_ttc(part.secured_funding, part.secured_funding_ttc)}"
        f"<br/>Par statut : {safe(status_words(counts))}"  # the chart's figures, in words
    )
    late = sum(1 for row in part.rows if row.late)
    if late:
        summary += f' · <font color="#b42318">{plural(late, "action en retard", "actions en retard")}</font>'
    chart_row = Table(
        [[charts.status_chart(counts, width=250, height=112), styles.markup(summary, styles.small)]],
        colWidths=[262, CONTENT_WIDTH - 262],
        hAlign="LEFT",
    )
    chart_row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [
        CondPageBreak(7 * cm),
        KeepTogether([axis_heading, band, Spacer(1, 4), chart_row]),
        Spacer(1, 4),
        _action_table(styles, part.rows),
    ]
