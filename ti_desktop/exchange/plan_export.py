"""Writing a whole plan out: TI Desktop's own workbook (.xlsx), a CSV of the actions for French Excel, and a
Territoires en Transitions import workbook.

The writers work on `PlanExport`, plain values already as a cell shows them (labels, names, titles),
built by `services.exporting`. Every text that starts like a formula stays text: a quote-prefixed string
cell in workbooks, an apostrophe in CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, Literal, cast

from ti_desktop.domain.enums import ActionStatus, CustomFieldKind, Priority
from ti_desktop.exchange import plan_columns as pc
from ti_desktop.exchange import tet, tet_layouts
from ti_desktop.exchange.cells import CellStyle, CellValue, Column, XlsxStream, neutralise
from ti_desktop.exchange.french import normalise
from ti_desktop.exchange.tet_layouts import TEMPLATE_COLUMNS
from ti_desktop.kernel.formatting import format_date, format_euros
from ti_desktop.kernel.progress import CancelCheck, Cancelled, Progress

YES, NO = "Oui", "Non"
TET_SHEET = "Plan d'action"
UNKNOWN_FUNDER = tet.UNKNOWN_FUNDER


class ExportCancelled(Cancelled):
    """The user stopped the export; the previous file (if any) is untouched."""


# -- what is exported ------------------------------------------------------------------------------------
@dataclass(slots=True)
class ExportedFunding:
    funder: str | None
    programme: str | None
    amount_requested: Decimal
    amount_granted: Decimal | None
    status: str  # French label
    filed_on: dt.date | None
    decided_on: dt.date | None
    basis: str | None = None  # « HT » or « TTC » (None: not said, HT assumed)


@dataclass(slots=True)
class ExportedMilestone:
    title: str
    due_on: dt.date | None
    done_on: dt.date | None


@dataclass(slots=True)
class ExportedUpdate:
    reported_on: dt.date
    author: str | None
    status: str  # French label
    progress: int
    done: str | None
    difficulties: str | None
    next_steps: str | None
    alert: bool


@dataclass(slots=True)
class ExportedAction:
    code: str | None
    axis: str  # label
    objective: str | None  # title
    parent: str | None  # the parent's code, or its title when it has none (sub-actions only)
    parent_title: str | None  # the parent's title (sub-actions only)
    title: str
    status: str  # French label
    priority: str  # French label
    lead_actor: str | None  # actor names
    pilot: str | None
    elected_referent: str | None
    budget_nature: str | None  # French label
    # The values of the columns that carry one as it is (`plan_columns.ACTION_VALUE_FIELDS`), by record
    # attribute: amounts in euros, flags as booleans, None where the action has none.
    values: Mapping[str, Any] = field(default_factory=dict)
    budget_basis: str | None = None  # « HT » or « TTC » (None: not said, HT assumed)
    partners: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()  # names of the indicators attached to the action
    funding: tuple[ExportedFunding, ...] = ()
    milestones: tuple[ExportedMilestone, ...] = ()
    updates: tuple[ExportedUpdate, ...] = ()
    # The territory's custom fields, by name (the column header they are exported under): str, Decimal, date,
    # bool; a field the action leaves empty is absent. Their order is `PlanExport.custom_fields`.
    custom_values: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_sub_action(self) -> bool:
        return self.parent_title is not None


@dataclass(slots=True)
class ExportedIndicator:
    name: str
    unit: str | None
    source: str | None
    axis: str | None
    action_code: str | None
    action_title: str | None
    direction: str  # French label
    baseline_value: float | None
    baseline_on: dt.date | None
    target_value: float | None
    target_on: dt.date | None
    last_value: float | None
    last_on: dt.date | None
    measures: int


@dataclass(frozen=True, slots=True)
class PlanExport:
    """A territory's plan as exported. `actions` lists each action followed by its sub-actions."""

    territory: str
    exported_at: dt.datetime  # timezone-aware
    actions: tuple[ExportedAction, ...]
    indicators: tuple[ExportedIndicator, ...] = ()
    confidential_left_out: int = 0
    # The territory's custom fields in their order: (name, kind); each is a column after the declared ones.
    custom_fields: tuple[tuple[str, CustomFieldKind], ...] = ()

    @property
    def exported_on(self) -> dt.date:
        """The day of the export, in the user's time zone."""
        return self.exported_at.astimezone().date()

    @property
    def funding_lines(self) -> int:
        return sum(len(action.funding) for action in self.actions)

    @property
    def milestones(self) -> int:
        return sum(len(action.milestones) for action in self.actions)

    @property
    def updates(self) -> int:
        return sum(len(action.updates) for action in self.actions)


