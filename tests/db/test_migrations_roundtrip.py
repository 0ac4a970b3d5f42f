"""Each revision goes up, down and up again, on an empty file and on a populated one, and lands on the same
schema every time; the head schema, however it was reached, is the one the models describe.

A revision's downgrade must give back the schema of the revision below, and keep the data unless it is
listed in LOSSY_DOWNGRADES with the reason. The populated round trip uses the fixtures of tests/data (see
tests/data/README.md); a scratch migration proves the harness catches a lossy one.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import Script

from ti_desktop.db import migrate
from ti_desktop.db.engine import create_sqlite_engine
from ti_desktop.db.migrate import alembic_config, head_revision, migrations_folder, script_directory
from ti_desktop.db.models import Base, is_search_index
from ti_desktop.paths import bundled_path as real_bundled_path

from ..clock import fixed_clock

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"

# Downgrades that cannot keep the data, with why. Every other downgrade must keep every row it can hold.
LOSSY_DOWNGRADES = {
    "0001_initial": "its downgrade drops every table: going below the first revision empties the file",
}

# Migrations that leave a file's schema as it is, with what they do.
DATA_ONLY_MIGRATIONS = {
    "0005_one_snapshot_format": "rewrites the snapshots' JSON in one format",
    "0011_territory_access": "PostgreSQL only (access rights, row-level security): nothing on a file",
    "0012_role_search": "PostgreSQL only (a search function under row-level security): nothing on a file",
}


def ordered_scripts() -> list[Script]:
    """The revisions from the first to the head (the history is linear, see the test below)."""
    return list(reversed(list(script_directory().walk_revisions())))


def down_of(script: Script) -> str | None:
    down = script.down_revision
    assert down is None or isinstance(down, str), f"{script.revision} is a merge point"
    return down


REVISIONS = [script.revision for script in ordered_scripts()]


# --- reading the file ---------------------------------------------------------------------------------------


@contextlib.contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        yield connection


def normalise(sql: str) -> str:
    """DDL as SQLite keeps it, minus what a table rebuild may change: quotes and spacing."""
    text = re.sub(r"\s+", " ", sql.replace('"', "").replace("`", ""))
    text = re.sub(r"\s*([(),])\s*", r"\1", text)
    return text.strip()


def schema(path: Path) -> dict[tuple[str, str], str]:
    """(type, name) → normalised DDL of every table, index, view and trigger (Alembic's marker left out)."""
    with connect(path) as connection:
        rows = connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> 'alembic_version'"
        ).fetchall()
    return {(kind, name): normalise(sql or "") for kind, name, sql in rows}


def revision_of(path: Path) -> str | None:
    with connect(path) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return None if row is None else str(row[0])


def contents(path: Path) -> dict[str, dict[str, Any]]:
    """table → {"columns": [...], "rows": sorted rows}: the data a data-preserving downgrade keeps."""
    result: dict[str, dict[str, Any]] = {}
    with connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name <> 'alembic_version'"
            )
        ]
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
            result[table] = {"columns": columns, "rows": sorted(rows, key=repr)}
    return result


