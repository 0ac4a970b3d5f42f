"""Bad input everywhere: whatever value reaches a field, a service either writes it or refuses it with a
French message naming the field, and a refusal writes nothing.

Hypothesis drives `create` and `update` of every entity edited through field specs (every `EntityCrud` of
`Services`, found by itself) with arbitrary values per field: any unicode text (control characters, blank,
just over the limit, huge), numbers out of range, negative / huge / NaN money, wrong types, dates out of
order or implausible, unknown enumeration codes, None for required fields, references to nothing or to
another territory. Each call succeeds, or raises ValidationError (or ConflictError, for a uniqueness rule
only); nothing else escapes; after a refusal every table's row count is unchanged.

Values that once escaped are pinned by the tests at the end.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import CheckConstraint, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from ti_desktop.db import models
from ti_desktop.domain import entities
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from ti_desktop.domain.fields import FieldSpec
from ti_desktop.services.crud import EntityCrud
from ti_desktop.services.maintenance import OpenDatabase, open_services
from ti_desktop.services.registry import Services

from ..clock import fixed_clock
from ..sessions import sessions_of

SQLITE_INT = (-(2**70), 2**70)  # beyond SQLite's 64 bits too: refused with a French message
ENTITIES = sorted(
    name
    for name, value in Services(sessionmaker(), fixed_clock()).every_use_case().items()
    if isinstance(value, EntityCrud)
)
# Per entity and operation: 20 entities x 2 operations stay within a few seconds. A deeper hunt:
# TI_BAD_INPUT_EXAMPLES=500 pytest tests/services/test_bad_input.py
EXAMPLES = int(os.environ.get("TI_BAD_INPUT_EXAMPLES", "15"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Optional fields over NOT NULL columns (a default fills them on creation): emptying one in an update is
# refused with a French message (test_emptying_an_optional_field_with_a_default_is_handled).
EMPTY_UPDATE_ESCAPES = {
    (crud.model.__tablename__, name)
    for crud in Services(sessionmaker(), fixed_clock()).every_use_case().values()
    if isinstance(crud, EntityCrud)
    for name, spec in crud.specs.items()
    if not spec.required and not crud.model.__table__.c[name].nullable
}
# Every French label a ValidationError may name: those of the field specs (entity rules reuse them).
KNOWN_LABELS = {spec.label for entity in entities.ENTITIES for spec in entity.specs.values()}


# --- the world the calls happen in ---------------------------------------------------------------------------


@dataclass
class World:
    services: Services
    territory: int
    other_territory: int
    axis: int  # seeded INN
    other_axis: int  # an axis of the other territory
    ids: dict[str, list[int]] = field(default_factory=dict)  # table -> ids that exist
    serial: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def fresh_actor(self) -> int:
        return self.services.actors.create(name=f"Acteur {next(self.serial)}").id


def build_world(services: Services) -> World:
    s = services
    territory = s.territories.create(name="Vallée de l'Orne industrielle", region="Normandie").id
    other = s.territories.create(name="Bassin de Lacq").id
    inn = s.axes.by_code(territory, "INN").id
    other_axis = s.axes.create(territory_id=other, code="ATT", label="Attractivité", colour="#cf222e").id
    actor = s.actors.create(name="Claire Martin", kind="region").id
    objective = s.objectives.create(territory_id=territory, axis_id=inn, title="Innover ensemble").id
    parent = s.actions.create(territory_id=territory, axis_id=inn, title="Plateforme", status="en_cours", progress=10)
    sub = s.actions.create(
        territory_id=territory, axis_id=inn, title="Sous-action", parent_id=parent.id, status="a_venir", progress=0
    )
    far = s.actions.create(territory_id=other, axis_id=other_axis, title="Ailleurs", status="en_cours", progress=5)
    meeting = s.meetings.create(territory_id=territory, held_on=dt.date(2025, 3, 12))
    other_meeting = s.meetings.create(territory_id=other, held_on=dt.date(2025, 3, 13))
    indicator = s.indicators.create(territory_id=territory, name="Emplois industriels")
    challenge = s.challenges.create(territory_id=territory, axis_id=inn, title="Recruter")
    far_challenge = s.challenges.create(territory_id=other, axis_id=other_axis, title="Loger")
    second_actor = s.actors.create(name="Forges du Val", kind="entreprise").id
    return World(
        services,
        territory,
        other,
        inn,
        other_axis,
        ids={
            "territories": [territory, other],
            "axes": [inn, other_axis],
            "actors": [actor, second_actor],
            "objectives": [objective],
            "actions": [parent.id, sub.id, far.id],
            "meetings": [meeting.id, other_meeting.id],
            "indicators": [indicator.id],
            "challenges": [challenge.id, far_challenge.id],
        },
    )


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenDatabase]:
    """One database for the module: calls that succeed leave rows, which later calls live with."""
    handle = open_services(
        tmp_path_factory.mktemp("bad-input") / "plan.sqlite3", user="claire.martin", clock=fixed_clock()
    )
    yield handle
    handle.close()


@pytest.fixture(scope="module")
def world(opened: OpenDatabase) -> World:
    return build_world(opened.services)


def baseline(entity: str, world: World) -> dict[str, Any]:
    """A valid creation of `entity` (unique where a uniqueness rule applies)."""
    n = next(world.serial)
    t, inn = world.territory, world.axis
    action = world.ids["actions"][0]
    meeting = world.ids["meetings"][0]
    values: dict[str, dict[str, Any] | Callable[[], dict[str, Any]]] = {
        "territories": {"name": f"Territoire {n}"},
        "epcis": {"territory_id": t, "name": "Communauté de communes du Val"},
        "actors": {"name": "Préfecture", "kind": "etat"},
        "roles": lambda: {"territory_id": t, "actor_id": world.fresh_actor(), "role": "chef_de_projet"},
        "diagnostic": {"territory_id": t, "title": "Emploi"},
        "swot": {"territory_id": t, "category": "force", "text": "Savoir-faire"},
        "challenges": {"territory_id": t, "axis_id": inn, "title": "Recruter", "priority": "haute"},
        "companies": {"territory_id": t, "name": "Forges du Val"},
        "axes": {"territory_id": t, "code": f"X{n}", "label": "Attractivité", "colour": "#123456"},
        "objectives": {"territory_id": t, "axis_id": inn, "title": "Former"},
        "actions": {"territory_id": t, "axis_id": inn, "title": "Atelier", "status": "en_cours", "progress": 10},
        "partners": lambda: {"action_id": action, "actor_id": world.fresh_actor(), "role": "co-financeur"},
        "funding": {"action_id": action, "funder_name": "Région", "amount_requested": Decimal(1000)},
        "milestones": {"action_id": action, "title": "Étude livrée"},
        "indicators": {"territory_id": t, "name": "Surface de friches"},
        "indicator_values": {
            "indicator_id": world.ids["indicators"][0],
            "measured_on": dt.date(2000, 1, 1) + dt.timedelta(days=n),
            "value": 1.5,
        },
        "updates": {"action_id": action, "reported_on": dt.date(2025, 1, 1), "status": "en_cours", "progress": 20},
        "meetings": {"territory_id": t, "held_on": dt.date(2025, 6, 1)},
        "agenda": {"meeting_id": meeting, "title": "Point foncier"},
        "decisions": {"meeting_id": meeting, "text": "Lancer l'étude"},
        "custom_fields": {"territory_id": t, "name": f"Champ {n}", "kind": "liste", "choices": "Haute\nBasse"},
    }
    chosen = values[entity]
    return dict(chosen() if callable(chosen) else chosen)


def crud_of(world: World, entity: str) -> EntityCrud[Any, Any]:
    crud: EntityCrud[Any, Any] = getattr(world.services, entity)
    return crud


# --- arbitrary values ----------------------------------------------------------------------------------------

CONTROL = st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn"])
TEXT = st.one_of(
    st.text(max_size=40),  # any unicode scalar value (hypothesis leaves lone surrogates out)
    st.text(CONTROL, max_size=10),
    st.sampled_from(["", " ", "\t\n", "\x00", "\u202f", "é" * 3, "=SOMME(A1)", "<b>x</b>", "« »", "Robert'); DROP"]),
    st.integers(0, 3).map(lambda k: "x" * (100_000 + k)),  # huge, around long texts' limit
)
GARBAGE = st.one_of(
    st.none(),
    st.sampled_from(["", "   ", "abc", "12", "12,5", "1 250 000 €", "2025-13-01", "15/03/2025", "NaN", "vrai"]),
    st.booleans(),
    st.integers(*SQLITE_INT),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True).filter(lambda d: not d.is_snan()),
    st.dates(),
    st.datetimes(),
    st.just([1, 2]),
    st.just({"a": 1}),
    st.just(b"bytes"),
    st.just(object()),
)
NEAR = dt.date(2024, 1, 1), dt.date(2026, 12, 31)  # valid dates close together: often out of order in pairs


def integer_values(spec: FieldSpec) -> st.SearchStrategy[Any]:
    edges = [bound + delta for bound in (spec.minimum, spec.maximum) if bound is not None for delta in (-1, 0, 1)]
    return st.one_of(st.integers(-5, 150), st.integers(*SQLITE_INT), st.sampled_from(edges or [0]))


def reference_values(table: str, world: World) -> st.SearchStrategy[Any]:
    existing = world.ids.get(table) or [1]
    return st.one_of(st.sampled_from(existing), st.integers(-3, 10**6), st.integers(*SQLITE_INT))


def enum_values(enum: type[Enum]) -> st.SearchStrategy[Any]:
    members = list(enum)
    return st.one_of(
        st.sampled_from(members),
        st.sampled_from([member.value for member in members]),
        st.sampled_from([str(getattr(member, "label", member.value)) for member in members]),  # labels are not codes
        st.sampled_from(["inconnu", "EN_COURS", "en_retard", " en_cours ", ""]),
        st.text(max_size=12),
    )


def money_values() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.decimals(min_value=0, max_value=10**9, places=2),
        st.decimals(allow_nan=True, allow_infinity=True).filter(lambda d: not d.is_snan()),
        st.sampled_from([Decimal("-0.01"), Decimal("-0.004"), Decimal("1E+11"), Decimal("100000000000.01")]),
        st.sampled_from([Decimal("1e30"), Decimal("0.005"), Decimal("1.23456789"), Decimal("-0")]),
        st.integers(-(10**15), 10**15),
        st.floats(allow_nan=True),  # never money: floats are refused
    )


def valid_values(name: str, spec: FieldSpec, table: str, world: World) -> st.SearchStrategy[Any]:
    """Values the field accepts on their own (combined, they may still break a rule of the record)."""
    kind = spec.kind
    if kind == "text":
        return st.text(min_size=1, max_size=min(30, spec.max_length or 30)).filter(lambda value: bool(value.strip()))
    if kind == "int":
        return st.integers(spec.minimum if spec.minimum is not None else -1000, spec.maximum or 100_000)
    if kind == "ref":
        targets = [key.column.table.name for key in models.Base.metadata.tables[table].c[name].foreign_keys]
        return st.sampled_from(world.ids.get(targets[0]) or [1])
    if kind == "float":
        return st.floats(-1e12, 1e12)
    if kind == "money":
        return st.decimals(min_value=0, max_value=10**9, places=2)
    if kind == "date":
        return st.dates(*NEAR)
    if kind == "bool":
        return st.booleans()
    if kind == "enum":
        assert spec.enum is not None
        return st.sampled_from(list(spec.enum))
    raise AssertionError(f"unknown field kind {kind}: teach this test its values")


def odd_values(name: str, spec: FieldSpec, table: str, world: World) -> st.SearchStrategy[Any]:
    """Values of the field's kind, many of them out of its limits."""
    kind = spec.kind
    if kind == "text":
        return st.one_of(TEXT, st.integers(-1, 2).map(lambda k: "a" * ((spec.max_length or 10) + k)))
    if kind == "int":
        return integer_values(spec)
    if kind == "ref":
        targets = [key.column.table.name for key in models.Base.metadata.tables[table].c[name].foreign_keys]
        return reference_values(targets[0], world)
    if kind == "float":
        return st.one_of(
            st.floats(allow_nan=True, allow_infinity=True),
            st.integers(*SQLITE_INT),
            st.decimals(allow_nan=True, allow_infinity=True).filter(lambda d: not d.is_snan()),
        )
    if kind == "money":
        return money_values()
    if kind == "date":
        return st.one_of(st.dates(), st.datetimes(), st.sampled_from(["2025-03-12", "12/03"]))
    if kind == "bool":
        return st.sampled_from([0, 1, "oui", "non", None])
    if kind == "enum":
        assert spec.enum is not None
        return enum_values(spec.enum)
    raise AssertionError(f"unknown field kind {kind}: teach this test its values")


