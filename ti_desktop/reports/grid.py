"""The data tables of our PDFs, laid out and drawn as reportlab's `Table` lays out and draws them — the same
rows, heights, page breaks, repeated header, backgrounds, rules and text, the same PDF operators for the
text — at a fraction of its cost and memory.

A `Table` of 5,000 rows keeps a style object per cell, re-applies its style commands to every remaining row at
each page break, and draws each string through a text object of its own: that was most of a 5,000-action
report's time. Here a table (`Grid`) is measured once when it is built; each page shows a `GridPart`, a view
of rows [start, stop) under the repeated header; a cell's style is computed once per distinct set of
commands covering it; strings are written as operators directly (`reports.pdf_text`), cells of user text
(`styles.CellText`) drawn line by line without a Paragraph; other flowables (markup, charts) as `Table`
draws them.

Style commands understood (`TableStyle` syntax, as `styles.data_table_style` and the sections write them):
the cell styles (FONT, FONTNAME, FONTSIZE, LEADING, TEXTCOLOR, ALIGN, VALIGN, the paddings), BACKGROUND,
ROWBACKGROUNDS, LINEABOVE and LINEBELOW (plain lines). `supports` says whether a style is one of those;
`tables.data_table` uses a reportlab `Table` otherwise."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, TableStyle
from reportlab.platypus.tables import CellStyle

from ti_desktop.reports.pdf_text import is_subset_font, string_object, use_font
from ti_desktop.reports.styles import CellText, StackedText

HEADER_ROWS = 1  # the rows repeated at the top of every page

_CELL_OPS = frozenset(
    {
        "FONT",
        "FONTNAME",
        "FACE",
        "FONTSIZE",
        "SIZE",
        "LEADING",
        "TEXTCOLOR",
        "ALIGN",
        "ALIGNMENT",
        "VALIGN",
        "LEFTPADDING",
        "RIGHTPADDING",
        "TOPPADDING",
        "BOTTOMPADDING",
    }
)
_BACKGROUND_OPS = frozenset({"BACKGROUND", "ROWBACKGROUNDS"})
_LINE_OPS = frozenset({"LINEABOVE", "LINEBELOW"})
_FEW_ROWS = 4  # a command on at most this many rows is looked up by row, not tested on every row


class _Style:
    """A cell's style, as `tables.CellStyle` holds it after the commands covering the cell."""

    __slots__ = (
        "alignment",
        "bottom",
        "color",
        "fontname",
        "fontsize",
        "leading",
        "left",
        "right",
        "top",
        "valign",
    )

    def __init__(self, commands: Sequence[tuple[Any, ...]]) -> None:
        self.fontname: str = CellStyle.fontname
        self.fontsize: float = CellStyle.fontsize
        self.leading: float = CellStyle.leading
        self.color: Any = colors.toColor(CellStyle.color)
        self.alignment: str = CellStyle.alignment
        self.valign: str = CellStyle.valign
        self.left: float = CellStyle.leftPadding
        self.right: float = CellStyle.rightPadding
        self.top: float = CellStyle.topPadding
        self.bottom: float = CellStyle.bottomPadding
        for command in commands:
            self._apply(command[0], command[3:])

    def _apply(self, op: str, values: Sequence[Any]) -> None:
        """`tables._setCellStyle`, on this style."""
        if op == "FONT":
            self.fontname = values[0]
            if len(values) > 1:
                self.fontsize = values[1]
                self.leading = values[2] if len(values) > 2 else self.fontsize * 1.2
        elif op in ("FONTNAME", "FACE"):
            self.fontname = values[0]
        elif op in ("SIZE", "FONTSIZE"):
            self.fontsize = values[0]
        elif op == "LEADING":
            self.leading = values[0]
        elif op == "TEXTCOLOR":
            self.color = colors.toColor(values[0], colors.Color(0, 0, 0))
        elif op in ("ALIGN", "ALIGNMENT"):
            self.alignment = values[0]
        elif op == "VALIGN":
            self.valign = values[0]
        elif op == "LEFTPADDING":
            self.left = values[0]
        elif op == "RIGHTPADDING":
            self.right = values[0]
        elif op == "TOPPADDING":
            self.top = values[0]
        elif op == "BOTTOMPADDING":
            self.bottom = values[0]


