"""Atomic writes of the files a user keeps: the previous file survives any failure, no temporary file is left, errors
are French and say what and where. Windows' refusals (a file open in a PDF reader or Excel, a path too long) are
simulated: `os.replace` raising `PermissionError` with the `winerror` Windows sets."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from ti_desktop.kernel import files
from ti_desktop.kernel.files import FileWriteError, copy_atomically, free_name_beside, write_atomically


def write_text(text: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    return write


def windows_refusal(winerror: int) -> Callable[[object, object], None]:
    """What `os.replace` does on Windows onto a file another program holds open (32, 33) or denies (5)."""

    def replace(_source: object, _target: object) -> None:
        error = PermissionError(errno.EACCES, "Le processus ne peut pas accéder au fichier")
        error.winerror = winerror  # type: ignore[attr-defined]  # set by Windows itself there
        raise error

    return replace


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes; on Windows the profile folder's ACLs keep files private")
def test_a_new_file_is_written_private(tmp_path: Path) -> None:
    output = write_atomically(tmp_path / "plan.csv", write_text("Code;Intitulé\r\n"))
    assert output == (tmp_path / "plan.csv").absolute()
    assert output.read_bytes() == "Code;Intitulé\r\n".encode()
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["plan.csv"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes; on Windows the profile folder's ACLs keep files private")
def test_replacing_a_readable_file_makes_it_private(tmp_path: Path) -> None:
    output = tmp_path / "plan.csv"
    output.write_text("ancien")
    output.chmod(0o644)
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

    with pytest.raises(FileWriteError) as raised:
        write_atomically(output, disk_full)
    assert raised.value.message == f"Impossible d'écrire « plan.xlsx » dans « {tmp_path} » : le disque est plein."
    assert not raised.value.other_name_may_work
    assert output.read_bytes() == b"previous"
    assert [path.name for path in tmp_path.iterdir()] == ["plan.xlsx"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    output = tmp_path / "absent" / "plan.xlsx"
    with pytest.raises(FileWriteError) as raised:
        write_atomically(output, write_text("x"))
    assert raised.value.message == (
        f"Le dossier « {tmp_path / 'absent'} » n'existe pas : « plan.xlsx » n'a pas été écrit."
    )
    with pytest.raises(FileWriteError) as raised:
        write_atomically(output, write_text("x"), what="le rapport")
    assert "n'existe pas : le rapport « plan.xlsx » n'a pas été écrit." in raised.value.message


def test_a_folder_given_as_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="est un dossier"):
        write_atomically(tmp_path, write_text("x"))


def test_a_folder_without_write_permission_is_a_french_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refused)
    with pytest.raises(FileWriteError) as raised:
        write_atomically(tmp_path / "plan.xlsx", write_text("x"))
    assert raised.value.message == (
        f"Impossible d'écrire « plan.xlsx » : vous n'avez pas le droit d'écrire dans le dossier « {tmp_path} »."
    )
    assert raised.value.other_name_may_work  # another folder may do


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_is_refused_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(FileWriteError, match="pas le droit d'écrire dans le dossier"):
            write_atomically(folder / "plan.xlsx", write_text("x"))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("winerror", [32, 33, 5])
def test_a_target_open_in_another_program_is_told_and_left_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, winerror: int
) -> None:
    """Windows: Excel or a PDF reader holds the previous file; replacing it fails (sharing violation, lock
    violation or access denied)."""
    output = tmp_path / "rapport.pdf"
    output.write_bytes(b"%PDF open in a reader")
    monkeypatch.setattr(files.os, "replace", windows_refusal(winerror))
    with pytest.raises(FileWriteError) as raised:
        write_atomically(output, write_text("new"), what="le rapport")
    assert raised.value.message == (
        f"« rapport.pdf » (dans « {tmp_path} ») est ouvert dans un autre programme (lecteur PDF, Excel…) : "
        "fermez-le, ou enregistrez sous un autre nom. Le fichier existant n'a pas été modifié."
    )
    assert raised.value.other_name_may_work and raised.value.target == output
    assert output.read_bytes() == b"%PDF open in a reader"
    assert [path.name for path in tmp_path.iterdir()] == ["rapport.pdf"]  # no temporary left behind


def test_a_posix_refusal_to_replace_an_existing_file_is_explained_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "plan.xlsx"
    output.write_bytes(b"open in Excel")

    def locked(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(files.os, "replace", locked)
    with pytest.raises(FileWriteError, match="ouvert dans un autre programme"):
        write_atomically(output, write_text("new"))
    assert output.read_bytes() == b"open in Excel"
    assert [path.name for path in tmp_path.iterdir()] == ["plan.xlsx"]


def test_a_read_only_target_is_told_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file with the read-only attribute (access denied); os.access tells it there."""
    output = tmp_path / "plan.xlsx"
    output.write_bytes(b"protected")
    monkeypatch.setattr(files.os, "replace", windows_refusal(5))
    monkeypatch.setattr(files.os, "access", lambda path, mode: Path(path) != output)
    with pytest.raises(FileWriteError, match=r"« plan\.xlsx » \(dans « .* »\) est en lecture seule") as raised:
        write_atomically(output, write_text("new"))
    assert raised.value.other_name_may_work
    assert output.read_bytes() == b"protected"


