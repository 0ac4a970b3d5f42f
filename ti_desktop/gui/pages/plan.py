"""Plan d'action: the actions grouped by axis, filtered instantly, edited inline or in their fiche.

The tree reads its lines in windows (gui/models/plan.py): the page fetches more as the end of what is loaded
scrolls into view, and runs the search once typing pauses (`SEARCH_DELAY_MS`), for the latest text only.

A filter with words to search for is read off the GUI thread (a `Job` of gui/jobs.py: the counts and the first
window, each read with its own session): typing is never frozen, even on a server where a common word takes most
of a second. A newer filter supersedes the older: its query is stopped on the connection (services.views'
`Interruption`) and whatever it answers anyway is dropped, so the tree shows the newest filter's result only. A
search that lasts says so (« Recherche… ») after `BUSY_DELAY_MS`. Filters without words (lists, check boxes) and
the windows read while scrolling stay on the GUI thread: they run on indexes and cost milliseconds.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMessageBox,
    QToolBar,
    QWidget,
)

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.filters import FILTERABLE, ActionFilter, QualityIssue
from ti_desktop.domain.records import CustomFieldRecord
from ti_desktop.gui.column_chooser import ColumnChooser
from ti_desktop.gui.compact import compact_combo, wrapping_label
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.delegates import ProgressDelegate, StatusDelegate
from ti_desktop.gui.forms.ui_plan import Ui_PlanPage
from ti_desktop.gui.jobs import Job, JobRunner
from ti_desktop.gui.models.plan import (
    ACTION_ID_ROLE,
    HEADERS,
    OUTCOME_COLUMNS,
    PLAN_ROW_ROLE,
    Column,
    PlanRead,
    PlanSnapshot,
    PlanTreeModel,
)
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.read_only import Reading, follow_access
from ti_desktop.gui.tables import fit_columns
from ti_desktop.gui.theme import Role, apply_roles, set_role
from ti_desktop.services.use_cases import HasActions, HasAxes, HasCustomFields, HasViews
from ti_desktop.services.views import Interruption, PlanRow

CONFIDENTIAL_CHOICES: list[tuple[str, bool | None]] = [
    ("Confidentielles comprises", None),
    ("Sans les confidentielles", False),
    ("Confidentielles seulement", True),
]


SEARCH_DELAY_MS = 200  # typing restarts it: the query runs for the text the user paused on, never per keystroke
TITLE_MIN_CHARS = 32  # the titles stay readable on a narrow screen (the plan scrolls sideways instead)
BUSY_DELAY_MS = 150  # a search that answers sooner shows no « Recherche… » (no flicker)


class PlanPageServices(HasActions, HasAxes, HasCustomFields, HasViews, Protocol):
    """What PlanPage uses."""


class PlanPage(Page):
    def __init__(self, context: AppContext, services: PlanPageServices, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.services = services
        # The filters, the tree and the message line: ui/plan.ui; the toolbar's actions are the page's own.
        self.ui = Ui_PlanPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.model = PlanTreeModel(self._edit_action, self, context.theme)
        self.model.view_fetches = False  # the page fetches what is on screen (`_fetch_visible`)
        self._fetching = False
        self._fetch_timer = QTimer(self)  # the page's own: a page closed takes it along
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self._fetch_visible)
        self._searches = JobRunner(self)  # one search at a time; an abandoned one's answer is dropped
        self._searches.succeeded.connect(self._on_searched)
        self._searches.failed.connect(self._on_search_failed)
        self._interruption: Interruption | None = None  # the running search's
        self._reselect: int | None = None  # the action to select again once the search under way is shown
        self._search_failure: str | None = None  # the message of the last search that failed, while shown
        self.model.read_later = self._read_later
        self.model.shown.connect(self._on_shown)
        self._build_toolbar()
        self._build_filters()
        self._build_view()
        self.ui.pageLayout.insertWidget(0, self.toolbar)
        self.message = self.ui.messageLabel
        set_role(self.message, Role.ERROR)
        context.plan_filter_requested.connect(self.apply_filter)
        # A territory the role may only read: no cell takes input, nothing to create, duplicate or delete (the
        # filters and the search stay: reading is what is left to do).
        self.reading = follow_access(
            context, Reading(self, roots=[], actions=self._changing_actions, switches=[self._set_editable])
        )

    def title(self) -> str:
        return self.tr("Plan d'action")

    # -- building ------------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Any,
        page_wide: bool = False,
    ) -> QAction:
        """`page_wide`: the shortcut works as soon as the page shows, wherever the focus is in the window (a
        hidden page's do not); otherwise only from within the page (Suppr, Entrée act on the table's row)."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(
                Qt.ShortcutContext.WindowShortcut if page_wide else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.new_action = self._action(self.tr("Nouvelle action"), "Ctrl+N", self._create_action, page_wide=True)
        self.new_sub_action = self._action(self.tr("Nouvelle sous-action"), "Ctrl+Shift+N", self._create_sub_action)
        self.open_fiche = self._action(self.tr("Ouvrir la fiche"), "F2", self._open_current)
        self.duplicate_action = self._action(self.tr("Dupliquer"), "Ctrl+D", self._duplicate_current)
        self.delete_action = self._action(self.tr("Supprimer"), QKeySequence.StandardKey.Delete, self._delete_current)
        self.search_action = self._action(
            self.tr("Rechercher"), QKeySequence.StandardKey.Find, self._focus_search, page_wide=True
        )
        for key in ("Return", "Enter"):
            self._action(self.tr("Ouvrir"), key, self._open_current)
        for action in (
            self.new_action,
            self.new_sub_action,
            self.open_fiche,
            self.duplicate_action,
            self.delete_action,
        ):
            self.toolbar.addAction(action)
        self._changing_actions = (self.new_action, self.new_sub_action, self.duplicate_action, self.delete_action)

    def _set_editable(self, editable: bool) -> None:
        self.model.editable = editable

    def _build_filters(self) -> None:
        ui = self.ui
        self.search = ui.searchEdit
        self.axis_filter = ui.axisCombo
        self.status_filter = ui.statusCombo
        self.status_filter.addItem(self.tr("Tous les statuts"), None)
        for status in ActionStatus:
            self.status_filter.addItem(status.label, status.value)
        self.lead_filter = ui.leadCombo
        self.quality_filter = ui.qualityCombo
        self.quality_filter.addItem(self.tr("Qualité des données : toutes"), None)
        for issue in QualityIssue:
            self.quality_filter.addItem(issue.label, issue.value)
        self.filled_filter = ui.filledCombo
        self._fill_filled_combo([])  # the territory's custom fields join on reload
        self.confidential_filter = ui.confidentialCombo
        for label, value in CONFIDENTIAL_CHOICES:
            self.confidential_filter.addItem(self.tr(label), value)
        self.late_only = ui.lateCheck
        self.to_discuss_only = ui.toDiscussCheck
        self.clear_filters = ui.clearFiltersButton
        self.count_label = ui.countLabel
        wrapping_label(self.count_label, ui.secondFilterRow)  # on two lines rather than widen the window
        self.busy_label = QLabel(self.tr("Recherche…"), self)
        self.busy_label.setObjectName("searchBusyLabel")
        self.busy_label.hide()
        set_role(self.busy_label, Role.HINT)
        ui.secondFilterRow.insertWidget(ui.secondFilterRow.indexOf(self.count_label), self.busy_label)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self.busy_label.show)
        # The search waits for a pause in typing, then runs off the GUI thread (`_read_later`); the other filters
        # apply at once.
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._update_filter)
        self.search.textChanged.connect(self.search_timer.start)
        self.search.textChanged.connect(self._typed)
        for combo in (
            self.axis_filter,
            self.status_filter,
            self.lead_filter,
            self.quality_filter,
            self.filled_filter,
            self.confidential_filter,
        ):
            compact_combo(combo)  # a row of filters never sets the window's minimum width
            combo.currentIndexChanged.connect(self._update_filter)
        self.late_only.toggled.connect(self._update_filter)
        self.to_discuss_only.toggled.connect(self._update_filter)
        self.clear_filters.clicked.connect(self.reset_filters)

    def _build_view(self) -> None:
        # Uniform row heights (ui/plan.ui): constant-time layout, fluid with 10,000 actions.
        self.view = self.ui.planView
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(Column.CODE, Qt.SortOrder.AscendingOrder)
        self.view.setItemDelegateForColumn(Column.STATUS, StatusDelegate(self.view))
        self.view.setItemDelegateForColumn(Column.PROGRESS, ProgressDelegate(self.view))
        self.view.setIndentation(self.view.fontMetrics().averageCharWidth() * 3 // 2)  # the codes' column stays narrow
        header = self.view.header()
        # Columns as wide as their content, the title taking what is left; the lead's name and the custom fields
        # (free text) within a cap, elided beyond it (full text as tooltip).
        self.column_fit = fit_columns(self.view, Column.TITLE, text_columns={Column.LEAD}, main_chars=TITLE_MIN_CHARS)
        # Outcome figures start hidden (a laptop screen has no room for them beside the plan's columns); the
        # header's right-click menu shows them, and so does filtering on them.
        self.columns = ColumnChooser(
            header,
            self.context.settings,
            "plan/hidden_columns",
            {column: self.tr(HEADERS[column]) for column in Column if column not in (Column.CODE, Column.TITLE)},
            hidden_by_default=OUTCOME_COLUMNS,
        )
        self.view.doubleClicked.connect(self._on_double_click)
        # Sub-actions show under their parent: each parent is expanded as its window arrives. Lines further down
        # an axis are read when the end of what is loaded scrolls into view.
        self.model.rowsInserted.connect(self._expand_inserted)
        scroll = self.view.verticalScrollBar()
        scroll.valueChanged.connect(self._fetch_visible)
        scroll.rangeChanged.connect(self._fetch_visible)

    def _expand_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid() or parent.parent().isValid():
            return  # only lines under an axis have sub-actions
        for row in range(first, last + 1):
            index = self.model.index(row, 0, parent)
            if self.model.rowCount(index):
                self.view.expand(index)

    def _fetch_visible(self, *_args: object) -> None:
        """Fetch the next window of each expanded axis whose last loaded line is on screen (or above it), until
        the screen is full: axes below the screen are not read until they scroll into view."""
        if self._fetching:
            return  # a fetch moves the scroll bar's range, which calls back here
        self._fetching = True
        try:
            for _round in range(50):  # each round fills more of the screen; 50 windows is far beyond one screen
                # No explicit layout: visualRect lays out what a fetch left pending, and only then (a layout
                # repaints the whole view: a call with nothing to fetch must cost no paint).
                bottom = self.view.viewport().height()
                fetched = False
                for axis_row in range(self.model.rowCount()):
                    axis = self.model.index(axis_row, 0)
                    if not self.model.can_fetch(axis) or not self.view.isExpanded(axis):
                        continue
                    count = self.model.rowCount(axis)
                    rect = self.view.visualRect(self.model.index(count - 1, 0, axis) if count else axis)
                    if rect.isValid() and rect.top() <= bottom:
                        self.model.fetchMore(axis)
                        fetched = True
                        break  # lay out again: what this window pushed down may leave the screen
                if not fetched:
                    return
        finally:
            self._fetching = False

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        tid = self.context.territory_id
        assert tid is not None
        services = self.services
        selected = self.current_action_id()
        axes = services.axes.available_to(tid)
        custom = services.custom_fields.for_territory(tid)
        self._fill_filled_combo(custom)
        self._fill_combo(self.axis_filter, self.tr("Tous les axes"), [(a.id, f"{a.code} — {a.label}") for a in axes])
        self._fill_combo(self.lead_filter, self.tr("Tous les porteurs"), services.views.plan_leads(tid))
        self.model.set_plan(services.views, axes, self.context.today, custom, self.current_filter())
        # The territory's custom fields are columns too, hidden until asked for (right click on the header).
        self.columns.set_extra({len(Column) + i: (f.name, f"champ_{f.id}") for i, f in enumerate(custom)})
        self.column_fit.text_columns = frozenset({Column.LEAD, *range(len(Column), len(Column) + len(custom))})
        self._update_filter()
        if selected is not None:
            if self._searches.is_running():
                self._reselect = selected  # once the search under way is shown
            else:
                self.select_action(selected)

    def _fill_filled_combo(self, custom: list[CustomFieldRecord]) -> None:
        """« Avec : … »: the declared figures, then the territory's custom fields (by id), keeping the choice."""
        combo = self.filled_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Retombées : toutes"), None)
        for name, label in FILTERABLE.items():
            combo.addItem(self.tr("Avec : {0}").format(label), name)
        for field in custom:
            combo.addItem(self.tr("Avec : {0}").format(field.name), field.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _fill_combo(self, combo: QComboBox, everything: str, items: list[tuple[int, str]]) -> None:
        """Refill a filter list, keeping the current choice when it still exists."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, label in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # -- filters -------------------------------------------------------------------------------
    def current_filter(self) -> ActionFilter:
        tid = self.context.territory_id or 0

        def chosen(combo: QComboBox) -> frozenset[Any]:
            value = combo.currentData()
            return frozenset() if value is None else frozenset({value})

        return ActionFilter(
            territory_id=tid,
            axis_ids=chosen(self.axis_filter),
            statuses=frozenset(ActionStatus(value) for value in chosen(self.status_filter)),
            lead_actor_ids=chosen(self.lead_filter),
            late_only=self.late_only.isChecked(),
            to_discuss_only=self.to_discuss_only.isChecked(),
            confidential=self.confidential_filter.currentData(),
            text=self.search.text(),
            quality=frozenset(QualityIssue(value) for value in chosen(self.quality_filter)),
            filled=frozenset(value for value in chosen(self.filled_filter) if isinstance(value, str)),
            custom_filled=frozenset(value for value in chosen(self.filled_filter) if isinstance(value, int)),
            today=self.context.today,
        )

    def _update_filter(self, *_args: object) -> None:
        self.search_timer.stop()  # this very call reads the search's text
        action_filter = self.current_filter()
        if action_filter.filled:
            self.columns.show(OUTCOME_COLUMNS)  # asked for actions with outcomes: show them
        for column in range(len(Column), self.model.columnCount()):
            custom = self.model.custom_field(column)
            if custom is not None and custom.id in action_filter.custom_filled:
                self.columns.show([column])  # asked for actions with this field filled: show it
        self.model.set_filter(action_filter)  # shown now, or once its search answers (`_on_shown`)

    # -- reading off the GUI thread ------------------------------------------------------------
    def _read_later(self, read: PlanRead) -> bool:
        """The model asks for a new snapshot: words to search for are read by a job, the rest at once. Either way
        the search under way, if any, is stopped and its answer dropped."""
        self._stop_search()
        if not read.action_filter.text.split():
            return False
        interruption = Interruption()
        self._interruption = interruption
        job = Job(
            lambda _progress, _cancelled: read(interruption),
            unexpected=self.tr("Erreur inattendue pendant la recherche dans le plan : {error}"),
        )
        self._searches.start(job)
        self._busy_timer.start()
        return True

    def _typed(self) -> None:
        """A key typed while a search runs: the user no longer wants that one (the pause to come starts another)."""
        if self._searches.is_running():
            self._stop_search()
            self.model.drop_read()

    def _stop_search(self) -> None:
        if self._interruption is not None:
            self._interruption.stop()  # the query stops on the server (or in SQLite) rather than run on unseen
            self._interruption = None
        self._searches.abandon()
        self._busy_timer.stop()
        self.busy_label.hide()

    def _on_searched(self, snapshot: object) -> None:
        assert isinstance(snapshot, PlanSnapshot)
        self._interruption = None
        self._busy_timer.stop()
        self.busy_label.hide()
        if self._search_failure is not None and self.message.text() == self._search_failure:
            self.message.clear()  # that failure is behind us
        self._search_failure = None
        self.model.show(snapshot)  # dropped by the model if a newer read was asked for meanwhile
        selected, self._reselect = self._reselect, None
        if selected is not None:
            self.select_action(selected)

    def _on_search_failed(self, message: str) -> None:
        self._interruption = None
        self._busy_timer.stop()
        self.busy_label.hide()
        self._reselect = None
        self._search_failure = message
        self.message.setText(message)

    def _on_shown(self) -> None:
        """A snapshot is on screen: expand it, fill the screen, say how many actions it shows."""
        self.view.expandAll()  # the axes and what is loaded of them: the rest expands as it arrives
        self.view.verticalScrollBar().setValue(0)  # the top of the plan
        self._fetch_visible()
        self._fetch_timer.start()  # again once the page has its size on screen
        self.count_label.setText(
            self.tr("{shown} action(s) affichée(s) sur {total}").format(
                shown=self.model.matching_count(), total=self.model.action_count()
            )
        )

    def apply_filter(self, action_filter: object) -> None:
        """Show the plan as another page asked (dashboard figure, quality check…)."""
        assert isinstance(action_filter, ActionFilter)
        widgets = (
            self.search,
            self.axis_filter,
            self.status_filter,
            self.lead_filter,
            self.quality_filter,
            self.filled_filter,
            self.confidential_filter,
            self.late_only,
            self.to_discuss_only,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self._reset_widgets()
        self.search.setText(action_filter.text)
        for combo, values in (
            (self.axis_filter, action_filter.axis_ids),
            (self.lead_filter, action_filter.lead_actor_ids),
            (self.status_filter, {s.value for s in action_filter.statuses}),
            (self.quality_filter, {q.value for q in action_filter.quality}),
            (self.filled_filter, action_filter.filled or action_filter.custom_filled),
        ):
            if values:
                combo.setCurrentIndex(max(0, combo.findData(next(iter(values)))))
        self.confidential_filter.setCurrentIndex(max(0, self.confidential_filter.findData(action_filter.confidential)))
        self.late_only.setChecked(action_filter.late_only)
        self.to_discuss_only.setChecked(action_filter.to_discuss_only)
        for widget in widgets:
            widget.blockSignals(False)
        self._update_filter()

    def _reset_widgets(self) -> None:
        self.search.clear()
        for combo in (
            self.axis_filter,
            self.status_filter,
            self.lead_filter,
            self.quality_filter,
            self.filled_filter,
            self.confidential_filter,
        ):
            combo.setCurrentIndex(0)
        self.late_only.setChecked(False)
        self.to_discuss_only.setChecked(False)

    def reset_filters(self) -> None:
        self.apply_filter(ActionFilter(territory_id=self.context.territory_id or 0, today=self.context.today))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- selection and commands ----------------------------------------------------------------
    def current_row(self) -> PlanRow | None:
        row = self.view.currentIndex().data(PLAN_ROW_ROLE)
        return row if isinstance(row, PlanRow) else None

    def current_action_id(self) -> int | None:
        value = self.view.currentIndex().data(ACTION_ID_ROLE)
        return int(value) if value is not None else None

    def select_action(self, action_id: int) -> None:
        index = self.model.index_of_action(action_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() in (Column.STATUS, Column.PROGRESS) and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.view.edit(index)
        else:
            self._open_current()

    def _open_current(self) -> None:
        action_id = self.current_action_id()
        if action_id is not None:
            self.context.open_action(action_id)

    def _current_axis_id(self) -> int | None:
        index = self.view.currentIndex()
        while index.isValid() and index.parent().isValid():
            index = index.parent()
        node = index.internalPointer() if index.isValid() else None
        return node.axis.id if node is not None else None

    def _create_action(self) -> None:
        self.context.new_action(self._current_axis_id(), None)

    def _create_sub_action(self) -> None:
        row = self.current_row()
        if row is None:
            self.message.setText(self.tr("Choisissez d'abord l'action parente dans le plan."))
            return
        parent_id = row.action.parent_id or row.action.id
        self.context.new_action(row.action.axis_id, parent_id)

    def _label(self, row: PlanRow) -> str:
        return row.action.code or row.action.title

    def _duplicate_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        actions = self.services.actions
        try:
            copy = self.context.editor.created(
                actions,
                self.tr("Dupliquer {label}").format(label=self._label(row)),
                lambda: actions.duplicate(row.action.id),
            )
        except TiDesktopError as error:
            self.message.setText(error.message)
            return
        self.select_action(copy.id)

    def _delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        actions = self.services.actions
        subs = actions.sub_actions(row.action.id)
        question = self.tr("Supprimer l'action « {title} » ?").format(title=row.action.title)
        if subs:
            question += "\n" + self.tr("Ses {count} sous-action(s) seront supprimées aussi.").format(count=len(subs))
        question += "\n" + self.tr("Vous pourrez annuler avec Ctrl+Z.")
        answer = QMessageBox.question(self, self.tr("Supprimer une action"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            # With its sub-actions and everything hanging from them; undo puts all of it back.
            self.context.editor.delete(
                actions, row.action.id, self.tr("Supprimer {label}").format(label=self._label(row)), row.action.version
            )
        except TiDesktopError as error:
            self.message.setText(error.message)

    def _edit_action(self, action_id: int, field: str, value: Any) -> bool:
        """Inline edit from the table: saved and undoable; a refusal is shown and nothing changes."""
        labels = {"status": self.tr("le statut"), "progress": self.tr("l'avancement")}
        action = self.services.actions.get(action_id)
        try:
            self.context.editor.update(
                self.services.actions,
                action_id,
                self.tr("Modifier {what} de {label}").format(what=labels[field], label=action.code or action.title),
                **{field: value},
            )
        except TiDesktopError as error:
            self.message.setText(error.message)
            return False
        self.message.clear()
        return True
