"""Undo and redo never overwrite someone else's work: every edited entity is versioned, a write based on an
old version is refused with the other person's change named, and while an undo or a redo runs
(`versions.guard`) nothing is written over a record that is no longer as this window left it.

Two independent openings of one base: the same SQLite file, or (TI_DESKTOP_TEST_ENGINE_URL) the same
PostgreSQL database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from ti_desktop.db import models
from ti_desktop.db.changelog import LOGGED_ENTITIES
from ti_desktop.domain.enums import ActionStatus, ActorKind, MeetingKind, SwotCategory
from ti_desktop.domain.errors import ConcurrentEditError, ValidationError
from ti_desktop.services.crud import EntityCrud
from ti_desktop.services.registry import CRUD_SERVICES, Services

from ..sessions import sessions_of
from .conftest import World

# (services attribute, values of a new record, a field a person edits, Claire's value, Bruno's value)
Case = tuple[str, Callable[[World], dict[str, Any]], str, Any, Any]


def _action_id(world: World) -> int:
    return world.action("Plateforme d'innovation").id


def _meeting_id(world: World) -> int:
    return world.services.meetings.create(territory_id=world.territory.id, held_on=dt.date(2026, 3, 12)).id


CASES: list[Case] = [
    ("territories", lambda w: {"name": "Autre territoire"}, "region", "Bretagne", "Occitanie"),
    ("epcis", lambda w: {"territory_id": w.territory.id, "name": "CC du Pays"}, "population", 12000, 13500),
    ("actors", lambda w: {"name": "Sophie Klein", "kind": ActorKind.REGION}, "phone", "03 87 00 00 01", "06 00"),
    (
        "diagnostic",
        lambda w: {"territory_id": w.territory.id, "title": "Emploi"},
        "text",
        "Texte de Claire",
        "Texte de Bruno",
    ),
    (
        "swot",
        lambda w: {"territory_id": w.territory.id, "category": SwotCategory.FORCE, "text": "Savoir-faire"},
        "text",
        "Savoir-faire textile",
        "Savoir-faire verrier",
    ),
    (
        "challenges",
        lambda w: {"territory_id": w.territory.id, "axis_id": w.axis["INN"], "title": "Innover"},
        "title",
        "Innover ensemble",
        "Innover vite",
    ),
    ("companies", lambda w: {"territory_id": w.territory.id, "name": "Weber"}, "commune", "Bitche", "Sarreguemines"),
    (
        "objectives",
        lambda w: {"territory_id": w.territory.id, "axis_id": w.axis["INN"], "title": "Objectif"},
        "title",
        "Objectif A",
        "Objectif B",
    ),
    ("actions", lambda w: {"territory_id": w.territory.id, "axis_id": w.axis["INN"], "title": "A"}, "title", "B", "C"),
    (
        "funding",
        lambda w: {"action_id": _action_id(w), "funder_name": "Région", "amount_requested": Decimal("1000")},
        "programme",
        "FEDER",
        "DETR",
    ),
    ("milestones", lambda w: {"action_id": _action_id(w), "title": "Devis"}, "title", "Devis signé", "Devis reçu"),
    ("indicators", lambda w: {"territory_id": w.territory.id, "name": "Emplois"}, "unit", "ETP", "postes"),
    ("meetings", lambda w: {"territory_id": w.territory.id, "held_on": dt.date(2026, 3, 12)}, "place", "Metz", "Nancy"),
    ("agenda", lambda w: {"meeting_id": _meeting_id(w), "title": "Point"}, "notes", "Notes A", "Notes B"),
    ("decisions", lambda w: {"meeting_id": _meeting_id(w), "text": "Lancer"}, "text", "Lancer l'étude", "Attendre"),
]


def crud_of(services: Services, name: str) -> EntityCrud[Any, Any]:
    crud: EntityCrud[Any, Any] = getattr(services, name)
    return crud


@pytest.fixture(params=CASES, ids=[case[0] for case in CASES])
def case(request: pytest.FixtureRequest) -> Case:
    chosen: Case = request.param
    return chosen


def test_every_logged_entity_is_versioned_and_named_in_a_refusal(services: Services) -> None:
    assert all(issubclass(model, models.Versioned) for model in LOGGED_ENTITIES)
    cruds = {crud.model for crud in services.every_use_case().values() if isinstance(crud, EntityCrud)}
    assert set(LOGGED_ENTITIES) - cruds == {models.Attachment}  # its own service, named by the registry
    eager = set(vars(Services(services._sessions, services.clock)))
    lazy = {name for name, value in services.every_use_case().items() if isinstance(value, EntityCrud)} - eager
    assert lazy == set(CRUD_SERVICES)  # the ledger's list of them (registry.py) is complete


def test_a_save_or_a_deletion_based_on_an_old_version_is_refused(
    world: World, someone_else: Services, case: Case
) -> None:
    name, values, field, claire_value, bruno_value = case
    mine, theirs = crud_of(world.services, name), crud_of(someone_else, name)
    seen = mine.create(**values(world))
    theirs.update(seen.id, expected_version=seen.version, **{field: bruno_value})
    with pytest.raises(ConcurrentEditError) as refused:
        mine.update(seen.id, expected_version=seen.version, **{field: claire_value})
    message = refused.value.message
    assert message.startswith(f"bruno.hertz a modifié {mine.noun} ")
    assert f"{mine.specs[field].label} : " in message and "pour ne pas écraser la sienne" in message
    with pytest.raises(ConcurrentEditError):
        mine.remove(seen.id, expected_version=seen.version)
    current = mine.get(seen.id)
    assert getattr(current, field) == bruno_value and current.version == seen.version + 1


def test_an_undo_over_someone_elses_change_writes_nothing(world: World, someone_else: Services, case: Case) -> None:
    name, values, field, claire_value, bruno_value = case
    mine, theirs = crud_of(world.services, name), crud_of(someone_else, name)
    record = mine.create(**values(world))
    with world.services.versions.recording() as tickets:  # Claire's edit
        mine.update(record.id, **{field: claire_value})
    theirs.update(record.id, **{field: bruno_value})  # Bruno saves his own value
    with pytest.raises(ConcurrentEditError, match=r"bruno\.hertz a modifié"), world.services.versions.guard(tickets):
        mine.update(record.id, **{field: getattr(record, field)})  # Claire's Ctrl+Z
    assert getattr(mine.get(record.id), field) == bruno_value


def test_consecutive_edits_of_one_window_undo_and_redo_without_conflict(world: World, case: Case) -> None:
    name, values, field, claire_value, bruno_value = case
    crud, versions = crud_of(world.services, name), world.services.versions
    record = crud.create(**values(world))
    original = getattr(record, field)
    with versions.recording() as first:
        crud.update(record.id, **{field: claire_value})
    with versions.recording() as second:
        crud.update(record.id, **{field: bruno_value})
    for tickets, value in ((second, claire_value), (first, original), (first, claire_value), (second, bruno_value)):
        with versions.guard(tickets):  # undo, undo, redo, redo: each write finds what the last one left
            crud.update(record.id, **{field: value})
    assert getattr(crud.get(record.id), field) == bruno_value


def test_an_old_edit_is_not_undone_over_a_change_the_window_reloaded(world: World, someone_else: Services) -> None:
    """Claire edits the title, Bruno saves his title, Claire's window reloads and she edits the description:
    undoing her description works, undoing her first title would revert Bruno's: refused."""
    s, versions = world.services, world.services.versions
    action = world.action("Plateforme")
    with versions.recording() as title_edit:
        s.actions.update(action.id, title="Plateforme de Claire")
    someone_else.actions.update(action.id, title="Plateforme de Bruno")
    reloaded = s.actions.get(action.id)
    with versions.recording() as description_edit:
        s.actions.update(action.id, expected_version=reloaded.version, description="Texte")
    with versions.guard(description_edit):
        s.actions.update(action.id, description=None)
    with pytest.raises(ConcurrentEditError, match=r"bruno\.hertz a modifié l'action"), versions.guard(title_edit):
        s.actions.update(action.id, title="Plateforme")
    assert s.actions.get(action.id).title == "Plateforme de Bruno"


