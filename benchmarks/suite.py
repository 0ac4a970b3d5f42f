"""The measures of `python -m benchmarks`, one group per function; each runs in its own child process (started by
`__main__.py`) and returns its rows. Only stable public entry points of the package under test are used: the
`ti-desktop` CLI in child processes, `open_services` and `opened.services.*`, `GuiController`/`MainWindow.show_page`
and the plan page's widgets by objectName (`searchEdit`, `countLabel`), so the old and the new code run alike."""

from __future__ import annotations

import io
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bases import DEFAULT_SEED, TODAY, ensure_base
from common import Result, absent, run_child, settle, size_label, ti_desktop

HERE = Path(__file__).resolve().parent
PERIOD = ("01/01/2026", "30/06/2026")
FILTER_WORDS = ("friche", "campus", "batterie", "logistique")


@dataclass
class Context:
    cache: Path | None
    work: Path
    seed: int = DEFAULT_SEED
    server: str | None = None


Group = Callable[[int | None, int, Context], list[Result]]


# -- reports ---------------------------------------------------------------------------------------------------
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def report_command(base: Path, output: Path) -> list[str]:
    return ti_desktop("report", "--db", str(base), "--from", PERIOD[0], "--to", PERIOD[1], "-o", str(output))


def report(size: int | None, runs: int, context: Context) -> list[Result]:
    """`ti-desktop report` (child process: wall time, ru_maxrss); at 500 actions side by side, alternately, with
    LibreOffice headless converting the same plan's xlsx export to PDF (its own profile, warmed once)."""
    assert size is not None
    base = ensure_base(size, context.seed, context.cache)
    label = size_label(size)
    output = context.work / "rapport.pdf"
    run_child(report_command(base, output))  # warm the file cache; not counted
    office = soffice() if size == 500 else None
    walls: list[float] = []
    peaks: list[float] = []
    office_walls: list[float] = []
    ratios: list[float] = []
    convert: list[str] = []
    if office:
        xlsx = context.work / "plan.xlsx"
        run_child(ti_desktop("export", "--db", str(base), "--format", "xlsx", "-o", str(xlsx)))
        profile = context.work / "lo-profile"
        outdir = context.work / "lo-out"
        convert = [
            office,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(xlsx),
        ]
        run_child(convert)  # the first start builds the profile: warmed once
    for _ in range(runs):
        child = run_child(report_command(base, output))
        walls.append(child.seconds)
        peaks.append(child.peak_mb)
        if office:
            office_walls.append(run_child(convert).seconds)
            ratios.append(walls[-1] / office_walls[-1])
    memory_target = 150.0 if size <= 5_000 else None
    rows = [
        Result("report: `ti-desktop report` wall (child)", label, walls, "s", 3.0 if size == 5_000 else None),
        Result("report: `ti-desktop report` peak memory", label, peaks, "MB", memory_target, judged_on="max"),
    ]
    if size == 500:
        name = "report: LibreOffice xlsx→PDF wall (child)"
        ratio_name = "report ÷ LibreOffice wall, side by side"
        if office:
            rows.append(Result(name, label, office_walls, "s"))
            rows.append(Result(ratio_name, label, ratios, "×", 0.5))
        else:
            rows += [absent(name, label, "soffice absent"), absent(ratio_name, label, "soffice absent")]
    return rows


REPORT_START = """
import sys, time
start = time.perf_counter()
from pathlib import Path
from ti_desktop.kernel.clock import SystemClock
from ti_desktop.services.maintenance import open_services
opened = open_services(Path(sys.argv[1]), clock=SystemClock(), create=False)
opened.services.reports
print(time.perf_counter() - start)
opened.close()
"""


def report_start(size: int | None, runs: int, context: Context) -> list[Result]:
    """In a child process, the time to import `open_services`, open the base and reach `services.reports`:
    what the report command pays before any work (timed inside the child, interpreter start excluded)."""
    base = ensure_base(500, context.seed, context.cache)
    command = [sys.executable, "-c", REPORT_START, str(base)]
    run_child(command)
    values = [float(run_child(command).stdout.strip().splitlines()[-1]) for _ in range(runs)]
    return [Result("report start: import open_services + open base + .reports (child)", "500", values, "s", 0.3)]


