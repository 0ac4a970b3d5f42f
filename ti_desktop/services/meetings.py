"""Steering meetings (comités de pilotage): the proposed agenda, what each agenda item shows on the
projector, closing a meeting (a snapshot of the plan for the next one), and the register of decisions.

The agenda proposed for a new meeting holds the actions that need the binôme's attention — flagged
*à discuter*, blocked, late, with an overdue milestone, with a funding decision pending, or changed since
the previous meeting — then one item for the pending decisions that concern no action.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain import entities, rules, summaries
from ti_desktop.domain.enums import ActionStatus, DecisionState, FundingStatus, MeetingKind, MinutesState
from ti_desktop.domain.errors import NotFoundError, ValidationError
from ti_desktop.domain.fields import MAX_INTEGER, clean_values, missing_required
from ti_desktop.domain.people import person_with_organisation
from ti_desktop.domain.records import (
    ActionRecord,
    AgendaItemRecord,
    DecisionRecord,
    FundingLineRecord,
    MeetingRecord,
    MilestoneRecord,
    ProgressUpdateRecord,
    SnapshotRecord,
)
from ti_desktop.domain.snapshots import ActionSnapshot, SnapshotKind
from ti_desktop.kernel.clock import Clock
from ti_desktop.kernel.formatting import format_date, format_euros, format_percent
from ti_desktop.services import snapshots
from ti_desktop.services.crud import EntityCrud, fetch_records, restore_in, to_record
from ti_desktop.services.transactions import transaction

PENDING_DECISIONS_TITLE = "Décisions en attente"
LATEST_UPDATES = 3

# Why an action is proposed, in the order they are shown.
REASON_TO_DISCUSS = "à discuter"
REASON_BLOCKED = "bloquée"
REASON_LATE = "en retard"
REASON_MILESTONE = "jalon dépassé"
REASON_FUNDING = "financement en attente de décision"
REASON_CHANGED = "modifiée depuis le dernier comité"
REASON_DECISION = "décision en attente"


@dataclass(frozen=True, slots=True)
class AgendaProposal:
    """One item the new meeting's agenda would hold."""

    title: str
    action_id: int | None
    reasons: tuple[str, ...]
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """A decision as the register lists it, with names instead of ids."""

    decision: DecisionRecord
    meeting_held_on: dt.date
    meeting_kind: MeetingKind
    action_code: str | None
    action_title: str | None
    owner_name: str | None

    @property
    def id(self) -> int:
        return self.decision.id

    def is_overdue(self, today: dt.date) -> bool:
        due = self.decision.due_on
        return self.decision.state == DecisionState.A_FAIRE and due is not None and due < today


@dataclass(frozen=True, slots=True)
class FundingView:
    funder: str
    programme: str | None
    requested: Decimal
    granted: Decimal | None
    status: FundingStatus


@dataclass(frozen=True, slots=True)
class ItemView:
    """Everything the projector shows for one agenda item."""

    item: AgendaItemRecord
    action: ActionRecord | None
    axis_label: str | None
    lead_name: str | None
    late: bool
    funding: tuple[FundingView, ...]
    requested_total: Decimal
    secured_total: Decimal
    milestones: tuple[MilestoneRecord, ...]
    overdue_milestone_ids: frozenset[int]
    latest_updates: tuple[ProgressUpdateRecord, ...]
    changes: tuple[str, ...]  # "ce qui a changé depuis le dernier comité", French lines
    decisions: tuple[DecisionRow, ...]  # taken in this meeting for this item's action
    pending_decisions: tuple[DecisionRow, ...]  # earlier decisions still to do, for this action (or all, free item)


@dataclass(frozen=True, slots=True)
class MeetingOverview:
    meeting: MeetingRecord
    items: tuple[AgendaItemRecord, ...]
    decisions: tuple[DecisionRow, ...]
    previous: MeetingRecord | None


@dataclass(slots=True)
class _Plan:
    """The territory's actions and what the agenda rules look at, read in one session."""

    actions: dict[int, ActionRecord] = field(default_factory=dict)
    lines: dict[int, list[FundingLineRecord]] = field(default_factory=lambda: defaultdict(list))
    milestones: dict[int, list[MilestoneRecord]] = field(default_factory=lambda: defaultdict(list))