# -- columns ---------------------------------------------------------------------------------------------
# Attribute of `ExportedAction` (or `ExportedFunding`, `ExportedMilestone`) behind each plan column key.
# Attribute of `ExportedAction` (or `ExportedFunding`, `ExportedMilestone`) behind each plan column key that
# needs a lookup or a label; the columns that carry a value as it is are read from `ExportedAction.values`.
ACTION_ATTRIBUTES: dict[str, str] = {
    "code": "code",
    "axe": "axis",
    "objectif": "objective",
    "action_parente": "parent",
    "titre": "title",
    "statut": "status",
    "priorite": "priority",
    "maitre_ouvrage": "lead_actor",
    "pilote": "pilot",
    "elu_referent": "elected_referent",
    "nature_budget": "budget_nature",
    "base_budget": "budget_basis",
}
FUNDING_ATTRIBUTES: dict[str, str] = {
    "financeur": "funder",
    "dispositif": "programme",
    "montant_demande": "amount_requested",
    "montant_accorde": "amount_granted",
    "statut_financement": "status",
    "date_depot": "filed_on",
    "date_decision": "decided_on",
    "base_montant": "basis",
}
MILESTONE_ATTRIBUTES: dict[str, str] = {"jalon": "title", "jalon_echeance": "due_on", "jalon_realise_le": "done_on"}
# Columns of the companion sheets naming the action a row belongs to.
LOCATING_ATTRIBUTES: dict[str, str] = {"code": "code", "axe": "axis", "titre": "title"}

_KIND_STYLES: dict[str, CellStyle] = {
    "date": CellStyle.DATE,
    "amount": CellStyle.EUROS,
    "percent": CellStyle.INTEGER,
    "integer": CellStyle.INTEGER,
}
_KIND_WIDTHS: dict[str, float] = {
    "code": 12,
    "axis": 22,
    "objective": 32,
    "parent": 14,
    "date": 13,
    "amount": 18,
    "percent": 15,
    "integer": 14,
    "flag": 14,
    "status": 14,
    "priority": 11,
    "funding_status": 20,
    "budget_nature": 17,
    "amount_basis": 12,
    "actor": 26,
}
_KEY_WIDTHS: dict[str, float] = {
    "titre": 50,
    "description": 60,
    "resultats_attendus": 45,
    "financeur": 30,
    "dispositif": 28,
    "jalon": 45,
}


def _plan_column(field: pc.PlanField, *, sheet: str = "actions") -> Column:
    width = _KEY_WIDTHS.get(field.key) or _KIND_WIDTHS.get(field.kind, 30)
    if sheet != "actions" and field.key == "titre":
        width = 40
    return Column(
        field.header, max(width, min(len(field.header) + 3, 40)), _KIND_STYLES.get(field.kind, CellStyle.DEFAULT)
    )


INDICATOR_COLUMNS = (
    Column("Indicateur", 45),
    Column("Unité", 12),
    Column("Source", 28),
    Column("Axe", 22),
    Column("Code action", 12),
    Column("Action", 40),
    Column("Sens d'évolution", 16),
    Column("Valeur de référence", 20),
    Column("Date de référence", 18, CellStyle.DATE),
    Column("Valeur cible", 14),
    Column("Date cible", 13, CellStyle.DATE),
    Column("Dernière valeur", 16),
    Column("Date de la dernière valeur", 18, CellStyle.DATE),
    Column("Nombre de mesures", 19, CellStyle.INTEGER),
)
UPDATE_COLUMNS = (
    Column(pc.ACTION_CODE.header, 12),
    Column(pc.ACTION_AXIS.header, 22),
    Column(pc.ACTION_TITLE.header, 40),
    Column("Date du point", 14, CellStyle.DATE),
    Column("Auteur", 22),
    Column("Statut", 14),
    Column("Avancement (%)", 15, CellStyle.INTEGER),
    Column("Réalisé", 45),
    Column("Difficultés", 40),
    Column("Prochaines étapes", 40),
    Column("Alerte", 10),
)


