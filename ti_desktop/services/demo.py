"""The demo territory: a realistic, fictional Territoire d'industrie, identical at every run.

Its content lives in `resources/demo/territoire-demo.json`; it is written in one transaction through
the same validated services as the user's own edits, so the demo can never hold what the app refuses.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain import entities
from ti_desktop.domain.errors import ConflictError
from ti_desktop.domain.money import parse_euros
from ti_desktop.domain.records import TerritoryRecord
from ti_desktop.paths import resource_path
from ti_desktop.services.crud import to_record
from ti_desktop.services.transactions import transaction

if TYPE_CHECKING:  # the registry builds a DemoService: a runtime import would be circular
    from ti_desktop.services.registry import Services

DEMO_FILE = ("demo", "territoire-demo.json")
# The demo file writes amounts and dates as JSON strings; which keys hold them follows the declarations.
MONEY_KEYS = {name for entity in entities.ENTITIES for name, spec in entity.fields.items() if spec.kind == "money"}
# The action's own values (its references are resolved by the writer).
ACTION_FIELDS = tuple(name for name, spec in entities.ACTION.fields.items() if spec.kind != "ref")
FUNDING_FIELDS = ("funder_name", "programme", "amount_requested", "amount_granted", "status", "filed_on", "decided_on")
INDICATOR_FIELDS = (
    "name",
    "unit",
    "source",
    "baseline_value",
    "baseline_on",
    "target_value",
    "target_on",
    "direction",
)
DATE_KEYS = {name for entity in entities.ENTITIES for name, spec in entity.fields.items() if spec.kind == "date"} | {
    "date"
}


def load_demo_data(path: Path | None = None) -> dict[str, Any]:
    source = path or resource_path(*DEMO_FILE)
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return data


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


class _DemoWriter:
    """Writes one section of the demo file after another in a single session, keeping the ids it made."""

    def __init__(self, services: Services, session: Session, territory_id: int) -> None:
        self.services = services
        self.session = session
        self.territory_id = territory_id
        self.axes = {axis.code: axis.id for axis in services.axes.available_to_in(session, territory_id)}
        self.actors: dict[str, int] = {}
        self.challenges: dict[str, int] = {}
        self.objectives: dict[str, int] = {}
        self.actions: dict[str, int] = {}

    def axis_id(self, code: str | None) -> int | None:
        return None if code is None else self.axes[code]

    def actor_id(self, key: str | None) -> int | None:
        return None if key is None else self.actors[key]

    def action_id(self, code: str | None) -> int | None:
        return None if code is None else self.actions[code]

    def directory(self, data: dict[str, Any]) -> None:
        services, session, tid = self.services, self.session, self.territory_id
        for epci in data["epcis"]:
            services.epcis.create_in(session, territory_id=tid, **epci)
        for actor in data["actors"]:
            values = {key: value for key, value in actor.items() if key != "key"}
            self.actors[actor["key"]] = services.actors.create_in(session, **values).id
        for role in data["roles"]:
            services.roles.create_in(session, territory_id=tid, actor_id=self.actors[role["actor"]], role=role["role"])

    def diagnostic(self, data: dict[str, Any]) -> None:
        services, session, tid = self.services, self.session, self.territory_id
        for position, section in enumerate(data["diagnostic_sections"]):
            services.diagnostic.create_in(
                session,
                territory_id=tid,
                axis_id=self.axis_id(section["axis"]),
                position=position,
                **_pick(section, "title", "text", "sources"),
            )
        for position, item in enumerate(data["swot"]):
            services.swot.create_in(
                session,
                territory_id=tid,
                axis_id=self.axis_id(item.get("axis")),
                position=position,
                **_pick(item, "category", "text"),
            )
        for company in data["key_companies"]:
            services.companies.create_in(session, territory_id=tid, **company)
        for challenge in data["challenges"]:
            created = services.challenges.create_in(
                session,
                territory_id=tid,
                axis_id=self.axis_id(challenge["axis"]),
                **_pick(challenge, "title", "description", "priority"),
            )
            self.challenges[challenge["key"]] = created.id
        for objective in data["objectives"]:
            created_objective = services.objectives.create_in(
                session,
                territory_id=tid,
                axis_id=self.axis_id(objective["axis"]),
                **_pick(objective, "code", "title"),
            )
            self.objectives[objective["key"]] = created_objective.id

    def plan(self, data: dict[str, Any]) -> None:
        for action in data["actions"]:
            self._action(action)

    def _action(self, action: dict[str, Any]) -> None:
        services, session = self.services, self.session
        created = services.actions.create_in(
            session,
            territory_id=self.territory_id,
            axis_id=self.axis_id(action["axis"]),
            objective_id=self.objectives[action["objective"]] if action.get("objective") else None,
            parent_id=self.action_id(action.get("parent")),
            lead_actor_id=self.actor_id(action.get("lead")),
            pilot_actor_id=self.actor_id(action.get("pilot")),
            elected_referent_id=self.actor_id(action.get("elected_referent")),
            **_pick(_typed(action), *ACTION_FIELDS),
        )
        action_id = self.actions[action["code"]] = created.id
        for partner in action.get("partners", []):
            services.partners.create_in(
                session, action_id=action_id, actor_id=self.actors[partner["actor"]], role=partner.get("role")
            )
        answered = {self.challenges[key] for key in action.get("challenges", [])}
        services.actions.set_challenges_in(session, action_id, answered)
        for line in action.get("funding", []):
            services.funding.create_in(
                session,
                action_id=action_id,
                funder_actor_id=self.actor_id(line.get("funder")),
                **_pick(_typed(line), *FUNDING_FIELDS),
            )
        for position, milestone in enumerate(action.get("milestones", [])):
            services.milestones.create_in(
                session,
                action_id=action_id,
                position=position,
                **_pick(_typed(milestone), "title", "due_on", "done_on"),
            )
        # Oldest first, so that each update in turn sets the action's status and progress.
        for update in sorted(action.get("updates", []), key=lambda u: u["date"]):
            services.updates.create_in(
                session,
                action_id=action_id,
                reported_on=dt.date.fromisoformat(update["date"]),
                **_pick(update, "author", "status", "progress", "done", "difficulties", "next_steps", "alert"),
            )
        # The fiche's own status and progress are authoritative over its updates.
        services.actions.update_in(session, action_id, status=action["status"], progress=action["progress"])

    def indicators(self, data: dict[str, Any]) -> None:
        services, session = self.services, self.session
        for indicator in data["indicators"]:
            created = services.indicators.create_in(
                session,
                territory_id=self.territory_id,
                axis_id=self.axis_id(indicator.get("axis")),
                action_id=self.action_id(indicator.get("action")),
                **_pick(_typed(indicator), *INDICATOR_FIELDS),
            )
            for value in indicator["values"]:
                services.indicator_values.create_in(
                    session,
                    indicator_id=created.id,
                    measured_on=dt.date.fromisoformat(value["date"]),
                    value=value["value"],
                    comment=value.get("comment"),
                )

    def meetings(self, data: dict[str, Any]) -> None:
        services, session = self.services, self.session
        for meeting in data["meetings"]:
            created = services.meetings.create_in(
                session,
                territory_id=self.territory_id,
                kind=meeting["kind"],
                held_on=dt.date.fromisoformat(meeting["date"]),
                place=meeting.get("place"),
                notes=meeting.get("notes"),
                minutes_state=meeting.get("minutes_state", "brouillon"),
            )
            participants = {self.actors[key] for key in meeting.get("participants", [])}
            services.participants.set_in(session, created.id, participants)
            for position, item in enumerate(meeting.get("agenda", [])):
                services.agenda.create_in(
                    session,
                    meeting_id=created.id,
                    action_id=self.action_id(item.get("action")),
                    title=item["title"],
                    position=position,
                )
            for decision in meeting.get("decisions", []):
                services.decisions.create_in(
                    session,
                    meeting_id=created.id,
                    action_id=self.action_id(decision.get("action")),
                    text=decision["text"],
                    owner_actor_id=self.actor_id(decision.get("owner")),
                    due_on=dt.date.fromisoformat(decision["due_on"]) if decision.get("due_on") else None,
                    state=decision.get("state", "a_faire"),
                )


class DemoService:
    """Writes the demo territory in one transaction, through the registry's own services."""

    def __init__(self, sessions: sessionmaker[Session], services: Services) -> None:
        self._sessions = sessions
        self._services = services

    def create(self, data: dict[str, Any] | None = None) -> TerritoryRecord:
        """Write the demo territory (all or nothing) and return it."""
        return _write_demo(self._sessions, self._services, data or load_demo_data())


def create_demo_territory(services: Services, data: dict[str, Any] | None = None) -> TerritoryRecord:
    """Write the demo territory (all or nothing) into the base of `services` and return it."""
    return services.demo.create(data)


def _write_demo(sessions: sessionmaker[Session], services: Services, data: dict[str, Any]) -> TerritoryRecord:
    name = data["territory"]["name"]
    with transaction(sessions) as session:
        existing = session.scalars(select(models.Territory).where(models.Territory.name == name)).first()
        if existing is not None:
            raise ConflictError(
                f"Le territoire de démonstration « {name} » existe déjà dans cette base (n° {existing.id})."
            )
        territory = services.territories.create_in(session, **_typed(data["territory"]))
        writer = _DemoWriter(services, session, territory.id)
        writer.directory(data)
        writer.diagnostic(data)
        writer.plan(data)
        writer.indicators(data)
        writer.meetings(data)
        return to_record(territory, TerritoryRecord)
