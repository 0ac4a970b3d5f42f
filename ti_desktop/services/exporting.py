"""Exporting a territory's plan to TI Desktop's workbook, to CSV, or to a Territoires en Transitions workbook.

The plan is read in one session with plain Core queries (fast for 10,000 actions), confidential actions
left out unless asked, then written atomically: on failure or cancellation the previous file is intact.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from functools import cache, partial
from operator import itemgetter
from pathlib import Path
from typing import Any, cast

from sqlalchemy import BigInteger, String, bindparam, func, or_, select, type_coerce
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import BindParameter

from ti_desktop.db import models
from ti_desktop.db.types import EnumCode, Money
from ti_desktop.domain.enums import (
    ActionStatus,
    AmountBasis,
    BudgetNature,
    FundingStatus,
    IndicatorDirection,
    Priority,
)
from ti_desktop.domain.errors import NotFoundError, TiDesktopError
from ti_desktop.domain.records import CustomFieldRecord
from ti_desktop.domain.rules import confidential_ids
from ti_desktop.exchange import plan_columns as pc
from ti_desktop.exchange.plan_export import (
    ExportCancelled,
    ExportedAction,
    ExportedFunding,
    ExportedIndicator,
    ExportedMilestone,
    ExportedUpdate,
    PlanExport,
    WrittenCounts,
    write_csv,
    write_tet,
    write_xlsx,
    write_xlsx_chunks,
)
from ti_desktop.exchange.plan_export import TetExportLayout as TetExportLayout  # the GUI's choice
from ti_desktop.kernel.clock import Clock
from ti_desktop.kernel.files import write_atomically
from ti_desktop.kernel.progress import CancelCheck, Progress
from ti_desktop.services.crud import fetch_records
from ti_desktop.services.plan import custom_values_in

__all__ = ["ExportCancelled", "ExportFormat", "ExportResult", "ExportService"]

# Actions read (with their funding lines, milestones…) at a time: few queries, and rows dropped once written.
_CHUNK = 2000
# A chunk's ids, given when the statement runs: one statement compiled once, not 2,000 literals built into each.
CHUNK_IDS: BindParameter[Any] = bindparam("ids", expanding=True)
# The action columns the order, the confidentiality, the parents and the indicators need.
_LOCATING = ("id", "parent_id", "axis_id", "code", "title", "confidential")
_READ_SHARE = 10  # percent of the progress bar spent reading the database
_TIMESTAMPS = frozenset({"created_at", "updated_at"})
# Enumeration codes → French labels (looking an enum member up by value is slow on 50,000 rows).
_ACTION_STATUS = {member.value: member.label for member in ActionStatus}
_PRIORITY = {member.value: member.label for member in Priority}
_BUDGET_NATURE = {member.value: member.label for member in BudgetNature}
_BASIS = {member.value: member.label for member in AmountBasis}
_FUNDING_STATUS = {member.value: member.label for member in FundingStatus}
_DIRECTION = {member.value: member.label for member in IndicatorDirection}


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"
    TET = "tet"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What the written file holds. CSV holds the actions only; a TeT workbook holds every funding line (beyond
    its three Financeur columns, in its « Financements » text) and the milestones (in « Notes »)."""

    path: Path
    format: ExportFormat
    actions: int
    funding_lines: int
    milestones: int
    confidential_left_out: int


_WRITERS = {ExportFormat.XLSX: write_xlsx, ExportFormat.CSV: write_csv}  # (xlsx: `collect`ed plans)