def value_strategy(name: str, spec: FieldSpec, table: str, world: World) -> st.SearchStrategy[Any]:
    valid = valid_values(name, spec, table, world)
    return st.one_of(valid, valid, odd_values(name, spec, table, world), GARBAGE)


def checked_groups(crud: EntityCrud[Any, Any]) -> list[list[str]]:
    """For each CHECK constraint of the table, the fields it reads: drawn together, their values meet the
    database's rules (dates in either order, status with progress…), where a validation gap would show."""
    table = models.Base.metadata.tables[crud.model.__tablename__]
    groups = []
    for constraint in table.constraints:
        if isinstance(constraint, CheckConstraint):
            words = set(re.findall(r"\w+", str(constraint.sqltext)))
            group = sorted(words & set(crud.specs))
            if group:
                groups.append(group)
    return sorted(groups)


def draw_values(data: st.DataObject, crud: EntityCrud[Any, Any], world: World, *, updating: bool) -> dict[str, Any]:
    """A few fields (or those of one CHECK constraint, or all of them), each with an arbitrary value."""
    table = crud.model.__tablename__
    names = sorted(crud.specs)
    choices: list[st.SearchStrategy[list[str]]] = [st.lists(st.sampled_from(names), max_size=3, unique=True)]
    groups = checked_groups(crud)
    if groups:
        choices.append(st.sampled_from(groups))
    choices.append(st.just(names))
    chosen = data.draw(st.one_of(*choices), label="fields")
    # "valid": each value acceptable alone (the record's rules and the database's CHECKs still apply);
    # "one bad": a single field gets an odd value or garbage; "chaos": anything anywhere.
    mode = data.draw(st.sampled_from(["valid", "one bad", "chaos"]), label="mode")
    bad = data.draw(st.sampled_from(chosen), label="bad field") if mode == "one bad" and chosen else None
    values = {}
    for name in chosen:
        spec = crud.specs[name]
        if mode == "chaos":
            strategy = value_strategy(name, spec, table, world)
        elif name == bad:
            strategy = st.one_of(odd_values(name, spec, table, world), GARBAGE)
        else:
            strategy = valid_values(name, spec, table, world)
        values[name] = data.draw(strategy, label=name)
    return values


