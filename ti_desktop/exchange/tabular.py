"""Any spreadsheet file → sheets of raw cell values: .xlsx, .xls and .ods (python-calamine, fifty times
faster than openpyxl on a 5,000-action plan), .csv (UTF-8 or Windows-1252, `;`, `,` or tab).

Before an archive is parsed, its uncompressed size is checked (zip bombs) and XML members declaring a DTD
or entities are refused (what defusedxml forbids).

The file type is told from its content, not its name. Merged cells are filled: every cell of a merged
range shows the range's value (an axis merged down ten rows names each of them). Problems that make the
whole file unreadable raise `ImportFileError` with a French message; nothing here writes anything.
"""

# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException

from ti_desktop.exchange.ods_merges import ods_layout
from ti_desktop.exchange.report import ImportFileError
from ti_desktop.exchange.workbook import MAX_ROWS, MAX_UNCOMPRESSED_BYTES, ZIP_ERRORS, check_xlsx_archive
from ti_desktop.exchange.xlsx_errors import ErrorCell, xlsx_error_cells

FileKind = Literal["xlsx", "xls", "ods", "csv"]
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_COLUMNS = 200
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_LABELS = {
    "xlsx": "classeur Excel (.xlsx)",
    "xls": "classeur Excel 97-2003 (.xls)",
    "ods": "classeur OpenDocument (.ods)",
}
_WORKBOOK_SUFFIXES = {".xlsx": "Excel", ".xlsm": "Excel", ".xls": "Excel", ".ods": "OpenDocument"}
_CSV_SEPARATORS = (";", ",", "\t")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
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
                if "mimetype" in names and _first_bytes(archive, "mimetype").strip() == _ODS_MIMETYPE:
                    return "ods"
        except (*ZIP_ERRORS, KeyError) as error:
            raise ImportFileError(
                f"« {path.name} » est une archive endommagée : ce n'est pas un tableur lisible."
            ) from error
        if "[Content_Types].xml" in names:
            return "xlsx"
        raise ImportFileError(f"« {path.name} » est une archive ZIP, pas un tableur (.xlsx, .ods).")
    # Excel's « Texte Unicode » (UTF-16 with its BOM, tab-separated) is text, whatever its NUL bytes.
    is_text = head.startswith(_UTF16_BOMS)
    if not is_text and (b"\x00" in head or head.startswith(b"%PDF")):
        raise ImportFileError(f"« {path.name} » n'est pas un tableur : formats acceptés .xlsx, .xls, .ods et .csv.")
    if path.suffix.lower() in _WORKBOOK_SUFFIXES:
        raise ImportFileError(
            f"« {path.name} » n'est pas un classeur {_WORKBOOK_SUFFIXES[path.suffix.lower()]} lisible : "
            "son contenu est du texte, pas un tableur."
        )
    return "csv"


def _first_bytes(archive: zipfile.ZipFile, member: str, count: int = 200) -> bytes:
    """The start of a member, without unpacking it all (it could be a zip bomb)."""
    with archive.open(member) as stream:
        return stream.read(count)


def read_workbook(path: Path) -> RawWorkbook:
    kind = detect_kind(path)
    if kind == "csv":
        sheets = [_read_csv(path)]
    elif kind == "xlsx":
        check_xlsx_archive(path)
        _refuse_dtd(path)
        sheets = _read_calamine(path, kind)
    else:
        sheets = _read_calamine(path, kind)
    if not sheets:
        raise ImportFileError(f"« {path.name} » ne contient aucune feuille.")
    return RawWorkbook(path=path, kind=kind, sheets=sheets)


def _capped(path: Path, sheet: str, rows: Iterable[Iterable[Any]]) -> list[tuple[Any, ...]]:
    """Rows as tuples, trailing empty cells and rows dropped, at most MAX_ROWS rows holding something
    (else a clear refusal); blank rows do not count, Excel often leaves hundreds below a table."""
    result: list[tuple[Any, ...]] = []
    filled = blank_run = 0
    for values in rows:
        row = tuple(None if value == "" else value for value in values)
        end = len(row)
        while end and row[end - 1] is None:
            end -= 1
        if not end:
            blank_run += 1
            if blank_run > MAX_ROWS:  # a sheet of nothing but empty rows: stop reading
                break
            result.append(())
            continue
        blank_run = 0
        filled += 1
        if filled > MAX_ROWS:
            raise ImportFileError(
                f"La feuille « {sheet} » de « {path.name} » dépasse {MAX_ROWS:,} lignes".replace(",", "\u202f")
                + " : découpez le fichier avant de l'importer."
            )
        if end > MAX_COLUMNS:
            raise ImportFileError(
                f"La feuille « {sheet} » de « {path.name} » a plus de {MAX_COLUMNS} colonnes remplies : "
                "ce n'est pas un plan d'action lisible."
            )
        result.append(row[:end])
    while result and not result[-1]:
        result.pop()
    return result


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


