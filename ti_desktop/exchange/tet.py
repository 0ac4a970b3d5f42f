"""Territoires en Transitions plan workbooks → a `PlanImport` of plain rows (no database here).

Layout (see shared/peers/territoires-en-transitions/README.md): header on row 2 with A2 = "Axe (x)",
instructions on row 3, one fiche per row from row 4.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ti_desktop.exchange.french import (
    UnreadableValue,
    is_blank,
    normalise,
    parse_amount,
    parse_date,
    parse_month_first_date,
    parse_text,
    shown,
)
from ti_desktop.exchange.plan_import import (
    PRIORITY_WORDS,
    STATUS_WORDS,
    TO_DISCUSS,
    UNCLASSIFIED_AXIS,
    ActionImport,
    FundingImport,
    Origin,
    PlanImport,
)
from ti_desktop.exchange.report import ImportFileError, column_letter
from ti_desktop.exchange.tabular import RawSheet, read_workbook

HEADER_ROW = 2
FIRST_DATA_ROW = 4
AXIS_LABEL_MAX = 100
TITLE_MAX = 300

TET_COLUMNS = (
    "Axe (x)",
    "Sous-axe (x.x)",
    "Sous-sous axe (x.x.x)",
    "Titre de l'action",
    "Titre de la sous-action",
    "Descriptif",
    "Instances de gouvernance",
    "Objectifs",
    "Indicateurs liés",
    "Structure pilote",
    "Moyens humains et techniques",
    "Partenaires",
    "Direction ou service pilote",
    "Personne pilote",
    "Élu·e référent·e",
    "Participation Citoyenne",
    "Financements",
    "Financeur 1",
    "Montant € HT",
    "Financeur 2",
    "Montant € HT",
    "Financeur 3",
    "Montant € HT",
    "Budget prévisionnel total € HT",
    "Statut",
    "Niveau de priorité",
    "Date de début",
    "Date de fin",
)
(AXIS, SUB_AXIS, SUB_SUB_AXIS, TITLE, SUB_TITLE, DESCRIPTION) = range(6)
OBJECTIVES = 7
FUNDERS = ((17, 18), (19, 20), (21, 22))
BUDGET, STATUS, PRIORITY, START, END = 23, 24, 25, 26, 27
# Text columns without a field of their own: kept in the description so nothing is lost.
EXTRA_TEXT = (6, 8, 9, 10, 11, 12, 13, 14, 15, 16)
# People and structures naming one actor become the action's lead, pilot and elected referent; a list
# ("Service A, Service B") stays in the description.
ACTOR_COLUMNS = {9: "lead_actor_id", 13: "pilot_actor_id", 14: "elected_referent_id"}
_LIST_MARKS = re.compile(r"[,;/\n]| et ")

STATUSES = STATUS_WORDS
PRIORITIES = PRIORITY_WORDS


def is_tet_header(row: tuple[Any, ...] | None) -> bool:
    return bool(row) and row is not None and isinstance(row[0], str) and normalise(row[0]) == normalise("Axe (x)")


def check_columns(header: tuple[Any, ...]) -> str | None:
    """The first column out of place, as TeT's importer words it; None when the order is right."""
    for index, expected in enumerate(TET_COLUMNS):
        actual = header[index] if index < len(header) else None
        actual_text = "" if is_blank(actual) else str(actual).strip()
        if normalise(actual_text) != normalise(expected):
            found = f'"{actual_text}"' if actual_text else "une colonne vide"
            return f'La colonne {column_letter(index)} devrait être "{expected}" et non {found}'
    return None


def is_tet_sheet(sheet: RawSheet) -> bool:
    """A sheet laid out as a TeT plan: "Axe (x)" in A2."""
    return len(sheet.rows) >= HEADER_ROW and is_tet_header(sheet.rows[HEADER_ROW - 1])


def read_tet_plan(path: Path) -> PlanImport:
    """Read the first sheet laid out as a TeT plan; problems go to the report, never exceptions (but
    `ImportFileError` for a file that is not a readable spreadsheet or has no TeT sheet)."""
    workbook = read_workbook(path)
    for sheet in workbook.sheets:
        if is_tet_sheet(sheet):
            return read_tet_sheet(path, sheet)
    raise ImportFileError(
        f"« {path.name} » n'est pas un plan Territoires en Transitions : aucune feuille n'a « Axe (x) » en A2."
    )


