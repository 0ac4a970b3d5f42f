"""The regional synthesis's embedded data: a `ConsolidatedView` written as the document
`ti-desktop/synthese-regionale` (schema `resources/schemas/synthese-regionale.schema.json`).

It holds the figures the PDF and the workbook show (so that a program reads them as a person does) and, in
`reports`, the envelope of every report it was consolidated from, exactly as received: consolidating a regional
synthesis is consolidating the reports it carries (a national consolidation of regional files is the same step)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ti_desktop.domain.consolidation import (
    AxisTotal,
    ConsolidatedView,
    FunderTotal,
    ReceivedReport,
    TerritoryEvolution,
    TerritoryFigures,
    TerritoryRow,
)
from ti_desktop.domain.data_documents import DocumentFormat, SealedDocument, amount, seal
from ti_desktop.domain.enums import ActionStatus


def common_region(view: ConsolidatedView) -> str | None:
    """The Région all the territories belong to, or None when they are of several (or none say)."""
    regions = {row.region for row in view.territories}
    if len(regions) == 1:
        return next(iter(regions))
    return None


def _figures(figures: TerritoryFigures) -> dict[str, Any]:
    return {
        "actions": figures.actions,
        "status_counts": {status.value: figures.count(status) for status in ActionStatus},
        "planned_budget": amount(figures.planned_budget),
        "planned_budget_ttc": amount(figures.planned_budget_ttc),
        "requested": amount(figures.requested),
        "granted": amount(figures.granted),
        "paid": amount(figures.paid),
        "jobs_targeted": figures.jobs_targeted,
        "jobs_created": figures.jobs_created,
        "induced_investment": amount(figures.induced_investment),
        "achieved_investment": amount(figures.achieved_investment),
        "late_actions": figures.late_actions,
    }


def _report_ref(report: ReceivedReport) -> dict[str, Any]:
    return {
        "sha256": report.sha256,
        "generated_on": report.generated_on.isoformat(),
        "period": {"from": report.period_from.isoformat(), "to": report.period_to.isoformat()},
    }


def _territory(row: TerritoryRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "name": row.name,
        "national_code": row.report.data["territory"].get("national_code"),
        "region": row.region,
        "report": _report_ref(row.report),
        "reports": row.reports,
        "stale": row.stale,
        "figures": _figures(row.figures),
    }


def _axis(total: AxisTotal) -> dict[str, Any]:
    return {
        "code": total.code,
        "label": total.label,
        "territories": total.territories,
        "actions": total.actions,
        "planned_budget": amount(total.planned_budget),
        "secured_funding": amount(total.secured_funding),
    }


def _funder(total: FunderTotal) -> dict[str, Any]:
    return {
        "name": total.name,
        "territories": total.territories,
        "line_count": total.line_count,
        "requested": amount(total.requested),
        "granted": amount(total.granted),
        "paid": amount(total.paid),
    }


def _evolution(evolution: TerritoryEvolution) -> dict[str, Any]:
    return {
        "key": evolution.key,
        "name": evolution.name,
        "steps": [{"report": _report_ref(step.report), "figures": _figures(step.figures)} for step in evolution.steps],
    }


def key_figures(view: ConsolidatedView) -> dict[str, Any]:
    totals = view.totals
    return {
        "territories": len(view.territories),
        "projects": view.projects,
        "actions": totals.actions,
        "planned_budget": amount(totals.planned_budget),
        "requested": amount(totals.requested),
        "granted": amount(totals.granted),
        "paid": amount(totals.paid),
        "jobs_targeted": totals.jobs_targeted,
        "jobs_created": totals.jobs_created,
        "induced_investment": amount(totals.induced_investment),
        "achieved_investment": amount(totals.achieved_investment),
        "stale_territories": sum(1 for row in view.territories if row.stale),
    }


def report_envelope(report: ReceivedReport) -> dict[str, Any]:
    """The report's document as received (its checksum is the one it came with)."""
    return {
        "format": DocumentFormat.RAPPORT.value,
        "schema_version": DocumentFormat.RAPPORT.schema_version,
        "sha256": report.sha256,
        "data": report.data,
    }


def synthesis_data(view: ConsolidatedView, reports: Sequence[ReceivedReport], app_version: str) -> dict[str, Any]:
    ordered = sorted(reports, key=lambda report: (report.territory.casefold(), report.key, report.period_to))
    return {
        "generated_on": view.as_of.isoformat(),
        "app_version": app_version,
        "region": common_region(view),
        "key_figures": key_figures(view),
        "territories": [_territory(row) for row in view.territories],
        "totals": _figures(view.totals),
        "axes": [_axis(total) for total in view.axes],
        "funders": [_funder(total) for total in view.funders],
        "evolutions": [_evolution(evolution) for evolution in view.evolutions],
        "reports": [report_envelope(report) for report in ordered],
    }


def synthesis_document(view: ConsolidatedView, reports: Sequence[ReceivedReport], app_version: str) -> SealedDocument:
    """The synthesis of `view`, carrying `reports` (those it was consolidated from)."""
    return seal(DocumentFormat.SYNTHESE, synthesis_data(view, reports, app_version))