def common_data(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> dict[str, list[Any]]:
    """The rows of `before`, restricted to the tables and columns that `after` still has."""
    kept: dict[str, list[Any]] = {}
    for table, data in before.items():
        if table not in after:
            continue
        columns = [column for column in data["columns"] if column in after[table]["columns"]]
        positions = [data["columns"].index(column) for column in columns]
        kept[table] = sorted((tuple(row[i] for i in positions) for row in data["rows"]), key=repr)
    return kept


def integrity(path: Path) -> tuple[str, list[Any]]:
    with connect(path) as connection:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
    return verdict, problems


# --- moving between revisions -------------------------------------------------------------------------------


def run(path: Path, direction: str, target: str | None) -> None:
    """Upgrade or downgrade `path` to `target` (None: below the first revision) in one transaction,
    as the application does it (foreign keys off, checked before the commit)."""
    engine = create_sqlite_engine(path, foreign_keys=False, wal=False)
    try:
        with engine.begin() as connection:
            step = command.upgrade if direction == "up" else command.downgrade
            step(alembic_config(connection, fixed_clock().now()), target or "base")
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            assert problems == [], f"foreign keys broken by {direction} to {target}: {problems[:5]}"
    finally:
        engine.dispose()
    assert revision_of(path) == target


def fixture_for(revision: str) -> Path:
    """The newest fixture at `revision` or below it (its data is upgraded to `revision`)."""
    position = REVISIONS.index(revision)
    candidates = [
        DATA_DIR / f"schema-{older}.sqlite3"
        for older in REVISIONS[: position + 1]
        if (DATA_DIR / f"schema-{older}.sqlite3").is_file()
    ]
    assert candidates, f"no populated fixture at or below {revision} in tests/data"
    return candidates[-1]


def round_trip_with_data(revision: str, down: str | None, source: Path, work: Path) -> None:
    """Upgrade a copy of `source` to `revision`, down to `down`, up again: the data below is kept by the
    downgrade, and the second upgrade gives back exactly the schema and data of the first."""
    shutil.copyfile(source, work)
    run(work, "up", revision)
    schema_up, data_up = schema(work), contents(work)
    run(work, "down", down)
    data_down = contents(work)
    assert common_data(data_up, data_down) == common_data(data_down, data_down), (
        f"the downgrade of {revision} lost data: list it in LOSSY_DOWNGRADES with the reason, or keep the rows"
    )
    run(work, "up", revision)
    assert schema(work) == schema_up
    # The columns the revision adds come back with their defaults (e.g. actions.version = 1); every value
    # that survived the downgrade is exactly the first upgrade's.
    assert common_data(contents(work), data_down) == common_data(data_up, data_down)
    assert integrity(work) == ("ok", [])


# --- the history ---------------------------------------------------------------------------------------------


def test_history_is_linear_from_one_base_to_one_head() -> None:
    directory = script_directory()
    assert directory.get_heads() == [head_revision()]
    assert len(directory.get_bases()) == 1
    scripts = ordered_scripts()
    assert scripts[0].down_revision is None
    for below, script in itertools.pairwise(scripts):
        assert down_of(script) == below.revision


def test_lossy_downgrades_name_real_revisions() -> None:
    assert set(LOSSY_DOWNGRADES) <= set(REVISIONS)
    assert set(DATA_ONLY_MIGRATIONS) <= set(REVISIONS)


# --- up, down, up ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("revision", REVISIONS)
def test_revision_goes_up_down_and_up_again_on_an_empty_file(revision: str, tmp_path: Path) -> None:
    script = script_directory().get_revision(revision)
    assert script is not None
    down = down_of(script)
    path = tmp_path / "vide.sqlite3"
    if down is not None:
        run(path, "up", down)
    schema_below, data_below = schema(path), contents(path)

    run(path, "up", revision)
    schema_up, data_up = schema(path), contents(path)
    assert (schema_up != schema_below) is (revision not in DATA_ONLY_MIGRATIONS), f"{revision} changes nothing"

    run(path, "down", down)
    assert schema(path) == schema_below, f"the downgrade of {revision} does not give back the schema below it"
    assert common_data(data_below, data_below) == common_data(contents(path), data_below)

    run(path, "up", revision)
    assert schema(path) == schema_up, f"{revision} up-down-up does not give the schema of its first upgrade"
    assert {table: len(data["rows"]) for table, data in contents(path).items()} == {
        table: len(data["rows"]) for table, data in data_up.items()
    }, "seeded rows were written twice or lost"
    assert integrity(path) == ("ok", [])


@pytest.mark.parametrize("revision", REVISIONS)
def test_revision_goes_up_down_and_up_again_with_data(revision: str, tmp_path: Path) -> None:
    if revision in LOSSY_DOWNGRADES:
        pytest.skip(f"{revision}: {LOSSY_DOWNGRADES[revision]}")
    script = script_directory().get_revision(revision)
    assert script is not None
    round_trip_with_data(revision, down_of(script), fixture_for(revision), tmp_path / "plan.sqlite3")


# --- the head schema -------------------------------------------------------------------------------------------


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    # The search index (migration 0009) is the database's, not a model's.
    return not (type_ in ("table", "index") and is_search_index(name))


def model_differences(path: Path) -> list[Any]:
    """`alembic check`'s comparison between the models and the file (empty when they agree)."""
    engine = create_sqlite_engine(path, foreign_keys=False, wal=False)
    try:
        with engine.connect() as connection:
            opts = {"compare_type": True, "include_name": include_name}
            context = MigrationContext.configure(connection, opts=opts)
            return list(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()


def test_head_after_a_full_round_trip_is_what_the_models_describe(tmp_path: Path) -> None:
    path = tmp_path / "aller-retour.sqlite3"
    run(path, "up", head_revision())
    first = schema(path)
    run(path, "down", None)
    run(path, "up", head_revision())
    assert schema(path) == first
    assert model_differences(path) == []


@pytest.mark.parametrize(
    "fixture", sorted(DATA_DIR.glob("schema-*.sqlite3")), ids=lambda path: path.stem.removeprefix("schema-")
)
def test_an_upgraded_file_has_the_schema_of_a_new_one(fixture: Path, tmp_path: Path) -> None:
    """However old the file, once upgraded its tables, indexes and CHECK constraints are a new file's."""
    new = tmp_path / "neuve.sqlite3"
    run(new, "up", head_revision())
    upgraded = tmp_path / "ancienne.sqlite3"
    shutil.copyfile(fixture, upgraded)
    run(upgraded, "up", head_revision())
    assert schema(upgraded) == schema(new)
    assert model_differences(upgraded) == []


# --- the harness itself, on a scratch migration --------------------------------------------------------------

SCRATCH_REVISION = "9001_scratch"
SCRATCH_TEMPLATE = '''"""scratch migration written by the tests"""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("territories") as batch_op:
        batch_op.add_column(sa.Column("scratch_note", sa.String(length=50), nullable=True))
    op.execute("UPDATE territories SET scratch_note = 'note'")
{extra_upgrade}

def downgrade() -> None:
    with op.batch_alter_table("territories") as batch_op:
        batch_op.drop_column("scratch_note")
{extra_downgrade}
'''


def install_scratch_migration(
    folder: Path, monkeypatch: pytest.MonkeyPatch, *, extra_upgrade: str = "", extra_downgrade: str = ""
) -> str:
    """A copy of the migrations with one more revision on top, used by the application from now on.
    `extra_*` are lines of Python (indented by four spaces) added to its upgrade / downgrade."""
    scratch = folder / "migrations"
    shutil.copytree(migrations_folder(), scratch, ignore=shutil.ignore_patterns("__pycache__"))
    (scratch / "versions" / f"{SCRATCH_REVISION}.py").write_text(
        SCRATCH_TEMPLATE.format(
            revision=SCRATCH_REVISION,
            down=head_revision(),
            extra_upgrade=extra_upgrade,
            extra_downgrade=extra_downgrade,
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(
        migrate, "bundled_path", lambda name: scratch if name == "migrations" else real_bundled_path(name)
    )
    assert head_revision() == SCRATCH_REVISION
    return SCRATCH_REVISION


def test_harness_passes_a_data_preserving_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = fixture_for(head_revision())
    down = head_revision()
    revision = install_scratch_migration(tmp_path, monkeypatch)
    work = tmp_path / "plan.sqlite3"
    round_trip_with_data(revision, down, source, work)
    assert revision_of(work) == SCRATCH_REVISION
    assert ("table", "territories") in schema(work) and "scratch_note" in schema(work)[("table", "territories")]


def test_harness_catches_a_downgrade_that_loses_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = fixture_for(head_revision())
    down = head_revision()
    revision = install_scratch_migration(
        tmp_path, monkeypatch, extra_downgrade="    op.execute('DELETE FROM milestones WHERE id % 2 = 0')\n"
    )
    with pytest.raises(AssertionError, match="lost data"):
        round_trip_with_data(revision, down, source, tmp_path / "plan.sqlite3")
