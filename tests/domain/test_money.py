"""Money: Decimal euros in the domain, integer cents in the database, never float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ti_desktop.domain.fields import MAX_MONEY
from ti_desktop.domain.money import from_cents, parse_euros, to_cents


def test_to_cents_of_whole_and_fractional_euros():
    assert to_cents(Decimal("1250000")) == 125_000_000
    assert to_cents(Decimal("48500.50")) == 4_850_050
    assert to_cents(Decimal("0.01")) == 1


def test_to_cents_rounds_half_cents_up():
    assert to_cents(Decimal("0.125")) == 13
    assert to_cents(Decimal("0.124")) == 12


def test_from_cents_gives_two_decimal_places():
    assert from_cents(4_850_050) == Decimal("48500.50")
    assert str(from_cents(4_850_050)) == "48500.50"
    assert str(from_cents(0)) == "0.00"
    assert str(from_cents(-1)) == "-0.01"


@given(st.decimals(places=2, min_value=-MAX_MONEY, max_value=MAX_MONEY, allow_nan=False, allow_infinity=False))
def test_decimal_euros_round_trip_through_cents(amount):
    cents = to_cents(amount)
    assert isinstance(cents, int)
    assert from_cents(cents) == amount


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_cents_round_trip_through_decimal_euros(cents):
    assert to_cents(from_cents(cents)) == cents


def test_parse_euros_reads_plain_amounts():
    assert parse_euros("48500.50") == Decimal("48500.50")
    assert str(parse_euros("1250000")) == "1250000.00"
    assert parse_euros("  12.5 ") == Decimal("12.50")


def test_parse_euros_rounds_to_the_cent_half_up():
    assert parse_euros("0.125") == Decimal("0.13")


@pytest.mark.parametrize("text", ["", "douze", "1 250 000", "48500,50", "12 €"])
def test_parse_euros_refuses_unreadable_text(text):
    with pytest.raises(ValueError, match="montant illisible"):
        parse_euros(text)


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity", "inf", "sNaN"])
def test_parse_euros_refuses_non_finite_values(text):
    with pytest.raises(ValueError, match="montant illisible"):
        parse_euros(text)


@pytest.mark.parametrize("text", ["1e30", "12345678901234567890123456789"])
def test_parse_euros_refuses_absurdly_large_amounts_with_value_error(text):
    with pytest.raises(ValueError):
        parse_euros(text)
