"""What the user types, read the French way: `15/03/2025`, `1 250`, `1 250 000,50 €`, `3,5`; and the values
shown back in the same form.

Pure functions (no Qt): an unreadable entry raises the same `ValidationError` as the services (field name,
French label, message), so a form shows both kinds of refusal the same way, next to the field. An empty
entry means no value (None); whether one is required, and ranges, are the services' checks.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from ti_desktop.domain.errors import ValidationError
from ti_desktop.kernel.formatting import format_date, format_euros, format_number

# Spaces a French user may type inside a number: plain, no-break, narrow no-break and thin.
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS_DATE = re.compile(r"^(\d{2})(\d{2})(\d{4}|\d{2})$")  # 15032025, 150325: the date's digits alone
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_WHOLE = re.compile(r"^[+-]?\d+$")


def parse_date(text: str, field: str, label: str) -> dt.date | None:
    """`15/03/2025` (also `5/3/2025`, `15.03.2025`, `15-03-25`, `2025-03-15`, and the digits alone: `15032025`,
    `150325`)."""
    cleaned = text.strip()
    if not cleaned:
        return None
    match = _DATE.match(cleaned) or _DIGITS_DATE.match(cleaned)
    if match:
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            year += 2000
    else:
        iso = _ISO_DATE.match(cleaned)
        if iso is None:
            raise ValidationError(field, label, f"« {cleaned} » n'est pas une date lisible (jj/mm/aaaa).")
        year, month, day = (int(part) for part in iso.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise ValidationError(field, label, f"le {cleaned} n'existe pas dans le calendrier.") from error


def parse_whole_number(text: str, field: str, label: str) -> int | None:
    """`12 500` (grouped with any kind of space) -> 12500."""
    cleaned = _SPACES.sub("", text)
    if not cleaned:
        return None
    if not _WHOLE.match(cleaned):
        raise ValidationError(field, label, f"« {text.strip()} » n'est pas un nombre entier.")
    return int(cleaned)


def _plain_number(text: str) -> str | None:
    """`1 250 000,50 €` -> `1250000.50`; None when empty. Raises ValueError when unreadable."""
    if not text.strip():
        return None
    cleaned = _SPACES.sub("", text.replace("€", "").replace("EUR", "").replace("%", ""))
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "")  # 1.250.000,50: dots group thousands
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    cleaned = cleaned.replace(",", ".")
    if not _NUMBER.match(cleaned):
        raise ValueError(text)
    return cleaned


def parse_amount(text: str, field: str, label: str) -> Decimal | None:
    """A euro amount: `1 250 000,50 €`, `1.250.000,50`, `48500.5`."""
    try:
        plain = _plain_number(text)
        return None if plain is None else Decimal(plain)
    except (ValueError, InvalidOperation) as error:
        raise ValidationError(
            field, label, f"« {text.strip()} » n'est pas un montant lisible (exemple : 1 250 000,50)."
        ) from error


def parse_decimal(text: str, field: str, label: str) -> Decimal | None:
    """An exact decimal number: `12,5`, `-1 250`, `0,125`."""
    try:
        plain = _plain_number(text)
        return None if plain is None else Decimal(plain)
    except (ValueError, InvalidOperation) as error:
        raise ValidationError(
            field, label, f"« {text.strip()} » n'est pas un nombre lisible (exemple : 12,5)."
        ) from error


def parse_number(text: str, field: str, label: str) -> float | None:
    """A decimal number: `3,5`, `-12 500`."""
    try:
        plain = _plain_number(text)
        return None if plain is None else float(plain)
    except ValueError as error:
        raise ValidationError(
            field, label, f"« {text.strip()} » n'est pas un nombre lisible (exemple : 12,5)."
        ) from error


def show_date(day: dt.date | None) -> str:
    return format_date(day, empty="")


def show_amount(amount: Decimal | None) -> str:
    """`1 250 000 €`, with the cents only when there are some."""
    if amount is None:
        return ""
    return format_euros(amount, cents=amount != amount.to_integral_value())


def show_number(value: float | int | None) -> str:
    return format_number(value, empty="")
