"""Any reasonable plan spreadsheet → a `PlanImport`, through a column mapping.

The header row is found among the first rows (titles and notes often come first); each header is matched
to a `PlanField` by normalised name and synonyms, and the user's mapping (`{"header": "field key"}`)
overrides the guesses. Blank rows and total rows are skipped; a row holding a single value repeated across
it (a merged section title such as "Axe 2 – Compétences") names the axis of the rows below it. Companion
sheets "Financements" and "Jalons" add funding lines and milestones to the actions they name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from ti_desktop.domain import entities
from ti_desktop.domain.enums import AmountBasis, CustomFieldKind, FundingStatus, SeededAxis
from ti_desktop.exchange.custom_columns import guess_column, read_custom
from ti_desktop.exchange.file_totals import is_grand_total, read_total, report_total
from ti_desktop.exchange.french import (
    UnreadableValue,
    is_blank,
    normalise,
    parse_amount,
    parse_date,
    parse_text,
    refuse_error_value,
    shown,
)
from ti_desktop.exchange.name_scrub import scrub_names
from ti_desktop.exchange.plan_columns import (
    ACTION_VALUE_FIELDS,
    ALL_FIELDS,
    FIELDS_BY_KEY,
    IGNORE,
    PlanField,
    SheetKind,
    sheet_kind,
)
from ti_desktop.exchange.plan_headers import header_key, suggest_mapping, with_group_row
from ti_desktop.exchange.plan_import import (
    BASIS_WORDS,
    BUDGET_NATURE_WORDS,
    FALSE_WORDS,
    FUNDING_STATUS_WORDS,
    POLICY_OF_TARGET,
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
from ti_desktop.exchange.report import ImportReport, column_letter
from ti_desktop.exchange.tabular import RawSheet, RawWorkbook

HEADER_SEARCH_ROWS = 30
TITLE_MAX = 300
MAX_COUNT = 1_000_000  # a count of jobs, of anything, above this is a typing error
_TOTAL = re.compile(r"^(sous[- ]?)?tota(l|ux)\b")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class HeaderGuess:
    row: int | None  # 0-based index of the header row in the sheet, None when none was found
    headers: list[str]
    suggested: dict[str, str]  # header → field key


def _headers_of(row: tuple[Any, ...]) -> list[str]:
    return [parse_text(value) or "" for value in row]


def guess_header(sheet: RawSheet, kind: SheetKind | None = None) -> HeaderGuess:
    """The row among the first ones that names the most known fields (at least two), its headers joined to
    the group row above where that names them (`plan_headers.with_group_row`)."""
    kind = kind or sheet_kind(sheet.name)
    best = HeaderGuess(None, [], {})
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        own = _headers_of(row)
        headers = own
        if index > 0 and any(own):
            above = _headers_of(sheet.rows[index - 1])
            headers = with_group_row(own, above, kind)
            spanning = _spanning_both_rows(headers, above)
            if spanning != headers and _names_fields_itself(own, kind):
                headers = spanning
        suggested = suggest_mapping(headers, kind)
        if len(suggested) >= 2 and len(suggested) > len(best.suggested):
            best = HeaderGuess(index, headers, suggested)
    if best.row is not None:
        _settle_by_values(sheet, best)
    return best


def _spanning_both_rows(headers: list[str], above: list[str]) -> list[str]:
    """A two-row header where only the grouped columns have a second row (« Financement » over « Financeur
    principal » and « Subvention sollicitée », « Intitulé » written once on the first row, or merged down): the
    columns blank on the second row take their header from the first."""
    width = max(len(headers), len(above))
    return [
        (headers[index] if index < len(headers) else "") or (above[index] if index < len(above) else "")
        for index in range(width)
    ]


def _names_fields_itself(own: list[str], kind: SheetKind) -> bool:
    """Whether a row's own cells name fields (a sub-header row does; a data row below the headers does not)."""
    return bool(suggest_mapping(own, kind))


# Fields whose column's values tell which one it is: « Avancement » holding « En cours » is the status, « État
# d'avancement » holding « 40 % » is the progress.
_TOLD_BY_VALUES = {"avancement": "statut", "statut": "avancement"}
VALUE_SAMPLE_ROWS = 200


def _settle_by_values(sheet: RawSheet, guess: HeaderGuess) -> None:
    assert guess.row is not None
    taken = set(guess.suggested.values())
    for index, header in enumerate(guess.headers):
        key = guess.suggested.get(header)
        other = _TOLD_BY_VALUES.get(key or "")
        if other is None or other in taken:
            continue
        values = [
            row[index]
            for row in sheet.rows[guess.row + 1 : guess.row + 1 + VALUE_SAMPLE_ROWS]
            if index < len(row) and not is_blank(row[index])
        ]
        numeric = sum(1 for value in values if _number(value) is not None)
        if not values:
            continue
        if key == "avancement" and numeric == 0 and _mostly_statuses(values):
            guess.suggested[header] = "statut"
            taken = (taken - {key}) | {"statut"}
        elif key == "statut" and numeric == len(values):
            guess.suggested[header] = "avancement"
            taken = (taken - {key}) | {"avancement"}