def _shown(value: Any) -> CellValue:
    """A value as a cell holds it: flags as Oui / Non, the rest unchanged."""
    if isinstance(value, bool):
        return YES if value else NO
    return cast(CellValue, value)


class _RowMaker:
    """The cells of a sheet's rows: each column read from the row's item (the action itself, a funding
    line, a milestone) or, for the columns locating the action, from its action; flags as Oui / Non.

    A row is read with C-level getters (one `attrgetter` for the item's attributes, one for the action's,
    the plain values by `map`), put in the columns' order by one `itemgetter`: no Python call per cell."""

    def __init__(self, columns: Sequence[pc.PlanField], attributes: dict[str, str], *, values: bool = False) -> None:
        own: list[str] = []  # the item's attributes read
        plain: list[str] = []  # the keys of the item's `values` read
        locating: list[str] = []  # the action's attributes read
        sources: list[tuple[list[str], str]] = []
        for column in columns:
            if column.key in attributes:
                sources.append((own, attributes[column.key]))
            elif values and pc.carries_value(column):
                sources.append((plain, str(column.attribute)))
            else:
                sources.append((locating, LOCATING_ATTRIBUTES[column.key]))
            sources[-1][0].append(sources[-1][1])
        # Where each column's cell is in (item's attributes, item's values, action's attributes).
        offsets = {id(own): 0, id(plain): len(own), id(locating): len(own) + len(plain)}
        positions = [offsets[id(names)] + names.index(name) for names, name in sources]
        self.own, self.locating = _tuple_getter(own), _tuple_getter(locating)
        self.plain = tuple(plain)
        self.order: Callable[[tuple[Any, ...]], Sequence[CellValue]] | None = (
            None if positions == list(range(len(positions))) else _tuple_getter_of(positions)
        )
        self.flags = [index for index, column in enumerate(columns) if column.kind == "flag"]

    def __call__(self, action: ExportedAction, item: object = None) -> list[CellValue]:
        return self.cells(self.locating(action), action if item is None else item)

    def rows(self, action: ExportedAction, items: Iterable[object]) -> Iterator[list[CellValue]]:
        """The rows of the action's `items` (its funding lines, its milestones)."""
        located = self.locating(action)
        for item in items:
            yield self.cells(located, item)

    def cells(self, located: tuple[Any, ...], item: Any) -> list[CellValue]:
        combined = self.own(item)
        if self.plain:
            combined += tuple(map(item.values.get, self.plain))
        combined += located
        cells = list(combined if self.order is None else self.order(combined))
        for index in self.flags:
            cells[index] = _shown(cells[index])
        return cells


