"""The history (Historique): every flushed change writes ChangeLog rows, whoever made it.

Hooked on the session factory, so no service can forget it: one row per created or deleted record
(field NULL) and one row per changed field, with the OS user, in the same transaction as the change.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.util import identity_key

from ti_desktop.db import models
from ti_desktop.db.bookkeeping import session_clock
from ti_desktop.domain import entities

# Entity name written in the log for each model: the entities declared as logged, found by their table.
LOGGED_ENTITIES: dict[type[models.Base], str] = {
    mapper.class_: entities.BY_TABLE[str(mapper.class_.__tablename__)].name
    for mapper in models.Base.registry.mappers
    if getattr(mapper.class_, "__tablename__", None) in entities.BY_TABLE
    and entities.BY_TABLE[str(mapper.class_.__tablename__)].logged
}
IGNORED_FIELDS = entities.BOOKKEEPING_FIELDS  # not history
# Per logged entity, the fields derived from another one (whose change the history shows instead).
DERIVED_FIELDS: dict[str, frozenset[str]] = {
    entity.name: frozenset(name for name, spec in entity.specs.items() if not spec.logged)
    for entity in entities.ENTITIES
}
USER_KEY = "ti_desktop_user"


def serialise(value: Any) -> str | None:
    """A stable text form: enum codes, ISO dates, exact decimals, 1/0 for flags."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def describe(obj: models.Base) -> str:
    """What a created / deleted record was, in a few words (its title or name)."""
    for attribute in ("code", "title", "name", "text", "label"):
        value = getattr(obj, attribute, None)
        if value:
            return str(value)[:200]
    return f"#{obj.id}"  # type: ignore[attr-defined]


def _owner_ids(
    session: Session, obj: models.Base, action_territories: dict[int, int | None]
) -> tuple[int | None, int | None]:
    """(territory_id, action_id) the record belongs to, for filtering the history. `action_territories`
    caches each action's territory within one flush (an import flushes thousands of funding lines)."""
    connection = session.connection()
    action_id: int | None = None
    if isinstance(obj, models.Action):
        return obj.territory_id, obj.id
    action_id = getattr(obj, "action_id", None)
    territory_id = getattr(obj, "territory_id", None)
    if territory_id is None and action_id is not None:
        if action_id not in action_territories:
            loaded = session.identity_map.get(identity_key(models.Action, action_id))
            action_territories[action_id] = (
                loaded.territory_id
                if isinstance(loaded, models.Action)
                else connection.execute(
                    select(models.Action.territory_id).where(models.Action.id == action_id)
                ).scalar()
            )
        territory_id = action_territories[action_id]
    if territory_id is None and isinstance(obj, models.IndicatorValue):
        territory_id = connection.execute(
            select(models.Indicator.territory_id).where(models.Indicator.id == obj.indicator_id)
        ).scalar()
    meeting_id = getattr(obj, "meeting_id", None)
    if territory_id is None and meeting_id is not None:
        territory_id = connection.execute(
            select(models.Meeting.territory_id).where(models.Meeting.id == meeting_id)
        ).scalar()
    if isinstance(obj, models.Territory):
        territory_id = obj.id
    return territory_id, action_id


def _rows_for(
    session: Session,
    obj: models.Base,
    change: str,
    user: str,
    now: dt.datetime,
    action_territories: dict[int, int | None],
) -> list[dict[str, Any]]:
    entity = LOGGED_ENTITIES.get(type(obj))
    if entity is None:
        return []
    territory_id, action_id = _owner_ids(session, obj, action_territories)
    base = {
        "changed_at": now,
        "user": user,
        "territory_id": territory_id,
        "action_id": action_id,
        "entity": entity,
        "entity_id": obj.id,  # type: ignore[attr-defined]
    }
    if change == "created":
        return [{**base, "field": None, "old_value": None, "new_value": describe(obj)}]
    if change == "deleted":
        return [{**base, "field": None, "old_value": describe(obj), "new_value": None}]
    rows = []
    state = inspect(obj)
    derived = DERIVED_FIELDS[entity]
    for attribute in state.mapper.column_attrs:
        if attribute.key in IGNORED_FIELDS or attribute.key in derived:
            continue
        history = state.attrs[attribute.key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if serialise(old) == serialise(new):
            continue
        rows.append({**base, "field": attribute.key, "old_value": serialise(old), "new_value": serialise(new)})
    return rows


def _after_flush(session: Session, _context: Any) -> None:
    user = session.info.get(USER_KEY, "inconnu")
    now = session_clock(session).now()
    rows: list[dict[str, Any]] = []
    action_territories: dict[int, int | None] = {}
    for obj in session.new:
        rows += _rows_for(session, obj, "created", user, now, action_territories)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            rows += _rows_for(session, obj, "updated", user, now, action_territories)
    for obj in session.deleted:
        rows += _rows_for(session, obj, "deleted", user, now, action_territories)
    if rows:
        session.connection().execute(insert(models.ChangeLog), rows)


def log_change(
    session: Session,
    *,
    territory_id: int | None,
    action_id: int | None,
    entity: str,
    entity_id: int,
    field: str | None,
    old_value: str | None,
    new_value: str | None,
) -> None:
    """A history row for a change the ORM does not see (a link table rewritten in bulk)."""
    row = {
        "changed_at": session_clock(session).now(),
        "user": session.info.get(USER_KEY, "inconnu"),
        "territory_id": territory_id,
        "action_id": action_id,
        "entity": entity,
        "entity_id": entity_id,
        "field": field,
        "old_value": old_value,
        "new_value": new_value,
    }
    session.connection().execute(insert(models.ChangeLog), [row])


def log_changes(session: Session, rows: list[dict[str, Any]]) -> None:
    """History rows for changes the ORM does not see, many at once (`log_change`'s keys but the time and user)."""
    if not rows:
        return
    stamp = {"changed_at": session_clock(session).now(), "user": session.info.get(USER_KEY, "inconnu")}
    session.connection().execute(insert(models.ChangeLog), [{**stamp, **row} for row in rows])


def install_change_log(factory: sessionmaker[Session], user: str) -> None:
    """Record every change made through sessions of `factory`, as `user`."""
    sign_as(factory, user)
    event.listen(factory, "after_flush", _after_flush)


def sign_as(factory: sessionmaker[Session], user: str) -> None:
    """The sessions `factory` opens from now on write the history as `user` (the user gave another name)."""
    factory.kw.setdefault("info", {})[USER_KEY] = user
