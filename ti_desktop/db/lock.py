"""One writer per database file: the window and the command line's write commands take the same lock.

`<base>.lock` is held with an operating-system lock (the `filelock` library: `LockFileEx` on Windows, `flock`
elsewhere) for as long as its holder runs. The system releases it when the process ends, however it ends (closed,
crashed, killed), so a lock is never stale and no process is ever probed by its id. On Windows the file is removed on
release; elsewhere it stays, empty, so that every process locks the same file.

Beside it, `<base>.lock.json` says who holds the lock (user, machine, application, since when) for the French
message. It is written once the lock is held and removed before it is released; read alone, it proves nothing.

A base on a network share: the system lock is the truth where the share carries locks (SMB between Windows machines
does, NFS too). When the lock is free but the info file names another machine, that machine either stopped without
closing the base (a crash, a lost connection), or the share does not carry locks (a synchronised folder such as
OneDrive never does) and the base may be open there right now. Two machines writing one SQLite file damage it, so
that doubt is not settled silently: `acquire` raises `OpenElsewhereError`, the window asks the user, who knows
whether the other computer still has it open, and `acquire(take_over=True)` proceeds. A leftover info file from this
machine is ignored: the system lock being free proves its process is gone.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import logging
import os
import socket
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from filelock import FileLock, Timeout

from ti_desktop.db.database import current_user
from ti_desktop.db.errors import DatabaseError, ReadOnlyFolderError
from ti_desktop.db.sqlite_file import check_location
from ti_desktop.kernel.files import FileWriteError, write_atomically

log = logging.getLogger(__name__)

_ACCESS_DENIED_WINERROR = 5
WINDOW = "TI Desktop (fenêtre)"  # the application name the window writes in the info file


def command_application(command: str) -> str:
    """The application name a write command of the command line writes in the info file."""
    return f"ti-desktop {command}"


def lock_path(database: Path) -> Path:
    return Path(f"{database}.lock")


def info_path(database: Path) -> Path:
    return Path(f"{database}.lock.json")


def this_machine() -> str:
    return socket.gethostname() or "inconnu"


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds (or held) a base, as its info file says."""

    user: str
    host: str
    application: str
    since: dt.datetime | None = None

    @property
    def is_window(self) -> bool:
        return self.application == WINDOW

    def on_this_machine(self) -> bool:
        return self.host.casefold() == this_machine().casefold()

    def who(self) -> str:
        """« claire.martin sur PC-CLAIRE depuis le 21/11/2026 à 10:42 » (local time)."""
        since = f" depuis le {self.since.astimezone():%d/%m/%Y à %H:%M}" if self.since is not None else ""
        return f"{self.user} sur {self.host}{since}"


class DatabaseLockedError(DatabaseError):
    """Another window or a write command holds the base (its system lock is taken); `holder` is None when its info
    file could not be read."""

    def __init__(self, database: Path, holder: LockHolder | None) -> None:
        if holder is None:
            message = (
                "Cette base est déjà ouverte dans une autre fenêtre de TI Desktop, ou une commande ti-desktop y écrit. "
                "Fermez cette fenêtre ou attendez la fin de la commande, ou ouvrez une autre base."
            )
        elif holder.is_window:
            message = (
                f"Cette base est déjà ouverte dans TI Desktop par {holder.who()}. Fermez cette fenêtre, ou ouvrez une "
                "autre base."
            )
        else:
            message = (
                f"Cette base est en cours de modification par la commande « {holder.application} » ({holder.who()}). "
                "Attendez qu'elle se termine, puis ouvrez-la de nouveau."
            )
        super().__init__(message)
        self.database = database
        self.holder = holder


class OpenElsewhereError(DatabaseError):
    """The lock is free, but the info file says another machine holds the base (see the module's docstring)."""

    def __init__(self, database: Path, holder: LockHolder) -> None:
        super().__init__(
            f"« {database} » semble ouverte dans TI Desktop par {holder.who()}, mais son verrou est libre : soit "
            f"{holder.host} s'est arrêté sans la fermer, soit le dossier partagé ne transmet pas les verrous et elle "
            "y est encore ouverte. Deux ordinateurs qui écrivent dans la même base l'endommagent : si elle est "
            f"ouverte sur {holder.host}, fermez-la d'abord là-bas."
        )
        self.database = database
        self.holder = holder


