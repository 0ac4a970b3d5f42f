"""Cells as exports write them: text that a spreadsheet could take for a formula is neutralised, and
workbooks are streamed straight to SpreadsheetML.

Why a small writer of our own: openpyxl serialises each cell through ElementTree (lxml is not a
dependency), which takes several seconds for a plan of 10,000 actions; writing the XML text directly
is an order of magnitude faster. It writes only what exports need: shared strings, numbers, dates, a
fixed set of styles, column widths, frozen panes and filters.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum
from pathlib import Path
from types import TracebackType
from typing import IO, Any

# What spreadsheets read as the start of a formula (or of a DDE payload): = + - @, tab and carriage return.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_TEXT = 32_767  # Excel refuses (and "repairs") a file holding a longer text
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_EPOCH_TIME = dt.datetime(1899, 12, 30)
_FLUSH_ROWS = 500
# Cell endings remembered by text (a chunk's titles recur on its funding, milestone and update rows).
_STRING_CELLS = 20_000

CellValue = str | int | float | Decimal | dt.date | bool | None


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """For CSV: a leading apostrophe keeps a formula-like text as text in Excel and LibreOffice."""
    return "'" + text if is_formula_like(text) else text


def put_text(cell: Any, text: str) -> None:
    """For openpyxl worksheets: store `text` as a plain string cell, never a formula (openpyxl turns any
    string starting with "=" into one), with Excel's quote prefix when it looks like a formula."""
    cell.value = text
    cell.data_type = "s"
    if is_formula_like(text):
        cell.quotePrefix = True


class CellStyle(IntEnum):
    """Index of each cell format in the stylesheet `_STYLES` writes (order matters)."""

    DEFAULT = 0
    HEADER = 1
    DATE = 2
    EUROS = 3
    INTEGER = 4
    QUOTED_TEXT = 5  # text starting like a formula: Excel's quotePrefix keeps it text when edited
    TITLE = 6
    NOTE = 7


DATE_FORMAT = "DD/MM/YYYY"
EUROS_FORMAT = '#,##0.00\\ "€"'

_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<numFmts count="2"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/>\
<numFmt numFmtId="165" formatCode="{EUROS_FORMAT.replace('"', "&quot;")}"/></numFmts>\
<fonts count="4">\
<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font>\
<font><b/><sz val="14"/><color rgb="FF1F3864"/><name val="Calibri"/><family val="2"/></font>\
<font><i/><sz val="9"/><color rgb="FF57606A"/><name val="Calibri"/><family val="2"/></font>\
</fonts>\
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FF1F4E79"/><bgColor indexed="64"/></patternFill></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="8">\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">\
<alignment vertical="center" wrapText="1"/></xf>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>\
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
<alignment vertical="top" wrapText="1"/></xf>\
</cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>"""

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    width: float
    style: CellStyle = CellStyle.DEFAULT  # how numbers and dates of this column are shown


def column_name(index: int) -> str:
    """0 → A, 26 → AA."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _escape(text: str) -> str:
    # A carriage return must be a character reference: XML parsers turn a literal one into a line feed.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attribute(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


def clean_text(text: str) -> str:
    """What a cell can hold: no character XML forbids, at most Excel's 32,767 characters."""
    if not text.isprintable():  # (a printable text holds no control character, surrogate or non-character)
        text = _ILLEGAL_XML.sub("", text)
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - 1] + "…"
    return text


