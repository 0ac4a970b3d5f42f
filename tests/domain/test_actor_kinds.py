"""What an actor's kind says about its places (domain/actor_kinds.py), without a database."""

from __future__ import annotations

import datetime as dt

import pytest

from ti_desktop.domain.actor_kinds import (
    elected_referent_choices,
    governance_role_for,
    kind_for_role,
    may_be_elected_referent,
)
from ti_desktop.domain.enums import ActorKind, GovernanceRole
from ti_desktop.domain.records import ActorRecord

WHEN = dt.datetime(2025, 3, 15, 9, 0, tzinfo=dt.UTC)


def actor(actor_id: int, kind: ActorKind) -> ActorRecord:
    return ActorRecord(actor_id, f"Acteur {actor_id}", None, kind, None, None, None, WHEN, WHEN)


def test_an_elected_referent_is_an_elu_or_a_collectivite() -> None:
    assert {kind for kind in ActorKind if may_be_elected_referent(kind)} == {ActorKind.ELU, ActorKind.EPCI}


def test_the_elected_referent_list_keeps_the_one_already_chosen() -> None:
    actors = [actor(i, kind) for i, kind in enumerate(ActorKind, start=1)]
    offered = elected_referent_choices(actors)
    assert [a.kind for a in offered] == [ActorKind.ELU, ActorKind.EPCI]
    company = next(a for a in actors if a.kind is ActorKind.ENTREPRISE)
    kept = elected_referent_choices(actors, current_id=company.id)
    assert [a.kind for a in kept] == [ActorKind.ELU, ActorKind.ENTREPRISE, ActorKind.EPCI]  # in the list's order


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        (ActorKind.ELU, GovernanceRole.ELU_REFERENT),
        (ActorKind.ENTREPRISE, GovernanceRole.INDUSTRIEL_REFERENT),
        (ActorKind.EPCI, GovernanceRole.CHEF_DE_PROJET),
        (ActorKind.REGION, GovernanceRole.REFERENT_REGION),
        (ActorKind.ETAT, GovernanceRole.REFERENT_ETAT),
        (ActorKind.OPERATEUR, GovernanceRole.OPERATEUR),
        (ActorKind.AUTRE, None),
    ],
)
def test_the_governance_role_follows_the_kind(kind: ActorKind, role: GovernanceRole | None) -> None:
    assert governance_role_for(kind) is role


def test_a_newcomer_for_a_role_gets_the_kind_that_suggests_it() -> None:
    for role in GovernanceRole:
        assert governance_role_for(kind_for_role(role)) is role
