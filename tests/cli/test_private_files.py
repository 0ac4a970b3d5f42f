"""Issue 19, item 5: what the application writes on the user's disk is readable by its owner only (0600 files,
0700 folders it creates), whatever the umask. POSIX only: on Windows permission bits do not keep other users
out (os.chmod only sets the read-only flag); the user's profile folder's ACLs do, and nothing is changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ti_desktop.paths import UserDirs, backups_dir_for

from ..file_modes import mode
from .conftest import Run

pytestmark = [
    pytest.mark.skipif(
        os.name != "posix", reason="POSIX modes; on Windows the profile folder's ACLs keep the files private"
    ),
    pytest.mark.usefixtures("permissive_umask"),  # tests/conftest.py: new files would be 0644 without the app's care
]


def test_a_new_base_its_sidecars_backups_and_exports_are_private(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "plan.sqlite3"
    code, _, err = run("demo", "--db", str(db))
    assert code == 0, err
    assert mode(db) == 0o600
    for sidecar in (Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
        if sidecar.exists():  # SQLite gives them the base's own mode
            assert mode(sidecar) == 0o600, sidecar

    code, _, err = run("backup", "--db", str(db))
    assert code == 0, err
    folder = backups_dir_for(db)
    assert mode(folder) == 0o700
    backups = [path for path in folder.iterdir() if path.is_file()]
    assert backups and all(mode(path) == 0o600 for path in backups)

    for name in ("plan.xlsx", "plan.csv"):
        code, _, err = run("export", "--db", str(db), "-o", str(tmp_path / name))
        assert code == 0, err
        assert mode(tmp_path / name) == 0o600, name
    code, _, err = run("report", "--db", str(db), "-o", str(tmp_path / "rapport.pdf"))
    assert code == 0, err
    assert mode(tmp_path / "rapport.pdf") == 0o600


def test_an_export_over_a_readable_file_makes_it_private(run: Run, demo_db: Path, tmp_path: Path) -> None:
    output = tmp_path / "plan.xlsx"
    output.write_bytes(b"ancien")
    output.chmod(0o644)
    code, _, err = run("export", "--db", str(demo_db), "-o", str(output))
    assert code == 0, err
    assert mode(output) == 0o600


def test_the_default_data_folder_is_created_private(run: Run, user_dirs: UserDirs) -> None:
    code, _, err = run("demo")
    assert code == 0, err
    assert mode(user_dirs.default_database.parent) == 0o700
    assert mode(user_dirs.default_database) == 0o600


def test_an_existing_base_keeps_its_mode(run: Run, tmp_path: Path) -> None:
    """A base already there may be shared on purpose (a group's folder): opening it does not change its mode."""
    db = tmp_path / "plan.sqlite3"
    code, _, err = run("demo", "--db", str(db))
    assert code == 0, err
    db.chmod(0o640)
    code, _, err = run("check", "--db", str(db))
    assert code == 0, err
    assert mode(db) == 0o640
