"""Every enumeration shows the French label users expect, and codes round-trip."""

from __future__ import annotations

import pytest

from ti_desktop.domain.enums import (
    CLOSED_STATUSES,
    SECURED_FUNDING_STATUSES,
    STARTED_STATUSES,
    ActionStatus,
    ActorKind,
    BudgetNature,
    DecisionState,
    FundingStatus,
    GovernanceRole,
    IndicatorDirection,
    MeetingKind,
    MinutesState,
    Priority,
    SeededAxis,
    SwotCategory,
)


def labels(enum) -> list[tuple[str, str]]:
    return [(member.value, member.label) for member in enum]


def test_action_statuses_follow_design_order_with_french_labels():
    assert labels(ActionStatus) == [
        ("en_reflexion", "En réflexion"),
        ("a_venir", "À venir"),
        ("en_cours", "En cours"),
        ("bloquee", "Bloquée"),
        ("en_pause", "En pause"),
        ("realisee", "Réalisée"),
        ("abandonnee", "Abandonnée"),
    ]


def test_funding_statuses_have_french_labels_in_pipeline_order():
    assert labels(FundingStatus) == [
        ("envisage", "Envisagé"),
        ("depose", "Déposé"),
        ("accorde", "Accordé"),
        ("verse", "Versé"),
        ("refuse", "Refusé"),
    ]


def test_swot_categories_are_the_four_afom_categories():
    assert labels(SwotCategory) == [
        ("force", "Force"),
        ("faiblesse", "Faiblesse"),
        ("opportunite", "Opportunité"),
        ("menace", "Menace"),
    ]


def test_actor_kinds_have_french_labels():
    assert labels(ActorKind) == [
        ("elu", "Élu"),
        ("entreprise", "Industriel / entreprise"),
        ("etat", "État"),
        ("region", "Région"),
        ("operateur", "Opérateur"),
        ("epci", "EPCI"),
        ("autre", "Autre"),
    ]


def test_governance_roles_have_french_labels():
    assert labels(GovernanceRole) == [
        ("elu_referent", "Élu référent"),
        ("industriel_referent", "Industriel référent"),
        ("chef_de_projet", "Chef de projet"),
        ("referent_region", "Référent Région"),
        ("referent_etat", "Référent État"),
        ("operateur", "Opérateur"),
    ]


def test_meeting_kinds_have_french_labels():
    assert labels(MeetingKind) == [
        ("comite_pilotage", "Comité de pilotage"),
        ("comite_technique", "Comité technique"),
        ("reunion_binome", "Réunion du binôme"),
        ("autre", "Autre réunion"),
    ]


def test_minutes_states_are_draft_then_validated():
    assert labels(MinutesState) == [("brouillon", "Brouillon"), ("valide", "Validé")]


def test_decision_states_have_french_labels():
    assert labels(DecisionState) == [("a_faire", "À faire"), ("fait", "Fait"), ("abandonne", "Abandonné")]


def test_priorities_go_from_high_to_low():
    assert labels(Priority) == [("haute", "Haute"), ("moyenne", "Moyenne"), ("basse", "Basse")]


def test_budget_natures_and_indicator_directions_have_french_labels():
    assert labels(BudgetNature) == [("investissement", "Investissement"), ("fonctionnement", "Fonctionnement")]
    assert labels(IndicatorDirection) == [("hausse", "À la hausse"), ("baisse", "À la baisse")]


def test_the_four_seeded_axes_are_the_programme_priorities():
    assert labels(SeededAxis) == [
        ("INN", "Innovation"),
        ("COM", "Compétences"),
        ("FON", "Foncier"),
        ("TEC", "Transition écologique"),
    ]


@pytest.mark.parametrize("status", list(ActionStatus))
def test_action_status_round_trips_through_its_code(status):
    assert ActionStatus(status.value) is status
    assert ActionStatus.from_value(str(status)) is status


def test_status_built_from_code_string_is_the_member():
    assert ActionStatus("en_cours") is ActionStatus.EN_COURS
    assert ActionStatus("en_cours") == "en_cours"
    assert ActionStatus.EN_COURS.label == "En cours"


def test_unknown_code_is_refused():
    with pytest.raises(ValueError):
        ActionStatus("En cours")  # a label is not a code


def test_values_lists_codes_in_order():
    assert FundingStatus.values() == ["envisage", "depose", "accorde", "verse", "refuse"]


def test_closed_and_started_statuses():
    assert CLOSED_STATUSES == {ActionStatus.REALISEE, ActionStatus.ABANDONNEE}
    assert STARTED_STATUSES == {
        ActionStatus.EN_COURS,
        ActionStatus.BLOQUEE,
        ActionStatus.EN_PAUSE,
        ActionStatus.REALISEE,
    }


def test_secured_funding_is_granted_or_paid():
    assert SECURED_FUNDING_STATUSES == {FundingStatus.ACCORDE, FundingStatus.VERSE}