def _mostly_statuses(values: list[Any]) -> bool:
    words = [normalise(parse_text(value) or "") for value in values]
    return sum(1 for word in words if word in STATUS_WORDS) * 2 > len(words)


def _chosen(headers: list[str], suggested: Mapping[str, str], mapping: Mapping[str, str] | None) -> dict[str, str]:
    """Header → target: the user's mapping (matched on exact then normalised header) over the guesses."""
    chosen: dict[str, str] = dict(suggested)
    if mapping:
        by_key = {header_key(source): target for source, target in mapping.items()}
        for header in headers:
            if header in mapping:
                chosen[header] = mapping[header]
            elif header and header_key(header) in by_key:
                chosen[header] = by_key[header_key(header)]
    return chosen


def effective_mapping(
    headers: list[str], suggested: Mapping[str, str], mapping: Mapping[str, str] | None
) -> dict[int, PlanField]:
    """Column index → field: the user's mapping (matched on exact then normalised header) over the guesses."""
    chosen = _chosen(headers, suggested, mapping)
    columns: dict[int, PlanField] = {}
    used: set[str] = set()
    for index, header in enumerate(headers):
        target = chosen.get(header)
        if not target or target == IGNORE or target not in FIELDS_BY_KEY or target in used:
            continue
        used.add(target)
        columns[index] = FIELDS_BY_KEY[target]
    return columns


def check_mapping(
    mapping: Mapping[str, str] | None, headers_by_sheet: Mapping[str, list[str]], report: ImportReport
) -> None:
    """Mapping entries naming unknown fields are errors; entries naming no column are warnings."""
    if not mapping:
        return
    known = {header_key(header) for headers in headers_by_sheet.values() for header in headers if header}
    targets: dict[str, str] = {}
    for source, target in mapping.items():
        if target not in POLICY_OF_TARGET and target not in FIELDS_BY_KEY:
            report.error(
                f"correspondance « {shown(source)} » → « {shown(target)} » : ce champ n'existe pas "
                f"(liste des champs : ti-desktop import --fields ; ou {', '.join(POLICY_OF_TARGET)})."
            )
        elif header_key(source) not in known:
            report.warning(f"correspondance « {shown(source)} » : aucune colonne ne porte ce titre dans le fichier.")
        if target in targets and target in FIELDS_BY_KEY:
            report.warning(
                f"les colonnes « {shown(targets[target])} » et « {shown(source)} » visent le même champ "
                f"« {target} » : seule la première est lue."
            )
        targets.setdefault(target, source)


