"""The action plan: fiches-actions with their filters, challenges answered and partners."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.db.changelog import USER_KEY
from ti_desktop.db.types import utcnow
from ti_desktop.domain import fields
from ti_desktop.domain.enums import CLOSED_STATUSES, ActionStatus
from ti_desktop.domain.errors import ValidationError
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.domain.records import ActionRecord
from ti_desktop.services.checks import check_action
from ti_desktop.services.crud import EntityCrud, to_record
from ti_desktop.services.transactions import transaction

ACTION_CHILDREN: tuple[type[Any], ...] = (
    models.ActionPartner,
    models.FundingLine,
    models.Milestone,
    models.ProgressUpdate,
    models.Attachment,
)


class ActionService(EntityCrud[models.Action, ActionRecord]):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__(
            sessions,
            models.Action,
            ActionRecord,
            fields.ACTION,
            noun="l'action",
            check=check_action,
            order_by=("axis_id", "code", "id"),
        )

    def update_in(self, session: Session, record_id: int, **changes: Any) -> models.Action:
        # Marking an action réalisée completes it: 100 % and today's actual end, unless given.
        if changes.get("status") == ActionStatus.REALISEE:
            row = self.load(session, record_id)
            if row.status != ActionStatus.REALISEE:
                changes.setdefault("progress", 100)
                if row.actual_end is None:
                    changes.setdefault("actual_end", dt.date.today())
        return super().update_in(session, record_id, **changes)

    def delete_in(self, session: Session, record_id: int) -> None:
        """Delete the action with its sub-actions and children, each through the ORM so that the
        history records every one of them (the database's ON DELETE CASCADE would do it silently)."""
        self.load(session, record_id)
        for sub_action_id in session.scalars(select(models.Action.id).where(models.Action.parent_id == record_id)):
            self.delete_in(session, sub_action_id)
        for child_model in ACTION_CHILDREN:
            for child in session.scalars(select(child_model).where(child_model.action_id == record_id)):
                session.delete(child)
        super().delete_in(session, record_id)

    def find(self, action_filter: ActionFilter) -> list[ActionRecord]:
        """Actions matching every criterion of the filter, ordered by axis then code."""
        model = models.Action
        conditions = [model.territory_id == action_filter.territory_id]
        if action_filter.axis_ids:
            conditions.append(model.axis_id.in_(action_filter.axis_ids))
        if action_filter.statuses:
            conditions.append(model.status.in_([status.value for status in action_filter.statuses]))
        if action_filter.lead_actor_ids:
            conditions.append(model.lead_actor_id.in_(action_filter.lead_actor_ids))
        if action_filter.late_only:
            today = action_filter.today or dt.date.today()
            conditions += [
                model.planned_end.is_not(None),
                model.planned_end < today,
                model.status.not_in([status.value for status in CLOSED_STATUSES]),
            ]
        if action_filter.to_discuss_only:
            conditions.append(model.to_discuss.is_(True))
        if action_filter.confidential is not None:
            conditions.append(model.confidential.is_(action_filter.confidential))
        for word in action_filter.text.split():
            pattern = f"%{word}%"
            conditions.append(
                or_(model.title.ilike(pattern), model.code.ilike(pattern), model.description.ilike(pattern))
            )
        statement = select(model).where(and_(*conditions)).order_by(model.axis_id, model.code, model.id)
        with self._sessions() as session:
            return [to_record(row, ActionRecord) for row in session.scalars(statement)]

    def for_territory(self, territory_id: int) -> list[ActionRecord]:
        return self.find(ActionFilter(territory_id=territory_id))

    def sub_actions(self, parent_id: int) -> list[ActionRecord]:
        return self.list(parent_id=parent_id)

    def challenge_ids(self, action_id: int) -> set[int]:
        with self._sessions() as session:
            rows = session.execute(
                select(models.action_challenges.c.challenge_id).where(models.action_challenges.c.action_id == action_id)
            )
            return {row[0] for row in rows}

    def set_challenges(self, action_id: int, challenge_ids: set[int]) -> None:
        """Which challenges (enjeux) the action answers; logged in the history as one change."""
        with transaction(self._sessions) as session:
            self.set_challenges_in(session, action_id, challenge_ids)

    def set_challenges_in(self, session: Session, action_id: int, challenge_ids: set[int]) -> None:
        action = self.load(session, action_id)
        link = models.action_challenges
        valid = set(
            session.scalars(
                select(models.Challenge.id).where(
                    models.Challenge.id.in_(challenge_ids), models.Challenge.territory_id == action.territory_id
                )
            )
        )
        if valid != set(challenge_ids):
            raise ValidationError("challenges", "Enjeux", "un enjeu choisi n'existe pas dans ce territoire.")
        before = {row[0] for row in session.execute(select(link.c.challenge_id).where(link.c.action_id == action_id))}
        if before == valid:
            return
        session.execute(delete(link).where(link.c.action_id == action_id))
        if valid:
            session.execute(insert(link), [{"action_id": action_id, "challenge_id": cid} for cid in sorted(valid)])
        session.execute(
            insert(models.ChangeLog),
            [
                {
                    "changed_at": utcnow(),
                    "user": session.info.get(USER_KEY, "inconnu"),
                    "territory_id": action.territory_id,
                    "action_id": action_id,
                    "entity": "action",
                    "entity_id": action_id,
                    "field": "challenges",
                    "old_value": ",".join(str(i) for i in sorted(before)) or None,
                    "new_value": ",".join(str(i) for i in sorted(valid)) or None,
                }
            ],
        )

    def actions_answering(self, challenge_id: int) -> list[ActionRecord]:
        link = models.action_challenges
        statement = (
            select(models.Action)
            .join(link, link.c.action_id == models.Action.id)
            .where(link.c.challenge_id == challenge_id)
            .order_by(models.Action.code, models.Action.id)
        )
        with self._sessions() as session:
            return [to_record(row, ActionRecord) for row in session.scalars(statement)]
