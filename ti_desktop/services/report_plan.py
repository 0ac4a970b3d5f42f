"""Every record a progress report reads, loaded in one session, confidential actions set apart."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.domain import summaries
from ti_desktop.domain.enums import GovernanceRole
from ti_desktop.domain.errors import NotFoundError
from ti_desktop.domain.records import (
    ActionRecord,
    ActorRecord,
    AxisRecord,
    FundingLineRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    MilestoneRecord,
    ProgressUpdateRecord,
    TerritoryRecord,
    TerritoryRoleRecord,
)
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.domain.rules import confidential_ids
from ti_desktop.reports.data import ActionRow
from ti_desktop.services.crud import fetch_records, fetch_records_in, to_record


@dataclass
class ReportPlan:
    """Every record the report reads, confidential actions already separated."""

    territory: TerritoryRecord
    actions: list[ActionRecord]  # non-confidential, in axis then code order
    all_action_ids: set[int]
    confidential_ids: set[int]
    axes: list[AxisRecord]
    actors: dict[int, ActorRecord]
    lines: list[FundingLineRecord]
    milestones: list[MilestoneRecord]
    updates: list[ProgressUpdateRecord]
    indicators: list[IndicatorRecord]
    values: list[IndicatorValueRecord]
    roles: list[TerritoryRoleRecord]

    def actor_name(self, actor_id: int | None) -> str | None:
        actor = self.actors.get(actor_id) if actor_id is not None else None
        return actor.display_name if actor else None

    def funder(self, line: FundingLineRecord) -> str:
        if line.funder_actor_id is not None:
            actor = self.actors.get(line.funder_actor_id)
            if actor is not None:
                return actor.organisation or actor.name
        return line.funder_name or "Financeur non précisé"

    def lines_by_action(self) -> dict[int, list[FundingLineRecord]]:
        grouped: dict[int, list[FundingLineRecord]] = defaultdict(list)
        for line in self.lines:
            grouped[line.action_id].append(line)
        return grouped

    def row(self, action: ActionRecord, lines: list[FundingLineRecord], today: dt.date) -> ActionRow:
        """The action as the report's tables show it."""
        return ActionRow(
            id=action.id,
            code=action.code,
            title=action.title,
            lead=self.actor_name(action.lead_actor_id),  # « Marie Dupont (CC du Val) », as the plan shows it
            status=action.status,
            progress=action.progress,
            planned_start=action.planned_start,
            planned_end=action.planned_end,
            planned_budget=action.planned_budget,
            secured_funding=summaries.secured_funding(lines),
            late=action.is_late(today),
        )


def governance_names(plan: ReportPlan, role: GovernanceRole) -> tuple[str, ...]:
    """The territory's people holding `role` in its governance (page Territoire), named as the plan names them."""
    return tuple(name for entry in plan.roles if entry.role is role if (name := plan.actor_name(entry.actor_id)))


def chefs_de_projet(plan: ReportPlan) -> tuple[str, ...]:
    """The territory's chef(s) de projet: the report's cover and the contrôle avant envoi read them here."""
    return governance_names(plan, GovernanceRole.CHEF_DE_PROJET)


def reference(action: ActionRecord) -> str:
    """The action's code, or its number when it has none."""
    return action.code or f"n° {action.id}"


def in_period(day: dt.date | None, options: ReportOptions) -> bool:
    return day is not None and options.period_from <= day <= options.period_to


def _sort_key(action: ActionRecord) -> tuple[bool, str, int]:
    return (action.code is None, action.code or "", action.id)


def load_plan(session: Session, territory_id: int) -> ReportPlan:
    territory_row = session.get(models.Territory, territory_id)
    if territory_row is None:
        raise NotFoundError(f"Impossible de trouver le territoire n° {territory_id}.")
    territory = to_record(territory_row, TerritoryRecord)
    action_table = models.Action.__table__
    everything = fetch_records(session, models.Action, ActionRecord, action_table.c.territory_id == territory_id)
    confidential = confidential_ids(everything)
    actions = [action for action in everything if action.id not in confidential]
    ids = [action.id for action in actions]
    axes_table = models.Axis.__table__
    axes = fetch_records(
        session,
        models.Axis,
        AxisRecord,
        (axes_table.c.territory_id.is_(None)) | (axes_table.c.territory_id == territory_id),
        order_by=(axes_table.c.territory_id.is_not(None), axes_table.c.position, axes_table.c.id),
    )
    axis_rank = {axis.id: rank for rank, axis in enumerate(axes)}
    actions.sort(key=lambda action: (axis_rank.get(action.axis_id, len(axes)), *_sort_key(action)))
    line_table = models.FundingLine.__table__
    milestone_table = models.Milestone.__table__
    update_table = models.ProgressUpdate.__table__
    indicator_table = models.Indicator.__table__
    value_table = models.IndicatorValue.__table__
    indicators = [
        indicator
        for indicator in fetch_records(
            session,
            models.Indicator,
            IndicatorRecord,
            indicator_table.c.territory_id == territory_id,
            order_by=(indicator_table.c.id,),
        )
        if indicator.action_id not in confidential
    ]
    return ReportPlan(
        territory=territory,
        actions=actions,
        all_action_ids={action.id for action in everything},
        confidential_ids=confidential,
        axes=axes,
        actors={actor.id: actor for actor in fetch_records(session, models.Actor, ActorRecord)},
        lines=fetch_records_in(
            session, models.FundingLine, FundingLineRecord, line_table.c.action_id, ids, line_table.c.id
        ),
        milestones=fetch_records_in(
            session, models.Milestone, MilestoneRecord, milestone_table.c.action_id, ids, milestone_table.c.id
        ),
        updates=fetch_records_in(
            session, models.ProgressUpdate, ProgressUpdateRecord, update_table.c.action_id, ids, update_table.c.id
        ),
        indicators=indicators,
        values=fetch_records_in(
            session,
            models.IndicatorValue,
            IndicatorValueRecord,
            value_table.c.indicator_id,
            [indicator.id for indicator in indicators],
            value_table.c.measured_on,
        ),
        roles=fetch_records(
            session,
            models.TerritoryRole,
            TerritoryRoleRecord,
            models.TerritoryRole.__table__.c.territory_id == territory_id,
            order_by=(models.TerritoryRole.__table__.c.id,),
        ),
    )
