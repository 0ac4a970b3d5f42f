"""One word per field everywhere: « Porteur » in the fiche (the field's label), the plan, the report and the
export; the porteur named the same way in the plan and the report (« Marie Dupont (CC du Val) »); a file
exported earlier under « Maître d'ouvrage » still imports. Read back from the PDF and the workbook."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from ti_desktop.domain import entities
from ti_desktop.domain.enums import ActionStatus, ActorKind, FundingStatus
from ti_desktop.domain.people import person_with_organisation
from ti_desktop.domain.report_options import FindingKind, ReportOptions
from ti_desktop.exchange.plan_columns import ACTIONS_SHEET, FIELDS_BY_KEY
from ti_desktop.services.exporting import ExportFormat
from ti_desktop.services.maintenance import OpenDatabase
from ti_desktop.services.registry import Services

from ..clock import TODAY

OPTIONS = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 11, 30))
LEAD = entities.ACTION.fields["lead_actor_id"].label


def plain(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def territory_with_a_porteur(services: Services) -> tuple[int, int]:
    territory = services.territories.create(name="Vallée de l'Orne industrielle", region="Normandie")
    axes = {axis.code: axis.id for axis in services.axes.available_to(territory.id)}
    marie = services.actors.create(name="Marie Dupont", organisation="CC du Val", kind=ActorKind.EPCI)
    action = services.actions.create(
        territory_id=territory.id,
        axis_id=axes["INN"],
        code="INN-01",
        title="Fab lab",
        status=ActionStatus.EN_COURS,
        progress=20,
        lead_actor_id=marie.id,
    )
    return territory.id, action.id


def test_the_porteur_is_named_alike_in_the_plan_and_the_report(opened: OpenDatabase, tmp_path: Path) -> None:
    services = opened.services
    tid, action_id = territory_with_a_porteur(services)
    (row,) = services.views.plan_rows(tid, TODAY)
    actor = services.actors.get(services.actions.get(action_id).lead_actor_id)
    shown = person_with_organisation(actor.name, actor.organisation)
    assert shown == "Marie Dupont (CC du Val)"
    assert row.lead_name == shown  # what the plan's « Porteur » column shows
    output = services.reports.write_pdf(tid, OPTIONS, tmp_path / "rapport.pdf", TODAY)
    text = plain(" ".join(page.extract_text() for page in PdfReader(output).pages))
    axes_part = text[text.index("Avancement par axe INN") :]
    assert f"Code Titre {LEAD} Statut" in axes_part  # the table's heading: the field's label
    assert "Marie Dupont (CC du Val)" in axes_part


def test_the_export_says_porteur_and_an_earlier_export_still_imports(opened: OpenDatabase, tmp_path: Path) -> None:
    services = opened.services
    tid, _action_id = territory_with_a_porteur(services)
    assert LEAD == "Porteur" and FIELDS_BY_KEY["maitre_ouvrage"].header == LEAD
    exported = services.exports.export(tid, ExportFormat.XLSX, tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(exported.path)
    headers = [cell.value for cell in book[ACTIONS_SHEET][1]]
    assert LEAD in headers and "Maître d'ouvrage" not in headers
    column = headers.index(LEAD) + 1
    assert book[ACTIONS_SHEET].cell(row=2, column=column).value == "Marie Dupont"
    # The same file as an earlier version wrote it: the heading « Maître d'ouvrage ».
    book[ACTIONS_SHEET].cell(row=1, column=column).value = "Maître d'ouvrage"
    earlier = tmp_path / "ancien.xlsx"
    book.save(earlier)
    other = services.territories.create(name="Autre territoire")
    result = services.imports.apply(other.id, earlier)
    assert not result.errors
    (imported,) = services.actions.for_territory(other.id)
    assert imported.lead_actor_id is not None
    assert services.actors.get(imported.lead_actor_id).name == "Marie Dupont"


def test_the_pre_send_check_says_porteur(opened: OpenDatabase) -> None:
    services = opened.services
    tid, action_id = territory_with_a_porteur(services)
    services.actions.update(action_id, lead_actor_id=None)
    (finding,) = [
        finding
        for finding in services.reports.pre_send_check(tid, OPTIONS, TODAY)
        if finding.kind is FindingKind.SANS_PORTEUR
    ]
    assert finding.message == "INN-01 – Fab lab : aucun porteur n'est renseigné."
    assert "maître d'ouvrage" not in finding.message.lower()


def test_an_envisaged_line_is_not_counted_as_requested_and_the_fiche_says_so(
    opened: OpenDatabase, tmp_path: Path
) -> None:
    services = opened.services
    tid, action_id = territory_with_a_porteur(services)
    services.funding.create(
        action_id=action_id, funder_name="Région", amount_requested=Decimal(200_000), status=FundingStatus.ENVISAGE
    )
    options = ReportOptions(OPTIONS.period_from, OPTIONS.period_to, annex=True)
    output = services.reports.write_pdf(tid, options, tmp_path / "rapport.pdf", TODAY)
    pages = [plain(page.extract_text()) for page in PdfReader(output).pages]
    synthesis = next(page for page in pages if "Situation du plan d'action" in page)
    assert "Financements envisagés 200 000 €" in synthesis and "Financements demandés 0 €" in synthesis
    sheet = next(page for page in pages if "Plan de financement" in page)
    assert (
        "Envisagés : 200 000 € · demandés (déposés, accordés ou versés) : 0 € · acquis (accordés ou versés) : 0 €."
        in sheet
    )
    assert "demandés (déposés, accordés ou versés)" in pages[0]  # the cover states the same rule in the same words
