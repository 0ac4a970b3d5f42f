"""Progress updates (points d'avancement): dated, newest first, and carried onto the action."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain import entities
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import ProgressUpdateRecord
from ti_desktop.services.crud import EntityCrud, restore_in, to_record
from ti_desktop.services.plan import ActionService
from ti_desktop.services.transactions import transaction


class ProgressUpdateService(EntityCrud[models.ProgressUpdate, ProgressUpdateRecord]):
    def __init__(self, sessions: sessionmaker[Session], actions: ActionService) -> None:
        super().__init__(
            sessions,
            models.ProgressUpdate,
            entities.PROGRESS_UPDATE,
            order_by=("reported_on", "id"),
        )
        self._actions = actions

    def create_in(self, session: Session, *, batch: bool = False, **values: Any) -> models.ProgressUpdate:
        """Record the update; when it is the newest of its action, the action takes its status and progress.
        Always flushed, even in a batch: finding the newest update needs the row in the database."""
        row = super().create_in(session, **values)
        newest = session.scalars(
            select(models.ProgressUpdate)
            .where(models.ProgressUpdate.action_id == row.action_id)
            .order_by(models.ProgressUpdate.reported_on.desc(), models.ProgressUpdate.id.desc())
            .limit(1)
        ).one()
        if newest.id == row.id:
            action = self._actions.load(session, row.action_id)
            if (action.status, action.progress) != (row.status, row.progress):
                carried: dict[str, Any] = {"status": row.status, "progress": row.progress}
                if row.status is ActionStatus.REALISEE and action.actual_end is None:
                    carried["actual_end"] = row.reported_on  # achieved on the day the update says so
                self._actions.update_in(session, row.action_id, **carried)
        return row

    def withdraw(self, update_id: int, action_values: Mapping[str, Any]) -> None:
        """Undo of a new update: delete it and give its action back `action_values` (the status, progress…
        it had before), in one transaction."""
        with transaction(self._sessions) as session:
            action_id = self.load(session, update_id).action_id
            self.delete_in(session, update_id)
            self._actions.update_in(session, action_id, **action_values)

    def reinstate(self, update: ProgressUpdateRecord, action_values: Mapping[str, Any]) -> None:
        """Redo of a new update: the same update (same id) back, and its action as the update had left it."""
        with transaction(self._sessions) as session:
            restore_in(session, models.ProgressUpdate, update)
            self._actions.update_in(session, update.action_id, **action_values)

    def for_action(self, action_id: int) -> list[ProgressUpdateRecord]:
        """Newest first."""
        statement = (
            select(models.ProgressUpdate)
            .where(models.ProgressUpdate.action_id == action_id)
            .order_by(models.ProgressUpdate.reported_on.desc(), models.ProgressUpdate.id.desc())
        )
        with self._sessions() as session:
            return [to_record(row, ProgressUpdateRecord) for row in session.scalars(statement)]

    def for_territory(self, territory_id: int) -> list[ProgressUpdateRecord]:
        statement = (
            select(models.ProgressUpdate)
            .join(models.Action, models.Action.id == models.ProgressUpdate.action_id)
            .where(models.Action.territory_id == territory_id)
            .order_by(models.ProgressUpdate.reported_on.desc(), models.ProgressUpdate.id.desc())
        )
        with self._sessions() as session:
            return [to_record(row, ProgressUpdateRecord) for row in session.scalars(statement)]
