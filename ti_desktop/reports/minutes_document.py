"""The minutes' embedded data: `MinutesData` written as the document `ti-desktop/compte-rendu` (schema
`resources/schemas/compte-rendu.schema.json`): the meeting, its participants, agenda and every decision with the
action it concerns, as the PDF shows them."""

from __future__ import annotations

from typing import Any

from ti_desktop.domain.data_documents import DocumentFormat, SealedDocument, amount, seal
from ti_desktop.reports.minutes_data import ActionState, MinutesData, MinutesDecision
from ti_desktop.reports.report_document import day


def _decision(decision: MinutesDecision) -> dict[str, Any]:
    return {
        "number": decision.number,
        "text": decision.text,
        "action_code": decision.action_code,
        "action_title": decision.action_title,
        "owner": decision.owner,
        "due_on": day(decision.due_on),
        "state": decision.state.value,
        "overdue": decision.overdue,
    }


def _action(state: ActionState) -> dict[str, Any]:
    return {
        "code": state.code,
        "title": state.title,
        "axis": state.axis,
        "lead": state.lead,
        "status": state.status.value,
        "progress": state.progress,
        "planned_start": day(state.planned_start),
        "planned_end": day(state.planned_end),
        "planned_budget": amount(state.planned_budget),
        "requested_funding": amount(state.requested_funding),
        "secured_funding": amount(state.secured_funding),
        "late": state.late,
        "overdue_milestones": list(state.overdue_milestones),
        "changes": list(state.changes),
    }


def minutes_data(data: MinutesData) -> dict[str, Any]:
    return {
        "generated_on": day(data.generated_on),
        "app_version": data.app_version,
        "territory": data.territory,
        "region": data.region,
        "meeting": {
            "kind": data.kind_label,
            "held_on": day(data.held_on),
            "place": data.place,
            "notes": data.notes,
            "closed": data.closed,
            "previous_held_on": day(data.previous_held_on),
        },
        "participants": [
            {"name": person.name, "organisation": person.organisation, "role": person.role}
            for person in data.participants
        ],
        "items": [
            {
                "position": item.position,
                "title": item.title,
                "notes": item.notes,
                "action": _action(item.action) if item.action is not None else None,
                "decisions": [decision.number for decision in item.decisions],
            }
            for item in data.items
        ],
        "decisions": [_decision(decision) for decision in data.decisions],
        "other_decisions": [decision.number for decision in data.other_decisions],
    }


def minutes_document(data: MinutesData) -> SealedDocument:
    return seal(DocumentFormat.COMPTE_RENDU, minutes_data(data))