@dataclass(frozen=True, slots=True)
class MeetingRemoval:
    """A deleted meeting with its agenda, its decisions and who attended (what its deletion took)."""

    meeting: MeetingRecord
    agenda: list[AgendaItemRecord]
    decisions: list[DecisionRecord]
    participant_ids: list[int]


class MeetingCrud(EntityCrud[models.Meeting, MeetingRecord]):
    """The meetings' records; deleting one takes its agenda, decisions and participants, `put_back` all of it."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__(sessions, models.Meeting, entities.MEETING, order_by=("held_on", "id"))

    def removal_in(self, session: Session, record_id: int) -> MeetingRemoval:
        link = models.meeting_participants

        def of_meeting(model: type[models.Base], record_type: type[Any]) -> list[Any]:
            table = model.__table__
            return fetch_records(session, model, record_type, table.c.meeting_id == record_id, order_by=(table.c.id,))

        return MeetingRemoval(
            meeting=to_record(self.load(session, record_id), MeetingRecord),
            agenda=of_meeting(models.AgendaItem, AgendaItemRecord),
            decisions=of_meeting(models.Decision, DecisionRecord),
            participant_ids=list(
                session.scalars(select(link.c.actor_id).where(link.c.meeting_id == record_id).order_by(link.c.actor_id))
            ),
        )

    def put_back(self, removed: MeetingRemoval) -> MeetingRecord:
        with transaction(self._sessions) as session:
            row = restore_in(session, models.Meeting, removed.meeting)
            for item in removed.agenda:
                restore_in(session, models.AgendaItem, item)
            for decision in removed.decisions:
                restore_in(session, models.Decision, decision)
            still_there = session.scalars(select(models.Actor.id).where(models.Actor.id.in_(removed.participant_ids)))
            participants = [{"meeting_id": row.id, "actor_id": actor_id} for actor_id in still_there]
            if participants:
                session.execute(models.meeting_participants.insert(), participants)
            return to_record(row, MeetingRecord)


class MeetingService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock  # the time a meeting is closed

    # -- reading ------------------------------------------------------------------------------
    def meeting(self, meeting_id: int) -> MeetingRecord:
        with self._sessions() as session:
            return self._meeting(session, meeting_id)

    def of_territory(self, territory_id: int) -> list[MeetingRecord]:
        """The territory's meetings, newest first."""
        table = models.Meeting.__table__
        with self._sessions() as session:
            return fetch_records(
                session,
                models.Meeting,
                MeetingRecord,
                table.c.territory_id == territory_id,
                order_by=(table.c.held_on.desc(), table.c.id.desc()),
            )

    def previous_meeting(self, territory_id: int, before: MeetingRecord | None = None) -> MeetingRecord | None:
        """The latest closed meeting (before `before`, when given): the one "since the last comité" refers to."""
        with self._sessions() as session:
            return self._previous(session, territory_id, before)

    def agenda(self, meeting_id: int) -> list[AgendaItemRecord]:
        table = models.AgendaItem.__table__
        with self._sessions() as session:
            return fetch_records(
                session,
                models.AgendaItem,
                AgendaItemRecord,
                table.c.meeting_id == meeting_id,
                order_by=(table.c.position, table.c.id),
            )

    def overview(self, meeting_id: int) -> MeetingOverview:
        with self._sessions() as session:
            meeting = self._meeting(session, meeting_id)
            table = models.AgendaItem.__table__
            items = fetch_records(
                session,
                models.AgendaItem,
                AgendaItemRecord,
                table.c.meeting_id == meeting_id,
                order_by=(table.c.position, table.c.id),
            )
            decisions = self._decision_rows(session, meeting.territory_id, meeting_id=meeting_id)
            previous = self._previous(session, meeting.territory_id, meeting)
        return MeetingOverview(meeting, tuple(items), tuple(decisions), previous)

    # -- the proposed agenda ------------------------------------------------------------------
    def propose_agenda(self, territory_id: int, today: dt.date) -> list[AgendaProposal]:
        with self._sessions() as session:
            return self._propose(session, territory_id, today)

    def _propose(self, session: Session, territory_id: int, today: dt.date) -> list[AgendaProposal]:
        plan = self._load_plan(session, territory_id)
        previous = self._previous(session, territory_id, None)
        before = self._snapshot_actions(session, previous)
        pending = self._decision_rows(session, territory_id, state=DecisionState.A_FAIRE)
        pending_by_action: dict[int, list[DecisionRow]] = defaultdict(list)
        loose: list[DecisionRow] = []
        for row in pending:
            if row.decision.action_id is not None and row.decision.action_id in plan.actions:
                pending_by_action[row.decision.action_id].append(row)
            else:
                loose.append(row)
        proposals = []
        for action in sorted(plan.actions.values(), key=_plan_order):
            if action.status in (ActionStatus.REALISEE, ActionStatus.ABANDONNEE) and not pending_by_action[action.id]:
                continue
            reasons = []
            if action.to_discuss:
                reasons.append(REASON_TO_DISCUSS)
            if action.status == ActionStatus.BLOQUEE:
                reasons.append(REASON_BLOCKED)
            if action.is_late(today):
                reasons.append(REASON_LATE)
            if any(rules.is_milestone_overdue(m.due_on, m.done_on, today) for m in plan.milestones[action.id]):
                reasons.append(REASON_MILESTONE)
            if any(line.status == FundingStatus.DEPOSE for line in plan.lines[action.id]):
                reasons.append(REASON_FUNDING)
            if before is not None and _changed(action, before.get(action.id), plan.lines[action.id]):
                reasons.append(REASON_CHANGED)
            if pending_by_action[action.id]:
                reasons.append(REASON_DECISION)
            if reasons:
                proposals.append(AgendaProposal(_action_title(action), action.id, tuple(reasons)))
        if loose:
            notes = "\n".join(f"• {_decision_line(row)}" for row in loose)
            proposals.append(AgendaProposal(PENDING_DECISIONS_TITLE, None, (REASON_DECISION,), notes))
        return proposals

    # -- writing ------------------------------------------------------------------------------
    def create(
        self,
        territory_id: int,
        today: dt.date,
        *,
        held_on: dt.date,
        kind: MeetingKind = MeetingKind.COMITE_PILOTAGE,
        place: str | None = None,
        notes: str | None = None,
        participant_ids: Iterable[int] = (),
        propose: bool = True,
    ) -> MeetingRecord:
        """A new meeting with its participants and, unless `propose` is False, the proposed agenda."""
        values = clean_values(
            entities.MEETING.fields,
            {
                "territory_id": territory_id,
                "kind": kind,
                "held_on": held_on,
                "place": place,
                "notes": notes,
                "minutes_state": MinutesState.BROUILLON,
            },
        )
        missing_required(entities.MEETING.fields, values)
        with transaction(self._sessions) as session:
            if session.get(models.Territory, territory_id) is None:
                raise NotFoundError(f"Le territoire n° {territory_id} n'existe pas.")
            proposals = self._propose(session, territory_id, today) if propose else []
            meeting = models.Meeting(**values)
            session.add(meeting)
            session.flush()
            actor_ids = sorted(set(participant_ids))
            if actor_ids:
                known = set(session.scalars(select(models.Actor.id).where(models.Actor.id.in_(actor_ids))))
                missing = [actor_id for actor_id in actor_ids if actor_id not in known]
                if missing:
                    raise ValidationError("participants", "Participants", f"acteur n° {missing[0]} introuvable.")
                session.execute(
                    models.meeting_participants.insert(),
                    [{"meeting_id": meeting.id, "actor_id": actor_id} for actor_id in actor_ids],
                )
            for position, proposal in enumerate(proposals, start=1):
                reasons = "Proposé : " + ", ".join(proposal.reasons) + "."
                item_notes = f"{reasons}\n{proposal.notes}" if proposal.notes else reasons
                session.add(
                    models.AgendaItem(
                        meeting_id=meeting.id,
                        action_id=proposal.action_id,
                        title=proposal.title[:300],
                        position=position,
                        notes=item_notes,
                    )
                )
            session.flush()
            return to_record(meeting, MeetingRecord)

    def reorder(self, meeting_id: int, item_ids: Sequence[int]) -> None:
        """Give the agenda items the order of `item_ids` (all the meeting's items, each once)."""
        with transaction(self._sessions) as session:
            items = {
                item.id: item
                for item in session.scalars(select(models.AgendaItem).where(models.AgendaItem.meeting_id == meeting_id))
            }
            if sorted(item_ids) != sorted(items):
                raise ValidationError(
                    "position", "Ordre du jour", "la liste des points ne correspond pas à la réunion."
                )
            for position, item_id in enumerate(item_ids, start=1):
                if items[item_id].position != position:
                    items[item_id].position = position

    def move(self, item_id: int, offset: int) -> None:
        """Move an agenda item up (offset < 0) or down, within its meeting."""
        with self._sessions() as session:
            item = session.get(models.AgendaItem, item_id)
            if item is None:
                raise NotFoundError(f"Le point n° {item_id} de l'ordre du jour n'existe plus.")
            meeting_id = item.meeting_id
        order = [item.id for item in self.agenda(meeting_id)]
        index = order.index(item_id)
        target = max(0, min(len(order) - 1, index + offset))
        order.insert(target, order.pop(index))
        self.reorder(meeting_id, order)

    def close(self, meeting_id: int) -> SnapshotRecord:
        """Close the meeting: its time is recorded and a snapshot of the plan is taken, so that the next
        meeting shows what changed since this one."""
        with transaction(self._sessions) as session:
            meeting = session.get(models.Meeting, meeting_id) if 0 < meeting_id <= MAX_INTEGER else None
            if meeting is None:
                raise NotFoundError(f"La réunion n° {meeting_id} n'existe plus.")
            meeting.closed_at = self._clock.now()
            label = f"{meeting.kind.label} du {format_date(meeting.held_on)}"
            return snapshots.take(session, meeting.territory_id, SnapshotKind.COMITE, label, meeting=meeting)

    # -- the projector ------------------------------------------------------------------------
    def item_view(self, item_id: int, today: dt.date) -> ItemView:
        with self._sessions() as session:
            item_row = session.get(models.AgendaItem, item_id)
            if item_row is None:
                raise NotFoundError(f"Le point n° {item_id} de l'ordre du jour n'existe plus.")
            item = to_record(item_row, AgendaItemRecord)
            meeting = self._meeting(session, item.meeting_id)
            decisions = self._decision_rows(session, meeting.territory_id, meeting_id=meeting.id)
            pending = [
                row
                for row in self._decision_rows(session, meeting.territory_id, state=DecisionState.A_FAIRE)
                if row.decision.meeting_id != meeting.id
            ]
            if item.action_id is None:
                return ItemView(
                    item=item,
                    action=None,
                    axis_label=None,
                    lead_name=None,
                    late=False,
                    funding=(),
                    requested_total=Decimal(0),
                    secured_total=Decimal(0),
                    milestones=(),
                    overdue_milestone_ids=frozenset(),
                    latest_updates=(),
                    changes=(),
                    decisions=tuple(row for row in decisions if row.decision.action_id is None),
                    pending_decisions=tuple(row for row in pending if row.decision.action_id is None),
                )
            action_row = session.get(models.Action, item.action_id)
            if action_row is None:  # pragma: no cover - the foreign key nullifies action_id
                raise NotFoundError("L'action de ce point n'existe plus.")
            action = to_record(action_row, ActionRecord)
            lines = self._records(session, models.FundingLine, FundingLineRecord, action.id)
            milestones = sorted(
                self._records(session, models.Milestone, MilestoneRecord, action.id),
                key=lambda m: (m.due_on or dt.date.max, m.position, m.id),
            )
            updates_table = models.ProgressUpdate.__table__
            updates = fetch_records(
                session,
                models.ProgressUpdate,
                ProgressUpdateRecord,
                updates_table.c.action_id == action.id,
                order_by=(updates_table.c.reported_on.desc(), updates_table.c.id.desc()),
            )[:LATEST_UPDATES]
            axis = session.get(models.Axis, action.axis_id)
            lead = session.get(models.Actor, action.lead_actor_id) if action.lead_actor_id else None
            previous = self._previous(session, meeting.territory_id, meeting)
            before = self._snapshot_actions(session, previous)
            changes = _change_lines(action, before.get(action.id) if before is not None else None, lines, previous)
            actors = {a.id: a.name for a in session.scalars(select(models.Actor))}
        return ItemView(
            item=item,
            action=action,
            axis_label=axis.label if axis else None,
            lead_name=person_with_organisation(lead.name, lead.organisation) if lead else None,
            late=action.is_late(today),
            funding=tuple(
                FundingView(
                    line.funder_name or actors.get(line.funder_actor_id or 0) or "Financeur non précisé",
                    line.programme,
                    line.amount_requested,
                    line.amount_granted,
                    line.status,
                )
                for line in lines
            ),
            requested_total=sum((line.amount_requested for line in lines), Decimal(0)),
            secured_total=summaries.secured_funding(lines),
            milestones=tuple(milestones),
            overdue_milestone_ids=frozenset(
                m.id for m in milestones if rules.is_milestone_overdue(m.due_on, m.done_on, today)
            ),
            latest_updates=tuple(updates),
            changes=changes,
            decisions=tuple(row for row in decisions if row.decision.action_id == action.id),
            pending_decisions=tuple(row for row in pending if row.decision.action_id == action.id),
        )

    # -- the register of decisions --------------------------------------------------------------
    def decisions(
        self,
        territory_id: int,
        *,
        state: DecisionState | None = None,
        meeting_id: int | None = None,
        action_id: int | None = None,
    ) -> list[DecisionRow]:
        with self._sessions() as session:
            return self._decision_rows(session, territory_id, state=state, meeting_id=meeting_id, action_id=action_id)

    def pending_decisions(self, territory_id: int) -> list[DecisionRow]:
        return self.decisions(territory_id, state=DecisionState.A_FAIRE)

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _meeting(session: Session, meeting_id: int) -> MeetingRecord:
        row = session.get(models.Meeting, meeting_id) if 0 < meeting_id <= MAX_INTEGER else None
        if row is None:
            raise NotFoundError(f"La réunion n° {meeting_id} n'existe plus.")
        return to_record(row, MeetingRecord)

    @staticmethod
    def _records(session: Session, model: type[Any], record_type: type[Any], action_id: int) -> list[Any]:
        table = model.__table__
        return fetch_records(session, model, record_type, table.c.action_id == action_id, order_by=(table.c.id,))

    @staticmethod
    def _previous(session: Session, territory_id: int, before: MeetingRecord | None) -> MeetingRecord | None:
        table = models.Meeting.__table__
        closed = fetch_records(
            session,
            models.Meeting,
            MeetingRecord,
            (table.c.territory_id == territory_id) & table.c.closed_at.is_not(None),
            order_by=(table.c.held_on.desc(), table.c.closed_at.desc(), table.c.id.desc()),
        )
        for meeting in closed:
            if before is None:
                return meeting
            if meeting.id != before.id and (meeting.held_on, meeting.id) < (before.held_on, before.id):
                return meeting
        return None

    @staticmethod
    def _snapshot_actions(session: Session, meeting: MeetingRecord | None) -> dict[int, ActionSnapshot] | None:
        """The plan as it was when `meeting` closed (None: no previous meeting, or no readable snapshot)."""
        if meeting is None:
            return None
        snapshot = snapshots.of_meeting(session, meeting.id)
        return snapshot.by_id() if snapshot is not None else None

    @staticmethod
    def _load_plan(session: Session, territory_id: int) -> _Plan:
        plan = _Plan()
        table = models.Action.__table__
        for action in fetch_records(
            session, models.Action, ActionRecord, table.c.territory_id == territory_id, order_by=(table.c.id,)
        ):
            plan.actions[action.id] = action
        in_territory = select(models.Action.id).where(models.Action.territory_id == territory_id)
        line_table = models.FundingLine.__table__
        for line in fetch_records(
            session, models.FundingLine, FundingLineRecord, line_table.c.action_id.in_(in_territory)
        ):
            plan.lines[line.action_id].append(line)
        milestone_table = models.Milestone.__table__
        for milestone in fetch_records(
            session, models.Milestone, MilestoneRecord, milestone_table.c.action_id.in_(in_territory)
        ):
            plan.milestones[milestone.action_id].append(milestone)
        return plan

    @staticmethod
    def _decision_rows(
        session: Session,
        territory_id: int,
        *,
        state: DecisionState | None = None,
        meeting_id: int | None = None,
        action_id: int | None = None,
    ) -> list[DecisionRow]:
        statement = (
            select(models.Decision, models.Meeting.held_on, models.Meeting.kind)
            .join(models.Meeting, models.Decision.meeting_id == models.Meeting.id)
            .where(models.Meeting.territory_id == territory_id)
        )
        if state is not None:
            statement = statement.where(models.Decision.state == state)
        if meeting_id is not None:
            statement = statement.where(models.Decision.meeting_id == meeting_id)
        if action_id is not None:
            statement = statement.where(models.Decision.action_id == action_id)
        statement = statement.order_by(models.Decision.due_on.is_(None), models.Decision.due_on, models.Decision.id)
        actions = {
            row.id: (row.code, row.title)
            for row in session.execute(
                select(models.Action.id, models.Action.code, models.Action.title).where(
                    models.Action.territory_id == territory_id,
                    # Only the actions decisions name: a national plan has 100,000 others.
                    models.Action.id.in_(statement.with_only_columns(models.Decision.action_id).order_by(None)),
                )
            )
        }
        owners = {row.id: row.name for row in session.execute(select(models.Actor.id, models.Actor.name))}
        rows = []
        for decision, held_on, kind in session.execute(statement):
            code, title = actions.get(decision.action_id, (None, None)) if decision.action_id else (None, None)
            rows.append(
                DecisionRow(
                    decision=to_record(decision, DecisionRecord),
                    meeting_held_on=held_on,
                    meeting_kind=kind,
                    action_code=code,
                    action_title=title,
                    owner_name=owners.get(decision.owner_actor_id) if decision.owner_actor_id else None,
                )
            )
        return rows


