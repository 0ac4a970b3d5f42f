"""The plain, frozen data a progress report is drawn from (assembled by `services.report_assembly`).

Nothing here touches a database: tests build a `ReportData` by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ti_desktop.domain.enums import ActionStatus, AmountBasis, DecisionState, FundingStatus, IndicatorDirection
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.domain.summaries import FundingSummary, StatusCounts

NOT_NAMED = "non désigné"  # a governance role nobody holds, on the cover (and in the contrôle avant envoi)


@dataclass(frozen=True, slots=True)
class ActionRow:
    """One fiche-action as the axis tables show it."""

    id: int
    code: str | None
    title: str
    lead: str | None  # the porteur, « Marie Dupont (CC du Val) » (`domain.people.person_with_organisation`)
    status: ActionStatus
    progress: int
    planned_start: dt.date | None
    planned_end: dt.date | None
    planned_budget: Decimal | None
    secured_funding: Decimal
    late: bool

    @property
    def reference(self) -> str:
        return self.code or f"n° {self.id}"


@dataclass(frozen=True, slots=True)
class AlertRow:
    """A progress update flagged as an alert, or a late action."""

    action: str  # code or number
    title: str
    on: dt.date | None
    text: str


@dataclass(frozen=True, slots=True)
class DecisionRow:
    text: str
    owner: str | None
    due_on: dt.date | None
    meeting_on: dt.date | None
    action: str | None
    state: DecisionState = DecisionState.A_FAIRE


@dataclass(frozen=True, slots=True)
class SynthesisData:
    status_counts: StatusCounts
    planned_budget: Decimal
    spent_to_date: Decimal
    actions_without_budget: int
    funding: FundingSummary
    jobs_targeted: int
    jobs_created: int
    induced_investment: Decimal
    achieved_investment: Decimal
    late_actions: tuple[AlertRow, ...]
    flagged_updates: tuple[AlertRow, ...]
    overdue_milestones: int
    pending_decisions: tuple[DecisionRow, ...]
    planned_budget_ttc: Decimal = Decimal(0)  # the part of `planned_budget` stated TTC (said apart, never hidden)


@dataclass(frozen=True, slots=True)
class AxisPart:
    code: str
    label: str
    colour: str  # "#rrggbb"
    counts: StatusCounts
    rows: tuple[ActionRow, ...]
    planned_budget: Decimal
    secured_funding: Decimal
    planned_budget_ttc: Decimal = Decimal(0)  # the TTC parts of the two totals above
    secured_funding_ttc: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class FundingGroupRow:
    """Funding lines of one funder (or one programme): requested, granted, paid."""

    name: str
    line_count: int
    requested: Decimal
    granted: Decimal
    paid: Decimal
    # The TTC parts of the three figures (the lines stated TTC), said beside them: never added to HT in silence.
    requested_ttc: Decimal = Decimal(0)
    granted_ttc: Decimal = Decimal(0)
    paid_ttc: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class FundingPart:
    by_funder: tuple[FundingGroupRow, ...]
    by_programme: tuple[FundingGroupRow, ...]
    totals: FundingSummary
    planned_budget_ttc: Decimal = Decimal(0)  # the TTC part of `totals.planned_budget`


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    name: str
    unit: str | None
    scope: str | None  # axis label or action code the indicator measures
    direction: IndicatorDirection
    baseline: float | None
    baseline_on: dt.date | None
    latest: float | None
    latest_on: dt.date | None
    target: float | None
    target_on: dt.date | None
    reached: float | None  # share of the way from baseline to target (0.5 = half-way)
    trend: tuple[tuple[dt.date, float], ...]  # baseline then measures, oldest first


@dataclass(frozen=True, slots=True)
class MilestoneRow:
    action: str
    action_title: str
    title: str
    due_on: dt.date | None
    done_on: dt.date | None


@dataclass(frozen=True, slots=True)
class MilestonesPart:
    reached: tuple[MilestoneRow, ...]
    upcoming: tuple[MilestoneRow, ...]  # due in the next six months
    overdue: tuple[MilestoneRow, ...]


@dataclass(frozen=True, slots=True)
class StatusChangeRow:
    action: str
    title: str
    old: ActionStatus | None
    new: ActionStatus
    on: dt.date | None


@dataclass(frozen=True, slots=True)
class ProgressChangeRow:
    action: str
    title: str
    old_progress: int
    new_progress: int
    old_secured: Decimal | None
    new_secured: Decimal


@dataclass(frozen=True, slots=True)
class EvolutionsPart:
    source: str  # where the comparison comes from, in French
    status_changes: tuple[StatusChangeRow, ...]
    new_actions: tuple[ActionRow, ...]
    progress_changes: tuple[ProgressChangeRow, ...] = ()
    removed: tuple[str, ...] = ()  # "CODE – titre" of actions gone since the snapshot
    note: str | None = None  # e.g. the plan was entered during the period


@dataclass(frozen=True, slots=True)
class FundingLineRow:
    funder: str
    programme: str | None
    requested: Decimal
    granted: Decimal | None
    status: FundingStatus
    decided_on: dt.date | None
    basis: AmountBasis | None = None  # None: not said, counted HT


@dataclass(frozen=True, slots=True)
class UpdateRow:
    reported_on: dt.date
    author: str | None
    status: ActionStatus
    progress: int
    done: str | None
    difficulties: str | None
    next_steps: str | None
    alert: bool


@dataclass(frozen=True, slots=True)
class ActionSheet:
    """One fiche-action in full, for the annex."""

    row: ActionRow
    axis: str
    lead_contact: str | None  # the porteur with their organisation
    description: str | None
    expected_results: str | None
    pilot: str | None
    partners: tuple[tuple[str, str | None], ...]  # (name, role)
    funding: tuple[FundingLineRow, ...]
    milestones: tuple[MilestoneRow, ...]
    updates: tuple[UpdateRow, ...]  # newest first


@dataclass(frozen=True, slots=True)
class ActionFigures:
    """One fiche-action with every figure the report counts it in: what its embedded data carries, so that a
    Région can add up territories (`reports.report_document`)."""

    row: ActionRow
    axis_code: str
    parent: str | None  # the parent action's reference, for a sous-action
    budget_basis: AmountBasis | None  # None: not said, counted HT
    spent_to_date: Decimal | None
    jobs_targeted: int | None
    jobs_created: int | None
    induced_investment: Decimal | None
    achieved_investment: Decimal | None
    funding: tuple[FundingLineRow, ...]
    milestones: tuple[MilestoneRow, ...]


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the report shows; confidential actions are already left out."""

    options: ReportOptions
    territory: str
    region: str | None
    generated_on: dt.date
    app_version: str
    chef_de_projet: tuple[str, ...] = ()
    elected_referents: tuple[str, ...] = ()
    industrial_referents: tuple[str, ...] = ()
    carrying_structure: str | None = None
    departments: str | None = None
    phase: str | None = None
    confidential_left_out: int = 0
    synthesis: SynthesisData | None = None
    axes: tuple[AxisPart, ...] = ()
    funding: FundingPart | None = None
    indicators: tuple[IndicatorRow, ...] = ()
    milestones: MilestonesPart | None = None
    evolutions: EvolutionsPart | None = None
    annex: tuple[ActionSheet, ...] = field(default=())
    national_code: str | None = None
    actions: tuple[ActionFigures, ...] = ()  # every action shown, with its figures (the embedded data's)
