"""GUI responsiveness on a generated territory (issue 18's targets on 2-core machines): plan page opened
≤ 0.3 s at 10,000 actions (≤ 1 s at 100,000), text filter applied ≤ 50 ms (≤ 100 ms), max included, dashboard
opened ≤ 0.3 s (≤ 1 s); and start-up to a shown main window on the demo against a bare PySide6 window (≤ ×4).

The measures are `suite.gui` and `suite.startup` (what `python -m benchmarks` runs).
Run: `QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [--actions N] [--runs N]`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import print_results
from suite import Context, gui, startup


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        context = Context(cache=None, work=Path(folder))
        print_results([*gui(args.actions, args.runs, context), *startup(None, args.runs, context)])


if __name__ == "__main__":
    main()
