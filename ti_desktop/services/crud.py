"""Generic create / read / update / delete for one entity, validated by its field specs.

Every write is checked before it reaches the database: field values (`domain.fields`), references
(the referenced record exists), then the entity's own rules (`check`), so the user reads a French
message naming the field and nothing is written.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db.models import Base
from ti_desktop.domain.errors import NotFoundError, ValidationError
from ti_desktop.domain.fields import MAX_INTEGER, FieldSpec, clean_values, missing_required
from ti_desktop.services.transactions import transaction

ModelT = TypeVar("ModelT", bound=Base)
RecordT = TypeVar("RecordT")

# A rule on the whole record once merged: (session, values) -> None, raises ValidationError.
EntityCheck = Callable[[Session, Mapping[str, Any]], None]


def to_record(row: Base, record_type: type[RecordT]) -> RecordT:
    """Copy a row's columns into its plain record (field names mirror the columns)."""
    return record_type(**{field.name: getattr(row, field.name) for field in dataclasses.fields(record_type)})  # type: ignore[arg-type]


def fetch_records(
    session: Session, model: type[Base], record_type: type[RecordT], *conditions: Any, order_by: tuple[Any, ...] = ()
) -> builtins.list[RecordT]:
    """Records straight from table rows (no ORM objects): what lists of thousands of rows need."""
    table = model.__table__
    statement = select(table).where(*conditions).order_by(*order_by)
    return [record_type(**row._mapping) for row in session.execute(statement)]


def record_values(record: object) -> dict[str, Any]:
    return {field.name: getattr(record, field.name) for field in dataclasses.fields(record)}  # type: ignore[arg-type]


def restore_in(session: Session, model: type[ModelT], record: object) -> ModelT:
    """Put a deleted record back exactly as it was (same id, same timestamps): what undo needs."""
    values = record_values(record)
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


class EntityCrud(Generic[ModelT, RecordT]):
    def __init__(
        self,
        sessions: sessionmaker[Session],
        model: type[ModelT],
        record_type: type[RecordT],
        specs: Mapping[str, FieldSpec],
        *,
        noun: str,
        check: EntityCheck | None = None,
        order_by: tuple[str, ...] = ("id",),
    ) -> None:
        self._sessions = sessions
        self.model = model
        self.record_type = record_type
        self.specs = specs
        self.noun = noun  # French, with its article: "l'action", "le jalon"
        self._check = check
        self._order_by = order_by

    # -- reading -------------------------------------------------------------------------------
    def get(self, record_id: int) -> RecordT:
        with self._sessions() as session:
            return to_record(self.load(session, record_id), self.record_type)

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

    # -- writing -------------------------------------------------------------------------------
    def create(self, **values: Any) -> RecordT:
        with transaction(self._sessions) as session:
            row = self.create_in(session, **values)
            return to_record(row, self.record_type)

    def update(self, record_id: int, **changes: Any) -> RecordT:
        with transaction(self._sessions) as session:
            row = self.update_in(session, record_id, **changes)
            return to_record(row, self.record_type)

    def delete(self, record_id: int) -> None:
        with transaction(self._sessions) as session:
            self.delete_in(session, record_id)

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
        if self._check is not None:
            self._check(session, merged)
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
        if self._check is not None:
            self._check(session, {**merged, "id": record_id})
        for name, value in cleaned.items():
            setattr(row, name, value)
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
