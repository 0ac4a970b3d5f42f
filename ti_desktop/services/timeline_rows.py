"""The Chronologie's rows: only the columns a Gantt bar and its label show, read in one query per kind.

A national plan has 100,000 actions: full records with their funding, updates and custom values (the plan
page's `PlanRow`) would take seconds to read; a bar needs its dates, status, progress, code and title."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import ColumnElement, String, or_, select, type_coerce
from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.people import person_with_organisation
from ti_desktop.domain.records import AxisRecord
from ti_desktop.domain.rules import is_action_late
from ti_desktop.services.crud import to_record

if TYPE_CHECKING:
    from ti_desktop.services.views import PlanRow


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


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """A row of the timeline: the plan page's row or the lighter `GanttRow`, and its depth (0 for an action,
    1 for a sous-action)."""

    row: PlanRow | GanttRow
    depth: int


def gantt_columns() -> tuple[ColumnElement[object], ...]:
    """What a `GanttRow` is made of (`gantt_row`), the lead's name and organisation from a join on `models.Actor`."""
    table = models.Action.__table__.c
    return (
        table.id,
        table.parent_id,
        table.axis_id,
        table.code,
        table.title,
        type_coerce(table.status, String),  # its code, looked up below: 100,000 Enum() calls cost
        table.progress,
        table.planned_start,
        table.planned_end,
        models.Actor.__table__.c.name,
        models.Actor.__table__.c.organisation,
    )


def gantt_row(
    values: Sequence[Any], axes: Mapping[int, AxisRecord], statuses: Mapping[str, ActionStatus], today: dt.date
) -> GanttRow:
    """The row of `gantt_columns`' values (`statuses`: every `ActionStatus` by its code)."""
    action_id, parent_id, axis_id, code, title, status_code, progress, start, end, lead, organisation = values[:11]
    status = statuses[status_code]
    gantt = GanttAction(action_id, parent_id, axis_id, code, title, status, progress, start, end)
    shown = person_with_organisation(lead, organisation) if lead is not None else None  # as the plan names the porteur
    return GanttRow(gantt, axes[axis_id], shown, is_action_late(status, end, today))


def gantt_rows(session: Session, territory_id: int, today: dt.date) -> list[GanttRow]:
    """Every action of the territory in the plan's order (code, then id), as `ViewService.plan_rows`."""
    axes = {
        row.id: to_record(row, AxisRecord)
        for row in session.scalars(
            select(models.Axis).where(or_(models.Axis.territory_id.is_(None), models.Axis.territory_id == territory_id))
        )
    }
    table = models.Action.__table__.c
    statement = (
        select(*gantt_columns())
        .select_from(models.Action.__table__.outerjoin(models.Actor.__table__, models.Actor.id == table.lead_actor_id))
        .where(table.territory_id == territory_id)
        .order_by(table.code, table.id)
    )
    statuses = {status.value: status for status in ActionStatus}
    # Core rows on the session's connection: the ORM's per-row bookkeeping is not needed for plain values.
    return [gantt_row(values, axes, statuses, today) for values in session.connection().execute(statement).fetchall()]
