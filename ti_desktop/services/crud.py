"""Generic create / read / update / delete for one entity, validated by its field specs.

Every write is checked before it reaches the database: field values (`domain.fields`), references
(the referenced record exists), then the entity's own rules (`services.checks.RULES`, which may also draw
consequences, and which a record put back by `restore_in` meets too), so the user reads a French
message naming the field and nothing is written.

Every entity is versioned (`models.Versioned`): an update or a deletion given `expected_version` (the
version the user's screen shows) is refused with a `ConcurrentEditError` when someone saved the record
since, and `other_change_message` says who changed what and when. Deletions go through `remove`, which
returns what the deletion took (the record, and for some entities what hangs from it); `put_back` puts
it back as it was (undo of a deletion, redo of a creation).
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any, Generic, TypeVar

from sqlalchemy import bindparam, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from ti_desktop.db.bookkeeping import session_clock
from ti_desktop.db.changelog import LOGGED_ENTITIES, USER_KEY
from ti_desktop.db.models import Base, ChangeLog, CustomField, Versioned
from ti_desktop.domain.custom_fields import display_stored, parse_history_field
from ti_desktop.domain.entities import Entity
from ti_desktop.domain.errors import ConcurrentEditError, NotFoundError, ValidationError
from ti_desktop.domain.fields import LINK_LABELS, MAX_INTEGER, clean_values, missing_required
from ti_desktop.services.checks import RULES, Change
from ti_desktop.services.transactions import transaction

ModelT = TypeVar("ModelT", bound=Base)
RecordT = TypeVar("RecordT")

# A rule on the whole record once merged: (session, values) -> None, raises ValidationError.


def to_record(row: Base, record_type: type[RecordT]) -> RecordT:
    """Copy a row's columns into its plain record (field names mirror the columns)."""
    return record_type(**{field.name: getattr(row, field.name) for field in dataclasses.fields(record_type)})  # type: ignore[arg-type]


def fetch_records(
    session: Session, model: type[Base], record_type: type[RecordT], *conditions: Any, order_by: tuple[Any, ...] = ()
) -> builtins.list[RecordT]:
    """Records straight from table rows (no ORM objects): what lists of thousands of rows need. The columns are
    selected in the record's field order and the rows fetched at once: each record is built from its tuple."""
    table = model.__table__
    statement = select(*(table.c[name] for name in field_names(record_type))).where(*conditions).order_by(*order_by)
    return [record_type(*row) for row in session.execute(statement).all()]


def field_names(record_type: Any) -> tuple[str, ...]:
    """A record's field names in order (they mirror its table's columns)."""
    return tuple(field.name for field in dataclasses.fields(record_type))


# Ids per query of `fetch_records_in`: under every engine's limit on bound parameters (SQLite's oldest builds
# allow 999, PostgreSQL's protocol 65,535: a national territory has 100,000 actions).
IDS_PER_QUERY = 900


def fetch_records_in(
    session: Session, model: type[Base], record_type: type[RecordT], column: Any, ids: Iterable[int], order: Any
) -> builtins.list[RecordT]:
    """`fetch_records` of the rows whose `column` is in `ids`, queried `IDS_PER_QUERY` ids at a time (each
    chunk in `order`)."""
    id_list = list(ids)
    table = model.__table__
    statement = (
        select(*(table.c[name] for name in field_names(record_type)))
        .where(column.in_(bindparam("ids", expanding=True)))  # compiled once, the ids given at each run
        .order_by(order)
    )
    rows: builtins.list[RecordT] = []
    for start in range(0, len(id_list), IDS_PER_QUERY):
        chunk = id_list[start : start + IDS_PER_QUERY]
        rows += [record_type(*row) for row in session.execute(statement, {"ids": chunk}).all()]
    return rows


def record_values(record: object) -> dict[str, Any]:
    return {field.name: getattr(record, field.name) for field in dataclasses.fields(record)}  # type: ignore[arg-type]


