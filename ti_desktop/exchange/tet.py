"""Territoires en Transitions plan workbooks → a `PlanImport` of plain rows (no database here).

The three layouts (legacy 28 columns, current import template, TeT's own plan export) and where each holds what
are in `tet_layouts`; this module reads the rows through those `Columns`. What a layout has no field for is kept:
in the description (legacy layout, as before), as custom fields of the territory (current layouts, listed in
`PlanImport.unmapped` with policy "keep"), or in the notes (the export's yearly follow-up notes).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ti_desktop.domain.enums import AmountBasis, BudgetNature, CustomFieldKind
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
    FALSE_WORDS,
    PRIORITY_WORDS,
    STATUS_WORDS,
    TO_DISCUSS,
    TRUE_WORDS,
    UNCLASSIFIED_AXIS,
    ActionImport,
    CustomColumn,
    FundingImport,
    MilestoneImport,
    Origin,
    PlanImport,
    UnmappedColumn,
    UnmappedPolicy,
)
from ti_desktop.exchange.report import ImportFileError, column_letter
from ti_desktop.exchange.tabular import RawSheet, read_workbook
from ti_desktop.exchange.tet_layouts import (
    CUSTOM_KINDS,
    HEADER_ROW,
    LAYOUT_LABELS,
    LEGACY,
    LEGACY_COLUMNS,
    TEMPLATE_EXAMPLE,
    TEMPLATE_PLACEHOLDER,
    Columns,
    columns_of,
    detect_layout,
)
from ti_desktop.kernel.formatting import format_euros

FIRST_DATA_ROW = LEGACY.first_data_row
AXIS_LABEL_MAX = 100
TITLE_MAX = 300
FUNDER_MAX = 200

TET_COLUMNS = LEGACY_COLUMNS
# People and structures naming one actor become the action's lead, pilot and elected referent; a list
# ("Service A, Service B") stays in the description (legacy) or a custom field (current layouts).
_LIST_MARKS = re.compile(r"[,;/\n]| et ")
UNCLASSIFIED_IN_EXPORT = frozenset({normalise("(Fiche non classée)"), normalise("(Action non classée)")})

# What our export writes beyond TeT's three funders (« Financements ») and for the milestones, read back here.
OTHER_FUNDING = "Autres financements : "
MILESTONES_HEADING = "Jalons :"
_MILESTONE_LINE = re.compile(
    r"^- (?P<title>.+?)(?: \((?:échéance (?P<due>\d\d/\d\d/\d{4}))?(?: ; )?"
    r"(?:réalisé le (?P<done>\d\d/\d\d/\d{4}))?\))?$"
)
UNKNOWN_FUNDER = "Financeur non précisé"
# A total line of the export's budget texts: « - 120000 € HT prévisionnels », « - 5000.5 € HT dépensés ».
_BUDGET_TOTAL = re.compile(r"^- (?P<amount>\d+(?:\.\d+)?) € HT (?P<what>prévisionnels|dépensés)$")

STATUSES = STATUS_WORDS
PRIORITIES = PRIORITY_WORDS


def check_columns(header: tuple[Any, ...]) -> str | None:
    """The first column out of place in the legacy layout, as TeT's importer words it; None when in order."""
    for index, expected in enumerate(TET_COLUMNS):
        actual = header[index] if index < len(header) else None
        actual_text = "" if is_blank(actual) else str(actual).strip()
        if normalise(actual_text) != normalise(expected):
            found = f'"{actual_text}"' if actual_text else "une colonne vide"
            return f'La colonne {column_letter(index)} devrait être "{expected}" et non {found}'
    return None


def is_tet_sheet(sheet: RawSheet) -> bool:
    """A sheet laid out as a TeT plan, in any of its layouts."""
    return detect_layout(sheet) is not None


def first_data_row(sheet: RawSheet) -> int:
    """The row (1-based) of a TeT sheet's first fiche."""
    columns = columns_of(sheet)
    return columns.first_data_row if columns is not None else FIRST_DATA_ROW