def test_undo_of_a_creation_deletes_only_what_nobody_else_touched(world: World, someone_else: Services) -> None:
    s, versions = world.services, world.services.versions
    with versions.recording() as creation:
        action = world.action("Nouvelle action")
    milestone = someone_else.milestones.create(action_id=action.id, title="Jalon de Bruno")
    with pytest.raises(ConcurrentEditError, match=r"bruno\.hertz a créé le jalon « Jalon de Bruno »"):
        with versions.guard(creation):
            s.actions.remove(action.id)  # would take Bruno's milestone with it
    assert s.milestones.get(milestone.id).title == "Jalon de Bruno"
    someone_else.milestones.delete(milestone.id)
    with versions.guard(creation):
        removed = s.actions.remove(action.id)
    with versions.guard(creation):  # redo
        s.actions.put_back(removed)
    assert s.actions.get(action.id).title == "Nouvelle action"


def test_redo_of_a_deletion_refuses_a_record_someone_changed_since_the_undo(
    world: World, someone_else: Services
) -> None:
    s, versions = world.services, world.services.versions
    line = s.funding.create(action_id=world.action().id, funder_name="Région", amount_requested=Decimal("5000"))
    with versions.recording() as deletion:
        removed = s.funding.remove(line.id)
    with versions.guard(deletion):
        s.funding.put_back(removed)  # undo
    someone_else.funding.update(line.id, amount_granted=Decimal("4000"))
    with pytest.raises(ConcurrentEditError, match="Montant accordé"), versions.guard(deletion):
        s.funding.remove(line.id)  # redo
    assert s.funding.get(line.id).amount_granted == Decimal("4000")


