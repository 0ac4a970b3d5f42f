"""Rows prepared for the screens agree with the records and the domain's figures."""

from __future__ import annotations

from pathlib import Path

from ti_desktop.domain import summaries
from ti_desktop.services.maintenance import open_services

from ..clock import TODAY, fixed_clock


def test_plan_rows_match_records_and_domain_figures(demo_db: Path) -> None:
    opened = open_services(demo_db, clock=fixed_clock())
    services = opened.services
    try:
        tid = services.territories.resolve(None).id
        rows = services.views.plan_rows(tid, TODAY)
        actions = services.actions.for_territory(tid)
        assert len(rows) == len(actions)
        by_id = {row.action.id: row for row in rows}
        for action in actions:
            row = by_id[action.id]
            assert row.action == action
            lines = services.funding.list(action_id=action.id)
            assert row.secured == summaries.secured_funding(lines)
            assert row.late == action.is_late(TODAY)
            expected_lead = services.actors.get(action.lead_actor_id).display_name if action.lead_actor_id else None
            assert row.lead_name == expected_lead
            updates = services.updates.for_action(action.id)
            assert row.last_update_on == (updates[0].reported_on if updates else None)
        involvement = {entry.actor.id: entry for entry in services.views.involvement(tid)}
        for action in actions:
            if action.lead_actor_id:
                assert action in involvement[action.lead_actor_id].lead_of
    finally:
        opened.close()


def test_plan_leads_are_the_actors_leading_an_action_of_the_territory(demo_db: Path) -> None:
    opened = open_services(demo_db, clock=fixed_clock())
    services = opened.services
    try:
        tid = services.territories.resolve(None).id
        actions = services.actions.for_territory(tid)
        names = {actor.id: actor.name for actor in services.actors.list()}
        leads = {action.lead_actor_id for action in actions if action.lead_actor_id is not None}
        expected = sorted(((i, names[i] or "") for i in leads), key=lambda lead: (lead[1].casefold(), lead[0]))
        assert services.views.plan_leads(tid) == expected != []
        assert services.views.plan_leads(tid + 1000) == []  # no action there, so no lead
    finally:
        opened.close()
