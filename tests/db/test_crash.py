"""SIGKILL at random moments: no acknowledged edit is lost, no half edit is ever visible.

A worker process (crash_worker.py) commits edits through the services and prints "ack N" after each
commit returned; the test kills it at a random moment (a seeded RNG: the seed is printed, set
TI_DESKTOP_CRASH_SEED to replay the same delays), 20 times on the same base, then checks the file as
the next start of the application would find it. The same for an import of 5,000 actions: all or nothing.
"""

from __future__ import annotations

import contextlib
import os
import queue
import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from ti_desktop.db.sqlite_file import quick_check
from ti_desktop.services.maintenance import open_services

from ..clock import fixed_clock, pause
from ..sessions import sessions_of

WORKER = Path(__file__).with_name("crash_worker.py")
TERRITORY = "Territoire des pannes de courant"  # as in crash_worker.py
KILLS = 20
IMPORTED = 5_000
STARTUP_TIMEOUT = 60.0  # seconds for the worker to say "ready" (a slow CI machine, imports cold)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")


def crash_seed() -> int:
    chosen = os.environ.get("TI_DESKTOP_CRASH_SEED")
    seed = int(chosen) if chosen else random.SystemRandom().randrange(1_000_000)
    print(f"crash test seed: {seed} (TI_DESKTOP_CRASH_SEED={seed} replays the same kill delays)")
    return seed


# --- the worker process ---------------------------------------------------------------------------------


