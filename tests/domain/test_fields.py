"""clean_values: every create and update is checked here, with a French message naming the field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ti_desktop.domain import entities, fields
from ti_desktop.domain.entities import ACTION as ACTION_ENTITY
from ti_desktop.domain.entities import FUNDING_LINE as FUNDING_ENTITY
from ti_desktop.domain.enums import ActionStatus, FundingStatus
from ti_desktop.domain.errors import ValidationError
from ti_desktop.domain.fields import clean_values

ACTION = ACTION_ENTITY.fields
FUNDING_LINE = FUNDING_ENTITY.fields


def refused(specs, **values) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        clean_values(specs, values)
    return caught.value


# --- text -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("title", [None, "", "   \t "])
def test_required_text_missing_or_blank_is_refused_naming_its_label(title):
    error = refused(ACTION, title=title)
    assert error.field == "title"
    assert error.message == "Titre de l'action : ce champ est obligatoire."


def test_text_is_trimmed():
    assert clean_values(ACTION, {"title": "  Réhabiliter la friche Arcelor  "}) == {
        "title": "Réhabiliter la friche Arcelor"
    }


def test_optional_blank_text_becomes_none():
    assert clean_values(ACTION, {"code": "   "}) == {"code": None}


def test_text_longer_than_allowed_is_refused_with_both_lengths():
    error = refused(ACTION, code="X" * 21)
    assert error.field == "code"
    assert error.message == "Code : 21 caractères, au plus 20 sont permis."


def test_text_at_maximum_length_is_accepted_after_trimming():
    assert clean_values(ACTION, {"code": " " + "X" * 20 + " "}) == {"code": "X" * 20}


def test_non_text_value_for_a_text_field_is_refused():
    assert refused(ACTION, title=12).message == "Titre de l'action : un texte est attendu."


# --- integers -------------------------------------------------------------------------------------------


def test_integer_is_accepted():
    assert clean_values(ACTION, {"jobs_targeted": 40, "progress": 100}) == {"jobs_targeted": 40, "progress": 100}


@pytest.mark.parametrize("raw", ["12", True, 3.0])
def test_integer_given_as_text_bool_or_float_is_refused(raw):
    error = refused(ACTION, jobs_targeted=raw)
    assert error.field == "jobs_targeted"
    assert error.message.startswith("Emplois visés : ")
    assert "n'est pas un nombre entier" in error.message


def test_negative_integer_is_refused_when_minimum_is_zero():
    assert refused(ACTION, jobs_targeted=-1).message == "Emplois visés : -1 est inférieur au minimum (0)."


def test_progress_above_100_is_refused():
    assert refused(ACTION, progress=101).message == "Avancement : 101 dépasse le maximum (100)."


def test_progress_is_required():
    assert refused(ACTION, progress=None).message == "Avancement : ce champ est obligatoire."


def test_reference_must_be_a_positive_id():
    assert refused(ACTION, axis_id=0).message == "Axe : 0 est inférieur au minimum (1)."


# --- money ----------------------------------------------------------------------------------------------


def test_money_refuses_float():
    error = refused(ACTION, planned_budget=1250.5)
    assert error.field == "planned_budget"
    assert error.message == "Budget prévisionnel : un montant en euros (décimal exact) est attendu."


@pytest.mark.parametrize("raw", ["1250", True])
def test_money_refuses_text_and_bool(raw):
    assert refused(ACTION, planned_budget=raw).field == "planned_budget"


def test_money_refuses_negative_amounts():
    error = refused(FUNDING_LINE, amount_requested=Decimal("-0.01"))
    assert error.message == "Montant demandé : le montant ne peut pas être négatif."


def test_money_accepts_decimal_and_int_as_cents():
    cleaned = clean_values(ACTION, {"planned_budget": Decimal("1250000.5"), "spent_to_date": 300})
    assert cleaned == {"planned_budget": Decimal("1250000.50"), "spent_to_date": Decimal("300.00")}
    assert str(cleaned["planned_budget"]) == "1250000.50"
    assert str(cleaned["spent_to_date"]) == "300.00"


def test_money_is_quantized_to_cents():
    assert clean_values(ACTION, {"planned_budget": Decimal("10.126")}) == {"planned_budget": Decimal("10.13")}


def test_money_rounds_half_cents_up_like_parse_euros():
    assert clean_values(ACTION, {"planned_budget": Decimal("10.125")}) == {"planned_budget": Decimal("10.13")}


def test_money_up_to_100_billion_is_accepted_and_above_is_refused():
    assert clean_values(ACTION, {"planned_budget": 100_000_000_000}) == {"planned_budget": Decimal("100000000000.00")}
    error = refused(ACTION, planned_budget=Decimal("100000000000.01"))
    assert error.message == "Budget prévisionnel : le montant dépasse 100 milliards d'euros."


@pytest.mark.parametrize("raw", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_money_refuses_non_finite_decimals(raw):
    assert refused(ACTION, planned_budget=raw).message == "Budget prévisionnel : montant illisible."


def test_required_money_missing_is_refused():
    assert refused(FUNDING_LINE, amount_requested=None).message == "Montant demandé : ce champ est obligatoire."


# --- dates ----------------------------------------------------------------------------------------------


def test_date_is_accepted():
    assert clean_values(ACTION, {"planned_end": dt.date(2027, 12, 31)}) == {"planned_end": dt.date(2027, 12, 31)}


def test_datetime_is_not_a_date():
    error = refused(ACTION, planned_end=dt.datetime(2025, 3, 15, 10, 30))
    assert error.field == "planned_end"
    assert error.message.startswith("Fin prévue : ")
    assert "n'est pas une date" in error.message


@pytest.mark.parametrize("raw", ["2025-03-15", "15/03/2025", 20250315])
def test_date_given_as_text_or_number_is_refused(raw):
    error = refused(ACTION, planned_end=raw)
    assert error.message == f"Fin prévue : « {raw} » n'est pas une date."


@pytest.mark.parametrize("year", [1899, 2201])
def test_implausible_year_is_refused(year):
    error = refused(FUNDING_LINE, filed_on=dt.date(year, 1, 1))
    assert error.message == f"Date de dépôt : l'année {year} n'est pas plausible."


@pytest.mark.parametrize("year", [1900, 2200])
def test_plausible_year_bounds_are_accepted(year):
    assert clean_values(FUNDING_LINE, {"filed_on": dt.date(year, 6, 1)}) == {"filed_on": dt.date(year, 6, 1)}


# --- enumerations ---------------------------------------------------------------------------------------


def test_enum_accepts_code_string():
    assert clean_values(ACTION, {"status": "en_cours"}) == {"status": ActionStatus.EN_COURS}
    assert clean_values(ACTION, {"status": " bloquee "})["status"] is ActionStatus.BLOQUEE


def test_enum_accepts_member():
    assert clean_values(FUNDING_LINE, {"status": FundingStatus.VERSE})["status"] is FundingStatus.VERSE


def test_unknown_enum_code_lists_the_allowed_french_labels():
    error = refused(FUNDING_LINE, status="obtenu")
    assert error.field == "status"
    assert error.message == (
        "Statut du financement : « obtenu » n'est pas une valeur permise (Envisagé, Déposé, Accordé, Versé, Refusé)."
    )


def test_required_enum_missing_is_refused():
    assert refused(ACTION, status="").message == "Statut : ce champ est obligatoire."


def test_optional_enum_missing_is_none():
    assert clean_values(ACTION, {"budget_nature": None}) == {"budget_nature": None}


# --- flags, numbers, whole mapping ----------------------------------------------------------------------


def test_flag_needs_a_real_boolean():
    assert clean_values(ACTION, {"to_discuss": True}) == {"to_discuss": True}
    assert refused(ACTION, confidential="oui").message == "Confidentielle : oui ou non est attendu."


def test_float_field_refuses_nan_and_accepts_decimal():
    assert clean_values(entities.INDICATOR.fields, {"target_value": Decimal("2.5")}) == {"target_value": 2.5}
    assert refused(entities.INDICATOR.fields, target_value=float("nan")).field == "target_value"


def test_only_given_values_are_cleaned():
    assert clean_values(ACTION, {}) == {}


def test_unknown_field_name_is_a_programming_error():
    with pytest.raises(TypeError, match="budget_total"):
        clean_values(ACTION, {"title": "Friche", "budget_total": Decimal("1")})


def test_missing_required_names_the_first_missing_field():
    with pytest.raises(ValidationError) as caught:
        fields.missing_required(FUNDING_LINE, {"action_id": 1, "status": "envisage"})
    assert caught.value.field == "amount_requested"


def test_missing_required_does_not_ask_for_flags():
    values = {"territory_id": 1, "axis_id": 1, "title": "Friche", "status": "a_venir", "priority": "haute"}
    fields.missing_required(ACTION, {**values, "progress": 0})
