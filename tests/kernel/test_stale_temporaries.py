"""A write killed half-way leaves its hidden temporary file beside the target; the next write of the same target
removes it once it is old enough to be no concurrent writer's, and never fails because one cannot be removed."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from ti_desktop.kernel.files import STALE_AFTER_SECONDS, remove_stale_temporaries, temporary_pattern, write_atomically


def write_text(text: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    return write


def age(path: Path, seconds: float) -> None:
    """Make `path` look last modified `seconds` ago (relative to its own time stamp: no clock read)."""
    stamp = path.stat().st_mtime - seconds
    os.utime(path, (stamp, stamp))


def test_a_crashed_writes_temporary_file_of_the_same_target_is_removed(tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    stale = tmp_path / ".rapport.pdf.abcd1234.tmp"
    stale.write_bytes(b"half a PDF")
    age(stale, STALE_AFTER_SECONDS + 60)
    other_target = tmp_path / ".compte-rendu.pdf.abcd1234.tmp"  # another document's, just as old
    other_target.write_bytes(b"x")
    age(other_target, STALE_AFTER_SECONDS + 60)
    recent = tmp_path / ".rapport.pdf.zzzz9999.tmp"  # a concurrent writer's, still being written
    recent.write_bytes(b"y")
    look_alike = tmp_path / ".rapport.pdf.notours.tmp"  # not the pattern mkstemp produces
    look_alike.write_bytes(b"z")
    age(look_alike, STALE_AFTER_SECONDS + 60)

    write_atomically(target, write_text("nouveau"))

    assert target.read_text(encoding="utf-8") == "nouveau"
    assert not stale.exists()
    assert other_target.exists() and recent.exists() and look_alike.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["rapport.pdf", other_target.name, recent.name, look_alike.name]
    )


def test_the_pattern_is_the_one_of_the_temporary_files_write_atomically_creates(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    seen: list[str] = []

    def write(path: Path) -> None:
        seen.append(path.name)
        path.write_bytes(b"")

    write_atomically(target, write)
    assert temporary_pattern(target).fullmatch(seen[0])
    assert not temporary_pattern(tmp_path / "plan.xls").fullmatch(seen[0])


def test_a_long_name_is_matched_on_its_truncated_prefix(tmp_path: Path) -> None:
    target = tmp_path / ("r" * 150 + ".pdf")
    stale = tmp_path / f".{'r' * 100}.a1b2c3d4.tmp"
    stale.write_bytes(b"")
    age(stale, STALE_AFTER_SECONDS * 2)
    write_atomically(target, write_text("x"))
    assert not stale.exists()


def test_a_leftover_that_cannot_be_removed_does_not_fail_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "rapport.pdf"
    stale = tmp_path / ".rapport.pdf.abcd1234.tmp"
    stale.write_bytes(b"held open by a PDF reader")
    age(stale, STALE_AFTER_SECONDS + 60)
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == stale:
            error = PermissionError(13, "Le processus ne peut pas accéder au fichier")
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    write_atomically(target, write_text("nouveau"))
    assert target.read_text(encoding="utf-8") == "nouveau"
    assert stale.exists()


def test_nothing_is_removed_when_the_fresh_file_cannot_be_read(tmp_path: Path) -> None:
    stale = tmp_path / ".rapport.pdf.abcd1234.tmp"
    stale.write_bytes(b"")
    age(stale, STALE_AFTER_SECONDS * 2)
    assert remove_stale_temporaries(tmp_path / "rapport.pdf", fresh=tmp_path / "absent") == []
    assert stale.exists()