class _Cells:
    """One data row with its mapped columns, turning unreadable cells into located report errors."""

    def __init__(
        self,
        report: ImportReport,
        sheet: str,
        number: int,
        values: tuple[Any, ...],
        columns: dict[str, tuple[int, str]],
    ) -> None:
        self.report, self.sheet, self.number, self.values, self.columns = report, sheet, number, values, columns
        self.failed = False

    def raw(self, key: str) -> Any:
        if key not in self.columns:
            return None
        index = self.columns[key][0]
        return self.values[index] if index < len(self.values) else None

    def where(self, key: str) -> dict[str, object]:
        index, header = self.columns[key]
        return {"sheet": self.sheet, "row": self.number, "column": column_letter(index), "header": header}

    def error(self, key: str, message: str) -> None:
        self.failed = True
        if key in self.columns:
            self.report.error(message, **self.where(key))
        else:
            self.report.error(message, sheet=self.sheet, row=self.number)

    def warning(self, key: str, message: str) -> None:
        self.report.warning(message, **self.where(key))

    def parsed(self, key: str, parse: Callable[[Any], T | None]) -> T | None:
        try:
            return parse(self.raw(key))
        except UnreadableValue as problem:
            self.error(key, problem.message)
            return None

    def text(self, key: str, limit: int | None = None) -> str | None:
        text = parse_text(self.raw(key))
        if text is not None and limit is not None and len(text) > limit:
            self.error(key, f"le texte dépasse {limit} caractères.")
            return None
        return text

    def amount(self, key: str) -> Decimal | None:
        return self.parsed(key, parse_amount)

    def date(self, key: str) -> dt.date | None:
        return self.parsed(key, parse_date)

    def word(self, key: str, words: Mapping[str, T], expected: str) -> T | None:
        text = self.text(key)
        if text is None:
            return None
        found = words.get(normalise(text))
        if found is None:
            self.error(key, f"« {shown(text)} » n'est pas reconnu ({expected}).")
        return found

    def basis(self, key: str, amount_key: str | None) -> AmountBasis | None:
        """HT or TTC: as the basis column says, else as the amount column's header says (« Coût total TTC »)."""
        stated = self.word(key, BASIS_WORDS, "HT ou TTC")
        if stated is not None or amount_key is None or amount_key not in self.columns:
            return stated
        return basis_said_by(self.columns[amount_key][1])

    def flag(self, key: str) -> bool | None:
        text = self.text(key)
        if text is None:
            return None
        word = normalise(text)
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        self.error(key, f"« {shown(text)} » : écrivez Oui ou Non.")
        return None

    def value(self, field: PlanField) -> Any:
        """The value of a column that carries one as it is (`plan_columns.carries_value`), read by its kind;
        limits and the words of messages come from the field's declaration."""
        spec = entities.ACTION.specs[str(field.attribute)]
        if field.kind == "text":
            return self.text(field.key)
        if field.kind == "date":
            return self.date(field.key)
        if field.kind == "amount":
            return self.amount(field.key)
        if field.kind == "flag":
            return self.flag(field.key)
        if field.kind == "percent":
            return self.integer(field.key, 0, 100, spec.label.lower(), percent=True)
        high = spec.maximum if spec.maximum is not None else MAX_COUNT
        return self.integer(field.key, spec.minimum or 0, high, spec.label.lower())

    def integer(self, key: str, low: int, high: int, label: str, *, percent: bool = False) -> int | None:
        """A whole number in [low, high]; for a percent, `45 %`, `45` and a percent-formatted cell (0.45)."""
        value = self.raw(key)
        if is_blank(value):
            return None
        try:
            refuse_error_value(value, "un nombre")
        except UnreadableValue as problem:
            self.error(key, problem.message)
            return None
        number = _number(value)
        if number is not None and percent and isinstance(value, float) and 0 < value < 1:
            number = value * 100  # a percent-formatted cell holds 0.45 for 45 %
        if number is None or (not percent and not number.is_integer()):
            self.error(key, f"« {shown(value)} » n'est pas un nombre entier ({label}).")
            return None
        result = round(number)
        if not low <= result <= high:
            self.error(key, f"« {shown(value)} » : {label} attendu entre {low} et {high}.")
            return None
        return result


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.replace("%", "")
        for space in " \u00a0\u202f":
            text = text.replace(space, "")
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    return number if number == number and abs(number) != float("inf") else None


def _columns_of(mapped: dict[int, PlanField], headers: list[str]) -> dict[str, tuple[int, str]]:
    return {plan_field.key: (index, headers[index] or column_letter(index)) for index, plan_field in mapped.items()}


def _is_blank_row(values: tuple[Any, ...]) -> bool:
    return all(is_blank(value) for value in values)


def _section_title(values: tuple[Any, ...]) -> str | None:
    """A row with one text, possibly repeated by a merge across the row: a section title. A lone number,
    amount or date is not one (it is a row missing its title, reported as such)."""
    texts = {value for value in values if not is_blank(value)}
    if len(texts) != 1:
        return None
    (value,) = texts
    if not isinstance(value, str):
        return None
    for parse in (parse_amount, parse_date):
        try:
            parse(value)
        except UnreadableValue:
            continue
        return None
    return value.strip()


_AXIS_HEADING = re.compile(r"^(axe|priorite|orientation|volet)s?\b")
_PROGRAMME_AXES = frozenset(normalise(axis.label) for axis in SeededAxis)


def names_an_axis(text: str) -> bool:
    """« Axe 2 – Compétences », « Priorité 1 : innovation », « Foncier »: a text alone on its row, in the title
    column, that heads a section rather than naming an action (one of the programme's four priorities, or a
    numbered axis)."""
    key = normalise(text)
    return bool(_AXIS_HEADING.match(key)) or key in _PROGRAMME_AXES


def _total_label(cells: _Cells, values: tuple[Any, ...]) -> str | None:
    """The text marking a total or sub-total row (in the title or the first filled cell), else None."""
    title, code = cells.text("titre"), cells.text("code")
    first = next((parse_text(value) for value in values if not is_blank(value)), None)
    for text in (title, first):
        # An action coded and titled « Total … » is an action; « Total » written in the code column is not a code.
        if text and _TOTAL.match(normalise(text)) and (not code or code == text):
            return text
    return None