class SheetStream:
    """One worksheet being written, row after row (obtained from `XlsxStream.sheet`)."""

    def __init__(
        self, book: XlsxStream, number: int, name: str, columns: Sequence[Column], stream: IO[bytes] | None = None
    ) -> None:
        """`stream`: where the sheet's XML goes when not straight into the archive (a temporary file)."""
        self._book, self.number, self.name = book, number, name
        self._columns = list(columns)
        self._letters = [column_name(index) for index in range(max(len(self._columns), 1))]
        # What follows the reference of a number cell in each column: its number format, if any.
        self._number_attributes = [_s(_number_style(column.style)) for column in self._columns]
        self._number_attributes += [""] * (len(self._letters) - len(self._number_attributes))
        self.spooled = stream is not None
        self._stream = stream or book._zip.open(self.part, "w", force_zip64=True)
        self._pending: list[str] = []
        self.rows = 0
        self._filter_from: int | None = None
        self.closed = False

    @property
    def part(self) -> str:
        return f"xl/worksheets/sheet{self.number}.xml"

    def _start(self, freeze: tuple[int, int] | None, selected: bool) -> None:
        cols = "".join(
            f'<col min="{index}" max="{index}" width="{column.width:g}" customWidth="1"/>'
            for index, column in enumerate(self._columns, start=1)
        )
        head = (
            f'{_XML_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
            f"{_sheet_views(freeze, selected)}"
            '<sheetFormatPr defaultRowHeight="15"/>'
            f"{f'<cols>{cols}</cols>' if cols else ''}<sheetData>"
        )
        self._stream.write(head.encode("utf-8"))

    def header(self, *, height: float | None = 30) -> None:
        """The column titles, styled, on the next row."""
        self.row([column.header for column in self._columns], style=CellStyle.HEADER, height=height)

    def filter_from_here(self) -> None:
        """Put the filter buttons on the last row written (the header): the filter covers the rows below."""
        self._filter_from = self.rows

    def row(self, values: Sequence[CellValue], *, style: CellStyle | None = None, height: float | None = None) -> None:
        """Append a row. `style` forces one style on every cell (title, header, notes); otherwise texts are
        plain (quote-prefixed when formula-like) and numbers and dates take their column's format."""
        if style is not None:
            self._styled_row(values, style, height)
            return
        self.rows += 1
        number = str(self.rows)
        if len(values) > len(self._letters):
            self._widen(len(values) - 1)
        parts = [f'<row r="{number}" ht="{height:g}" customHeight="1">' if height else f'<row r="{number}">']
        append = parts.append
        book = self._book
        strings, dates = book._string_cells, book._date_cells
        # The hot loop of every export: one type test per cell, the usual types first, texts' and dates' cell
        # endings looked up (a plan repeats its labels, names and days), no function call for the usual cells.
        value: Any
        for letter, number_attribute, value in zip(self._letters, self._number_attributes, values, strict=False):
            if value is None:
                continue
            kind = type(value)
            if kind is str:
                tail = strings.get(value)
                if tail is None:
                    if not value:
                        continue
                    tail = book._new_string(value)
                append(f'<c r="{letter}{number}"{tail}')
            elif kind is dt.date:
                tail = dates.get(value)
                if tail is None:
                    tail = book._new_date(value)
                append(f'<c r="{letter}{number}"{tail}')
            elif kind is Decimal:
                if value.is_finite():
                    append(f'<c r="{letter}{number}"{number_attribute}><v>{value:f}</v></c>')
            elif kind is int:
                append(f'<c r="{letter}{number}"{number_attribute}><v>{value}</v></c>')
            elif kind is float:
                if math.isfinite(value):
                    append(f'<c r="{letter}{number}"{number_attribute}><v>{value!r}</v></c>')
            elif kind is bool:
                append(f'<c r="{letter}{number}" t="b"><v>{int(value)}</v></c>')
            else:
                append(self._other_cell(f"{letter}{number}", value, number_attribute))
        append("</row>")
        self._pending.append("".join(parts))
        if len(self._pending) >= _FLUSH_ROWS:
            self._flush()

    def _other_cell(self, reference: str, value: object, number_attribute: str) -> str:
        """Subclasses of the usual types (a StrEnum member, a numpy number…)."""
        if isinstance(value, str):
            text = str.__str__(value)
            if not text:
                return ""
            tail = self._book._string_cells.get(text) or self._book._new_string(text)
            return f'<c r="{reference}"{tail}'
        if isinstance(value, bool):
            return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, dt.date):
            return f'<c r="{reference}" s="{CellStyle.DATE:d}"><v>{_serial(value)}</v></c>'
        if isinstance(value, int | float | Decimal):
            shown = _number(value)
            return f'<c r="{reference}"{number_attribute}><v>{shown}</v></c>' if shown is not None else ""
        raise TypeError(f"cannot write {type(value).__name__} in a cell")

    def _styled_row(self, values: Sequence[CellValue], style: CellStyle, height: float | None) -> None:
        """A row whose every cell has `style` (few rows: written the simple way)."""
        self.rows += 1
        number = self.rows
        parts = [f'<row r="{number}" ht="{height:g}" customHeight="1">' if height else f'<row r="{number}">']
        for index, value in enumerate(values):
            if value is None or value == "":
                continue
            if index >= len(self._letters):
                self._widen(index)
            reference = f"{self._letters[index]}{number}"
            if isinstance(value, str):
                position = self._book._string_index(value)
                parts.append(f'<c r="{reference}" t="s"{_s(style)}><v>{position}</v></c>')
            elif isinstance(value, bool):
                parts.append(f'<c r="{reference}" t="b"{_s(style)}><v>{int(value)}</v></c>')
            elif isinstance(value, dt.date):
                parts.append(f'<c r="{reference}"{_s(style)}><v>{_serial(value)}</v></c>')
            elif (text := _number(value)) is not None:
                parts.append(f'<c r="{reference}"{_s(style)}><v>{text}</v></c>')
        parts.append("</row>")
        self._pending.append("".join(parts))

    def _widen(self, index: int) -> None:
        """Columns beyond those declared: plain cells."""
        for extra in range(len(self._letters), index + 1):
            self._letters.append(column_name(extra))
            self._number_attributes.append("")

    def _flush(self) -> None:
        if self._pending:
            self._stream.write("".join(self._pending).encode("utf-8"))
            self._pending.clear()

    @property
    def filter_range(self) -> str | None:
        if self._filter_from is None or not self._columns:
            return None
        last = max(self.rows, self._filter_from)
        return f"A{self._filter_from}:{self._letters[len(self._columns) - 1]}{last}"

    def close(self) -> None:
        if self.closed:
            return
        self._flush()
        tail = "</sheetData>"
        if self.filter_range:
            tail += f'<autoFilter ref="{self.filter_range}"/>'
        tail += '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        tail += '<pageSetup orientation="landscape"/></worksheet>'
        self._stream.write(tail.encode("utf-8"))
        if self.spooled:
            self._book._copy_in(self)  # the temporary file closes (and goes) once copied
        else:
            self._stream.close()
        self.closed = True