def test_putting_back_a_record_whose_id_exists_again_is_refused(world: World) -> None:
    s = world.services
    milestone = s.milestones.create(action_id=world.action().id, title="Devis")
    removed = s.milestones.remove(milestone.id)
    s.milestones.put_back(removed)
    with pytest.raises(ConcurrentEditError, match="existe de nouveau"):
        s.milestones.put_back(removed)
    assert len(s.milestones.list(action_id=milestone.action_id)) == 1


def test_a_refused_transaction_leaves_the_versions_as_committed(world: World) -> None:
    s, versions = world.services, world.services.versions
    first = s.milestones.create(action_id=world.action().id, title="Un")
    second = s.milestones.create(action_id=first.action_id, title="Deux")
    with versions.recording() as edit:
        s.milestones.update(first.id, title="Un bis")
    with pytest.raises(ValidationError):  # the first row is flushed, then the second refused: rolled back
        s.milestones.update_many({first.id: {"title": "Un ter"}, second.id: {"title": ""}})
    with versions.guard(edit):
        s.milestones.update(first.id, title="Un")
    assert [m.title for m in s.milestones.list(action_id=first.action_id)] == ["Un", "Deux"]


def test_challenges_and_participants_move_their_owners_version(world: World, someone_else: Services) -> None:
    s = world.services
    action = world.action()
    challenge = s.challenges.create(territory_id=world.territory.id, axis_id=world.axis["INN"], title="Innover")
    linked = s.actions.set_challenges(action.id, {challenge.id}, expected_version=action.version)
    assert linked.version == action.version + 1
    with pytest.raises(ConcurrentEditError, match=r"claire.martin a modifié l'action .*\(Enjeux :"):
        someone_else.actions.set_challenges(action.id, set(), expected_version=action.version)
    assert s.actions.challenge_ids(action.id) == {challenge.id}

    meeting = s.meetings.create(territory_id=world.territory.id, held_on=dt.date(2026, 3, 12))
    actor = s.actors.create(name="Sophie Klein")
    attended = s.participants.set(meeting.id, {actor.id}, expected_version=meeting.version)
    assert attended.version == meeting.version + 1
    with pytest.raises(ConcurrentEditError, match=r"\(Participants : — → "):
        someone_else.participants.set(meeting.id, set(), expected_version=meeting.version)
    assert [a.id for a in s.participants.of(meeting.id)] == [actor.id]
    logged = {(c.entity, c.field) for c in s.history.recent(world.territory.id)}
    assert ("meeting", "participants") in logged and ("action", "challenges") in logged


