"""The timeline read by windows (`services.timeline_plan`) shows what the whole plan read at once shows."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ti_desktop.gui.pages.timeline_scene import ListedRows
from ti_desktop.services import timeline_plan
from ti_desktop.services.registry import Services

from .conftest import TODAY
from .test_plan_figures import action, build


def windowed(plan: timeline_plan.TimelinePlan, step: int) -> list[list[tuple[int, int]]]:
    """Every group's (action id, depth), read `step` rows at a time from the end backwards (jumps included)."""
    groups = []
    for group, (_axis, count) in enumerate(plan.groups):
        rows: list[tuple[int, int]] = []
        for start in reversed(range(0, count, step)):
            window = plan.rows(group, start, start + step)
            rows[:0] = [(row.row.action.id, row.depth) for row in window]
        groups.append(rows)
    return groups


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.lists(action, max_size=14), step=st.integers(1, 6), small_axis=st.sampled_from([0, 2_000]))
def test_the_windows_are_the_whole_plan_grouped(
    services: Services, plan: list[dict[str, Any]], step: int, small_axis: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # small_axis 0: every axis starts with the read of its first rows by code (the path of a national plan).
    monkeypatch.setattr(timeline_plan, "SMALL_AXIS", small_axis)
    territory_id = build(services, plan)
    whole = ListedRows(services.summary.timeline_rows(territory_id, TODAY))
    read = services.summary.timeline_plan(territory_id, TODAY)
    assert read is not None  # the services keep sous-actions as the rules say
    assert read.groups == whole.groups
    assert read.day_span == whole.day_span
    assert set(read.codes) == set(whole.codes)  # fewer than timeline_plan.CODE_SAMPLE
    expected = [
        [(row.row.action.id, row.depth) for row in whole.rows(group, 0, count)]
        for group, (_axis, count) in enumerate(whole.groups)
    ]
    assert windowed(read, step) == expected
    for group, (_axis, count) in enumerate(whole.groups):
        assert [row.row for row in read.rows(group, 0, count)] == [row.row for row in whole.rows(group, 0, count)]
    # A fresh reading, from the start: the rows at the start of each axis first, then further.
    again = services.summary.timeline_plan(territory_id, TODAY)
    assert again is not None
    for group, (_axis, count) in enumerate(whole.groups):
        first = [(row.row.action.id, row.depth) for row in again.rows(group, 0, 2)]
        assert first == expected[group][:2]
        rest = [(row.row.action.id, row.depth) for row in again.rows(group, 2, count + 5)]
        assert first + rest == expected[group]


def test_the_longest_codes_are_read(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline_plan, "CODE_SAMPLE", 2)
    territory_id = build(services, [])
    axis = services.axes.available_to(territory_id)[0].id
    for code in ("A", "BBBB", "CC", "DDD", None):
        services.actions.create(territory_id=territory_id, axis_id=axis, code=code, title="Action")
    read = services.summary.timeline_plan(territory_id, TODAY)
    assert read is not None
    assert read.codes == ["BBBB", "DDD"]
    assert read.groups[0][1] == 5