def read_tet_plan(path: Path, unmapped: UnmappedPolicy = "keep") -> PlanImport:
    """Read the first sheet laid out as a TeT plan; problems go to the report, never exceptions (but
    `ImportFileError` for a file that is not a readable spreadsheet or has no TeT sheet)."""
    workbook = read_workbook(path)
    for sheet in workbook.sheets:
        if is_tet_sheet(sheet):
            return read_tet_sheet(path, sheet, unmapped)
    raise ImportFileError(
        f"« {path.name} » n'est pas un plan Territoires en Transitions : aucune feuille n'a « Axe (x) » en A2 "
        "ni « Titre de la fiche action » en ligne 2."
    )


def read_tet_sheet(path: Path, sheet: RawSheet, unmapped: UnmappedPolicy = "keep") -> PlanImport:
    """`unmapped` says what becomes of the filled columns of the current layouts that no field reads: kept as
    custom fields (the default), added to the notes, or ignored (each still listed and reported). The legacy
    layout keeps them in the description, as before."""
    plan = PlanImport(path=path, sheet=sheet.name)
    columns = columns_of(sheet)
    if columns is None:
        plan.report.error("la feuille n'est pas un plan Territoires en Transitions.", sheet=sheet.name)
        return plan
    if columns.layout == "legacy":
        problem = check_columns(sheet.rows[HEADER_ROW - 1])
        if problem:
            plan.report.error(problem, sheet=sheet.name, row=HEADER_ROW)
            return plan
    plan.columns = {
        attribute: (column_letter(index), columns.headers[index]) for attribute, index in columns.attributes().items()
    }
    reader = _Reader(plan, sheet.name, columns, unmapped)
    reader.read(sheet.rows[columns.first_data_row - 1 :])
    return plan


class _Row:
    """One data row with its location, turning unreadable cells into report errors."""

    def __init__(self, plan: PlanImport, sheet: str, number: int, values: tuple[Any, ...], columns: Columns) -> None:
        self.plan, self.sheet, self.number, self.values, self.columns = plan, sheet, number, values, columns

    def raw(self, index: int | None) -> Any:
        return self.values[index] if index is not None and index < len(self.values) else None

    def where(self, index: int | None) -> dict[str, object]:
        if index is None:
            return {"sheet": self.sheet, "row": self.number}
        header = self.columns.headers[index] if index < self.columns.width else None
        return {"sheet": self.sheet, "row": self.number, "column": column_letter(index), "header": header}

    def error(self, index: int | None, message: str) -> None:
        self.plan.report.error(message, **self.where(index))

    def warning(self, index: int | None, message: str) -> None:
        self.plan.report.warning(message, **self.where(index))

    def text(self, index: int | None) -> str | None:
        return parse_text(self.raw(index))

    def amount(self, index: int | None) -> Decimal | None:
        try:
            return parse_amount(self.raw(index))
        except UnreadableValue as problem:
            self.error(index, problem.message)
            return None

    def date(self, index: int | None) -> dt.date | None:
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