def settle(
    session: Session, model: type[Base], values: Mapping[str, Any], before: Mapping[str, Any] | None, given: Any
) -> dict[str, Any]:
    """`values` as the entity's rules make them (unchanged for an entity without rules); raises ValidationError."""
    rule = RULES.get(model)
    if rule is None:
        return dict(values)
    return dict(rule(Change(session, values, before, frozenset(given), session_clock(session).today())))


def restore_in(session: Session, model: type[ModelT], record: object) -> ModelT:
    """Put a deleted record back exactly as it was (same id, same timestamps, same version): what undo needs.
    Refused when a record has that id again (put back by someone else, or the number taken by a new one), or
    when the rules refuse it where it lands (the parent it belonged to moved to another axis…)."""
    values = record_values(record)
    settle(session, model, values, None, values.keys())  # every field is given: the rules only check
    if session.get(model, values["id"]) is not None:
        raise ConcurrentEditError(
            f"Impossible de remettre l'enregistrement n° {values['id']} : il existe de nouveau (quelqu'un "
            "d'autre l'a remis ou a repris son numéro entre-temps). Rien n'a été enregistré : rechargez."
        )
    row = model(**values)
    session.add(row)
    session.flush()
    version = values.get("version")
    if version is not None and getattr(row, "version", version) != version:
        # The mapper starts a versioned row at 1: put back the version it had (a plain UPDATE, unversioned).
        table: Any = model.__table__
        kept = {"version": version, **({"updated_at": values["updated_at"]} if "updated_at" in values else {})}
        session.execute(update(table).where(table.c.id == getattr(row, "id")).values(**kept))  # noqa: B009
        session.refresh(row)
    return row


def touch(row: Base) -> None:
    """Count as a change of `row` what its columns do not show (its links: an action's challenges, a
    meeting's participants): its version moves on, so a write based on the old one is refused. Nothing
    reaches the history from here (`updated_at` is bookkeeping); the caller logs the links."""
    flag_modified(row, "updated_at")


MESSAGE_TEXT_LENGTH = 60  # a record's text quoted in a message beyond this is cut


def record_label(row: Base) -> str:
    """How a message names a record: « its title » (or name, text…) as stored, else its number."""
    attributes = inspect(row).attrs
    for attribute in ("title", "name", "text", "label", "original_name"):
        if attribute not in attributes.keys():
            continue
        history = attributes[attribute].history  # a value about to be written is not yet its name
        value = history.deleted[0] if history.deleted else getattr(row, attribute)
        if value:
            flat = " ".join(str(value).split())
            short = flat if len(flat) <= MESSAGE_TEXT_LENGTH else flat[: MESSAGE_TEXT_LENGTH - 1].rstrip() + "…"
            return f"« {short} »"
    return f"n° {getattr(row, 'id', '?')}"


def other_change_message(session: Session, row: Base, noun: str, labels: Mapping[str, str]) -> str:
    """The French message of an edit refused because `row` changed since it was read: who changed it last
    (someone else rather than oneself when the history knows), when, and what (every field of that change)."""
    log = ChangeLog
    entity = LOGGED_ENTITIES.get(type(row), "")
    about = select(log).where(log.entity == entity, log.entity_id == getattr(row, "id", None))
    me = session.info.get(USER_KEY)
    latest = session.scalars(about.where(log.user != me).order_by(log.id.desc()).limit(1)).first()
    if latest is None:
        latest = session.scalars(about.order_by(log.id.desc()).limit(1)).first()
    name = f"{noun} {record_label(row)}"
    if latest is None:
        what = f"Quelqu'un d'autre a modifié {name} entre-temps"
    else:
        when = latest.changed_at.astimezone().strftime("%d/%m/%Y à %H:%M")
        if latest.field is None:
            what = f"{latest.user} a créé {name} le {when}"  # (or put it back: the log says so too)
        else:
            same_change = session.scalars(
                about.where(
                    log.user == latest.user, log.changed_at == latest.changed_at, log.field.is_not(None)
                ).order_by(log.id)
            ).all()
            details = " ; ".join(_change_detail(session, change, labels) for change in same_change if change.field)
            what = f"{latest.user} a modifié {name} le {when} ({details})"
    return (
        f"{what}. Votre modification n'a pas été enregistrée, pour ne pas écraser la sienne : "
        "rechargez, puis refaites-la si besoin."
    )


