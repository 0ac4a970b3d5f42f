"""one snapshot format (the plan as a report sent or a meeting closed left it)

Revision ID: 0005_one_snapshot_format
Revises: 0004_action_outcomes
Create Date: 2026-12-06

Snapshots were stored in two JSON formats, both numbered 1: a report's (`kind` "rapport", its period, per
action the axis, the budget and confidentiality) and a meeting's (`kind` "comite", its meeting and date, per
action the planned end and "à discuter"). Every stored snapshot is rewritten in format 2, which has every
key of both: a key the old payload lacked is null, every key and value it had is kept (unknown ones too).
A payload that is not a JSON object is left as it is (the application reads it as unreadable, as before).

The schema does not change. The downgrade leaves the payloads in format 2: the code of 0003 reads the same
keys in it, so nothing needs to be rewritten back (and nothing would be lost).
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0005_one_snapshot_format"
down_revision: str | None = "0004_action_outcomes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here rather than imported: this migration must do the same thing whatever the code becomes.
FORMAT = 2
SNAPSHOT_KEYS = ("format", "kind", "territory_id", "period_from", "period_to", "meeting_id", "held_on", "actions")
ACTION_KEYS = (
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
)


def _with_every_key(old: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    """`old` with the keys of format 2 first (null when missing), then any other key it had."""
    new = {key: old.get(key) for key in keys}
    new.update((key, value) for key, value in old.items() if key not in new)
    return new


def rewritten(payload: str, meeting_id: int | None) -> str | None:
    """The payload in format 2; None when it needs no rewriting (already format 2, or not an object)."""
    try:
        old = json.loads(payload)
    except (ValueError, TypeError):
        return None
    if not isinstance(old, dict) or old.get("format") == FORMAT:
        return None
    new = _with_every_key(old, SNAPSHOT_KEYS)
    new["format"] = FORMAT
    if new["kind"] is None:  # the first reports' snapshots had no kind; only a closing meeting sets meeting_id
        new["kind"] = "comite" if meeting_id is not None else "rapport"
    actions = old.get("actions")
    if isinstance(actions, list):
        new["actions"] = [
            _with_every_key(entry, ACTION_KEYS) if isinstance(entry, dict) else entry for entry in actions
        ]
    elif "actions" not in old:
        del new["actions"]  # nothing was recorded: not made up
    return json.dumps(new, ensure_ascii=False)


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, meeting_id, payload FROM snapshots ORDER BY id")).all()
    for snapshot_id, meeting_id, payload in rows:
        new = rewritten(payload, meeting_id)
        if new is not None:
            connection.execute(
                sa.text("UPDATE snapshots SET payload = :payload WHERE id = :id"), {"payload": new, "id": snapshot_id}
            )


def downgrade() -> None:
    pass  # format 2 keeps every key the code of 0003 reads: see the docstring
