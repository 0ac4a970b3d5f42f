"""The directory's actors, and what their deletion takes with it, so that undo can put it all back.

Deleting an actor removes its governance roles, partnerships and meeting participations, and empties
the fields that name it (lead, pilot, elected referent of actions, funder of funding lines, owner of
decisions): the database does it (ON DELETE CASCADE / SET NULL). `footprint` notes all of it beforehand;
`restore_footprint` puts the actor and every reference back in one transaction, or nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain import entities
from ti_desktop.domain.errors import NotFoundError
from ti_desktop.domain.records import (
    ActionPartnerRecord,
    ActionRecord,
    ActorRecord,
    DecisionRecord,
    FundingLineRecord,
    TerritoryRoleRecord,
)
from ti_desktop.services.crud import EntityCrud, fetch_records, restore_in, to_record
from ti_desktop.services.transactions import transaction


@dataclass(frozen=True, slots=True)
class ActorFootprint:
    """An actor and everything that references it, as records (as they were before the deletion)."""

    actor: ActorRecord
    roles: list[TerritoryRoleRecord]
    partners: list[ActionPartnerRecord]
    lead_of: list[ActionRecord]
    pilot_of: list[ActionRecord]
    referent_of: list[ActionRecord]  # as elected referent
    funding_lines: list[FundingLineRecord]  # as funder
    decisions: list[DecisionRecord]  # as owner
    meeting_ids: list[int]  # meetings it took part in

    def references(self) -> list[tuple[type[models.Base], str, int]]:
        """(model, field naming the actor, record id) of every record that names it in a field."""
        named: list[tuple[type[models.Base], str, list[Any]]] = [
            (models.Action, "lead_actor_id", self.lead_of),
            (models.Action, "pilot_actor_id", self.pilot_of),
            (models.Action, "elected_referent_id", self.referent_of),
            (models.FundingLine, "funder_actor_id", self.funding_lines),
            (models.Decision, "owner_actor_id", self.decisions),
        ]
        return [(model, name, record.id) for model, name, records in named for record in records]


class ActorService(EntityCrud[models.Actor, ActorRecord]):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__(sessions, models.Actor, entities.ACTOR, order_by=("name", "id"))

    def footprint(self, actor_id: int) -> ActorFootprint:
        """Everything a deletion of the actor would remove or empty (for undo)."""
        with self._sessions() as session:
            return self.removal_in(session, actor_id)

    def removal_in(self, session: Session, actor_id: int) -> ActorFootprint:
        def naming(model: type[models.Base], record_type: type[Any], name: str) -> list[Any]:
            column = model.__table__.c[name]
            return fetch_records(session, model, record_type, column == actor_id, order_by=(model.__table__.c.id,))

        link = models.meeting_participants
        return ActorFootprint(
            actor=to_record(self.load(session, actor_id), ActorRecord),
            roles=naming(models.TerritoryRole, TerritoryRoleRecord, "actor_id"),
            partners=naming(models.ActionPartner, ActionPartnerRecord, "actor_id"),
            lead_of=naming(models.Action, ActionRecord, "lead_actor_id"),
            pilot_of=naming(models.Action, ActionRecord, "pilot_actor_id"),
            referent_of=naming(models.Action, ActionRecord, "elected_referent_id"),
            funding_lines=naming(models.FundingLine, FundingLineRecord, "funder_actor_id"),
            decisions=naming(models.Decision, DecisionRecord, "owner_actor_id"),
            meeting_ids=list(
                session.scalars(
                    select(link.c.meeting_id).where(link.c.actor_id == actor_id).order_by(link.c.meeting_id)
                )
            ),
        )

    def delete_in(self, session: Session, record_id: int) -> None:
        """Empty the fields naming the actor and delete its roles and partnerships through the ORM (not the
        database's SET NULL / CASCADE), so that the history and the versions of those records note it."""
        footprint = self.removal_in(session, record_id)
        for model, name, referencing_id in footprint.references():
            row = session.get(model, referencing_id)
            if row is not None:
                setattr(row, name, None)
        for model, records in ((models.TerritoryRole, footprint.roles), (models.ActionPartner, footprint.partners)):
            for record in records:
                row = session.get(model, record.id)
                if row is not None:
                    session.delete(row)
        session.flush()
        super().delete_in(session, record_id)

    def put_back(self, removed: ActorFootprint) -> ActorRecord:
        return self.restore_footprint(removed)

    def restore_footprint(self, footprint: ActorFootprint) -> ActorRecord:
        """Re-insert the deleted actor with its id and put every reference back, in one transaction: if any
        of it fails (the id is taken, a referencing record is gone…), nothing is written."""
        actor_id = footprint.actor.id
        with transaction(self._sessions) as session:
            actor = restore_in(session, models.Actor, footprint.actor)
            for role in footprint.roles:
                restore_in(session, models.TerritoryRole, role)
            for partner in footprint.partners:
                restore_in(session, models.ActionPartner, partner)
            for model, name, record_id in footprint.references():
                row = session.get(model, record_id)
                if row is None:
                    raise NotFoundError(f"Impossible de remettre l'acteur : l'enregistrement n° {record_id} a disparu.")
                setattr(row, name, actor_id)  # through the ORM, so that the history notes it
            if footprint.meeting_ids:
                session.execute(
                    insert(models.meeting_participants),
                    [{"meeting_id": meeting_id, "actor_id": actor_id} for meeting_id in footprint.meeting_ids],
                )
            session.flush()
            return to_record(actor, ActorRecord)
