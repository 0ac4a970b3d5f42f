"""Writing the files a user keeps (reports, minutes, exports, the plan template, backups): atomically, with one
French explanation of what went wrong and where.

The new content goes to a hidden temporary file beside the target, which then replaces it in one rename
(`os.replace`). A failed or cancelled write leaves the previous file as it was and no temporary file behind.
A write the process could not finish (killed, power cut) leaves its temporary file, `.<name>.<8 random>.tmp`:
the next write of the same target removes those older than `STALE_AFTER` (a concurrent writer's is younger),
and leaves any it cannot remove (open in another program on Windows) without failing.

On Windows a file open in another program (a PDF reader, Excel) usually cannot be replaced: `os.replace` raises
`PermissionError` with `winerror` 32 (sharing violation), 33 (lock violation) or 5 (access denied). That failure
is told as such, and `FileWriteError.other_name_may_work` lets the window offer to save under another name
(`free_name_beside` proposes « rapport (2).pdf »), so that the work is not lost.

Privacy: every file written here, and every folder the application creates for its data (the data folder, the
backups, the attachments, the logs), is readable by its owner only where the system has POSIX modes: files
`PRIVATE_FILE_MODE` (0600), folders `PRIVATE_DIR_MODE` (0700), whatever the umask. On Windows these modes do not
apply (`os.chmod` there only sets or clears the read-only flag): the files live in the user's profile folder,
whose ACLs already keep other users out, so nothing is changed (`HAS_POSIX_MODES`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ti_desktop.kernel.errors import TiDesktopError

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
# Windows error codes of a file that another program holds open (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION).
_IN_USE_WINERRORS = (32, 33)
_ACCESS_DENIED_WINERROR = 5
# Windows refuses longer paths unless long paths are enabled (the LongPathsEnabled policy); ERROR_FILENAME_EXCED_RANGE
# and ERROR_PATH_NOT_FOUND are what it answers then.
WINDOWS_MAX_PATH = 260
_TOO_LONG_WINERRORS = (206, 3)
_TEMPORARY_PREFIX_CHARS = 100  # the temporary name must stay under the 255 characters a file name may have
_TEMPORARY_SUFFIX = ".tmp"
# What mkstemp puts between the prefix and the suffix (tempfile._RandomNameSequence: 8 of these characters).
_RANDOM_PART = r"[a-z0-9_]{8}"
STALE_AFTER_SECONDS = 3600  # a temporary file older than this, of the same target, is a crash's leftover


class FileWriteError(TiDesktopError):
    """A file could not be written where asked; the previous file there, if any, is untouched.

    `other_name_may_work`: the same content could be saved under another name or in another folder (the target is
    open in another program, read-only, or its folder refuses us), so a window offers to."""

    def __init__(self, message: str, *, target: Path | None = None, other_name_may_work: bool = False) -> None:
        super().__init__(message)
        self.target = target
        self.other_name_may_work = other_name_may_work


def write_atomically(output: Path, write: Callable[[Path], None], *, what: str = "") -> Path:
    """Call `write(temporary)` to produce the file, then move it onto `output`. Returns `output` (absolute).

    `what` names the document in messages (« le rapport », « le compte rendu »); by default, only its file name.
    `OSError`s become `FileWriteError` with a French message naming the file and its folder; any other exception
    (a cancellation, say) is re-raised as it is. Either way the temporary file is removed."""
    output = Path(output).expanduser().absolute()
    folder = output.parent
    subject = f"{what} « {output.name} »" if what else f"« {output.name} »"
    if not folder.is_dir():
        raise FileWriteError(
            f"Le dossier « {folder} » n'existe pas : {subject} n'a pas été écrit.",
            target=output,
            other_name_may_work=True,
        )
    if output.is_dir():
        raise FileWriteError(f"« {output} » est un dossier : choisissez un nom de fichier.", target=output)
    prefix = _temporary_prefix(output)
    try:
        handle, temporary_name = tempfile.mkstemp(prefix=prefix, suffix=_TEMPORARY_SUFFIX, dir=folder)
    except OSError as error:
        raise _explain(error, output, subject, replacing=False) from error
    os.close(handle)
    temporary = Path(temporary_name)
    remove_stale_temporaries(output, fresh=temporary)
    try:
        write(temporary)
        # mkstemp makes a private (0600) file, but `write` may have replaced it by a new one (umask): private
        # again, whatever the mode of the file being replaced.
        make_private(temporary)
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        try:
            os.replace(temporary, output)
        except OSError as error:
            raise _explain(error, output, subject, replacing=True) from error
    except FileWriteError:
        _remove(temporary)
        raise
    except OSError as error:
        _remove(temporary)
        raise _explain(error, output, subject, replacing=False) from error
    except BaseException:
        _remove(temporary)
        raise
    return output


def _temporary_prefix(output: Path) -> str:
    return f".{output.name[:_TEMPORARY_PREFIX_CHARS]}."


def temporary_pattern(output: Path) -> re.Pattern[str]:
    """The names of the temporary files `write_atomically(output, …)` creates beside `output`."""
    return re.compile(re.escape(_temporary_prefix(output)) + _RANDOM_PART + re.escape(_TEMPORARY_SUFFIX))


def remove_stale_temporaries(output: Path, *, fresh: Path) -> list[Path]:
    """Remove the temporary files of `output` that a crashed write left: the same pattern, last modified more than
    `STALE_AFTER_SECONDS` before `fresh` (a temporary file just created, whose time stamp is the file system's now:
    no clock is read, and a network folder's own time is compared with itself). Returns those removed; a file
    that cannot be read or removed is left alone, silently."""
    try:
        now = fresh.stat().st_mtime
        candidates = list(output.parent.iterdir())
    except OSError:
        return []
    pattern = temporary_pattern(output)
    removed = []
    for candidate in candidates:
        if candidate == fresh or not pattern.fullmatch(candidate.name):
            continue
        try:
            if not candidate.is_file() or now - candidate.stat().st_mtime < STALE_AFTER_SECONDS:
                continue
            candidate.unlink()
        except OSError:
            continue  # open in another program (Windows), or not ours to remove: the write goes on
        removed.append(candidate)
    return removed


def copy_atomically(source: Path, target: Path, *, what: str = "") -> Path:
    """Copy `source` onto `target` atomically (see `write_atomically`)."""

    def copy(temporary: Path) -> None:
        shutil.copyfile(source, temporary)

    return write_atomically(target, copy, what=what)


_NUMBERED = re.compile(r"^(?P<stem>.*) \((?P<number>\d+)\)$")


def free_name_beside(target: Path) -> Path:
    """« rapport.pdf » → « rapport (2).pdf » (or the next number not taken), in the same folder."""
    match = _NUMBERED.match(target.stem)
    stem, number = (match["stem"], int(match["number"]) + 1) if match else (target.stem, 2)
    while True:
        candidate = target.with_name(f"{stem} ({number}){target.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def _explain(error: OSError, output: Path, subject: str, *, replacing: bool) -> FileWriteError:
    """The French message for `error`, raised while creating the temporary file or writing it (`replacing` False)
    or while putting it in place of `output` (`replacing` True)."""
    folder = output.parent
    winerror = getattr(error, "winerror", None)
    if error.errno == errno.ENOSPC:
        return FileWriteError(f"Impossible d'écrire {subject} dans « {folder} » : le disque est plein.", target=output)
    if error.errno is not None and error.errno == getattr(errno, "EDQUOT", None):
        return FileWriteError(
            f"Impossible d'écrire {subject} dans « {folder} » : votre quota d'espace disque est atteint.", target=output
        )
    if winerror in _TOO_LONG_WINERRORS and len(str(output)) >= WINDOWS_MAX_PATH:
        return FileWriteError(
            f"Impossible d'écrire {subject} : son chemin « {output} » dépasse {WINDOWS_MAX_PATH} caractères, ce que "
            "Windows refuse tant que les chemins longs n'y sont pas activés. Choisissez un dossier au chemin plus "
            "court, ou demandez à votre service informatique d'activer les chemins longs.",
            target=output,
            other_name_may_work=True,
        )
    if replacing and output.exists() and (winerror in _IN_USE_WINERRORS or isinstance(error, PermissionError)):
        if winerror not in _IN_USE_WINERRORS and not os.access(output, os.W_OK):
            return FileWriteError(
                f"« {output.name} » (dans « {folder} ») est en lecture seule : enregistrez sous un autre nom, ou "
                "retirez la protection du fichier. Le fichier existant n'a pas été modifié.",
                target=output,
                other_name_may_work=True,
            )
        return FileWriteError(
            f"« {output.name} » (dans « {folder} ») est ouvert dans un autre programme (lecteur PDF, Excel…) : "
            "fermez-le, ou enregistrez sous un autre nom. Le fichier existant n'a pas été modifié.",
            target=output,
            other_name_may_work=True,
        )
    if isinstance(error, PermissionError) or error.errno == errno.EROFS or winerror == _ACCESS_DENIED_WINERROR:
        return FileWriteError(
            f"Impossible d'écrire {subject} : vous n'avez pas le droit d'écrire dans le dossier « {folder} ».",
            target=output,
            other_name_may_work=True,
        )
    reason = error.strerror or str(error)
    return FileWriteError(f"Impossible d'écrire {subject} dans « {folder} » : {reason}.", target=output)


def has_posix_modes() -> bool:
    """Whether permission bits keep other users out here (not on Windows, where ACLs do)."""
    return os.name == "posix"


def make_private(path: Path) -> None:
    """Make `path` readable and writable by its owner only (0600; 0700 for a folder), where POSIX modes exist.

    On Windows nothing is done: there `os.chmod` would only touch the read-only flag, and the profile folder's
    ACLs are what keeps the file private. A file we may not change (not ours) is left as it is, silently."""
    if not has_posix_modes():
        return
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_DIR_MODE if Path(path).is_dir() else PRIVATE_FILE_MODE)


def private_folder(path: Path) -> Path:
    """Create `path` (and its missing parents) as private folders (0700 where POSIX modes exist); return it.

    Folders that already exist are left as they are (the user's own folders, or one shared on purpose); only
    those created here are made private. Raises OSError as `Path.mkdir` does."""
    path = Path(path)
    missing = []
    candidate = path
    while not candidate.exists() and candidate != candidate.parent:
        missing.append(candidate)
        candidate = candidate.parent
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    for created in missing:  # mkdir's mode is lessened by the umask, and parents get the default one
        make_private(created)
    return path


def create_private_file(path: Path) -> bool:
    """Create `path` empty, private from its first instant (O_CREAT | O_EXCL, 0600), if it does not exist yet.

    Returns whether it was created here; an existing file is left untouched (its mode included)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    os.close(handle)
    make_private(path)  # the umask may have lessened the mode further, never widened it: set it exactly
    return True


def _remove(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink()
