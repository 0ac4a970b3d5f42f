"""Every change to an action and its children is in the history, with who, when, old and new values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from ti_desktop.domain.enums import ActionStatus, FundingStatus
from ti_desktop.domain.errors import ValidationError
from ti_desktop.services.maintenance import open_services

from ..clock import fixed_clock
from .conftest import World


def test_action_edits_are_logged_with_the_os_user(world: World) -> None:
    action = world.action(code="INN-01")
    world.services.actions.update(action.id, status=ActionStatus.BLOQUEE, progress=30)
    history = world.services.history.for_action(action.id)
    changes = {(entry.field, entry.old_value, entry.new_value) for entry in history}
    assert ("status", "en_cours", "bloquee") in changes
    assert ("progress", "20", "30") in changes
    assert (None, None, "INN-01") in changes  # creation
    assert {entry.user for entry in history} == {"claire.martin"}
    assert all(entry.changed_at.tzinfo is not None for entry in history)


def test_children_changes_are_logged_on_their_action(world: World) -> None:
    action = world.action()
    line = world.services.funding.create(
        action_id=action.id,
        funder_name="Région Normandie",
        programme="Impulsion Industrie",
        amount_requested=Decimal("100000"),
        status=FundingStatus.DEPOSE,
        filed_on=dt.date(2025, 3, 1),
    )
    world.services.funding.update(line.id, status=FundingStatus.ACCORDE, amount_granted=Decimal("80000"))
    milestone = world.services.milestones.create(
        action_id=action.id, title="Dépôt du permis", due_on=dt.date(2026, 1, 1)
    )
    world.services.milestones.delete(milestone.id)
    entries = world.services.history.for_action(action.id)
    entities = {(entry.entity, entry.field) for entry in entries}
    assert ("funding_line", "amount_granted") in entities
    assert ("funding_line", "status") in entities
    deleted = [e for e in entries if e.entity == "milestone" and e.old_value == "Dépôt du permis"]
    assert deleted and deleted[0].new_value is None
    assert all(entry.territory_id == world.territory.id for entry in entries)
    granted = next(e for e in entries if e.field == "amount_granted")
    assert (granted.old_value, granted.new_value) == (None, "80000.00")


def test_a_refused_edit_logs_nothing(world: World) -> None:
    action = world.action()
    before = world.services.history.for_action(action.id)
    with pytest.raises(ValidationError):
        world.services.actions.update(action.id, progress=-5)
    assert world.services.history.for_action(action.id) == before


def test_recent_changes_of_a_territory_newest_first(world: World) -> None:
    first = world.action(code="A-1")
    world.services.actions.update(first.id, title="Renommée")
    recent = world.services.history.recent(world.territory.id, limit=1)
    assert recent[0].field == "title" and recent[0].new_value == "Renommée"


def test_deleting_an_action_logs_its_sub_actions_and_children(world: World) -> None:
    parent = world.action(code="FON-01")
    child = world.action(code="FON-01.1", parent_id=parent.id)
    world.services.milestones.create(action_id=child.id, title="Acquisition", due_on=dt.date(2026, 3, 1))
    world.services.actions.delete(parent.id)
    deleted = {
        (entry.entity, entry.old_value)
        for entry in world.services.history.recent(world.territory.id)
        if entry.new_value is None and entry.field is None
    }
    assert {("action", "FON-01"), ("action", "FON-01.1"), ("milestone", "Acquisition")} <= deleted
    assert world.services.actions.for_territory(world.territory.id) == []


def test_a_base_file_signs_the_history_with_the_name_given_since(tmp_path: Path) -> None:
    """The window's user changed their name (Édition › Votre nom…): the next changes carry it."""
    opened = open_services(tmp_path / "plan.sqlite3", user="Claire Martin", clock=fixed_clock())
    try:
        services = opened.services
        territory = services.territories.create(name="Vallée de la Bresle")
        opened.sign_as("Claire Martin-Weber")
        services.territories.update(territory.id, region="Normandie")
        users = {(entry.field, entry.user) for entry in services.history.recent(territory.id)}
        assert users >= {(None, "Claire Martin"), ("region", "Claire Martin-Weber")}
    finally:
        opened.close()
