"""The layering of docs/ARCHITECTURE.md, enforced by the import-linter contracts of pyproject.toml."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_headless_layers_do_not_load_qt() -> None:
    """Importing everything below the GUI (and the command line) never loads PySide6."""
    code = (
        "import sys, ti_desktop.cli, ti_desktop.services.registry, ti_desktop.services.demo, "
        "ti_desktop.services.maintenance; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


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
