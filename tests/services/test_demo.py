"""The demo territory: realistic, complete, valid, and identical at every run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ti_desktop.domain.enums import ActionStatus, FundingStatus
from ti_desktop.domain.errors import ConflictError
from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.maintenance import open_services
from ti_desktop.services.registry import Services

from ..clock import TODAY, fixed_clock


@pytest.fixture
def demo(demo_db: Path):  # type: ignore[no-untyped-def]
    opened = open_services(demo_db, clock=fixed_clock())
    yield opened.services
    opened.close()


def test_demo_has_everything_a_first_time_user_should_see(demo: Services) -> None:
    territory = demo.territories.resolve(None)
    tid = territory.id
    assert len(demo.epcis.list(territory_id=tid)) >= 3
    sections = demo.diagnostic.list(territory_id=tid)
    assert any(section.axis_id is None for section in sections)
    axes = {axis.id: axis.code for axis in demo.axes.available_to(tid)}
    assert {axes[s.axis_id] for s in sections if s.axis_id} >= {"INN", "COM", "FON", "TEC"}
    assert all(section.sources for section in sections)
    assert len(demo.swot.list(territory_id=tid)) >= 12
    assert len(demo.companies.list(territory_id=tid)) >= 8
    assert len(demo.challenges.list(territory_id=tid)) >= 8
    assert len(demo.actors.list()) >= 15
    roles = {role.role.value for role in demo.roles.list(territory_id=tid)}
    assert {"elu_referent", "industriel_referent", "chef_de_projet", "referent_region", "referent_etat"} <= roles

    actions = demo.actions.for_territory(tid)
    assert len(actions) >= 32
    assert {axes[action.axis_id] for action in actions} == {"INN", "COM", "FON", "TEC"}
    assert {action.status for action in actions} == set(ActionStatus)
    assert sum(1 for action in actions if action.parent_id is not None) >= 3
    assert any(action.is_late(TODAY) for action in actions)
    years = {d.year for action in actions for d in (action.planned_start, action.planned_end) if d}
    assert {2023, 2027} <= years

    lines = [line for action in actions for line in demo.funding.list(action_id=action.id)]
    assert len(lines) >= 25
    assert {line.status for line in lines} == set(FundingStatus)
    programmes = " ".join(line.programme or "" for line in lines)
    for programme in ("Fonds vert", "France 2030", "DSIL", "FEDER"):
        assert programme in programmes
    milestones = [m for action in actions for m in demo.milestones.list(action_id=action.id)]
    assert len(milestones) >= 25 and any(m.is_overdue(TODAY) for m in milestones)
    updates = demo.updates.for_territory(tid)
    assert len(updates) >= 20 and any(update.alert for update in updates)
    indicators = demo.indicators.list(territory_id=tid)
    assert len(indicators) >= 10
    assert all(len(demo.indicator_values.list(indicator_id=i.id)) >= 2 for i in indicators)
    meetings = demo.meetings.list(territory_id=tid)
    assert len(meetings) == 2 and all(m.held_on < TODAY for m in meetings)
    decisions = [d for m in meetings for d in demo.decisions.list(meeting_id=m.id)]
    assert len(decisions) >= 5
    assert demo.steering.pending_decisions(tid)


def test_demo_figures_are_consistent(demo: Services) -> None:
    tid = demo.territories.resolve(None).id
    summary = demo.summary.plan_summary(tid, TODAY)
    assert summary.budget.planned > 0
    assert 0 < summary.funding.granted <= summary.funding.requested
    assert summary.funding.paid <= summary.funding.granted
    assert summary.late_count > 0 and summary.jobs_targeted > 0


def _content(path: Path) -> list[tuple[object, ...]]:
    """Every row of the plan tables, without timestamps (which record when the demo was made)."""
    rows: list[tuple[object, ...]] = []
    with sqlite3.connect(path) as connection:
        for table in ("territories", "actions", "funding_lines", "milestones", "indicator_values", "decisions"):
            columns = [c[1] for c in connection.execute(f"PRAGMA table_info({table})") if not c[1].endswith("_at")]
            rows += connection.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id").fetchall()
    connection.close()
    return rows


def test_demo_is_the_same_at_every_run(tmp_path: Path, demo_template: Path) -> None:
    again = open_services(tmp_path / "encore.sqlite3", clock=fixed_clock())
    create_demo_territory(again.services)
    with pytest.raises(ConflictError, match="existe déjà"):
        create_demo_territory(again.services)
    again.close()
    assert _content(tmp_path / "encore.sqlite3") == _content(demo_template)
