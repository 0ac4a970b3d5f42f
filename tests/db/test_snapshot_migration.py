"""Migration 0005 rewrites every stored snapshot in the one format (2) without losing a row or a value: on a
database written at the revision below it (the fixture of tests/data, plus legacy and damaged payloads)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from ti_desktop.db.migrate import script_directory
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.domain.snapshots import SNAPSHOT_FORMAT, PlanSnapshot, SnapshotKind
from ti_desktop.services import snapshots
from ti_desktop.services.maintenance import open_services

from ..clock import TODAY, fixed_clock
from .test_migrations_roundtrip import fixture_for, run

REVISION = "0005_one_snapshot_format"
SNAPSHOT_KEYS = {"format", "kind", "territory_id", "period_from", "period_to", "meeting_id", "held_on", "actions"}
ACTION_KEYS = {
    "id",
    "code",
    "title",
    "axis_id",
    "status",
    "progress",
    "planned_end",
    "planned_budget",
    "secured_funding",
    "confidential",
    "to_discuss",
}
# Payloads of the past the fixture lacks: the first reports had no kind; one with a key of its own; damaged ones.
LEGACY = [
    {"territory_id": 1, "period_to": "2024-12-31", "actions": [{"id": 1, "status": "en_cours", "progress": 5}]},
    {"format": 1, "kind": "rapport", "note": "à garder", "actions": [{"id": 2, "title": "x", "extra": [1, 2]}, 7]},
]
DAMAGED = ["pas du JSON {", "[1, 2, 3]", ""]


def snapshot_rows(path: Path) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT * FROM snapshots ORDER BY id").fetchall()


def payload_column(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(snapshots)")]
    return columns.index("payload")


def database_below_the_migration(tmp_path: Path) -> Path:
    """A copy of the newest fixture below 0005, brought to the revision below it, with the legacy rows."""
    script = script_directory().get_revision(REVISION)
    assert script is not None and isinstance(script.down_revision, str)
    below = script.down_revision
    path = tmp_path / "plan.sqlite3"
    shutil.copyfile(fixture_for(below), path)
    run(path, "up", below)
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        stamp = "2025-07-02 08:00:00.000000"
        for payload in [json.dumps(entry, ensure_ascii=False) for entry in LEGACY] + DAMAGED:
            connection.execute(
                "INSERT INTO snapshots (territory_id, taken_at, label, meeting_id, payload, created_at, updated_at) "
                "VALUES (1, ?, 'Ancienne photographie', NULL, ?, ?, ?)",
                (stamp, payload, stamp, stamp),
            )
    return path


def contains(new: Any, old: Any) -> bool:
    """Every key and value of `old` is in `new` (lists compared item by item)."""
    if isinstance(old, dict):
        return isinstance(new, dict) and all(key in new and contains(new[key], value) for key, value in old.items())
    if isinstance(old, list):
        return isinstance(new, list) and len(new) == len(old) and all(map(contains, new, old))
    return bool(new == old)


def test_every_snapshot_is_rewritten_in_format_2_with_every_value_kept(tmp_path: Path) -> None:
    path = database_below_the_migration(tmp_path)
    column = payload_column(path)
    before = snapshot_rows(path)
    kinds = {json.loads(row[column]).get("kind") for row in before if row[column].startswith("{")}
    assert {"rapport", "comite", None} <= kinds  # both formats 1 and the kind-less one are there

    run(path, "up", REVISION)
    after = snapshot_rows(path)
    assert len(after) == len(before)
    for old_row, new_row in zip(before, after, strict=True):
        # Every other column (id, territory, label, meeting, dates) is untouched.
        assert old_row[:column] + old_row[column + 1 :] == new_row[:column] + new_row[column + 1 :]
        old_text, new_text = old_row[column], new_row[column]
        if old_text in DAMAGED:
            assert new_text == old_text  # not an object: left as it is
            continue
        old, new = json.loads(old_text), json.loads(new_text)
        assert new["format"] == SNAPSHOT_FORMAT
        assert SNAPSHOT_KEYS <= set(new)
        assert contains(new, {key: value for key, value in old.items() if key != "format"})
        assert all(ACTION_KEYS <= set(entry) for entry in new["actions"] if isinstance(entry, dict))
        # The application reads the same plan from it as from the old payload.
        assert PlanSnapshot.from_json(new_text) == PlanSnapshot.from_json(old_text)
    legacy = json.loads(after[len(before) - len(DAMAGED) - len(LEGACY)][column])
    assert legacy["kind"] == SnapshotKind.RAPPORT.value and legacy["actions"][0]["planned_end"] is None
    extra = json.loads(after[len(before) - len(DAMAGED) - 1][column])
    assert extra["note"] == "à garder" and extra["actions"][0]["extra"] == [1, 2] and extra["actions"][1] == 7

    # Once is enough: a second run, or a downgrade and an upgrade, changes nothing.
    script = script_directory().get_revision(REVISION)
    assert script is not None and isinstance(script.down_revision, str)
    run(path, "down", script.down_revision)
    assert snapshot_rows(path) == after
    run(path, "up", REVISION)
    assert snapshot_rows(path) == after


def test_the_migrated_snapshots_are_found_by_the_next_report_and_meeting(tmp_path: Path) -> None:
    path = database_below_the_migration(tmp_path)
    opened = open_services(path, clock=fixed_clock())  # upgrades to the head revision, after a backup
    try:
        services = opened.services
        territory = services.territories.resolve(None)
        # Up to a day after every snapshot: the newest report snapshot is the fixture's (its tool's clock).
        options = ReportOptions(dt.date(2026, 1, 1), dt.date(2099, 12, 31))
        data = services.reports.assemble(territory.id, options, TODAY)
        assert data.evolutions is not None
        assert "Rapport S1 2025 envoyé à la Région" in data.evolutions.source
        closed = [meeting for meeting in services.steering.of_territory(territory.id) if meeting.closed_at]
        assert closed
        with opened.database.sessions() as session:
            found = snapshots.of_meeting(session, closed[0].id)
        assert found is not None and found.kind is SnapshotKind.COMITE and found.actions
    finally:
        opened.close()
