"""How the app's lists of records look and behave: one row selected at a time, nothing edited in place
(edits go through forms and the undoable editor), alternate row colours, one line of text per row.

Their columns are sized once here (`fit_columns`): each as wide as its header and the rows in view — a text column
no wider than `TEXT_COLUMN_MAX_CHARS` characters —, the main text column (a title, a name) taking the width the
others leave. A cell too narrow for its text shows it elided, and its full text as tooltip (`ElidedTextToolTips`,
which every `read_only_table` and fitted view gets); a model's own tooltip, when it gives one, wins.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTableView,
    QToolTip,
    QTreeView,
)

Index = QModelIndex | QPersistentModelIndex
ItemView = QTableView | QTreeView

# A column of free text (a name, a place) grows with its content up to this many average characters; past it, its
# text is elided (full text as tooltip) rather than pushing the main column off screen.
TEXT_COLUMN_MAX_CHARS = 18
# The main column keeps at least this many average characters, however narrow the window (a view may ask more).
MAIN_COLUMN_MIN_CHARS = 12
FIT_SLACK_PX = 2  # beyond the widest text: a bold glyph's overhang never touches the grid line
FITTED_ROWS = 100  # rows measured for a column's width: a long list stays instant
HEADER_LINE_CHARS = 12  # a longer header of several words goes on two lines (`header_lines`)


def read_only_table(view: QTableView) -> QTableView:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table for the next control; the arrows move inside
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    elided_tooltips(view)
    return view


def header_lines(text: str, longest: int = HEADER_LINE_CHARS) -> str:
    """A header of several words longer than `longest` characters on two lines, cut at the space nearest its
    middle: « Financement acquis » above a column of amounts is no wider than they are."""
    if len(text) <= longest or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, char in enumerate(text) if char == " "), key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1 :]}"


def header_of(view: ItemView) -> QHeaderView:
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()


def cell_text_width(view: ItemView, index: Index) -> int:
    """The width the cell has for its text (its rect less the style's text margins and the tree's indentation)."""
    rect = view.visualRect(
        index if isinstance(index, QModelIndex) else view.model().index(index.row(), index.column(), index.parent())
    )
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return rect.width() - 2 * margin


def is_elided(view: ItemView, index: Index) -> bool:
    """Does the cell show less than its text (the view elides it)?"""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not isinstance(text, str) or not text:
        return False
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font) if isinstance(font, QFont) else view.fontMetrics()
    return metrics.horizontalAdvance(text) > cell_text_width(view, index)


class ElidedTextToolTips(QObject):
    """On a view's viewport: the tooltip of a cell whose text is elided is that full text (when the model gives
    no tooltip of its own)."""

    def __init__(self, view: ItemView) -> None:
        super().__init__(view)
        self._view = view
        view.viewport().installEventFilter(self)

    def tooltip_at(self, index: Index) -> str | None:
        """The tooltip the cell shows: the model's, else its full text when elided, else none."""
        own = index.data(Qt.ItemDataRole.ToolTipRole)
        if own:
            return str(own)
        return str(index.data(Qt.ItemDataRole.DisplayRole)) if is_elided(self._view, index) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        index = self._view.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False  # the view shows the model's own tooltip
        text = self.tooltip_at(index)
        if text is None:
            QToolTip.hideText()
            event.ignore()
            return True
        QToolTip.showText(event.globalPos(), text, self._view.viewport(), self._view.visualRect(index))
        return True


def elided_tooltips(view: ItemView) -> ElidedTextToolTips:
    """The view's `ElidedTextToolTips`, installed once."""
    existing = view.findChild(ElidedTextToolTips)
    return existing if isinstance(existing, ElidedTextToolTips) else ElidedTextToolTips(view)


class ColumnFit(QObject):
    """Sizes a view's columns by content, each time its model is reset (once per reload, after the rows are in):
    every visible column as wide as its header and its rows in view — a free-text column within its cap —, and the
    main column the width left in the viewport, never less than `MAIN_COLUMN_MIN_CHARS` characters (the view
    scrolls sideways on a screen too narrow for that). A column the user resized keeps the width they gave it."""

    def __init__(
        self, view: ItemView, main: int, text_columns: Collection[int] = (), main_chars: int = MAIN_COLUMN_MIN_CHARS
    ) -> None:
        super().__init__(view)
        self._view = view
        self.main = main
        self.text_columns = frozenset(text_columns)
        self.main_chars = main_chars
        self._manual: set[int] = set()  # columns the user resized: left as they are
        self._fitting = False
        header = header_of(view)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(FITTED_ROWS)
        header.setMinimumSectionSize(min(header.minimumSectionSize(), 4 * view.fontMetrics().averageCharWidth()))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        elided_tooltips(view)
        self._model: QObject | None = None
        self._follow_model()

    def _follow_model(self) -> None:
        model = self._view.model()
        if model is None or model is self._model:
            return
        self._model = model
        # Once per reload: not on the windows of rows a long list fetches as it scrolls (they would move the
        # columns under the reader's eyes, and cost a layout each).
        for signal in (model.modelReset, model.layoutChanged):
            signal.connect(self._timer.start)
        self._timer.start()

    def main_minimum(self) -> int:
        return self.main_chars * self._view.fontMetrics().averageCharWidth()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fill()
        return False

    def _resized(self, column: int, old: int, new: int) -> None:
        if self._fitting:
            return
        if old == 0:
            self._timer.start()  # a hidden column shown again: measure it
        elif new == 0:
            self.fill()  # a column hidden: the main one takes its place
        elif column != self.main:
            self._manual.add(column)  # the user's width, kept
            self.fill()

    def fit(self) -> None:
        """Measure every visible column (but those the user resized), then give the main one what is left."""
        self._follow_model()
        view, header = self._view, header_of(self._view)
        model = view.model()
        if model is None:
            return
        cap = TEXT_COLUMN_MAX_CHARS * view.fontMetrics().averageCharWidth()
        self._fitting = True
        try:
            for column in range(model.columnCount()):
                if column == self.main or column in self._manual or header.isSectionHidden(column):
                    continue
                width = max(header.sectionSizeHint(column), view.sizeHintForColumn(column) + FIT_SLACK_PX)
                if column in self.text_columns:
                    width = min(width, max(cap, header.sectionSizeHint(column)))
                header.resizeSection(column, width)
        finally:
            self._fitting = False
        self.fill()

    def fill(self) -> None:
        """The main column takes the viewport's width the others leave (at least its minimum)."""
        header = header_of(self._view)
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column != self.main and not header.isSectionHidden(column)
        )
        width = max(self.main_minimum(), self._view.viewport().width() - others)
        if header.sectionSize(self.main) != width:
            self._fitting = True
            try:
                header.resizeSection(self.main, width)
            finally:
                self._fitting = False


def fit_columns(
    view: ItemView, main: int, text_columns: Collection[int] = (), main_chars: int = MAIN_COLUMN_MIN_CHARS
) -> ColumnFit:
    """Size `view`'s columns by content, `main` taking the spare width, at least `main_chars` characters (see
    `ColumnFit`); `text_columns`: those of free text, capped. It refits on every reload of the view's model."""
    existing = view.findChild(ColumnFit)
    if isinstance(existing, ColumnFit):
        existing.main, existing.text_columns, existing.main_chars = main, frozenset(text_columns), main_chars
        existing.fit()
        return existing
    return ColumnFit(view, main, text_columns, main_chars)