@dataclass
class Worker:
    """A running crash_worker.py whose output lines are collected by a thread as they arrive."""

    process: subprocess.Popen[str]
    lines: queue.Queue[str | None] = field(default_factory=queue.Queue)
    seen: list[str] = field(default_factory=list)
    stderr: str = ""

    @classmethod
    def start(cls, *arguments: str) -> Worker:
        process = subprocess.Popen(
            [sys.executable, str(WORKER), *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        worker = cls(process)
        threading.Thread(target=worker._read, daemon=True).start()
        return worker

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.endswith("\n"):  # a line cut by the kill is no acknowledgement
                self.lines.put(line.strip())
        self.lines.put(None)

    def wait_for(self, predicate: str | tuple[str, ...], timeout: float = STARTUP_TIMEOUT) -> str:
        """The first line starting with `predicate` (lines before it are kept in `seen`)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                self.kill()
                raise AssertionError(f"the worker did not say {predicate!r} in {timeout} s: {self.seen[-5:]}") from None
            if line is None:
                self.process.wait()
                self.stderr = self._stderr()
                raise AssertionError(f"the worker ended before {predicate!r}: {self.seen[-5:]}\n{self.stderr}")
            self.seen.append(line)
            if line.startswith(predicate):
                return line

    def kill(self) -> None:
        """SIGKILL, then every line it wrote before dying (what was acknowledged)."""
        self.process.kill()
        self.process.wait()
        while (line := self.lines.get(timeout=30)) is not None:
            self.seen.append(line)
        self.stderr = self._stderr()

    def _stderr(self) -> str:
        assert self.process.stderr is not None
        text = self.process.stderr.read()
        self.process.stderr.close()
        assert self.process.stdout is not None
        self.process.stdout.close()
        return text

    def acknowledged(self) -> list[int]:
        return [int(line.split()[1]) for line in self.seen if line.startswith("ack ")]


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()


# --- what a crash may and may not leave -----------------------------------------------------------------


def check_edits(path: Path, acknowledged: list[int], before: int) -> int:
    """Every acknowledged edit is there, whole; at most the one being committed is there unacknowledged;
    nothing half-written. Returns the number of edits in the base."""
    assert quick_check(path, full=True) == "ok"
    opened = open_services(path, create=False, user="verification", clock=fixed_clock())  # as the next start of the app
    try:
        services = opened.services
        (territory,) = [t for t in services.territories.list() if t.name == TERRITORY]
        actions = {a.code or "": a for a in services.actions.list(territory_id=territory.id)}
        funding = {line.action_id: line for line in services.funding.list()}
        funding_count = len(services.funding.list())
        with sessions_of(services)() as session:
            log = session.connection().exec_driver_sql(
                "SELECT entity, field, new_value FROM change_log WHERE entity IN ('action', 'funding_line', "
                "'territory')"
            )
            logged = [tuple(row) for row in log]
    finally:
        opened.close()

    count = len(actions)
    # Edits are numbered from 0 in commit order: the base holds exactly 0 … count-1, none missing.
    assert sorted(actions) == [f"CR-{n:06d}" for n in range(count)]
    assert count >= before, "edits committed by an earlier run disappeared"
    if acknowledged:
        # The worker went on from where the base was, one number per commit.
        assert acknowledged == list(range(before, acknowledged[-1] + 1))
        assert count > acknowledged[-1], f"acknowledged edit {acknowledged[-1]} lost (base holds {count})"
        # At most one commit went through without the worker living long enough to say so.
        assert count <= acknowledged[-1] + 2
    else:
        assert count <= before + 1
    # Whole edits: each action with its funding line, the territory's counter on the last one, the history.
    assert funding_count == count
    for n in range(count):
        action = actions[f"CR-{n:06d}"]
        assert action.title == f"Édition n° {n}" and action.progress == n % 100
        assert action.description is not None and len(action.description) > 4000
        assert funding[action.id].amount_requested == Decimal(n) + Decimal("0.01")
    assert territory.summary == f"compteur {count - 1}"
    assert sum(1 for entity, changed, _ in logged if entity == "action" and changed is None) == count
    assert sum(1 for entity, changed, _ in logged if entity == "funding_line" and changed is None) == count
    counters = sorted(int(new.split()[1]) for entity, changed, new in logged if changed == "summary")
    assert counters == list(range(count))
    return count


def test_sigkill_at_random_moments_loses_no_acknowledged_edit(tmp_path: Path) -> None:
    seed = crash_seed()
    rng = random.Random(seed)
    path = tmp_path / "plan.sqlite3"
    count = 0
    started = time.monotonic()
    for run in range(KILLS):
        worker = Worker.start(str(path))
        # Most kills land in the editing loop; some while the base is being opened (recovery, checks).
        while_opening = run > 0 and rng.random() < 0.15
        if while_opening:
            worker.wait_for("opening")
            pause(rng.uniform(0.0, 0.05))
        else:
            worker.wait_for("ready")
            pause(rng.uniform(0.0, 0.25))
        worker.kill()
        context = f"run {run} (seed {seed}): worker said {worker.seen[-3:]}"
        assert worker.process.returncode == -9, f"{context}; the worker was not killed but ended:\n{worker.stderr}"
        acknowledged = worker.acknowledged()
        try:
            count = check_edits(path, acknowledged, count)
        except AssertionError as error:
            raise AssertionError(f"{context}: {error}") from error
    print(f"{KILLS} kills, {count} edits committed, {time.monotonic() - started:.1f} s")
    assert count > KILLS, "the worker hardly ever committed: the kills did not land in the editing loop"


def test_sigkill_while_a_new_base_is_created(tmp_path: Path) -> None:
    """The very first start, killed while the file is created and its schema written: the next start works."""
    seed = crash_seed()
    rng = random.Random(seed)
    for attempt in range(3):
        path = tmp_path / f"nouvelle-{attempt}.sqlite3"
        worker = Worker.start(str(path))
        worker.wait_for("opening")
        # Measured here: the schema is written between ~20 and ~100 ms after "opening", edits follow.
        pause(rng.uniform(0.05 * attempt, 0.05 * (attempt + 1)))
        worker.kill()
        assert worker.process.returncode == -9, worker.stderr
        opened = open_services(path, user="verification", clock=fixed_clock())  # a new start on what is left
        try:
            with opened.database.sessions() as session:
                axes = session.connection().exec_driver_sql("SELECT count(*) FROM axes").scalar()
            assert axes == 4, f"attempt {attempt} (seed {seed}): the seeded axes are missing"
        finally:
            opened.close()
        assert quick_check(path, full=True) == "ok"


# --- an import of 5,000 actions, killed --------------------------------------------------------------------


AXES = ("Innovation", "Compétences", "Foncier", "Transition écologique")


def write_plan(path: Path) -> None:
    lines = ["Code;Axe;Intitulé;Financeur;Montant demandé (€)"]
    lines += [f"IMP-{n:05d};{AXES[n % 4]};Action importée n° {n};Région;{1000 + n} €" for n in range(IMPORTED)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def imported_counts(path: Path) -> tuple[int, int]:
    with read_only(path) as connection:
        actions = connection.execute("SELECT count(*) FROM actions WHERE code LIKE 'IMP-%'").fetchone()[0]
        funding = connection.execute(
            "SELECT count(*) FROM funding_lines JOIN actions ON actions.id = funding_lines.action_id "
            "WHERE actions.code LIKE 'IMP-%'"
        ).fetchone()[0]
    return actions, funding


@pytest.fixture
def base_to_import_into(tmp_path: Path) -> Path:
    path = tmp_path / "plan.sqlite3"
    opened = open_services(path, user="claire.martin", clock=fixed_clock())
    territory = opened.services.territories.create(name="Vallée de l'Orne industrielle")
    axis = next(a.id for a in opened.services.axes.available_to(territory.id) if a.code == "INN")
    opened.services.actions.create(territory_id=territory.id, axis_id=axis, title="Action d'avant l'import")
    opened.close()
    return path


def test_sigkill_during_an_import_of_5000_actions_is_all_or_nothing(base_to_import_into: Path, tmp_path: Path) -> None:
    """Killed inside the import's transaction (the worker stops there, so the kill cannot come late): nothing
    of the import is visible. Killed while SQLite commits it: all of it or nothing."""
    path = base_to_import_into
    plan = tmp_path / "plan de 5000 actions.csv"
    write_plan(plan)
    for step in (1000, 9000):  # early; late, when most rows are written and pages have spilled to the WAL
        worker = Worker.start(str(path), "--import", str(plan), str(step))
        worker.wait_for("start")
        worker.wait_for("paused")
        wal = Path(f"{path}-wal")
        print(f"step {step}: -wal holds {wal.stat().st_size if wal.exists() else 0} bytes at the kill")
        worker.kill()
        assert worker.process.returncode == -9, worker.stderr
        assert quick_check(path, full=True) == "ok"
        assert imported_counts(path) == (0, 0), f"killed at step {step} of the import's transaction"

    worker = Worker.start(str(path), "--import", str(plan))
    worker.wait_for("start")
    worker.wait_for("commit")
    worker.kill()
    assert worker.process.returncode == -9 or "done" in worker.seen, worker.stderr
    assert quick_check(path, full=True) == "ok"
    written = imported_counts(path)
    print(f"killed while committing: {written[0]} actions, {written[1]} funding lines written")
    assert written in ((0, 0), (IMPORTED, IMPORTED)), f"a partial import is visible: {written}"
    if "done" in worker.seen:
        assert written == (IMPORTED, IMPORTED)  # the kill came after the commit: fine, but all of it

    opened = open_services(path, create=False, user="verification", clock=fixed_clock())  # the base opens and works
    try:
        territory = opened.services.territories.resolve(None)
        titles = [a.title for a in opened.services.actions.list(territory_id=territory.id)]
        assert "Action d'avant l'import" in titles
        if imported_counts(path) == (0, 0):  # the user imports again, and this time it goes through
            result = opened.services.imports.apply(territory.id, plan)
            assert result.actions_created == IMPORTED
    finally:
        opened.close()
    assert imported_counts(path) == (IMPORTED, IMPORTED)
    assert quick_check(path, full=True) == "ok"
