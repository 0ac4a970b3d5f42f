"""A read-only table of service records described by its columns (header, text, colour…): each table states
what it shows, the model does the Qt plumbing once. Edits never happen here: they go through the undoable
editor, and the model is then reloaded from the services.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ti_desktop.gui.theme import LIGHT, Theme

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the record of the row
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the action the row leads to, if any
# Text colours a column may give, by the theme's name for them: they follow the model's theme.
ERROR_TEXT = "error"
SUCCESS_TEXT = "success"
MUTED_TEXT = "muted"
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    right_aligned: bool = False
    colour: Callable[[T], str | None] | None = (
        None  # text colour: a theme colour's name (ERROR_TEXT…), or an axis's `#rrggbb`
    )
    bold: Callable[[T], bool] | None = None
    tooltip: Callable[[T], str | None] | None = None
    stretch: bool = False  # takes the width the other columns leave (for the views that ask)

    def alignment(self) -> int:
        """Where its values and its header sit in their cells."""
        return RIGHT if self.right_aligned else LEFT


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows are records, columns are `Column`s; `action_id` says which action a row leads to."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        parent: QObject | None = None,
        action_id: Callable[[T], int | None] | None = None,
        theme: Theme = LIGHT,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self.columns: tuple[Column[T], ...] = tuple(columns)
        self._action_id = action_id
        self._records: list[T] = []

    def main_column(self) -> int:
        """The column that takes the width the others leave: the first that asks to stretch, else the last."""
        return next((n for n, column in enumerate(self.columns) if column.stretch), len(self.columns) - 1)

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[T]:
        return list(self._records)

    def record(self, row: int) -> T:
        return self._records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self.columns[section].alignment()  # a header sits over its values as they sit
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == RECORD_ROLE:
            return record
        if role == ACTION_ID_ROLE:
            return self._action_id(record) if self._action_id is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(record)
            if not colour:
                return None
            return QBrush(QColor(colour) if colour.startswith("#") else self._theme.colour(colour))
        if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(record):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment()
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        return None
