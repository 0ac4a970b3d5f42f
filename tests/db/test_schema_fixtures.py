"""A user's file of any released version opens with the current code: tests/data holds a populated database
of every released schema; each is upgraded to the head revision, after a backup, with every row and every
cent still there. New fixtures (tools/make_schema_fixture.py, one per migration) are picked up by themselves."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import shutil
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import func, select

from ti_desktop.db import models
from ti_desktop.db.migrate import head_revision, script_directory
from ti_desktop.db.sqlite_file import APPLICATION_ID, quick_check
from ti_desktop.services.maintenance import open_services

from ..clock import fixed_clock
from .test_migrations_roundtrip import install_scratch_migration

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "tests" / "data"
TOOL = ROOT / "tools" / "make_schema_fixture.py"
FIXTURES = sorted(DATA_DIR.glob("schema-*.sqlite3"))
WAL_HEADER_BYTES = (18, 20)  # the file format's read and write versions: 1 = rollback journal, 2 = WAL


def revision_in_name(fixture: Path) -> str:
    return fixture.stem.removeprefix("schema-")


def summary_of(fixture: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    return data


# --- reading a file with plain sqlite3 ---------------------------------------------------------------------


@contextlib.contextmanager
def read_only(path: Path) -> Any:
    with contextlib.closing(sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)) as connection:
        yield connection


def stored_revision(path: Path) -> str:
    with read_only(path) as connection:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert row is not None, f"{path.name} has no schema revision"
    revision: str = row[0]
    return revision


def row_counts(path: Path) -> dict[str, int]:
    with read_only(path) as connection:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name <> 'alembic_version'"
            )
        ]
        return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def money_cents(path: Path, keys: list[str]) -> dict[str, int]:
    with read_only(path) as connection:
        totals = {}
        for key in keys:
            table, column = key.split(".")
            totals[key] = connection.execute(f'SELECT coalesce(sum("{column}"), 0) FROM "{table}"').fetchone()[0]
        return totals


def foreign_key_problems(path: Path) -> list[Any]:
    with read_only(path) as connection:
        problems: list[Any] = connection.execute("PRAGMA foreign_key_check").fetchall()
        return problems


# --- the fixtures themselves -------------------------------------------------------------------------------


def test_there_is_a_fixture_of_the_head_revision() -> None:
    revisions = {revision_in_name(fixture) for fixture in FIXTURES}
    assert head_revision() in revisions, (
        f"no populated database of the head schema {head_revision()} in tests/data (found {sorted(revisions)}): "
        "run `python tools/make_schema_fixture.py` after adding a migration (see tests/data/README.md)"
    )


def test_every_fixture_is_of_a_known_revision_and_has_its_summary() -> None:
    known = {script.revision for script in script_directory().walk_revisions()}
    for fixture in FIXTURES:
        assert revision_in_name(fixture) in known, f"{fixture.name}: unknown revision"
        assert fixture.with_suffix(".json").is_file(), f"{fixture.name} has no summary JSON beside it"
    leftovers = [path.name for path in DATA_DIR.iterdir() if path.name.endswith(("-wal", "-shm", "-journal"))]
    assert leftovers == [], "a fixture was opened in place"


@pytest.fixture(params=FIXTURES, ids=[revision_in_name(fixture) for fixture in FIXTURES])
def fixture_file(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


@pytest.fixture
def copy(fixture_file: Path, tmp_path: Path) -> Path:
    """The fixture copied to a temporary folder (the file in tests/data is never opened for writing)."""
    target = tmp_path / "ti-desktop.sqlite3"
    shutil.copyfile(fixture_file, target)
    return target


def test_fixture_is_as_it_was_made(fixture_file: Path, copy: Path) -> None:
    """Same bytes as when the tool wrote it, of the revision its name says, a standalone TI Desktop file."""
    summary = summary_of(fixture_file)
    revision = revision_in_name(fixture_file)
    assert hashlib.sha256(fixture_file.read_bytes()).hexdigest() == summary["sha256"], (
        f"{fixture_file.name} was modified after it was made: a released schema's fixture is never edited"
    )
    assert summary["revision"] == revision
    assert stored_revision(copy) == revision
    with read_only(copy) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    header = fixture_file.read_bytes()[: WAL_HEADER_BYTES[1]]
    assert tuple(header[WAL_HEADER_BYTES[0] : WAL_HEADER_BYTES[1]]) == (1, 1), "the fixture must not be in WAL mode"
    assert row_counts(copy) == summary["row_counts"]
    assert money_cents(copy, list(summary["money_cents"])) == summary["money_cents"]
    assert all(count > 0 for count in summary["row_counts"].values()), "every table of a fixture has rows"


def assert_upgrade_keeps_everything(fixture_file: Path, copy: Path, tmp_path: Path) -> None:
    """Open `copy` (of `fixture_file`) with the application: upgraded to head after a backup when older,
    every table's row count and every money column's total as the fixture's summary records them."""
    summary = summary_of(fixture_file)
    revision = revision_in_name(fixture_file)
    money_keys = list(summary["money_cents"])
    counts_before = row_counts(copy)
    money_before = money_cents(copy, money_keys)
    assert (counts_before, money_before) == (summary["row_counts"], summary["money_cents"])

    opened = open_services(copy, user="test", clock=fixed_clock())
    try:
        backup = opened.database.backup_before_upgrade
        # Every row of every model reads back through the current types (money, enum codes, timestamps).
        with opened.database.sessions() as session:
            for mapper in models.Base.registry.mappers:
                model = mapper.class_
                loaded = session.scalars(select(model)).all()
                assert len(loaded) == session.scalar(select(func.count()).select_from(model))
    finally:
        opened.close()

    if revision == head_revision():
        assert backup is None, "a file already at the head revision is opened without a migration backup"
    else:
        assert backup is not None, f"no backup was taken before upgrading {revision}"
        assert backup.path.parent == tmp_path / "sauvegardes"
        assert "avant-migration" in backup.path.name
        assert stored_revision(backup.path) == revision
        assert row_counts(backup.path) == counts_before
        assert money_cents(backup.path, money_keys) == money_before

    assert stored_revision(copy) == head_revision()
    counts_after = row_counts(copy)
    lost = {table: (n, counts_after.get(table)) for table, n in counts_before.items() if counts_after.get(table) != n}
    assert not lost, f"row counts changed by the upgrade (before, after): {lost}"
    money_after = money_cents(copy, money_keys)
    changed = {key: (cents, money_after[key]) for key, cents in money_before.items() if money_after[key] != cents}
    assert not changed, f"money totals changed by the upgrade (cents before, after): {changed}"
    assert quick_check(copy, full=True) == "ok"
    assert foreign_key_problems(copy) == []