# --- what each call must do ------------------------------------------------------------------------------------


def row_counts(services: Services) -> dict[str, int]:
    tables = sorted(models.Base.metadata.tables)
    select = ", ".join(f'(SELECT count(*) FROM "{name}")' for name in tables)
    with sessions_of(services)() as session:
        counts = session.execute(text(f"SELECT {select}")).one()
    return dict(zip(tables, counts, strict=True))


def attempt(world: World, crud: EntityCrud[Any, Any], call: Callable[[], Any], *, creates: bool) -> str:
    """Run one service call; check its outcome; return "ok", "refused" or "conflict"."""
    table = crud.model.__tablename__
    before = row_counts(world.services)
    try:
        record = call()
    except ValidationError as error:
        assert error.message.strip() and error.problem.strip(), "empty message"
        assert error.message.startswith(f"{error.label} : "), error.message
        assert error.label in KNOWN_LABELS, f"the message does not name a field by its label: {error.message}"
        assert row_counts(world.services) == before, f"a refused call wrote something: {error.message}"
        return "refused"
    except ConflictError as error:
        cause = error.__cause__
        assert isinstance(cause, IntegrityError) and "UNIQUE constraint failed" in str(cause.orig), (
            f"the database refused what validation let through (a validation gap): {error.message} / {cause}"
        )
        assert error.message.strip()
        assert row_counts(world.services) == before
        return "conflict"
    after = row_counts(world.services)
    assert after[table] == before[table] + (1 if creates else 0)
    assert crud.get(record.id) == record, "what the call returned is not what was stored"
    return "ok"


