"""Filtering and sorting of the plan tree, instant and combinable, with the domain's own predicate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ti_desktop.domain.filters import ActionFilter
from ti_desktop.gui.models.plan import PLAN_ROW_ROLE, SORT_ROLE, Column
from ti_desktop.services.views import PlanRow

Index = QModelIndex | QPersistentModelIndex


class PlanFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter: ActionFilter | None = None
        self.setRecursiveFilteringEnabled(True)  # a matching sub-action keeps its parent and axis visible
        self.setSortRole(SORT_ROLE)

    @property
    def action_filter(self) -> ActionFilter | None:
        return self._filter

    def set_action_filter(self, action_filter: ActionFilter | None) -> None:
        self.beginFilterChange()
        self._filter = action_filter
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtering(self) -> bool:
        if self._filter is None:
            return False
        neutral = ActionFilter(territory_id=self._filter.territory_id, today=self._filter.today)
        return self._filter != neutral

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        row = index.data(PLAN_ROW_ROLE)
        if not isinstance(row, PlanRow):
            # An axis: shown when nothing is filtered; otherwise only through its matching actions.
            return not self.is_filtering()
        return self._matches(row)

    def _matches(self, row: PlanRow) -> bool:
        return self._filter is None or self._filter.matches(row.action, row.last_update_on)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A parent shown only because one of its sub-actions matches is greyed: context, not a result."""
        if role == Qt.ItemDataRole.ForegroundRole and index.column() != Column.STATUS:
            row = super().data(index, PLAN_ROW_ROLE)
            if isinstance(row, PlanRow) and not self._matches(row):
                return QBrush(QColor("#8c959f"))
        return super().data(index, role)

    def visible_action_ids(self) -> list[int]:
        """The actions that match, in display order (parents shown only for context are left out)."""
        found: list[int] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                plan_row = index.data(PLAN_ROW_ROLE)
                if isinstance(plan_row, PlanRow) and self._matches(plan_row):
                    found.append(plan_row.action.id)
                walk(index)

        walk(QModelIndex())
        return found
