"""Writing the regional synthesis from the received reports: the file's suffix chooses PDF or xlsx, anything else
is refused in French; with no report received nothing is written; a cancelled write leaves the previous file."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from ti_desktop.domain.consolidation import ReceivedReport
from ti_desktop.domain.data_documents import WORKBOOK_DATA_SHEET, checksum, from_cells
from ti_desktop.kernel.errors import TiDesktopError
from ti_desktop.kernel.progress import Cancelled
from ti_desktop.services.regional_synthesis import SynthesisService

from ..reports.synthesis_samples import demo_report_datas, sample_reports

TODAY = dt.date(2026, 12, 7)


class StoredReports:
    """Stands for the consolidation service: the reports it holds."""

    def __init__(self, reports: list[ReceivedReport]) -> None:
        self.reports = reports

    def received(self) -> list[ReceivedReport]:
        return list(self.reports)


@pytest.fixture
def service(demo_template: Path) -> SynthesisService:
    return SynthesisService(StoredReports(sample_reports(*demo_report_datas(demo_template), 4)))


def test_a_pdf_and_an_xlsx_carry_the_same_sealed_data(service: SynthesisService, tmp_path: Path) -> None:
    steps: list[int] = []
    pdf = service.write(
        tmp_path / "synthese.pdf", TODAY, progress=lambda done, total: steps.append(done * 100 // total)
    )
    assert pdf == (tmp_path / "synthese.pdf").absolute()
    assert steps[-1] == 100
    envelope = json.loads(PdfReader(io.BytesIO(pdf.read_bytes())).attachments["synthese-regionale.json"][0])
    assert envelope["sha256"] == checksum(envelope["data"])
    xlsx = service.write(tmp_path / "Synthese.XLSX", TODAY)
    cells = [row[0] for row in openpyxl.load_workbook(xlsx)[WORKBOOK_DATA_SHEET].iter_rows(values_only=True)]
    assert json.loads(from_cells(cells)) == envelope
    assert sorted(path.name for path in tmp_path.iterdir()) == ["Synthese.XLSX", "synthese.pdf"]


@pytest.mark.parametrize("name", ["synthese.docx", "synthese", "synthese.pdf.txt"])
def test_another_suffix_is_refused_in_french(service: SynthesisService, tmp_path: Path, name: str) -> None:
    with pytest.raises(TiDesktopError) as error:
        service.write(tmp_path / name, TODAY)
    assert error.value.message.startswith("Choisissez un fichier .pdf ou .xlsx pour la synthèse")
    assert f"« {name} »" in error.value.message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["synthese.pdf", "synthese.xlsx"])
def test_an_empty_consolidation_writes_nothing(tmp_path: Path, name: str) -> None:
    empty = SynthesisService(StoredReports([]))
    with pytest.raises(TiDesktopError) as error:
        empty.write(tmp_path / name, TODAY)
    assert "Aucun rapport d'avancement n'a encore été reçu" in error.value.message
    assert f"« {name} » n'a pas été écrit" in error.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_write_leaves_the_previous_file(service: SynthesisService, tmp_path: Path) -> None:
    target = tmp_path / "synthese.pdf"
    target.write_bytes(b"previous")
    calls: list[Any] = []

    def cancelled() -> bool:
        calls.append(None)
        return len(calls) > 3

    with pytest.raises(Cancelled) as error:
        service.write(target, TODAY, cancelled=cancelled)
    assert "« synthese.pdf » n'a pas été modifié" in error.value.message
    assert target.read_bytes() == b"previous"
    assert [path.name for path in tmp_path.iterdir()] == ["synthese.pdf"]


def test_a_synthesis_of_stored_reports_is_consolidated_again_as_those_reports(
    demo_template: Path, tmp_path: Path
) -> None:
    """Région then nation: the reports a base received, written as a synthesis (PDF, then xlsx), added to another
    base, give the same territories and totals."""
    from ti_desktop.domain.data_documents import DocumentFormat, SealedDocument
    from ti_desktop.services.maintenance import open_services

    from ..clock import fixed_clock

    reports = sample_reports(*demo_report_datas(demo_template), 6)
    folder = tmp_path / "recus"
    folder.mkdir()
    for report in reports:
        document = SealedDocument(DocumentFormat.RAPPORT, 1, report.sha256, report.data)
        (folder / report.source.replace(".pdf", ".json")).write_bytes(document.to_bytes())
    region = open_services(tmp_path / "region.sqlite3", clock=fixed_clock())
    try:
        added = region.services.consolidation.add_files([folder])
        assert not added.refused
        expected = region.services.consolidation.view(TODAY)
        pdf = region.services.synthesis.write(tmp_path / "synthese.pdf", TODAY)
        xlsx = region.services.synthesis.write(tmp_path / "synthese.xlsx", TODAY)
    finally:
        region.close()
    for synthesis_file in (pdf, xlsx):
        nation = open_services(tmp_path / f"nation-{synthesis_file.suffix[1:]}.sqlite3", clock=fixed_clock())
        try:
            outcome = nation.services.consolidation.add_files([synthesis_file])
            assert not outcome.refused, [verdict.message for verdict in outcome.refused]
            assert len(outcome.verdicts) == len(reports)
            again = nation.services.consolidation.view(TODAY)
        finally:
            nation.close()
        assert again.totals == expected.totals
        assert [row.name for row in again.territories] == [row.name for row in expected.territories]
        assert len(again.evolutions) == len(expected.evolutions)
