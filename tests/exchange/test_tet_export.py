"""Our TeT export in the current template's layout (the default), read back by our TeT import."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl

from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.exchange.plan_export import TEMPLATE_HEADERS, ExportedMilestone, write_tet
from ti_desktop.exchange.tet import read_tet_plan
from ti_desktop.exchange.tet_layouts import TEMPLATE_COLUMNS, TEMPLATE_SHEET

from .conftest import tet_file
from .test_plan_export import action, funding, plan

MILESTONES = (
    ExportedMilestone("Étude de faisabilité rendue", dt.date(2025, 6, 30), dt.date(2025, 7, 2)),
    ExportedMilestone("Mise en service", dt.date(2027, 9, 1), None),
)
FUNDERS = tuple(funding(f"Financeur {n}", f"{n}000") for n in range(1, 6))


def exported(tmp_path: Path) -> Path:
    parent = replace(
        action("Réseau de chaleur", funding=FUNDERS, milestones=MILESTONES),
        values={**action().values, "notes": "Comité du 12/03 : accord de principe."},
        custom_values={"Cibles": "Acteurs économiques", "Action en amélioration continue": True, "Site": "ZA Nord"},
    )
    child = action(
        "Étude de faisabilité", code="TEC-01.1", parent="TEC-01", parent_title="Réseau de chaleur", funding=()
    )
    other = action("Campus des métiers", code="COM-01", axis="Compétences", objective=None, funding=())
    custom_fields = (
        ("Cibles", CustomFieldKind.TEXT),
        ("Action en amélioration continue", CustomFieldKind.FLAG),
        ("Site", CustomFieldKind.TEXT),
    )
    path = tmp_path / "plan-tet.xlsx"
    write_tet(replace(plan(parent, child, other), custom_fields=custom_fields), path)
    return path


def test_the_export_has_the_current_templates_layout(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(exported(tmp_path))
    (sheet,) = book.worksheets
    template = openpyxl.load_workbook(tet_file("modele-import-pa.xlsx"))["Fichier dimport"]
    assert sheet.title == TEMPLATE_SHEET == template.title
    for number in (1, 2, 3, 4):  # group row, headers, field types, instructions: as TeT's template has them
        ours = [cell.value for cell in sheet[number]][: len(TEMPLATE_COLUMNS)]
        assert ours == [cell.value for cell in template[number]][: len(TEMPLATE_COLUMNS)], number
    # TeT's columns in TeT's order, then the custom fields TeT's template has no column for
    assert tuple(cell.value for cell in sheet[2]) == (*TEMPLATE_HEADERS, "Cibles", "Site")
    assert sheet["D5"].value == "Réseau de chaleur" and sheet["E6"].value == "Étude de faisabilité"
    assert sheet["D6"].value == "Réseau de chaleur" and sheet["A6"].value == "Transition écologique"
    assert sheet["AC5"].value == "VRAI"  # the custom field named as TeT's column « Action en amélioration continue »
    assert (sheet["AH5"].value, sheet["AI5"].value) == ("Acteurs économiques", "ZA Nord")
    assert (
        sheet["Q5"].value
        == "Autres financements : Financeur 4 : 4\u202f000\u202f€ HT ; Financeur 5 : 5\u202f000\u202f€ HT"
    )
    assert sheet["AF5"].value.startswith("Comité du 12/03 : accord de principe.\n\nJalons :\n")
    assert "- Mise en service (échéance 01/09/2027)" in sheet["AF5"].value


def test_the_export_reads_back_the_same_plan(tmp_path: Path) -> None:
    read = read_tet_plan(exported(tmp_path))
    assert not read.has_errors, [str(issue) for issue in read.issues]
    assert [(a.axis, a.objective, a.title, a.parent_title) for a in read.actions] == [
        ("Transition écologique", "Décarboner l'industrie", "Réseau de chaleur", None),
        ("Transition écologique", "Décarboner l'industrie", "Étude de faisabilité", "Réseau de chaleur"),
        ("Compétences", None, "Campus des métiers", None),
    ]
    parent = read.actions[0]
    assert [(f.funder, f.amount) for f in parent.funding] == [
        (f"Financeur {n}", Decimal(f"{n}000")) for n in range(1, 6)
    ]
    assert [(m.title, m.due_on, m.done_on) for m in parent.milestones] == [
        (m.title, m.due_on, m.done_on) for m in MILESTONES
    ]
    assert parent.values["notes"] == "Comité du 12/03 : accord de principe."
    assert parent.values["planned_start"] == dt.date(2025, 3, 15) and parent.values["planned_end"] == dt.date(
        2027, 12, 31
    )
    assert parent.values["planned_budget"] == Decimal("1250000.50")
    assert parent.values["description"] == "Récupérer la chaleur fatale."
    assert parent.actors == {"lead_actor_id": "Verreries Réunies", "pilot_actor_id": "Julien Marchal"}
    assert parent.custom_values["Action en amélioration continue"] is True
    assert parent.custom_values["Site"] == "ZA Nord" and parent.custom_values["Cibles"] == "Acteurs économiques"
    assert parent.custom_values["Partenaires"] == "ADEME, Région Grand Est"
    assert not any("fiche d'exemple" in issue.message for issue in read.issues)


def test_a_kept_financements_text_and_the_other_funders_share_the_column(tmp_path: Path) -> None:
    kept = replace(
        action("Réseau de chaleur", funding=FUNDERS),
        custom_values={"Financements": "Dossier Fonds vert en cours d'instruction"},
    )
    path = tmp_path / "plan-tet.xlsx"
    write_tet(replace(plan(kept), custom_fields=(("Financements", CustomFieldKind.TEXT),)), path)
    cell = openpyxl.load_workbook(path).active["Q5"].value
    assert cell.startswith("Dossier Fonds vert en cours d'instruction\nAutres financements : Financeur 4")
    (read,) = read_tet_plan(path).actions
    assert len(read.funding) == 5
    assert read.custom_values["Financements"] == "Dossier Fonds vert en cours d'instruction"


def test_the_legacy_layout_carries_notes_and_milestones_in_the_description(tmp_path: Path) -> None:
    noted = replace(
        action("Réseau de chaleur", milestones=MILESTONES),
        values={**action().values, "notes": "Comité du 12/03 : accord de principe."},
    )
    path = tmp_path / "plan-tet.xlsx"
    write_tet(plan(noted), path, layout="legacy")
    assert (
        openpyxl.load_workbook(path)
        .active["F4"]
        .value.startswith("Récupérer la chaleur fatale.\n\nComité du 12/03 : accord de principe.\n\nJalons :\n- Étude")
    )
    (read,) = read_tet_plan(path).actions
    assert [m.title for m in read.milestones] == [m.title for m in MILESTONES]
    # the legacy reader keeps the columns without a field in the description, as before
    assert read.values["description"].startswith(
        "Récupérer la chaleur fatale.\n\nComité du 12/03 : accord de principe.\n\nIndicateurs liés : GWh"
    )
