"""The table of contents: every heading meant for it, titles and dot leaders drawn in the layout pass,
page numbers filled in at save time (`Pagination`), so one pass is enough."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from ti_desktop.reports.fonts import BOLD, FAMILY
from ti_desktop.reports.page import fit
from ti_desktop.reports.styles import HEADER_BG, INK, RULE


@dataclass
class Pagination:
    """Page numbers known only once the document is laid out: headings' pages and where the contents
    page prints them; drawn by `draw_numbers` at save time, so one layout pass is enough."""

    heading_pages: dict[str, int] = field(default_factory=dict)
    slots: list[tuple[int, float, float, str]] = field(default_factory=list)  # (page, x, y, key)

    def draw_numbers(self, canvas: Canvas, page_number: int) -> None:
        """The contents' page numbers that fall on `page_number` (`page.NumberedCanvas`'s hook)."""
        for page, x, y, key in self.slots:
            if page == page_number and key in self.heading_pages:
                canvas.setFont(BOLD, 9.5)
                canvas.setFillColor(INK)
                canvas.drawRightString(x, y, str(self.heading_pages[key]))


class Contents(Flowable):
    """The table of contents: titles and dot leaders now, page numbers filled in at save time."""

    LINE: ClassVar[dict[int, float]] = {0: 21.0, 1: 15.0}

    def __init__(self, entries: Sequence[tuple[int, str, str]], pagination: Pagination) -> None:
        super().__init__()
        self.entries = list(entries)
        self.pagination = pagination
        self.width = 0.0

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = sum(self.LINE[min(level, 1)] for level, _text, _key in self.entries)
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        y = self.height
        number_width = 26
        for level, text, key in self.entries:
            level = min(level, 1)
            y -= self.LINE[level]
            font, size = (BOLD, 10.5) if level == 0 else (FAMILY, 9.5)
            x = 16.0 * level
            canvas.setFont(font, size)
            canvas.setFillColor(HEADER_BG if level == 0 else INK)
            shown = fit(text, font, size, self.width - x - number_width - 20)
            canvas.drawString(x, y + 4, shown)
            start = x + stringWidth(shown, font, size) + 6
            dots_end = self.width - number_width
            if dots_end > start:
                canvas.setFont(FAMILY, 8)
                canvas.setFillColor(RULE)
                dot = stringWidth(" .", FAMILY, 8)
                count = int((dots_end - start) / dot)
                canvas.drawRightString(dots_end, y + 4, " ." * count)
            page_x, page_y = canvas.absolutePosition(self.width, y + 4)
            self.pagination.slots.append((canvas.getPageNumber(), page_x, page_y, key))
            left, bottom = canvas.absolutePosition(x, y)
            canvas.linkRect("", key, (left, bottom, page_x, bottom + self.LINE[level] - 4), relative=0, thickness=0)


MAX_CONTENTS_ENTRIES = 38  # one page


def contents_entries(story: Sequence[Flowable]) -> list[tuple[int, str, str]]:
    """(level, text, key) of every heading meant for the table of contents, in order."""
    entries: list[tuple[int, str, str]] = []
    for flowable in story:
        inner = getattr(flowable, "_content", None)
        if isinstance(flowable, KeepTogether) and isinstance(inner, list):
            entries += contents_entries(inner)
        key = getattr(flowable, "_outline_key", None)
        if isinstance(flowable, Paragraph) and key and getattr(flowable, "_in_toc", True):
            entries.append((getattr(flowable, "_outline_level", 0), flowable.getPlainText(), key))
    if len(entries) > MAX_CONTENTS_ENTRIES:
        entries = [entry for entry in entries if entry[0] == 0]
    return entries
