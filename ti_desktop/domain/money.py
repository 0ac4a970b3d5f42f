"""Money is Decimal euros in the domain and integer cents in the database; never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


def to_cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value(rounding=ROUND_HALF_UP))


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def parse_euros(text: str) -> Decimal:
    """Parse a plain euro amount written in code or JSON ("1250000", "48500.50"). Raises ValueError."""
    try:
        value = Decimal(text.strip())
        if not value.is_finite():
            raise ValueError(f"montant illisible : {text!r}")
        return value.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as error:  # unreadable, or beyond Decimal's precision
        raise ValueError(f"montant illisible : {text!r}") from error