def pdf_build(size: int | None, runs: int, context: Context) -> list[Result]:
    """In process: `reports.assemble`, then `build_progress_report(data, stream, None, [plan xlsx])` to memory,
    as `write_pdf` draws it."""
    assert size is not None
    from ti_desktop.domain.report_options import ReportOptions
    from ti_desktop.kernel.clock import FixedClock
    from ti_desktop.reports.pdf_data import XLSX_MIME, Attachment
    from ti_desktop.reports.progress import build_progress_report
    from ti_desktop.services.maintenance import open_services

    base = ensure_base(size, context.seed, context.cache)
    opened = open_services(base, clock=FixedClock.on(TODAY), create=False)
    try:
        reports = opened.services.reports
        territory = opened.services.territories.resolve(None).id
        options = ReportOptions(dt_date(PERIOD[0]), dt_date(PERIOD[1]))
        assembling: list[float] = []
        building: list[float] = []
        for run in range(runs + 1):  # the first run warms imports and caches
            start = time.perf_counter()
            data = reports.assemble(territory, options, TODAY)
            assembled = time.perf_counter()
            plan = Attachment("plan.xlsx", reports.plan_xlsx(territory), XLSX_MIME, "Le plan d'action")
            before = time.perf_counter()
            build_progress_report(data, io.BytesIO(), None, [plan])
            if run:
                assembling.append(assembled - start)
                building.append(time.perf_counter() - before)
    finally:
        opened.close()
    label = size_label(size)
    return [
        Result("report: services.reports.assemble (in process)", label, assembling, "s"),
        Result(
            "report: build_progress_report to memory (in process)", label, building, "s", 0.6 if size == 500 else None
        ),
    ]


def dt_date(text: str) -> Any:
    import datetime as dt

    day, month, year = (int(part) for part in text.split("/"))
    return dt.date(year, month, day)


def minutes(size: int | None, runs: int, context: Context) -> list[Result]:
    """`ti-desktop minutes` of the demo's first meeting (child process: wall time, ru_maxrss)."""
    demo = context.work / "demo.sqlite3"
    run_child(ti_desktop("demo", "--db", str(demo)))
    command = ti_desktop("minutes", "1", "--db", str(demo), "-o", str(context.work / "compte-rendu.pdf"))
    run_child(command)
    children = [run_child(command) for _ in range(runs)]
    return [
        Result("minutes: `ti-desktop minutes` wall (child)", "demo", [c.seconds for c in children], "s"),
        Result("minutes: `ti-desktop minutes` peak memory", "demo", [c.peak_mb for c in children], "MB"),
    ]


# -- start-up --------------------------------------------------------------------------------------------------
BARE_WINDOW = """
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
app.processEvents()
window.close()
"""


def startup(size: int | None, runs: int, context: Context) -> list[Result]:
    """Child processes, alternately: open the main window on the demo base and quit (startup_probe.py), and a
    bare PySide6 window doing the same (QApplication + QMainWindow.show + processEvents + quit)."""
    demo = context.work / "demo.sqlite3"
    run_child(ti_desktop("demo", "--db", str(demo)))
    profile = context.work / "probe"
    profile.mkdir(exist_ok=True)
    env = {"QT_QPA_PLATFORM": "offscreen"}
    app_command = [sys.executable, str(HERE / "startup_probe.py"), str(demo), str(profile)]
    bare_command = [sys.executable, "-c", BARE_WINDOW]
    run_child(app_command, env=env)  # first open: backup of the new base, file cache
    run_child(bare_command, env=env)
    app_walls, bare_walls, ratios = [], [], []
    for _ in range(runs):
        app_walls.append(run_child(app_command, env=env).seconds)
        bare_walls.append(run_child(bare_command, env=env).seconds)
        ratios.append(app_walls[-1] / bare_walls[-1])
    return [
        Result("start-up: main window on the demo, open + quit (child)", "demo", app_walls, "s"),
        Result("start-up: bare PySide6 window, open + quit (child)", "—", bare_walls, "s"),
        Result("start-up ÷ bare PySide6 window, side by side", "demo", ratios, "×", 4.0),
    ]


