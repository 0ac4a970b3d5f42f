"""« Emplois créés (constatés) » and « Investissement réalisé » beside the targeted figures: added by declaring them
(record, model, migration, form), they reach validation, history, filters, summaries, export and import."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ti_desktop.domain import summaries
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.errors import ValidationError
from ti_desktop.domain.filters import FILTERABLE, ActionFilter
from ti_desktop.services.exporting import ExportFormat

from ..clock import TODAY
from .conftest import World


def test_the_outcomes_are_saved_checked_and_in_the_history(world: World) -> None:
    action = world.action(jobs_targeted=60, induced_investment=Decimal("3500000"))
    world.services.actions.update(action.id, jobs_created=25, achieved_investment=Decimal("1200000.50"))

    stored = world.services.actions.get(action.id)
    assert (stored.jobs_created, stored.achieved_investment) == (25, Decimal("1200000.50"))
    with pytest.raises(ValidationError, match="Emplois créés \\(constatés\\) : -3 est inférieur au minimum"):
        world.services.actions.update(action.id, jobs_created=-3)
    with pytest.raises(ValidationError, match="Investissement réalisé : le montant ne peut pas être négatif"):
        world.services.actions.update(action.id, achieved_investment=Decimal(-1))
    assert world.services.actions.get(action.id).jobs_created == 25  # nothing written by the refusals
    changes = {change.field: change.new_value for change in world.services.history.for_action(action.id)}
    assert changes["jobs_created"] == "25" and changes["achieved_investment"] == "1200000.50"


def test_targeted_and_achieved_are_summed_and_filterable(world: World) -> None:
    done = world.action("Fab lab", jobs_targeted=10, jobs_created=12, achieved_investment=Decimal(800000))
    world.action("Friche", jobs_targeted=30, induced_investment=Decimal(2000000))
    world.action("Abandonnée", status=ActionStatus.ABANDONNEE, jobs_targeted=5, jobs_created=1)
    actions = world.services.actions.for_territory(world.territory.id)

    summary = summaries.plan_summary(actions, [], TODAY)
    assert (summary.jobs_targeted, summary.jobs_created) == (40, 13)  # created jobs count even if abandoned since
    assert (summary.induced_investment, summary.achieved_investment) == (Decimal(2000000), Decimal(800000))
    assert set(FILTERABLE) == {"jobs_targeted", "jobs_created", "induced_investment", "achieved_investment"}
    found = world.services.actions.find(
        ActionFilter(territory_id=world.territory.id, filled=frozenset({"achieved_investment"}))
    )
    assert [action.id for action in found] == [done.id]
    with pytest.raises(ValueError, match="not filterable"):
        ActionFilter(territory_id=world.territory.id, filled=frozenset({"title"}))


def test_the_outcomes_are_exported_and_imported_back(world: World, tmp_path: Path) -> None:
    world.action("Fab lab", code="I-1", jobs_targeted=10, jobs_created=12, achieved_investment=Decimal("800000.50"))
    exported = world.services.exports.export(world.territory.id, ExportFormat.XLSX, tmp_path / "plan.xlsx").path
    sheet = openpyxl.load_workbook(exported)["Actions"]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert (row["Emplois visés"], row["Emplois créés (constatés)"]) == (10, 12)
    assert Decimal(str(row["Investissement réalisé (€)"])) == Decimal("800000.50")

    # Another territory's workbook, as people write it: « Emplois créés » and « Investissement réalisé ».
    source = tmp_path / "suivi.csv"
    source.write_text(
        "Code;Axe;Intitulé;Emplois visés;Emplois créés;Investissement réalisé\n"
        "F-1;Foncier;Requalifier la friche;30;18;1 250 000,50 €\n",
        encoding="utf-8",
    )
    world.services.imports.apply(world.territory.id, source)
    imported = {action.code: action for action in world.services.actions.for_territory(world.territory.id)}["F-1"]
    assert (imported.jobs_targeted, imported.jobs_created) == (30, 18)
    assert imported.achieved_investment == Decimal("1250000.50")


def test_a_bad_outcome_cell_is_refused_with_its_place(world: World, tmp_path: Path) -> None:
    source = tmp_path / "suivi.csv"
    source.write_text("Axe;Intitulé;Emplois créés\nFoncier;Friche;beaucoup\n", encoding="utf-8")
    preview = world.services.imports.preview(world.territory.id, source)
    assert preview.has_errors
    (error,) = preview.errors
    assert "« beaucoup » n'est pas un nombre entier (emplois créés (constatés))" in error.message
    assert (error.row, error.column) == (2, "C")
    assert world.services.actions.for_territory(world.territory.id) == []  # nothing written
