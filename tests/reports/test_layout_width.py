"""No table, chart or rule of a PDF runs past the running header's rule: every shape a page draws stays between
the page's margins, read back from the PDF (its rectangles and lines), on the demo plan and on a plan whose texts
are long and unbroken."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ti_desktop.domain.consolidation import consolidate
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.reports import minutes, regional_synthesis
from ti_desktop.reports.page import PAGE_WIDTH
from ti_desktop.reports.progress import build_progress_report
from ti_desktop.reports.progress.common import LAYOUT
from ti_desktop.reports.synthesis_document import synthesis_document
from ti_desktop.services.maintenance import OpenDatabase, open_services

from ..clock import TODAY, fixed_clock
from .pdf_geometry import overflowing, shapes
from .synthesis_samples import demo_report_datas, sample_reports
from .test_progress_report import make_data, row

OPTIONS = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 11, 30), annex=True)
LONG = "Requalification-de-la-friche-industrielle-des-Forges-de-la-Vallée " * 3 + "et " + "très long texte " * 30


@pytest.fixture
def demo(demo_db: Path) -> Iterator[OpenDatabase]:
    handle = open_services(demo_db, clock=fixed_clock())
    yield handle
    handle.close()


def assert_within_margins(pdf: Path | bytes, margin: float) -> None:
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    for number, page in enumerate(reader.pages, start=1):
        assert list(shapes(page)), f"page {number} draws no rule at all: the reading is broken"
        past = overflowing(page, margin, PAGE_WIDTH - margin)
        assert not past, f"page {number}: {past[:3]}"


def test_progress_report_and_minutes_stay_within_the_header_rule(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    tid = services.territories.resolve(None).id
    report = services.reports.write_pdf(tid, OPTIONS, tmp_path / "rapport.pdf", TODAY)
    assert_within_margins(report, LAYOUT.margin_x)
    meeting = services.meetings.list(territory_id=tid)[0]
    written = services.minutes.write_pdf(meeting.id, tmp_path / "cr.pdf", TODAY)
    assert_within_margins(written, minutes.LAYOUT.margin_x)


def test_long_unbroken_texts_wrap_inside_their_columns() -> None:
    data = make_data()
    long_rows = tuple(dataclasses.replace(row(f"INN-0{index}", LONG), lead=LONG) for index in range(1, 4))
    axes = tuple(dataclasses.replace(part, label=LONG, rows=long_rows) for part in data.axes)
    stream = io.BytesIO()
    build_progress_report(dataclasses.replace(data, territory=LONG, axes=axes), stream)
    assert_within_margins(stream.getvalue(), LAYOUT.margin_x)


def test_regional_synthesis_stays_within_the_header_rule(demo_template: Path) -> None:
    datas: tuple[dict[str, Any], dict[str, Any]] = demo_report_datas(demo_template)
    reports = sample_reports(*datas, 3)
    view = consolidate(reports, TODAY)
    stream = io.BytesIO()
    regional_synthesis.build_regional_synthesis(view, synthesis_document(view, reports, "1.4.0"), stream)
    assert_within_margins(stream.getvalue(), LAYOUT.margin_x)
