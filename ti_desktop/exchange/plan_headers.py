"""Column headers as people write them → the plan's fields.

A header is compared by its key (`header_key`): case, accents, punctuation, units (€, HT, TTC, %), what stands
in parentheses, numbering (« Financeur 1 ») and small words (« de », « la ») do not count, and « N° »,
« Nº », « num. » all read « numero ». Each key names candidate fields, best first (`suggest_mapping`); the
synonyms come from the fields' declarations (`domain.records`, `Column.synonyms`).

A header spread over two rows — a group row above (« Financeur 1 » merged over « Nom » and « Montant »,
« Dates » over « Début » and « Fin ») — is read by joining the group to the sub-header when the sub-header alone
is unknown or names several fields, or when the same sub-header comes back under several groups
(`with_group_row`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ti_desktop.exchange.french import normalise
from ti_desktop.exchange.plan_columns import (
    ACTION_FIELDS,
    FUNDING_COLUMNS,
    FUNDING_FIELDS,
    MILESTONE_COLUMNS,
    MILESTONE_FIELDS,
    PlanField,
    SheetKind,
)

GROUP_JOINER = " – "
_NUMBER_SIGN = re.compile(r"\bn\s*[°º]|\bnum\b\.?|\bno\.", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_UNITS = frozenset({"eur", "euro", "euros", "ht", "ttc", "hors", "taxes", "toutes", "comprises"})
_SMALL_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "en", "a", "au", "aux", "par", "pour"})


def header_key(text: str) -> str:
    """`Coût total (€ HT) :` → `cout total`, `N° fiche` → `numero fiche`: what header matching compares."""
    key = normalise(_NUMBER_SIGN.sub(" numero ", text))
    bare = _BRACKETS.sub(" ", key)
    words = _NOT_WORD.sub(" ", bare if bare.strip(" ()[]") else key).split()
    kept = [word for word in words if word not in _UNITS and word not in _SMALL_WORDS and not word.isdigit()]
    return " ".join(kept or words)


def _lookup(groups: tuple[tuple[PlanField, ...], ...]) -> dict[str, list[str]]:
    """Header key → candidate field keys, best first: within each group (actions, then funding, then
    milestones) exact headers and keys come before synonyms, so that on an actions sheet "Échéance" is the
    action's end date and "Montant" is its budget unless a budget column came first."""
    names: dict[str, list[str]] = {}
    for fields in groups:
        for plan_field in fields:
            for name in (plan_field.header, plan_field.key.replace("_", " ")):
                candidates = names.setdefault(header_key(name), [])
                if plan_field.key not in candidates:
                    candidates.append(plan_field.key)
        for plan_field in fields:
            for name in plan_field.synonyms:
                candidates = names.setdefault(header_key(name), [])
                if plan_field.key not in candidates:
                    candidates.append(plan_field.key)
    return names


LOOKUPS: dict[SheetKind, dict[str, list[str]]] = {
    "actions": _lookup((ACTION_FIELDS, FUNDING_FIELDS, MILESTONE_FIELDS)),
    "financements": _lookup((FUNDING_COLUMNS,)),
    "jalons": _lookup((MILESTONE_COLUMNS,)),
}
# A field that, in the column just after another one, is what that column's neighbour means: « Financeur
# principal » then « Montant » is the amount asked of that funder, not the action's budget.
_AFTER: dict[str, str] = {"financeur": "montant_demande"}


def candidates(header: str, kind: SheetKind) -> list[str]:
    return LOOKUPS[kind].get(header_key(header), []) if header else []


def suggest_mapping(headers: Sequence[str], kind: SheetKind) -> dict[str, str]:
    """Header → field key for the headers recognised; a field goes to the first column naming it."""
    taken: set[str] = set()
    suggested: dict[str, str] = {}
    previous: str | None = None
    for header in headers:
        if header in suggested:  # the same header again: the first column of that name has the field
            previous = None
            continue
        found = candidates(header, kind)
        preferred = _AFTER.get(previous or "")
        if preferred in found:
            found = [preferred, *(key for key in found if key != preferred)]
        previous = None
        for key in found:
            if key not in taken:
                suggested[header] = key
                taken.add(key)
                previous = key
                break
    return suggested


def _groups(row: Sequence[str], width: int) -> list[str]:
    """The group above each column: a group cell is carried right over the empty cells after it (a merge
    written without merging), unless it is the row's only text, in its first column (a title line)."""
    filled = [index for index, text in enumerate(row) if text]
    title_only = filled == [0]
    groups: list[str] = []
    carried = ""
    for index in range(width):
        text = row[index] if index < len(row) else ""
        if text:
            carried = "" if title_only else text
            groups.append(text)
        else:
            groups.append(carried)
    return groups


def joined(group: str, header: str) -> str:
    return f"{group}{GROUP_JOINER}{header}"


def with_group_row(headers: Sequence[str], above: Sequence[str], kind: SheetKind) -> list[str]:
    """The headers of a row, each joined to its group in the row above where that names the column (or tells
    two columns of the same sub-header apart); the others as written."""
    groups = _groups(above, len(headers))
    result = list(headers)
    for index, header in enumerate(headers):
        group = groups[index]
        if not header or not group or header_key(group) == header_key(header):
            continue
        if len(candidates(header, kind)) == 1:
            continue
        if any(candidates(name, kind) for name in (f"{group} {header}", f"{header} {group}")):
            result[index] = joined(group, header)
    # The same sub-header under different groups (« Nom » under « Financeur 1 » and « Financeur 2 »).
    groups_of: dict[str, set[str]] = {}
    for index, header in enumerate(result):
        if header:
            groups_of.setdefault(header_key(header), set()).add(groups[index])
    for index, header in enumerate(result):
        group = groups[index]
        if header != headers[index] or not header or not group or header_key(group) == header_key(header):
            continue
        if len(groups_of[header_key(header)]) > 1:
            result[index] = joined(group, header)
    return result
