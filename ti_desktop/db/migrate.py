"""Alembic, driven from code: the schema is brought to the head revision every time a database opens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from ti_desktop.paths import bundled_path

# Migrations that write rows (the seeded axes of 0001) stamp them with this moment, given by the caller's clock.
NOW_ATTRIBUTE = "now"


def alembic_config(connection: Connection | None = None, now: dt.datetime | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(bundled_path("migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    if now is not None:
        config.attributes[NOW_ATTRIBUTE] = now
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "the migrations folder has no revision"
    return head


def is_known_revision(revision: str) -> bool:
    return any(script.revision == revision for script in script_directory().walk_revisions())


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


class ForeignKeyViolation(RuntimeError):
    """A migration left rows pointing nowhere: it is rolled back (a bug, never user data loss)."""


def upgrade_to_head(engine: Engine, now: dt.datetime) -> None:
    """Run every pending migration in one transaction; roll everything back on any failure.

    On SQLite the engine must have foreign keys OFF: batch migrations recreate tables, and the
    references are verified with `PRAGMA foreign_key_check` before committing. PostgreSQL runs the same
    migrations in one transactional DDL block. Rows a migration writes are stamped with `now`.
    """
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection, now), "head")
        if connection.dialect.name != "sqlite":
            return  # a server checks its foreign keys itself, statement by statement
        problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
        if problems:
            raise ForeignKeyViolation(f"foreign key violations after migration: {problems[:5]}")


def check_models_match(engine: Engine) -> None:
    """`alembic check`: raises if the models and the migrations disagree."""
    with engine.connect() as connection:
        command.check(alembic_config(connection))


def migrations_folder() -> Path:
    return bundled_path("migrations")
