"""The key figures at the top of the synthèse: one boxed figure per cell, four per row. The figures shown,
in reading order, are the list `figures` returns."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.platypus import Table, TableStyle

from ti_desktop.kernel.formatting import format_euros, format_number, format_percent, format_ttc_part
from ti_desktop.reports.data import SynthesisData
from ti_desktop.reports.progress.common import CONTENT_WIDTH
from ti_desktop.reports.styles import RULE, ZEBRA, Styles

PER_ROW = 4


def figures(synthesis: SynthesisData) -> list[tuple[str, str]]:
    """(value, label) of each key figure, in reading order."""
    counts = synthesis.status_counts
    funding = synthesis.funding
    return [
        (format_number(counts.total), "fiches-actions"),
        (format_percent(counts.share_started), "engagées (hors abandonnées)"),
        (format_euros(synthesis.planned_budget), "budget prévu" + ttc_note(synthesis.planned_budget_ttc)),
        (format_euros(funding.granted), "financements acquis" + ttc_note(funding.ttc.granted if funding.ttc else None)),
        (
            format_euros(funding.requested),
            "financements demandés" + ttc_note(funding.ttc.requested if funding.ttc else None),
        ),
        (format_euros(funding.paid), "financements versés" + ttc_note(funding.ttc.paid if funding.ttc else None)),
        (format_percent(funding.coverage), "couverture du budget"),
        (format_number(synthesis.jobs_targeted), "emplois visés"),
        # Targeted vs achieved, as the programme reports them nationally.
        (format_number(synthesis.jobs_created), "emplois créés (constatés)"),
        (format_percent(_share(synthesis.jobs_created, synthesis.jobs_targeted)), "des emplois visés, créés"),
        (format_euros(synthesis.induced_investment), "investissement induit attendu"),
        (format_euros(synthesis.achieved_investment), "investissement réalisé"),
    ]


def ttc_note(ttc: Decimal | None) -> str:
    """`, dont 250 000 € TTC` after a figure's label when part of it is TTC (a figure never hides its bases)."""
    return f", {format_ttc_part(ttc)}" if ttc else ""


def _share(achieved: int, targeted: int) -> float | None:
    return achieved / targeted if targeted else None


def key_figures(synthesis: SynthesisData, styles: Styles) -> Table:
    return figures_table(styles, figures(synthesis))


def figures_table(styles: Styles, shown: Sequence[tuple[str, str]]) -> Table:
    per_row = PER_ROW
    cells: list[list[Any]] = []
    for start in range(0, len(shown), per_row):
        chunk = list(shown[start : start + per_row])
        chunk += [("", "")] * (per_row - len(chunk))
        cells.append([[styles.p(value, styles.figure), styles.p(label, styles.figure_label)] for value, label in chunk])
    width = CONTENT_WIDTH / per_row
    table = Table(cells, colWidths=[width] * per_row, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table