@dataclass(slots=True)
class _SheetPlan:
    sheet: RawSheet
    header_row: int
    headers: list[str]
    columns: dict[str, tuple[int, str]]
    unmapped: dict[int, UnmappedPolicy] = dataclasses.field(default_factory=dict)  # column index → what becomes of it
    # The filled cells of the unmapped columns, by column, in row order, with the action their row gave
    # (None: a row refused, whose cells still count).
    leftovers: dict[int, list[tuple[ActionImport | None, Any]]] = dataclasses.field(default_factory=dict)

    def keep_leftovers(self, values: tuple[Any, ...], action: ActionImport | None) -> None:
        for index in self.unmapped:
            if index < len(values) and not is_blank(values[index]):
                self.leftovers.setdefault(index, []).append((action, values[index]))


def _policies(
    headers: list[str],
    width: int,
    mapped: Mapping[int, PlanField],
    chosen: Mapping[str, str],
    default: UnmappedPolicy,
) -> dict[int, UnmappedPolicy]:
    """What becomes of each column no field reads: the user's choice for its header, else the default."""
    policies: dict[int, UnmappedPolicy] = {}
    for index in range(width):
        if index in mapped:
            continue
        header = headers[index] if index < len(headers) else ""
        target = chosen.get(header) if header else None
        policies[index] = POLICY_OF_TARGET.get(target or "", default)
    return policies


def _prepare(
    sheet: RawSheet,
    kind: SheetKind,
    mapping: Mapping[str, str] | None,
    report: ImportReport,
    unmapped: UnmappedPolicy = "keep",
) -> _SheetPlan | None:
    guess = guess_header(sheet, kind)
    if guess.row is None:
        if mapping:
            # The user's mapping may name headers we did not recognise: look for the row holding most of them.
            keys = {header_key(source) for source in mapping}
            best, best_count = None, 1
            for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
                count = sum(1 for header in _headers_of(row) if header and header_key(header) in keys)
                if count > best_count:
                    best, best_count = index, count
            if best is not None:
                guess = HeaderGuess(best, _headers_of(sheet.rows[best]), {})
        if guess.row is None:
            report.error(
                "aucune ligne d'en-tête reconnue dans les premières lignes (il faut au moins deux colonnes "
                "reconnues, dont l'intitulé) : indiquez la correspondance des colonnes.",
                sheet=sheet.name,
            )
            return None
    assert guess.row is not None
    mapped = effective_mapping(guess.headers, guess.suggested, mapping)
    width = max((len(row) for row in sheet.rows[guess.row :]), default=0)
    chosen = _chosen(guess.headers, guess.suggested, mapping)
    policies = _policies(guess.headers, width, mapped, chosen, unmapped)
    return _SheetPlan(sheet, guess.row, guess.headers, _columns_of(mapped, guess.headers), policies)


def read_table_plan(
    path: Path,
    workbook: RawWorkbook,
    sheet_name: str,
    mapping: Mapping[str, str] | None = None,
    unmapped: UnmappedPolicy = "keep",
) -> PlanImport:
    """Read the actions of `sheet_name` (and the workbook's Financements / Jalons sheets, if any).

    A filled column that maps to no field is listed in `plan.unmapped` and the report; it is kept as a custom
    field, appended to the notes or ignored as the mapping says for it (`champ_personnalise`,
    `ajouter_aux_notes`, `ignorer`), else as `unmapped` says."""
    sheet = workbook.sheet(sheet_name)
    plan = PlanImport(path=path, sheet=sheet.name, creates_axes=False)
    report = plan.report
    prepared = _prepare(sheet, "actions", mapping, report, unmapped)
    companions = [
        (other, sheet_kind(other.name))
        for other in workbook.sheets
        if other is not sheet and sheet_kind(other.name) != "actions"
    ]
    headers_by_sheet = {sheet.name: prepared.headers if prepared else []}
    companion_plans = []
    for other, kind in companions:
        other_prepared = _prepare(other, kind, mapping, report, unmapped)
        if other_prepared is not None:
            headers_by_sheet[other.name] = other_prepared.headers
            companion_plans.append((other_prepared, kind))
    check_mapping(mapping, headers_by_sheet, report)
    if prepared is None:
        return plan
    if "titre" not in prepared.columns:
        report.error(
            "aucune colonne n'est reconnue comme l'intitulé de l'action (champ « titre ») : "
            f"colonnes trouvées : {', '.join(h for h in prepared.headers if h) or 'aucune'}.",
            sheet=sheet.name,
            row=prepared.header_row + 1,
        )
        return plan
    # Where each action attribute is read from, to locate the errors the database rules raise.
    plan.columns = {
        attribute: (column_letter(index), header)
        for key, (index, header) in prepared.columns.items()
        if FIELDS_BY_KEY[key].sheet == "actions" and (attribute := FIELDS_BY_KEY[key].attribute)
    }
    _read_actions(plan, prepared)
    _settle_unmapped(plan, prepared)
    warn_ttc_columns(plan, sheet.name, prepared.columns)
    for companion, kind in companion_plans:
        _read_companion(plan, companion, kind)
        _settle_unmapped(plan, companion)
        warn_ttc_columns(plan, companion.sheet.name, companion.columns)
    scrub_names(plan)
    return plan


