"""What an actor's kind says about the places it may take: who may be a fiche's élu référent, which governance
role a newcomer most likely holds, and which kind a new actor created from a given place starts with.

Pure rules over the enums: the pickers of the window (fiche-action, governance) and the tests read them here."""

from __future__ import annotations

from collections.abc import Iterable

from ti_desktop.domain.enums import ActorKind, GovernanceRole
from ti_desktop.domain.records import ActorRecord

# An élu référent is an elected person, or speaks for a collectivité (an EPCI): not a company, not the Région.
ELECTED_REFERENT_KINDS = frozenset({ActorKind.ELU, ActorKind.EPCI})

# The governance role an actor of each kind most likely holds (an « Autre » suggests nothing).
ROLE_OF_KIND: dict[ActorKind, GovernanceRole] = {
    ActorKind.ELU: GovernanceRole.ELU_REFERENT,
    ActorKind.ENTREPRISE: GovernanceRole.INDUSTRIEL_REFERENT,
    ActorKind.EPCI: GovernanceRole.CHEF_DE_PROJET,
    ActorKind.REGION: GovernanceRole.REFERENT_REGION,
    ActorKind.ETAT: GovernanceRole.REFERENT_ETAT,
    ActorKind.OPERATEUR: GovernanceRole.OPERATEUR,
}

# The kind of the actor a role asks for: a new actor created for that role starts with it.
KIND_OF_ROLE: dict[GovernanceRole, ActorKind] = {role: kind for kind, role in ROLE_OF_KIND.items()}


def may_be_elected_referent(kind: ActorKind) -> bool:
    return kind in ELECTED_REFERENT_KINDS


def elected_referent_choices(actors: Iterable[ActorRecord], current_id: int | None = None) -> list[ActorRecord]:
    """The actors a fiche's « Élu référent » list offers: those whose kind fits, and the one already chosen
    whatever its kind (an older fiche keeps showing what it holds)."""
    return [actor for actor in actors if may_be_elected_referent(actor.kind) or actor.id == current_id]


def governance_role_for(kind: ActorKind) -> GovernanceRole | None:
    """The role a member of this kind most likely holds; None when the kind says nothing (« Autre »)."""
    return ROLE_OF_KIND.get(kind)


def kind_for_role(role: GovernanceRole) -> ActorKind:
    """The kind a new actor created for this role starts with."""
    return KIND_OF_ROLE.get(role, ActorKind.AUTRE)
