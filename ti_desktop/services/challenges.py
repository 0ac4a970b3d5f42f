"""The diagnostic's challenges (enjeux); deleting one unlinks the actions that answered it, and putting it
back links them again."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain import entities
from ti_desktop.domain.records import ChallengeRecord
from ti_desktop.services.crud import EntityCrud, restore_in, to_record
from ti_desktop.services.transactions import transaction


@dataclass(frozen=True, slots=True)
class ChallengeRemoval:
    """A deleted challenge and the actions that answered it."""

    challenge: ChallengeRecord
    action_ids: list[int]


class ChallengeService(EntityCrud[models.Challenge, ChallengeRecord]):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__(
            sessions,
            models.Challenge,
            entities.CHALLENGE,
            order_by=("axis_id", "id"),
        )

    def removal_in(self, session: Session, record_id: int) -> ChallengeRemoval:
        link = models.action_challenges
        answering = session.scalars(
            select(link.c.action_id).where(link.c.challenge_id == record_id).order_by(link.c.action_id)
        )
        return ChallengeRemoval(to_record(self.load(session, record_id), ChallengeRecord), list(answering))

    def put_back(self, removed: ChallengeRemoval) -> ChallengeRecord:
        """The challenge back with its id, answered again by those of its actions that still exist."""
        link = models.action_challenges
        with transaction(self._sessions) as session:
            row = restore_in(session, models.Challenge, removed.challenge)
            still_there = session.scalars(select(models.Action.id).where(models.Action.id.in_(removed.action_ids)))
            links = [{"action_id": action_id, "challenge_id": row.id} for action_id in still_there]
            if links:
                session.execute(insert(link), links)
            return to_record(row, ChallengeRecord)
