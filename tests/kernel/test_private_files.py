"""The privacy helpers of kernel/files.py: 0600 files, 0700 folders where POSIX modes exist, nothing on Windows
(there os.chmod only sets the read-only flag, and the profile folder's ACLs keep other users out)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ti_desktop.kernel import files
from ti_desktop.kernel.files import (
    PRIVATE_DIR_MODE,
    PRIVATE_FILE_MODE,
    create_private_file,
    make_private,
    private_folder,
    write_atomically,
)

from ..file_modes import mode

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX modes; on Windows the profile's ACLs apply")
pytestmark = pytest.mark.usefixtures("permissive_umask")  # tests/conftest.py: the usual umask, 022


@posix_only
def test_private_folder_makes_the_folders_it_creates_private_and_leaves_the_others(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    folder = private_folder(tmp_path / "donnees" / "pieces-jointes" / "12")
    assert folder.is_dir()
    assert mode(tmp_path / "donnees") == mode(tmp_path / "donnees" / "pieces-jointes") == mode(folder) == 0o700
    assert mode(tmp_path) == 0o755  # not created here: left as it was
    assert private_folder(folder) == folder  # already there: no error


@posix_only
def test_create_private_file_is_private_at_once_and_leaves_an_existing_file(tmp_path: Path) -> None:
    new = tmp_path / "plan.sqlite3"
    assert create_private_file(new) is True
    assert mode(new) == PRIVATE_FILE_MODE and new.read_bytes() == b""
    existing = tmp_path / "ancien.sqlite3"
    existing.write_bytes(b"contenu")
    existing.chmod(0o644)
    assert create_private_file(existing) is False
    assert mode(existing) == 0o644 and existing.read_bytes() == b"contenu"


@posix_only
def test_a_writer_that_replaces_its_temporary_file_still_gives_a_private_result(tmp_path: Path) -> None:
    """Some writers (a library saving a workbook) remove the temporary file and create a new one (umask)."""

    def recreate(temporary: Path) -> None:
        temporary.unlink()
        temporary.write_bytes(b"classeur")

    output = write_atomically(tmp_path / "plan.xlsx", recreate)
    assert mode(output) == PRIVATE_FILE_MODE


@posix_only
def test_make_private_on_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "sauvegardes"
    folder.mkdir(mode=0o755)
    make_private(folder)
    assert mode(folder) == PRIVATE_DIR_MODE


def test_on_windows_nothing_is_chmoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows os.chmod(path, 0o600) would only touch the read-only flag: the guard skips it altogether."""
    calls: list[object] = []
    monkeypatch.setattr(files, "has_posix_modes", lambda: False)  # os.name itself is read by pathlib: not patched
    monkeypatch.setattr(os, "chmod", lambda *args, **kwargs: calls.append(args))
    private_folder(tmp_path / "donnees")
    create_private_file(tmp_path / "donnees" / "plan.sqlite3")
    make_private(tmp_path / "donnees" / "plan.sqlite3")

    def write(path: Path) -> None:
        path.write_bytes(b"Code;Intitule\r\n")

    write_atomically(tmp_path / "plan.csv", write)
    assert calls == []
    assert (tmp_path / "plan.csv").read_bytes() == b"Code;Intitule\r\n"