class LockUnavailableError(DatabaseError):
    """The lock file could not be created or locked (a read-only lock file, a file system without locks…)."""


def read_holder(database: Path) -> LockHolder | None:
    """What the info file says, or None when there is none or it cannot be read (never a proof of anything)."""
    try:
        data = json.loads(info_path(database).read_text(encoding="utf-8"))
        since = dt.datetime.fromisoformat(data["since"]) if data.get("since") else None
        if since is not None and since.tzinfo is None:
            since = since.replace(tzinfo=dt.UTC)
        return LockHolder(str(data["user"]), str(data["host"]), str(data["application"]), since)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


class DatabaseLock:
    """The lock on one base, for one holder: `acquire`, work, `release` (or use it as a context manager)."""

    def __init__(self, database: Path, application: str, *, user: str | None = None, host: str | None = None) -> None:
        self.database = database
        self.holder = LockHolder(user or current_user(), host or this_machine(), application)
        # Non-blocking; never the soft fallback (an existence-only lock that a crash would leave stale).
        self._lock = FileLock(lock_path(database), timeout=0, thread_local=False, fallback_to_soft=False)
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def acquire(self, since: dt.datetime, *, take_over: bool = False) -> None:
        """Take the lock and write the info file (`since`: now, given by the caller, timezone-aware).

        Raises `DatabaseLockedError` when someone holds it, `OpenElsewhereError` when the info file names another
        machine while the lock is free (unless `take_over`), `DatabaseLocationError` for a missing folder,
        `ReadOnlyFolderError` when the lock file cannot be created, `LockUnavailableError` otherwise."""
        if self._held:
            return
        check_location(self.database)
        try:
            self._lock.acquire(blocking=False)
        except Timeout:
            raise DatabaseLockedError(self.database, read_holder(self.database)) from None
        except OSError as error:
            raise self._unavailable(error) from error
        previous = read_holder(self.database)
        if previous is not None and not previous.on_this_machine() and not take_over:
            self._lock.release()
            raise OpenElsewhereError(self.database, previous)
        self._held = True
        self._write_info(replace(self.holder, since=since))

    def release(self) -> None:
        """Remove the info file, then release the lock (in this order: a next holder's info is never removed)."""
        if not self._held:
            return
        try:
            info_path(self.database).unlink(missing_ok=True)
        except OSError as error:  # Windows: a reader has it open at this very moment; it proves nothing anyway
            log.warning("could not remove %s: %s", info_path(self.database), error)
        self._lock.release()
        self._held = False

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

    def _write_info(self, holder: LockHolder) -> None:
        """Best effort: the lock protects the base even when its info file cannot be written."""
        data = {**asdict(holder), "since": holder.since.isoformat() if holder.since else None}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"

        def write(path: Path) -> None:
            path.write_text(text, encoding="utf-8")

        try:
            write_atomically(info_path(self.database), write)
        except FileWriteError as error:
            log.warning("lock info not written: %s", error.message)

    def _unavailable(self, error: OSError) -> DatabaseError:
        folder = self.database.parent
        denied = isinstance(error, PermissionError) or getattr(error, "winerror", None) == _ACCESS_DENIED_WINERROR
        if denied or error.errno == errno.EROFS:
            if not os.access(folder, os.W_OK) or not lock_path(self.database).exists():
                return ReadOnlyFolderError.for_base(self.database)
            return LockUnavailableError(
                f"Impossible de verrouiller « {self.database} » : le fichier « {lock_path(self.database).name} » "
                f"de « {folder} » n'est pas accessible en écriture. Supprimez-le (aucune donnée n'y est) ou "
                "demandez les droits d'écriture."
            )
        return LockUnavailableError(
            f"Impossible de verrouiller « {self.database} » dans « {folder} » ({error.strerror or error}) : ce dossier "
            "ne permet peut-être pas de verrouiller un fichier. Gardez la base dans un dossier local."
        )
