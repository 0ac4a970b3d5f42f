"""How long `ti-desktop report` takes, and its peak memory, for 100, 1,000 and 5,000 actions.

Each run is a child process (`ti-desktop report`, annex off): wall time and ru_maxrss of that child.
Target: 1,000 actions ≤ 3 s and ≤ 400 MB. Run: `python benchmarks/bench_report.py [--runs N] [--sizes 100 1000]`.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from large_plan import build_large_plan


def ti_desktop_command() -> list[str]:
    script = Path(sys.executable).with_name("ti-desktop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ti_desktop"]


def run_once(database: Path, output: Path, annex: bool) -> tuple[float, float]:
    """(seconds, peak MB) of one child process."""
    command = [*ti_desktop_command(), "report", "--db", str(database), "--from", "01/01/2026", "-o", str(output)]
    if annex:
        command.append("--annex")
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"report failed: {process.stderr.read().decode() if process.stderr else ''}")
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024 / 1024
    return elapsed, peak_mb


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument("--annex", action="store_true", help="also measure with the annex (one page per action)")
    args = parser.parse_args()
    assert resource  # ru_maxrss comes from os.wait4's rusage
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            database = Path(folder) / f"plan-{size}.sqlite3"
            build_large_plan(database, size)
            for annex in (False, True) if args.annex else (False,):
                runs = [run_once(database, Path(folder) / f"rapport-{size}.pdf", annex) for _ in range(args.runs)]
                times = [seconds for seconds, _mb in runs]
                peak = max(mb for _seconds, mb in runs)
                pages = (Path(folder) / f"rapport-{size}.pdf").read_bytes().count(b"/Type /Page\n")
                print(
                    f"{size:>6} actions{' + annexe' if annex else '':<9} median {statistics.median(times):6.2f} s   "
                    f"min {min(times):6.2f}   max {max(times):6.2f}   peak {peak:6.0f} MB   ({args.runs} runs)"
                    + (f"   {pages} pages" if pages else "")
                )


if __name__ == "__main__":
    main()
