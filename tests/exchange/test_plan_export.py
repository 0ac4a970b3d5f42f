"""The plan writers on hand-made plans: files read back with openpyxl, csv and the TeT reader."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ti_desktop.domain.enums import ActionStatus, Priority
from ti_desktop.exchange import plan_columns as pc
from ti_desktop.exchange import tet, tet_layouts
from ti_desktop.exchange.cells import MAX_CELL_TEXT, CellStyle, Column, XlsxStream, neutralise, put_text
from ti_desktop.exchange.french import normalise
from ti_desktop.exchange.plan_export import (
    ACTION_ATTRIBUTES,
    FUNDING_ATTRIBUTES,
    LOCATING_ATTRIBUTES,
    MILESTONE_ATTRIBUTES,
    TET_PRIORITIES,
    TET_STATUSES,
    ExportCancelled,
    ExportedAction,
    ExportedFunding,
    ExportedIndicator,
    ExportedMilestone,
    ExportedUpdate,
    PlanExport,
    csv_text,
    french_amount,
    tet_status,
    write_csv,
    write_tet,
    write_xlsx,
)

EXPORTED_AT = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC)
FORMULA_LIKE = ("=1+1", "+33 6 12 34 56 78", "-5 % de CO2", "@SUM(A1:A9)", "\tTabulé", "\rRetour chariot")


def funding(funder: str, amount: str, granted: str | None = None) -> ExportedFunding:
    return ExportedFunding(
        funder=funder,
        programme="Fonds vert",
        amount_requested=Decimal(amount),
        amount_granted=Decimal(granted) if granted else None,
        status="Accordé" if granted else "Déposé",
        filed_on=dt.date(2025, 2, 3),
        decided_on=dt.date(2025, 6, 30) if granted else None,
    )


VALUE_ATTRIBUTES = {str(field.attribute) for field in pc.ACTION_VALUE_FIELDS}


def action(title: str = "Réseau de chaleur", **values: object) -> ExportedAction:
    defaults: dict[str, object] = {
        "code": "TEC-01",
        "axis": "Transition écologique",
        "objective": "Décarboner l'industrie",
        "parent": None,
        "parent_title": None,
        "title": title,
        "description": "Récupérer la chaleur fatale.",
        "expected_results": "12 GWh par an",
        "notes": "Raccordement de la sucrerie à confirmer.",
        "status": ActionStatus.EN_COURS.label,
        "priority": Priority.HAUTE.label,
        "to_discuss": False,
        "confidential": False,
        "lead_actor": "Verreries Réunies",
        "pilot": "Julien Marchal",
        "elected_referent": None,
        "planned_start": dt.date(2025, 3, 15),
        "planned_end": dt.date(2027, 12, 31),
        "actual_end": None,
        "progress": 35,
        "planned_budget": Decimal("1250000.50"),
        "spent_to_date": Decimal("300000"),
        "budget_nature": "Investissement",
        "jobs_targeted": 4,
        "jobs_created": 3,
        "induced_investment": None,
        "achieved_investment": Decimal("500000"),
        "partners": ("ADEME", "Région Grand Est"),
        "indicators": ("GWh récupérés",),
        "funding": (funding("ADEME", "400000", "350000.50"), funding("Région Grand Est", "250000")),
        "milestones": (ExportedMilestone("Étude de faisabilité", dt.date(2025, 9, 30), dt.date(2025, 9, 12)),),
        "updates": (
            ExportedUpdate(dt.date(2026, 6, 1), "Claire Martin", "En cours", 35, "Étude rendue", None, "Travaux", True),
        ),
    }
    given = {**defaults, **values}
    # The plain values travel by attribute (`ExportedAction.values`), like every field declared with a column.
    plain = {attribute: given.pop(attribute) for attribute in list(given) if attribute in VALUE_ATTRIBUTES}
    return ExportedAction(**given, values=plain)  # type: ignore[arg-type]


def plan(*actions: ExportedAction) -> PlanExport:
    indicator = ExportedIndicator(
        name="GWh récupérés",
        unit="GWh",
        source="Exploitant",
        axis="Transition écologique",
        action_code="TEC-01",
        action_title="Réseau de chaleur",
        direction="À la hausse",
        baseline_value=0.0,
        baseline_on=dt.date(2024, 12, 31),
        target_value=12.0,
        target_on=dt.date(2028, 12, 31),
        last_value=3.5,
        last_on=dt.date(2025, 12, 31),
        measures=2,
    )
    return PlanExport("Vallée de l'Orne", EXPORTED_AT, actions or (action(),), (indicator,))


def data_rows(sheet, first: int = 2) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [row for row in sheet.iter_rows(min_row=first, values_only=True) if any(v is not None for v in row)]


# -- columns ---------------------------------------------------------------------------------------------
def test_every_plan_column_has_a_value_to_export() -> None:
    assert {field.key for field in pc.ACTION_FIELDS if not pc.carries_value(field)} <= set(ACTION_ATTRIBUTES)
    # Every declared action value reaches the export (the generic path) from its row.
    assert {str(field.attribute) for field in pc.ACTION_VALUE_FIELDS} == set(action().values)
    assert {field.key for field in pc.FUNDING_COLUMNS} <= set(FUNDING_ATTRIBUTES) | set(LOCATING_ATTRIBUTES)
    assert {field.key for field in pc.MILESTONE_COLUMNS} <= set(MILESTONE_ATTRIBUTES) | set(LOCATING_ATTRIBUTES)
    fields = set(ExportedAction.__dataclass_fields__)
    assert set(ACTION_ATTRIBUTES.values()) | set(LOCATING_ATTRIBUTES.values()) <= fields


# -- xlsx ------------------------------------------------------------------------------------------------
def test_xlsx_has_the_five_sheets_with_the_plan_columns(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_xlsx(plan(), path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Actions", "Financements", "Jalons", "Indicateurs", "Suivi"]
    assert [cell.value for cell in book["Actions"][1]] == [field.header for field in pc.ACTION_FIELDS]
    assert [cell.value for cell in book["Financements"][1]] == [field.header for field in pc.FUNDING_COLUMNS]
    assert [cell.value for cell in book["Jalons"][1]] == [field.header for field in pc.MILESTONE_COLUMNS]

    values = next(book["Actions"].iter_rows(min_row=2, values_only=True))
    row = dict(zip([f.key for f in pc.ACTION_FIELDS], values, strict=True))
    assert row["titre"] == "Réseau de chaleur"
    assert row["statut"] == "En cours" and row["priorite"] == "Haute"
    assert row["a_discuter"] == "Non" and row["confidentielle"] == "Non"
    assert row["date_debut"] == dt.datetime(2025, 3, 15)
    assert row["budget"] == pytest.approx(1250000.5)
    assert row["avancement"] == 35 and row["emplois_vises"] == 4
    assert row["maitre_ouvrage"] == "Verreries Réunies"

    lines = data_rows(book["Financements"])
    assert [(line[0], line[2], line[3], line[5], line[6], line[7]) for line in lines] == [
        ("TEC-01", "Réseau de chaleur", "ADEME", 400000, 350000.5, "Accordé"),
        ("TEC-01", "Réseau de chaleur", "Région Grand Est", 250000, None, "Déposé"),
    ]
    assert data_rows(book["Jalons"]) == [
        (
            "TEC-01",
            "Transition écologique",
            "Réseau de chaleur",
            "Étude de faisabilité",
            dt.datetime(2025, 9, 30),
            dt.datetime(2025, 9, 12),
        )
    ]
    indicators = data_rows(book["Indicateurs"])
    assert indicators[0][0] == "GWh récupérés" and indicators[0][11] == 3.5 and indicators[0][13] == 2
    updates = data_rows(book["Suivi"])
    assert updates[0][3] == dt.datetime(2026, 6, 1) and updates[0][6] == 35 and updates[0][10] == "Oui"


def test_xlsx_looks_like_a_spreadsheet_people_can_work_with(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_xlsx(plan(action(), action("Deuxième", code="TEC-02")), path)
    book = openpyxl.load_workbook(path)
    sheet = book["Actions"]
    header = sheet["A1"]
    assert header.font.b and header.fill.fill_type == "solid" and header.alignment.wrap_text
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(pc.ACTION_FIELDS))}3"
    keys = [field.key for field in pc.ACTION_FIELDS]
    column = {key: openpyxl.utils.get_column_letter(index + 1) for index, key in enumerate(keys)}
    assert sheet[f"{column['date_debut']}2"].number_format == "DD/MM/YYYY"
    assert sheet[f"{column['date_debut']}2"].is_date
    assert "€" in sheet[f"{column['budget']}2"].number_format
    assert sheet[f"{column['avancement']}2"].number_format == "0"
    assert sheet.column_dimensions[column["titre"]].width >= 40
    assert sheet.column_dimensions[column["code"]].width >= 10
    for name in ("Financements", "Jalons", "Indicateurs", "Suivi"):
        assert book[name].freeze_panes is not None and book[name].auto_filter.ref.startswith("A1:")
        assert book[name]["A1"].font.b
    assert book["Financements"]["F2"].number_format == sheet[f"{column['budget']}2"].number_format


def test_formula_like_texts_stay_text_in_xlsx(tmp_path: Path) -> None:
    actions = [
        action(text, code=f"X-{index}", description=text, lead_actor=text) for index, text in enumerate(FORMULA_LIKE)
    ]
    path = tmp_path / "plan.xlsx"
    write_xlsx(plan(*actions), path)
    sheet = openpyxl.load_workbook(path)["Actions"]
    keys = [field.key for field in pc.ACTION_FIELDS]
    for row, text in zip(sheet.iter_rows(min_row=2), FORMULA_LIKE, strict=True):
        for key in ("titre", "description", "maitre_ouvrage"):
            cell = row[keys.index(key)]
            assert cell.value == text
            assert cell.data_type == "s"
            assert cell.quotePrefix


def test_formula_like_texts_are_neutralised_in_csv(tmp_path: Path) -> None:
    actions = [action(text, code=f"X-{index}", description=text) for index, text in enumerate(FORMULA_LIKE)]
    path = tmp_path / "plan.csv"
    write_csv(plan(*actions), path)
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
    keys = [field.key for field in pc.ACTION_FIELDS]
    for row, text in zip(rows[1:], FORMULA_LIKE, strict=True):
        assert row[keys.index("titre")] == "'" + text
        assert row[keys.index("description")] == "'" + text
    assert neutralise("Plateforme = avenir") == "Plateforme = avenir"
    assert neutralise("") == ""


def test_formula_like_texts_stay_text_in_tet(tmp_path: Path) -> None:
    path = tmp_path / "tet.xlsx"
    write_tet(plan(*[action(text, code=None, description=text) for text in FORMULA_LIKE]), path)
    sheet = openpyxl.load_workbook(path).active
    for row, text in zip(sheet.iter_rows(min_row=5), FORMULA_LIKE, strict=True):
        assert (row[tet_layouts.TITLE].value, row[tet_layouts.TITLE].data_type) == (text, "s")
        assert row[tet_layouts.DESCRIPTION].value == text


def test_cells_drop_what_xml_cannot_hold_and_cut_what_excel_cannot(tmp_path: Path) -> None:
    path = tmp_path / "cells.xlsx"
    with XlsxStream(path, ["Feuille"], EXPORTED_AT) as book:
        sheet = book.sheet("Feuille", [Column("Texte", 20), Column("Montant", 12, CellStyle.EUROS)])
        sheet.row(["bip\x07 <b> & « guillemets »", Decimal("12.5")])
        sheet.row(["x" * (MAX_CELL_TEXT + 10), float("nan")])
        sheet.row(["  espaces  ", True])
    cells = openpyxl.load_workbook(path)["Feuille"]
    assert cells["A1"].value == "bip <b> & « guillemets »"
    assert len(cells["A2"].value) == MAX_CELL_TEXT and cells["A2"].value.endswith("…")
    assert cells["B2"].value is None
    assert cells["A3"].value == "  espaces  " and cells["B3"].value is True


def test_put_text_keeps_a_formula_like_text_as_text_with_openpyxl(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    put_text(book.active["A1"], '=HYPERLINK("http://x")')
    book.save(tmp_path / "t.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "t.xlsx").active["A1"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ('=HYPERLINK("http://x")', "s", True)


def test_writers_stop_when_cancelled(tmp_path: Path) -> None:
    many = plan(*[action(f"Action {n}", code=f"A-{n}") for n in range(600)])
    progress: list[tuple[int, int]] = []
    for writer in (write_xlsx, write_csv, write_tet):
        with pytest.raises(ExportCancelled, match="annulé"):
            writer(many, tmp_path / "x", lambda d, t: progress.append((d, t)), lambda: True)
    calls = 0

    def later() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    with pytest.raises(ExportCancelled):
        write_xlsx(many, tmp_path / "y.xlsx", None, later)
    write_xlsx(many, tmp_path / "z.xlsx", lambda d, t: progress.append((d, t)), lambda: False)
    assert progress[-1][0] == progress[-1][1]


# -- csv -------------------------------------------------------------------------------------------------
def test_csv_is_for_french_excel(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    write_csv(plan(action(), action("Sous-action", code="TEC-01.1", parent="TEC-01", parent_title="Réseau")), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 3 and b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == [field.header for field in pc.ACTION_FIELDS]
    row = dict(zip([field.key for field in pc.ACTION_FIELDS], rows[1], strict=True))
    assert row["budget"] == "1250000,50"
    assert row["depense"] == "300000"
    assert row["date_debut"] == "15/03/2025" and row["date_fin_reelle"] == ""
    assert row["avancement"] == "35" and row["a_discuter"] == "Non"
    assert dict(zip([field.key for field in pc.ACTION_FIELDS], rows[2], strict=True))["action_parente"] == "TEC-01"


def test_french_amounts_have_a_decimal_comma_and_no_grouping() -> None:
    assert french_amount(Decimal("1250000.50")) == "1250000,50"
    assert french_amount(Decimal("1250000.00")) == "1250000"
    assert french_amount(Decimal("0.05")) == "0,05"
    assert french_amount(Decimal("12")) == "12"
    assert csv_text(3.5) == "3,5"
    assert csv_text(dt.date(2025, 1, 2)) == "02/01/2025"
    assert csv_text(True) == "Oui" and csv_text(None) == ""


# -- Territoires en Transitions --------------------------------------------------------------------------
def test_tet_wording_reads_back_as_the_same_status_and_priority() -> None:
    for status in ActionStatus:
        wording = TET_STATUSES.get(status.label)
        if status is ActionStatus.EN_REFLEXION:
            assert wording is None  # TeT has no such status
        else:
            assert tet.STATUSES[normalise(wording or "")] is status
    for priority in Priority:
        assert tet.PRIORITIES[normalise(TET_PRIORITIES[priority.label])] is priority


def test_tet_status_uses_a_discuter_only_when_nothing_better_fits() -> None:
    thinking = ActionStatus.EN_REFLEXION.label
    assert tet_status(action(status=thinking, to_discuss=True)) == "À discuter"
    assert tet_status(action(status=thinking, to_discuss=False)) is None
    assert tet_status(action(status=ActionStatus.BLOQUEE.label, to_discuss=True)) == "Bloqué"
    assert tet_status(action(status=ActionStatus.REALISEE.label)) == "Réalisé"


def test_tet_workbook_has_tets_layout_and_reads_back(tmp_path: Path) -> None:
    lines = tuple(funding(f"Financeur {n}", f"{n}000.50") for n in range(1, 6))
    parent = action("Réseau de chaleur", funding=lines)
    child = action(
        "Étude de faisabilité",
        code="TEC-01.1",
        parent="TEC-01",
        parent_title="Réseau de chaleur",
        axis="Autre axe",
        objective=None,
        funding=(funding("ADEME", "45000"),),
        status=ActionStatus.EN_REFLEXION.label,
        to_discuss=True,
        priority=Priority.BASSE.label,
    )
    other = action("Sans objectif", code="TEC-02", objective=None, funding=(), planned_budget=None)
    path = tmp_path / "tet.xlsx"
    write_tet(plan(parent, child, other), path, layout="legacy")

    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value.startswith("Vallée de l'Orne — plan d'action")
    assert tuple(cell.value for cell in sheet[2]) == tet.TET_COLUMNS
    assert sheet["A3"].value == "Champ texte" and sheet["AA3"].value == "Champ date"
    rows = data_rows(sheet, first=4)
    assert rows[1][: tet_layouts.SUB_TITLE + 1] == (
        "Transition écologique",  # the sub-action's row carries its action's axis and sub-axis
        "Décarboner l'industrie",
        None,
        "Réseau de chaleur",
        "Étude de faisabilité",
    )
    assert rows[0][tet_layouts.FUNDERS[2][0]] == "Financeur 3" and rows[0][tet_layouts.FUNDERS[2][1]] == 3000.5
    assert "Financeur 4" in rows[0][16] and "Financeur 5" in rows[0][16]
    assert rows[0][tet_layouts.STATUS] == "En cours" and rows[0][tet_layouts.PRIORITY] == "Élevé"
    assert rows[1][tet_layouts.STATUS] == "À discuter" and rows[1][tet_layouts.PRIORITY] == "Bas"
    assert sheet.cell(4, tet_layouts.START + 1).number_format == "DD/MM/YYYY"
    assert sheet.cell(4, tet_layouts.START + 1).value == dt.datetime(2025, 3, 15)

    read = tet.read_tet_plan(path)
    assert not read.has_errors, [str(issue) for issue in read.issues]
    assert [(a.title, a.parent_title) for a in read.actions] == [
        ("Réseau de chaleur", None),
        ("Étude de faisabilité", "Réseau de chaleur"),
        ("Sans objectif", None),
    ]
    assert [len(a.funding) for a in read.actions] == [5, 1, 0]  # the 4th and 5th read back from « Financements »
    assert read.actions[0].funding[2].amount == Decimal("3000.50")
    assert read.actions[0].values.get("planned_budget") == Decimal("1250000.50")
    assert read.actions[0].values.get("planned_start") == dt.date(2025, 3, 15)
    assert read.actions[0].status is ActionStatus.EN_COURS and read.actions[0].priority is Priority.HAUTE
    assert read.actions[1].values.get("to_discuss") and read.actions[1].status is None
    assert read.actions[2].objective is None


def test_a_plan_without_actions_still_makes_valid_files(tmp_path: Path) -> None:
    empty = replace(plan(), actions=(), indicators=())
    write_xlsx(empty, tmp_path / "vide.xlsx")
    write_tet(empty, tmp_path / "vide-tet.xlsx")
    write_csv(empty, tmp_path / "vide.csv")
    assert openpyxl.load_workbook(tmp_path / "vide.xlsx")["Actions"].auto_filter.ref.endswith("1")
    assert tet.read_tet_plan(tmp_path / "vide-tet.xlsx").actions == []
    assert (tmp_path / "vide.csv").read_bytes().count(b"\r\n") == 1
