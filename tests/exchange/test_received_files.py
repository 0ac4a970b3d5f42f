"""Reading what a Région receives: each container (PDF, JSON, xlsx, a regional synthesis) gives the same report,
and each refusal is a French sentence naming the file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader

from ti_desktop.domain.consolidation import ReceivedReport, consolidate
from ti_desktop.domain.data_documents import (
    WORKBOOK_DATA_SHEET,
    DocumentFormat,
    SealedDocument,
    seal,
    to_cells,
)
from ti_desktop.exchange.received_files import Validators, read_received
from ti_desktop.paths import resource_path
from ti_desktop.reports.synthesis_document import synthesis_document

from ..consolidation_world import Territories, three_territories

ATTACHMENT = DocumentFormat.RAPPORT.attachment_name


@pytest.fixture(scope="module")
def received(tmp_path_factory: pytest.TempPathFactory) -> Territories:
    return three_territories(tmp_path_factory.mktemp("territoires"))


@pytest.fixture
def validators() -> Validators:
    return Validators(resource_path("schemas"))


def document_of(pdf: Path) -> SealedDocument:
    envelope = json.loads(PdfReader(pdf).attachments[ATTACHMENT][0])
    return SealedDocument(DocumentFormat.RAPPORT, envelope["schema_version"], envelope["sha256"], envelope["data"])


def workbook_with(document: SealedDocument, path: Path) -> Path:
    workbook = Workbook()
    workbook.active.title = "Plan d'action"
    sheet = workbook.create_sheet(WORKBOOK_DATA_SHEET)
    sheet.sheet_state = "veryHidden"
    for row, cell in enumerate(to_cells(document), start=1):
        sheet.cell(row=row, column=1, value=cell)
    workbook.save(path)
    return path


def test_a_pdf_a_json_file_and_a_workbook_give_the_same_report(
    received: Territories, validators: Validators, tmp_path: Path
) -> None:
    document = document_of(received.pdfs[0])
    as_json = tmp_path / "rapport.json"
    as_json.write_bytes(document.to_bytes())
    as_xlsx = workbook_with(document, tmp_path / "rapport.xlsx")
    readings = read_received([received.pdfs[0], as_json, as_xlsx], validators)
    assert [reading.refusal for reading in readings] == [None, None, None]
    reports = [reading.report for reading in readings]
    assert all(report is not None and report.id is None for report in reports)
    assert {report.sha256 for report in reports if report} == {document.sha256}
    assert [report.source for report in reports if report] == [received.pdfs[0].name, "rapport.json", "rapport.xlsx"]


def test_a_regional_synthesis_yields_each_report_it_carries(
    received: Territories, validators: Validators, tmp_path: Path
) -> None:
    documents = [document_of(pdf) for pdf in received.pdfs]
    reports = [ReceivedReport(None, document.sha256, document.data, "r.pdf") for document in documents]
    data = synthesis_document(consolidate(reports, dt.date(2026, 11, 21)), reports, "test").data
    # The synthesis carries its reports by territory name: put the one that will be changed last.
    data["reports"].sort(key=lambda item: item["data"]["territory"]["name"] == received.names[2])
    data["reports"][2]["sha256"] = "0" * 64  # changed after it was written
    synthesis = seal(DocumentFormat.SYNTHESE, data)
    path = tmp_path / "synthese-grand-est.json"
    path.write_bytes(synthesis.to_bytes())
    readings = read_received([path], validators)
    assert sorted(reading.report.territory for reading in readings if reading.report) == sorted(received.names[:2])
    assert readings[2].refusal == (
        "Les données de synthese-grand-est.json (rapport n° 3) ont été modifiées après leur écriture "
        "(empreinte SHA-256 différente) : elles sont refusées."
    )


def test_unknown_formats_and_envelopes_are_refused(validators: Validators, tmp_path: Path) -> None:
    other = tmp_path / "autre.json"
    other.write_text(json.dumps({"format": "ti-desktop/inconnu", "schema_version": 1, "sha256": "", "data": {}}))
    minutes = tmp_path / "cr.json"
    minutes.write_bytes(seal(DocumentFormat.COMPTE_RENDU, {"meeting": 1}).to_bytes())
    plain = tmp_path / "liste.json"
    plain.write_text("[1, 2, 3]")
    broken = tmp_path / "coupé.json"
    broken.write_text('{"format": "ti-desktop/rapport-avancement", ')
    missing = tmp_path / "absent.pdf"
    messages = [reading.refusal for reading in read_received([other, minutes, plain, broken, missing], validators)]
    assert (
        messages[0] == "autre.json n'est pas un rapport TI Desktop : format de données inconnu « ti-desktop/inconnu »."
    )
    assert messages[1] == (
        "cr.json n'est pas un rapport TI Desktop : c'est un document « compte-rendu », pas un rapport d'avancement."
    )
    assert messages[2] is not None and messages[2].startswith("liste.json n'est pas un rapport TI Desktop : ")
    assert messages[3] is not None and messages[3].startswith("coupé.json n'est pas un rapport TI Desktop : ")
    assert messages[3] is not None and "n'est pas du JSON valide (ligne 1" in messages[3]
    assert messages[4] is not None and messages[4].startswith("absent.pdf : fichier introuvable")


def test_the_first_schema_error_says_where_it_is(received: Territories, validators: Validators, tmp_path: Path) -> None:
    document = document_of(received.pdfs[1])
    data = json.loads(json.dumps(document.data))
    del data["territory"]["name"]
    path = tmp_path / "sans-nom.json"
    path.write_bytes(seal(DocumentFormat.RAPPORT, data).to_bytes())
    (reading,) = read_received([path], validators)
    assert reading.refusal is not None
    assert reading.refusal.startswith(
        "sans-nom.json : données non conformes au schéma « rapport-avancement » : à « data.territory », "
        "un champ obligatoire manque"
    )


def test_each_schema_is_compiled_once(validators: Validators) -> None:
    first = validators.of(DocumentFormat.RAPPORT)
    assert first is not None and validators.of(DocumentFormat.RAPPORT) is first


def test_the_faster_schema_accepts_and_refuses_what_the_schema_does(received: Territories) -> None:
    """`inline_local_refs` (references inlined, nullable branches folded) judges like the schema as written."""
    from jsonschema import Draft202012Validator

    from ti_desktop.exchange.received_files import inline_local_refs

    schema = json.loads(resource_path("schemas", "rapport-avancement.schema.json").read_text(encoding="utf-8"))
    written = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    faster = Draft202012Validator(inline_local_refs(schema), format_checker=Draft202012Validator.FORMAT_CHECKER)
    envelope = document_of(received.pdfs[0]).envelope()
    mutations = [
        lambda d: d,
        lambda d: d["synthesis"].update(planned_budget=None),
        lambda d: d["synthesis"].update(planned_budget="12.5"),
        lambda d: d["synthesis"].update(planned_budget=12),
        lambda d: d["actions"][0].update(status=None),
        lambda d: d["actions"][0].update(status="perdue"),
        lambda d: d.update(generated_on="2026-02-30"),
        lambda d: d.update(generated_on=None),
        lambda d: d["funding"].update(totals=None),
        lambda d: d["funding"]["totals"].update(ttc={"granted": "1.00"}),
    ]
    verdicts = []
    for mutate in mutations:
        changed = json.loads(json.dumps(envelope))
        mutate(changed["data"])
        verdicts.append((written.is_valid(changed), faster.is_valid(changed)))
    assert all(as_written == fast for as_written, fast in verdicts), verdicts
    assert verdicts[0] == (True, True) and (False, False) in verdicts


def test_damaged_files_are_refused_in_french(received: Territories, validators: Validators, tmp_path: Path) -> None:
    truncated = tmp_path / "tronqué.pdf"
    truncated.write_bytes(received.pdfs[0].read_bytes()[:20_000])
    not_a_workbook = tmp_path / "faux.xlsx"
    not_a_workbook.write_text("pas un classeur", encoding="utf-8")
    messages = [reading.refusal for reading in read_received([truncated, not_a_workbook], validators)]
    assert messages == [
        "tronqué.pdf n'est pas un rapport TI Desktop : le PDF est illisible (fichier endommagé ou incomplet).",
        "faux.xlsx n'est pas un rapport TI Desktop : ce n'est pas un classeur xlsx lisible (fichier endommagé ou "
        "d'un autre type).",
    ]


def test_a_synthesis_schema_may_refer_to_the_report_schema_by_its_id(received: Territories, tmp_path: Path) -> None:
    """The synthesis's schema (written by another part of the program) validates its reports by `$ref` to the
    report schema's `$id`: the reader resolves it from the schemas' folder."""
    folder = tmp_path / "schemas"
    folder.mkdir()
    report_schema = resource_path("schemas", "rapport-avancement.schema.json")
    (folder / report_schema.name).write_bytes(report_schema.read_bytes())
    synthesis_schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:ti-desktop:schema:synthese-regionale:1",
        "type": "object",
        "properties": {
            "data": {
                "type": "object",
                "properties": {"reports": {"type": "array", "items": {"$ref": report_schema_id()}}},
            }
        },
    }
    (folder / "synthese-regionale.schema.json").write_text(json.dumps(synthesis_schema), encoding="utf-8")
    documents = [document_of(pdf).envelope() for pdf in received.pdfs]
    good = tmp_path / "synthese.json"
    good.write_bytes(seal(DocumentFormat.SYNTHESE, {"reports": documents}).to_bytes())
    broken_report = json.loads(json.dumps(documents[1]))
    broken_report["data"]["actions"][0]["status"] = "perdue"
    bad = tmp_path / "synthese-abimee.json"
    bad.write_bytes(seal(DocumentFormat.SYNTHESE, {"reports": [documents[0], broken_report]}).to_bytes())
    validators = Validators(folder)
    assert [reading.refusal for reading in read_received([good], validators)] == [None, None, None]
    (refused,) = read_received([bad], validators)
    assert refused.refusal is not None
    assert refused.refusal.startswith(
        "synthese-abimee.json : données non conformes au schéma « synthese-regionale » : "
        "à « data.reports[1].data.actions[0].status »"
    )


def report_schema_id() -> str:
    schema = json.loads(resource_path("schemas", "rapport-avancement.schema.json").read_text(encoding="utf-8"))
    identifier: str = schema["$id"]
    return identifier
