"""The one declaration of each entity (its record's annotated fields, `domain.entities`) and what derives from it.

The SQLAlchemy models stay hand-written (they say how things are stored): these tests check that every model
agrees with its declaration, column by column, so a field added to one and not the other fails here first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from decimal import Decimal
from enum import Enum

import pytest
from sqlalchemy import BigInteger, Boolean, Date, Float, Integer, String, Text

from ti_desktop.db import models
from ti_desktop.db.changelog import IGNORED_FIELDS, LOGGED_ENTITIES
from ti_desktop.db.types import EnumCode, Money, UtcDateTime
from ti_desktop.domain import entities
from ti_desktop.domain.entities import Entity
from ti_desktop.exchange import plan_columns as pc
from ti_desktop.services import transactions

MODELS = {
    mapper.class_.__tablename__: mapper.class_
    for mapper in models.Base.registry.mappers
    if mapper.class_.__tablename__ in entities.BY_TABLE
}
# Python type of a record field → the column types that may store it.
STORAGE: dict[type, tuple[type, ...]] = {
    int: (Integer, BigInteger),
    str: (String, Text),
    bool: (Boolean,),
    float: (Float,),
    Decimal: (Money,),
    dt.date: (Date,),
    dt.datetime: (UtcDateTime,),
}


def _base_type(hint: object) -> tuple[type, bool]:
    """(the type, whether None is allowed) of a record field's annotation."""
    hint = (typing.get_origin(hint) is typing.Annotated and typing.get_args(hint)[0]) or hint
    arguments = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    optional = type(None) in arguments
    (base,) = [argument for argument in arguments if argument is not type(None)]
    assert isinstance(base, type)
    return base, optional


@pytest.mark.parametrize("entity", entities.ENTITIES, ids=lambda entity: entity.name)
def test_the_model_stores_exactly_the_declared_fields(entity: Entity[object]) -> None:
    model = MODELS[entity.table]
    columns = {column.name: column for column in model.__table__.columns}
    hints = typing.get_type_hints(entity.record, include_extras=True)
    assert set(columns) == {field.name for field in dataclasses.fields(entity.record)}
    for name, column in columns.items():
        base, optional = _base_type(hints[name])
        assert column.nullable == optional, f"{entity.table}.{name}: NULL allowed in one and not the other"
        if issubclass(base, Enum):
            assert isinstance(column.type, EnumCode) and column.type.enum_class is base, f"{entity.table}.{name}"
        elif base is bool:
            assert isinstance(column.type, Boolean), f"{entity.table}.{name}"
        else:
            assert isinstance(column.type, STORAGE[base]), f"{entity.table}.{name}: {column.type!r} for {base}"


@pytest.mark.parametrize("entity", entities.ENTITIES, ids=lambda entity: entity.name)
def test_every_stored_value_has_a_declaration_the_history_can_name(entity: Entity[object]) -> None:
    """Each column the history logs has a French label; required fields are NOT NULL columns."""
    model = MODELS[entity.table]
    logged = {column.name for column in model.__table__.columns} - IGNORED_FIELDS
    assert logged <= set(entity.specs), f"{entity.name}: no declaration for {sorted(logged - set(entity.specs))}"
    for name, spec in entity.fields.items():
        if spec.required:
            assert not model.__table__.c[name].nullable, f"{entity.table}.{name} is required but nullable"
        if spec.kind == "ref":
            assert spec.refers_to in entities.BY_NAME, f"{entity.name}.{name} refers to {spec.refers_to}"


def test_versioned_and_logged_entities_are_the_declared_ones() -> None:
    assert {name for name in LOGGED_ENTITIES.values()} == {entity.name for entity in entities.ENTITIES if entity.logged}
    for model in LOGGED_ENTITIES:
        entity = entities.BY_TABLE[model.__tablename__]
        assert issubclass(model, models.Versioned) == entity.versioned, entity.name


def test_uniqueness_rules_are_the_database_constraints_with_a_french_message() -> None:
    declared = {(entity.table, columns) for entity in entities.ENTITIES for columns in entity.unique}
    stored = {
        (table.name, tuple(column.name for column in constraint.columns))
        for table in models.Base.metadata.sorted_tables
        for constraint in table.constraints
        if constraint.__class__.__name__ == "UniqueConstraint"
    }
    assert declared == stored
    assert transactions.unique_message("uq_actions_territory_id_code") == (
        "Une autre action de ce territoire porte déjà ce code."
    )


def test_check_constraints_are_explained_by_the_field_they_guard() -> None:
    message = transactions.check_message("ck_actions_jobs_created_non_negative")
    assert message.startswith("Emplois créés (constatés) : la base a refusé cette valeur")
    assert "incohérente" in transactions.check_message("ck_something_else")


def test_the_workbook_columns_follow_the_declarations() -> None:
    """A field declared with a column is exported and imported under that header, with its synonyms."""
    declared = {spec.column.key: (attribute, spec) for attribute, spec in entities.ACTION.columns if spec.column}
    assert [field.key for field in pc.ACTION_FIELDS] == list(declared)
    for field in pc.ACTION_FIELDS:
        attribute, spec = declared[field.key]
        assert spec.column is not None
        assert (field.attribute, field.header, field.synonyms) == (attribute, spec.column.header, spec.column.synonyms)
    # No header is claimed by two fields of one entity: the mapping would be ambiguous.
    for fields in (pc.ACTION_FIELDS, pc.FUNDING_FIELDS, pc.MILESTONE_FIELDS):
        seen: dict[str, str] = {}
        for field in fields:
            for header in (field.header.lower(), *field.synonyms):
                assert seen.setdefault(header, field.key) == field.key, f"« {header} »: {seen[header]}, {field.key}"
