"""One snapshot format: a report sent and a meeting closed store the plan alike (format 2), and both readers
(the report's évolutions, the comité's changes) read it, as well as the format-1 payloads it replaces."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

from ti_desktop.domain.enums import ActionStatus, FundingStatus
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.domain.snapshots import SNAPSHOT_FORMAT, ActionSnapshot, PlanSnapshot, SnapshotKind

from .conftest import TODAY, World

ACTION_KEYS = {
    "id",
    "code",
    "title",
    "axis_id",
    "status",
    "progress",
    "planned_end",
    "planned_budget",
    "secured_funding",
    "confidential",
    "to_discuss",
}


def test_a_report_sent_and_a_meeting_closed_store_the_same_format(world: World) -> None:
    public = world.action("Plateforme", code="INN-01", progress=35, planned_budget=Decimal("1200.50"), to_discuss=True)
    hidden = world.action("Rachat de friche", code="INN-02", confidential=True, planned_end=dt.date(2027, 3, 31))
    world.services.funding.create(
        action_id=public.id,
        funder_name="Région",
        amount_requested=Decimal(1000),
        amount_granted=Decimal("800.25"),
        status=FundingStatus.ACCORDE,
    )
    sent = world.services.reports.mark_sent(
        world.territory.id, ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    )
    meeting = world.services.steering.create(world.territory.id, TODAY, held_on=dt.date(2026, 10, 1), propose=False)
    closed = world.services.steering.close(meeting.id)

    payloads = [json.loads(snapshot.payload) for snapshot in (sent, closed)]
    assert [payload["format"] for payload in payloads] == [SNAPSHOT_FORMAT, SNAPSHOT_FORMAT]
    assert set(payloads[0]) == set(payloads[1])
    for payload in payloads:
        assert [entry["id"] for entry in payload["actions"]] == [public.id, hidden.id]  # confidential ones too
        assert all(set(entry) == ACTION_KEYS for entry in payload["actions"])
    report = PlanSnapshot.from_json(sent.payload)
    comite = PlanSnapshot.from_json(closed.payload)
    assert report is not None and comite is not None
    assert (report.kind, report.period_from, report.period_to) == (
        SnapshotKind.RAPPORT,
        dt.date(2026, 1, 1),
        dt.date(2026, 6, 30),
    )
    assert (report.meeting_id, report.held_on) == (None, None)
    assert (comite.kind, comite.meeting_id, comite.held_on) == (SnapshotKind.COMITE, meeting.id, dt.date(2026, 10, 1))
    assert report.actions == comite.actions  # the plan did not change in between
    first = report.by_id()[public.id]
    assert (first.code, first.status, first.progress, first.to_discuss, first.confidential) == (
        "INN-01",
        ActionStatus.EN_COURS,
        35,
        True,
        False,
    )
    assert (first.planned_budget, first.secured_funding) == (Decimal("1200.50"), Decimal("800.25"))
    assert report.by_id()[hidden.id].planned_end == dt.date(2027, 3, 31)
    assert report.by_id()[hidden.id].confidential is True


def test_json_round_trip() -> None:
    action = ActionSnapshot(
        id=7,
        code="ATT-01",
        title="Semaine de l'industrie « portes ouvertes »",
        axis_id=3,
        status=ActionStatus.BLOQUEE,
        progress=40,
        planned_end=dt.date(2026, 12, 18),
        planned_budget=Decimal("45000.50"),
        secured_funding=Decimal("0.00"),
        confidential=False,
        to_discuss=None,
    )
    snapshot = PlanSnapshot(SnapshotKind.COMITE, 1, (action,), meeting_id=4, held_on=dt.date(2026, 6, 25))
    text = snapshot.to_json()
    assert "« portes ouvertes »" in text  # stored readable, as before
    assert PlanSnapshot.from_json(text) == snapshot
    assert PlanSnapshot.from_json(dataclasses.replace(snapshot, actions=()).to_json()) == dataclasses.replace(
        snapshot, actions=()
    )


def test_format_1_payloads_read_with_what_they_recorded() -> None:
    report = {
        "format": 1,
        "kind": "rapport",
        "territory_id": 1,
        "period_from": "2026-01-01",
        "period_to": "2026-06-30",
        "actions": [
            {
                "id": 3,
                "code": None,
                "title": "Sans code",
                "axis_id": 2,
                "status": "en_cours",
                "progress": 10,
                "planned_budget": None,
                "secured_funding": "12.30",
                "confidential": True,
            }
        ],
    }
    read = PlanSnapshot.from_json(json.dumps(report))
    assert read is not None and read.kind is SnapshotKind.RAPPORT and read.period_to == dt.date(2026, 6, 30)
    (action,) = read.actions
    assert (action.id, action.code, action.status, action.secured_funding, action.confidential) == (
        3,
        None,
        ActionStatus.EN_COURS,
        Decimal("12.30"),
        True,
    )
    assert (action.planned_end, action.to_discuss) == (None, None)  # not recorded by a report of format 1
    comite = {
        "format": 1,
        "kind": "comite",
        "territory_id": 1,
        "meeting_id": 5,
        "held_on": "2026-06-25",
        "actions": [{"id": 3, "title": "x", "status": "bloquee", "progress": 0, "planned_end": "2026-09-01"}],
    }
    read = PlanSnapshot.from_json(json.dumps(comite))
    assert read is not None and (read.kind, read.meeting_id, read.period_to) == (SnapshotKind.COMITE, 5, None)
    assert read.actions[0].planned_end == dt.date(2026, 9, 1) and read.actions[0].axis_id is None


def test_unreadable_payloads_and_values() -> None:
    for text in ("", "pas du JSON", "[1, 2]", '{"kind": "inconnu"}', '{"actions": 3}', None):
        assert PlanSnapshot.from_json(text) is None, text
    odd = {"kind": "comite", "actions": [{"id": "x"}, "pas un dict", {"id": 2, "status": "disparu", "progress": "?"}]}
    read = PlanSnapshot.from_json(json.dumps(odd))
    assert read is not None
    (action,) = read.actions
    assert (action.id, action.status, action.progress, action.title) == (2, None, 0, "")
    legacy = PlanSnapshot.from_json('{"actions": []}')  # the first reports recorded no kind
    assert legacy is not None and legacy.kind is SnapshotKind.RAPPORT


def test_the_next_report_and_the_next_meeting_compare_with_their_snapshot(world: World) -> None:
    action = world.action("Plateforme", code="INN-01", progress=20, planned_end=dt.date(2027, 1, 1))
    world.services.reports.mark_sent(world.territory.id, ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 6, 30)))
    meeting = world.services.steering.create(world.territory.id, TODAY, held_on=dt.date(2026, 10, 1), propose=False)
    world.services.steering.close(meeting.id)
    world.services.actions.update(action.id, progress=60, planned_end=dt.date(2027, 6, 30))

    data = world.services.reports.assemble(world.territory.id, ReportOptions(dt.date(2026, 7, 1), TODAY), TODAY)
    assert data.evolutions is not None
    assert [(c.action, c.old_progress, c.new_progress) for c in data.evolutions.progress_changes] == [
        ("INN-01", 20, 60)
    ]
    following = world.services.steering.create(world.territory.id, TODAY, held_on=TODAY)
    item = next(i for i in world.services.steering.agenda(following.id) if i.action_id == action.id)
    view = world.services.steering.item_view(item.id, TODAY)
    assert view.changes == (
        "Avancement : 20\u202f% → 60\u202f%",
        "Fin prévue : 01/01/2027 → 30/06/2027",
    )