class _CarriedDown:
    """A column written only on the first row of its group (the layout of merged cells, without the merge):
    its value is carried down to the blank cells below until the next filled one, with one warning per group
    naming the rows."""

    def __init__(self, key: str, label: str, report: ImportReport, sheet: str, columns: dict[str, tuple[int, str]]):
        self.key, self.label, self.report, self.sheet, self.columns = key, label, report, sheet, columns
        self.value: str | None = None
        self.written_on = 0  # the row the value was written on
        self.rows: list[int] = []  # the rows it was carried to, since
        self.changed = False  # the last row read started a new value

    def fallback(self, cells: _Cells) -> str | None:
        """The value carried to this row when its own cell is blank (None when the cell is filled)."""
        self.changed = False
        if self.key not in self.columns:
            return None
        own = parse_text(cells.raw(self.key))
        if own is not None:
            self.flush()
            self.changed = own != self.value
            self.value, self.written_on = own, cells.number
            return None
        if self.value is not None:
            self.rows.append(cells.number)
        return self.value

    def reset(self) -> None:
        self.flush()
        self.value = None

    def flush(self) -> None:
        if not self.rows:
            return
        first, last = self.rows[0], self.rows[-1]
        rows = f"à la ligne {first}" if first == last else f"des lignes {first} à {last}"
        index, header = self.columns[self.key]
        self.report.warning(
            f"{self.label} « {shown(self.value)} » repris {rows} (écrit ligne {self.written_on} seulement).",
            sheet=self.sheet,
            row=first,
            column=column_letter(index),
            header=header,
        )
        self.rows = []


def _read_actions(plan: PlanImport, prepared: _SheetPlan) -> None:
    report, name = plan.report, prepared.sheet.name
    header_values = prepared.sheet.rows[prepared.header_row]
    section_axis: str | None = None
    codes: dict[str, int] = {}
    has_axis_column = "axe" in prepared.columns
    carried_axis = _CarriedDown("axe", "axe", report, name, prepared.columns)
    carried_objective = _CarriedDown("objectif", "objectif", report, name, prepared.columns)
    group: list[ActionImport] = []  # the action rows a sub-total covers: since the last sub-total, section or axis
    for index in range(prepared.header_row + 1, len(prepared.sheet.rows)):
        values = prepared.sheet.rows[index]
        number = index + 1
        if _is_blank_row(values) or values == header_values:
            continue
        cells = _Cells(report, name, number, values, prepared.columns)
        label = _total_label(cells, values)
        if label is not None:
            grand = is_grand_total(label)
            rows = [action.origin.row for action in (plan.actions if grand else group)]
            total = read_total(Origin(name, number), label, values, prepared.columns, plan.actions, rows)
            report_total(report, total)
            plan.totals.append(total)
            group = group if grand else []
            continue
        section = _section_title(values)
        title = cells.text("titre")
        filled = sum(1 for value in values if not is_blank(value))
        if section is not None and (title is None or (title == section and (filled > 1 or names_an_axis(section)))):
            section_axis = section  # "Axe 2 – Compétences" alone on its row, or merged across it
            carried_axis.reset()
            carried_objective.reset()
            group = []
            continue
        axis_above = carried_axis.fallback(cells)
        if carried_axis.changed:
            carried_objective.reset()  # a new axis: its objectives start anew, and so does a sub-total's group
            group = []
        objective_above = carried_objective.fallback(cells)
        action = _read_action(cells, title, axis_above or section_axis, has_axis_column, objective_above)
        if action is not None and not cells.failed and action.code:
            code_key = normalise(action.code)
            if code_key in codes:
                cells.error("code", f"le code « {action.code} » figure déjà ligne {codes[code_key]}.")
            else:
                codes[code_key] = number
        accepted = action if action is not None and not cells.failed else None
        prepared.keep_leftovers(values, accepted)
        if accepted is not None:
            plan.actions.append(accepted)
            group.append(accepted)
    carried_axis.flush()
    carried_objective.flush()
    _number_duplicates(plan)


