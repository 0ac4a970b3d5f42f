"""Plain, immutable records of every entity, as services return them.

Field names mirror the database columns one to one, so services copy rows into records generically;
nothing here is tied to a session, so records travel safely to the GUI thread and to reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ti_desktop.domain import rules
from ti_desktop.domain.enums import (
    ActionStatus,
    ActorKind,
    BudgetNature,
    DecisionState,
    FundingStatus,
    GovernanceRole,
    IndicatorDirection,
    MeetingKind,
    MinutesState,
    Priority,
    SwotCategory,
)


@dataclass(frozen=True, slots=True)
class TerritoryRecord:
    id: int
    name: str
    national_code: str | None
    region: str | None
    departments: str | None
    phase: str | None
    labelled_on: dt.date | None
    carrying_structure: str | None
    summary: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class EpciRecord:
    id: int
    territory_id: int
    name: str
    siren: str | None
    population: int | None
    commune_count: int | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class ActorRecord:
    id: int
    name: str
    organisation: str | None
    kind: ActorKind
    email: str | None
    phone: str | None
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


@dataclass(frozen=True, slots=True)
class TerritoryRoleRecord:
    id: int
    territory_id: int
    actor_id: int
    role: GovernanceRole
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class DiagnosticSectionRecord:
    id: int
    territory_id: int
    axis_id: int | None
    title: str
    text: str | None
    sources: str | None
    position: int
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class SwotItemRecord:
    id: int
    territory_id: int
    category: SwotCategory
    axis_id: int | None
    text: str
    position: int
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class ChallengeRecord:
    id: int
    territory_id: int
    axis_id: int
    title: str
    description: str | None
    priority: Priority
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class KeyCompanyRecord:
    id: int
    territory_id: int
    name: str
    siret: str | None
    sector: str | None
    employees: int | None
    commune: str | None
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class AxisRecord:
    id: int
    territory_id: int | None
    code: str
    label: str
    colour: str
    position: int
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class ObjectiveRecord:
    id: int
    territory_id: int
    axis_id: int
    code: str | None
    title: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class ActionRecord:
    id: int
    territory_id: int
    axis_id: int
    objective_id: int | None
    parent_id: int | None
    code: str | None
    title: str
    description: str | None
    expected_results: str | None
    status: ActionStatus
    priority: Priority
    to_discuss: bool
    confidential: bool
    lead_actor_id: int | None
    pilot_actor_id: int | None
    elected_referent_id: int | None
    planned_start: dt.date | None
    planned_end: dt.date | None
    actual_end: dt.date | None
    progress: int
    planned_budget: Decimal | None
    spent_to_date: Decimal | None
    budget_nature: BudgetNature | None
    jobs_targeted: int | None
    induced_investment: Decimal | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at

    def is_late(self, today: dt.date) -> bool:
        return rules.is_action_late(self.status, self.planned_end, today)


@dataclass(frozen=True, slots=True)
class ActionPartnerRecord:
    id: int
    action_id: int
    actor_id: int
    role: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class FundingLineRecord:
    id: int
    action_id: int
    funder_actor_id: int | None
    funder_name: str | None
    programme: str | None
    amount_requested: Decimal
    amount_granted: Decimal | None
    status: FundingStatus
    filed_on: dt.date | None
    decided_on: dt.date | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class MilestoneRecord:
    id: int
    action_id: int
    title: str
    due_on: dt.date | None
    done_on: dt.date | None
    position: int
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at

    def is_overdue(self, today: dt.date) -> bool:
        return rules.is_milestone_overdue(self.due_on, self.done_on, today)


@dataclass(frozen=True, slots=True)
class IndicatorRecord:
    id: int
    territory_id: int
    action_id: int | None
    axis_id: int | None
    name: str
    unit: str | None
    source: str | None
    baseline_value: float | None
    baseline_on: dt.date | None
    target_value: float | None
    target_on: dt.date | None
    direction: IndicatorDirection
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class IndicatorValueRecord:
    id: int
    indicator_id: int
    measured_on: dt.date
    value: float
    comment: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class ProgressUpdateRecord:
    id: int
    action_id: int
    reported_on: dt.date
    author: str | None
    status: ActionStatus
    progress: int
    done: str | None
    difficulties: str | None
    next_steps: str | None
    alert: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    id: int
    territory_id: int
    kind: MeetingKind
    held_on: dt.date
    place: str | None
    notes: str | None
    minutes_state: MinutesState
    closed_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class AgendaItemRecord:
    id: int
    meeting_id: int
    action_id: int | None
    title: str
    position: int
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    id: int
    meeting_id: int
    action_id: int | None
    text: str
    owner_actor_id: int | None
    due_on: dt.date | None
    state: DecisionState
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class AttachmentRecord:
    id: int
    action_id: int | None
    meeting_id: int | None
    title: str
    stored_path: str
    original_name: str
    size_bytes: int
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # optimistic locking: the version this record was read at


@dataclass(frozen=True, slots=True)
class ChangeLogRecord:
    id: int
    changed_at: dt.datetime
    user: str
    territory_id: int | None
    action_id: int | None
    entity: str
    entity_id: int
    field: str | None
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True, slots=True)
class SnapshotRecord:
    id: int
    territory_id: int
    taken_at: dt.datetime
    label: str
    meeting_id: int | None
    payload: str
    created_at: dt.datetime
    updated_at: dt.datetime