def _tuple_getter(names: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The attributes `names` of an object, as a tuple (`attrgetter` returns a bare value for one name)."""
    if not names:
        return lambda _item: ()
    getter = attrgetter(*names)
    if len(names) == 1:
        return lambda item: (getter(item),)
    return cast(Callable[[Any], tuple[Any, ...]], getter)


def _tuple_getter_of(positions: Sequence[int]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """The items at `positions` of a tuple, as a tuple."""
    getter = itemgetter(*positions)
    if len(positions) == 1:
        return lambda row: (getter(row),)
    return cast(Callable[[tuple[Any, ...]], tuple[Any, ...]], getter)


@cache
def _row_makers() -> tuple[_RowMaker, _RowMaker, _RowMaker]:
    """Built on first use, so that a plan column without export support fails the export, not the import
    of the application."""
    return (
        _RowMaker(pc.ACTION_FIELDS, ACTION_ATTRIBUTES, values=True),
        _RowMaker(pc.FUNDING_COLUMNS, FUNDING_ATTRIBUTES),
        _RowMaker(pc.MILESTONE_COLUMNS, MILESTONE_ATTRIBUTES),
    )


def action_cells(action: ExportedAction) -> list[CellValue]:
    """The action's values in the order of `plan_columns.ACTION_FIELDS` (flags as Oui / Non)."""
    return _row_makers()[0](action)


NUMBER = CustomFieldKind.NUMBER
_CUSTOM_STYLES: dict[CustomFieldKind, CellStyle] = {
    CustomFieldKind.AMOUNT: CellStyle.EUROS,
    CustomFieldKind.DATE: CellStyle.DATE,
}


def custom_columns(plan: PlanExport) -> list[Column]:
    """One column per custom field of the territory, after the declared ones, under the field's name: amounts
    as euros, dates as dates."""
    return [
        Column(name, max(14, min(len(name) + 3, 40)), _CUSTOM_STYLES.get(kind, CellStyle.DEFAULT))
        for name, kind in plan.custom_fields
    ]


def custom_cells(plan: PlanExport, action: ExportedAction) -> list[CellValue]:
    """The action's values of the custom fields, in the columns' order (yes / no as Oui / Non, empty: None)."""
    return [_shown(action.custom_values.get(name)) for name, _kind in plan.custom_fields]


class _Steps:
    """Progress reports and cancellation checks every few rows."""

    EVERY = 250

    def __init__(self, total: int, progress: Progress | None, cancelled: CancelCheck | None) -> None:
        self.total, self.progress, self.cancelled = max(total, 1), progress, cancelled
        self.done = 0

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled("Export annulé : le fichier précédent n'a pas été modifié.")

    def tick(self, count: int = 1) -> None:
        before = self.done
        self.done += count
        if self.done // self.EVERY != before // self.EVERY:
            self.check()
            if self.progress is not None:
                self.progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        self.check()
        if self.progress is not None:
            self.progress(self.total, self.total)


# -- xlsx ------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class WrittenCounts:
    """The rows a workbook holds."""

    actions: int
    funding_lines: int
    milestones: int


def write_xlsx(
    plan: PlanExport, path: Path, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> None:
    """TI Desktop's own workbook: sheets Actions, Financements, Jalons, Indicateurs, Suivi."""
    total = len(plan.actions) + plan.funding_lines + plan.milestones + len(plan.indicators) + plan.updates
    write_xlsx_chunks(plan, [plan.actions], path, total, progress, cancelled)


def write_xlsx_chunks(
    plan: PlanExport,
    chunks: Iterable[Sequence[ExportedAction]],
    path: Path,
    total: int,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> WrittenCounts:
    """`write_xlsx` of the plan whose actions come in `chunks` (in order; `plan.actions` is not read): each
    chunk's rows are written to every sheet before the next chunk is read, so a national plan is never held
    whole. `total`: the rows expected, for the progress (an estimate is fine)."""
    steps = _Steps(total, progress, cancelled)
    steps.check()
    names = [pc.ACTIONS_SHEET, pc.FUNDING_SHEET, pc.MILESTONES_SHEET, pc.INDICATORS_SHEET, pc.UPDATES_SHEET]
    action_row, funding_row, milestone_row = _row_makers()
    actions = funding_lines = milestones = 0
    with XlsxStream(path, names, plan.exported_at, title=f"Plan d'action — {plan.territory}") as book:
        specs: list[tuple[str, Sequence[Column], tuple[int, int] | None]] = [
            (pc.ACTIONS_SHEET, [_plan_column(field) for field in pc.ACTION_FIELDS] + custom_columns(plan), (1, 1)),
            (pc.FUNDING_SHEET, [_plan_column(field, sheet="financements") for field in pc.FUNDING_COLUMNS], (1, 3)),
            (pc.MILESTONES_SHEET, [_plan_column(field, sheet="jalons") for field in pc.MILESTONE_COLUMNS], (1, 3)),
            (pc.INDICATORS_SHEET, INDICATOR_COLUMNS, (1, 1)),
            (pc.UPDATES_SHEET, UPDATE_COLUMNS, (1, 3)),
        ]
        sheets = book.sheets_together(specs, path.parent)
        for sheet in sheets:
            sheet.header()
            sheet.filter_from_here()
        action_sheet, funding_sheet, milestone_sheet, indicator_sheet, update_sheet = sheets
        funding_cells, milestone_cells = funding_row.rows, milestone_row.rows
        custom = bool(plan.custom_fields)
        for chunk in chunks:
            for action in chunk:
                cells = action_row(action)
                action_sheet.row(cells + custom_cells(plan, action) if custom else cells)
                if action.funding:
                    for cells in funding_cells(action, action.funding):
                        funding_sheet.row(cells)
                if action.milestones:
                    for cells in milestone_cells(action, action.milestones):
                        milestone_sheet.row(cells)
                for update in action.updates:
                    update_sheet.row(_update_cells(action, update))
                actions += 1
                funding_lines += len(action.funding)
                milestones += len(action.milestones)
                steps.tick(1 + len(action.funding) + len(action.milestones) + len(action.updates))
        for indicator in plan.indicators:
            indicator_sheet.row(_indicator_cells(indicator))
            steps.tick()
        steps.finish()
    return WrittenCounts(actions, funding_lines, milestones)


def _indicator_cells(indicator: ExportedIndicator) -> list[CellValue]:
    return [
        indicator.name,
        indicator.unit,
        indicator.source,
        indicator.axis,
        indicator.action_code,
        indicator.action_title,
        indicator.direction,
        indicator.baseline_value,
        indicator.baseline_on,
        indicator.target_value,
        indicator.target_on,
        indicator.last_value,
        indicator.last_on,
        indicator.measures,
    ]


def _update_cells(action: ExportedAction, update: ExportedUpdate) -> list[CellValue]:
    return [
        action.code,
        action.axis,
        action.title,
        update.reported_on,
        update.author,
        update.status,
        update.progress,
        update.done,
        update.difficulties,
        update.next_steps,
        _shown(update.alert),
    ]


# -- csv -------------------------------------------------------------------------------------------------
def write_csv(
    plan: PlanExport, path: Path, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> None:
    """The Actions sheet as CSV for French Excel: UTF-8 with BOM, `;`, CRLF, `15/03/2025`, `1250000,50`."""
    steps = _Steps(len(plan.actions), progress, cancelled)
    steps.check()
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow([field.header for field in pc.ACTION_FIELDS] + [name for name, _kind in plan.custom_fields])
        for action in plan.actions:
            cells = zip(plan.custom_fields, custom_cells(plan, action), strict=True)
            custom = [
                french_number(value) if kind is NUMBER and isinstance(value, Decimal) else csv_text(value)
                for (_name, kind), value in cells
            ]
            writer.writerow([csv_text(value) for value in action_cells(action)] + custom)
            steps.tick()
    steps.finish()


def csv_text(value: CellValue) -> str:
    """A value as French Excel reads it back: numbers with a decimal comma and no grouping, dates
    dd/mm/yyyy, formula-like texts neutralised."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return french_amount(value)
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return str(value)


def french_number(number: Decimal) -> str:
    """`12,5`, `0,125`: a number with the decimals it has (an amount has two), as French Excel reads it."""
    return format(number, "f").replace(".", ",")


def french_amount(amount: Decimal) -> str:
    """`1250000` or `1250000,50`: what French Excel takes for a number."""
    value = amount.quantize(Decimal("0.01"))
    if value == value.to_integral_value():
        return format(value.to_integral_value(), "f")
    return format(value, "f").replace(".", ",")


# -- Territoires en Transitions --------------------------------------------------------------------------
# TeT's wording for TI Desktop's statuses and priorities (read back by `tet.STATUSES` / `tet.PRIORITIES`).
TET_STATUSES: dict[str, str] = {
    ActionStatus.A_VENIR.label: "À venir",
    ActionStatus.EN_COURS.label: "En cours",
    ActionStatus.REALISEE.label: "Réalisé",
    ActionStatus.EN_PAUSE.label: "En pause",
    ActionStatus.BLOQUEE.label: "Bloqué",
    ActionStatus.ABANDONNEE.label: "Abandonné",
}
TET_TO_DISCUSS = "À discuter"
TET_PRIORITIES: dict[str, str] = {
    Priority.HAUTE.label: "Élevé",
    Priority.MOYENNE.label: "Moyen",
    Priority.BASSE.label: "Bas",
}
# Row 3 of TeT's legacy layout: how each column is filled in.
TET_INSTRUCTIONS = (
    *("Champ texte",) * 8,
    "Champ texte non importé\n🟢 Clé pour le pilotage",
    "Champ texte\n(séparateur virgule)",
    "Champ texte",
    *("Champ texte\n(séparateur virgule)",) * 2,
    *("Champ texte 🟢 Clé pour le pilotage\n(séparateur virgule)",) * 2,
    "Champ liste déroulante \n(choix prédéfinis)",
    "Champ texte libre",
    *("Champ texte\n(séparateur virgule)", "Champ numérique") * 3,
    "Champ numérique",
    *("Champ liste déroulante 🟢 Clé pour le pilotage\n(choix prédéfinis)",) * 2,
    "Champ date",
    "Champ date",
)
_TET_WIDTHS = (
    *(32, 32, 20, 45, 40, 60, 20, 40, 24, 26, 20, 26, 20, 24),
    *(24, 18, 30, 24, 14, 24, 14, 24, 14, 18, 14, 14, 13, 13),
)
_TET_WIDTHS_BY_HEADER = {normalise(header): width for header, width in zip(tet.TET_COLUMNS, _TET_WIDTHS, strict=True)}
_TEMPLATE_COLUMNS = tet_layouts.columns_by_header("template", [column.header for column in TEMPLATE_COLUMNS])
TetExportLayout = Literal["template", "legacy"]


def tet_status(action: ExportedAction) -> str | None:
    """TeT's status for the action. TeT has no "En réflexion": such an action is "À discuter" when it is
    flagged to discuss, otherwise left without status. Any other status wins over the to-discuss flag
    (TeT holds one status only)."""
    wording = TET_STATUSES.get(action.status)
    if wording is None and action.values.get("to_discuss"):
        return TET_TO_DISCUSS
    return wording


def write_tet(
    plan: PlanExport,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    *,
    layout: TetExportLayout = "template",
) -> None:
    """A workbook TeT's plan import accepts, one fiche per row (sub-actions under their action's title).

    "template": TeT's current import template, sheet « Fichier dimport »: its group row 1, headers row 2, field
    types row 3, instructions row 4, fiches from row 5. "legacy": title on row 1, the 28 legacy headers on row 2,
    instructions on row 3, fiches from row 4. Every funder is written (beyond the three Financeur columns, in
    « Financements »), the milestones in « Notes » (in the description for the legacy layout), and each custom
    field in TeT's column of the same name, else in a column of its own after TeT's (TeT reads only its own)."""
    steps = _Steps(len(plan.actions), progress, cancelled)
    steps.check()
    placement = _TetPlacement.of(plan, _TEMPLATE_COLUMNS if layout == "template" else tet_layouts.LEGACY)
    headers = (*(TEMPLATE_HEADERS if layout == "template" else tet.TET_COLUMNS), *placement.extra)
    sheet_columns = [
        Column(
            header,
            _TET_WIDTHS_BY_HEADER.get(normalise(header), 24),
            _TET_STYLES.get(normalise(header), CellStyle.DEFAULT),
        )
        for header in headers
    ]
    title = f"{plan.territory} — plan d'action exporté de TI Desktop le {format_date(plan.exported_on)}"
    name = tet_layouts.TEMPLATE_SHEET if layout == "template" else TET_SHEET
    with XlsxStream(path, [name], plan.exported_at, title=title) as book:
        sheet = book.sheet(name, sheet_columns, freeze=(2, 0))
        if layout == "template":
            groups: list[CellValue] = [None] * len(sheet_columns)
            for index, label in tet_layouts.TEMPLATE_GROUPS:
                groups[index] = label
            sheet.row(groups, style=CellStyle.TITLE, height=18)
            sheet.header(height=30)
            sheet.row([column.kind for column in TEMPLATE_COLUMNS], style=CellStyle.NOTE, height=30)
            sheet.row([column.instruction for column in TEMPLATE_COLUMNS], style=CellStyle.NOTE, height=102)
        else:
            sheet.row([title], style=CellStyle.TITLE, height=24)
            sheet.header(height=30)
            sheet.row(list(TET_INSTRUCTIONS), style=CellStyle.NOTE, height=48)
        parent: ExportedAction | None = None
        for action in plan.actions:
            if not action.is_sub_action:
                parent = action
            elif parent is None or parent.title != action.parent_title:
                parent = None  # out of order: the sub-action keeps its own axis
            sheet.row(tet_cells(action, parent if action.is_sub_action else None, placement))
            steps.tick()
        steps.finish()


TEMPLATE_HEADERS = tuple(column.header for column in TEMPLATE_COLUMNS)
_TET_STYLES = {normalise(header): CellStyle.EUROS for header in ("Montant € HT", "Budget prévisionnel total € HT")} | {
    normalise(header): CellStyle.DATE for header in ("Date de début", "Date de fin")
}
_INDICATORS = normalise("Indicateurs liés")


@dataclass(frozen=True, slots=True)
class _TetPlacement:
    """The columns a TeT row is written in: the layout's, and where each custom field goes (TeT's column of the
    same name, else a column of its own after TeT's)."""

    columns: tet_layouts.Columns
    own: Mapping[str, int] = field(default_factory=dict)  # field name → index of TeT's column
    extra: tuple[str, ...] = ()  # field names with a column of their own, in order
    partners: int | None = None
    indicators: int | None = None

    @classmethod
    def of(cls, plan: PlanExport | None, columns: tet_layouts.Columns) -> _TetPlacement:
        by_header = {normalise(header): index for index, header in enumerate(columns.headers)}
        names = [name for name, _ in plan.custom_fields] if plan is not None else []
        own = {name: by_header[normalise(name)] for name in names if normalise(name) in by_header}
        extra = tuple(name for name in names if name not in own)
        return cls(columns, own, extra, by_header.get(normalise("Partenaires")), by_header.get(_INDICATORS))

    def index(self, name: str) -> int | None:
        if name in self.own:
            return self.own[name]
        return self.columns.width + self.extra.index(name) if name in self.extra else None


def tet_cells(
    action: ExportedAction, parent: ExportedAction | None = None, placement: _TetPlacement | None = None
) -> list[CellValue]:
    """One TeT row (legacy layout unless `placement` says otherwise). A sub-action's row carries its action's axis,
    sub-axis and title."""
    placement = placement or _TetPlacement.of(None, tet_layouts.LEGACY)
    columns = placement.columns
    row: list[CellValue] = [None] * (columns.width + len(placement.extra))

    def put(index: int | None, value: CellValue) -> None:
        if index is not None and value not in (None, ""):
            row[index] = value

    holder = parent or action
    axis, sub_axis = columns.axis_levels[0], columns.axis_levels[1]
    put(axis, holder.axis)
    put(sub_axis, holder.objective)
    if action.is_sub_action:
        put(columns.title, action.parent_title)
        put(columns.sub_title, action.title)
    else:
        put(columns.title, action.title)
    # The notes and milestones go in « Notes »; the legacy layout has none: in the description.
    notes = [part for part in (action.values.get("notes"), _tet_milestones(action)) if part]
    description = action.values.get("description")
    if not columns.notes and notes:
        description = "\n\n".join([*([description] if description else []), *notes])
    put(columns.description, description)
    if columns.notes:
        put(columns.notes[0], "\n\n".join(notes))
    put(columns.expected_results, action.values.get("expected_results"))
    put(placement.indicators, ", ".join(action.indicators))
    put(placement.partners, ", ".join(action.partners))
    actors = {
        "lead_actor_id": action.lead_actor,
        "pilot_actor_id": action.pilot,
        "elected_referent_id": action.elected_referent,
    }
    for index, attribute in columns.actors.items():
        put(index, actors[attribute])
    for line, (funder_index, amount_index) in zip(action.funding, columns.funders, strict=False):
        put(funder_index, line.funder or UNKNOWN_FUNDER)
        put(amount_index, line.amount_requested)
    extra = action.funding[len(columns.funders) :]
    if extra:
        listed = " ; ".join(f"{line.funder or UNKNOWN_FUNDER} : {_tet_amount(line.amount_requested)}" for line in extra)
        put(columns.funding_text, f"{tet.OTHER_FUNDING}{listed}")
    put(columns.budget, action.values.get("planned_budget"))
    put(columns.status, tet_status(action))
    put(columns.priority, TET_PRIORITIES.get(action.priority))
    put(columns.start, action.values.get("planned_start"))
    put(columns.end, action.values.get("planned_end"))
    for name, value in action.custom_values.items():
        column = placement.index(name)
        if column is None:
            continue
        cell = row[column]
        if cell is None:
            put(column, _tet_custom_value(value))
        elif isinstance(value, str) and value not in str(cell):
            row[column] = f"{value}\n{cell}"  # e.g. « Financements »: the user's text, then the other funders
    return row


def _tet_custom_value(value: Any) -> CellValue:
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"  # TeT's words (« Action en amélioration continue »)
    return cast(CellValue, value)


def _tet_milestones(action: ExportedAction) -> str | None:
    """The milestones as a « Jalons : » block, which the TeT import reads back."""
    if not action.milestones:
        return None
    lines = [tet.MILESTONES_HEADING]
    for milestone in action.milestones:
        dates = [
            f"{label} {day.strftime('%d/%m/%Y')}"
            for label, day in (("échéance", milestone.due_on), ("réalisé le", milestone.done_on))
            if day is not None
        ]
        lines.append(f"- {milestone.title}" + (f" ({' ; '.join(dates)})" if dates else ""))
    return "\n".join(lines)


def _tet_amount(amount: Decimal) -> str:
    return f"{format_euros(amount, cents=amount != amount.to_integral_value())} HT"
