"""Long-format indicator values (one row per measure), as downloaded from INSEE or the Observatoire des
territoires → plain `IndicatorMeasure` rows and a validation report. Nothing here touches the database.

Expected columns, found by their normalised titles (accents, case, `_` and a trailing `(…)` ignored):
indicator (*Indicateur*, *Nom de l'indicateur*, *Variable*, *Libellé*…), date or year (*Date*, *Année*,
*Période*, *Millésime*…), value (*Valeur*, *Value*), and optionally unit (*Unité*) and source (*Source*,
*Producteur*). The header does not have to be on row 1: INSEE puts a title and notes above it.

Dates: a full date (`15/03/2024`, ISO, a date cell, an Excel serial) is kept as is. A year alone (`2021`)
means the end of that year, **31/12/2021**; a month (`2021-03`, `03/2021`) its last day; a quarter
(`2021-T1`, `T1 2021`) its last day (31/03/2021).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ti_desktop.domain import entities
from ti_desktop.exchange.french import UnreadableValue, is_blank, normalise, parse_date, parse_text, shown
from ti_desktop.exchange.report import ImportIssue, ImportReport, column_letter
from ti_desktop.exchange.tabular import RawSheet, read_workbook

INDICATOR, DATE, VALUE, UNIT, SOURCE = "indicator", "date", "value", "unit", "source"
REQUIRED = (INDICATOR, DATE, VALUE)
# Synonyms per column, most specific first: when a file has both "Indicateur" and "Libellé" (the
# Observatoire des territoires names the territory "Libellé"), the indicator is "Indicateur".
SYNONYMS: dict[str, tuple[str, ...]] = {
    INDICATOR: (
        "Indicateur",
        "Nom de l'indicateur",
        "Libellé de l'indicateur",
        "Libellé indicateur",
        "libelle_indicateur",
        "Nom indicateur",
        "Intitulé de l'indicateur",
        "Indicator",
        "Variable",
        "Libellé de la variable",
        "Libellé",
        "Intitulé",
    ),
    DATE: (
        "Date",
        "Date de la mesure",
        "Date de mesure",
        "Année",
        "Annee",
        "An",
        "Year",
        "Période",
        "Millésime",
        "millesime",
        "Time period",
    ),
    VALUE: ("Valeur", "Value", "Valeurs", "Valeur de l'indicateur", "Obs value", "obs_value"),
    UNIT: ("Unité", "unite", "Unité de mesure", "Unit", "Unit measure"),
    SOURCE: ("Source", "Sources", "Producteur", "Source des données", "Producteur de la donnée"),
}
LABELS = {
    INDICATOR: "Indicateur",
    DATE: "Date ou année",
    VALUE: "Valeur",
    UNIT: "Unité",
    SOURCE: "Source",
}
HEADER_SEARCH_ROWS = 50  # the header is looked for in the first rows of each sheet
NAME_MAX = entities.INDICATOR.fields["name"].max_length or 300
UNIT_MAX = entities.INDICATOR.fields["unit"].max_length or 50
SOURCE_MAX = entities.INDICATOR.fields["source"].max_length or 300
YEAR_MIN, YEAR_MAX = 1900, 2200

# What INSEE and the Observatoire write where a value is not published: a warning, the row is left out.
NO_VALUE_MARKERS = {
    "s": "valeur soumise au secret statistique",
    "secret": "valeur soumise au secret statistique",
    "nd": "valeur non disponible",
    "n.d.": "valeur non disponible",
    "n.d": "valeur non disponible",
    "nc": "valeur non communiquée",
    "n.c.": "valeur non communiquée",
    "na": "valeur non disponible",
    "n/a": "valeur non disponible",
    "-": "pas de valeur",
    "…": "pas de valeur",
    "...": "pas de valeur",
}
_TOTAL = re.compile(r"^(sous[- ]?total|total( general)?|ensemble)\s*:?$")
_NOTE = re.compile(
    r"^(sources?|champ|notes?|lecture|cle de lecture|avertissements?|definitions?|mise a jour|"
    r"telecharge|extraction|©|\*|\(\d+\))"
)
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")

# Numbers: thousands separators people and INSEE use (space, NBSP, U+202F, thin space, apostrophes).
_SPACES = " \u00a0\u202f\u2009\u2007'’"
_MINUS = "\u2212\u2013"  # the typographic minus INSEE writes, and an en dash
_UNIT_SUFFIX = re.compile(r"\s*(%|‰|€)$")
_COMMA_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3}){2,}$")
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3}){2,}$")
_SPACE_THOUSANDS = re.compile(rf"^\d{{1,3}}([{_SPACES}]\d{{3}})+([.,]\d+)?$")
_PLAIN_NUMBER = re.compile(r"^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$")

_YEAR = re.compile(r"^(\d{4})(\.0+)?$")
_QUARTER = (re.compile(r"^(\d{4})\s*[-/ ]?\s*[TtQq]([1-4])$"), re.compile(r"^[TtQq]([1-4])\s*[-/ ]?\s*(\d{4})$"))
_MONTH = (re.compile(r"^(\d{4})-(\d{1,2})$"), re.compile(r"^(\d{1,2})[/-](\d{4})$"))


def header_key(text: str) -> str:
    """`Valeur (%)`, `VALEUR`, `valeur_` → `valeur`: how headers are compared."""
    key = normalise(_PARENTHESIS.sub("", text).replace("_", " ").replace("'", " "))
    return " ".join(key.split())


_KEYS: dict[str, list[str]] = {name: [header_key(s) for s in synonyms] for name, synonyms in SYNONYMS.items()}


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the file: its 0-based index, letter and title as written."""

    index: int
    letter: str
    header: str


