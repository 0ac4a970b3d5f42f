"""Migrations run on open: new files get the head schema, older ones are backed up first, then upgraded."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from ti_desktop.db import models
from ti_desktop.db.backup import describe_backup
from ti_desktop.db.database import Database, open_database
from ti_desktop.db.engine import create_sqlite_engine
from ti_desktop.db.errors import DatabaseError
from ti_desktop.db.migrate import (
    alembic_config,
    check_models_match,
    head_revision,
    is_known_revision,
    migrations_folder,
)
from ti_desktop.db.sqlite_file import APPLICATION_ID

from ..clock import fixed_clock
from .conftest import USER, create_plan, make_fresh_database, raw_execute, raw_rows, table_names

SEEDED_AXES = ["INN", "COM", "FON", "TEC"]
ALEMBIC_VERSION_DDL = (
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)
DOMAIN_TABLES = {
    "territories",
    "actions",
    "axes",
    "funding_lines",
    "milestones",
    "indicators",
    "indicator_values",
    "progress_updates",
    "actors",
    "meetings",
    "decisions",
    "attachments",
    "change_log",
    "snapshots",
}


def assert_up_to_date(path: Path) -> None:
    assert raw_rows(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert raw_rows(path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert DOMAIN_TABLES <= table_names(path)
    codes = [row[0] for row in raw_rows(path, "SELECT code FROM axes WHERE territory_id IS NULL ORDER BY position")]
    assert codes == SEEDED_AXES


def test_head_revision_is_a_known_revision() -> None:
    assert is_known_revision(head_revision())
    assert not is_known_revision("9999_future")


def test_migrations_folder_is_found() -> None:
    folder = migrations_folder()
    assert (folder / "env.py").is_file()
    assert any((folder / "versions").glob("*.py"))


def test_fresh_file_gets_the_head_revision(db: Database) -> None:
    assert_up_to_date(db.path)


def test_fresh_file_has_the_four_seeded_axes(db: Database) -> None:
    with db.sessions.begin() as session:
        axes = session.scalars(select(models.Axis).order_by(models.Axis.position)).all()
        seen = [(axis.code, axis.label, axis.territory_id) for axis in axes]
    assert seen == [
        ("INN", "Innovation", None),
        ("COM", "Compétences", None),
        ("FON", "Foncier", None),
        ("TEC", "Transition écologique", None),
    ]


def test_fresh_file_is_marked_as_ours(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID


def test_creating_a_database_takes_no_backup(db: Database, backups_dir: Path) -> None:
    assert db.backup_before_upgrade is None
    assert not backups_dir.exists()


def test_models_and_migrations_agree(db: Database) -> None:
    """`alembic check`: a model changed without a migration fails here."""
    check_models_match(db.engine)


def test_reopening_an_up_to_date_database_takes_no_backup(db_path: Path, backups_dir: Path) -> None:
    make_fresh_database(db_path, backups_dir)
    database = open_database(db_path, backups_dir, fixed_clock(), user=USER)
    try:
        assert database.backup_before_upgrade is None
    finally:
        database.close()
    assert not backups_dir.exists() or not any(backups_dir.iterdir())
    assert_up_to_date(db_path)


def test_reopening_keeps_the_data_and_does_not_seed_twice(db_path: Path, backups_dir: Path) -> None:
    database = open_database(db_path, backups_dir, fixed_clock(), user=USER)
    create_plan(database)
    database.close()
    database = open_database(db_path, backups_dir, fixed_clock(), user=USER)
    database.close()
    assert raw_rows(db_path, "SELECT count(*) FROM actions") == [(1,)]
    assert raw_rows(db_path, "SELECT count(*) FROM axes") == [(4,)]


def test_zero_byte_file_is_initialised(db_path: Path, backups_dir: Path) -> None:
    db_path.touch()
    database = open_database(db_path, backups_dir, fixed_clock(), user=USER)
    database.close()
    assert database.backup_before_upgrade is None
    assert_up_to_date(db_path)


def test_sqlite_file_without_tables_is_initialised(db_path: Path, backups_dir: Path) -> None:
    raw_execute(db_path, "PRAGMA user_version = 7", "VACUUM")
    assert db_path.stat().st_size > 0
    database = open_database(db_path, backups_dir, fixed_clock(), user=USER)
    database.close()
    assert database.backup_before_upgrade is None
    assert_up_to_date(db_path)


@pytest.fixture
def older_database(db_path: Path) -> Path:
    """A file of ours at revision "base": marked with our application_id, alembic_version empty."""
    raw_execute(db_path, f"PRAGMA application_id = {APPLICATION_ID}", ALEMBIC_VERSION_DDL)
    assert raw_rows(db_path, "SELECT count(*) FROM alembic_version") == [(0,)]
    return db_path


def test_older_database_is_backed_up_then_upgraded(older_database: Path, backups_dir: Path) -> None:
    database = open_database(older_database, backups_dir, fixed_clock(), user=USER)
    database.close()

    backup = database.backup_before_upgrade
    assert backup is not None
    assert backup.path.parent == backups_dir
    assert "avant-migration" in backup.path.name
    assert [path.name for path in backups_dir.iterdir()] == [backup.path.name]
    # The backup is the file as it was before the upgrade, and it is a valid backup.
    assert backup.revision is None
    assert describe_backup(backup.path).revision is None
    assert table_names(backup.path) == {"alembic_version"}
    # The database itself is now up to date.
    assert_up_to_date(older_database)


def test_migration_failure_rolls_everything_back_and_keeps_user_data(db_path: Path, backups_dir: Path) -> None:
    """A file of ours with no revision but a conflicting table: the upgrade fails as a whole."""
    raw_execute(
        db_path,
        f"PRAGMA application_id = {APPLICATION_ID}",
        "CREATE TABLE territories (id INTEGER PRIMARY KEY, name TEXT)",
        "INSERT INTO territories (name) VALUES ('Vallée de la Bresle')",
    )
    with pytest.raises(DatabaseError, match="mise à jour du schéma"):
        open_database(db_path, backups_dir, fixed_clock(), user=USER)
    assert table_names(db_path) == {"territories"}  # no half-created schema
    assert raw_rows(db_path, "SELECT name FROM territories") == [("Vallée de la Bresle",)]
    backups = list(backups_dir.iterdir())
    assert len(backups) == 1
    assert raw_rows(backups[0], "SELECT name FROM territories") == [("Vallée de la Bresle",)]


def test_migration_failure_is_reported_as_a_database_error(db_path: Path, backups_dir: Path) -> None:
    raw_execute(
        db_path,
        f"PRAGMA application_id = {APPLICATION_ID}",
        "CREATE TABLE territories (id INTEGER PRIMARY KEY, name TEXT)",
    )
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError):
        open_database(db_path, backups_dir, fixed_clock(), user=USER)
    assert db_path.read_bytes() == before


def test_downgrade_to_base_then_upgrade_again(db_path: Path, backups_dir: Path) -> None:
    make_fresh_database(db_path, backups_dir)
    engine = create_sqlite_engine(db_path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection, fixed_clock().now()), "base")
        assert table_names(db_path) == {"alembic_version"}
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection, fixed_clock().now()), "head")
    finally:
        engine.dispose()
    assert_up_to_date(db_path)
