"""The columns of TI Desktop's own plan workbook, shared by the export, the import template and the
column mapping of arbitrary spreadsheets.

A `PlanField` is what a spreadsheet column can be mapped to. Its `key` is what a user writes in a
`--mapping` file (`{"Intitulé": "titre"}`); its `header` is the column title the export writes and the
template carries; `synonyms` are other headers people use for it (matched after `normalise`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ti_desktop.exchange.french import normalise

FieldKind = Literal[
    "text",
    "code",
    "axis",
    "objective",
    "parent",
    "date",
    "amount",
    "integer",
    "percent",
    "flag",
    "status",
    "priority",
    "funding_status",
    "budget_nature",
    "actor",
]
SheetKind = Literal["actions", "financements", "jalons"]

ACTIONS_SHEET = "Actions"
FUNDING_SHEET = "Financements"
MILESTONES_SHEET = "Jalons"
INDICATORS_SHEET = "Indicateurs"
UPDATES_SHEET = "Suivi"
IGNORE = "ignorer"  # the mapping target meaning "do not read this column"


@dataclass(frozen=True, slots=True)
class PlanField:
    key: str  # mapping key, French snake case: stable, written by users in mapping files
    header: str  # the column title in TI Desktop's workbook
    kind: FieldKind
    attribute: str | None  # the model attribute it fills (None: used to locate the action)
    description: str
    synonyms: tuple[str, ...] = ()
    sheet: SheetKind = "actions"


# Columns locating the action a funding line or a milestone belongs to (same keys as on the actions sheet).
ACTION_CODE = PlanField("code", "Code action", "code", None, "code de l'action concernée", ("code",), "financements")
ACTION_AXIS = PlanField("axe", "Axe", "axis", None, "axe de l'action concernée", ("axe",), "financements")
ACTION_TITLE = PlanField(
    "titre", "Action", "text", None, "intitulé de l'action concernée", ("intitule", "titre"), "financements"
)

ACTION_FIELDS: tuple[PlanField, ...] = (
    PlanField(
        "code",
        "Code",
        "code",
        "code",
        "code de l'action (unique), sert à la retrouver à l'import suivant",
        ("code action", "n°", "numero", "numéro", "ref", "référence", "reference", "id", "identifiant"),
    ),
    PlanField(
        "axe",
        "Axe",
        "axis",
        "axis_id",
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
    ),
    PlanField(
        "objectif",
        "Objectif",
        "objective",
        "objective_id",
        "objectif opérationnel ou sous-axe",
        ("objectif operationnel", "objectif opérationnel", "sous-axe", "sous axe", "sous-axe (x.x)"),
    ),
    PlanField(
        "action_parente",
        "Action parente",
        "parent",
        "parent_id",
        "code (ou intitulé) de l'action dont c'est une sous-action",
        ("parent", "code parent", "action mère"),
    ),
    PlanField(
        "titre",
        "Intitulé",
        "text",
        "title",
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
        ),
    ),
    PlanField(
        "description",
        "Description",
        "text",
        "description",
        "description de l'action",
        ("descriptif", "contenu", "presentation", "présentation", "description de l'action"),
    ),
    PlanField(
        "resultats_attendus",
        "Résultats attendus",
        "text",
        "expected_results",
        "résultats attendus",
        ("objectifs", "resultats", "résultats", "finalite", "finalité"),
    ),
    PlanField(
        "statut",
        "Statut",
        "status",
        "status",
        "En réflexion, À venir, En cours, Bloquée, En pause, Réalisée, Abandonnée",
        ("etat", "état", "etat d'avancement", "état d'avancement", "statut de l'action"),
    ),
    PlanField(
        "priorite",
        "Priorité",
        "priority",
        "priority",
        "Haute, Moyenne ou Basse",
        ("niveau de priorite", "niveau de priorité"),
    ),
    PlanField("a_discuter", "À discuter", "flag", "to_discuss", "Oui si l'action est à discuter en comité", ()),
    PlanField(
        "confidentielle",
        "Confidentielle",
        "flag",
        "confidential",
        "Oui si l'action ne doit pas sortir du territoire",
        ("confidentiel",),
    ),
    PlanField(
        "maitre_ouvrage",
        "Maître d'ouvrage",
        "actor",
        "lead_actor_id",
        "structure qui porte l'action (retrouvée ou ajoutée à l'annuaire)",
        (
            "maitre d'ouvrage",
            "porteur",
            "porteur de projet",
            "structure porteuse",
            "structure pilote",
            "moa",
            "maîtrise d'ouvrage",
            "maitrise d'ouvrage",
        ),
    ),
    PlanField(
        "pilote",
        "Pilote",
        "actor",
        "pilot_actor_id",
        "personne qui pilote l'action",
        ("personne pilote", "referent", "référent", "responsable", "chef de projet"),
    ),
    PlanField(
        "elu_referent",
        "Élu référent",
        "actor",
        "elected_referent_id",
        "élu référent de l'action",
        ("elu referent", "élu·e référent·e", "elue referente", "élu"),
    ),
    PlanField(
        "date_debut",
        "Date de début",
        "date",
        "planned_start",
        "début prévu (15/03/2025)",
        ("debut", "début", "date debut", "démarrage", "demarrage", "date de demarrage", "lancement"),
    ),
    PlanField(
        "date_fin",
        "Date de fin",
        "date",
        "planned_end",
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
        ),
    ),
    PlanField(
        "date_fin_reelle",
        "Date de fin réelle",
        "date",
        "actual_end",
        "date à laquelle l'action s'est achevée",
        ("fin reelle", "fin réelle", "achevee le", "achevée le"),
    ),
    PlanField(
        "avancement",
        "Avancement (%)",
        "percent",
        "progress",
        "avancement de 0 à 100 %",
        ("avancement", "% avancement", "taux d'avancement", "progression"),
    ),
    PlanField(
        "budget",
        "Coût total HT (€)",
        "amount",
        "planned_budget",
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
        ),
    ),
    PlanField(
        "depense",
        "Dépensé à date (€)",
        "amount",
        "spent_to_date",
        "montant déjà dépensé",
        ("depense", "dépensé", "depenses", "dépenses", "consomme", "consommé", "realise €", "réalisé €"),
    ),
    PlanField(
        "nature_budget",
        "Nature du budget",
        "budget_nature",
        "budget_nature",
        "Investissement ou Fonctionnement",
        ("nature", "section", "invest/fonct"),
    ),
    PlanField(
        "emplois_vises",
        "Emplois visés",
        "integer",
        "jobs_targeted",
        "nombre d'emplois visés",
        ("emplois", "emplois crees", "emplois créés", "nombre d'emplois"),
    ),
    PlanField(
        "investissement_induit",
        "Investissement induit (€)",
        "amount",
        "induced_investment",
        "investissement privé induit",
        ("investissement induit", "investissements induits"),
    ),
)

FUNDING_FIELDS: tuple[PlanField, ...] = (
    PlanField(
        "financeur",
        "Financeur",
        "text",
        "funder_name",
        "organisme financeur",
        ("financeur", "cofinanceur", "organisme financeur", "partenaire financier"),
        "financements",
    ),
    PlanField(
        "dispositif",
        "Dispositif",
        "text",
        "programme",
        "programme ou dispositif (Fonds vert, FEDER…)",
        ("programme", "appel a projets", "appel à projets", "ligne"),
        "financements",
    ),
    PlanField(
        "montant_demande",
        "Montant demandé (€)",
        "amount",
        "amount_requested",
        "montant demandé",
        (
            "montant",
            "montant demande",
            "montant demandé",
            "montant sollicite",
            "montant sollicité",
            "montant € ht",
            "subvention demandee",
            "subvention demandée",
        ),
        "financements",
    ),
    PlanField(
        "montant_accorde",
        "Montant accordé (€)",
        "amount",
        "amount_granted",
        "montant accordé",
        ("montant accorde", "montant accordé", "montant obtenu", "subvention accordee", "subvention accordée"),
        "financements",
    ),
    PlanField(
        "statut_financement",
        "Statut du financement",
        "funding_status",
        "status",
        "Envisagé, Déposé, Accordé, Versé ou Refusé",
        ("etat du financement", "état du financement"),
        "financements",
    ),
    PlanField(
        "date_depot",
        "Date de dépôt",
        "date",
        "filed_on",
        "date de dépôt du dossier",
        ("depose le", "déposé le", "date depot"),
        "financements",
    ),
    PlanField(
        "date_decision",
        "Date de décision",
        "date",
        "decided_on",
        "date de la décision du financeur",
        ("decide le", "décidé le", "date decision"),
        "financements",
    ),
)

MILESTONE_FIELDS: tuple[PlanField, ...] = (
    PlanField("jalon", "Jalon", "text", "title", "intitulé du jalon", ("etape", "étape", "jalon"), "jalons"),
    PlanField(
        "jalon_echeance",
        "Échéance",
        "date",
        "due_on",
        "date prévue du jalon",
        ("echeance du jalon", "échéance du jalon", "date prevue", "date prévue"),
        "jalons",
    ),
    PlanField(
        "jalon_realise_le",
        "Réalisé le",
        "date",
        "done_on",
        "date à laquelle le jalon a été atteint",
        ("realise le", "fait le", "atteint le"),
        "jalons",
    ),
)

# Sheets of the workbook, in order, with their columns.
FUNDING_COLUMNS = (ACTION_CODE, ACTION_AXIS, ACTION_TITLE, *FUNDING_FIELDS)
MILESTONE_COLUMNS = (ACTION_CODE, ACTION_AXIS, ACTION_TITLE, *MILESTONE_FIELDS)
ALL_FIELDS: tuple[PlanField, ...] = (*ACTION_FIELDS, *FUNDING_FIELDS, *MILESTONE_FIELDS)
FIELDS_BY_KEY: dict[str, PlanField] = {field.key: field for field in ALL_FIELDS}


def fields_for(kind: SheetKind) -> tuple[PlanField, ...]:
    """The fields a sheet of this kind may hold. On companion sheets `code`, `axe` and `titre` locate the
    action; an actions sheet may also carry one funding line and one milestone per row."""
    if kind == "financements":
        return FUNDING_COLUMNS
    if kind == "jalons":
        return MILESTONE_COLUMNS
    return ALL_FIELDS


def sheet_kind(sheet_name: str) -> SheetKind:
    """A workbook's companion sheets are recognised by name; every other sheet holds actions."""
    name = normalise(sheet_name)
    if name in ("financements", "financement", "plan de financement"):
        return "financements"
    if name in ("jalons", "jalon", "etapes", "calendrier"):
        return "jalons"
    return "actions"
