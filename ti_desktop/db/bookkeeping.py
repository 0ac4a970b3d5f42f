"""Timestamps every session writes by itself, from the clock the database was opened with.

Columns marked `STAMP_ON_INSERT` (created_at, taken_at, changed_at) get the clock's moment when their row is
inserted without one; columns marked `STAMP_ON_WRITE` (updated_at) also on every change of their row,
unless the change sets them itself (a restored record keeps its own). The machine's clock is never read here.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Mapper, Session, sessionmaker

from ti_desktop.kernel.clock import Clock

CLOCK_KEY = "ti_desktop_clock"
STAMP = "stamp"
STAMP_ON_INSERT = {STAMP: "insert"}
STAMP_ON_WRITE = {STAMP: "write"}


def session_clock(session: Session) -> Clock:
    """The clock of the database this session works on."""
    clock: Clock = session.info[CLOCK_KEY]
    return clock


@functools.cache  # one answer per mapped class: an import flushes thousands of rows
def _stamped(mapper: Mapper[Any], kind: str | None = None) -> list[str]:
    """Attribute names of the mapped class's stamped columns (of one kind, or all)."""
    return [
        attribute.key
        for attribute in mapper.column_attrs
        if any(column.info.get(STAMP) in ((kind,) if kind else ("insert", "write")) for column in attribute.columns)
    ]


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    now = session_clock(session).now()
    for obj in session.new:
        for key in _stamped(inspect(obj).mapper):
            if getattr(obj, key) is None:
                setattr(obj, key, now)
    for obj in session.dirty:
        if not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        for key in _stamped(state.mapper, "write"):
            if not state.attrs[key].history.has_changes():
                setattr(obj, key, now)


def install_clock(factory: sessionmaker[Session], clock: Clock) -> None:
    """Sessions of `factory` stamp their rows with `clock` and hand it to whoever writes the history."""
    factory.kw.setdefault("info", {})[CLOCK_KEY] = clock
    event.listen(factory, "before_flush", _before_flush)
