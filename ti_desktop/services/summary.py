"""Territory-wide figures and lists (dashboard, report synthèse), computed by the domain from records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import ColumnElement, Select, and_, collate, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain import summaries
from ti_desktop.domain.records import (
    ActionRecord,
    ChangeLogRecord,
    FundingLineRecord,
    MilestoneRecord,
)
from ti_desktop.domain.rules import confidential_ids
from ti_desktop.services.crud import fetch_records, fetch_records_in, to_record
from ti_desktop.services.plan_figures import PlanFigures, late_condition, plan_figures
from ti_desktop.services.timeline_plan import TimelinePlan, timeline_plan
from ti_desktop.services.timeline_rows import GanttRow, gantt_rows

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class MilestoneWithAction:
    milestone: MilestoneRecord
    action: ActionRecord


@dataclass(frozen=True, slots=True)
class PlanOverview:
    """What the dashboard shows, computed from one reading of the plan."""

    actions: list[ActionRecord]
    summary: summaries.PlanSummary
    counts_by_axis: dict[int, summaries.StatusCounts]
    late_actions: list[ActionRecord]


@dataclass(frozen=True, slots=True)
class FirstOf(Generic[T]):
    """The first `len(shown)` items of a list the database holds `total` of (the rest is left unread)."""

    shown: list[T]
    total: int

    @property
    def left_out(self) -> int:
        return self.total - len(self.shown)


def _code_order(session: Session, code: InstrumentedAttribute[str | None]) -> ColumnElement[str]:
    """An action's code (empty when it has none) sorted as Python sorts str: by code point. SQLite compares
    UTF-8 bytes (the same order); PostgreSQL's default collation follows a locale, "C" compares bytes."""
    text: ColumnElement[str] = func.coalesce(code, "")
    return collate(text, "C") if session.get_bind().dialect.name == "postgresql" else text


