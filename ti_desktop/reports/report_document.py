"""The progress report's embedded data: `ReportData` written as the document `ti-desktop/rapport-avancement`
(schema `resources/schemas/rapport-avancement.schema.json`). It holds exactly what the report was drawn from,
so that its figures and the PDF's agree to the cent; a Région adds territories up from it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ti_desktop.domain.data_documents import DocumentFormat, SealedDocument, amount, seal
from ti_desktop.domain.summaries import FundingSummary, StatusCounts
from ti_desktop.reports.data import (
    ActionFigures,
    ActionRow,
    ActionSheet,
    AlertRow,
    AxisPart,
    DecisionRow,
    EvolutionsPart,
    FundingGroupRow,
    FundingLineRow,
    FundingPart,
    IndicatorRow,
    MilestoneRow,
    MilestonesPart,
    ReportData,
    SynthesisData,
)


def day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def status_counts(counts: StatusCounts) -> dict[str, int]:
    return {status.value: count for status, count in counts.by_status.items()}


def funding_summary(summary: FundingSummary) -> dict[str, Any]:
    return {
        "envisaged": amount(summary.envisaged),
        "requested": amount(summary.requested),
        "granted": amount(summary.granted),
        "paid": amount(summary.paid),
        "refused": amount(summary.refused),
        "planned_budget": amount(summary.planned_budget),
        "ttc": funding_summary(summary.ttc) if summary.ttc is not None else None,
    }


def _alert(row: AlertRow) -> dict[str, Any]:
    return {"action": row.action, "title": row.title, "on": day(row.on), "text": row.text}


def _decision(row: DecisionRow) -> dict[str, Any]:
    return {
        "text": row.text,
        "owner": row.owner,
        "due_on": day(row.due_on),
        "meeting_on": day(row.meeting_on),
        "action": row.action,
        "state": row.state.value,
    }


def _synthesis(part: SynthesisData) -> dict[str, Any]:
    return {
        "status_counts": status_counts(part.status_counts),
        "planned_budget": amount(part.planned_budget),
        "planned_budget_ttc": amount(part.planned_budget_ttc),
        "spent_to_date": amount(part.spent_to_date),
        "actions_without_budget": part.actions_without_budget,
        "funding": funding_summary(part.funding),
        "jobs_targeted": part.jobs_targeted,
        "jobs_created": part.jobs_created,
        "induced_investment": amount(part.induced_investment),
        "achieved_investment": amount(part.achieved_investment),
        "late_actions": [_alert(row) for row in part.late_actions],
        "flagged_updates": [_alert(row) for row in part.flagged_updates],
        "overdue_milestones": part.overdue_milestones,
        "pending_decisions": [_decision(row) for row in part.pending_decisions],
    }


def _row(row: ActionRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "reference": row.reference,
        "code": row.code,
        "title": row.title,
        "lead": row.lead,
        "status": row.status.value,
        "progress": row.progress,
        "planned_start": day(row.planned_start),
        "planned_end": day(row.planned_end),
        "planned_budget": amount(row.planned_budget),
        "secured_funding": amount(row.secured_funding),
        "late": row.late,
    }


def _axis(part: AxisPart) -> dict[str, Any]:
    return {
        "code": part.code,
        "label": part.label,
        "colour": part.colour,
        "status_counts": status_counts(part.counts),
        "planned_budget": amount(part.planned_budget),
        "planned_budget_ttc": amount(part.planned_budget_ttc),
        "secured_funding": amount(part.secured_funding),
        "secured_funding_ttc": amount(part.secured_funding_ttc),
        "actions": [row.reference for row in part.rows],
    }


def _line(row: FundingLineRow) -> dict[str, Any]:
    return {
        "funder": row.funder,
        "programme": row.programme,
        "requested": amount(row.requested),
        "granted": amount(row.granted),
        "status": row.status.value,
        "decided_on": day(row.decided_on),
        "basis": row.basis.value if row.basis is not None else None,
    }


def _milestone(row: MilestoneRow) -> dict[str, Any]:
    return {
        "action": row.action,
        "action_title": row.action_title,
        "title": row.title,
        "due_on": day(row.due_on),
        "done_on": day(row.done_on),
    }


def _action(figures: ActionFigures) -> dict[str, Any]:
    return {
        **_row(figures.row),
        "axis": figures.axis_code,
        "parent": figures.parent,
        "budget_basis": figures.budget_basis.value if figures.budget_basis is not None else None,
        "spent_to_date": amount(figures.spent_to_date),
        "jobs_targeted": figures.jobs_targeted,
        "jobs_created": figures.jobs_created,
        "induced_investment": amount(figures.induced_investment),
        "achieved_investment": amount(figures.achieved_investment),
        "funding": [_line(line) for line in figures.funding],
        "milestones": [_milestone(row) for row in figures.milestones],
    }


def _group(row: FundingGroupRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "line_count": row.line_count,
        "requested": amount(row.requested),
        "granted": amount(row.granted),
        "paid": amount(row.paid),
        "requested_ttc": amount(row.requested_ttc),
        "granted_ttc": amount(row.granted_ttc),
        "paid_ttc": amount(row.paid_ttc),
    }


def _funding(part: FundingPart) -> dict[str, Any]:
    return {
        "by_funder": [_group(row) for row in part.by_funder],
        "by_programme": [_group(row) for row in part.by_programme],
        "totals": funding_summary(part.totals),
        "planned_budget_ttc": amount(part.planned_budget_ttc),
    }


def _indicator(row: IndicatorRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "unit": row.unit,
        "scope": row.scope,
        "direction": row.direction.value,
        "baseline": row.baseline,
        "baseline_on": day(row.baseline_on),
        "latest": row.latest,
        "latest_on": day(row.latest_on),
        "target": row.target,
        "target_on": day(row.target_on),
        "reached": row.reached,
        "trend": [{"on": day(on), "value": value} for on, value in row.trend],
    }


def _milestones(part: MilestonesPart) -> dict[str, Any]:
    return {
        "reached": [_milestone(row) for row in part.reached],
        "upcoming": [_milestone(row) for row in part.upcoming],
        "overdue": [_milestone(row) for row in part.overdue],
    }


def _evolutions(part: EvolutionsPart) -> dict[str, Any]:
    return {
        "source": part.source,
        "note": part.note,
        "status_changes": [
            {
                "action": row.action,
                "title": row.title,
                "old": row.old.value if row.old is not None else None,
                "new": row.new.value,
                "on": day(row.on),
            }
            for row in part.status_changes
        ],
        "new_actions": [row.reference for row in part.new_actions],
        "progress_changes": [
            {
                "action": row.action,
                "title": row.title,
                "old_progress": row.old_progress,
                "new_progress": row.new_progress,
                "old_secured": amount(row.old_secured),
                "new_secured": amount(row.new_secured),
            }
            for row in part.progress_changes
        ],
        "removed": list(part.removed),
    }


def _sheet(sheet: ActionSheet) -> dict[str, Any]:
    return {
        "action": sheet.row.reference,
        "axis": sheet.axis,
        "lead_contact": sheet.lead_contact,
        "description": sheet.description,
        "expected_results": sheet.expected_results,
        "pilot": sheet.pilot,
        "partners": [{"name": name, "role": role} for name, role in sheet.partners],
        "updates": [
            {
                "reported_on": day(update.reported_on),
                "author": update.author,
                "status": update.status.value,
                "progress": update.progress,
                "done": update.done,
                "difficulties": update.difficulties,
                "next_steps": update.next_steps,
                "alert": update.alert,
            }
            for update in sheet.updates
        ],
    }


def report_data(data: ReportData) -> dict[str, Any]:
    """The `data` of the document: plain JSON values only."""
    options = data.options
    return {
        "generated_on": day(data.generated_on),
        "app_version": data.app_version,
        "territory": {
            "name": data.territory,
            "national_code": data.national_code,
            "region": data.region,
            "departments": data.departments,
            "carrying_structure": data.carrying_structure,
            "phase": data.phase,
            "chef_de_projet": list(data.chef_de_projet),
            "elected_referents": list(data.elected_referents),
            "industrial_referents": list(data.industrial_referents),
        },
        "period": {"from": day(options.period_from), "to": day(options.period_to)},
        "options": {
            "sections": sorted(section.value for section in options.sections),
            "annex": options.annex,
            "confidential_included": False,  # the report always leaves them out, and says how many
            "confidential_left_out": data.confidential_left_out,
        },
        "synthesis": _synthesis(data.synthesis) if data.synthesis is not None else None,
        "axes": [_axis(part) for part in data.axes],
        "actions": [_action(figures) for figures in data.actions],
        "funding": _funding(data.funding) if data.funding is not None else None,
        "indicators": [_indicator(row) for row in data.indicators],
        "milestones": _milestones(data.milestones) if data.milestones is not None else None,
        "evolutions": _evolutions(data.evolutions) if data.evolutions is not None else None,
        "annex": [_sheet(sheet) for sheet in data.annex],
    }


def report_document(data: ReportData) -> SealedDocument:
    return seal(DocumentFormat.RAPPORT, report_data(data))