class ExportService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def export(
        self,
        territory_id: int,
        fmt: ExportFormat,
        output: Path,
        *,
        include_confidential: bool = False,
        tet_layout: TetExportLayout = "template",
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ExportResult:
        """Write the plan to `output` atomically. Raises `ExportCancelled` when `cancelled()` became true and
        `FileWriteError` when the file cannot be written; in both cases the previous file is untouched."""
        if fmt not in list(ExportFormat):
            choices = ", ".join(member.value for member in ExportFormat)
            raise TiDesktopError(f"Format d'export inconnu « {fmt} » : choisissez parmi {choices}.")
        fmt = ExportFormat(fmt)
        output = Path(output).expanduser().absolute()

        def report(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total)

        def check() -> None:
            if cancelled is not None and cancelled():
                raise ExportCancelled(f"Export annulé : « {output.name} » n'a pas été modifié.")

        check()
        report(0, 100)
        if fmt is ExportFormat.XLSX:
            return self._export_xlsx(territory_id, output, include_confidential, report, cancelled, check)
        plan = self.collect(territory_id, include_confidential=include_confidential)
        check()
        report(_READ_SHARE, 100)

        def step(done: int, total: int) -> None:
            report(_READ_SHARE + ((99 - _READ_SHARE) * done) // max(total, 1), 100)

        writer = partial(write_tet, layout=tet_layout) if fmt is ExportFormat.TET else _WRITERS[fmt]
        try:
            write_atomically(output, lambda temporary: writer(plan, temporary, step, cancelled))
        except ExportCancelled:
            raise ExportCancelled(f"Export annulé : « {output.name} » n'a pas été modifié.") from None
        report(100, 100)
        return ExportResult(
            path=output,
            format=fmt,
            actions=len(plan.actions),
            funding_lines=0 if fmt is ExportFormat.CSV else plan.funding_lines,
            milestones=0 if fmt is ExportFormat.CSV else plan.milestones,
            confidential_left_out=plan.confidential_left_out,
        )

    def _export_xlsx(
        self,
        territory_id: int,
        output: Path,
        include_confidential: bool,
        report: Callable[[int, int], None],
        cancelled: CancelCheck | None,
        check: Callable[[], None],
    ) -> ExportResult:
        """The workbook written as the plan is read, a chunk of actions at a time: a national plan (100,000
        actions) is never held whole."""
        with self._sessions() as session:
            reader = _Reader(session, territory_id)
            outline = reader.outline(include_confidential, self._clock.now())
            check()
            report(_READ_SHARE // 2, 100)
            head = outline.head
            total = len(outline.ordered) + reader.companion_rows() + len(head.indicators)

            def step(done: int, total: int) -> None:
                report(_READ_SHARE // 2 + ((99 - _READ_SHARE // 2) * done) // max(total, 1), 100)

            counts: list[WrittenCounts] = []

            def write(temporary: Path) -> None:
                counts.append(write_xlsx_chunks(head, reader.chunks(outline), temporary, total, step, cancelled))

            try:
                write_atomically(output, write)
            except ExportCancelled:
                raise ExportCancelled(f"Export annulé : « {output.name} » n'a pas été modifié.") from None
        report(100, 100)
        return ExportResult(
            path=output,
            format=ExportFormat.XLSX,
            actions=counts[0].actions,
            funding_lines=counts[0].funding_lines,
            milestones=counts[0].milestones,
            confidential_left_out=head.confidential_left_out,
        )

    def collect(self, territory_id: int, *, include_confidential: bool = False) -> PlanExport:
        """The territory's plan as exported now: each action followed by its sub-actions, in axis then code
        order."""
        with self._sessions() as session:
            return _Reader(session, territory_id).plan(include_confidential, self._clock.now())


@dataclass(frozen=True, slots=True)
class _Outline:
    """The plan but its actions (`head`), the actions in export order with the columns locating them, and the
    lookups their chunks are built with."""

    head: PlanExport
    ordered: list[Any]
    by_id: dict[int, Any]
    axes: dict[int, str]
    objectives: dict[int, str]
    actors: dict[int, str]
    indicator_names: dict[int, list[str]]
    custom_values: dict[int, dict[str, Any]]


class _Reader:
    """Every row the export needs, read with Core selects in one session."""

    def __init__(self, session: Session, territory_id: int) -> None:
        self.session, self.territory_id = session, territory_id

    def rows(self, statement: Any, ids: list[int] | None = None) -> list[Any]:
        """The statement's rows; `ids` fills its `CHUNK_IDS` list."""
        return list(self.session.execute(statement, None if ids is None else {CHUNK_IDS.key: ids}).all())

    @staticmethod
    def columns(table: Any) -> list[Any]:
        """The table's columns but its timestamps; enumerations read as their codes and money as cents
        (converted here in bulk: SQLAlchemy's per-value type hooks cost more than the rest of the read)."""
        chosen = []
        for column in table.c:
            if column.name in _TIMESTAMPS:
                continue
            if isinstance(column.type, EnumCode):
                column = type_coerce(column, String).label(column.name)
            elif isinstance(column.type, Money):
                column = type_coerce(column, BigInteger).label(column.name)
            chosen.append(column)
        return chosen

    def outline(self, include_confidential: bool, now: dt.datetime) -> _Outline:
        """What every chunk of actions needs: the actions' order and the few columns locating them, the lookups,
        the indicators and the custom fields (the big columns are read chunk by chunk)."""
        territory = self.session.get(models.Territory, self.territory_id)
        if territory is None:
            raise NotFoundError(f"Impossible de trouver le territoire n° {self.territory_id}.")
        action_table = models.Action.__table__
        light = self.rows(
            select(*(action_table.c[name] for name in _LOCATING)).where(
                action_table.c.territory_id == self.territory_id
            )
        )
        by_id = {action.id: action for action in light}
        left_out = set() if include_confidential else confidential_ids(light)
        kept = [action for action in light if action.id not in left_out]
        ordered = self.ordered(kept, by_id)
        kept_ids = {action.id for action in kept}
        axes = self.axis_labels()
        objectives = {
            row.id: row.title
            for row in self.rows(
                select(models.Objective.id, models.Objective.title).where(
                    models.Objective.territory_id == self.territory_id
                )
            )
        }
        actors = {row.id: row.name for row in self.rows(select(models.Actor.id, models.Actor.name))}
        indicators, indicator_names = self.indicators(kept_ids, by_id, axes)
        custom_fields, custom_values = self.custom_fields()
        head = PlanExport(
            territory=territory.name,
            exported_at=now,
            actions=(),
            indicators=tuple(indicators),
            confidential_left_out=len(left_out),
            custom_fields=tuple((field.name, field.kind) for field in custom_fields),
        )
        return _Outline(head, ordered, by_id, axes, objectives, actors, indicator_names, custom_values)

    def plan(self, include_confidential: bool, now: dt.datetime) -> PlanExport:
        outline = self.outline(include_confidential, now)
        exported = [action for chunk in self.chunks(outline) for action in chunk]
        return replace(outline.head, actions=tuple(exported))

    def chunks(self, outline: _Outline) -> Iterator[list[ExportedAction]]:
        """The exported actions in order, a few thousand at a time (each chunk's rows read then dropped)."""
        for start in range(0, len(outline.ordered), _CHUNK):
            yield self.chunk(outline, outline.ordered[start : start + _CHUNK])

    def chunk(self, outline: _Outline, light: list[Any]) -> list[ExportedAction]:
        ids = [action.id for action in light]
        action_table = models.Action.__table__
        columns = self.columns(action_table)
        full = {row.id: row for row in self.rows(select(*columns).where(action_table.c.id.in_(CHUNK_IDS)), ids)}
        value_getter = _value_getter(tuple(column.name for column in columns))
        axes, objectives, actors, by_id = outline.axes, outline.objectives, outline.actors, outline.by_id
        funding = self.funding(actors, ids)
        milestones = self.milestones(ids)
        updates = self.updates(ids)
        partners = self.partners(ids)
        indicator_names, custom_values = outline.indicator_names, outline.custom_values
        exported = []
        for action_id in ids:
            action = full[action_id]
            parent = by_id.get(action.parent_id) if action.parent_id is not None else None
            exported.append(
                ExportedAction(
                    code=action.code,
                    axis=axes.get(action.axis_id, ""),
                    objective=objectives.get(action.objective_id) if action.objective_id is not None else None,
                    parent=(parent.code or parent.title) if parent is not None else None,
                    parent_title=parent.title if parent is not None else None,
                    title=action.title,
                    status=_ACTION_STATUS[action.status],
                    priority=_PRIORITY[action.priority],
                    lead_actor=_actor(actors, action.lead_actor_id),
                    pilot=_actor(actors, action.pilot_actor_id),
                    elected_referent=_actor(actors, action.elected_referent_id),
                    budget_nature=_BUDGET_NATURE.get(action.budget_nature) if action.budget_nature else None,
                    budget_basis=_BASIS.get(action.budget_basis) if action.budget_basis else None,
                    values=_values(action, value_getter),
                    partners=tuple(partners.get(action_id, ())),
                    indicators=tuple(indicator_names.get(action_id, ())),
                    funding=tuple(funding.get(action_id, ())),
                    milestones=tuple(milestones.get(action_id, ())),
                    updates=tuple(updates.get(action_id, ())),
                    custom_values=custom_values.get(action_id, {}),
                )
            )
        return exported

    def companion_rows(self) -> int:
        """The territory's funding lines, milestones and progress updates (confidential ones included): the
        progress bar's estimate."""
        actions = models.Action.__table__
        total = 0
        for model in (models.FundingLine, models.Milestone, models.ProgressUpdate):
            table = model.__table__
            statement = (
                select(func.count())
                .select_from(table)
                .join(actions, table.c.action_id == actions.c.id)
                .where(actions.c.territory_id == self.territory_id)
            )
            total += int(self.session.execute(statement).scalar_one())
        return total

    def custom_fields(self) -> tuple[list[CustomFieldRecord], dict[int, dict[str, Any]]]:
        """The territory's custom fields in their order, and each action's values of them by field name."""
        table = models.CustomField.__table__
        fields = fetch_records(
            self.session,
            models.CustomField,
            CustomFieldRecord,
            table.c.territory_id == self.territory_id,
            order_by=(table.c.position, table.c.id),
        )
        names = {field.id: field.name for field in fields}
        found = {
            action_id: {names[field_id]: value for field_id, value in values.items()}
            for action_id, values in custom_values_in(self.session, self.territory_id).items()
        }
        return fields, found

    def axis_labels(self) -> dict[int, str]:
        table = models.Axis.__table__
        statement = select(table.c.id, table.c.label).where(
            or_(table.c.territory_id.is_(None), table.c.territory_id == self.territory_id)
        )
        return {row.id: row.label for row in self.rows(statement)}

    def axis_rank(self) -> dict[int, int]:
        table = models.Axis.__table__
        statement = (
            select(table.c.id)
            .where(or_(table.c.territory_id.is_(None), table.c.territory_id == self.territory_id))
            .order_by(table.c.territory_id.is_not(None), table.c.position, table.c.id)
        )
        return {row.id: rank for rank, row in enumerate(self.rows(statement))}

    def ordered(self, kept: list[Any], by_id: dict[int, Any]) -> list[Any]:
        """Actions in axis then code order, each followed by its sub-actions (in code order)."""
        rank = self.axis_rank()

        def key(action: Any) -> tuple[int, bool, str, int]:
            return (rank.get(action.axis_id, len(rank)), action.code is None, action.code or "", action.id)

        children: dict[int, list[Any]] = defaultdict(list)
        kept_ids = {action.id for action in kept}
        tops = []
        for action in kept:
            if action.parent_id is not None and action.parent_id in kept_ids:
                children[action.parent_id].append(action)
            else:
                tops.append(action)  # a top-level action (or, defensively, one whose parent is not exported)
        ordered = []
        for action in sorted(tops, key=key):
            ordered.append(action)
            ordered.extend(sorted(children.get(action.id, ()), key=lambda child: key(child)[1:]))
        return ordered

    def _of_actions(self, table: Any, ids: list[int], names: tuple[str, ...], *order: Any) -> list[Any]:
        """The `names` columns of `table`'s rows belonging to the actions `ids`, as tuples in that order."""
        chosen = {column.key: column for column in self.columns(table)}
        statement = select(*(chosen[name] for name in names)).where(table.c.action_id.in_(CHUNK_IDS)).order_by(*order)
        return self.rows(statement, ids)

    def funding(self, actors: dict[int, str], ids: list[int]) -> dict[int, list[ExportedFunding]]:
        table = models.FundingLine.__table__
        names = (
            "action_id",
            "funder_name",
            "funder_actor_id",
            "programme",
            "amount_requested",
            "amount_granted",
            "status",
            "filed_on",
            "decided_on",
            "basis",
        )
        lines: dict[int, list[ExportedFunding]] = defaultdict(list)
        for (
            action_id,
            funder,
            funder_actor,
            programme,
            requested,
            granted,
            status,
            filed,
            decided,
            basis,
        ) in self._of_actions(table, ids, names, table.c.action_id, table.c.id):
            lines[action_id].append(
                ExportedFunding(
                    funder or _actor(actors, funder_actor),
                    programme,
                    Decimal(requested).scaleb(-2),
                    _euros(granted),
                    _FUNDING_STATUS[status],
                    filed,
                    decided,
                    _BASIS.get(basis) if basis else None,
                )
            )
        return lines

    def milestones(self, ids: list[int]) -> dict[int, list[ExportedMilestone]]:
        table = models.Milestone.__table__
        rows = self._of_actions(
            table,
            ids,
            ("action_id", "title", "due_on", "done_on"),
            table.c.action_id,
            table.c.due_on.is_(None),
            table.c.due_on,
            table.c.position,
            table.c.id,
        )
        milestones: dict[int, list[ExportedMilestone]] = defaultdict(list)
        for action_id, title, due_on, done_on in rows:
            milestones[action_id].append(ExportedMilestone(title, due_on, done_on))
        return milestones

    def updates(self, ids: list[int]) -> dict[int, list[ExportedUpdate]]:
        table = models.ProgressUpdate.__table__
        names = (
            "action_id",
            "reported_on",
            "author",
            "status",
            "progress",
            "done",
            "difficulties",
            "next_steps",
            "alert",
        )
        updates: dict[int, list[ExportedUpdate]] = defaultdict(list)
        for (
            action_id,
            reported_on,
            author,
            status,
            progress,
            done,
            difficulties,
            next_steps,
            alert,
        ) in self._of_actions(table, ids, names, table.c.action_id, table.c.reported_on, table.c.id):
            updates[action_id].append(
                ExportedUpdate(
                    reported_on, author, _ACTION_STATUS[status], progress, done, difficulties, next_steps, bool(alert)
                )
            )
        return updates

    def partners(self, ids: list[int]) -> dict[int, list[str]]:
        table = models.ActionPartner.__table__
        statement = (
            select(table.c.action_id, models.Actor.name)
            .join(models.Actor, models.Actor.id == table.c.actor_id)
            .where(table.c.action_id.in_(CHUNK_IDS))
            .order_by(table.c.action_id, table.c.id)
        )
        partners: dict[int, list[str]] = defaultdict(list)
        for row in self.rows(statement, ids):
            partners[row.action_id].append(row.name)
        return partners

    def indicators(
        self, kept_ids: set[int], by_id: dict[int, Any], axes: dict[int, str]
    ) -> tuple[list[ExportedIndicator], dict[int, list[str]]]:
        """The territory's indicators, but those of actions left out; and the names attached to each action."""
        table = models.Indicator.__table__
        rows = [
            row
            for row in self.rows(
                select(*self.columns(table)).where(table.c.territory_id == self.territory_id).order_by(table.c.id)
            )
            if row.action_id is None or row.action_id in kept_ids
        ]
        values = models.IndicatorValue.__table__
        last: dict[int, Any] = {}
        counts: dict[int, int] = defaultdict(int)
        statement = (
            select(values.c.indicator_id, values.c.measured_on, values.c.value)
            .join(table, values.c.indicator_id == table.c.id)
            .where(table.c.territory_id == self.territory_id)
            .order_by(values.c.indicator_id, values.c.measured_on)
        )
        for value in self.rows(statement):
            last[value.indicator_id] = value
            counts[value.indicator_id] += 1
        exported: list[ExportedIndicator] = []
        names: dict[int, list[str]] = defaultdict(list)
        for row in rows:
            action = by_id.get(row.action_id) if row.action_id is not None else None
            axis_id = row.axis_id if row.axis_id is not None else (action.axis_id if action is not None else None)
            latest = last.get(row.id)
            exported.append(
                ExportedIndicator(
                    name=row.name,
                    unit=row.unit,
                    source=row.source,
                    axis=axes.get(axis_id) if axis_id is not None else None,
                    action_code=action.code if action is not None else None,
                    action_title=action.title if action is not None else None,
                    direction=_DIRECTION[row.direction],
                    baseline_value=row.baseline_value,
                    baseline_on=row.baseline_on,
                    target_value=row.target_value,
                    target_on=row.target_on,
                    last_value=latest.value if latest is not None else None,
                    last_on=latest.measured_on if latest is not None else None,
                    measures=counts.get(row.id, 0),
                )
            )
            if row.action_id is not None:
                names[row.action_id].append(row.name)
        return exported, names


def _values(row: Any, getter: Callable[[Any], tuple[Any, ...]]) -> dict[str, Any]:
    """The action's values of the columns that carry one as it is, from its row (amounts stored in cents)."""
    values = dict(zip(_VALUE_NAMES, getter(row), strict=True))
    for name in _AMOUNT_NAMES:
        values[name] = _euros(values[name])
    for name in _FLAG_NAMES:
        values[name] = bool(values[name])
    return values


_VALUE_NAMES = tuple(str(field.attribute) for field in pc.ACTION_VALUE_FIELDS)
_AMOUNT_NAMES = tuple(str(field.attribute) for field in pc.ACTION_VALUE_FIELDS if field.kind == "amount")
_FLAG_NAMES = tuple(str(field.attribute) for field in pc.ACTION_VALUE_FIELDS if field.kind == "flag")


@cache
def _value_getter(selected: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """All the value columns of a row of the `selected` columns at once, by position (one itemgetter call:
    a row's items are cheaper to reach by index than by name)."""
    getter = itemgetter(*(selected.index(name) for name in _VALUE_NAMES))
    if len(_VALUE_NAMES) == 1:
        return lambda row: (getter(row),)
    return cast(Callable[[Any], tuple[Any, ...]], getter)


def _euros(cents: int | None) -> Decimal | None:
    """Integer cents as euros with two decimals (as `Money` reads them)."""
    return None if cents is None else Decimal(cents).scaleb(-2)


def _actor(actors: dict[int, str], actor_id: int | None) -> str | None:
    return actors.get(actor_id) if actor_id is not None else None
