"""The three Territoires en Transitions (TeT) plan layouts TI Desktop reads, and which columns hold what.

- **legacy**: the 28 columns TeT's importer checks one by one (`LEGACY_COLUMNS`), header on row 2 with
  A2 = "Axe (x)", filling instructions on row 3, fiches from row 4. Read by position, refused when out of order.
- **template**: TeT's current import template `modele-import-pa.xlsx` (sheet « Fichier dimport »): a group row 1,
  the 33 headers of `TEMPLATE_COLUMNS` on row 2, field types on row 3, instructions on row 4, fiches from row 5
  (row 5 first holds TeT's example fiche). Read by header.
- **export**: TeT's own plan export (sheet « Plan »): section labels on row 1, headers on row 2, fiches from row 3;
  a column left empty for every fiche is dropped, so the columns vary. Its funders' amounts are « Montant (TTC) ».
  Layout from TeT's source, `apps/backend/src/plans/fiches/export/sections.ts` and `export-plan.xlsx.ts` of
  github.com/incubateur-ademe/territoires-en-transitions (before and after commit a278c0bd5c). Read by header.

No reading here: `tet` reads the rows through the `Columns` a layout gives.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ti_desktop.domain.enums import AmountBasis, BudgetNature, CustomFieldKind
from ti_desktop.exchange.french import normalise, parse_text
from ti_desktop.exchange.tabular import RawSheet

TetLayout = Literal["legacy", "template", "export"]
LAYOUT_LABELS: dict[TetLayout, str] = {
    "legacy": "ancien modèle d'import à 28 colonnes",
    "template": "modèle d'import actuel",
    "export": "export de plan de Territoires en Transitions",
}
HEADER_ROW = 2  # every layout has its headers on row 2
FIRST_DATA_ROWS: dict[TetLayout, int] = {"legacy": 4, "template": 5, "export": 3}

LEGACY_COLUMNS = (
    "Axe (x)",
    "Sous-axe (x.x)",
    "Sous-sous axe (x.x.x)",
    "Titre de l'action",
    "Titre de la sous-action",
    "Descriptif",
    "Instances de gouvernance",
    "Objectifs",
    "Indicateurs liés",
    "Structure pilote",
    "Moyens humains et techniques",
    "Partenaires",
    "Direction ou service pilote",
    "Personne pilote",
    "Élu·e référent·e",
    "Participation Citoyenne",
    "Financements",
    "Financeur 1",
    "Montant € HT",
    "Financeur 2",
    "Montant € HT",
    "Financeur 3",
    "Montant € HT",
    "Budget prévisionnel total € HT",
    "Statut",
    "Niveau de priorité",
    "Date de début",
    "Date de fin",
)


@dataclass(frozen=True, slots=True)
class TemplateColumn:
    header: str  # row 2, as TeT writes it (trailing spaces included)
    kind: str  # row 3: the field's type
    instruction: str | None  # row 4: how to fill it in
    imported: bool = True  # False: a red column, kept in the file but not imported by TeT


_NOT_IMPORTED = (
    "Ce champ ne sera pas intégré lors de l'importation.\nIl est présent dans le fichier pour vous permettre de "
    "centraliser vos informations afin de les saisir directement sur la plateforme."
)
_SAME_SPELLING = (
    "➔ Utilisez exactement la même écriture pour chaque intitulé dans toutes les fiches afin d'éviter les doublons "
    "sur la plateforme.\n➔ Séparez plusieurs intitulés par des virgules."
)
_WHOLE_NUMBER = (
    'Saisissez un nombre entier, sans espaces, ni symboles (pas de € ni "HT"). \n\n'
    "Exemple : tapez 124566 pour 124 566 € HT."
)
_ONE_CHOICE = "Choisissez l'option qui correspond le mieux dans la liste déroulante aux réponses (choix unique)."
_NUMBERED = (
    "Si vos {what} sont numérotés, indiquez d'abord :\n- le numéro \n- suivi d'un point et \n- d'un espace, \n"
    "- puis le titre.\n(exemple : {example})"
)
_LIST = "Champ texte\n(séparateur virgule)"
_KEY_LIST = "Champ texte 🟢 Clé pour le pilotage\n(séparateur virgule)"
_KEY_CHOICE = "Champ liste déroulante 🟢 Clé pour le pilotage\n(choix prédéfinis)"
_FUNDER = TemplateColumn("Financeur {n}", _LIST, _SAME_SPELLING)
_AMOUNT = TemplateColumn("Montant € HT", "Champ numérique", _WHOLE_NUMBER)
_NO_SPECIAL = "➔ N'utilisez pas de caractères spéciaux : - / : <> +"

TEMPLATE_SHEET = "Fichier dimport"  # sic: TeT's template has no apostrophe
TEMPLATE_COLUMNS = (
    TemplateColumn("Axe (x)", "Champ texte", _NUMBERED.format(what="axes", example="1. Titre")),
    TemplateColumn("Sous-axe (x.x)", "Champ texte", _NUMBERED.format(what="sous-axes", example="1.1. Sous-titre")),
    TemplateColumn(
        "Sous-sous axe (x.x.x)", "Champ texte", _NUMBERED.format(what="sous-sous-axes", example="1.1.1. Sous-titre")
    ),
    TemplateColumn(
        "Titre de la fiche action",
        "Champ texte",
        "Texte court de 300 caractères maximum, espaces compris. \n\n"
        "La cellule passe en rouge si ce seuil est dépassé.",
    ),
    TemplateColumn("Titre de la sous-action", "Champ texte non importé", _NOT_IMPORTED, imported=False),
    TemplateColumn("Descriptif", "Champ texte ", "Présentez en quelques lignes le descriptif."),
    TemplateColumn("Instances de gouvernance", "Champ texte", None),
    TemplateColumn(
        "Objectifs",
        "Champ texte",
        "Reseignez ici le nom et les objectifs des indicateurs liés à cette fiche action. Cela vous permettra de les "
        "associer facilement une fois sur la plateforme.",
    ),
    TemplateColumn(
        "Indicateurs liés", "Champ texte non importé\n🟢 Clé pour le pilotage", _NOT_IMPORTED, imported=False
    ),
    TemplateColumn("Structure pilote", _LIST, _SAME_SPELLING),
    TemplateColumn("Moyens humains et techniques", "Champ texte", None),
    TemplateColumn("Partenaires ", _LIST, _SAME_SPELLING),
    TemplateColumn(
        "Direction ou service pilote",
        _LIST,
        "Plusieurs services peuvent être indiqués.\n➔ Utilisez exactement la même écriture pour chaque intitulé "
        f"dans toutes les fiches.\n➔ Séparez plusieurs intitulés par des virgules.\n{_NO_SPECIAL}",
    ),
    TemplateColumn(
        "Personne pilote",
        _KEY_LIST,
        'Créez sous la forme : "Prénom NOM" : la "personne pilote" permet de personnaliser votre suivi dans le '
        "tableau de bord. Il peut s'agir de vous (si vous pilotez l'ensemble du plan) et/ou de la personne en charge "
        "de la fiche.\nPlusieurs personnes peuvent être indiquées.\n➔ Utilisez exactement la même écriture pour "
        f"chaque intitulé dans toutes les fiches.\n➔ Séparez plusieurs intitulés par des virgules.\n{_NO_SPECIAL}",
    ),
    TemplateColumn(
        "Élu·e référent·e ",
        _KEY_LIST,
        'Créez sous la forme : "Prénom NOM"\n➔ Utilisez exactement la même écriture pour chaque intitulé dans toutes '
        "les fiches afin d'éviter les doublons sur la plateforme.\n➔ Séparez plusieurs intitulés par des virgules.",
    ),
    TemplateColumn(
        "Participation Citoyenne",
        "Champ liste déroulante \n(choix prédéfinis)",
        f"{_ONE_CHOICE}\n\nD'autres choix pourront être ajoutés ultérieurement sur la plateforme",
    ),
    TemplateColumn("Financements", "Champ texte libre", None),
    TemplateColumn(_FUNDER.header.format(n=1), _FUNDER.kind, _FUNDER.instruction),
    _AMOUNT,
    TemplateColumn(_FUNDER.header.format(n=2), _FUNDER.kind, _FUNDER.instruction),
    _AMOUNT,
    TemplateColumn(_FUNDER.header.format(n=3), _FUNDER.kind, _FUNDER.instruction),
    _AMOUNT,
    TemplateColumn("Budget prévisionnel total € HT", "Champ numérique", _WHOLE_NUMBER),
    TemplateColumn("Statut ", _KEY_CHOICE, _ONE_CHOICE),
    TemplateColumn("Niveau de priorité", _KEY_CHOICE, _ONE_CHOICE),
    TemplateColumn("Date de début", "Champ date", "Saisissez une date sous le format JJ/MM/AAAA"),
    TemplateColumn(
        "Date de fin",
        "Champ date",
        "Saisissez une date sous le format JJ/MM/AAAA\n\nIl est possible d'indiquer une date antérieure à "
        "aujourd'hui si nécessaire.",
    ),
    TemplateColumn(
        "Action en amélioration continue",
        "Champ binaire",
        "Indiquer si l'action est en amélioration continue (sans durée définie).\n\nIndications :\n"
        "- Amélioration continue (non limitée dans le temps) : VRAI\n- Action à durée définie : FAUX",
    ),
    TemplateColumn("Mesures liées", "Champ texte non importé", _NOT_IMPORTED, imported=False),
    TemplateColumn("Actions liées", "Champ texte non importé", _NOT_IMPORTED, imported=False),
    TemplateColumn("Notes", "Champ texte non importé", _NOT_IMPORTED, imported=False),
    TemplateColumn("Documents et liens", "Champ texte non importé", _NOT_IMPORTED, imported=False),
)
# What the template's example fiche says in the columns TeT does not import: no data of the user's.
TEMPLATE_PLACEHOLDER = "Ces informations devront être saisies directement sur la plateforme après l'import."
# Row 1 of the template: (first column, label) of each group of columns.
TEMPLATE_GROUPS = (
    (0, "Présentation de l’action"),
    (7, "Objectifs et indicateurs"),
    (9, "Acteurs"),
    (16, "Modalités de mise en oeuvre "),
    (29, "Actions liées"),
)
# TeT's example fiche on row 5 of the template, recognised by these cells (index → text, compared stripped).
TEMPLATE_EXAMPLE = {
    0: "1. Un territoire désirable qui allie bien-être, résilience et adaptation aux changements climatiques",
    3: "Action 1 - Assurer la coordination de la transition écologique\n (ou)\n1.1.1.1. Assurer la coordination de "
    "la transition écologique",
}

Role = Literal[
    "axis",
    "title",
    "sub_title",
    "description",
    "expected_results",
    "lead",
    "pilot",
    "referent",
    "status",
    "priority",
    "start",
    "end",
    "budget",
    "funder",
    "amount_ht",
    "amount_ttc",
    "notes",
    "confidential",
    "funding_text",
]
# What each header of the template and of TeT's export holds, by normalised header; every other header is kept
# as a custom field. Axis levels (« Axe (x) », « Sous-axe (x.x) », « x.x.x.x »…) are recognised by `_AXIS_LEVEL`.
_ROLE_HEADERS: tuple[tuple[str, Role], ...] = (
    ("Titre de la fiche action", "title"),
    ("Titre de l'action", "title"),
    ("Titre de la sous-action", "sub_title"),
    ("Descriptif", "description"),
    ("Objectifs", "expected_results"),
    ("Structure pilote", "lead"),
    ("Personne pilote", "pilot"),
    ("Élu·e référent·e", "referent"),
    ("Statut", "status"),
    ("Niveau de priorité", "priority"),
    ("Date de début", "start"),
    ("Date de fin", "end"),
    ("Budget prévisionnel total € HT", "budget"),
    ("Montant € HT", "amount_ht"),
    ("Montant (TTC)", "amount_ttc"),
    ("Notes", "notes"),
    ("Notes complémentaires", "notes"),
    ("Confidentialité de la fiche", "confidential"),
    ("Confidentialité de l'action", "confidential"),
    ("Financements", "funding_text"),
)
_ROLES: dict[str, Role] = {normalise(header): role for header, role in _ROLE_HEADERS}
# The export's budgets, one text column per nature (`format.ts`: per year, then « Total en € HT (…): » with its
# « - 120000 € HT prévisionnels » and « - 5000 € HT dépensés » lines). Kept as custom fields, their totals read too.
BUDGET_TEXTS: dict[str, BudgetNature] = {
    normalise("Budgets de fonctionnement"): BudgetNature.FONCTIONNEMENT,
    normalise("Budgets d'investissement"): BudgetNature.INVESTISSEMENT,
}
_AXIS_LEVEL = re.compile(r"^(axe \(x\)|sous-axe \(x\.x\)|sous-sous[ -]axe \(x\.x\.x\)|x(\.x){3,})$")
_FUNDER_HEADER = re.compile(r"^financeur \d+$")
_YEAR = re.compile(r"^(19|20)\d\d$")  # the export's « Notes de suivi » have one column per year
# Custom fields whose values are not text when every filled cell reads as such.
CUSTOM_KINDS: dict[str, CustomFieldKind] = {
    normalise("Action en amélioration continue"): CustomFieldKind.FLAG,
    normalise("L'action se répète tous les ans"): CustomFieldKind.FLAG,
    normalise("Date de création"): CustomFieldKind.DATE,
    normalise("Date de dernière modification"): CustomFieldKind.DATE,
}
# Headers only TeT's export has (its confidentiality and creation columns are never empty, so always there).
_EXPORT_MARKERS = frozenset(
    normalise(header)
    for header in (
        "Confidentialité de la fiche",
        "Confidentialité de l'action",
        "Montant (TTC)",
        "Date de création",
        "Créé par",
        "Modifié par",
    )
)


@dataclass(frozen=True, slots=True)
class Columns:
    """Where a TeT sheet holds each field (0-based column indexes)."""

    layout: TetLayout
    headers: tuple[str, ...]  # as written, stripped (an empty header is "")
    title: int
    axis_levels: tuple[int, ...] = ()  # axis, then the sub-axes that make the objective
    sub_title: int | None = None
    description: int | None = None
    expected_results: int | None = None
    actors: Mapping[int, str] = field(default_factory=dict)  # index → model attribute (lead_actor_id…)
    status: int | None = None
    priority: int | None = None
    start: int | None = None
    end: int | None = None
    budget: int | None = None
    funders: tuple[tuple[int | None, int], ...] = ()  # (funder column, amount column)
    basis: AmountBasis = AmountBasis.HT  # of the funders' amounts
    notes: tuple[int, ...] = ()  # into the action's notes (the first as it is, the others under their header)
    dated_notes: tuple[int, ...] = ()  # the export's yearly follow-up notes: into the notes, under their year
    confidential: int | None = None
    funding_text: int | None = None  # « Financements »: free text, and the funders beyond the third we write
    milestones: int | None = None  # the column our export writes the milestones in
    budget_texts: tuple[tuple[int, BudgetNature], ...] = ()  # the export's budgets per nature (also kept as custom)
    extra_text: tuple[int, ...] = ()  # into the description, as « Header : value » (legacy layout)
    custom: tuple[int, ...] = ()  # kept as custom fields of the territory
    lists_to_custom: bool = False  # an actor column naming several: kept as a custom field (else: description)

    @property
    def first_data_row(self) -> int:
        return FIRST_DATA_ROWS[self.layout]

    @property
    def width(self) -> int:
        return len(self.headers)

    def attributes(self) -> dict[str, int]:
        """The column of each action attribute read (to locate what the database rules refuse)."""
        named = {
            "title": self.title,
            "description": self.description,
            "expected_results": self.expected_results,
            "status": self.status,
            "priority": self.priority,
            "planned_start": self.start,
            "planned_end": self.end,
            "planned_budget": self.budget,
            "confidential": self.confidential,
            "notes": self.notes[0] if self.notes else None,
            "axis_id": self.axis_levels[0] if self.axis_levels else None,
        }
        located = {attribute: index for attribute, index in named.items() if index is not None}
        return located | {attribute: index for index, attribute in self.actors.items()}


def _header_texts(row: Sequence[Any]) -> tuple[str, ...]:
    return tuple((parse_text(value) or "").strip() for value in row)


def detect_layout(sheet: RawSheet) -> TetLayout | None:
    """Which TeT layout the sheet has, from its row 2; None: not a TeT sheet.

    The current template names both « Titre de la fiche action » and « Titre de la sous-action »; TeT's export has
    headers of its own (`_EXPORT_MARKERS`). Any other sheet with « Axe (x) » in A2 is read as the legacy layout, and
    refused as TeT refuses it when its 28 columns are not in order (older templates, without the sub-action
    column, included: TeT's importer refuses them too)."""
    if len(sheet.rows) < HEADER_ROW:
        return None
    header = _header_texts(sheet.rows[HEADER_ROW - 1])
    keys = {normalise(text) for text in header}
    if keys & _EXPORT_MARKERS and keys & {normalise("Titre de la fiche action"), normalise("Titre de l'action")}:
        return "export"
    if {normalise("Titre de la fiche action"), normalise("Titre de la sous-action")} <= keys:
        return "template"
    if header and normalise(header[0]) == normalise("Axe (x)"):
        return "legacy"
    return None


# The legacy layout's columns by position.
(AXIS, SUB_AXIS, SUB_SUB_AXIS, TITLE, SUB_TITLE, DESCRIPTION) = range(6)
OBJECTIVES = 7
FUNDERS = ((17, 18), (19, 20), (21, 22))
BUDGET, STATUS, PRIORITY, START, END = 23, 24, 25, 26, 27
LEGACY = Columns(
    layout="legacy",
    headers=LEGACY_COLUMNS,
    axis_levels=(AXIS, SUB_AXIS, SUB_SUB_AXIS),
    title=TITLE,
    sub_title=SUB_TITLE,
    description=DESCRIPTION,
    expected_results=OBJECTIVES,
    actors={9: "lead_actor_id", 13: "pilot_actor_id", 14: "elected_referent_id"},
    status=STATUS,
    priority=PRIORITY,
    start=START,
    end=END,
    budget=BUDGET,
    funders=FUNDERS,
    funding_text=16,
    milestones=DESCRIPTION,
    extra_text=(6, 8, 9, 10, 11, 12, 13, 14, 15, 16),
)

_ACTOR_ROLES = {"lead": "lead_actor_id", "pilot": "pilot_actor_id", "referent": "elected_referent_id"}


def columns_by_header(layout: TetLayout, row: Sequence[Any], width: int = 0) -> Columns:
    """The columns of a template or export sheet, from its header row (and `width`, the widest row of the sheet:
    a filled column without a header is kept too). An amount column belongs to the funder column before it; a
    header met twice keeps its first column, the others are kept as custom fields."""
    headers = _header_texts(row)
    headers += ("",) * (width - len(headers))
    found: dict[str, int] = {}
    axis_levels: list[int] = []
    actors: dict[int, str] = {}
    funders: list[tuple[int | None, int]] = []
    notes: list[int] = []
    dated: list[int] = []
    custom: list[int] = []
    budget_texts: list[tuple[int, BudgetNature]] = []
    basis = AmountBasis.HT
    funder: int | None = None
    for index, header in enumerate(headers):
        key = normalise(header)
        role = _ROLES.get(key)
        if not key:
            custom.append(index)  # kept under its column letter when a cell of it is filled
        elif _AXIS_LEVEL.match(key):
            axis_levels.append(index)
        elif _FUNDER_HEADER.match(key):
            funder = index
        elif role in ("amount_ht", "amount_ttc"):
            funders.append((funder, index))
            funder = None
            if role == "amount_ttc":
                basis = AmountBasis.TTC
        elif role == "notes":
            notes.append(index)
        elif layout == "export" and _YEAR.match(key):
            dated.append(index)
        elif layout == "export" and key in BUDGET_TEXTS:
            budget_texts.append((index, BUDGET_TEXTS[key]))
            custom.append(index)
        elif role in _ACTOR_ROLES and role not in found:
            found[role] = index
            actors[index] = _ACTOR_ROLES[role]
        elif role is not None and role not in found:
            found[role] = index
        else:
            custom.append(index)
        if funder is not None and funder != index:
            # a funder column without its amount right after: kept as a custom field
            custom.append(funder)
            funder = None
    if funder is not None:
        custom.append(funder)
    return Columns(
        layout=layout,
        headers=headers,
        axis_levels=tuple(axis_levels),
        title=found["title"],
        sub_title=found.get("sub_title"),
        description=found.get("description"),
        expected_results=found.get("expected_results"),
        actors=actors,
        status=found.get("status"),
        priority=found.get("priority"),
        start=found.get("start"),
        end=found.get("end"),
        budget=found.get("budget"),
        funders=tuple(funders),
        basis=basis,
        notes=tuple(notes),
        dated_notes=tuple(dated),
        confidential=found.get("confidential"),
        funding_text=found.get("funding_text"),
        milestones=notes[0] if notes else None,
        budget_texts=tuple(budget_texts),
        custom=tuple(sorted(custom)),
        lists_to_custom=True,
    )


def columns_of(sheet: RawSheet) -> Columns | None:
    """The columns of a TeT sheet (the legacy layout's are fixed); None when the sheet is no TeT plan."""
    layout = detect_layout(sheet)
    if layout is None:
        return None
    if layout == "legacy":
        return LEGACY
    width = max((len(row) for row in sheet.rows), default=0)
    return columns_by_header(layout, sheet.rows[HEADER_ROW - 1], width)
