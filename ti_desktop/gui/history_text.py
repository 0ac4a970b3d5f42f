"""The history (Historique) in readable French: "Statut : En cours → Bloquée", "Création : Jalon 1".

Pure functions, no Qt: values are stored as codes (enum codes, ISO dates, '1250.00', '1'/'0'), turned
here into what the user reads, using the labels and kinds of `domain.fields`. Words of our own go
through `translate` (the GUI passes Qt's translation; tests keep the French source).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum

from ti_desktop.domain import fields
from ti_desktop.domain.fields import FieldSpec
from ti_desktop.domain.formatting import format_date, format_euros, format_number
from ti_desktop.domain.records import ChangeLogRecord

# (field name, id) -> the name of the referenced record (actor, axis, challenge…), or None if unknown;
# also (entity, id) -> the name of a created / deleted record the log only knows by number.
Resolver = Callable[[str, int], str | None]
Translate = Callable[[str], str]

# Kept short in the table: a long description is summarised, the full text is elsewhere.
MAX_TEXT = 120


def _same(text: str) -> str:
    return text


ENTITY_FIELDS: dict[str, Mapping[str, FieldSpec]] = {
    "action": fields.ACTION,
    "action_partner": fields.ACTION_PARTNER,
    "funding_line": fields.FUNDING_LINE,
    "milestone": fields.MILESTONE,
    "indicator": fields.INDICATOR,
    "indicator_value": fields.INDICATOR_VALUE,
    "progress_update": fields.PROGRESS_UPDATE,
    "agenda_item": fields.AGENDA_ITEM,
    "decision": fields.DECISION,
    "attachment": {},
}
ENTITY_LABELS: dict[str, str] = {
    "action": "Fiche-action",
    "action_partner": "Partenaire",
    "funding_line": "Financement",
    "milestone": "Jalon",
    "indicator": "Indicateur",
    "indicator_value": "Mesure",
    "progress_update": "Point d'avancement",
    "agenda_item": "Ordre du jour",
    "decision": "Décision",
    "attachment": "Pièce jointe",
}
# Fields outside the specs: the challenges answered (a set of ids) and the pièce jointe's columns.
EXTRA_LABELS: dict[str, str] = {
    "challenges": "Enjeux",
    "title": "Titre",
    "stored_path": "Fichier",
    "original_name": "Nom d'origine",
    "size_bytes": "Taille",
}
PERCENT_FIELDS = frozenset({"progress"})


def entity_label(entity: str, translate: Translate = _same) -> str:
    return translate(ENTITY_LABELS.get(entity, entity))


def field_label(entity: str, field: str) -> str:
    spec = ENTITY_FIELDS.get(entity, {}).get(field)
    if spec is not None:
        return spec.label
    return EXTRA_LABELS.get(field, field)


def format_timestamp(moment: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """`21/11/2026 14:05` in local time (or `tz`)."""
    return moment.astimezone(tz).strftime("%d/%m/%Y %H:%M")


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_TEXT else flat[: MAX_TEXT - 1].rstrip() + "…"


def _enum_label(enum: type[Enum], raw: str) -> str:
    try:
        return str(getattr(enum(raw), "label", raw))
    except ValueError:
        return raw


def _date(raw: str) -> str:
    try:
        return format_date(dt.date.fromisoformat(raw[:10]))
    except ValueError:
        return raw


def _money(raw: str) -> str:
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        return raw
    return format_euros(amount, cents=amount != amount.to_integral_value())


def _number(raw: str) -> str:
    try:
        return format_number(Decimal(raw))
    except InvalidOperation:
        return raw


def _reference(field: str, raw: str, resolve: Resolver | None, translate: Translate) -> str:
    try:
        record_id = int(raw)
    except ValueError:
        return raw
    name = resolve(field, record_id) if resolve is not None else None
    return name if name else translate("n° {id}").format(id=record_id)


def format_value(
    entity: str,
    field: str,
    raw: str | None,
    *,
    resolve: Resolver | None = None,
    translate: Translate = _same,
) -> str:
    """One stored value as the user reads it."""
    if field == "challenges":
        if not raw:
            return translate("aucun")
        return ", ".join(_reference(field, part, resolve, translate) for part in raw.split(","))
    if raw is None or raw == "":
        return translate("(vide)")
    spec = ENTITY_FIELDS.get(entity, {}).get(field)
    kind = spec.kind if spec is not None else "text"
    if kind == "enum" and spec is not None and spec.enum is not None:
        return _enum_label(spec.enum, raw)
    if kind == "date":
        return _date(raw)
    if kind == "money":
        return _money(raw)
    if kind == "bool":
        return translate("oui") if raw == "1" else translate("non") if raw == "0" else raw
    if kind == "int" and field in PERCENT_FIELDS:
        return f"{raw}\u202f%"
    if kind in ("int", "float"):
        return _number(raw)
    if kind == "ref":
        return _reference(field, raw, resolve, translate)
    return _shorten(raw)


def _described(text: str | None) -> str | None:
    """What a created / deleted record was; None when the log only knows its number ("#12")."""
    if not text or (text.startswith("#") and text[1:].isdigit()):
        return None
    return _shorten(text)


def change_text(
    change: ChangeLogRecord,
    *,
    resolve: Resolver | None = None,
    record_name: Resolver | None = None,
    translate: Translate = _same,
) -> str:
    """ "Statut : En cours → Bloquée", "Création : Jalon 1", "Suppression : Devis"."""
    if change.field is None:
        created = change.old_value is None
        what = _described(change.new_value if created else change.old_value)
        if what is None and record_name is not None:
            what = record_name(change.entity, change.entity_id)
        verb = translate("Création") if created else translate("Suppression")
        return translate("{verb} : {what}").format(verb=verb, what=what) if what else verb
    old = format_value(change.entity, change.field, change.old_value, resolve=resolve, translate=translate)
    new = format_value(change.entity, change.field, change.new_value, resolve=resolve, translate=translate)
    label = field_label(change.entity, change.field)
    return translate("{label} : {old} → {new}").format(label=label, old=old, new=new)
