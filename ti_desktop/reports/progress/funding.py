"""Financement: the totals, the chart of the main funders, and the tables by funder and by programme."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Table

from ti_desktop.domain.report_options import ReportSection
from ti_desktop.kernel.formatting import format_euros_with_ttc, format_number, format_percent
from ti_desktop.reports import charts
from ti_desktop.reports.data import FundingGroupRow, FundingPart
from ti_desktop.reports.fonts import BOLD
from ti_desktop.reports.progress.common import CONTENT_WIDTH, empty, heading
from ti_desktop.reports.styles import Styles
from ti_desktop.reports.tables import data_table, header_row

CHART_FIGURES = (
    "Les montants de ce graphique (demandé, accordé, versé par financeur) figurent dans le tableau « Par "
    "financeur » ci-dessous."
)


def _funding_table(styles: Styles, title: str, groups: Sequence[FundingGroupRow], part: FundingPart) -> Table:
    widths = [CONTENT_WIDTH - 10.6 * cm, 1.6 * cm, 3.0 * cm, 3.0 * cm, 3.0 * cm]
    ttc = part.totals.ttc  # the total row says the TTC part of each column
    rows: list[list[Any]] = [header_row(styles, [title, "Lignes", "Demandé", "Accordé", "Versé"], 1)]
    for group in groups:
        rows.append(
            [
                styles.cell_text(group.name, styles.cell),
                format_number(group.line_count),
                format_euros_with_ttc(group.requested, group.requested_ttc),
                format_euros_with_ttc(group.granted, group.granted_ttc),
                format_euros_with_ttc(group.paid, group.paid_ttc),
            ]
        )
    rows.append(
        [
            styles.cell_text("Total", styles.cell_bold),
            format_number(sum(group.line_count for group in groups)),
            *(
                styles.markup(f"<b>{format_euros_with_ttc(amount, ttc_amount)}</b>", styles.cell_right)
                for amount, ttc_amount in (
                    (part.totals.requested, ttc.requested if ttc else None),
                    (part.totals.granted, ttc.granted if ttc else None),
                    (part.totals.paid, ttc.paid if ttc else None),
                )
            ),
        ]
    )
    extra = [("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("FONTNAME", (0, -1), (-1, -1), BOLD)]
    return data_table(rows, widths, extra=extra, total_row=True)


def mixed_bases_note(part: FundingPart) -> str:
    """The coverage divides funding by the budget: said when they mix HT and TTC amounts (neither converted)."""
    totals, ttc = part.totals, part.totals.ttc
    funding_ttc = ttc is not None and ttc.granted + ttc.paid > 0
    funding_ht = totals.granted + totals.paid > (ttc.granted + ttc.paid if ttc else 0)
    budget_ttc = part.planned_budget_ttc > 0
    budget_ht = totals.planned_budget > part.planned_budget_ttc
    if (funding_ttc or budget_ttc) and (funding_ht or budget_ht) and totals.coverage is not None:
        return " (montants HT et TTC comptés ensemble)"
    return ""


def funding(part: FundingPart, styles: Styles) -> list[Flowable]:
    totals = part.totals
    ttc = totals.ttc  # the TTC part of each total, said beside it (HT and TTC are never one figure in silence)
    story: list[Flowable] = [heading(styles, ReportSection.FINANCEMENT.label, 0, "financement")]
    story.append(
        styles.markup(
            f"Financements demandés : "
            f"<b>{format_euros_with_ttc(totals.requested, ttc.requested if ttc else None)}</b> · "
            f"accordés : <b>{format_euros_with_ttc(totals.granted, ttc.granted if ttc else None)}</b> · "
            f"versés : <b>{format_euros_with_ttc(totals.paid, ttc.paid if ttc else None)}</b> · "
            f"couverture du budget prévu ({format_euros_with_ttc(totals.planned_budget, part.planned_budget_ttc)}) : "
            f"<b>{format_percent(totals.coverage)}</b>{mixed_bases_note(part)}.",
            styles.body,
        )
    )
    if not part.by_funder:
        story.append(empty(styles, "Aucune ligne de financement n'est encore saisie."))
        return story
    shown = sorted(part.by_funder, key=lambda group: group.requested + group.granted, reverse=True)[:10]
    caption = "Financements par financeur" + (" (les dix principaux)" if len(part.by_funder) > 10 else "")
    story += [
        styles.markup(escape(caption), styles.h3),
        charts.funding_chart(
            [group.name for group in shown],
            [group.requested for group in shown],
            [group.granted for group in shown],
            [group.paid for group in shown],
            width=CONTENT_WIDTH,
        ),
        styles.p(CHART_FIGURES, styles.muted),
        heading(styles, "Par financeur", 1, "financement-financeurs"),
        _funding_table(styles, "Financeur", part.by_funder, part),
        heading(styles, "Par programme ou dispositif", 1, "financement-programmes"),
        _funding_table(styles, "Programme / dispositif", part.by_programme, part),
    ]
    return story
