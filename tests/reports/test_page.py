"""The progress report and the minutes are drawn on one page template: the same running header, footer and
page numbering at the same height, in the same fonts, and the same document properties."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from ti_desktop.reports import page
from ti_desktop.reports.fonts import BOLD, FAMILY
from ti_desktop.reports.minutes import LAYOUT as MINUTES_LAYOUT
from ti_desktop.reports.minutes import build_minutes
from ti_desktop.reports.progress import build_progress_report
from ti_desktop.reports.progress.common import LAYOUT as REPORT_LAYOUT

from .test_minutes import sample
from .test_progress_report import make_data


@dataclass(frozen=True)
class Line:
    text: str
    x: float
    y: float
    font: str
    size: float


def furniture(reader: PdfReader, index: int) -> list[Line]:
    """What is drawn above the top margin and below the bottom margin of page `index`."""
    lines: list[Line] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        if text.strip() and (y < page.MARGIN_BOTTOM or y > page.PAGE_HEIGHT - page.MARGIN_TOP):
            name = str(font.get("/BaseFont", "")).split("+")[-1] if font else ""
            lines.append(Line(text.strip(), round(x, 1), round(y, 1), name, size))

    reader.pages[index].extract_text(visitor_text=visit)
    return lines


def rendered(build: Any, data: Any) -> PdfReader:
    stream = io.BytesIO()
    build(data, stream)
    return PdfReader(io.BytesIO(stream.getvalue()))


def check_pages(reader: PdfReader, *, margin_x: float, territory: str, right: str, first: int) -> list[list[Line]]:
    """Every page from `first` on carries the header and the footer; returns their lines page by page."""
    total = len(reader.pages)
    pages = []
    for index in range(first, total):
        lines = furniture(reader, index)
        by_text = {line.text: line for line in lines}
        number = f"Page {index + 1} / {total}"
        footer = "TI Desktop 9.9.9 – établi le 21/11/2026"
        assert {number, footer, right} <= set(by_text), (index, lines)
        assert any(line.text.startswith(territory[:10]) and line.font == "DejaVuSans-Bold" for line in lines), lines
        assert by_text[footer].x == round(margin_x, 1)
        width = stringWidth(number, FAMILY, page.FOOTER_SIZE)
        assert abs(by_text[number].x + width - (page.PAGE_WIDTH - margin_x)) < 0.2  # right-aligned on the margin
        pages.append(lines)
    return pages


def test_both_documents_share_the_header_footer_and_page_numbers() -> None:
    report_data = make_data(territory="Vallée de l'Orne industrielle", generated_on=sample().generated_on)
    report = rendered(build_progress_report, report_data)
    minutes = rendered(build_minutes, sample(closed=True))
    report_pages = check_pages(
        report,
        margin_x=REPORT_LAYOUT.margin_x,
        territory=report_data.territory,
        right=f"Rapport d'avancement {report_data.options.period_label}",
        first=1,  # the cover has its band instead of the header (its footer and number are checked below)
    )
    minutes_pages = check_pages(
        minutes,
        margin_x=MINUTES_LAYOUT.margin_x,
        territory="Vallée de l'Orne",
        right="Comité de pilotage du 21/11/2026",
        first=0,
    )

    def placement(lines: list[Line]) -> list[tuple[float, str, float]]:
        """Height, font and size of each header and footer line (the texts and margins differ)."""
        return sorted((line.y, line.font, line.size) for line in lines)

    assert placement(report_pages[0]) == placement(minutes_pages[0])
    assert all(placement(lines) == placement(report_pages[0]) for lines in report_pages + minutes_pages)
    cover = {line.text for line in furniture(report, 0)}
    assert {f"Page 1 / {len(report.pages)}", "TI Desktop 9.9.9 – établi le 21/11/2026"} <= cover


def test_both_documents_have_the_same_kind_of_properties() -> None:
    for reader in (rendered(build_progress_report, make_data()), rendered(build_minutes, sample())):
        metadata = reader.metadata
        assert metadata is not None
        assert metadata["/Creator"] == "TI Desktop 9.9.9"
        assert metadata["/CreationDate"] == metadata["/ModDate"]
        assert str(metadata["/CreationDate"]).startswith("D:20")
        assert metadata["/Title"] and metadata["/Author"] and metadata["/Subject"]


def test_a_long_territory_name_is_cut_before_the_right_part_of_the_header() -> None:
    long_name = "Territoire d'industrie " + "très " * 40 + "long"
    shown = page.fit(long_name, BOLD, page.HEADER_SIZE, 200)
    assert shown.endswith("…") and stringWidth(shown, BOLD, page.HEADER_SIZE) <= 200
    assert page.fit("Court", BOLD, page.HEADER_SIZE, 200) == "Court"
