"""French formatting of amounts, dates, percentages and numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ti_desktop.kernel.formatting import (
    format_date,
    format_euros,
    format_euros_with_ttc,
    format_number,
    format_percent,
    format_ttc_part,
)

NNBSP = "\u202f"


def test_euros_are_grouped_by_thousands_with_narrow_spaces():
    assert format_euros(Decimal("1250000")) == "1\u202f250\u202f000\u202f€"


def test_euros_with_cents_use_a_decimal_comma():
    assert format_euros(Decimal("1250000.50"), cents=True) == "1\u202f250\u202f000,50\u202f€"


def test_euros_without_cents_round_half_up():
    assert format_euros(Decimal("2.50")) == f"3{NNBSP}€"
    assert format_euros(Decimal("2.49")) == f"2{NNBSP}€"


def test_euros_with_cents_round_half_up_to_the_cent():
    assert format_euros(Decimal("0.995"), cents=True) == f"1,00{NNBSP}€"
    assert format_euros(Decimal("7"), cents=True) == f"7,00{NNBSP}€"


def test_euros_accept_integers():
    assert format_euros(48500) == f"48{NNBSP}500{NNBSP}€"


def test_missing_amount_is_a_dash_or_the_given_placeholder():
    assert format_euros(None) == "—"
    assert format_euros(None, empty="") == ""


def test_negative_euros_keep_their_sign_before_the_digits():
    assert format_euros(Decimal("-1250000")) == "-1\u202f250\u202f000\u202f€"
    assert format_euros(Decimal("-1250000.50"), cents=True) == "-1\u202f250\u202f000,50\u202f€"


def test_amount_rounding_to_zero_has_no_minus_sign():
    assert format_euros(Decimal("-0.4")) == f"0{NNBSP}€"


def test_zero_euros():
    assert format_euros(Decimal("0")) == f"0{NNBSP}€"


def test_dates_are_day_month_year():
    assert format_date(dt.date(2025, 3, 15)) == "15/03/2025"
    assert format_date(None) == "—"


@pytest.mark.parametrize(
    ("ratio", "text"),
    [(0.45, "45\u202f%"), (0, "0\u202f%"), (1, "100\u202f%"), (Decimal("0.333"), "33\u202f%"), (1.5, "150\u202f%")],
)
def test_percent_of_a_ratio(ratio, text):
    assert format_percent(ratio) == text


def test_missing_percent_is_a_dash():
    assert format_percent(None) == "—"


@pytest.mark.parametrize(
    ("ratio", "text"),
    [(1 / 8, "13\u202f%"), (0.285, "29\u202f%"), (Decimal("0.325"), "33\u202f%")],
)
def test_percent_rounds_half_up_like_amounts(ratio, text):
    assert format_percent(ratio) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.5, "3,5"),
        (12500, "12\u202f500"),
        (12500.0, "12\u202f500"),
        (Decimal("1250000.250"), "1\u202f250\u202f000,25"),
        (0, "0"),
        (-3.5, "-3,5"),
        (-0.25, "-0,25"),
        (Decimal("100"), "100"),
    ],
)
def test_numbers_use_decimal_comma_grouping_and_no_useless_decimals(value, text):
    assert format_number(value) == text


def test_missing_number_is_a_dash():
    assert format_number(None) == "—"


def test_a_total_says_its_ttc_part():
    n = "\u202f"
    assert format_euros_with_ttc(Decimal("1250000"), Decimal("250000")) == f"1{n}250{n}000{n}€ (dont 250{n}000{n}€ TTC)"
    assert format_euros_with_ttc(Decimal("80"), Decimal("80")) == f"80{n}€ TTC"  # all TTC
    assert format_euros_with_ttc(Decimal("80"), None) == format_euros_with_ttc(Decimal("80"), Decimal(0)) == f"80{n}€"
    assert format_ttc_part(None) == ""
