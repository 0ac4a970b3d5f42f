"""The Région page's tables: one row per territory (sortable, each status count a way into its actions), the
actions of a report, the verdicts of an addition, the received reports, the totals per axis and per funder and
the evolutions. What they show is the consolidation's (domain/consolidation.py), formatted in French."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from ti_desktop.domain.consolidation import TerritoryFigures, TerritoryRow
from ti_desktop.domain.data_documents import parse_amount
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.gui.models.records import ERROR_TEXT, Column
from ti_desktop.gui.theme import LIGHT, Theme
from ti_desktop.kernel.formatting import format_date, format_euros, format_number

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 10  # what a column sorts on (numbers as numbers, dates as dates)

STALE_TEXT = "Ancien (plus de six mois)"


# -- what the page reads from the consolidation service (its FileVerdict and StoredReport) ---------------------------
class VerdictLike(Protocol):
    @property
    def path(self) -> Any: ...
    @property
    def outcome(self) -> str: ...
    @property
    def message(self) -> str: ...


class StoredLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def version(self) -> int: ...
    @property
    def territory(self) -> str: ...
    @property
    def period_from(self) -> dt.date: ...
    @property
    def period_to(self) -> dt.date: ...
    @property
    def generated_on(self) -> dt.date: ...
    @property
    def received_at(self) -> dt.datetime: ...
    @property
    def source(self) -> str: ...
    @property
    def actions(self) -> int: ...


def period_text(start: dt.date, end: dt.date) -> str:
    return f"du {format_date(start)} au {format_date(end)}"


def euros(value: Decimal) -> str:
    return format_euros(value)


PROGRAMME_PREFIX = "territoire d'industrie "


def short_name(name: str) -> str:
    """A territory's name without « Territoire d'industrie », which the column's header says once."""
    if name.casefold().startswith(PROGRAMME_PREFIX) and len(name) > len(PROGRAMME_PREFIX):
        rest = name[len(PROGRAMME_PREFIX) :]
        return rest[:1].upper() + rest[1:]
    return name


def sort_key(text: str) -> str:
    """French alphabetical order: « Épinal » among the E, not after the Z."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def short_period(start: dt.date, end: dt.date) -> str:
    return f"{format_date(start)} – {format_date(end)}"


# -- territories ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TerritoryColumn:
    header: str
    text: Callable[[TerritoryFigures], str] | None  # a figure of the row (also the totals'); None: see `row_text`
    key: Callable[[TerritoryRow], Any]
    row_text: Callable[[TerritoryRow], str] | None = None
    status: ActionStatus | None = None
    right_aligned: bool = True
    tooltip: str | None = None


def _figure(get: Callable[[TerritoryFigures], Any], text: Callable[[Any], str]) -> Callable[[TerritoryFigures], str]:
    return lambda figures: text(get(figures))


def territory_columns() -> list[TerritoryColumn]:
    def count(status: ActionStatus, header: str) -> TerritoryColumn:
        return TerritoryColumn(
            header,
            _figure(lambda f: f.count(status), format_number),
            lambda row: row.figures.count(status),
            status=status,
            tooltip=f"Double-cliquez pour voir les actions « {status.label} » du territoire",
        )

    def money(header: str, get: Callable[[TerritoryFigures], Decimal]) -> TerritoryColumn:
        return TerritoryColumn(header, _figure(get, euros), lambda row: get(row.figures))

    def number(header: str, get: Callable[[TerritoryFigures], int]) -> TerritoryColumn:
        return TerritoryColumn(header, _figure(get, format_number), lambda row: get(row.figures))

    return [
        TerritoryColumn(
            "Territoire d'industrie",
            None,
            lambda row: sort_key(short_name(row.name)),
            row_text=lambda row: short_name(row.name),
            right_aligned=False,
        ),
        TerritoryColumn(
            "Dernier rapport",
            None,
            lambda row: row.report.generated_on,
            row_text=lambda row: format_date(row.report.generated_on),
            right_aligned=False,
        ),
        TerritoryColumn(
            "Période",
            None,
            lambda row: (row.report.period_to, row.report.period_from),
            row_text=lambda row: short_period(row.report.period_from, row.report.period_to),
            right_aligned=False,
        ),
        TerritoryColumn(
            "Ancienneté",
            None,
            lambda row: row.stale,
            row_text=lambda row: STALE_TEXT if row.stale else "À jour",
            right_aligned=False,
        ),
        TerritoryColumn(
            "Actions",
            _figure(lambda f: f.actions, format_number),
            lambda row: row.figures.actions,
            tooltip="Double-cliquez pour voir les actions du territoire",
        ),
        count(ActionStatus.EN_COURS, "En cours"),
        count(ActionStatus.REALISEE, "Réalisées"),
        count(ActionStatus.BLOQUEE, "Bloquées"),
        money("Budget", lambda f: f.planned_budget),
        money("Demandé", lambda f: f.requested),
        money("Accordé", lambda f: f.granted),
        money("Versé", lambda f: f.paid),
        number("Emplois visés", lambda f: f.jobs_targeted),
        number("Emplois créés", lambda f: f.jobs_created),
        money("Investissement induit", lambda f: f.induced_investment),
    ]


class TerritoryModel(QAbstractTableModel):
    """ConsolidatedView.territories, one per row; sorted through a proxy on SORT_ROLE."""

    def __init__(self, parent: QObject | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self._theme = theme
        self.columns = territory_columns()
        self._rows: list[TerritoryRow] = []
        self._totals: list[str] = []  # the last row's cells (the totals), when there are rows

    def set_rows(self, rows: Sequence[TerritoryRow], totals: TerritoryFigures | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._totals = self.totals_texts(totals, len(rows)) if rows and totals is not None else []
        self.endResetModel()

    def row_at(self, row: int) -> TerritoryRow | None:
        """The territory of a row; None for the totals row."""
        return self._rows[row] if row < len(self._rows) else None

    def is_totals(self, row: int) -> bool:
        return bool(self._totals) and row == len(self._rows)

    def totals(self) -> list[str]:
        return list(self._totals)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows) + (1 if self._totals else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.header
            if role == Qt.ItemDataRole.TextAlignmentRole and column.right_aligned:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def text(self, row: TerritoryRow, column: TerritoryColumn) -> str:
        if column.row_text is not None:
            return column.row_text(row)
        assert column.text is not None
        return column.text(row.figures)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if self.is_totals(index.row()):
            return self._totals_data(index.column(), column, role)
        if not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == SORT_ROLE:
            return column.key(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.header == "Ancienneté" and row.stale:
            return QBrush(self._theme.colour(ERROR_TEXT))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.header == "Territoire d'industrie":
                reports = "1 rapport reçu" if row.reports == 1 else f"{format_number(row.reports)} rapports reçus"
                return f"{row.name} — {reports} ; double-cliquez pour voir ses actions"
            if column.header == "Ancienneté" and row.stale:
                return "Le dernier rapport de ce territoire date de plus de six mois : demandez-lui un rapport à jour."
            return column.tooltip
        return None

    def _totals_data(self, number: int, column: TerritoryColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._totals[number]
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Les chiffres de tous les territoires, d'après le dernier rapport de chacun"
        return None

    def totals_texts(self, totals: TerritoryFigures, territories: int) -> list[str]:
        """The totals row's cells, column by column."""
        texts: list[str] = []
        for column in self.columns:
            if column.header == "Territoire d'industrie":
                texts.append(f"Total ({format_number(territories)} territoires)")
            elif column.text is not None:
                texts.append(column.text(totals))
            else:
                texts.append("")
        return texts


