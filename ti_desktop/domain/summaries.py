"""The figures shown everywhere (dashboard, report, meetings), computed from plain records.

Conventions, applied identically by every screen and report:
- every fiche-action counts, sub-actions included (each has its own budget and funding lines);
- requested funding = lines déposé, accordé or versé (filed with a funder and not refused);
- granted (secured) funding = lines accordé or versé, at their granted amount;
- paid funding = lines versé, at their granted amount;
- coverage = granted / planned budget, undefined when there is no budget;
- an amount is HT unless its basis says TTC: totals keep the TTC part apart (`planned_ttc`, `FundingSummary.ttc`)
  so that no screen or report adds HT and TTC into one figure without saying « dont … TTC ».
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ti_desktop.domain.enums import (
    REQUESTED_FUNDING_STATUSES,
    SECURED_FUNDING_STATUSES,
    STARTED_STATUSES,
    ActionStatus,
    AmountBasis,
    FundingStatus,
)
from ti_desktop.domain.records import ActionRecord, FundingLineRecord
from ti_desktop.domain.rules import is_action_late

ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class StatusCounts:
    """How many actions have each status."""

    by_status: dict[ActionStatus, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    def count(self, status: ActionStatus) -> int:
        return self.by_status.get(status, 0)

    @property
    def started(self) -> int:
        return sum(self.count(status) for status in STARTED_STATUSES)

    @property
    def share_started(self) -> float | None:
        """Share of actions whose work has begun, among those not abandoned (None when there are none)."""
        considered = self.total - self.count(ActionStatus.ABANDONNEE)
        return self.started / considered if considered else None


def count_by_status(actions: Iterable[ActionRecord]) -> StatusCounts:
    counts = dict.fromkeys(ActionStatus, 0)
    for action in actions:
        counts[action.status] += 1
    return StatusCounts(counts)


def count_by_axis_and_status(actions: Iterable[ActionRecord]) -> dict[int, StatusCounts]:
    """Per axis id, the counts by status (axes without actions are absent)."""
    grouped: dict[int, list[ActionRecord]] = {}
    for action in actions:
        grouped.setdefault(action.axis_id, []).append(action)
    return {axis_id: count_by_status(group) for axis_id, group in grouped.items()}


@dataclass(frozen=True, slots=True)
class BudgetTotals:
    planned: Decimal
    spent: Decimal
    actions_without_budget: int
    planned_ttc: Decimal = ZERO  # the part of `planned` stated TTC (the rest is HT)


def budget_totals(actions: Iterable[ActionRecord]) -> BudgetTotals:
    planned = spent = ttc = ZERO
    without = 0
    for action in actions:
        if action.planned_budget is None:
            without += 1
        else:
            planned += action.planned_budget
            if action.budget_basis is AmountBasis.TTC:
                ttc += action.planned_budget
        spent += action.spent_to_date or ZERO
    return BudgetTotals(planned=planned, spent=spent, actions_without_budget=without, planned_ttc=ttc)


@dataclass(frozen=True, slots=True)
class FundingSummary:
    envisaged: Decimal
    requested: Decimal
    granted: Decimal
    paid: Decimal
    refused: Decimal
    planned_budget: Decimal
    ttc: FundingSummary | None = None  # the same figures for the lines stated TTC only (None: there are none)

    @property
    def coverage(self) -> float | None:
        """Granted funding over the planned budget (None when the budget is zero)."""
        if self.planned_budget <= 0:
            return None
        return float(self.granted / self.planned_budget)


def _granted_amount(line: FundingLineRecord) -> Decimal:
    return line.amount_granted if line.amount_granted is not None else ZERO


def funding_summary(lines: Iterable[FundingLineRecord], planned_budget: Decimal) -> FundingSummary:
    line_list = list(lines)
    ttc_lines = [line for line in line_list if line.basis is AmountBasis.TTC]
    totals = _funding_totals(line_list, planned_budget)
    if not ttc_lines:
        return totals
    return dataclasses.replace(totals, ttc=_funding_totals(ttc_lines, ZERO))


def _funding_totals(lines: list[FundingLineRecord], planned_budget: Decimal) -> FundingSummary:
    envisaged = requested = granted = paid = refused = ZERO
    for line in lines:
        if line.status is FundingStatus.ENVISAGE:
            envisaged += line.amount_requested
        if line.status in REQUESTED_FUNDING_STATUSES:
            requested += line.amount_requested
        if line.status in SECURED_FUNDING_STATUSES:
            granted += _granted_amount(line)
        if line.status is FundingStatus.VERSE:
            paid += _granted_amount(line)
        if line.status is FundingStatus.REFUSE:
            refused += line.amount_requested
    return FundingSummary(
        envisaged=envisaged,
        requested=requested,
        granted=granted,
        paid=paid,
        refused=refused,
        planned_budget=planned_budget,
    )


def secured_funding(lines: Iterable[FundingLineRecord]) -> Decimal:
    """Secured funding = accordé + versé."""
    return sum((_granted_amount(line) for line in lines if line.status in SECURED_FUNDING_STATUSES), ZERO)


def jobs_targeted(actions: Iterable[ActionRecord]) -> int:
    """Jobs targeted by the plan, abandoned actions left out."""
    return sum(action.jobs_targeted or 0 for action in actions if action.status is not ActionStatus.ABANDONNEE)


def jobs_created(actions: Iterable[ActionRecord]) -> int:
    """Jobs the actions created (constatés), whatever became of them since: what happened is counted."""
    return sum(action.jobs_created or 0 for action in actions)


def induced_investment(actions: Iterable[ActionRecord]) -> Decimal:
    """Investment the plan expects to induce, abandoned actions left out (as for the jobs targeted)."""
    return sum(
        (action.induced_investment or ZERO for action in actions if action.status is not ActionStatus.ABANDONNEE),
        ZERO,
    )


def achieved_investment(actions: Iterable[ActionRecord]) -> Decimal:
    """Investment the actions achieved (réalisé)."""
    return sum((action.achieved_investment or ZERO for action in actions), ZERO)


def late_actions(actions: Iterable[ActionRecord], today: dt.date) -> list[ActionRecord]:
    """Late actions, the most overdue first."""
    late = [action for action in actions if is_action_late(action.status, action.planned_end, today)]
    return sorted(late, key=lambda action: (action.planned_end, action.code or "", action.id))


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """The key figures of a plan: what the dashboard and the report's synthèse show."""

    status_counts: StatusCounts
    budget: BudgetTotals
    funding: FundingSummary
    jobs_targeted: int
    late_count: int
    # Targeted vs achieved, as the programme reports them nationally.
    jobs_created: int = 0
    induced_investment: Decimal = ZERO
    achieved_investment: Decimal = ZERO


def plan_summary(actions: Iterable[ActionRecord], lines: Iterable[FundingLineRecord], today: dt.date) -> PlanSummary:
    action_list = list(actions)
    budget = budget_totals(action_list)
    return PlanSummary(
        status_counts=count_by_status(action_list),
        budget=budget,
        funding=funding_summary(lines, budget.planned),
        jobs_targeted=jobs_targeted(action_list),
        late_count=len(late_actions(action_list, today)),
        jobs_created=jobs_created(action_list),
        induced_investment=induced_investment(action_list),
        achieved_investment=achieved_investment(action_list),
    )