class XlsxStream:
    """An .xlsx workbook written sheet after sheet. Declare the sheet names up front (the package's
    content types come first in the archive), then call `sheet()` for each, in that order, then `close()`."""

    def __init__(
        self, path: Path, sheet_names: Sequence[str], created: dt.datetime, *, title: str | None = None
    ) -> None:
        """`created`: the workbook's creation time (timezone-aware), written in its properties."""
        if not sheet_names:
            raise ValueError("a workbook needs at least one sheet")
        self._names = list(sheet_names)
        self._title = title
        self._created = created
        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        self._strings: dict[str, int] = {}  # cleaned text → index in the shared strings
        self._string_cells: dict[str, str] = {}  # text as given → end of its cell's XML
        self._date_cells: dict[dt.date, str] = {}  # day → end of its cell's XML
        self._sheets: list[SheetStream] = []
        self._spooled_done: list[SheetStream] = []  # spooled sheets written, waiting to be copied in
        self._zip.writestr("[Content_Types].xml", _content_types(len(self._names)))
        self._zip.writestr("_rels/.rels", _package_rels())

    def sheet(self, name: str, columns: Sequence[Column], *, freeze: tuple[int, int] | None = None) -> SheetStream:
        """Start the next sheet; `freeze` = (rows, columns) kept in view when scrolling."""
        expected = self._names[len(self._sheets)] if len(self._sheets) < len(self._names) else None
        if name != expected:
            raise ValueError(f"sheet {name!r} written out of the declared order {self._names!r}")
        if self._sheets:
            self._sheets[-1].close()
        sheet = SheetStream(self, len(self._sheets) + 1, name, columns)
        sheet._start(freeze, selected=not self._sheets)
        self._sheets.append(sheet)
        return sheet

    def sheets_together(
        self, specs: Sequence[tuple[str, Sequence[Column], tuple[int, int] | None]], spool: Path
    ) -> list[SheetStream]:
        """Start every remaining sheet at once, (name, columns, freeze) each, to write their rows interleaved
        (one pass over a plan read in chunks): the first goes straight into the archive, the others into
        temporary files in the folder `spool`, copied in when the workbook closes (an archive takes one entry
        at a time)."""
        sheets: list[SheetStream] = []
        for name, columns, freeze in specs:
            expected = self._names[len(self._sheets)] if len(self._sheets) < len(self._names) else None
            if name != expected:
                raise ValueError(f"sheet {name!r} written out of the declared order {self._names!r}")
            first = not sheets
            if first and self._sheets:
                self._sheets[-1].close()
            stream = None if first else tempfile.TemporaryFile(dir=spool)
            sheet = SheetStream(self, len(self._sheets) + 1, name, columns, stream)
            sheet._start(freeze, selected=not self._sheets)
            self._sheets.append(sheet)
            sheets.append(sheet)
        return sheets

    def _copy_in(self, sheet: SheetStream) -> None:
        """A spooled sheet's XML into the archive, once the sheets before it are in."""
        self._spooled_done.append(sheet)

    def _write_spooled(self) -> None:
        for sheet in sorted(self._spooled_done, key=lambda done: done.number):
            stream = sheet._stream
            stream.seek(0)
            with self._zip.open(sheet.part, "w", force_zip64=True) as target:
                shutil.copyfileobj(stream, target, 1 << 20)
            stream.close()
        self._spooled_done.clear()

    def close(self) -> None:
        if len(self._sheets) != len(self._names):
            raise ValueError(f"{len(self._sheets)} sheets written out of {len(self._names)} declared")
        for sheet in self._sheets:
            sheet.close()
        self._write_spooled()
        self._write_strings()
        self._zip.writestr("xl/styles.xml", _STYLES)
        self._zip.writestr("xl/workbook.xml", self._workbook())
        self._zip.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(self._sheets)))
        self._zip.writestr("docProps/core.xml", _core(self._title, self._created))
        self._zip.close()
        self._release()

    def abandon(self) -> None:
        """Stop writing (after an error or a cancellation); the partial file is the caller's to delete."""
        for sheet in self._sheets:
            if not sheet.closed:
                sheet._stream.close()
                sheet.closed = True
        for sheet in self._spooled_done:
            sheet._stream.close()
        self._zip.close()
        self._release()

    def _release(self) -> None:
        """Let go of the sheets (each refers back to the workbook) and the string tables at once: a cycle would
        keep a national plan's strings until the collector next runs."""
        self._sheets, self._spooled_done = [], []
        self._strings, self._string_cells, self._date_cells = {}, {}, {}

    def __enter__(self) -> XlsxStream:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.abandon()

    def _string_index(self, text: str) -> int:
        cleaned = clean_text(text)
        position = self._strings.get(cleaned)
        if position is None:
            position = self._strings[cleaned] = len(self._strings)
        return position

    def _new_string(self, text: str) -> str:
        """The end of the XML of a plain cell holding `text` (remembered: plans repeat many texts)."""
        cleaned = text if text.isprintable() and len(text) <= MAX_CELL_TEXT else clean_text(text)
        strings = self._strings
        position = strings.get(cleaned)
        if position is None:
            position = strings[cleaned] = len(strings)
        if text.startswith(FORMULA_STARTS):
            tail = f' t="s" s="{CellStyle.QUOTED_TEXT:d}"><v>{position}</v></c>'
        else:
            tail = f' t="s"><v>{position}</v></c>'
        if len(self._string_cells) >= _STRING_CELLS:
            self._string_cells.clear()  # bounded: a national plan's titles are nearly all distinct
        self._string_cells[text] = tail
        return tail

    def _new_date(self, day: dt.date) -> str:
        """The end of the XML of a date cell (remembered: a plan's dates fall on few days)."""
        tail = f' s="{CellStyle.DATE:d}"><v>{_serial(day)}</v></c>'
        if len(self._date_cells) >= _STRING_CELLS:
            self._date_cells.clear()
        self._date_cells[day] = tail
        return tail

    def _write_strings(self) -> None:
        """The shared strings, escaped a batch at a time: the batch's texts joined by a NUL (which no cleaned text
        holds), escaped in one pass, the NULs then turned into the XML between two texts."""
        with self._zip.open("xl/sharedStrings.xml", "w", force_zip64=True) as stream:
            stream.write(f'{_XML_HEAD}<sst xmlns="{_MAIN}" uniqueCount="{len(self._strings)}">'.encode())
            texts = list(self._strings)  # dicts keep insertion order: the index order
            between = '</t></si><si><t xml:space="preserve">'
            for start in range(0, len(texts), 2000):
                joined = _escape("\x00".join(texts[start : start + 2000])).replace("\x00", between)
                stream.write(f'<si><t xml:space="preserve">{joined}</t></si>'.encode())
            stream.write(b"</sst>")

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name="{_attribute(sheet.name)}" sheetId="{sheet.number}" r:id="rId{sheet.number}"/>'
            for sheet in self._sheets
        )
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{sheet.number - 1}" hidden="1">'
            f"{_attribute(_absolute_range(sheet.name, sheet.filter_range))}</definedName>"
            for sheet in self._sheets
            if sheet.filter_range
        )
        return (
            f'{_XML_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f"<sheets>{sheets}</sheets>{f'<definedNames>{names}</definedNames>' if names else ''}"
            '<calcPr calcId="191029"/></workbook>'
        )


