"""The pieces of tables and counted phrases both PDFs use: header rows, data tables, "3 actions"."""

# mypy: disable-error-code="import-untyped"
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Table

from ti_desktop.kernel.formatting import format_number
from ti_desktop.reports.styles import HEADER_BG, CellText, Styles, data_table_style

TOTAL_BG = colors.HexColor("#e6ebf0")
NO_RIGHT_ALIGNED = 99  # a `right_from` past every column


def plural(count: int, singular: str, plural: str) -> str:
    return f"{format_number(count)} {singular if count < 2 else plural}"


def header_row(styles: Styles, labels: Sequence[str], right_from: int = NO_RIGHT_ALIGNED) -> list[CellText]:
    """The header cells of a data table, those from column `right_from` on right-aligned."""
    return [
        styles.cell_text(label, styles.header_cell_right if index >= right_from else styles.header_cell)
        for index, label in enumerate(labels)
    ]


def data_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    extra: Iterable[tuple[Any, ...]] = (),
    total_row: bool = False,
    split_in_row: bool = False,
) -> Table:
    """A data table (`styles.data_table_style`) whose header repeats on every page; `total_row` sets the last
    row apart; `split_in_row` lets a row taller than a page split inside it instead of failing the layout."""
    options: dict[str, Any] = {"splitInRow": 1} if split_in_row else {}
    table = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT", **options)
    style = data_table_style()
    for command in extra:
        style.add(*command)
    if total_row:
        style.add("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG)
        style.add("LINEABOVE", (0, -1), (-1, -1), 0.8, HEADER_BG)
    table.setStyle(style)
    if not split_in_row:
        _measure_rows_once(table)
    return table


def _measure_rows_once(table: Table) -> None:
    """Give `table` its rows' heights, measured once: otherwise every page break of a long table measures
    its remaining rows again (and scans them for the next unmeasured one), quadratic in its length."""
    table.wrap(sum(table._colWidths), float("inf"))
    table._argH = list(table._rowHeights)
    # A one-line cell drawn exactly as the table draws a string (same font, size, colour, alignment, at the
    # top) becomes that string, far cheaper to lay out and draw; the rows keep their measured heights.
    for values, cell_styles in zip(table._cellvalues, table._cellStyles, strict=True):
        for column, (value, cell_style) in enumerate(zip(values, cell_styles, strict=True)):
            cell = value[0] if isinstance(value, tuple | list) and len(value) == 1 else value
            if isinstance(cell, CellText) and cell.drawn_as_string(cell_style):
                values[column] = cell.text