@pytest.mark.parametrize("entity", ENTITIES)
@SETTINGS
@given(data=st.data())
def test_create_with_arbitrary_values(world: World, entity: str, data: st.DataObject) -> None:
    crud = crud_of(world, entity)
    values = {**baseline(entity, world), **draw_values(data, crud, world, updating=False)}
    attempt(world, crud, lambda: crud.create(**values), creates=True)


@pytest.mark.parametrize("entity", ENTITIES)
@SETTINGS
@given(data=st.data())
def test_update_with_arbitrary_values(world: World, entity: str, data: st.DataObject) -> None:
    crud = crud_of(world, entity)
    record = crud.create(**baseline(entity, world))
    changes = draw_values(data, crud, world, updating=True)
    attempt(world, crud, lambda: crud.update(record.id, **changes), creates=False)


def test_every_entity_edited_through_field_specs_is_driven() -> None:
    """New entities are picked up from Services; each needs a valid baseline here."""
    assert len(ENTITIES) >= 20
    assert {"actions", "funding", "milestones", "indicators", "indicator_values", "actors", "meetings"} <= set(ENTITIES)
    assert {"decisions", "agenda", "territories"} <= set(ENTITIES)


@pytest.mark.parametrize("entity", ENTITIES)
def test_baseline_is_valid(world: World, entity: str) -> None:
    crud = crud_of(world, entity)
    values = baseline(entity, world)
    assert attempt(world, crud, lambda: crud.create(**values), creates=True) == "ok"


