"""The regional synthesis PDF, read back as a Région agent (its text) and as a program (its attachment) would:
the figures shown are the consolidation's, in French; the data it carries is sealed, valid, and holds the reports
it was made from, intact, so that consolidating it again gives the same view."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pypdf import PdfReader

from ti_desktop.domain.consolidation import ConsolidatedView, ReceivedReport, consolidate
from ti_desktop.domain.data_documents import PDF_FORMAT_KEY, PDF_SHA256_KEY, SealedDocument, checksum
from ti_desktop.kernel.formatting import format_date, format_euros, format_number
from ti_desktop.paths import resource_path
from ti_desktop.reports.regional_synthesis import build_regional_synthesis, headline
from ti_desktop.reports.synthesis_document import synthesis_document

from .synthesis_samples import demo_report_datas, sample_reports

AS_OF = dt.date(2026, 12, 7)


@pytest.fixture
def datas(demo_template: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    return demo_report_datas(demo_template)


def synthesis(
    datas: tuple[dict[str, Any], dict[str, Any]], count: int
) -> tuple[ConsolidatedView, SealedDocument, bytes]:
    reports = sample_reports(*datas, count)
    view = consolidate(reports, AS_OF)
    document = synthesis_document(view, reports, "1.4.0")
    stream = io.BytesIO()
    build_regional_synthesis(view, document, stream)
    return view, document, stream.getvalue()


def plain(text: str) -> str:
    """The text with every kind of space (French thin and no-break ones, line breaks) as one plain space."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def text_of(pdf: bytes) -> str:
    return plain(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def appears_in_order(words: str, text: str) -> bool:
    """`words` appear in `text` in this order (a table cell's lines may be read between other cells' text)."""
    return re.search(".*?".join(re.escape(word) for word in plain(words).split()), text, re.DOTALL) is not None


def validator(name: str) -> jsonschema.Draft202012Validator:
    """As the reader compiles it: the schema alone, no registry of other schemas."""
    schema = json.loads(resource_path("schemas", name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_key_figures_and_every_territory_row_are_shown_in_french(datas: tuple[dict[str, Any], dict[str, Any]]) -> None:
    view, _document, pdf = synthesis(datas, 20)
    text = text_of(pdf)
    assert "Synthèse régionale des Territoires d'industrie" in text
    assert "Région Grand Est" in text
    assert f"Au {format_date(AS_OF)}" in text
    assert plain(headline(view)) in text
    assert f"{format_number(len(view.territories))} territoires, {format_number(view.projects)} projets" in text
    totals = view.totals
    for value in (totals.granted, totals.requested, totals.paid, totals.planned_budget, totals.induced_investment):
        assert plain(format_euros(value)) in text
    assert len(view.territories) == 20
    for row in view.territories:
        assert appears_in_order(row.name, text), row.name
        figures = row.figures
        for value in (figures.planned_budget, figures.requested, figures.granted, figures.paid):
            assert plain(format_euros(value)) in text
        assert plain(format_euros(figures.achieved_investment)) in text
        assert appears_in_order(f"rapport du {format_date(row.report.generated_on)}", text)
    stale = [row for row in view.territories if row.stale]
    assert stale, "the samples hold old reports"
    assert text.count("ancien : plus de six mois") == len(stale)
    assert "Totaux par axe" in text and "Totaux par financeur" in text
    for funder in view.funders:
        assert appears_in_order(funder.name, text)
    assert "Évolutions des territoires" in text
    for evolution in view.evolutions:
        assert evolution.name in text
    assert "Écart" in text


def test_the_pdf_carries_its_data_sealed_valid_with_the_reports_intact(
    datas: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    reports = sample_reports(*datas, 20)
    view, document, pdf = synthesis(datas, 20)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert reader.metadata[PDF_FORMAT_KEY] == "ti-desktop/synthese-regionale"
    envelope = json.loads(reader.attachments["synthese-regionale.json"][0])
    assert envelope == document.envelope()
    assert reader.metadata[PDF_SHA256_KEY] == envelope["sha256"] == checksum(envelope["data"])
    validator("synthese-regionale.schema.json").validate(envelope)
    data = envelope["data"]
    assert data["generated_on"] == "2026-12-07"
    assert data["region"] == "Grand Est"
    assert data["key_figures"]["territories"] == 20
    assert data["key_figures"]["granted"] == f"{view.totals.granted:.2f}"
    carried = data["reports"]
    assert len(carried) == len(reports)
    for item in carried:
        assert item["format"] == "ti-desktop/rapport-avancement"
        assert item["sha256"] == checksum(item["data"])
        validator("rapport-avancement.schema.json").validate(item)
    assert {item["sha256"] for item in carried} == {report.sha256 for report in reports}
    # A national consolidation of this file is the consolidation of the reports it carries: the same figures.
    again = consolidate([ReceivedReport(None, item["sha256"], item["data"], "synthese.pdf") for item in carried], AS_OF)
    assert again.totals == view.totals
    assert [row.name for row in again.territories] == [row.name for row in view.territories]


def test_the_schema_refuses_a_carried_report_without_its_envelope(datas: tuple[dict[str, Any], dict[str, Any]]) -> None:
    _view, document, _pdf = synthesis(datas, 3)
    envelope = document.envelope()
    validator("synthese-regionale.schema.json").validate(envelope)
    envelope["data"]["reports"][0].pop("data")
    with pytest.raises(jsonschema.ValidationError):
        validator("synthese-regionale.schema.json").validate(envelope)


def test_183_territories_stay_readable_each_page_repeating_the_headers(
    datas: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    view, _document, pdf = synthesis(datas, 183)
    reader = PdfReader(io.BytesIO(pdf))
    pages = [plain(page.extract_text()) for page in reader.pages]
    axes_page = next(index for index, text in enumerate(pages) if "Totaux par axe" in text)
    table_pages = pages[:axes_page]  # the territories' table runs from the first page to the axes
    assert len(table_pages) > 5
    for text in table_pages:
        assert "Territoire, dernier rapport, actions par statut" in text
        assert "Financements accordés" in text
    assert plain(format_euros(view.totals.granted)) in " ".join(pages)
    assert f"Total ({format_number(183)} territoires)" in " ".join(pages)


def test_progress_steps_reach_the_end_and_dates_are_the_consolidations(
    datas: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    reports = sample_reports(*datas, 3)
    view = consolidate(reports, AS_OF)
    steps: list[tuple[int, int]] = []
    stream = io.BytesIO()
    build_regional_synthesis(
        view, synthesis_document(view, reports, "1.4.0"), stream, lambda d, t: steps.append((d, t))
    )
    assert steps[-1][0] == steps[-1][1]
    metadata = PdfReader(io.BytesIO(stream.getvalue())).metadata
    assert metadata is not None
    assert metadata["/CreationDate"] == metadata["/ModDate"] == "D:20261207"  # the view's date, not the clock's
    assert "établi le 07/12/2026" in text_of(stream.getvalue())
