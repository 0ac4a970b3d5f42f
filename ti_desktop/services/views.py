"""Ready-to-show rows for the GUI: one query set per screen, plain records, no ORM."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, and_, case, event, exists, func, literal, or_, select, union_all
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain.custom_fields import CustomValue, decode
from ti_desktop.domain.enums import REQUESTED_FUNDING_STATUSES, SECURED_FUNDING_STATUSES, CustomFieldKind
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.domain.people import person_with_organisation
from ti_desktop.domain.records import ActionRecord, ActorRecord, AxisRecord
from ti_desktop.domain.rules import is_action_late
from ti_desktop.kernel.progress import Cancelled
from ti_desktop.services import search
from ti_desktop.services.crud import to_record
from ti_desktop.services.plan import custom_values_in, last_update_dates_in

ZERO = Decimal("0.00")
# Made once: an alias of a 30-column table costs milliseconds to build, once per query otherwise.
_MATCHING_SUB = models.Action.__table__.alias("matching_sub")


class Interruption:
    """A reading that another thread may stop half-way: `stop()` interrupts the query running on the reading's
    connection through its driver (sqlite3's `interrupt()`, psycopg's `cancel_safe()`: the server stops it), and
    the reading then raises `Cancelled`; a reading not started yet raises it at once. Used once, by one reading."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stopped = False
        self._connection: Any = None  # the driver's connection while the reading runs

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            connection, self._connection = self._connection, None
            if connection is None:
                return
            if isinstance(connection, sqlite3.Connection):
                connection.interrupt()
            else:
                try:
                    connection.cancel_safe(timeout=2.0)
                except Exception:
                    return

    def _attach(self, connection: Any) -> None:
        with self._lock:
            if self._stopped:
                raise Cancelled(_STOPPED)
            self._connection = connection

    def _detach(self) -> None:
        with self._lock:
            self._connection = None