def test_a_path_windows_finds_too_long_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without long paths enabled, Windows answers ERROR_FILENAME_EXCED_RANGE (206) past 260 characters."""
    folder = tmp_path.joinpath(*[f"Dossier très long n°{n}" for n in range(12)])
    folder.mkdir(parents=True)
    output = folder / "rapport.pdf"
    assert len(str(output)) > 260

    def too_long(*args: object, **kwargs: object) -> tuple[int, str]:
        error = FileNotFoundError(errno.ENOENT, "Le nom de fichier ou l'extension est trop long")
        error.winerror = 206  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(files.tempfile, "mkstemp", too_long)
    with pytest.raises(FileWriteError, match="dépasse 260 caractères") as raised:
        write_atomically(output, write_text("x"), what="le rapport")
    assert "Impossible d'écrire le rapport « rapport.pdf »" in raised.value.message
    assert "chemins longs" in raised.value.message and raised.value.other_name_may_work


def test_the_temporary_file_is_hidden_and_beside_the_target(tmp_path: Path) -> None:
    seen: list[Path] = []

    def remember(path: Path) -> None:
        seen.append(path)
        path.write_text("x")

    write_atomically(tmp_path / "plan.xlsx", remember)
    assert seen[0].parent == tmp_path.absolute()
    assert seen[0].name.startswith(".plan.xlsx.") and seen[0].name.endswith(".tmp")


def test_a_name_near_the_length_limit_still_gets_a_temporary_file(tmp_path: Path) -> None:
    name = "é" * 120 + ".pdf"  # 244 bytes in UTF-8: the temporary name must not pass the 255-byte limit
    output = write_atomically(tmp_path / name, write_text("x"))
    assert output.read_text() == "x"
    assert [path.name for path in tmp_path.iterdir()] == [name]


def test_copy_atomically_copies_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "aperçu.pdf"
    source.write_bytes(b"%PDF-1.7 complete")
    target = tmp_path / "envoi" / "Rapport d'avancement.pdf"
    target.parent.mkdir()
    assert copy_atomically(source, target) == target
    assert target.read_bytes() == b"%PDF-1.7 complete"
    source.write_bytes(b"%PDF-1.7 second version")
    monkeypatch.setattr(files.os, "replace", windows_refusal(32))
    with pytest.raises(FileWriteError, match="ouvert dans un autre programme"):
        copy_atomically(source, target)
    assert target.read_bytes() == b"%PDF-1.7 complete"
    assert [path.name for path in target.parent.iterdir()] == [target.name]


def test_free_name_beside_numbers_the_copy(tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    assert free_name_beside(target) == tmp_path / "rapport (2).pdf"
    (tmp_path / "rapport (2).pdf").write_text("x")
    assert free_name_beside(target) == tmp_path / "rapport (3).pdf"
    assert free_name_beside(tmp_path / "rapport (2).pdf") == tmp_path / "rapport (3).pdf"
    assert free_name_beside(tmp_path / "plan d'été.xlsx") == tmp_path / "plan d'été (2).xlsx"
