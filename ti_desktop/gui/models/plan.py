"""The plan as a tree: axes, their actions, and sub-actions under their parent.

The model only shows: edits made in the table (status, progress) are handed to `edit_action`, which
the page routes through the undoable editor; the model is then reloaded from the services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.formatting import format_date, format_euros
from ti_desktop.domain.records import AxisRecord
from ti_desktop.gui.status_colours import readable_text_on, status_colour
from ti_desktop.services.views import PlanRow

Index = QModelIndex | QPersistentModelIndex
EditAction = Callable[[int, str, Any], bool]

ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
PLAN_ROW_ROLE = Qt.ItemDataRole.UserRole + 3


class Column(IntEnum):
    CODE = 0
    TITLE = 1
    LEAD = 2
    STATUS = 3
    PROGRESS = 4
    START = 5
    END = 6
    BUDGET = 7
    SECURED = 8
    LATE = 9


HEADERS = {
    Column.CODE: "Code",
    Column.TITLE: "Titre",
    Column.LEAD: "Porteur",
    Column.STATUS: "Statut",
    Column.PROGRESS: "Avancement",
    Column.START: "Début",
    Column.END: "Fin",
    Column.BUDGET: "Budget",
    Column.SECURED: "Financement acquis",
    Column.LATE: "Retard",
}


@dataclass(eq=False)
class Node:
    """An axis (row is None) or an action (row set)."""

    axis: AxisRecord
    row: PlanRow | None
    parent: Node | None
    children: list[Node] = field(default_factory=list)

    def position(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class PlanTreeModel(QAbstractItemModel):
    def __init__(self, edit_action: EditAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._edit_action = edit_action
        self._axes: list[Node] = []
        self._by_action: dict[int, Node] = {}

    # -- loading -------------------------------------------------------------------------------
    def set_plan(self, axes: list[AxisRecord], rows: list[PlanRow]) -> None:
        self.beginResetModel()
        self._axes = [Node(axis, None, None) for axis in axes]
        by_axis = {node.axis.id: node for node in self._axes}
        self._by_action = {}
        parents = [row for row in rows if row.action.parent_id is None]
        children = [row for row in rows if row.action.parent_id is not None]
        for row in parents:
            axis_node = by_axis[row.action.axis_id]
            node = Node(axis_node.axis, row, axis_node)
            axis_node.children.append(node)
            self._by_action[row.action.id] = node
        for row in children:
            parent = self._by_action.get(row.action.parent_id or 0)
            holder = parent or by_axis[row.action.axis_id]
            node = Node(holder.axis, row, holder)
            holder.children.append(node)
            self._by_action[row.action.id] = node
        self.endResetModel()

    def index_of_action(self, action_id: int) -> QModelIndex:
        node = self._by_action.get(action_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.position(), 0, node)

    def action_count(self) -> int:
        return len(self._by_action)

    # -- structure -----------------------------------------------------------------------------
    def _node(self, index: Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        parent_node = self._node(parent)
        siblings = parent_node.children if parent_node else self._axes
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        holder = node.parent
        siblings = holder.parent.children if holder.parent else self._axes
        return self.createIndex(siblings.index(holder), 0, holder)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children) if node else len(self._axes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[Column(section)])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        node = self._node(index)
        if node is not None and node.row is not None and index.column() in (Column.STATUS, Column.PROGRESS):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # -- data ----------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        column = Column(index.column())
        if node.row is None:
            return self._axis_data(node, column, role)
        return self._action_data(node.row, column, role)

    def _axis_data(self, node: Node, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == Column.CODE:
            return node.axis.code
        if role == Qt.ItemDataRole.DisplayRole and column == Column.TITLE:
            count = sum(1 + len(child.children) for child in node.children)
            return self.tr("{label} — {count} action(s)").format(label=node.axis.label, count=count)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = QColor(node.axis.colour)
            colour.setAlpha(40)
            return QBrush(colour)
        if role == SORT_ROLE:
            return node.axis.position
        return None

    def _action_data(self, row: PlanRow, column: Column, role: int) -> Any:
        action = row.action
        if role == ACTION_ID_ROLE:
            return action.id
        if role == PLAN_ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == Column.STATUS:
                return action.status.value
            if column == Column.PROGRESS:
                return action.progress
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if column == Column.STATUS and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(status_colour(action.status))
        if column == Column.STATUS and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(readable_text_on(status_colour(action.status)))
        if column == Column.LATE and role == Qt.ItemDataRole.ForegroundRole and row.late:
            return QBrush(QColor("#cf222e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.PROGRESS,
            Column.BUDGET,
            Column.SECURED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.LATE and row.late:
                return self.tr("Fin prévue le {date} dépassée").format(date=format_date(action.planned_end))
            return action.title if column == Column.TITLE else None
        return None

    def _display(self, row: PlanRow, column: Column) -> str:
        action = row.action
        match column:
            case Column.CODE:
                return action.code or ""
            case Column.TITLE:
                markers = [self.tr("à discuter")] if action.to_discuss else []
                markers += [self.tr("confidentielle")] if action.confidential else []
                return action.title + "".join(f"  · {marker}" for marker in markers)
            case Column.LEAD:
                return row.lead_name or ""
            case Column.STATUS:
                return action.status.label
            case Column.PROGRESS:
                return f"{action.progress}\u202f%"
            case Column.START:
                return format_date(action.planned_start, empty="")
            case Column.END:
                return format_date(action.planned_end, empty="")
            case Column.BUDGET:
                return format_euros(action.planned_budget, empty="")
            case Column.SECURED:
                return format_euros(row.secured) if row.secured else ""
            case Column.LATE:
                return self.tr("⚠ en retard") if row.late else ""
        return ""

    def _sort_key(self, row: PlanRow, column: Column) -> Any:
        action = row.action
        match column:
            case Column.CODE:
                return action.code or "~"
            case Column.TITLE:
                return action.title.casefold()
            case Column.LEAD:
                return (row.lead_name or "~").casefold()
            case Column.STATUS:
                return list(ActionStatus).index(action.status)
            case Column.PROGRESS:
                return action.progress
            case Column.START:
                return action.planned_start.toordinal() if action.planned_start else 10**7
            case Column.END:
                return action.planned_end.toordinal() if action.planned_end else 10**7
            case Column.BUDGET:
                return float(action.planned_budget or 0)
            case Column.SECURED:
                return float(row.secured)
            case Column.LATE:
                return 0 if row.late else 1
        return 0

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self._node(index)
        if node is None or node.row is None or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == Column.STATUS:
            return self._edit_action(node.row.action.id, "status", ActionStatus(value))
        if index.column() == Column.PROGRESS:
            return self._edit_action(node.row.action.id, "progress", int(value))
        return False
