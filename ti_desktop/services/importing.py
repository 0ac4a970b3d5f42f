"""Importing an action plan file: a preview (the validation report and what would change), then one
all-or-nothing transaction. Actions are matched by axis + title (TeT files have no codes), so importing
the same file twice updates instead of duplicating."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain import fields
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.errors import TiDesktopError, ValidationError
from ti_desktop.domain.records import FundingLineRecord, ObjectiveRecord
from ti_desktop.exchange.french import normalise
from ti_desktop.exchange.report import ImportIssue
from ti_desktop.exchange.tet import ActionImport, PlanImport, read_tet_plan
from ti_desktop.services.checks import check_funding_line, check_territory_axis
from ti_desktop.services.crud import EntityCrud
from ti_desktop.services.directory import AxisService
from ti_desktop.services.plan import ActionService
from ti_desktop.services.transactions import transaction

_NUMBERING = re.compile(r"^(axe\s*)?\d+(\.\d+)*\s*[.:)\-–]?\s*")
_AXIS_COLOURS = ("#6e7781", "#953800", "#0550ae", "#8250df", "#1b7c83", "#9a6700", "#bf3989")
_UPDATABLE = (
    "description",
    "expected_results",
    "status",
    "priority",
    "planned_start",
    "planned_end",
    "planned_budget",
    "objective_id",
)


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
    axes_created: list[str] = field(default_factory=list)
    objectives_created: int = 0
    written: bool = False

    @property
    def has_errors(self) -> bool:
        return any(issue.is_error for issue in self.issues)

    @property
    def errors(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if issue.is_error]


class ImportRefusedError(TiDesktopError):
    """The file has errors: nothing was written. `preview` holds the report."""

    def __init__(self, preview: ImportPreview) -> None:
        count = len(preview.errors)
        super().__init__(
            f"import refusé : {count} erreur{'s' if count > 1 else ''} dans « {preview.path.name} » ; "
            "rien n'a été écrit."
        )
        self.preview = preview


class _Rollback(Exception):
    """Raised inside the transaction of a preview so that nothing it did is kept."""


class ImportService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._actions = ActionService(sessions)
        self._axes = AxisService(sessions)
        self._objectives = EntityCrud(
            sessions, models.Objective, ObjectiveRecord, fields.OBJECTIVE, noun="l'objectif", check=check_territory_axis
        )
        self._funding = EntityCrud(
            sessions,
            models.FundingLine,
            FundingLineRecord,
            fields.FUNDING_LINE,
            noun="la ligne de financement",
            check=check_funding_line,
        )

    def read(self, path: Path) -> PlanImport:
        return read_tet_plan(path)

    def preview(self, territory_id: int, path: Path) -> ImportPreview:
        """The report and what the import would create or update; nothing is written."""
        plan = self.read(path)
        preview = ImportPreview(path=path, sheet=plan.sheet, issues=list(plan.issues))
        if plan.has_errors:
            return preview
        try:
            with transaction(self._sessions) as session:
                _Run(self, session, territory_id, plan, preview).run()
                raise _Rollback
        except _Rollback:
            pass
        return preview

    def apply(self, territory_id: int, path: Path) -> ImportPreview:
        """Import in one transaction; raise `ImportRefusedError` (nothing written) when there is any error."""
        plan = self.read(path)
        preview = ImportPreview(path=path, sheet=plan.sheet, issues=list(plan.issues))
        if plan.has_errors:
            raise ImportRefusedError(preview)
        try:
            with transaction(self._sessions) as session:
                _Run(self, session, territory_id, plan, preview).run()
                if preview.has_errors:
                    raise _Rollback
        except _Rollback:
            raise ImportRefusedError(preview) from None
        preview.written = True
        return preview


def axis_key(name: str) -> str:
    """`Axe 2 : Transition écologique` → `transition ecologique`."""
    key = normalise(name)
    return _NUMBERING.sub("", key).strip() or key


class _Run:
    """One import inside one session: resolves axes, objectives and actions, writes, counts."""

    def __init__(
        self, service: ImportService, session: Session, territory_id: int, plan: PlanImport, preview: ImportPreview
    ) -> None:
        self.s, self.session, self.territory_id, self.plan, self.preview = service, session, territory_id, plan, preview
        self.axes: dict[str, int] = {}
        self.axis_codes: set[str] = set()
        self.axis_count = 0
        for axis in service._axes.available_to_in(session, territory_id):
            self.axes.setdefault(normalise(axis.label), axis.id)
            self.axes.setdefault(axis_key(axis.label), axis.id)
            self.axes.setdefault(normalise(axis.code), axis.id)
            if axis.code:
                self.axis_codes.add(axis.code.upper())
            self.axis_count += 1
        self.objectives: dict[tuple[int, str], int] = {
            (row.axis_id, normalise(row.title)): row.id
            for row in session.scalars(select(models.Objective).where(models.Objective.territory_id == territory_id))
        }
        self.existing: dict[tuple[int, int | None, str], list[models.Action]] = {}
        statement = select(models.Action).where(models.Action.territory_id == territory_id).order_by(models.Action.id)
        for action in session.scalars(statement):
            self.existing.setdefault((action.axis_id, action.parent_id, normalise(action.title)), []).append(action)
        self.resolved: dict[tuple[str, str, str, int], int] = {}

    def run(self) -> None:
        for axis_name, objective in self.plan.headings:
            axis_id = self.axis_id(axis_name)
            if objective:
                self.objective_id(axis_id, objective)
        for action in self.plan.actions:
            try:
                self.import_action(action)
            except ValidationError as error:
                self.preview.issues.append(
                    ImportIssue("error", error.message, sheet=action.origin.sheet, row=action.origin.row)
                )

    def axis_id(self, name: str) -> int:
        for key in (normalise(name), axis_key(name)):
            if key in self.axes:
                return self.axes[key]
        code = self.new_axis_code()
        colour = _AXIS_COLOURS[self.axis_count % len(_AXIS_COLOURS)]
        row = self.s._axes.create_in(
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
            row = self.s._objectives.create_in(
                self.session, territory_id=self.territory_id, axis_id=axis_id, title=title
            )
            self.objectives[key] = row.id
            self.preview.objectives_created += 1
        return self.objectives[key]

    def import_action(self, action: ActionImport) -> None:
        axis_id = self.axis_id(action.axis)
        objective_id = self.objective_id(axis_id, action.objective) if action.objective else None
        parent_id = None
        if action.parent_title is not None:
            parent_id = self.resolved[(normalise(action.axis), "", normalise(action.parent_title), 0)]
        values = self.values_of(action, objective_id)
        candidates = self.existing.get((axis_id, parent_id, normalise(action.title)), [])
        match = candidates[action.occurrence] if action.occurrence < len(candidates) else None
        if match is None:
            created = self.s._actions.create_in(
                self.session,
                territory_id=self.territory_id,
                axis_id=axis_id,
                parent_id=parent_id,
                title=action.title,
                to_discuss=action.to_discuss,
                **{name: value for name, value in values.items() if value is not None},
            )
            row_id = created.id
            self.preview.actions_created += 1
            if parent_id is not None:
                self.preview.sub_actions_created += 1
            self.preview.changes.append(ActionChange("création", action.title, action.axis, action.origin.row))
        else:
            row_id = match.id
            changes = {
                name: value
                for name, value in values.items()
                if value is not None and getattr(match, name) != value and not action.implicit
            }
            if action.to_discuss and not match.to_discuss:
                changes["to_discuss"] = True
            if changes:
                self.s._actions.update_in(self.session, match.id, **changes)
                self.preview.actions_updated += 1
                labels = tuple(fields.ACTION[name].label for name in changes)
                self.preview.changes.append(
                    ActionChange("mise à jour", action.title, action.axis, action.origin.row, labels)
                )
            else:
                self.preview.actions_unchanged += 1
        if action.parent_title is None:
            self.resolved.setdefault((normalise(action.axis), "", normalise(action.title), 0), row_id)
        self.import_funding(row_id, action)

    def values_of(self, action: ActionImport, objective_id: int | None) -> dict[str, Any]:
        if action.implicit:
            return {"objective_id": objective_id}
        values: dict[str, Any] = {
            "description": action.description,
            "expected_results": action.expected_results,
            "status": action.status,
            "priority": action.priority,
            "planned_start": action.planned_start,
            "planned_end": action.planned_end,
            "planned_budget": action.planned_budget,
            "objective_id": objective_id,
        }
        if action.status == ActionStatus.REALISEE:
            values["progress"] = 100
        return values

    def import_funding(self, action_id: int, action: ActionImport) -> None:
        existing = {
            (normalise(line.funder_name or ""), Decimal(line.amount_requested))
            for line in self.session.scalars(
                select(models.FundingLine).where(models.FundingLine.action_id == action_id)
            )
        }
        for line in action.funding:
            key = (normalise(line.funder), line.amount)
            if key in existing:
                continue
            existing.add(key)
            self.s._funding.create_in(
                self.session, action_id=action_id, funder_name=line.funder, amount_requested=line.amount
            )
            self.preview.funding_lines_created += 1
