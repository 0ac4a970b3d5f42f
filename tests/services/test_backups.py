"""Automatic backups: rotation, change detection, backup before import, recovery of a damaged base."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ti_desktop.db.backup_set import BackupFile, to_remove
from ti_desktop.db.errors import DatabaseDamagedError
from ti_desktop.services.backups import BackupService
from ti_desktop.services.maintenance import open_services

from ..clock import fixed_clock


def backup_file(taken_at: dt.datetime) -> BackupFile:
    return BackupFile(Path(f"b-{taken_at:%Y%m%d%H%M%S}.sqlite3"), "automatique", taken_at, 1)


def test_rotation_keeps_the_ten_newest_and_one_a_day_for_thirty_days() -> None:
    now = dt.datetime(2026, 11, 21, 18, 0)
    # Four backups a day for 40 days.
    backups = [backup_file(now - dt.timedelta(days=day, hours=hour)) for day in range(40) for hour in (0, 2, 4, 6)]
    removed = {b.path for b in to_remove(backups, now)}
    kept = [b for b in backups if b.path not in removed]
    newest_ten = sorted(backups, key=lambda b: b.taken_at, reverse=True)[:10]
    assert all(b in kept for b in newest_ten)
    kept_days = {b.taken_at.date() for b in kept}
    assert kept_days == {now.date() - dt.timedelta(days=day) for day in range(30)}
    for day in kept_days:  # the one kept for an older day is its newest backup
        same_day = [b for b in backups if b.taken_at.date() == day]
        assert max(same_day, key=lambda b: b.taken_at) in kept
    assert len(kept) == 10 + 27  # ten newest (three days and a half) + one for each of the 27 other days


def test_backup_only_when_the_data_changed(demo_db: Path) -> None:
    opened = open_services(demo_db, clock=fixed_clock())
    backups = opened.services.backups
    assert backups is not None
    first = backups.backup_if_changed("demarrage")
    assert first is not None and first.counts["actions"] == 44
    assert backups.backup_if_changed("demarrage") is None  # nothing changed since
    action = opened.services.actions.list()[0]
    opened.services.actions.update(action.id, progress=min(action.progress + 1, 99))
    assert backups.backup_if_changed("automatique") is not None
    assert [entry.reason for entry in backups.entries()] == ["automatique", "demarrage"]
    assert backups.entries()[0].actions == 44
    opened.close()


def test_an_import_takes_a_backup_first(demo_db: Path, tmp_path: Path) -> None:
    opened = open_services(demo_db, clock=fixed_clock())
    plan = tmp_path / "plan.csv"
    plan.write_text("Intitulé;Axe\nNouvelle action;Innovation\n", encoding="utf-8")
    territory = opened.services.territories.resolve(None)
    opened.services.imports.preview(territory.id, plan)
    assert opened.services.backups is not None and opened.services.backups.entries() == []  # a preview writes nothing
    opened.services.imports.apply(territory.id, plan)
    (entry,) = opened.services.backups.entries()
    assert entry.reason == "avant-import" and entry.actions == 44
    opened.close()


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for index in range(4096 * 3, 4096 * 3 + 4000, 7):
        data[index] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_damaged_base_is_set_aside_and_the_newest_good_backup_restored(demo_db: Path) -> None:
    opened = open_services(demo_db, clock=fixed_clock())
    assert opened.services.backups is not None
    opened.services.backups.backup("automatique")
    opened.close()
    damage(demo_db)
    damaged_bytes = demo_db.read_bytes()
    with pytest.raises(DatabaseDamagedError):
        open_services(demo_db, clock=fixed_clock())
    assert demo_db.read_bytes() == damaged_bytes  # never written to
    backups = BackupService(demo_db, fixed_clock())
    good = backups.newest_good()
    assert good is not None and good.counts["actions"] == 44
    recovery = backups.recover_damaged()
    assert recovery.damaged_copy == Path(f"{demo_db}.damaged")
    assert recovery.damaged_copy.read_bytes() == damaged_bytes
    assert recovery.restored.counts["actions"] == 44
    reopened = open_services(demo_db, clock=fixed_clock())
    assert len(reopened.services.actions.list()) == 44
    reopened.close()
