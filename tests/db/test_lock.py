"""The lock shared by the window and the write commands (`ti_desktop.db.lock`): an operating-system lock on
`<base>.lock`, and `<base>.lock.json` saying who holds it. Refusals are French and name the holder; what cannot be
locked is told; nothing is created where the base cannot be."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ti_desktop.db import lock as lock_module
from ti_desktop.db.errors import DatabaseLocationError, ReadOnlyFolderError
from ti_desktop.db.lock import (
    WINDOW,
    DatabaseLock,
    DatabaseLockedError,
    LockHolder,
    LockUnavailableError,
    OpenElsewhereError,
    command_application,
    info_path,
    lock_path,
    read_holder,
)

from ..conftest import HERE, SINCE, HoldLock


@pytest.fixture
def paris_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_holder_is_described_in_french_in_local_time(paris_time: None) -> None:
    holder = LockHolder("claire.martin", "PC-CLAIRE", WINDOW, dt.datetime(2026, 11, 21, 9, 42, tzinfo=dt.UTC))
    assert holder.who() == "claire.martin sur PC-CLAIRE depuis le 21/11/2026 à 10:42"
    assert LockHolder("claire.martin", "PC-CLAIRE", WINDOW).who() == "claire.martin sur PC-CLAIRE"


def test_a_second_holder_is_refused_naming_the_first_until_it_lets_go(tmp_path: Path, paris_time: None) -> None:
    base = tmp_path / "plan.sqlite3"
    first = DatabaseLock(base, WINDOW, user="claire.martin", host="PC-CLAIRE")
    second = DatabaseLock(base, command_application("import"))
    first.acquire(SINCE)
    assert not info_path(base).with_suffix(".tmp").exists()
    with pytest.raises(DatabaseLockedError) as refused:
        second.acquire(SINCE)
    assert refused.value.message == (
        "Cette base est déjà ouverte dans TI Desktop par claire.martin sur PC-CLAIRE depuis le 21/11/2026 à 10:42. "
        "Fermez cette fenêtre, ou ouvrez une autre base."
    )
    assert not second.held
    first.release()
    assert not info_path(base).exists()
    second.acquire(SINCE)
    with pytest.raises(DatabaseLockedError, match=r"en cours de modification par la commande « ti-desktop import »"):
        DatabaseLock(base, WINDOW).acquire(SINCE)
    second.release()


def test_the_info_file_says_who_holds_the_base(tmp_path: Path) -> None:
    base = tmp_path / "plan.sqlite3"
    with DatabaseLock(base, WINDOW, user="claire.martin", host="PC-CLAIRE") as lock:
        assert not info_path(base).exists()  # written once the lock is held, not before
        lock.acquire(SINCE)
        assert json.loads(info_path(base).read_text(encoding="utf-8")) == {
            "user": "claire.martin",
            "host": "PC-CLAIRE",
            "application": "TI Desktop (fenêtre)",
            "since": "2026-11-21T09:42:00+00:00",
        }
        assert read_holder(base) == LockHolder("claire.martin", "PC-CLAIRE", WINDOW, SINCE)
    assert not info_path(base).exists()  # removed on release
    assert sorted(p.name for p in tmp_path.iterdir()) in ([], ["plan.sqlite3.lock"])  # Windows removes it too


def test_a_holder_in_another_process_is_refused_and_its_death_frees_the_base_at_once(
    tmp_path: Path, hold_lock: HoldLock
) -> None:
    base = tmp_path / "plan.sqlite3"
    holder = hold_lock(base, WINDOW, "claire.martin", HERE, SINCE)
    with pytest.raises(DatabaseLockedError) as refused:
        DatabaseLock(base, WINDOW).acquire(SINCE)
    assert refused.value.holder == LockHolder("claire.martin", HERE, WINDOW, SINCE)
    holder.kill()
    started = time.monotonic()
    lock = DatabaseLock(base, WINDOW, user="marc.durand")
    lock.acquire(SINCE)  # the leftover info file names this machine: its process is gone, the lock says so
    assert time.monotonic() - started < 5
    assert read_holder(base) == LockHolder("marc.durand", HERE, WINDOW, SINCE)
    lock.release()


def test_a_free_lock_said_to_be_held_on_another_machine_asks_before_taking_over(tmp_path: Path) -> None:
    base = tmp_path / "plan.sqlite3"
    info_path(base).write_text(
        json.dumps({"user": "marc.durand", "host": "POSTE-MAIRIE", "application": WINDOW, "since": SINCE.isoformat()}),
        encoding="utf-8",
    )
    lock = DatabaseLock(base, WINDOW, user="claire.martin")
    with pytest.raises(OpenElsewhereError) as doubt:
        lock.acquire(SINCE)
    assert doubt.value.message.startswith(f"« {base} » semble ouverte dans TI Desktop par marc.durand sur POSTE-MAIRIE")
    assert not lock.held and read_holder(base) is not None and read_holder(base).host == "POSTE-MAIRIE"  # type: ignore[union-attr]
    lock.acquire(SINCE, take_over=True)
    assert read_holder(base) == LockHolder("claire.martin", HERE, WINDOW, SINCE)
    lock.release()


def test_an_unreadable_info_file_gives_a_general_refusal(tmp_path: Path, hold_lock: HoldLock) -> None:
    base = tmp_path / "plan.sqlite3"
    hold_lock(base, WINDOW, "claire.martin", HERE, SINCE)
    info_path(base).write_text("{pas du json", encoding="utf-8")
    with pytest.raises(DatabaseLockedError) as refused:
        DatabaseLock(base, WINDOW).acquire(SINCE)
    assert refused.value.holder is None
    assert refused.value.message.startswith("Cette base est déjà ouverte dans une autre fenêtre de TI Desktop")


def test_a_missing_folder_is_named_and_not_created(tmp_path: Path) -> None:
    base = tmp_path / "absent" / "plan.sqlite3"
    with pytest.raises(DatabaseLocationError, match=r"Le dossier « .*absent » n'existe pas"):
        DatabaseLock(base, WINDOW).acquire(SINCE)
    assert not base.parent.exists()


def refuse_locking(lock: DatabaseLock, monkeypatch: pytest.MonkeyPatch, error: OSError) -> None:
    def acquire(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(lock._lock, "acquire", acquire)


def test_what_cannot_be_locked_is_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path / "plan.sqlite3"
    lock = DatabaseLock(base, WINDOW)
    # A read-only folder (as a user without rights): the existing message, naming the base.
    refuse_locking(lock, monkeypatch, PermissionError(errno.EACCES, "Permission denied"))
    monkeypatch.setattr(lock_module.os, "access", lambda path, mode: False)
    with pytest.raises(ReadOnlyFolderError, match=r"son dossier est en lecture seule \(impossible d'y créer la base\)"):
        lock.acquire(SINCE)
    denied = OSError(errno.EINVAL, "Accès refusé")  # how Windows' access denial may come, by its winerror
    denied.winerror = 5  # type: ignore[attr-defined]
    refuse_locking(lock, monkeypatch, denied)
    with pytest.raises(ReadOnlyFolderError):
        lock.acquire(SINCE)
    monkeypatch.undo()
    # A lock file left read-only (copied from a CD, say) in a writable folder.
    lock_path(base).write_text("")
    refuse_locking(lock, monkeypatch, PermissionError(errno.EACCES, "Permission denied"))
    with pytest.raises(
        LockUnavailableError, match=r"le fichier « plan\.sqlite3\.lock » de « .* » n'est pas accessible"
    ):
        lock.acquire(SINCE)
    # A file system without locks.
    refuse_locking(lock, monkeypatch, OSError(errno.ENOSYS, "Function not implemented"))
    with pytest.raises(LockUnavailableError, match="ne permet peut-être pas de verrouiller un fichier"):
        lock.acquire(SINCE)
    assert not lock.held and not info_path(base).exists()


def test_accents_spaces_and_a_path_longer_than_260_characters(tmp_path: Path, hold_lock: HoldLock) -> None:
    folder = tmp_path.joinpath(*[f"Données d'été n°{n} — Vallée de l'Orne" for n in range(8)])
    folder.mkdir(parents=True)
    base = folder / "plan d'action 2026.sqlite3"
    assert len(str(base)) > 260
    holder = hold_lock(base, WINDOW, "éloïse.dupré", HERE, SINCE)
    with pytest.raises(DatabaseLockedError, match=r"par éloïse\.dupré sur"):
        DatabaseLock(base, WINDOW).acquire(SINCE)
    holder.release()
    with DatabaseLock(base, command_application("demo")) as lock:
        lock.acquire(SINCE)
        assert read_holder(base) is not None


def test_the_lock_uses_no_posix_only_call_nor_process_ids() -> None:
    """Windows is the main platform: no os.kill probe, no /proc, no fcntl or signals in the lock (filelock picks
    LockFileEx or flock itself)."""
    source = Path(lock_module.__file__).read_text(encoding="utf-8")
    for posix_only in ("os.kill", "/proc", "fcntl", "signal", "getpid", "pid"):
        assert posix_only not in source, posix_only
    assert os.name in ("posix", "nt")
