from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from ti_desktop.db import models
from ti_desktop.services.importing import ImportRefusedError
from ti_desktop.services.registry import Services

from ..exchange.conftest import COLUMN_ORDER_MESSAGE, VALID_FILES, tet_file, with_cell
from ..sessions import sessions_of
from .conftest import World


def counts(services: Services) -> tuple[int, int, int, int]:
    with sessions_of(services)() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model))
            for model in (models.Action, models.FundingLine, models.Axis, models.Objective)
        )


@pytest.mark.parametrize("name", VALID_FILES)
def test_each_valid_file_imports_and_reimport_updates(world: World, name: str) -> None:
    path = tet_file(name)
    services = world.services
    first = services.imports.apply(world.territory.id, path)
    assert first.written and not first.has_errors
    after_first = counts(services)
    assert after_first[0] == first.actions_created > 0
    second = services.imports.apply(world.territory.id, path)
    assert second.actions_created == 0 and second.funding_lines_created == 0
    assert second.actions_unchanged == first.actions_created
    assert counts(services) == after_first


def test_preview_writes_nothing(world: World) -> None:
    before = counts(world.services)
    preview = world.services.imports.preview(world.territory.id, tet_file("complex_plan.xlsx"))
    assert preview.actions_created == 29 and preview.funding_lines_created == 3 and not preview.written
    assert counts(world.services) == before


@pytest.mark.parametrize("name", ["plan_column_order_issue.xlsx", "plan_budget_issue.xlsx"])
def test_files_with_errors_write_nothing(world: World, name: str) -> None:
    before = counts(world.services)
    with pytest.raises(ImportRefusedError) as refused:
        world.services.imports.apply(world.territory.id, tet_file(name))
    assert refused.value.preview.errors
    assert counts(world.services) == before
    if name == "plan_column_order_issue.xlsx":
        assert [i.message for i in refused.value.preview.errors] == [COLUMN_ORDER_MESSAGE]


def test_unreadable_date_writes_nothing(world: World, tmp_path: Path) -> None:
    path = with_cell(tet_file("complex_plan.xlsx"), tmp_path / "c.xlsx", "AA20", "32/01/2025")
    before = counts(world.services)
    with pytest.raises(ImportRefusedError) as refused:
        world.services.imports.apply(world.territory.id, path)
    (error,) = refused.value.preview.errors
    assert (error.sheet, error.row, error.column) == ("Fichier dimport", 20, "AA")
    assert counts(world.services) == before


def test_sub_actions_land_under_their_parent(world: World) -> None:
    services = world.services
    services.imports.apply(world.territory.id, tet_file("plan_with_sous_actions_valid.xlsx"))
    actions = {a.title: a for a in services.actions.for_territory(world.territory.id)}
    assert actions["Sous-action 1.1"].parent_id == actions["Action 1"].id
    assert actions["Sous-action 3.1"].parent_id == actions["Action 3"].id
    assert actions["Sous-action 1.2"].status == "realisee" and actions["Sous-action 1.2"].progress == 100
    assert actions["Action 3"].objective_id is not None


def test_axes_match_seeded_priorities_by_name(world: World, tmp_path: Path) -> None:
    path = with_cell(tet_file("one_fiche_plan.xlsx"), tmp_path / "f.xlsx", "A4", "Axe 2 : Transition ecologique")
    world.services.imports.apply(world.territory.id, path)
    (action,) = world.services.actions.for_territory(world.territory.id)
    assert action.axis_id == world.axis["TEC"]


def test_changed_file_updates_the_matched_action(world: World, tmp_path: Path) -> None:
    services = world.services
    services.imports.apply(world.territory.id, tet_file("one_fiche_plan.xlsx"))
    path = with_cell(tet_file("one_fiche_plan.xlsx"), tmp_path / "f.xlsx", "Y4", "En cours")
    result = services.imports.apply(world.territory.id, path)
    assert (result.actions_created, result.actions_updated) == (0, 1)
    assert result.changes[0].fields == ("Statut",)
    (action,) = services.actions.for_territory(world.territory.id)
    assert action.status == "en_cours"


def test_unclassified_axis_and_duplicates(world: World) -> None:
    services = world.services
    services.imports.apply(world.territory.id, tet_file("plan_sans_axes.xlsx"))
    labels = {axis.label for axis in services.axes.available_to(world.territory.id)}
    assert "À classer" in labels
    result = services.imports.apply(world.territory.id, tet_file("plan_with_duplicate_actions.xlsx"))
    assert result.actions_created == 2 and any("Action dupliquée" in i.message for i in result.issues)
