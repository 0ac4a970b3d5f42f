"""The plan's filters and sort orders as SQL, so that a screen costs what it shows, not the size of the base.

`ActionFilter.matches` (domain/filters.py) is the reference: `condition` says the same thing in SQL (a test compares
them on random filters). The text filter keeps its meaning — every word, case-insensitive (casefold), found
anywhere in the code, title or description — and uses the search index of migration 0009 when the base has it:
on SQLite the FTS5 table `action_search` (trigram tokenizer: substrings of 3 characters or more), on PostgreSQL
a pg_trgm GIN index on the same lowered text. Shorter words, and bases without the index, are matched by a scan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Numeric,
    and_,
    case,
    cast,
    column,
    exists,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
    text,
    true,
)
from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.db.models import SEARCH_TABLE
from ti_desktop.domain.enums import CLOSED_STATUSES, SECURED_FUNDING_STATUSES, ActionStatus, CustomFieldKind
from ti_desktop.domain.filters import STALE_AFTER_DAYS, ActionFilter, QualityIssue

TRIGRAM = 3  # the shortest word the trigram index finds
NO_CODE = "~"  # what an action without a code sorts as, in the plan's default order (by code)


def prepare(session: Session) -> None:
    """Give a SQLite connection the Python case folding the filters and sorts use (SQLite's lower() is ASCII)."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        raw: Any = connection.connection.driver_connection
        raw.create_function("ti_casefold", 1, _casefold, deterministic=True)


def _casefold(value: str | None) -> str:
    return (value or "").casefold()


def fold(session: Session, expression: Any) -> Any:
    """Case folding in SQL: Python's casefold on SQLite (see `prepare`), lower() on PostgreSQL."""
    if session.get_bind().dialect.name == "sqlite":
        return func.ti_casefold(expression)
    return func.lower(func.coalesce(expression, ""))


def searchable_text(table: Any) -> Any:  # `table`: the actions' Table or an alias of it
    """The text a word is looked for in: code, title and description, apart (a word has no spaces, so it never
    straddles two of them). PostgreSQL's trigram index is on the lowered form of this very expression."""
    # Literals, not bound parameters: PostgreSQL matches the query's expression with the index's by its text.
    empty: Any = literal_column("''")
    space: Any = literal_column("' '")
    return (
        func.coalesce(table.c.code, empty)
        .concat(space)
        .concat(table.c.title)
        .concat(space)
        .concat(func.coalesce(table.c.description, empty))
    )


def has_search_index(session: Session) -> bool:
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        found = session.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": SEARCH_TABLE}
        ).first()
        return found is not None
    return False  # PostgreSQL: the index, when there, serves the LIKE query by itself


def has_role_search(session: Session) -> bool:
    """PostgreSQL: is `ti_search_actions` there (migration 0012), the trigram search under row-level security?"""
    found = session.execute(text("SELECT to_regprocedure('ti_search_actions(integer,text)') IS NOT NULL"))
    return bool(found.scalar())


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_query(words: Sequence[str]) -> str:
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words)


def uses_search_index(session: Session, words: Sequence[str]) -> bool:
    return any(len(word) >= TRIGRAM for word in words) and has_search_index(session)


def text_condition(
    session: Session, table: Any, words: Sequence[str], territory_id: int | None = None
) -> ColumnElement[bool]:
    if not words:
        return true()
    dialect = session.get_bind().dialect.name
    conditions: list[ColumnElement[bool]] = []
    if dialect == "sqlite":
        long_words = [word for word in words if len(word) >= TRIGRAM]
        short_words = [word for word in words if len(word) < TRIGRAM]
        if long_words and has_search_index(session):
            # FTS5's trigram tokenizer folds case (case_sensitive 0) and keeps accents, as casefold does.
            matching = text(f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :query").bindparams(
                query=fts_query(long_words)
            )
            conditions.append(table.c.id.in_(matching.columns(column("rowid", Integer))))
        else:
            short_words = list(words)
        for word in short_words:
            if word.isascii():  # SQLite's LIKE ignores the case of ASCII letters: the same as casefold here
                conditions.append(searchable_text(table).like(f"%{_escape_like(word)}%", escape="\\"))
            else:
                conditions.append(func.instr(func.ti_casefold(searchable_text(table)), word) > 0)
    else:
        long_words = [word for word in words if len(word) >= TRIGRAM]
        # Under row-level security a LIKE of the query cannot use the trigram index (it is not leakproof):
        # the function runs it as the owner, within what the role may read (migration 0012).
        by_function = territory_id is not None and bool(long_words) and has_role_search(session)
        for word in words:
            pattern = f"%{_escape_like(word)}%"
            if by_function and len(word) >= TRIGRAM:
                found = select(func.ti_search_actions(territory_id, pattern))
                conditions.append(table.c.id.in_(found))
            else:
                conditions.append(func.lower(searchable_text(table)).like(pattern, escape="\\"))
    return and_(*conditions)


def late_condition(table: Any, today: dt.date) -> ColumnElement[bool]:
    """`rules.is_action_late` in SQL."""
    return and_(
        table.c.planned_end.is_not(None),
        table.c.planned_end < today,
        table.c.status.not_in(sorted(CLOSED_STATUSES, key=list(ActionStatus).index)),
    )


def _stale(table: Any, today: dt.date) -> ColumnElement[bool]:
    updates = models.ProgressUpdate.__table__
    recent = today - dt.timedelta(days=STALE_AFTER_DAYS)
    return not_(exists().where(updates.c.action_id == table.c.id, updates.c.reported_on >= recent))


