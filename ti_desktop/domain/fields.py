"""What a field is (`FieldSpec`: French label, kind, limits, workbook column) and the validation built on it.

Each entity's fields are declared once, on its record (`domain.records`, `Annotated[type, spec]`);
`domain.entities` collects them. Services validate every create and update through `clean_values` before
touching the database, so the user gets a French message naming the field and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum
from typing import Any

from ti_desktop.domain.errors import ValidationError
from ti_desktop.kernel.text import comparable


@dataclass(frozen=True, slots=True)
class Column:
    """How a field travels in TI Desktop's plan workbook: export header, import mapping key and synonyms.

    `key` is what a user writes in a `--mapping` file (`{"Intitulé": "titre"}`), stable across versions;
    `header` is the column title the export writes and the template carries; `synonyms` are other headers people
    use for it (matched after normalisation); `kind` overrides the kind the field's spec implies (references:
    "axis", "objective", "parent", "actor"; "code")."""

    key: str
    header: str
    description: str
    synonyms: tuple[str, ...] = ()
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of an entity, declared once beside its type in `domain.records`: everything derives from it
    (validation, history labels, the plan workbook's columns, the database's refusals in French)."""

    label: str
    kind: str  # "text", "int", "float", "money", "date", "bool", "enum", "ref"
    required: bool = False
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    enum: type[Enum] | None = None
    percent: bool = False  # an "int" shown as "45 %"
    refers_to: str | None = None  # "ref": the entity named by the id (for the history's names)
    column: Column | None = None  # exported and importable under this column (None: not in the workbook)
    editable: bool = True  # False: set by the application, shown in the history only
    filterable: bool = False  # the plan can show only the records where it is filled in (« Avec … »)
    logged: bool = True  # False: derived from another field, whose change the history shows
    one_per_line: bool = False  # a "text" holding a list, one item per line (a list's choices)


def text(label: str, *, required: bool = False, max_length: int = 500, column: Column | None = None) -> FieldSpec:
    return FieldSpec(label, "text", required=required, max_length=max_length, column=column)


def long_text(label: str, *, required: bool = False, column: Column | None = None) -> FieldSpec:
    return FieldSpec(label, "text", required=required, max_length=100_000, column=column)


def integer(
    label: str,
    *,
    required: bool = False,
    minimum: int | None = 0,
    maximum: int | None = None,
    percent: bool = False,
    column: Column | None = None,
    filterable: bool = False,
) -> FieldSpec:
    return FieldSpec(
        label,
        "int",
        required=required,
        minimum=minimum,
        maximum=maximum,
        percent=percent,
        column=column,
        filterable=filterable,
    )


def number(label: str, *, required: bool = False) -> FieldSpec:
    return FieldSpec(label, "float", required=required)


def money(label: str, *, required: bool = False, column: Column | None = None, filterable: bool = False) -> FieldSpec:
    return FieldSpec(label, "money", required=required, column=column, filterable=filterable)


def date(label: str, *, required: bool = False, column: Column | None = None) -> FieldSpec:
    return FieldSpec(label, "date", required=required, column=column)


def flag(label: str, *, column: Column | None = None) -> FieldSpec:
    return FieldSpec(label, "bool", required=True, column=column)


def choice(label: str, enum: type[Enum], *, required: bool = True, column: Column | None = None) -> FieldSpec:
    return FieldSpec(label, "enum", required=required, enum=enum, column=column)


def ref(label: str, refers_to: str, *, required: bool = False, column: Column | None = None) -> FieldSpec:
    return FieldSpec(label, "ref", required=required, minimum=1, refers_to=refers_to, column=column)


def recorded(label: str, kind: str = "text", refers_to: str | None = None) -> FieldSpec:
    """A column the application sets (a file's name, a meeting's closing time): not edited, but in the history."""
    return FieldSpec(label, kind, refers_to=refers_to, editable=False)


def derived(label: str) -> FieldSpec:
    """A column the application computes from another field (a name's comparable form, which the database keeps
    unique): neither edited nor in the history."""
    return FieldSpec(label, "text", editable=False, logged=False)


def lines(label: str, *, max_length: int = 20_000) -> FieldSpec:
    """A list of short texts kept one per line (given as a text or a sequence of texts): blank lines dropped, each
    line trimmed, the same item twice (whatever its case and accents) refused."""
    return FieldSpec(label, "text", max_length=max_length, one_per_line=True)


MAX_MONEY = Decimal("100000000000")  # 100 billion euros: anything above is a typing error
MAX_INTEGER = 2**63 - 1  # the largest integer SQLite stores

# Links logged in the history as one field of their owner (the set of ids): an action's challenges (enjeux),
# a meeting's participants. Changing them is a change of the owner (its version moves on).
LINK_LABELS = {"challenges": "Enjeux", "participants": "Participants"}


