"""Helpers for the database-layer tests: a fresh database per test, and raw access to its file."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.db.database import Database, open_database
from ti_desktop.domain.enums import ActionStatus

from ..clock import fixed_clock

USER = "alice"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ti-desktop.sqlite3"


@pytest.fixture
def backups_dir(tmp_path: Path) -> Path:
    return tmp_path / "sauvegardes"


@pytest.fixture
def db(db_path: Path, backups_dir: Path) -> Iterator[Database]:
    database = open_database(db_path, backups_dir, fixed_clock(), user=USER)
    try:
        yield database
    finally:
        database.close()


def axis_id(session: Session, code: str = "INN") -> int:
    """The id of a seeded axis (INN, COM, FON, TEC)."""
    found = session.scalar(select(models.Axis.id).where(models.Axis.code == code, models.Axis.territory_id.is_(None)))
    assert found is not None, f"seeded axis {code} missing"
    return found


def add_territory(session: Session, name: str = "Vallée de l'Arve") -> models.Territory:
    territory = models.Territory(name=name)
    session.add(territory)
    session.flush()
    return territory


def new_action(session: Session, territory_id: int, **fields: Any) -> models.Action:
    """An Action with sensible defaults (axis INN, en cours, 30 %), not yet added to the session."""
    values: dict[str, Any] = {
        "territory_id": territory_id,
        "axis_id": axis_id(session),
        "title": "Plateforme d'innovation mutualisée",
        "status": ActionStatus.EN_COURS,
        "progress": 30,
    }
    values.update(fields)
    return models.Action(**values)


def add_action(session: Session, territory_id: int, **fields: Any) -> models.Action:
    action = new_action(session, territory_id, **fields)
    session.add(action)
    session.flush()
    return action


def create_plan(database: Database, **action_fields: Any) -> tuple[int, int]:
    """Commit one territory with one action; return (territory_id, action_id)."""
    with database.sessions.begin() as session:
        territory = add_territory(session)
        action = add_action(session, territory.id, **action_fields)
        return territory.id, action.id


def raw_rows(path: Path, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Query the file with plain sqlite3, bypassing SQLAlchemy and its types."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql, parameters).fetchall()


def raw_execute(path: Path, *statements: str) -> None:
    """Run statements with plain sqlite3 and commit."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()


def table_names(path: Path) -> set[str]:
    return {row[0] for row in raw_rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def sidecar_files(path: Path) -> list[Path]:
    """SQLite's -wal / -shm / -journal files next to `path` that exist."""
    return [
        candidate
        for suffix in ("-wal", "-shm", "-journal")
        if (candidate := path.with_name(path.name + suffix)).exists()
    ]


def make_fresh_database(path: Path, backups_dir: Path) -> None:
    """Create an up-to-date database at `path` and close it (no -wal left behind)."""
    open_database(path, backups_dir, fixed_clock(), user=USER).close()
    assert sidecar_files(path) == []


def damage_table(path: Path, table: str = "territories") -> None:
    """Fill `table` with rows, then overwrite its root b-tree page: SQLite's quick_check now fails."""
    rows = ", ".join(f"('Territoire {n:03d}', '{'x' * 300}', '2025-01-01', '2025-01-01')" for n in range(100))
    raw_execute(path, f"INSERT INTO {table} (name, summary, created_at, updated_at) VALUES {rows}")
    ((root,),) = raw_rows(path, "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    ((page_size,),) = raw_rows(path, "PRAGMA page_size")
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))