def supports(style: TableStyle) -> bool:
    """Whether `Grid` draws a table of this style (plain lines, no spans, no other commands)."""
    for command in style.getCommands():
        op = command[0]
        if op in _CELL_OPS or op in _BACKGROUND_OPS:
            if any(isinstance(index, str) for index in (*command[1], *command[2])):
                return False  # "splitfirst"/"splitlast" rows
            if op == "BACKGROUND" and (isinstance(command[3], list | tuple) or callable(command[3])):
                return False  # gradients, drawing functions
            continue
        if op in _LINE_OPS:
            if any(isinstance(index, str) for index in (*command[1], *command[2])):
                return False
            if len(command) > 5 and any(value is not None for value in command[6:7]):
                return False  # dashes
            if len(command) > 8 and command[8] not in (None, 1):
                return False  # double lines
            continue
        return False
    return True


class _Rows:
    """Commands by the rows they cover: those on few rows indexed by row, the others kept in a list; `at(row)`
    gives the commands covering a row in their order."""

    def __init__(self) -> None:
        self.wide: list[tuple[int, int, int, tuple[Any, ...]]] = []  # (order, first row, last row, command)
        self.by_row: dict[int, list[tuple[int, tuple[Any, ...]]]] = {}

    def add(self, order: int, first: int, last: int, command: tuple[Any, ...]) -> None:
        if last - first < _FEW_ROWS:
            for row in range(first, last + 1):
                self.by_row.setdefault(row, []).append((order, command))
        else:
            self.wide.append((order, first, last, command))

    def at(self, row: int) -> list[tuple[int, tuple[Any, ...]]]:
        found = [(order, command) for order, first, last, command in self.wide if first <= row <= last]
        few = self.by_row.get(row)
        if few:
            found += few
            found.sort(key=lambda item: item[0])
        return found

    def over(self, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, int, tuple[Any, ...]]]:
        """The commands covering any row of the spans (first, last), with their rows, in their order."""
        found = [item for item in self.wide if any(item[1] <= last and item[2] >= first for first, last in spans)]
        seen: set[int] = set()
        if self.by_row:
            for first, last in spans:
                for row in range(first, last + 1):
                    for order, command in self.by_row.get(row, ()):
                        if order not in seen:
                            seen.add(order)
                            found.append((order, command[1][1], command[2][1], command))
        found.sort(key=lambda item: item[0])
        return found


class Grid:
    """A data table: its cells, column widths and style commands (`TableStyle` syntax), its first
    `HEADER_ROWS` rows repeated on every page; measured once, when first laid out."""

    def __init__(self, rows: list[list[Any]], widths: Sequence[float], style: TableStyle) -> None:
        self.rows = rows
        self.widths = [float(width) for width in widths]
        self.column_x = [0.0]
        for width in self.widths:
            self.column_x.append(self.column_x[-1] + width)
        self.width = self.column_x[-1]
        self.row_count = len(rows)
        self.column_count = len(self.widths)
        self._cell_commands = _Rows()
        self.backgrounds = _Rows()
        self.lines: list[tuple[str, int, int, int, int, float, Any]] = []  # op, columns, rows, weight, colour
        for order, command in enumerate(style.getCommands()):
            op = command[0]
            (first_column, first_row), (last_column, last_row) = command[1], command[2]
            first_column, last_column = self._column(first_column), self._column(last_column)
            first_row, last_row = self._row(first_row), self._row(last_row)
            normalised = (op, (first_column, first_row), (last_column, last_row), *command[3:])
            if op in _CELL_OPS:
                first_row, last_row = max(0, first_row), min(self.row_count - 1, last_row)
                self._cell_commands.add(order, first_row, last_row, normalised)
            elif op in _BACKGROUND_OPS:
                self.backgrounds.add(order, first_row, last_row, normalised)
            else:
                self.lines.append((op, first_column, last_column, first_row, last_row, command[3], command[4]))
        self._styles_by_commands: dict[tuple[Any, ...], list[_Style]] = {}
        self.row_styles = [self._styles_of(row) for row in range(self.row_count)]
        self._heights: list[float] | None = None
        self._below: list[float] = []  # the heights of rows [0, n), for long parts' heights

    @property
    def heights(self) -> list[float]:
        """The rows' heights, measured when the layout first needs them: a report's tables are measured one
        after another as they are laid out, not all at once while the story is built (memory)."""
        if self._heights is None:
            self._heights = [self._measure(row) for row in range(self.row_count)]
            self._below = [0.0]
            for height in self._heights:
                self._below.append(self._below[-1] + height)
        return self._heights

    def rows_height(self, start: int, stop: int) -> float:
        """The height of rows [start, stop), near enough for rows more than a page (summed once)."""
        self.heights  # noqa: B018 (measured first)
        return self._below[stop] - self._below[start]

    def _column(self, index: int) -> int:
        return index + self.column_count if index < 0 else index

    def _row(self, index: int) -> int:
        return index + self.row_count if index < 0 else index

    def _styles_of(self, row: int) -> list[_Style]:
        """The style of each cell of `row`, shared by the rows the same commands cover (the same commands:
        a colour set on one cell of each row is the same command on the rows of the same colour)."""
        commands = [command for _order, command in self._cell_commands.at(row)]
        key = tuple((command[0], command[1][0], command[2][0], *command[3:]) for command in commands)
        styles = self._styles_by_commands.get(key)
        if styles is None:
            styles = [
                _Style([command for command in commands if command[1][0] <= column <= command[2][0]])
                for column in range(self.column_count)
            ]
            self._styles_by_commands[key] = styles
        return styles

    def _measure(self, row: int) -> float:
        """The row's height, as `Table._calc_height` measures it."""
        height = 0.0
        for value, style, width in zip(self.rows[row], self.row_styles[row], self.widths, strict=True):
            if isinstance(value, CellText | StackedText):
                cell = value.wrap(width - style.left - style.right, 72000 - style.top - style.bottom)[1]
            elif isinstance(value, Flowable | list | tuple):
                cell = _flowables_height(_flowables(value), width, style)
            else:
                cell = (style.leading or 1.2 * style.fontsize) * len(_text(value).split("\n"))
            cell += style.bottom + style.top
            if cell > height:
                height = cell
        return height

    def release(self, start: int, stop: int) -> None:
        """Forget the cells of rows [start, stop), drawn (never the header)."""
        for row in range(max(start, HEADER_ROWS), stop):
            self.rows[row] = []


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _flowables(value: Any) -> list[Any]:
    if isinstance(value, Flowable):
        return [value]
    flat: list[Any] = []
    for item in value:
        flat += _flowables(item) if isinstance(item, list | tuple) else [item]
    return flat