class _Reader:
    """The rows of one TeT sheet → actions, headings, custom columns and the report."""

    def __init__(self, plan: PlanImport, sheet: str, columns: Columns, unmapped: UnmappedPolicy) -> None:
        self.plan, self.sheet, self.columns, self.unmapped = plan, sheet, columns, unmapped
        self.seen_headings: set[tuple[str, str]] = set()
        self.custom_texts: dict[int, list[tuple[ActionImport, str]]] = {}  # column → (action, text) in file order
        self.dated_notes: dict[int, list[str]] = {}  # column → its filled cells' texts
        self.ttc_amounts = 0

    def read(self, rows: list[tuple[Any, ...]]) -> None:
        columns = self.columns
        own_rows: dict[tuple[str, str, str], ActionImport] = {}
        pending: list[ActionImport] = []
        for number, values in enumerate(rows, start=columns.first_data_row):
            if values is None or all(is_blank(value) for value in values):
                continue
            row = _Row(self.plan, self.sheet, number, self.without_placeholders(number, tuple(values)), columns)
            if columns.layout == "template" and number == columns.first_data_row and _is_example(row):
                row.warning(
                    columns.title,
                    f"fiche d'exemple du modèle Territoires en Transitions (« {shown(row.text(columns.title))} ») : "
                    "elle n'est pas importée. Remplacez-la par vos fiches ou effacez la ligne.",
                )
                continue
            action = self.read_row(row)
            if action is not None:
                pending.append(action)
                if action.parent_title is None:
                    own_rows.setdefault(action.key, action)
        _link_parents(self.plan, pending, own_rows, columns)
        self.keep_custom_columns()
        self.list_notes_columns()
        if self.ttc_amounts:
            amount_column = next(amount for _, amount in columns.funders)
            count = self.ttc_amounts
            amounts = "1 montant importé tel quel" if count == 1 else f"{count} montants importés tels quels"
            self.plan.report.warning(
                f"les montants des financeurs sont en € TTC (colonnes « {columns.headers[amount_column]} » de "
                f"l'{LAYOUT_LABELS[columns.layout]}) : {amounts}, en TTC, sans conversion en HT.",
                sheet=self.sheet,
                row=HEADER_ROW,
                column=column_letter(amount_column),
            )

    def without_placeholders(self, number: int, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """The row without the template's placeholder text (left by a user who overwrote the example fiche)."""
        if self.columns.layout != "template":
            return values
        found = [index for index, value in enumerate(values) if parse_text(value) == TEMPLATE_PLACEHOLDER]
        if found and not _is_example(_Row(self.plan, self.sheet, number, values, self.columns)):
            letters = ", ".join(column_letter(index) for index in found)
            self.plan.report.warning(
                f"texte d'exemple du modèle Territoires en Transitions (« {TEMPLATE_PLACEHOLDER} ») ignoré "
                f"en colonne{'s' if len(found) > 1 else ''} {letters}.",
                sheet=self.sheet,
                row=number,
            )
        return tuple(None if index in found else value for index, value in enumerate(values))

    def objective_of(self, row: _Row) -> str | None:
        levels = [text for index in self.columns.axis_levels[1:] if (text := row.text(index))]
        objective = " › ".join(levels) or None
        if objective and len(objective) > TITLE_MAX:
            row.warning(self.columns.axis_levels[1], f"le sous-axe dépasse {TITLE_MAX} caractères : il sera raccourci.")
            objective = objective[:TITLE_MAX]
        return objective

    def axis_of(self, row: _Row) -> str | None:
        index = self.columns.axis_levels[0] if self.columns.axis_levels else None
        axis = row.text(index)
        if axis and normalise(axis) in UNCLASSIFIED_IN_EXPORT:
            return None
        if axis and len(axis) > AXIS_LABEL_MAX:
            row.warning(index, f"le nom de l'axe dépasse {AXIS_LABEL_MAX} caractères : il sera raccourci.")
            axis = axis[:AXIS_LABEL_MAX]
        return axis

    def read_row(self, row: _Row) -> ActionImport | None:
        columns = self.columns
        axis = self.axis_of(row)
        objective = self.objective_of(row)
        title = row.text(columns.title)
        sub_title = row.text(columns.sub_title)
        if axis:
            heading = (axis, objective or "")
            if heading not in self.seen_headings:
                self.seen_headings.add(heading)
                self.plan.headings.append((axis, objective))
        if title is None:
            if sub_title is not None:
                row.error(columns.title, "sous-action sans titre d'action parente.")
                return None
            others = set(range(len(row.values))) - set(columns.axis_levels)
            if any(not is_blank(row.raw(index)) for index in others):
                row.error(columns.title, "le titre de l'action est obligatoire.")
            return None  # a row naming only an axis or sub-axis: kept in `headings`
        if axis is None and sub_title is None and normalise(title).startswith(("total", "sous-total", "sous total")):
            row.warning(columns.title, f"ligne « {shown(title)} » ignorée (ligne de total).")
            return None
        if len(title) > TITLE_MAX or (sub_title and len(sub_title) > TITLE_MAX):
            row.error(columns.sub_title if sub_title else columns.title, f"le titre dépasse {TITLE_MAX} caractères.")
            return None
        if axis is None:
            where = columns.axis_levels[0] if columns.axis_levels else None
            row.warning(where, f"action sans axe : elle est rangée dans l'axe « {UNCLASSIFIED_AXIS} ».")
            axis = UNCLASSIFIED_AXIS
        action = ActionImport(
            origin=Origin(row.sheet, row.number),
            axis=axis,
            objective=objective,
            title=sub_title or title,
            parent_title=title if sub_title else None,
        )
        self.read_values(row, action)
        return action

    def read_values(self, row: _Row, action: ActionImport) -> None:
        columns = self.columns
        self.read_actors(row, action)
        if (results := row.text(columns.expected_results)) is not None:
            action.values["expected_results"] = results
        self.read_status(row, action)
        self.read_priority(row, action)
        start, end = row.date(columns.start), row.date(columns.end)
        budget = row.amount(columns.budget)
        for name, value in (("planned_start", start), ("planned_end", end), ("planned_budget", budget)):
            if value is not None:
                action.values[name] = value
        if budget is not None:
            action.budget_basis = AmountBasis.HT  # « Budget prévisionnel total € HT »
        if start and end and end < start:
            row.error(columns.end, "la date de fin est antérieure à la date de début.")
        self.read_budget_totals(row, action)
        if columns.confidential is not None and (flag := _flag(row.text(columns.confidential))) is not None:
            action.values["confidential"] = flag
        self.read_funding(row, action)
        milestones_text = self.read_milestones(row, action)
        description = self.description(row, milestones_text)
        if description is not None:
            action.values["description"] = description
        notes = self.notes(row, milestones_text)
        if notes is not None:
            action.values["notes"] = notes
        for index in columns.custom:
            if (text := row.text(index)) is not None:
                self.custom_texts.setdefault(index, []).append((action, text))
        funding_text = columns.funding_text
        if funding_text is not None and funding_text not in columns.extra_text and (text := self.funding_text(row)):
            self.custom_texts.setdefault(funding_text, []).append((action, text))

    def read_actors(self, row: _Row, action: ActionImport) -> None:
        for index, attribute in self.columns.actors.items():
            text = row.text(index)
            if text is None:
                continue
            if _single_name(text):
                action.actors[attribute] = text
            elif self.columns.lists_to_custom:
                self.custom_texts.setdefault(index, []).append((action, text))

    def read_status(self, row: _Row, action: ActionImport) -> None:
        index = self.columns.status
        status_text = row.text(index)
        if status_text is None:
            return
        key = normalise(status_text)
        if key not in STATUSES:
            row.error(index, f"statut « {shown(status_text)} » inconnu.")
        elif key == TO_DISCUSS:
            action.values["to_discuss"] = True
        else:
            action.status = STATUSES[key]

    def read_priority(self, row: _Row, action: ActionImport) -> None:
        index = self.columns.priority
        priority_text = row.text(index)
        if priority_text is not None:
            priority = PRIORITIES.get(normalise(priority_text))
            if priority is None:
                row.error(index, f"niveau de priorité « {shown(priority_text)} » inconnu (Élevé, Moyen ou Bas).")
            action.priority = priority

    def read_budget_totals(self, row: _Row, action: ActionImport) -> None:
        """The export's « Total en € HT » of each budget nature: the planned budget (and the spent to date); both
        natures filled are added up, with a warning. The texts themselves are kept as custom fields."""
        totals: dict[str, dict[BudgetNature, Decimal]] = {"prévisionnels": {}, "dépensés": {}}
        for index, nature in self.columns.budget_texts:
            text = row.text(index) or ""
            _, found, block = text.partition("Total en € HT")
            for line in block.splitlines()[1:] if found else []:
                if match := _BUDGET_TOTAL.match(line.strip()):
                    kind = totals[match["what"]]
                    kind[nature] = kind.get(nature, Decimal(0)) + Decimal(match["amount"])
        planned, spent = totals["prévisionnels"], totals["dépensés"]
        if planned and "planned_budget" not in action.values:
            action.values["planned_budget"] = sum(planned.values(), Decimal(0))
            action.budget_basis = AmountBasis.HT
        if spent:
            action.values["spent_to_date"] = sum(spent.values(), Decimal(0))
        natures = set(planned) | set(spent)
        if len(natures) == 1:
            action.budget_nature = natures.pop()
        elif natures:
            first = self.columns.budget_texts[0][0]
            row.warning(
                first,
                "budgets de fonctionnement et d'investissement additionnés dans le coût total "
                f"({' + '.join(format_euros(amount, cents=True) for amount in planned.values())} prévus) : "
                "leur détail reste dans les champs « Budgets de fonctionnement » et « Budgets d'investissement ».",
            )

    def read_funding(self, row: _Row, action: ActionImport) -> None:
        for funder_index, amount_index in self.columns.funders:
            funder = row.text(funder_index)
            amount = row.amount(amount_index)
            if funder is None and amount is None:
                continue
            if amount is None:
                if is_blank(row.raw(amount_index)):
                    row.error(amount_index, f"le montant du financeur « {shown(funder)} » manque.")
                continue
            if funder is None:
                row.warning(
                    funder_index if funder_index is not None else amount_index,
                    f"montant sans financeur : le financeur est noté « {UNKNOWN_FUNDER} ».",
                )
                funder = UNKNOWN_FUNDER
            self.add_funding(row, action, funder, amount, amount_index, self.columns.basis)
        for line in self.other_funding(row):
            funder, _, amount_text = line.rpartition(" : ")
            basis = AmountBasis.TTC if amount_text.endswith(" TTC") else AmountBasis.HT
            try:
                amount = parse_amount(amount_text.removesuffix(" HT").removesuffix(" TTC"))
            except UnreadableValue as problem:
                row.error(self.columns.funding_text, problem.message)
                continue
            if amount is not None:
                self.add_funding(row, action, funder or UNKNOWN_FUNDER, amount, self.columns.funding_text, basis)

    def add_funding(
        self, row: _Row, action: ActionImport, funder: str, amount: Decimal, column: int | None, basis: AmountBasis
    ) -> None:
        origin = Origin(row.sheet, row.number)
        letter = column_letter(column) if column is not None else None
        action.funding.append(FundingImport(funder[:FUNDER_MAX], amount, origin, letter, basis=basis))
        if basis is AmountBasis.TTC:
            self.ttc_amounts += 1

    def other_funding(self, row: _Row) -> list[str]:
        """The funders beyond the third that our export lists in « Financements »."""
        text = row.text(self.columns.funding_text)
        if text is None:
            return []
        lines = [line for line in text.splitlines() if line.startswith(OTHER_FUNDING)]
        return [item for line in lines for item in line.removeprefix(OTHER_FUNDING).split(" ; ") if item.strip()]

    def funding_text(self, row: _Row) -> str | None:
        """« Financements » without the lines our export wrote for the other funders."""
        text = row.text(self.columns.funding_text)
        if text is None:
            return None
        kept = [line for line in text.splitlines() if not line.startswith(OTHER_FUNDING)]
        return "\n".join(kept).strip() or None

    def read_milestones(self, row: _Row, action: ActionImport) -> str | None:
        """Milestones our export wrote (a « Jalons : » block); returns the column's text without that block."""
        index = self.columns.milestones
        text = row.text(index)
        if text is None or MILESTONES_HEADING not in text:
            return text
        before, _, block = text.partition(MILESTONES_HEADING)
        lines = block.strip("\n").splitlines()
        taken = 0
        for line in lines:
            match = _MILESTONE_LINE.match(line.strip())
            if not match:
                break
            due, done = (parse_date(match[name]) if match[name] else None for name in ("due", "done"))
            action.milestones.append(
                MilestoneImport(match["title"], Origin(row.sheet, row.number), due_on=due, done_on=done)
            )
            taken += 1
        rest = "\n".join(lines[taken:])
        return "\n\n".join(part for part in (before.strip(), rest.strip()) if part) or None

    def description(self, row: _Row, milestones_text: str | None) -> str | None:
        columns = self.columns
        main = milestones_text if columns.milestones == columns.description else row.text(columns.description)
        parts = [main] if main else []
        extras = []
        for index in columns.extra_text:
            text = self.funding_text(row) if index == columns.funding_text else row.text(index)
            if text and not (index in columns.actors and _single_name(text)):
                extras.append(f"{columns.headers[index]} : {text}")
        if extras:
            parts.append("\n".join(extras))
        return "\n\n".join(parts) or None

    def notes(self, row: _Row, milestones_text: str | None) -> str | None:
        columns = self.columns
        parts = []
        for position, index in enumerate(columns.notes):
            text = milestones_text if index == columns.milestones else row.text(index)
            if text:
                parts.append(text if position == 0 else f"{columns.headers[index]} : {text}")
        for index in columns.dated_notes:
            if text := row.text(index):
                parts.append(f"Notes de suivi {columns.headers[index]} : {text}")
                self.dated_notes.setdefault(index, []).append(text)
        return "\n\n".join(parts) or None

    def keep_custom_columns(self) -> None:
        """Every filled column without a field: a custom field, lines of the notes or nothing, as `unmapped` says;
        listed and reported in every case."""
        taken = {normalise(column.header) for column in self.plan.custom_columns}
        for index in sorted(self.custom_texts):
            cells = self.custom_texts[index]
            header = self.columns.headers[index] or column_letter(index)
            texts = [text for _, text in cells]
            if self.unmapped == "notes":
                for action, text in cells:
                    notes = action.values.get("notes")
                    line = f"{header} : {text}"
                    action.values["notes"] = f"{notes}\n{line}" if notes else line
                self.list_unmapped(index, header, texts, "notes")
                continue
            if self.unmapped == "ignore":
                self.list_unmapped(index, header, texts, "ignore")
                continue
            name, number = header, 2
            while normalise(name) in taken:
                name, number = f"{header} ({number})", number + 1
            taken.add(normalise(name))
            kind, values = _kind_and_values(header, texts)
            self.plan.custom_columns.append(CustomColumn(name, kind))
            for (action, _), value in zip(cells, values, strict=True):
                action.custom_values[name] = value
            self.list_unmapped(index, header, texts, "keep", name, kind)

    def list_notes_columns(self) -> None:
        for index, texts in self.dated_notes.items():
            self.list_unmapped(index, self.columns.headers[index], texts, "notes")

    def list_unmapped(
        self,
        index: int,
        header: str,
        texts: list[str],
        policy: UnmappedPolicy,
        name: str | None = None,
        kind: CustomFieldKind | None = None,
    ) -> None:
        samples = tuple(dict.fromkeys(shown(text) for text in texts))[:2]
        letter = column_letter(index)
        self.plan.unmapped.append(UnmappedColumn(self.sheet, letter, header, len(texts), samples, policy))
        if policy == "keep":
            kind_label = (kind or CustomFieldKind.TEXT).label.lower()
            fate = f"gardée comme champ personnalisé « {shown(name or header)} » ({kind_label})"
        elif policy == "notes":
            fate = f"ses valeurs sont ajoutées aux notes de chaque fiche (« {shown(header)} : valeur »)"
        else:
            fate = "ignorée comme demandé, ses valeurs ne sont pas importées"
        count = len(texts)
        filled = f"{count} cellule{'s' if count > 1 else ''} remplie{'s' if count > 1 else ''}"
        examples = ", ".join(f"« {sample} »" for sample in samples)
        self.plan.report.warning(
            f"la colonne « {shown(header)} » n'a pas de champ dans TI Desktop ({filled}, par ex. {examples}) : {fate}.",
            sheet=self.sheet,
            row=HEADER_ROW,
            column=letter,
            header=header,
        )


def _is_example(row: _Row) -> bool:
    """Row 5 still holding TeT's example fiche, as the template ships it."""
    return all((row.text(index) or "").strip() == text for index, text in TEMPLATE_EXAMPLE.items())


def _single_name(text: str) -> bool:
    return len(text) <= FUNDER_MAX and not _LIST_MARKS.search(text)


def _flag(text: str | None) -> bool | None:
    key = normalise(text or "")
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    return None


def _kind_and_values(header: str, texts: list[str]) -> tuple[CustomFieldKind, list[Any]]:
    """A kept column's kind (`tet_layouts.CUSTOM_KINDS`, when every value reads so; else text) and its values."""
    kind = CUSTOM_KINDS.get(normalise(header), CustomFieldKind.TEXT)
    if kind is CustomFieldKind.FLAG:
        flags = [_flag(text) for text in texts]
        if None not in flags:
            return kind, flags
    if kind is CustomFieldKind.DATE:
        try:
            return kind, [parse_date(text) for text in texts]
        except UnreadableValue:
            pass
    return CustomFieldKind.TEXT, list(texts)


def _link_parents(
    plan: PlanImport, pending: list[ActionImport], own_rows: dict[Any, ActionImport], columns: Columns
) -> None:
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
                column=column_letter(
                    columns.sub_title if action.parent_title and columns.sub_title is not None else columns.title
                ),
            )
        else:
            first_row[key] = action.origin.row
    plan.actions = ordered
