"""The database itself refuses the rows the services refuse: every CHECK constraint of the models, read from
their metadata (a new one is noticed), is tried with plain SQL that bypasses SQLAlchemy, the services and
their types, on INSERT and on UPDATE. Each refusal is SQLite's "CHECK constraint failed: <name>", with the
table left as it was; the same row without the bad value goes in.

The ORM-level refusals of tests/db/test_models_constraints.py stay there; this file covers every constraint
generically, checks that the constraints of a new database are those of the models (Alembic's autogenerate
does not compare CHECK constraints, so a changed condition without a migration goes unseen), and that the
services refuse the same values first, with a ValidationError naming the field (never a database error).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Boolean, CheckConstraint, Date, Table, text
from sqlalchemy.orm import sessionmaker

from ti_desktop.db import models
from ti_desktop.db.database import open_database
from ti_desktop.db.types import Money
from ti_desktop.domain import entities
from ti_desktop.domain.errors import ValidationError
from ti_desktop.services.crud import EntityCrud
from ti_desktop.services.maintenance import open_services
from ti_desktop.services.registry import Services

from ..clock import fixed_clock
from ..sessions import sessions_of
from .conftest import USER, add_action, add_territory, axis_id, sidecar_files

NOW = "2025-01-01 00:00:00.000000"


class _OwnId:
    """Stands for the id of the row being written (an action that would be its own parent)."""

    def __repr__(self) -> str:
        return "OWN_ID"


OWN_ID = _OwnId()
INSERTED_ID = 10_000  # the explicit id of rows inserted by these tests


@dataclass(frozen=True)
class Parents:
    territory: int
    axis: int
    actor: int
    action: int
    meeting: int


def check_constraints() -> list[tuple[Table, CheckConstraint]]:
    """Every CHECK of the models, sorted by name."""
    found = [
        (table, constraint)
        for table in models.Base.metadata.sorted_tables
        for constraint in table.constraints
        if isinstance(constraint, CheckConstraint)
    ]
    return sorted(found, key=lambda pair: str(pair[1].name))


def condition(constraint: CheckConstraint) -> str:
    return str(constraint.sqltext)


# --- a row that breaks each constraint ----------------------------------------------------------------------

# Constraints written by hand in models.py (not by enum_check / non_negative / date_order): name → violations.
SPECIAL_VIOLATIONS: dict[str, list[dict[str, Any]]] = {
    "ck_actions_progress_range": [{"progress": 101}, {"progress": -1}],
    "ck_progress_updates_progress_range": [{"progress": 101}, {"progress": -1}],
    "ck_actions_done_is_complete": [{"status": "realisee", "progress": 99}, {"status": "realisee", "progress": 0}],
    "ck_actions_not_own_parent": [{"parent_id": OWN_ID}],
    "ck_attachments_one_owner": [{"meeting_id": "MEETING"}, {"action_id": None}],  # two owners, none
}


def violations(table: Table, constraint: CheckConstraint) -> list[dict[str, Any]]:
    """Values that break `constraint` (and nothing else, given a valid row of `table`); [] when unknown.

    The three helpers of models.py are recognised by the condition they write, so that a constraint added
    with them is tried without touching this file.
    """
    name = str(constraint.name)
    if name in SPECIAL_VIOLATIONS:
        return SPECIAL_VIOLATIONS[name]
    text = condition(constraint)
    match = re.fullmatch(r"(?:(\w+) IS NULL OR )?(\w+) IN \(.*\)", text)
    if match and match.group(2) in table.c and match.group(1) in (None, match.group(2)):
        column = match.group(2)
        return [{column: "inconnu"}, {column: ""}, {column: "EN_COURS"}]
    match = re.fullmatch(r"(\w+) IS NULL OR \1 >= 0", text)
    if match and match.group(1) in table.c:
        return [{match.group(1): -1}]
    match = re.fullmatch(r"(\w+) IS NULL OR (\w+) IS NULL OR \2 >= \1", text)
    if match and match.group(1) in table.c and match.group(2) in table.c:
        start, end = match.groups()
        return [{start: "2025-06-01", end: "2025-05-31"}, {start: "2025-01-01", end: "2024-12-31"}]
    return []


def base_row(table: str, parents: Parents) -> dict[str, Any]:
    """A valid row of `table` (every NOT NULL column given), with fixed timestamps."""
    rows: dict[str, dict[str, Any]] = {
        "actors": {"name": "Agence de développement", "kind": "autre"},
        "epcis": {"territory_id": parents.territory, "name": "Communauté de communes du Val"},
        "key_companies": {"territory_id": parents.territory, "name": "Forges du Val"},
        "meetings": {
            "territory_id": parents.territory,
            "kind": "comite_pilotage",
            "held_on": "2025-03-12",
            "minutes_state": "brouillon",
        },
        "territory_roles": {"territory_id": parents.territory, "actor_id": parents.actor, "role": "chef_de_projet"},
        "challenges": {
            "territory_id": parents.territory,
            "axis_id": parents.axis,
            "title": "Foncier",
            "priority": "haute",
        },
        "swot_items": {"territory_id": parents.territory, "category": "force", "text": "Savoir-faire", "position": 0},
        "actions": {
            "territory_id": parents.territory,
            "axis_id": parents.axis,
            "title": "Plateforme d'essais",
            "status": "en_cours",
            "priority": "moyenne",
            "to_discuss": 0,
            "confidential": 0,
            "progress": 30,
        },
        "attachments": {
            "action_id": parents.action,
            "title": "Convention",
            "stored_path": "pieces-jointes/1/convention.pdf",
            "original_name": "convention.pdf",
            "size_bytes": 0,
        },
        "decisions": {"meeting_id": parents.meeting, "text": "Lancer l'étude", "state": "a_faire"},
        "custom_fields": {
            "territory_id": parents.territory,
            "name": "Cibles",
            "name_key": "cibles",
            "kind": "texte",
            "position": 1,
        },
        "funding_lines": {"action_id": parents.action, "amount_requested": 100_000, "status": "envisage"},
        "indicators": {"territory_id": parents.territory, "name": "Emplois industriels", "direction": "hausse"},
        "progress_updates": {
            "action_id": parents.action,
            "reported_on": "2025-03-01",
            "status": "en_cours",
            "progress": 40,
            "alert": 0,
        },
        "received_reports": {
            "territory_key": "code:ti0001",
            "territory_name": "Vallée de l'Orne",
            "period_from": "2025-01-01",
            "period_to": "2025-06-30",
            "generated_on": "2025-07-02",
            "schema_version": 1,
            "sha256": "0" * 64,
            "data": "{}",
            "source": "rapport.pdf",
            "received_at": NOW,
            "received_by": "claire.martin",
        },
    }
    row = dict(rows[table])
    columns = models.Base.metadata.tables[table].c
    if "created_at" in columns:
        row.update(created_at=NOW, updated_at=NOW)
    return row


CASES = [
    pytest.param(table.name, str(constraint.name), values, id=f"{constraint.name}-{number}")
    for table, constraint in check_constraints()
    for number, values in enumerate(violations(table, constraint), start=1)
]


# --- the database -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Parents]:
    """One database for the module, with a parent of every kind; the tests roll back all they write."""
    path = tmp_path_factory.mktemp("checks") / "ti-desktop.sqlite3"
    opened = open_database(path, path.parent / "sauvegardes", fixed_clock(), user=USER)
    try:
        with opened.sessions.begin() as session:
            territory = add_territory(session)
            action = add_action(session, territory.id)
            actor = models.Actor(name="Préfecture")
            meeting = models.Meeting(territory_id=territory.id, held_on=dt.date(2025, 3, 12))
            session.add_all([actor, meeting])
            session.flush()
            parents = Parents(territory.id, axis_id(session), actor.id, action.id, meeting.id)
    finally:
        opened.close()
    assert sidecar_files(path) == []
    return path, parents


@contextlib.contextmanager
def raw_transaction(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection (foreign keys on, like the application) in a transaction rolled back at the end."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        yield connection
    finally:
        connection.execute("ROLLBACK")
        connection.close()


def resolve(values: dict[str, Any], parents: Parents, own_id: int) -> dict[str, Any]:
    resolved = {}
    for column, value in values.items():
        if value is OWN_ID:
            value = own_id
        elif value == "MEETING":
            value = parents.meeting
        resolved[column] = value
    return resolved


def insert(connection: sqlite3.Connection, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(f'"{column}"' for column in row)
    marks = ", ".join("?" for _ in row)
    cursor = connection.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(row.values()))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def count(connection: sqlite3.Connection, table: str) -> int:
    result: int = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    return result


def row_of(connection: sqlite3.Connection, table: str, row_id: int) -> tuple[Any, ...]:
    result: tuple[Any, ...] = connection.execute(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
    return result


# --- every constraint is known, present and enforced --------------------------------------------------------


def test_every_check_constraint_has_a_row_that_breaks_it(database: tuple[Path, Parents]) -> None:
    _path, parents = database
    unknown = [str(constraint.name) for table, constraint in check_constraints() if not violations(table, constraint)]
    assert unknown == [], f"new CHECK constraints without a violating row: add them to SPECIAL_VIOLATIONS: {unknown}"
    without_base = {table.name for table, _constraint in check_constraints()} - {
        name for name in models.Base.metadata.tables if _has_base_row(name, parents)
    }
    assert without_base == set(), f"add a valid row of these tables to base_row(): {sorted(without_base)}"


def _has_base_row(table: str, parents: Parents) -> bool:
    try:
        base_row(table, parents)
    except KeyError:
        return False
    return True


def declared_checks(path: Path) -> dict[str, str]:
    """name → condition of every CHECK constraint in the file's DDL."""
    found: dict[str, str] = {}
    with contextlib.closing(sqlite3.connect(path)) as connection:
        for (sql,) in connection.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"):
            for match in re.finditer(r'CONSTRAINT "?(\w+)"? CHECK \(', sql):
                depth = 1
                for position in range(match.end(), len(sql)):
                    depth += {"(": 1, ")": -1}.get(sql[position], 0)
                    if depth == 0:
                        found[match.group(1)] = sql[match.end() : position]
                        break
    return found