@dataclass(frozen=True, slots=True)
class IndicatorMeasure:
    """One measure read from the file. `measured_on` for a year alone is 31 December of that year."""

    indicator: str
    measured_on: dt.date
    value: float
    unit: str | None
    source: str | None
    sheet: str
    row: int
    columns: Mapping[str, Column]  # field key (INDICATOR, DATE…) → its column, to locate later problems

    def where(self, key: str) -> dict[str, Any]:
        """Keyword arguments locating this measure's cell for `key` in an `ImportIssue`."""
        column = self.columns.get(key)
        if column is None:
            return {"sheet": self.sheet, "row": self.row}
        return {"sheet": self.sheet, "row": self.row, "column": column.letter, "header": column.header}


@dataclass(slots=True)
class IndicatorValuesImport:
    """What an indicator values file holds: measures in file order and the report."""

    path: Path
    sheets: list[str] = field(default_factory=list)  # the sheets read (those with a complete header)
    measures: list[IndicatorMeasure] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)

    @property
    def issues(self) -> list[ImportIssue]:
        return self.report.issues

    @property
    def has_errors(self) -> bool:
        return self.report.has_errors


# -- cell parsers ----------------------------------------------------------------------------------------
def parse_number(value: object) -> float | None:
    """`1 234,5`, `12,3 %`, `-4,2`, `−4,2` (typographic minus), `1.5`, `1 234 567`, numbers → float.

    A comma alone is a French decimal mark (`1,234` is 1.234) unless it groups thousands several times
    (`1,234,567`). A trailing `%`, `‰` or `€` is the unit: the number is kept as written (`12,3 %` → 12.3).
    Blank → None; anything else unreadable raises `UnreadableValue`.
    """
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise UnreadableValue(f"« {shown(value)} » n'est pas un nombre.")
    if isinstance(value, int | float | Decimal):
        return _finite(float(value), value)
    if not isinstance(value, str):
        raise UnreadableValue(f"« {shown(value)} » n'est pas un nombre.")
    text = _UNIT_SUFFIX.sub("", value.strip())
    for minus in _MINUS:
        text = text.replace(minus, "-")
    negative = text.startswith("-")
    if negative or text.startswith("+"):
        text = text[1:].lstrip()
    unreadable = UnreadableValue(f"« {shown(value)} » n'est pas un nombre lisible (exemples : 1 234,5 ou 12,3 %).")
    if any(space in text for space in _SPACES):
        if not _SPACE_THOUSANDS.match(text):
            raise unreadable  # `1 2 3` or `12 5`: not thousands groups
        for space in _SPACES:
            text = text.replace(space, "")
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        integer_part, _, fraction = text.rpartition(decimal_mark)
        if not re.fullmatch(r"\d{1,3}(" + re.escape(thousands) + r"\d{3})+", integer_part):
            raise unreadable
        text = integer_part.replace(thousands, "") + "." + fraction
    elif "," in text:
        if _COMMA_THOUSANDS.match(text):
            text = text.replace(",", "")
        elif text.count(",") == 1:
            text = text.replace(",", ".")
        else:
            raise unreadable
    elif _DOT_THOUSANDS.match(text):
        text = text.replace(".", "")  # 1.234.567
    if not _PLAIN_NUMBER.match(text):
        raise unreadable
    number = float(text)
    return _finite(-number if negative else number, value)


