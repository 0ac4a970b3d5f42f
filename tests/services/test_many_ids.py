"""Lists of ids go to the database a few hundred at a time: PostgreSQL refuses more than 65,535 bound
parameters in one query, and a national territory has 100,000 actions (found on a copy of the benchmark base)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import event

from ti_desktop.services import crud
from ti_desktop.services.maintenance import OpenDatabase

from .conftest import TODAY, World


def test_the_plan_summary_of_more_actions_than_one_query_takes_is_the_same(
    world: World, opened: OpenDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = world.services
    for number in range(7):
        action = world.action(f"Action {number}", code=f"INN-{number:02d}", planned_budget=Decimal(100_000))
        for amount in (Decimal(10_000 * (number + 1)), Decimal(2_500)):
            services.funding.create(action_id=action.id, funder_name="Région", amount_requested=amount)
    whole = services.summary.plan_summary(world.territory.id, TODAY)
    funding_queries: list[str] = []

    def count(_connection: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM funding_lines" in statement:
            funding_queries.append(statement)

    monkeypatch.setattr(crud, "IDS_PER_QUERY", 3)
    event.listen(opened.database.engine, "before_cursor_execute", count)
    try:
        assert services.summary.plan_summary(world.territory.id, TODAY) == whole
    finally:
        event.remove(opened.database.engine, "before_cursor_execute", count)
    assert len(funding_queries) == 3  # 7 actions, 3 ids per query