def _read_action(
    cells: _Cells,
    title: str | None,
    section_axis: str | None,
    has_axis_column: bool,
    objective_above: str | None = None,
) -> ActionImport | None:
    if title is None:
        cells.error("titre", "l'intitulé de l'action est obligatoire.")
        return None
    if len(title) > TITLE_MAX:
        cells.error("titre", f"l'intitulé dépasse {TITLE_MAX} caractères.")
        return None
    axis = cells.text("axe") or section_axis
    if axis is None:
        where = cells.where("axe") if has_axis_column else {"sheet": cells.sheet, "row": cells.number}
        cells.report.warning(f"action sans axe : elle est rangée dans l'axe « {UNCLASSIFIED_AXIS} ».", **where)
        axis = UNCLASSIFIED_AXIS
    action = ActionImport(
        origin=Origin(cells.sheet, cells.number),
        axis=axis,
        objective=cells.text("objectif", TITLE_MAX) or objective_above,
        title=title,
        code=cells.text("code", 20),
        parent_ref=cells.text("action_parente"),
        priority=cells.word("priorite", PRIORITY_WORDS, "Haute, Moyenne ou Basse"),
        budget_nature=cells.word("nature_budget", BUDGET_NATURE_WORDS, "Investissement ou Fonctionnement"),
    )
    for field in ACTION_VALUE_FIELDS:
        value = cells.value(field)
        if value is not None:
            action.values[str(field.attribute)] = value
    action.budget_basis = cells.basis("base_budget", "budget" if "planned_budget" in action.values else None)
    status_text = cells.text("statut")
    if status_text is not None:
        word = normalise(status_text)
        if word == TO_DISCUSS:
            action.values["to_discuss"] = True
        elif word in STATUS_WORDS:
            action.status = STATUS_WORDS[word]
        else:
            labels = "En réflexion, À venir, En cours, Bloquée, En pause, Réalisée, Abandonnée"
            cells.error("statut", f"statut « {shown(status_text)} » inconnu ({labels}).")
    start, end = action.values.get("planned_start"), action.values.get("planned_end")
    if start and end and end < start:
        cells.error("date_fin", "la date de fin est antérieure à la date de début.")
    for key, attribute in (
        ("maitre_ouvrage", "lead_actor_id"),
        ("pilote", "pilot_actor_id"),
        ("elu_referent", "elected_referent_id"),
    ):
        name = cells.text(key, 200)
        if name:
            action.actors[attribute] = name
    funding = _funding_of(cells)
    if funding is not None:
        action.funding.append(funding)
    milestone = _milestone_of(cells)
    if milestone is not None:
        action.milestones.append(milestone)
    return action


# What an amount column's header says of the money's status, when the row has no status of its own: an amount
# « sollicité » was asked for (Déposé), not merely thought of (Envisagé, the default).
_STATUS_WORDS_IN_HEADERS: tuple[tuple[tuple[str, ...], FundingStatus], ...] = (
    (("verse", "paye"), FundingStatus.VERSE),
    (("accorde", "obtenu", "acquis", "notifie"), FundingStatus.ACCORDE),
    (("sollicite", "demande"), FundingStatus.DEPOSE),
)


def status_said_by(header: str) -> FundingStatus | None:
    """The status an amount column's header names (« Montant sollicité » → Déposé), or None."""
    words = set(re.sub(r"[^a-z0-9]+", " ", normalise(header)).split())
    for stems, status in _STATUS_WORDS_IN_HEADERS:
        # The word and its agreements (« sollicitée », « accordés »), not its relatives (« acquisition »).
        if any(stem + ending in words for stem in stems for ending in ("", "e", "s", "es")):
            return status
    return None


def basis_said_by(header: str) -> AmountBasis | None:
    """The basis an amount column's header names (« Montant € TTC » → TTC, « Coût total HT » → HT), or None."""
    words = set(re.sub(r"[^a-z0-9]+", " ", normalise(header)).split())
    if "ttc" in words:
        return AmountBasis.TTC
    if "ht" in words or {"hors", "taxes"} <= words:
        return AmountBasis.HT
    return None


# The amount columns whose basis a header may give, with what the warning of a TTC one says of them.
_BASIS_COLUMNS = (
    ("budget", "les budgets de cette colonne sont TTC"),
    ("montant_demande", "les montants de financement de cette colonne sont TTC"),
)


def warn_ttc_columns(plan: PlanImport, sheet: str, columns: Mapping[str, tuple[int, str]]) -> None:
    """Once per amount column whose header says TTC: its amounts are kept TTC, not converted."""
    for key, what in _BASIS_COLUMNS:
        if key in columns and basis_said_by(columns[key][1]) is AmountBasis.TTC:
            index, header = columns[key]
            plan.report.warning(
                f"{what} : ils sont gardés tels quels, en TTC (ni convertis en HT, ni additionnés aux montants HT).",
                sheet=sheet,
                column=column_letter(index),
                header=header,
            )


