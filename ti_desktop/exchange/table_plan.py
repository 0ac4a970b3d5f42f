"""Any reasonable plan spreadsheet → a `PlanImport`, through a column mapping.

The header row is found among the first rows (titles and notes often come first); each header is matched
to a `PlanField` by normalised name and synonyms, and the user's mapping (`{"header": "field key"}`)
overrides the guesses. Blank rows and total rows are skipped; a row holding a single value repeated across
it (a merged section title such as "Axe 2 – Compétences") names the axis of the rows below it. Companion
sheets "Financements" and "Jalons" add funding lines and milestones to the actions they name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from ti_desktop.domain import entities
from ti_desktop.domain.enums import AmountBasis, FundingStatus
from ti_desktop.exchange.file_totals import is_grand_total, read_total, report_total
from ti_desktop.exchange.french import (
    UnreadableValue,
    is_blank,
    normalise,
    parse_amount,
    parse_date,
    parse_text,
    shown,
)
from ti_desktop.exchange.plan_columns import (
    ACTION_FIELDS,
    ACTION_VALUE_FIELDS,
    ALL_FIELDS,
    FIELDS_BY_KEY,
    FUNDING_COLUMNS,
    FUNDING_FIELDS,
    IGNORE,
    MILESTONE_COLUMNS,
    MILESTONE_FIELDS,
    PlanField,
    SheetKind,
    sheet_kind,
)
from ti_desktop.exchange.plan_import import (
    BASIS_WORDS,
    BUDGET_NATURE_WORDS,
    FALSE_WORDS,
    FUNDING_STATUS_WORDS,
    PRIORITY_WORDS,
    STATUS_WORDS,
    TO_DISCUSS,
    TRUE_WORDS,
    UNCLASSIFIED_AXIS,
    ActionImport,
    FundingImport,
    MilestoneImport,
    Origin,
    PlanImport,
)
from ti_desktop.exchange.report import ImportReport, column_letter
from ti_desktop.exchange.tabular import RawSheet, RawWorkbook

HEADER_SEARCH_ROWS = 30
TITLE_MAX = 300
MAX_COUNT = 1_000_000  # a count of jobs, of anything, above this is a typing error
_DECORATION = re.compile(r"\([^)]*\)|[€%*:]|\bn°")
_TOTAL = re.compile(r"^(sous[- ]?)?tota(l|ux)\b")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class HeaderGuess:
    row: int | None  # 0-based index of the header row in the sheet, None when none was found
    headers: list[str]
    suggested: dict[str, str]  # header → field key


def header_key(text: str) -> str:
    """`Coût total HT (€) :` → `cout total ht`: what header matching compares."""
    key = normalise(text)
    stripped = " ".join(_DECORATION.sub(" ", key).replace("’", "'").split())
    return stripped or key


def _lookup(groups: tuple[tuple[PlanField, ...], ...]) -> dict[str, list[str]]:
    """Normalised name → candidate field keys, best first: within each group (actions, then funding, then
    milestones) exact headers and keys come before synonyms, so that on an actions sheet "Échéance" is the
    action's end date and "Montant" is its budget unless a budget column came first."""
    names: dict[str, list[str]] = {}
    for fields in groups:
        for plan_field in fields:
            for name in (plan_field.header, plan_field.key.replace("_", " ")):
                names.setdefault(header_key(name), []).append(plan_field.key)
        for plan_field in fields:
            for name in plan_field.synonyms:
                candidates = names.setdefault(header_key(name), [])
                if plan_field.key not in candidates:
                    candidates.append(plan_field.key)
    return names


_LOOKUPS: dict[SheetKind, dict[str, list[str]]] = {
    "actions": _lookup((ACTION_FIELDS, FUNDING_FIELDS, MILESTONE_FIELDS)),
    "financements": _lookup((FUNDING_COLUMNS,)),
    "jalons": _lookup((MILESTONE_COLUMNS,)),
}


def suggest_mapping(headers: list[str], kind: SheetKind) -> dict[str, str]:
    """Header → field key for the headers recognised; a field goes to the first column naming it."""
    names = _LOOKUPS[kind]
    taken: set[str] = set()
    suggested: dict[str, str] = {}
    for header in headers:
        for key in names.get(header_key(header), []) if header else []:
            if key not in taken:
                suggested[header] = key
                taken.add(key)
                break
    return suggested


