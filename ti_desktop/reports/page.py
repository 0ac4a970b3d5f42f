"""The page template every PDF of ours shares (the progress report, the minutes): A4 with its margins, the
document's properties, the running header (territory on the left, the document on the right), the footer
(version and date), `Page X / Y` drawn once the page count is known, and the build loop that reports each
laid-out block."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, Paragraph

from ti_desktop.kernel.formatting import format_date
from ti_desktop.kernel.progress import Progress
from ti_desktop.reports.fonts import BOLD, FAMILY
from ti_desktop.reports.metadata import date_document
from ti_desktop.reports.styles import HEADER_BG, MUTED, RULE

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 2.1 * cm
MARGIN_BOTTOM = 1.9 * cm
HEADER_SIZE = 8
FOOTER_SIZE = 7.5


@dataclass(frozen=True)
class PageLayout:
    margin_x: float  # left and right

    @property
    def content_width(self) -> float:
        return float(PAGE_WIDTH - 2 * self.margin_x)

    def frame(self, frame_id: str, top: float = MARGIN_TOP) -> Frame:
        """The frame of a page's text, `top` below the page's top edge: no side padding, so that its text and its
        tables (`content_width` wide) start and end exactly under the ends of the running header's rule."""
        return Frame(
            self.margin_x,
            MARGIN_BOTTOM,
            self.content_width,
            PAGE_HEIGHT - top - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            id=frame_id,
        )


@dataclass(frozen=True)
class DocumentInfo:
    """The document's properties and what its footer says."""

    title: str
    author: str
    subject: str
    app_version: str
    generated_on: dt.date