class SummaryService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- the dashboard's figures, computed by the database (see plan_figures) ---------------------------
    def figures(self, territory_id: int, today: dt.date, *, include_confidential: bool = True) -> PlanFigures:
        """The same figures as `plan_summary` and `counts_by_axis`, summed by the database."""
        with self._sessions() as session:
            return plan_figures(session, territory_id, today, include_confidential=include_confidential)

    def first_late_actions(
        self, territory_id: int, today: dt.date, limit: int, *, total: int | None = None
    ) -> FirstOf[ActionRecord]:
        """`late_actions` (the most overdue first), only the first `limit` read, with how many there are
        (`total`: the caller knows it already, `figures(...).summary.late_count`, and it is not counted again)."""
        action = models.Action
        condition = late_condition(territory_id, today)
        with self._sessions() as session:
            statement = (
                select(action)
                .where(condition)
                .order_by(action.planned_end, _code_order(session, action.code), action.id)
                .limit(limit)
            )
            shown = [to_record(row, ActionRecord) for row in session.scalars(statement)]
            if total is None:
                total = session.scalar(select(func.count()).select_from(action).where(condition)) or 0
        return FirstOf(shown, total)

    def first_milestones_due(
        self, territory_id: int, today: dt.date, limit: int, *, overdue: bool, horizon_days: int = 60
    ) -> FirstOf[MilestoneWithAction]:
        """`milestones_due`, only the first `limit` read, with how many there are."""
        statement, condition = self._milestones_due(territory_id, today, overdue=overdue, horizon_days=horizon_days)
        with self._sessions() as session:
            shown = [
                MilestoneWithAction(to_record(milestone, MilestoneRecord), to_record(action, ActionRecord))
                for milestone, action in session.execute(statement.limit(limit))
            ]
            counting = select(func.count()).select_from(models.Milestone).where(condition)
            total = session.scalar(counting) or 0
        return FirstOf(shown, total)

    def action_names(self, territory_id: int, action_ids: Iterable[int]) -> dict[int, str]:
        """The code (or title) of these actions of the territory, for history lines; unknown ids are absent."""
        wanted = sorted(set(action_ids))
        names: dict[int, str] = {}
        action = models.Action
        with self._sessions() as session:
            for start in range(0, len(wanted), 500):  # bounded IN lists
                statement = select(action.id, action.code, action.title).where(
                    action.territory_id == territory_id, action.id.in_(wanted[start : start + 500])
                )
                names.update({row.id: row.code or row.title for row in session.execute(statement)})
        return names

    def timeline_rows(self, territory_id: int, today: dt.date) -> list[GanttRow]:
        """The Chronologie's rows: the plan's actions with only what a bar and its label show."""
        with self._sessions() as session:
            return gantt_rows(session, territory_id, today)

    def timeline_plan(self, territory_id: int, today: dt.date) -> TimelinePlan | None:
        """The Chronologie read by windows; None when its sous-actions break the rules (then `timeline_rows`)."""
        return timeline_plan(self._sessions, territory_id, today)

    def milestones_by_action(self, territory_id: int) -> dict[int, list[MilestoneRecord]]:
        """Every milestone of the territory's actions, by action id, each action's in `milestones.list` order."""
        table = models.Milestone.__table__
        with self._sessions() as session:
            statement = (
                select(table)
                .join(models.Action.__table__, models.Action.id == table.c.action_id)
                .where(models.Action.territory_id == territory_id)
                .order_by(table.c.action_id, table.c.due_on, table.c.position, table.c.id)
            )
            grouped: dict[int, list[MilestoneRecord]] = {}
            for row in session.execute(statement):
                grouped.setdefault(row.action_id, []).append(MilestoneRecord(**row._mapping))
        return grouped

    def milestone_span(self, territory_id: int) -> tuple[dt.date | None, dt.date | None]:
        """The earliest and latest due dates of the territory's milestones (the timeline's time scale)."""
        milestone = models.Milestone
        # Each end walks the due-date index from its side and stops at the first of the territory's: a
        # correlated EXISTS, where a join would read every milestone of the territory first.
        ours = (
            select(models.Action.id)
            .where(models.Action.id == milestone.action_id, models.Action.territory_id == territory_id)
            .exists()
        )
        dated = select(milestone.due_on).where(milestone.due_on.is_not(None), ours).limit(1)
        with self._sessions() as session:
            first = session.scalar(dated.order_by(milestone.due_on))
            last = session.scalar(dated.order_by(milestone.due_on.desc()))
        return first, last

    def milestones_of(self, territory_id: int, action_ids: Iterable[int]) -> dict[int, list[MilestoneRecord]]:
        """`milestones_by_action` for these actions only (those a view shows); an action without any is absent."""
        wanted = sorted(set(action_ids))
        table = models.Milestone.__table__
        grouped: dict[int, list[MilestoneRecord]] = {}
        with self._sessions() as session:
            for start in range(0, len(wanted), 500):  # bounded IN lists
                statement = (
                    select(table)
                    .join(models.Action.__table__, models.Action.id == table.c.action_id)
                    .where(
                        models.Action.territory_id == territory_id, table.c.action_id.in_(wanted[start : start + 500])
                    )
                    .order_by(table.c.action_id, table.c.due_on, table.c.position, table.c.id)
                )
                for row in session.execute(statement):
                    grouped.setdefault(row.action_id, []).append(MilestoneRecord(**row._mapping))
        return grouped

    def _actions(self, session: Session, territory_id: int, include_confidential: bool) -> list[ActionRecord]:
        table = models.Action.__table__
        actions = fetch_records(
            session, models.Action, ActionRecord, table.c.territory_id == territory_id, order_by=(table.c.id,)
        )
        if include_confidential:
            return actions
        left_out = confidential_ids(actions)
        return [action for action in actions if action.id not in left_out]

    def _funding_lines(self, session: Session, action_ids: list[int]) -> list[FundingLineRecord]:
        table = models.FundingLine.__table__
        lines = fetch_records_in(
            session, models.FundingLine, FundingLineRecord, table.c.action_id, action_ids, table.c.id
        )
        return sorted(lines, key=lambda line: line.id)

    def plan_summary(
        self, territory_id: int, today: dt.date, *, include_confidential: bool = True
    ) -> summaries.PlanSummary:
        with self._sessions() as session:
            actions = self._actions(session, territory_id, include_confidential)
            lines = self._funding_lines(session, [action.id for action in actions])
        return summaries.plan_summary(actions, lines, today)

    def overview(self, territory_id: int, today: dt.date) -> PlanOverview:
        with self._sessions() as session:
            actions = self._actions(session, territory_id, include_confidential=True)
            lines = self._funding_lines(session, [action.id for action in actions])
        return PlanOverview(
            actions=actions,
            summary=summaries.plan_summary(actions, lines, today),
            counts_by_axis=summaries.count_by_axis_and_status(actions),
            late_actions=summaries.late_actions(actions, today),
        )

    def counts_by_axis(
        self, territory_id: int, *, include_confidential: bool = True
    ) -> dict[int, summaries.StatusCounts]:
        with self._sessions() as session:
            actions = self._actions(session, territory_id, include_confidential)
        return summaries.count_by_axis_and_status(actions)

    def late_actions(self, territory_id: int, today: dt.date) -> list[ActionRecord]:
        with self._sessions() as session:
            actions = self._actions(session, territory_id, include_confidential=True)
        return summaries.late_actions(actions, today)

    def milestones_due(
        self, territory_id: int, today: dt.date, *, overdue: bool, horizon_days: int = 60
    ) -> list[MilestoneWithAction]:
        """Overdue milestones (due before today, not done), or those due within `horizon_days`."""
        statement, _ = self._milestones_due(territory_id, today, overdue=overdue, horizon_days=horizon_days)
        with self._sessions() as session:
            return [
                MilestoneWithAction(to_record(milestone, MilestoneRecord), to_record(action, ActionRecord))
                for milestone, action in session.execute(statement)
            ]

    @staticmethod
    def _milestones_due(
        territory_id: int, today: dt.date, *, overdue: bool, horizon_days: int
    ) -> tuple[Select[models.Milestone, models.Action], ColumnElement[bool]]:
        # The territory's actions as a semi-join (IN): the count reads the milestones' index alone, and SQLite
        # probes the action ids instead of fetching each action's row (a fifth less on a national base).
        ours = models.Milestone.action_id.in_(
            select(models.Action.id).where(models.Action.territory_id == territory_id)
        )
        condition = and_(ours, models.Milestone.done_on.is_(None))
        if overdue:
            condition = and_(condition, models.Milestone.due_on < today)
        else:
            horizon = today + dt.timedelta(days=horizon_days)
            condition = and_(condition, models.Milestone.due_on >= today, models.Milestone.due_on <= horizon)
        statement = (
            select(models.Milestone, models.Action)
            .join(models.Action, models.Action.id == models.Milestone.action_id)
            .where(condition)
            .order_by(models.Milestone.due_on, models.Milestone.id)
        )
        return statement, condition


class HistoryService:
    """The change log, for a territory or an action."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def for_action(self, action_id: int) -> list[ChangeLogRecord]:
        return self._query(models.ChangeLog.action_id == action_id, limit=None)

    def recent(self, territory_id: int, limit: int = 50) -> list[ChangeLogRecord]:
        return self._query(models.ChangeLog.territory_id == territory_id, limit=limit)

    def _query(self, condition: object, limit: int | None) -> list[ChangeLogRecord]:
        statement = (
            select(models.ChangeLog)
            .where(condition)  # type: ignore[arg-type]
            .order_by(models.ChangeLog.changed_at.desc(), models.ChangeLog.id.desc())
        )
        if limit is not None:
            statement = statement.limit(limit)
        with self._sessions() as session:
            return [to_record(row, ChangeLogRecord) for row in session.scalars(statement)]