def squeeze(sql: str) -> str:
    return re.sub(r"\s+", " ", sql.replace('"', "")).strip()


def test_a_new_database_has_exactly_the_check_constraints_of_the_models(database: tuple[Path, Parents]) -> None:
    path, _parents = database
    in_file = {name: squeeze(text) for name, text in declared_checks(path).items()}
    in_models = {str(constraint.name): squeeze(condition(constraint)) for _table, constraint in check_constraints()}
    assert in_file == in_models, "a CHECK constraint changed in models.py without a migration (or the reverse)"


@pytest.mark.parametrize(("table", "name", "values"), CASES)
def test_insert_breaking_a_check_is_refused(
    database: tuple[Path, Parents], table: str, name: str, values: dict[str, Any]
) -> None:
    path, parents = database
    row = {**base_row(table, parents), "id": INSERTED_ID}
    bad = {**row, **resolve(values, parents, INSERTED_ID)}
    with raw_transaction(path) as connection:
        before = count(connection, table)
        with pytest.raises(sqlite3.IntegrityError) as caught:
            insert(connection, table, bad)
        assert str(caught.value) == f"CHECK constraint failed: {name}"
        assert count(connection, table) == before
        # The same row with valid values goes in: the refusal was about `values` alone.
        insert(connection, table, row)
        assert count(connection, table) == before + 1


