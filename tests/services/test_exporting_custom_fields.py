"""The territory's custom fields in the plan export: one column each after the declared ones, under the field's
name, typed (an amount as euros, a date as a date), read back with openpyxl and as French Excel reads the CSV."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl

from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.exchange import plan_columns as pc
from ti_desktop.services.exporting import ExportFormat

from .conftest import World

K = CustomFieldKind


def fill(world: World) -> None:
    fields, tid = world.services.custom_fields, world.territory.id
    first = world.action("Plateforme d'essais", code="INN-01")
    world.action("Atelier partagé", code="INN-02")  # no value: empty cells
    made = [
        fields.define(tid, "Cibles", K.TEXT),
        fields.define(tid, "Coût régional", K.AMOUNT),
        fields.define(tid, "Comité", K.DATE),
        fields.define(tid, "Prioritaire", K.FLAG),
        fields.define(tid, "Entreprises", K.NUMBER),
        fields.define(tid, "Taille", K.CHOICE, ["PME", "ETI"]),
    ]
    values = ["=PME industrielles", Decimal("1250000.50"), dt.date(2025, 3, 12), True, Decimal("12.5"), "ETI"]
    fields.set_values(first.id, {field.id: value for field, value in zip(made, values, strict=True)})


def test_the_workbook_has_a_typed_column_per_custom_field(world: World, tmp_path: Path) -> None:
    fill(world)
    output = tmp_path / "plan.xlsx"
    world.services.exports.export(world.territory.id, ExportFormat.XLSX, output)
    sheet = openpyxl.load_workbook(output)[pc.ACTIONS_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    declared = len(pc.ACTION_FIELDS)
    assert rows[0][declared:] == ("Cibles", "Coût régional", "Comité", "Prioritaire", "Entreprises", "Taille")
    first = next(row for row in rows[1:] if row[0] == "INN-01")
    assert first[declared:] == ("=PME industrielles", 1250000.5, dt.datetime(2025, 3, 12), "Oui", 12.5, "ETI")
    cells = {cell.column - 1: cell for cell in next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "INN-01")}
    assert cells[declared].data_type == "s"  # a text that looks like a formula stays text
    assert "€" in cells[declared + 1].number_format
    assert cells[declared + 2].is_date
    second = next(row for row in rows[1:] if row[0] == "INN-02")
    assert second[declared:] == (None,) * 6


def test_the_csv_has_a_column_per_custom_field_as_french_excel_reads_it(world: World, tmp_path: Path) -> None:
    fill(world)
    output = tmp_path / "plan.csv"
    world.services.exports.export(world.territory.id, ExportFormat.CSV, output)
    with output.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    declared = len(pc.ACTION_FIELDS)
    assert rows[0][declared:] == ["Cibles", "Coût régional", "Comité", "Prioritaire", "Entreprises", "Taille"]
    first = next(row for row in rows[1:] if row[0] == "INN-01")
    assert first[declared:] == ["'=PME industrielles", "1250000,50", "12/03/2025", "Oui", "12,5", "ETI"]


def test_the_collected_plan_carries_the_fields_and_values(world: World) -> None:
    fill(world)
    plan = world.services.exports.collect(world.territory.id)
    assert plan.custom_fields[:2] == (("Cibles", K.TEXT), ("Coût régional", K.AMOUNT))
    by_code = {action.code: action for action in plan.actions}
    assert by_code["INN-01"].custom_values["Comité"] == dt.date(2025, 3, 12)
    assert by_code["INN-02"].custom_values == {}
