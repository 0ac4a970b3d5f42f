"""What a plan file holds once read, whatever its layout (TeT workbook or mapped table): plain rows with
their origin in the file, and the validation report. No database here: the import service resolves axes,
actors and existing actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from ti_desktop.domain.enums import ActionStatus, AmountBasis, BudgetNature, CustomFieldKind, FundingStatus, Priority
from ti_desktop.exchange.french import normalise
from ti_desktop.exchange.report import ImportIssue, ImportReport

UNCLASSIFIED_AXIS = "À classer"

# What becomes of a filled column that maps to no field (`--unmapped`, the wizard's choice per column, a
# `--mapping` target): kept as a custom field of the territory (the default: nothing lost), appended to the
# fiche's notes as « Header : value », or ignored on purpose (still listed in the validation report).
UnmappedPolicy = Literal["keep", "notes", "ignore"]
KEEP_AS_CUSTOM = "champ_personnalise"  # mapping target: keep this column as a custom field
APPEND_TO_NOTES = "ajouter_aux_notes"  # mapping target: append this column to the fiche's notes
POLICY_OF_TARGET: dict[str, UnmappedPolicy] = {KEEP_AS_CUSTOM: "keep", APPEND_TO_NOTES: "notes", "ignorer": "ignore"}

# Words people (and TeT) use for statuses and priorities, normalised. "À discuter" is TeT's status for
# what TI Desktop keeps as a flag: it sets `to_discuss` and leaves the status alone.
TO_DISCUSS = "a discuter"
STATUS_WORDS: dict[str, ActionStatus | None] = {
    **{normalise(status.label): status for status in ActionStatus},
    **{normalise(status.value.replace("_", " ")): status for status in ActionStatus},
    "a venir": ActionStatus.A_VENIR,
    "en cours": ActionStatus.EN_COURS,
    "realise": ActionStatus.REALISEE,
    "realisee": ActionStatus.REALISEE,
    "termine": ActionStatus.REALISEE,
    "terminee": ActionStatus.REALISEE,
    "fait": ActionStatus.REALISEE,
    "en retard": ActionStatus.EN_COURS,  # "late" is derived from the planned end in TI Desktop
    "en pause": ActionStatus.EN_PAUSE,
    "suspendu": ActionStatus.EN_PAUSE,
    "suspendue": ActionStatus.EN_PAUSE,
    "bloque": ActionStatus.BLOQUEE,
    "bloquee": ActionStatus.BLOQUEE,
    "abandonne": ActionStatus.ABANDONNEE,
    "abandonnee": ActionStatus.ABANDONNEE,
    "en reflexion": ActionStatus.EN_REFLEXION,
    "a lancer": ActionStatus.A_VENIR,
    "non demarre": ActionStatus.A_VENIR,
    "non demarree": ActionStatus.A_VENIR,
    "en projet": ActionStatus.EN_REFLEXION,
    TO_DISCUSS: None,
}
PRIORITY_WORDS: dict[str, Priority] = {
    **{normalise(priority.label): priority for priority in Priority},
    "eleve": Priority.HAUTE,
    "elevee": Priority.HAUTE,
    "haut": Priority.HAUTE,
    "forte": Priority.HAUTE,
    "1": Priority.HAUTE,
    "moyen": Priority.MOYENNE,
    "normale": Priority.MOYENNE,
    "2": Priority.MOYENNE,
    "bas": Priority.BASSE,
    "faible": Priority.BASSE,
    "3": Priority.BASSE,
}
FUNDING_STATUS_WORDS: dict[str, FundingStatus] = {
    **{normalise(status.label): status for status in FundingStatus},
    **{normalise(status.value): status for status in FundingStatus},
    "envisagee": FundingStatus.ENVISAGE,
    "a deposer": FundingStatus.ENVISAGE,
    "deposee": FundingStatus.DEPOSE,
    "en instruction": FundingStatus.DEPOSE,
    "accordee": FundingStatus.ACCORDE,
    "obtenu": FundingStatus.ACCORDE,
    "obtenue": FundingStatus.ACCORDE,
    "versee": FundingStatus.VERSE,
    "refusee": FundingStatus.REFUSE,
}
BUDGET_NATURE_WORDS: dict[str, BudgetNature] = {
    **{normalise(nature.label): nature for nature in BudgetNature},
    "invest": BudgetNature.INVESTISSEMENT,
    "investissements": BudgetNature.INVESTISSEMENT,
    "fonct": BudgetNature.FONCTIONNEMENT,
}
BASIS_WORDS: dict[str, AmountBasis] = {
    **{normalise(basis.label): basis for basis in AmountBasis},
    "h.t.": AmountBasis.HT,
    "hors taxes": AmountBasis.HT,
    "hors taxe": AmountBasis.HT,
    "t.t.c.": AmountBasis.TTC,
    "toutes taxes comprises": AmountBasis.TTC,
}
TRUE_WORDS = frozenset({"oui", "o", "x", "vrai", "yes", "y", "true", "1"})
FALSE_WORDS = frozenset({"non", "n", "faux", "no", "false", "0", "-"})


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value came from in the file (row as Excel numbers it)."""

    sheet: str
    row: int


