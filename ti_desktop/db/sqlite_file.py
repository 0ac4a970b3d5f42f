"""Looking at a database file without writing to it: what it is, its schema revision, its health, its counts.

Everything here opens SQLite read-only (`mode=ro`), so a file we refuse keeps every byte.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ti_desktop.db.errors import (
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseError,
    DatabaseLocationError,
    ForeignDatabaseError,
    NotSQLiteError,
    ReadOnlyFolderError,
    one_line,
)

SQLITE_HEADER = b"SQLite format 3\x00"
# PRAGMA application_id marks our files ("TIDK"): how a foreign SQLite file is told apart from ours.
APPLICATION_ID = 0x5449444B

# What `check` counts, in the order the JSON lists them: key -> table.
COUNTED_TABLES: dict[str, str] = {
    "territories": "territories",
    "actions": "actions",
    "funding_lines": "funding_lines",
    "milestones": "milestones",
    "indicators": "indicators",
    "indicator_values": "indicator_values",
    "progress_updates": "progress_updates",
    "actors": "actors",
    "meetings": "meetings",
    "decisions": "decisions",
}

_KNOWN_SIGNATURES = {
    b"%PDF": "c'est un document PDF",
    b"PK\x03\x04": "c'est une archive ZIP ou un fichier Office",
    b"\xd0\xcf\x11\xe0": "c'est un ancien fichier Office",
    b"\x89PNG": "c'est une image PNG",
    b"\xff\xd8\xff": "c'est une image JPEG",
}


class FileKind(enum.Enum):
    MISSING = "missing"  # no file yet: a new database will be created
    EMPTY = "empty"  # zero bytes, or SQLite without any table: ours to initialise
    OURS = "ours"


@dataclass(frozen=True, slots=True)
class FileState:
    kind: FileKind
    revision: str | None = None


def check_location(path: Path) -> None:
    """The path must name a file in an existing folder."""
    if path.is_dir():
        raise DatabaseLocationError(f"« {path} » est un dossier : indiquez un fichier de base (.sqlite3).")
    if not path.parent.is_dir():
        raise DatabaseLocationError(
            f"Le dossier « {path.parent} » n'existe pas : impossible d'y ouvrir ou d'y créer la base."
        )


def read_only_uri(path: Path) -> str:
    # as_uri() percent-encodes spaces, '#', '%' and accents, which SQLite URIs require.
    return path.absolute().as_uri() + "?mode=ro"


@contextlib.contextmanager
def open_read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection that leaves the folder as it found it.

    Reading a WAL-mode file creates `-wal` and `-shm` files that a read-only connection cannot remove;
    those we created (the WAL still empty) are removed on close, so refusing a file adds nothing beside it.
    """
    sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    existed = [sidecar.exists() for sidecar in sidecars]
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        yield connection
    finally:
        connection.close()
        wal, _shm = sidecars
        if not any(existed) and (not wal.exists() or wal.stat().st_size == 0):
            for sidecar in sidecars:
                with contextlib.suppress(FileNotFoundError):
                    sidecar.unlink()


def describe_non_sqlite(header: bytes) -> str:
    for signature, description in _KNOWN_SIGNATURES.items():
        if header.startswith(signature):
            return description
    return "son en-tête n'est pas celui d'une base SQLite"


def table_names(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [row[0] for row in rows]


def read_revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def inspect_file(path: Path) -> FileState:
    """Classify a database file; raise for a file that is not ours. Never writes."""
    check_location(path)
    if not path.exists():
        return FileState(FileKind.MISSING)
    with path.open("rb") as stream:
        header = stream.read(len(SQLITE_HEADER))
    if not header:
        return FileState(FileKind.EMPTY)
    if header != SQLITE_HEADER:
        raise NotSQLiteError(path, describe_non_sqlite(header))
    try:
        with open_read_only(path) as connection:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = table_names(connection)
            revision = read_revision(connection)
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise DatabaseBusyError(path) from error
        if not os.access(path.parent, os.W_OK) and ("readonly" in str(error) or "unable to open" in str(error)):
            # Reading a WAL base creates its -shm file beside it: impossible in a read-only folder.
            raise ReadOnlyFolderError(path, "SQLite doit pouvoir y écrire pour lire la base") from error
        raise _unreadable(path, error) from error
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from error
    if not tables and application_id in (0, APPLICATION_ID):
        return FileState(FileKind.EMPTY)
    if application_id != APPLICATION_ID:
        raise ForeignDatabaseError(path, tables)
    return FileState(FileKind.OURS, revision)


def header_application_id(path: Path) -> int | None:
    """The application id stored in the file header (offset 68), read without SQLite."""
    try:
        with path.open("rb") as stream:
            header = stream.read(72)
    except OSError:
        return None
    return int.from_bytes(header[68:72], "big") if len(header) == 72 else None


def _unreadable(path: Path, error: sqlite3.Error) -> DatabaseError:
    """A file SQLite cannot read: damaged when its header says it is one of ours, else not our base."""
    if header_application_id(path) == APPLICATION_ID:
        return DatabaseDamagedError(path, str(error))
    return NotSQLiteError(path, f"SQLite ne peut pas le lire : {one_line(str(error))}")


def quick_check(path: Path, *, full: bool = False) -> str:
    """'ok', or SQLite's first complaint. `full` runs the slower `integrity_check`."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        with open_read_only(path) as connection:
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        return str(error)
    messages = [row[0] for row in rows]
    return "ok" if messages == ["ok"] else "; ".join(messages[:5])


def count_rows(path: Path) -> dict[str, int]:
    """Rows per counted table; raises sqlite3.DatabaseError when a damaged table cannot be counted."""
    with open_read_only(path) as connection:
        present = set(table_names(connection))
        return {
            key: (connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] if table in present else 0)
            for key, table in COUNTED_TABLES.items()
        }