@pytest.mark.parametrize(("table", "name", "values"), CASES)
def test_update_breaking_a_check_is_refused(
    database: tuple[Path, Parents], table: str, name: str, values: dict[str, Any]
) -> None:
    path, parents = database
    with raw_transaction(path) as connection:
        row_id = insert(connection, table, base_row(table, parents))
        before = count(connection, table), row_of(connection, table, row_id)
        changes = resolve(values, parents, row_id)
        assignments = ", ".join(f'"{column}" = ?' for column in changes)
        with pytest.raises(sqlite3.IntegrityError) as caught:
            connection.execute(f'UPDATE "{table}" SET {assignments} WHERE id = ?', (*changes.values(), row_id))
        assert str(caught.value) == f"CHECK constraint failed: {name}"
        assert (count(connection, table), row_of(connection, table, row_id)) == before


# --- the services refuse the same values, with a French message naming the field ------------------------------

SERVICE_OF_TABLE = {
    crud.model.__tablename__: name
    for name, crud in Services(sessionmaker(), fixed_clock()).every_use_case().items()
    if isinstance(crud, EntityCrud)
}
# What the services need on top of a valid database row (their own rules are stricter).
SERVICE_EXTRAS: dict[str, dict[str, Any]] = {"funding_lines": {"funder_name": "Région"}}
SERVICE_CASES = [
    pytest.param(table.name, str(constraint.name), violations(table, constraint)[0], id=str(constraint.name))
    for table, constraint in check_constraints()
    if table.name in SERVICE_OF_TABLE and violations(table, constraint)
]