def _flowables_height(flowables: list[Any], width: float, style: _Style) -> float:
    """`Table._listCellGeom`'s height of a cell's flowables."""
    if not flowables:
        return 0.0
    available_width = width - style.left - style.right
    total = 0.0
    first_before: float | None = None
    after = 0.0
    for flowable in flowables:
        _width, height = flowable.wrapOn(None, available_width, 72000 - style.top - style.bottom)
        before, after = flowable.getSpaceBefore(), flowable.getSpaceAfter()
        total += height + after + before
        if first_before is None:
            first_before = before
    return total - (first_before or 0.0) - after


def _positions(heights: Sequence[float]) -> list[float]:
    """The rows' top edges from the table's bottom, then 0: `Table._calc_height`'s compensated sum."""
    positions: list[float] = []
    height = carry = 0.0
    for row_height in reversed(heights):
        positions.append(height)
        y = row_height - carry
        total = height + y
        carry = (total - height) - y
        height = total
    positions.append(height)
    positions.reverse()
    return positions


class GridPart(Flowable):
    """The rows [start, stop) of a `Grid` on one page or more, under its header when they are not its first
    rows (start 0: the rows from the header on). Splits as `Table.split` splits by rows."""

    def __init__(self, grid: Grid, start: int = 0, stop: int | None = None) -> None:
        super().__init__()
        self.grid = grid
        self.start = start
        self.stop = grid.row_count if stop is None else stop
        self.hAlign = "LEFT"
        self.vAlign = "MIDDLE"
        self.width = grid.width
        self.height = 0.0

    @property
    def continued(self) -> bool:
        return self.start > 0

    def _rows(self) -> Iterator[int]:
        """The grid's rows shown, in order."""
        if self.continued:
            return itertools.chain(range(HEADER_ROWS), range(self.start, self.stop))
        return iter(range(self.stop))

    def _spans(self) -> list[tuple[int, int]]:
        """The grid's rows shown, as spans (first, last)."""
        if self.continued:
            return [(0, HEADER_ROWS - 1), (self.start, self.stop - 1)]
        return [(0, self.stop - 1)]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        grid = self.grid
        height = grid.rows_height(self.start, self.stop)
        if self.continued:
            height += grid.rows_height(0, HEADER_ROWS)
        if height <= available_height + 1:  # near enough to matter: summed as `Table` sums it
            height = _positions([grid.heights[row] for row in self._rows()])[0]
        self.height = height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """`Table._splitRows` without splitting a row: the rows that fit, and the others under the header."""
        heights = self.grid.heights
        used = 0.0
        fitting = 0
        boundary = self.stop
        for row in self._rows():
            if used + heights[row] > available_height:
                boundary = row
                break
            fitting += 1
            used += heights[row]
        if fitting <= HEADER_ROWS:
            return []
        if boundary == self.stop:
            return [self]
        return [GridPart(self.grid, self.start, boundary), GridPart(self.grid, boundary, self.stop)]

    def draw(self) -> None:
        canvas = self.canv
        grid = self.grid
        rows = list(self._rows())
        heights = [grid.heights[row] for row in rows]
        positions = _positions(heights)
        canvas.saveState()
        self._draw_backgrounds(canvas, heights, positions)
        self._draw_cells(canvas, rows, heights, positions)
        self._draw_lines(canvas, rows, positions)
        canvas.restoreState()
        grid.release(self.start, self.stop)

    def _pieces(self, first: int, last: int) -> list[tuple[int, int]]:
        """The shown rows, first and last as indices into `_rows()`, that grid rows first..last cover: the
        header's then the others' (`Table`'s commands split with it)."""
        pieces: list[tuple[int, int]] = []
        if self.continued:
            if first < HEADER_ROWS:
                pieces.append((first, min(last, HEADER_ROWS - 1)))
            low, high = max(first, self.start), min(last, self.stop - 1)
            if low <= high:
                pieces.append((low - self.start + HEADER_ROWS, high - self.start + HEADER_ROWS))
        else:
            low, high = max(first, 0), min(last, self.stop - 1)
            if low <= high:
                pieces.append((low, high))
        return pieces

    def _draw_backgrounds(self, canvas: Canvas, heights: list[float], positions: list[float]) -> None:
        """`Table._drawBkgrnd`: each command in order, on the rows it covers here."""
        grid = self.grid
        x = grid.column_x
        for _order, first, last, command in grid.backgrounds.over(self._spans()):
            op, (first_column, _), (last_column, _), value = command[:4]
            x0 = x[first_column]
            x1 = x[min(last_column + 1, grid.column_count)]
            for low, high in self._pieces(first, last):
                y0 = positions[low]
                if op == "ROWBACKGROUNDS":
                    cycle = [colors.toColorOrNone(colour) for colour in value]
                    for index in range(high - low + 1):
                        colour = cycle[index % len(cycle)]
                        height = heights[low + index]
                        if colour:
                            canvas.setFillColor(colour)
                            canvas.rect(x0, y0, x1 - x0, -height, stroke=0, fill=1)
                        y0 -= height
                else:
                    colour = colors.toColorOrNone(value)
                    if colour:
                        canvas.setFillColor(colour)
                        canvas.rect(x0, y0, x1 - x0, positions[high + 1] - y0, stroke=0, fill=1)

    def _draw_cells(self, canvas: Canvas, rows: list[int], heights: list[float], positions: list[float]) -> None:
        """`Table._drawCell` for every cell, row by row."""
        grid = self.grid
        code = canvas._code
        fill: Any = None  # the fill colour set on the canvas
        fonts: set[str] = set()
        for index, row in enumerate(rows):
            bottom, height = positions[index + 1], heights[index]
            for value, style, column_x, width in zip(
                grid.rows[row], grid.row_styles[row], grid.column_x, grid.widths, strict=False
            ):
                if isinstance(value, CellText | StackedText):
                    inner = width - style.left - style.right
                    box_height = value.wrap(inner, height - style.top - style.bottom)[1]
                    y = _flowable_y(style, bottom, height, box_height)
                    fill = value.draw_at(canvas, column_x + style.left, y, inner, fill)
                    continue
                if fill is None or style.color != fill:
                    canvas.setFillColor(style.color)
                    fill = style.color
                if isinstance(value, Flowable | list | tuple):
                    _draw_flowables(canvas, _flowables(value), style, column_x, bottom, width, height)
                    continue
                if style.fontname not in fonts:
                    if not is_subset_font(style.fontname):
                        raise ValueError(f"Grid draws TrueType fonts only, not {style.fontname}")
                    use_font(canvas, style.fontname)
                    fonts.add(style.fontname)
                lines = _text(value).split("\n")
                leading, size = style.leading, style.fontsize
                if style.valign == "BOTTOM":
                    y = bottom + style.bottom + len(lines) * leading - size
                elif style.valign == "TOP":
                    y = bottom + height - style.top - size
                else:
                    y = bottom + (style.bottom + height - style.top + len(lines) * leading) / 2.0 - size
                for line in lines:
                    if style.alignment == "LEFT":
                        x = column_x + style.left
                    elif style.alignment == "RIGHT":
                        x = column_x + width - style.right - stringWidth(line, style.fontname, size)
                    else:
                        x = column_x + (width + style.left - style.right) * 0.5
                        x -= stringWidth(line, style.fontname, size) * 0.5
                    code.append(string_object(canvas, x, y, style.fontname, size, leading, line))
                    y -= leading

    def _draw_lines(self, canvas: Canvas, rows: list[int], positions: list[float]) -> None:
        """`Table._drawLines` for LINEABOVE and LINEBELOW, with the rules a page break adds: the rule above the
        first row under a repeated header, the rule below the last row before a LINEABOVE of the next page."""
        grid = self.grid
        x = grid.column_x
        canvas.saveState()
        stroke: Any = None
        weight_set: float | None = None
        first_line = True
        for op, first_column, last_column, first, last, weight, colour in grid.lines:
            first_column, last_column = max(0, first_column), min(grid.column_count - 1, last_column)
            ys: list[float] = []
            if op == "LINEBELOW":
                if self.continued and first <= self.start - 1 <= last:
                    ys.append(positions[HEADER_ROWS])  # the rule above this page's first row
                for low, high in self._pieces(first, last):
                    ys += positions[low + 1 : high + 2]
            else:
                if self.stop < grid.row_count and first <= self.stop <= last:
                    ys.append(positions[len(rows)])  # the rule below this page's last row
                for low, high in self._pieces(first, last):
                    ys += positions[low : high + 1]
            if not ys:
                continue
            if first_line:
                canvas.setLineCap(1)
                canvas.setLineJoin(1)
                first_line = False
            if colour and colour != stroke:
                canvas.setStrokeColor(colour)
                stroke = colour
            if weight and weight != weight_set:
                canvas.setLineWidth(weight)
                weight_set = weight
            for y in ys:
                canvas.line(x[first_column], y, x[last_column + 1], y)
        canvas.restoreState()


