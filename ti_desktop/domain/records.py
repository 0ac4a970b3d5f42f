"""Plain, immutable records of every entity, as services return them — and the one declaration of each field.

Each field a user edits, or the history shows, carries its `FieldSpec` (`Annotated[type, spec]`): French label,
kind, limits, the entity it refers to, and the plan workbook column it travels in. Validation, history labels,
the field registry, the database's refusals in French and the workbook's columns are derived from it
(`domain.entities`); `tests/domain/test_entities.py` checks that the SQLAlchemy models agree.
Field names mirror the database columns one to one, so services copy rows into records generically;
nothing here is tied to a session, so records travel safely to the GUI thread and to reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from ti_desktop.domain import enums, rules
from ti_desktop.domain.custom_fields import choice_list
from ti_desktop.domain.enums import (
    ActionStatus,
    ActorKind,
    AmountBasis,
    BudgetNature,
    CustomFieldKind,
    DecisionState,
    FundingStatus,
    GovernanceRole,
    IndicatorDirection,
    MeetingKind,
    MinutesState,
    Priority,
    SwotCategory,
)
from ti_desktop.domain.fields import (
    Column,
    choice,
    date,
    derived,
    flag,
    integer,
    lines,
    long_text,
    money,
    number,
    recorded,
    ref,
    text,
)
from ti_desktop.domain.people import person_with_organisation


@dataclass(frozen=True, slots=True)
class TerritoryRecord:
    id: int
    name: Annotated[str, text("Nom du territoire", required=True, max_length=200)]
    national_code: Annotated[str | None, text("Code national", max_length=40)]
    region: Annotated[str | None, text("Région", max_length=100)]
    departments: Annotated[str | None, text("Départements", max_length=300)]
    phase: Annotated[str | None, text("Phase", max_length=40)]
    labelled_on: Annotated[dt.date | None, date("Date de labellisation")]
    carrying_structure: Annotated[str | None, text("Structure porteuse", max_length=300)]
    summary: Annotated[str | None, long_text("Présentation")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class EpciRecord:
    id: int
    territory_id: Annotated[int, ref("Territoire", "territory", required=True)]
    name: Annotated[str, text("Nom de l'intercommunalité", required=True, max_length=200)]
    siren: Annotated[str | None, text("SIREN", max_length=9)]
    population: Annotated[int | None, integer("Population")]
    commune_count: Annotated[int | None, integer("Nombre de communes")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class ActorRecord:
    id: int
    name: Annotated[str, text("Nom", required=True, max_length=200)]
    organisation: Annotated[str | None, text("Organisation", max_length=200)]
    kind: Annotated[ActorKind, choice("Type d'acteur", enums.ActorKind)]
    email: Annotated[str | None, text("Courriel", max_length=200)]
    phone: Annotated[str | None, text("Téléphone", max_length=40)]
    notes: Annotated[str | None, long_text("Notes")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at

    @property
    def display_name(self) -> str:
        return person_with_organisation(self.name, self.organisation)


@dataclass(frozen=True, slots=True)
class TerritoryRoleRecord:
    id: int
    territory_id: Annotated[int, ref("Territoire", "territory", required=True)]
    actor_id: Annotated[int, ref("Acteur", "actor", required=True)]
    role: Annotated[GovernanceRole, choice("Rôle", enums.GovernanceRole)]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class DiagnosticSectionRecord:
    id: int
    territory_id: Annotated[int, ref("Territoire", "territory", required=True)]
    axis_id: Annotated[int | None, ref("Axe", "axis")]
    title: Annotated[str, text("Titre de la section", required=True, max_length=300)]
    text: Annotated[str | None, long_text("Texte")]
    sources: Annotated[str | None, long_text("Sources")]
    position: Annotated[int, integer("Position")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class SwotItemRecord:
    id: int
    territory_id: Annotated[int, ref("Territoire", "territory", required=True)]
    category: Annotated[SwotCategory, choice("Catégorie AFOM", enums.SwotCategory)]
    axis_id: Annotated[int | None, ref("Axe", "axis")]
    text: Annotated[str, text("Texte", required=True, max_length=2000)]
    position: Annotated[int, integer("Position")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class ChallengeRecord:
    id: int
    territory_id: Annotated[int, ref("Territoire", "territory", required=True)]
    axis_id: Annotated[int, ref("Axe", "axis", required=True)]
    title: Annotated[str, text("Titre de l'enjeu", required=True, max_length=300)]
    description: Annotated[str | None, long_text("Description")]
    priority: Annotated[Priority, choice("Priorité", enums.Priority)]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class KeyCompanyRecord:
    id: int
    territory_id: Annotated[int, ref("Territoire", "territory", required=True)]
    name: Annotated[str, text("Raison sociale", required=True, max_length=200)]
    siret: Annotated[str | None, text("SIRET", max_length=14)]
    sector: Annotated[str | None, text("Secteur (NAF)", max_length=200)]
    employees: Annotated[int | None, integer("Effectif")]
    commune: Annotated[str | None, text("Commune", max_length=200)]
    notes: Annotated[str | None, long_text("Notes")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class AxisRecord:
    id: int
    territory_id: Annotated[int | None, ref("Territoire", "territory")]
    code: Annotated[str, text("Code de l'axe", required=True, max_length=10)]
    label: Annotated[str, text("Libellé de l'axe", required=True, max_length=100)]
    colour: Annotated[str, text("Couleur", required=True, max_length=7)]
    position: Annotated[int, integer("Position")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class ObjectiveRecord:
    id: int
    territory_id: Annotated[int, ref("Territoire", "territory", required=True)]
    axis_id: Annotated[int, ref("Axe", "axis", required=True)]
    code: Annotated[str | None, text("Code de l'objectif", max_length=20)]
    title: Annotated[str, text("Titre de l'objectif", required=True, max_length=300)]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class ActionRecord:
    id: int
    territory_id: Annotated[int, ref("Territoire", "territory", required=True)]
    code: Annotated[
        str | None,
        text(
            "Code",
            max_length=20,
            column=Column(
                "code",
                "Code",
                "code de l'action (unique), sert à la retrouver à l'import suivant",
                (
                    "code action",
                    "n°",
                    "numero",
                    "numéro",
                    "ref",
                    "référence",
                    "reference",
                    "id",
                    "identifiant",
                    "n° fiche",
                    "fiche n°",
                    "numéro de fiche",
                    "réf. fiche",
                    "référence fiche",
                    "fiche réf.",
                    "code fiche",
                    "n° fiche action",
                    "fiche action n°",
                    "n° action",
                    "action n°",
                    "numéro d'action",
                    "n° projet",
                    "projet n°",
                    "identifiant fiche",
                ),
                kind="code",
            ),
        ),
    ]
    axis_id: Annotated[
        int,
        ref(
            "Axe",
            "axis",
            required=True,
            column=Column(
                "axe",
                "Axe",
                "axe du plan (Innovation, Compétences, Foncier, Transition écologique…)",
                (
                    "axe du plan",
                    "axe strategique",
                    "axe stratégique",
                    "priorite du programme",
                    "thematique",
                    "thématique",
                    "axe (x)",
                ),
                kind="axis",
            ),
        ),
    ]
    objective_id: Annotated[
        int | None,
        ref(
            "Objectif",
            "objective",
            column=Column(
                "objectif",
                "Objectif",
                "objectif opérationnel ou sous-axe",
                ("objectif operationnel", "objectif opérationnel", "sous-axe", "sous axe", "sous-axe (x.x)"),
                kind="objective",
            ),
        ),
    ]
    parent_id: Annotated[
        int | None,
        ref(
            "Action parente",
            "action",
            column=Column(
                "action_parente",
                "Action parente",
                "code (ou intitulé) de l'action dont c'est une sous-action",
                ("parent", "code parent", "action mère"),
                kind="parent",
            ),
        ),
    ]
    title: Annotated[
        str,
        text(
            "Titre de l'action",
            required=True,
            max_length=300,
            column=Column(
                "titre",
                "Intitulé",
                "intitulé de l'action (obligatoire)",
                (
                    "titre",
                    "titre de l'action",
                    "nom de l'action",
                    "action",
                    "libelle",
                    "libellé",
                    "intitule de l'action",
                    "intitulé de l'action",
                    "fiche action",
                    "fiche-action",
                    "projet",
                    "titre de la fiche action",
                    "titre de la fiche",
                    "intitulé de la fiche action",
                    "intitulé de la fiche",
                    "nom de la fiche",
                    "nom de la fiche action",
                    "nom du projet",
                    "intitulé du projet",
                    "titre du projet",
                    "libellé de l'action",
                    "libellé du projet",
                    "intitulé action",
                    "intitulé de l'opération",
                    "nom de l'opération",
                    "opération",
                ),
            ),
        ),
    ]
    description: Annotated[
        str | None,
        long_text(
            "Description",
            column=Column(
                "description",
                "Description",
                "description de l'action",
                ("descriptif", "contenu", "presentation", "présentation", "description de l'action"),
            ),
        ),
    ]
    expected_results: Annotated[
        str | None,
        long_text(
            "Résultats attendus",
            column=Column(
                "resultats_attendus",
                "Résultats attendus",
                "résultats attendus",
                ("objectifs", "resultats", "résultats", "finalite", "finalité"),
            ),
        ),
    ]
    notes: Annotated[
        str | None,
        long_text(
            "Notes",
            column=Column(
                "notes",
                "Notes",
                "notes libres sur l'action (ce qui ne trouve pas sa place ailleurs)",
                ("notes complémentaires", "remarques", "commentaires", "observations", "note"),
            ),
        ),
    ]
    status: Annotated[
        ActionStatus,
        choice(
            "Statut",
            enums.ActionStatus,
            column=Column(
                "statut",
                "Statut",
                "En réflexion, À venir, En cours, Bloquée, En pause, Réalisée, Abandonnée",
                (
                    "etat",
                    "état",
                    "etat d'avancement",
                    "état d'avancement",
                    "statut de l'action",
                    "statut de la fiche",
                    "statut d'avancement",
                    "état de la fiche",
                    "situation",
                ),
            ),
        ),
    ]
    priority: Annotated[
        Priority,
        choice(
            "Priorité",
            enums.Priority,
            column=Column(
                "priorite", "Priorité", "Haute, Moyenne ou Basse", ("niveau de priorite", "niveau de priorité")
            ),
        ),
    ]
    to_discuss: Annotated[
        bool,
        flag(
            "À discuter en comité",
            column=Column("a_discuter", "À discuter", "Oui si l'action est à discuter en comité"),
        ),
    ]
    confidential: Annotated[
        bool,
        flag(
            "Confidentielle",
            column=Column(
                "confidentielle",
                "Confidentielle",
                "Oui si l'action ne doit pas sortir du territoire",
                ("confidentiel",),
            ),
        ),
    ]
    lead_actor_id: Annotated[
        int | None,
        ref(
            "Porteur",
            "actor",
            column=Column(
                "maitre_ouvrage",  # the mapping key users wrote in their files: kept
                "Porteur",  # the field's label, the same word in the fiche, the plan, the report and the export
                "structure qui porte l'action (retrouvée ou ajoutée à l'annuaire)",
                (
                    "maître d'ouvrage",  # the heading earlier exports wrote: those files still import
                    "maitre d'ouvrage",
                    "porteur de projet",
                    "structure porteuse",
                    "structure pilote",
                    "moa",
                    "maîtrise d'ouvrage",
                    "maitrise d'ouvrage",
                    "porteur du projet",
                    "porteur de l'action",
                    "porteurs",
                    "porteur(s)",
                    "pilote de l'action (structure)",
                    "maître d'ouvrage pressenti",
                    "opérateur",
                ),
                kind="actor",
            ),
        ),
    ]
    pilot_actor_id: Annotated[
        int | None,
        ref(
            "Pilote",
            "actor",
            column=Column(
                "pilote",
                "Pilote",
                "personne qui pilote l'action",
                ("personne pilote", "referent", "référent", "responsable", "chef de projet"),
                kind="actor",
            ),
        ),
    ]
    elected_referent_id: Annotated[
        int | None,
        ref(
            "Élu référent",
            "actor",
            column=Column(
                "elu_referent",
                "Élu référent",
                "élu référent de l'action",
                ("elu referent", "élu·e référent·e", "elue referente", "élu"),
                kind="actor",
            ),
        ),
    ]
    planned_start: Annotated[
        dt.date | None,
        date(
            "Début prévu",
            column=Column(
                "date_debut",
                "Date de début",
                "début prévu (15/03/2025)",
                (
                    "debut",
                    "début",
                    "date debut",
                    "démarrage",
                    "demarrage",
                    "date de demarrage",
                    "lancement",
                    "date de début",
                    "date prévisionnelle de début",
                    "date de début prévisionnelle",
                    "début prévu",
                    "début prévisionnel",
                    "date de lancement",
                    "démarrage prévu",
                    "dates début",
                ),
            ),
        ),
    ]
    planned_end: Annotated[
        dt.date | None,
        date(
            "Fin prévue",
            column=Column(
                "date_fin",
                "Date de fin",
                "fin prévue (15/03/2025)",
                (
                    "fin",
                    "échéance",
                    "echeance",
                    "date d'echeance",
                    "date d'échéance",
                    "date fin",
                    "fin prevue",
                    "fin prévue",
                    "date de fin prevue",
                    "date de fin prévue",
                    "date de fin",
                    "date prévisionnelle de fin",
                    "date de fin prévisionnelle",
                    "fin prévisionnelle",
                    "échéance prévisionnelle",
                    "date d'achèvement prévue",
                    "date prévisionnelle d'achèvement",
                    "achèvement prévu",
                    "date limite",
                    "dates fin",
                ),
            ),
        ),
    ]
    actual_end: Annotated[
        dt.date | None,
        date(
            "Fin réelle",
            column=Column(
                "date_fin_reelle",
                "Date de fin réelle",
                "date à laquelle l'action s'est achevée",
                ("fin reelle", "fin réelle", "achevee le", "achevée le"),
            ),
        ),
    ]
    progress: Annotated[
        int,
        integer(
            "Avancement",
            required=True,
            maximum=100,
            percent=True,
            column=Column(
                "avancement",
                "Avancement (%)",
                "avancement de 0 à 100 %",
                ("avancement", "% avancement", "taux d'avancement", "progression"),
            ),
        ),
    ]
    planned_budget: Annotated[
        Decimal | None,
        money(
            "Budget prévisionnel",
            column=Column(
                "budget",
                "Coût total HT (€)",
                "budget prévisionnel de l'action",
                (
                    "cout total ht",
                    "coût total ht",
                    "cout total",
                    "coût total",
                    "budget",
                    "budget previsionnel",
                    "budget prévisionnel",
                    "montant total",
                    "cout",
                    "coût",
                    "budget previsionnel total € ht",
                    "budget prévisionnel total € ht",
                    "montant",
                    "coût HT",
                    "coût TTC",
                    "budget total",
                    "budget global",
                    "coût global",
                    "montant global",
                    "coût prévisionnel",
                    "coût estimé",
                    "coût estimatif",
                    "montant total du projet",
                    "coût du projet",
                    "coût total du projet",
                    "coût de l'opération",
                    "montant de l'opération",
                    "montant du projet",
                    "budget de l'action",
                    "coût de l'action",
                    "montant des dépenses",
                    "dépenses prévisionnelles",
                    "assiette",
                    "cout total ttc",
                    "coût total ttc",
                    "budget ttc",
                    "budget ht",
                    "montant total ttc",
                ),
            ),
        ),
    ]
    spent_to_date: Annotated[
        Decimal | None,
        money(
            "Dépensé à date",
            column=Column(
                "depense",
                "Dépensé à date (€)",
                "montant déjà dépensé",
                ("depense", "dépensé", "depenses", "dépenses", "consomme", "consommé", "realise €", "réalisé €"),
            ),
        ),
    ]
    budget_nature: Annotated[
        BudgetNature | None,
        choice(
            "Nature du budget",
            enums.BudgetNature,
            required=False,
            column=Column(
                "nature_budget",
                "Nature du budget",
                "Investissement ou Fonctionnement",
                ("nature", "section", "invest/fonct"),
            ),
        ),
    ]
    # What the budget's amounts include: HT (before VAT, the programme's basis) or TTC; None: not said, HT assumed.
    budget_basis: Annotated[
        AmountBasis | None,
        choice(
            "Base du budget",
            enums.AmountBasis,
            required=False,
            column=Column(
                "base_budget",
                "Base du budget",
                "HT ou TTC : ce que comprennent les montants du budget (vide : HT)",
                ("budget ht/ttc", "ht/ttc", "ht ou ttc", "base ht/ttc"),
            ),
        ),
    ]
    jobs_targeted: Annotated[
        int | None,
        integer(
            "Emplois visés",
            filterable=True,
            column=Column(
                "emplois_vises",
                "Emplois visés",
                "nombre d'emplois visés",
                ("emplois", "emplois vises", "emplois cibles", "emplois ciblés", "nombre d'emplois"),
            ),
        ),
    ]
    # What the action achieved, beside what it targets: the figures the programme reports nationally.
    jobs_created: Annotated[
        int | None,
        integer(
            "Emplois créés (constatés)",
            filterable=True,
            column=Column(
                "emplois_crees",
                "Emplois créés (constatés)",
                "nombre d'emplois effectivement créés",
                ("emplois crees", "emplois créés", "emplois constates", "emplois constatés", "emplois réalisés"),
            ),
        ),
    ]
    induced_investment: Annotated[
        Decimal | None,
        money(
            "Investissement induit",
            filterable=True,
            column=Column(
                "investissement_induit",
                "Investissement induit (€)",
                "investissement privé induit",
                ("investissement induit", "investissements induits"),
            ),
        ),
    ]
    achieved_investment: Annotated[
        Decimal | None,
        money(
            "Investissement réalisé",
            filterable=True,
            column=Column(
                "investissement_realise",
                "Investissement réalisé (€)",
                "investissement effectivement réalisé",
                ("investissement realise", "investissement réalisé", "investissements réalisés", "investi"),
            ),
        ),
    ]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at

    def is_late(self, today: dt.date) -> bool:
        return rules.is_action_late(self.status, self.planned_end, today)


@dataclass(frozen=True, slots=True)
class ActionPartnerRecord:
    id: int
    action_id: Annotated[int, ref("Action", "action", required=True)]
    actor_id: Annotated[int, ref("Partenaire", "actor", required=True)]
    role: Annotated[str | None, text("Rôle du partenaire", max_length=200)]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class FundingLineRecord:
    id: int
    action_id: Annotated[int, ref("Action", "action", required=True)]
    funder_actor_id: Annotated[int | None, ref("Financeur", "actor")]
    funder_name: Annotated[
        str | None,
        text(
            "Financeur",
            max_length=200,
            column=Column(
                "financeur",
                "Financeur",
                "organisme financeur",
                (
                    "financeur",
                    "cofinanceur",
                    "organisme financeur",
                    "partenaire financier",
                    "financeur principal",
                    "financeurs",
                    "financeur(s)",
                    "cofinanceurs",
                    "co-financeur",
                    "co-financeurs",
                    "partenaires financiers",
                    "financeur sollicité",
                    "financeurs sollicités",
                    "financeur pressenti",
                    "financeurs pressentis",
                    "nom du financeur",
                    "financeur nom",
                    "financeur organisme",
                    "source de financement",
                    "origine du financement",
                ),
            ),
        ),
    ]
    programme: Annotated[
        str | None,
        text(
            "Programme / dispositif",
            max_length=200,
            column=Column(
                "dispositif",
                "Dispositif",
                "programme ou dispositif (Fonds vert, FEDER…)",
                ("programme", "appel a projets", "appel à projets", "ligne"),
            ),
        ),
    ]
    amount_requested: Annotated[
        Decimal,
        money(
            "Montant demandé",
            required=True,
            column=Column(
                "montant_demande",
                "Montant demandé (€)",
                "montant demandé",
                (
                    "montant",
                    "montant demande",
                    "montant demandé",
                    "montant sollicite",
                    "montant sollicité",
                    "montant € ht",
                    "montant ht",
                    "montant ttc",
                    "subvention demandee",
                    "subvention demandée",
                    "subvention",
                    "subventions",
                    "aide",
                    "aides",
                    "montant sollicitée",
                    "montant demandée",
                    "demandé",
                    "sollicité",
                    "subvention sollicitée",
                    "subvention sollicite",
                    "aide sollicitée",
                    "aide demandée",
                    "montant de l'aide",
                    "montant de l'aide sollicitée",
                    "montant de la subvention",
                    "montant de la subvention sollicitée",
                    "montant aide",
                    "montant subvention",
                    "financeur montant",
                    "montant financeur",
                    "montant du financeur",
                    "montant du financement",
                    "montant financement",
                    "financement sollicité",
                    "financement demandé",
                ),
            ),
        ),
    ]
    amount_granted: Annotated[
        Decimal | None,
        money(
            "Montant accordé",
            column=Column(
                "montant_accorde",
                "Montant accordé (€)",
                "montant accordé",
                ("montant accorde", "montant accordé", "montant obtenu", "subvention accordee", "subvention accordée"),
            ),
        ),
    ]
    status: Annotated[
        FundingStatus,
        choice(
            "Statut du financement",
            enums.FundingStatus,
            column=Column(
                "statut_financement",
                "Statut du financement",
                "Envisagé, Déposé, Accordé, Versé ou Refusé",
                ("etat du financement", "état du financement"),
            ),
        ),
    ]
    filed_on: Annotated[
        dt.date | None,
        date(
            "Date de dépôt",
            column=Column(
                "date_depot", "Date de dépôt", "date de dépôt du dossier", ("depose le", "déposé le", "date depot")
            ),
        ),
    ]
    decided_on: Annotated[
        dt.date | None,
        date(
            "Date de décision",
            column=Column(
                "date_decision",
                "Date de décision",
                "date de la décision du financeur",
                ("decide le", "décidé le", "date decision"),
            ),
        ),
    ]
    # What the line's amounts include: HT or TTC; None: not said, HT assumed.
    basis: Annotated[
        AmountBasis | None,
        choice(
            "Base des montants",
            enums.AmountBasis,
            required=False,
            column=Column(
                "base_montant",
                "Base des montants",
                "HT ou TTC : ce que comprennent les montants du financement (vide : HT)",
                ("montant ht/ttc", "base du montant"),
            ),
        ),
    ]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class MilestoneRecord:
    id: int
    action_id: Annotated[int, ref("Action", "action", required=True)]
    title: Annotated[
        str,
        text(
            "Intitulé du jalon",
            required=True,
            max_length=300,
            column=Column("jalon", "Jalon", "intitulé du jalon", ("etape", "étape", "jalon")),
        ),
    ]
    due_on: Annotated[
        dt.date | None,
        date(
            "Échéance",
            column=Column(
                "jalon_echeance",
                "Échéance",
                "date prévue du jalon",
                ("echeance du jalon", "échéance du jalon", "date prevue", "date prévue"),
            ),
        ),
    ]
    done_on: Annotated[
        dt.date | None,
        date(
            "Date de réalisation",
            column=Column(
                "jalon_realise_le",
                "Réalisé le",
                "date à laquelle le jalon a été atteint",
                ("realise le", "fait le", "atteint le"),
            ),
        ),
    ]
    position: Annotated[int, integer("Position")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at

    def is_overdue(self, today: dt.date) -> bool:
        return rules.is_milestone_overdue(self.due_on, self.done_on, today)


@dataclass(frozen=True, slots=True)
class IndicatorRecord:
    id: int
    territory_id: Annotated[int, ref("Territoire", "territory", required=True)]
    action_id: Annotated[int | None, ref("Action", "action")]
    axis_id: Annotated[int | None, ref("Axe", "axis")]
    name: Annotated[str, text("Nom de l'indicateur", required=True, max_length=300)]
    unit: Annotated[str | None, text("Unité", max_length=50)]
    source: Annotated[str | None, text("Source", max_length=300)]
    baseline_value: Annotated[float | None, number("Valeur de référence")]
    baseline_on: Annotated[dt.date | None, date("Date de référence")]
    target_value: Annotated[float | None, number("Valeur cible")]
    target_on: Annotated[dt.date | None, date("Date cible")]
    direction: Annotated[IndicatorDirection, choice("Sens d'amélioration", enums.IndicatorDirection)]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class IndicatorValueRecord:
    id: int
    indicator_id: Annotated[int, ref("Indicateur", "indicator", required=True)]
    measured_on: Annotated[dt.date, date("Date de la mesure", required=True)]
    value: Annotated[float, number("Valeur", required=True)]
    comment: Annotated[str | None, text("Commentaire", max_length=2000)]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class ProgressUpdateRecord:
    id: int
    action_id: Annotated[int, ref("Action", "action", required=True)]
    reported_on: Annotated[dt.date, date("Date du point", required=True)]
    author: Annotated[str | None, text("Auteur", max_length=200)]
    status: Annotated[ActionStatus, choice("Statut", enums.ActionStatus)]
    progress: Annotated[int, integer("Avancement", required=True, maximum=100, percent=True)]
    done: Annotated[str | None, long_text("Réalisé")]
    difficulties: Annotated[str | None, long_text("Difficultés")]
    next_steps: Annotated[str | None, long_text("Prochaines étapes")]
    alert: Annotated[bool, flag("Alerte")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    id: int
    territory_id: Annotated[int, ref("Territoire", "territory", required=True)]
    kind: Annotated[MeetingKind, choice("Type de réunion", enums.MeetingKind)]
    held_on: Annotated[dt.date, date("Date de la réunion", required=True)]
    place: Annotated[str | None, text("Lieu", max_length=300)]
    notes: Annotated[str | None, long_text("Notes")]
    minutes_state: Annotated[MinutesState, choice("État du compte rendu", enums.MinutesState)]
    closed_at: Annotated[dt.datetime | None, recorded("Clôture de la réunion")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class AgendaItemRecord:
    id: int
    meeting_id: Annotated[int, ref("Réunion", "meeting", required=True)]
    action_id: Annotated[int | None, ref("Action", "action")]
    title: Annotated[str, text("Point de l'ordre du jour", required=True, max_length=300)]
    position: Annotated[int, integer("Position")]
    notes: Annotated[str | None, long_text("Notes")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    id: int
    meeting_id: Annotated[int, ref("Réunion", "meeting", required=True)]
    action_id: Annotated[int | None, ref("Action", "action")]
    text: Annotated[str, text("Décision", required=True, max_length=2000)]
    owner_actor_id: Annotated[int | None, ref("Responsable", "actor")]
    due_on: Annotated[dt.date | None, date("Échéance")]
    state: Annotated[DecisionState, choice("État de la décision", enums.DecisionState)]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class AttachmentRecord:
    id: int
    action_id: Annotated[int | None, recorded("Action", "ref", "action")]
    meeting_id: Annotated[int | None, recorded("Réunion", "ref", "meeting")]
    title: Annotated[str, recorded("Titre")]
    stored_path: Annotated[str, recorded("Fichier")]
    original_name: Annotated[str, recorded("Nom du fichier")]
    size_bytes: Annotated[int, recorded("Taille", "int")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class CustomFieldRecord:
    """A territory's own field (« champ personnalisé »): kept from an imported column or made by the user; every
    fiche of the territory may have a value of it (`CustomValueRecord`). See `domain.custom_fields`."""

    id: int
    territory_id: Annotated[int, ref("Territoire", "territory", required=True)]
    name: Annotated[str, text("Nom du champ", required=True, max_length=100)]
    # The name's comparable form (no case, no accents), unique in the territory: set from the name.
    name_key: Annotated[str, derived("Nom du champ (forme comparable)")]
    kind: Annotated[CustomFieldKind, choice("Type du champ", enums.CustomFieldKind)]
    choices: Annotated[str | None, lines("Choix de la liste")]  # a list's choices, one per line
    position: Annotated[int, integer("Position")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at

    @property
    def choice_list(self) -> tuple[str, ...]:
        return choice_list(self.choices)


@dataclass(frozen=True, slots=True)
class CustomValueRecord:
    """An action's value of a custom field, stored as text in the form `domain.custom_fields.encode` writes. Part of
    its action: the action's version covers it, and the action's history shows its changes."""

    id: int
    action_id: Annotated[int, ref("Action", "action", required=True)]
    field_id: Annotated[int, ref("Champ personnalisé", "custom_field", required=True)]
    value: Annotated[str, text("Valeur", required=True, max_length=100_000)]
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ChangeLogRecord:
    id: int
    changed_at: dt.datetime
    user: str
    territory_id: int | None
    action_id: int | None
    entity: str
    entity_id: int
    field: str | None
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True, slots=True)
class SnapshotRecord:
    id: int
    territory_id: int
    taken_at: dt.datetime
    label: str
    meeting_id: int | None
    payload: str
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ReceivedReportRecord:
    """A territory's progress report as a Région received and checked it (`services.consolidation`): the
    document's data (the JSON text of a `ti-desktop/rapport-avancement` document's `data`) and where it came from.
    One per territory and period: a newer report of the same period replaces it. Its history is written by the
    service (added, replaced, removed), not field by field: `data` is far too long for the history."""

    id: int
    territory_key: Annotated[str, derived("Territoire (forme comparable)")]
    territory_name: Annotated[str, recorded("Territoire")]
    region: Annotated[str | None, recorded("Région")]
    period_from: Annotated[dt.date, recorded("Début de la période", "date")]
    period_to: Annotated[dt.date, recorded("Fin de la période", "date")]
    generated_on: Annotated[dt.date, recorded("Généré le", "date")]
    schema_version: Annotated[int, recorded("Version du schéma", "int")]
    sha256: Annotated[str, recorded("Empreinte SHA-256")]
    data: Annotated[str, derived("Données du rapport")]
    source: Annotated[str, recorded("Fichier reçu")]
    received_at: Annotated[dt.datetime, recorded("Reçu le")]
    received_by: Annotated[str, recorded("Reçu par")]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1
