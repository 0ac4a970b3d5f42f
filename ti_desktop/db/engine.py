"""The SQLAlchemy engine for a SQLite file, with the pragmas that make every commit durable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event

from ti_desktop.kernel.files import create_private_file

BUSY_TIMEOUT_MS = 10_000
# SQLite's page cache per connection, in KiB (a negative cache_size): 16 MiB at most, taken only as pages are
# read. The default 2 MiB is smaller than one pass of the dashboard's aggregates over a national base (100,000
# actions, 200,000 funding lines): the pass then re-read its pages from the file, and its GROUP BY's sorter,
# bounded by the same size, spilled to a temporary file (measured: 8 MiB already does as well as 64 MiB; 16 MiB
# leaves room, without every pooled connection and worker holding 64 MiB).
CACHE_KIB = 16 * 1024


WRITE_OPTION = "ti_desktop_write"  # execution option marking a write transaction (services.transactions)


def create_sqlite_engine(path: Path, *, foreign_keys: bool = True, wal: bool = True) -> Engine:
    """An engine on `path`: foreign keys on, WAL journal, synchronous=FULL, a busy timeout, a page cache of
    `CACHE_KIB`.

    `wal=False` leaves the journal mode as the file has it (migrations: a failed upgrade must not even
    flip the header's WAL bytes). The driver's own transaction handling is switched off and BEGIN
    emitted explicitly, the recipe of SQLAlchemy's SQLite documentation, so that DDL is transactional.
    """
    # A new base is created private (0600) before SQLite opens it: SQLite gives its -wal, -shm and -journal files
    # the database file's mode. An existing base keeps its mode (it may be shared on purpose, in a group folder).
    if Path(path).parent.is_dir():
        create_private_file(Path(path))
    # URL.create keeps the path verbatim: '?', '%20' or '#' in a folder name are not URL syntax here.
    engine = create_engine(URL.create("sqlite", database=str(path)))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        if wal:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A write transaction takes the write lock at once (IMMEDIATE): with WAL, a deferred one that
        # reads then writes fails at once ("database is locked", no waiting) when another process
        # committed in between; IMMEDIATE waits its turn through the busy timeout instead.
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