# -- the window at scale ---------------------------------------------------------------------------------------
def gui(size: int | None, runs: int, context: Context) -> list[Result]:
    """In process (offscreen): the real window (`GuiController.open`), opened on another page; then timed:
    `show_page(PlanPage)` until its count label shows the plan; a word set in the search field (`searchEdit`)
    until the count label (`countLabel`) shows the filtered count, and cleared again (every
    run counted: judged on the max), the search's typing pause set to zero; each key of a word typed, until idle;
    `show_page(DashboardPage)`, then `show_page(TimelinePage)`, until the events they posted are processed."""
    assert size is not None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

    from ti_desktop.app import GuiController
    from ti_desktop.gui.pages.dashboard import DashboardPage
    from ti_desktop.gui.pages.plan import PlanPage
    from ti_desktop.gui.pages.territory import TerritoryPage
    from ti_desktop.gui.pages.timeline import TimelinePage
    from ti_desktop.kernel.clock import FixedClock
    from ti_desktop.paths import UserDirs

    app = QApplication.instance() or QApplication([])
    base = ensure_base(size, context.seed, context.cache)
    folder = context.work / f"gui-{size}"
    folder.mkdir(exist_ok=True)
    settings = QSettings(str(folder / "reglages.ini"), QSettings.Format.IniFormat)

    def open_window() -> Any:
        controller = GuiController(UserDirs(folder, folder), settings, FixedClock.on(TODAY))
        if not controller.open(base):
            raise RuntimeError(f"the window could not open {base}")
        assert controller.window is not None
        controller.window.resize(1400, 900)
        settle()
        return controller

    # Warm-up: imports, file cache; it ends on the territory page, which the window remembers for the next opens.
    controller = open_window()
    controller.window.show_page(TerritoryPage)
    settle()
    controller.close()
    settle()

    opening: list[float] = []
    filtering: list[float] = []
    typing: list[float] = []
    timeline: list[float] = []
    dashboard: list[float] = []
    for _ in range(runs):
        controller = open_window()
        window = controller.window
        # A fresh window: the plan page has never been shown, its count label (empty in ui/plan.ui) is set once
        # the plan is shown; the page is found through show_page, whether the window built it before or not.
        start = time.perf_counter()
        plan = window.show_page(PlanPage)
        if plan is None:
            raise RuntimeError("the window has no plan page")
        count = plan.findChild(QLabel, "countLabel")
        search = plan.findChild(QLineEdit, "searchEdit")
        assert count is not None and search is not None
        settle(lambda count=count: bool(count.text()))
        opening.append((time.perf_counter() - start) * 1000)
        # Typing: each key of a word, timed until the window is idle again: with a debounced search a key costs
        # nothing but the field's echo, without it each key filters the whole plan (judged on the max).
        for key in FILTER_WORDS[0]:
            start = time.perf_counter()
            search.setText(search.text() + key)
            settle()
            typing.append((time.perf_counter() - start) * 1000)
        search.setText("")
        settle(lambda count=count: shown(count.text()) == size)
        # The filter itself, once typing has paused: a debounced search's pause (by design: it waits for the
        # user to stop typing) is set to zero, so what is timed is the query and the table shown, as before.
        pause = getattr(plan, "search_timer", None)
        if isinstance(pause, QTimer):
            pause.setInterval(0)
        for word in FILTER_WORDS:
            for text in (word, ""):
                before = count.text()
                start = time.perf_counter()
                search.setText(text)
                settle(lambda count=count, before=before: count.text() != before)
                filtering.append((time.perf_counter() - start) * 1000)
                if text and not 0 < shown(count.text()) < size:
                    # A search that finds nothing would be fast and false (an empty search index, say).
                    raise AssertionError(f"searching « {text} » shows {count.text()!r} of {size} actions")
        start = time.perf_counter()
        window.show_page(DashboardPage)
        settle()
        dashboard.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        window.show_page(TimelinePage)
        settle()
        timeline.append((time.perf_counter() - start) * 1000)
        window.show_page(TerritoryPage)
        settle()
        controller.close()
        settle()
    del app
    label = size_label(size)
    plan_target = {10_000: 300.0, 100_000: 1000.0}.get(size)
    filter_target = {10_000: 50.0, 100_000: 100.0}.get(size)
    return [
        Result("plan page: show_page until the rows are shown", label, opening, "ms", plan_target),
        Result("plan page: text filter, typing paused → filtered count", label, filtering, "ms", filter_target, "max"),
        Result("plan page: one key typed in the search, until idle", label, typing, "ms", filter_target, "max"),
        Result("dashboard: show_page until shown", label, dashboard, "ms", plan_target),
        Result("timeline: show_page until shown", label, timeline, "ms"),
    ]


def shown(label: str) -> int:
    """The first number of the plan's count label (« 52 action(s) affichée(s) sur 500 »), separators allowed."""
    found = re.search(r"\d[\d\s\u00a0\u202f]*", label)
    return int(re.sub(r"\D", "", found.group())) if found else -1