def read_tet_sheet(path: Path, sheet: RawSheet) -> PlanImport:
    plan = PlanImport(path=path, sheet=sheet.name)
    problem = check_columns(sheet.rows[HEADER_ROW - 1])
    if problem:
        plan.report.error(problem, sheet=sheet.name, row=HEADER_ROW)
        return plan
    _read_rows(plan, sheet.name, sheet.rows[FIRST_DATA_ROW - 1 :])  # row 3: filling instructions
    return plan


class _Row:
    """One data row with its location, turning unreadable cells into report errors."""

    def __init__(self, plan: PlanImport, sheet: str, number: int, values: tuple[Any, ...]) -> None:
        self.plan, self.sheet, self.number, self.values = plan, sheet, number, values

    def raw(self, index: int) -> Any:
        return self.values[index] if index < len(self.values) else None

    def where(self, index: int) -> dict[str, object]:
        return {"sheet": self.sheet, "row": self.number, "column": column_letter(index), "header": TET_COLUMNS[index]}

    def error(self, index: int, message: str) -> None:
        self.plan.report.error(message, **self.where(index))

    def warning(self, index: int, message: str) -> None:
        self.plan.report.warning(message, **self.where(index))

    def text(self, index: int) -> str | None:
        return parse_text(self.raw(index))

    def amount(self, index: int) -> Decimal | None:
        try:
            return parse_amount(self.raw(index))
        except UnreadableValue as problem:
            self.error(index, problem.message)
            return None

    def date(self, index: int) -> dt.date | None:
        value = self.raw(index)
        try:
            return parse_date(value)
        except UnreadableValue as problem:
            month_first = parse_month_first_date(value)
            if month_first is not None:
                self.warning(
                    index,
                    f"« {shown(value)} » lue comme une date au format mois/jour/année : "
                    f"{month_first.strftime('%d/%m/%Y')}.",
                )
                return month_first
            self.error(index, problem.message)
            return None


def _read_rows(plan: PlanImport, sheet: str, rows: list[tuple[Any, ...]]) -> None:
    seen_headings: set[tuple[str, str]] = set()
    own_rows: dict[tuple[str, str, str], ActionImport] = {}
    pending: list[ActionImport] = []
    for number, values in enumerate(rows, start=FIRST_DATA_ROW):
        if values is None or all(is_blank(value) for value in values):
            continue
        row = _Row(plan, sheet, number, tuple(values))
        action = _read_row(row, seen_headings, plan)
        if action is not None:
            pending.append(action)
            if action.parent_title is None:
                own_rows.setdefault(action.key, action)
    _link_parents(plan, pending, own_rows)


def _objective_of(row: _Row) -> str | None:
    levels = [text for text in (row.text(SUB_AXIS), row.text(SUB_SUB_AXIS)) if text]
    objective = " › ".join(levels) or None
    if objective and len(objective) > TITLE_MAX:
        row.warning(SUB_AXIS, f"le sous-axe dépasse {TITLE_MAX} caractères : il sera raccourci.")
        objective = objective[:TITLE_MAX]
    return objective


def _read_row(row: _Row, seen: set[tuple[str, str]], plan: PlanImport) -> ActionImport | None:
    axis = row.text(AXIS)
    if axis and len(axis) > AXIS_LABEL_MAX:
        row.warning(AXIS, f"le nom de l'axe dépasse {AXIS_LABEL_MAX} caractères : il sera raccourci.")
        axis = axis[:AXIS_LABEL_MAX]
    objective = _objective_of(row)
    title = row.text(TITLE)
    sub_title = row.text(SUB_TITLE)
    if axis:
        heading = (axis, objective or "")
        if heading not in seen:
            seen.add(heading)
            plan.headings.append((axis, objective))
    if title is None:
        if sub_title is not None:
            row.error(TITLE, "sous-action sans titre d'action parente.")
            return None
        if any(not is_blank(row.raw(index)) for index in range(DESCRIPTION, len(row.values))):
            row.error(TITLE, "le titre de l'action est obligatoire.")
        return None  # a row naming only an axis or sub-axis: kept in `headings`
    if axis is None and sub_title is None and normalise(title).startswith(("total", "sous-total", "sous total")):
        row.warning(TITLE, f"ligne « {shown(title)} » ignorée (ligne de total).")
        return None
    if len(title) > TITLE_MAX or (sub_title and len(sub_title) > TITLE_MAX):
        row.error(SUB_TITLE if sub_title else TITLE, f"le titre dépasse {TITLE_MAX} caractères.")
        return None
    if axis is None:
        row.warning(AXIS, f"action sans axe : elle est rangée dans l'axe « {UNCLASSIFIED_AXIS} ».")
        axis = UNCLASSIFIED_AXIS
    action = ActionImport(
        origin=Origin(row.sheet, row.number),
        axis=axis,
        objective=objective,
        title=sub_title or title,
        parent_title=title if sub_title else None,
    )
    _read_values(row, action)
    return action


