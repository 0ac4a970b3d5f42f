"""A plan reading stopped from another thread (the plan page's newer search): the query stops in the database —
SQLite's interrupt, PostgreSQL's cancel (the server no longer runs it) — and the reading raises `Cancelled`."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import Boolean, literal_column, text

from ti_desktop.domain.filters import ActionFilter
from ti_desktop.kernel.progress import Cancelled
from ti_desktop.services import search
from ti_desktop.services.maintenance import OpenDatabase
from ti_desktop.services.views import Interruption

from ..clock import pause
from .conftest import TODAY, World

# A condition that takes minutes per row: the search made slow at will, on each engine.
SLOW = {
    "sqlite": "((WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000000000) "
    "SELECT max(x) FROM n) > 0)",
    "postgresql": "(pg_sleep(120) IS NOT NULL)",
}


def running_elsewhere(opened: OpenDatabase) -> Callable[[], bool]:
    """Is a slow search running on the server, seen from another connection (pg_stat_activity)?"""

    def check() -> bool:
        with opened.database.engine.connect() as connection:
            found = connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep(120)%'"
                    " AND pid <> pg_backend_pid()"
                )
            ).scalar_one()
        return bool(found)

    return check


def test_a_stopped_plan_count_stops_in_the_database_and_raises_cancelled(
    opened: OpenDatabase, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.action("Friche de la gare")
    dialect = opened.database.engine.dialect.name
    slow = literal_column(SLOW[dialect], Boolean)
    monkeypatch.setattr(search, "text_condition", lambda session, table, words, **_options: slow)
    interruption = Interruption()
    # Non-confidential actions, beside the words: the SQL path (not SQLite's search index alone).
    wanted = ActionFilter(territory_id=world.territory.id, text="friche", confidential=False, today=TODAY)
    outcome: list[BaseException | object] = []

    def count() -> None:
        try:
            outcome.append(world.services.views.plan_counts(wanted, interruption))
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=count)
    worker.start()
    deadline = time.monotonic() + 20
    if dialect == "postgresql":
        seen = running_elsewhere(opened)
        while not seen() and time.monotonic() < deadline:
            pause(0.05)
        assert seen(), "the slow search never ran on the server"
    else:
        pause(0.3)  # the recursive count is under way (it would take minutes)
    assert worker.is_alive() and not outcome, outcome
    started = time.monotonic()
    interruption.stop()
    worker.join(10)
    assert not worker.is_alive(), "the reading did not stop"
    assert time.monotonic() - started < 3
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)
    if dialect == "postgresql":
        assert not running_elsewhere(opened)(), "the server still runs the cancelled query"
    # The session's connection went back to the pool in a usable state: the next reading answers.
    monkeypatch.undo()
    counts = world.services.views.plan_counts(ActionFilter(territory_id=world.territory.id, text="friche"))
    assert counts.matching == 1


def test_a_reading_stopped_before_it_starts_raises_cancelled_at_once(world: World) -> None:
    interruption = Interruption()
    interruption.stop()
    with pytest.raises(Cancelled):
        world.services.views.plan_counts(ActionFilter(territory_id=world.territory.id, text="friche"), interruption)


def test_an_interruption_after_the_reading_changes_nothing(world: World) -> None:
    world.action("Friche de la gare")
    interruption = Interruption()
    counts = world.services.views.plan_counts(
        ActionFilter(territory_id=world.territory.id, text="friche"), interruption
    )
    interruption.stop()  # the reading is over: nothing to stop, nothing raised
    assert counts.matching == 1
    again = world.services.views.plan_counts(ActionFilter(territory_id=world.territory.id, text="gare"))
    assert again.matching == 1