# -- exports ---------------------------------------------------------------------------------------------------
def export_cli(size: int | None, runs: int, context: Context) -> list[Result]:
    """`ti-desktop export --format xlsx` of the whole plan (child process: wall time, ru_maxrss)."""
    assert size is not None
    base = ensure_base(size, context.seed, context.cache)
    output = context.work / "plan.xlsx"
    command = ti_desktop("export", "--db", str(base), "--format", "xlsx", "-o", str(output))
    run_child(command)
    children = [run_child(command) for _ in range(runs)]
    label = size_label(size)
    big = size == 100_000
    return [
        Result(
            "export xlsx: `ti-desktop export` wall (child)",
            label,
            [c.seconds for c in children],
            "s",
            10.0 if big else None,
        ),
        Result(
            "export xlsx: `ti-desktop export` peak memory",
            label,
            [c.peak_mb for c in children],
            "MB",
            300.0 if big else None,
            "max",
        ),
    ]


def export_formats(size: int | None, runs: int, context: Context) -> list[Result]:
    """bench_export.py: `services.exports.export` in process, each format (target ≤ 3 s at 10,000 actions)."""
    assert size is not None
    import bench_export

    return bench_export.measure(ensure_base(size, context.seed, context.cache), size, runs, context.work)


# -- the other scripts -----------------------------------------------------------------------------------------
def database(size: int | None, runs: int, context: Context) -> list[Result]:
    import bench_database

    return bench_database.measure(runs, context.work)


def importing(size: int | None, runs: int, context: Context) -> list[Result]:
    import bench_import

    return bench_import.measure(runs, 5_000, context.work)


def consolidation(size: int | None, runs: int, context: Context) -> list[Result]:
    import bench_consolidation

    return bench_consolidation.measure(runs, 183, 100, 10, context.work)


def concurrent(size: int | None, runs: int, context: Context) -> list[Result]:
    import bench_concurrent

    return bench_concurrent.rows(context.server, 10_000, 10.0, context.work)


def shared(size: int | None, runs: int, context: Context) -> list[Result]:
    """bench_shared.py: the window on PostgreSQL as the owner and as edition roles ($TI_DESKTOP_BENCH_PG_URL)."""
    assert size is not None
    import bench_shared

    return bench_shared.measure(size, runs, context.work, context.seed, context.cache)


@dataclass(frozen=True)
class Benchmark:
    name: str
    group: Group
    # None: once, whatever the sizes; else the sizes it runs at, among those asked.
    sizes: Callable[[list[int]], list[int | None]]
    slow_at_100k: bool = False


def at_each(limit: int | None = None) -> Callable[[list[int]], list[int | None]]:
    return lambda sizes: [size for size in sizes if limit is None or size <= limit]


def once(sizes: list[int]) -> list[int | None]:
    return [None]


def report_sizes(sizes: list[int]) -> list[int | None]:
    """500 and 10,000 as asked, and 5,000 (the issue's 3 s target) when a big size is asked."""
    chosen: list[int | None] = [size for size in sizes if size <= 10_000]
    if max(sizes) >= 10_000 and 5_000 not in chosen:
        chosen.append(5_000)
    return sorted(chosen, key=lambda size: size or 0)


BENCHMARKS = (
    Benchmark("report", report, report_sizes),
    Benchmark("report-start", report_start, once),
    Benchmark("pdf-build", pdf_build, at_each(10_000)),
    Benchmark("minutes", minutes, once),
    Benchmark("startup", startup, once),
    Benchmark("gui", gui, at_each(), slow_at_100k=True),
    Benchmark("export", export_cli, at_each(), slow_at_100k=True),
    Benchmark("export-formats", export_formats, at_each(10_000)),
    Benchmark("database", database, once),
    Benchmark("import", importing, once),
    Benchmark("consolidation", consolidation, once),
    Benchmark("concurrent", concurrent, once),
    Benchmark("shared", shared, at_each(), slow_at_100k=True),
)


def growth(results: list[Result], small: int, big: int) -> list[Result]:
    """Derived rows: the big size's median ÷ the small size's, for the screens (target ≤ ×3)."""
    rows = []
    for name in (
        "plan page: show_page until the rows are shown",
        "plan page: text filter, typing paused → filtered count",
        "dashboard: show_page until shown",
    ):
        found = {r.size: r for r in results if r.name == name and r.values}
        low, high = found.get(size_label(small)), found.get(size_label(big))
        if low is None or high is None:
            continue
        title = f"growth {size_label(big)} ÷ {size_label(small)}: {name.split(':')[0]}"
        if "filter" in name:
            title += " filter"
        ratio = high.median / low.median
        rows.append(Result(title, f"{size_label(big)}/{size_label(small)}", [ratio], "×", 3.0, note="medians"))
    return rows


def temporary_work() -> Path:
    return Path(tempfile.mkdtemp(prefix="ti-bench-"))


def median_or_nan(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
