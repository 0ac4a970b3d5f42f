"""How long exporting a plan takes, to xlsx, csv and a TeT workbook (target: ≤ 3 s each at 10,000 actions).

The base is a generated one (`bases.py`: 1–3 funding lines and 1–2 milestones per action, one sub-action in
ten, one confidential action in fifty). Each run is `services.exports.export` in this process (reading the
base included). `python -m benchmarks` runs it too; the CLI's xlsx export (wall and memory of a child process)
is measured there.

Run: `python benchmarks/bench_export.py [--actions 10000] [--runs 5]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bases import TODAY, ensure_base
from common import Result, print_results, size_label, timed_runs

TARGET_SECONDS = 3.0


def measure(base: Path, size: int, runs: int, work: Path) -> list[Result]:
    from ti_desktop.kernel.clock import FixedClock
    from ti_desktop.services.exporting import ExportFormat
    from ti_desktop.services.maintenance import open_services

    opened = open_services(base, clock=FixedClock.on(TODAY), create=False)
    results = []
    try:
        services = opened.services
        territory = services.territories.resolve(None).id
        for fmt in ExportFormat:
            output = work / f"plan-{fmt.value}.{'csv' if fmt is ExportFormat.CSV else 'xlsx'}"
            services.exports.export(territory, fmt, output)  # warm-up
            values = timed_runs(runs, lambda fmt=fmt, output=output: services.exports.export(territory, fmt, output))
            target = TARGET_SECONDS if size == 10_000 else None
            name = f"export {fmt.value}: services.exports.export (in process)"
            results.append(Result(name, size_label(size), values, "s", target))
    finally:
        opened.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print_results(measure(ensure_base(args.actions), args.actions, args.runs, Path(folder)))


if __name__ == "__main__":
    main()
