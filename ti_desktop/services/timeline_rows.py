"""The Chronologie's rows: only the columns a Gantt bar and its label show, read in one query per kind.

A national plan has 100,000 actions: full records with their funding, updates and custom values (the plan
page's `PlanRow`) would take seconds to read; a bar needs its dates, status, progress, code and title."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import AxisRecord
from ti_desktop.domain.rules import is_action_late
from ti_desktop.services.crud import to_record


@dataclass(frozen=True, slots=True)
class GanttAction:
    """What the timeline shows of an action (the names are `ActionRecord`'s)."""

    id: int
    parent_id: int | None
    axis_id: int
    code: str | None
    title: str
    status: ActionStatus
    progress: int
    planned_start: dt.date | None
    planned_end: dt.date | None


@dataclass(frozen=True, slots=True)
class GanttRow:
    """One action of the timeline, with its axis, its lead's name and whether it is late (as `PlanRow`)."""

    action: GanttAction
    axis: AxisRecord
    lead_name: str | None
    late: bool


def gantt_rows(session: Session, territory_id: int, today: dt.date) -> list[GanttRow]:
    """Every action of the territory in the plan's order (code, then id), as `ViewService.plan_rows`."""
    axes = {
        row.id: to_record(row, AxisRecord)
        for row in session.scalars(
            select(models.Axis).where(or_(models.Axis.territory_id.is_(None), models.Axis.territory_id == territory_id))
        )
    }
    action = models.Action
    leads = select(models.Actor.id, models.Actor.name).where(
        models.Actor.id.in_(select(action.lead_actor_id).where(action.territory_id == territory_id))
    )
    names: dict[int, str] = {actor_id: name for actor_id, name in session.execute(leads)}
    statement = (
        select(
            action.id,
            action.parent_id,
            action.axis_id,
            action.code,
            action.title,
            action.status,
            action.progress,
            action.planned_start,
            action.planned_end,
            action.lead_actor_id,
        )
        .where(action.territory_id == territory_id)
        .order_by(action.code, action.id)
    )
    rows = []
    for values in session.execute(statement):
        gantt = GanttAction(*values[:9])
        lead_id = values[9]
        rows.append(
            GanttRow(
                gantt,
                axes[gantt.axis_id],
                names.get(lead_id) if lead_id else None,
                is_action_late(gantt.status, gantt.planned_end, today),
            )
        )
    return rows
