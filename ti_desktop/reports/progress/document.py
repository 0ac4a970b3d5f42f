"""The progress report's document: the cover page and the body pages on the shared page template, the
sections in order, the contents filled in once laid out."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, NextPageTemplate, PageBreak, PageTemplate, Spacer

from ti_desktop.domain.report_options import ReportSection
from ti_desktop.kernel.progress import Progress
from ti_desktop.reports.data import ReportData
from ti_desktop.reports.page import (
    DocumentInfo,
    PagedDocument,
    RunningHeader,
    build_pdf,
)
from ti_desktop.reports.pdf_data import Attachment, carry_data, prepare_data
from ti_desktop.reports.progress.annex import annex
from ti_desktop.reports.progress.axes import axis_part
from ti_desktop.reports.progress.common import LAYOUT, empty, heading
from ti_desktop.reports.progress.contents import Contents, Pagination, contents_entries
from ti_desktop.reports.progress.cover import cover
from ti_desktop.reports.progress.evolutions import evolutions
from ti_desktop.reports.progress.funding import funding
from ti_desktop.reports.progress.indicators import indicators
from ti_desktop.reports.progress.milestones import milestones
from ti_desktop.reports.progress.synthesis import synthesis
from ti_desktop.reports.report_document import report_document
from ti_desktop.reports.styles import Styles, build_styles

COVER_BAND = 2.6 * cm
COVER_TOP = 4.2 * cm  # the cover's text starts below its band


class ReportDocument(PagedDocument):
    def __init__(
        self, target: str | BinaryIO, data: ReportData, step: Callable[[], None], pagination: Pagination
    ) -> None:
        info = DocumentInfo(
            title=f"Rapport d'avancement – {data.territory}",
            author=", ".join(data.chef_de_projet) or "TI Desktop",
            subject=f"Rapport d'avancement {data.options.period_label}",
            app_version=data.app_version,
            generated_on=data.generated_on,
        )
        super().__init__(target, LAYOUT, info, step)
        self.data = data
        self._pagination = pagination
        self._header = RunningHeader(left=data.territory, right=f"Rapport d'avancement {data.options.period_label}")
        self.addPageTemplates(
            [
                PageTemplate("cover", [LAYOUT.frame("cover", top=COVER_TOP)], onPage=self._draw_cover_page),
                PageTemplate("body", [LAYOUT.frame("body")], onPage=self._draw_body_page),
            ]
        )

    def outlined(self, key: str) -> None:
        self._pagination.heading_pages[key] = self.page  # for the contents

    def _draw_body_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        self.draw_page(canvas, self._header)

    def _draw_cover_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        self.draw_title_band(canvas, COVER_BAND, self.data.region or "")


_CONTENTS_PLACEHOLDER = Spacer(0, 0)


def build_story(data: ReportData, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = cover(data, styles)
    story += [NextPageTemplate("body"), PageBreak()]
    story += [styles.markup("Sommaire", styles.h1), Spacer(1, 0.3 * cm), _CONTENTS_PLACEHOLDER]
    options = data.options
    if options.includes(ReportSection.SYNTHESE) and data.synthesis is not None:
        story += [PageBreak(), *synthesis(data, data.synthesis, styles)]
    if options.includes(ReportSection.AXES):
        story += [PageBreak(), heading(styles, ReportSection.AXES.label, 0, "axes")]
        if not any(part.rows for part in data.axes):
            story.append(empty(styles, "Le plan ne contient encore aucune fiche-action."))
        for index, part in enumerate(data.axes):
            story += axis_part(part, styles, index)
    if options.includes(ReportSection.FINANCEMENT) and data.funding is not None:
        story += [PageBreak(), *funding(data.funding, styles)]
    if options.includes(ReportSection.INDICATEURS):
        story += [PageBreak(), *indicators(data.indicators, styles)]
    if options.includes(ReportSection.JALONS) and data.milestones is not None:
        story += [PageBreak(), *milestones(data.milestones, data, styles)]
    if options.includes(ReportSection.EVOLUTIONS) and data.evolutions is not None:
        story += [PageBreak(), *evolutions(data.evolutions, styles)]
    if options.annex and data.annex:
        story += annex(data.annex, styles)
    return story


def build_progress_report(
    data: ReportData, target: str | Path | BinaryIO, step: Progress | None = None, extra: Sequence[Attachment] = ()
) -> None:
    """Write the report to `target` (a path or a binary stream) in one layout pass, carrying its data
    (`report_document`) and the `extra` attachments. `step(done, total)` is called after each laid-out block;
    it may raise to stop."""
    carried = prepare_data(report_document(data), extra)  # before the layout: the pages then wait lighter
    styles = build_styles()
    story = build_story(data, styles)
    pagination = Pagination()
    contents = Contents(contents_entries(story), pagination)
    story = [contents if flowable is _CONTENTS_PLACEHOLDER else flowable for flowable in story]
    build_pdf(
        story,
        target,
        step,
        lambda destination, advance: ReportDocument(destination, data, advance, pagination),
        on_save_page=pagination.draw_numbers,
        on_save=lambda canvas: carry_data(canvas, carried),
    )