def service_values(table: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Raw column values as a service takes them: euros for cents, dates, booleans; no id nor timestamps, nor the
    columns the services derive from another (a name's comparable form)."""
    columns = models.Base.metadata.tables[table].c
    derived = {name for name, spec in entities.BY_TABLE[table].specs.items() if not spec.logged}
    values: dict[str, Any] = {}
    for name, value in raw.items():
        if name in ("id", "created_at", "updated_at") or name in derived:
            continue
        column_type = columns[name].type
        if value is None or value is OWN_ID:
            values[name] = value
        elif isinstance(column_type, Money):
            values[name] = Decimal(value) / 100
        elif isinstance(column_type, Date):
            values[name] = dt.date.fromisoformat(value)
        elif isinstance(column_type, Boolean):
            values[name] = bool(value)
        else:
            values[name] = value
    return values


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, Parents]]:
    opened = open_services(tmp_path_factory.mktemp("services") / "plan.sqlite3", user=USER, clock=fixed_clock())
    s = opened.services
    territory = s.territories.create(name="Vallée de l'Arve").id
    inn = s.axes.by_code(territory, "INN").id
    action = s.actions.create(territory_id=territory, axis_id=inn, title="Plateforme", status="en_cours", progress=30)
    actor = s.actors.create(name="Préfecture")
    meeting = s.meetings.create(territory_id=territory, held_on=dt.date(2025, 3, 12))
    yield s, Parents(territory, inn, actor.id, action.id, meeting.id)
    opened.close()


def service_base(table: str, parents: Parents) -> dict[str, Any]:
    return {**service_values(table, base_row(table, parents)), **SERVICE_EXTRAS.get(table, {})}


@pytest.mark.parametrize("table", sorted({str(param.values[0]) for param in SERVICE_CASES}))
def test_the_services_accept_the_valid_rows(services: tuple[Services, Parents], table: str) -> None:
    s, parents = services
    crud: EntityCrud[Any, Any] = getattr(s, SERVICE_OF_TABLE[table])
    crud.create(**service_base(table, parents))


@pytest.mark.parametrize(("table", "name", "values"), SERVICE_CASES)
def test_the_services_refuse_the_same_values_naming_the_field(
    services: tuple[Services, Parents], table: str, name: str, values: dict[str, Any]
) -> None:
    s, parents = services
    crud: EntityCrud[Any, Any] = getattr(s, SERVICE_OF_TABLE[table])
    with sessions_of(s)() as session:
        before = session.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
    bad = service_values(table, values)
    with pytest.raises(ValidationError) as caught:
        if any(value is OWN_ID for value in bad.values()):
            record = crud.create(**service_base(table, parents))
            before += 1
            crud.update(record.id, **{column: record.id if value is OWN_ID else value for column, value in bad.items()})
        else:
            crud.create(**{**service_base(table, parents), **bad})
    assert caught.value.field in values, f"{name}: the message names another field: {caught.value.message}"
    assert caught.value.message.startswith(f"{caught.value.label} : ")
    with sessions_of(s)() as session:
        assert session.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one() == before
