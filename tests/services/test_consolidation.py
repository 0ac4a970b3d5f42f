"""A Région consolidates its territories' reports: every figure is the sum of the territories' own, each bad file
is refused with a French message naming it while the others are stored, and the base keeps one report per
territory and period (the same one twice changes nothing, a newer one replaces it and the history says so)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from sqlalchemy import select

from ti_desktop.db import models
from ti_desktop.domain.data_documents import PDF_SHA256_KEY, DocumentFormat, checksum
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.errors import ConcurrentEditError
from ti_desktop.services.registry import Services

from ..clock import TODAY
from ..consolidation_world import Territories, three_territories

ATTACHMENT = DocumentFormat.RAPPORT.attachment_name


@pytest.fixture(scope="module")
def received(tmp_path_factory: pytest.TempPathFactory) -> Territories:
    return three_territories(tmp_path_factory.mktemp("territoires"))


def envelope_of(pdf: Path) -> dict[str, object]:
    attached = PdfReader(pdf).attachments[ATTACHMENT][0]
    loaded: dict[str, object] = json.loads(attached)
    return loaded


def rebuilt_pdf(source: Path, target: Path, envelope: dict[str, object], *, metadata_sha: str | None = None) -> Path:
    """`source` with its data attachment replaced by `envelope` (a tampering a user could do with a PDF tool)."""
    writer = PdfWriter(clone_from=PdfReader(source))
    reader = PdfReader(source)
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.add_attachment(ATTACHMENT, json.dumps(envelope, ensure_ascii=False).encode("utf-8"))
    writer.add_metadata({**(reader.metadata or {}), PDF_SHA256_KEY: metadata_sha or str(envelope["sha256"])})
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def data_of(pdf: Path) -> dict[str, object]:
    data = envelope_of(pdf)["data"]
    assert isinstance(data, dict)
    return data


def test_every_figure_is_the_sum_of_the_territories(services: Services, received: Territories) -> None:
    outcome = services.consolidation.add_files(received.pdfs)
    assert [verdict.outcome for verdict in outcome.verdicts] == ["ajouté"] * 3
    assert outcome.refused == ()
    for verdict, pdf, name in zip(outcome.verdicts, received.pdfs, received.names, strict=True):
        assert verdict.message == f"{pdf.name} : rapport de {name} du 01/01/2026 au 30/06/2026 ajouté."
    view = services.consolidation.view(TODAY)
    expected = received.expected
    assert sorted(row.name for row in view.territories) == sorted(received.names)
    totals = view.totals
    assert totals.actions == expected.actions
    assert {status: totals.count(status) for status in ActionStatus} == expected.by_status
    assert totals.planned_budget == expected.planned_budget
    assert (totals.requested, totals.granted, totals.paid) == (expected.requested, expected.granted, expected.paid)
    assert (totals.jobs_targeted, totals.jobs_created) == (expected.jobs_targeted, expected.jobs_created)
    assert totals.induced_investment == expected.induced_investment
    assert totals.achieved_investment == expected.achieved_investment
    assert view.projects == expected.actions - expected.by_status[ActionStatus.ABANDONNEE]
    assert {axis.code: axis.actions for axis in view.axes} == dict(expected.axis_actions)
    assert {axis.code: axis.planned_budget for axis in view.axes} == dict(expected.axis_budget)
    assert {axis.code: axis.secured_funding for axis in view.axes} == dict(expected.axis_secured)
    assert {funder.name: funder.granted for funder in view.funders} == dict(expected.funder_granted)
    assert {funder.name: funder.requested for funder in view.funders} == dict(expected.funder_requested)
    assert {funder.name: funder.paid for funder in view.funders} == dict(expected.funder_paid)
    assert {funder.name: funder.line_count for funder in view.funders} == dict(expected.funder_lines)
    stored = services.consolidation.stored()
    assert [report.territory for report in stored] == sorted(received.names, key=str.casefold)
    assert sum(report.actions for report in stored) == sum(len(data_of(pdf)["actions"]) for pdf in received.pdfs)


def test_the_same_report_twice_changes_nothing(services: Services, received: Territories) -> None:
    services.consolidation.add_files(received.pdfs[:1])
    before = services.consolidation.stored()
    again = services.consolidation.add_files(received.pdfs[:1])
    assert [verdict.outcome for verdict in again.verdicts] == ["inchangé"]
    assert again.verdicts[0].message.startswith(f"{received.pdfs[0].name} : rapport de {received.names[0]} ")
    assert again.verdicts[0].message.endswith("déjà reçu, inchangé.")
    assert services.consolidation.stored() == before


def test_a_newer_report_of_the_same_period_replaces_the_older_and_the_history_says_so(
    services: Services, received: Territories, tmp_path: Path
) -> None:
    services.consolidation.add_files(received.pdfs[1:2])
    (first,) = services.consolidation.stored()
    envelope = envelope_of(received.pdfs[1])
    data = dict(data_of(received.pdfs[1]))
    data["generated_on"] = "2026-11-28"
    data["synthesis"] = {**data["synthesis"], "jobs_created": 999}  # type: ignore[dict-item]
    newer = tmp_path / "rapport-corrigé.json"
    newer.write_text(json.dumps({**envelope, "data": data, "sha256": checksum(data)}), encoding="utf-8")
    outcome = services.consolidation.add_files([newer])
    (verdict,) = outcome.verdicts
    assert verdict.outcome == "remplacé"
    assert verdict.message.startswith(
        f"rapport-corrigé.json : rapport de {received.names[1]} du 01/01/2026 au 30/06/2026 remplacé par celui du "
        "28/11/2026"
    )
    (second,) = services.consolidation.stored()
    assert (second.id, second.version, second.generated_on) == (first.id, first.version + 1, dt.date(2026, 11, 28))
    assert services.consolidation.view(TODAY).totals.jobs_created == 999
    with services._sessions() as session:
        history = session.scalars(
            select(models.ChangeLog).where(models.ChangeLog.entity == "received_report").order_by(models.ChangeLog.id)
        ).all()
        assert [(row.field, row.new_value) for row in history] == [
            (None, f"rapport de {received.names[1]} du 01/01/2026 au 30/06/2026"),
            ("report", f"rapport de {received.names[1]} du 01/01/2026 au 30/06/2026 remplacé par celui du 28/11/2026"),
        ]
    # The older one, received again, is refused: the newer is kept.
    older = services.consolidation.add_files(received.pdfs[1:2])
    assert older.verdicts[0].outcome == "refusé"
    assert "est plus ancien que celui déjà reçu (généré le 28/11/2026)" in older.verdicts[0].message
    assert older.verdicts[0].message.startswith(received.pdfs[1].name)
    assert services.consolidation.stored()[0].generated_on == dt.date(2026, 11, 28)


def test_bad_files_are_refused_naming_them_and_the_others_are_stored(
    services: Services, received: Territories, tmp_path: Path
) -> None:
    tampered_data = json.loads(json.dumps(data_of(received.pdfs[1])))
    tampered_data["synthesis"]["funding"]["granted"] = "99999999.00"
    tampered = rebuilt_pdf(
        received.pdfs[1], tmp_path / "trafiqué.pdf", {**envelope_of(received.pdfs[1]), "data": tampered_data}
    )
    newer_schema = tmp_path / "futur.json"
    newer_schema.write_text(json.dumps({**envelope_of(received.pdfs[2]), "schema_version": 2}), encoding="utf-8")
    text = tmp_path / "notes.pdf"
    text.write_text("Ceci n'est pas un PDF.\n", encoding="utf-8")
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Territoire", "Actions"])
    plain_xlsx = tmp_path / "tableau.xlsx"
    workbook.save(plain_xlsx)
    without_data = tmp_path / "ancien.pdf"
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(without_data))
    drawing.drawString(100, 700, "Rapport d'avancement (ancienne version)")
    drawing.save()
    invalid = tmp_path / "invalide.json"
    broken = json.loads(json.dumps(data_of(received.pdfs[2])))
    broken["actions"][0]["status"] = "en_vacances"
    invalid.write_text(json.dumps({**envelope_of(received.pdfs[2]), "data": broken, "sha256": checksum(broken)}))
    backwards = tmp_path / "période.json"
    reversed_data = json.loads(json.dumps(data_of(received.pdfs[2])))
    reversed_data["period"] = {"from": "2026-06-30", "to": "2026-01-01"}
    backwards.write_text(
        json.dumps({**envelope_of(received.pdfs[2]), "data": reversed_data, "sha256": checksum(reversed_data)})
    )

    outcome = services.consolidation.add_files(
        [received.pdfs[0], tampered, newer_schema, text, plain_xlsx, without_data, invalid, backwards]
    )
    messages = {verdict.path.name: verdict.message for verdict in outcome.verdicts}
    assert [verdict.outcome for verdict in outcome.verdicts] == ["ajouté"] + ["refusé"] * 7
    assert messages["trafiqué.pdf"] == (
        "Les données de trafiqué.pdf ont été modifiées après leur écriture (empreinte SHA-256 différente) : "
        "elles sont refusées."
    )
    assert messages["futur.json"] == (
        "futur.json a été écrit avec le schéma version 2, plus récent que celui de cette version de TI Desktop (1) : "
        "mettez TI Desktop à jour."
    )
    assert messages["notes.pdf"].startswith("notes.pdf n'est pas un rapport TI Desktop : ")
    no_data = (
        " ne contient pas de données TI Desktop : il a sans doute été produit par une version antérieure ou un "
        "autre logiciel ; demandez au territoire de le régénérer."
    )
    assert messages["tableau.xlsx"] == "tableau.xlsx" + no_data
    assert messages["ancien.pdf"] == "ancien.pdf" + no_data
    assert messages["invalide.json"].startswith(
        "invalide.json : données non conformes au schéma « rapport-avancement » : à « data.actions[0].status »"
    )
    assert messages["période.json"] == (
        "période.json : la période du rapport finit le 01/01/2026, avant son début le 30/06/2026."
    )
    assert [report.territory for report in services.consolidation.stored()] == [received.names[0]]


def test_a_pdf_whose_metadata_checksum_differs_from_its_data_is_refused(
    services: Services, received: Territories, tmp_path: Path
) -> None:
    changed = rebuilt_pdf(received.pdfs[2], tmp_path / "r.pdf", envelope_of(received.pdfs[2]), metadata_sha="0" * 64)
    (verdict,) = services.consolidation.add_files([changed]).verdicts
    assert verdict.outcome == "refusé"
    assert verdict.message.startswith("Les données de r.pdf ont été modifiées après leur écriture")
    assert services.consolidation.stored() == []


def test_two_different_reports_of_one_territory_and_period_in_one_batch_are_both_refused(
    services: Services, received: Territories, tmp_path: Path
) -> None:
    data = dict(data_of(received.pdfs[1]))
    data["generated_on"] = "2026-07-01"
    other = tmp_path / "autre.json"
    other.write_text(json.dumps({**envelope_of(received.pdfs[1]), "data": data, "sha256": checksum(data)}))
    outcome = services.consolidation.add_files([received.pdfs[1], other, received.pdfs[2]])
    assert [verdict.outcome for verdict in outcome.verdicts] == ["refusé", "refusé", "ajouté"]
    for verdict in outcome.verdicts[:2]:
        assert f"{received.pdfs[1].name} et autre.json sont deux rapports de {received.names[1]}" in verdict.message
        assert "dans le même envoi : aucun n'est retenu" in verdict.message
    assert [report.territory for report in services.consolidation.stored()] == [received.names[2]]


def test_a_folder_and_a_json_file_are_read_like_the_pdfs(
    services: Services, received: Territories, tmp_path: Path
) -> None:
    folder = tmp_path / "reçus"
    folder.mkdir()
    for pdf in received.pdfs[:2]:
        (folder / pdf.name).write_bytes(pdf.read_bytes())
    (folder / "rapport-2.json").write_bytes(PdfReader(received.pdfs[2]).attachments[ATTACHMENT][0])
    (folder / "lisez-moi.txt").write_text("ignoré", encoding="utf-8")
    outcome = services.consolidation.add_files([folder])
    assert [verdict.path.name for verdict in outcome.verdicts] == ["rapport-0.pdf", "rapport-1.pdf", "rapport-2.json"]
    assert {verdict.outcome for verdict in outcome.verdicts} == {"ajouté"}


def test_nothing_is_stored_when_the_write_fails(
    services: Services, received: Territories, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ti_desktop.services import consolidation

    def failing(rows: list[dict[str, object]], *_: object) -> None:
        raise OSError("disque plein")

    monkeypatch.setattr(consolidation, "log_changes", lambda session, rows: failing(rows))
    with pytest.raises(OSError):
        services.consolidation.add_files(received.pdfs)
    assert services.consolidation.stored() == []


def test_removing_a_report_checks_its_version(services: Services, received: Territories, tmp_path: Path) -> None:
    services.consolidation.add_files(received.pdfs[1:2])
    (stored,) = services.consolidation.stored()
    with pytest.raises(ConcurrentEditError):
        services.consolidation.remove(stored.id, stored.version + 1)
    services.consolidation.remove(stored.id, stored.version)
    assert services.consolidation.stored() == []
