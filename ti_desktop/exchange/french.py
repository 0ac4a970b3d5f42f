"""French amounts and dates as people type them in spreadsheets.

Each parser returns the value, `None` for a blank cell, or raises `UnreadableValue` with a French
message: an unreadable cell is never turned silently into an empty value.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from decimal import Decimal, InvalidOperation

from ti_desktop.kernel.text import comparable

# Characters used as thousands separators: space, NBSP, narrow NBSP (U+202F), thin space, apostrophes.
_SPACES = " \u00a0\u202f\u2009\u2007'’"
_CURRENCY = re.compile(r"(€|eur(os?)?|(?<![a-z])ht(?![a-z])|ttc)", re.IGNORECASE)
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_COMMA_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3}){2,}$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
EXCEL_EPOCH = dt.date(1899, 12, 30)
# Excel serials accepted as dates: 1910-01-01 .. 9999-12-31 (smaller numbers are years or typos).
_SERIAL_MIN, _SERIAL_MAX = 3653, 2958465
_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$"), ("d", "m", "yy")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"), ("y", "m", "d")),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), ("y", "m", "d")),
)
_MONTH_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


class UnreadableValue(ValueError):
    """A cell whose content is not what the column expects; `message` is French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# The error values a spreadsheet shows for a formula that failed, in English and French Excel and LibreOffice.
SPREADSHEET_ERRORS = frozenset(
    {
        "#N/A",
        "#N/D",
        "#DIV/0!",
        "#VALUE!",
        "#VALEUR!",
        "#REF!",
        "#NAME?",
        "#NOM?",
        "#NUM!",
        "#NOMBRE!",
        "#NULL!",
        "#NUL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "ERR:502",
        "ERR:504",
        "ERR:508",
        "ERR:511",
        "ERR:522",
        "ERR:523",
    }
)
# Characters that change the direction of the text around them (embeddings, overrides, isolates, marks) or take
# no width: a title holding them can read as another one.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space, non-joiner, joiner, word joiner, BOM
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
    "\u200e\u200f\u061c"  # direction marks
)
_INVISIBLE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")


def is_blank(value: object) -> bool:
    """An empty cell. A NaN is not one: it is a value no figure can be read from (`is_not_a_number`)."""
    if value is None:
        return True
    return isinstance(value, str) and not value.strip()