_STOPPED = "La recherche a été remplacée par une plus récente."  # never shown: a stopped reading is dropped


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One line of the plan view: the action and what the table shows beside it."""

    action: ActionRecord
    axis: AxisRecord
    lead_name: str | None
    requested: Decimal
    secured: Decimal
    last_update_on: dt.date | None
    late: bool
    custom_values: Mapping[int, CustomValue] = field(default_factory=dict)  # by custom field id


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """A top-level line of the plan under its axis, with the sub-actions shown under it. `matches`: False when
    it is shown only because one of its sub-actions matches the filter (likewise for each sub-action)."""

    row: PlanRow
    matches: bool
    children: list[tuple[PlanRow, bool]]


@dataclass(frozen=True, slots=True)
class AxisCount:
    shown: int  # lines shown in the axis: top-level actions and the sub-actions under them
    top_level: int  # of which directly under the axis


@dataclass(frozen=True, slots=True)
class PlanCounts:
    """What the plan page says about a filter, counted by the database."""

    total: int  # the territory's actions
    matching: int  # those matching the filter
    axes: dict[int, AxisCount]


@dataclass(frozen=True, slots=True)
class PlanOrder:
    """A sort of the plan: a column of the table (gui.models.plan.Column's number), or a custom field's."""

    column: int = 0
    descending: bool = False
    custom_field: tuple[int, CustomFieldKind] | None = None  # (field id, kind) when the column is a custom field


@dataclass(frozen=True, slots=True)
class ActorInvolvement:
    """Where an actor appears in a territory's plan."""

    actor: ActorRecord
    lead_of: list[ActionRecord]
    partner_of: list[tuple[ActionRecord, str | None]]


@dataclass(frozen=True, slots=True)
class _Layout:
    """The territory's plan as ids only, in the default order (by code): what a text search needs to count and
    window its matches without asking the database to walk them again for every query."""

    total: int
    axis_of: dict[int, int]
    parent_of: dict[int, int]  # sub-actions only
    tops: dict[int, list[int]]  # axis id → top-level action ids, in the plan's default order (by code)
    children: dict[int, list[int]]  # parent id → sub-action ids, in the same order
    unfiltered: PlanCounts  # the plan as it opens: every action shown


@dataclass(frozen=True, slots=True)
class _Matches:
    matching: frozenset[int]
    shown: frozenset[int]  # the matches and the parents of matching sub-actions
    counts: PlanCounts


class ViewService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        # A text search on SQLite is served from the search index's ids, read once per text, and the plan's layout,
        # read once per state of the base: every commit made through these sessions, or by another connection
        # (SQLite's data_version), makes them stale.
        self._commits = 0
        self._versions: dict[int, int] = {}  # the data_version last read on each connection (by its id)
        self._layout: tuple[Any, int, _Layout] | None = None  # (state, territory, layout)
        self._matches: tuple[Any, ActionFilter, _Matches] | None = None
        bind = sessions.kw.get("bind")
        if bind is not None:  # every commit on the engine, the sessions' and any other's
            event.listen(bind, "commit", self._committed)
        else:
            event.listen(sessions, "after_commit", self._committed)

    def _committed(self, *_args: object) -> None:
        self._commits += 1

    @contextmanager
    def _reading(self, interruption: Interruption | None) -> Iterator[Session]:
        """A session whose queries `interruption` may stop (then `Cancelled` is raised, whatever the driver said)."""
        with self._sessions() as session:
            if interruption is None:
                yield session
                return
            interruption._attach(session.connection().connection.driver_connection)
            try:
                yield session
            except (DBAPIError, sqlite3.Error) as error:  # the driver's own calls (SQLite's raw reads) included
                if interruption.stopped:
                    raise Cancelled(_STOPPED) from error
                raise
            finally:
                interruption._detach()
            if interruption.stopped:
                raise Cancelled(_STOPPED)

    def _state(self, session: Session) -> Any:
        """The base's state as far as the caches go: the commits seen, those of other connections included (SQLite's
        data_version of a connection changes when another one commits)."""
        raw: Any = session.connection().connection.driver_connection
        version = raw.execute("PRAGMA data_version").fetchone()[0]
        if self._versions.get(id(raw), version) != version:
            self._commits += 1
        self._versions[id(raw)] = version
        return self._commits

    @staticmethod
    def _text_only(session: Session, action_filter: ActionFilter) -> bool:
        """Can the filter be served from the search index's ids alone? A text of words the index finds, and no other
        criterion (the others are the database's business, with their own indexes)."""
        if session.get_bind().dialect.name != "sqlite":
            return False
        words = action_filter.text.casefold().split()
        plain = ActionFilter(
            territory_id=action_filter.territory_id, text=action_filter.text, today=action_filter.today
        )
        return (
            bool(words)
            and action_filter == plain
            and all(len(word) >= search.TRIGRAM for word in words)
            and search.has_search_index(session)
        )

    @staticmethod
    def _served_unfiltered(session: Session, action_filter: ActionFilter) -> bool:
        return (
            session.get_bind().dialect.name == "sqlite"
            and not search.is_filtering(action_filter)
            and search.has_search_index(session)
        )

    def _plan_layout(self, session: Session, state: Any, territory_id: int) -> _Layout:
        cached = self._layout
        if cached is not None and cached[0] == state and cached[1] == territory_id:
            return cached[2]
        table = models.Action.__tablename__
        axis_of: dict[int, int] = {}
        parent_of: dict[int, int] = {}
        tops: dict[int, list[int]] = defaultdict(list)
        children: dict[int, list[int]] = defaultdict(list)
        # (SQLite only, like the searches it serves.) By (code, id), which the index on the codes gives without a
        # sort, fetched by the driver: then the actions without a code are put where the default order
        # (`coalesce(code, '~')`, then code, id) puts them: before the first code from « ~ » on, not first.
        raw: Any = session.connection().connection.driver_connection
        found = raw.execute(
            f"SELECT id, axis_id, parent_id, code FROM {table} WHERE territory_id = ? ORDER BY code, id",
            (territory_id,),
        ).fetchall()
        uncoded = 0
        while uncoded < len(found) and found[uncoded][3] is None:
            uncoded += 1
        coded = found[uncoded:]
        place = bisect_left(coded, search.NO_CODE, key=itemgetter(3))
        in_order = chain(coded[:place], found[:uncoded], coded[place:])
        for action_id, axis_id, parent_id, _code in in_order:
            axis_of[action_id] = axis_id
            if parent_id is None:
                tops[axis_id].append(action_id)
            else:
                parent_of[action_id] = parent_id
                children[parent_id].append(action_id)
        per_axis = Counter(axis_of.values())
        counts = {axis_id: AxisCount(n, len(tops.get(axis_id, ()))) for axis_id, n in per_axis.items()}
        total = len(axis_of)
        layout = _Layout(total, axis_of, parent_of, dict(tops), dict(children), PlanCounts(total, total, counts))
        self._layout = (state, territory_id, layout)
        return layout

    def _text_matches(self, session: Session, action_filter: ActionFilter) -> tuple[_Layout, _Matches]:
        state = self._state(session)
        layout = self._plan_layout(session, state, action_filter.territory_id)
        cached = self._matches
        if cached is not None and cached[0] == state and cached[1] == action_filter:
            return layout, cached[2]
        table = models.SEARCH_TABLE
        query = search.fts_query(action_filter.text.casefold().split())
        # Tens of thousands of ids for a common word: fetched and counted by the driver and set operations, not
        # one Python step per row.
        raw: Any = session.connection().connection.driver_connection
        found = raw.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (query,)).fetchall()
        axis_of, parent_of = layout.axis_of, layout.parent_of
        matching = frozenset(axis_of.keys() & set(chain.from_iterable(found)))  # the territory's only
        matching_subs = matching & parent_of.keys()
        shown = matching | set(map(parent_of.__getitem__, matching_subs))
        shown_per_axis = Counter(map(axis_of.__getitem__, shown))
        top_per_axis = Counter(map(axis_of.__getitem__, shown - parent_of.keys()))
        axes = {axis_id: AxisCount(count, top_per_axis[axis_id]) for axis_id, count in shown_per_axis.items()}
        matches = _Matches(matching, frozenset(shown), PlanCounts(layout.total, len(matching), axes))
        self._matches = (state, action_filter, matches)
        return layout, matches

    def plan_rows(self, territory_id: int, today: dt.date) -> list[PlanRow]:
        """Every action of the territory (parents before their sub-actions), in a handful of queries."""
        with self._sessions() as session:
            axes = {
                row.id: to_record(row, AxisRecord)
                for row in session.scalars(
                    select(models.Axis).where(
                        or_(models.Axis.territory_id.is_(None), models.Axis.territory_id == territory_id)
                    )
                )
            }
            # Plain rows, not ORM objects: ten times less work on a 10,000-action plan.
            table = models.Action.__table__
            actions = [
                ActionRecord(**row._mapping)
                for row in session.execute(
                    select(table).where(table.c.territory_id == territory_id).order_by(table.c.code, table.c.id)
                )
            ]
            lead_ids = {a.lead_actor_id for a in actions if a.lead_actor_id is not None}
            names = lead_names(session, lead_ids)
            requested: dict[int, Decimal] = defaultdict(lambda: ZERO)
            secured: dict[int, Decimal] = defaultdict(lambda: ZERO)
            funding = session.execute(
                select(
                    models.FundingLine.action_id,
                    models.FundingLine.status,
                    models.FundingLine.amount_requested,
                    models.FundingLine.amount_granted,
                )
                .join(models.Action, models.Action.id == models.FundingLine.action_id)
                .where(models.Action.territory_id == territory_id)
            )
            for action_id, status, amount_requested, amount_granted in funding:
                if status in REQUESTED_FUNDING_STATUSES:
                    requested[action_id] += amount_requested
                if status in SECURED_FUNDING_STATUSES:
                    secured[action_id] += amount_granted or ZERO
            last_updates = last_update_dates_in(session, territory_id)
            custom = custom_values_in(session, territory_id)
        return [_plan_row(action, axes, names, requested, secured, last_updates, custom, today) for action in actions]

    # -- the plan page, in windows: what is on screen is read, not the whole base -------------------------------
    def plan_counts(self, action_filter: ActionFilter, interruption: Interruption | None = None) -> PlanCounts:
        """Totals the page shows, by SQL COUNT: the territory's actions, those matching, the lines per axis.
        `interruption`: another thread may stop the counting (it then raises `Cancelled`)."""
        table = models.Action.__table__
        with self._reading(interruption) as session:
            if self._text_only(session, action_filter):
                return self._text_matches(session, action_filter)[1].counts
            if self._served_unfiltered(session, action_filter):
                # The plan as it opens: counted from the layout, which the searches that follow then find read.
                return self._plan_layout(session, self._state(session), action_filter.territory_id).unfiltered
            search.prepare(session)
            territory = table.c.territory_id == action_filter.territory_id
            total = session.execute(select(func.count()).where(territory)).scalar_one()
            shown = self._shown(session, action_filter, table)
            top = case((table.c.parent_id.is_(None), 1), else_=0)
            if search.is_filtering(action_filter):
                hit: Any = case((search.condition(session, action_filter, table), 1), else_=0)
            else:
                hit = literal(1)
            statement = (
                select(table.c.axis_id, func.count(), func.sum(top), func.sum(hit))
                .where(shown)
                .group_by(table.c.axis_id)
            )
            axes: dict[int, AxisCount] = {}
            matching = 0
            for axis_id, count, tops, hits in session.execute(statement):
                axes[axis_id] = AxisCount(int(count), int(tops or 0))
                matching += int(hits or 0)
        return PlanCounts(int(total), int(matching), axes)

    def plan_window(
        self,
        action_filter: ActionFilter,
        axis_id: int,
        order: PlanOrder,
        offset: int,
        limit: int,
        today: dt.date,
        interruption: Interruption | None = None,
    ) -> list[PlanEntry]:
        """Top-level lines `offset` to `offset + limit` of an axis, sorted by the database, with their sub-actions."""
        table = models.Action.__table__
        with self._reading(interruption) as session:
            if order == PlanOrder() and (
                self._text_only(session, action_filter) or self._served_unfiltered(session, action_filter)
            ):
                return self._text_window(session, action_filter, axis_id, offset, limit, today)
            search.prepare(session)
            filtering = search.is_filtering(action_filter)
            matches = search.condition(session, action_filter, table) if filtering else None
            keys = self._order_by(session, table, order, today)
            flag = case((matches, 1), else_=0) if matches is not None else case((table.c.id.is_not(None), 1))
            statement = (
                select(table, flag.label("ti_matches"))
                .where(
                    self._shown(session, action_filter, table),
                    table.c.axis_id == axis_id,
                    table.c.parent_id.is_(None),
                )
                .order_by(*keys)
                .offset(offset)
                .limit(limit)
            )
            tops = [self._record_and_flag(row) for row in session.execute(statement)]
            children: dict[int, list[tuple[ActionRecord, bool]]] = defaultdict(list)
            if tops:
                condition: ColumnElement[bool] = table.c.parent_id.in_([record.id for record, _ in tops])
                if matches is not None:
                    condition = and_(condition, matches)
                for row in session.execute(select(table).where(condition).order_by(*keys)):
                    record = ActionRecord(**row._mapping)
                    children[record.parent_id or 0].append((record, True))
            records = [record for record, _ in tops] + [r for subs in children.values() for r, _ in subs]
            rows = self._rows_for(session, action_filter.territory_id, records, today)
        return [
            PlanEntry(rows[record.id], flag_, [(rows[sub.id], sub_flag) for sub, sub_flag in children[record.id]])
            for record, flag_ in tops
        ]

    def _text_window(
        self, session: Session, action_filter: ActionFilter, axis_id: int, offset: int, limit: int, today: dt.date
    ) -> list[PlanEntry]:
        """`plan_window` in the default order, from the layout: of a text search (with the search index's ids), or
        of the whole plan."""
        if not search.is_filtering(action_filter):
            layout = self._plan_layout(session, self._state(session), action_filter.territory_id)
            tops = layout.tops.get(axis_id, [])[offset : offset + limit]
            subs = {top: layout.children.get(top, []) for top in tops}
            matching: Any = layout.axis_of  # every action matches
        else:
            layout, matches = self._text_matches(session, action_filter)
            shown, matching = matches.shown, matches.matching
            tops = []
            skipped = 0
            for action_id in layout.tops.get(axis_id, ()):
                if action_id in shown:
                    if skipped < offset:
                        skipped += 1
                        continue
                    tops.append(action_id)
                    if len(tops) == limit:
                        break
            subs = {top: [i for i in layout.children.get(top, ()) if i in matching] for top in tops}
        ids = tops + [i for found in subs.values() for i in found]
        if not ids:
            return []
        table = models.Action.__table__
        records = {
            record.id: record
            for record in (
                ActionRecord(**row._mapping) for row in session.execute(select(table).where(table.c.id.in_(ids)))
            )
        }
        if len(records) != len(ids):
            self._layout = self._matches = None  # the base changed under us: read it again next time
        rows = self._rows_for(session, action_filter.territory_id, list(records.values()), today)
        return [
            PlanEntry(rows[top], top in matching, [(rows[sub], True) for sub in subs[top] if sub in rows])
            for top in tops
            if top in rows
        ]

    def plan_matching_ids(self, action_filter: ActionFilter) -> set[int]:
        """The ids of the actions matching the filter, found by the database (the plan page's predicate)."""
        table = models.Action.__table__
        with self._sessions() as session:
            search.prepare(session)
            return set(session.scalars(select(table.c.id).where(search.condition(session, action_filter, table))))

    def plan_leads(self, territory_id: int) -> list[tuple[int, str]]:
        """The actors leading an action of the territory (id, name), by name as the user reads it."""
        table = models.Action.__table__
        actors = models.Actor.__table__
        # For each actor of the directory, the first action it leads there, through the lead index (`+ 0` keeps
        # the territory's index out): a few hundred lookups, not a walk over every action of the territory.
        statement = select(actors.c.id, actors.c.name).where(
            exists().where(table.c.lead_actor_id == actors.c.id, table.c.territory_id + 0 == territory_id)
        )
        with self._sessions() as session:
            found = [(actor_id, name or "") for actor_id, name in session.execute(statement)]
        return sorted(found, key=lambda lead: (lead[1].casefold(), lead[0]))

    def plan_axis_of(self, action_id: int) -> tuple[int, int | None] | None:
        """Where an action sits in the plan: its axis and its parent (None for a top-level action)."""
        table = models.Action.__table__
        with self._sessions() as session:
            found = session.execute(select(table.c.axis_id, table.c.parent_id).where(table.c.id == action_id)).first()
        return None if found is None else (found[0], found[1])

    @staticmethod
    def _record_and_flag(row: Any) -> tuple[ActionRecord, bool]:
        values = dict(row._mapping)
        flag = bool(values.pop("ti_matches"))
        return ActionRecord(**values), flag

    @staticmethod
    def _order_by(session: Session, table: Any, order: PlanOrder, today: dt.date) -> list[Any]:
        # Python's stable sort kept ties in (code, id) order whatever the direction: so do we.
        keys = search.sort_keys(session, table, order.column, today, order.custom_field)
        if order.descending:
            keys = [key.desc() for key in keys]
        return [*keys, table.c.code, table.c.id]

    @staticmethod
    def _shown(session: Session, action_filter: ActionFilter, table: Any) -> Any:
        """The actions on screen: those matching, and the parents of matching sub-actions (for context)."""
        if not search.is_filtering(action_filter):
            return table.c.territory_id == action_filter.territory_id
        # One IN over the matching ids and their parents: the database walks the matches (the search index's
        # rowids), not the whole territory.
        inner = _MATCHING_SUB
        matching = search.condition(session, action_filter, inner)
        ids: Any = select(inner.c.id).where(matching)
        # (`+ 0`: through the parent index, instant when the base has no sub-action, not the territory's.)
        has_sub_actions = session.execute(
            select(table.c.id)
            .where(table.c.parent_id.is_not(None), table.c.territory_id + 0 == action_filter.territory_id)
            .limit(1)
        ).first()
        if has_sub_actions:
            ids = union_all(ids, select(inner.c.parent_id).where(matching, inner.c.parent_id.is_not(None)))
        return and_(table.c.territory_id == action_filter.territory_id, table.c.id.in_(ids))

    def _rows_for(
        self, session: Session, territory_id: int, actions: list[ActionRecord], today: dt.date
    ) -> dict[int, PlanRow]:
        """The plan's lines of these actions: their axis, lead, funding, last update and custom values."""
        ids = [action.id for action in actions]
        if not ids:
            return {}
        axes = {
            row.id: to_record(row, AxisRecord)
            for row in session.scalars(
                select(models.Axis).where(models.Axis.id.in_({action.axis_id for action in actions}))
            )
        }
        lead_ids = {a.lead_actor_id for a in actions if a.lead_actor_id is not None}
        names = lead_names(session, lead_ids)
        requested: dict[int, Decimal] = defaultdict(lambda: ZERO)
        secured: dict[int, Decimal] = defaultdict(lambda: ZERO)
        lines = models.FundingLine
        funding = session.execute(
            select(lines.action_id, lines.status, lines.amount_requested, lines.amount_granted).where(
                lines.action_id.in_(ids)
            )
        )
        for action_id, status, amount_requested, amount_granted in funding:
            if status in REQUESTED_FUNDING_STATUSES:
                requested[action_id] += amount_requested
            if status in SECURED_FUNDING_STATUSES:
                secured[action_id] += amount_granted or ZERO
        updates = models.ProgressUpdate
        latest = (
            select(updates.action_id, func.max(updates.reported_on))
            .where(updates.action_id.in_(ids))
            .group_by(updates.action_id)
        )
        last_updates = {action_id: last for action_id, last in session.execute(latest)}
        fields = models.CustomField.__table__
        values = models.CustomValue.__table__
        custom: dict[int, dict[int, CustomValue]] = {}
        custom_query = (
            select(values.c.action_id, values.c.field_id, values.c.value, fields.c.kind)
            .join(fields, fields.c.id == values.c.field_id)
            .where(fields.c.territory_id == territory_id, values.c.action_id.in_(ids))
            .order_by(values.c.action_id, fields.c.position, fields.c.id)
        )
        for owner, field_id, stored, kind in session.execute(custom_query):
            custom.setdefault(owner, {})[field_id] = decode(CustomFieldKind(kind), stored)
        return {
            action.id: _plan_row(action, axes, names, requested, secured, last_updates, custom, today)
            for action in actions
        }

    def involvement(self, territory_id: int) -> list[ActorInvolvement]:
        """Every actor of the directory, with the territory's actions it leads or partners."""
        with self._sessions() as session:
            actors = [
                to_record(row, ActorRecord) for row in session.scalars(select(models.Actor).order_by(models.Actor.name))
            ]
            actions = {
                row.id: to_record(row, ActionRecord)
                for row in session.scalars(select(models.Action).where(models.Action.territory_id == territory_id))
            }
            partners = session.execute(
                select(models.ActionPartner.actor_id, models.ActionPartner.action_id, models.ActionPartner.role)
            ).all()
        lead_of: dict[int, list[ActionRecord]] = defaultdict(list)
        for action in actions.values():
            if action.lead_actor_id is not None:
                lead_of[action.lead_actor_id].append(action)
        partner_of: dict[int, list[tuple[ActionRecord, str | None]]] = defaultdict(list)
        for actor_id, action_id, role in partners:
            if action_id in actions:
                partner_of[actor_id].append((actions[action_id], role))
        return [ActorInvolvement(actor, lead_of[actor.id], partner_of[actor.id]) for actor in actors]


def lead_names(session: Session, actor_ids: set[int]) -> dict[int, str]:
    """The porteurs as the plan shows them: « Marie Dupont (CC du Val) » (`domain.people`), as the report does."""
    statement = select(models.Actor.id, models.Actor.name, models.Actor.organisation).where(
        models.Actor.id.in_(actor_ids)
    )
    return {row.id: person_with_organisation(row.name, row.organisation) for row in session.execute(statement)}


def _plan_row(
    action: ActionRecord,
    axes: dict[int, AxisRecord],
    names: dict[int, str],
    requested: dict[int, Decimal],
    secured: dict[int, Decimal],
    last_updates: dict[int, dt.date],
    custom: dict[int, dict[int, Any]],
    today: dt.date,
) -> PlanRow:
    """One line of the plan from what the queries read (the whole plan and its windows alike)."""
    return PlanRow(
        action=action,
        axis=axes[action.axis_id],
        lead_name=names.get(action.lead_actor_id) if action.lead_actor_id else None,
        requested=requested[action.id],
        secured=secured[action.id],
        last_update_on=last_updates.get(action.id),
        late=is_action_late(action.status, action.planned_end, today),
        custom_values=custom.get(action.id, {}),
    )
