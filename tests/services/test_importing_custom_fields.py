"""An import keeps the file's columns that map to no field as custom fields of the territory: the fields created
(or found again, whatever the header's case and accents), the actions' values written, all in the import's one
transaction, and said in the preview. The reading side (which columns are kept, their kinds) is the exchange
layer's: here the `PlanImport` it produces is written by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.exchange.plan_import import ActionImport, CustomColumn, Origin, PlanImport, UnmappedColumn
from ti_desktop.services.importing import ImportPreview, ImportRefusedError
from ti_desktop.services.registry import Services

from .conftest import World

K = CustomFieldKind
FILE = Path("plan-vallee.xlsx")
COLUMNS = [
    ("Cibles", "M", K.TEXT, ()),
    ("Calendrier", "N", K.CHOICE, ("T1 2025", "T2 2025")),
    ("Coût", "O", K.AMOUNT, ()),
]


def plan_of(
    rows: list[tuple[str, str, dict[str, Any]]], columns: list[tuple[str, str, K, tuple[str, ...]]]
) -> PlanImport:
    """What the reader makes of a table whose columns M, N, O… map to no field and are kept."""
    return PlanImport(
        path=FILE,
        sheet="Actions",
        actions=[
            ActionImport(Origin("Actions", number), "Innovation", None, title, code=code, custom_values=values)
            for number, (code, title, values) in enumerate(rows, start=2)
        ],
        unmapped=[UnmappedColumn("Actions", letter, header, len(rows), ()) for header, letter, _, _ in columns],
        custom_columns=[CustomColumn(header, kind, choices) for header, _, kind, choices in columns],
    )


def run(services: Services, territory_id: int, plan: PlanImport, *, dry_run: bool = False) -> ImportPreview:
    imports = services.imports
    imports.read = lambda path, sheet=None, mapping=None, unmapped="keep": plan  # type: ignore[method-assign]
    if dry_run:
        return imports.preview(territory_id, FILE)
    return imports.apply(territory_id, FILE)


ROWS = [
    ("INN-01", "Plateforme d'essais", {"Cibles": "PME", "Calendrier": "T1 2025", "Coût": Decimal("15000")}),
    ("INN-02", "Atelier partagé", {"Cibles": "Lycées", "Calendrier": "t2 2025"}),  # a blank cell is absent
]


def test_the_kept_columns_become_fields_with_their_values(world: World) -> None:
    preview = run(world.services, world.territory.id, plan_of(ROWS, COLUMNS))
    assert preview.custom_fields_created == ["Cibles", "Calendrier", "Coût"]
    assert preview.custom_values_written == 5
    fields = world.services.custom_fields
    made = {field.name: field for field in fields.for_territory(world.territory.id)}
    assert [(f.kind, f.choice_list) for f in made.values()] == [
        (K.TEXT, ()),
        (K.CHOICE, ("T1 2025", "T2 2025")),
        (K.AMOUNT, ()),
    ]
    actions = {action.code: action for action in world.services.actions.for_territory(world.territory.id)}
    assert fields.values_of(actions["INN-02"].id) == {made["Cibles"].id: "Lycées", made["Calendrier"].id: "T2 2025"}
    assert fields.values_of(actions["INN-01"].id)[made["Coût"].id] == Decimal("15000.00")


def test_the_preview_says_what_it_would_create_and_writes_nothing(world: World) -> None:
    preview = run(world.services, world.territory.id, plan_of(ROWS, COLUMNS), dry_run=True)
    assert preview.custom_fields_created == ["Cibles", "Calendrier", "Coût"]
    assert world.services.custom_fields.for_territory(world.territory.id) == []


def test_a_reimport_finds_its_fields_and_updates_the_values(world: World) -> None:
    run(world.services, world.territory.id, plan_of(ROWS, COLUMNS))
    again = [("INN-01", "Plateforme d'essais", {"CIBLES": "PME et ETI", "calendrier": "T3 2025"})]
    preview = run(
        world.services,
        world.territory.id,
        plan_of(again, [("CIBLES", "M", K.TEXT, ()), ("calendrier", "N", K.CHOICE, ("T3 2025",))]),
    )
    assert preview.custom_fields_created == []
    assert (preview.actions_updated, preview.actions_unchanged) == (1, 0)
    assert preview.changes[-1].fields == ("Cibles", "Calendrier")
    fields = world.services.custom_fields.for_territory(world.territory.id)
    assert [field.name for field in fields] == ["Cibles", "Calendrier", "Coût"]
    assert fields[1].choice_list == ("T1 2025", "T2 2025", "T3 2025")  # the list's new choice added
    action = world.services.actions.for_territory(world.territory.id)[0]
    history = [change for change in world.services.history.for_action(action.id) if change.field]
    assert {(change.old_value, change.new_value) for change in history[:2]} == {
        ("PME", "PME et ETI"),
        ("T1 2025", "T3 2025"),
    }


def test_a_value_that_does_not_fit_the_existing_field_is_an_error_naming_row_and_column(world: World) -> None:
    world.services.custom_fields.define(world.territory.id, "Date du comité", K.DATE)
    rows = [
        ("INN-01", "Plateforme d'essais", {"Date du comité": "15/03/2025"}),  # read as text, fits a date
        ("INN-02", "Atelier partagé", {"Date du comité": "T2 2025"}),
    ]
    with pytest.raises(ImportRefusedError) as caught:
        run(world.services, world.territory.id, plan_of(rows, [("Date du comité", "P", K.TEXT, ())]))
    (error,) = caught.value.preview.errors
    assert (error.row, error.column, error.header) == (3, "P", "Date du comité")
    assert "Date du comité : « T2 2025 » n'est pas une date lisible" in error.message
    assert world.services.actions.for_territory(world.territory.id) == []  # nothing partial


def test_a_column_that_cannot_become_a_field_is_an_error_and_nothing_is_written(world: World) -> None:
    header = "Commentaire " + "très long " * 12  # beyond a field name's 100 characters
    with pytest.raises(ImportRefusedError) as caught:
        run(
            world.services,
            world.territory.id,
            plan_of([("INN-01", "Plateforme", {header: "x"})], [(header, "Q", K.TEXT, ())]),
        )
    (error,) = caught.value.preview.errors
    assert error.column == "Q" and error.message.startswith("Nom du champ : ")
    assert world.services.custom_fields.for_territory(world.territory.id) == []
    assert world.services.actions.for_territory(world.territory.id) == []


def test_values_of_a_date_column_arrive_as_dates(world: World) -> None:
    rows = [("INN-01", "Plateforme", {"Comité": dt.date(2025, 3, 12)})]
    run(world.services, world.territory.id, plan_of(rows, [("Comité", "R", K.DATE, ())]))
    (field,) = world.services.custom_fields.for_territory(world.territory.id)
    (action,) = world.services.actions.for_territory(world.territory.id)
    assert world.services.custom_fields.values_of(action.id) == {field.id: dt.date(2025, 3, 12)}
