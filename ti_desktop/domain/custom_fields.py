"""A territory's own fields (« champs personnalisés »): what a value of each kind is, how it is checked, stored,
shown and named in the history.

A custom field is a record (`records.CustomFieldRecord`: name, kind, a list's choices, position); an action's
value of it is one row of `custom_values`, stored as text, losslessly: a text or a list's choice as it is, a
number as its exact decimal (`1250.5`), an amount in cents (`125000050`, as `Money` stores euros), a date in ISO
form (`2025-03-15`), yes / no as `1` / `0`. The history logs a value's change as a change of its action, under
`history_field(field)` — the field's id and its kind at the time — with the values in the same stored form, so
that « Cibles : — → PME industrielles » reads right whatever the field is called or becomes later.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.domain.errors import ValidationError
from ti_desktop.domain.fields import MAX_MONEY
from ti_desktop.domain.money import from_cents, to_cents
from ti_desktop.kernel.formatting import format_date, format_euros, format_number
from ti_desktop.kernel.text import comparable

K = CustomFieldKind
MAX_TEXT = 10_000  # characters of a text value
MAX_NUMBER = Decimal("1e15")  # a number beyond this is a typing error
NAME_LENGTH = 100
_HISTORY = re.compile(r"^custom:(\d+):([a-z_]+)$")

# A value once checked: what services take and return, per kind.
CustomValue = str | Decimal | dt.date | bool


def name_key(name: str) -> str:
    """The comparable form of a field's name: two fields of a territory never share it (nor would two columns of
    its export), so « Cibles » and « CIBLES » are one field and a re-import finds the field it exported."""
    return comparable(name)


def choice_list(choices: str | None) -> tuple[str, ...]:
    """A list's choices, stored one per line."""
    return tuple(choices.split("\n")) if choices else ()


def field_key(field_id: int) -> str:
    """How a `ValidationError` names a custom field (the fiche shows the message under the field's widget)."""
    return f"custom_{field_id}"


def history_field(field_id: int, kind: CustomFieldKind) -> str:
    """The change log's `field` of a change of this custom field's value (on its action's history)."""
    return f"custom:{field_id}:{kind.value}"


def parse_history_field(field: str) -> tuple[int, CustomFieldKind] | None:
    """(field id, kind) of a change log field written by `history_field`; None for any other field."""
    match = _HISTORY.match(field)
    if match is None:
        return None
    try:
        return int(match.group(1)), CustomFieldKind(match.group(2))
    except ValueError:
        return None


def clean(field_id: int, name: str, kind: CustomFieldKind, choices: tuple[str, ...], raw: Any) -> CustomValue | None:
    """The value checked for the field's kind (None: the field emptied); raises ValidationError naming the field
    by its own name. A list's value is one of its choices, spelt as the list spells it."""
    key = field_key(field_id)

    def refuse(problem: str) -> ValidationError:
        return ValidationError(key, name, problem)

    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if kind in (K.TEXT, K.CHOICE):
        if not isinstance(raw, str):
            raise refuse("un texte est attendu.")
        value = " ".join(raw.split()) if kind is K.CHOICE else raw.strip()
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise refuse("le texte contient un caractère invalide.") from error
        if kind is K.CHOICE:
            for choice in choices:
                if comparable(choice) == comparable(value):
                    return choice
            allowed = ", ".join(choices) or "aucun choix défini"
            raise refuse(f"« {value} » n'est pas un des choix de la liste ({allowed}).")
        if len(value) > MAX_TEXT:
            raise refuse(f"{len(value)} caractères, au plus {MAX_TEXT} sont permis.")
        return value
    if kind is K.FLAG:
        if not isinstance(raw, bool):
            raise refuse("oui ou non est attendu.")
        return raw
    if kind is K.DATE:
        if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
            raise refuse(f"« {raw} » n'est pas une date.")
        if not 1900 <= raw.year <= 2200:
            raise refuse(f"l'année {raw.year} n'est pas plausible.")
        return raw
    # Numbers and amounts: exact decimals (a float is accepted as the number it shows).
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        raise refuse(f"« {raw} » n'est pas un {'montant' if kind is K.AMOUNT else 'nombre'}.")
    if isinstance(raw, float) and not math.isfinite(raw):
        raise refuse("la valeur n'est pas un nombre fini.")
    number = Decimal(str(raw)) if isinstance(raw, float) else Decimal(raw)
    if not number.is_finite():
        raise refuse("la valeur n'est pas un nombre fini.")
    if kind is K.AMOUNT:
        if isinstance(raw, float):
            raise refuse("un montant en euros (décimal exact) est attendu.")
        try:
            amount = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        except InvalidOperation as error:
            raise refuse("montant illisible.") from error
        if amount < 0:
            raise refuse("le montant ne peut pas être négatif.")
        if amount > MAX_MONEY:
            raise refuse("le montant dépasse 100 milliards d'euros.")
        return amount
    if abs(number) >= MAX_NUMBER:
        raise refuse("le nombre est trop grand.")
    if number.as_tuple().exponent < -6:  # type: ignore[operator]
        number = number.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
    return _plain(number)


def _plain(number: Decimal) -> Decimal:
    """`12.50` → `12.5`, `1E+3` → `1000`: one spelling per number."""
    normal = number.normalize()
    if normal == 0:
        return Decimal(0)
    return normal if normal.as_tuple().exponent <= 0 else normal.quantize(Decimal(1))  # type: ignore[operator]


def encode(kind: CustomFieldKind, value: CustomValue) -> str:
    """The stored (and logged) text of a checked value."""
    if kind is K.FLAG:
        return "1" if value else "0"
    if kind is K.DATE:
        assert isinstance(value, dt.date)
        return value.isoformat()
    if kind is K.AMOUNT:
        assert isinstance(value, Decimal)
        return str(to_cents(value))
    if kind is K.NUMBER:
        assert isinstance(value, Decimal)
        return format(value, "f")
    assert isinstance(value, str)
    return value


def decode(kind: CustomFieldKind, stored: str) -> CustomValue:
    """The value of its stored text (`encode`'s inverse); raises ValueError on a text `encode` cannot write."""
    if kind is K.FLAG:
        if stored not in ("0", "1"):
            raise ValueError(stored)
        return stored == "1"
    if kind is K.DATE:
        return dt.date.fromisoformat(stored)
    if kind is K.AMOUNT:
        return from_cents(int(stored))
    if kind is K.NUMBER:
        try:
            return Decimal(stored)
        except InvalidOperation as error:
            raise ValueError(stored) from error
    return stored


def display(kind: CustomFieldKind, value: CustomValue | None) -> str:
    """A value as the French user reads it: `1 250 000 €`, `15/03/2025`, `12,5`, `Oui`; empty for none."""
    if value is None:
        return ""
    if kind is K.FLAG:
        return "Oui" if value else "Non"
    if isinstance(value, dt.date):
        return format_date(value)
    if kind is K.AMOUNT and isinstance(value, Decimal):
        return format_euros(value, cents=value != value.to_integral_value())
    if isinstance(value, Decimal):
        return format_number(value)
    return str(value)


def display_stored(kind: CustomFieldKind, stored: str | None) -> str:
    """A stored (or logged) text as the user reads it; a text that does not decode is shown as it is."""
    if stored is None:
        return ""
    try:
        return display(kind, decode(kind, stored))
    except ValueError:
        return stored


def is_filled(value: CustomValue | None) -> bool:
    """What the plan's « Avec … » filter keeps: a value, and not a zero amount or number nor a « non » (as for the
    declared fields it filters on)."""
    return bool(value)