def _s(style: int) -> str:
    return f' s="{style}"' if style else ""


def _number_style(style: CellStyle) -> CellStyle:
    """Numbers in a date column are plain numbers (dates are written as dates)."""
    return CellStyle.DEFAULT if style in (CellStyle.DATE, CellStyle.QUOTED_TEXT) else style


def _serial(value: dt.date) -> str:
    if isinstance(value, dt.datetime):
        delta = value.replace(tzinfo=None) - _EXCEL_EPOCH_TIME
        return f"{delta.days + delta.seconds / 86_400:.6f}".rstrip("0").rstrip(".")
    return str((value - _EXCEL_EPOCH).days)


def _number(value: object) -> str | None:
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else None
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else None
    raise TypeError(f"cannot write {type(value).__name__} in a cell")


def _absolute_range(sheet: str, cells: str | None) -> str:
    start, _, end = (cells or "A1").partition(":")

    def absolute(reference: str) -> str:
        match = re.fullmatch(r"([A-Z]+)(\d+)", reference)
        return f"${match.group(1)}${match.group(2)}" if match else reference

    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!{absolute(start)}" + (f":{absolute(end)}" if end else "")


def _sheet_views(freeze: tuple[int, int] | None, selected: bool) -> str:
    tab = ' tabSelected="1"' if selected else ""
    rows, cols = freeze or (0, 0)
    if not rows and not cols:
        return f'<sheetViews><sheetView workbookViewId="0"{tab}/></sheetViews>'
    top_left = f"{column_name(cols)}{rows + 1}"
    pane = "bottomRight" if rows and cols else ("bottomLeft" if rows else "topRight")
    splits = (f' xSplit="{cols}"' if cols else "") + (f' ySplit="{rows}"' if rows else "")
    return (
        f'<sheetViews><sheetView workbookViewId="0"{tab}>'
        f'<pane{splits} topLeftCell="{top_left}" activePane="{pane}" state="frozen"/>'
        f'<selection pane="{pane}" activeCell="{top_left}" sqref="{top_left}"/></sheetView></sheetViews>'
    )


def _content_types(sheet_count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{number}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for number in range(1, sheet_count + 1)
    )
    return (
        f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{sheets}"
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    )


def _package_rels() -> str:
    return (
        f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
        'Target="docProps/core.xml"/>'
        "</Relationships>"
    )


def _workbook_rels(sheet_count: int) -> str:
    sheets = "".join(
        f'<Relationship Id="rId{number}" Type="{_REL}/worksheet" Target="worksheets/sheet{number}.xml"/>'
        for number in range(1, sheet_count + 1)
    )
    return (
        f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL}">{sheets}'
        f'<Relationship Id="rId{sheet_count + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{sheet_count + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )


def _core(title: str | None, created: dt.datetime) -> str:
    now = created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    title_element = f"<dc:title>{_escape(clean_text(title))}</dc:title>" if title else ""
    return (
        f"{_XML_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{title_element}<dc:creator>TI Desktop</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>"
    )
