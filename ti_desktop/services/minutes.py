"""The minutes of a meeting (relevé de décisions et compte rendu): plain data assembled from the database,
then the PDF written atomically.

Decisions linked to an agenda item's action (or to one of its sous-actions) are shown under that item;
decisions that concern no action go under the "Décisions en attente" item when the agenda has one, else
under "Autres décisions", with the decisions about actions that are not on the agenda. The full list at
the end holds every decision of the meeting.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop import __version__
from ti_desktop.db import models
from ti_desktop.domain.enums import REQUESTED_FUNDING_STATUSES
from ti_desktop.domain.errors import NotFoundError
from ti_desktop.domain.fields import MAX_INTEGER
from ti_desktop.domain.meeting_minutes import minutes_final
from ti_desktop.domain.records import ActorRecord, AgendaItemRecord, MeetingRecord
from ti_desktop.kernel.formatting import format_date
from ti_desktop.kernel.progress import CancelCheck, Progress
from ti_desktop.reports.minutes import build_minutes
from ti_desktop.reports.minutes_data import (
    ActionState,
    MinutesData,
    MinutesDecision,
    MinutesItem,
    MinutesParticipant,
    PriorityLine,
)
from ti_desktop.services.crud import to_record
from ti_desktop.services.directory import MeetingParticipants
from ti_desktop.services.meetings import PENDING_DECISIONS_TITLE, DecisionRow, ItemView, MeetingService
from ti_desktop.services.pdf_output import write_pdf_file
from ti_desktop.services.reporting import ReportCancelled

# As in the progress report: "demandés" = dossiers déposés, accordés or versés (not envisaged nor refused).
REQUESTED_STATUSES = REQUESTED_FUNDING_STATUSES


class MinutesService:
    def __init__(
        self, sessions: sessionmaker[Session], steering: MeetingService, participants: MeetingParticipants
    ) -> None:
        self._sessions = sessions
        self._steering = steering
        self._participants = participants

    # -- assembling ---------------------------------------------------------------------------------
    def assemble(self, meeting_id: int, today: dt.date) -> MinutesData:
        """Everything the minutes show, as plain data."""
        with self._sessions() as session:
            meeting_row = session.get(models.Meeting, meeting_id) if 0 < meeting_id <= MAX_INTEGER else None
            if meeting_row is None:
                raise NotFoundError(f"La réunion n° {meeting_id} n'existe pas.")
            meeting = to_record(meeting_row, MeetingRecord)
            territory = session.get(models.Territory, meeting.territory_id)
            if territory is None:  # pragma: no cover - the foreign key forbids it
                raise NotFoundError(f"Le territoire de la réunion n° {meeting_id} n'existe plus.")
            territory_name, region = territory.name, territory.region
            roles = self._roles(session, meeting.territory_id)
            parents: dict[int, int | None] = {}
            axis_of: dict[int, int] = {}
            for id_, parent, axis_id in session.execute(
                select(models.Action.id, models.Action.parent_id, models.Action.axis_id).where(
                    models.Action.territory_id == meeting.territory_id
                )
            ):
                parents[id_] = parent
                axis_of[id_] = axis_id
            axes = _axes(session, meeting.territory_id)
        overview = self._steering.overview(meeting_id)
        participants = tuple(
            _participant(actor, roles.get(actor.id, ())) for actor in self._participants.of(meeting_id)
        )

        # Where each decision goes: the item of its action (or of its parent action), else the pending item.
        item_of_action: dict[int, int] = {}
        pending_item: int | None = None
        for item in overview.items:
            if item.action_id is not None:
                item_of_action.setdefault(item.action_id, item.id)
            elif pending_item is None and item.title.strip() == PENDING_DECISIONS_TITLE:
                pending_item = item.id
        placed: dict[int | None, list[DecisionRow]] = defaultdict(list)  # None: "Autres décisions"
        for row in overview.decisions:
            action_id = row.decision.action_id
            parent_id = parents.get(action_id) if action_id is not None else None
            if action_id is None:
                placed[pending_item].append(row)
            elif action_id in item_of_action:
                placed[item_of_action[action_id]].append(row)
            elif parent_id is not None and parent_id in item_of_action:
                placed[item_of_action[parent_id]].append(row)  # a sous-action of the item's action
            else:
                placed[None].append(row)

        # Numbered in the order they are read: item by item, then the others.
        numbered: dict[int, MinutesDecision] = {}
        for key in [*(item.id for item in overview.items), None]:
            for row in placed.get(key, ()):
                numbered[row.id] = _decision(row, len(numbered) + 1, today)

        items = []
        for position, item in enumerate(overview.items, start=1):
            view = self._steering.item_view(item.id, today) if item.action_id is not None else None
            items.append(
                MinutesItem(
                    position=position,
                    title=item.title,
                    notes=item.notes,
                    action=_action_state(view) if view is not None else None,
                    decisions=tuple(numbered[row.id] for row in placed.get(item.id, ())),
                )
            )
        return MinutesData(
            territory=territory_name,
            region=region,
            kind_label=meeting.kind.label,
            held_on=meeting.held_on,
            place=meeting.place,
            participants=participants,
            notes=meeting.notes,
            items=tuple(items),
            other_decisions=tuple(numbered[row.id] for row in placed.get(None, ())),
            decisions=tuple(numbered.values()),
            closed=minutes_final(meeting.closed_at, meeting.minutes_state),
            generated_on=today,
            app_version=__version__,
            previous_held_on=overview.previous.held_on if overview.previous is not None else None,
            priorities=_priorities(axes, axis_of, overview.items, overview.decisions),
        )

    @staticmethod
    def _roles(session: Session, territory_id: int) -> dict[int, list[str]]:
        roles: dict[int, list[str]] = defaultdict(list)
        statement = (
            select(models.TerritoryRole.actor_id, models.TerritoryRole.role)
            .where(models.TerritoryRole.territory_id == territory_id)
            .order_by(models.TerritoryRole.id)
        )
        for actor_id, role in session.execute(statement):
            if role.label not in roles[actor_id]:
                roles[actor_id].append(role.label)
        return roles

    # -- writing the PDF ------------------------------------------------------------------------------
    def write_pdf(
        self,
        meeting_id: int,
        output: Path,
        today: dt.date,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> Path:
        """Write the minutes to `output` atomically: a temporary file in the same folder, then a rename.
        On failure or cancellation the previous file is intact and no temporary file remains."""
        output = Path(output).expanduser().absolute()

        def stop_if_cancelled() -> None:
            if cancelled is not None and cancelled():
                raise ReportCancelled(f"Génération du compte rendu annulée : « {output.name} » n'a pas été modifié.")

        return write_pdf_file(
            output,
            "le compte rendu",
            lambda: self.assemble(meeting_id, today),
            build_minutes,
            progress,
            stop_if_cancelled,
        )


def _axes(session: Session, territory_id: int) -> list[tuple[int, str, str]]:
    """(id, code, label) of the territory's axes: the programme's four priorities first, then its own, in order."""
    axes = models.Axis.__table__
    statement = (
        select(axes.c.id, axes.c.code, axes.c.label)
        .where(axes.c.territory_id.is_(None) | (axes.c.territory_id == territory_id))
        .order_by(axes.c.territory_id.is_not(None), axes.c.position, axes.c.id)
    )
    return [(row.id, row.code, row.label) for row in session.execute(statement)]


def _priorities(
    axes: Sequence[tuple[int, str, str]],
    axis_of: Mapping[int, int],
    items: Sequence[AgendaItemRecord],
    decisions: Sequence[DecisionRow],
) -> tuple[PriorityLine, ...]:
    """Every axis with the agenda items and the decisions about its actions (none is left out: an axis the
    meeting did not touch says so)."""
    positions: dict[int, list[int]] = defaultdict(list)
    for position, item in enumerate(items, start=1):
        if item.action_id is not None and item.action_id in axis_of:
            positions[axis_of[item.action_id]].append(position)
    counts: dict[int, int] = defaultdict(int)
    for row in decisions:
        action_id = row.decision.action_id
        if action_id is not None and action_id in axis_of:
            counts[axis_of[action_id]] += 1
    return tuple(PriorityLine(code, label, tuple(positions[axis_id]), counts[axis_id]) for axis_id, code, label in axes)


def _participant(actor: ActorRecord, roles: list[str] | tuple[str, ...]) -> MinutesParticipant:
    return MinutesParticipant(
        name=actor.name,
        organisation=actor.organisation,
        role=", ".join(roles) if roles else actor.kind.label,
    )


def _decision(row: DecisionRow, number: int, today: dt.date) -> MinutesDecision:
    return MinutesDecision(
        number=number,
        text=row.decision.text,
        action_code=row.action_code,
        action_title=row.action_title,
        owner=row.owner_name,
        due_on=row.decision.due_on,
        state=row.decision.state,
        overdue=row.is_overdue(today),
    )


def _action_state(view: ItemView) -> ActionState | None:
    action = view.action
    if action is None:
        return None
    overdue = tuple(
        f"{milestone.title} (échéance {format_date(milestone.due_on)})"
        for milestone in view.milestones
        if milestone.id in view.overdue_milestone_ids
    )
    return ActionState(
        code=action.code,
        title=action.title,
        axis=view.axis_label,
        lead=view.lead_name,
        status=action.status,
        progress=action.progress,
        planned_start=action.planned_start,
        planned_end=action.planned_end,
        planned_budget=action.planned_budget,
        requested_funding=sum(
            (line.requested for line in view.funding if line.status in REQUESTED_STATUSES), Decimal(0)
        ),
        secured_funding=view.secured_total,
        late=view.late,
        overdue_milestones=overdue,
        changes=view.changes,
    )