def _finite(number: float, value: object) -> float:
    if not math.isfinite(number):
        raise UnreadableValue(f"« {shown(value)} » n'est pas un nombre fini.")
    return number


def _end_of_month(year: int, month: int, value: object) -> dt.date:
    if not 1 <= month <= 12:
        raise UnreadableValue(f"« {shown(value)} » : le mois {month} n'existe pas.")
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _plausible(date: dt.date, value: object) -> dt.date:
    if not YEAR_MIN <= date.year <= YEAR_MAX:
        raise UnreadableValue(f"« {shown(value)} » : l'année {date.year} n'est pas plausible.")
    return date


def parse_period(value: object) -> dt.date | None:
    """The date of a measure: a full date as is; a year alone (`2021`) → 31/12/2021; a month
    (`2021-03`, `03/2021`) → its last day; a quarter (`2021-T1`, `T1 2021`) → its last day.
    Blank → None; anything else unreadable raises `UnreadableValue`."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise UnreadableValue(f"« {shown(value)} » n'est pas une date ni une année.")
    if isinstance(value, int | float) and float(value).is_integer() and YEAR_MIN <= value <= YEAR_MAX:
        return dt.date(int(value), 12, 31)
    if isinstance(value, str):
        text = value.strip()
        if match := _YEAR.match(text):
            return _plausible(dt.date(int(match.group(1)), 12, 31), value)
        if match := _QUARTER[0].match(text):
            return _plausible(_end_of_month(int(match.group(1)), int(match.group(2)) * 3, value), value)
        if match := _QUARTER[1].match(text):
            return _plausible(_end_of_month(int(match.group(2)), int(match.group(1)) * 3, value), value)
        if match := _MONTH[0].match(text):
            return _plausible(_end_of_month(int(match.group(1)), int(match.group(2)), value), value)
        if match := _MONTH[1].match(text):
            return _plausible(_end_of_month(int(match.group(2)), int(match.group(1)), value), value)
    try:
        date = parse_date(value)
    except UnreadableValue as problem:
        if not isinstance(value, str):
            raise
        raise UnreadableValue(
            f"« {shown(value)} » n'est pas une date ou une année lisible (exemples : 15/03/2024, 2021, 2021-T1)."
        ) from problem
    return None if date is None else _plausible(date, value)


# -- header ------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Header:
    row: int  # 1-based
    cells: list[str]  # titles as written ("" for an empty cell)
    columns: dict[str, Column]

    @property
    def complete(self) -> bool:
        return all(key in self.columns for key in REQUIRED)

    @property
    def score(self) -> int:
        return len(self.columns)


def _match_header(number: int, row: tuple[Any, ...]) -> _Header:
    cells = ["" if is_blank(value) else str(value).strip() for value in row]
    columns: dict[str, Column] = {}
    ranks: dict[str, int] = {}
    for index, title in enumerate(cells):
        if not title:
            continue
        key = header_key(title)
        for name, synonyms in _KEYS.items():
            if key in synonyms:
                rank = synonyms.index(key)
                if name not in columns or rank < ranks[name]:
                    columns[name], ranks[name] = Column(index, column_letter(index), title), rank
                break
    return _Header(number, cells, columns)


def _find_header(sheet: RawSheet) -> _Header | None:
    """The first row with the three required columns, else the row matching the most columns (to say
    what is missing), else the first row with several filled cells; None for an empty sheet."""
    best: _Header | None = None
    fallback: _Header | None = None
    for number, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS], start=1):
        header = _match_header(number, row)
        if header.complete:
            return header
        if header.score and (best is None or header.score > best.score):
            best = header
        if fallback is None and sum(1 for cell in header.cells if cell) >= 2:
            fallback = header
    return best or fallback


# -- reading -------------------------------------------------------------------------------------------
def read_indicator_values(path: Path) -> IndicatorValuesImport:
    """Read every sheet that has an indicator/date/value header; problems go to the report (raises
    `ImportFileError` only for a file that is not a readable spreadsheet)."""
    book = read_workbook(path)
    result = IndicatorValuesImport(path=path)
    candidates: list[tuple[RawSheet, _Header]] = []
    for sheet in book.sheets:
        header = _find_header(sheet)
        if header is None:
            continue
        if header.complete:
            result.sheets.append(sheet.name)
            _Reader(result, sheet, header).read()
        else:
            candidates.append((sheet, header))
    if not result.sheets:
        _report_missing_columns(result, candidates)
    elif not result.measures and not result.issues:
        result.report.error("aucune mesure trouvée sous la ligne d'en-tête.", sheet=result.sheets[0])
    _check_duplicates(result)
    return result


def _report_missing_columns(result: IndicatorValuesImport, candidates: list[tuple[RawSheet, _Header]]) -> None:
    expected = "une ligne par mesure, avec les colonnes Indicateur, Date ou Année, Valeur, et si besoin Unité, Source"
    if not candidates:
        result.report.error(f"aucune ligne d'en-tête trouvée : le fichier est vide ou n'a pas de titres ({expected}).")
        return
    sheet, header = max(candidates, key=lambda candidate: candidate[1].score)
    missing = [LABELS[key] for key in REQUIRED if key not in header.columns]
    found = ", ".join(f"« {shown(cell)} »" for cell in header.cells if cell) or "aucune"
    what = "colonne obligatoire absente" if len(missing) == 1 else "colonnes obligatoires absentes"
    result.report.error(
        f"{what} : {', '.join(missing)}. Colonnes trouvées : {found}. Format attendu : {expected}.",
        sheet=sheet.name,
        row=header.row,
    )


class _Reader:
    """The data rows of one sheet under its header."""

    def __init__(self, result: IndicatorValuesImport, sheet: RawSheet, header: _Header) -> None:
        self.result, self.sheet, self.header = result, sheet, header
        self.columns: Mapping[str, Column] = dict(header.columns)
        self.header_keys = [header_key(cell) for cell in header.cells]

    def read(self) -> None:
        for number, row in enumerate(self.sheet.rows[self.header.row :], start=self.header.row + 1):
            if all(is_blank(value) for value in row) or self.is_skipped(row):
                continue
            measure = self.read_row(number, row)
            if measure is not None:
                self.result.measures.append(measure)

    def is_skipped(self, row: tuple[Any, ...]) -> bool:
        """A note under the table (`Source : Insee…`) or the header repeated."""
        filled = [value for value in row if not is_blank(value)]
        if len(filled) == 1 and isinstance(filled[0], str) and _NOTE.match(normalise(filled[0])):
            return True
        return [header_key(str(value)) if not is_blank(value) else "" for value in row] == self.header_keys

    def raw(self, row: tuple[Any, ...], key: str) -> Any:
        column = self.columns.get(key)
        if column is None or column.index >= len(row):
            return None
        return row[column.index]

    def issue(self, number: int, key: str, message: str, *, error: bool = True) -> None:
        column = self.columns[key]
        where = {"sheet": self.sheet.name, "row": number, "column": column.letter, "header": column.header}
        if error:
            self.result.report.error(message, **where)
        else:
            self.result.report.warning(message, **where)

    def read_row(self, number: int, row: tuple[Any, ...]) -> IndicatorMeasure | None:
        name = parse_text(self.raw(row, INDICATOR))
        raw_date, raw_value = self.raw(row, DATE), self.raw(row, VALUE)
        for key in (INDICATOR, DATE):
            cell = self.raw(row, key)
            if isinstance(cell, str) and _TOTAL.match(normalise(cell)):
                self.issue(number, key, f"ligne « {shown(cell)} » ignorée (ligne de total).", error=False)
                return None
        ok = True
        if name is None:
            self.issue(number, INDICATOR, "le nom de l'indicateur manque.")
            ok = False
        elif len(name) > NAME_MAX:
            self.issue(number, INDICATOR, f"le nom de l'indicateur dépasse {NAME_MAX} caractères.")
            ok = False
        measured_on = None
        try:
            measured_on = parse_period(raw_date)
            if measured_on is None:
                self.issue(number, DATE, "la date ou l'année de la mesure manque.")
                ok = False
        except UnreadableValue as problem:
            self.issue(number, DATE, problem.message)
            ok = False
        value = self.value(number, raw_value)
        unit, source = self.text(number, row, UNIT, UNIT_MAX), self.text(number, row, SOURCE, SOURCE_MAX)
        if value is None or not ok or name is None or measured_on is None:
            return None
        return IndicatorMeasure(
            indicator=name,
            measured_on=measured_on,
            value=value,
            unit=unit,
            source=source,
            sheet=self.sheet.name,
            row=number,
            columns=self.columns,
        )

    def value(self, number: int, raw: Any) -> float | None:
        if isinstance(raw, str) and raw.strip().casefold() in NO_VALUE_MARKERS:
            reason = NO_VALUE_MARKERS[raw.strip().casefold()]
            self.issue(number, VALUE, f"« {shown(raw)} » : {reason}, la ligne n'est pas importée.", error=False)
            return None
        try:
            value = parse_number(raw)
        except UnreadableValue as problem:
            self.issue(number, VALUE, problem.message)
            return None
        if value is None:
            self.issue(number, VALUE, "pas de valeur : la ligne n'est pas importée.", error=False)
        return value

    def text(self, number: int, row: tuple[Any, ...], key: str, limit: int) -> str | None:
        if key not in self.columns:
            return None
        text = parse_text(self.raw(row, key))
        if text is not None and len(text) > limit:
            self.issue(number, key, f"{LABELS[key].lower()} dépasse {limit} caractères.")
            return None
        return text


def _check_duplicates(result: IndicatorValuesImport) -> None:
    """Two rows for the same indicator and date: which one is right cannot be guessed."""
    first: dict[tuple[str, dt.date], IndicatorMeasure] = {}
    kept: list[IndicatorMeasure] = []
    for measure in result.measures:
        key = (normalise(measure.indicator), measure.measured_on)
        earlier = first.get(key)
        if earlier is None:
            first[key] = measure
            kept.append(measure)
            continue
        if earlier.sheet == measure.sheet:
            rows = f"aux lignes {earlier.row} et {measure.row}"
        else:
            rows = f"feuille {earlier.sheet} ligne {earlier.row} et feuille {measure.sheet} ligne {measure.row}"
        result.report.error(
            f"mesure en double : « {shown(measure.indicator)} » au {measure.measured_on.strftime('%d/%m/%Y')} "
            f"figure {rows} ; gardez-en une seule (le fichier contient peut-être plusieurs territoires).",
            **measure.where(DATE),
        )
    result.measures = kept
