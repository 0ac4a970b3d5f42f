"""The layering of docs/ARCHITECTURE.md, enforced by the import-linter contracts of pyproject.toml."""

from __future__ import annotations

import inspect
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


def test_headless_layers_do_not_load_qt() -> None:
    """Importing everything below the GUI (and the command line) never loads PySide6."""
    code = (
        "import sys, ti_desktop.cli, ti_desktop.services.registry, ti_desktop.services.demo, "
        "ti_desktop.services.maintenance, ti_desktop.services.import_columns, ti_desktop.services.locking, "
        "ti_desktop.services.database_errors; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# What must never leave the services: a session, its maker, or a live ORM row (ti_desktop.db.models).
_LEAKS = ("Session", "sessionmaker", "models.", "ti_desktop.db", "Engine", "Connection")


def _annotation_text(function: Any, annotation: Any) -> str:
    """An annotation as text; a type variable (`ModelT`) stands for its bound (`Base`: an ORM row)."""
    import re

    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", repr(annotation))
    names = getattr(inspect.unwrap(function), "__globals__", {})
    for word in re.findall(r"\w+", text):
        variable = names.get(word)
        if isinstance(variable, TypeVar) and variable.__bound__ is not None:
            bound = variable.__bound__
            text += f" ({word}: {bound.__module__}.{bound.__qualname__})"
    return text


def _takes_a_session(function: Any) -> bool:
    return any(
        "Session" in _annotation_text(function, parameter.annotation)
        for parameter in inspect.signature(function).parameters.values()
    )


def _leaks(owner: object) -> list[str]:
    found = []
    for name, function in inspect.getmembers(type(owner), inspect.isfunction):
        if name.startswith("_") or _takes_a_session(function):
            # A method that takes a Session is a step of a transaction another service owns (the demo, the
            # import): only code that already holds a session (services) can call it.
            continue
        returned = _annotation_text(function, inspect.signature(function).return_annotation)
        if any(leak in returned for leak in _LEAKS):
            found.append(f"{type(owner).__name__}.{name} -> {returned}")
    return found


def _services() -> Any:
    from sqlalchemy.orm import sessionmaker

    from ti_desktop.services.registry import Services

    from .clock import fixed_clock

    return Services(sessionmaker(), fixed_clock())


def test_no_service_hands_out_a_session_or_an_orm_row() -> None:
    """Services are use cases: what the GUI and the command line receive from them are records, never a session,
    a sessionmaker or a live ORM object (the use case owns its transaction)."""
    from sqlalchemy.orm import Session, sessionmaker

    services = _services()
    exposed = services.every_use_case()
    assert [name for name, value in exposed.items() if isinstance(value, (Session, sessionmaker))] == []
    found = _leaks(services)
    for value in exposed.values():
        if value is not None and type(value).__module__.startswith("ti_desktop.services"):
            found += _leaks(value)
    attachments = services.attachments_in(ROOT / "pieces-jointes")
    assert found + _leaks(attachments) == []


def test_the_leak_test_sees_a_leak() -> None:
    from sqlalchemy.orm import Session

    from ti_desktop.db import models

    class Leaky:
        def session(self) -> Session:
            raise NotImplementedError

        def row(self, action_id: int) -> models.Action:
            raise NotImplementedError

        def rows_in(self, session: Session) -> list[models.Action]:  # a transaction step: allowed
            raise NotImplementedError

    assert _leaks(Leaky()) == ["Leaky.row -> models.Action", "Leaky.session -> Session"]


def test_only_the_lifecycle_module_builds_services() -> None:
    """`Services(...)` is built in services/maintenance.py (`open_services`), which only the composition roots
    (ti_desktop.app and ti_desktop.cli) import (an import-linter contract keeps it out of the GUI)."""
    import ast

    builders = []
    for path in sorted((ROOT / "ti_desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Services":
                builders.append(path.relative_to(ROOT).as_posix())
    assert sorted(set(builders)) == ["ti_desktop/services/maintenance.py"]


# Calls that read the machine's clock (Python's and Qt's). Only ti_desktop/kernel/clock.py makes them: everything
# else receives a Clock from the composition root, or a date.
CLOCK_READS = {
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
    ("time", "strftime"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentMSecsSinceEpoch"),
    ("QDateTime", "currentSecsSinceEpoch"),
    ("QTime", "currentTime"),
}


def _clock_reads(path: Path) -> list[str]:
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
        # time.gmtime(t) / localtime(t) / strftime(fmt, t) convert a given moment: only a call without it reads now.
        reads_now = not (name == "time" and node.func.attr in ("gmtime", "localtime", "ctime") and node.args)
        if (name, node.func.attr) in CLOCK_READS and reads_now:
            where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
            found.append(f"{where}:{node.lineno} {name}.{node.func.attr}()")
    return found


def test_only_the_clock_module_reads_the_machine_clock() -> None:
    """Time is an input: the composition roots build a SystemClock; no other code of the application, its
    migrations or its tools asks the machine what day it is (the hook of a libfaketime run would not catch a
    path the tests do not take; this reading does)."""
    allowed = {ROOT / "ti_desktop" / "kernel" / "clock.py"}
    sources = [
        *(ROOT / "ti_desktop").rglob("*.py"),
        *(ROOT / "migrations").rglob("*.py"),
        *(ROOT / "tools").glob("*.py"),
    ]
    found = [read for path in sorted(sources) if path not in allowed for read in _clock_reads(path)]
    assert found == []


def test_the_clock_reading_test_sees_a_clock_read() -> None:
    sample = ROOT / "tests" / "data" / "clock_reads_sample.py.txt"
    assert [read.split(" ", 1)[1] for read in _clock_reads(sample)] == [
        "date.today()",
        "datetime.now()",
        "time.time()",
        "QDate.currentDate()",
    ]


def test_no_code_cites_a_file_outside_the_repository() -> None:
    """Comments and docstrings point to docs/ARCHITECTURE.md, never to notes a newcomer cannot open."""
    outside = re.compile(r"DESIGN\.md|ENVIRONMENT\.md|\.\./shared/")
    cited = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("ti_desktop", "tests", "tools", "benchmarks", "migrations", "packaging")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if outside.search(line) and path != Path(__file__)
    ]
    assert cited == []
    assert (ROOT / "docs" / "ARCHITECTURE.md").is_file()


def test_pages_and_dialogs_are_given_the_use_cases_they_declare() -> None:
    """The window's shared context holds no registry of use cases: each page takes the use cases it needs
    through its constructor, typed by a protocol of services/use_cases.py pieces (which the composition
    root's `Services` satisfies)."""
    import inspect
    import typing

    from ti_desktop.gui.context import AppContext
    from ti_desktop.gui.main_window import MainWindow
    from ti_desktop.gui.pages.dashboard import DashboardPage
    from ti_desktop.gui.pages.diagnostic import DiagnosticPage
    from ti_desktop.gui.pages.directory import DirectoryPage
    from ti_desktop.gui.pages.meetings import MeetingsPage
    from ti_desktop.gui.pages.plan import PlanPage
    from ti_desktop.gui.pages.reports import ReportsPage
    from ti_desktop.gui.pages.territory import TerritoryPage
    from ti_desktop.gui.pages.timeline import TimelinePage
    from ti_desktop.services.registry import Services

    assert "services" not in inspect.signature(AppContext).parameters
    assert not hasattr(AppContext, "services")
    pages = [DashboardPage, TerritoryPage, DiagnosticPage, PlanPage, TimelinePage, MeetingsPage, DirectoryPage]
    for front in [*pages, ReportsPage, MainWindow]:
        needs = typing.get_type_hints(front.__init__)["services"]
        assert getattr(needs, "_is_protocol", False), f"{front.__name__} takes {needs}, not a protocol"
        assert needs is not Services
        declared = {name for base in needs.__mro__ for name in getattr(base, "__annotations__", {})}
        assert declared, f"{front.__name__} declares no use case"
        offered = set(re.findall(r"^        self\.(\w+)\b", inspect.getsource(Services.__init__), re.M))
        offered |= set(Services.__annotations__)  # the use cases built on first use
        assert declared <= offered | {"attachments_in"}, f"{front.__name__}: {declared - offered}"
