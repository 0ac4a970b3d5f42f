"""The fiche-action's checklist of challenges (its tables are `models.records.RecordTableModel`s)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ti_desktop.domain.records import ChallengeRecord
from ti_desktop.gui.models.records import RECORD_ROLE

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


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
