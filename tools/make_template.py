"""Write resources/templates/modele-plan-action.xlsx, the empty plan workbook users fill in.

Its columns are those of `ti_desktop.exchange.plan_columns` (the export writes the same ones), so a
filled template, an exported plan and the import all agree; tests/exchange/test_template.py fails when
this file was not re-run after a column changed. Run: python tools/make_template.py
"""

# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ti_desktop.domain.enums import ActionStatus, AmountBasis, BudgetNature, FundingStatus, Priority, SeededAxis
from ti_desktop.exchange.plan_columns import (
    ACTION_FIELDS,
    ACTIONS_SHEET,
    FUNDING_COLUMNS,
    FUNDING_SHEET,
    MILESTONE_COLUMNS,
    MILESTONES_SHEET,
    PlanField,
)

TEMPLATE = Path(__file__).resolve().parent.parent / "resources" / "templates" / "modele-plan-action.xlsx"
LAST_ROW = 2000  # drop-down lists cover this many rows
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
INSTRUCTIONS = (
    "Modèle de plan d'action — TI Desktop",
    "",
    "1. Remplissez la feuille « Actions » : une ligne par action (ou sous-action). Seul l'intitulé est obligatoire.",
    "2. L'axe doit être l'un des axes du territoire : Innovation, Compétences, Foncier, Transition écologique "
    "(ou un axe que vous avez ajouté).",
    "3. Donnez un code à chaque action (par exemple INN-01) : un nouvel import du fichier mettra à jour les actions "
    "au lieu de les dupliquer. Une sous-action indique le code de son action dans « Action parente ».",
    "4. Les financements (autant que nécessaire par action) vont dans la feuille « Financements », les jalons dans "
    "la feuille « Jalons » : chaque ligne reprend le code de l'action.",
    "5. Dates au format 15/03/2025 ; montants en euros (1 250 000 ou 1 250 000,50 €) ; avancement de 0 à 100.",
    "6. Importez le fichier depuis TI Desktop (Fichier › Importer un plan d'action…) ou en ligne de commande : "
    "ti-desktop import modele-plan-action.xlsx --dry-run pour vérifier sans rien écrire.",
    "",
    "Une cellule vide n'efface jamais une valeur déjà saisie dans TI Desktop.",
)


def _choices(plan_field: PlanField) -> list[str] | None:
    if plan_field.kind == "axis" and plan_field.attribute:
        return [axis.label for axis in SeededAxis]
    if plan_field.kind == "status":
        return [status.label for status in ActionStatus]
    if plan_field.kind == "priority":
        return [priority.label for priority in Priority]
    if plan_field.kind == "funding_status":
        return [status.label for status in FundingStatus]
    if plan_field.kind == "budget_nature":
        return [nature.label for nature in BudgetNature]
    if plan_field.kind == "amount_basis":
        return [basis.label for basis in AmountBasis]
    if plan_field.kind == "flag":
        return ["Oui", "Non"]
    return None


def _data_sheet(book: Workbook, title: str, columns: tuple[PlanField, ...]) -> None:
    sheet = book.create_sheet(title)
    for index, plan_field in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=plan_field.header)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.comment = Comment(plan_field.description, "TI Desktop")
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = 40 if plan_field.key in ("titre", "description") else 18
        choices = _choices(plan_field)
        if choices:
            validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
            validation.error = "Choisissez une valeur de la liste."
            validation.errorTitle = plan_field.header
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
            sheet.add_data_validation(validation)
        if plan_field.kind == "date":
            for row in range(2, LAST_ROW + 1):
                sheet.cell(row=row, column=index).number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"
    sheet.row_dimensions[1].height = 32


def build() -> Workbook:
    book = Workbook()
    guide = book.active
    guide.title = "Mode d'emploi"
    for row, line in enumerate(INSTRUCTIONS, start=1):
        guide.cell(row=row, column=1, value=line).alignment = Alignment(wrap_text=True)
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 120
    _data_sheet(book, ACTIONS_SHEET, ACTION_FIELDS)
    _data_sheet(book, FUNDING_SHEET, FUNDING_COLUMNS)
    _data_sheet(book, MILESTONES_SHEET, MILESTONE_COLUMNS)
    book.active = 1
    return book


def main() -> int:
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    build().save(TEMPLATE)
    print(f"Modèle écrit : {TEMPLATE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