@dataclass(slots=True)
class FundingImport:
    funder: str
    amount: Decimal  # requested
    origin: Origin
    column: str | None = None
    programme: str | None = None
    amount_granted: Decimal | None = None
    status: FundingStatus | None = None
    filed_on: dt.date | None = None
    decided_on: dt.date | None = None
    basis: AmountBasis | None = None  # HT or TTC, as the amount's column says (None: not said, HT assumed)


@dataclass(slots=True)
class MilestoneImport:
    title: str
    origin: Origin
    due_on: dt.date | None = None
    done_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class UnmappedColumn:
    """A source column with at least one filled cell that maps to no field, as the validation report lists it,
    and what the import does with it."""

    sheet: str
    column: str  # letter, as Excel names it
    header: str  # as written in the file (the letter when the header cell is empty)
    filled: int  # number of filled data cells
    samples: tuple[str, ...]  # up to two distinct values, as shown
    policy: UnmappedPolicy = "keep"


@dataclass(frozen=True, slots=True)
class CustomColumn:
    """A column kept as a custom field of the territory: its header (the field's name), the kind guessed from its
    values, and for a list, its choices in file order."""

    header: str
    kind: CustomFieldKind
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TotalFigure:
    """One amount a total row of the file states, beside the sum of the imported rows it covers."""

    column: str  # letter, as Excel names it
    header: str  # as written in the file
    what: str  # what the column holds, as a message says it: « de budget », « de financements demandés »
    stated: Decimal  # what the file's total row says
    imported: Decimal  # the sum of the figures of the imported rows it covers

    @property
    def agrees(self) -> bool:
        return self.stated == self.imported  # both to the cent


@dataclass(frozen=True, slots=True)
class FileTotal:
    """A total or sub-total row of the file: not an action, but the proof of the figures above it. A sub-total
    covers its group (the action rows since the previous sub-total or section title), a grand total every action
    row above it."""

    origin: Origin
    label: str  # as written (« Total », « Sous-total axe 1 »)
    grand: bool
    rows: tuple[int, ...]  # the action rows it covers, as Excel numbers them
    figures: tuple[TotalFigure, ...]  # one per amount column the row fills, in column order

    @property
    def agrees(self) -> bool:
        return all(figure.agrees for figure in self.figures)


@dataclass(slots=True)
class ActionImport:
    origin: Origin
    axis: str
    objective: str | None
    title: str
    code: str | None = None
    parent_title: str | None = None  # set for a sub-action: the title of its action (TeT)
    parent_ref: str | None = None  # set for a sub-action of a table: its action's code, or title
    status: ActionStatus | None = None
    priority: Priority | None = None
    budget_nature: BudgetNature | None = None
    budget_basis: AmountBasis | None = None  # HT or TTC, as the budget's column says (None: not said, HT assumed)
    # The values of the columns that carry one as it is (`plan_columns.ACTION_VALUE_FIELDS`), by record attribute
    # ("planned_budget": Decimal("1250000")); a blank cell is absent.
    values: dict[str, Any] = field(default_factory=dict)
    actors: dict[str, str] = field(default_factory=dict)  # model attribute (lead_actor_id…) → actor name
    # Values of the columns kept as custom fields (`PlanImport.custom_columns`), by header, read by the column's
    # kind: str, Decimal (number, amount), datetime.date, bool; a blank cell is absent.
    custom_values: dict[str, Any] = field(default_factory=dict)
    funding: list[FundingImport] = field(default_factory=list)
    milestones: list[MilestoneImport] = field(default_factory=list)
    implicit: bool = False  # an action named only by its sub-actions' rows (TeT)
    occurrence: int = 0  # 0 for the first action with this axis/parent/title, 1 for a duplicate…

    @property
    def key(self) -> tuple[str, str, str]:
        return (normalise(self.axis), normalise(self.parent_title or ""), normalise(self.title))

    @property
    def is_sub_action(self) -> bool:
        return self.parent_title is not None or self.parent_ref is not None


@dataclass(slots=True)
class PlanImport:
    """What a plan file holds: actions in file order (parents before their sub-actions) and the report."""

    path: Path
    sheet: str | None = None
    actions: list[ActionImport] = field(default_factory=list)
    headings: list[tuple[str, str | None]] = field(default_factory=list)  # axes and objectives, in order
    report: ImportReport = field(default_factory=ImportReport)
    creates_axes: bool = True  # TeT axes become axes; a table must name the territory's axes
    columns: dict[str, tuple[str, str]] = field(default_factory=dict)  # attribute → (column letter, header)
    unmapped: list[UnmappedColumn] = field(default_factory=list)  # filled columns mapped to no field
    custom_columns: list[CustomColumn] = field(default_factory=list)  # those kept as custom fields, in file order
    totals: list[FileTotal] = field(default_factory=list)  # the file's own total rows, checked against its rows

    @property
    def issues(self) -> list[ImportIssue]:
        return self.report.issues

    @property
    def has_errors(self) -> bool:
        return self.report.has_errors
