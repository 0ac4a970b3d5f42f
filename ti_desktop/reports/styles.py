"""Colours, paragraph and table styles of the reports: sober, readable, French typography."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, TableStyle
from reportlab.platypus.paragraph import _wsc
from reportlab.platypus.paraparser import ParaFrag, ParaParser
from reportlab.rl_config import _FUZZ

from ti_desktop.domain.enums import STATUS_COLOURS
from ti_desktop.reports.fonts import BOLD, FAMILY, register_fonts
from ti_desktop.reports.pdf_text import draw_lines, draw_stacked, string_object, string_x, use_font

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#57606a")
RULE = colors.HexColor("#d0d7de")
HEADER_BG = colors.HexColor("#24425f")  # deep blue-grey: table headers, cover band
ZEBRA = colors.HexColor("#f4f6f8")
ACCENT = colors.HexColor("#0b5cad")
ALERT = colors.HexColor("#b42318")
ALERT_BG = colors.HexColor("#fdecea")
OK = colors.HexColor("#1a7f37")

# The same status colours as the application (one table, in the domain).
__all__ = ["STATUS_COLOURS"]


NARROW_NBSP = "\u202f"


def unbreakable(markup: str) -> str:
    """reportlab's Paragraph breaks lines at U+202F (and prints it as a plain space): in paragraphs, French
    amounts use the no-break space U+00A0, which it keeps together. Plain table cells keep U+202F."""
    return markup.replace(NARROW_NBSP, "\xa0")


def safe(text: str | None) -> str:
    """User text made inert for Paragraph markup (`&`, `<`, `>` escaped), line breaks kept."""
    if not text:
        return ""
    return unbreakable(escape(text).replace("\r\n", "\n").replace("\n", "<br/>"))


def hex_colour(value: str, fallback: str = "#57606a") -> colors.Color:
    try:
        return colors.HexColor(value)
    except (ValueError, TypeError):
        return colors.HexColor(fallback)


_ALIGNMENTS = {TA_LEFT: "LEFT", TA_RIGHT: "RIGHT", TA_CENTER: "CENTER"}


_SPLIT_NO_BREAK = re.compile(f"[{re.escape(_wsc)}]+").split  # reportlab's word split where U+00A0 is


def _words(text: str) -> list[str]:
    """The words a Paragraph breaks `text` into (`paragraph.split` of `paragraph.strip`): at white space,
    never at a no-break space."""
    text = text.strip(_wsc)
    return _SPLIT_NO_BREAK(text) if "\xa0" in text else text.split()


_NOT_PLAIN = re.compile(r"[\t\n\r\x0b\x0c]|  |^ | $")  # what a Paragraph would collapse, strip or break on
_PLAIN_FRAGMENTS: dict[int, tuple[ParagraphStyle, ParaFrag]] = {}


def _plain_fragment(style: ParagraphStyle) -> ParaFrag:
    """The fragment a Paragraph of plain text in `style` parses to (parsed once per style)."""
    known = _PLAIN_FRAGMENTS.get(id(style))
    if known is None or known[0] is not style:
        _style, fragments, _bullet = ParaParser().parse("x", style)
        known = _PLAIN_FRAGMENTS[id(style)] = (style, fragments[0])
    return known[1]


def _breaks_simply(style: ParagraphStyle) -> bool:
    """Whether a Paragraph in `style` breaks plain text only at spaces, on lines as wide as it (what
    `CellText.lines` reproduces): no indents, hyphenation, bidirectional or CJK wrapping, shaping or end dots."""
    return not (
        style.leftIndent
        or style.rightIndent
        or style.firstLineIndent
        or style.wordWrap
        or getattr(style, "hyphenationLang", "")
        or getattr(style, "uriWasteReduce", 0)
        or getattr(style, "embeddedHyphenation", 0)
        or getattr(style, "shaping", 0)
        or getattr(style, "endDots", None)
        or getattr(style, "autoLeading", "") not in ("", "off", None)
        or not style.splitLongWords
    )


class CellText(Flowable):
    """USER text in a table cell, drawn as its Paragraph would draw it, but measured first: a single line
    that fits its column is drawn directly (a Paragraph parses, wraps and draws each cell several times
    during a table's layout, which dominated the report's time); plain text that needs several lines is broken
    at spaces as the Paragraph would break it (`lines`) and drawn line by line; anything else (line breaks,
    a word longer than the column…) is a Paragraph."""

    # A report builds tens of thousands of cells: a cell's own state is in slots (no per-cell dictionary, a
    # third of a long report's memory); what `Flowable.__init__` would set are class attributes.
    __slots__ = (
        "_lines",
        "_lines_at",
        "_paragraph",
        "_text_width",
        "_wrapped_at",
        "_wrapped_size",
        "height",
        "style",
        "text",
        "width",
    )
    wrapped = 0
    hAlign = "LEFT"
    vAlign = "BOTTOM"
    _traceInfo = None
    _showBoundary = None
    encoding = None

    def __init__(self, text: str | None, style: ParagraphStyle) -> None:
        self.text = unbreakable(text or "")
        self.style = style
        self.width = 0.0
        self.height = 0.0
        self._paragraph: Paragraph | None = None
        self._text_width = -1.0
        self._wrapped_at: float | None = None
        self._wrapped_size: tuple[float, float] = (0.0, 0.0)
        self._lines_at: float | None = None
        self._lines: list[tuple[float, str]] | None = None

    def _measured(self) -> float:
        """The text's width on one line; infinite when it is not plain (what a Paragraph would collapse,
        strip or break on, and an empty cell, which a Paragraph makes 0 high)."""
        if self._text_width < 0:
            text = self.text
            if not text or _NOT_PLAIN.search(text):
                self._text_width = float("inf")
            else:
                self._text_width = getFont(self.style.fontName).stringWidth(text, self.style.fontSize)
        return self._text_width

    def one_line(self, available_width: float) -> bool:
        """Whether the text is drawn on one line at `available_width` (as a string, no Paragraph)."""
        return self._paragraph is None and self._measured() <= available_width - 0.01

    def lines(self, available_width: float) -> list[tuple[float, str]] | None:
        """The lines, (unused width, text) each, that a Paragraph of this plain text breaks it into at
        `available_width` (`Paragraph.breakLines` for one fragment: words at spaces, a line's spaces allowed
        to shrink by `spaceShrinkage`); None when the Paragraph would do more: text that is not plain, a word
        wider than the line (split), soft hyphens, a line squeezed by shrinking its spaces (drawn with word
        spacing), or a style with indents or hyphenation. Then the Paragraph itself is used."""
        if self._lines_at == available_width:
            return self._lines
        self._lines_at, self._lines = available_width, None
        style = self.style
        if self._paragraph is not None or self._measured() == float("inf") or "\xad" in self.text:
            return None
        if available_width < _FUZZ or not _breaks_simply(style):
            return None
        size = style.fontSize
        width_of = getFont(style.fontName).stringWidth
        space = width_of(" ", size)
        shrink = style.spaceShrinkage * space
        lines: list[tuple[float, str]] = []
        line: list[str] = []
        current = -space
        for word in _words(self.text):
            word_width = width_of(word, size)
            if word_width > available_width:
                return None  # the Paragraph splits the word
            new_width = current + space + word_width
            if new_width <= available_width + shrink * len(line) or not line:
                line.append(word)
                current = new_width
            else:
                lines.append((available_width - current, " ".join(line)))
                line, current = [word], word_width
        if line:
            lines.append((available_width - current, " ".join(line)))
        if any(unused < -1e-8 for unused, _text in lines):
            return None  # the Paragraph would set a negative word spacing
        self._lines = lines
        return lines

    def _wrapped(self) -> Paragraph:
        if self._paragraph is None:
            if self._measured() < float("inf"):
                # Plain text: the fragment its markup would parse to, without parsing it.
                fragment = _plain_fragment(self.style).clone(text=self.text)
                self._paragraph = Paragraph(self.text, self.style, frags=[fragment])
            else:
                self._paragraph = Paragraph(safe(self.text), self.style)
        return self._paragraph

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.one_line(available_width):
            self.width, self.height = available_width, self.style.leading
            return self.width, self.height
        if self._paragraph is None:
            lines = self.lines(available_width)
            if lines is not None:
                self.width, self.height = available_width, self.style.leading * len(lines)
                return self.width, self.height
        # A table wraps each cell several times at the same width (heights, split, draw), with various
        # heights, which do not change how a Paragraph breaks its lines: wrap it once per width.
        if self._wrapped_at != available_width:
            self._wrapped_size = self._wrapped().wrap(available_width, available_height)
            self._wrapped_at = available_width
        self.width, self.height = self._wrapped_size
        return self._wrapped_size

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.one_line(available_width):
            return []
        self._wrapped_at = None
        self._lines_at = None
        return self._wrapped().split(available_width, available_height)  # type: ignore[no-any-return]

    def minWidth(self) -> float:
        return self._wrapped().minWidth()  # type: ignore[no-any-return]

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def getPlainText(self) -> str:
        return self.text

    def draw_at(self, canvas: Canvas, x: float, y: float, width: float, fill: Any) -> Any:
        """Draw the text wrapped at `width` with its box's bottom left corner at (x, y) of `canvas`, as
        `drawOn` would draw it (for `reports.grid`, which tracks the fill colour: `fill` is the current one;
        returns the one after)."""
        style = self.style
        if self.one_line(width):
            use_font(canvas, style.fontName)
            baseline = y + style.leading - style.fontSize  # where a Paragraph puts its first line
            start = string_x(x, width, style.alignment, self.text, style.fontName, style.fontSize)
            if fill is None or fill != style.textColor:
                canvas.setFillColor(style.textColor)
            canvas._code.append(
                string_object(canvas, start, baseline, style.fontName, style.fontSize, style.leading, self.text)
            )
            return style.textColor
        lines = self.lines(width) if self._paragraph is None else None
        if lines is not None:
            draw_lines(canvas, x, y, style.leading * len(lines), style, lines)
            return fill
        paragraph = self._wrapped()
        if self._wrapped_at != width:
            self._wrapped_size = paragraph.wrap(width, float("inf"))
            self._wrapped_at = width
        paragraph.drawOn(canvas, x, y)
        return fill

    def draw(self) -> None:
        if self._paragraph is not None:
            self._paragraph.drawOn(self.canv, 0, 0)
            return
        lines = None if self.one_line(self.width) else self.lines(self.width)
        if lines is not None:
            draw_lines(self.canv, 0, 0, self.height, self.style, lines)
            return
        canvas, style = self.canv, self.style
        canvas.saveState()
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        baseline = self.height - style.fontSize  # where a Paragraph puts its first line
        alignment = _ALIGNMENTS.get(style.alignment, "LEFT")
        if alignment == "RIGHT":
            canvas.drawRightString(self.width, baseline, self.text)
        elif alignment == "CENTER":
            canvas.drawCentredString(self.width / 2, baseline, self.text)
        else:
            canvas.drawString(0, baseline, self.text)
        canvas.restoreState()


class StackedText(Flowable):
    """Short lines of program text one above the other in one style, some in its bold face (a deadline above
    « en retard »): what a Paragraph of `line<br/><b>line</b>` draws, measured and drawn without parsing it.
    A line wider than its column makes it that Paragraph (which would break it)."""

    def __init__(self, lines: Sequence[tuple[str, bool]], style: ParagraphStyle) -> None:
        super().__init__()
        self.lines = [(unbreakable(text), bold) for text, bold in lines]
        self.style = style
        self._paragraph: Paragraph | None = None
        bold_font = tt2ps(style.fontName, 1, 0)
        self._fonts = [bold_font if bold else style.fontName for _text, bold in self.lines]
        self._widths = [
            getFont(font).stringWidth(text, style.fontSize)
            for (text, _bold), font in zip(self.lines, self._fonts, strict=True)
        ]

    def _fits(self, available_width: float) -> bool:
        return self._paragraph is None and all(width <= available_width for width in self._widths)

    def _wrapped(self) -> Paragraph:
        if self._paragraph is None:
            markup = "<br/>".join(f"<b>{safe(text)}</b>" if bold else safe(text) for text, bold in self.lines)
            self._paragraph = Paragraph(markup, self.style)
        return self._paragraph

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._fits(available_width):
            self.width, self.height = available_width, self.style.leading * len(self.lines)
        else:
            self.width, self.height = self._wrapped().wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self._fits(available_width):
            return []
        return self._wrapped().split(available_width, available_height)  # type: ignore[no-any-return]

    def minWidth(self) -> float:
        return max(self._widths, default=0.0)

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def getPlainText(self) -> str:
        return "\n".join(text for text, _bold in self.lines)

    def draw(self) -> None:
        self.draw_at(self.canv, 0, 0, self.width, None)

    def draw_at(self, canvas: Canvas, x: float, y: float, width: float, fill: Any) -> Any:
        """Draw the lines in a box `width` wide, its bottom left corner at (x, y) (as `CellText.draw_at`)."""
        if not self._fits(width):
            self._wrapped().wrap(width, float("inf"))
            self._wrapped().drawOn(canvas, x, y)
            return fill
        texts = [text for text, _bold in self.lines]
        draw_stacked(canvas, x, y, width, self.style, list(zip(self._fonts, self._widths, texts, strict=True)))
        return fill


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    cell_late: ParagraphStyle
    header_cell: ParagraphStyle
    header_cell_right: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle

    def p(self, text: str | None, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of USER text: always escaped."""
        return Paragraph(safe(text), style or self.body)

    def cell_text(self, text: str | None, style: ParagraphStyle | None = None) -> CellText:
        """A table cell of USER text (as `p`), cheap when it fits on one line of its column."""
        return CellText(text, style or self.cell)

    def stacked(self, lines: Sequence[tuple[str, bool]], style: ParagraphStyle | None = None) -> StackedText:
        """Short lines of program text one above the other, (text, bold) each: as `markup` of
        `line<br/><b>line</b>`, cheaper."""
        return StackedText(lines, style or self.cell)

    def markup(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of markup written by the program (any user part already through `safe`)."""
        return Paragraph(unbreakable(markup), style or self.body)


def build_styles() -> Styles:
    font = register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13, textColor=INK, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9.2, spaceAfter=0)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10.5),
        muted=ParagraphStyle("muted", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        cell_late=ParagraphStyle("cell_late", parent=cell, alignment=TA_RIGHT, textColor=ALERT),
        header_cell=ParagraphStyle("header_cell", parent=cell, fontName=BOLD, textColor=colors.white),
        header_cell_right=ParagraphStyle(
            "header_cell_right", parent=cell, fontName=BOLD, textColor=colors.white, alignment=TA_RIGHT
        ),
        h1=ParagraphStyle(
            "H1", parent=body, fontName=BOLD, fontSize=16, leading=20, textColor=HEADER_BG, spaceBefore=4, spaceAfter=8
        ),
        h2=ParagraphStyle(
            "H2", parent=body, fontName=BOLD, fontSize=12, leading=15, textColor=HEADER_BG, spaceBefore=10, spaceAfter=5
        ),
        h3=ParagraphStyle("H3", parent=body, fontName=BOLD, fontSize=10, leading=13, spaceBefore=8, spaceAfter=3),
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=26, leading=31, textColor=HEADER_BG, spaceAfter=10
        ),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=15, leading=19, textColor=ACCENT, spaceAfter=6),
        cover_line=ParagraphStyle("cover_line", parent=body, fontSize=10.5, leading=15, alignment=TA_LEFT),
        figure=ParagraphStyle(
            "figure", parent=body, fontName=BOLD, fontSize=15, leading=18, textColor=HEADER_BG, alignment=TA_CENTER
        ),
        figure_label=ParagraphStyle(
            "figure_label", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED, alignment=TA_CENTER
        ),
        toc1=ParagraphStyle("toc1", parent=body, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=5),
        toc2=ParagraphStyle("toc2", parent=body, fontSize=9.5, leading=12.5, leftIndent=16),
    )


def data_table_style(*, header_rows: int = 1, zebra: bool = True) -> TableStyle:
    """A readable data table: dark header, light rules, zebra rows."""
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("TEXTCOLOR", (0, header_rows), (-1, -1), INK),
        # The header's font, as its cells' style says: a header cell that fits is drawn as a plain string.
        ("FONTNAME", (0, 0), (-1, header_rows - 1), BOLD),
        ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white),
    ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
    return TableStyle(commands)
