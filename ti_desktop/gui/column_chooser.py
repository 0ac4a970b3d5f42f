"""Which columns of a table are shown: a right click on the header lists them, each with a tick; the choice is
kept in the settings. Some columns start hidden (figures few users need every day) and appear on demand."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QMenu


class ColumnChooser:
    def __init__(
        self,
        header: QHeaderView,
        settings: QSettings,
        key: str,
        optional: Mapping[int, str],
        hidden_by_default: Collection[int] = (),
    ) -> None:
        self.header = header
        self.settings = settings
        self.key = key  # where the hidden columns are kept, e.g. "plan/hidden_columns"
        self.optional = dict(optional)  # column → its French header: those the user may hide
        stored = settings.value(key)
        hidden = {int(column) for column in stored} if isinstance(stored, list) else set(hidden_by_default)
        for column in self.optional:
            header.setSectionHidden(column, column in hidden)
        self.extra: dict[int, tuple[str, str]] = {}  # columns that come with the data: see `set_extra`
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)

    def menu(self) -> QMenu:
        """The « Colonnes affichées » menu: one checkable entry per optional column."""
        menu = QMenu(QCoreApplication.translate("ColumnChooser", "Colonnes affichées"), self.header)
        for column, label in self.optional.items():
            entry = menu.addAction(label)
            entry.setCheckable(True)
            entry.setChecked(not self.header.isSectionHidden(column))
            entry.toggled.connect(lambda shown, column=column: self.set_shown(column, shown))
        if self.extra:
            menu.addSeparator()
        for column, (label, _key) in self.extra.items():
            entry = menu.addAction(label)
            entry.setCheckable(True)
            entry.setChecked(not self.header.isSectionHidden(column))
            entry.toggled.connect(lambda shown, column=column: self.set_shown(column, shown))
        return menu

    def set_extra(self, columns: Mapping[int, tuple[str, str]]) -> None:
        """Columns that come and go with the data (a territory's custom fields): column → (its header, a stable
        key). They start hidden; those the user shows are kept by key, whatever their column becomes."""
        self.extra = dict(columns)
        shown = self._shown_extra()
        for column, (_label, key) in self.extra.items():
            self.header.setSectionHidden(column, key not in shown)

    def _shown_extra(self) -> set[str]:
        stored = self.settings.value(f"{self.key}_extra_shown")
        return {str(key) for key in stored} if isinstance(stored, list) else set()

    def set_shown(self, column: int, shown: bool) -> None:
        self.header.setSectionHidden(column, not shown)
        if column in self.extra:
            keys = self._shown_extra()
            key = self.extra[column][1]
            keys = keys | {key} if shown else keys - {key}
            self.settings.setValue(f"{self.key}_extra_shown", sorted(keys))
            return
        hidden = [str(c) for c in self.optional if self.header.isSectionHidden(c)]
        self.settings.setValue(self.key, hidden)

    def show(self, columns: Collection[int]) -> None:
        for column in columns:
            if self.header.isSectionHidden(column):
                self.set_shown(column, True)

    def _show_menu(self, position: QPoint) -> None:
        self.menu().exec(self.header.mapToGlobal(position))