# -- actions of a report ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ActionLine:
    territory: str
    action: dict[str, Any]

    def amount(self, key: str) -> Decimal | None:
        return parse_amount(self.action.get(key))


def status_label(code: str) -> str:
    try:
        return ActionStatus(code).label
    except ValueError:
        return code


def action_columns(with_territory: bool) -> list[Column[ActionLine]]:
    columns: list[Column[ActionLine]] = []
    if with_territory:
        columns.append(Column("Territoire", lambda line: line.territory, tooltip=lambda line: line.territory))
    columns += [
        Column("Référence", lambda line: str(line.action.get("reference") or "")),
        Column(
            "Intitulé",
            lambda line: str(line.action.get("title") or ""),
            tooltip=lambda line: str(line.action.get("title") or ""),
            stretch=True,
        ),
        Column("Axe", lambda line: str(line.action.get("axis") or ""), tooltip=lambda line: line.action.get("axis")),
        Column("Statut", lambda line: status_label(str(line.action.get("status")))),
        Column("Avancement", lambda line: f"{line.action.get('progress', 0)}\u202f%", right_aligned=True),
        Column("Budget", lambda line: format_euros(line.amount("planned_budget")), right_aligned=True),
        Column("Financements acquis", lambda line: format_euros(line.amount("secured_funding")), right_aligned=True),
        Column(
            "Retard",
            lambda line: "En retard" if line.action.get("late") else "",
            colour=lambda line: ERROR_TEXT if line.action.get("late") else None,
        ),
    ]
    return columns


# -- verdicts of an addition ------------------------------------------------------------------------------------------
OUTCOME_WORDS = {"ajouté": "Ajouté", "inchangé": "Inchangé", "remplacé": "Remplacé", "refusé": "REFUSÉ"}


def verdict_columns() -> list[Column[VerdictLike]]:
    def name(verdict: VerdictLike) -> str:
        path = verdict.path
        return str(getattr(path, "name", path))

    def refused(verdict: VerdictLike) -> str | None:
        return ERROR_TEXT if verdict.outcome == "refusé" else None

    return [
        Column("Fichier", name, tooltip=lambda verdict: str(verdict.path)),
        Column(
            "Résultat",
            lambda verdict: OUTCOME_WORDS.get(verdict.outcome, verdict.outcome),
            colour=refused,
            bold=lambda verdict: verdict.outcome == "refusé",
        ),
        Column("Message", lambda verdict: verdict.message, colour=refused, tooltip=lambda v: v.message, stretch=True),
    ]


# -- received reports -------------------------------------------------------------------------------------------------
def stored_columns() -> list[Column[StoredLike]]:
    return [
        Column("Territoire", lambda report: report.territory, tooltip=lambda report: report.territory),
        Column("Période", lambda report: period_text(report.period_from, report.period_to)),
        Column("Généré le", lambda report: format_date(report.generated_on)),
        Column(
            "Reçu le",
            lambda report: format_date(report.received_at.astimezone().date() if report.received_at else None),
        ),
        Column("Actions", lambda report: format_number(report.actions), right_aligned=True),
        Column("Fichier source", lambda report: report.source, tooltip=lambda report: report.source, stretch=True),
    ]
