"""The demo territory: a realistic, fictional Territoire d'industrie, identical at every run.

Its content lives in `resources/demo/territoire-demo.json`; it is written in one transaction through
the same validated services as the user's own edits, so the demo can never hold what the app refuses.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ti_desktop.db import models
from ti_desktop.domain.errors import ConflictError
from ti_desktop.domain.money import parse_euros
from ti_desktop.domain.records import TerritoryRecord
from ti_desktop.paths import resource_path
from ti_desktop.services.crud import to_record
from ti_desktop.services.registry import Services
from ti_desktop.services.transactions import transaction

DEMO_FILE = ("demo", "territoire-demo.json")
MONEY_KEYS = {"planned_budget", "spent_to_date", "induced_investment", "amount_requested", "amount_granted"}
DATE_KEYS = {
    "labelled_on",
    "planned_start",
    "planned_end",
    "actual_end",
    "filed_on",
    "decided_on",
    "due_on",
    "done_on",
    "baseline_on",
    "target_on",
    "date",
}


def load_demo_data(path: Path | None = None) -> dict[str, Any]:
    source = path or resource_path(*DEMO_FILE)
    return json.loads(source.read_text(encoding="utf-8"))


def _typed(values: dict[str, Any]) -> dict[str, Any]:
    """JSON strings to Decimal euros and dates."""
    out = dict(values)
    for key, value in values.items():
        if value is None:
            continue
        if key in MONEY_KEYS:
            out[key] = parse_euros(str(value))
        elif key in DATE_KEYS:
            out[key] = dt.date.fromisoformat(value)
    return out


def _pick(values: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: values[key] for key in keys if key in values}


def create_demo_territory(services: Services, data: dict[str, Any] | None = None) -> TerritoryRecord:
    """Write the demo territory (all or nothing) and return it."""
    data = data or load_demo_data()
    with transaction(services.sessions) as session:
        name = data["territory"]["name"]
        existing = session.scalars(select(models.Territory).where(models.Territory.name == name)).first()
        if existing is not None:
            raise ConflictError(
                f"Le territoire de démonstration « {name} » existe déjà dans cette base (n° {existing.id})."
            )
        territory = services.territories.create_in(session, **_typed(data["territory"]))
        tid = territory.id
        axes = {axis.code: axis.id for axis in services.axes.available_to_in(session, tid)}

        def axis_id(code: str | None) -> int | None:
            return None if code is None else axes[code]

        for epci in data["epcis"]:
            services.epcis.create_in(session, territory_id=tid, **epci)
        actors: dict[str, int] = {}
        for actor in data["actors"]:
            values = {key: value for key, value in actor.items() if key != "key"}
            actors[actor["key"]] = services.actors.create_in(session, **values).id

        def actor_id(key: str | None) -> int | None:
            return None if key is None else actors[key]

        for role in data["roles"]:
            services.roles.create_in(session, territory_id=tid, actor_id=actors[role["actor"]], role=role["role"])
        for position, section in enumerate(data["diagnostic_sections"]):
            services.diagnostic.create_in(
                session,
                territory_id=tid,
                axis_id=axis_id(section["axis"]),
                title=section["title"],
                text=section["text"],
                sources=section.get("sources"),
                position=position,
            )
        for position, item in enumerate(data["swot"]):
            services.swot.create_in(
                session,
                territory_id=tid,
                category=item["category"],
                axis_id=axis_id(item.get("axis")),
                text=item["text"],
                position=position,
            )
        for company in data["key_companies"]:
            services.companies.create_in(session, territory_id=tid, **company)
        challenges: dict[str, int] = {}
        for challenge in data["challenges"]:
            values = _pick(challenge, "title", "description", "priority")
            row = services.challenges.create_in(session, territory_id=tid, axis_id=axis_id(challenge["axis"]), **values)
            challenges[challenge["key"]] = row.id
        objectives: dict[str, int] = {}
        for objective in data["objectives"]:
            row = services.objectives.create_in(
                session,
                territory_id=tid,
                axis_id=axis_id(objective["axis"]),
                code=objective.get("code"),
                title=objective["title"],
            )
            objectives[objective["key"]] = row.id
        actions: dict[str, int] = {}
        for action in data["actions"]:
            typed = _typed(action)
            values = _pick(
                typed,
                "code",
                "title",
                "description",
                "expected_results",
                "status",
                "priority",
                "to_discuss",
                "confidential",
                "planned_start",
                "planned_end",
                "actual_end",
                "progress",
                "planned_budget",
                "spent_to_date",
                "budget_nature",
                "jobs_targeted",
                "induced_investment",
            )
            row = services.actions.create_in(
                session,
                territory_id=tid,
                axis_id=axis_id(action["axis"]),
                objective_id=objectives[action["objective"]] if action.get("objective") else None,
                parent_id=actions[action["parent"]] if action.get("parent") else None,
                lead_actor_id=actor_id(action.get("lead")),
                pilot_actor_id=actor_id(action.get("pilot")),
                elected_referent_id=actor_id(action.get("elected_referent")),
                **values,
            )
            actions[action["code"]] = row.id
            for partner in action.get("partners", []):
                services.partners.create_in(
                    session, action_id=row.id, actor_id=actors[partner["actor"]], role=partner.get("role")
                )
            services.actions.set_challenges_in(
                session, row.id, {challenges[key] for key in action.get("challenges", [])}
            )
            for line in action.get("funding", []):
                typed_line = _typed(line)
                services.funding.create_in(
                    session,
                    action_id=row.id,
                    funder_actor_id=actor_id(line.get("funder")),
                    **_pick(
                        typed_line,
                        "funder_name",
                        "programme",
                        "amount_requested",
                        "amount_granted",
                        "status",
                        "filed_on",
                        "decided_on",
                    ),
                )
            for position, milestone in enumerate(action.get("milestones", [])):
                services.milestones.create_in(
                    session,
                    action_id=row.id,
                    position=position,
                    **_pick(_typed(milestone), "title", "due_on", "done_on"),
                )
            # Oldest first, so the newest update is the one that sets the action's status.
            for update in sorted(action.get("updates", []), key=lambda u: u["date"]):
                services.updates.create_in(
                    session,
                    action_id=row.id,
                    reported_on=dt.date.fromisoformat(update["date"]),
                    **_pick(update, "author", "status", "progress", "done", "difficulties", "next_steps", "alert"),
                )
            # The fiche's own status and progress are authoritative over its updates.
            services.actions.update_in(session, row.id, status=action["status"], progress=action["progress"])
        for indicator in data["indicators"]:
            typed = _typed(indicator)
            row = services.indicators.create_in(
                session,
                territory_id=tid,
                axis_id=axis_id(indicator.get("axis")),
                action_id=actions[indicator["action"]] if indicator.get("action") else None,
                **_pick(
                    typed,
                    "name",
                    "unit",
                    "source",
                    "baseline_value",
                    "baseline_on",
                    "target_value",
                    "target_on",
                    "direction",
                ),
            )
            for value in indicator["values"]:
                services.indicator_values.create_in(
                    session,
                    indicator_id=row.id,
                    measured_on=dt.date.fromisoformat(value["date"]),
                    value=value["value"],
                    comment=value.get("comment"),
                )
        for meeting in data["meetings"]:
            row = services.meetings.create_in(
                session,
                territory_id=tid,
                kind=meeting["kind"],
                held_on=dt.date.fromisoformat(meeting["date"]),
                place=meeting.get("place"),
                notes=meeting.get("notes"),
                minutes_state=meeting.get("minutes_state", "brouillon"),
            )
            services.participants.set_in(session, row.id, {actors[key] for key in meeting.get("participants", [])})
            for position, item in enumerate(meeting.get("agenda", [])):
                services.agenda.create_in(
                    session,
                    meeting_id=row.id,
                    action_id=actions[item["action"]] if item.get("action") else None,
                    title=item["title"],
                    position=position,
                )
            for decision in meeting.get("decisions", []):
                services.decisions.create_in(
                    session,
                    meeting_id=row.id,
                    action_id=actions[decision["action"]] if decision.get("action") else None,
                    text=decision["text"],
                    owner_actor_id=actor_id(decision.get("owner")),
                    due_on=dt.date.fromisoformat(decision["due_on"]) if decision.get("due_on") else None,
                    state=decision.get("state", "a_faire"),
                )
        return to_record(territory, TerritoryRecord)