def _headers_of(row: tuple[Any, ...]) -> list[str]:
    return [parse_text(value) or "" for value in row]


def guess_header(sheet: RawSheet, kind: SheetKind | None = None) -> HeaderGuess:
    """The row among the first ones that names the most known fields (at least two)."""
    kind = kind or sheet_kind(sheet.name)
    best = HeaderGuess(None, [], {})
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        headers = _headers_of(row)
        suggested = suggest_mapping(headers, kind)
        if len(suggested) >= 2 and len(suggested) > len(best.suggested):
            best = HeaderGuess(index, headers, suggested)
    return best


def effective_mapping(
    headers: list[str], suggested: Mapping[str, str], mapping: Mapping[str, str] | None
) -> dict[int, PlanField]:
    """Column index → field: the user's mapping (matched on exact then normalised header) over the guesses."""
    chosen: dict[str, str] = dict(suggested)
    if mapping:
        by_key = {header_key(source): target for source, target in mapping.items()}
        for header in headers:
            if header in mapping:
                chosen[header] = mapping[header]
            elif header and header_key(header) in by_key:
                chosen[header] = by_key[header_key(header)]
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
        if target != IGNORE and target not in FIELDS_BY_KEY:
            report.error(
                f"correspondance « {shown(source)} » → « {shown(target)} » : ce champ n'existe pas "
                "(liste des champs : ti-desktop import --fields)."
            )
        elif header_key(source) not in known:
            report.warning(f"correspondance « {shown(source)} » : aucune colonne ne porte ce titre dans le fichier.")
        if target in targets and target != IGNORE and target in FIELDS_BY_KEY:
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


def _prepare(
    sheet: RawSheet, kind: SheetKind, mapping: Mapping[str, str] | None, report: ImportReport
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
    return _SheetPlan(sheet, guess.row, guess.headers, _columns_of(mapped, guess.headers))


def read_table_plan(
    path: Path, workbook: RawWorkbook, sheet_name: str, mapping: Mapping[str, str] | None = None
) -> PlanImport:
    """Read the actions of `sheet_name` (and the workbook's Financements / Jalons sheets, if any)."""
    sheet = workbook.sheet(sheet_name)
    plan = PlanImport(path=path, sheet=sheet.name, creates_axes=False)
    report = plan.report
    prepared = _prepare(sheet, "actions", mapping, report)
    companions = [
        (other, sheet_kind(other.name))
        for other in workbook.sheets
        if other is not sheet and sheet_kind(other.name) != "actions"
    ]
    headers_by_sheet = {sheet.name: prepared.headers if prepared else []}
    companion_plans = []
    for other, kind in companions:
        other_prepared = _prepare(other, kind, mapping, report)
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
    warn_ttc_columns(plan, sheet.name, prepared.columns)
    for companion, kind in companion_plans:
        _read_companion(plan, companion, kind)
        warn_ttc_columns(plan, companion.sheet.name, companion.columns)
    return plan


def _read_actions(plan: PlanImport, prepared: _SheetPlan) -> None:
    report, name = plan.report, prepared.sheet.name
    header_values = prepared.sheet.rows[prepared.header_row]
    section_axis: str | None = None
    codes: dict[str, int] = {}
    has_axis_column = "axe" in prepared.columns
    group: list[ActionImport] = []  # the action rows a sub-total covers: since the last sub-total or section
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
        if section is not None and (title is None or (filled > 1 and title == section)):
            section_axis = section  # "Axe 2 – Compétences" alone on its row, or merged across it
            group = []
            continue
        action = _read_action(cells, title, section_axis, has_axis_column)
        if action is None or cells.failed:
            continue
        if action.code:
            code_key = normalise(action.code)
            if code_key in codes:
                cells.error("code", f"le code « {action.code} » figure déjà ligne {codes[code_key]}.")
                continue
            codes[code_key] = number
        plan.actions.append(action)
        group.append(action)
    _number_duplicates(plan)


def _read_action(
    cells: _Cells, title: str | None, section_axis: str | None, has_axis_column: bool
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
        objective=cells.text("objectif", TITLE_MAX),
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


def all_field_keys() -> list[str]:
    return [plan_field.key for plan_field in ALL_FIELDS]
