"""What every benchmark shares: a measured row (runs, target, verdict), the one table they print (text or
Markdown), and child processes of the package under test (`sys.executable -m ti_desktop`, inheriting
PYTHONPATH, so the same runner measures whichever checkout PYTHONPATH names)."""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Result:
    """One row: `values` of several runs in `unit` ("s", "ms", "MB", "×" or "edits/s"); `target` in that unit."""

    name: str
    size: str
    values: list[float]
    unit: str
    target: float | None = None
    # "median": the median must meet the target; "max": every run must (the filter's "max included").
    judged_on: str = "median"
    note: str = ""
    higher_is_better: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    def verdict(self) -> str:
        if self.target is None or not self.values:
            return "—"
        judged = max(self.values) if self.judged_on == "max" else self.median
        if self.higher_is_better:
            return "ok" if judged >= self.target else "LENT"
        return "ok" if judged <= self.target else "LENT"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Result:
        return cls(**data)


def absent(name: str, size: str, reason: str) -> Result:
    """A row that could not be measured here (no soffice, no server): says why instead of failing."""
    return Result(name, size, [], "", note=reason)


def size_label(size: int | None) -> str:
    return "—" if size is None else f"{size:,}".replace(",", " ")


def number(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "×":
        return f"×{value:.2f}"
    return f"{value:.1f} {unit}".strip()


def target_text(result: Result) -> str:
    if result.target is None:
        return "—"
    sign = "≥" if result.higher_is_better else "≤"
    text = f"{sign} {number(result.target, result.unit)}"
    return text + " (max)" if result.judged_on == "max" else text


HEADERS = ("benchmark", "size", "median", "min", "max", "runs", "target", "verdict")


def cells(result: Result) -> list[str]:
    if not result.values:
        return [result.name, result.size, result.note or "—", "—", "—", "0", target_text(result), "—"]
    name = f"{result.name} ({result.note})" if result.note else result.name
    return [
        name,
        result.size,
        number(result.median, result.unit),
        number(min(result.values), result.unit),
        number(max(result.values), result.unit),
        str(len(result.values)),
        target_text(result),
        result.verdict(),
    ]


def text_table(results: Sequence[Result]) -> str:
    rows = [list(HEADERS), *(cells(result) for result in results)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADERS))]
    lines = []
    for index, row in enumerate(rows):
        lines.append(
            "  ".join(
                cell.ljust(width) if column < 2 else cell.rjust(width)
                for column, (cell, width) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(results: Sequence[Result]) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "|".join(["---", "---:", *["---:"] * 5, "---"]) + "|"]
    for result in results:
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells(result)) + " |")
    return "\n".join(lines)


def print_results(results: Sequence[Result]) -> None:
    print(text_table(results))


def timed_runs(runs: int, work: Callable[[], object], scale: float = 1.0) -> list[float]:
    """`runs` wall times of `work()` (seconds × `scale`)."""
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        values.append((time.perf_counter() - start) * scale)
    return values


def ti_desktop(*arguments: str) -> list[str]:
    """A `ti-desktop` command line of the package under test (PYTHONPATH decides which one)."""
    return [sys.executable, "-m", "ti_desktop", *arguments]


def package_root() -> Path | None:
    """The folder holding the ti_desktop under test: the first PYTHONPATH entry that has one, else the one this
    process imports (an installed or editable package). Never the current folder by accident: `python -m` and
    `python -c` put it first in sys.path, so children run from a neutral folder with this root on PYTHONPATH."""
    for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep):
        if entry and (Path(entry) / "ti_desktop" / "__init__.py").is_file():
            return Path(entry).resolve()
    spec = importlib.util.find_spec("ti_desktop")
    return Path(spec.origin).resolve().parent.parent if spec is not None and spec.origin else None


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, **(extra or {})}
    root = package_root()
    if root is not None:
        env["PYTHONPATH"] = os.pathsep.join(part for part in (str(root), env.get("PYTHONPATH", "")) if part)
    return env


@dataclass
class ChildRun:
    seconds: float
    peak_mb: float
    stdout: str


def run_child(command: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> ChildRun:
    """Run `command` on the package under test (from a neutral folder unless `cwd`), its wall time and
    ru_maxrss (MB); raises with its stderr when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(env),
        cwd=cwd or tempfile.gettempdir(),
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    out = process.stdout.read().decode(errors="replace") if process.stdout else ""
    err = process.stderr.read().decode(errors="replace") if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{err[-3000:]}")
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    return ChildRun(seconds, usage.ru_maxrss / divisor, out)


def settle(until: Callable[[], bool] | None = None, timeout: float = 120.0) -> None:
    """Process Qt events until `until()` holds, then three passes more (what it shows is then laid out and
    painted: an answer from a worker thread arrives in a late pass, its paint must count too), no worker thread
    left. For the GUI benchmarks (PySide6 loaded here, not by the others)."""
    from PySide6.QtCore import QCoreApplication, QThreadPool

    deadline = time.perf_counter() + timeout
    passes = 0
    while True:
        QCoreApplication.processEvents()
        done = until() if until is not None else True
        passes = passes + 1 if done else 0
        if done and passes >= 3 and QThreadPool.globalInstance().activeThreadCount() == 0:
            return
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not show the expected result in time")
        if not done:
            time.sleep(0.0005)
