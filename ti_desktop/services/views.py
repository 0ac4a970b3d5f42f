"""Ready-to-show rows for the GUI: one query set per screen, plain records, no ORM."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain.custom_fields import CustomValue
from ti_desktop.domain.enums import REQUESTED_FUNDING_STATUSES, SECURED_FUNDING_STATUSES
from ti_desktop.domain.records import ActionRecord, ActorRecord, AxisRecord
from ti_desktop.domain.rules import is_action_late
from ti_desktop.services.crud import to_record
from ti_desktop.services.plan import custom_values_in, last_update_dates_in

ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One line of the plan view: the action and what the table shows beside it."""

    action: ActionRecord
    axis: AxisRecord
    lead_name: str | None
    requested: Decimal
    secured: Decimal
    last_update_on: dt.date | None
    late: bool
    custom_values: Mapping[int, CustomValue] = field(default_factory=dict)  # by custom field id


@dataclass(frozen=True, slots=True)
class ActorInvolvement:
    """Where an actor appears in a territory's plan."""

    actor: ActorRecord
    lead_of: list[ActionRecord]
    partner_of: list[tuple[ActionRecord, str | None]]


class ViewService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def plan_rows(self, territory_id: int, today: dt.date) -> list[PlanRow]:
        """Every action of the territory (parents before their sub-actions), in a handful of queries."""
        with self._sessions() as session:
            axes = {
                row.id: to_record(row, AxisRecord)
                for row in session.scalars(
                    select(models.Axis).where(
                        or_(models.Axis.territory_id.is_(None), models.Axis.territory_id == territory_id)
                    )
                )
            }
            # Plain rows, not ORM objects: ten times less work on a 10,000-action plan.
            table = models.Action.__table__
            actions = [
                ActionRecord(**row._mapping)
                for row in session.execute(
                    select(table).where(table.c.territory_id == territory_id).order_by(table.c.code, table.c.id)
                )
            ]
            lead_ids = {a.lead_actor_id for a in actions if a.lead_actor_id is not None}
            statement = select(models.Actor.id, models.Actor.name).where(models.Actor.id.in_(lead_ids))
            names = {actor_id: name for actor_id, name in session.execute(statement)}
            requested: dict[int, Decimal] = defaultdict(lambda: ZERO)
            secured: dict[int, Decimal] = defaultdict(lambda: ZERO)
            funding = session.execute(
                select(
                    models.FundingLine.action_id,
                    models.FundingLine.status,
                    models.FundingLine.amount_requested,
                    models.FundingLine.amount_granted,
                )
                .join(models.Action, models.Action.id == models.FundingLine.action_id)
                .where(models.Action.territory_id == territory_id)
            )
            for action_id, status, amount_requested, amount_granted in funding:
                if status in REQUESTED_FUNDING_STATUSES:
                    requested[action_id] += amount_requested
                if status in SECURED_FUNDING_STATUSES:
                    secured[action_id] += amount_granted or ZERO
            last_updates = last_update_dates_in(session, territory_id)
            custom = custom_values_in(session, territory_id)
        return [
            PlanRow(
                action=action,
                axis=axes[action.axis_id],
                lead_name=names.get(action.lead_actor_id) if action.lead_actor_id else None,
                requested=requested[action.id],
                secured=secured[action.id],
                last_update_on=last_updates.get(action.id),
                late=is_action_late(action.status, action.planned_end, today),
                custom_values=custom.get(action.id, {}),
            )
            for action in actions
        ]

    def involvement(self, territory_id: int) -> list[ActorInvolvement]:
        """Every actor of the directory, with the territory's actions it leads or partners."""
        with self._sessions() as session:
            actors = [
                to_record(row, ActorRecord) for row in session.scalars(select(models.Actor).order_by(models.Actor.name))
            ]
            actions = {
                row.id: to_record(row, ActionRecord)
                for row in session.scalars(select(models.Action).where(models.Action.territory_id == territory_id))
            }
            partners = session.execute(
                select(models.ActionPartner.actor_id, models.ActionPartner.action_id, models.ActionPartner.role)
            ).all()
        lead_of: dict[int, list[ActionRecord]] = defaultdict(list)
        for action in actions.values():
            if action.lead_actor_id is not None:
                lead_of[action.lead_actor_id].append(action)
        partner_of: dict[int, list[tuple[ActionRecord, str | None]]] = defaultdict(list)
        for actor_id, action_id, role in partners:
            if action_id in actions:
                partner_of[actor_id].append((actions[action_id], role))
        return [ActorInvolvement(actor, lead_of[actor.id], partner_of[actor.id]) for actor in actors]
