"""Database lifecycle for the command line and the GUI: open, check, back up, restore.

`open_services` and `open_server_services` are where `Services` is built; only the composition roots
(ti_desktop.app, the command line's entry) call them. The description of a backup file the front ends show
is offered here too, so that they never reach into the database layer (their errors: database_errors.py).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ti_desktop import __version__
from ti_desktop.db import models
from ti_desktop.db.backup import BackupInfo, backup_database, describe_backup, timestamped_backup_path
from ti_desktop.db.changelog import sign_as
from ti_desktop.db.copy import CopyResult, copy_database
from ti_desktop.db.database import Database, open_database, open_server_database, restore_database
from ti_desktop.db.errors import DatabaseMissingError, SchemaTooNewError
from ti_desktop.db.migrate import head_revision, is_known_revision
from ti_desktop.db.server import Credentials, PasswordAnswer
from ti_desktop.db.sqlite_file import FileKind, count_rows, inspect_file, quick_check
from ti_desktop.kernel.clock import Clock
from ti_desktop.paths import backups_dir_for
from ti_desktop.services.backups import BackupService
from ti_desktop.services.registry import Services

# `describe_backup` (a backup file, verified and described) is offered to the front ends; so are `Credentials`
# and `PasswordAnswer`, with which they say how to ask for a server's password.
__all__ = [
    "BackupInfo",
    "CheckReport",
    "Credentials",
    "OpenDatabase",
    "PasswordAnswer",
    "backup_now",
    "check_database",
    "check_server",
    "copy_between",
    "describe_backup",
    "latest_backup",
    "open_server_services",
    "open_services",
    "restore_backup",
]


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: Path | str  # a file, or a server base's address
    schema_revision: str | None
    head_revision: str
    integrity: str
    counts: dict[str, int]

    @property
    def up_to_date(self) -> bool:
        return self.schema_revision == self.head_revision

    def as_json(self) -> dict[str, object]:
        return {"schema_revision": self.schema_revision, "integrity": self.integrity, "counts": self.counts}


@dataclass
class OpenDatabase:
    """What the composition root holds while a base is open: its services, and the open base to close.
    Front ends read `path` and `server`; `database` (its engine and sessions) is for maintenance and tests."""

    database: Database
    services: Services

    @property
    def clock(self) -> Clock:
        return self.services.clock

    @property
    def path(self) -> Path | None:
        """The base's file; None for a server base."""
        return self.database.path

    @property
    def server(self) -> str | None:
        """A server base's address, as shown (without its password); None for a file."""
        return self.database.server

    def sign_as(self, user: str) -> None:
        """From now on, the history of a base file names `user` (the name the user gave, changed in the window).
        A server base keeps the role the server authenticated: its trigger signs the history with it."""
        if self.database.server is None and user:
            sign_as(self.database.sessions, user)

    def close(self) -> None:
        self.database.close()


def open_services(path: Path, *, clock: Clock, create: bool = True, user: str | None = None) -> OpenDatabase:
    """Open (creating or upgrading as needed, with a backup before any upgrade) and build the services."""
    database = open_database(path, backups_dir_for(path), clock, create=create, user=user)
    backups = BackupService(path, clock)
    return OpenDatabase(database=database, services=Services(database.sessions, clock, backups=backups))


def open_server_services(
    url: str, *, clock: Clock, user: str | None = None, credentials: Credentials | None = None
) -> OpenDatabase:
    """Open a shared base on a server (PostgreSQL); no backups: they are the server's business. The history
    records the server's role for the session (`user` counts for the base's owner only); `credentials` say
    how to get a password the server asks for."""
    database = open_server_database(url, clock, user=user, credentials=credentials)
    return OpenDatabase(database=database, services=Services(database.sessions, clock, backups=None))


def check_server(url: str, clock: Clock, credentials: Credentials | None = None) -> CheckReport:
    """Schema revision and row counts of a server base (its integrity is the server's own business)."""
    from sqlalchemy import func, select

    from ti_desktop.db.migrate import current_revision
    from ti_desktop.db.sqlite_file import COUNTED_TABLES

    opened = open_server_services(url, clock=clock, credentials=credentials)
    try:
        with opened.database.engine.connect() as connection:
            revision = current_revision(connection)
            tables = models.Base.metadata.tables
            counts = {
                key: int(connection.execute(select(func.count()).select_from(tables[table])).scalar() or 0)
                for key, table in COUNTED_TABLES.items()
            }
    finally:
        opened.close()
    return CheckReport(opened.database.server or url, revision, head_revision(), "contrôlée par le serveur", counts)


def check_database(path: Path) -> CheckReport:
    """Schema revision, full `integrity_check` and row counts; read-only, the file is never modified."""
    state = inspect_file(path)
    if state.kind is FileKind.MISSING:
        raise DatabaseMissingError(path)
    if state.revision is not None and not is_known_revision(state.revision):
        raise SchemaTooNewError(path, state.revision, __version__)
    integrity = quick_check(path, full=True)
    try:
        counts = count_rows(path)
    except sqlite3.DatabaseError:
        if integrity == "ok":  # pragma: no cover - a table SQLite cannot count fails the integrity check
            raise
        counts = {}  # a damaged table cannot be counted; the integrity verdict says why
    return CheckReport(path, state.revision, head_revision(), integrity, counts)


def backup_now(path: Path, clock: Clock, output: Path | None = None) -> BackupInfo:
    """An online, verified backup to `output` or to a timestamped file in the backups folder."""
    state = inspect_file(path)
    if state.kind is FileKind.MISSING:
        raise DatabaseMissingError(path)
    destination = output or timestamped_backup_path(path, backups_dir_for(path), clock.now())
    return backup_database(path, destination)


def latest_backup(path: Path) -> dt.datetime | None:
    """When the newest backup of this database was written (local time), if there is one."""
    folder = backups_dir_for(path)
    if not folder.is_dir():
        return None
    times = [entry.stat().st_mtime for entry in folder.glob(f"{path.stem}-*.sqlite3")]
    return dt.datetime.fromtimestamp(max(times)) if times else None


def restore_backup(backup_file: Path, path: Path, clock: Clock) -> tuple[BackupInfo, BackupInfo | None]:
    return restore_database(backup_file, path, backups_dir_for(path), clock)


def open_any(target: Path | str, clock: Clock, *, create: bool, credentials: Credentials | None = None) -> Database:
    """A file (created when `create`) or a server base (an address with "://")."""
    if isinstance(target, str):
        return open_server_database(target, clock, credentials=credentials)
    return open_database(target, backups_dir_for(target), clock, create=create)


def copy_between(
    source: Path | str, destination: Path | str, clock: Clock, credentials: Credentials | None = None
) -> CopyResult:
    """The whole database from `source` to a new, empty `destination` (SQLite file or server base), verified."""
    reading = open_any(source, clock, create=False, credentials=credentials)
    try:
        writing = open_any(destination, clock, create=True, credentials=credentials)
        try:
            label = writing.server or str(writing.path)
            return copy_database(reading.engine, writing.engine, label)
        finally:
            writing.close()
    finally:
        reading.close()
