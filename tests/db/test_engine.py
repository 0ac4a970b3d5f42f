"""The engine: pragmas that make every commit durable and every reference checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from ti_desktop.db import models
from ti_desktop.db.database import Database
from ti_desktop.db.engine import BUSY_TIMEOUT_MS, CACHE_KIB, create_sqlite_engine

from .conftest import add_action, add_territory, create_plan, make_fresh_database, raw_rows, sidecar_files


def pragma(database: Database, name: str) -> object:
    with database.engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_foreign_keys_are_enforced(db: Database) -> None:
    assert pragma(db, "foreign_keys") == 1


def test_journal_is_wal(db: Database) -> None:
    assert pragma(db, "journal_mode") == "wal"


def test_synchronous_is_full(db: Database) -> None:
    assert pragma(db, "synchronous") == 2


def test_busy_timeout_is_set(db: Database) -> None:
    timeout = pragma(db, "busy_timeout")
    assert isinstance(timeout, int)
    assert timeout > 0
    assert timeout == BUSY_TIMEOUT_MS


def test_each_connection_caches_16_mib_of_pages(db: Database) -> None:
    # Negative: a size in KiB (SQLite's default is 2 MiB, too small for the dashboard's sums over a national plan).
    assert pragma(db, "cache_size") == -CACHE_KIB == -16 * 1024


def test_pragmas_hold_on_every_pooled_connection(db: Database) -> None:
    with db.engine.connect() as first, db.engine.connect() as second:
        for connection in (first, second):
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_migration_engine_can_switch_foreign_keys_off(db_path: Path, backups_dir: Path) -> None:
    make_fresh_database(db_path, backups_dir)
    engine = create_sqlite_engine(db_path, foreign_keys=False)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 0
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        engine.dispose()


def test_committed_edit_is_visible_to_another_process_at_once(db: Database) -> None:
    create_plan(db)
    # A plain sqlite3 connection (another program, or the app restarted) sees the commit immediately.
    assert raw_rows(db.path, "SELECT name FROM territories") == [("Vallée de l'Arve",)]


def test_closing_leaves_one_self_contained_file(db: Database, tmp_path: Path) -> None:
    create_plan(db)
    db.close()
    assert sidecar_files(db.path) == []
    copy = tmp_path / "copie-sur-cle-usb.sqlite3"
    copy.write_bytes(db.path.read_bytes())
    assert raw_rows(copy, "SELECT count(*) FROM actions") == [(1,)]


def test_ddl_is_transactional(db: Database) -> None:
    """BEGIN is emitted explicitly, so a failed migration step rolls back its CREATE TABLE too."""
    with pytest.raises(RuntimeError), db.engine.begin() as connection:
        connection.execute(text("CREATE TABLE scratch (id INTEGER)"))
        raise RuntimeError("migration step failed")
    assert "scratch" not in {row[0] for row in raw_rows(db.path, "SELECT name FROM sqlite_master")}


def test_rolled_back_session_writes_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.sessions.begin() as session:
        add_territory(session)
        raise RuntimeError("user cancelled")
    assert raw_rows(db.path, "SELECT count(*) FROM territories") == [(0,)]


def test_deleting_a_territory_cascades_to_its_actions(db: Database) -> None:
    territory_id, _ = create_plan(db)
    with db.sessions.begin() as session:
        session.delete(session.get(models.Territory, territory_id))
    assert raw_rows(db.path, "SELECT count(*) FROM actions") == [(0,)]


def test_deleting_an_actor_clears_the_action_lead(db: Database) -> None:
    with db.sessions.begin() as session:
        territory = add_territory(session)
        actor = models.Actor(name="Mme Martin")
        session.add(actor)
        session.flush()
        action = add_action(session, territory.id, lead_actor_id=actor.id)
        actor_id, action_id = actor.id, action.id
    with db.sessions.begin() as session:
        session.delete(session.get(models.Actor, actor_id))
    with db.sessions.begin() as session:
        lead = session.scalar(select(models.Action.lead_actor_id).where(models.Action.id == action_id))
    assert lead is None
