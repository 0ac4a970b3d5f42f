"""Merged cells of an OpenDocument spreadsheet, which python-calamine does not report, and its error cells
(a formula showing `#DIV/0!`, `Err:502`), which calamine reads as the number 0.

content.xml is parsed with defusedxml (no entity expansion) and only the positions of cells spanning
several rows or columns are kept: (top, left, bottom, right), 0-based and inclusive, per sheet name; and the
error cells, (row, column, the error shown).
"""

# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import zipfile
from pathlib import Path

from defusedxml.ElementTree import iterparse

from ti_desktop.exchange.xlsx_errors import ErrorCell

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TABLE = f"{{{TABLE_NS}}}table"
_ROW = f"{{{TABLE_NS}}}table-row"
_CELLS = (f"{{{TABLE_NS}}}table-cell", f"{{{TABLE_NS}}}covered-table-cell")
_NAME = f"{{{TABLE_NS}}}name"
_ROWS_REPEATED = f"{{{TABLE_NS}}}number-rows-repeated"
_COLUMNS_REPEATED = f"{{{TABLE_NS}}}number-columns-repeated"
_ROWS_SPANNED = f"{{{TABLE_NS}}}number-rows-spanned"
_COLUMNS_SPANNED = f"{{{TABLE_NS}}}number-columns-spanned"

_VALUE_TYPE = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type"

Range = tuple[int, int, int, int]
MAX_REPEATED_ERRORS = 200  # a row of columns repeated by the thousand is not a table: its first cells suffice


def _count(value: str | None) -> int:
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1


def ods_layout(path: Path) -> tuple[dict[str, list[Range]], dict[str, list[ErrorCell]]]:
    """Sheet name → merged ranges, and sheet name → error cells (sheets without any are absent). Raises what
    zipfile and the XML parser raise on damaged files."""
    ranges: dict[str, list[Range]] = {}
    errors: dict[str, list[ErrorCell]] = {}
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
        sheet: str | None = None
        row = column = 0
        for event, element in iterparse(stream, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == _TABLE:
                    sheet, row = element.get(_NAME) or "", 0
                    ranges.setdefault(sheet, [])
                elif tag == _ROW:
                    column = 0
                elif tag in _CELLS and sheet is not None:
                    rows_spanned = _count(element.get(_ROWS_SPANNED))
                    columns_spanned = _count(element.get(_COLUMNS_SPANNED))
                    if rows_spanned > 1 or columns_spanned > 1:
                        ranges[sheet].append((row, column, row + rows_spanned - 1, column + columns_spanned - 1))
                continue
            if tag in _CELLS:
                repeated = _count(element.get(_COLUMNS_REPEATED))
                if sheet is not None and element.get(_VALUE_TYPE) == "error":
                    shown = "".join(element.itertext()).strip() or "#ERREUR"
                    cells = ((row, column + offset, shown) for offset in range(min(repeated, MAX_REPEATED_ERRORS)))
                    errors.setdefault(sheet, []).extend(cells)
                column += repeated
                element.clear()
            elif tag == _ROW:
                row += _count(element.get(_ROWS_REPEATED))
                element.clear()
            elif tag == _TABLE:
                sheet = None
    return ranges, errors
