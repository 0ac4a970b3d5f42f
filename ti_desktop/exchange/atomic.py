"""Writing a file atomically: the new content goes to a hidden temporary file beside the target, which
then replaces it in one rename. A failed or cancelled write leaves the previous file as it was and no
temporary file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ti_desktop.domain.errors import TiDesktopError

DEFAULT_MODE = 0o644


class ExportWriteError(TiDesktopError):
    """The file could not be written where asked (missing folder, no permission, disk full…)."""


def write_atomically(output: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(temporary)` to produce the file, then move it onto `output`. Returns `output` (absolute).

    `OSError`s become `ExportWriteError` with a French message naming the file; any other exception
    (a cancellation, say) is re-raised as it is. Either way the temporary file is removed."""
    output = Path(output).expanduser().absolute()
    folder = output.parent
    if not folder.is_dir():
        raise ExportWriteError(f"Le dossier « {folder} » n'existe pas : « {output.name} » n'a pas été écrit.")
    if output.is_dir():
        raise ExportWriteError(f"« {output} » est un dossier : choisissez un nom de fichier.")
    try:
        handle, temporary_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise ExportWriteError(_explain(error, output, folder=True)) from error
    os.close(handle)
    temporary = Path(temporary_name)
    try:
        write(temporary)
        # mkstemp makes a private (0600) file: give the export the permissions of a file the user creates.
        with contextlib.suppress(OSError):
            os.chmod(temporary, _mode_for(output))
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, output)
    except OSError as error:
        _remove(temporary)
        raise ExportWriteError(_explain(error, output)) from error
    except BaseException:
        _remove(temporary)
        raise
    return output


def _mode_for(output: Path) -> int:
    """The mode of the file being replaced, or 0644 less the umask for a new file."""
    try:
        return output.stat().st_mode & 0o777
    except OSError:
        return DEFAULT_MODE & ~_current_umask()


def _current_umask() -> int:
    # Read without changing it where possible: os.umask() sets it process-wide, even for other threads.
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink()


def _explain(error: OSError, output: Path, *, folder: bool = False) -> str:
    if error.errno == errno.ENOSPC:
        return f"Impossible d'écrire « {output} » : le disque est plein."
    if error.errno is not None and error.errno == getattr(errno, "EDQUOT", None):
        return f"Impossible d'écrire « {output} » : votre quota d'espace disque est atteint."
    if isinstance(error, PermissionError) or error.errno == errno.EROFS:
        if folder:
            return (
                f"Impossible d'écrire « {output.name} » : vous n'avez pas le droit d'écrire dans le dossier "
                f"« {output.parent} »."
            )
        return (
            f"Impossible d'écrire « {output} » : accès refusé (droits insuffisants, ou fichier ouvert dans un "
            "autre programme comme Excel)."
        )
    reason = error.strerror or str(error)
    return f"Impossible d'écrire « {output} » : {reason}."
