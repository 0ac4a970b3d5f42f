"""Territory-wide figures and lists (dashboard, report synthèse), computed by the domain from records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain import summaries
from ti_desktop.domain.enums import DecisionState
from ti_desktop.domain.records import (
    ActionRecord,
    ChangeLogRecord,
    DecisionRecord,
    FundingLineRecord,
    MilestoneRecord,
)
from ti_desktop.domain.rules import confidential_ids
from ti_desktop.services.crud import fetch_records, to_record


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


class SummaryService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

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
        return fetch_records(
            session, models.FundingLine, FundingLineRecord, table.c.action_id.in_(action_ids), order_by=(table.c.id,)
        )

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
        statement = (
            select(models.Milestone, models.Action)
            .join(models.Action, models.Action.id == models.Milestone.action_id)
            .where(models.Action.territory_id == territory_id, models.Milestone.done_on.is_(None))
        )
        if overdue:
            statement = statement.where(models.Milestone.due_on < today)
        else:
            horizon = today + dt.timedelta(days=horizon_days)
            statement = statement.where(models.Milestone.due_on >= today, models.Milestone.due_on <= horizon)
        statement = statement.order_by(models.Milestone.due_on, models.Milestone.id)
        with self._sessions() as session:
            return [
                MilestoneWithAction(to_record(milestone, MilestoneRecord), to_record(action, ActionRecord))
                for milestone, action in session.execute(statement)
            ]

    def pending_decisions(self, territory_id: int) -> list[DecisionRecord]:
        statement = (
            select(models.Decision)
            .join(models.Meeting, models.Meeting.id == models.Decision.meeting_id)
            .where(models.Meeting.territory_id == territory_id, models.Decision.state == DecisionState.A_FAIRE.value)
            .order_by(models.Decision.due_on.is_(None), models.Decision.due_on, models.Decision.id)
        )
        with self._sessions() as session:
            return [to_record(row, DecisionRecord) for row in session.scalars(statement)]


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
