"""Four writer processes editing a plan of 10,000 actions at once, on SQLite (WAL) and on PostgreSQL.

Each writer repeatedly reads a random action and saves a change based on the version it read (as the GUI
does): a save that meets someone else's newer version is refused (`ConcurrentEditError`) and counted as a
conflict detected, never as an overwrite. Printed per engine: edits per second (all writers), conflicts
detected, and the end check — every acknowledged edit is in the base (sum of the progress increments and
money total, compared with what the writers report).

Run: `python benchmarks/bench_concurrent.py [--seconds 10] [--actions 10000] [--server URL]`
(without --server, PostgreSQL is measured only when $TI_DESKTOP_TEST_DATABASE_URL names a server).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Result, absent

from ti_desktop.db import models
from ti_desktop.domain.errors import ConcurrentEditError, TiDesktopError
from ti_desktop.kernel.clock import SystemClock
from ti_desktop.services.maintenance import OpenDatabase, open_server_services, open_services

WRITERS = 4


def open_target(target: str) -> OpenDatabase:
    return (
        open_server_services(target, clock=SystemClock())
        if "://" in target
        else open_services(Path(target), clock=SystemClock())
    )


def populate(target: str, size: int) -> None:
    opened = open_target(target)
    try:
        territory = opened.services.territories.create(name="Territoire de mesure")
        axes = [axis.id for axis in opened.services.axes.available_to(territory.id)]
        now = opened.clock.now()  # bulk inserts bypass the session's timestamps
        with opened.database.sessions.begin() as session:
            session.execute(
                models.Action.__table__.insert(),
                [
                    {
                        "territory_id": territory.id,
                        "axis_id": axes[number % len(axes)],
                        "code": f"A-{number:05d}",
                        "title": f"Action {number}",
                        "status": "en_cours",
                        "priority": "moyenne",
                        "progress": 0,
                        "planned_budget": 0,
                        "version": 1,
                        "to_discuss": False,
                        "confidential": False,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for number in range(size)
                ],
            )
    finally:
        opened.close()


def writer(target: str, ids: list[int], seconds: float, seed: int, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    rng = random.Random(seed)
    opened = open_target(target)
    acknowledged = conflicts = failures = 0
    budget_added = Decimal(0)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            action = opened.services.actions.get(rng.choice(ids))
            try:
                opened.services.actions.update(
                    action.id,
                    expected_version=action.version,
                    progress=min(action.progress + 1, 99),
                    planned_budget=(action.planned_budget or Decimal(0)) + Decimal(10),
                )
            except ConcurrentEditError:
                conflicts += 1
                continue
            except TiDesktopError:  # busy base (SQLite's single writer): retried by the next loop
                failures += 1
                continue
            acknowledged += 1
            budget_added += Decimal(10)
    finally:
        opened.close()
    results.put((acknowledged, conflicts, failures, str(budget_added)))


def measure(target: str, size: int, seconds: float) -> float:
    """Edits per second of all writers (prints the details and the end check)."""
    populate(target, size)
    opened = open_target(target)
    ids = [action.id for action in opened.services.actions.list()]
    opened.close()
    # A small pool of hot actions makes conflicts happen, as two people on the same fiche would.
    hot = ids[:200]
    results: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    processes = [
        multiprocessing.Process(target=writer, args=(target, hot if n < 2 else ids, seconds, n, results))
        for n in range(WRITERS)
    ]
    start = time.monotonic()
    for process in processes:
        process.start()
    outcomes = [results.get() for _ in processes]
    for process in processes:
        process.join()
    elapsed = time.monotonic() - start
    acknowledged = sum(outcome[0] for outcome in outcomes)
    conflicts = sum(outcome[1] for outcome in outcomes)
    failures = sum(outcome[2] for outcome in outcomes)
    budget = sum((Decimal(outcome[3]) for outcome in outcomes), Decimal(0))
    opened = open_target(target)
    with opened.database.sessions() as session:
        stored_budget = Decimal(session.scalar(select(func.sum(models.Action.__table__.c.planned_budget))) or 0)
        stored_progress = int(session.scalar(select(func.sum(models.Action.progress))) or 0)
        versions = int(session.scalar(select(func.sum(models.Action.version - 1))) or 0)
        count = int(session.scalar(select(func.count()).select_from(models.Action)) or 0)
    opened.close()
    stored_euros = stored_budget  # the Money type gives euros back
    kind = "PostgreSQL" if "://" in target else "SQLite (WAL)"
    print(f"{kind:<13} {WRITERS} écrivains, {seconds:.0f} s, {count} actions :")
    print(f"  {acknowledged / elapsed:8.1f} modifications/s ({acknowledged} enregistrées)")
    print(f"  {conflicts:8d} conflits détectés (version dépassée), {failures} refus « base occupée »")
    lost = acknowledged - versions
    print(
        f"  contrôle : {versions} versions incrémentées pour {acknowledged} accusés de réception "
        f"(écart {lost}) ; budget {stored_euros} € pour {budget} € déclarés ; avancement cumulé {stored_progress}"
    )
    if lost != 0 or stored_euros != budget:
        raise SystemExit("ÉCHEC : une modification accusée manque ou une modification non accusée est présente.")
    return acknowledged / elapsed


def fresh_server_database(admin_url: str) -> str:
    name = f"ti_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    base = admin_url.rsplit("/", 1)[0]
    return f"{base}/{name}"


def rows(server: str | None, actions: int, seconds: float, work: Path) -> list[Result]:
    """`python -m benchmarks`: only with a server (SQLite and PostgreSQL side by side)."""
    label = f"{actions:,}".replace(",", " ")
    names = (f"concurrent: {WRITERS} writers, SQLite (WAL)", f"concurrent: {WRITERS} writers, PostgreSQL")
    if not server:
        return [absent(name, label, "no server (--server URL)") for name in names]
    sqlite = measure(str(work / "concurrent.sqlite3"), actions, seconds)
    postgres = measure(fresh_server_database(server), actions, seconds)
    return [Result(names[0], label, [sqlite], "edits/s"), Result(names[1], label, [postgres], "edits/s")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--server", default=os.environ.get("TI_DESKTOP_TEST_DATABASE_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        measure(str(Path(folder) / "bench.sqlite3"), args.actions, args.seconds)
    if args.server:
        measure(fresh_server_database(args.server), args.actions, args.seconds)
    else:
        print("PostgreSQL : non mesuré (--server URL ou $TI_DESKTOP_TEST_DATABASE_URL).")


if __name__ == "__main__":
    main()
