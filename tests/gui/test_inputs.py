"""What the user types, read the French way (pure functions, no Qt): dates, whole numbers, amounts, numbers;
an unreadable entry is refused with a French message naming the field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ti_desktop.domain.errors import ValidationError
from ti_desktop.gui.inputs import (
    parse_amount,
    parse_date,
    parse_number,
    parse_whole_number,
    show_amount,
    show_date,
    show_number,
)

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"


def refusal(parse: object, text: str) -> str:
    assert callable(parse)
    with pytest.raises(ValidationError) as caught:
        parse(text, "f", "Champ")
    assert caught.value.field == "f"
    return str(caught.value.message)


def test_dates_are_read_the_french_way() -> None:
    assert parse_date("15/03/2025", "d", "Date") == dt.date(2025, 3, 15)
    assert parse_date(" 5.3.25 ", "d", "Date") == dt.date(2025, 3, 5)
    assert parse_date("2025-03-15", "d", "Date") == dt.date(2025, 3, 15)
    assert parse_date("  ", "d", "Date") is None
    with pytest.raises(ValidationError, match="n'existe pas dans le calendrier"):
        parse_date("29/02/2025", "d", "Date")
    with pytest.raises(ValidationError, match="pas une date lisible"):
        parse_date("15 mars", "d", "Date")


def test_a_date_typed_as_its_digits_alone_is_read() -> None:
    """Issue 21: typing 04122026 into a date field did nothing in two dialogs; every date field reads it."""
    assert parse_date("04122026", "d", "Date") == dt.date(2026, 12, 4)
    assert parse_date("15032025", "d", "Date") == dt.date(2025, 3, 15)
    assert parse_date("150325", "d", "Date") == dt.date(2025, 3, 15)
    with pytest.raises(ValidationError, match="n'existe pas dans le calendrier"):
        parse_date("31022026", "d", "Date")
    for unreadable in ("4122026", "041220261", "2026"):
        with pytest.raises(ValidationError, match="pas une date lisible"):
            parse_date(unreadable, "d", "Date")


def test_amounts_and_numbers_are_read_the_french_way() -> None:
    assert parse_amount("1 250 000,50", "m", "Montant") == Decimal("1250000.50")
    assert parse_amount("1\u202f250\u202f000\u202f€", "m", "Montant") == Decimal("1250000")
    assert parse_amount("1.250.000,50", "m", "Montant") == Decimal("1250000.50")
    assert parse_amount("48500.5", "m", "Montant") == Decimal("48500.5")
    assert parse_amount("", "m", "Montant") is None
    for bad in ("12k", "1,2,3", "€€", "1e6"):
        with pytest.raises(ValidationError, match="pas un montant lisible"):
            parse_amount(bad, "m", "Montant")
    assert parse_number("3,5", "v", "Valeur") == 3.5
    assert parse_number("-12 500", "v", "Valeur") == -12500.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 250", 1250),
        (f"1{NBSP}250", 1250),
        (f"1{NARROW_NBSP}250{NARROW_NBSP}000", 1250000),
        (" 42 ", 42),
        ("-3", -3),
        ("", None),
        ("   ", None),
    ],
)
def test_whole_numbers_accept_every_french_space(text: str, expected: int | None) -> None:
    assert parse_whole_number(text, "population", "Population") == expected


@pytest.mark.parametrize("text", ["environ 30000", "3,5", "1.250", "12k", "--1"])
def test_a_bad_whole_number_is_refused_in_french(text: str) -> None:
    assert refusal(parse_whole_number, text) == f"Champ : « {text.strip()} » n'est pas un nombre entier."


def test_amounts_with_no_break_spaces_and_dots() -> None:
    assert parse_amount(f"1{NBSP}250{NBSP}000,50{NBSP}€", "m", "Montant") == Decimal("1250000.50")
    assert parse_amount(f"1{NARROW_NBSP}250{NARROW_NBSP}000,50", "m", "Montant") == Decimal("1250000.50")
    assert parse_amount("1.250.000,50", "m", "Montant") == Decimal("1250000.50")
    assert parse_amount("1.250.000", "m", "Montant") == Decimal("1250000")
    assert parse_amount("250 000 EUR", "m", "Montant") == Decimal("250000")
    assert refusal(parse_amount, "beaucoup") == (
        "Champ : « beaucoup » n'est pas un montant lisible (exemple : 1 250 000,50)."
    )


def test_bad_dates_and_numbers_say_why_in_french() -> None:
    assert refusal(parse_date, "31/02/2024") == "Champ : le 31/02/2024 n'existe pas dans le calendrier."
    assert refusal(parse_date, "demain") == "Champ : « demain » n'est pas une date lisible (jj/mm/aaaa)."
    assert refusal(parse_number, "beaucoup") == "Champ : « beaucoup » n'est pas un nombre lisible (exemple : 12,5)."
    assert parse_date("5/1/2024", "d", "Date") == dt.date(2024, 1, 5)
    assert parse_number(f"12{NARROW_NBSP}500,25", "v", "Valeur") == 12500.25


def test_values_are_shown_back_as_they_are_typed() -> None:
    assert show_date(dt.date(2025, 3, 5)) == "05/03/2025"
    assert show_date(None) == ""
    assert show_amount(Decimal("1250000")) == f"1{NARROW_NBSP}250{NARROW_NBSP}000{NARROW_NBSP}€"
    assert show_amount(Decimal("1250000.50")) == f"1{NARROW_NBSP}250{NARROW_NBSP}000,50{NARROW_NBSP}€"
    assert show_amount(None) == ""
    assert show_number(12500) == f"12{NARROW_NBSP}500"
    assert show_number(None) == ""
    # What is shown reads back as the same value.
    assert parse_amount(show_amount(Decimal("1250000.50")), "m", "Montant") == Decimal("1250000.50")
    assert parse_whole_number(show_number(12500), "n", "Nombre") == 12500
