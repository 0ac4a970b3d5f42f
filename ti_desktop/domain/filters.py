"""What the plan view can filter on; every criterion combines with the others (AND)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ti_desktop.domain.enums import ActionStatus


@dataclass(frozen=True, slots=True)
class ActionFilter:
    territory_id: int
    axis_ids: frozenset[int] = field(default_factory=frozenset)
    statuses: frozenset[ActionStatus] = field(default_factory=frozenset)
    lead_actor_ids: frozenset[int] = field(default_factory=frozenset)
    late_only: bool = False
    to_discuss_only: bool = False
    # None: all actions; True: only confidential ones; False: leave confidential ones out.
    confidential: bool | None = None
    text: str = ""
    today: dt.date | None = None  # for late_only; the caller's today, so tests can fix it
