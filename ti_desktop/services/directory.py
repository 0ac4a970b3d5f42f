"""Territories (with `--territory NAME|ID` resolution), axes available to a territory, meeting participants."""

from __future__ import annotations

import builtins

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.db.changelog import USER_KEY
from ti_desktop.domain import entities
from ti_desktop.domain.errors import NotFoundError, TiDesktopError, ValidationError
from ti_desktop.domain.fields import MAX_INTEGER
from ti_desktop.domain.records import ActorRecord, AxisRecord, MeetingRecord, TerritoryRecord
from ti_desktop.services.crud import EntityCrud, to_record, touch
from ti_desktop.services.transactions import transaction


class AmbiguousTerritoryError(TiDesktopError):
    """Several territories and none chosen."""


class TerritoryService(EntityCrud[models.Territory, TerritoryRecord]):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__(sessions, models.Territory, entities.TERRITORY, order_by=("name",))

    def resolve(self, name_or_id: str | None) -> TerritoryRecord:
        """The territory named (or numbered) `name_or_id`; without one, the only territory."""
        territories = self.list()
        if name_or_id is None:
            if len(territories) == 1:
                return territories[0]
            if not territories:
                raise NotFoundError(
                    "La base ne contient aucun territoire : créez le vôtre avec « ti-desktop init --name NOM » "
                    "(ou essayez « ti-desktop demo »)."
                )
            names = ", ".join(f"{t.id} : {t.name}" for t in territories)
            raise AmbiguousTerritoryError(f"La base contient plusieurs territoires ; précisez --territory ({names}).")
        wanted = name_or_id.strip()
        for territory in territories:
            if str(territory.id) == wanted or territory.name.casefold() == wanted.casefold():
                return territory
        raise NotFoundError(f"Aucun territoire « {wanted} » dans la base.")

    def create_empty(self, name: str) -> TerritoryRecord:
        """A new territory with nothing in it yet; refused when another one has the same name, whatever its
        case (`resolve` could not tell them apart)."""
        with transaction(self._sessions) as session:
            return to_record(self.create_empty_in(session, name), TerritoryRecord)

    def create_empty_in(self, session: Session, name: str) -> models.Territory:
        """`create_empty` inside the caller's transaction (an import into a new territory creates it with its
        plan, or not at all)."""
        wanted = name.strip()
        for territory in self.rows(session):
            if territory.name.casefold() == wanted.casefold():
                raise ValidationError(
                    "name", "Nom du territoire", f"la base contient déjà le territoire « {territory.name} »."
                )
        return self.create_in(session, name=wanted)


class AxisService(EntityCrud[models.Axis, AxisRecord]):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__(sessions, models.Axis, entities.AXIS, order_by=("position", "id"))

    def available_to(self, territory_id: int) -> list[AxisRecord]:
        """The four seeded priorities, then the territory's own axes."""
        with self._sessions() as session:
            return self.available_to_in(session, territory_id)

    def available_to_in(self, session: Session, territory_id: int) -> list[AxisRecord]:
        statement = (
            select(models.Axis)
            .where(or_(models.Axis.territory_id.is_(None), models.Axis.territory_id == territory_id))
            .order_by(models.Axis.territory_id.is_not(None), models.Axis.position, models.Axis.id)
        )
        return [to_record(row, AxisRecord) for row in session.scalars(statement)]

    def by_code(self, territory_id: int, code: str) -> AxisRecord:
        for axis in self.available_to(territory_id):
            if axis.code.casefold() == code.casefold():
                return axis
        raise NotFoundError(f"Aucun axe de code « {code} » pour ce territoire.")


class MeetingParticipants:
    """Who attends a meeting (actors of the directory)."""

    def __init__(self, sessions: sessionmaker[Session], meetings: EntityCrud[models.Meeting, MeetingRecord]) -> None:
        self._sessions = sessions
        self._meetings = meetings

    def of(self, meeting_id: int) -> list[ActorRecord]:
        link = models.meeting_participants
        statement = (
            select(models.Actor)
            .join(link, link.c.actor_id == models.Actor.id)
            .where(link.c.meeting_id == meeting_id)
            .order_by(models.Actor.name)
        )
        with self._sessions() as session:
            return [to_record(row, ActorRecord) for row in session.scalars(statement)]

    def set(self, meeting_id: int, actor_ids: set[int], *, expected_version: int | None = None) -> MeetingRecord:
        """Who attends; logged in the history as one change of the meeting, whose version moves on (refused,
        as an update is, when the meeting is not at `expected_version`)."""
        link = models.meeting_participants
        with transaction(self._sessions) as session:
            meeting = self._meetings.load(session, meeting_id)
            self._meetings.expect_version(session, meeting, expected_version)
            before = set(session.scalars(select(link.c.actor_id).where(link.c.meeting_id == meeting_id)))
            self.set_in(session, meeting_id, actor_ids)
            if before != set(actor_ids):
                touch(meeting)
                session.add(
                    models.ChangeLog(
                        user=session.info.get(USER_KEY, "inconnu"),
                        territory_id=meeting.territory_id,
                        entity="meeting",
                        entity_id=meeting_id,
                        field="participants",
                        old_value=",".join(str(i) for i in sorted(before)) or None,
                        new_value=",".join(str(i) for i in sorted(actor_ids)) or None,
                    )
                )
                session.flush()
            return to_record(meeting, MeetingRecord)

    def set_in(self, session: Session, meeting_id: int, actor_ids: builtins.set[int]) -> None:
        if not _is_record_id(meeting_id) or session.get(models.Meeting, meeting_id) is None:
            raise NotFoundError(f"Impossible de trouver la réunion n° {meeting_id}.")
        if any(not _is_record_id(actor_id) for actor_id in actor_ids):
            raise ValidationError("participants", "Participants", "un participant choisi n'existe pas dans l'annuaire.")
        found = set(session.scalars(select(models.Actor.id).where(models.Actor.id.in_(actor_ids))))
        if found != set(actor_ids):
            raise ValidationError("participants", "Participants", "un participant choisi n'existe pas dans l'annuaire.")
        link = models.meeting_participants
        session.execute(delete(link).where(link.c.meeting_id == meeting_id))
        if actor_ids:
            session.execute(
                insert(link), [{"meeting_id": meeting_id, "actor_id": actor} for actor in sorted(actor_ids)]
            )


def _is_record_id(value: object) -> bool:
    """A whole number SQLite can hold as a record id (anything else names no record)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_INTEGER
