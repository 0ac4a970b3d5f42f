"""Steering meetings: proposed agenda, projector views, closing with a snapshot, register of decisions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ti_desktop.domain.enums import ActionStatus, DecisionState, FundingStatus
from ti_desktop.domain.errors import ValidationError
from ti_desktop.services.meetings import (
    PENDING_DECISIONS_TITLE,
    REASON_BLOCKED,
    REASON_CHANGED,
    REASON_DECISION,
    REASON_FUNDING,
    REASON_LATE,
    REASON_MILESTONE,
    REASON_TO_DISCUSS,
)

from .conftest import TODAY, World


def reasons_by_title(world: World) -> dict[str, tuple[str, ...]]:
    return {p.title: p.reasons for p in world.services.steering.propose_agenda(world.territory.id, TODAY)}


def test_agenda_proposes_the_actions_that_need_attention(world: World) -> None:
    calm = world.action("Calme", planned_end=dt.date(2030, 1, 1))
    flagged = world.action("À débattre", to_discuss=True)
    blocked = world.action("Bloquée", status=ActionStatus.BLOQUEE)
    late = world.action("En retard", planned_start=dt.date(2025, 1, 1), planned_end=dt.date(2026, 1, 1))
    milestone = world.action("Jalon raté")
    world.services.milestones.create(action_id=milestone.id, title="Permis", due_on=dt.date(2026, 10, 1))
    funded = world.action("Subvention")
    world.services.funding.create(
        action_id=funded.id, funder_name="Région", amount_requested=Decimal(1000), status=FundingStatus.DEPOSE
    )
    world.action("Finie", status=ActionStatus.REALISEE, progress=100)
    reasons = reasons_by_title(world)
    assert calm.title not in reasons and "Finie" not in reasons
    assert reasons[flagged.title] == (REASON_TO_DISCUSS,)
    assert reasons[blocked.title] == (REASON_BLOCKED,)
    assert reasons[late.title] == (REASON_LATE,)
    assert reasons[milestone.title] == (REASON_MILESTONE,)
    assert reasons[funded.title] == (REASON_FUNDING,)


def test_a_meeting_is_created_with_its_agenda_participants_and_order(world: World) -> None:
    first = world.action("Premier", to_discuss=True)
    second = world.action("Second", status=ActionStatus.BLOQUEE)
    actor = world.services.actors.create(name="Sophie Klein")
    meeting = world.services.steering.create(
        world.territory.id, TODAY, held_on=TODAY, place="Sarrebourg", participant_ids=[actor.id]
    )
    items = world.services.steering.agenda(meeting.id)
    assert [item.action_id for item in items] == [first.id, second.id]
    assert items[0].notes == "Proposé : à discuter."
    assert [a.name for a in world.services.participants.of(meeting.id)] == ["Sophie Klein"]
    world.services.steering.move(items[1].id, -1)
    assert [item.action_id for item in world.services.steering.agenda(meeting.id)] == [second.id, first.id]
    with pytest.raises(ValidationError):
        world.services.steering.reorder(meeting.id, [items[0].id])


def test_close_takes_a_snapshot_and_the_next_meeting_shows_changes_and_pending_decisions(world: World) -> None:
    action = world.action("Plateforme", to_discuss=True, progress=20)
    quiet = world.action("Tranquille", planned_end=dt.date(2030, 1, 1))
    meeting = world.services.steering.create(world.territory.id, TODAY, held_on=dt.date(2026, 10, 1))
    owner = world.services.actors.create(name="Bruno Hertz")
    world.services.decisions.create(
        meeting_id=meeting.id,
        action_id=action.id,
        text="Relancer la Région",
        owner_actor_id=owner.id,
        due_on=dt.date(2026, 11, 1),
    )
    world.services.decisions.create(meeting_id=meeting.id, text="Organiser une visite")
    snapshot = world.services.steering.close(meeting.id)
    assert snapshot.meeting_id == meeting.id
    assert world.services.steering.meeting(meeting.id).closed_at is not None
    assert world.services.reports.latest_snapshot(world.territory.id) is None  # not a report sent

    world.services.actions.update(action.id, to_discuss=False, progress=45)
    reasons = reasons_by_title(world)
    assert reasons[action.title] == (REASON_CHANGED, REASON_DECISION)
    assert quiet.title not in reasons
    assert reasons[PENDING_DECISIONS_TITLE] == (REASON_DECISION,)

    following = world.services.steering.create(world.territory.id, TODAY, held_on=TODAY)
    items = world.services.steering.agenda(following.id)
    loose = next(item for item in items if item.action_id is None)
    assert "Organiser une visite" in (loose.notes or "")
    view = world.services.steering.item_view(next(i.id for i in items if i.action_id == action.id), TODAY)
    assert view.changes == ("Avancement : 20\u202f% → 45\u202f%",)
    assert [row.decision.text for row in view.pending_decisions] == ["Relancer la Région"]
    assert view.pending_decisions[0].owner_name == "Bruno Hertz"


def test_register_filters_by_state(world: World) -> None:
    meeting = world.services.steering.create(world.territory.id, TODAY, held_on=TODAY, propose=False)
    done = world.services.decisions.create(meeting_id=meeting.id, text="Fait", state=DecisionState.FAIT)
    todo = world.services.decisions.create(meeting_id=meeting.id, text="À faire", due_on=dt.date(2026, 1, 1))
    steering = world.services.steering
    assert [row.id for row in steering.decisions(world.territory.id)] == [todo.id, done.id]
    assert [row.id for row in steering.pending_decisions(world.territory.id)] == [todo.id]
    assert steering.pending_decisions(world.territory.id)[0].is_overdue(TODAY)
