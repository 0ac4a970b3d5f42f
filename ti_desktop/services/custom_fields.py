"""A territory's custom fields (« champs personnalisés »): defining them, and the actions' values of them.

A field is an entity like the others (`EntityCrud`: validated by its declaration, versioned, in the history).
Its values are part of their action: setting one is a change of the action — it carries the action's expected
version (a value saved over someone else's newer change of the fiche is refused, never overwritten), moves the
action's version on, and writes one history row on the action, « Cibles : — → PME industrielles ». Deleting a
field with values is, likewise, a change of each action that had one; `put_back` gives everything back.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.db.changelog import log_changes
from ti_desktop.domain import entities
from ti_desktop.domain.custom_fields import (
    CustomValue,
    clean,
    decode,
    display,
    encode,
    field_key,
    history_field,
)
from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.domain.errors import ValidationError
from ti_desktop.domain.fields import MAX_INTEGER
from ti_desktop.domain.records import ActionRecord, CustomFieldRecord, CustomValueRecord
from ti_desktop.exchange.french import UnreadableValue, normalise, parse_amount, parse_date
from ti_desktop.exchange.plan_columns import ALL_FIELDS
from ti_desktop.exchange.plan_import import FALSE_WORDS, TRUE_WORDS
from ti_desktop.services.crud import EntityCrud, fetch_records, restore_in, to_record, touch
from ti_desktop.services.plan import ActionService, custom_values_in
from ti_desktop.services.transactions import transaction

K = CustomFieldKind
# Headers (and their synonyms) of the plan workbook's own columns: a custom field exported under one of them would
# be read back into the declared field at the next import.
_DECLARED_HEADERS: dict[str, str] = {}
for _field in ALL_FIELDS:
    for _header in (_field.header, *_field.synonyms):
        _DECLARED_HEADERS.setdefault(normalise(_header), _field.header)


@dataclass(frozen=True, slots=True)
class CustomFieldRemoval:
    """What deleting a custom field takes: the field, and every action's value of it (for `put_back`)."""

    field: CustomFieldRecord
    values: list[CustomValueRecord]


def convert(value: CustomValue, kind: CustomFieldKind | None, field: CustomFieldRecord) -> CustomValue | None:
    """`value` (read as `kind`, None: as a file gives it) as a value of `field`, checked: a date or an amount
    written as text is read the French way, a number becomes text… Raises ValidationError naming the field when
    the value does not fit (« T2 2025 » for a date)."""
    target = field.kind
    raw: Any = value
    try:
        if target in (K.TEXT, K.CHOICE) and not isinstance(value, str):
            raw = display(kind or _kind_of(value), value)
        elif target is K.AMOUNT and isinstance(value, str):
            raw = parse_amount(value)
        elif target is K.NUMBER and isinstance(value, str):
            raw = _number(value)
        elif target is K.DATE and isinstance(value, str):
            raw = parse_date(value)
        elif target is K.FLAG and isinstance(value, str):
            word = normalise(value)
            raw = True if word in TRUE_WORDS else False if word in FALSE_WORDS else value
    except UnreadableValue as error:
        raise ValidationError(field_key(field.id), field.name, error.message) from error
    return clean(field.id, field.name, target, field.choice_list, raw)


def _number(text: str) -> Decimal:
    """`12,5`, `-1 250`, `0,125` (a number has as many decimals as it needs; an amount two)."""
    plain = "".join(text.split()).replace("\u202f", "").replace("\u00a0", "").replace(",", ".")
    try:
        number = Decimal(plain)
    except InvalidOperation:
        raise UnreadableValue(f"« {text.strip()} » n'est pas un nombre lisible (exemple : 12,5).") from None
    if not number.is_finite():
        raise UnreadableValue(f"« {text.strip()} » n'est pas un nombre lisible (exemple : 12,5).")
    return number