def _funding_of(cells: _Cells) -> FundingImport | None:
    funder = cells.text("financeur", 200)
    amount = cells.amount("montant_demande")
    if funder is None and amount is None:
        return None
    if amount is None:
        if is_blank(cells.raw("montant_demande")):
            key = "montant_demande" if "montant_demande" in cells.columns else "financeur"
            cells.error(key, f"le montant demandé au financeur « {shown(funder)} » manque.")
        return None
    if funder is None:
        cells.warning("montant_demande", "montant sans financeur : le financeur est noté « Financeur non précisé ».")
        funder = "Financeur non précisé"
    origin = Origin(cells.sheet, cells.number)
    where = cells.where("montant_demande")
    column = where["column"]
    status = cells.word("statut_financement", FUNDING_STATUS_WORDS, "Envisagé, Déposé, Accordé, Versé ou Refusé")
    if status is None and is_blank(cells.raw("statut_financement")):
        status = status_said_by(str(where["header"]))
    funding = FundingImport(
        funder=funder,
        amount=amount,
        origin=origin,
        column=str(column),
        programme=cells.text("dispositif", 200),
        amount_granted=cells.amount("montant_accorde"),
        status=status,
        filed_on=cells.date("date_depot"),
        decided_on=cells.date("date_decision"),
        basis=cells.basis("base_montant", "montant_demande"),
    )
    return funding


def _milestone_of(cells: _Cells) -> MilestoneImport | None:
    title = cells.text("jalon", TITLE_MAX)
    due_on, done_on = cells.date("jalon_echeance"), cells.date("jalon_realise_le")
    if title is None:
        if due_on or done_on:
            cells.error(
                "jalon" if "jalon" in cells.columns else "jalon_echeance", "date de jalon sans intitulé de jalon."
            )
        return None
    return MilestoneImport(title=title, origin=Origin(cells.sheet, cells.number), due_on=due_on, done_on=done_on)


def _number_duplicates(plan: PlanImport) -> None:
    """Same axis + title twice without codes: both are imported, and the user is told."""
    first_row: dict[tuple[str, str, str], int] = {}
    counts: dict[tuple[str, str, str], int] = {}
    for action in plan.actions:
        key = (normalise(action.axis), normalise(action.parent_ref or ""), normalise(action.title))
        action.occurrence = counts.get(key, 0)
        counts[key] = action.occurrence + 1
        if action.occurrence and not action.code:
            plan.report.warning(
                f"l'action « {shown(action.title)} » figure déjà ligne {first_row[key]} dans le même axe : "
                "elle est importée deux fois.",
                sheet=action.origin.sheet,
                row=action.origin.row,
                column=plan.columns.get("title", (None, None))[0],
            )
        else:
            first_row.setdefault(key, action.origin.row)


def _read_companion(plan: PlanImport, prepared: _SheetPlan, kind: SheetKind) -> None:
    """Funding lines or milestones, each naming its action by code, or by axis and title."""
    by_code = {normalise(action.code): action for action in plan.actions if action.code}
    by_title: dict[tuple[str, str], ActionImport] = {}
    by_bare_title: dict[str, list[ActionImport]] = {}
    for known in plan.actions:
        by_title.setdefault((normalise(known.axis), normalise(known.title)), known)
        by_bare_title.setdefault(normalise(known.title), []).append(known)
    name = prepared.sheet.name
    read: list[int] = []  # the rows read, and those since the last sub-total (which a sub-total covers)
    group: list[int] = []
    for index in range(prepared.header_row + 1, len(prepared.sheet.rows)):
        values = prepared.sheet.rows[index]
        if _is_blank_row(values):
            continue
        cells = _Cells(plan.report, name, index + 1, values, prepared.columns)
        label = _total_label(cells, values)
        if label is not None:
            grand = is_grand_total(label)
            total = read_total(
                Origin(name, index + 1), label, values, prepared.columns, plan.actions, read if grand else group
            )
            report_total(plan.report, total)
            plan.totals.append(total)
            group = group if grand else []
            continue
        code, axis, title = cells.text("code"), cells.text("axe"), cells.text("titre")
        action: ActionImport | None = None
        if code:
            action = by_code.get(normalise(code))
        elif title:
            action = by_title.get((normalise(axis or ""), normalise(title)))
            if action is None and not axis and len(by_bare_title.get(normalise(title), [])) == 1:
                action = by_bare_title[normalise(title)][0]
        if action is None:
            named = f"code « {code} »" if code else f"« {shown(title)} »" if title else "aucune action"
            key = "code" if code or "code" in cells.columns else "titre"
            cells.error(key, f"{named} : action introuvable dans la feuille « {plan.sheet} ».")
            prepared.keep_leftovers(values, None)
            continue
        if kind == "financements":
            funding = _funding_of(cells)
            if funding is not None and not cells.failed:
                action.funding.append(funding)
                read.append(index + 1)
                group.append(index + 1)
        else:
            milestone = _milestone_of(cells)
            if milestone is not None and not cells.failed:
                action.milestones.append(milestone)
        prepared.keep_leftovers(values, action)


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    return parse_text(value) or ""


