"""What the front ends show of a plan import's columns: the fields a column may fill, the choices for a column no
field reads (keep as a custom field, add to the notes, ignore), column letters, the header normalisation that
remembers choices, and the problems an import found.

The GUI's import wizard and the command line's `import --fields` read them here, not from the exchange layer.
"""

from __future__ import annotations

from ti_desktop.exchange.french import normalise
from ti_desktop.exchange.plan_columns import (
    ACTION_FIELDS,
    FIELDS_BY_KEY,
    FUNDING_FIELDS,
    IGNORE,
    MILESTONE_FIELDS,
    PlanField,
    fields_for,
    sheet_kind,
)
from ti_desktop.exchange.plan_import import APPEND_TO_NOTES, KEEP_AS_CUSTOM, POLICY_OF_TARGET, UnmappedPolicy
from ti_desktop.exchange.report import ImportIssue, column_letter


def header_set_key(headers: list[str]) -> str:
    """What a set of headers is remembered under, whatever their order, case and accents."""
    return " | ".join(sorted({normalise(header) for header in headers if header.strip()}))


__all__ = [
    "ACTION_FIELDS",
    "APPEND_TO_NOTES",
    "FIELDS_BY_KEY",
    "FUNDING_FIELDS",
    "IGNORE",
    "KEEP_AS_CUSTOM",
    "MILESTONE_FIELDS",
    "POLICY_OF_TARGET",
    "ImportIssue",
    "PlanField",
    "UnmappedPolicy",
    "column_letter",
    "fields_for",
    "header_set_key",
    "normalise",
    "sheet_kind",
]
