"""Around midnight on New Year's Eve, what the services call late, done today and backed up follows their
clock — the one the composition root gives — not the machine's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.kernel.clock import FixedClock
from ti_desktop.services.maintenance import OpenDatabase, open_services

NEW_YEARS_EVE = dt.date(2027, 12, 31)


@pytest.fixture
def clock() -> FixedClock:
    clock = FixedClock.on(NEW_YEARS_EVE, hour=23)
    clock.advance(dt.timedelta(minutes=59))  # 23:59, local time
    return clock


@pytest.fixture
def opened(tmp_path: Path, clock: FixedClock) -> Iterator[OpenDatabase]:
    handle = open_services(tmp_path / "plan.sqlite3", clock=clock, user="claire.martin")
    yield handle
    handle.close()


def an_action(opened: OpenDatabase, **values: object) -> tuple[int, int]:
    services = opened.services
    territory = services.territories.create(name="Vallée de la Bresle")
    axis = next(a.id for a in services.axes.available_to(territory.id) if a.code == "INN")
    action = services.actions.create(
        territory_id=territory.id, axis_id=axis, title="Pépinière d'entreprises", status=ActionStatus.EN_COURS, **values
    )
    return territory.id, action.id


def test_an_action_due_on_new_years_eve_is_late_from_new_years_day(opened: OpenDatabase, clock: FixedClock) -> None:
    services = opened.services
    territory_id, action_id = an_action(opened, planned_start=dt.date(2027, 1, 4), planned_end=NEW_YEARS_EVE)

    def late() -> list[int]:
        found = services.actions.find(ActionFilter(territory_id, late_only=True, today=clock.today()))
        assert services.summary.plan_summary(territory_id, clock.today()).late_count == len(found)
        return [action.id for action in found]

    assert late() == []  # 23:59 on the 31st: due today, not late
    clock.advance(dt.timedelta(minutes=2))
    assert clock.today() == dt.date(2028, 1, 1)
    assert late() == [action_id]


def test_an_action_marked_done_ends_on_the_clock_s_day(opened: OpenDatabase, clock: FixedClock) -> None:
    services = opened.services
    _territory, before_midnight = an_action(opened)
    assert services.actions.update(before_midnight, status=ActionStatus.REALISEE).actual_end == NEW_YEARS_EVE
    clock.advance(dt.timedelta(minutes=2))
    other = services.actions.create(
        **{name: getattr(services.actions.get(before_midnight), name) for name in ("territory_id", "axis_id")},
        title="Second atelier",
        status=ActionStatus.EN_COURS,
    )
    assert services.actions.update(other.id, status=ActionStatus.REALISEE).actual_end == dt.date(2028, 1, 1)


def test_backups_are_named_after_the_clock(opened: OpenDatabase, clock: FixedClock) -> None:
    backups = opened.services.backups
    assert backups is not None
    first = backups.backup("sauvegarde")
    assert first.path.name == f"plan-sauvegarde-{clock.now().astimezone():%Y%m%d-%H%M%S}-000000.sqlite3"
    assert [entry.taken_at for entry in backups.entries()] == [clock.now().astimezone().replace(tzinfo=None)]
