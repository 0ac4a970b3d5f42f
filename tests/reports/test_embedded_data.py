"""The PDFs carry their data: the report's and the minutes' JSON documents, attached as any PDF reader lists
them, valid against their schema, sealed by the SHA-256 the metadata names, and agreeing with the PDF's text."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
from pypdf import PdfReader

from ti_desktop.domain.data_documents import (
    PDF_FORMAT_KEY,
    PDF_SCHEMA_VERSION_KEY,
    PDF_SHA256_KEY,
    checksum,
)
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.kernel.formatting import format_euros, format_number
from ti_desktop.paths import resource_path
from ti_desktop.services.maintenance import OpenDatabase, open_services
from ti_desktop.services.registry import Services

from ..clock import TODAY, fixed_clock

OPTIONS = ReportOptions(dt.date(2026, 1, 1), TODAY)


@pytest.fixture
def demo(demo_db: Path) -> Iterator[OpenDatabase]:
    opened = open_services(demo_db, clock=fixed_clock())
    yield opened
    opened.close()


def _territory_id(services: Services) -> int:
    return services.territories.list()[0].id


def _plain(text: str) -> str:
    return re.sub(r"[\u00a0\u202f ]+", " ", text)  # thin and non-breaking spaces, as plain spaces


def _text(reader: PdfReader) -> str:
    return _plain("\n".join(page.extract_text() for page in reader.pages))


def _euros(amount: str) -> str:
    return _plain(format_euros(Decimal(amount)))


def _document(reader: PdfReader, name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(reader.attachments[name][0])
    return document


def _validate(document: dict[str, Any], schema: str) -> None:
    with open(resource_path("schemas", f"{schema}.schema.json"), encoding="utf-8") as stream:
        validator = jsonschema.Draft202012Validator(json.load(stream), format_checker=jsonschema.FormatChecker())
    validator.validate(document)


def _report(services: Services, tmp_path: Path) -> PdfReader:
    path = services.reports.write_pdf(_territory_id(services), OPTIONS, tmp_path / "rapport.pdf", TODAY)
    return PdfReader(path)


def test_report_pdf_carries_its_data_and_plan_sealed_by_its_metadata(demo: OpenDatabase, tmp_path: Path) -> None:
    reader = _report(demo.services, tmp_path)
    assert sorted(reader.attachments) == ["plan-action.xlsx", "rapport-avancement.json"]
    document = _document(reader, "rapport-avancement.json")
    _validate(document, "rapport-avancement")
    metadata = reader.metadata
    assert metadata is not None
    assert metadata[PDF_FORMAT_KEY] == document["format"] == "ti-desktop/rapport-avancement"
    assert metadata[PDF_SCHEMA_VERSION_KEY] == "1" and document["schema_version"] == 1
    assert metadata[PDF_SHA256_KEY] == document["sha256"] == checksum(document["data"])
    data = document["data"]
    assert data["territory"]["name"] == demo.services.territories.list()[0].name
    assert data["period"] == {"from": "2026-01-01", "to": TODAY.isoformat()}


def test_report_data_agrees_to_the_cent_with_the_database_and_with_the_pdf_text(
    demo: OpenDatabase, tmp_path: Path
) -> None:
    services = demo.services
    territory_id = _territory_id(services)
    reader = _report(services, tmp_path)
    data = _document(reader, "rapport-avancement.json")["data"]
    text = _text(reader)
    # The figures, computed independently from the base (non-confidential actions, as the report).
    summary = services.summary.plan_summary(territory_id, TODAY, include_confidential=False)
    synthesis = data["synthesis"]
    assert Decimal(synthesis["planned_budget"]) == summary.budget.planned
    assert Decimal(synthesis["funding"]["requested"]) == summary.funding.requested
    assert Decimal(synthesis["funding"]["granted"]) == summary.funding.granted
    assert Decimal(synthesis["funding"]["paid"]) == summary.funding.paid
    assert synthesis["jobs_targeted"] == summary.jobs_targeted
    assert synthesis["jobs_created"] == summary.jobs_created
    assert Decimal(synthesis["induced_investment"]) == summary.induced_investment
    assert {ActionStatus(code): count for code, count in synthesis["status_counts"].items()} == dict(
        summary.status_counts.by_status
    )
    # Each action's figures add up to the synthèse, to the cent.
    actions = data["actions"]
    assert len(actions) == summary.status_counts.total
    budget = sum((Decimal(action["planned_budget"] or 0) for action in actions), Decimal(0))
    assert budget == Decimal(synthesis["planned_budget"])
    granted = sum(
        (
            Decimal(line["granted"] or 0)
            for action in actions
            for line in action["funding"]
            if line["status"] in ("accorde", "verse")
        ),
        Decimal(0),
    )
    assert granted == Decimal(synthesis["funding"]["granted"])
    # What the PDF prints is what the data says: the key figures, each axis's and each funder's totals.
    for figure in (synthesis["planned_budget"], synthesis["funding"]["granted"], synthesis["funding"]["requested"]):
        assert _euros(figure) in text
    assert _plain(format_number(synthesis["jobs_targeted"])) in text
    for axis in data["axes"]:
        assert _euros(axis["planned_budget"]) in text, axis["label"]
    for funder in data["funding"]["by_funder"]:
        assert _euros(funder["requested"]) in text, funder["name"]
    for action in actions:
        assert action["reference"] in text


def test_confidential_actions_are_neither_in_the_data_nor_in_the_attached_plan(
    demo: OpenDatabase, tmp_path: Path
) -> None:
    services = demo.services
    territory_id = _territory_id(services)
    secret = next(action for action in services.actions.list(territory_id=territory_id) if not action.confidential)
    services.actions.update(secret.id, expected_version=secret.version, confidential=True)
    reader = _report(services, tmp_path)
    data = _document(reader, "rapport-avancement.json")["data"]
    assert secret.title not in {action["title"] for action in data["actions"]}
    assert data["options"]["confidential_included"] is False
    assert data["options"]["confidential_left_out"] >= 1
    book = openpyxl.load_workbook(io.BytesIO(reader.attachments["plan-action.xlsx"][0]), read_only=True)
    rows = list(book["Actions"].iter_rows(values_only=True))
    title = rows[0].index("Intitulé")
    titles = [row[title] for row in rows[1:] if row[title]]
    assert secret.title not in titles
    assert len(titles) == len(data["actions"])


def test_minutes_pdf_carries_its_decisions_with_their_actions(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    meetings = services.meetings.list(territory_id=_territory_id(services))
    meeting = max(meetings, key=lambda item: len(services.decisions.list(meeting_id=item.id)))
    path = services.minutes.write_pdf(meeting.id, tmp_path / "compte-rendu.pdf", TODAY)
    reader = PdfReader(path)
    assert list(reader.attachments) == ["compte-rendu.json"]
    document = _document(reader, "compte-rendu.json")
    _validate(document, "compte-rendu")
    assert reader.metadata is not None and reader.metadata[PDF_SHA256_KEY] == checksum(document["data"])
    data = document["data"]
    stored = services.decisions.list(meeting_id=meeting.id)
    assert stored and len(data["decisions"]) == len(stored)
    text = _text(reader)
    for decision in data["decisions"]:
        assert decision["text"][:30] in text.replace("\n", " ")
        if decision["action_code"]:
            assert decision["action_code"] in text
    assert data["meeting"]["held_on"] == meeting.held_on.isoformat()
