"""The plan's key figures computed by the database (SUM / COUNT … GROUP BY), not by loading every record.

They follow `domain.summaries` rule for rule (a property test compares both on random plans, on SQLite and
PostgreSQL): money is stored as integer cents, so the sums are exact integers turned into Decimal euros once.
Each function reads in the caller's session; `include_confidential=False` leaves out what
`domain.rules.confidential_ids` leaves out (confidential actions and the sub-actions of one).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, and_, case, exists, func, select, type_coerce
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from ti_desktop.db import models
from ti_desktop.domain import summaries
from ti_desktop.domain.enums import (
    CLOSED_STATUSES,
    REQUESTED_FUNDING_STATUSES,
    SECURED_FUNDING_STATUSES,
    ActionStatus,
    AmountBasis,
    FundingStatus,
)
from ti_desktop.domain.money import from_cents


@dataclass(frozen=True, slots=True)
class PlanFigures:
    """What the dashboard's figures need: the summary and the chart's counts per axis."""

    summary: summaries.PlanSummary
    counts_by_axis: dict[int, summaries.StatusCounts]


def included_actions(territory_id: int, include_confidential: bool) -> ColumnElement[bool]:
    """The condition on `models.Action` selecting the territory's actions a figure counts."""
    action = models.Action
    condition = action.territory_id == territory_id
    if include_confidential:
        return condition
    parent = aliased(models.Action)
    secret_parent = exists().where(
        parent.id == action.parent_id, parent.territory_id == territory_id, parent.confidential.is_(True)
    )
    return and_(condition, action.confidential.is_(False), ~secret_parent)


def _cents(value: Any) -> int:
    """A SUM of cents as an int (PostgreSQL's SUM of BIGINT is NUMERIC; an empty SUM is NULL)."""
    return 0 if value is None else int(value)


def _sum_cents(column: ColumnElement[Any] | InstrumentedAttribute[Any]) -> ColumnElement[Any]:
    """SUM of a Money column as plain integer cents (the column's type would make the SUM a Decimal of euros)."""
    return func.sum(type_coerce(column, BigInteger))


def plan_figures(
    session: Session, territory_id: int, today: dt.date, *, include_confidential: bool = True
) -> PlanFigures:
    """The plan summary and counts per axis and status, in two aggregate queries."""
    action = models.Action
    not_abandoned = action.status != ActionStatus.ABANDONNEE
    late = and_(action.planned_end.is_not(None), action.planned_end < today)
    statement = (
        select(
            action.axis_id,
            action.status,
            action.budget_basis,
            func.count(),
            func.count(action.planned_budget),
            _sum_cents(action.planned_budget),
            _sum_cents(action.spent_to_date),
            func.sum(case((not_abandoned, action.jobs_targeted), else_=None)),
            func.sum(action.jobs_created),
            _sum_cents(case((not_abandoned, type_coerce(action.induced_investment, BigInteger)), else_=None)),
            _sum_cents(action.achieved_investment),
            func.sum(case((late, 1), else_=0)),
        )
        .where(included_actions(territory_id, include_confidential))
        .group_by(action.axis_id, action.status, action.budget_basis)
    )
    by_status: dict[ActionStatus, int] = dict.fromkeys(ActionStatus, 0)
    by_axis: dict[int, dict[ActionStatus, int]] = {}
    planned = spent = ttc = induced = achieved = 0
    without = jobs_targeted = jobs_created = late_count = 0
    for row in session.execute(statement):
        (axis_id, status, basis, count, with_budget, budget, spent_sum, targeted, created, induced_sum, achieved_sum,
         late_sum) = row  # fmt: skip
        status = ActionStatus(status)
        by_status[status] += count
        by_axis.setdefault(axis_id, dict.fromkeys(ActionStatus, 0))[status] += count
        without += count - with_budget
        planned += _cents(budget)
        if basis is not None and AmountBasis(basis) is AmountBasis.TTC:
            ttc += _cents(budget)
        spent += _cents(spent_sum)
        jobs_targeted += int(targeted or 0)
        jobs_created += int(created or 0)
        induced += _cents(induced_sum)
        achieved += _cents(achieved_sum)
        if status not in CLOSED_STATUSES:
            late_count += int(late_sum or 0)
    budget_totals = summaries.BudgetTotals(
        planned=from_cents(planned),
        spent=from_cents(spent),
        actions_without_budget=without,
        planned_ttc=from_cents(ttc),
    )
    summary = summaries.PlanSummary(
        status_counts=summaries.StatusCounts(by_status),
        budget=budget_totals,
        funding=funding_figures(session, territory_id, budget_totals.planned, include_confidential),
        jobs_targeted=jobs_targeted,
        late_count=late_count,
        jobs_created=jobs_created,
        induced_investment=from_cents(induced),
        achieved_investment=from_cents(achieved),
    )
    counts = {axis_id: summaries.StatusCounts(counts) for axis_id, counts in by_axis.items()}
    return PlanFigures(summary=summary, counts_by_axis=counts)


def funding_figures(
    session: Session, territory_id: int, planned_budget: Decimal, include_confidential: bool
) -> summaries.FundingSummary:
    """`summaries.funding_summary` of the included actions' funding lines, summed by status and basis."""
    line = models.FundingLine
    # A semi-join (IN), not a join: SQLite then reads each line's covering index entry without carrying the
    # action's row along (a third less time on a 100,000-action plan's 200,000 lines).
    included = select(models.Action.id).where(included_actions(territory_id, include_confidential))
    statement = (
        select(line.status, line.basis, _sum_cents(line.amount_requested), _sum_cents(line.amount_granted))
        .where(line.action_id.in_(included))
        .group_by(line.status, line.basis)
    )
    # (all lines, TTC lines) -> status -> [requested cents, granted cents]
    totals: dict[bool, dict[FundingStatus, list[int]]] = {False: defaultdict(lambda: [0, 0]), True: {}}
    for status, basis, requested, granted in session.execute(statement):
        status = FundingStatus(status)
        is_ttc = basis is not None and AmountBasis(basis) is AmountBasis.TTC
        for part in (False, True) if is_ttc else (False,):
            sums = totals[part].setdefault(status, [0, 0])
            sums[0] += _cents(requested)
            sums[1] += _cents(granted)
    figures = _funding(totals[False], planned_budget)
    if not totals[True]:
        return figures
    return dataclasses.replace(figures, ttc=_funding(totals[True], Decimal("0.00")))


def _funding(sums: dict[FundingStatus, list[int]], planned_budget: Decimal) -> summaries.FundingSummary:
    def requested(statuses: frozenset[FundingStatus]) -> Decimal:
        return from_cents(sum(sums[s][0] for s in statuses if s in sums))

    def granted(statuses: frozenset[FundingStatus]) -> Decimal:
        return from_cents(sum(sums[s][1] for s in statuses if s in sums))

    return summaries.FundingSummary(
        envisaged=requested(frozenset({FundingStatus.ENVISAGE})),
        requested=requested(REQUESTED_FUNDING_STATUSES),
        granted=granted(SECURED_FUNDING_STATUSES),
        paid=granted(frozenset({FundingStatus.VERSE})),
        refused=requested(frozenset({FundingStatus.REFUSE})),
        planned_budget=planned_budget,
    )


def late_condition(territory_id: int, today: dt.date) -> ColumnElement[bool]:
    """`domain.rules.is_action_late`, as SQL on `models.Action`."""
    action = models.Action
    return and_(
        action.territory_id == territory_id,
        action.planned_end.is_not(None),
        action.planned_end < today,
        action.status.not_in(sorted(CLOSED_STATUSES, key=lambda status: status.value)),
    )
