"""The dashboard's figures summed by the database equal, to the cent, those the domain computes from the
loaded records (what the report and the export show), on random plans — on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ti_desktop.domain import summaries
from ti_desktop.domain.enums import SECURED_FUNDING_STATUSES, ActionStatus, AmountBasis, FundingStatus
from ti_desktop.services.registry import Services

from .conftest import TODAY

_territories = itertools.count(1)

cents = st.integers(min_value=0, max_value=10**11).map(lambda c: Decimal(c) / 100)
maybe_cents = st.none() | cents
basis = st.none() | st.sampled_from(AmountBasis)
# Codes that sort differently by code point and by a French collation (case, accents), or none at all.
codes = st.none() | st.sampled_from(["a-1", "A-2", "B-1", "b-0", "É-1", "e-2", "Z", "z", "Œ", "10", "9"])
# Few distinct ends: late actions often share one, so their order falls to their codes.
ends = st.none() | st.sampled_from([-300, -10, -1, 0, 1, 30]).map(lambda days: TODAY + dt.timedelta(days=days))

funding_line = st.fixed_dictionaries(
    {
        "status": st.sampled_from(FundingStatus),
        "amount_requested": cents,
        "amount_granted": maybe_cents,
        "basis": basis,
    }
)
action = st.fixed_dictionaries(
    {
        "axis": st.integers(min_value=0, max_value=3),
        "status": st.sampled_from(ActionStatus),
        "code": codes,
        "planned_end": ends,
        "planned_budget": maybe_cents,
        "spent_to_date": maybe_cents,
        "budget_basis": basis,
        "jobs_targeted": st.none() | st.integers(min_value=0, max_value=500),
        "jobs_created": st.none() | st.integers(min_value=0, max_value=500),
        "induced_investment": maybe_cents,
        "achieved_investment": maybe_cents,
        "confidential": st.booleans(),
        "parent": st.none() | st.integers(min_value=0, max_value=20),  # an earlier top action, if any
        "lines": st.lists(funding_line, max_size=3),
    }
)


def build(services: Services, plan: list[dict[str, Any]]) -> int:
    territory = services.territories.create(name=f"Territoire aléatoire {next(_territories)}")
    axes = [axis.id for axis in services.axes.available_to(territory.id)][:4]
    tops: list[tuple[int, int]] = []  # (action id, axis id)
    used_codes: set[str] = set()
    for drawn in plan:
        values = dict(drawn)
        lines = values.pop("lines")
        axis_id = axes[values.pop("axis") % len(axes)]
        parent = values.pop("parent")
        parent_id = None
        if parent is not None and tops:
            parent_id, axis_id = tops[parent % len(tops)]
        if values["code"] in used_codes:
            values["code"] = None
        if values["code"] is not None:
            used_codes.add(values["code"])
        if values["planned_end"] is not None:
            values["planned_start"] = TODAY - dt.timedelta(days=500)  # before any end, and before today
        status = values["status"]
        created = services.actions.create(
            territory_id=territory.id,
            axis_id=axis_id,
            parent_id=parent_id,
            title="Action tirée au sort",
            progress=100 if status is ActionStatus.REALISEE else 10,
            **values,
        )
        if parent_id is None:
            tops.append((created.id, axis_id))
        for line in lines:
            granted = line["amount_granted"]
            if granted is None and line["status"] in SECURED_FUNDING_STATUSES:
                granted = line["amount_requested"]
            services.funding.create(action_id=created.id, funder_name="Région", **{**line, "amount_granted": granted})
    return territory.id


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.lists(action, max_size=14), include_confidential=st.booleans(), limit=st.integers(1, 12))
def test_sql_figures_equal_the_domain_figures(
    services: Services, plan: list[dict[str, Any]], include_confidential: bool, limit: int
) -> None:
    territory_id = build(services, plan)
    summary = services.summary

    figures = summary.figures(territory_id, TODAY, include_confidential=include_confidential)

    assert figures.summary == summary.plan_summary(territory_id, TODAY, include_confidential=include_confidential)
    assert figures.counts_by_axis == summary.counts_by_axis(territory_id, include_confidential=include_confidential)
    late = summary.late_actions(territory_id, TODAY)
    first = summary.first_late_actions(territory_id, TODAY, limit)
    assert (first.shown, first.total) == (late[:limit], len(late))
    assert first.left_out == max(0, len(late) - limit)
    every = summary.figures(territory_id, TODAY).summary.late_count  # the late list counts confidential ones
    counted = summary.first_late_actions(territory_id, TODAY, limit, total=every)
    assert counted == first


def test_an_empty_plan_has_zero_figures(services: Services) -> None:
    territory_id = build(services, [])
    figures = services.summary.figures(territory_id, TODAY)
    assert figures.summary == summaries.plan_summary([], [], TODAY)
    assert figures.counts_by_axis == {}
    assert figures.summary.funding.ttc is None


def test_the_first_milestones_due_and_how_many_there_are(services: Services) -> None:
    territory_id = build(services, [])
    axis = services.axes.available_to(territory_id)[0]
    action_id = services.actions.create(territory_id=territory_id, axis_id=axis.id, title="Jalonnée").id
    for days in (-30, -20, -10, -5, 5, 15, 90):
        services.milestones.create(action_id=action_id, title=f"J{days}", due_on=TODAY + dt.timedelta(days=days))
    for overdue in (True, False):
        every = services.summary.milestones_due(territory_id, TODAY, overdue=overdue)
        first = services.summary.first_milestones_due(territory_id, TODAY, 2, overdue=overdue)
        assert first.shown == every[:2]
        assert first.total == len(every) == (4 if overdue else 2)
    grouped = services.summary.milestones_by_action(territory_id)
    assert grouped == {action_id: services.milestones.list(action_id=action_id)}
    # The timeline reads only the drawn actions' milestones, and the span of them all for its scale.
    assert services.summary.milestones_of(territory_id, [action_id, 10**9]) == grouped
    assert services.summary.milestone_span(territory_id) == (
        TODAY - dt.timedelta(days=30),
        TODAY + dt.timedelta(days=90),
    )
    other = services.territories.create(name="Pays de Bitche").id
    assert services.summary.milestone_span(other) == (None, None)
    assert services.summary.milestones_of(other, [action_id]) == {}
    assert services.summary.action_names(territory_id, [action_id, 10**9]) == {action_id: "Jalonnée"}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.lists(action, max_size=10))
def test_the_timeline_rows_are_the_plan_rows_in_short(services: Services, plan: list[dict[str, Any]]) -> None:
    territory_id = build(services, plan)
    light = services.summary.timeline_rows(territory_id, TODAY)
    full = services.views.plan_rows(territory_id, TODAY)
    assert [row.action.id for row in light] == [row.action.id for row in full]
    for shown, row in zip(light, full, strict=True):
        assert (shown.axis, shown.lead_name, shown.late) == (row.axis, row.lead_name, row.late)
        for name in ("parent_id", "axis_id", "code", "title", "status", "progress", "planned_start", "planned_end"):
            assert getattr(shown.action, name) == getattr(row.action, name)
