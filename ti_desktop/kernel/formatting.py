"""French formatting of amounts, dates and percentages (`1 250 000 €`, `15/03/2025`, `45 %`)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

NARROW_NBSP = "\u202f"  # thousands separator and space before € and % in French typography


def group_thousands(integer_part: int) -> str:
    return f"{integer_part:,}".replace(",", NARROW_NBSP)


def format_euros(amount: Decimal | int | None, *, cents: bool = False, empty: str = "—") -> str:
    """`1 250 000 €`; with cents=True, `1 250 000,50 €`."""
    if amount is None:
        return empty
    value = Decimal(amount)
    quantum = Decimal("0.01") if cents else Decimal("1")
    value = value.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    value = abs(value)
    whole = int(value)
    text = group_thousands(whole)
    if cents:
        fraction = int((value - whole) * 100)
        text += f",{fraction:02d}"
    return f"{sign}{text}{NARROW_NBSP}€"


def format_ttc_part(ttc: Decimal | None, *, cents: bool = False) -> str:
    """`dont 250 000 € TTC`: the TTC part of a total of amounts HT and TTC (empty when there is none)."""
    return f"dont {format_euros(ttc, cents=cents)} TTC" if ttc else ""


def format_euros_with_ttc(amount: Decimal, ttc: Decimal | None, *, cents: bool = False) -> str:
    """A total whose TTC part is said: `1 250 000 € (dont 250 000 € TTC)`; all TTC, `1 250 000 € TTC`; without
    one, `1 250 000 €`."""
    text = format_euros(amount, cents=cents)
    if not ttc:
        return text
    if ttc == amount:
        return f"{text} TTC"
    return f"{text} ({format_ttc_part(ttc, cents=cents)})"


def format_date(day: dt.date | None, *, empty: str = "—") -> str:
    return day.strftime("%d/%m/%Y") if day else empty


def format_percent(ratio: float | Decimal | None, *, empty: str = "—") -> str:
    """A ratio (0.45) as `45 %`."""
    if ratio is None:
        return empty
    # Half up, like amounts; through str() so that float noise (0.285 -> 0.28499…) does not round down.
    percent = (Decimal(str(ratio)) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return f"{percent}{NARROW_NBSP}%"


def format_number(value: float | int | Decimal | None, *, empty: str = "—") -> str:
    """`12 500` or `3,5`: French decimal comma, thin-space grouping, no useless decimals."""
    if value is None:
        return empty
    if isinstance(value, float):
        value = round(value, 6)  # measured values: hide binary float noise (0.1 + 0.2)
    number = Decimal(str(value)).normalize()
    sign = "-" if number < 0 else ""
    number = abs(number)
    whole = int(number)
    fraction = number - whole
    text = group_thousands(whole)
    if fraction:
        text += "," + format(fraction, "f").split(".")[1]
    return sign + text
