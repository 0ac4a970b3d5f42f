"""The change log in readable French, for the fiche-action's Historique and the dashboard's latest changes.

`change_text` is the sentence of a table that names the entity in a column of its own
("Statut : En cours → Bloquée", "Création : Jalon 1"); `change_line` stands alone
("INN-01 — Statut : En cours → Bloquée", "INN-01 — Jalon supprimé : Jalon 1").

The sentences are pure functions: values are stored as codes (enum codes, ISO dates, '1250.00', '1'/'0',
ids), turned here into what the user reads, using the labels and kinds of `domain.fields`; ids become names
through a `Resolver` (`reference_resolver` over `plan_names`). Words of our own go through `translate`
(the GUI passes `qt_translate`; tests keep the French source).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from ti_desktop.domain import entities, fields
from ti_desktop.domain.custom_fields import display_stored, parse_history_field
from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.domain.fields import FieldSpec
from ti_desktop.domain.records import ActionRecord, ActorRecord, ChangeLogRecord
from ti_desktop.gui.inputs import show_amount
from ti_desktop.kernel.formatting import format_date, format_number
from ti_desktop.services.use_cases import (
    HasActions,
    HasActors,
    HasAxes,
    HasChallenges,
    HasCustomFields,
    HasObjectives,
)

# (field name, id) -> the name of the referenced record (actor, axis, challenge…), or None if unknown;
# also (entity, id) -> the name of a created / deleted record the log only knows by number.
Resolver = Callable[[str, int], str | None]
Translate = Callable[[str], str]

# Kept short in the table: a long description is summarised, the full text is elsewhere.
MAX_TEXT = 120


def _same(text: str) -> str:
    return text


def qt_translate(text: str) -> str:
    """Our words through Qt's translation, one context for every place that shows the history."""
    return QCoreApplication.translate("HistoryText", text)


# Per logged entity: its declared fields (French labels, kinds) and phrases, from `domain.entities`.
ENTITY_FIELDS: dict[str, Mapping[str, FieldSpec]] = {entity.name: entity.specs for entity in entities.ENTITIES}
ENTITY_PHRASES: dict[str, tuple[str, str, str]] = {entity.name: entity.phrases for entity in entities.ENTITIES}
# How a Resolver is asked the name of a custom field (`field_id` refers to one, as a custom value declares it).
CUSTOM_FIELD_REFERENCE = "field_id"
# The links logged as a set of ids, with the kind of record they name.
LINK_KINDS: dict[str, str] = {"challenges": "challenge", "participants": "actor"}


def _reference_kind(field: str) -> str | None:
    """The kind of record a reference field names (the same field name means the same kind in every entity)."""
    if field in LINK_KINDS:
        return LINK_KINDS[field]
    for specs in ENTITY_FIELDS.values():
        spec = specs.get(field)
        if spec is not None and spec.refers_to is not None:
            return spec.refers_to
    return None


def reference_resolver(names: Mapping[str, Mapping[int, str]]) -> Resolver:
    """A Resolver over names by kind of record, e.g. {"actor": {17: "Sophie Klein"}, "action": {3: "INN-01"}}."""

    def resolve(field: str, record_id: int) -> str | None:
        kind = _reference_kind(field)
        return names.get(kind, {}).get(record_id) if kind else None

    return resolve


class PlanNamesServices(HasActions, HasActors, HasAxes, HasChallenges, HasCustomFields, HasObjectives, Protocol):
    """What naming the plan's records (in history lines) reads."""


def plan_names(
    services: PlanNamesServices,
    territory_id: int,
    actor_label: Callable[[ActorRecord], str] = lambda actor: actor.name,
    actions: Sequence[ActionRecord] | None = None,
) -> dict[str, dict[int, str]]:
    """The names a territory's history refers to by id, by kind of record (see `FieldSpec.refers_to`).

    `actions`: the territory's actions when the caller has them already (no second reading of the plan)."""
    plan = services.actions.for_territory(territory_id) if actions is None else actions
    return {
        "actor": {actor.id: actor_label(actor) for actor in services.actors.list()},
        "action": {action.id: action.code or action.title for action in plan},
        "axis": {axis.id: axis.label for axis in services.axes.available_to(territory_id)},
        "objective": {o.id: o.title for o in services.objectives.list(territory_id=territory_id)},
        "challenge": {c.id: c.title for c in services.challenges.list(territory_id=territory_id)},
        "custom_field": services.custom_fields.names(territory_id),  # deleted ones too: the history shows them
    }


def record_namer(names: Mapping[str, Mapping[int, str]]) -> Resolver:
    """Names of records by entity ({"meeting": {2: "Comité de projet du 12/03/2026"}}), for creations/deletions."""
    return lambda entity, record_id: names.get(entity, {}).get(record_id)


def entity_label(entity: str, translate: Translate = _same) -> str:
    phrases = ENTITY_PHRASES.get(entity)
    return translate(phrases[0]) if phrases else entity


