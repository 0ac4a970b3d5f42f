"""The rules of each entity, applied on every path that writes one of its records.

`EntityCrud` (create, update, and the `*_in` variants the import and the demo use) and `restore_in` (undo of a
deletion, redo of a creation, restoring a bundle) look the entity's rule up in `RULES` by model, so no path can
skip it. A rule reads what the pure domain rules (`domain/rules.py`) need of the records the one being written
points to, lets them settle its values (consequences such as 100 % for a réalisée action) and check them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.domain import rules
from ti_desktop.domain.custom_fields import name_key
from ti_desktop.domain.rules import Linked


@dataclass(frozen=True, slots=True)
class Change:
    """One record being written, as a rule sees it."""

    session: Session
    values: Mapping[str, Any]  # the record as it will be (the caller's values merged), with "id" once it exists
    before: Mapping[str, Any] | None  # as it was; None for a new record, or one put back
    given: frozenset[str]  # the fields the caller set: consequences never override them
    today: dt.date  # the database's clock


# A rule returns the record's values once settled (or raises ValidationError, in French, naming the field).
Rule = Callable[[Change], Mapping[str, Any]]


def _axis(session: Session, axis_id: int | None) -> Linked | None:
    axis = session.get(models.Axis, axis_id) if axis_id is not None else None
    return Linked(axis.territory_id, axis.id) if axis is not None else None


def _action(session: Session, action_id: int | None) -> Linked | None:
    action = session.get(models.Action, action_id) if action_id is not None else None
    if action is None:
        return None
    return Linked(action.territory_id, action.axis_id, action.parent_id, action.title)


def _meeting(session: Session, meeting_id: int | None) -> Linked | None:
    meeting = session.get(models.Meeting, meeting_id) if meeting_id is not None else None
    return Linked(meeting.territory_id) if meeting is not None else None


def action_rule(change: Change) -> Mapping[str, Any]:
    session, values = change.session, change.values
    objective_id = values.get("objective_id")
    objective = session.get(models.Objective, objective_id) if objective_id is not None else None
    objective_facts = Linked(objective.territory_id, objective.axis_id) if objective is not None else None
    settled = rules.settle_action(
        values,
        change.before,
        change.given,
        change.today,
        objective=objective_facts,
        parent=_action(session, values.get("parent_id")),
    )
    action_id = values.get("id")
    has_sub_actions = (
        settled.get("parent_id") is not None
        and action_id is not None
        and session.execute(select(models.Action.id).where(models.Action.parent_id == action_id).limit(1)).first()
        is not None
    )
    rules.check_action(
        settled,
        axis=_axis(session, settled["axis_id"]),
        objective=objective_facts if settled.get("objective_id") is not None else None,
        parent=_action(session, settled.get("parent_id")),
        has_sub_actions=has_sub_actions,
    )
    return settled


def territory_axis_rule(change: Change) -> Mapping[str, Any]:
    """Diagnostic items, challenges and objectives: an axis of their own territory (or a shared one)."""
    values = change.values
    axis = _axis(change.session, values.get("axis_id"))
    rules.check_in_territory(axis, values["territory_id"], field="axis_id", label="Axe", what="cet axe")
    return values


def funding_line_rule(change: Change) -> Mapping[str, Any]:
    rules.check_funding_line(change.values)
    return change.values


def indicator_rule(change: Change) -> Mapping[str, Any]:
    values = change.values
    session = change.session
    rules.check_indicator(
        values, axis=_axis(session, values.get("axis_id")), action=_action(session, values.get("action_id"))
    )
    return values


def progress_update_rule(change: Change) -> Mapping[str, Any]:
    rules.check_progress_update(change.values)
    return change.values


def meeting_item_rule(change: Change) -> Mapping[str, Any]:
    """Agenda items and decisions."""
    values, session = change.values, change.session
    rules.check_meeting_item(
        meeting=_meeting(session, values.get("meeting_id")), action=_action(session, values.get("action_id"))
    )
    return values


def custom_field_rule(change: Change) -> Mapping[str, Any]:
    """A custom field's name is its territory's own (whatever its case and accents)."""
    values = change.values
    key = name_key(" ".join(str(values["name"]).split()))
    table = models.CustomField.__table__
    same = change.session.execute(
        select(table.c.name).where(
            table.c.territory_id == values["territory_id"], table.c.name_key == key, table.c.id != values.get("id", 0)
        )
    ).first()
    return rules.settle_custom_field(values, same_name=same.name if same is not None else None)


RULES: dict[type[models.Base], Rule] = {
    models.Action: action_rule,
    models.DiagnosticSection: territory_axis_rule,
    models.SwotItem: territory_axis_rule,
    models.Challenge: territory_axis_rule,
    models.Objective: territory_axis_rule,
    models.FundingLine: funding_line_rule,
    models.Indicator: indicator_rule,
    models.ProgressUpdate: progress_update_rule,
    models.AgendaItem: meeting_item_rule,
    models.Decision: meeting_item_rule,
    models.CustomField: custom_field_rule,
}
