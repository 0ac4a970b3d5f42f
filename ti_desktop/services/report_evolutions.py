"""The report's "évolutions depuis le dernier rapport": compared with the snapshot taken when the previous
report was sent, or, before any was sent, read from the change log and the dated progress updates."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.domain import summaries
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import ChangeLogRecord, ProgressUpdateRecord, SnapshotRecord
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.domain.snapshots import PlanSnapshot, parse_status
from ti_desktop.kernel.formatting import format_date, format_number
from ti_desktop.reports.data import ActionRow, EvolutionsPart, ProgressChangeRow, StatusChangeRow
from ti_desktop.services import snapshots
from ti_desktop.services.crud import fetch_records
from ti_desktop.services.report_plan import ReportPlan, in_period, reference

CREATION_WINDOW = dt.timedelta(minutes=2)


def evolutions(session: Session, plan: ReportPlan, options: ReportOptions) -> EvolutionsPart:
    previous = snapshots.previous_report(session, plan.territory.id, options.period_to)
    if previous is not None:
        return since_snapshot(plan, *previous)
    return from_history(session, plan, options)


def since_snapshot(plan: ReportPlan, record: SnapshotRecord, snapshot: PlanSnapshot) -> EvolutionsPart:
    before = snapshot.by_id()
    lines_by_action = plan.lines_by_action()
    status_changes, progress_changes, new_actions = [], [], []
    for action in plan.actions:
        code = reference(action)
        secured = summaries.secured_funding(lines_by_action[action.id])
        old = before.get(action.id)
        if old is None:
            new_actions.append(plan.row(action, lines_by_action[action.id], dt.date.min))
            continue
        if old.status is not action.status:
            status_changes.append(StatusChangeRow(code, action.title, old.status, action.status, None))
        if old.progress != action.progress or old.secured_funding != secured:
            progress_changes.append(
                ProgressChangeRow(code, action.title, old.progress, action.progress, old.secured_funding, secured)
            )
    removed = tuple(
        f"{entry.code or 'n° ' + str(action_id)} – {entry.title}"
        for action_id, entry in before.items()
        if action_id not in plan.all_action_ids and not entry.confidential
    )
    return EvolutionsPart(
        source=(
            f"Comparaison avec la photographie du plan « {record.label} » prise le "
            f"{format_date(record.taken_at.date())}, lors de l'envoi du rapport précédent."
        ),
        status_changes=tuple(status_changes),
        new_actions=tuple(new_actions),
        progress_changes=tuple(progress_changes),
        removed=removed,
    )


def from_history(session: Session, plan: ReportPlan, options: ReportOptions) -> EvolutionsPart:
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
            if update.status is not previous.status and in_period(update.reported_on, options):
                action = actions[action_id]
                seen.add((action_id, previous.status, update.status))
                changes.append(
                    StatusChangeRow(reference(action), action.title, previous.status, update.status, update.reported_on)
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
        if not in_period(entry.changed_at.date(), options) or entry.entity_id not in actions:
            continue
        action = actions[entry.entity_id]
        if entry.field == "status" and abs(entry.changed_at - action.created_at) < CREATION_WINDOW:
            continue  # set while the fiche was being written (creation, import, demo), not a change of course
        if entry.field is None and entry.old_value is None:
            created.append(action.id)
        elif entry.field == "status":
            old, new = parse_status(entry.old_value), parse_status(entry.new_value)
            if new is None or (action.id, old, new) in seen:
                continue
            seen.add((action.id, old, new))
            changes.append(StatusChangeRow(reference(action), action.title, old, new, entry.changed_at.date()))
    changes.sort(key=lambda change: (change.on or dt.date.min, change.action))
    note = None
    new_rows: tuple[ActionRow, ...] = ()
    lines_by_action = plan.lines_by_action()
    if created and len(set(created)) == len(plan.actions):
        note = (
            "Le plan d'action a été saisi dans TI Desktop pendant la période : ses "
            f"{format_number(len(plan.actions))} fiches-actions y sont toutes nouvelles "
            "(voir « Avancement par axe »)."
        )
    else:
        new_rows = tuple(
            plan.row(actions[action_id], lines_by_action[action_id], dt.date.min)
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
