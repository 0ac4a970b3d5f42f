"""What the front ends show of a plan import's columns: the fields a column may fill, the « ignore » choice,
column letters, the header normalisation that remembers choices, and the problems an import found.

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
from ti_desktop.exchange.report import ImportIssue, column_letter

__all__ = [
    "ACTION_FIELDS",
    "FIELDS_BY_KEY",
    "FUNDING_FIELDS",
    "IGNORE",
    "MILESTONE_FIELDS",
    "ImportIssue",
    "PlanField",
    "column_letter",
    "fields_for",
    "normalise",
    "sheet_kind",
]
