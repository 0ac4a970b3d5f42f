"""Alembic, driven from code: the schema is brought to the head revision every time a database opens.

Alembic itself (and Mako, which it loads) costs more than a command's whole start-up, yet the base is nearly
always at the head already: the revisions are read from the migration files' `revision = "..."` and
`down_revision = ...` lines (new files count at once), the base's from its alembic_version table, and alembic
is imported only when a migration must run or for `check`.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from ti_desktop.paths import bundled_path

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

VERSION_TABLE = "alembic_version"  # alembic's default, which migrations/env.py keeps

# Migrations that write rows (the seeded axes of 0001) stamp them with this moment, given by the caller's clock.
NOW_ATTRIBUTE = "now"


def alembic_config(connection: Connection | None = None, now: dt.datetime | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(bundled_path("migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    if now is not None:
        config.attributes[NOW_ATTRIBUTE] = now
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@dataclass(frozen=True, slots=True)
class Revisions:
    """The migration files' revisions, read without alembic: each one and the revisions it follows."""

    parents: dict[str, tuple[str, ...]]

    @property
    def heads(self) -> list[str]:
        followed = {parent for parents in self.parents.values() for parent in parents}
        return sorted(revision for revision in self.parents if revision not in followed)


def _literal(node: ast.expr | None) -> tuple[str, ...]:
    value = ast.literal_eval(node) if node is not None else None
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)  # a merge revision follows several


# Where a migration's code begins: its revision lines come before (alembic's template puts them at the top).
FIRST_DEFINITION = re.compile(r"^(?:def |async def |class |@)", re.MULTILINE)


def _assignments(source: str, file: Path) -> dict[str, ast.expr | None]:
    """The module-level `revision` and `down_revision` assignments of `source` (their value expressions)."""
    found: dict[str, ast.expr | None] = {}
    for statement in ast.parse(source, str(file)).body:
        value: ast.expr | None
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign):
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            found[target.id] = value
    return found


def read_revisions(versions: Path) -> Revisions:
    """`revision` and `down_revision` of every migration file in `versions`, as alembic reads them. Only the
    lines before the first function are parsed (a tenth of the file, and of the time); the whole file when they
    do not hold both names."""
    parents: dict[str, tuple[str, ...]] = {}
    for file in sorted(versions.glob("*.py")):
        source = file.read_text(encoding="utf-8")
        code = FIRST_DEFINITION.search(source)
        found: dict[str, ast.expr | None] = {}
        if code is not None:
            try:
                found = _assignments(source[: code.start()], file)
            except SyntaxError:
                found = {}
        if len(found) < 2:
            found = _assignments(source, file)
        if "revision" not in found:
            continue  # not a migration (alembic skips it too)
        (revision,) = _literal(found["revision"])
        parents[revision] = _literal(found.get("down_revision"))
    return Revisions(parents)


@cache
def _read_once(versions: Path, _changed_ns: int) -> Revisions:
    return read_revisions(versions)


def _revisions() -> Revisions:
    """Read once per folder and content (a file added or removed changes the folder's time)."""
    versions = migrations_folder() / "versions"
    return _read_once(versions, versions.stat().st_mtime_ns)


def head_revision() -> str:
    heads = _revisions().heads
    assert len(heads) == 1, f"the migrations folder must have one head revision, not {heads}"
    return heads[0]


def is_known_revision(revision: str) -> bool:
    return revision in _revisions().parents


def current_revision(connection: Connection) -> str | None:
    """The base's schema revision, read from alembic's table (None: a new base)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


class ForeignKeyViolation(RuntimeError):
    """A migration left rows pointing nowhere: it is rolled back (a bug, never user data loss)."""


def upgrade_to_head(engine: Engine, now: dt.datetime) -> None:
    """Run every pending migration in one transaction; roll everything back on any failure.

    On SQLite the engine must have foreign keys OFF: batch migrations recreate tables, and the
    references are verified with `PRAGMA foreign_key_check` before committing. PostgreSQL runs the same
    migrations in one transactional DDL block. Rows a migration writes are stamped with `now`.
    """
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection, now), "head")
        if connection.dialect.name != "sqlite":
            return  # a server checks its foreign keys itself, statement by statement
        problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
        if problems:
            raise ForeignKeyViolation(f"foreign key violations after migration: {problems[:5]}")


def check_models_match(engine: Engine) -> None:
    """`alembic check`: raises if the models and the migrations disagree."""
    from alembic import command

    with engine.connect() as connection:
        command.check(alembic_config(connection))


def migrations_folder() -> Path:
    return bundled_path("migrations")