def _clean_lines(name: str, spec: FieldSpec, raw: Any) -> Any:
    """A `lines` field: its items trimmed, one per line, without blanks nor repeats; None when there is none."""
    if isinstance(raw, list | tuple) and all(isinstance(item, str) for item in raw):
        raw = "\n".join(raw)
    if not isinstance(raw, str):
        return _clean_one(name, spec, raw, as_lines=False)  # refused as any text would be
    items: list[str] = []
    seen: dict[str, str] = {}
    for line in raw.splitlines():
        item = " ".join(line.split())
        if not item:
            continue
        key = comparable(item)
        if key in seen:
            raise ValidationError(name, spec.label, f"« {item} » figure deux fois (comme « {seen[key]} »).")
        seen[key] = item
        items.append(item)
    return _clean_one(name, spec, "\n".join(items), as_lines=False)


def _clean_one(name: str, spec: FieldSpec, raw: Any, *, as_lines: bool = True) -> Any:
    """Convert and check one value; raise ValidationError naming the field."""
    if spec.one_per_line and as_lines:
        return _clean_lines(name, spec, raw)
    if isinstance(raw, str) and spec.kind != "text":
        raw = raw.strip() or None
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if spec.required:
            raise ValidationError(name, spec.label, "ce champ est obligatoire.")
        return None
    kind = spec.kind
    if kind == "text":
        if not isinstance(raw, str):
            raise ValidationError(name, spec.label, "un texte est attendu.")
        value = raw.replace("\t", " ").strip()  # no invisible tab in the data (pasted from a spreadsheet…)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate: no file or database can store it
            raise ValidationError(name, spec.label, "le texte contient un caractère invalide.") from error
        if spec.max_length is not None and len(value) > spec.max_length:
            raise ValidationError(name, spec.label, f"{len(value)} caractères, au plus {spec.max_length} sont permis.")
        return value
    if kind == "bool":
        if not isinstance(raw, bool):
            raise ValidationError(name, spec.label, "oui ou non est attendu.")
        return raw
    if kind in ("int", "ref"):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValidationError(name, spec.label, f"« {raw} » n'est pas un nombre entier.")
        if spec.minimum is not None and raw < spec.minimum:
            raise ValidationError(name, spec.label, f"{raw} est inférieur au minimum ({spec.minimum}).")
        if spec.maximum is not None and raw > spec.maximum:
            raise ValidationError(name, spec.label, f"{raw} dépasse le maximum ({spec.maximum}).")
        if abs(raw) > MAX_INTEGER:  # SQLite stores 64-bit integers
            raise ValidationError(name, spec.label, "le nombre est trop grand.")
        return raw
    if kind == "float":
        if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
            raise ValidationError(name, spec.label, f"« {raw} » n'est pas un nombre.")
        try:
            number = float(raw)
        except (OverflowError, ValueError) as error:  # 10**400, Decimal("sNaN")
            raise ValidationError(name, spec.label, "la valeur n'est pas un nombre fini.") from error
        if not math.isfinite(number):
            raise ValidationError(name, spec.label, "la valeur n'est pas un nombre fini.")
        return number
    if kind == "money":
        if isinstance(raw, float | bool) or not isinstance(raw, int | Decimal):
            raise ValidationError(name, spec.label, "un montant en euros (décimal exact) est attendu.")
        try:
            amount = Decimal(raw).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        except InvalidOperation as error:
            raise ValidationError(name, spec.label, "montant illisible.") from error
        if not amount.is_finite():
            raise ValidationError(name, spec.label, "montant illisible.")
        if amount < 0:
            raise ValidationError(name, spec.label, "le montant ne peut pas être négatif.")
        if amount > MAX_MONEY:
            raise ValidationError(name, spec.label, "le montant dépasse 100 milliards d'euros.")
        return amount
    if kind == "date":
        if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
            raise ValidationError(name, spec.label, f"« {raw} » n'est pas une date.")
        if not 1900 <= raw.year <= 2200:
            raise ValidationError(name, spec.label, f"l'année {raw.year} n'est pas plausible.")
        return raw
    if kind == "enum":
        assert spec.enum is not None
        try:
            return spec.enum(raw)
        except ValueError as error:
            allowed = ", ".join(str(getattr(member, "label", member.value)) for member in spec.enum)
            raise ValidationError(name, spec.label, f"« {raw} » n'est pas une valeur permise ({allowed}).") from error
    raise AssertionError(f"unknown field kind {kind}")


def clean_values(specs: Mapping[str, FieldSpec], values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise the given values (only those given); unknown fields are a programming error."""
    unknown = set(values) - set(specs)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    return {name: _clean_one(name, specs[name], raw) for name, raw in values.items()}


def missing_required(specs: Mapping[str, FieldSpec], values: Mapping[str, Any]) -> None:
    """On creation, every required field without a default must be given."""
    for name, spec in specs.items():
        if spec.required and spec.kind != "bool" and values.get(name) is None:
            raise ValidationError(name, spec.label, "ce champ est obligatoire.")
