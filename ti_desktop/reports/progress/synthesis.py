"""The synthèse: the situation of the plan (key figures, actions by status, budget and funding), the points
d'attention (alerts, late actions) and the decisions awaiting action."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.report_options import ReportSection
from ti_desktop.kernel.formatting import format_date, format_euros, format_euros_with_ttc, format_number, format_percent
from ti_desktop.reports.data import AlertRow, ReportData, SynthesisData
from ti_desktop.reports.progress.common import CONTENT_WIDTH, confidential_note, empty, heading, status_markup
from ti_desktop.reports.progress.key_figures import key_figures
from ti_desktop.reports.styles import Styles
from ti_desktop.reports.tables import data_table, header_row, plural


def _alert_table(styles: Styles, alerts: Sequence[AlertRow], date_label: str, text_label: str) -> Table:
    widths = [2.0 * cm, 6.2 * cm, 2.1 * cm, CONTENT_WIDTH - 10.3 * cm]
    rows: list[list[Any]] = [header_row(styles, ["Action", "Titre", date_label, text_label], 99)]
    for alert in alerts:
        rows.append(
            [
                styles.cell_text(alert.action, styles.cell_bold),
                styles.cell_text(alert.title, styles.cell),
                styles.cell_text(format_date(alert.on), styles.cell),
                styles.cell_text(alert.text, styles.cell),
            ]
        )
    return data_table(rows, widths)


def synthesis(data: ReportData, synthesis: SynthesisData, styles: Styles) -> list[Flowable]:
    counts = synthesis.status_counts
    funding = synthesis.funding
    ttc = funding.ttc  # the TTC part of each total, said beside it
    story: list[Flowable] = [heading(styles, ReportSection.SYNTHESE.label, 0, "synthese")]
    story.append(
        styles.p(
            f"Situation du plan d'action au {format_date(data.generated_on)} pour la période "
            f"{data.options.period_label}. {confidential_note(data)}",
            styles.body,
        )
    )
    story.append(Spacer(1, 0.2 * cm))
    story.append(key_figures(synthesis, styles))
    story.append(Spacer(1, 0.3 * cm))

    # Actions by status
    status_rows: list[list[Any]] = [header_row(styles, ["Statut", "Actions", "Part"], 1)]
    for status in ActionStatus:
        count = counts.count(status)
        share = count / counts.total if counts.total else None
        status_rows.append(
            [
                styles.markup(status_markup(status), styles.cell),
                styles.cell_text(format_number(count), styles.cell_right),
                styles.cell_text(format_percent(share), styles.cell_right),
            ]
        )
    status_rows.append(
        [
            styles.cell_text("Total", styles.cell_bold),
            styles.cell_text(format_number(counts.total), styles.cell_right),
            styles.cell_text(format_percent(1 if counts.total else None), styles.cell_right),
        ]
    )
    status_table = data_table(status_rows, [3.6 * cm, 1.6 * cm, 1.5 * cm], total_row=True)

    money_rows: list[list[Any]] = [header_row(styles, ["Budget et financements", "Montant"], 1)]
    for label, amount in (
        ("Budget prévu", format_euros_with_ttc(synthesis.planned_budget, synthesis.planned_budget_ttc)),
        ("Dépensé à date", format_euros(synthesis.spent_to_date)),
        ("Financements envisagés", format_euros_with_ttc(funding.envisaged, ttc.envisaged if ttc else None)),
        ("Financements demandés", format_euros_with_ttc(funding.requested, ttc.requested if ttc else None)),
        ("Financements accordés (acquis)", format_euros_with_ttc(funding.granted, ttc.granted if ttc else None)),
        ("dont versés", format_euros_with_ttc(funding.paid, ttc.paid if ttc else None)),
        ("Financements refusés", format_euros_with_ttc(funding.refused, ttc.refused if ttc else None)),
        ("Couverture du budget par les financements acquis", format_percent(funding.coverage)),
    ):
        money_rows.append([styles.cell_text(label, styles.cell), styles.cell_text(amount, styles.cell_right)])
    money_table = data_table(money_rows, [5.4 * cm, 4.2 * cm])  # room for « (dont … TTC) »
    side_by_side = Table(
        [[status_table, money_table]],
        colWidths=[6.9 * cm, CONTENT_WIDTH - 6.9 * cm],
        hAlign="LEFT",
    )
    side_by_side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [side_by_side]
    if synthesis.actions_without_budget:
        story.append(
            styles.p(
                plural(synthesis.actions_without_budget, "action n’a", "actions n’ont")
                + " pas encore de budget prévu.",
                styles.muted,
            )
        )

    # Alerts
    story.append(heading(styles, "Points d'attention", 1, "synthese-alertes"))
    story.append(
        styles.p(
            f"{plural(len(synthesis.late_actions), 'action en retard', 'actions en retard')} · "
            f"{plural(len(synthesis.flagged_updates), 'alerte signalée', 'alertes signalées')} sur la période · "
            f"{plural(synthesis.overdue_milestones, 'jalon dépassé', 'jalons dépassés')}",
            styles.body,
        )
    )
    if synthesis.flagged_updates:
        story += [
            styles.markup("Alertes signalées dans les points d'avancement", styles.h3),
            _alert_table(styles, synthesis.flagged_updates, "Date", "Difficultés signalées"),
        ]
    if synthesis.late_actions:
        story += [
            styles.markup("Actions en retard (échéance prévue dépassée)", styles.h3),
            _alert_table(styles, synthesis.late_actions, "Échéance", "Situation"),
        ]
    story.append(heading(styles, "Décisions en attente", 1, "synthese-decisions"))
    if synthesis.pending_decisions:
        widths = [CONTENT_WIDTH - 9.6 * cm, 1.8 * cm, 3.4 * cm, 2.1 * cm, 2.3 * cm]
        rows: list[list[Any]] = [
            header_row(styles, ["Décision", "Action", "Responsable", "Échéance", "Instance du"], 99)
        ]
        for decision in synthesis.pending_decisions:
            overdue = decision.due_on is not None and decision.due_on < data.generated_on
            due: Any = (
                styles.stacked([(format_date(decision.due_on), False), ("dépassée", True)], styles.cell_late)
                if overdue  # said in words, not by bold type alone
                else styles.cell_text(format_date(decision.due_on), styles.cell)
            )
            rows.append(
                [
                    styles.cell_text(decision.text, styles.cell),
                    styles.cell_text(decision.action or "—", styles.cell),
                    styles.cell_text(decision.owner or "—", styles.cell),
                    due,
                    styles.cell_text(format_date(decision.meeting_on), styles.cell),
                ]
            )
        story.append(data_table(rows, widths))
    else:
        story.append(empty(styles, "Aucune décision en attente."))
    return story
