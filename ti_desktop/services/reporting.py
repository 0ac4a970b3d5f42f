"""The rapport d'avancement: plain data assembled from the database, the PDF written atomically,
the contrôle avant envoi, and the Snapshot taken when the report is sent to the Région."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop import __version__
from ti_desktop.db import models
from ti_desktop.domain import summaries
from ti_desktop.domain.enums import CLOSED_STATUSES, ActionStatus, DecisionState, GovernanceRole
from ti_desktop.domain.errors import NotFoundError, TiDesktopError
from ti_desktop.domain.records import (
    ActionPartnerRecord,
    ActionRecord,
    ActorRecord,
    AxisRecord,
    ChangeLogRecord,
    DecisionRecord,
    FundingLineRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    MeetingRecord,
    MilestoneRecord,
    ProgressUpdateRecord,
    SnapshotRecord,
    TerritoryRecord,
    TerritoryRoleRecord,
)
from ti_desktop.domain.report_options import FindingKind, ReportFinding, ReportOptions
from ti_desktop.kernel.files import write_atomically
from ti_desktop.kernel.formatting import format_date, format_number, format_percent
from ti_desktop.reports.data import (
    ActionRow,
    ActionSheet,
    AlertRow,
    AxisPart,
    DecisionRow,
    EvolutionsPart,
    FundingGroupRow,
    FundingLineRow,
    FundingPart,
    IndicatorRow,
    MilestoneRow,
    MilestonesPart,
    ProgressChangeRow,
    ReportData,
    StatusChangeRow,
    SynthesisData,
    UpdateRow,
)
from ti_desktop.reports.progress import build_progress_report
from ti_desktop.services.crud import fetch_records, to_record
from ti_desktop.services.transactions import transaction

UPCOMING_DAYS = 183  # "the next six months"
ANNEX_UPDATES = 3
SNAPSHOT_FORMAT = 1
ZERO = Decimal("0.00")
CREATION_WINDOW = dt.timedelta(minutes=2)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ReportCancelled(TiDesktopError):
    """The user stopped the generation; the previous file (if any) is untouched."""


def indicator_reached(baseline: float | None, latest: float | None, target: float | None) -> float | None:
    """Share of the way from the baseline to the target (1.0 = target reached), whatever the direction."""
    if baseline is None or latest is None or target is None or target == baseline:
        return None
    return (latest - baseline) / (target - baseline)


def default_snapshot_label(options: ReportOptions) -> str:
    return f"Rapport du {format_date(options.period_from)} au {format_date(options.period_to)} envoyé à la Région"


def _in_period(day: dt.date | None, options: ReportOptions) -> bool:
    return day is not None and options.period_from <= day <= options.period_to


def _sort_key(action: ActionRecord) -> tuple[bool, str, int]:
    return (action.code is None, action.code or "", action.id)


@dataclass
class _Plan:
    """Every record the report reads, confidential actions already separated."""

    territory: TerritoryRecord
    actions: list[ActionRecord]  # non-confidential, in axis then code order
    all_action_ids: set[int]
    confidential_ids: set[int]
    axes: list[AxisRecord]
    actors: dict[int, ActorRecord]
    lines: list[FundingLineRecord]
    milestones: list[MilestoneRecord]
    updates: list[ProgressUpdateRecord]
    indicators: list[IndicatorRecord]
    values: list[IndicatorValueRecord]
    roles: list[TerritoryRoleRecord]

    def organisation(self, actor_id: int | None) -> str | None:
        actor = self.actors.get(actor_id) if actor_id is not None else None
        return (actor.organisation or actor.name) if actor else None

    def actor_name(self, actor_id: int | None) -> str | None:
        actor = self.actors.get(actor_id) if actor_id is not None else None
        return actor.display_name if actor else None


class ReportService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- reading ------------------------------------------------------------------------------------
    def _load(self, session: Session, territory_id: int) -> _Plan:
        territory_row = session.get(models.Territory, territory_id)
        if territory_row is None:
            raise NotFoundError(f"Impossible de trouver le territoire n° {territory_id}.")
        territory = to_record(territory_row, TerritoryRecord)
        action_table = models.Action.__table__
        everything = fetch_records(session, models.Action, ActionRecord, action_table.c.territory_id == territory_id)
        confidential = {action.id for action in everything if action.confidential}
        actions = [action for action in everything if not action.confidential]
        ids = [action.id for action in actions]
        axes_table = models.Axis.__table__
        axes = fetch_records(
            session,
            models.Axis,
            AxisRecord,
            (axes_table.c.territory_id.is_(None)) | (axes_table.c.territory_id == territory_id),
            order_by=(axes_table.c.territory_id.is_not(None), axes_table.c.position, axes_table.c.id),
        )
        axis_rank = {axis.id: rank for rank, axis in enumerate(axes)}
        actions.sort(key=lambda action: (axis_rank.get(action.axis_id, len(axes)), *_sort_key(action)))
        line_table = models.FundingLine.__table__
        milestone_table = models.Milestone.__table__
        update_table = models.ProgressUpdate.__table__
        indicator_table = models.Indicator.__table__
        value_table = models.IndicatorValue.__table__
        indicators = [
            indicator
            for indicator in fetch_records(
                session,
                models.Indicator,
                IndicatorRecord,
                indicator_table.c.territory_id == territory_id,
                order_by=(indicator_table.c.id,),
            )
            if indicator.action_id not in confidential
        ]
        return _Plan(
            territory=territory,
            actions=actions,
            all_action_ids={action.id for action in everything},
            confidential_ids=confidential,
            axes=axes,
            actors={actor.id: actor for actor in fetch_records(session, models.Actor, ActorRecord)},
            lines=_chunked(
                session, models.FundingLine, FundingLineRecord, line_table.c.action_id, ids, line_table.c.id
            ),
            milestones=_chunked(
                session, models.Milestone, MilestoneRecord, milestone_table.c.action_id, ids, milestone_table.c.id
            ),
            updates=_chunked(
                session, models.ProgressUpdate, ProgressUpdateRecord, update_table.c.action_id, ids, update_table.c.id
            ),
            indicators=indicators,
            values=_chunked(
                session,
                models.IndicatorValue,
                IndicatorValueRecord,
                value_table.c.indicator_id,
                [indicator.id for indicator in indicators],
                value_table.c.measured_on,
            ),
            roles=fetch_records(
                session,
                models.TerritoryRole,
                TerritoryRoleRecord,
                models.TerritoryRole.__table__.c.territory_id == territory_id,
                order_by=(models.TerritoryRole.__table__.c.id,),
            ),
        )

    # -- assembling ---------------------------------------------------------------------------------
    def assemble(self, territory_id: int, options: ReportOptions, today: dt.date) -> ReportData:
        """Everything the report shows, computed by the domain on the non-confidential actions."""
        with self._sessions() as session:
            plan = self._load(session, territory_id)
            decisions = self._pending_decisions(session, territory_id, plan)
            evolutions = self._evolutions(session, plan, options)
        lines_by_action: dict[int, list[FundingLineRecord]] = defaultdict(list)
        for line in plan.lines:
            lines_by_action[line.action_id].append(line)
        rows = {action.id: self._row(plan, action, lines_by_action[action.id], today) for action in plan.actions}
        summary = summaries.plan_summary(plan.actions, plan.lines, today)
        actions_by_id = {action.id: action for action in plan.actions}
        milestones = self._milestones(plan, actions_by_id, options, today)
        territory = plan.territory

        def names(role: GovernanceRole) -> tuple[str, ...]:
            return tuple(
                name for entry in plan.roles if entry.role is role if (name := plan.actor_name(entry.actor_id))
            )

        return ReportData(
            options=options,
            territory=territory.name,
            region=territory.region,
            generated_on=today,
            app_version=__version__,
            chef_de_projet=names(GovernanceRole.CHEF_DE_PROJET),
            elected_referents=names(GovernanceRole.ELU_REFERENT),
            industrial_referents=names(GovernanceRole.INDUSTRIEL_REFERENT),
            carrying_structure=territory.carrying_structure,
            departments=territory.departments,
            phase=territory.phase,
            confidential_left_out=len(plan.confidential_ids),
            synthesis=self._synthesis(plan, summary, rows, options, today, milestones, decisions),
            axes=self._axes(plan, rows, lines_by_action),
            funding=self._funding(plan, summary),
            indicators=self._indicators(plan, actions_by_id, options),
            milestones=milestones,
            evolutions=evolutions,
            annex=self._annex(plan, rows, lines_by_action) if options.annex else (),
        )

    def _row(self, plan: _Plan, action: ActionRecord, lines: list[FundingLineRecord], today: dt.date) -> ActionRow:
        return ActionRow(
            id=action.id,
            code=action.code,
            title=action.title,
            lead=plan.organisation(action.lead_actor_id),
            status=action.status,
            progress=action.progress,
            planned_start=action.planned_start,
            planned_end=action.planned_end,
            planned_budget=action.planned_budget,
            secured_funding=summaries.secured_funding(lines),
            late=action.is_late(today),
        )

    def _synthesis(
        self,
        plan: _Plan,
        summary: summaries.PlanSummary,
        rows: dict[int, ActionRow],
        options: ReportOptions,
        today: dt.date,
        milestones: MilestonesPart,
        decisions: tuple[DecisionRow, ...],
    ) -> SynthesisData:
        late = []
        for action in summaries.late_actions(plan.actions, today):
            assert action.planned_end is not None
            days = (today - action.planned_end).days
            late.append(
                AlertRow(
                    action=rows[action.id].reference,
                    title=action.title,
                    on=action.planned_end,
                    text=f"Échéance dépassée de {format_number(days)} jour{'s' if days > 1 else ''} ; "
                    f"{action.status.label.lower()}, avancement {format_percent(action.progress / 100)}.",
                )
            )
        flagged = [update for update in plan.updates if update.alert and _in_period(update.reported_on, options)]
        flagged.sort(key=lambda update: (update.reported_on, update.id), reverse=True)
        alerts = tuple(
            AlertRow(
                action=rows[update.action_id].reference,
                title=rows[update.action_id].title,
                on=update.reported_on,
                text=update.difficulties or update.done or update.next_steps or "Alerte signalée.",
            )
            for update in flagged
        )
        return SynthesisData(
            status_counts=summary.status_counts,
            planned_budget=summary.budget.planned,
            spent_to_date=summary.budget.spent,
            actions_without_budget=summary.budget.actions_without_budget,
            funding=summary.funding,
            jobs_targeted=summary.jobs_targeted,
            late_actions=tuple(late),
            flagged_updates=alerts,
            overdue_milestones=len(milestones.overdue),
            pending_decisions=decisions,
        )

    def _pending_decisions(self, session: Session, territory_id: int, plan: _Plan) -> tuple[DecisionRow, ...]:
        statement = (
            select(models.Decision, models.Meeting)
            .join(models.Meeting, models.Meeting.id == models.Decision.meeting_id)
            .where(models.Meeting.territory_id == territory_id, models.Decision.state == DecisionState.A_FAIRE.value)
            .order_by(models.Decision.due_on.is_(None), models.Decision.due_on, models.Decision.id)
        )
        codes = {action.id: action.code or f"n° {action.id}" for action in plan.actions}
        rows = []
        for decision_row, meeting_row in session.execute(statement):
            decision = to_record(decision_row, DecisionRecord)
            meeting = to_record(meeting_row, MeetingRecord)
            if decision.action_id is not None and decision.action_id not in codes:
                continue  # about a confidential action
            rows.append(
                DecisionRow(
                    text=decision.text,
                    owner=plan.actor_name(decision.owner_actor_id),
                    due_on=decision.due_on,
                    meeting_on=meeting.held_on,
                    action=codes.get(decision.action_id) if decision.action_id is not None else None,
                    state=decision.state,
                )
            )
        return tuple(rows)

    def _axes(
        self, plan: _Plan, rows: dict[int, ActionRow], lines_by_action: dict[int, list[FundingLineRecord]]
    ) -> tuple[AxisPart, ...]:
        by_axis: dict[int, list[ActionRecord]] = defaultdict(list)
        for action in plan.actions:
            by_axis[action.axis_id].append(action)
        parts = []
        for axis in plan.axes:
            actions = by_axis.get(axis.id)
            if not actions:
                continue
            budget = summaries.budget_totals(actions)
            parts.append(
                AxisPart(
                    code=axis.code,
                    label=axis.label,
                    colour=axis.colour,
                    counts=summaries.count_by_status(actions),
                    rows=tuple(rows[action.id] for action in actions),
                    planned_budget=budget.planned,
                    secured_funding=summaries.secured_funding(
                        line for action in actions for line in lines_by_action[action.id]
                    ),
                )
            )
        return tuple(parts)

    def _funder(self, plan: _Plan, line: FundingLineRecord) -> str:
        if line.funder_actor_id is not None:
            actor = plan.actors.get(line.funder_actor_id)
            if actor is not None:
                return actor.organisation or actor.name
        return line.funder_name or "Financeur non précisé"

    def _funding(self, plan: _Plan, summary: summaries.PlanSummary) -> FundingPart:
        def groups(key: Callable[[FundingLineRecord], str]) -> tuple[FundingGroupRow, ...]:
            grouped: dict[str, list[FundingLineRecord]] = defaultdict(list)
            for line in plan.lines:
                grouped[key(line)].append(line)
            rows = []
            for name, lines in grouped.items():
                totals = summaries.funding_summary(lines, ZERO)
                rows.append(FundingGroupRow(name, len(lines), totals.requested, totals.granted, totals.paid))
            rows.sort(key=lambda row: (-row.requested, -row.granted, row.name.casefold()))
            return tuple(rows)

        return FundingPart(
            by_funder=groups(lambda line: self._funder(plan, line)),
            by_programme=groups(lambda line: line.programme or "Programme non précisé"),
            totals=summary.funding,
        )

    def _indicators(
        self, plan: _Plan, actions_by_id: dict[int, ActionRecord], options: ReportOptions
    ) -> tuple[IndicatorRow, ...]:
        values: dict[int, list[IndicatorValueRecord]] = defaultdict(list)
        for value in plan.values:
            if value.measured_on <= options.period_to:
                values[value.indicator_id].append(value)
        axes = {axis.id: axis for axis in plan.axes}
        rows = []
        for indicator in plan.indicators:
            measures = sorted(values[indicator.id], key=lambda value: value.measured_on)
            latest = measures[-1] if measures else None
            trend: list[tuple[dt.date, float]] = []
            if indicator.baseline_value is not None and indicator.baseline_on is not None:
                trend.append((indicator.baseline_on, indicator.baseline_value))
            trend += [(value.measured_on, value.value) for value in measures]
            scope = None
            if indicator.action_id is not None and indicator.action_id in actions_by_id:
                action = actions_by_id[indicator.action_id]
                scope = f"Action {action.code or action.id}"
            elif indicator.axis_id is not None and indicator.axis_id in axes:
                scope = f"Axe {axes[indicator.axis_id].label}"
            rows.append(
                IndicatorRow(
                    name=indicator.name,
                    unit=indicator.unit,
                    scope=scope,
                    direction=indicator.direction,
                    baseline=indicator.baseline_value,
                    baseline_on=indicator.baseline_on,
                    latest=latest.value if latest else None,
                    latest_on=latest.measured_on if latest else None,
                    target=indicator.target_value,
                    target_on=indicator.target_on,
                    reached=indicator_reached(
                        indicator.baseline_value, latest.value if latest else None, indicator.target_value
                    ),
                    trend=tuple(sorted(trend)),
                )
            )
        return tuple(rows)

    def _milestones(
        self, plan: _Plan, actions_by_id: dict[int, ActionRecord], options: ReportOptions, today: dt.date
    ) -> MilestonesPart:
        horizon = today + dt.timedelta(days=UPCOMING_DAYS)
        reached, upcoming, overdue = [], [], []
        for milestone in plan.milestones:
            action = actions_by_id[milestone.action_id]
            row = MilestoneRow(
                action=action.code or f"n° {action.id}",
                action_title=action.title,
                title=milestone.title,
                due_on=milestone.due_on,
                done_on=milestone.done_on,
            )
            if _in_period(milestone.done_on, options):
                reached.append(row)
            elif milestone.is_overdue(today):
                overdue.append(row)
            elif milestone.done_on is None and milestone.due_on is not None and today <= milestone.due_on <= horizon:
                upcoming.append(row)
        far = dt.date.max
        return MilestonesPart(
            reached=tuple(sorted(reached, key=lambda row: (row.done_on or far, row.action))),
            upcoming=tuple(sorted(upcoming, key=lambda row: (row.due_on or far, row.action))),
            overdue=tuple(sorted(overdue, key=lambda row: (row.due_on or far, row.action))),
        )

    def _annex(
        self, plan: _Plan, rows: dict[int, ActionRow], lines_by_action: dict[int, list[FundingLineRecord]]
    ) -> tuple[ActionSheet, ...]:
        with self._sessions() as session:
            table = models.ActionPartner.__table__
            partners = _chunked(
                session, models.ActionPartner, ActionPartnerRecord, table.c.action_id, list(rows), table.c.id
            )
        partners_by_action: dict[int, list[ActionPartnerRecord]] = defaultdict(list)
        for partner in partners:
            partners_by_action[partner.action_id].append(partner)
        milestones_by_action: dict[int, list[MilestoneRecord]] = defaultdict(list)
        for milestone in plan.milestones:
            milestones_by_action[milestone.action_id].append(milestone)
        updates_by_action: dict[int, list[ProgressUpdateRecord]] = defaultdict(list)
        for update in plan.updates:
            updates_by_action[update.action_id].append(update)
        axes = {axis.id: f"{axis.code} – {axis.label}" for axis in plan.axes}
        sheets = []
        for action in plan.actions:
            row = rows[action.id]
            milestones = sorted(
                milestones_by_action[action.id], key=lambda m: (m.due_on or dt.date.max, m.position, m.id)
            )
            updates = sorted(updates_by_action[action.id], key=lambda u: (u.reported_on, u.id), reverse=True)
            sheets.append(
                ActionSheet(
                    row=row,
                    axis=axes.get(action.axis_id, "—"),
                    lead_contact=plan.actor_name(action.lead_actor_id),
                    description=action.description,
                    expected_results=action.expected_results,
                    pilot=plan.actor_name(action.pilot_actor_id),
                    partners=tuple(
                        (plan.actor_name(partner.actor_id) or "—", partner.role)
                        for partner in partners_by_action[action.id]
                    ),
                    funding=tuple(
                        FundingLineRow(
                            funder=self._funder(plan, line),
                            programme=line.programme,
                            requested=line.amount_requested,
                            granted=line.amount_granted,
                            status=line.status,
                            decided_on=line.decided_on,
                        )
                        for line in lines_by_action[action.id]
                    ),
                    milestones=tuple(
                        MilestoneRow(row.reference, action.title, m.title, m.due_on, m.done_on) for m in milestones
                    ),
                    updates=tuple(
                        UpdateRow(
                            reported_on=u.reported_on,
                            author=u.author,
                            status=u.status,
                            progress=u.progress,
                            done=u.done,
                            difficulties=u.difficulties,
                            next_steps=u.next_steps,
                            alert=u.alert,
                        )
                        for u in updates[:ANNEX_UPDATES]
                    ),
                )
            )
        return tuple(sheets)

    # -- évolutions -----------------------------------------------------------------------------------
    def _previous_snapshot(self, session: Session, territory_id: int, options: ReportOptions) -> SnapshotRecord | None:
        """The latest snapshot taken up to the end of the period and not for this very period."""
        table = models.Snapshot.__table__
        snapshots = fetch_records(
            session,
            models.Snapshot,
            SnapshotRecord,
            table.c.territory_id == territory_id,
            order_by=(table.c.taken_at.desc(), table.c.id.desc()),
        )
        for snapshot in snapshots:
            if snapshot.taken_at.date() > options.period_to:
                continue
            payload = _read_payload(snapshot)
            if payload is None or payload.get("kind", "rapport") != "rapport":
                continue  # unreadable, or taken when a meeting closed (not a report sent)
            covered_to = payload.get("period_to")
            if isinstance(covered_to, str) and covered_to >= options.period_to.isoformat():
                continue  # the snapshot of this report (or of a later one)
            return snapshot
        return None

    def _evolutions(self, session: Session, plan: _Plan, options: ReportOptions) -> EvolutionsPart:
        snapshot = self._previous_snapshot(session, plan.territory.id, options)
        if snapshot is not None:
            return self._evolutions_since(plan, snapshot)
        return self._evolutions_from_history(session, plan, options)

    def _evolutions_since(self, plan: _Plan, snapshot: SnapshotRecord) -> EvolutionsPart:
        payload = _read_payload(snapshot) or {}
        before = {int(entry["id"]): entry for entry in payload.get("actions", []) if "id" in entry}
        lines_by_action: dict[int, list[FundingLineRecord]] = defaultdict(list)
        for line in plan.lines:
            lines_by_action[line.action_id].append(line)
        status_changes, progress_changes, new_actions = [], [], []
        for action in plan.actions:
            reference = action.code or f"n° {action.id}"
            secured = summaries.secured_funding(lines_by_action[action.id])
            old = before.get(action.id)
            if old is None:
                new_actions.append(self._row(plan, action, lines_by_action[action.id], dt.date.min))
                continue
            old_status = _status(old.get("status"))
            if old_status is not action.status:
                status_changes.append(StatusChangeRow(reference, action.title, old_status, action.status, None))
            old_progress = int(old.get("progress") or 0)
            old_secured = _decimal(old.get("secured_funding"))
            if old_progress != action.progress or old_secured != secured:
                progress_changes.append(
                    ProgressChangeRow(reference, action.title, old_progress, action.progress, old_secured, secured)
                )
        removed = tuple(
            f"{entry.get('code') or 'n° ' + str(action_id)} – {entry.get('title', '')}"
            for action_id, entry in before.items()
            if action_id not in plan.all_action_ids and not entry.get("confidential")
        )
        return EvolutionsPart(
            source=(
                f"Comparaison avec la photographie du plan « {snapshot.label} » prise le "
                f"{format_date(snapshot.taken_at.date())}, lors de l'envoi du rapport précédent."
            ),
            status_changes=tuple(status_changes),
            new_actions=tuple(new_actions),
            progress_changes=tuple(progress_changes),
            removed=removed,
        )

    def _evolutions_from_history(self, session: Session, plan: _Plan, options: ReportOptions) -> EvolutionsPart:
        actions = {action.id: action for action in plan.actions}
        changes: list[StatusChangeRow] = []
        seen: set[tuple[int, ActionStatus | None, ActionStatus]] = set()
        # 1. Dated progress updates whose status differs from the previous update's.
        by_action: dict[int, list[ProgressUpdateRecord]] = defaultdict(list)
        for update in plan.updates:
            by_action[update.action_id].append(update)
        for action_id, updates in by_action.items():
            updates.sort(key=lambda update: (update.reported_on, update.id))
            for previous, update in itertools.pairwise(updates):
                if update.status is not previous.status and _in_period(update.reported_on, options):
                    action = actions[action_id]
                    seen.add((action_id, previous.status, update.status))
                    changes.append(
                        StatusChangeRow(
                            action.code or f"n° {action.id}",
                            action.title,
                            previous.status,
                            update.status,
                            update.reported_on,
                        )
                    )
        # 2. The change log: status edits and creations of actions in the period.
        table = models.ChangeLog.__table__
        start = dt.datetime.combine(options.period_from, dt.time.min, tzinfo=dt.UTC) - dt.timedelta(days=1)
        end = dt.datetime.combine(options.period_to, dt.time.max, tzinfo=dt.UTC) + dt.timedelta(days=1)
        log = fetch_records(
            session,
            models.ChangeLog,
            ChangeLogRecord,
            table.c.territory_id == plan.territory.id,
            table.c.entity == "action",
            table.c.changed_at >= start,
            table.c.changed_at <= end,
            order_by=(table.c.changed_at, table.c.id),
        )
        created: list[int] = []
        for entry in log:
            if not _in_period(entry.changed_at.date(), options) or entry.entity_id not in actions:
                continue
            action = actions[entry.entity_id]
            if entry.field == "status" and abs(entry.changed_at - action.created_at) < CREATION_WINDOW:
                continue  # set while the fiche was being written (creation, import, demo), not a change of course
            if entry.field is None and entry.old_value is None:
                created.append(action.id)
            elif entry.field == "status":
                old, new = _status(entry.old_value), _status(entry.new_value)
                if new is None or (action.id, old, new) in seen:
                    continue
                seen.add((action.id, old, new))
                changes.append(
                    StatusChangeRow(action.code or f"n° {action.id}", action.title, old, new, entry.changed_at.date())
                )
        changes.sort(key=lambda change: (change.on or dt.date.min, change.action))
        note = None
        new_rows: tuple[ActionRow, ...] = ()
        lines_by_action: dict[int, list[FundingLineRecord]] = defaultdict(list)
        for line in plan.lines:
            lines_by_action[line.action_id].append(line)
        if created and len(set(created)) == len(plan.actions):
            note = (
                "Le plan d'action a été saisi dans TI Desktop pendant la période : ses "
                f"{format_number(len(plan.actions))} fiches-actions y sont toutes nouvelles "
                "(voir « Avancement par axe »)."
            )
        else:
            new_rows = tuple(
                self._row(plan, actions[action_id], lines_by_action[action_id], dt.date.min)
                for action_id in dict.fromkeys(created)
            )
        return EvolutionsPart(
            source=(
                f"Aucun rapport n'a encore été marqué comme envoyé avant cette période : les évolutions "
                f"{options.period_label} sont tirées de l'historique des modifications et des points "
                "d'avancement datés."
            ),
            status_changes=tuple(changes),
            new_actions=new_rows,
            note=note,
        )

    # -- writing the PDF ------------------------------------------------------------------------------
    def write_pdf(
        self,
        territory_id: int,
        options: ReportOptions,
        output: Path,
        today: dt.date,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> Path:
        """Write the report to `output` atomically: a temporary file in the same folder, then a rename.
        On failure or cancellation the previous file is intact and no temporary file remains."""
        output = Path(output).expanduser().absolute()

        def check() -> None:
            if cancelled is not None and cancelled():
                raise ReportCancelled(f"Génération du rapport annulée : « {output.name} » n'a pas été modifié.")

        def report(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total)

        check()
        report(0, 100)
        data = self.assemble(territory_id, options, today)
        check()
        report(10, 100)

        def step(done: int, total: int) -> None:
            check()
            report(10 + (89 * done) // max(total, 1), 100)

        def write(temporary: Path) -> None:
            with open(temporary, "wb") as stream:
                build_progress_report(data, stream, step)

        write_atomically(output, write, what="le rapport")
        report(100, 100)
        return output

    # -- contrôle avant envoi ---------------------------------------------------------------------------
    def pre_send_check(self, territory_id: int, options: ReportOptions, today: dt.date) -> list[ReportFinding]:
        """What would make the report weak, each finding pointing at its fiche-action or indicator."""
        with self._sessions() as session:
            plan = self._load(session, territory_id)
        updated_in_period = {update.action_id for update in plan.updates if _in_period(update.reported_on, options)}
        measured = {value.indicator_id for value in plan.values}
        findings: list[ReportFinding] = []
        for action in plan.actions:
            name = f"{action.code or 'n° ' + str(action.id)} – {action.title}"

            def add(kind: FindingKind, problem: str, action_id: int = action.id, name: str = name) -> None:
                findings.append(ReportFinding(kind, action_id, None, f"{name} : {problem}"))

            if action.lead_actor_id is None:
                add(FindingKind.SANS_PORTEUR, "aucun porteur (maître d'ouvrage) n'est renseigné.")
            if action.planned_start is None or action.planned_end is None:
                missing = [
                    label
                    for label, value in (("de début", action.planned_start), ("de fin", action.planned_end))
                    if value is None
                ]
                add(FindingKind.SANS_DATES, f"pas de date prévue {' ni '.join(missing)}.")
            if action.planned_budget is None and action.status is not ActionStatus.ABANDONNEE:
                add(FindingKind.SANS_BUDGET, "aucun budget prévu n'est renseigné.")
            finished_before = action.status in CLOSED_STATUSES and not _in_period(action.actual_end, options)
            if action.id not in updated_in_period and not finished_before:
                add(FindingKind.SANS_POINT, f"aucun point d'avancement {options.period_label}.")
        for indicator in plan.indicators:
            if indicator.id not in measured:
                findings.append(
                    ReportFinding(
                        FindingKind.INDICATEUR_SANS_VALEUR,
                        indicator.action_id,
                        indicator.id,
                        f"Indicateur « {indicator.name} » : aucune mesure n'est saisie.",
                    )
                )
        return findings

    # -- snapshots ------------------------------------------------------------------------------------
    def mark_sent(self, territory_id: int, options: ReportOptions, label: str | None = None) -> SnapshotRecord:
        """Take a Snapshot of the plan (the report was sent to the Région): the next report compares with it."""
        with transaction(self._sessions) as session:
            plan = self._load(session, territory_id)
            table = models.Action.__table__
            everything = fetch_records(
                session, models.Action, ActionRecord, table.c.territory_id == territory_id, order_by=(table.c.id,)
            )
            all_ids = [action.id for action in everything]
            line_table = models.FundingLine.__table__
            lines = _chunked(
                session, models.FundingLine, FundingLineRecord, line_table.c.action_id, all_ids, line_table.c.id
            )
            lines_by_action: dict[int, list[FundingLineRecord]] = defaultdict(list)
            for line in lines:
                lines_by_action[line.action_id].append(line)
            payload = {
                "format": SNAPSHOT_FORMAT,
                "kind": "rapport",
                "territory_id": territory_id,
                "period_from": options.period_from.isoformat(),
                "period_to": options.period_to.isoformat(),
                "actions": [
                    {
                        "id": action.id,
                        "code": action.code,
                        "title": action.title,
                        "axis_id": action.axis_id,
                        "status": action.status.value,
                        "progress": action.progress,
                        "planned_budget": None if action.planned_budget is None else f"{action.planned_budget:.2f}",
                        "secured_funding": f"{summaries.secured_funding(lines_by_action[action.id]):.2f}",
                        "confidential": action.confidential,
                    }
                    for action in everything
                ],
            }
            row = models.Snapshot(
                territory_id=plan.territory.id,
                label=(label or default_snapshot_label(options))[:300],
                payload=json.dumps(payload, ensure_ascii=False),
            )
            session.add(row)
            session.flush()
            return to_record(row, SnapshotRecord)

    def latest_snapshot(self, territory_id: int) -> SnapshotRecord | None:
        table = models.Snapshot.__table__
        with self._sessions() as session:
            found = fetch_records(
                session,
                models.Snapshot,
                SnapshotRecord,
                (table.c.territory_id == territory_id) & table.c.meeting_id.is_(None),  # reports, not meetings
                order_by=(table.c.taken_at.desc(), table.c.id.desc()),
            )
        return found[0] if found else None


def _chunked(
    session: Session, model: type[models.Base], record_type: type[Any], column: Any, ids: Iterable[int], order: Any
) -> list[Any]:
    """Rows whose `column` is in `ids`, queried in chunks (SQLite limits bound parameters)."""
    id_list = list(ids)
    rows: list[Any] = []
    for start in range(0, len(id_list), 900):
        rows += fetch_records(session, model, record_type, column.in_(id_list[start : start + 900]), order_by=(order,))
    return rows


def _read_payload(snapshot: SnapshotRecord) -> dict[str, Any] | None:
    try:
        payload = json.loads(snapshot.payload)
    except (ValueError, TypeError):
        return None
    return payload if isinstance(payload, dict) else None


def _status(code: object) -> ActionStatus | None:
    try:
        return ActionStatus(str(code)) if code is not None else None
    except ValueError:
        return None


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None
