"""What the plan view can filter on; every criterion combines with the others (AND).

The same predicate serves the services (`ActionService.find`) and the GUI's filter proxy, so a filter
means exactly the same thing on screen, on the command line and in tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from ti_desktop.domain import entities
from ti_desktop.domain.custom_fields import CustomValue, is_filled
from ti_desktop.domain.enums import ActionStatus, LabelledEnum
from ti_desktop.domain.records import ActionRecord
from ti_desktop.domain.rules import is_action_late

STALE_AFTER_DAYS = 183  # "no progress update for 6 months"
# The action's fields the plan filters on by « Avec … » (targeted and achieved outcomes), as declared.
FILTERABLE: dict[str, str] = {name: spec.label for name, spec in entities.ACTION.fields.items() if spec.filterable}


class QualityIssue(LabelledEnum):
    """Data-quality problems a chef de projet fixes before a report or a meeting."""

    NO_LEAD = "sans_porteur", "Sans porteur"
    NO_DATES = "sans_dates", "Sans dates"
    NO_BUDGET = "sans_budget", "Sans budget"
    NO_RECENT_UPDATE = "sans_point_recent", "Sans point d'avancement depuis 6 mois"


def quality_issues(action: ActionRecord, last_update_on: dt.date | None, today: dt.date) -> set[QualityIssue]:
    issues = set()
    if action.lead_actor_id is None:
        issues.add(QualityIssue.NO_LEAD)
    if action.planned_start is None or action.planned_end is None:
        issues.add(QualityIssue.NO_DATES)
    if action.planned_budget is None:
        issues.add(QualityIssue.NO_BUDGET)
    if last_update_on is None or (today - last_update_on).days > STALE_AFTER_DAYS:
        issues.add(QualityIssue.NO_RECENT_UPDATE)
    return issues


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
    # Actions having every one of these problems.
    quality: frozenset[QualityIssue] = field(default_factory=frozenset)
    # Actions where each of these fields (declared `filterable`, see FILTERABLE) is filled in and not zero.
    filled: frozenset[str] = field(default_factory=frozenset)
    # Actions where each of these custom fields of the territory (by id) is filled in (and not zero nor « non »).
    custom_filled: frozenset[int] = field(default_factory=frozenset)
    # The caller's today (from its clock): required by late_only and quality, which depend on the date.
    today: dt.date | None = None

    def __post_init__(self) -> None:
        if (self.late_only or self.quality) and self.today is None:
            raise ValueError("a filter on lateness or data quality needs the caller's today")
        if not self.filled <= set(FILTERABLE):
            raise ValueError(f"not filterable: {sorted(self.filled - set(FILTERABLE))}")

    def matches(
        self,
        action: ActionRecord,
        last_update_on: dt.date | None = None,
        custom_values: Mapping[int, CustomValue] | None = None,
    ) -> bool:
        """Does the action meet every criterion? (Territory is checked by the caller's query.) `custom_values`: the
        action's values of the territory's custom fields, by field id (needed by `custom_filled`)."""
        if self.axis_ids and action.axis_id not in self.axis_ids:
            return False
        if self.statuses and action.status not in self.statuses:
            return False
        if self.lead_actor_ids and action.lead_actor_id not in self.lead_actor_ids:
            return False
        if self.late_only and not is_action_late(action.status, action.planned_end, self._today()):
            return False
        if self.to_discuss_only and not action.to_discuss:
            return False
        if self.confidential is not None and action.confidential != self.confidential:
            return False
        if self.quality and not self.quality <= quality_issues(action, last_update_on, self._today()):
            return False
        if not all(getattr(action, name) for name in self.filled):
            return False
        if self.custom_filled and not all(is_filled((custom_values or {}).get(f)) for f in self.custom_filled):
            return False
        return all(_contains(action, word) for word in self.text.casefold().split())

    def _today(self) -> dt.date:
        assert self.today is not None, "checked when the filter was made"
        return self.today


def _contains(action: ActionRecord, word: str) -> bool:
    return any(word in (value or "").casefold() for value in (action.title, action.code, action.description))
