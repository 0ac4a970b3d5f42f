"""Opening spreadsheet files safely: zip-bomb guard before parsing, defusedxml active, clear French errors."""

# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import defusedxml  # noqa: F401  (openpyxl parses XML through defusedxml when it is importable)
import openpyxl

from ti_desktop.exchange.report import ImportFileError

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 50_000


def check_xlsx_archive(path: Path, max_bytes: int = MAX_UNCOMPRESSED_BYTES) -> None:
    """Refuse what is not an xlsx archive, and archives that would unpack to more than `max_bytes`."""
    if not path.is_file():
        raise ImportFileError(f"Le fichier « {path} » est introuvable.")
    if not zipfile.is_zipfile(path):
        raise ImportFileError(f"« {path.name} » n'est pas un classeur Excel (.xlsx) lisible.")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportFileError(f"« {path.name} » est endommagé : {error}.") from error
    if not any(info.filename == "[Content_Types].xml" for info in infos):
        raise ImportFileError(f"« {path.name} » n'est pas un classeur Excel (.xlsx) lisible.")
    total = sum(info.file_size for info in infos)
    if total > max_bytes:
        raise ImportFileError(
            f"« {path.name} » se décompresse en plus de {max_bytes // (1024 * 1024)} Mo : "
            "il est refusé par précaution (fichier anormal ou trop volumineux)."
        )


def sheet_rows(path: Path) -> Iterator[tuple[str, Iterator[tuple[Any, ...]]]]:
    """(sheet title, rows of values) for each worksheet, read-only."""
    check_xlsx_archive(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise ImportFileError(f"« {path.name} » ne peut pas être lu comme classeur Excel ({error}).") from error
    try:
        for sheet in book.worksheets:
            yield sheet.title, sheet.iter_rows(values_only=True)
    finally:
        book.close()
