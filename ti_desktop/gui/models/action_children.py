"""Item models of the fiche-action's tabs: read-only tables of service records, and the checklist of challenges.

A table is described by its columns (header, text, colour…), so each tab states what it shows and the
model does the Qt plumbing once. Edits never happen in the models: the tabs route them through the
undoable editor, and the models are then reloaded from the services.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ti_desktop.domain.records import ChallengeRecord

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
RED = "#cf222e"
GREEN = "#1a7f37"
GREY = "#57606a"


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    right_aligned: bool = False
    colour: Callable[[T], str | None] | None = None  # text colour (hex), e.g. red for overdue
    bold: Callable[[T], bool] | None = None
    tooltip: Callable[[T], str | None] | None = None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows are records, columns are `Column`s; the record of a row is under RECORD_ROLE."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[T] = []

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
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(record)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(record):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        return None


# (challenge id, check it or not) -> whether the change was saved.
ToggleChallenge = Callable[[int, bool], bool]


class ChallengeChecklistModel(QAbstractListModel):
    """The territory's challenges (enjeux), checked when the action answers them."""

    def __init__(self, toggle: ToggleChallenge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._toggle = toggle
        self._items: list[tuple[ChallengeRecord, str]] = []  # (challenge, its axis code)
        self._checked: set[int] = set()
        self._editable = True

    def set_challenges(self, items: Sequence[tuple[ChallengeRecord, str]], checked: set[int]) -> None:
        """Reload; when the list itself is unchanged only the check marks are updated (no reset)."""
        if [c.id for c, _ in items] == [c.id for c, _ in self._items]:
            self._items = list(items)
            changed = self._checked ^ checked
            self._checked = set(checked)
            for row, (challenge, _code) in enumerate(self._items):
                if challenge.id in changed:
                    index = self.index(row)
                    self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            return
        self.beginResetModel()
        self._items = list(items)
        self._checked = set(checked)
        self.endResetModel()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def checked_ids(self) -> set[int]:
        return set(self._checked)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEnabled if self._editable else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        challenge, axis_code = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{axis_code} · {challenge.title}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if challenge.id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return challenge.description or challenge.title
        if role == RECORD_ROLE:
            return challenge
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or not self._editable:
            return False
        challenge, _code = self._items[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked == (challenge.id in self._checked):
            return False
        if not self._toggle(challenge.id, checked):
            return False
        # The editor's reload normally updated the marks already; make sure this one shows.
        if checked:
            self._checked.add(challenge.id)
        else:
            self._checked.discard(challenge.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
