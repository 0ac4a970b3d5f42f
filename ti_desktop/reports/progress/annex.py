"""The annex: one fiche-action per page."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from ti_desktop.domain.enums import REQUESTED_FUNDING_STATUSES, SECURED_FUNDING_STATUSES, FundingStatus
from ti_desktop.kernel.formatting import format_date, format_euros, format_percent
from ti_desktop.reports import labels
from ti_desktop.reports.data import ActionSheet
from ti_desktop.reports.progress.common import (
    CONTENT_WIDTH,
    REQUESTED_WORDS,
    SECURED_WORDS,
    empty,
    heading,
    status_markup,
)
from ti_desktop.reports.styles import RULE, ZEBRA, Styles, safe
from ti_desktop.reports.tables import data_table, header_row, plural

ZERO = Decimal(0)


def annex(sheets: Sequence[ActionSheet], styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), heading(styles, "Annexe : fiches-actions", 0, "annexe")]
    story.append(
        styles.p(
            f"{plural(len(sheets), 'fiche-action', 'fiches-actions')}, une par page, classées par axe puis par code.",
            styles.body,
        )
    )
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story += _action_sheet(sheet, styles, index)
    return story


def funding_totals(sheet: ActionSheet) -> str:
    """The sheet's funding added up by the synthèse's rule, in its words: a line only envisaged is not « demandé »
    (« Envisagés : 200 000 € · demandés (déposés, accordés ou versés) : 0 € · acquis (accordés ou versés) : 0 € »)."""
    envisaged = sum((line.requested for line in sheet.funding if line.status is FundingStatus.ENVISAGE), ZERO)
    requested = sum((line.requested for line in sheet.funding if line.status in REQUESTED_FUNDING_STATUSES), ZERO)
    secured = sum((line.granted or ZERO for line in sheet.funding if line.status in SECURED_FUNDING_STATUSES), ZERO)
    return (
        f"Envisagés : {format_euros(envisaged)} · {REQUESTED_WORDS} : {format_euros(requested)} · "
        f"{SECURED_WORDS} : {format_euros(secured)}."
    )


def _action_sheet(sheet: ActionSheet, styles: Styles, index: int) -> list[Flowable]:
    row = sheet.row
    story: list[Flowable] = [
        heading(styles, f"{row.reference} – {row.title}", 1, f"fiche-{index}", in_toc=False),
    ]
    facts = [
        ("Axe", sheet.axis),
        (labels.STATUS, None),
        (labels.PROGRESS, format_percent(row.progress / 100)),
        (labels.LEAD, sheet.lead_contact or row.lead or "—"),
        (labels.PILOT, sheet.pilot or "—"),
        ("Dates prévues", f"{format_date(row.planned_start)} → {format_date(row.planned_end)}"),
        ("Budget prévu", format_euros(row.planned_budget)),
        ("Financement acquis", format_euros(row.secured_funding)),
    ]
    cells: list[list[Any]] = []
    for label, value in facts:
        shown = (
            styles.markup(status_markup(row.status) + (" · <b>en retard</b>" if row.late else ""), styles.cell)
            if value is None
            else styles.cell_text(value, styles.cell)
        )
        cells.append([styles.cell_text(label, styles.cell_bold), shown])
    half = (len(cells) + 1) // 2
    grid = [left + right for left, right in zip(cells[:half], [*cells[half:], ["", ""]], strict=False)]
    facts_table = Table(grid, colWidths=[2.6 * cm, CONTENT_WIDTH / 2 - 2.6 * cm] * 2, hAlign="LEFT")
    facts_table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [facts_table, Spacer(1, 6)]
    for label, text in (("Description", sheet.description), ("Résultats attendus", sheet.expected_results)):
        if text:
            story += [styles.markup(escape(label), styles.h3), styles.p(text, styles.small)]
    if sheet.partners:
        story.append(styles.markup("Partenaires", styles.h3))
        partners = " · ".join(safe(name) + (f" <i>({safe(role)})</i>" if role else "") for name, role in sheet.partners)
        story.append(styles.markup(partners, styles.small))
    story.append(styles.markup("Plan de financement", styles.h3))
    if sheet.funding:
        widths = [CONTENT_WIDTH - 11.9 * cm, 4.2 * cm, 2.4 * cm, 2.4 * cm, 2.9 * cm]
        rows: list[list[Any]] = [
            [*header_row(styles, ["Financeur", "Programme", "Demandé", "Accordé"], 2), *header_row(styles, ["Statut"])]
        ]
        for line in sheet.funding:
            status = line.status.label + (f" le {format_date(line.decided_on)}" if line.decided_on else "")
            rows.append(
                [
                    styles.cell_text(line.funder, styles.cell),
                    styles.cell_text(line.programme or "—", styles.cell),
                    format_euros(line.requested),
                    format_euros(line.granted) if line.status is not FundingStatus.REFUSE else "—",
                    styles.cell_text(status, styles.cell),
                ]
            )
        story.append(data_table(rows, widths, extra=[("ALIGN", (2, 1), (3, -1), "RIGHT")]))
        story.append(styles.p(funding_totals(sheet), styles.muted))
    else:
        story.append(empty(styles, "Aucune ligne de financement."))
    story.append(styles.markup("Jalons", styles.h3))
    if sheet.milestones:
        widths = [CONTENT_WIDTH - 5.0 * cm, 2.5 * cm, 2.5 * cm]
        rows = [header_row(styles, ["Jalon", "Échéance", "Réalisé le"], 99)]
        for milestone in sheet.milestones:
            rows.append(
                [
                    styles.cell_text(milestone.title, styles.cell),
                    format_date(milestone.due_on),
                    format_date(milestone.done_on),
                ]
            )
        story.append(data_table(rows, widths))
    else:
        story.append(empty(styles, "Aucun jalon."))
    story.append(styles.markup("Derniers points d'avancement", styles.h3))
    if sheet.updates:
        for update in sheet.updates:
            head = (
                f"<b>{format_date(update.reported_on)}</b>"
                + (f" – {safe(update.author)}" if update.author else "")
                + f" · {status_markup(update.status)} · {format_percent(update.progress / 100)}"
                + (' · <font color="#b42318"><b>alerte</b></font>' if update.alert else "")
            )
            parts = [head]
            for label, text in (
                ("Fait", update.done),
                ("Difficultés", update.difficulties),
                ("Prochaines étapes", update.next_steps),
            ):
                if text:
                    parts.append(f"<i>{label} :</i> {safe(text)}")
            story.append(styles.markup("<br/>".join(parts), styles.small))
    else:
        story.append(empty(styles, "Aucun point d'avancement."))
    return story
