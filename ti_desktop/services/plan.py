"""The action plan: fiches-actions with their filters, challenges answered and partners."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.db.changelog import log_change
from ti_desktop.domain import entities
from ti_desktop.domain.custom_fields import CustomValue, decode
from ti_desktop.domain.enums import ActionStatus, CustomFieldKind
from ti_desktop.domain.errors import ValidationError
from ti_desktop.domain.fields import MAX_INTEGER
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.domain.records import (
    ActionPartnerRecord,
    ActionRecord,
    AttachmentRecord,
    CustomValueRecord,
    FundingLineRecord,
    MilestoneRecord,
    ProgressUpdateRecord,
)
from ti_desktop.services.crud import EntityCrud, fetch_records, restore_in, to_record, touch
from ti_desktop.services.transactions import transaction

ACTION_CHILD_RECORDS: tuple[tuple[type[Any], type[Any]], ...] = (
    (models.ActionPartner, ActionPartnerRecord),
    (models.FundingLine, FundingLineRecord),
    (models.Milestone, MilestoneRecord),
    (models.ProgressUpdate, ProgressUpdateRecord),
    (models.Attachment, AttachmentRecord),
    (models.CustomValue, CustomValueRecord),
)
ACTION_CHILDREN = tuple(model for model, _record in ACTION_CHILD_RECORDS)


@dataclass(frozen=True, slots=True)
class ActionBundle:
    """An action with everything that hangs from it, as records: enough to put it back after a deletion."""

    actions: list[ActionRecord]  # the action first, then its sub-actions
    children: list[tuple[type[Any], Any]]  # (model, record) of partners, funding lines, milestones…
    challenge_links: list[tuple[int, int]]  # (action id, challenge id)


def last_update_dates_in(session: Session, territory_id: int) -> dict[int, dt.date]:
    """Per action of the territory, the date of its latest progress update."""
    statement = (
        select(models.ProgressUpdate.action_id, func.max(models.ProgressUpdate.reported_on))
        .join(models.Action, models.Action.id == models.ProgressUpdate.action_id)
        .where(models.Action.territory_id == territory_id)
        .group_by(models.ProgressUpdate.action_id)
    )
    return {action_id: last for action_id, last in session.execute(statement)}


def custom_values_in(
    session: Session, territory_id: int, action_id: int | None = None
) -> dict[int, dict[int, CustomValue]]:
    """The territory's (or one action's) custom values, decoded: action id → field id → value."""
    fields = models.CustomField.__table__
    values = models.CustomValue.__table__
    statement = (
        select(values.c.action_id, values.c.field_id, values.c.value, fields.c.kind)
        .join(fields, fields.c.id == values.c.field_id)
        .where(fields.c.territory_id == territory_id)
        .order_by(values.c.action_id, fields.c.position, fields.c.id)
    )
    if action_id is not None:
        statement = statement.where(values.c.action_id == action_id)
    found: dict[int, dict[int, CustomValue]] = {}
    for owner, field_id, stored, kind in session.execute(statement):
        found.setdefault(owner, {})[field_id] = decode(CustomFieldKind(kind), stored)
    return found


class ActionService(EntityCrud[models.Action, ActionRecord]):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__(
            sessions,
            models.Action,
            entities.ACTION,
            order_by=("axis_id", "code", "id"),
        )

    def update_in(self, session: Session, record_id: int, *, batch: bool = False, **changes: Any) -> models.Action:
        """Save the changes (the rules settle the rest); an action moved to another axis takes its sous-actions
        along, since a sous-action lives in its parent's axis."""
        row = self.load(session, record_id)
        axis_before = row.axis_id
        row = super().update_in(session, record_id, batch=batch, **changes)
        if row.axis_id != axis_before:
            for sub_action in session.scalars(select(models.Action).where(models.Action.parent_id == record_id)):
                if sub_action.axis_id != row.axis_id:
                    super().update_in(session, sub_action.id, batch=batch, axis_id=row.axis_id)
        return row

    def family(self, record_id: int) -> list[ActionRecord]:
        """The action and its sous-actions: what a change of the action may change (see `update_in`)."""
        with self._sessions() as session:
            table = models.Action.__table__
            sub_actions = fetch_records(
                session, models.Action, ActionRecord, table.c.parent_id == record_id, order_by=(table.c.id,)
            )
            return [to_record(self.load(session, record_id), ActionRecord), *sub_actions]

    def bundle(self, action_id: int) -> ActionBundle:
        """Everything a deletion of the action would remove (for undo)."""
        with self._sessions() as session:
            return self.removal_in(session, action_id)

    def removal_in(self, session: Session, action_id: int) -> ActionBundle:
        """The action, its sub-actions, what hangs from them and their challenges: what its deletion removes."""
        action = to_record(self.load(session, action_id), ActionRecord)
        subs = [
            to_record(row, ActionRecord)
            for row in session.scalars(
                select(models.Action).where(models.Action.parent_id == action_id).order_by(models.Action.id)
            )
        ]
        ids = [action.id] + [sub.id for sub in subs]
        children: list[tuple[type[Any], Any]] = []
        for model, record_type in ACTION_CHILD_RECORDS:
            rows = session.scalars(select(model).where(model.action_id.in_(ids)).order_by(model.id))
            children += [(model, to_record(row, record_type)) for row in rows]
        link = models.action_challenges
        links = session.execute(select(link.c.action_id, link.c.challenge_id).where(link.c.action_id.in_(ids)))
        return ActionBundle([action, *subs], children, [(a, c) for a, c in links])

    def duplicate(self, action_id: int) -> ActionRecord:
        """A new fiche with the same content, partners, challenges and custom values, not started, without a code."""
        with transaction(self._sessions) as session:
            source = self.load(session, action_id)
            values = {name: getattr(source, name) for name in self.specs}
            values.update(
                code=None,
                title=f"{source.title} (copie)"[:300],
                status=ActionStatus.EN_REFLEXION,
                progress=0,
                actual_end=None,
                spent_to_date=None,
            )
            copy = self.create_in(session, **values)
            for partner in session.scalars(
                select(models.ActionPartner).where(models.ActionPartner.action_id == action_id)
            ):
                session.add(models.ActionPartner(action_id=copy.id, actor_id=partner.actor_id, role=partner.role))
            for value in session.scalars(select(models.CustomValue).where(models.CustomValue.action_id == action_id)):
                session.add(models.CustomValue(action_id=copy.id, field_id=value.field_id, value=value.value))
            link = models.action_challenges
            challenge_ids = set(session.scalars(select(link.c.challenge_id).where(link.c.action_id == action_id)))
            self.set_challenges_in(session, copy.id, challenge_ids)
            session.flush()
            return to_record(copy, ActionRecord)

    def put_back(self, removed: ActionBundle) -> ActionRecord:
        self.restore_bundle(removed)
        return removed.actions[0]

    def restore_bundle(self, bundle: ActionBundle) -> None:
        with transaction(self._sessions) as session:
            for action in bundle.actions:
                restore_in(session, models.Action, action)
            for model, record in bundle.children:
                restore_in(session, model, record)
            if bundle.challenge_links:
                session.execute(
                    insert(models.action_challenges),
                    [{"action_id": a, "challenge_id": c} for a, c in bundle.challenge_links],
                )

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
        """Actions matching every criterion of the filter (the same predicate as the plan view)."""
        with self._sessions() as session:
            actions = self.territory_actions_in(session, action_filter.territory_id)
            last_updates = last_update_dates_in(session, action_filter.territory_id)
            custom = custom_values_in(session, action_filter.territory_id) if action_filter.custom_filled else {}
        return [
            action
            for action in actions
            if action_filter.matches(action, last_updates.get(action.id), custom.get(action.id))
        ]

    def territory_actions_in(self, session: Session, territory_id: int) -> list[ActionRecord]:
        table = models.Action.__table__
        return fetch_records(
            session,
            models.Action,
            ActionRecord,
            table.c.territory_id == territory_id,
            order_by=(table.c.axis_id, table.c.code, table.c.id),
        )

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

    def set_challenges(
        self, action_id: int, challenge_ids: set[int], *, expected_version: int | None = None
    ) -> ActionRecord:
        """Which challenges (enjeux) the action answers; logged in the history as one change of the action,
        whose version moves on (refused, as `update` is, when it is not at `expected_version`)."""
        with transaction(self._sessions) as session:
            action = self.load(session, action_id)
            self.expect_version(session, action, expected_version)
            if self.set_challenges_in(session, action_id, challenge_ids):
                touch(action)
                session.flush()
            return to_record(action, ActionRecord)

    def set_challenges_in(self, session: Session, action_id: int, challenge_ids: set[int]) -> bool:
        """True when the challenges changed."""
        action = self.load(session, action_id)
        link = models.action_challenges
        if any(not _is_record_id(challenge_id) for challenge_id in challenge_ids):
            raise ValidationError("challenges", "Enjeux", "un enjeu choisi n'existe pas dans ce territoire.")
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
            return False
        session.execute(delete(link).where(link.c.action_id == action_id))
        if valid:
            session.execute(insert(link), [{"action_id": action_id, "challenge_id": cid} for cid in sorted(valid)])
        log_change(
            session,
            territory_id=action.territory_id,
            action_id=action_id,
            entity="action",
            entity_id=action_id,
            field="challenges",
            old_value=",".join(str(i) for i in sorted(before)) or None,
            new_value=",".join(str(i) for i in sorted(valid)) or None,
        )
        return True

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


def _is_record_id(value: object) -> bool:
    """A whole number SQLite can hold as a record id (anything else names no record)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_INTEGER
