"""Shared fixtures: an open database on a temporary file, its services, a territory to work in."""

from __future__ import annotations

import datetime as dt
import os
import socket
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ti_desktop.services.maintenance import OpenDatabase, open_server_services, open_services

from .clock import fixed_clock, wait_for_exit

# With TI_DESKTOP_TEST_ENGINE_URL (a PostgreSQL server), the `opened` fixture — and every test built on it:
# services, exchange, reports — runs on a fresh server database instead of a SQLite file (.ci/run does both).
ENGINE_URL_VAR = "TI_DESKTOP_TEST_ENGINE_URL"


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[OpenDatabase]:
    server = os.environ.get(ENGINE_URL_VAR)
    if not server:
        handle = open_services(tmp_path / "plan.sqlite3", user="claire.martin", clock=fixed_clock())
        yield handle
        handle.close()
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"ti_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    handle = open_server_services(
        make_url(server).set(database=name).render_as_string(hide_password=False),
        user="claire.martin",
        clock=fixed_clock(),
    )
    yield handle
    handle.close()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database built once; tests copy it (with the backup API) instead of rebuilding it."""
    from ti_desktop.services.demo import create_demo_territory
    from ti_desktop.services.maintenance import open_services

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    opened = open_services(path, clock=fixed_clock())
    create_demo_territory(opened.services)
    opened.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "plan.sqlite3"
    source = sqlite3.connect(demo_template)
    destination = sqlite3.connect(target)
    source.backup(destination)
    destination.close()
    source.close()
    return target


# -- a base's lock held by another process (tests/lock_holder.py) ------------------------------------------------

LOCK_HOLDER = Path(__file__).with_name("lock_holder.py")
SINCE = dt.datetime(2026, 11, 21, 9, 42, tzinfo=dt.UTC)  # when the lock holders of the tests took the lock
HERE = socket.gethostname()


class LockHolderProcess:
    """Another process holding a base's lock: `release()` lets it go as a closing window does, `kill()` as a crash
    (SIGKILL, or TerminateProcess on Windows) does."""

    def __init__(self, base: Path, application: str, user: str, host: str, since: dt.datetime) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(LOCK_HOLDER), str(base), application, user, host, since.isoformat()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "verrouillé", "the holder could not take the lock"

    def release(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("\n")
        self.process.stdin.close()
        assert wait_for_exit(self.process, 30) == 0

    def kill(self) -> None:
        self.process.kill()
        wait_for_exit(self.process, 30)


HoldLock = Callable[..., LockHolderProcess]  # the hold_lock fixture


@pytest.fixture
def hold_lock() -> Iterator[Callable[..., LockHolderProcess]]:
    """`hold_lock(base, application, user, host, since)`: a process holding that lock (taken at `since`, as its
    info file says); killed at the end of the test."""
    started: list[LockHolderProcess] = []

    def start(base: Path, application: str, user: str, host: str, since: dt.datetime) -> LockHolderProcess:
        holder = LockHolderProcess(base, application, user, host, since)
        started.append(holder)
        return holder

    yield start
    for holder in started:
        if holder.process.poll() is None:
            holder.kill()


# -- a file open in another program, as Windows refuses to replace it ----------------------------------------------


@pytest.fixture
def hold_open(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """`hold_open(target)`: from then on, replacing `target` fails as it does on Windows while a PDF reader or
    Excel has the file open (a sharing violation, winerror 32)."""
    from ti_desktop.kernel import files

    held: set[Path] = set()
    real_replace = files.os.replace

    def replace(source: str, destination: str) -> None:
        if Path(destination) in held:
            error = PermissionError(13, "Le processus ne peut pas accéder au fichier car il est utilisé")
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        real_replace(source, destination)

    monkeypatch.setattr(files.os, "replace", replace)
    return held.add


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """The usual umask (022) would make new files 0644, readable by every user of the machine."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)
