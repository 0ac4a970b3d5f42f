"""Where a generated report goes: its default file name, and an atomic copy to the folder the user chose."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.report_options import ReportOptions

# Characters refused in file names by Windows, macOS or Linux, and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class ReportCopyError(TiDesktopError):
    """The report could not be copied where the user asked; the previous file there is intact."""


def default_file_name(territory: str, options: ReportOptions) -> str:
    """« Rapport d'avancement — <territoire> — du 01-01-2026 au 21-11-2026.pdf », safe on every system."""
    title = QCoreApplication.translate("ReportsPage", "Rapport d'avancement")
    period = QCoreApplication.translate("ReportsPage", "du {start} au {end}").format(
        start=options.period_from.strftime("%d-%m-%Y"), end=options.period_to.strftime("%d-%m-%Y")
    )
    name = f"{title} — {territory} — {period}"
    cleaned = " ".join(_UNSAFE.sub(" ", name).split()).strip(" .")
    return f"{cleaned[:200]}.pdf"


def save_copy(source: Path, target: Path) -> Path:
    """Copy `source` to `target` through a temporary file in the target's folder, then a rename: the target is
    either the previous file or the complete new one, never half written."""
    target = Path(target).expanduser().absolute()
    try:
        handle, temporary_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise ReportCopyError(
            QCoreApplication.translate(
                "ReportsPage", "Impossible d'écrire dans le dossier « {folder} » : {reason}."
            ).format(folder=target.parent, reason=error.strerror or error)
        ) from error
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as stream, open(source, "rb") as original:
            shutil.copyfileobj(original, stream)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes a private (0600) file: give the copy the usual permissions.
        with contextlib.suppress(OSError):
            os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise ReportCopyError(
            QCoreApplication.translate(
                "ReportsPage", "Impossible d'enregistrer le rapport « {file} » : {reason}."
            ).format(file=target, reason=error.strerror or error)
        ) from error
    return target