def is_not_a_number(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def spreadsheet_error(value: object) -> str | None:
    """The error value a cell shows (`#N/A`, `#DIV/0!`, `#VALEUR!`…) or « NaN », else None."""
    if is_not_a_number(value):
        return "NaN"
    if isinstance(value, str):
        text = value.strip().upper()
        if text in SPREADSHEET_ERRORS or text in ("NAN", "#NAN"):
            return value.strip()
    return None


def refuse_error_value(value: object, expected: str) -> None:
    """Raise `UnreadableValue` for a cell holding a spreadsheet error where a figure or a date is expected: its
    value is unknown, so storing it as empty would understate the plan without a word."""
    error = spreadsheet_error(value)
    if error is not None:
        raise UnreadableValue(
            f"la cellule contient « {error} », une valeur d'erreur du tableur et non {expected} : corrigez la "
            "formule dans le fichier ou videz la cellule."
        )


def without_invisible(text: str) -> str:
    """The text without direction-changing or zero-width characters."""
    return _INVISIBLE.sub("", text)


def has_invisible(text: str) -> bool:
    return bool(_INVISIBLE.search(text))


def shown(value: object) -> str:
    """The value as quoted in a message."""
    text = str(value).strip()
    return text if len(text) <= 60 else text[:57] + "…"


@functools.lru_cache(maxsize=65536)  # an import compares the same few headers and names thousands of times
def normalise(text: str) -> str:
    """Accent-, case- and spacing-insensitive form used to compare names and headers (`kernel.text.comparable`,
    which also keys a territory's custom fields), invisible characters left out."""
    return comparable(without_invisible(text))


def parse_text(value: object) -> str | None:
    if is_blank(value) or is_not_a_number(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def parse_amount(value: object, *, allow_negative: bool = False) -> Decimal | None:
    """`1 250 000 €`, `1 250 000,50`, `1.250.000,50`, NBSP/U+202F separators, numbers → euros (2 decimals)."""
    if is_blank(value):
        return None
    refuse_error_value(value, "un montant")
    if isinstance(value, bool):
        raise UnreadableValue(f"« {shown(value)} » n'est pas un montant.")
    if isinstance(value, int | float | Decimal):
        if isinstance(value, float) and math.isinf(value):
            raise UnreadableValue("montant infini.")
        amount = Decimal(str(value))
        return _check_amount(amount, value, allow_negative)
    if not isinstance(value, str):
        raise UnreadableValue(f"« {shown(value)} » n'est pas un montant.")
    text = _CURRENCY.sub("", value)
    for space in _SPACES:
        text = text.replace(space, "")
    negative = text.startswith("-")
    if negative or text.startswith("+"):
        text = text[1:]
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        integer_part, _, fraction = text.rpartition(decimal_mark)
        grouped = r"\d{1,3}(" + re.escape(thousands) + r"\d{3})+"
        if not re.fullmatch(grouped, integer_part):
            raise UnreadableValue(f"« {shown(value)} » n'est pas un montant lisible.")
        text = integer_part.replace(thousands, "") + "." + fraction
    elif "," in text:
        text = text.replace(",", "") if _COMMA_THOUSANDS.match(text) else text.replace(",", ".")
    elif "." in text and _DOT_THOUSANDS.match(text):
        text = text.replace(".", "")  # French thousands: 1.250.000
    if not _PLAIN.match(text):
        raise UnreadableValue(f"« {shown(value)} » n'est pas un montant lisible (exemple : 1 250 000,50 €).")
    try:
        amount = Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the pattern above guarantees a number
        raise UnreadableValue(f"« {shown(value)} » n'est pas un montant lisible.") from error
    return _check_amount(-amount if negative else amount, value, allow_negative)


def _check_amount(amount: Decimal, value: object, allow_negative: bool) -> Decimal:
    if amount < 0 and not allow_negative:
        raise UnreadableValue(f"le montant « {shown(value)} » est négatif.")
    if abs(amount) >= Decimal("1e13"):  # before quantize, which fails on very long numbers
        raise UnreadableValue(f"le montant « {shown(value)} » est trop grand.")
    cents = amount.quantize(Decimal("0.01"))
    if cents != amount:
        # Floats from Excel (e.g. 0.1 + 0.2) carry binary noise: tolerate it, refuse real extra decimals.
        if not (isinstance(value, float) and abs(cents - amount) < Decimal("0.000001")):
            raise UnreadableValue(f"le montant « {shown(value)} » a plus de deux décimales.")
    if abs(cents) >= Decimal("1e13"):
        raise UnreadableValue(f"le montant « {shown(value)} » est trop grand.")
    return cents


def parse_number(value: object) -> Decimal | None:
    """`12`, `12,5`, `1 250`, `-3`, `45 %` (as 45) or a number cell → Decimal; None for a blank cell."""
    if is_blank(value):
        return None
    refuse_error_value(value, "un nombre")
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise UnreadableValue(f"« {shown(value)} » n'est pas un nombre.")
    if isinstance(value, float) and math.isinf(value):
        raise UnreadableValue("nombre infini.")
    text = str(value).strip().removesuffix("%")
    for space in _SPACES:
        text = text.replace(space, "")
    if isinstance(value, str):
        text = text.replace(",", ".")
    if not re.fullmatch(r"[-+]?\d+(\.\d+)?(e[-+]?\d+)?", text, re.IGNORECASE):
        raise UnreadableValue(f"« {shown(value)} » n'est pas un nombre.")
    return Decimal(text).normalize() if "e" in text.lower() else Decimal(text)


def _build_date(year: int, month: int, day: int, value: object) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise UnreadableValue(f"« {shown(value)} » n'est pas une date valide.") from error


def parse_date(value: object) -> dt.date | None:
    """`15/03/2024`, `15/03/24`, `2024-03-15`, an Excel serial (45366) or a date cell."""
    if is_blank(value):
        return None
    refuse_error_value(value, "une date")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise UnreadableValue(f"« {shown(value)} » n'est pas une date.")
    if isinstance(value, int | float):
        return excel_serial_to_date(value)
    if not isinstance(value, str):
        raise UnreadableValue(f"« {shown(value)} » n'est pas une date.")
    text = value.strip()
    for pattern, order in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, (int(group) for group in match.groups()), strict=True))
            year = parts.get("y", 2000 + parts.get("yy", 0))
            return _build_date(year, parts["m"], parts["d"], value)
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return excel_serial_to_date(float(text))
    raise UnreadableValue(f"« {shown(value)} » n'est pas une date lisible (écrivez-la 15/03/2024 ou 2024-03-15).")


def parse_month_first_date(value: object) -> dt.date | None:
    """`12/14/20` (month first, as American spreadsheets write it) when the day makes it unambiguous."""
    if not isinstance(value, str):
        return None
    match = _MONTH_FIRST.match(value.strip())
    if not match:
        return None
    month, day, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    if month > 12 or day <= 12:
        return None
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def excel_serial_to_date(serial: float) -> dt.date:
    if math.isnan(serial) or math.isinf(serial) or not _SERIAL_MIN <= serial <= _SERIAL_MAX:
        raise UnreadableValue(f"« {shown(serial)} » n'est pas une date (ni une date du calendrier Excel).")
    return EXCEL_EPOCH + dt.timedelta(days=int(serial))