def _custom_name(plan: PlanImport, header: str, letter: str, sheet: str) -> str:
    """The custom field's name: the header (« Colonne H » for a column without one), made unique among the
    custom fields and the columns a field reads."""
    name = header or f"Colonne {letter}"
    taken = {normalise(column.header) for column in plan.custom_columns}
    taken |= {normalise(header) for _letter, header in plan.columns.values()}
    taken |= {normalise(plan_field.header) for plan_field in ALL_FIELDS}
    for candidate in (name, f"{name} ({letter})", f"{name} ({sheet}, {letter})"):
        if normalise(candidate) not in taken:
            return candidate
    return f"{name} ({sheet}, {letter}, {len(taken)})"  # pragma: no cover - three columns of the same name


def _settle_unmapped(plan: PlanImport, prepared: _SheetPlan) -> None:
    """List each filled column no field reads, in the plan and the report, and do with its values what its
    policy says: custom values of the actions, lines of their notes, or nothing (still listed)."""
    sheet = prepared.sheet.name
    companion = sheet != plan.sheet
    rows_per_action: dict[int, int] = {}
    if companion:
        for cells in prepared.leftovers.values():
            counted: dict[int, int] = {}
            for action, _value in cells:
                if action is not None:
                    counted[id(action)] = counted.get(id(action), 0) + 1
            for key, count in counted.items():
                rows_per_action[key] = max(rows_per_action.get(key, 0), count)
    several = any(count > 1 for count in rows_per_action.values())
    for index, policy in prepared.unmapped.items():
        filled_cells = prepared.leftovers.get(index)
        if not filled_cells:
            continue
        letter = column_letter(index)
        written = prepared.headers[index] if index < len(prepared.headers) else ""
        header = written or letter
        texts = [_as_text(value) for _action, value in filled_cells]
        samples = tuple(shown(text) for text in dict.fromkeys(texts))[:2]
        plan.unmapped.append(UnmappedColumn(sheet, letter, header, len(filled_cells), samples, policy))
        fate = _apply_policy(plan, policy, written or letter, letter, sheet, filled_cells, several)
        count = len(filled_cells)
        filled = f"{count} cellule{'s' if count > 1 else ''} remplie{'s' if count > 1 else ''}"
        examples = ", ".join(f"« {sample} »" for sample in samples)
        plan.report.warning(
            f"la colonne « {shown(header)} » ne correspond à aucun champ ({filled}, par ex. {examples}) : {fate}.",
            sheet=sheet,
            row=prepared.header_row + 1,
            column=letter,
            header=written or None,
        )


def _apply_policy(
    plan: PlanImport,
    policy: UnmappedPolicy,
    header: str,
    letter: str,
    sheet: str,
    cells: list[tuple[ActionImport | None, Any]],
    several: bool,
) -> str:
    """Store the column's values as its policy says; the words telling the user what became of them."""
    if policy == "ignore":
        return "ignorée comme demandé, ses valeurs ne sont pas importées"
    if policy == "notes":
        for action, value in cells:
            if action is not None:
                line = f"{header} : {_as_text(value)}"
                notes = action.values.get("notes")
                action.values["notes"] = f"{notes}\n{line}" if notes else line
        return f"ses valeurs sont ajoutées aux notes de chaque fiche (« {shown(header)} : valeur »)"
    name = _custom_name(plan, header if header != letter else "", letter, sheet)
    if several:
        # Several rows of this sheet name the same action: its values are joined, one a line, in a text field.
        column = CustomColumn(name, CustomFieldKind.TEXT)
        for action, value in cells:
            if action is not None:
                previous = action.custom_values.get(name)
                action.custom_values[name] = f"{previous}\n{_as_text(value)}" if previous else _as_text(value)
        plan.custom_columns.append(column)
        return (
            f"gardée comme champ personnalisé « {shown(name)} » (texte) ; la feuille ayant plusieurs lignes par "
            "action, les valeurs d'une même action y sont réunies, une par ligne"
        )
    column = guess_column(name, [value for _action, value in cells])
    for action, value in cells:
        if action is not None:
            action.custom_values[name] = read_custom(column.kind, value)
    plan.custom_columns.append(column)
    kind = column.kind.label.lower()
    if column.kind is CustomFieldKind.CHOICE:
        kind += f" : {len(column.choices)} choix"
    return f"gardée comme champ personnalisé « {shown(name)} » ({kind})"


def all_field_keys() -> list[str]:
    return [plan_field.key for plan_field in ALL_FIELDS]
