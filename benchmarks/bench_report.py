"""How long `ti-desktop report` takes, and its peak memory, on generated plans (target: 5,000 actions ≤ 3 s and
≤ 150 MB); at 500 actions side by side with LibreOffice converting the plan's xlsx export to PDF (when
`soffice` is installed): the report's wall time ≤ 0.5 × LibreOffice's.

Each run is a child process (wall time and ru_maxrss of that child); the measures are `suite.report`.
Run: `python benchmarks/bench_report.py [--runs N] [--sizes 500 5000]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import print_results
from suite import Context, report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 5000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        context = Context(cache=None, work=Path(folder))
        print_results([row for size in args.sizes for row in report(size, args.runs, context)])


if __name__ == "__main__":
    main()
