from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ti_desktop.exchange.french import UnreadableValue, parse_amount, parse_date, parse_month_first_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 250 000 €", "1250000"),
        ("1 250 000,50", "1250000.50"),
        ("1\u00a0250\u00a0000,50 €", "1250000.50"),
        ("1\u202f250\u202f000 € HT", "1250000"),
        ("1.250.000,50", "1250000.50"),
        ("2400", "2400"),
        ("12,5", "12.50"),
        (1000, "1000"),
        (0.1 + 0.2, "0.30"),
    ],
)
def test_french_amounts(text: object, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["Entre 200 et 500", "-5", "1,2,3", "12.345.6", "1,234", True, "abc €"])
def test_unreadable_amounts_are_errors_not_blanks(text: object) -> None:
    if text == "1,234":  # French decimal comma: 1,234 has three decimals
        with pytest.raises(UnreadableValue, match="deux décimales"):
            parse_amount(text)
        return
    with pytest.raises(UnreadableValue):
        parse_amount(text)


def test_blank_cells_are_none() -> None:
    assert parse_amount(None) is None and parse_amount("  ") is None and parse_date("") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15/03/2024", dt.date(2024, 3, 15)),
        ("15/03/24", dt.date(2024, 3, 15)),
        ("2024-03-15", dt.date(2024, 3, 15)),
        ("2024-03-15 00:00:00", dt.date(2024, 3, 15)),
        (45366, dt.date(2024, 3, 15)),
        (dt.datetime(2024, 3, 15, 10, 30), dt.date(2024, 3, 15)),
        (dt.date(2024, 3, 15), dt.date(2024, 3, 15)),
    ],
)
def test_dates(value: object, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2024-13-01", "31/02/2024", "demain", 2024, "12/14/20"])
def test_unreadable_dates_are_errors(value: object) -> None:
    with pytest.raises(UnreadableValue):
        parse_date(value)


def test_month_first_only_when_unambiguous() -> None:
    assert parse_month_first_date("12/14/20") == dt.date(2020, 12, 14)
    assert parse_month_first_date("03/04/2024") is None


@given(st.decimals(min_value=0, max_value=Decimal("999999999.99"), places=2))
def test_amount_round_trip_french_format(amount: Decimal) -> None:
    integer, _, cents = f"{amount:.2f}".partition(".")
    grouped = f"{int(integer):,}".replace(",", "\u202f")
    assert parse_amount(f"{grouped},{cents} €") == amount
    assert parse_amount(f"{int(integer):,}".replace(",", ".") + f",{cents}") == amount


@given(st.dates(min_value=dt.date(1910, 1, 1)))
def test_date_round_trip(day: dt.date) -> None:
    assert parse_date(day.strftime("%d/%m/%Y")) == day
    assert parse_date(day.isoformat()) == day


@given(st.text(max_size=30))
def test_any_text_gives_a_value_or_a_french_error(text: str) -> None:
    for parser in (parse_amount, parse_date):
        try:
            parser(text)
        except UnreadableValue as error:
            assert error.message
