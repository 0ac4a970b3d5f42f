"""The plain, frozen data the minutes of a meeting (compte rendu et relevé de décisions) are drawn from.

Assembled by `services.minutes`; nothing here touches a database, so tests can build a `MinutesData` by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ti_desktop.domain.enums import ActionStatus, DecisionState
from ti_desktop.kernel.formatting import format_date


@dataclass(frozen=True, slots=True)
class MinutesParticipant:
    name: str
    organisation: str | None
    role: str | None  # governance role in the territory (Élu référent…), else the actor's kind (État, Région…)


@dataclass(frozen=True, slots=True)
class MinutesDecision:
    number: int  # as numbered in the full list (1, 2, …), the same under its agenda item
    text: str
    action_code: str | None
    action_title: str | None
    owner: str | None
    due_on: dt.date | None
    state: DecisionState
    overdue: bool = False  # still to do and the due date has passed

    @property
    def state_label(self) -> str:
        return self.state.label

    @property
    def action(self) -> str | None:
        """`COM-03 – École de production`, or None for a decision that concerns no action."""
        if self.action_title is None:
            return self.action_code
        return f"{self.action_code} – {self.action_title}" if self.action_code else self.action_title


@dataclass(frozen=True, slots=True)
class ActionState:
    """A short state of the action an agenda item is about, on the day the minutes are written."""

    code: str | None
    title: str
    axis: str | None
    lead: str | None
    status: ActionStatus
    progress: int  # 0–100
    planned_start: dt.date | None
    planned_end: dt.date | None
    planned_budget: Decimal | None
    requested_funding: Decimal
    secured_funding: Decimal
    late: bool
    overdue_milestones: tuple[str, ...] = ()  # "Dépôt du permis (échéance 15/09/2026)"
    changes: tuple[str, ...] = ()  # what changed since the previous comité, French lines

    @property
    def status_label(self) -> str:
        return self.status.label


@dataclass(frozen=True, slots=True)
class MinutesItem:
    position: int  # 1, 2, … as numbered in the agenda
    title: str
    notes: str | None  # why it was proposed, what the chef de projet wrote
    action: ActionState | None
    decisions: tuple[MinutesDecision, ...] = ()  # taken in this meeting on this item


@dataclass(frozen=True, slots=True)
class PriorityLine:
    """One axis of the plan (the programme's four priorities first) and what the meeting examined of it."""

    code: str
    label: str
    items: tuple[int, ...]  # the positions of the agenda items about an action of this axis
    decisions: int  # decisions of the meeting about an action of this axis


@dataclass(frozen=True, slots=True)
class MinutesData:
    territory: str
    region: str | None
    kind_label: str  # Comité de pilotage, Comité technique…
    held_on: dt.date
    place: str | None
    participants: tuple[MinutesParticipant, ...]
    notes: str | None
    items: tuple[MinutesItem, ...]
    other_decisions: tuple[MinutesDecision, ...]  # decisions under no agenda item ("Autres décisions")
    decisions: tuple[MinutesDecision, ...]  # every decision of the meeting, numbered
    closed: bool  # False: a draft, shown as "Projet de compte rendu"
    generated_on: dt.date
    app_version: str
    previous_held_on: dt.date | None = None  # the comité "ce qui a changé" refers to
    priorities: tuple[PriorityLine, ...] = ()  # every axis of the plan, each said even when nothing is about it

    @property
    def meeting_label(self) -> str:
        """`Comité de pilotage du 21/11/2026`."""
        return f"{self.kind_label} du {format_date(self.held_on)}"
