"""The Chronologie of a national plan read by windows: what the whole scene needs (its axes and their counts,
the span of the planned dates, the longest codes) in a few aggregate queries, then the rows near the view.

Its rows are in `timeline_rows.group_rows`' order, written here in SQL: in each axis the top-level actions,
dated ones first, by code then id, each followed by its sous-actions in the same order. That holds for the
plans the rules allow (a sous-action lives in its parent's territory and axis, one level deep):
`timeline_plan` checks it and returns None otherwise, and the page reads the plan whole (`gantt_rows`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import AxisRecord
from ti_desktop.services.crud import to_record
from ti_desktop.services.timeline_rows import GanttRow, TimelineRow, gantt_columns, gantt_row

# The longest codes (by characters) read for the label column's width; a plan has at most one code per action.
CODE_SAMPLE = 200
# An axis up to this size is read in order at once; beyond, the rows at its start are read without sorting
# the whole axis (walking the territory's code index), and the axis in order only when a view goes further.
SMALL_AXIS = 2_000
PREFIX_TOPS = 400
# The rows read by id are kept for scrolling back, up to this many.
KEPT_ROWS = 4_000
IN_LIST = 500  # bounded IN lists


def _undated() -> ColumnElement[bool]:
    """An action without its two planned dates: listed after its dated siblings."""
    action = models.Action
    return or_(action.planned_start.is_(None), action.planned_end.is_(None))


class TimelinePlan:
    """One territory's timeline: `groups` (the axes shown, each with its number of rows, in the plan's order),
    `day_span` (earliest and latest planned date), `codes` (the longest codes) and `rows(group, start, stop)`,
    read when first asked for in their own sessions."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        territory_id: int,
        today: dt.date,
        groups: list[tuple[AxisRecord, int]],
        day_span: tuple[dt.date | None, dt.date | None],
        codes: list[str],
    ) -> None:
        self._sessions = sessions
        self._territory_id = territory_id
        self._today = today
        self.groups = groups
        self.day_span = day_span
        self.codes = codes
        self._axes = {axis.id: axis for axis, _count in groups}
        self._statuses = {status.value: status for status in ActionStatus}
        # Per group: the (id, depth) of its first rows in order, and whether they are all of its rows.
        self._order: list[list[tuple[int, int]]] = [[] for _ in groups]
        self._complete = [count == 0 for _axis, count in groups]
        self._rows: dict[int, GanttRow] = {}

    def rows(self, group: int, start: int, stop: int) -> list[TimelineRow]:
        """The rows `start` to `stop` (excluded) of the group, fewer if the plan changed since it was counted."""
        axis, count = self.groups[group]
        stop = min(stop, count)
        if start >= stop:
            return []
        order = self._order[group]
        if len(order) < stop and not self._complete[group]:
            with self._sessions() as session:
                if count > SMALL_AXIS and stop <= PREFIX_TOPS:  # twice the tops asked for: room to scroll
                    self._read_start(session, group, axis, min(max(2 * stop, 100), PREFIX_TOPS))
                if len(self._order[group]) < stop and not self._complete[group]:
                    self._read_order(session, group, axis)
            order = self._order[group]
        wanted = order[start:stop]
        missing = [action_id for action_id, _depth in wanted if action_id not in self._rows]
        if missing:
            if len(self._rows) + len(missing) > KEPT_ROWS:
                self._rows.clear()
            with self._sessions() as session:
                for first in range(0, len(missing), IN_LIST):
                    ids = missing[first : first + IN_LIST]
                    self._keep(session.connection().execute(self._select().where(models.Action.id.in_(ids))))
        found = self._rows
        return [TimelineRow(found[action_id], depth) for action_id, depth in wanted if action_id in found]

    # -- reading ---------------------------------------------------------------------------------------
    def _select(self) -> Select[*tuple[Any, ...]]:
        table = models.Action.__table__
        return select(*gantt_columns()).select_from(
            table.outerjoin(models.Actor.__table__, models.Actor.__table__.c.id == table.c.lead_actor_id)
        )

    def _keep(self, result: Iterable[Sequence[Any]]) -> list[int]:
        """Make the rows of a `_select` result; returns their ids in the result's order."""
        ids = []
        for values in result:
            row = gantt_row(values, self._axes, self._statuses, self._today)
            self._rows[row.action.id] = row
            ids.append(row.action.id)
        return ids

    def _read_start(self, session: Session, group: int, axis: AxisRecord, stop: int) -> None:
        """The first `stop` top-level actions of a big axis (dated ones, by code: the walk of the territory's
        unique (territory, code) index stops there) and their sous-actions: the rows at its start."""
        action = models.Action
        # `+ 0`: no index on the axis or the parent, so that the code index is walked in order.
        statement = (
            self._select()
            .where(
                action.territory_id == self._territory_id,
                action.axis_id + 0 == axis.id,
                (action.parent_id + 0).is_(None),
                action.planned_start.is_not(None),
                action.planned_end.is_not(None),
            )
            .order_by(action.code, action.id)
            .limit(stop)
        )
        connection = session.connection()
        tops = self._keep(connection.execute(statement))
        if len(tops) < stop:
            return  # mostly undated: the axis is read in order
        children: dict[int, list[int]] = {}
        for first in range(0, len(tops), IN_LIST):
            below = (
                self._select()
                .add_columns(action.parent_id)
                .where(action.parent_id.in_(tops[first : first + IN_LIST]))
                .order_by(_undated(), action.code, action.id)
            )
            for values in connection.execute(below):
                row = gantt_row(values, self._axes, self._statuses, self._today)
                self._rows[row.action.id] = row
                children.setdefault(values[-1], []).append(row.action.id)
        order: list[tuple[int, int]] = []
        for top in tops:
            order.append((top, 0))
            order += [(child, 1) for child in children.get(top, ())]
        self._order[group] = order

    def _read_order(self, session: Session, group: int, axis: AxisRecord) -> None:
        """Every row of the axis in order (ids only)."""
        action = models.Action
        statement = (
            select(action.id, action.parent_id)
            .where(action.territory_id == self._territory_id, action.axis_id == axis.id)
            .order_by(_undated(), action.code, action.id)
        )
        tops: list[int] = []
        children: dict[int, list[int]] = {}
        for action_id, parent_id in session.connection().execute(statement):
            if parent_id is None:
                tops.append(action_id)
            else:
                children.setdefault(parent_id, []).append(action_id)
        order: list[tuple[int, int]] = []
        for top in tops:
            order.append((top, 0))
            if top in children:
                order += [(child, 1) for child in children.pop(top)]
        for orphans in children.values():  # the plan changed since it was checked: shown, at the end
            order += [(child, 0) for child in orphans]
        self._order[group] = order
        self._complete[group] = True


