"""What this window last wrote, and the check that makes an undo or a redo an edit like any other.

Every versioned row (`models.Versioned`) this process commits is noted: its *head* is the version the
write left and the *run* it belongs to. Writes of a record that follow one another with nobody else's in
between form one run; a write that starts from another version than the head (someone else saved the
record meanwhile, and the screen was reloaded) starts a new run.

- `recording()` collects the runs of the records an edit writes: its *tickets*.
- `guard(tickets)` wraps an undo or a redo. Every row the step updates or deletes must be as this window
  last left it: the row at its head version, in the run of the ticket when the edit wrote it (an undo does
  not revert, over someone else's change, an edit made before it). A deleted row must not take with it
  (ON DELETE CASCADE / SET NULL) a record someone else wrote. Otherwise the step raises
  `ConcurrentEditError` with the other person's change, and its transaction writes nothing.

The tracking is hooked on the session factory, as the history is: no service can write around it. A write
the database makes by itself (a cascade) or a plain SQL UPDATE is not tracked: the guard refuses to touch
such a row again, rather than overwrite it.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db.models import Base, Versioned
from ti_desktop.domain.errors import ConcurrentEditError

Key = tuple[type[Base], int]  # (model, id)
Tickets = dict[Key, int]  # the run each record was written in
Describe = Callable[[Session, Base], str]  # the French message of a refusal about this row

_PENDING = "ti_desktop_versions_pending"  # session.info: the rows written by the transaction under way


@dataclass(frozen=True, slots=True)
class Head:
    version: int
    run: int


@dataclass(slots=True)
class _Written:
    row: Base
    start: int | None  # the version before the transaction's first write (None: inserted)
    deleted: bool = False


def _key(row: Base) -> Key:
    return type(row), row.id  # type: ignore[attr-defined]


def _dependents() -> dict[Any, list[tuple[type[Base], Column[Any]]]]:
    """For each table, the versioned models whose rows the database deletes or empties with its rows."""
    found: dict[Any, list[tuple[type[Base], Column[Any]]]] = {}
    for mapper in Base.registry.mappers:
        model: type[Base] = mapper.class_
        if not issubclass(model, Versioned):
            continue
        for foreign_key in mapper.local_table.foreign_keys:
            if foreign_key.ondelete in ("CASCADE", "SET NULL"):
                found.setdefault(foreign_key.column.table, []).append((model, foreign_key.parent))
    return found


class VersionLedger:
    def __init__(self, sessions: sessionmaker[Session], describe: Describe) -> None:
        self._describe = describe
        self._heads: dict[Key, Head] = {}
        self._runs = itertools.count(1)
        self._lock = threading.Lock()  # imports commit from a worker thread
        self._local = threading.local()  # per thread: the guard and the recordings under way
        self._dependents = _dependents()
        event.listen(sessions, "before_flush", self._before_flush)
        event.listen(sessions, "after_flush", self._after_flush)
        event.listen(sessions, "after_commit", self._after_commit)
        event.listen(sessions, "after_rollback", self._after_rollback)

    # -- for the editor ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def recording(self) -> Iterator[Tickets]:
        """The tickets of what this thread commits inside the block."""
        tickets: Tickets = {}
        with self._recording_into(tickets):
            yield tickets

    @contextlib.contextmanager
    def guard(self, tickets: Tickets) -> Iterator[None]:
        """Inside the block, refuse any write of a row this window did not leave as it is (see the module);
        `tickets` gain what the block writes."""
        previous = getattr(self._local, "guard", None)
        self._local.guard = tickets
        try:
            with self._recording_into(tickets):
                yield
        finally:
            self._local.guard = previous

    def head(self, model: type[Base], record_id: int) -> Head | None:
        with self._lock:
            return self._heads.get((model, record_id))

    @contextlib.contextmanager
    def _recording_into(self, tickets: Tickets) -> Iterator[None]:
        recordings: list[Tickets] = self._local.__dict__.setdefault("recordings", [])
        recordings.append(tickets)
        try:
            yield
        finally:
            recordings.remove(tickets)

    # -- session events ------------------------------------------------------------------------------
    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        written: dict[Key, _Written] = session.info.setdefault(_PENDING, {})
        guard: Tickets | None = getattr(self._local, "guard", None)
        changed = [
            row
            for row in session.dirty
            if isinstance(row, Versioned) and session.is_modified(row, include_collections=False)
        ]
        deleted = [row for row in session.deleted if isinstance(row, Versioned)]
        with session.no_autoflush:
            for row in [*changed, *deleted]:
                key = _key(row)  # type: ignore[arg-type]
                if key in written:  # written earlier in this transaction: checked then
                    written[key].deleted = row in deleted
                    continue
                if guard is not None:
                    self._check(session, row, guard)  # type: ignore[arg-type]
                written[key] = _Written(row, row.version, deleted=row in deleted)  # type: ignore[arg-type]
            if guard is not None:
                for row in deleted:
                    self._check_dependents(session, row, written)  # type: ignore[arg-type]

    def _after_flush(self, session: Session, _context: Any) -> None:
        written: dict[Key, _Written] = session.info.setdefault(_PENDING, {})
        for row in session.new:
            if isinstance(row, Versioned):
                written.setdefault(_key(row), _Written(row, None))  # type: ignore[arg-type]

    def _after_commit(self, session: Session) -> None:
        written: dict[Key, _Written] = session.info.pop(_PENDING, {})
        if not written:
            return
        recordings: list[Tickets] = self._local.__dict__.get("recordings", [])
        with self._lock:
            for key, write in written.items():
                version = inspect(write.row).dict.get("version", write.start)
                if version is None or (write.deleted and write.start is None):
                    continue  # created and deleted by the same transaction
                start = version if write.start is None else write.start  # an insert continues a run when
                head = self._heads.get(key)  # it puts back the version this window left (undo of a deletion)
                run = head.run if head is not None and head.version == start else next(self._runs)
                self._heads[key] = Head(version, run)
                for tickets in recordings:
                    tickets[key] = run

    def _after_rollback(self, session: Session) -> None:
        session.info.pop(_PENDING, None)

    # -- the guard -----------------------------------------------------------------------------------
    def _check(self, session: Session, row: Base, tickets: Tickets) -> None:
        key = _key(row)
        with self._lock:
            head = self._heads.get(key)
        loaded: int = row.version  # type: ignore[attr-defined]
        if head is None or head.version != loaded or tickets.get(key, head.run) != head.run:
            raise ConcurrentEditError(self._describe(session, row))

    def _check_dependents(self, session: Session, row: Base, written: dict[Key, _Written]) -> None:
        record: Any = row
        for model, column in self._dependents.get(record.__table__, []):
            table: Any = model.__table__
            found = session.execute(select(table.c.id, table.c.version).where(column == record.id))
            for record_id, version in found:
                key = (model, record_id)
                if key in written:  # deleted or written by this very step: checked as such
                    continue
                with self._lock:
                    head = self._heads.get(key)
                if head is None or head.version != version:
                    dependent = session.get(model, record_id)
                    raise ConcurrentEditError(self._describe(session, dependent if dependent is not None else row))