def test_fixture_upgrades_to_head_with_every_row_and_cent(fixture_file: Path, copy: Path, tmp_path: Path) -> None:
    assert_upgrade_keeps_everything(fixture_file, copy, tmp_path)


# --- the check itself, on a scratch migration above the head -----------------------------------------------


def head_fixture() -> Path:
    return DATA_DIR / f"schema-{head_revision()}.sqlite3"


def test_an_older_file_is_backed_up_then_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With one more migration on top, today's fixture is an older file: the backup branch is exercised."""
    fixture = head_fixture()
    copy = tmp_path / "ti-desktop.sqlite3"
    shutil.copyfile(fixture, copy)
    install_scratch_migration(tmp_path / "scratch", monkeypatch)
    assert_upgrade_keeps_everything(fixture, copy, tmp_path)
    assert len(list((tmp_path / "sauvegardes").iterdir())) == 1


@pytest.mark.parametrize(
    ("extra_upgrade", "complaint"),
    [
        ("    op.execute('DELETE FROM milestones WHERE id % 2 = 0')\n", "row counts changed.*'milestones'"),
        (
            "    op.execute('UPDATE funding_lines SET amount_granted = amount_granted / 100')\n",
            "money totals changed.*'funding_lines.amount_granted'",
        ),
    ],
    ids=["rows-lost", "euros-taken-for-cents"],
)
def test_the_check_catches_a_migration_that_loses_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra_upgrade: str, complaint: str
) -> None:
    fixture = head_fixture()
    copy = tmp_path / "ti-desktop.sqlite3"
    shutil.copyfile(fixture, copy)
    install_scratch_migration(tmp_path / "scratch", monkeypatch, extra_upgrade=extra_upgrade)
    with pytest.raises(AssertionError, match=complaint):
        assert_upgrade_keeps_everything(fixture, copy, tmp_path)


# --- the tool that makes them ------------------------------------------------------------------------------


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_schema_fixture", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tool_writes_a_fixture_these_tests_accept(tmp_path: Path) -> None:
    tool = load_tool()
    database, summary_file = tool.write_fixture(tmp_path)
    assert database.name == f"schema-{head_revision()}.sqlite3"
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    assert summary["revision"] == head_revision()
    assert summary["sha256"] == hashlib.sha256(database.read_bytes()).hexdigest()
    assert summary["row_counts"] == row_counts(database)
    assert all(count > 0 for count in summary["row_counts"].values())
    assert all(total > 0 for total in summary["money_cents"].values())
    assert {path.name for path in tmp_path.iterdir()} == {database.name, summary_file.name}  # nothing partial
    # The committed fixture of the head revision has the tables and money columns a new database has.
    committed = DATA_DIR / database.name
    if committed.exists():
        head_summary = summary_of(committed)
        assert set(head_summary["row_counts"]) == set(summary["row_counts"])
        assert set(head_summary["money_cents"]) == set(summary["money_cents"])
    # A fixture is never rewritten.
    with pytest.raises(FileExistsError):
        tool.write_fixture(tmp_path)
