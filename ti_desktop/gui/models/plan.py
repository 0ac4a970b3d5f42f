"""The plan as a tree: axes, their actions, and sub-actions under their parent — read in windows.

The database filters, sorts and counts (services.views: `plan_counts`, `plan_window`, with the same predicate as
`ActionFilter.matches`): the model holds the axes, the counts, and only the lines fetched so far. Under each axis,
top-level actions arrive `BATCH` at a time through Qt's canFetchMore/fetchMore (the view asks for what fills the
screen, the page for more when the end of what is loaded scrolls into view), each with its sub-actions. Opening or
filtering a plan of 100,000 actions costs a few queries and a screenful of rows.

What a filter or a sort shows first (the counts and the first window) is a `PlanRead`: a function of the
source and of plain values, which the model runs at once or hands to `read_later` (the page runs it in a worker
thread and gives back its `PlanSnapshot` to `show`). Until then the tree keeps showing the previous snapshot and
fetches its windows with the filter and order of that snapshot: the lines on screen never mix two filters, and a
snapshot of an older read is never shown.

The model only shows: edits made in the table (status, progress) are handed to `edit_action`, which
the page routes through the undoable editor; the model is then reloaded from the services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ti_desktop.domain.custom_fields import CustomValue, display
from ti_desktop.domain.enums import ActionStatus, CustomFieldKind
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.domain.records import AxisRecord, CustomFieldRecord
from ti_desktop.gui.status_colours import readable_text_on, status_colour
from ti_desktop.gui.tables import header_lines
from ti_desktop.gui.theme import LIGHT, Theme
from ti_desktop.kernel.formatting import format_date, format_euros, format_number
from ti_desktop.services.search import is_filtering
from ti_desktop.services.views import Interruption, PlanCounts, PlanEntry, PlanOrder, PlanRow

Index = QModelIndex | QPersistentModelIndex
EditAction = Callable[[int, str, Any], bool]

ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
PLAN_ROW_ROLE = Qt.ItemDataRole.UserRole + 3
BATCH = 60  # top-level lines read at a time under an axis: more than a screenful


class PlanSource(Protocol):
    """What the model reads (services.views.ViewService); `interruption`: another thread may stop the reading."""

    def plan_counts(self, action_filter: ActionFilter, interruption: Interruption | None = None) -> PlanCounts: ...

    def plan_window(
        self,
        action_filter: ActionFilter,
        axis_id: int,
        order: PlanOrder,
        offset: int,
        limit: int,
        today: dt.date,
        interruption: Interruption | None = None,
    ) -> list[PlanEntry]: ...

    def plan_axis_of(self, action_id: int) -> tuple[int, int | None] | None: ...


def jobs_text(created: int | None, targeted: int | None) -> str:
    """« 25 / 60 »: created (constatés) over targeted; a dash for the one not known."""
    if created is None and targeted is None:
        return ""
    shown = [format_number(created) if created is not None else "—"]
    if targeted is not None:
        shown.append(format_number(targeted))
    return " / ".join(shown)


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
    JOBS = 10
    ACHIEVED_INVESTMENT = 11


COLUMNS = tuple(Column)
_EDITABLE_COLUMNS = frozenset({Column.STATUS, Column.PROGRESS})  # edited in the table (the others: in the fiche)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # made once: enum flags cost a call to combine
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
OUTCOME_COLUMNS = (Column.JOBS, Column.ACHIEVED_INVESTMENT)  # targeted vs achieved
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FIGURES = frozenset({Column.PROGRESS, Column.BUDGET, Column.SECURED, Column.JOBS, Column.ACHIEVED_INVESTMENT})
# Where a column's values — and its header, over them — sit: figures to the right, words to the left.
_ALIGNMENTS = {column: _RIGHT if column in _FIGURES else _LEFT for column in Column}
ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ACTION_ID_ROLE,
        SORT_ROLE,
        PLAN_ROW_ROLE,
    }
)
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
    Column.JOBS: "Emplois créés / visés",
    Column.ACHIEVED_INVESTMENT: "Investissement réalisé",
}


@dataclass(frozen=True, slots=True)
class PlanSnapshot:
    """What a filter or a sort shows first: the counts, and the first window of the first axis with lines — read
    with the counts and put in by the same reset: laid out with its axes alone, the view would hide its scroll bar
    and show it again (two layouts, two paints of the whole view, for one filter)."""

    generation: int  # which request of the model it answers (an older one is not shown)
    action_filter: ActionFilter
    order: PlanOrder
    counts: PlanCounts
    first_axis: int | None
    first_window: list[PlanEntry]


@dataclass(frozen=True, slots=True)
class PlanRead:
    """The reading of a `PlanSnapshot`, made of plain values: callable in any thread, once or more."""

    generation: int
    source: PlanSource
    axes: tuple[AxisRecord, ...]
    action_filter: ActionFilter
    order: PlanOrder
    today: dt.date

    def __call__(self, interruption: Interruption | None = None) -> PlanSnapshot:
        counts = self.source.plan_counts(self.action_filter, interruption)
        with_lines = (axis.id for axis in self.axes if (count := counts.axes.get(axis.id)) and count.top_level > 0)
        first = next(with_lines, None)
        window = (
            self.source.plan_window(self.action_filter, first, self.order, 0, BATCH, self.today, interruption)
            if first is not None
            else []
        )
        return PlanSnapshot(self.generation, self.action_filter, self.order, counts, first, window)


@dataclass(eq=False)
class Node:
    """An axis (row is None) or an action (row set); `position` is its row under its parent."""

    axis: AxisRecord
    row: PlanRow | None
    parent: Node | None
    position: int = 0
    matches: bool = True  # False: shown only because a sub-action matches the filter
    children: list[Node] = field(default_factory=list)
    shown: int = 0  # an axis: its lines under the filter (counted by the database)
    top_level: int = 0  # an axis: its top-level lines, of which `children` holds those fetched so far


class PlanTreeModel(QAbstractItemModel):
    shown = Signal()  # a new snapshot is on screen (its counts, its first window): after a filter, a sort, a reload

    def __init__(self, edit_action: EditAction, parent: QObject | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self._context_only = QBrush(theme.colour("disabled"))
        self._late = QBrush(theme.colour("error"))
        self._edit_action = edit_action
        self.editable = True  # False: a shared base's territory the role may only read (no cell takes input)
        self._source: PlanSource | None = None
        self._today = dt.date.min
        self._all_axes: list[AxisRecord] = []
        self._filter: ActionFilter | None = None
        self._custom: list[CustomFieldRecord] = []  # the territory's custom fields: columns after `Column`'s
        self._sort_column: int = Column.CODE
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._axes: list[Node] = []
        self._by_action: dict[int, Node] = {}
        self._counts = PlanCounts(0, 0, {})
        self.view_fetches = True
        # Set by a page that reads off the GUI thread: given a read, True when it will hand its snapshot to `show`
        # itself, False to have the model read it at once.
        self.read_later: Callable[[PlanRead], bool] | None = None
        self._generation = 0  # of the last read asked for
        self._view: tuple[ActionFilter, PlanOrder] | None = None  # those of the snapshot shown: its windows

    # -- loading, filtering, sorting -----------------------------------------------------------
    def set_plan(
        self,
        source: PlanSource,
        axes: list[AxisRecord],
        today: dt.date,
        custom_fields: Sequence[CustomFieldRecord] = (),
        action_filter: ActionFilter | None = None,
    ) -> None:
        """Read the plan from `source` (again): the counts now, the lines when the view asks for them."""
        self._source, self._all_axes, self._today, self._custom = source, axes, today, list(custom_fields)
        if action_filter is not None:
            self._filter = action_filter
        if self._sort_column >= self.columnCount():
            self._sort_column = Column.CODE  # its custom field is gone
        self._rebuild()

    def custom_field(self, column: int) -> CustomFieldRecord | None:
        """The custom field shown in `column`, None for one of the plan's own columns."""
        position = column - len(Column)
        return self._custom[position] if 0 <= position < len(self._custom) else None

    def set_filter(self, action_filter: ActionFilter | None) -> None:
        if action_filter != self._filter:
            self._filter = action_filter
            self._rebuild()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column if column < self.columnCount() else Column.CODE, order
        self._rebuild()

    def is_filtering(self) -> bool:
        return self._filter is not None and is_filtering(self._filter)

    def _order(self) -> PlanOrder:
        custom = self.custom_field(self._sort_column)
        return PlanOrder(
            column=self._sort_column if custom is None else 0,
            descending=self._sort_order == Qt.SortOrder.DescendingOrder,
            custom_field=(custom.id, custom.kind) if custom is not None else None,
        )

    def _rebuild(self) -> None:
        """Start again from the counts: the axes shown, how many lines each holds, the first window."""
        self._generation += 1
        if self._source is None or self._filter is None:
            self._reset(None)
            return
        read = PlanRead(self._generation, self._source, tuple(self._all_axes), self._filter, self._order(), self._today)
        if self.read_later is not None and self.read_later(read):
            return  # the page reads it and hands the snapshot to `show`; the tree shows the previous one until then
        self.show(read())

    def drop_read(self) -> None:
        """The read asked for will not be shown (the user typed on): the snapshot shown stays, and asking for its
        filter again changes nothing, while any other filter is read."""
        self._generation += 1
        if self._view is not None:
            self._filter = self._view[0]

    def is_current(self, snapshot: PlanSnapshot) -> bool:
        """Is this the answer to the last read asked for?"""
        return snapshot.generation == self._generation

    def show(self, snapshot: PlanSnapshot) -> None:
        """Show a snapshot read for the last request; an older one is dropped (a newer filter or sort came)."""
        if self.is_current(snapshot):
            self._reset(snapshot)
            self.shown.emit()

    def _reset(self, snapshot: PlanSnapshot | None) -> None:
        self.beginResetModel()
        self._by_action = {}
        self._axes = []
        if snapshot is not None:
            self._counts = snapshot.counts
            self._view = (snapshot.action_filter, snapshot.order)
            filtering = is_filtering(snapshot.action_filter)
            for axis in self._all_axes:
                count = self._counts.axes.get(axis.id)
                if count is None and filtering:
                    continue
                node = Node(axis, None, None, position=len(self._axes))
                node.shown, node.top_level = (count.shown, count.top_level) if count else (0, 0)
                self._axes.append(node)
                if axis.id == snapshot.first_axis:
                    self._add(node, snapshot.first_window)
        else:
            self._counts = PlanCounts(0, 0, {})
            self._view = None
        self.endResetModel()

    def can_fetch(self, parent: Index) -> bool:
        """Has this axis lines not read yet?"""
        node = self._node(parent)
        return node is not None and node.row is None and len(node.children) < node.top_level

    def axis_size(self, parent: Index) -> int:
        """How many top-level lines the axis holds under the filter, fetched or not."""
        node = self._node(parent)
        return node.top_level if node is not None and node.row is None else 0

    def canFetchMore(self, parent: Index) -> bool:
        # A QTreeView fetches for every expanded axis, on screen or not; the page fetches for those in view only
        # (PlanPage._fetch_visible). Without a page to drive it, the model lets the view fetch.
        return self.view_fetches and self.can_fetch(parent)

    def fetchMore(self, parent: Index) -> None:
        node = self._node(parent)
        if node is not None and self.can_fetch(parent):
            self._fetch(node, BATCH)

    def _fetch(self, axis: Node, limit: int) -> None:
        if self._source is None or self._view is None:
            return
        offset = len(axis.children)
        action_filter, order = self._view  # the shown snapshot's, not those of a read still running
        entries = self._source.plan_window(action_filter, axis.axis.id, order, offset, limit, self._today)
        if not entries:
            axis.top_level = offset  # the base changed under us: nothing more to fetch
            return
        self.beginInsertRows(self.createIndex(axis.position, 0, axis), offset, offset + len(entries) - 1)
        self._add(axis, entries)
        self.endInsertRows()

    def _add(self, axis: Node, entries: list[PlanEntry]) -> None:
        """Append a window of top-level lines (with their sub-actions) under an axis."""
        if not entries:
            axis.top_level = len(axis.children)
        for position, entry in enumerate(entries, start=len(axis.children)):
            node = Node(axis.axis, entry.row, axis, position=position, matches=entry.matches)
            node.children = [
                Node(axis.axis, sub, node, position=i, matches=sub_matches)
                for i, (sub, sub_matches) in enumerate(entry.children)
            ]
            axis.children.append(node)
            self._by_action[entry.row.action.id] = node
            for child in node.children:
                assert child.row is not None
                self._by_action[child.row.action.id] = child

    def fetch_all(self) -> None:
        """Read every line (what `matching_action_ids` walks; the page never needs it)."""
        for axis in self._axes:
            while len(axis.children) < axis.top_level:
                self._fetch(axis, max(BATCH, axis.top_level - len(axis.children)))

    def index_of_action(self, action_id: int) -> QModelIndex:
        """The action's line, fetching the lines before it if need be; invalid when it is not shown."""
        node = self._by_action.get(action_id)
        if node is None and self._source is not None:
            place = self._source.plan_axis_of(action_id)
            axis = next((a for a in self._axes if place is not None and a.axis.id == place[0]), None)
            batch = BATCH
            while node is None and axis is not None and len(axis.children) < axis.top_level:
                self._fetch(axis, batch)
                batch *= 2  # far down a long axis: few queries all the same
                node = self._by_action.get(action_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.position, 0, node)

    def action_count(self) -> int:
        """The territory's actions."""
        return self._counts.total

    def matching_count(self) -> int:
        """The actions matching the filter (context-only parents left out), counted by the database."""
        return self._counts.matching

    def matching_action_ids(self) -> list[int]:
        """The actions that match the filter, in display order (context-only parents left out)."""
        self.fetch_all()
        found: list[int] = []

        def walk(nodes: list[Node]) -> None:
            for node in nodes:
                if node.row is not None and node.matches:
                    found.append(node.row.action.id)
                walk(node.children)

        walk(self._axes)
        return found

    # -- structure -----------------------------------------------------------------------------
    def _node(self, index: Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        # hasIndex's checks, without its two calls back into rowCount and columnCount (a paint asks for hundreds)
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            siblings = parent.internalPointer().children
        else:
            siblings = self._axes
        if 0 <= row < len(siblings) and 0 <= column < len(Column) + len(self._custom):
            return self.createIndex(row, column, siblings[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.position, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children) if node else len(self._axes)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        node = self._node(parent)
        if node is None:
            return not parent.isValid() and bool(self._axes)
        if parent.column() != 0:
            return False
        return bool(node.children) or (node.row is None and node.top_level > 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(Column) + len(self._custom)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        custom = self.custom_field(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return custom.name if custom is not None else header_lines(self.tr(HEADERS[Column(section)]))
        if role == Qt.ItemDataRole.TextAlignmentRole:  # a header sits over its values as they sit
            return _ALIGNMENTS[Column(section)] if custom is None else _custom_alignment(custom.kind)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node = self._node(index)
        if self.editable and node is not None and node.row is not None and index.column() in _EDITABLE_COLUMNS:
            return _EDITABLE
        return _READ_ONLY

    # -- data ----------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED_ROLES:  # the view asks each cell for a dozen roles; most have no answer here
            return None
        node = self._node(index)
        if node is None:
            return None
        number = index.column()
        if number >= len(COLUMNS):
            custom = self.custom_field(number)
            return self._custom_data(node, custom, role) if custom is not None else None
        column = COLUMNS[number]
        if node.row is None:
            return self._axis_data(node, column, role)
        if role == Qt.ItemDataRole.ForegroundRole and not node.matches and column != Column.STATUS:
            return self._context_only  # shown for context only: a sub-action matches, not this one
        return self._action_data(node.row, column, role)

    def _custom_data(self, node: Node, field: CustomFieldRecord, role: int) -> Any:
        """A custom field's cell: the action's value, as the user reads it; empty on an axis's row."""
        if node.row is None:
            return self._axis_data(node, Column.LATE, role) if role != Qt.ItemDataRole.DisplayRole else None
        value = node.row.custom_values.get(field.id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return display(field.kind, value) or None
        if role == ACTION_ID_ROLE:
            return node.row.action.id
        if role == PLAN_ROW_ROLE:
            return node.row
        if role == SORT_ROLE:
            return _custom_sort_key(value)
        if role == Qt.ItemDataRole.ForegroundRole and not node.matches:
            return self._context_only
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _custom_alignment(field.kind)
        return None

    def _axis_data(self, node: Node, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == Column.CODE:
            return node.axis.code
        if role == Qt.ItemDataRole.DisplayRole and column == Column.TITLE:
            return self.tr("{label} — {count} action(s)").format(label=node.axis.label, count=node.shown)
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
            return self._late
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNMENTS[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.LATE and row.late:
                return self.tr("Fin prévue le {date} dépassée").format(date=format_date(action.planned_end))
            return self._display(row, column) if column == Column.TITLE else None  # whole, markers included
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
            case Column.JOBS:
                return jobs_text(action.jobs_created, action.jobs_targeted)
            case Column.ACHIEVED_INVESTMENT:
                return format_euros(action.achieved_investment, empty="")
        return ""

    def _sort_key(self, row: PlanRow, column: int) -> Any:
        action = row.action
        custom = self.custom_field(column)
        if custom is not None:
            return _custom_sort_key(row.custom_values.get(custom.id))
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
            case Column.JOBS:
                return action.jobs_created if action.jobs_created is not None else -1
            case Column.ACHIEVED_INVESTMENT:
                return float(action.achieved_investment or 0)
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


def _custom_alignment(kind: CustomFieldKind) -> int:
    return _RIGHT if kind in (CustomFieldKind.NUMBER, CustomFieldKind.AMOUNT) else _LEFT


def _custom_sort_key(value: CustomValue | None) -> tuple[int, Any]:
    """Values of one custom field side by side (they share a kind), the empty ones last."""
    if value is None:
        return (1, "")
    if isinstance(value, str):
        return (0, value.casefold())
    if isinstance(value, dt.date):
        return (0, value.toordinal())
    return (0, float(value))
