"""Forms compiled from ui/*.ui are committed; a stale one (the .ui changed, not the .py) fails here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = sorted((ROOT / "ui").glob("*.ui"))


def uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if found is None:
        pytest.fail("pyside6-uic is missing: install the test dependencies")
    return found


@pytest.mark.parametrize("ui_file", UI_FILES, ids=[path.name for path in UI_FILES])
def test_committed_form_matches_its_ui_source(ui_file: Path) -> None:
    committed = ROOT / "ti_desktop" / "gui" / "forms" / f"ui_{ui_file.stem}.py"
    assert committed.is_file(), f"{committed.name} is missing: run pyside6-uic {ui_file.name}"
    generated = subprocess.run([uic(), str(ui_file)], capture_output=True, text=True, check=True).stdout

    def body(text: str) -> list[str]:
        # The header names the uic version and the source path: not part of the form.
        return [line for line in text.splitlines() if not line.startswith("##")]

    assert body(committed.read_text(encoding="utf-8")) == body(generated), (
        f"{committed.name} is stale: regenerate it with pyside6-uic ui/{ui_file.name} -o {committed.relative_to(ROOT)}"
    )
