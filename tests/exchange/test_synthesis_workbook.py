"""The regional synthesis workbook, opened as a Région agent does in a spreadsheet (its sheets, headers, amounts
as numbers in euros, totals) and as a program (the very hidden sheet gives back the document's exact bytes)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ti_desktop.domain.consolidation import consolidate
from ti_desktop.domain.data_documents import WORKBOOK_DATA_SHEET, checksum, from_cells
from ti_desktop.exchange.synthesis_workbook import write_synthesis_xlsx
from ti_desktop.reports.synthesis_document import synthesis_document

from ..reports.synthesis_samples import demo_report_datas, sample_reports

AS_OF = dt.date(2026, 12, 7)


@pytest.fixture
def datas(demo_template: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    return demo_report_datas(demo_template)


def headers(sheet: Any) -> list[str]:
    return [cell.value for cell in sheet[1]]


def column(sheet: Any, header: str) -> int:
    return headers(sheet).index(header) + 1


def test_sheets_totals_and_hidden_data(datas: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path) -> None:
    reports = sample_reports(*datas, 20)
    view = consolidate(reports, AS_OF)
    document = synthesis_document(view, reports, "1.4.0")
    path = tmp_path / "synthese.xlsx"
    write_synthesis_xlsx(view, document, path)

    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Territoires", "Axes", "Financeurs", "Évolutions", "Actions", WORKBOOK_DATA_SHEET]
    assert [workbook[name].sheet_state for name in workbook.sheetnames[:-1]] == ["visible"] * 5
    assert workbook[WORKBOOK_DATA_SHEET].sheet_state == "veryHidden"

    territories = workbook["Territoires"]
    assert territories.max_row == 1 + 20 + 1  # the header, one row per territory, the totals
    names = [territories.cell(row=index, column=1).value for index in range(2, 22)]
    assert names == [row.name for row in view.territories]
    total_row = 22
    assert territories.cell(row=total_row, column=1).value == "Total (20 territoires)"
    for header, expected in (
        ("Financements accordés (€)", view.totals.granted),
        ("Financements demandés (€)", view.totals.requested),
        ("Financements versés (€)", view.totals.paid),
        ("Budget prévu (€)", view.totals.planned_budget),
        ("Investissement induit (€)", view.totals.induced_investment),
    ):
        cell = territories.cell(row=total_row, column=column(territories, header))
        assert Decimal(str(cell.value)) == expected
        assert "€" in cell.number_format and "0.00" in cell.number_format
        rows_sum = sum(
            Decimal(str(territories.cell(row=index, column=column(territories, header)).value))
            for index in range(2, 22)
        )
        assert rows_sum == expected
    for header, expected_int in (
        ("Emplois visés", view.totals.jobs_targeted),
        ("Emplois créés", view.totals.jobs_created),
    ):
        assert territories.cell(row=total_row, column=column(territories, header)).value == expected_int
    stale = territories.cell(
        row=2 + next(i for i, row in enumerate(view.territories) if row.stale), column=column(territories, "Ancienneté")
    )
    assert stale.value == "ancien (plus de six mois)"
    date_cell = territories.cell(row=2, column=column(territories, "Date du dernier rapport"))
    assert date_cell.value.date() == view.territories[0].report.generated_on
    assert date_cell.number_format == "DD/MM/YYYY"

    axes = workbook["Axes"]
    assert axes.max_row == 1 + len(view.axes)
    assert [axes.cell(row=index + 2, column=1).value for index in range(len(view.axes))] == [a.code for a in view.axes]
    funders = workbook["Financeurs"]
    assert Decimal(str(funders.cell(row=2, column=column(funders, "Accordé (€)")).value)) == view.funders[0].granted
    evolutions = workbook["Évolutions"]
    assert evolutions.max_row == 1 + sum(len(evolution.steps) for evolution in view.evolutions)
    actions = workbook["Actions"]
    assert actions.max_row == 1 + sum(len(row.report.actions) for row in view.territories)
    assert headers(actions)[:5] == ["Territoire", "Référence", "Titre", "Axe", "Statut"]
    statuses = {actions.cell(row=index, column=5).value for index in range(2, actions.max_row + 1)}
    assert "En cours" in statuses and "en_cours" not in statuses

    cells = [row[0] for row in workbook[WORKBOOK_DATA_SHEET].iter_rows(values_only=True)]
    assert from_cells(cells) == document.to_bytes()
    envelope = json.loads(from_cells(cells))
    assert envelope["sha256"] == checksum(envelope["data"]) == document.sha256
    assert len(envelope["data"]["reports"]) == len(reports)


def test_data_cells_are_strings_even_when_a_chunk_starts_like_a_formula(
    datas: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path
) -> None:
    reports = sample_reports(*datas, 3)
    view = consolidate(reports, AS_OF)
    document = synthesis_document(view, reports, "1.4.0")
    path = tmp_path / "synthese.xlsx"
    write_synthesis_xlsx(view, document, path)
    sheet = openpyxl.load_workbook(path)[WORKBOOK_DATA_SHEET]
    assert sheet.max_row > 1  # several chunks
    assert all(cell.data_type == "s" for (cell,) in sheet.iter_rows(max_col=1))