def _plan_order(action: ActionRecord) -> tuple[int, str, int]:
    return (action.axis_id, action.code or "~", action.id)


def _action_title(action: ActionRecord) -> str:
    return f"{action.code} – {action.title}" if action.code else action.title


def _decision_line(row: DecisionRow) -> str:
    parts = [row.decision.text]
    if row.owner_name:
        parts.append(row.owner_name)
    if row.decision.due_on:
        parts.append(f"échéance {format_date(row.decision.due_on)}")
    return " — ".join(parts)


def _changed(action: ActionRecord, before: ActionSnapshot | None, lines: list[FundingLineRecord]) -> bool:
    if before is None:
        return True  # new since the previous meeting
    return (
        before.status is not action.status
        or before.progress != action.progress
        or before.secured_funding != summaries.secured_funding(lines)
        or before.planned_end != action.planned_end
    )


def _change_lines(
    action: ActionRecord,
    before: ActionSnapshot | None,
    lines: list[FundingLineRecord],
    previous: MeetingRecord | None,
) -> tuple[str, ...]:
    """What changed since the previous comité, in French, for the projector and the minutes."""
    if previous is None:
        return ()
    if before is None:
        return (f"Nouvelle action depuis le comité du {format_date(previous.held_on)}.",)
    changes = []
    if before.status is not None and before.status != action.status:
        changes.append(f"Statut : {before.status.label} → {action.status.label}")
    if before.progress != action.progress:
        changes.append(
            f"Avancement : {format_percent(before.progress / 100)} → {format_percent(action.progress / 100)}"
        )
    if before.planned_end != action.planned_end:
        shown_old = format_date(before.planned_end) if before.planned_end else "non fixée"
        shown_new = format_date(action.planned_end) if action.planned_end else "non fixée"
        changes.append(f"Fin prévue : {shown_old} → {shown_new}")
    secured = summaries.secured_funding(lines)
    old_secured = secured if before.secured_funding is None else before.secured_funding  # unreadable: no line
    if old_secured != secured:
        changes.append(f"Financement acquis : {format_euros(old_secured)} → {format_euros(secured)}")
    return tuple(changes)
