"""Create, read, update, delete for every entity of the territory, the diagnostic, the plan and meetings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from ti_desktop.domain.enums import (
    ActionStatus,
    ActorKind,
    DecisionState,
    FundingStatus,
    GovernanceRole,
    IndicatorDirection,
    MeetingKind,
    SwotCategory,
)
from ti_desktop.domain.errors import NotFoundError, ValidationError

from .conftest import World


def crud_cases(world: World) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(service name, values to create with, a change to apply)."""
    s, tid = world.services, world.territory.id
    actor = s.actors.create(name="Sophie Lambert", organisation="Région Normandie", kind=ActorKind.REGION)
    action = world.action(code="TEC-01", axis="TEC")
    indicator = s.indicators.create(territory_id=tid, name="Emplois industriels", unit="emplois", direction="hausse")
    meeting = s.meetings.create(territory_id=tid, kind=MeetingKind.COMITE_PILOTAGE, held_on=dt.date(2026, 3, 12))
    return [
        (
            "epcis",
            {"territory_id": tid, "name": "CC du Pays d'Argentan", "siren": "200035657", "population": 33000},
            {"commune_count": 49},
        ),
        ("actors", {"name": "Jean Dupuis", "kind": ActorKind.ELU}, {"email": "j.dupuis@exemple.fr"}),
        (
            "roles",
            {"territory_id": tid, "actor_id": actor.id, "role": GovernanceRole.REFERENT_REGION},
            {"role": "operateur"},
        ),
        (
            "diagnostic",
            {"territory_id": tid, "title": "Portrait général", "text": "12 400 emplois industriels."},
            {"sources": "INSEE 2023"},
        ),
        (
            "swot",
            {"territory_id": tid, "category": SwotCategory.FORCE, "text": "Savoir-faire métallurgique"},
            {"category": "menace"},
        ),
        (
            "challenges",
            {"territory_id": tid, "axis_id": world.axis["FON"], "title": "Sobriété foncière", "priority": "haute"},
            {"priority": "moyenne"},
        ),
        (
            "companies",
            {"territory_id": tid, "name": "Forges de l'Orne", "siret": "12345678900012", "employees": 240},
            {"employees": 255},
        ),
        (
            "axes",
            {"territory_id": tid, "code": "ATT", "label": "Attractivité", "colour": "#aa3377", "position": 5},
            {"label": "Attractivité du territoire"},
        ),
        (
            "objectives",
            {
                "territory_id": tid,
                "axis_id": world.axis["INN"],
                "code": "INN.1",
                "title": "Diffuser l'industrie du futur",
            },
            {"title": "Moderniser les PME"},
        ),
        (
            "partners",
            {"action_id": action.id, "actor_id": actor.id, "role": "cofinanceur"},
            {"role": "appui technique"},
        ),
        (
            "funding",
            {
                "action_id": action.id,
                "funder_actor_id": actor.id,
                "programme": "Fonds vert",
                "amount_requested": Decimal("50000"),
                "status": FundingStatus.ENVISAGE,
            },
            {"amount_requested": Decimal("65000.50")},
        ),
        (
            "milestones",
            {"action_id": action.id, "title": "Étude de faisabilité", "due_on": dt.date(2026, 6, 30)},
            {"done_on": dt.date(2026, 6, 15)},
        ),
        (
            "indicators",
            {
                "territory_id": tid,
                "name": "Surface de friches requalifiées",
                "unit": "ha",
                "baseline_value": 0.0,
                "target_value": 12.5,
                "direction": IndicatorDirection.HAUSSE,
            },
            {"target_value": 15.0},
        ),
        (
            "indicator_values",
            {"indicator_id": indicator.id, "measured_on": dt.date(2025, 12, 31), "value": 4.2},
            {"comment": "Relevé DDT"},
        ),
        (
            "updates",
            {
                "action_id": action.id,
                "reported_on": dt.date(2026, 5, 2),
                "status": ActionStatus.EN_COURS,
                "progress": 40,
                "done": "Étude lancée",
            },
            {"alert": True},
        ),
        (
            "meetings",
            {
                "territory_id": tid,
                "kind": MeetingKind.COMITE_TECHNIQUE,
                "held_on": dt.date(2026, 9, 1),
                "place": "Argentan",
            },
            {"notes": "Ordre du jour validé"},
        ),
        ("agenda", {"meeting_id": meeting.id, "action_id": action.id, "title": "Point sur TEC-01"}, {"position": 2}),
        (
            "decisions",
            {
                "meeting_id": meeting.id,
                "action_id": action.id,
                "text": "Relancer l'ADEME",
                "owner_actor_id": actor.id,
                "due_on": dt.date(2026, 4, 30),
            },
            {"state": DecisionState.FAIT},
        ),
    ]


