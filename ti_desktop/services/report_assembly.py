"""The data of a progress report (`reports.data.ReportData`), gathered from the database: the synthèse
(key figures, alerts, pending decisions), the axes, the funding, the indicators, the milestones, the
évolutions and the annex's fiches-actions (`report_sheets`), all computed by the domain on the non-confidential actions.

The key figures the synthèse shows are computed in `_synthesis` (its `SynthesisData`) and drawn by
`reports.progress.key_figures`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ti_desktop import __version__
from ti_desktop.db import models
from ti_desktop.domain import summaries
from ti_desktop.domain.enums import AmountBasis, DecisionState, GovernanceRole
from ti_desktop.domain.records import (
    ActionRecord,
    DecisionRecord,
    FundingLineRecord,
    IndicatorValueRecord,
    MeetingRecord,
)
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.kernel.formatting import format_number, format_percent
from ti_desktop.reports.data import (
    ActionRow,
    AlertRow,
    AxisPart,
    DecisionRow,
    FundingGroupRow,
    FundingPart,
    IndicatorRow,
    MilestoneRow,
    MilestonesPart,
    ReportData,
    SynthesisData,
)
from ti_desktop.services.crud import to_record
from ti_desktop.services.report_evolutions import evolutions
from ti_desktop.services.report_plan import (
    ReportPlan,
    chefs_de_projet,
    governance_names,
    in_period,
    load_plan,
    reference,
)
from ti_desktop.services.report_sheets import action_figures, action_sheets

UPCOMING_DAYS = 183  # "the next six months"
ZERO = Decimal("0.00")


def indicator_reached(baseline: float | None, latest: float | None, target: float | None) -> float | None:
    """Share of the way from the baseline to the target (1.0 = target reached), whatever the direction."""
    if baseline is None or latest is None or target is None or target == baseline:
        return None
    return (latest - baseline) / (target - baseline)


def assemble_report(session: Session, territory_id: int, options: ReportOptions, today: dt.date) -> ReportData:
    """Everything the report shows, read in `session`."""
    plan = load_plan(session, territory_id)
    decisions = _pending_decisions(session, territory_id, plan)
    changes = evolutions(session, plan, options)
    lines_by_action = plan.lines_by_action()
    rows = {action.id: plan.row(action, lines_by_action[action.id], today) for action in plan.actions}
    summary = summaries.plan_summary(plan.actions, plan.lines, today)
    actions_by_id = {action.id: action for action in plan.actions}
    milestones = _milestones(plan, actions_by_id, options, today)
    territory = plan.territory

    return ReportData(
        options=options,
        territory=territory.name,
        region=territory.region,
        generated_on=today,
        app_version=__version__,
        chef_de_projet=chefs_de_projet(plan),
        elected_referents=governance_names(plan, GovernanceRole.ELU_REFERENT),
        industrial_referents=governance_names(plan, GovernanceRole.INDUSTRIEL_REFERENT),
        carrying_structure=territory.carrying_structure,
        departments=territory.departments,
        phase=territory.phase,
        confidential_left_out=len(plan.confidential_ids),
        synthesis=_synthesis(plan, summary, rows, options, today, milestones, decisions),
        axes=_axes(plan, rows, lines_by_action),
        funding=_funding(plan, summary),
        indicators=_indicators(plan, actions_by_id, options),
        milestones=milestones,
        evolutions=changes,
        annex=action_sheets(session, plan, rows, lines_by_action) if options.annex else (),
        national_code=territory.national_code,
        actions=action_figures(plan, rows, lines_by_action),
    )


def _synthesis(
    plan: ReportPlan,
    summary: summaries.PlanSummary,
    rows: dict[int, ActionRow],
    options: ReportOptions,
    today: dt.date,
    milestones: MilestonesPart,
    decisions: tuple[DecisionRow, ...],
) -> SynthesisData:
    late = []
    for action in summaries.late_actions(plan.actions, today):
        assert action.planned_end is not None
        days = (today - action.planned_end).days
        late.append(
            AlertRow(
                action=rows[action.id].reference,
                title=action.title,
                on=action.planned_end,
                text=f"Échéance dépassée de {format_number(days)} jour{'s' if days > 1 else ''} ; "
                f"{action.status.label.lower()}, avancement {format_percent(action.progress / 100)}.",
            )
        )
    flagged = [update for update in plan.updates if update.alert and in_period(update.reported_on, options)]
    flagged.sort(key=lambda update: (update.reported_on, update.id), reverse=True)
    alerts = tuple(
        AlertRow(
            action=rows[update.action_id].reference,
            title=rows[update.action_id].title,
            on=update.reported_on,
            text=update.difficulties or update.done or update.next_steps or "Alerte signalée.",
        )
        for update in flagged
    )
    return SynthesisData(
        status_counts=summary.status_counts,
        planned_budget=summary.budget.planned,
        spent_to_date=summary.budget.spent,
        actions_without_budget=summary.budget.actions_without_budget,
        funding=summary.funding,
        jobs_targeted=summary.jobs_targeted,
        jobs_created=summary.jobs_created,
        induced_investment=summary.induced_investment,
        achieved_investment=summary.achieved_investment,
        late_actions=tuple(late),
        flagged_updates=alerts,
        overdue_milestones=len(milestones.overdue),
        pending_decisions=decisions,
        planned_budget_ttc=summary.budget.planned_ttc,
    )


def _pending_decisions(session: Session, territory_id: int, plan: ReportPlan) -> tuple[DecisionRow, ...]:
    statement = (
        select(models.Decision, models.Meeting)
        .join(models.Meeting, models.Meeting.id == models.Decision.meeting_id)
        .where(models.Meeting.territory_id == territory_id, models.Decision.state == DecisionState.A_FAIRE.value)
        .order_by(models.Decision.due_on.is_(None), models.Decision.due_on, models.Decision.id)
    )
    codes = {action.id: reference(action) for action in plan.actions}
    rows = []
    for decision_row, meeting_row in session.execute(statement):
        decision = to_record(decision_row, DecisionRecord)
        meeting = to_record(meeting_row, MeetingRecord)
        if decision.action_id is not None and decision.action_id not in codes:
            continue  # about a confidential action
        rows.append(
            DecisionRow(
                text=decision.text,
                owner=plan.actor_name(decision.owner_actor_id),
                due_on=decision.due_on,
                meeting_on=meeting.held_on,
                action=codes.get(decision.action_id) if decision.action_id is not None else None,
                state=decision.state,
            )
        )
    return tuple(rows)


def _axes(
    plan: ReportPlan, rows: dict[int, ActionRow], lines_by_action: dict[int, list[FundingLineRecord]]
) -> tuple[AxisPart, ...]:
    by_axis: dict[int, list[ActionRecord]] = defaultdict(list)
    for action in plan.actions:
        by_axis[action.axis_id].append(action)
    parts = []
    for axis in plan.axes:  # every one, the programme's four priorities first: an empty axis says so
        actions = by_axis.get(axis.id, [])
        budget = summaries.budget_totals(actions)
        lines = [line for action in actions for line in lines_by_action[action.id]]
        parts.append(
            AxisPart(
                code=axis.code,
                label=axis.label,
                colour=axis.colour,
                counts=summaries.count_by_status(actions),
                rows=tuple(rows[action.id] for action in actions),
                planned_budget=budget.planned,
                secured_funding=summaries.secured_funding(lines),
                planned_budget_ttc=budget.planned_ttc,
                secured_funding_ttc=summaries.secured_funding(line for line in lines if line.basis is AmountBasis.TTC),
            )
        )
    return tuple(parts)


def _funding(plan: ReportPlan, summary: summaries.PlanSummary) -> FundingPart:
    def groups(key: Callable[[FundingLineRecord], str]) -> tuple[FundingGroupRow, ...]:
        grouped: dict[str, list[FundingLineRecord]] = defaultdict(list)
        for line in plan.lines:
            grouped[key(line)].append(line)
        rows = []
        for name, lines in grouped.items():
            totals = summaries.funding_summary(lines, ZERO)
            ttc = totals.ttc
            rows.append(
                FundingGroupRow(
                    name,
                    len(lines),
                    totals.requested,
                    totals.granted,
                    totals.paid,
                    ttc.requested if ttc else ZERO,
                    ttc.granted if ttc else ZERO,
                    ttc.paid if ttc else ZERO,
                )
            )
        rows.sort(key=lambda row: (-row.requested, -row.granted, row.name.casefold()))
        return tuple(rows)

    return FundingPart(
        by_funder=groups(lambda line: plan.funder(line)),
        by_programme=groups(lambda line: line.programme or "Programme non précisé"),
        totals=summary.funding,
        planned_budget_ttc=summary.budget.planned_ttc,
    )


def _indicators(
    plan: ReportPlan, actions_by_id: dict[int, ActionRecord], options: ReportOptions
) -> tuple[IndicatorRow, ...]:
    values: dict[int, list[IndicatorValueRecord]] = defaultdict(list)
    for value in plan.values:
        if value.measured_on <= options.period_to:
            values[value.indicator_id].append(value)
    axes = {axis.id: axis for axis in plan.axes}
    rows = []
    for indicator in plan.indicators:
        measures = sorted(values[indicator.id], key=lambda value: value.measured_on)
        latest = measures[-1] if measures else None
        trend: list[tuple[dt.date, float]] = []
        if indicator.baseline_value is not None and indicator.baseline_on is not None:
            trend.append((indicator.baseline_on, indicator.baseline_value))
        trend += [(value.measured_on, value.value) for value in measures]
        scope = None
        if indicator.action_id is not None and indicator.action_id in actions_by_id:
            action = actions_by_id[indicator.action_id]
            scope = f"Action {action.code or action.id}"
        elif indicator.axis_id is not None and indicator.axis_id in axes:
            scope = f"Axe {axes[indicator.axis_id].label}"
        rows.append(
            IndicatorRow(
                name=indicator.name,
                unit=indicator.unit,
                scope=scope,
                direction=indicator.direction,
                baseline=indicator.baseline_value,
                baseline_on=indicator.baseline_on,
                latest=latest.value if latest else None,
                latest_on=latest.measured_on if latest else None,
                target=indicator.target_value,
                target_on=indicator.target_on,
                reached=indicator_reached(
                    indicator.baseline_value, latest.value if latest else None, indicator.target_value
                ),
                trend=tuple(sorted(trend)),
            )
        )
    return tuple(rows)


def _milestones(
    plan: ReportPlan, actions_by_id: dict[int, ActionRecord], options: ReportOptions, today: dt.date
) -> MilestonesPart:
    horizon = today + dt.timedelta(days=UPCOMING_DAYS)
    reached, upcoming, overdue = [], [], []
    for milestone in plan.milestones:
        action = actions_by_id[milestone.action_id]
        row = MilestoneRow(
            action=reference(action),
            action_title=action.title,
            title=milestone.title,
            due_on=milestone.due_on,
            done_on=milestone.done_on,
        )
        if in_period(milestone.done_on, options):
            reached.append(row)
        elif milestone.is_overdue(today):
            overdue.append(row)
        elif milestone.done_on is None and milestone.due_on is not None and today <= milestone.due_on <= horizon:
            upcoming.append(row)
    far = dt.date.max
    return MilestonesPart(
        reached=tuple(sorted(reached, key=lambda row: (row.done_on or far, row.action))),
        upcoming=tuple(sorted(upcoming, key=lambda row: (row.due_on or far, row.action))),
        overdue=tuple(sorted(overdue, key=lambda row: (row.due_on or far, row.action))),
    )
