"""Text written on a PDF page with the operators reportlab's text objects write, without their cost: a table of
5,000 actions draws some 60,000 strings, and reportlab builds a text object, a font lookup and its subset
encoding for each. Here a string's operators are formatted directly, and those of short strings (dates,
amounts, statuses) remembered for the document (on its canvas): the same PDF, written faster.

`string_object` is `canvas.drawString`'s text object; `draw_lines` is what a Paragraph of plain text (one
style, no markup) draws for its broken lines."""

# mypy: disable-error-code="import-untyped"
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

_REMEMBERED_LENGTH = 40  # longer strings (titles) rarely repeat: not worth remembering
_CACHE = "_ti_text_operators"  # the canvas attribute holding a document's remembered operators


class _Unassigned(Exception):
    """A character without a code in a font's first subset (yet)."""


class _FirstSubset(dict[int, str]):
    """A TrueType font's codes in its first subset for a document, by character, for `str.translate`: the
    bytes `splitString` would write, as characters; any other character raises `_Unassigned`."""

    def __missing__(self, key: int) -> str:
        raise _Unassigned


_CODES = "_ti_subset_codes"  # the canvas attribute holding a document's `_FirstSubset` by font


def _first_subset(canvas: Canvas, font: Any) -> _FirstSubset:
    tables: dict[str, _FirstSubset] | None = canvas.__dict__.get(_CODES)
    if tables is None:
        tables = canvas.__dict__[_CODES] = {}
    codes = tables.get(font.fontName)
    if codes is None:
        codes = tables[font.fontName] = _FirstSubset()
    return codes


def _operators(canvas: Canvas, font_name: str, size: float, leading: float, text: str, subset: int) -> tuple[str, int]:
    """What `PDFTextObject._formatText` writes for `text` in a TrueType font whose current subset is `subset`
    (-1 at the start of a text object): the font switches and the strings; and the subset in use after it.
    Text whose characters all have a code in the first subset is encoded by `str.translate`; other text by
    the font's `splitString`, which gives new characters their codes."""
    font = getFont(font_name)
    document = canvas._doc
    codes = _first_subset(canvas, font)
    try:
        encoded: Sequence[tuple[int, Any]] = [(0, text.translate(codes))]
    except _Unassigned:
        encoded = font.splitString(text, document)
        assignments = font.state[document].assignments
        if len(assignments) + 1 != len(codes):
            codes.update((code, chr(n)) for code, n in assignments.items() if n < 256)
            if 32 in assignments and assignments[32] < 256:
                codes[0xA0] = chr(assignments[32])  # splitString writes a no-break space as a space
    parts: list[str] = []
    template = None
    for part_subset, part in encoded:
        if part_subset != subset:
            if template is None:
                template = f"{fp_str(size)} Tf {fp_str(leading)} TL"
            parts.append(f"{font.getSubsetInternalName(part_subset, document)} {template}")
            subset = part_subset
        parts.append(f"({canvas._escape(part)}) Tj")
    return " ".join(parts), subset


def is_subset_font(font_name: str) -> bool:
    """Whether `font_name` is a TrueType font embedded as subsets, the only kind these functions write."""
    return bool(getFont(font_name)._dynamicFont)


def _cached_operators(canvas: Canvas, font_name: str, size: float, leading: float, text: str) -> str:
    if len(text) > _REMEMBERED_LENGTH:
        return _operators(canvas, font_name, size, leading, text, -1)[0]
    cache: dict[tuple[str, float, float, str], str] | None = canvas.__dict__.get(_CACHE)
    if cache is None:
        cache = canvas.__dict__[_CACHE] = {}
    key = (font_name, size, leading, text)
    operators = cache.get(key)
    if operators is None:
        operators = cache[key] = _operators(canvas, font_name, size, leading, text, -1)[0]
    return operators


def use_font(canvas: Canvas, font_name: str) -> None:
    """Make the document carry `font_name` (what `canvas.setFont` does besides writing an operator); a
    TrueType font embedded as subsets is carried once a string names one of its subsets."""
    if not is_subset_font(font_name):
        canvas._doc.getInternalFontName(font_name)


def string_object(canvas: Canvas, x: float, y: float, font_name: str, size: float, leading: float, text: str) -> str:
    """The text object `canvas.drawString(x, y, text)` writes with that font, size and leading (the font
    made known to the document first: `use_font`)."""
    return f"BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm {_cached_operators(canvas, font_name, size, leading, text)} T* ET"


