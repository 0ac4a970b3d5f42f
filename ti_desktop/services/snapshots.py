"""Snapshots of a territory's plan in the database: taken when a report is sent or a meeting closes (one
format, `domain.snapshots`), found again by the next report and the next meeting. Functions on the
caller's session, so that taking a snapshot is part of the caller's transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.domain import summaries
from ti_desktop.domain.records import ActionRecord, FundingLineRecord, SnapshotRecord
from ti_desktop.domain.snapshots import ActionSnapshot, PlanSnapshot, SnapshotKind
from ti_desktop.services.crud import fetch_records, to_record

LABEL_LENGTH = 300  # snapshots.label


def take(
    session: Session,
    territory_id: int,
    kind: SnapshotKind,
    label: str,
    *,
    period: tuple[dt.date, dt.date] | None = None,
    meeting: models.Meeting | None = None,
) -> SnapshotRecord:
    """Store a snapshot of every action of the territory as it is now (flushed, not committed)."""
    snapshot = PlanSnapshot(
        kind=kind,
        territory_id=territory_id,
        actions=_actions_now(session, territory_id),
        period_from=period[0] if period else None,
        period_to=period[1] if period else None,
        meeting_id=meeting.id if meeting is not None else None,
        held_on=meeting.held_on if meeting is not None else None,
    )
    row = models.Snapshot(
        territory_id=territory_id,
        label=label[:LABEL_LENGTH],
        meeting_id=meeting.id if meeting is not None else None,
        payload=snapshot.to_json(),
    )
    session.add(row)
    session.flush()
    return to_record(row, SnapshotRecord)


def _actions_now(session: Session, territory_id: int) -> tuple[ActionSnapshot, ...]:
    table = models.Action.__table__
    actions = fetch_records(
        session, models.Action, ActionRecord, table.c.territory_id == territory_id, order_by=(table.c.id,)
    )
    in_territory = select(models.Action.id).where(models.Action.territory_id == territory_id)
    line_table = models.FundingLine.__table__
    lines: dict[int, list[FundingLineRecord]] = {action.id: [] for action in actions}
    for line in fetch_records(
        session,
        models.FundingLine,
        FundingLineRecord,
        line_table.c.action_id.in_(in_territory),
        order_by=(line_table.c.id,),
    ):
        lines[line.action_id].append(line)
    return tuple(
        ActionSnapshot(
            id=action.id,
            code=action.code,
            title=action.title,
            axis_id=action.axis_id,
            status=action.status,
            progress=action.progress,
            planned_end=action.planned_end,
            planned_budget=action.planned_budget,
            secured_funding=summaries.secured_funding(lines[action.id]),
            confidential=action.confidential,
            to_discuss=action.to_discuss,
        )
        for action in actions
    )


def _newest_first(session: Session, *where: object) -> list[SnapshotRecord]:
    table = models.Snapshot.__table__
    return fetch_records(
        session, models.Snapshot, SnapshotRecord, *where, order_by=(table.c.taken_at.desc(), table.c.id.desc())
    )


def of_meeting(session: Session, meeting_id: int) -> PlanSnapshot | None:
    """The plan as it was when the meeting closed (None: no readable snapshot of it)."""
    for record in _newest_first(session, models.Snapshot.__table__.c.meeting_id == meeting_id):
        snapshot = PlanSnapshot.from_json(record.payload)
        if snapshot is not None:
            return snapshot
    return None


def previous_report(
    session: Session, territory_id: int, period_to: dt.date
) -> tuple[SnapshotRecord, PlanSnapshot] | None:
    """The latest report snapshot taken up to `period_to` and not for this very period (nor a later one)."""
    for record in _newest_first(session, models.Snapshot.__table__.c.territory_id == territory_id):
        if record.taken_at.date() > period_to:
            continue
        snapshot = PlanSnapshot.from_json(record.payload)
        if snapshot is None or snapshot.kind is not SnapshotKind.RAPPORT:
            continue  # unreadable, or taken when a meeting closed (not a report sent)
        if snapshot.period_to is not None and snapshot.period_to >= period_to:
            continue  # the snapshot of this report (or of a later one)
        return record, snapshot
    return None


def latest_report(session: Session, territory_id: int) -> SnapshotRecord | None:
    """The latest snapshot of a report sent (not of a meeting), as the reports page names it."""
    table = models.Snapshot.__table__
    found = _newest_first(session, (table.c.territory_id == territory_id) & table.c.meeting_id.is_(None))
    return found[0] if found else None
