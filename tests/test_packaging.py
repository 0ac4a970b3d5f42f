"""The wheel carries resources/ and migrations/, and the one locator finds them once installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ti_desktop.paths import bundled_path, resource_path

ROOT = Path(__file__).resolve().parent.parent


def test_locator_finds_bundled_data_in_the_checkout() -> None:
    assert (bundled_path("migrations") / "env.py").is_file()
    assert resource_path("demo", "territoire-demo.json").is_file()
    with pytest.raises(FileNotFoundError):
        bundled_path("nothing-of-that-name")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from hatchling.builders.wheel import WheelBuilder

    out = tmp_path_factory.mktemp("wheel")
    return Path(next(iter(WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"]))))


def test_wheel_contains_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ti_desktop/_data/resources/demo/territoire-demo.json" in names
    assert "ti_desktop/_data/migrations/env.py" in names
    assert "ti_desktop/_data/migrations/versions/0001_initial.py" in names
    assert any(name.endswith("entry_points.txt") for name in names)


def test_installed_wheel_runs_demo_and_check(wheel: Path, tmp_path: Path) -> None:
    """Unpacked away from the checkout, the package finds its data under ti_desktop/_data."""
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    env = {**os.environ, "PYTHONPATH": str(target)}
    db = tmp_path / "plan.sqlite3"
    where = subprocess.run(
        [sys.executable, "-c", "import ti_desktop.paths as p; print(p.bundled_path('migrations'))"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip() == str(target / "ti_desktop" / "_data" / "migrations")
    for args in (["demo", "--db", str(db)], ["check", "--json", "--db", str(db)]):
        result = subprocess.run(
            [sys.executable, "-m", "ti_desktop", *args], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["counts"]["actions"] >= 32