def _custom_filled(table: Any, territory_id: int, field_id: int) -> ColumnElement[bool]:
    """`custom_fields.is_filled` of the decoded value, on its stored text: not empty, not a zero, not « non »."""
    values = models.CustomValue.__table__
    fields = models.CustomField.__table__
    kind = fields.c.kind
    nonzero = case(
        (kind == CustomFieldKind.NUMBER.value, cast(values.c.value, Numeric) != 0),
        (kind.in_([CustomFieldKind.AMOUNT.value, CustomFieldKind.FLAG.value]), values.c.value != "0"),
        else_=values.c.value != "",
    )
    return exists().where(
        values.c.action_id == table.c.id,
        values.c.field_id == field_id,
        fields.c.id == values.c.field_id,
        fields.c.territory_id == territory_id,
        nonzero,
    )


def condition(session: Session, action_filter: ActionFilter, table: Any = None) -> ColumnElement[bool]:
    """Every criterion of the filter (AND), the territory's included: `ActionFilter.matches` in SQL."""
    a = table if table is not None else models.Action.__table__
    f = action_filter
    words = f.text.casefold().split()
    territory: Any = a.c.territory_id
    if uses_search_index(session, words):
        # Let SQLite walk the search index's few rowids, not the territory's index (`+ 0` hides the latter).
        territory = territory + 0
    parts: list[ColumnElement[bool]] = [territory == f.territory_id]
    if f.axis_ids:
        parts.append(a.c.axis_id.in_(sorted(f.axis_ids)))
    if f.statuses:
        parts.append(a.c.status.in_(sorted(f.statuses, key=list(ActionStatus).index)))
    if f.lead_actor_ids:
        parts.append(a.c.lead_actor_id.in_(sorted(f.lead_actor_ids)))
    if f.late_only:
        assert f.today is not None
        parts.append(late_condition(a, f.today))
    if f.to_discuss_only:
        parts.append(a.c.to_discuss.is_(True))
    if f.confidential is not None:
        parts.append(a.c.confidential.is_(True) if f.confidential else a.c.confidential.is_(False))
    for issue in f.quality:
        assert f.today is not None
        match issue:
            case QualityIssue.NO_LEAD:
                parts.append(a.c.lead_actor_id.is_(None))
            case QualityIssue.NO_DATES:
                parts.append(or_(a.c.planned_start.is_(None), a.c.planned_end.is_(None)))
            case QualityIssue.NO_BUDGET:
                parts.append(a.c.planned_budget.is_(None))
            case QualityIssue.NO_RECENT_UPDATE:
                parts.append(_stale(a, f.today))
    for name in sorted(f.filled):
        parts.append(and_(a.c[name].is_not(None), a.c[name] != 0))
    for field_id in sorted(f.custom_filled):
        parts.append(_custom_filled(a, f.territory_id, field_id))
    parts.append(text_condition(session, a, words, territory_id=f.territory_id))
    return and_(*parts)


def is_filtering(action_filter: ActionFilter) -> bool:
    return action_filter != ActionFilter(territory_id=action_filter.territory_id, today=action_filter.today)


# -- sort orders --------------------------------------------------------------------------------------------------
# The columns of the plan (gui.models.plan.Column) by number; the keys follow the model's former Python sort keys.
CODE, TITLE, LEAD, STATUS, PROGRESS, START, END, BUDGET, SECURED, LATE, JOBS, ACHIEVED_INVESTMENT = range(12)
PLAN_COLUMNS = 12


def sort_keys(
    session: Session,
    table: Any,
    column: int,
    today: dt.date,
    custom_field: tuple[int, CustomFieldKind] | None = None,
) -> list[Any]:
    """The ORDER BY expressions of a plan column, ascending (the caller reverses them and adds code, id)."""
    a = table
    if custom_field is not None:
        field_id, kind = custom_field
        values = models.CustomValue.__table__
        stored = (
            select(values.c.value).where(values.c.action_id == a.c.id, values.c.field_id == field_id).scalar_subquery()
        )
        if kind in (CustomFieldKind.NUMBER, CustomFieldKind.AMOUNT):
            value: Any = cast(stored, Numeric if kind is CustomFieldKind.NUMBER else BigInteger)
        elif kind in (CustomFieldKind.TEXT, CustomFieldKind.CHOICE):
            value = fold(session, stored)
        else:
            value = stored  # ISO dates and "0"/"1" sort as their text
        return [stored.is_(None), value]
    match column:
        case 0:
            return [func.coalesce(a.c.code, NO_CODE)]
        case 1:
            return [fold(session, a.c.title)]
        case 2:
            actors = models.Actor.__table__
            name = select(actors.c.name).where(actors.c.id == a.c.lead_actor_id).scalar_subquery()
            return [fold(session, func.coalesce(name, "~"))]
        case 3:
            return [case(*((a.c.status == s.value, i) for i, s in enumerate(ActionStatus)), else_=len(ActionStatus))]
        case 4:
            return [a.c.progress]
        case 5:
            return [a.c.planned_start.is_(None), a.c.planned_start]
        case 6:
            return [a.c.planned_end.is_(None), a.c.planned_end]
        case 7:
            return [func.coalesce(a.c.planned_budget, 0)]
        case 8:
            lines = models.FundingLine.__table__
            secured = (
                select(func.coalesce(func.sum(func.coalesce(lines.c.amount_granted, 0)), 0))
                .where(lines.c.action_id == a.c.id, lines.c.status.in_([s.value for s in SECURED_FUNDING_STATUSES]))
                .scalar_subquery()
            )
            return [secured]
        case 9:
            return [case((late_condition(a, today), 0), else_=1)]
        case 10:
            return [func.coalesce(a.c.jobs_created, -1)]
        case 11:
            return [func.coalesce(a.c.achieved_investment, 0)]
    return [literal(0)]
