"""Pay only for what you use: each command, and the window, loads the heavy libraries its work needs and no
other (pandas for reading a spreadsheet, reportlab for a PDF, alembic when the schema changes…).

Each case runs in a fresh child process (a process's imports are its whole history) that runs the command and
prints the top-level modules it ended with."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ti_desktop.cli import main
from ti_desktop.paths import UserDirs

ROOT = Path(__file__).resolve().parent.parent

# What is watched: the libraries whose import costs a user something (PySide6.QtCharts: a Qt module of its own;
# PySide6: the command line never needs Qt).
HEAVY = frozenset(
    {
        "alembic",
        "jsonschema",
        "openpyxl",
        "pandas",
        "pypdf",
        "python_calamine",
        "reportlab",
        "PySide6",
        "PySide6.QtCharts",
    }
)

RUNNER = """
import json, sys
from pathlib import Path

folder = Path(sys.argv[1])
args = sys.argv[2:]
if args[:1] == ["window"]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ti_desktop.app import GuiController
    from ti_desktop.kernel.clock import clock_from_environment
    from ti_desktop.paths import UserDirs

    app = QApplication([])
    settings = QSettings(str(folder / "fenetre.ini"), QSettings.Format.IniFormat)
    if args[1:]:  # the page the window reopens on (its row in the navigation), as a previous session left it
        settings.setValue("fenetre/page", int(args[1]))
    controller = GuiController(UserDirs(folder, folder), settings, clock_from_environment())
    assert controller.open(folder / "base.sqlite3"), "the window did not open"
    app.processEvents()
    controller.close()
else:
    from ti_desktop.cli import main
    from ti_desktop.paths import UserDirs

    code = main(args, UserDirs(folder, folder))
    assert code == 0, f"exit {code}"
loaded = set(sys.modules)
print(json.dumps(sorted({name.split(".")[0] for name in loaded} | (loaded & {"PySide6.QtCharts"}))))
"""


@dataclass(frozen=True)
class Inputs:
    base: Path  # the demo territory
    plan: Path  # its plan, exported (xlsx)
    report: Path  # its progress report (PDF), as a Région receives it


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Inputs:
    folder = tmp_path_factory.mktemp("inputs")
    dirs = UserDirs(folder, folder)
    base = folder / "demo.sqlite3"
    assert main(["demo", "--db", str(base)], dirs) == 0
    assert main(["export", "--db", str(base), "-o", str(folder / "plan.xlsx")], dirs) == 0
    assert main(["report", "--db", str(base), "-o", str(folder / "rapport.pdf")], dirs) == 0
    return Inputs(base, folder / "plan.xlsx", folder / "rapport.pdf")


def loaded_by(args: list[str], folder: Path) -> set[str]:
    """The heavy modules a fresh process holds after running `args` on `folder`'s copy of the demo base."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TI_DESKTOP_NOW": "2026-06-15T10:00:00"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(folder), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1])) & HEAVY


def prepared(inputs: Inputs, tmp_path: Path) -> Path:
    shutil.copyfile(inputs.base, tmp_path / "base.sqlite3")
    return tmp_path / "base.sqlite3"


# (case, command after `--db BASE`, what it must load, what it must not)
CASES: list[tuple[str, list[str], set[str]]] = [
    ("check", ["check"], set()),
    ("backup", ["backup", "-o", "copie.sqlite3"], set()),
    # reportlab writes the data the PDF carries as it saves it: no pypdf to write a PDF
    ("report", ["report", "-o", "rapport.pdf"], {"reportlab"}),
    ("minutes", ["minutes", "1", "-o", "cr.pdf"], {"reportlab"}),
    ("export", ["export", "-o", "plan.xlsx"], set()),
    ("export-csv", ["export", "-o", "plan.csv"], set()),
    ("import", ["import", "{plan}", "--dry-run"], {"python_calamine"}),  # the spreadsheet reader
    ("consolidate", ["consolidate", "{report}"], {"jsonschema", "pypdf"}),
]


@pytest.mark.parametrize(("command", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_command_loads_only_what_its_work_needs(
    inputs: Inputs, tmp_path: Path, command: list[str], expected: set[str]
) -> None:
    base = prepared(inputs, tmp_path)
    shown = [part.format(plan=inputs.plan, report=inputs.report) for part in command]
    assert loaded_by([shown[0], "--db", str(base), *shown[1:]], tmp_path) == expected


def test_a_new_base_migrates_with_alembic_and_loads_nothing_else(tmp_path: Path) -> None:
    assert loaded_by(["demo", "--db", str(tmp_path / "demo.sqlite3")], tmp_path) == {"alembic"}
    assert loaded_by(["init", "--db", str(tmp_path / "vide.sqlite3"), "--name", "Vide"], tmp_path) == {"alembic"}


def test_an_old_base_is_migrated_with_alembic(tmp_path: Path) -> None:
    base = tmp_path / "base.sqlite3"
    shutil.copyfile(ROOT / "tests" / "data" / "schema-0001_initial.sqlite3", base)
    assert loaded_by(["check", "--db", str(base)], tmp_path) == set()  # reading its revision is enough
    assert "alembic" in loaded_by(["consolidate", "--db", str(base), "--list"], tmp_path)


def test_the_window_opens_without_any_heavy_library(inputs: Inputs, tmp_path: Path) -> None:
    prepared(inputs, tmp_path)
    assert loaded_by(["window"], tmp_path) - {"PySide6.QtCharts"} == {"PySide6"}


def test_a_window_reopened_on_the_plan_never_loads_the_charts(inputs: Inputs, tmp_path: Path) -> None:
    """QtCharts is the dashboard chart's, built after the dashboard's first paint
    (tests/gui/test_dashboard.py): a window that opens on another page does not load it."""
    prepared(inputs, tmp_path)
    assert loaded_by(["window", "3"], tmp_path) == {"PySide6"}  # row 3: Plan d'action