def test_an_actor_deleted_and_put_back_under_the_guard(world: World, someone_else: Services) -> None:
    s, versions = world.services, world.services.versions
    actor = s.actors.create(name="Sophie Klein", kind=ActorKind.REGION)
    led = world.action("Plateforme", lead_actor_id=actor.id)
    with versions.recording() as deletion:
        removed = s.actors.remove(actor.id)
    # The fields naming the actor were emptied through the ORM: the history and the versions say so.
    assert s.actions.get(led.id).version == led.version + 1
    emptied = {(c.field, c.old_value, c.new_value) for c in s.history.for_action(led.id)}
    assert ("lead_actor_id", str(actor.id), None) in emptied
    with versions.guard(deletion):
        s.actors.put_back(removed)  # undo
    assert s.actions.get(led.id).lead_actor_id == actor.id
    someone_else.actions.update(led.id, title="Plateforme de Bruno")
    with versions.guard(deletion), pytest.raises(ConcurrentEditError, match=r"bruno\.hertz a modifié l'action"):
        s.actors.remove(actor.id)  # redo: would empty the lead of an action Bruno just saved
    assert s.actors.get(actor.id).name == "Sophie Klein"


def test_a_progress_update_and_its_action_are_undone_together(world: World, someone_else: Services) -> None:
    s, versions = world.services, world.services.versions
    action = world.action(status=ActionStatus.EN_COURS, progress=20)
    with versions.recording() as creation:
        update = s.updates.create(
            action_id=action.id, reported_on=dt.date(2026, 11, 20), status=ActionStatus.BLOQUEE, progress=30
        )
    before = {"status": action.status, "progress": action.progress, "actual_end": None}
    someone_else.actions.update(action.id, progress=35)
    with pytest.raises(ConcurrentEditError), versions.guard(creation):
        s.updates.withdraw(update.id, before)
    assert s.updates.get(update.id) == update  # the update stays: nothing of the undo was written
    assert s.actions.get(action.id).progress == 35


def test_version_bumps_are_not_history(world: World) -> None:
    s = world.services
    action = world.action()
    for progress in (30, 40, 50):
        s.actions.update(action.id, progress=progress)
    s.actions.set_challenges(
        action.id, {s.challenges.create(territory_id=world.territory.id, axis_id=world.axis["INN"], title="X").id}
    )
    with sessions_of(s)() as session:
        fields = set(session.scalars(select(models.ChangeLog.field).where(models.ChangeLog.entity_id == action.id)))
    assert "version" not in fields and "updated_at" not in fields


def test_meetings_deleted_with_their_agenda_come_back_whole(world: World) -> None:
    s = world.services
    actor = s.actors.create(name="Sophie Klein")
    meeting = s.steering.create(
        world.territory.id,
        dt.date(2026, 11, 21),
        held_on=dt.date(2026, 12, 1),
        kind=MeetingKind.COMITE_PILOTAGE,
        participant_ids=[actor.id],
        propose=False,
    )
    s.agenda.create(meeting_id=meeting.id, title="Point 1")
    s.decisions.create(meeting_id=meeting.id, text="Décider")
    removed = s.meetings.remove(meeting.id)
    assert s.steering.agenda(meeting.id) == []
    s.meetings.put_back(removed)
    assert [item.title for item in s.steering.agenda(meeting.id)] == ["Point 1"]
    assert [d.text for d in s.decisions.list(meeting_id=meeting.id)] == ["Décider"]
    assert [a.id for a in s.participants.of(meeting.id)] == [actor.id]