def field_label(entity: str, field: str, translate: Translate = _same) -> str:
    spec = ENTITY_FIELDS.get(entity, {}).get(field)
    if spec is not None:
        return spec.label
    return translate(fields.LINK_LABELS[field]) if field in fields.LINK_LABELS else field


def format_timestamp(moment: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """`21/11/2026 14:05` in local time (or `tz`); a naive moment is UTC, as stored."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
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
    return show_amount(amount)


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
    if field in fields.LINK_LABELS:
        if not raw:
            return translate("aucun")
        return ", ".join(_reference(field, part, resolve, translate) for part in raw.split(","))
    if raw is None or raw == "":
        return translate("(vide)")
    spec = ENTITY_FIELDS.get(entity, {}).get(field)
    kind = spec.kind if spec is not None else "text"
    if spec is not None and spec.one_per_line:  # a list's choices, one per line
        return _shorten(" · ".join(raw.split("\n")))
    if kind == "enum" and spec is not None and spec.enum is not None:
        return _enum_label(spec.enum, raw)
    if kind == "date":
        return _date(raw)
    if kind == "money":
        return _money(raw)
    if kind == "bool":
        return translate("oui") if raw == "1" else translate("non") if raw == "0" else raw
    if kind == "int" and spec is not None and spec.percent:
        return f"{raw}\u202f%"
    if kind in ("int", "float"):
        return _number(raw)
    if kind == "ref":
        return _reference(field, raw, resolve, translate)
    return _shorten(raw)


def _described(change: ChangeLogRecord, record_name: Resolver | None) -> str | None:
    """What a created / deleted record was: its logged name, else (the log only knows "#12") what still names it."""
    text = change.new_value if change.old_value is None else change.old_value
    if text and not (text.startswith("#") and text[1:].isdigit()):
        return _shorten(text)
    return record_name(change.entity, change.entity_id) if record_name is not None else None


def _custom_change(field: str, change: ChangeLogRecord, resolve: Resolver | None, translate: Translate) -> str | None:
    """« Cibles : — → PME industrielles »: a custom field's value, under the field's own name (None: not one)."""
    custom = parse_history_field(field)
    if custom is None:
        return None
    field_id, kind = custom
    name = resolve(CUSTOM_FIELD_REFERENCE, field_id) if resolve is not None else None
    label = name or translate("Champ personnalisé n° {id}").format(id=field_id)
    shown = [display_stored(kind, raw) for raw in (change.old_value, change.new_value)]
    if kind in (CustomFieldKind.TEXT, CustomFieldKind.CHOICE):
        shown = [_shorten(text) for text in shown]
    old, new = (text or translate("(vide)") for text in shown)
    return translate("{label} : {old} → {new}").format(label=label, old=old, new=new)


def _field_change(change: ChangeLogRecord, field: str, resolve: Resolver | None, translate: Translate) -> str:
    custom = _custom_change(field, change, resolve, translate)
    if custom is not None:
        return custom
    old = format_value(change.entity, field, change.old_value, resolve=resolve, translate=translate)
    new = format_value(change.entity, field, change.new_value, resolve=resolve, translate=translate)
    label = field_label(change.entity, field, translate)
    return translate("{label} : {old} → {new}").format(label=label, old=old, new=new)


def change_text(
    change: ChangeLogRecord,
    *,
    resolve: Resolver | None = None,
    record_name: Resolver | None = None,
    translate: Translate = _same,
) -> str:
    """ "Statut : En cours → Bloquée", "Création : Jalon 1", "Suppression : Devis" (the entity is shown apart)."""
    if change.field is None:
        what = _described(change, record_name)
        verb = translate("Création") if change.old_value is None else translate("Suppression")
        return translate("{verb} : {what}").format(verb=verb, what=what) if what else verb
    return _field_change(change, change.field, resolve, translate)


def change_line(
    change: ChangeLogRecord,
    *,
    resolve: Resolver | None = None,
    record_name: Resolver | None = None,
    translate: Translate = _same,
) -> str:
    """One line that says it all: "INN-01 — Statut : En cours → Bloquée", "INN-01 — Jalon supprimé : Devis".

    The action's code comes first (found with `resolve("action_id", …)`), except on the creation or
    deletion of the action itself, whose own name says it; a change of anything but the action names
    the kind of record ("INN-01 — Jalon — Échéance : …")."""
    parts: list[str] = []
    code = resolve("action_id", change.action_id) if resolve is not None and change.action_id is not None else None
    if code and not (change.entity == "action" and change.field is None):
        parts.append(code)
    if change.field is None:
        _, added, deleted = ENTITY_PHRASES.get(change.entity, (change.entity, change.entity, change.entity))
        phrase = translate(added if change.old_value is None else deleted)
        what = _described(change, record_name)
        parts.append(translate("{verb} : {what}").format(verb=phrase, what=what) if what else phrase)
    else:
        if change.entity != "action":
            parts.append(entity_label(change.entity, translate))
        parts.append(_field_change(change, change.field, resolve, translate))
    return " — ".join(parts)