def test_every_entity_can_be_created_read_updated_and_deleted(world: World) -> None:
    for name, values, change in crud_cases(world):
        service = getattr(world.services, name)
        created = service.create(**values)
        assert service.get(created.id) == created, name
        updated = service.update(created.id, **change)
        for field, value in change.items():
            assert getattr(updated, field) == value, (name, field)
        assert created.id in [record.id for record in service.list()], name
        service.delete(created.id)
        with pytest.raises(NotFoundError):
            service.get(created.id)


def test_territory_identity_can_be_edited(world: World) -> None:
    updated = world.services.territories.update(world.territory.id, phase="2023–2027", labelled_on=dt.date(2023, 7, 3))
    assert updated.phase == "2023–2027" and updated.labelled_on == dt.date(2023, 7, 3)


@pytest.mark.parametrize(
    ("service", "values", "words"),
    [
        ("territories", {"name": ""}, "Nom du territoire : ce champ est obligatoire."),
        ("actors", {"name": "X", "kind": "martien"}, "Type d'acteur"),
        ("epcis", {"territory_id": 999, "name": "CC fantôme"}, "Territoire : l'enregistrement n° 999 n'existe pas."),
        ("companies", {"name": "Sans territoire"}, "Territoire : ce champ est obligatoire."),
        (
            "indicators",
            {"name": "Taux", "baseline_on": dt.date(2026, 1, 1), "target_on": dt.date(2025, 1, 1)},
            "Date cible",
        ),
        ("indicator_values", {"measured_on": "2025-01-01", "value": 3.0}, "Date de la mesure"),
    ],
)
def test_invalid_input_names_the_field_in_french(
    world: World, service: str, values: dict[str, Any], words: str
) -> None:
    if service == "indicators":
        values = {"territory_id": world.territory.id, **values}
    if service == "indicator_values":
        indicator = world.services.indicators.create(
            territory_id=world.territory.id, name="Emplois", direction="hausse"
        )
        values = {"indicator_id": indicator.id, **values}
    before = len(getattr(world.services, service).list())
    with pytest.raises(ValidationError) as caught:
        getattr(world.services, service).create(**values)
    assert words in caught.value.message
    assert len(getattr(world.services, service).list()) == before


def test_funding_rules(world: World) -> None:
    action = world.action()
    funding = world.services.funding
    with pytest.raises(ValidationError, match="Montant accordé : il est obligatoire pour un financement « Accordé »"):
        funding.create(action_id=action.id, funder_name="ADEME", amount_requested=Decimal("1"), status="accorde")
    with pytest.raises(ValidationError, match="Date de décision"):
        funding.create(
            action_id=action.id,
            funder_name="ADEME",
            amount_requested=Decimal("1"),
            status="refuse",
            filed_on=dt.date(2025, 5, 1),
            decided_on=dt.date(2025, 4, 1),
        )
    with pytest.raises(ValidationError, match="Financeur"):
        funding.create(action_id=action.id, amount_requested=Decimal("1"), status="envisage")
    assert funding.list(action_id=action.id) == []


def test_a_progress_update_carries_status_and_progress_to_the_action(world: World) -> None:
    action = world.action(progress=10)
    world.services.updates.create(
        action_id=action.id, reported_on=dt.date(2026, 5, 1), status="bloquee", progress=35, alert=True, done="Recours"
    )
    world.services.updates.create(
        action_id=action.id, reported_on=dt.date(2026, 1, 1), status="en_cours", progress=20, done="Plus ancien"
    )
    refreshed = world.services.actions.get(action.id)
    assert (refreshed.status, refreshed.progress) == (ActionStatus.BLOQUEE, 35)
    assert [u.reported_on.month for u in world.services.updates.for_action(action.id)] == [5, 1]


def test_meeting_participants(world: World) -> None:
    s = world.services
    meeting = s.meetings.create(territory_id=world.territory.id, kind="reunion_binome", held_on=dt.date(2026, 2, 2))
    a = s.actors.create(name="Bertrand Leroy", kind="elu")
    b = s.actors.create(name="Anne Roussel", kind="entreprise")
    s.participants.set(meeting.id, {a.id, b.id})
    assert [actor.name for actor in s.participants.of(meeting.id)] == ["Anne Roussel", "Bertrand Leroy"]
    with pytest.raises(ValidationError, match="Participants"):
        s.participants.set(meeting.id, {a.id, 999})
    assert len(s.participants.of(meeting.id)) == 2


def test_territory_resolution(world: World) -> None:
    territories = world.services.territories
    assert territories.resolve(None).id == world.territory.id
    assert territories.resolve(str(world.territory.id)).name == world.territory.name
    assert territories.resolve("vallée de l'orne industrielle").id == world.territory.id
    territories.create(name="Second")
    with pytest.raises(Exception, match="plusieurs territoires"):
        territories.resolve(None)
    with pytest.raises(NotFoundError, match="Aucun territoire « Inconnu »"):
        territories.resolve("Inconnu")
