"""Évolutions depuis le dernier rapport: status changes, progress and funding, new and removed actions."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from ti_desktop.domain.report_options import ReportSection
from ti_desktop.kernel.formatting import format_date, format_euros, format_percent
from ti_desktop.reports.data import EvolutionsPart
from ti_desktop.reports.progress.common import CONTENT_WIDTH, empty, heading, status_markup
from ti_desktop.reports.styles import Styles
from ti_desktop.reports.tables import data_table, header_row


def evolutions(part: EvolutionsPart, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [heading(styles, ReportSection.EVOLUTIONS.label, 0, "evolutions")]
    story.append(styles.p(part.source, styles.body))
    story.append(heading(styles, "Changements de statut", 1, "evolutions-statuts"))
    if part.status_changes:
        widths = [1.7 * cm, CONTENT_WIDTH - 10.5 * cm, 3.1 * cm, 3.4 * cm, 2.3 * cm]
        rows: list[list[Any]] = [header_row(styles, ["Action", "Titre", "Ancien statut", "Nouveau statut", "Date"], 99)]
        for change in part.status_changes:
            rows.append(
                [
                    styles.cell_text(change.action, styles.cell_bold),
                    styles.cell_text(change.title, styles.cell),
                    styles.markup(status_markup(change.old), styles.cell)
                    if change.old
                    else styles.cell_text("—", styles.cell),
                    styles.markup(status_markup(change.new), styles.cell),
                    format_date(change.on),
                ]
            )
        story.append(data_table(rows, widths))
    else:
        story.append(empty(styles, "Aucun changement de statut."))
    if part.progress_changes:
        story.append(heading(styles, "Avancement et financements acquis", 1, "evolutions-avancement"))
        widths = [1.7 * cm, CONTENT_WIDTH - 10.7 * cm, 2.6 * cm, 4.4 * cm]
        rows = [header_row(styles, ["Action", "Titre", "Avancement", "Financement acquis"], 2)]
        for progress_change in part.progress_changes:
            rows.append(
                [
                    styles.cell_text(progress_change.action, styles.cell_bold),
                    styles.cell_text(progress_change.title, styles.cell),
                    styles.cell_text(
                        f"{format_percent(progress_change.old_progress / 100)} → "
                        f"{format_percent(progress_change.new_progress / 100)}",
                        styles.cell_right,
                    ),
                    styles.cell_text(
                        f"{format_euros(progress_change.old_secured)} → {format_euros(progress_change.new_secured)}",
                        styles.cell_right,
                    ),
                ]
            )
        story.append(data_table(rows, widths))
    story.append(heading(styles, "Nouvelles fiches-actions", 1, "evolutions-nouvelles"))
    if part.note:
        story.append(styles.p(part.note, styles.body))
    elif part.new_actions:
        widths = [1.7 * cm, CONTENT_WIDTH - 8.7 * cm, 3.2 * cm, 3.8 * cm]
        rows = [header_row(styles, ["Code", "Titre", "Statut", "Budget"], 3)]
        for action in part.new_actions:
            rows.append(
                [
                    styles.cell_text(action.reference, styles.cell_bold),
                    styles.cell_text(action.title, styles.cell),
                    styles.markup(status_markup(action.status), styles.cell),
                    format_euros(action.planned_budget),
                ]
            )
        story.append(data_table(rows, widths, extra=[("ALIGN", (3, 1), (3, -1), "RIGHT")]))
    else:
        story.append(empty(styles, "Aucune nouvelle fiche-action."))
    if part.removed:
        story.append(heading(styles, "Fiches-actions retirées du plan", 1, "evolutions-retirees"))
        for line in part.removed:
            story.append(styles.p(f"• {line}", styles.small))
    return story