LINK_IDS = st.one_of(st.integers(-3, 50), st.integers(*SQLITE_INT), st.text(max_size=4), st.none())


@SETTINGS
@given(data=st.data())
def test_participants_with_arbitrary_ids(world: World, data: st.DataObject) -> None:
    meeting = data.draw(st.sampled_from(world.ids["meetings"]), label="meeting")
    chosen: set[Any] = data.draw(
        st.sets(st.one_of(st.sampled_from(world.ids["actors"]), LINK_IDS), max_size=4), label="ids"
    )
    before = row_counts(world.services)
    try:
        world.services.participants.set(meeting, chosen)
    except ValidationError as error:
        assert error.message.startswith(f"{error.label} : ") and error.label == "Participants"
        assert row_counts(world.services) == before
    else:
        assert {actor.id for actor in world.services.participants.of(meeting)} == chosen


@SETTINGS
@given(data=st.data())
def test_challenges_answered_with_arbitrary_ids(world: World, data: st.DataObject) -> None:
    action = data.draw(st.sampled_from(world.ids["actions"]), label="action")
    chosen: set[Any] = data.draw(
        st.sets(st.one_of(st.sampled_from(world.ids["challenges"]), LINK_IDS), max_size=4), label="ids"
    )
    before = row_counts(world.services)
    try:
        world.services.actions.set_challenges(action, chosen)
    except ValidationError as error:
        assert error.message.startswith(f"{error.label} : ") and error.label == "Enjeux"
        assert row_counts(world.services) == before
    else:
        assert world.services.actions.challenge_ids(action) == chosen


# --- the typical refusals, spelled out ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entity", "values", "field_name"),
    [
        ("actions", {"progress": 101}, "progress"),
        ("actions", {"progress": -1}, "progress"),
        ("actions", {"status": "realisee", "progress": 50}, "progress"),
        ("actions", {"planned_start": dt.date(2025, 6, 1), "planned_end": dt.date(2025, 5, 31)}, "planned_end"),
        ("actions", {"planned_budget": Decimal("-0.01")}, "planned_budget"),
        ("actions", {"planned_budget": Decimal("NaN")}, "planned_budget"),
        ("actions", {"planned_budget": 1250000.5}, "planned_budget"),
        ("actions", {"status": "en_retard"}, "status"),
        ("actions", {"title": None}, "title"),
        ("actions", {"title": " \t "}, "title"),
        ("actions", {"title": "x" * 301}, "title"),
        ("actions", {"axis_id": 10**6}, "axis_id"),
        ("funding", {"filed_on": dt.date(2025, 3, 1), "decided_on": dt.date(2025, 2, 28)}, "decided_on"),
        ("funding", {"amount_requested": Decimal("1e12")}, "amount_requested"),
        ("funding", {"status": "accorde"}, "amount_granted"),
        ("indicators", {"baseline_on": dt.date(2025, 1, 2), "target_on": dt.date(2025, 1, 1)}, "target_on"),
        ("indicator_values", {"value": math.inf}, "value"),
        ("meetings", {"held_on": dt.date(1899, 12, 31)}, "held_on"),
        ("meetings", {"kind": "copil"}, "kind"),
        ("epcis", {"population": -1}, "population"),
        ("decisions", {"state": "done"}, "state"),
        ("territories", {"name": ""}, "name"),
    ],
)
def test_typical_bad_values_are_refused_with_the_field_named(
    world: World, entity: str, values: dict[str, Any], field_name: str
) -> None:
    crud = crud_of(world, entity)
    before = row_counts(world.services)
    with pytest.raises(ValidationError) as caught:
        crud.create(**{**baseline(entity, world), **values})
    assert caught.value.field == field_name
    assert caught.value.message.startswith(f"{caught.value.label} : ")
    assert row_counts(world.services) == before


