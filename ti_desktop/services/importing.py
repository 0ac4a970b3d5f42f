"""Importing an action plan file: an overview (sheets, headers, suggested mapping), a preview (the
validation report and what would change, computed in a transaction that is rolled back), then one
all-or-nothing transaction.

Actions are matched by code, or by axis + title when the file has no codes (TeT files have none), so
importing the same file twice updates instead of duplicating. A blank cell never clears a value already
in the database: a file only adds or changes what it states.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.db.changelog import log_changes
from ti_desktop.domain import entities
from ti_desktop.domain.custom_fields import name_key
from ti_desktop.domain.enums import ActorKind, AmountBasis, CustomFieldKind
from ti_desktop.domain.errors import TiDesktopError, ValidationError
from ti_desktop.domain.records import CustomFieldRecord
from ti_desktop.exchange.french import normalise, parse_text, shown
from ti_desktop.exchange.name_scrub import scrub_names
from ti_desktop.exchange.plan_columns import ACTIONS_SHEET, sheet_kind
from ti_desktop.exchange.plan_import import (
    UNCLASSIFIED_AXIS,
    ActionImport,
    FundingImport,
    PlanImport,
    UnmappedPolicy,
)
from ti_desktop.exchange.report import ImportIssue
from ti_desktop.exchange.table_plan import guess_header, read_table_plan
from ti_desktop.exchange.tabular import RawSheet, RawWorkbook, read_workbook
from ti_desktop.exchange.tet import first_data_row, is_tet_sheet, read_tet_sheet
from ti_desktop.exchange.tet_layouts import HEADER_ROW, LAYOUT_LABELS, detect_layout
from ti_desktop.kernel.progress import CancelCheck, Cancelled, Progress
from ti_desktop.paths import resource_path
from ti_desktop.services.crud import EntityCrud, to_record
from ti_desktop.services.custom_fields import CustomFieldService, convert
from ti_desktop.services.directory import AxisService, TerritoryService
from ti_desktop.services.import_figures import ImportFigures
from ti_desktop.services.plan import ActionService
from ti_desktop.services.transactions import transaction

_NUMBERING = re.compile(r"^(axe\s*)?\d+(\.\d+)*\s*[.:)\-–]?\s*")
_AXIS_COLOURS = ("#6e7781", "#953800", "#0550ae", "#8250df", "#1b7c83", "#9a6700", "#bf3989")
# The action's values an import names itself (the others travel in `ActionImport.values`, as declared).
_ACTION_CHOICES = ("status", "priority", "budget_nature", "budget_basis")
_FUNDING_VALUES = ("programme", "amount_granted", "status", "filed_on", "decided_on", "basis")
TEMPLATE = ("templates", "modele-plan-action.xlsx")
SAMPLE_COUNT = 3


@dataclass(frozen=True, slots=True)
class SheetOverview:
    name: str
    kind: Literal["tet", "table"]  # TeT layout (fixed columns) or a table whose columns are mapped
    header_row: int | None  # 1-based row of the header (None: no header found)
    headers: list[str]
    samples: list[list[str]]  # per column, up to 3 example values as shown text
    data_rows: int
    suggested: dict[str, str]  # header → field key
    tet_layout: str | None = None  # which of TeT's layouts, in French (« modèle d'import actuel »…); None: a table
    filled: list[int] = field(default_factory=list)  # per column, the number of filled data cells


@dataclass(frozen=True, slots=True)
class FileOverview:
    path: Path
    sheets: list[SheetOverview]
    default_sheet: str


@dataclass(frozen=True, slots=True)
class ActionChange:
    kind: str  # "création" or "mise à jour"
    title: str
    axis: str
    row: int
    fields: tuple[str, ...] = ()  # French labels of the fields changed (updates)


@dataclass(slots=True)
class ImportPreview:
    path: Path
    sheet: str | None
    issues: list[ImportIssue] = field(default_factory=list)
    changes: list[ActionChange] = field(default_factory=list)
    actions_created: int = 0
    actions_updated: int = 0
    actions_unchanged: int = 0
    sub_actions_created: int = 0
    funding_lines_created: int = 0
    funding_lines_updated: int = 0
    milestones_created: int = 0
    milestones_updated: int = 0
    axes_created: list[str] = field(default_factory=list)
    objectives_created: int = 0
    actors_created: list[str] = field(default_factory=list)
    custom_fields_created: list[str] = field(default_factory=list)  # names of the territory's new custom fields
    custom_values_written: int = 0  # actions' values of custom fields set or changed
    # What the import brings in figures (actions per axis, budget, funding per status, the file's totals checked).
    figures: ImportFigures = field(default_factory=ImportFigures)
    written: bool = False

    @property
    def has_errors(self) -> bool:
        return any(issue.is_error for issue in self.issues)

    @property
    def errors(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if issue.is_error]

    @property
    def warnings(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if not issue.is_error]


class ImportRefusedError(TiDesktopError):
    """The file has errors: nothing was written. `preview` holds the report."""

    def __init__(self, preview: ImportPreview) -> None:
        count = len(preview.errors)
        super().__init__(
            f"import refusé : {count} erreur{'s' if count > 1 else ''} dans « {preview.path.name} » ; "
            "rien n'a été écrit."
        )
        self.preview = preview


class ImportCancelled(Cancelled):
    """The user cancelled: nothing was written."""


class _Rollback(Exception):
    """Raised inside the transaction of a preview so that nothing it did is kept."""


def default_sheet(workbook: RawWorkbook) -> RawSheet:
    """The TeT sheet, else the sheet named "Actions", else the actions sheet whose header is best recognised."""
    for sheet in workbook.sheets:
        if is_tet_sheet(sheet):
            return sheet
    for sheet in workbook.sheets:
        if normalise(sheet.name) == normalise(ACTIONS_SHEET):
            return sheet
    candidates = [sheet for sheet in workbook.sheets if sheet_kind(sheet.name) == "actions"] or workbook.sheets
    return max(candidates, key=lambda sheet: len(guess_header(sheet, "actions").suggested))


def _overview_of(sheet: RawSheet) -> SheetOverview:
    layout = detect_layout(sheet)
    if layout is not None:
        header_index: int | None = HEADER_ROW - 1
        suggested: dict[str, str] = {}
        kind: Literal["tet", "table"] = "tet"
        first_data = first_data_row(sheet) - 1  # the rows between hold TeT's types and instructions
        headers = [parse_text(value) or "" for value in sheet.rows[HEADER_ROW - 1]]
    else:
        guess = guess_header(sheet)
        header_index, suggested, kind = guess.row, guess.suggested, "table"
        first_data = (header_index or 0) + 1 if header_index is not None else 0
        headers = guess.headers  # as the reader names them (joined to a group row above)
    data = [row for row in sheet.rows[first_data:] if any(parse_text(value) for value in row)]
    width = len(headers) or max((len(row) for row in data[:SAMPLE_COUNT]), default=0)
    samples = [
        [
            shown(parse_text(row[index]) or "")
            for row in data[:SAMPLE_COUNT]
            if index < len(row) and row[index] is not None
        ]
        for index in range(width)
    ]
    return SheetOverview(
        name=sheet.name,
        kind=kind,
        header_row=None if header_index is None else header_index + 1,
        headers=headers,
        samples=samples,
        data_rows=len(data),
        suggested=suggested,
        tet_layout=LAYOUT_LABELS[layout] if layout is not None else None,
        filled=[sum(1 for row in data if index < len(row) and parse_text(row[index])) for index in range(width)],
    )


@dataclass(frozen=True, slots=True)
class NewTerritory:
    """Import into a territory created with the plan (`import --new-territory`): in the same transaction, so a
    refused file leaves no empty territory behind."""

    name: str


ImportTarget = int | NewTerritory  # an existing territory's id, or one to create


class ImportService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        actions: ActionService,
        before_write: Callable[[], object] | None = None,
    ) -> None:
        self._sessions = sessions
        self._before_write = before_write  # a backup of the base, taken once the file is known to be valid
        self.actions = actions
        self.axes = AxisService(sessions)
        self.territories = TerritoryService(sessions)
        self.objectives = EntityCrud(sessions, models.Objective, entities.OBJECTIVE)
        self.funding = EntityCrud(
            sessions,
            models.FundingLine,
            entities.FUNDING_LINE,
        )
        self.milestones = EntityCrud(sessions, models.Milestone, entities.MILESTONE)
        self.actors = EntityCrud(sessions, models.Actor, entities.ACTOR)
        self.custom_fields = CustomFieldService(sessions, actions)

    @staticmethod
    def template_path() -> Path:
        """TI Desktop's own plan workbook, empty, with its instructions: offered to users to fill in."""
        return resource_path(*TEMPLATE)

    def inspect(self, path: Path) -> FileOverview:
        workbook = read_workbook(path)
        return FileOverview(
            path=path,
            sheets=[_overview_of(sheet) for sheet in workbook.sheets],
            default_sheet=default_sheet(workbook).name,
        )

    def read(
        self,
        path: Path,
        sheet: str | None = None,
        mapping: Mapping[str, str] | None = None,
        unmapped: UnmappedPolicy = "keep",
    ) -> PlanImport:
        """The file read, not yet checked against the base; `unmapped` says what becomes of a filled column no
        field reads and the mapping does not place (kept as a custom field, added to the notes, ignored)."""
        workbook = read_workbook(path)
        chosen = workbook.sheet(sheet) if sheet is not None else default_sheet(workbook)
        if is_tet_sheet(chosen):
            plan = read_tet_sheet(path, chosen, unmapped)
            scrub_names(plan)  # the table reader does it itself
            return plan
        return read_table_plan(path, workbook, chosen.name, mapping, unmapped)

    def preview(
        self,
        territory_id: ImportTarget,
        path: Path,
        *,
        sheet: str | None = None,
        mapping: Mapping[str, str] | None = None,
        unmapped: UnmappedPolicy = "keep",
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ImportPreview:
        """The report and what the import would create or update; nothing is written."""
        return self._dry_run(territory_id, self.read(path, sheet, mapping, unmapped), progress, cancelled)

    def _dry_run(
        self, territory_id: ImportTarget, plan: PlanImport, progress: Progress | None, cancelled: CancelCheck | None
    ) -> ImportPreview:
        """Everything the import would do, in a transaction rolled back. Rows the file could not read are
        left out, so the report also lists what the other rows would meet (unknown axis, missing parent)."""
        preview = ImportPreview(path=plan.path, sheet=plan.sheet, issues=list(plan.issues))
        try:
            with transaction(self._sessions) as session:
                _Run(self, session, self._territory_in(session, territory_id), plan, preview, progress, cancelled).run()
                raise _Rollback
        except _Rollback:
            pass
        return preview

    def apply(
        self,
        territory_id: ImportTarget,
        path: Path,
        *,
        sheet: str | None = None,
        mapping: Mapping[str, str] | None = None,
        unmapped: UnmappedPolicy = "keep",
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ImportPreview:
        """Import in one transaction; raise `ImportRefusedError` (nothing written) when there is any error,
        `ImportCancelled` (nothing written) when `cancelled()` becomes true."""
        plan = self.read(path, sheet, mapping, unmapped)
        if plan.has_errors:
            raise ImportRefusedError(self._dry_run(territory_id, plan, progress, cancelled))
        if self._before_write is not None:
            self._before_write()
        preview = ImportPreview(path=path, sheet=plan.sheet, issues=list(plan.issues))
        try:
            with transaction(self._sessions) as session:
                _Run(self, session, self._territory_in(session, territory_id), plan, preview, progress, cancelled).run()
                if preview.has_errors:
                    raise _Rollback
        except _Rollback:
            raise ImportRefusedError(preview) from None
        preview.written = True
        return preview

    def _territory_in(self, session: Session, target: ImportTarget) -> int:
        if isinstance(target, NewTerritory):
            return self.territories.create_empty_in(session, target.name).id
        return target


_BASES = frozenset({"budget_basis", "basis"})


def _differs(name: str, stored: Any, read: Any) -> bool:
    """Whether the file changes a stored value; an unsaid basis is HT, so a file saying HT changes nothing."""
    if name in _BASES:
        return (stored or AmountBasis.HT) != (read or AmountBasis.HT)
    return bool(stored != read)


def axis_key(name: str) -> str:
    """`Axe 2 : Transition écologique` → `transition ecologique`."""
    key = normalise(name)
    return _NUMBERING.sub("", key).strip() or key


class _Run:
    """One import inside one session: resolves axes, objectives, actors and actions, writes, counts.

    Rows are validated one by one (a refused value becomes a located error) but flushed in three batches
    (actions, then sub-actions, then funding lines and milestones): 5,000 actions import in seconds.
    """

    def __init__(
        self,
        service: ImportService,
        session: Session,
        territory_id: int,
        plan: PlanImport,
        preview: ImportPreview,
        progress: Progress | None,
        cancelled: CancelCheck | None,
    ) -> None:
        self.s, self.session, self.territory_id, self.plan, self.preview = service, session, territory_id, plan, preview
        self.progress, self.cancelled = progress, cancelled
        preview.figures.totals = list(plan.totals)
        self.axes: dict[str, int] = {}
        self.axis_names: dict[int, str] = {}  # id → label, for the figures per axis
        self.axis_labels: list[str] = []
        self.axis_codes: set[str] = set()
        self.axis_count = 0
        for axis in service.axes.available_to_in(session, territory_id):
            self.axes.setdefault(normalise(axis.label), axis.id)
            self.axes.setdefault(axis_key(axis.label), axis.id)
            self.axes.setdefault(normalise(axis.code), axis.id)
            self.axis_names[axis.id] = axis.label
            self.axis_labels.append(axis.label)
            if axis.code:
                self.axis_codes.add(axis.code.upper())
            self.axis_count += 1
        objectives = session.scalars(select(models.Objective).where(models.Objective.territory_id == territory_id))
        self.objectives: dict[tuple[int, str], int] = {
            (row.axis_id, normalise(row.title)): row.id for row in objectives
        }
        # Rows the per-action checks read: held here so that `session.get` finds them without a query.
        self.held: list[models.Base] = [
            *session.scalars(select(models.Axis).where(models.Axis.id.in_(set(self.axes.values())))),
            *session.scalars(select(models.Objective).where(models.Objective.territory_id == territory_id)),
        ]
        self.existing: dict[tuple[int, int | None, str], list[models.Action]] = {}
        self.existing_codes: dict[str, models.Action] = {}
        statement = select(models.Action).where(models.Action.territory_id == territory_id).order_by(models.Action.id)
        action_ids: list[int] = []
        for action in session.scalars(statement):
            action_ids.append(action.id)
            self.existing.setdefault((action.axis_id, action.parent_id, normalise(action.title)), []).append(action)
            if action.code:
                self.existing_codes.setdefault(normalise(action.code), action)
        self.funding_lines: dict[int, list[models.FundingLine]] = {}
        self.milestones: dict[int, list[models.Milestone]] = {}
        if action_ids:
            territory_actions = select(models.Action.id).where(models.Action.territory_id == territory_id)
            lines = select(models.FundingLine).where(models.FundingLine.action_id.in_(territory_actions))
            for line in session.scalars(lines.order_by(models.FundingLine.id)):
                self.funding_lines.setdefault(line.action_id, []).append(line)
            steps = select(models.Milestone).where(models.Milestone.action_id.in_(territory_actions))
            for step in session.scalars(steps.order_by(models.Milestone.id)):
                self.milestones.setdefault(step.action_id, []).append(step)
        self.actors: dict[str, int] = {}
        self.actor_names: dict[int, str] = {}  # a funding line may name its funder through the directory
        for actor in session.scalars(select(models.Actor).order_by(models.Actor.id)):
            self.actors.setdefault(normalise(actor.name), actor.id)
            self.actor_names[actor.id] = actor.name
            if actor.organisation:
                self.actors.setdefault(normalise(actor.organisation), actor.id)
        # Actions of this import (ORM rows: their ids exist once their batch is flushed).
        self.resolved: dict[tuple[str, str], models.Action] = {}  # TeT parents: (axis, title) → row
        self.by_code: dict[str, models.Action] = {}
        self.by_title: dict[tuple[int, str], models.Action] = {}
        self.taken: set[int] = set()  # existing actions already matched by a row of the file
        self.imported: list[tuple[ActionImport, models.Action]] = []
        self.done = 0
        # The territory's custom fields (by comparable name), those the file's kept columns fill (by header), the
        # actions' current values, and the history rows of the values written (logged once, at the end).
        self.custom_by_key: dict[str, CustomFieldRecord] = {
            field.name_key: field for field in service.custom_fields.for_territory_in(session, territory_id)
        }
        self.custom_of_header: dict[str, CustomFieldRecord] = {}
        self.custom_by_id: dict[int, CustomFieldRecord] = {}  # the fields the file fills
        self.custom_kinds: dict[str, CustomFieldKind] = {}  # header → the kind its values were read as
        self.custom_values: dict[int, dict[int, models.CustomValue]] = {}
        if action_ids and self.custom_by_key:
            values = select(models.CustomValue).where(models.CustomValue.action_id.in_(territory_actions))
            for value in session.scalars(values):
                self.custom_values.setdefault(value.action_id, {})[value.field_id] = value
        self.custom_history: list[dict[str, Any]] = []
        self.counted_unchanged: set[int] = set()  # existing actions counted unchanged (until a value of theirs moves)
        self.change_index: dict[int, int] = {}  # existing action → its update in `preview.changes`

    def run(self) -> None:
        self.prepare_custom_fields()
        for axis_name, objective in self.plan.headings:
            axis_id = self.axis_id(axis_name)
            if axis_id is not None and objective:
                self.objective_id(axis_id, objective)
        top = [action for action in self.plan.actions if not action.is_sub_action]
        subs = [action for action in self.plan.actions if action.is_sub_action]
        total = len(self.plan.actions) * 2
        with self.session.no_autoflush:  # one flush per batch, not one per row read back
            for batch in (top, subs):  # parents first, whatever the file's order
                for action in batch:
                    self.step(total)
                    try:
                        self.import_action(action)
                    except ValidationError as error:
                        self.error(action, error.message, error.field)
                self.session.flush()
            for action, row in self.imported:
                self.step(total)
                self.import_funding(row, action)
                self.import_milestones(row, action)
                self.import_custom_values(row, action)
            self.session.flush()
        log_changes(self.session, self.custom_history)
        if self.progress is not None:
            self.progress(total, total)

    def step(self, total: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled(f"Import de « {self.plan.path.name} » annulé : rien n'a été écrit.")
        if self.progress is not None and self.done % 100 == 0:
            self.progress(self.done, total)
        self.done += 1

    def error(self, action: ActionImport, message: str, attribute: str | None = None) -> None:
        column, header = self.plan.columns.get(attribute or "", (None, None))
        self.preview.issues.append(
            ImportIssue(
                "error", message, sheet=action.origin.sheet, row=action.origin.row, column=column, header=header
            )
        )

    def axis_id(self, name: str, action: ActionImport | None = None) -> int | None:
        for key in (normalise(name), axis_key(name)):
            if key in self.axes:
                return self.axes[key]
        if not self.plan.creates_axes and name != UNCLASSIFIED_AXIS:
            if action is not None:
                known = ", ".join(self.axis_labels)
                self.error(action, f"axe « {shown(name)} » inconnu (axes du territoire : {known}).", "axis_id")
            return None
        code = self.new_axis_code()
        colour = _AXIS_COLOURS[self.axis_count % len(_AXIS_COLOURS)]
        row = self.s.axes.create_in(
            self.session,
            territory_id=self.territory_id,
            code=code,
            label=name,
            colour=colour,
            position=self.axis_count + 1,
        )
        self.axis_count += 1
        self.axes[normalise(name)] = row.id
        self.axes.setdefault(axis_key(name), row.id)
        self.axis_names[row.id] = name
        self.axis_labels.append(name)
        self.held.append(row)
        self.preview.axes_created.append(name)
        return row.id

    def new_axis_code(self) -> str:
        number = 1
        while f"AX{number}" in self.axis_codes:
            number += 1
        self.axis_codes.add(f"AX{number}")
        return f"AX{number}"

    def objective_id(self, axis_id: int, title: str) -> int:
        key = (axis_id, normalise(title))
        if key not in self.objectives:
            row = self.s.objectives.create_in(
                self.session, territory_id=self.territory_id, axis_id=axis_id, title=title
            )
            self.objectives[key] = row.id
            self.held.append(row)
            self.preview.objectives_created += 1
        return self.objectives[key]

    def actor_id(self, name: str) -> int:
        key = normalise(name)
        if key not in self.actors:
            row = self.s.actors.create_in(self.session, name=name, kind=ActorKind.AUTRE)
            self.actors[key] = row.id
            self.preview.actors_created.append(name)
        return self.actors[key]

    def parent_id(self, action: ActionImport, axis_id: int) -> int | Literal[False] | None:
        """The id of the action's parent, None for a top-level action, False when it cannot be found."""
        if action.parent_title is not None:
            parent = self.resolved.get((normalise(action.axis), normalise(action.parent_title)))
            if parent is None:  # its own row was refused: reported there
                self.error(action, f"l'action parente « {shown(action.parent_title)} » n'a pas pu être importée.")
                return False
            return parent.id
        if action.parent_ref is None:
            return None
        reference = normalise(action.parent_ref)
        if reference in self.by_code:
            return self.by_code[reference].id
        if reference in self.existing_codes:
            return self.existing_codes[reference].id
        if (axis_id, reference) in self.by_title:
            return self.by_title[(axis_id, reference)].id
        self.error(
            action,
            f"action parente « {shown(action.parent_ref)} » introuvable (ni code ni intitulé du même axe).",
            "parent_id",
        )
        return False

    def match(self, action: ActionImport, axis_id: int, parent_id: int | None) -> models.Action | None:
        if action.code:
            found = self.existing_codes.get(normalise(action.code))
            if found is not None:
                return found
        candidates = [
            row
            for row in self.existing.get((axis_id, parent_id, normalise(action.title)), [])
            if row.id not in self.taken and (not action.code or not row.code)
        ]
        return candidates[0] if candidates else None

    def import_action(self, action: ActionImport) -> None:
        axis_id = self.axis_id(action.axis, action)
        if axis_id is None:
            return
        objective_id = self.objective_id(axis_id, action.objective) if action.objective else None
        parent_id = self.parent_id(action, axis_id)
        if parent_id is False:
            return
        values = self.values_of(action, objective_id)
        match = self.match(action, axis_id, parent_id)
        if match is None:
            row = self.s.actions.create_in(
                self.session,
                batch=True,
                territory_id=self.territory_id,
                axis_id=axis_id,
                parent_id=parent_id,
                title=action.title,
                code=action.code,
                **values,
            )
            self.preview.actions_created += 1
            if parent_id is not None:
                self.preview.sub_actions_created += 1
            self.preview.changes.append(ActionChange("création", action.title, action.axis, action.origin.row))
        else:
            row = match
            self.taken.add(match.id)
            if action.code:
                values.update(code=action.code, title=action.title, axis_id=axis_id, parent_id=parent_id)
            changes = {name: value for name, value in values.items() if _differs(name, getattr(match, name), value)}
            if changes:
                self.s.actions.update_in(self.session, match.id, batch=True, **changes)
                self.preview.actions_updated += 1
                labels = tuple(entities.ACTION.fields[name].label for name in changes)
                self.change_index[match.id] = len(self.preview.changes)
                self.preview.changes.append(
                    ActionChange("mise à jour", action.title, action.axis, action.origin.row, labels)
                )
            else:
                self.preview.actions_unchanged += 1
                self.counted_unchanged.add(match.id)
        if not action.is_sub_action:
            self.resolved.setdefault((normalise(action.axis), normalise(action.title)), row)
            self.by_title.setdefault((axis_id, normalise(action.title)), row)
        if action.code:
            self.by_code[normalise(action.code)] = row
        self.imported.append((action, row))
        if not action.implicit:
            self.preview.figures.add(self.axis_names[axis_id], action)

    def values_of(self, action: ActionImport, objective_id: int | None) -> dict[str, Any]:
        """The values the file states (blank cells are absent: they never clear what is in the database)."""
        values: dict[str, Any] = {"objective_id": objective_id} if objective_id is not None else {}
        if action.implicit:
            return values
        for name in _ACTION_CHOICES:
            value = getattr(action, name)
            if value is not None:
                values[name] = value
        values.update((name, value) for name, value in action.values.items() if value is not None)
        for attribute, name in action.actors.items():
            values[attribute] = self.actor_id(name)
        return values

    def custom_issue(self, message: str, header: str, sheet: str | None, row: int | None = None) -> None:
        """An error about the file's column kept as the custom field `header` (located by its letter)."""
        letter = next((column.column for column in self.plan.unmapped if column.header == header), None)
        self.preview.issues.append(ImportIssue("error", message, sheet=sheet, row=row, column=letter, header=header))

    def prepare_custom_fields(self) -> None:
        """The territory's custom field of each column the file keeps: the field of that name (whatever its case
        and accents: a re-import of our own export finds its fields), with a list's new choices added; else a new
        field, of the kind its values showed."""
        for column in self.plan.custom_columns:
            key = name_key(column.header)
            found = self.custom_by_key.get(key)
            try:
                if found is None:
                    row = self.s.custom_fields.create_in(
                        self.session,
                        territory_id=self.territory_id,
                        name=column.header,
                        kind=column.kind,
                        choices=column.choices or None,
                    )
                    found = to_record(row, CustomFieldRecord)
                    self.preview.custom_fields_created.append(found.name)
                else:
                    self.say_existing_field(column.header, found)
                if found.kind is column.kind is CustomFieldKind.CHOICE:
                    known = {normalise(choice) for choice in found.choice_list}
                    new = [choice for choice in column.choices if normalise(choice) not in known]
                    if new:
                        row = self.s.custom_fields.update_in(self.session, found.id, choices=[*found.choice_list, *new])
                        found = to_record(row, CustomFieldRecord)
            except ValidationError as error:
                self.custom_issue(error.message, column.header, self.plan.sheet)
                continue
            self.custom_by_key[key] = found
            self.custom_of_header[column.header] = found
            self.custom_by_id[found.id] = found
            self.custom_kinds[column.header] = column.kind

    def say_existing_field(self, header: str, found: CustomFieldRecord) -> None:
        """The report of a kept column that fills a field the territory already has (a re-import of our own
        export) says so, instead of announcing a new field."""
        announced = f"gardée comme champ personnalisé « {shown(header)} »"
        for index, issue in enumerate(self.preview.issues):
            start = issue.message.find(announced)
            if start >= 0:
                message = f"{issue.message[:start]}elle remplit le champ personnalisé « {found.name} » du territoire."
                self.preview.issues[index] = dataclasses.replace(issue, message=message)

    def import_custom_values(self, row: models.Action, action: ActionImport) -> None:
        """The action's values of the kept columns (a blank cell is absent: it never clears a value); a value that
        does not fit its field (a field of another kind already) is an error naming its row and column."""
        values: dict[int, Any] = {}
        for header, value in action.custom_values.items():
            field = self.custom_of_header.get(header)
            if field is None or value is None:
                continue  # its column could not become a field: reported there
            try:
                values[field.id] = convert(value, self.custom_kinds.get(header), field)
            except ValidationError as error:
                self.custom_issue(error.message, header, action.origin.sheet, action.origin.row)
        if not values:
            return
        try:
            changed = self.s.custom_fields.set_values_in(
                self.session,
                row,
                values,
                fields=self.custom_by_id,
                current=self.custom_values.setdefault(row.id, {}),
                history=self.custom_history,
            )
        except ValidationError as error:  # pragma: no cover - every value was converted for its field above
            self.error(action, error.message)
            return
        self.preview.custom_values_written += len(changed)
        labels = tuple(field.name for field in changed)
        if not labels or row.id not in self.taken:
            return  # a new action: its creation says it
        if row.id in self.change_index:
            index = self.change_index[row.id]
            update = self.preview.changes[index]
            self.preview.changes[index] = dataclasses.replace(update, fields=(*update.fields, *labels))
        elif row.id in self.counted_unchanged:
            self.counted_unchanged.discard(row.id)
            self.preview.actions_unchanged -= 1
            self.preview.actions_updated += 1
            self.change_index[row.id] = len(self.preview.changes)
            self.preview.changes.append(
                ActionChange("mise à jour", action.title, action.axis, action.origin.row, labels)
            )

    def import_funding(self, row: models.Action, action: ActionImport) -> None:
        """Lines are matched by funder and programme (in order when several); amounts and dates updated."""
        existing: dict[tuple[str, str], list[models.FundingLine]] = {}
        for line in self.funding_lines.get(row.id, []):
            funder = line.funder_name or self.actor_names.get(line.funder_actor_id or 0, "")
            existing.setdefault((normalise(funder), normalise(line.programme or "")), []).append(line)
        for funding in action.funding:
            candidates = existing.get((normalise(funding.funder), normalise(funding.programme or "")), [])
            match = candidates.pop(0) if candidates else None
            values = self.funding_values(funding)
            try:
                if match is None:
                    self.s.funding.create_in(self.session, batch=True, action_id=row.id, **values)
                    self.preview.funding_lines_created += 1
                    continue
                if match.funder_actor_id is not None and match.funder_name is None:
                    values.pop("funder_name")  # the line names its funder through the directory: keep that link
                changes = {name: value for name, value in values.items() if _differs(name, getattr(match, name), value)}
                if changes:
                    self.s.funding.update_in(self.session, match.id, batch=True, **changes)
                    self.preview.funding_lines_updated += 1
            except ValidationError as error:
                self.preview.issues.append(
                    ImportIssue(
                        "error",
                        error.message,
                        sheet=funding.origin.sheet,
                        row=funding.origin.row,
                        column=funding.column,
                    )
                )

    @staticmethod
    def funding_values(funding: FundingImport) -> dict[str, Any]:
        values: dict[str, Any] = {"funder_name": funding.funder, "amount_requested": funding.amount}
        for name in _FUNDING_VALUES:
            value = getattr(funding, name)
            if value is not None:
                values[name] = value
        return values

    def import_milestones(self, row: models.Action, action: ActionImport) -> None:
        existing: dict[str, models.Milestone] = {}
        for step in self.milestones.get(row.id, []):
            existing.setdefault(normalise(step.title), step)
        for position, milestone in enumerate(action.milestones):
            values: dict[str, Any] = {"title": milestone.title}
            if milestone.due_on is not None:
                values["due_on"] = milestone.due_on
            if milestone.done_on is not None:
                values["done_on"] = milestone.done_on
            match = existing.get(normalise(milestone.title))
            try:
                if match is None:
                    created = self.s.milestones.create_in(
                        self.session, batch=True, action_id=row.id, position=position, **values
                    )
                    existing[normalise(milestone.title)] = created
                    self.preview.milestones_created += 1
                    continue
                changes = {name: value for name, value in values.items() if getattr(match, name) != value}
                if changes:
                    self.s.milestones.update_in(self.session, match.id, batch=True, **changes)
                    self.preview.milestones_updated += 1
            except ValidationError as error:
                self.preview.issues.append(
                    ImportIssue("error", error.message, sheet=milestone.origin.sheet, row=milestone.origin.row)
                )