def string_x(x: float, width: float, alignment: int, text: str, font_name: str, size: float) -> float:
    """Where a one-line `text` starts in a box at `x` of `width`, aligned as a Paragraph aligns it."""
    if alignment == TA_RIGHT:
        return x + width - float(stringWidth(text, font_name, size))
    if alignment == TA_CENTER:
        return x + width / 2 - float(stringWidth(text, font_name, size)) / 2
    return x


def draw_lines(canvas: Canvas, x: float, y: float, height: float, style: ParagraphStyle, lines: Sequence[Any]) -> None:
    """Draw `lines` ((unused width, text) each) as a Paragraph of plain text in `style`, `height` high, drawn
    at (x, y), draws them: the same operators as `Paragraph.drawOn` for a single fragment."""
    font_name, size, leading = style.fontName, style.fontSize, style.leading
    use_font(canvas, font_name)
    alignment = style.alignment
    code = [f"BT 1 0 0 1 0 {fp_str(height - size)} Tm"]
    subset = -1
    moved = 0.0  # the text line's start, from the paragraph's left edge
    for unused, text in lines:
        offset = unused if alignment == TA_RIGHT else unused / 2 if alignment == TA_CENTER else 0.0
        if offset - moved > 1e-6 or offset - moved < -1e-6:
            code.append(f"{fp_str(offset - moved)} 0 Td")
            moved = offset
        operators, subset = _operators(canvas, font_name, size, leading, text, subset)
        code.append(f"{operators} T*")
    if moved > 1e-6 or moved < -1e-6:
        code.append(f"{fp_str(-moved)} 0 Td")
    code.append("ET")
    fill = _fill_operator(canvas, style.textColor)
    _append_at(canvas, x, y, style.textColor, " ".join(code), None if fill is None else f"{fill}\n")


def _append_at(canvas: Canvas, x: float, y: float, colour: Any, text: str, before: str | None) -> None:
    """The text operators `text`, drawn at (x, y) in `colour`, in a saved state as `Paragraph.drawOn` does.
    `before`: what goes ahead of them (the fill operator, when known); None: a colour only the canvas can set."""
    if before is None:
        canvas.saveState()
        canvas.translate(x, y)
        canvas.saveState()
        canvas.setFillColor(colour)
        canvas._code.append(text)
        canvas.restoreState()
        canvas.restoreState()
    else:  # the same operators, without the canvas's state bookkeeping (its state is the same after)
        canvas._code.append(f"q\n1 0 0 1 {fp_str(x, y)} cm\nq\n{before}{text}\nQ\nQ")


def _fill_operator(canvas: Canvas, colour: Any) -> str | None:
    """The operator `canvas.setFillColor(colour)` writes for a plain RGB colour; None for any other."""
    if type(colour) is not Color or canvas._enforceColorSpace:
        return None
    return f"{fp_str(colour.red, colour.green, colour.blue)} rg"


def draw_stacked(
    canvas: Canvas, x: float, y: float, width: float, style: ParagraphStyle, lines: Sequence[tuple[str, float, str]]
) -> None:
    """Draw `lines` ((font, width, text) each, every one fitting `width`) one above the other in `style`, in a
    box at (x, y): the operators `Paragraph.drawOn` writes for `line<br/><b>line</b>` (several fragments)."""
    size, leading, alignment = style.fontSize, style.leading, style.alignment
    code = [f"BT 1 0 0 1 0 {fp_str(leading * len(lines) - size)} Tm"]
    fill = _fill_operator(canvas, style.textColor)
    moved = 0.0
    for index, (font_name, line_width, text) in enumerate(lines):
        use_font(canvas, font_name)
        unused = width - line_width
        offset = unused if alignment == TA_RIGHT else unused / 2 if alignment == TA_CENTER else 0.0
        if offset - moved > 1e-6 or offset - moved < -1e-6:
            code.append(f"{fp_str(offset - moved)} 0 Td")
            moved = offset
        if index == 0:
            code.append(f"{fp_str(leading)} TL")
            if fill is not None:
                code.append(fill)
        code.append(f"{_operators(canvas, font_name, size, leading, text, -1)[0]} T*")
    if moved > 1e-6 or moved < -1e-6:
        code.append(f"{fp_str(-moved)} 0 Td")
    code.append("ET")
    _append_at(canvas, x, y, style.textColor, " ".join(code), None if fill is None else "")  # fill: in `code`