@dataclass(frozen=True)
class RunningHeader:
    left: str  # the territory, in bold, cut to fit
    right: str  # the document
    right_font: str = FAMILY
    right_colour: colors.Color = MUTED


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` cut with an ellipsis to be at most `width` wide."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class NumberedCanvas(Canvas):
    """Draws `Page X / Y` on every page once the total is known (at save time); `on_save_page(canvas,
    page)` draws whatever else needs the final layout (the contents' page numbers); `on_save(canvas)` runs
    just before the file is written (attachments)."""

    def __init__(
        self,
        *args: Any,
        layout: PageLayout,
        on_save_page: Callable[[Canvas, int], None] | None = None,
        on_save: Callable[[Canvas], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._layout = layout
        self._on_save_page = on_save_page
        self._on_save = on_save
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        # The page's operators joined now, as reportlab joins them in the end: a waiting page holds one string,
        # not thousands of small ones (a long report's memory); the same bytes are written.
        self._code[:] = ["\n".join(self._code)]
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        states, self._page_states = self._page_states, []
        total = len(states)
        states.reverse()
        while states:
            self.__dict__.update(states.pop())  # a page handed to reportlab is no longer held here
            self.setFont(FAMILY, FOOTER_SIZE)
            self.setFillColor(MUTED)
            self.drawRightString(
                PAGE_WIDTH - self._layout.margin_x, MARGIN_BOTTOM - 22, f"Page {self._pageNumber} / {total}"
            )
            if self._on_save_page is not None:
                self._on_save_page(self, self._pageNumber)
            super().showPage()
        if self._on_save is not None:
            self._on_save(self)
        super().save()


class PagedDocument(BaseDocTemplate):
    """An A4 document of ours: margins, properties, header and footer; `step()` after each laid-out block.
    Subclasses add their page templates (`add_page_templates`)."""

    def __init__(self, target: str | BinaryIO, layout: PageLayout, info: DocumentInfo, step: Callable[[], None]):
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=layout.margin_x,
            rightMargin=layout.margin_x,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=info.title,
            author=info.author,
            subject=info.subject,
            creator=f"TI Desktop {info.app_version}",
            lang="fr-FR",
        )
        self.layout = layout
        self.info = info
        self._step = step

    def afterFlowable(self, flowable: Flowable) -> None:
        self._step()
        key = getattr(flowable, "_outline_key", None)
        if key is not None and isinstance(flowable, Paragraph):
            level: int = getattr(flowable, "_outline_level", 0)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=level > 0)
            self.outlined(key)

    def outlined(self, key: str) -> None:
        """A heading marked with `_outline_key` is now in the PDF's outline, on the current page."""

    def draw_title_band(self, canvas: Canvas, height: float, right: str) -> None:
        """A first page's band: « Territoires d'industrie » on the left, `right` (the Région) on the right, the
        footer below; the page's text starts under the band."""
        margin = self.layout.margin_x
        canvas.saveState()
        canvas.setFillColor(HEADER_BG)
        canvas.rect(0, PAGE_HEIGHT - height, PAGE_WIDTH, height, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(BOLD, 11)
        canvas.drawString(margin, PAGE_HEIGHT - 1.55 * cm, "Territoires d'industrie")
        canvas.setFont(FAMILY, 9)
        canvas.drawRightString(PAGE_WIDTH - margin, PAGE_HEIGHT - 1.55 * cm, fit(right, FAMILY, 9, 250))
        self.draw_footer(canvas)
        canvas.restoreState()

    def draw_header(self, canvas: Canvas, header: RunningHeader) -> None:
        layout = self.layout
        top = PAGE_HEIGHT - MARGIN_TOP + 16
        right_width = stringWidth(header.right, header.right_font, HEADER_SIZE)
        canvas.setFont(BOLD, HEADER_SIZE)
        canvas.setFillColor(HEADER_BG)
        canvas.drawString(
            layout.margin_x, top, fit(header.left, BOLD, HEADER_SIZE, layout.content_width - right_width - 20)
        )
        canvas.setFont(header.right_font, HEADER_SIZE)
        canvas.setFillColor(header.right_colour)
        canvas.drawRightString(PAGE_WIDTH - layout.margin_x, top, header.right)
        canvas.setStrokeColor(HEADER_BG)
        canvas.setLineWidth(0.8)
        canvas.line(layout.margin_x, top - 5, PAGE_WIDTH - layout.margin_x, top - 5)

    def draw_footer(self, canvas: Canvas) -> None:
        """The rule and `TI Desktop <version> – établi le <date>` (the page number is the canvas's)."""
        layout = self.layout
        date_document(canvas, self.info.generated_on)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(layout.margin_x, MARGIN_BOTTOM - 12, PAGE_WIDTH - layout.margin_x, MARGIN_BOTTOM - 12)
        canvas.setFont(FAMILY, FOOTER_SIZE)
        canvas.setFillColor(MUTED)
        footer = f"TI Desktop {self.info.app_version} – établi le {format_date(self.info.generated_on)}"
        canvas.drawString(layout.margin_x, MARGIN_BOTTOM - 22, footer)

    def draw_page(self, canvas: Canvas, header: RunningHeader) -> None:
        """An ordinary page's decoration: header and footer."""
        canvas.saveState()
        self.draw_header(canvas, header)
        self.draw_footer(canvas)
        canvas.restoreState()


def build_pdf(
    story: Sequence[Flowable],
    target: str | Path | BinaryIO,
    step: Progress | None,
    make_document: Callable[[str | BinaryIO, Callable[[], None]], PagedDocument],
    on_save_page: Callable[[Canvas, int], None] | None = None,
    on_save: Callable[[Canvas], None] | None = None,
) -> None:
    """Lay `story` out into `target` (a path or a binary stream) in one pass. `step(done, total)` is called
    after each laid-out block, then with done == total; it may raise to stop. `on_save(canvas)` runs before
    the file is written. A `story` list is emptied as it is handed to the layout, which drops each block once
    drawn: a long report does not keep every drawn table in memory."""
    flowables = list(story)
    if isinstance(story, list):
        story.clear()
    total = len(flowables) + 1
    done = 0

    def advance() -> None:
        nonlocal done
        done = min(done + 1, total - 1)
        if step is not None:
            step(done, total)

    destination: str | BinaryIO = str(target) if isinstance(target, Path | str) else target
    document = make_document(destination, advance)
    document.build(
        flowables,
        canvasmaker=functools.partial(
            NumberedCanvas, layout=document.layout, on_save_page=on_save_page, on_save=on_save
        ),
    )
    if step is not None:
        step(total, total)
