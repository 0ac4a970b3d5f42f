"""The columns of TI Desktop's own plan workbook, shared by the export, the import template and the
column mapping of arbitrary spreadsheets.

A `PlanField` is what a spreadsheet column can be mapped to; those of the actions, funding lines and milestones
derive from the columns declared on their records (`domain.records`, `FieldSpec.column`). Its `key` is what a user
writes in a `--mapping` file (`{"Intitulé": "titre"}`); its `header` is the column title the export writes and the
template carries; `synonyms` are other headers people use for it (matched after `normalise`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal, cast

from ti_desktop.domain import entities
from ti_desktop.domain.entities import Entity
from ti_desktop.domain.enums import ActionStatus, AmountBasis, BudgetNature, FundingStatus, Priority
from ti_desktop.domain.fields import FieldSpec
from ti_desktop.exchange.french import normalise

FieldKind = Literal[
    "text",
    "code",
    "axis",
    "objective",
    "parent",
    "date",
    "amount",
    "integer",
    "percent",
    "flag",
    "status",
    "priority",
    "funding_status",
    "budget_nature",
    "amount_basis",
    "actor",
]
SheetKind = Literal["actions", "financements", "jalons"]

ACTIONS_SHEET = "Actions"
FUNDING_SHEET = "Financements"
MILESTONES_SHEET = "Jalons"
INDICATORS_SHEET = "Indicateurs"
UPDATES_SHEET = "Suivi"
IGNORE = "ignorer"  # the mapping target meaning "do not read this column"


@dataclass(frozen=True, slots=True)
class PlanField:
    key: str  # mapping key, French snake case: stable, written by users in mapping files
    header: str  # the column title in TI Desktop's workbook
    kind: FieldKind
    attribute: str | None  # the model attribute it fills (None: used to locate the action)
    description: str
    synonyms: tuple[str, ...] = ()
    sheet: SheetKind = "actions"


# Columns locating the action a funding line or a milestone belongs to (same keys as on the actions sheet).
ACTION_CODE = PlanField("code", "Code action", "code", None, "code de l'action concernée", ("code",), "financements")
ACTION_AXIS = PlanField("axe", "Axe", "axis", None, "axe de l'action concernée", ("axe",), "financements")
ACTION_TITLE = PlanField(
    "titre", "Action", "text", None, "intitulé de l'action concernée", ("intitule", "titre"), "financements"
)

_KIND_OF_ENUM: dict[type[Enum], FieldKind] = {
    ActionStatus: "status",
    Priority: "priority",
    FundingStatus: "funding_status",
    BudgetNature: "budget_nature",
    AmountBasis: "amount_basis",
}
_KIND_OF_SPEC: dict[str, FieldKind] = {
    "text": "text",
    "date": "date",
    "money": "amount",
    "int": "integer",
    "bool": "flag",
}


def _kind(spec: FieldSpec) -> FieldKind:
    assert spec.column is not None
    if spec.column.kind is not None:
        return cast(FieldKind, spec.column.kind)
    if spec.enum is not None:
        return _KIND_OF_ENUM[spec.enum]
    if spec.percent:
        return "percent"
    return _KIND_OF_SPEC[spec.kind]


def _declared(entity: Entity[Any], sheet: SheetKind) -> tuple[PlanField, ...]:
    """The workbook columns of an entity's fields, as declared on its record (`domain.records`)."""
    return tuple(
        PlanField(
            spec.column.key,
            spec.column.header,
            _kind(spec),
            attribute,
            spec.column.description,
            spec.column.synonyms,
            sheet,
        )
        for attribute, spec in entity.columns
        if spec.column is not None
    )


ACTION_FIELDS = _declared(entities.ACTION, "actions")
FUNDING_FIELDS = _declared(entities.FUNDING_LINE, "financements")
MILESTONE_FIELDS = _declared(entities.MILESTONE, "jalons")

# Columns whose cell is the record's own value (no lookup, no word list) travel generically, by attribute
# (`ActionImport.values`, `ExportedAction.values`): a field declared with a column needs no code here. The
# action's code and title identify it, so they stay named attributes.
VALUE_KINDS: frozenset[FieldKind] = frozenset({"text", "date", "amount", "integer", "percent", "flag"})
IDENTITY_ATTRIBUTES = frozenset({"code", "title"})


def carries_value(field: PlanField) -> bool:
    return field.kind in VALUE_KINDS and field.attribute is not None and field.attribute not in IDENTITY_ATTRIBUTES


ACTION_VALUE_FIELDS = tuple(field for field in ACTION_FIELDS if carries_value(field))

# Sheets of the workbook, in order, with their columns.
FUNDING_COLUMNS = (ACTION_CODE, ACTION_AXIS, ACTION_TITLE, *FUNDING_FIELDS)
MILESTONE_COLUMNS = (ACTION_CODE, ACTION_AXIS, ACTION_TITLE, *MILESTONE_FIELDS)
ALL_FIELDS: tuple[PlanField, ...] = (*ACTION_FIELDS, *FUNDING_FIELDS, *MILESTONE_FIELDS)
FIELDS_BY_KEY: dict[str, PlanField] = {field.key: field for field in ALL_FIELDS}


def fields_for(kind: SheetKind) -> tuple[PlanField, ...]:
    """The fields a sheet of this kind may hold. On companion sheets `code`, `axe` and `titre` locate the
    action; an actions sheet may also carry one funding line and one milestone per row."""
    if kind == "financements":
        return FUNDING_COLUMNS
    if kind == "jalons":
        return MILESTONE_COLUMNS
    return ALL_FIELDS


def sheet_kind(sheet_name: str) -> SheetKind:
    """A workbook's companion sheets are recognised by name; every other sheet holds actions."""
    name = normalise(sheet_name)
    if name in ("financements", "financement", "plan de financement"):
        return "financements"
    if name in ("jalons", "jalon", "etapes", "calendrier"):
        return "jalons"
    return "actions"
