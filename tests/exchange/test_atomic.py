"""Atomic writes: the previous file survives any failure, no temporary file is left, errors are French."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from ti_desktop.exchange import atomic
from ti_desktop.exchange.atomic import ExportWriteError, write_atomically


def write_text(text: str):  # type: ignore[no-untyped-def]
    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    return write


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_new_file_is_written_with_the_usual_permissions(tmp_path: Path) -> None:
    output = write_atomically(tmp_path / "plan.csv", write_text("Code;Intitulé\r\n"))
    assert output == (tmp_path / "plan.csv").absolute()
    assert output.read_bytes() == "Code;Intitulé\r\n".encode()
    assert stat.S_IMODE(output.stat().st_mode) == 0o644 & ~current_umask()
    assert [path.name for path in tmp_path.iterdir()] == ["plan.csv"]


def test_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    output = tmp_path / "plan.csv"
    output.write_text("ancien")
    output.chmod(0o600)
    write_atomically(output, write_text("nouveau"))
    assert output.read_text() == "nouveau"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600


def test_a_failing_writer_leaves_the_previous_file_byte_identical(tmp_path: Path) -> None:
    output = tmp_path / "plan.xlsx"
    previous = b"PK\x03\x04 previous workbook \x00\xff"
    output.write_bytes(previous)

    def half_then_crash(path: Path) -> None:
        path.write_bytes(b"PK partial")
        raise RuntimeError("writer bug")

    with pytest.raises(RuntimeError, match="writer bug"):
        write_atomically(output, half_then_crash)
    assert output.read_bytes() == previous
    assert [path.name for path in tmp_path.iterdir()] == ["plan.xlsx"]


def test_a_full_disk_is_a_french_error_and_the_previous_file_survives(tmp_path: Path) -> None:
    output = tmp_path / "plan.xlsx"
    output.write_bytes(b"previous")

    def disk_full(path: Path) -> None:
        path.write_bytes(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportWriteError) as raised:
        write_atomically(output, disk_full)
    assert raised.value.message == f"Impossible d'écrire « {output} » : le disque est plein."
    assert output.read_bytes() == b"previous"
    assert [path.name for path in tmp_path.iterdir()] == ["plan.xlsx"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    output = tmp_path / "absent" / "plan.xlsx"
    with pytest.raises(ExportWriteError) as raised:
        write_atomically(output, write_text("x"))
    assert raised.value.message == (
        f"Le dossier « {tmp_path / 'absent'} » n'existe pas : « plan.xlsx » n'a pas été écrit."
    )


def test_a_folder_given_as_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportWriteError, match="est un dossier"):
        write_atomically(tmp_path, write_text("x"))


def test_a_folder_without_write_permission_is_a_french_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refused)
    with pytest.raises(ExportWriteError) as raised:
        write_atomically(tmp_path / "plan.xlsx", write_text("x"))
    assert raised.value.message == (
        f"Impossible d'écrire « plan.xlsx » : vous n'avez pas le droit d'écrire dans le dossier « {tmp_path} »."
    )


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_is_refused_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportWriteError, match="pas le droit d'écrire dans le dossier"):
            write_atomically(folder / "plan.xlsx", write_text("x"))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_locked_target_is_explained_and_the_temporary_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows a workbook open in Excel cannot be replaced: os.replace raises PermissionError."""
    output = tmp_path / "plan.xlsx"
    output.write_bytes(b"open in Excel")

    def locked(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(ExportWriteError, match="ouvert dans un autre programme"):
        write_atomically(output, write_text("new"))
    assert output.read_bytes() == b"open in Excel"
    assert [path.name for path in tmp_path.iterdir()] == ["plan.xlsx"]


def test_the_temporary_file_is_hidden_and_beside_the_target(tmp_path: Path) -> None:
    seen: list[Path] = []

    def remember(path: Path) -> None:
        seen.append(path)
        path.write_text("x")

    write_atomically(tmp_path / "plan.xlsx", remember)
    assert seen[0].parent == tmp_path.absolute()
    assert seen[0].name.startswith(".plan.xlsx.") and seen[0].name.endswith(".tmp")
