"""How long the foundation takes for what a user waits on: creating the demo, opening a database
(file checks + migration check), filtering the plan, computing the key figures.

Run: `python benchmarks/bench_database.py [--runs N]`. Prints medians (and min/max) over N runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.kernel.clock import SystemClock
from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.maintenance import check_database, open_services


def measure(label: str, runs: int, work: Callable[[], object]) -> None:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        timings.append((time.perf_counter() - start) * 1000)
    print(
        f"{label:<48} median {statistics.median(timings):8.1f} ms   "
        f"min {min(timings):8.1f}   max {max(timings):8.1f}   ({runs} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        counter = iter(range(10_000))

        def build_demo() -> None:
            opened = open_services(Path(folder) / f"demo-{next(counter)}.sqlite3", clock=SystemClock())
            create_demo_territory(opened.services)
            opened.close()

        measure("create a database + demo territory", runs, build_demo)
        path = Path(folder) / "demo-0.sqlite3"

        def open_close() -> None:
            open_services(path, clock=SystemClock()).close()

        measure("open an up-to-date database", runs, open_close)
        measure("check (integrity_check + counts)", runs, lambda: check_database(path))
        opened = open_services(path, clock=SystemClock())
        services = opened.services
        territory = services.territories.resolve(None)
        today = dt.date(2026, 11, 21)
        measure(
            "filter the plan (status + text)",
            runs * 5,
            lambda: services.actions.find(
                ActionFilter(territory.id, statuses=frozenset({ActionStatus.EN_COURS}), text="friche", today=today)
            ),
        )
        measure("key figures (plan summary)", runs * 5, lambda: services.summary.plan_summary(territory.id, today))
        action = next(a for a in services.actions.for_territory(territory.id) if a.status is ActionStatus.EN_COURS)
        progress = iter(range(1, 10_000))
        measure(
            "one committed edit (progress) + history",
            runs * 5,
            lambda: services.actions.update(action.id, progress=next(progress) % 99),
        )
        opened.close()


if __name__ == "__main__":
    main()