def _refuse_dtd(path: Path) -> None:
    """Refuse XML members declaring a DTD or entities, as defusedxml does: no spreadsheet needs them, and
    they are how "billion laughs" and external-entity attacks start. The parser (calamine's quick-xml)
    expands no entities anyway; this makes the refusal explicit and the message clear."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if not info.filename.endswith((".xml", ".rels", ".vml")):
                    continue
                with archive.open(info) as stream:
                    head = stream.read(64 * 1024)  # a DTD comes before the root element
                if _DTD.search(head):
                    raise ImportFileError(
                        f"« {path.name} » contient une déclaration XML interdite (DTD ou entité, dans "
                        f"« {info.filename} ») : fichier refusé par sécurité."
                    )
    except ZIP_ERRORS as error:
        raise ImportFileError(f"« {path.name} » est endommagé : {error}.") from error


def _read_calamine(path: Path, kind: FileKind) -> list[RawSheet]:
    from python_calamine import CalamineWorkbook

    if kind == "ods":
        _check_zip_size(path)
    label = _LABELS[kind]
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as error:
        raise ImportFileError(f"« {path.name} » ne peut pas être lu comme {label} ({error}).") from error
    ods_ranges, errors = _ods_layout(path) if kind == "ods" else ({}, {})
    if kind == "xlsx":
        errors = _xlsx_errors(path)
    sheets = []
    try:
        for name in book.sheet_names:
            try:
                sheet = book.get_sheet_by_name(name)
                # calamine's rows start at row 1 but at the first used column: put the columns back in place.
                left = sheet.start[1] if sheet.start else 0
                rows = _capped(path, name, ([None] * left + list(row) for row in sheet.iter_rows()))
                _show_errors(rows, errors.get(name, []))
                ranges = [(start[0], start[1], end[0], end[1]) for start, end in (sheet.merged_cell_ranges or [])]
                ranges += ods_ranges.get(name, [])
            except ImportFileError:
                raise
            except Exception as error:
                raise ImportFileError(f"La feuille « {name} » de « {path.name} » est illisible ({error}).") from error
            _fill_merged(rows, ranges)
            sheets.append(RawSheet(name, rows))
    finally:
        book.close()
    return sheets


def _xlsx_errors(path: Path) -> dict[str, list[ErrorCell]]:
    """calamine reads an error cell (`#N/A`, `#DIV/0!`) as empty: find them in the sheets' XML."""
    try:
        return xlsx_error_cells(path)
    except (*ZIP_ERRORS, KeyError, DefusedXmlException, ParseError) as error:
        raise ImportFileError(f"« {path.name} » est endommagé ({error}).") from error


def _show_errors(rows: list[tuple[Any, ...]], errors: list[ErrorCell]) -> None:
    """Put each error cell's shown value (`#N/A`) where calamine left it empty (.xlsx) or 0 (.ods)."""
    for row, column, shown in errors:
        if row >= MAX_ROWS * 2 or column >= MAX_COLUMNS:
            continue
        while len(rows) <= row:
            rows.append(())
        values = list(rows[row])
        if len(values) <= column:
            values.extend([None] * (column + 1 - len(values)))
        values[column] = shown
        rows[row] = tuple(values)


def _ods_layout(path: Path) -> tuple[dict[str, list[tuple[int, int, int, int]]], dict[str, list[ErrorCell]]]:
    """calamine reports no merged cells for .ods, and reads an error cell as 0: read both from content.xml
    (defusedxml)."""
    try:
        return ods_layout(path)
    except (*ZIP_ERRORS, KeyError, DefusedXmlException, ParseError) as error:
        raise ImportFileError(f"« {path.name} » est endommagé ({error}).") from error


def _check_zip_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except ZIP_ERRORS as error:
        raise ImportFileError(f"« {path.name} » est endommagé : {error}.") from error
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ImportFileError(
            f"« {path.name} » se décompresse en plus de {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} Mo : "
            "il est refusé par précaution (fichier anormal ou trop volumineux)."
        )


def decode_text(path: Path, data: bytes) -> str:
    """UTF-16 when the file says so (its BOM: Excel's « Texte Unicode »), else UTF-8 (with or without BOM),
    else Windows-1252 — the encodings French Excel writes."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ImportFileError(
                f"« {path.name} » se dit en UTF-16 mais ne l'est pas (octet illisible en position {error.start}) : "
                "enregistrez-le en « CSV UTF-8 » depuis Excel."
            ) from error
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
        try:
            widths = [len(row) for row in csv.reader(sample, delimiter=separator) if len(row) > 1]
        except csv.Error:  # e.g. a cell longer than the csv module accepts: the reading reports it
            continue
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
