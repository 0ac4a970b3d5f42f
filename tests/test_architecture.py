"""The layering of DESIGN.md §3, enforced by the import-linter contracts of pyproject.toml."""

from __future__ import annotations

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