def test_an_action_cannot_become_its_own_parent(world: World) -> None:
    action = crud_of(world, "actions").create(**baseline("actions", world))
    with pytest.raises(ValidationError, match="Action parente"):
        world.services.actions.update(action.id, parent_id=action.id)


def test_a_reference_to_another_territory_is_refused(world: World) -> None:
    with pytest.raises(ValidationError, match="Axe"):
        world.services.actions.create(**{**baseline("actions", world), "axis_id": world.other_axis})
    with pytest.raises(ValidationError, match="Action"):
        world.services.decisions.create(**{**baseline("decisions", world), "action_id": world.ids["actions"][2]})


def test_a_realisee_progress_update_completes_its_action(world: World) -> None:
    """Status and progress carried from an update onto the action go through the action's own rules."""
    action = world.services.actions.create(**baseline("actions", world))
    world.services.updates.create(
        action_id=action.id, reported_on=dt.date(2025, 1, 1), status=ActionStatus.REALISEE, progress=100
    )
    assert world.services.actions.get(action.id).progress == 100


# --- known escapes (product bugs): pinned here, left out of the strategies above --------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda w: w.services.diagnostic.create(**baseline("diagnostic", w), position=2**63),
        lambda w: w.services.epcis.create(**{**baseline("epcis", w), "population": 2**63}),
        lambda w: w.services.actions.create(**baseline("actions", w), jobs_targeted=2**64),
        lambda w: w.services.diagnostic.create(**baseline("diagnostic", w), axis_id=2**63),
        lambda w: w.services.actions.set_challenges(w.ids["actions"][0], {2**64}),
        lambda w: w.services.participants.set(w.ids["meetings"][0], {2**64}),
    ],
    ids=["position", "population", "jobs", "reference", "challenges", "participants"],
)
def test_integer_beyond_sqlite_range_is_refused(world: World, call: Callable[[World], Any]) -> None:
    before = row_counts(world.services)
    with pytest.raises(ValidationError):
        call(world)
    assert row_counts(world.services) == before


@pytest.mark.parametrize("operation", ["get", "update", "delete"])
def test_record_number_beyond_sqlite_range_is_not_found(world: World, operation: str) -> None:
    crud = world.services.meetings
    calls: dict[str, Callable[[], Any]] = {
        "get": lambda: crud.get(2**64),
        "update": lambda: crud.update(2**64, place="Mairie"),
        "delete": lambda: crud.delete(2**64),
    }
    with pytest.raises(NotFoundError):
        calls[operation]()


@pytest.mark.parametrize(("table", "name"), sorted(EMPTY_UPDATE_ESCAPES))
def test_emptying_an_optional_field_with_a_default_is_handled(world: World, table: str, name: str) -> None:
    entity = next(e for e in ENTITIES if crud_of(world, e).model.__tablename__ == table)
    crud = crud_of(world, entity)
    record = crud.create(**baseline(entity, world))
    before = row_counts(world.services)
    try:
        updated = crud.update(record.id, **{name: None})
    except ValidationError as error:
        assert error.field == name
        assert row_counts(world.services) == before
    else:
        assert getattr(updated, name) is not None


@pytest.mark.parametrize("value", [10**400, Decimal("sNaN")], ids=["int-beyond-float", "signaling-nan"])
def test_number_that_is_no_float_is_refused(world: World, value: Any) -> None:
    with pytest.raises(ValidationError):
        world.services.indicators.create(**{**baseline("indicators", world), "baseline_value": value})


def test_text_with_a_lone_surrogate_is_refused(world: World) -> None:
    with pytest.raises(ValidationError):
        world.services.territories.create(name="Vallée \ud83c")


def test_database_file_is_intact_after_all_this(opened: OpenDatabase) -> None:
    with opened.database.sessions() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []
