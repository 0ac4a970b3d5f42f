"""The regional synthesis as an xlsx workbook: the territories (with their totals), the axes, the funders, the
evolutions and every action of each territory's latest report, with French headers and amounts as numbers; the
synthesis's document (`synthesis_document`) sits in the very hidden sheet `WORKBOOK_DATA_SHEET`, so that the
workbook can itself be consolidated."""

# mypy: disable-error-code="import-untyped"
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from ti_desktop.domain.consolidation import ConsolidatedView, TerritoryFigures, TerritoryRow
from ti_desktop.domain.data_documents import WORKBOOK_DATA_SHEET, SealedDocument, parse_amount, to_cells
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.exchange.cells import DATE_FORMAT, EUROS_FORMAT, put_text

HEADER_FONT = Font(bold=True, color="FFFFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="FF1F4E79")
TOTAL_FONT = Font(bold=True)
INTEGER_FORMAT = "#,##0"
PERCENT_FORMAT = "0 %"

Column = tuple[str, str, float]  # header, number format ("" for text), width

FIGURE_COLUMNS: list[Column] = [
    ("Actions", INTEGER_FORMAT, 10),
    *[(status.label, INTEGER_FORMAT, 12) for status in ActionStatus],
    ("Budget prévu (€)", EUROS_FORMAT, 18),
    ("dont TTC (€)", EUROS_FORMAT, 16),
    ("Financements demandés (€)", EUROS_FORMAT, 18),
    ("Financements accordés (€)", EUROS_FORMAT, 18),
    ("Financements versés (€)", EUROS_FORMAT, 18),
    ("Emplois visés", INTEGER_FORMAT, 12),
    ("Emplois créés", INTEGER_FORMAT, 12),
    ("Investissement induit (€)", EUROS_FORMAT, 18),
    ("Investissement réalisé (€)", EUROS_FORMAT, 18),
    ("Actions en retard", INTEGER_FORMAT, 12),
]


def _figures(figures: TerritoryFigures) -> list[Any]:
    return [
        figures.actions,
        *[figures.count(status) for status in ActionStatus],
        figures.planned_budget,
        figures.planned_budget_ttc,
        figures.requested,
        figures.granted,
        figures.paid,
        figures.jobs_targeted,
        figures.jobs_created,
        figures.induced_investment,
        figures.achieved_investment,
        figures.late_actions,
    ]


def _sheet(
    workbook: Workbook, title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]], total: bool = False
) -> None:
    sheet = workbook.create_sheet(title)
    for index, (header, _format, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        put_text(cell, header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row_index, values in enumerate(rows, start=2):
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_index, column=index)
            if isinstance(value, str):
                put_text(cell, value)
            elif isinstance(value, Decimal):
                cell.value = float(value)  # openpyxl writes floats; cents are exact to 15 digits
            else:
                cell.value = value
            number_format = columns[index - 1][1]
            if number_format and value is not None and not isinstance(value, str):
                cell.number_format = number_format
            if total and row_index == len(rows) + 1:
                cell.font = TOTAL_FONT
    sheet.freeze_panes = "B2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + (0 if total else 1)}"


def _territory(row: TerritoryRow) -> list[Any]:
    report = row.report
    return [
        row.name,
        report.data["territory"].get("national_code") or "",
        row.region or "",
        report.generated_on,
        report.period_from,
        report.period_to,
        "ancien (plus de six mois)" if row.stale else "",
        row.reports,
        *_figures(row.figures),
    ]


TERRITORY_COLUMNS: list[Column] = [
    ("Territoire", "", 40),
    ("Code national", "", 14),
    ("Région", "", 18),
    ("Date du dernier rapport", DATE_FORMAT, 14),
    ("Période du", DATE_FORMAT, 12),
    ("Période au", DATE_FORMAT, 12),
    ("Ancienneté", "", 22),
    ("Périodes reçues", INTEGER_FORMAT, 10),
    *FIGURE_COLUMNS,
]

AXIS_COLUMNS: list[Column] = [
    ("Axe", "", 8),
    ("Intitulé", "", 50),
    ("Territoires", INTEGER_FORMAT, 12),
    ("Actions", INTEGER_FORMAT, 10),
    ("Budget prévu (€)", EUROS_FORMAT, 18),
    ("Financements acquis (€)", EUROS_FORMAT, 18),
]

FUNDER_COLUMNS: list[Column] = [
    ("Financeur", "", 50),
    ("Territoires", INTEGER_FORMAT, 12),
    ("Lignes de financement", INTEGER_FORMAT, 12),
    ("Demandé (€)", EUROS_FORMAT, 18),
    ("Accordé (€)", EUROS_FORMAT, 18),
    ("Versé (€)", EUROS_FORMAT, 18),
]

EVOLUTION_COLUMNS: list[Column] = [
    ("Territoire", "", 40),
    ("Période du", DATE_FORMAT, 12),
    ("Période au", DATE_FORMAT, 12),
    ("Date du rapport", DATE_FORMAT, 14),
    *FIGURE_COLUMNS,
]

ACTION_COLUMNS: list[Column] = [
    ("Territoire", "", 40),
    ("Référence", "", 12),
    ("Titre", "", 50),
    ("Axe", "", 8),
    ("Statut", "", 14),
    ("Avancement", PERCENT_FORMAT, 12),
    ("Porteur", "", 24),
    ("Début prévu", DATE_FORMAT, 12),
    ("Fin prévue", DATE_FORMAT, 12),
    ("En retard", "", 10),
    ("Budget prévu (€)", EUROS_FORMAT, 18),
    ("Financements acquis (€)", EUROS_FORMAT, 18),
    ("Dépensé (€)", EUROS_FORMAT, 16),
    ("Emplois visés", INTEGER_FORMAT, 12),
    ("Emplois créés", INTEGER_FORMAT, 12),
    ("Investissement induit (€)", EUROS_FORMAT, 18),
    ("Investissement réalisé (€)", EUROS_FORMAT, 18),
]


def _day(text: str | None) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text) if text else None