def _unindexed_territory(session: Session, territory_id: int) -> ColumnElement[bool]:
    """`territory_id = …`, read by a plain scan on SQLite: it has no statistics, and reads every row of the
    territory through the territory's index, one look-up each (170 ms at 100,000 where a scan takes 25 ms)."""
    column = models.Action.territory_id
    if session.get_bind().dialect.name == "sqlite":
        return column + 0 == territory_id
    return column == territory_id


def timeline_plan(sessions: sessionmaker[Session], territory_id: int, today: dt.date) -> TimelinePlan | None:
    """The territory's timeline read by windows, or None when its sous-actions are not as the rules keep them."""
    action = models.Action
    with sessions() as session:
        connection = session.connection()
        counts = dict(
            connection.execute(
                select(action.axis_id, func.count()).where(action.territory_id == territory_id).group_by(action.axis_id)
            ).all()
        )
        if counts:
            parent = aliased(models.Action)
            misplaced = (
                select(action.id)
                .join(parent, parent.id == action.parent_id)
                .where(
                    action.territory_id == territory_id,
                    action.axis_id.in_(list(counts)),
                    action.parent_id.is_not(None),
                    or_(
                        parent.territory_id != territory_id,
                        parent.axis_id != action.axis_id,
                        parent.parent_id.is_not(None),
                    ),
                )
            )
            if session.scalar(select(exists(misplaced))):
                return None
        axes = [
            to_record(axis, AxisRecord)
            for axis in session.scalars(select(models.Axis).where(models.Axis.id.in_(list(counts))))
        ]
        axes.sort(key=lambda axis: (axis.position, axis.code))
        first_start, last_start, first_end, last_end = connection.execute(
            select(
                func.min(action.planned_start),
                func.max(action.planned_start),
                func.min(action.planned_end),
                func.max(action.planned_end),
            ).where(_unindexed_territory(session, territory_id))
        ).one()
        codes = [
            code
            for code in connection.execute(
                select(action.code)
                .where(action.territory_id == territory_id, action.code.is_not(None))
                .order_by(func.length(action.code).desc(), action.code)
                .limit(CODE_SAMPLE)
            ).scalars()
            if code is not None
        ]
    starts = [day for day in (first_start, first_end) if day is not None]
    ends = [day for day in (last_start, last_end) if day is not None]
    span = (min(starts, default=None), max(ends, default=None))
    return TimelinePlan(sessions, territory_id, today, [(axis, counts[axis.id]) for axis in axes], span, codes)
