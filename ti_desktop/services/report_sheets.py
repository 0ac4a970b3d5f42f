"""The annex of the progress report: one sheet per fiche-action (its facts, partners, funding plan,
milestones and latest progress updates)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.domain.records import ActionPartnerRecord, FundingLineRecord, MilestoneRecord, ProgressUpdateRecord
from ti_desktop.reports.data import ActionRow, ActionSheet, FundingLineRow, MilestoneRow, UpdateRow
from ti_desktop.services.report_plan import ReportPlan, chunked

ANNEX_UPDATES = 3


def _partners(session: Session, plan: ReportPlan) -> list[ActionPartnerRecord]:
    table = models.ActionPartner.__table__
    ids = [action.id for action in plan.actions]
    return chunked(session, models.ActionPartner, ActionPartnerRecord, table.c.action_id, ids, table.c.id)


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
    milestones_by_action: dict[int, list[MilestoneRecord]] = defaultdict(list)
    for milestone in plan.milestones:
        milestones_by_action[milestone.action_id].append(milestone)
    updates_by_action: dict[int, list[ProgressUpdateRecord]] = defaultdict(list)
    for update in plan.updates:
        updates_by_action[update.action_id].append(update)
    axes = {axis.id: f"{axis.code} – {axis.label}" for axis in plan.axes}
    sheets = []
    for action in plan.actions:
        row = rows[action.id]
        milestones = sorted(milestones_by_action[action.id], key=lambda m: (m.due_on or dt.date.max, m.position, m.id))
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
                funding=tuple(
                    FundingLineRow(
                        funder=plan.funder(line),
                        programme=line.programme,
                        requested=line.amount_requested,
                        granted=line.amount_granted,
                        status=line.status,
                        decided_on=line.decided_on,
                    )
                    for line in lines_by_action[action.id]
                ),
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