def _action(territory: str, action: dict[str, Any]) -> list[Any]:
    return [
        territory,
        action["reference"],
        action["title"],
        action["axis"],
        ActionStatus(action["status"]).label,
        action["progress"] / 100,
        action.get("lead") or "",
        _day(action.get("planned_start")),
        _day(action.get("planned_end")),
        "oui" if action.get("late") else "non",
        parse_amount(action.get("planned_budget")),
        parse_amount(action.get("secured_funding")),
        parse_amount(action.get("spent_to_date")),
        action.get("jobs_targeted"),
        action.get("jobs_created"),
        parse_amount(action.get("induced_investment")),
        parse_amount(action.get("achieved_investment")),
    ]


def write_synthesis_xlsx(view: ConsolidatedView, document: SealedDocument, path: Path) -> None:
    """Write the workbook of `view` to `path` (the caller makes it atomic), carrying `document`."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    territories = [_territory(row) for row in view.territories]
    totals = [
        f"Total ({len(view.territories)} territoires)",
        "",
        "",
        None,
        None,
        None,
        "",
        None,
        *_figures(view.totals),
    ]
    _sheet(workbook, "Territoires", TERRITORY_COLUMNS, [*territories, totals], total=True)
    axes = [
        [axis.code, axis.label, axis.territories, axis.actions, axis.planned_budget, axis.secured_funding]
        for axis in view.axes
    ]
    _sheet(workbook, "Axes", AXIS_COLUMNS, axes)
    funders = [
        [funder.name, funder.territories, funder.line_count, funder.requested, funder.granted, funder.paid]
        for funder in view.funders
    ]
    _sheet(workbook, "Financeurs", FUNDER_COLUMNS, funders)
    evolutions = [
        [
            evolution.name,
            step.report.period_from,
            step.report.period_to,
            step.report.generated_on,
            *_figures(step.figures),
        ]
        for evolution in view.evolutions
        for step in evolution.steps
    ]
    _sheet(workbook, "Évolutions", EVOLUTION_COLUMNS, evolutions)
    actions = [_action(row.name, action) for row in view.territories for action in row.report.actions]
    _sheet(workbook, "Actions", ACTION_COLUMNS, actions)
    data_sheet = workbook.create_sheet(WORKBOOK_DATA_SHEET)
    for index, chunk in enumerate(to_cells(document), start=1):
        put_text(data_sheet.cell(row=index, column=1), chunk)
    data_sheet.sheet_state = "veryHidden"
    workbook.save(path)
