"""The backups folder of one database: which backups it holds, which to keep, and whether the data
changed since the newest one. Backups are named `<base>-<reason>-<YYYYmmdd-HHMMSS-ffffff>.sqlite3`.

Rotation keeps the 10 newest and, for each of the last 30 days, the newest of that day (Anki and Zotero
keep a similar mix: recent ones to undo a slip, daily ones to go back further).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ti_desktop.db.sqlite_file import open_read_only

KEEP_LAST = 10
KEEP_DAILY_DAYS = 30
_SUFFIX = re.compile(r"^(?P<reason>[a-z-]+)-(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite3$")


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    reason: str  # "sauvegarde", "demarrage", "automatique", "avant-migration", "avant-import"…
    taken_at: dt.datetime  # local time, from the name
    size_bytes: int


def backups_of(database: Path, folder: Path) -> list[BackupFile]:
    """The backups of `database` in `folder`, newest first (files of other bases are ignored)."""
    if not folder.is_dir():
        return []
    found = []
    prefix = f"{database.stem}-"
    for entry in folder.glob(f"{database.stem}-*.sqlite3"):
        match = _SUFFIX.match(entry.name[len(prefix) :])
        if match is None:  # another base whose name starts like this one's, or a foreign file
            continue
        try:
            taken_at = dt.datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S-%f")
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupFile(entry, match.group("reason"), taken_at, size))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def to_remove(
    backups: list[BackupFile], now: dt.datetime, *, keep_last: int = KEEP_LAST, daily_days: int = KEEP_DAILY_DAYS
) -> list[BackupFile]:
    """The backups rotation deletes: all but the `keep_last` newest and the newest of each recent day."""
    ordered = sorted(backups, key=lambda backup: backup.taken_at, reverse=True)
    kept = {backup.path for backup in ordered[:keep_last]}
    oldest_day = now.date() - dt.timedelta(days=daily_days - 1)
    days_seen: set[dt.date] = set()
    for backup in ordered:
        day = backup.taken_at.date()
        if day >= oldest_day and day not in days_seen:
            days_seen.add(day)
            kept.add(backup.path)
    return [backup for backup in ordered if backup.path not in kept]


def change_marker(path: Path) -> tuple[int, int] | None:
    """(newest change-log id, number of change-log rows): every committed edit changes it. None when the
    file cannot be read as one of our bases."""
    try:
        with open_read_only(path) as connection:
            row = connection.execute("SELECT coalesce(max(id), 0), count(*) FROM change_log").fetchone()
    except sqlite3.Error:
        return None
    return int(row[0]), int(row[1])
