"""The wheel carries resources/, migrations/ and the compiled forms, and the one locator finds them once installed
(wheel, checkout, PyInstaller bundle). Fast checks only: .ci/run builds the real wheel and bundle and runs
packaging/smoke_test.sh on both."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from ti_desktop.paths import bundled_path, resource_path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "ti-desktop.spec"


def shipped_files(folder: Path) -> set[str]:
    """Files of a source folder as the wheel names them, caches left out."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


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


def test_wheel_ships_every_bundled_file_and_the_compiled_forms(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("resources", "migrations"):
        expected = {f"ti_desktop/_data/{folder}/{name}" for name in shipped_files(ROOT / folder)}
        assert expected <= names, sorted(expected - names)
    forms = {f"ti_desktop/gui/forms/{name}" for name in shipped_files(ROOT / "ti_desktop" / "gui" / "forms")}
    assert any(name.endswith(".py") and "/ui_" in name for name in forms)
    assert forms <= names, sorted(forms - names)
    assert "ti_desktop/_data/resources/fonts/DejaVuSans.ttf" in names
    assert "ti_desktop/_data/resources/CHANGELOG.md" in names  # the About dialog's changelog
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)


def test_wheel_metadata_has_the_version_the_command_and_the_packaging_extra(wheel: Path) -> None:
    with open(ROOT / "pyproject.toml", "rb") as stream:
        project = tomllib.load(stream)["project"]
    archive = zipfile.ZipFile(wheel)
    dist_info = f"ti_desktop-{project['version']}.dist-info"
    metadata = archive.read(f"{dist_info}/METADATA").decode("utf-8")
    assert f"\nVersion: {project['version']}\n" in metadata
    assert "Provides-Extra: packaging" in metadata
    assert "ti-desktop = ti_desktop.cli:main" in archive.read(f"{dist_info}/entry_points.txt").decode("utf-8")


def test_locator_prefers_the_pyinstaller_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The layout packaging/ti-desktop.spec gives the bundle: sys._MEIPASS/ti_desktop/_data/<name>."""
    for name in ("resources", "migrations"):
        (tmp_path / "ti_desktop" / "_data" / name).mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert bundled_path("resources") == tmp_path / "ti_desktop" / "_data" / "resources"
    assert bundled_path("migrations") == tmp_path / "ti_desktop" / "_data" / "migrations"
    spec = SPEC.read_text(encoding="utf-8")
    assert 'prefix=f"ti_desktop/_data/{name}"' in spec
    assert 'for name in ("resources", "migrations")' in spec


def test_spec_hidden_imports_exist() -> None:
    """Modules the spec names for the analysis (migrations import them at run time) are still importable."""
    block = re.search(r"^hidden_imports = \[(.*?)^\]", SPEC.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    assert block is not None
    modules = re.findall(r'^\s*"([\w.]+)",', block.group(1), re.MULTILINE)
    assert "alembic.op" in modules and "alembic.context" in modules
    for module in modules:
        assert importlib.util.find_spec(module) is not None, module


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize("script", ["build.sh", "smoke_test.sh"])
def test_packaging_scripts_parse(script: str) -> None:
    result = subprocess.run(["bash", "-n", str(PACKAGING / script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


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


def test_the_windows_program_is_long_path_aware() -> None:
    """ti-desktop.exe gets our manifest (longPathAware: paths over 260 characters where Windows allows them), in
    a form PyInstaller accepts. Whether Windows honours it is checked by packaging/build.ps1 on Windows."""
    spec = SPEC.read_text(encoding="utf-8")
    assert 'PACKAGING / "windows" / "ti-desktop.exe.manifest"' in spec and "manifest=manifest," in spec
    manifest = (PACKAGING / "windows" / "ti-desktop.exe.manifest").read_bytes()
    assert re.search(rb"<longPathAware [^>]*>true</longPathAware>", manifest)
    winmanifest = pytest.importorskip("PyInstaller.utils.win32.winmanifest")
    embedded = winmanifest.create_application_manifest(manifest)
    assert re.search(rb"<longPathAware [^>]*>true</longPathAware>", embedded)
    assert b'level="asInvoker"' in embedded and b"Microsoft.Windows.Common-Controls" in embedded
