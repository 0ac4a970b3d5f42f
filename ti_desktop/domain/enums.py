"""Every enumeration of the domain, with the French label users see.

The value (stored in the database, used in files and on the command line) is a stable ASCII code;
the label is what the interface and the reports show.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a French label."""

    label: str

    def __new__(cls, value: str, label: str = "") -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def from_value(cls, value: str) -> LabelledEnum:
        return cls(value)

    @classmethod
    def values(cls) -> list[str]:
        return [member.value for member in cls]


class ActionStatus(LabelledEnum):
    EN_REFLEXION = "en_reflexion", "En réflexion"
    A_VENIR = "a_venir", "À venir"
    EN_COURS = "en_cours", "En cours"
    BLOQUEE = "bloquee", "Bloquée"
    EN_PAUSE = "en_pause", "En pause"
    REALISEE = "realisee", "Réalisée"
    ABANDONNEE = "abandonnee", "Abandonnée"


class Priority(LabelledEnum):
    HAUTE = "haute", "Haute"
    MOYENNE = "moyenne", "Moyenne"
    BASSE = "basse", "Basse"


class FundingStatus(LabelledEnum):
    ENVISAGE = "envisage", "Envisagé"
    DEPOSE = "depose", "Déposé"
    ACCORDE = "accorde", "Accordé"
    VERSE = "verse", "Versé"
    REFUSE = "refuse", "Refusé"


class SwotCategory(LabelledEnum):
    FORCE = "force", "Force"
    FAIBLESSE = "faiblesse", "Faiblesse"
    OPPORTUNITE = "opportunite", "Opportunité"
    MENACE = "menace", "Menace"


class ActorKind(LabelledEnum):
    ELU = "elu", "Élu"
    ENTREPRISE = "entreprise", "Industriel / entreprise"
    ETAT = "etat", "État"
    REGION = "region", "Région"
    OPERATEUR = "operateur", "Opérateur"
    EPCI = "epci", "EPCI"
    AUTRE = "autre", "Autre"


class GovernanceRole(LabelledEnum):
    ELU_REFERENT = "elu_referent", "Élu référent"
    INDUSTRIEL_REFERENT = "industriel_referent", "Industriel référent"
    CHEF_DE_PROJET = "chef_de_projet", "Chef de projet"
    REFERENT_REGION = "referent_region", "Référent Région"
    REFERENT_ETAT = "referent_etat", "Référent État"
    OPERATEUR = "operateur", "Opérateur"


class MeetingKind(LabelledEnum):
    COMITE_PILOTAGE = "comite_pilotage", "Comité de pilotage"
    COMITE_TECHNIQUE = "comite_technique", "Comité technique"
    REUNION_BINOME = "reunion_binome", "Réunion du binôme"
    AUTRE = "autre", "Autre réunion"


class MinutesState(LabelledEnum):
    BROUILLON = "brouillon", "Brouillon"
    VALIDE = "valide", "Validé"


class DecisionState(LabelledEnum):
    A_FAIRE = "a_faire", "À faire"
    FAIT = "fait", "Fait"
    ABANDONNE = "abandonne", "Abandonné"


class BudgetNature(LabelledEnum):
    INVESTISSEMENT = "investissement", "Investissement"
    FONCTIONNEMENT = "fonctionnement", "Fonctionnement"


class IndicatorDirection(LabelledEnum):
    HAUSSE = "hausse", "À la hausse"
    BAISSE = "baisse", "À la baisse"


class SeededAxis(LabelledEnum):
    """The programme's four priorities, present in every database."""

    INNOVATION = "INN", "Innovation"
    COMPETENCES = "COM", "Compétences"
    FONCIER = "FON", "Foncier"
    TRANSITION_ECOLOGIQUE = "TEC", "Transition écologique"


SEEDED_AXIS_COLOURS: dict[SeededAxis, str] = {
    SeededAxis.INNOVATION: "#1f6feb",
    SeededAxis.COMPETENCES: "#8250df",
    SeededAxis.FONCIER: "#bf8700",
    SeededAxis.TRANSITION_ECOLOGIQUE: "#1a7f37",
}

# One colour per action status, shared by the application and the reports. Each stands out from white at 3:1 at
# least (WCAG 1.4.11, checked by tests/gui/test_contrast.py), and dark or white text reads on it at 4.5:1.
STATUS_COLOURS: dict[ActionStatus, str] = {
    ActionStatus.EN_REFLEXION: "#808a95",
    ActionStatus.A_VENIR: "#218bff",
    ActionStatus.EN_COURS: "#0969da",
    ActionStatus.BLOQUEE: "#cf222e",
    ActionStatus.EN_PAUSE: "#b08800",
    ActionStatus.REALISEE: "#1a7f37",
    ActionStatus.ABANDONNEE: "#57606a",
}

# Statuses whose action is over: never late, never "to do".
CLOSED_STATUSES = frozenset({ActionStatus.REALISEE, ActionStatus.ABANDONNEE})
# Statuses of an action whose work has begun (used for "% engagées").
STARTED_STATUSES = frozenset(
    {ActionStatus.EN_COURS, ActionStatus.BLOQUEE, ActionStatus.EN_PAUSE, ActionStatus.REALISEE}
)
# Funding is secured once granted (accordé) or paid (versé).
SECURED_FUNDING_STATUSES = frozenset({FundingStatus.ACCORDE, FundingStatus.VERSE})
# Funding that has been filed with a funder and not refused.
REQUESTED_FUNDING_STATUSES = frozenset({FundingStatus.DEPOSE, FundingStatus.ACCORDE, FundingStatus.VERSE})


class CustomFieldKind(LabelledEnum):
    """The kind of a territory's own field (« champ personnalisé »), kept from a column of an imported workbook or
    created by the user: what its values are and how they are shown, edited, filtered and exported."""

    TEXT = "texte", "Texte"
    NUMBER = "nombre", "Nombre"
    AMOUNT = "montant", "Montant en €"
    DATE = "date", "Date"
    FLAG = "oui_non", "Oui / Non"
    CHOICE = "liste", "Liste de choix"


class AmountBasis(LabelledEnum):
    """Whether an amount is before tax (HT, the programme's usual basis) or includes VAT (TTC): kept with the
    amount as the file or the user gave it, never converted."""

    HT = "ht", "HT"
    TTC = "ttc", "TTC"
