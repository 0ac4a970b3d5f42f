"""One format for the snapshots of a territory's plan, whether taken when a report is sent to the Région
(the next report's "évolutions depuis le dernier rapport") or when a meeting closes (the next comité's
"ce qui a changé depuis le comité").

Format 2 holds every field either comparison reads, for every action of the territory (confidential ones
too: a report leaves them out, the comité does not). Its keys are those of the two formats 1 it replaces
(migration 0004 rewrote stored snapshots): a field a format-1 snapshot did not record reads as None.
Reading is lenient: a value this version cannot understand reads as None rather than failing the report.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from ti_desktop.domain.enums import ActionStatus

SNAPSHOT_FORMAT = 2


class SnapshotKind(StrEnum):
    RAPPORT = "rapport"  # a report marked as sent
    COMITE = "comite"  # a meeting closed


@dataclass(frozen=True, slots=True)
class ActionSnapshot:
    """One action as it was. None: not recorded by a format-1 snapshot, or not readable."""

    id: int
    code: str | None
    title: str
    axis_id: int | None
    status: ActionStatus | None
    progress: int
    planned_end: dt.date | None
    planned_budget: Decimal | None
    secured_funding: Decimal | None
    confidential: bool | None
    to_discuss: bool | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "title": self.title,
            "axis_id": self.axis_id,
            "status": None if self.status is None else self.status.value,
            "progress": self.progress,
            "planned_end": None if self.planned_end is None else self.planned_end.isoformat(),
            "planned_budget": _money_text(self.planned_budget),
            "secured_funding": _money_text(self.secured_funding),
            "confidential": self.confidential,
            "to_discuss": self.to_discuss,
        }

    @classmethod
    def from_dict(cls, entry: Mapping[str, Any]) -> ActionSnapshot | None:
        action_id = _integer(entry.get("id"))
        if action_id is None:
            return None
        return cls(
            id=action_id,
            code=_text(entry.get("code")),
            title=_text(entry.get("title")) or "",
            axis_id=_integer(entry.get("axis_id")),
            status=parse_status(entry.get("status")),
            progress=_integer(entry.get("progress")) or 0,
            planned_end=_date(entry.get("planned_end")),
            planned_budget=_decimal(entry.get("planned_budget")),
            secured_funding=_decimal(entry.get("secured_funding")),
            confidential=_flag(entry.get("confidential")),
            to_discuss=_flag(entry.get("to_discuss")),
        )


@dataclass(frozen=True, slots=True)
class PlanSnapshot:
    kind: SnapshotKind
    territory_id: int | None
    actions: tuple[ActionSnapshot, ...]
    period_from: dt.date | None = None  # a report's period
    period_to: dt.date | None = None
    meeting_id: int | None = None  # a meeting's
    held_on: dt.date | None = None

    def by_id(self) -> dict[int, ActionSnapshot]:
        return {action.id: action for action in self.actions}

    def to_json(self) -> str:
        payload = {
            "format": SNAPSHOT_FORMAT,
            "kind": self.kind.value,
            "territory_id": self.territory_id,
            "period_from": None if self.period_from is None else self.period_from.isoformat(),
            "period_to": None if self.period_to is None else self.period_to.isoformat(),
            "meeting_id": self.meeting_id,
            "held_on": None if self.held_on is None else self.held_on.isoformat(),
            "actions": [action.to_dict() for action in self.actions],
        }
        return json.dumps(payload, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> PlanSnapshot | None:
        """The snapshot stored as `text`; None when it is not readable (not JSON, not a plan)."""
        try:
            payload = json.loads(text) if text is not None else None
        except ValueError:
            return None
        if not isinstance(payload, dict):
            return None
        try:
            kind = SnapshotKind(str(payload.get("kind", SnapshotKind.RAPPORT.value)))
        except ValueError:
            return None
        entries = payload.get("actions", [])
        if not isinstance(entries, list):
            return None
        actions = tuple(
            action
            for entry in entries
            if isinstance(entry, dict)
            if (action := ActionSnapshot.from_dict(entry)) is not None
        )
        return cls(
            kind=kind,
            territory_id=_integer(payload.get("territory_id")),
            actions=actions,
            period_from=_date(payload.get("period_from")),
            period_to=_date(payload.get("period_to")),
            meeting_id=_integer(payload.get("meeting_id")),
            held_on=_date(payload.get("held_on")),
        )


def _money_text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _integer(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(str(value))
    except ValueError:
        return None


def _flag(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def parse_status(code: object) -> ActionStatus | None:
    """The status of a stored code; None for a code this version does not know."""
    try:
        return ActionStatus(str(code)) if code is not None else None
    except ValueError:
        return None


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
