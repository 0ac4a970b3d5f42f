"""The plan template offered to users: its columns are the shared ones, and a filled copy imports."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from ti_desktop.exchange.plan_columns import ACTION_FIELDS, FUNDING_COLUMNS, MILESTONE_COLUMNS
from ti_desktop.exchange.table_plan import read_table_plan
from ti_desktop.exchange.tabular import read_workbook
from ti_desktop.services.importing import ImportService


def headers(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    return [cell.value for cell in sheet[1] if cell.value is not None]


def test_template_columns_are_the_shared_ones() -> None:
    """Fails when a column changed without re-running tools/make_template.py."""
    book = openpyxl.load_workbook(ImportService.template_path())
    assert book.sheetnames == ["Mode d'emploi", "Actions", "Financements", "Jalons"]
    assert headers(book["Actions"]) == [field.header for field in ACTION_FIELDS]
    assert headers(book["Financements"]) == [field.header for field in FUNDING_COLUMNS]
    assert headers(book["Jalons"]) == [field.header for field in MILESTONE_COLUMNS]
    assert book["Actions"].freeze_panes == "A2"
    statuses = [v for v in book["Actions"].data_validations.dataValidation if "En cours" in (v.formula1 or "")]
    assert statuses, "the Statut column offers a drop-down list"


def test_a_filled_template_reads_with_its_companion_sheets(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(ImportService.template_path())
    position = {field.key: index for index, field in enumerate(ACTION_FIELDS, start=1)}
    actions = book["Actions"]
    for key, value in {"code": "INN-01", "axe": "Innovation", "titre": "Fab lab", "statut": "En cours"}.items():
        actions.cell(row=2, column=position[key], value=value)
    book["Financements"].append(["INN-01", None, None, "Région Grand Est", "Climaxion", 50000])
    book["Jalons"].append(["INN-01", None, None, "Ouverture"])
    path = tmp_path / "rempli.xlsx"
    book.save(path)
    plan = read_table_plan(path, read_workbook(path), "Actions")
    assert not plan.has_errors, [str(issue) for issue in plan.issues]
    (action,) = plan.actions
    assert action.code == "INN-01" and action.title == "Fab lab"
    assert [line.funder for line in action.funding] == ["Région Grand Est"]
    assert [milestone.title for milestone in action.milestones] == ["Ouverture"]