def _read_values(row: _Row, action: ActionImport) -> None:
    action.values["description"] = _description(row)
    for index, attribute in ACTOR_COLUMNS.items():
        name = _single_name(row, index)
        if name:
            action.actors[attribute] = name
    action.values["expected_results"] = row.text(OBJECTIVES)
    status_text = row.text(STATUS)
    if status_text is not None:
        key = normalise(status_text)
        if key not in STATUSES:
            row.error(STATUS, f"statut « {shown(status_text)} » inconnu.")
        elif key == TO_DISCUSS:
            action.values["to_discuss"] = True
        else:
            action.status = STATUSES[key]
    priority_text = row.text(PRIORITY)
    if priority_text is not None:
        priority = PRIORITIES.get(normalise(priority_text))
        if priority is None:
            row.error(PRIORITY, f"niveau de priorité « {shown(priority_text)} » inconnu (Élevé, Moyen ou Bas).")
        action.priority = priority
    start, end = row.date(START), row.date(END)
    action.values.update(planned_start=start, planned_end=end, planned_budget=row.amount(BUDGET))
    if start and end and end < start:
        row.error(END, "la date de fin est antérieure à la date de début.")
    for funder_index, amount_index in FUNDERS:
        funder = row.text(funder_index)
        amount = row.amount(amount_index)
        if funder is None and amount is None:
            continue
        if amount is None:
            if is_blank(row.raw(amount_index)):
                row.error(amount_index, f"le montant du financeur « {shown(funder)} » manque.")
            continue
        if funder is None:
            row.warning(funder_index, "montant sans financeur : le financeur est noté « Financeur non précisé ».")
            funder = "Financeur non précisé"
        action.funding.append(
            FundingImport(funder[:200], amount, Origin(row.sheet, row.number), column_letter(amount_index))
        )


def _single_name(row: _Row, index: int) -> str | None:
    text = row.text(index)
    if text is None or len(text) > 200 or _LIST_MARKS.search(text):
        return None
    return text


def _description(row: _Row) -> str | None:
    parts = []
    main = row.text(DESCRIPTION)
    if main:
        parts.append(main)
    extras = [
        f"{TET_COLUMNS[index]} : {text}"
        for index in EXTRA_TEXT
        if (text := row.text(index)) and not (index in ACTOR_COLUMNS and _single_name(row, index))
    ]
    if extras:
        parts.append("\n".join(extras))
    return "\n\n".join(parts) or None


def _link_parents(plan: PlanImport, pending: list[ActionImport], own_rows: dict[Any, ActionImport]) -> None:
    """Order parents before their sub-actions (creating a parent named only by its sub-actions),
    give sub-actions their parent's axis, and number duplicates."""
    ordered: list[ActionImport] = []
    implicit: dict[tuple[str, str, str], ActionImport] = {}
    placed: set[int] = set()
    for action in pending:
        if action.parent_title is None:
            if id(action) not in placed:
                ordered.append(action)
                placed.add(id(action))
            continue
        parent_key = (normalise(action.axis), "", normalise(action.parent_title))
        parent = own_rows.get(parent_key) or implicit.get(parent_key)
        if parent is None:
            parent = ActionImport(
                origin=action.origin, axis=action.axis, objective=action.objective, title=action.parent_title
            )
            parent.implicit = True
            implicit[parent_key] = parent
        if id(parent) not in placed:
            ordered.append(parent)
            placed.add(id(parent))
        action.axis, action.objective = parent.axis, parent.objective
        ordered.append(action)
    first_row: dict[tuple[str, str, str], int] = {}
    counts: dict[tuple[str, str, str], int] = {}
    for action in ordered:
        key = action.key
        action.occurrence = counts.get(key, 0)
        counts[key] = action.occurrence + 1
        if action.occurrence:
            plan.report.warning(
                f"l'action « {shown(action.title)} » figure déjà ligne {first_row[key]} dans le même axe : "
                "elle est importée deux fois.",
                sheet=action.origin.sheet,
                row=action.origin.row,
                column=column_letter(SUB_TITLE if action.parent_title else TITLE),
            )
        else:
            first_row[key] = action.origin.row
    plan.actions = ordered
