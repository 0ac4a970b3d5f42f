"""The annex of the progress report: one sheet per fiche-action (its facts, partners, funding plan,
milestones and latest progress updates); and every action's figures, which the report's embedded data carries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.domain.records import ActionPartnerRecord, FundingLineRecord, MilestoneRecord, ProgressUpdateRecord
from ti_desktop.reports.data import ActionFigures, ActionRow, ActionSheet, FundingLineRow, MilestoneRow, UpdateRow
from ti_desktop.services.crud import fetch_records_in
from ti_desktop.services.report_plan import ReportPlan

ANNEX_UPDATES = 3


def _partners(session: Session, plan: ReportPlan) -> list[ActionPartnerRecord]:
    table = models.ActionPartner.__table__
    ids = [action.id for action in plan.actions]
    return fetch_records_in(session, models.ActionPartner, ActionPartnerRecord, table.c.action_id, ids, table.c.id)


def _funding_rows(plan: ReportPlan, lines: list[FundingLineRecord]) -> tuple[FundingLineRow, ...]:
    return tuple(
        FundingLineRow(
            funder=plan.funder(line),
            programme=line.programme,
            requested=line.amount_requested,
            granted=line.amount_granted,
            status=line.status,
            decided_on=line.decided_on,
            basis=line.basis,
        )
        for line in lines
    )


def _milestones_by_action(plan: ReportPlan) -> dict[int, list[MilestoneRecord]]:
    grouped: dict[int, list[MilestoneRecord]] = defaultdict(list)
    for milestone in plan.milestones:
        grouped[milestone.action_id].append(milestone)
    for milestones in grouped.values():
        milestones.sort(key=lambda m: (m.due_on or dt.date.max, m.position, m.id))
    return grouped


def action_figures(
    plan: ReportPlan, rows: dict[int, ActionRow], lines_by_action: dict[int, list[FundingLineRecord]]
) -> tuple[ActionFigures, ...]:
    """Every non-confidential action with its figures, funding lines and milestones, in the plan's order."""
    milestones_by_action = _milestones_by_action(plan)
    axes = {axis.id: axis.code for axis in plan.axes}
    actions = {action.id: action for action in plan.actions}
    figures = []
    for action in plan.actions:
        row = rows[action.id]
        parent = actions.get(action.parent_id) if action.parent_id is not None else None
        figures.append(
            ActionFigures(
                row=row,
                axis_code=axes.get(action.axis_id, ""),
                parent=rows[parent.id].reference if parent is not None else None,
                budget_basis=action.budget_basis,
                spent_to_date=action.spent_to_date,
                jobs_targeted=action.jobs_targeted,
                jobs_created=action.jobs_created,
                induced_investment=action.induced_investment,
                achieved_investment=action.achieved_investment,
                funding=_funding_rows(plan, lines_by_action[action.id]),
                milestones=tuple(
                    MilestoneRow(row.reference, action.title, m.title, m.due_on, m.done_on)
                    for m in milestones_by_action[action.id]
                ),
            )
        )
    return tuple(figures)


def action_sheets(
    session: Session,
    plan: ReportPlan,
    rows: dict[int, ActionRow],
    lines_by_action: dict[int, list[FundingLineRecord]],
) -> tuple[ActionSheet, ...]:
    """One sheet per non-confidential action, in the plan's order."""
    partners = _partners(session, plan)
    partners_by_action: dict[int, list[ActionPartnerRecord]] = defaultdict(list)
    for partner in partners:
        partners_by_action[partner.action_id].append(partner)
    milestones_by_action = _milestones_by_action(plan)
    updates_by_action: dict[int, list[ProgressUpdateRecord]] = defaultdict(list)
    for update in plan.updates:
        updates_by_action[update.action_id].append(update)
    axes = {axis.id: f"{axis.code} – {axis.label}" for axis in plan.axes}
    sheets = []
    for action in plan.actions:
        row = rows[action.id]
        milestones = milestones_by_action[action.id]
        updates = sorted(updates_by_action[action.id], key=lambda u: (u.reported_on, u.id), reverse=True)
        sheets.append(
            ActionSheet(
                row=row,
                axis=axes.get(action.axis_id, "—"),
                lead_contact=plan.actor_name(action.lead_actor_id),
                description=action.description,
                expected_results=action.expected_results,
                pilot=plan.actor_name(action.pilot_actor_id),
                partners=tuple(
                    (plan.actor_name(partner.actor_id) or "—", partner.role)
                    for partner in partners_by_action[action.id]
                ),
                funding=_funding_rows(plan, lines_by_action[action.id]),
                milestones=tuple(
                    MilestoneRow(row.reference, action.title, m.title, m.due_on, m.done_on) for m in milestones
                ),
                updates=tuple(
                    UpdateRow(
                        reported_on=u.reported_on,
                        author=u.author,
                        status=u.status,
                        progress=u.progress,
                        done=u.done,
                        difficulties=u.difficulties,
                        next_steps=u.next_steps,
                        alert=u.alert,
                    )
                    for u in updates[:ANNEX_UPDATES]
                ),
            )
        )
    return tuple(sheets)
