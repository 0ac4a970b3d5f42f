"""Any spreadsheet file → sheets of raw cell values: .xlsx (openpyxl with defusedxml), .xls and .ods
(python-calamine), .csv (UTF-8 or Windows-1252, `;`, `,` or tab).

The file type is told from its content, not its name. Merged cells are filled: every cell of a merged
range shows the range's value (an axis merged down ten rows names each of them). Problems that make the
whole file unreadable raise `ImportFileError` with a French message; nothing here writes anything.
"""

# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ti_desktop.exchange.report import ImportFileError
from ti_desktop.exchange.workbook import MAX_ROWS, MAX_UNCOMPRESSED_BYTES, check_xlsx_archive

FileKind = Literal["xlsx", "xls", "ods", "csv"]
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_COLUMNS = 200
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_WORKBOOK_SUFFIXES = {".xlsx": "Excel", ".xlsm": "Excel", ".xls": "Excel", ".ods": "OpenDocument"}
_CSV_SEPARATORS = (";", ",", "\t")
# A formula neutralised on export (`'=SUM(…)`) reads back as the text the user typed.
_NEUTRALISED = re.compile(r"^'(?=[=+\-@\t\r])")


@dataclass(slots=True)
class RawSheet:
    """One sheet: rows of cell values (None for empty), row i of the list is row i+1 of the file."""

    name: str
    rows: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass(slots=True)
class RawWorkbook:
    path: Path
    kind: FileKind
    sheets: list[RawSheet] = field(default_factory=list)

    def sheet(self, name: str) -> RawSheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        names = ", ".join(f"« {sheet.name} »" for sheet in self.sheets)
        raise ImportFileError(f"« {self.path.name} » n'a pas de feuille « {name} » (feuilles : {names}).")


def detect_kind(path: Path) -> FileKind:
    """What the file really is, whatever its name says."""
    if not path.is_file():
        raise ImportFileError(f"Le fichier « {path} » est introuvable.")
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(f"« {path.name} » est vide.")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"« {path.name} » pèse plus de {MAX_FILE_BYTES // (1024 * 1024)} Mo : il est refusé par précaution."
        )
    with path.open("rb") as stream:
        head = stream.read(4096)
    if head.startswith(_OLE_MAGIC):
        return "xls"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIMETYPE:
                    return "ods"
        except (zipfile.BadZipFile, OSError, KeyError) as error:
            raise ImportFileError(
                f"« {path.name} » est une archive endommagée : ce n'est pas un tableur lisible."
            ) from error
        if "[Content_Types].xml" in names:
            return "xlsx"
        raise ImportFileError(f"« {path.name} » est une archive ZIP, pas un tableur (.xlsx, .ods).")
    if b"\x00" in head or head.startswith(b"%PDF"):
        raise ImportFileError(f"« {path.name} » n'est pas un tableur : formats acceptés .xlsx, .xls, .ods et .csv.")
    if path.suffix.lower() in _WORKBOOK_SUFFIXES:
        raise ImportFileError(
            f"« {path.name} » n'est pas un classeur {_WORKBOOK_SUFFIXES[path.suffix.lower()]} lisible : "
            "son contenu est du texte, pas un tableur."
        )
    return "csv"


def read_workbook(path: Path) -> RawWorkbook:
    kind = detect_kind(path)
    if kind == "csv":
        sheets = [_read_csv(path)]
    elif kind == "xlsx":
        sheets = _read_xlsx(path)
    else:
        sheets = _read_calamine(path, kind)
    if not sheets:
        raise ImportFileError(f"« {path.name} » ne contient aucune feuille.")
    return RawWorkbook(path=path, kind=kind, sheets=sheets)


def _capped(path: Path, sheet: str, rows: Iterable[Iterable[Any]]) -> list[tuple[Any, ...]]:
    """Rows as tuples, trailing empty cells dropped, at most MAX_ROWS (else a clear refusal)."""
    result: list[tuple[Any, ...]] = []
    for values in rows:
        if len(result) >= MAX_ROWS:
            raise ImportFileError(
                f"La feuille « {sheet} » de « {path.name} » dépasse {MAX_ROWS:,} lignes".replace(",", "\u202f")
                + " : découpez le fichier avant de l'importer."
            )
        row = tuple(None if value == "" else value for value in values)
        end = len(row)
        while end and row[end - 1] is None:
            end -= 1
        if end > MAX_COLUMNS:
            raise ImportFileError(
                f"La feuille « {sheet} » de « {path.name} » a plus de {MAX_COLUMNS} colonnes remplies : "
                "ce n'est pas un plan d'action lisible."
            )
        result.append(row[:end])
    while result and not result[-1]:
        result.pop()
    return result


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _fill_merged(rows: list[tuple[Any, ...]], ranges: Iterable[tuple[int, int, int, int]]) -> None:
    """Copy each merged range's top-left value to its other cells (0-based, inclusive bounds)."""
    for top, left, bottom, right in ranges:
        if top >= len(rows) or bottom - top > MAX_ROWS or right - left > MAX_COLUMNS:
            continue
        first = rows[top]
        value = first[left] if left < len(first) else None
        if value is None:
            continue
        for index in range(top, min(bottom, len(rows) - 1) + 1):
            row = list(rows[index])
            if len(row) <= right:
                row.extend([None] * (right + 1 - len(row)))
            for column in range(left, right + 1):
                row[column] = value
            rows[index] = tuple(row)