def _kind_of(value: CustomValue) -> CustomFieldKind:
    if isinstance(value, bool):
        return K.FLAG
    if isinstance(value, dt.date):
        return K.DATE
    if isinstance(value, Decimal):
        return K.NUMBER
    return K.TEXT


def _record_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_INTEGER


class CustomFieldService(EntityCrud[models.CustomField, CustomFieldRecord]):
    def __init__(self, sessions: sessionmaker[Session], actions: ActionService) -> None:
        super().__init__(
            sessions, models.CustomField, entities.CUSTOM_FIELD, order_by=("territory_id", "position", "id")
        )
        self.actions = actions

    # -- the fields ------------------------------------------------------------------------------
    def for_territory(self, territory_id: int) -> builtins.list[CustomFieldRecord]:
        """The territory's fields in their order (the fiche's, the plan's columns', the export's)."""
        with self._sessions() as session:
            return self.for_territory_in(session, territory_id)

    def for_territory_in(self, session: Session, territory_id: int) -> builtins.list[CustomFieldRecord]:
        table = models.CustomField.__table__
        return fetch_records(
            session,
            models.CustomField,
            CustomFieldRecord,
            table.c.territory_id == territory_id,
            order_by=(table.c.position, table.c.id),
        )

    def define(
        self, territory_id: int, name: str, kind: CustomFieldKind | str, choices: Sequence[str] | str | None = None
    ) -> CustomFieldRecord:
        """A new field of the territory, after its others."""
        return self.create(territory_id=territory_id, name=name, kind=kind, choices=choices)

    def create(self, **values: Any) -> CustomFieldRecord:
        """A field defined by the user: its name must not be one of the plan workbook's columns (see `update`)."""
        self._refuse_declared_header(values.get("name"))
        return super().create(**values)

    def update(self, record_id: int, *, expected_version: int | None = None, **changes: Any) -> CustomFieldRecord:
        """Rename, change the kind or the list's choices (the values follow: see `update_in`)."""
        if "name" in changes:
            self._refuse_declared_header(changes["name"])
        return super().update(record_id, expected_version=expected_version, **changes)

    @staticmethod
    def _refuse_declared_header(name: object) -> None:
        if not isinstance(name, str):
            return  # refused (or not) by the field's declaration
        header = _DECLARED_HEADERS.get(normalise(name))
        if header is not None:
            shown = " ".join(name.split())
            which = "la" if normalise(header) == normalise(name) else "un autre nom de la"
            raise ValidationError(
                "name",
                "Nom du champ",
                f"« {shown} » est {which} colonne « {header} » du plan : l'export et l'import la confondraient "
                "avec ce champ (choisissez un autre nom).",
            )

    def create_in(self, session: Session, *, batch: bool = False, **values: Any) -> models.CustomField:
        """A new field goes after the territory's others, unless given its position."""
        if "position" not in values and _record_id(values.get("territory_id")):
            table = models.CustomField.__table__
            last = session.execute(
                select(func.max(table.c.position)).where(table.c.territory_id == values["territory_id"])
            ).scalar()
            values["position"] = (last or 0) + 1
        return super().create_in(session, batch=batch, **values)

    def update_in(self, session: Session, record_id: int, *, batch: bool = False, **changes: Any) -> models.CustomField:
        """Save the changes; a new kind or new choices convert every action's value of the field (a date kept as
        text becomes a date, « haute » becomes the list's « Haute »…), or refuse the change, naming a value that
        does not fit, when one cannot be converted."""
        row = self.load(session, record_id)
        before = to_record(row, CustomFieldRecord)
        row = super().update_in(session, record_id, batch=batch, **changes)
        after = to_record(row, CustomFieldRecord)
        if (after.kind, after.choices) != (before.kind, before.choices):
            self._conform_values(session, before, after)
        return row

    def _conform_values(self, session: Session, before: CustomFieldRecord, after: CustomFieldRecord) -> None:
        values = session.scalars(select(models.CustomValue).where(models.CustomValue.field_id == after.id))
        unfit: list[tuple[models.CustomValue, str]] = []
        history: list[dict[str, Any]] = []
        for value in values:
            old = decode(before.kind, value.value)
            try:
                new = convert(old, before.kind, after)
            except ValidationError:
                unfit.append((value, display(before.kind, old)))
                continue
            stored = encode(after.kind, new) if new is not None else None
            was = value.value
            if stored == was:
                continue
            action = self.actions.load(session, value.action_id)
            if stored is None:
                session.delete(value)
            else:
                value.value = stored
            touch(action)
            if after.kind is before.kind:  # a choice respelt; a new kind shows the same value another way
                history.append(_history_row(action, after, was, stored))
        if unfit:
            value, shown = unfit[0]
            action = self.actions.load(session, value.action_id)
            others = f" et {len(unfit) - 1} autre(s)" if len(unfit) > 1 else ""
            if after.kind is before.kind:
                raise ValidationError(
                    "choices",
                    "Choix de la liste",
                    f"« {shown} » (action {action.code or action.title}{others}) n'est plus un des choix : "
                    "changez ces valeurs d'abord, ou gardez ce choix.",
                )
            raise ValidationError(
                "kind",
                "Type du champ",
                f"« {shown} » (action {action.code or action.title}{others}) ne se lit pas comme "
                f"« {after.kind.label} » : corrigez ces valeurs d'abord.",
            )
        session.flush()
        log_changes(session, history)

    def reorder(self, ordered_ids: Sequence[int]) -> builtins.list[CustomFieldRecord]:
        """The fields in this order (positions 1, 2, 3…), in one transaction."""
        return self.update_many({field_id: {"position": position} for position, field_id in enumerate(ordered_ids, 1)})

    def value_count(self, field_id: int) -> int:
        """How many actions have a value of the field (what deleting it would take away)."""
        table = models.CustomValue.__table__
        with self._sessions() as session:
            return int(
                session.execute(select(func.count()).select_from(table).where(table.c.field_id == field_id)).scalar()
                or 0
            )

    def names(self, territory_id: int) -> dict[int, str]:
        """The names of the territory's fields, and of those deleted since (from the history): how the history
        names a field whose value it shows."""
        log = models.ChangeLog
        with self._sessions() as session:
            deleted = session.execute(
                select(log.entity_id, log.old_value).where(
                    log.territory_id == territory_id,
                    log.entity == entities.CUSTOM_FIELD.name,
                    log.field.is_(None),
                    log.old_value.is_not(None),
                )
            )
            found = {field_id: str(name) for field_id, name in deleted}
            found.update((field.id, field.name) for field in self.for_territory_in(session, territory_id))
            return found

    # -- deleting and putting back ---------------------------------------------------------------
    def removal_in(self, session: Session, record_id: int) -> CustomFieldRemoval:
        field = to_record(self.load(session, record_id), CustomFieldRecord)
        table = models.CustomValue.__table__
        values = fetch_records(
            session, models.CustomValue, CustomValueRecord, table.c.field_id == record_id, order_by=(table.c.id,)
        )
        return CustomFieldRemoval(field, values)

    def delete_in(self, session: Session, record_id: int) -> None:
        """Delete the field and its values, each a change of its action (history, version)."""
        field = to_record(self.load(session, record_id), CustomFieldRecord)
        history = []
        for value in session.scalars(select(models.CustomValue).where(models.CustomValue.field_id == record_id)):
            action = self.actions.load(session, value.action_id)
            touch(action)
            history.append(_history_row(action, field, value.value, None))
            session.delete(value)
        session.flush()
        log_changes(session, history)
        super().delete_in(session, record_id)

    def put_back(self, removed: CustomFieldRemoval) -> CustomFieldRecord:
        """Undo a deletion: the field and every value it took, with their ids and versions."""
        with transaction(self._sessions) as session:
            restore_in(session, models.CustomField, removed.field)
            history = []
            for value in removed.values:
                restore_in(session, models.CustomValue, value)
                action = self.actions.load(session, value.action_id)
                touch(action)
                history.append(_history_row(action, removed.field, None, value.value))
            session.flush()
            log_changes(session, history)
        return removed.field

    # -- the values ------------------------------------------------------------------------------
    def values_of(self, action_id: int) -> dict[int, CustomValue]:
        """The action's values, by field id (a field it leaves empty is absent)."""
        with self._sessions() as session:
            action = self.actions.load(session, action_id)
            return self.values_in(session, action.territory_id, action_id).get(action_id, {})

    def values_in_territory(self, territory_id: int) -> dict[int, dict[int, CustomValue]]:
        """Every action's values in the territory: action id → field id → value."""
        with self._sessions() as session:
            return self.values_in(session, territory_id)

    def values_in(
        self, session: Session, territory_id: int, action_id: int | None = None
    ) -> dict[int, dict[int, CustomValue]]:
        return custom_values_in(session, territory_id, action_id)

    def set_values(
        self, action_id: int, values: Mapping[int, Any], *, expected_version: int | None = None
    ) -> ActionRecord:
        """Set (or, with None, clear) some of the action's values, by field id, in one transaction: a change of the
        action, refused as its update is when it is not at `expected_version` (ConcurrentEditError), and
        refused with a French message naming the field when a value does not fit its kind (nothing written)."""
        with transaction(self._sessions) as session:
            action = self.actions.load(session, action_id)
            self.actions.expect_version(session, action, expected_version)
            self.set_values_in(session, action, values)
            return to_record(action, ActionRecord)

    def set_values_in(
        self,
        session: Session,
        action: models.Action,
        values: Mapping[int, Any],
        *,
        fields: Mapping[int, CustomFieldRecord] | None = None,
        current: dict[int, models.CustomValue] | None = None,
        history: builtins.list[dict[str, Any]] | None = None,
    ) -> builtins.list[CustomFieldRecord]:
        """Write the values (checked for their field's kind) and return the fields whose value changed; the action
        is touched and the history written. An import gives the territory's `fields` and the action's `current`
        values it holds already (kept up to date here), and a `history` list it writes once for every action."""
        if fields is None:
            fields = {field.id: field for field in self.for_territory_in(session, action.territory_id)}
        if current is None:
            rows = session.scalars(select(models.CustomValue).where(models.CustomValue.action_id == action.id))
            current = {row.field_id: row for row in rows}
        changed: list[CustomFieldRecord] = []
        rows_of_history: list[dict[str, Any]] = []
        for field_id, raw in values.items():
            field = fields.get(field_id) if _record_id(field_id) else None
            if field is None:
                raise ValidationError(
                    "field_id", "Champ personnalisé", "ce champ n'existe pas (ou plus) dans le territoire de l'action."
                )
            value = clean(field.id, field.name, field.kind, field.choice_list, raw)
            stored = encode(field.kind, value) if value is not None else None
            row = current.get(field_id)
            old = row.value if row is not None else None
            if stored == old:
                continue
            if row is None:
                current[field_id] = models.CustomValue(action_id=action.id, field_id=field_id, value=stored)
                session.add(current[field_id])
            elif stored is None:
                session.delete(current.pop(field_id))
            else:
                row.value = stored
            changed.append(field)
            rows_of_history.append(_history_row(action, field, old, stored))
        if changed:
            touch(action)
            if history is None:
                session.flush()
                log_changes(session, rows_of_history)
            else:
                history.extend(rows_of_history)
        return changed


def _history_row(action: models.Action, field: CustomFieldRecord, old: str | None, new: str | None) -> dict[str, Any]:
    """A change of an action's value of `field`, as its history keeps it."""
    return {
        "territory_id": action.territory_id,
        "action_id": action.id,
        "entity": entities.ACTION.name,
        "entity_id": action.id,
        "field": history_field(field.id, field.kind),
        "old_value": old,
        "new_value": new,
    }
