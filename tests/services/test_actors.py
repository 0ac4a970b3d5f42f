"""Deleting an actor and putting it back: the footprint notes everything that names the actor, and its
restoration puts all of it back in one transaction, or writes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from ti_desktop.db import models
from ti_desktop.domain.enums import ActorKind, GovernanceRole, MeetingKind
from ti_desktop.domain.errors import NotFoundError, TiDesktopError
from ti_desktop.domain.records import ActorRecord

from ..sessions import sessions_of
from .conftest import World


def table_counts(world: World) -> dict[str, int]:
    tables = [models.Actor, models.TerritoryRole, models.ActionPartner, models.ChangeLog]
    with sessions_of(world.services)() as session:
        counts = {model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0 for model in tables}
        counts["meeting_participants"] = (
            session.scalar(select(func.count()).select_from(models.meeting_participants)) or 0
        )
    return counts


def involved_actor(world: World) -> tuple[ActorRecord, dict[str, int]]:
    """An actor who leads and pilots an action, is a partner of another, funds, owns a decision, sits in the
    governance and took part in a meeting; with the ids of those records."""
    s = world.services
    tid = world.territory.id
    actor = s.actors.create(name="Sophie Klein", organisation="Région Grand Est", kind=ActorKind.REGION)
    led = world.action(lead_actor_id=actor.id, pilot_actor_id=actor.id)
    other = world.action("Friche Lormont", axis="FON", elected_referent_id=actor.id)
    partner = s.partners.create(action_id=other.id, actor_id=actor.id, role="Cofinanceur")
    line = s.funding.create(action_id=led.id, funder_actor_id=actor.id, amount_requested=Decimal("250000"))
    role = s.roles.create(territory_id=tid, actor_id=actor.id, role=GovernanceRole.ELU_REFERENT)
    meeting = s.meetings.create(territory_id=tid, kind=MeetingKind.COMITE_PILOTAGE, held_on=dt.date(2026, 3, 12))
    s.participants.set(meeting.id, {actor.id})
    decision = s.decisions.create(meeting_id=meeting.id, text="Lancer l'étude", owner_actor_id=actor.id)
    ids = {
        "led": led.id,
        "other": other.id,
        "partner": partner.id,
        "line": line.id,
        "role": role.id,
        "meeting": meeting.id,
        "decision": decision.id,
    }
    return actor, ids


def test_the_footprint_names_everything_that_references_the_actor(world: World) -> None:
    actor, ids = involved_actor(world)
    footprint = world.services.actors.footprint(actor.id)
    assert footprint.actor == actor
    assert [a.id for a in footprint.lead_of] == [ids["led"]]
    assert [a.id for a in footprint.pilot_of] == [ids["led"]]
    assert [a.id for a in footprint.referent_of] == [ids["other"]]
    assert [p.id for p in footprint.partners] == [ids["partner"]]
    assert [f.id for f in footprint.funding_lines] == [ids["line"]]
    assert [d.id for d in footprint.decisions] == [ids["decision"]]
    assert [r.id for r in footprint.roles] == [ids["role"]]
    assert footprint.meeting_ids == [ids["meeting"]]


def test_deleting_then_restoring_an_actor_puts_everything_back(world: World) -> None:
    s = world.services
    actor, ids = involved_actor(world)
    footprint = s.actors.footprint(actor.id)
    s.actors.delete(actor.id)
    # The database removed the links and emptied the fields naming the actor.
    assert s.actions.get(ids["led"]).lead_actor_id is None
    assert s.actions.get(ids["other"]).elected_referent_id is None
    assert s.partners.list(actor_id=actor.id) == []
    assert s.decisions.get(ids["decision"]).owner_actor_id is None
    assert s.participants.of(ids["meeting"]) == []

    restored = s.actors.restore_footprint(footprint)

    assert restored == actor
    assert s.actors.get(actor.id) == actor
    led = s.actions.get(ids["led"])
    assert (led.lead_actor_id, led.pilot_actor_id) == (actor.id, actor.id)
    assert s.actions.get(ids["other"]).elected_referent_id == actor.id
    assert s.partners.list(actor_id=actor.id) == footprint.partners
    assert s.roles.list(actor_id=actor.id) == footprint.roles
    assert s.funding.get(ids["line"]).funder_actor_id == actor.id
    assert s.decisions.get(ids["decision"]).owner_actor_id == actor.id
    assert [a.id for a in s.participants.of(ids["meeting"])] == [actor.id]
    # The history notes the references given back, as any edit.
    changes = {(c.entity, c.field, c.new_value) for c in s.history.for_action(ids["led"])}
    assert ("action", "lead_actor_id", str(actor.id)) in changes
    assert ("funding_line", "funder_actor_id", str(actor.id)) in changes


def test_the_same_footprint_serves_undo_after_redo(world: World) -> None:
    s = world.services
    actor, _ids = involved_actor(world)
    footprint = s.actors.footprint(actor.id)
    for _cycle in range(2):
        s.actors.delete(actor.id)
        s.actors.restore_footprint(footprint)
    again = s.actors.footprint(actor.id)
    assert (again.actor, again.roles, again.partners, again.meeting_ids) == (
        footprint.actor,
        footprint.roles,
        footprint.partners,
        footprint.meeting_ids,
    )
    assert again.references() == footprint.references()


def test_a_restore_that_fails_writes_nothing(world: World) -> None:
    s = world.services
    actor, _ids = involved_actor(world)
    footprint = s.actors.footprint(actor.id)
    # The actor is still there: its id is taken, so nothing of the footprint may be written twice.
    before = table_counts(world)
    with pytest.raises(TiDesktopError):
        s.actors.restore_footprint(footprint)
    assert table_counts(world) == before
    assert s.actors.footprint(actor.id) == footprint


def test_a_restore_whose_reference_is_gone_writes_nothing(world: World) -> None:
    s = world.services
    actor, ids = involved_actor(world)
    footprint = s.actors.footprint(actor.id)
    s.actors.delete(actor.id)
    s.decisions.delete(ids["decision"])
    before = table_counts(world)
    with pytest.raises(NotFoundError):
        s.actors.restore_footprint(footprint)
    assert table_counts(world) == before
    with pytest.raises(NotFoundError):
        s.actors.get(actor.id)
    assert s.actions.get(ids["led"]).lead_actor_id is None
