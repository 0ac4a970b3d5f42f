"""Export → import gives the same plan: every action with its values, funding lines and milestones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ti_desktop.services.exporting import ExportFormat, TetExportLayout
from ti_desktop.services.maintenance import OpenDatabase, open_services
from ti_desktop.services.registry import Services

from ..clock import fixed_clock

ACTION_VALUES = (
    "description",
    "expected_results",
    "status",
    "priority",
    "to_discuss",
    "confidential",
    "planned_start",
    "planned_end",
    "actual_end",
    "progress",
    "planned_budget",
    "spent_to_date",
    "budget_nature",
    "jobs_targeted",
    "induced_investment",
)


def plan_of(services: Services, territory_id: int) -> dict[tuple[str, str], dict[str, Any]]:
    """The plan as a user sees it, with names instead of ids, keyed by (axis, title)."""
    axes = {axis.id: axis.label for axis in services.axes.available_to(territory_id)}
    objectives = {objective.id: objective.title for objective in services.objectives.list(territory_id=territory_id)}
    actors = {actor.id: actor.name for actor in services.actors.list()}
    actions = services.actions.list(territory_id=territory_id)
    titles = {action.id: action.title for action in actions}
    plan = {}
    for action in actions:
        funding = sorted(
            (
                line.funder_name or actors.get(line.funder_actor_id or 0),
                line.programme,
                line.amount_requested,
                line.amount_granted,
                line.status,
                line.filed_on,
                line.decided_on,
            )
            for line in services.funding.list(action_id=action.id)
        )
        milestones = sorted(
            (step.title, step.due_on, step.done_on) for step in services.milestones.list(action_id=action.id)
        )
        plan[(axes[action.axis_id], action.title)] = {
            "code": action.code,
            "objective": objectives.get(action.objective_id or 0),
            "parent": titles.get(action.parent_id or 0),
            "lead": actors.get(action.lead_actor_id or 0),
            "pilot": actors.get(action.pilot_actor_id or 0),
            "referent": actors.get(action.elected_referent_id or 0),
            **{name: getattr(action, name) for name in ACTION_VALUES},
            "funding": funding,
            "milestones": milestones,
        }
    return plan


@pytest.fixture
def demo_opened(demo_db: Path) -> Any:
    opened = open_services(demo_db, clock=fixed_clock())
    yield opened
    opened.close()


@pytest.fixture
def empty_territory(tmp_path: Path) -> Any:
    opened = open_services(tmp_path / "destination.sqlite3", clock=fixed_clock())
    territory = opened.services.territories.create(name="Territoire destinataire")
    yield opened, territory.id
    opened.close()


def test_xlsx_export_then_import_gives_the_same_plan(
    demo_opened: OpenDatabase, empty_territory: Any, tmp_path: Path
) -> None:
    source = demo_opened.services
    territory_id = source.territories.resolve(None).id
    exported = source.exports.export(territory_id, ExportFormat.XLSX, tmp_path / "plan.xlsx", include_confidential=True)
    destination, destination_id = empty_territory
    result = destination.services.imports.apply(destination_id, exported.path)
    assert not result.errors
    assert result.actions_created == exported.actions
    assert result.funding_lines_created == exported.funding_lines
    assert result.milestones_created == exported.milestones
    assert plan_of(destination.services, destination_id) == plan_of(source, territory_id)

    # Importing the same file again changes nothing.
    again = destination.services.imports.apply(destination_id, exported.path)
    assert (again.actions_created, again.actions_updated, again.funding_lines_created) == (0, 0, 0)
    assert again.funding_lines_updated == 0 and again.milestones_created == again.milestones_updated == 0
    assert plan_of(destination.services, destination_id) == plan_of(source, territory_id)


def test_csv_export_then_import_gives_the_same_actions(
    demo_opened: OpenDatabase, empty_territory: Any, tmp_path: Path
) -> None:
    source = demo_opened.services
    territory_id = source.territories.resolve(None).id
    exported = source.exports.export(territory_id, ExportFormat.CSV, tmp_path / "plan.csv", include_confidential=True)
    destination, destination_id = empty_territory
    result = destination.services.imports.apply(destination_id, exported.path)
    assert not result.errors and result.actions_created == exported.actions

    def without_children(plan: dict[Any, dict[str, Any]]) -> dict[Any, dict[str, Any]]:
        return {
            key: {k: v for k, v in values.items() if k not in ("funding", "milestones")} for key, values in plan.items()
        }

    assert without_children(plan_of(destination.services, destination_id)) == without_children(
        plan_of(source, territory_id)
    )


@pytest.mark.parametrize("layout", ["template", "legacy"])
def test_tet_export_imports_as_a_tet_plan(
    demo_opened: OpenDatabase, empty_territory: Any, tmp_path: Path, layout: TetExportLayout
) -> None:
    source = demo_opened.services
    territory_id = source.territories.resolve(None).id
    exported = source.exports.export(territory_id, ExportFormat.TET, tmp_path / "plan-tet.xlsx", tet_layout=layout)
    destination, destination_id = empty_territory
    assert destination.services.imports.inspect(exported.path).sheets[0].kind == "tet"
    result = destination.services.imports.apply(destination_id, exported.path)
    assert not result.errors and result.actions_created == exported.actions
    # every funding line and every milestone, the funders beyond three and the milestones in TeT's text columns
    assert result.funding_lines_created == exported.funding_lines > 0
    assert result.milestones_created == exported.milestones > 0
    source_plan = plan_of(source, territory_id)
    for key, values in plan_of(destination.services, destination_id).items():
        assert key in source_plan
        expected = source_plan[key]
        compared = ("status", "priority", "planned_budget", "planned_start", "planned_end", "parent", "lead", "pilot")
        compared += ("referent", "objective")
        if layout == "template":  # the legacy reader adds the columns without a field to the description
            compared += ("description",)
        assert {name: values[name] for name in compared} == {name: expected[name] for name in compared}
        # TeT holds a funder and the amount asked of it; the milestones come back with their dates
        assert sorted((line[0], line[2]) for line in values["funding"]) == sorted(
            (line[0], line[2]) for line in expected["funding"]
        )
        assert values["milestones"] == expected["milestones"]


def test_reimporting_its_own_export_into_the_same_base_changes_nothing(
    demo_opened: OpenDatabase, tmp_path: Path
) -> None:
    """Funding lines that name their funder through the directory match the exported funder's name."""
    services = demo_opened.services
    territory_id = services.territories.resolve(None).id
    exported = services.exports.export(territory_id, ExportFormat.XLSX, tmp_path / "plan.xlsx")
    before = plan_of(services, territory_id)
    preview = services.imports.preview(territory_id, exported.path)
    assert not preview.errors
    assert (preview.actions_created, preview.actions_updated, preview.funding_lines_created) == (0, 0, 0)
    assert preview.funding_lines_updated == 0 and preview.milestones_created == 0
    services.imports.apply(territory_id, exported.path)
    assert plan_of(services, territory_id) == before
