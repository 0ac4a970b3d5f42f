"""The Chronologie's rows: only the columns a Gantt bar and its label show, read in one query per kind.

A national plan has 100,000 actions: full records with their funding, updates and custom values (the plan
page's `PlanRow`) would take seconds to read; a bar needs its dates, status, progress, code and title."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlalchemy import String, or_, select, type_coerce
from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import AxisRecord
from ti_desktop.domain.rules import is_action_late
from ti_desktop.services.crud import to_record


# Named tuples, not frozen dataclasses: as immutable, and built several times faster (a frozen dataclass
# sets each field through object.__setattr__; a national plan makes 100,000 of each).
class GanttAction(NamedTuple):
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


class GanttRow(NamedTuple):
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
    table = models.Action.__table__.c
    statement = (
        select(
            table.id,
            table.parent_id,
            table.axis_id,
            table.code,
            table.title,
            type_coerce(table.status, String),  # its code, looked up below: 100,000 Enum() calls cost
            table.progress,
            table.planned_start,
            table.planned_end,
            table.lead_actor_id,
        )
        .where(table.territory_id == territory_id)
        .order_by(table.code, table.id)
    )
    statuses = {status.value: status for status in ActionStatus}
    rows = []
    # Core rows on the session's connection: the ORM's per-row bookkeeping is not needed for plain values.
    for (
        action_id,
        parent_id,
        axis_id,
        code,
        title,
        status_code,
        progress,
        start,
        end,
        lead_id,
    ) in session.connection().execute(statement).fetchall():
        status = statuses[status_code]
        gantt = GanttAction(action_id, parent_id, axis_id, code, title, status, progress, start, end)
        lead = names.get(lead_id) if lead_id else None
        rows.append(GanttRow(gantt, axes[axis_id], lead, is_action_late(status, end, today)))
    return rows
