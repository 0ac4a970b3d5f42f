"""A territory's custom fields: defined, renamed, re-kinded, deleted and put back; an action's values of them set,
cleared, checked for their kind in French (nothing written on a refusal), versioned with their action and shown
in its history under the field's own name."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ti_desktop.domain.custom_fields import parse_history_field
from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.domain.errors import ConcurrentEditError, ValidationError
from ti_desktop.services.registry import Services

from .conftest import World

K = CustomFieldKind


def test_a_field_is_defined_after_the_others_and_its_name_is_the_territorys_own(world: World) -> None:
    fields = world.services.custom_fields
    targets = fields.define(world.territory.id, "  Cibles  ", K.TEXT)
    calendar = fields.define(world.territory.id, "Calendrier", K.CHOICE, ["T1 2025", "T2 2025"])
    assert (targets.name, targets.position, calendar.position) == ("Cibles", 1, 2)
    assert calendar.choice_list == ("T1 2025", "T2 2025")
    with pytest.raises(ValidationError) as caught:
        fields.define(world.territory.id, "CIBLÉS", K.NUMBER)  # the same name, whatever its case and accents
    assert caught.value.message == "Nom du champ : le territoire a déjà le champ « Cibles »."
    assert [field.name for field in fields.for_territory(world.territory.id)] == ["Cibles", "Calendrier"]
    other = world.services.territories.create(name="Bassin de Lacq")
    assert fields.define(other.id, "Cibles", K.TEXT).territory_id == other.id  # another territory's own


def test_a_field_is_not_named_like_a_column_of_the_plan(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        world.services.custom_fields.define(world.territory.id, "statut", K.TEXT)
    assert caught.value.message.startswith("Nom du champ : « statut » est la colonne « Statut » du plan")
    assert world.services.custom_fields.for_territory(world.territory.id) == []


@pytest.mark.parametrize(
    ("kind", "choices", "message"),
    [
        (K.CHOICE, None, "Choix de la liste : une liste de choix en propose au moins un."),
        (K.CHOICE, ["Haute", "haute"], "Choix de la liste : « haute » figure deux fois (comme « Haute »)."),
        ("couleur", None, "Type du champ : « couleur » n'est pas une valeur permise"),
    ],
    ids=["list-without-choices", "choice-twice", "unknown-kind"],
)
def test_a_bad_definition_is_refused_in_french(world: World, kind: object, choices: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        world.services.custom_fields.define(world.territory.id, "Priorité régionale", kind, choices)  # type: ignore[arg-type]
    assert caught.value.message.startswith(message)
    assert world.services.custom_fields.for_territory(world.territory.id) == []


def test_values_of_every_kind_are_kept_exactly(world: World) -> None:
    fields, tid = world.services.custom_fields, world.territory.id
    action = world.action()
    made = {
        kind: fields.define(tid, f"Champ {kind.value}", kind, ["PME", "ETI"] if kind is K.CHOICE else None)
        for kind in K
    }
    given = {
        K.TEXT: "Entreprises de la vallée",
        K.NUMBER: Decimal("0.125"),
        K.AMOUNT: Decimal("1250000.50"),
        K.DATE: dt.date(2025, 3, 15),
        K.FLAG: False,
        K.CHOICE: "eti",  # spelt as the list spells it
    }
    fields.set_values(action.id, {made[kind].id: value for kind, value in given.items()})
    assert fields.values_of(action.id) == {
        made[K.TEXT].id: "Entreprises de la vallée",
        made[K.NUMBER].id: Decimal("0.125"),
        made[K.AMOUNT].id: Decimal("1250000.50"),
        made[K.DATE].id: dt.date(2025, 3, 15),
        made[K.FLAG].id: False,
        made[K.CHOICE].id: "ETI",
    }
    fields.set_values(action.id, {made[K.TEXT].id: None, made[K.DATE].id: ""})  # emptied
    assert set(fields.values_of(action.id)) == {made[k].id for k in (K.NUMBER, K.AMOUNT, K.FLAG, K.CHOICE)}


@pytest.mark.parametrize(
    ("kind", "value", "problem"),
    [
        (K.NUMBER, "douze", "« douze » n'est pas un nombre."),
        (K.AMOUNT, Decimal("-5"), "le montant ne peut pas être négatif."),
        (K.AMOUNT, 12.5, "un montant en euros (décimal exact) est attendu."),
        (K.DATE, "T2 2025", "« T2 2025 » n'est pas une date."),
        (K.DATE, dt.date(1789, 7, 14), "l'année 1789 n'est pas plausible."),
        (K.FLAG, "peut-être", "oui ou non est attendu."),
        (K.CHOICE, "Grand groupe", "« Grand groupe » n'est pas un des choix de la liste (PME, ETI)."),
        (K.TEXT, 12, "un texte est attendu."),
    ],
)
def test_a_value_that_does_not_fit_is_refused_naming_the_field_and_nothing_is_written(
    world: World, kind: CustomFieldKind, value: object, problem: str
) -> None:
    fields = world.services.custom_fields
    action = world.action()
    other = fields.define(world.territory.id, "Cibles", K.TEXT)
    field = fields.define(world.territory.id, "Mesure", kind, ["PME", "ETI"] if kind is K.CHOICE else None)
    with pytest.raises(ValidationError) as caught:
        fields.set_values(action.id, {other.id: "Collégiens", field.id: value})
    assert caught.value.message == f"Mesure : {problem}"
    assert fields.values_of(action.id) == {}
    assert world.services.actions.get(action.id).version == action.version
    assert world.services.history.for_action(action.id)[0].field is None  # only its creation


def test_a_field_of_another_territory_is_refused(world: World) -> None:
    action = world.action()
    other = world.services.territories.create(name="Bassin de Lacq")
    field = world.services.custom_fields.define(other.id, "Cibles", K.TEXT)
    with pytest.raises(ValidationError, match="Champ personnalisé : ce champ n'existe pas"):
        world.services.custom_fields.set_values(action.id, {field.id: "PME"})


def test_a_value_is_a_change_of_its_action_in_its_history(world: World) -> None:
    fields = world.services.custom_fields
    action = world.action()
    field = fields.define(world.territory.id, "Cibles", K.TEXT)
    after = fields.set_values(action.id, {field.id: "PME industrielles"}, expected_version=action.version)
    assert after.version == action.version + 1
    assert fields.set_values(action.id, {field.id: "PME industrielles"}).version == after.version  # unchanged
    change = world.services.history.for_action(action.id)[0]
    assert (change.entity, change.old_value, change.new_value) == ("action", None, "PME industrielles")
    assert parse_history_field(change.field or "") == (field.id, K.TEXT)
    assert fields.names(world.territory.id) == {field.id: "Cibles"}


def test_a_value_saved_over_someone_elses_change_is_refused(world: World, someone_else: Services) -> None:
    fields = world.services.custom_fields
    action = world.action()
    field = fields.define(world.territory.id, "Cibles", K.TEXT)
    someone_else.custom_fields.set_values(action.id, {field.id: "Lycées professionnels"})
    with pytest.raises(ConcurrentEditError) as caught:
        fields.set_values(action.id, {field.id: "PME"}, expected_version=action.version)
    assert "bruno.hertz a modifié l'action" in caught.value.message
    assert "Cibles : — → Lycées professionnels" in caught.value.message
    assert fields.values_of(action.id) == {field.id: "Lycées professionnels"}


def test_deleting_a_field_takes_its_values_and_putting_it_back_returns_them(world: World) -> None:
    fields = world.services.custom_fields
    first, second = world.action("Plateforme"), world.action("Atelier")
    field = fields.define(world.territory.id, "Budget régional", K.AMOUNT)
    fields.set_values(first.id, {field.id: Decimal("15000")})
    fields.set_values(second.id, {field.id: Decimal("2500.5")})
    assert fields.value_count(field.id) == 2
    version = world.services.actions.get(first.id).version
    removed = fields.remove(field.id, expected_version=field.version)
    assert fields.for_territory(world.territory.id) == []
    assert fields.values_of(first.id) == {}
    assert world.services.actions.get(first.id).version == version + 1  # the action changed
    latest = world.services.history.for_action(first.id)[0]
    assert (latest.old_value, latest.new_value) == ("1500000", None)  # in cents, as stored
    assert fields.names(world.territory.id) == {field.id: "Budget régional"}  # the history still names it
    fields.put_back(removed)
    assert fields.values_of(second.id) == {field.id: Decimal("2500.50")}
    assert fields.get(field.id) == field


def test_a_new_kind_converts_the_values_or_is_refused_naming_one(world: World) -> None:
    fields = world.services.custom_fields
    first, second = world.action("Plateforme", code="INN-01"), world.action("Atelier", code="INN-02")
    field = fields.define(world.territory.id, "Date du comité", K.TEXT)
    fields.set_values(first.id, {field.id: "15/03/2025"})
    fields.set_values(second.id, {field.id: "T2 2025"})
    with pytest.raises(ValidationError) as caught:
        fields.update(field.id, kind=K.DATE)
    assert caught.value.message == (
        "Type du champ : « T2 2025 » (action INN-02) ne se lit pas comme « Date » : corrigez ces valeurs d'abord."
    )
    assert fields.get(field.id).kind is K.TEXT
    fields.set_values(second.id, {field.id: "30/06/2025"})
    fields.update(field.id, kind=K.DATE)
    assert fields.values_of(first.id) == {field.id: dt.date(2025, 3, 15)}


def test_a_choice_in_use_stays_in_the_list(world: World) -> None:
    fields = world.services.custom_fields
    action = world.action(code="INN-01")
    field = fields.define(world.territory.id, "Taille", K.CHOICE, ["PME", "ETI"])
    fields.set_values(action.id, {field.id: "ETI"})
    with pytest.raises(ValidationError, match=r"Choix de la liste : « ETI » \(action INN-01\) n'est plus un des"):
        fields.update(field.id, choices=["PME", "Grand groupe"])
    fields.update(field.id, choices=["pme", "eti", "Grand groupe"])  # respelt: the values follow
    assert fields.values_of(action.id) == {field.id: "eti"}


def test_deleting_an_action_takes_its_values_and_undo_returns_them(world: World) -> None:
    fields = world.services.custom_fields
    action = world.action()
    field = fields.define(world.territory.id, "Cibles", K.TEXT)
    fields.set_values(action.id, {field.id: "PME"})
    removed = world.services.actions.remove(action.id)
    assert fields.value_count(field.id) == 0
    world.services.actions.put_back(removed)
    assert fields.values_of(action.id) == {field.id: "PME"}
    copy = world.services.actions.duplicate(action.id)
    assert fields.values_of(copy.id) == {field.id: "PME"}
