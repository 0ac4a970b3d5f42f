"""Automatic backups of one database, and recovery of a damaged one.

Every backup goes through SQLite's online backup API and is verified with `quick_check` before it gets
its final name (db/backup.py); then the folder is rotated (db/backup_set.py). Backups are taken at start
when the data changed since the newest one, before any migration, restore or import, every 30 minutes of
editing (the GUI's timer), and on demand.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ti_desktop.db.backup import (
    BackupInfo,
    backup_database,
    copy_into,
    describe_backup,
    set_aside_damaged,
    timestamped_backup_path,
)
from ti_desktop.db.backup_set import BackupFile, backups_of, change_marker, to_remove
from ti_desktop.db.database import prepare_file
from ti_desktop.db.errors import BackupError, DatabaseError
from ti_desktop.db.sqlite_file import count_rows
from ti_desktop.kernel.clock import Clock
from ti_desktop.kernel.formatting import format_date
from ti_desktop.paths import backups_dir_for

AUTOMATIC_INTERVAL = dt.timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class BackupEntry:
    """A backup as the restore dialog lists it."""

    path: Path
    reason: str
    taken_at: dt.datetime
    size_bytes: int
    actions: int | None  # None when the file cannot be read


@dataclass(frozen=True, slots=True)
class Recovery:
    damaged_copy: Path  # where the damaged base was set aside, untouched
    restored: BackupInfo


REASON_LABELS = {
    "sauvegarde": "manuelle",
    "demarrage": "au démarrage",
    "automatique": "automatique",
    "avant-migration": "avant mise à jour du schéma",
    "avant-restauration": "avant restauration",
    "avant-import": "avant import",
}


class BackupService:
    def __init__(self, database: Path, clock: Clock) -> None:
        self.database = database
        self.folder = backups_dir_for(database)
        self._clock = clock

    # -- taking backups -------------------------------------------------------------------------
    def backup(self, reason: str = "sauvegarde") -> BackupInfo:
        """A verified backup now, then the rotation."""
        destination = timestamped_backup_path(self.database, self.folder, self._clock.now(), reason=reason)
        info = backup_database(self.database, destination)
        self.rotate()
        return info

    def has_changed(self) -> bool:
        """True when the base holds edits the newest backup does not have (or there is no backup)."""
        current = change_marker(self.database)
        if current is None:
            return False
        for backup in backups_of(self.database, self.folder):
            marker = change_marker(backup.path)
            if marker is not None:
                return marker != current
        return True

    def backup_if_changed(self, reason: str) -> BackupInfo | None:
        return self.backup(reason) if self.has_changed() else None

    def before_import(self) -> None:
        """Called by the import services just before they write."""
        self.backup("avant-import")

    def rotate(self) -> list[Path]:
        """Delete the backups the policy no longer keeps; return them."""
        removed = []
        local_now = self._clock.now().astimezone().replace(tzinfo=None)  # backup names are in local time
        for backup in to_remove(backups_of(self.database, self.folder), local_now):
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
        return removed

    # -- listing and recovery -------------------------------------------------------------------
    def entries(self) -> list[BackupEntry]:
        """The backups, newest first, with what the restore dialog shows."""
        return [self._entry(backup) for backup in backups_of(self.database, self.folder)]

    def latest(self) -> BackupFile | None:
        found = backups_of(self.database, self.folder)
        return found[0] if found else None

    def newest_good(self) -> BackupInfo | None:
        """The newest backup that passes verification (a damaged one is skipped, not deleted)."""
        for backup in backups_of(self.database, self.folder):
            try:
                return describe_backup(backup.path)
            except BackupError:
                continue
        return None

    def describe(self, info: BackupInfo) -> str:
        """ "sauvegarde du 21/11/2026 à 14:05 (44 actions)" for messages."""
        backup = next((b for b in backups_of(self.database, self.folder) if b.path == info.path), None)
        when = (
            f"du {format_date(backup.taken_at.date())} à {backup.taken_at:%H:%M}"
            if backup is not None
            else f"« {info.path.name} »"
        )
        return f"sauvegarde {when} ({info.counts.get('actions', 0)} actions)"

    def recover_damaged(self, backup: BackupInfo | None = None) -> Recovery:
        """Set the damaged base aside as `<base>.damaged` (never written to), then put the newest good
        backup (or `backup`) in its place, upgraded if it is older."""
        chosen = backup or self.newest_good()
        if chosen is None:
            raise BackupError(
                f"Aucune sauvegarde valide de « {self.database.name} » dans « {self.folder} » : la base "
                "endommagée n'a pas été touchée."
            )
        damaged = set_aside_damaged(self.database, self._clock.now())
        try:
            copy_into(chosen.path, self.database)
            prepare_file(self.database, self.folder, self._clock, create=False)
        except DatabaseError:
            with contextlib.suppress(OSError):
                self.database.unlink()
            os.replace(damaged, self.database)  # back as it was: the user still has the damaged file
            raise
        return Recovery(damaged_copy=damaged, restored=describe_backup(self.database))

    def _entry(self, backup: BackupFile) -> BackupEntry:
        try:
            actions: int | None = count_rows(backup.path).get("actions", 0)
        except (sqlite3.Error, OSError, DatabaseError):  # an unreadable backup is listed, marked as such
            actions = None
        return BackupEntry(backup.path, backup.reason, backup.taken_at, backup.size_bytes, actions)
