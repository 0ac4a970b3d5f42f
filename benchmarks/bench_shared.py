"""The window on a shared base (PostgreSQL), as the schema owner and as `edition` roles under issue 19's
row-level security: plan page open, text filter (a common word and a rare one, typing paused → count), one key
typed, dashboard open. Targets: issue 18's, on the server too (plan page ≤ 1 s, filter and key ≤ 100 ms,
dashboard ≤ 1 s at 100,000 actions); the ratios role ÷ owner say what the access rights cost.

The server is named by $TI_DESKTOP_BENCH_PG_URL (a role that may create databases and roles, e.g.
`postgresql+psycopg://postgres@127.0.0.1:5432/postgres`); without it, or with no server answering, the rows say
so and nothing fails. Each generated SQLite base (benchmarks/bases.py) is copied once into its own database,
`ti_bench_<size>_<schema>` (the app's copy between engines, `maintenance.copy_between`, as its owner
`ti_bench_owner`), with a second, small territory and two roles: `ti_bench_un` (edition on the generated
territory) and `ti_bench_tous` (edition on both); the copy is kept for the next runs (built under another name,
then renamed: a half-made copy is never used).

Run: `TI_DESKTOP_BENCH_PG_URL=... QT_QPA_PLATFORM=offscreen python benchmarks/bench_shared.py [--actions N]
[--runs N]`, or `python -m benchmarks --only shared`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bases import DEFAULT_SEED, TODAY, base_path, ensure_base, schema_key
from common import Result, absent, print_results, settle, size_label

SERVER_VAR = "TI_DESKTOP_BENCH_PG_URL"
OWNER = "ti_bench_owner"
ROLES = {"ti_bench_un": "edition, 1 territoire", "ti_bench_tous": "edition, tous les territoires"}
OTHER_TERRITORY = "Territoire voisin (mesure)"
COMMON_WORD = "friche"  # in four actions in ten (benchmarks/bases.py's words)
# (name, targets by size, judged on): on the server the filter's own time has no target (a common word is most
# of a second at 100,000); what must hold is that it never blocks typing (the keys' rows).
MEASURES = (
    ("plan page: show_page until the rows are shown", {10_000: 300.0, 100_000: 1000.0}, "median"),
    ("plan page: text filter, common word, typing paused → count", {}, "max"),
    ("plan page: text filter, rare word, typing paused → count", {}, "max"),
    ("plan page: one key typed in the search, until idle", {10_000: 100.0, 100_000: 100.0}, "max"),
    ("plan page: one key typed while a common word is searched, until idle", {10_000: 100.0, 100_000: 100.0}, "max"),
    ("dashboard: show_page until shown", {10_000: 300.0, 100_000: 1000.0}, "median"),
)


def rare_word(size: int) -> str:
    """The code of one action of the generated base (« a-005000 »): one match."""
    return f"a-{size // 2:06d}"


def database_name(size: int, seed: int) -> str:
    return re.sub(r"[^a-z0-9_]", "_", f"ti_bench_{size}_s{seed}_{schema_key()}".lower())[:63]


def quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def server_reachable(url: str) -> str | None:
    """None when the server answers, else why not (in the row's note)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        return f"serveur injoignable ({type(error).__name__})"
    finally:
        engine.dispose()
    return None


def url_for(admin_url: str, role: str, database: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(admin_url).set(username=role, password=None, database=database).render_as_string(False)


def ensure_copy(admin_url: str, size: int, seed: int, cache: Path | None) -> tuple[str, str]:
    """The server database holding the generated base of `size` actions (copied first if absent) and the name
    of its generated territory."""
    from sqlalchemy import create_engine, text

    from ti_desktop.kernel.clock import FixedClock
    from ti_desktop.services.maintenance import copy_between, open_server_services

    territory = f"Territoire de {size} actions"  # bases.py's
    name = database_name(size, seed)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            roles = {row[0] for row in connection.execute(text("SELECT rolname FROM pg_roles"))}
            for role in (OWNER, *ROLES):
                if role not in roles:
                    connection.execute(text(f"CREATE ROLE {quoted(role)} LOGIN"))
            found = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
            if found is not None:
                return name, territory
            building = f"{name[:50]}_b{os.getpid()}"
            connection.execute(text(f"DROP DATABASE IF EXISTS {quoted(building)}"))
            connection.execute(text(f"CREATE DATABASE {quoted(building)} OWNER {quoted(OWNER)}"))
        source = ensure_base(size, seed, cache)
        assert source == base_path(size, seed, cache)
        clock = FixedClock.on(TODAY)
        start = time.perf_counter()
        copy_between(source, url_for(admin_url, OWNER, building), clock)
        owner = create_engine(url_for(admin_url, OWNER, building), isolation_level="AUTOCOMMIT")
        try:
            with owner.connect() as connection:
                # A base in use has its statistics (autovacuum): without them the first queries are planned blind.
                connection.execute(text("ANALYZE"))
        finally:
            owner.dispose()
        opened = open_server_services(url_for(admin_url, OWNER, building), clock=clock)
        try:
            services = opened.services
            services.territories.create_empty(OTHER_TERRITORY)
            services.access.grant("ti_bench_un", territory, "edition")
            for each in (territory, OTHER_TERRITORY):
                services.access.grant("ti_bench_tous", each, "edition")
        finally:
            opened.close()
        with admin.connect() as connection:
            connection.execute(text(f"ALTER DATABASE {quoted(building)} RENAME TO {quoted(name)}"))
        print(f"base of {size_label(size)} copied to {name} ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    finally:
        admin.dispose()
    return name, territory


def measure_window(url: str, territory: str, size: int, runs: int, work: Path) -> dict[str, list[float]]:
    """The real window (`GuiController.open_server`) on the generated territory: each measure, `runs` times."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
    from suite import shown

    from ti_desktop.app import GuiController
    from ti_desktop.gui.pages.dashboard import DashboardPage
    from ti_desktop.gui.pages.plan import PlanPage
    from ti_desktop.gui.pages.territory import TerritoryPage
    from ti_desktop.kernel.clock import FixedClock
    from ti_desktop.paths import UserDirs

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="shared-", dir=work))
    settings = QSettings(str(folder / "reglages.ini"), QSettings.Format.IniFormat)

    def open_window() -> Any:
        controller = GuiController(UserDirs(folder, folder), settings, FixedClock.on(TODAY))
        if not controller.open_server(url):
            raise RuntimeError(f"the window could not open {url}")
        window = controller.window
        window.resize(1400, 900)
        selector = window.territory_selector
        selector.setCurrentIndex(selector.findText(territory))  # the generated one (remembered next time)
        settle()
        return controller

    controller = open_window()  # warm-up: imports, the server's caches; it ends on the territory page
    controller.window.show_page(TerritoryPage)
    settle()
    controller.close()
    settle()
    values: dict[str, list[float]] = {name: [] for name, _targets, _judged in MEASURES}
    names = [name for name, _targets, _judged in MEASURES]
    for _ in range(runs):
        controller = open_window()
        window = controller.window
        start = time.perf_counter()
        plan = window.show_page(PlanPage)
        count = plan.findChild(QLabel, "countLabel")
        search = plan.findChild(QLineEdit, "searchEdit")
        settle(lambda count=count: bool(count.text()))
        values[names[0]].append((time.perf_counter() - start) * 1000)
        for key in COMMON_WORD:
            start = time.perf_counter()
            search.setText(search.text() + key)
            settle()
            values[names[3]].append((time.perf_counter() - start) * 1000)
        search.setText("")
        settle(lambda count=count: shown(count.text()) == size)
        pause = getattr(plan, "search_timer", None)
        if isinstance(pause, QTimer):
            pause.setInterval(0)
        for word, name in ((COMMON_WORD, names[1]), (rare_word(size), names[2])):
            for text in (word, ""):
                before = count.text()
                start = time.perf_counter()
                search.setText(text)
                settle(lambda count=count, before=before: count.text() != before)
                if text:
                    values[name].append((time.perf_counter() - start) * 1000)
                    if not 0 < shown(count.text()) < size:
                        raise AssertionError(f"searching « {text} » shows {count.text()!r} of {size} actions")
        # A key typed while a common word is searched (the search started, not answered): what the user feels.
        for _ in range(3):
            search.setText("")
            settle(lambda count=count: shown(count.text()) == size)
            search.setText(COMMON_WORD[:-1])  # « frich »: as common
            QCoreApplication.processEvents()  # the search's pause (zero) ends: the search starts
            start = time.perf_counter()
            search.setText(COMMON_WORD)
            settle()
            values[names[4]].append((time.perf_counter() - start) * 1000)
            settle(lambda count=count: 0 < shown(count.text()) < size)
        search.setText("")
        settle(lambda count=count: shown(count.text()) == size)
        start = time.perf_counter()
        window.show_page(DashboardPage)
        settle()
        values[names[5]].append((time.perf_counter() - start) * 1000)
        window.show_page(TerritoryPage)
        settle()
        controller.close()
        settle()
    del app
    return values


def measure(size: int, runs: int, work: Path, seed: int = DEFAULT_SEED, cache: Path | None = None) -> list[Result]:
    label = size_label(size)
    admin_url = os.environ.get(SERVER_VAR)
    why = f"pas de PostgreSQL (${SERVER_VAR})" if not admin_url else server_reachable(admin_url)
    if why is not None or admin_url is None:
        return [absent(f"shared: {name}", label, why or "") for name, _targets, _judged in MEASURES]
    database, territory = ensure_copy(admin_url, size, seed, cache)
    identities = {OWNER: "propriétaire", **ROLES}
    measured: dict[str, dict[str, list[float]]] = {role: {} for role in identities}
    for _ in range(runs):  # side by side: one run of each identity in turn, the server's noise shared alike
        for role in identities:
            once = measure_window(url_for(admin_url, role, database), territory, size, 1, work)
            for name, found in once.items():
                measured[role].setdefault(name, []).extend(found)
    rows: list[Result] = []
    for name, targets, judged in MEASURES:
        for role, who in identities.items():
            rows.append(Result(f"shared ({who}): {name}", label, measured[role][name], "ms", targets.get(size), judged))
    for name, _targets, _judged in MEASURES:
        owner = measured[OWNER][name]
        for role, who in ROLES.items():
            ratio = [r / o for r, o in zip(measured[role][name], owner, strict=False) if o > 0]
            rows.append(Result(f"shared: {who} ÷ propriétaire, {name}", label, ratio, "×", note="run by run"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print_results(measure(args.actions, args.runs, Path(folder)))


if __name__ == "__main__":
    main()
