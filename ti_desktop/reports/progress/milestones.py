"""Jalons: reached in the period, due in the next six months, overdue."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Table

from ti_desktop.domain.report_options import ReportSection
from ti_desktop.kernel.formatting import format_date
from ti_desktop.reports.data import MilestoneRow, MilestonesPart, ReportData
from ti_desktop.reports.progress.common import CONTENT_WIDTH, empty, heading
from ti_desktop.reports.styles import ALERT, Styles
from ti_desktop.reports.tables import data_table, header_row, plural


def _milestone_table(styles: Styles, rows_data: Sequence[MilestoneRow], *, done: bool) -> Table:
    widths = [1.7 * cm, CONTENT_WIDTH - 12.2 * cm, 6.2 * cm, 2.3 * cm, 2.0 * cm]
    last = "Réalisé le" if done else "Retard"
    rows: list[list[Any]] = [header_row(styles, ["Action", "Jalon", "Fiche-action", "Échéance", last], 99)]
    for milestone in rows_data:
        rows.append(
            [
                styles.cell_text(milestone.action, styles.cell_bold),
                styles.cell_text(milestone.title, styles.cell),
                styles.cell_text(milestone.action_title, styles.cell),
                format_date(milestone.due_on),
                format_date(milestone.done_on) if done else "",
            ]
        )
    return data_table(rows, widths)


def _overdue_table(styles: Styles, rows_data: Sequence[MilestoneRow], today: dt.date) -> Table:
    table_rows: list[list[Any]] = [header_row(styles, ["Action", "Jalon", "Fiche-action", "Échéance", "Retard"], 99)]
    for milestone in rows_data:
        days = (today - milestone.due_on).days if milestone.due_on else 0
        table_rows.append(
            [
                styles.cell_text(milestone.action, styles.cell_bold),
                styles.cell_text(milestone.title, styles.cell),
                styles.cell_text(milestone.action_title, styles.cell),
                format_date(milestone.due_on),
                styles.cell_text(plural(days, "jour", "jours"), styles.cell),
            ]
        )
    widths = [1.7 * cm, CONTENT_WIDTH - 12.2 * cm, 6.2 * cm, 2.3 * cm, 2.0 * cm]
    return data_table(table_rows, widths, extra=[("TEXTCOLOR", (4, 1), (4, -1), ALERT)])


def milestones(part: MilestonesPart, data: ReportData, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [heading(styles, ReportSection.JALONS.label, 0, "jalons")]
    story.append(
        styles.p(
            f"{plural(len(part.reached), 'jalon atteint', 'jalons atteints')} sur la période, "
            f"{plural(len(part.upcoming), 'jalon prévu', 'jalons prévus')} dans les six prochains mois, "
            f"{plural(len(part.overdue), 'jalon dépassé', 'jalons dépassés')}.",
            styles.body,
        )
    )
    story.append(heading(styles, f"Jalons atteints {data.options.period_label}", 1, "jalons-atteints"))
    story.append(
        _milestone_table(styles, part.reached, done=True) if part.reached else empty(styles, "Aucun jalon atteint.")
    )
    story.append(heading(styles, "Jalons des six prochains mois", 1, "jalons-a-venir"))
    story.append(
        _milestone_table(styles, part.upcoming, done=True)
        if part.upcoming
        else empty(styles, "Aucun jalon prévu dans les six prochains mois.")
    )
    story.append(heading(styles, "Jalons dépassés (échéance passée, non atteints)", 1, "jalons-depasses"))
    story.append(
        _overdue_table(styles, part.overdue, data.generated_on)
        if part.overdue
        else empty(styles, "Aucun jalon dépassé.")
    )
    return story
