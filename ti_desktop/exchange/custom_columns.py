"""A column no field claims, kept as a custom field of the territory: the kind its values show, and each value
read by that kind.

The kind is guessed from every filled cell, most specific first: an € amount when every value reads as an
amount and the header speaks of money (or a value carries its €), a date when every value is a date, yes/no when
every value is a yes/no word, a number when every value is numeric, a list when a few short values repeat, and
text otherwise. As every value was read to guess the kind, every value reads by it: nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.exchange.french import (
    UnreadableValue,
    normalise,
    parse_amount,
    parse_date,
    parse_number,
    parse_text,
)
from ti_desktop.exchange.plan_import import FALSE_WORDS, TRUE_WORDS, CustomColumn

# Words of a header that say its figures are money (normalised, whole words; « € » anywhere).
MONEY_WORDS = frozenset(
    {
        "eur",
        "euro",
        "euros",
        "ht",
        "ttc",
        "montant",
        "montants",
        "cout",
        "couts",
        "budget",
        "budgets",
        "subvention",
        "subventions",
        "aide",
        "aides",
        "financement",
        "financements",
        "prix",
        "depense",
        "depenses",
        "recette",
        "recettes",
        "enveloppe",
        "credit",
        "credits",
        "investissement",
        "investissements",
        "dotation",
        "participation",
        "autofinancement",
    }
)
# Yes/no words; « 1 » and « 0 » alone make a number column, not a yes/no one.
_FLAG_WORDS = (TRUE_WORDS | FALSE_WORDS) - {"1", "0"}
_DATE_TEXT = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})$|^\d{4}[-/]\d{1,2}[-/]\d{1,2}([ T][\d:.]+)?$")
LIST_MAX_CHOICES = 12
LIST_MAX_LENGTH = 40


def speaks_of_money(header: str) -> bool:
    if "€" in header:
        return True
    return bool(MONEY_WORDS & set(re.sub(r"[^a-z0-9]+", " ", normalise(header)).split()))


def _reads(parse: Any, values: Sequence[Any]) -> bool:
    try:
        for value in values:
            parse(value)
    except UnreadableValue:
        return False
    return True


def _is_date(value: Any) -> bool:
    """A date cell or a text written as a date: a bare number is not taken for an Excel serial here."""
    if isinstance(value, dt.date):
        return True
    return isinstance(value, str) and bool(_DATE_TEXT.match(value.strip())) and _reads(parse_date, [value])


def _is_flag(value: Any) -> bool:
    return isinstance(value, bool) or (isinstance(value, str) and normalise(value) in _FLAG_WORDS)


def guess_column(header: str, values: Sequence[Any]) -> CustomColumn:
    """The custom field a column's filled cells (raw, in file order, none blank) make."""
    if values and _reads(parse_amount, values):
        has_euro = any(isinstance(value, str) and "€" in value for value in values)
        if speaks_of_money(header) or has_euro:
            return CustomColumn(header, CustomFieldKind.AMOUNT)
    if values and all(_is_date(value) for value in values):
        return CustomColumn(header, CustomFieldKind.DATE)
    if values and all(_is_flag(value) for value in values):
        return CustomColumn(header, CustomFieldKind.FLAG)
    if values and _reads(parse_number, values):
        return CustomColumn(header, CustomFieldKind.NUMBER)
    texts = [parse_text(value) or "" for value in values]
    choices = tuple(dict.fromkeys(texts))
    if (
        len(texts) >= 3
        and len(choices) <= min(LIST_MAX_CHOICES, max(2, len(texts) // 2))
        and all(len(text) <= LIST_MAX_LENGTH for text in choices)
    ):
        return CustomColumn(header, CustomFieldKind.CHOICE, choices)
    return CustomColumn(header, CustomFieldKind.TEXT)


def read_custom(kind: CustomFieldKind, value: Any) -> str | Decimal | dt.date | bool | None:
    """One cell by the column's kind (a value of the column the kind was guessed from always reads)."""
    if kind is CustomFieldKind.AMOUNT:
        return parse_amount(value)
    if kind is CustomFieldKind.DATE:
        return parse_date(value)
    if kind is CustomFieldKind.NUMBER:
        return parse_number(value)
    if kind is CustomFieldKind.FLAG:
        if isinstance(value, bool):
            return value
        return normalise(str(value)) in TRUE_WORDS
    return parse_text(value)