def _flowable_y(style: _Style, bottom: float, height: float, content: float) -> float:
    """Where `Table._drawCell` puts the bottom of a cell's single flowable `content` high."""
    if style.valign == "TOP":
        return bottom + height - style.top - content
    if style.valign == "BOTTOM":
        return bottom + style.bottom
    return bottom + (height + style.bottom - style.top + content) / 2.0 - content


def _draw_flowables(
    canvas: Canvas, flowables: list[Any], style: _Style, column_x: float, bottom: float, width: float, height: float
) -> None:
    """`Table._drawCell` for a cell of flowables (markup, charts): each wrapped and drawn as it draws them."""
    sizes = []
    available_width = width - style.left - style.right
    for flowable in flowables:
        if isinstance(flowable, Paragraph) and getattr(flowable, "width", None) == available_width:
            sizes.append((flowable.width, flowable.height))  # wrapped at this width when measured
        else:
            sizes.append(flowable.wrapOn(canvas, available_width, height - style.top - style.bottom))
    total = sum(h + f.getSpaceBefore() + f.getSpaceAfter() for f, (_w, h) in zip(flowables, sizes, strict=True))
    total -= flowables[0].getSpaceBefore() + flowables[-1].getSpaceAfter()
    if style.valign == "TOP":
        y = bottom + height - style.top
    elif style.valign == "BOTTOM":
        y = bottom + style.bottom + total
    else:
        y = bottom + (height + style.bottom - style.top + total) / 2.0
    y += flowables[0].getSpaceBefore()
    for flowable, (flowable_width, flowable_height) in zip(flowables, sizes, strict=True):
        if style.alignment == "LEFT":
            x = column_x + style.left
        elif style.alignment == "RIGHT":
            x = column_x + width - style.right - flowable_width
        else:
            x = column_x + (width + style.left - style.right - flowable_width) / 2.0
        y -= flowable.getSpaceBefore()
        y -= flowable_height
        flowable.drawOn(canvas, x, y)
        y -= flowable.getSpaceAfter()