def _read_xlsx(path: Path) -> list[RawSheet]:
    import defusedxml  # noqa: F401  (openpyxl parses XML through defusedxml when it is importable)
    import openpyxl

    check_xlsx_archive(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise ImportFileError(f"« {path.name} » ne peut pas être lu comme classeur Excel ({error}).") from error
    sheets = []
    try:
        for worksheet in book.worksheets:
            try:
                rows = _capped(path, worksheet.title, worksheet.iter_rows(values_only=True))
                ranges = _xlsx_merged_ranges(book, worksheet)
            except ImportFileError:
                raise
            except Exception as error:
                raise ImportFileError(
                    f"La feuille « {worksheet.title} » de « {path.name} » est endommagée ({error})."
                ) from error
            _fill_merged(rows, ranges)
            sheets.append(RawSheet(worksheet.title, rows))
    finally:
        book.close()
    return sheets


def _xlsx_merged_ranges(book: Any, worksheet: Any) -> list[tuple[int, int, int, int]]:
    """openpyxl's read-only mode ignores merged cells: read their references from the sheet's XML with a
    plain pattern (no XML parser involved, so nothing to expand)."""
    sheet_path = getattr(worksheet, "_worksheet_path", None)
    archive = getattr(book, "_archive", None)
    if sheet_path is None or archive is None:
        return []
    with archive.open(sheet_path) as stream:
        data = stream.read(MAX_UNCOMPRESSED_BYTES)
    return [
        (int(top) - 1, _column_index(left.decode()), int(bottom) - 1, _column_index(right.decode()))
        for left, top, right, bottom in _MERGE_REF.findall(data)
    ]


def _read_calamine(path: Path, kind: FileKind) -> list[RawSheet]:
    from python_calamine import CalamineWorkbook

    if kind == "ods":
        _check_zip_size(path)
    label = "classeur Excel 97-2003 (.xls)" if kind == "xls" else "classeur OpenDocument (.ods)"
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as error:
        raise ImportFileError(f"« {path.name} » ne peut pas être lu comme {label} ({error}).") from error
    sheets = []
    try:
        for name in book.sheet_names:
            try:
                sheet = book.get_sheet_by_name(name)
                rows = _capped(path, name, sheet.iter_rows())
                ranges = [(start[0], start[1], end[0], end[1]) for start, end in (sheet.merged_cell_ranges or [])]
            except ImportFileError:
                raise
            except Exception as error:
                raise ImportFileError(f"La feuille « {name} » de « {path.name} » est illisible ({error}).") from error
            _fill_merged(rows, ranges)
            sheets.append(RawSheet(name, rows))
    finally:
        book.close()
    return sheets


def _check_zip_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportFileError(f"« {path.name} » est endommagé : {error}.") from error
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ImportFileError(
            f"« {path.name} » se décompresse en plus de {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} Mo : "
            "il est refusé par précaution (fichier anormal ou trop volumineux)."
        )


def decode_text(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 — the two encodings French Excel writes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"« {path.name} » n'est ni en UTF-8 ni en Windows-1252 (octet illisible en position {error.start}) : "
            "enregistrez-le en « CSV UTF-8 » depuis Excel."
        ) from error


def detect_separator(text: str) -> str:
    """The separator giving the most lines of the same width (>1 cell) over the first lines; title and
    note lines of one cell do not count. `;` wins ties: French Excel writes it."""
    sample = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ";", (0, 0)
    for separator in _CSV_SEPARATORS:
        widths = [len(row) for row in csv.reader(sample, delimiter=separator) if len(row) > 1]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = (widths.count(common), common)
        if score > best_score:
            best, best_score = separator, score
    return best


def _read_csv(path: Path) -> RawSheet:
    text = decode_text(path, path.read_bytes())
    separator = detect_separator(text)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
        rows = _capped(path, path.stem, ([_csv_value(cell) for cell in row] for row in reader))
    except csv.Error as error:
        raise ImportFileError(f"« {path.name} » n'est pas un CSV lisible ({error}).") from error
    return RawSheet(path.stem, rows)


def _csv_value(cell: str) -> str | None:
    text = cell.strip()
    if not text:
        return None
    return _NEUTRALISED.sub("", text)