def _change_detail(session: Session, change: ChangeLog, labels: Mapping[str, str]) -> str:
    """« Statut : en_cours → bloquee »; a custom field's value under the field's name, as the user reads it."""
    field = change.field or ""
    custom = parse_history_field(field)
    if custom is None:
        return f"{labels.get(field, field)} : {change.old_value or '—'} → {change.new_value or '—'}"
    field_id, kind = custom
    row = session.get(CustomField, field_id)
    label = row.name if row is not None else "Champ personnalisé"
    old, new = display_stored(kind, change.old_value) or "—", display_stored(kind, change.new_value) or "—"
    return f"{label} : {old} → {new}"


class EntityCrud(Generic[ModelT, RecordT]):
    def __init__(
        self,
        sessions: sessionmaker[Session],
        model: type[ModelT],
        entity: Entity[RecordT],
        *,
        order_by: tuple[str, ...] = ("id",),
    ) -> None:
        self._sessions = sessions
        self.model = model
        self.entity = entity
        self.record_type = entity.record
        self.specs = entity.fields
        self.noun = entity.noun  # French, with its article: "l'action", "le jalon"
        self._order_by = order_by

    # -- reading -------------------------------------------------------------------------------
    def get(self, record_id: int) -> RecordT:
        with self._sessions() as session:
            return to_record(self.load(session, record_id), self.record_type)

    def family(self, record_id: int) -> builtins.list[RecordT]:
        """The record, then those a change of it may change too (the rules' consequences): what undo restores."""
        return [self.get(record_id)]

    def list(self, **equal_to: Any) -> builtins.list[RecordT]:
        table = self.model.__table__
        conditions = [table.c[name] == value for name, value in equal_to.items()]
        with self._sessions() as session:
            return fetch_records(
                session, self.model, self.record_type, *conditions, order_by=tuple(table.c[n] for n in self._order_by)
            )

    def rows(self, session: Session, **equal_to: Any) -> builtins.list[ModelT]:
        statement = select(self.model).filter_by(**equal_to)
        statement = statement.order_by(*(getattr(self.model, name) for name in self._order_by))
        return list(session.scalars(statement))

    def load(self, session: Session, record_id: int) -> ModelT:
        # A number beyond SQLite's integers names no record (and would overflow the driver).
        row = session.get(self.model, record_id) if 0 < record_id <= MAX_INTEGER else None
        if row is None:
            raise NotFoundError(f"Impossible de trouver {self.noun} n° {record_id} : il a peut-être été supprimé.")
        return row

    def labels(self) -> dict[str, str]:
        """French labels of the fields, as the history names them."""
        return {**LINK_LABELS, **{name: spec.label for name, spec in self.specs.items()}}

    def other_change(self, session: Session, row: Base) -> str:
        return other_change_message(session, row, self.noun, self.labels())

    def expect_version(self, session: Session, row: ModelT, expected_version: int | None) -> None:
        """Refuse the write (ConcurrentEditError, naming the other change) when `row` is not at the version
        the user's screen shows; None: whatever it is now."""
        if expected_version is not None and isinstance(row, Versioned) and row.version != expected_version:
            raise ConcurrentEditError(self.other_change(session, row))

    # -- writing -------------------------------------------------------------------------------
    def create(self, **values: Any) -> RecordT:
        with transaction(self._sessions) as session:
            row = self.create_in(session, **values)
            return to_record(row, self.record_type)

    def update(self, record_id: int, *, expected_version: int | None = None, **changes: Any) -> RecordT:
        """Save changes; with `expected_version` (the version the user's screen shows), refuse them with a
        `ConcurrentEditError` naming the other change when someone saved the record in between."""
        with transaction(self._sessions) as session:
            self.expect_version(session, self.load(session, record_id), expected_version)
            row = self.update_in(session, record_id, **changes)
            return to_record(row, self.record_type)

    def update_many(self, changes: Mapping[int, Mapping[str, Any]]) -> builtins.list[RecordT]:
        """Several records changed in one transaction (e.g. new positions): all saved, or none."""
        with transaction(self._sessions) as session:
            rows = [self.update_in(session, record_id, **values) for record_id, values in changes.items()]
            return [to_record(row, self.record_type) for row in rows]

    def delete(self, record_id: int, *, expected_version: int | None = None) -> None:
        self.remove(record_id, expected_version=expected_version)

    def remove(self, record_id: int, *, expected_version: int | None = None) -> Any:
        """Delete the record (refused as `update` is when it is not at `expected_version`) and return what
        the deletion took, for `put_back`: by default the record as it was."""
        with transaction(self._sessions) as session:
            self.expect_version(session, self.load(session, record_id), expected_version)
            removed = self.removal_in(session, record_id)
            self.delete_in(session, record_id)
            return removed

    def removal_in(self, session: Session, record_id: int) -> Any:
        """What deleting the record takes away (entities with dependents return more than the record)."""
        return to_record(self.load(session, record_id), self.record_type)

    def put_back(self, removed: Any) -> Any:
        """Undo `remove`: everything it took, back with the same ids and versions, in one transaction."""
        return self.restore(removed)

    def restore(self, record: RecordT) -> RecordT:
        """Re-insert a deleted record with its id (undo of a deletion, redo of a creation)."""
        with transaction(self._sessions) as session:
            return to_record(restore_in(session, self.model, record), self.record_type)

    # The *_in variants compose several writes in one transaction (demo, import). With `batch=True`
    # the caller took every reference from the same session and flushes once for many rows (import):
    # the values are still validated, but neither references are re-read nor the row flushed here.
    def create_in(self, session: Session, *, batch: bool = False, **values: Any) -> ModelT:
        cleaned = clean_values(self.specs, values)
        merged = {**self.defaults(), **cleaned}
        missing_required(self.specs, merged)
        if not batch:
            self._check_references(session, cleaned)
        merged = settle(session, self.model, merged, None, cleaned.keys())
        row = self.model(**merged)
        session.add(row)
        if not batch:
            session.flush()
        return row

    def update_in(self, session: Session, record_id: int, *, batch: bool = False, **changes: Any) -> ModelT:
        row = self.load(session, record_id)
        cleaned = clean_values(self.specs, changes)
        for name, value in cleaned.items():
            column = self.model.__table__.columns[name]
            if value is None and not column.nullable:  # optional on creation (a default applies), not emptiable
                spec = self.specs[name]
                raise ValidationError(name, spec.label, "ce champ ne peut pas être vidé.")
        current = {name: getattr(row, name) for name in self.specs}
        merged = {**current, **cleaned}
        missing_required(self.specs, merged)
        if not batch:
            self._check_references(session, cleaned)
        settled = settle(session, self.model, {**merged, "id": record_id}, current, cleaned.keys())
        for name in self.specs:
            if settled[name] != current[name] or name in cleaned:
                setattr(row, name, settled[name])
        if not batch:
            session.flush()
        return row

    def delete_in(self, session: Session, record_id: int) -> None:
        session.delete(self.load(session, record_id))
        session.flush()

    def defaults(self) -> dict[str, Any]:
        """Column defaults of the model, so rules see the values the row will have."""
        defaults: dict[str, Any] = {}
        for name in self.specs:
            column = self.model.__table__.columns[name]
            if column.default is not None and column.default.is_scalar:
                defaults[name] = column.default.arg
        return defaults

    def _check_references(self, session: Session, values: Mapping[str, Any]) -> None:
        table = self.model.__table__
        for name, value in values.items():
            if value is None or self.specs[name].kind != "ref":
                continue
            for foreign_key in table.columns[name].foreign_keys:
                target = foreign_key.column
                exists = session.execute(select(target).where(target == value)).first()
                if exists is None:
                    spec = self.specs[name]
                    raise ValidationError(name, spec.label, f"l'enregistrement n° {value} n'existe pas.")
