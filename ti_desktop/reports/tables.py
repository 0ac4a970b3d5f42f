"""The pieces of tables and counted phrases both PDFs use: header rows, data tables, "3 actions"."""

# mypy: disable-error-code="import-untyped"
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table

from ti_desktop.kernel.formatting import format_number
from ti_desktop.reports.grid import HEADER_ROWS, Grid, GridPart, supports
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
) -> Flowable:
    """A data table (`styles.data_table_style`) whose header repeats on every page; `total_row` sets the last
    row apart; `split_in_row` lets a row taller than a page split inside it instead of failing the layout.
    Drawn by `reports.grid` (measured once, drawn cheaply), or by a reportlab `Table` when a row may split or
    a command is one `grid` does not draw."""
    style = data_table_style()
    for command in extra:
        style.add(*command)
    if total_row:
        style.add("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG)
        style.add("LINEABOVE", (0, -1), (-1, -1), 0.8, HEADER_BG)
    if not split_in_row and supports(style):
        return GridPart(Grid(rows, widths, style))
    options: dict[str, Any] = {"splitInRow": 1} if split_in_row else {}
    table = Table(rows, colWidths=list(widths), repeatRows=HEADER_ROWS, hAlign="LEFT", **options)
    table.setStyle(style)
    if not split_in_row:
        # Its rows' heights measured once: otherwise every page break of a long table measures its remaining
        # rows again (and scans them for the next unmeasured one), quadratic in its length.
        table.wrap(sum(table._colWidths), float("inf"))
        table._argH = list(table._rowHeights)
    return table
