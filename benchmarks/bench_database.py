"""How long the foundation takes for what a user waits on: creating the demo, opening a database
(file checks + migration check), filtering the plan, computing the key figures.

Run: `python benchmarks/bench_database.py [--runs N]`. Prints medians (and min/max) over N runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Result, print_results, timed_runs


def measure(runs: int, folder: Path) -> list[Result]:
    from ti_desktop.domain.enums import ActionStatus
    from ti_desktop.domain.filters import ActionFilter
    from ti_desktop.kernel.clock import SystemClock
    from ti_desktop.services.demo import create_demo_territory
    from ti_desktop.services.maintenance import check_database, open_services

    results: list[Result] = []

    def timed(label: str, count: int, work: Callable[[], object]) -> None:
        results.append(Result(f"database: {label}", "demo", timed_runs(count, work, 1000), "ms"))

    counter = iter(range(10_000))

    def build_demo() -> None:
        opened = open_services(folder / f"demo-{next(counter)}.sqlite3", clock=SystemClock())
        create_demo_territory(opened.services)
        opened.close()

    timed("create a database + demo territory", runs, build_demo)
    path = folder / "demo-0.sqlite3"

    def open_close() -> None:
        open_services(path, clock=SystemClock()).close()

    timed("open an up-to-date database", runs, open_close)
    timed("check (integrity_check + counts)", runs, lambda: check_database(path))
    opened = open_services(path, clock=SystemClock())
    services = opened.services
    territory = services.territories.resolve(None)
    today = dt.date(2026, 11, 21)
    timed(
        "filter the plan (status + text)",
        runs * 5,
        lambda: services.actions.find(
            ActionFilter(territory.id, statuses=frozenset({ActionStatus.EN_COURS}), text="friche", today=today)
        ),
    )
    timed("key figures (plan summary)", runs * 5, lambda: services.summary.plan_summary(territory.id, today))
    action = next(a for a in services.actions.for_territory(territory.id) if a.status is ActionStatus.EN_COURS)
    progress = iter(range(1, 10_000))
    timed(
        "one committed edit (progress) + history",
        runs * 5,
        lambda: services.actions.update(action.id, progress=next(progress) % 99),
    )
    opened.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        print_results(measure(runs, Path(folder)))


if __name__ == "__main__":
    main()
