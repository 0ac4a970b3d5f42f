"""Limits on spreadsheet files, checked before parsing: uncompressed size (zip bombs) and row count."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from ti_desktop.exchange.report import ImportFileError

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 50_000
# What zipfile raises on damaged archives: encrypted or unknown-compression members (RuntimeError,
# NotImplementedError), bad headers (ValueError), truncated data (EOFError, zlib.error).
ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError, NotImplementedError, ValueError)


def check_xlsx_archive(path: Path, max_bytes: int | None = None) -> None:
    """Refuse what is not an xlsx archive, and archives that would unpack to more than `max_bytes`."""
    max_bytes = MAX_UNCOMPRESSED_BYTES if max_bytes is None else max_bytes
    if not path.is_file():
        raise ImportFileError(f"Le fichier « {path} » est introuvable.")
    if not zipfile.is_zipfile(path):
        raise ImportFileError(f"« {path.name} » n'est pas un classeur Excel (.xlsx) lisible.")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except ZIP_ERRORS as error:
        raise ImportFileError(f"« {path.name} » est endommagé : {error}.") from error
    if not any(info.filename == "[Content_Types].xml" for info in infos):
        raise ImportFileError(f"« {path.name} » n'est pas un classeur Excel (.xlsx) lisible.")
    total = sum(info.file_size for info in infos)
    if total > max_bytes:
        raise ImportFileError(
            f"« {path.name} » se décompresse en plus de {max_bytes // (1024 * 1024)} Mo : "
            "il est refusé par précaution (fichier anormal ou trop volumineux)."
        )
