"""Fiches-actions through the services: create, edit, filter, and the rules that protect them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from ti_desktop.db import models
from ti_desktop.domain.enums import ActionStatus, ActorKind, Priority
from ti_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from ti_desktop.domain.filters import ActionFilter

from ..sessions import sessions_of
from .conftest import TODAY, World


def row_counts(world: World) -> tuple[int, int]:
    with sessions_of(world.services)() as session:
        actions = session.scalar(select(func.count()).select_from(models.Action))
        log = session.scalar(select(func.count()).select_from(models.ChangeLog))
    return actions, log


def test_create_read_update_delete_an_action(world: World) -> None:
    created = world.action(code="INN-01", planned_budget=Decimal("250000"), priority=Priority.HAUTE)
    assert world.services.actions.get(created.id).title == "Plateforme d'innovation"
    assert created.planned_budget == Decimal("250000.00")
    updated = world.services.actions.update(created.id, progress=45, title="Plateforme mutualisée")
    assert (updated.progress, updated.title, updated.priority) == (45, "Plateforme mutualisée", Priority.HAUTE)
    world.services.actions.delete(created.id)
    with pytest.raises(NotFoundError, match="Impossible de trouver l'action n°"):
        world.services.actions.get(created.id)


def test_marking_an_action_done_completes_it(world: World) -> None:
    action = world.action(progress=60)
    done = world.services.actions.update(action.id, status=ActionStatus.REALISEE)
    assert done.progress == 100
    assert done.actual_end == TODAY  # the services' clock, not the machine's


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"title": "  "}, "title", "Titre de l'action : ce champ est obligatoire"),
        ({"planned_start": dt.date(2025, 6, 1), "planned_end": dt.date(2025, 5, 31)}, "planned_end", "Fin prévue"),
        ({"status": ActionStatus.REALISEE, "progress": 50}, "progress", "réalisée"),
        ({"progress": 120}, "progress", "Avancement"),
        ({"planned_budget": Decimal("-1")}, "planned_budget", "négatif"),
        ({"planned_budget": 1250.5}, "planned_budget", "Budget prévisionnel"),
        ({"status": "terminee"}, "status", "n'est pas une valeur permise"),
        ({"lead_actor_id": 999}, "lead_actor_id", "Porteur"),
    ],
)
def test_invalid_action_is_refused_with_a_french_message_and_nothing_written(
    world: World, values: dict[str, object], field: str, words: str
) -> None:
    before = row_counts(world)
    with pytest.raises(ValidationError) as caught:
        world.action(**values)
    assert caught.value.field == field
    assert words in caught.value.message
    assert row_counts(world) == before


def test_invalid_update_leaves_the_action_unchanged(world: World) -> None:
    action = world.action(planned_start=dt.date(2025, 1, 1), planned_end=dt.date(2025, 12, 31))
    before = row_counts(world)
    with pytest.raises(ValidationError, match="Fin prévue"):
        world.services.actions.update(action.id, planned_end=dt.date(2024, 12, 31), progress=80)
    assert world.services.actions.get(action.id) == action
    assert row_counts(world) == before


def test_duplicate_code_in_a_territory_is_a_conflict(world: World) -> None:
    world.action(code="INN-01")
    with pytest.raises(ConflictError, match="porte déjà ce code"):
        world.action(code="INN-01", title="Autre")
    other = world.services.territories.create(name="Autre territoire")
    world.services.actions.create(territory_id=other.id, axis_id=world.axis["INN"], title="Même code", code="INN-01")


def test_sub_actions_have_one_level_only(world: World) -> None:
    parent = world.action(code="INN-01")
    child = world.action(code="INN-01.1", parent_id=parent.id)
    assert [a.id for a in world.services.actions.sub_actions(parent.id)] == [child.id]
    with pytest.raises(ValidationError, match="un seul niveau"):
        world.action(code="INN-01.1.1", parent_id=child.id)
    with pytest.raises(ValidationError, match="sous-actions"):
        world.services.actions.update(parent.id, parent_id=world.action(code="INN-02").id)


def test_an_axis_of_another_territory_is_refused(world: World) -> None:
    other = world.services.territories.create(name="Autre territoire")
    foreign_axis = world.services.axes.create(territory_id=other.id, code="ATT", label="Attractivité", colour="#ff0000")
    with pytest.raises(ValidationError, match="autre territoire"):
        world.action(axis_id=foreign_axis.id)


def test_filters_combine(world: World) -> None:
    services = world.services
    lead = services.actors.create(name="Usines Morel", kind=ActorKind.ENTREPRISE)
    world.action("Friche Cotonnière", "FON", code="FON-01", planned_end=dt.date(2025, 6, 30), lead_actor_id=lead.id)
    world.action("Campus des métiers", "COM", code="COM-01", to_discuss=True, planned_end=dt.date(2027, 6, 30))
    world.action("Achat de terrain Morel", "FON", code="FON-02", confidential=True, lead_actor_id=lead.id)
    done = world.action("Diagnostic numérique", "INN", code="INN-01", planned_end=dt.date(2024, 1, 1))
    services.actions.update(done.id, status=ActionStatus.REALISEE)
    territory = world.territory.id

    def codes(**criteria: object) -> list[str | None]:
        found = services.actions.find(ActionFilter(territory_id=territory, today=TODAY, **criteria))  # type: ignore[arg-type]
        return sorted(action.code for action in found)

    assert codes() == ["COM-01", "FON-01", "FON-02", "INN-01"]
    assert codes(axis_ids=frozenset({world.axis["FON"]})) == ["FON-01", "FON-02"]
    assert codes(statuses=frozenset({ActionStatus.REALISEE})) == ["INN-01"]
    assert codes(lead_actor_ids=frozenset({lead.id})) == ["FON-01", "FON-02"]
    assert codes(late_only=True) == ["FON-01"]
    assert codes(to_discuss_only=True) == ["COM-01"]
    assert codes(confidential=True) == ["FON-02"]
    assert codes(confidential=False) == ["COM-01", "FON-01", "INN-01"]
    assert codes(text="friche") == ["FON-01"]
    assert codes(text="fon-0") == ["FON-01", "FON-02"]
    assert codes(axis_ids=frozenset({world.axis["FON"]}), confidential=False, text="cotonnière") == ["FON-01"]
    assert codes(late_only=True, to_discuss_only=True) == []


def test_challenges_answered_by_an_action(world: World) -> None:
    challenge = world.services.challenges.create(
        territory_id=world.territory.id, axis_id=world.axis["COM"], title="Pénurie de soudeurs", priority="haute"
    )
    orphan = world.services.challenges.create(
        territory_id=world.territory.id, axis_id=world.axis["COM"], title="Mobilité des apprentis", priority="basse"
    )
    action = world.action("École de production", "COM")
    world.services.actions.set_challenges(action.id, {challenge.id})
    assert world.services.actions.challenge_ids(action.id) == {challenge.id}
    assert [a.id for a in world.services.actions.actions_answering(challenge.id)] == [action.id]
    assert world.services.actions.actions_answering(orphan.id) == []
    history = world.services.history.for_action(action.id)
    assert history[0].field == "challenges" and history[0].new_value == str(challenge.id)


def test_a_deleted_action_comes_back_whole_from_its_bundle(world: World) -> None:
    services = world.services
    parent = world.action(code="FON-01", axis="FON")
    child = world.action(code="FON-01.1", axis="FON", parent_id=parent.id)
    challenge = services.challenges.create(
        territory_id=world.territory.id, axis_id=world.axis["FON"], title="Friches", priority="haute"
    )
    services.actions.set_challenges(parent.id, {challenge.id})
    line = services.funding.create(
        action_id=child.id, funder_name="Fonds vert", amount_requested=Decimal("1000"), status="envisage"
    )
    bundle = services.actions.bundle(parent.id)
    services.actions.delete(parent.id)
    assert services.actions.for_territory(world.territory.id) == []
    services.actions.restore_bundle(bundle)
    assert [a.id for a in services.actions.for_territory(world.territory.id)] == [parent.id, child.id]
    assert services.funding.get(line.id) == line
    assert services.actions.challenge_ids(parent.id) == {challenge.id}


def test_data_quality_filters(world: World) -> None:
    from ti_desktop.domain.filters import QualityIssue

    lead = world.services.actors.create(name="CCI", kind="operateur")
    complete = world.action(
        code="A",
        lead_actor_id=lead.id,
        planned_start=dt.date(2026, 1, 1),
        planned_end=dt.date(2027, 1, 1),
        planned_budget=Decimal("10"),
    )
    world.services.updates.create(
        action_id=complete.id, reported_on=dt.date(2026, 10, 1), status="en_cours", progress=20
    )
    world.action(code="B")

    def codes(*issues: QualityIssue) -> list[str | None]:
        found = world.services.actions.find(
            ActionFilter(territory_id=world.territory.id, quality=frozenset(issues), today=TODAY)
        )
        return [a.code for a in found]

    assert codes(QualityIssue.NO_LEAD) == ["B"]
    assert codes(QualityIssue.NO_DATES, QualityIssue.NO_BUDGET) == ["B"]
    assert codes(QualityIssue.NO_RECENT_UPDATE) == ["B"]
    assert codes() == ["A", "B"]


def test_duplicate_copies_the_fiche_not_its_progress(world: World) -> None:
    services = world.services
    partner = services.actors.create(name="ADEME", kind="operateur")
    source = world.action(code="TEC-02", axis="TEC", planned_budget=Decimal("5000"), progress=70)
    services.partners.create(action_id=source.id, actor_id=partner.id, role="appui technique")
    copy = services.actions.duplicate(source.id)
    assert copy.title == "Plateforme d'innovation (copie)" and copy.code is None
    assert (copy.status, copy.progress, copy.planned_budget) == (ActionStatus.EN_REFLEXION, 0, Decimal("5000.00"))
    assert [p.actor_id for p in services.partners.list(action_id=copy.id)] == [partner.id]
