"""Relevé de décisions: every decision of the territory's meetings, filtered by state, owner and text; a
decision is marked done, abandoned or back to do through the undoable editor."""

from __future__ import annotations

from enum import IntEnum
from typing import Protocol

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QMenu,
    QWidget,
)

from ti_desktop.domain.enums import DecisionState
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.gui.compact import compact_combo, wrapping_label
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.field_errors import as_error_label, set_error
from ti_desktop.gui.forms.ui_decision_register import Ui_DecisionRegister
from ti_desktop.gui.models.actors import plain
from ti_desktop.gui.models.records import ERROR_TEXT, MUTED_TEXT, SUCCESS_TEXT, Column, RecordTableModel
from ti_desktop.gui.tables import fit_columns, read_only_table
from ti_desktop.gui.theme import apply_roles
from ti_desktop.kernel.formatting import format_date
from ti_desktop.services.meetings import DecisionRow
from ti_desktop.services.use_cases import HasDecisions, HasSteering

NO_OWNER = 0  # the owner filter's value for the decisions nobody was named for


class RegisterColumn(IntEnum):
    MEETING = 0
    ACTION = 1
    TEXT = 2
    OWNER = 3
    DUE = 4
    STATE = 5


def decision_action(row: DecisionRow) -> str:
    if row.action_code and row.action_title:
        return f"{row.action_code} – {row.action_title}"
    return row.action_title or row.action_code or "—"


class DecisionRegisterServices(HasDecisions, HasSteering, Protocol):
    """What DecisionRegister uses."""


class DecisionRegister(QWidget):
    def __init__(self, context: AppContext, services: DecisionRegisterServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.context = context
        self._rows: list[DecisionRow] = []
        self.model: RecordTableModel[DecisionRow] = RecordTableModel(
            self._columns(), self, self._action_of, theme=self.context.theme
        )
        # The layout comes from ui/decision_register.ui; the filters' choices and the columns are set here.
        self.ui = Ui_DecisionRegister()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self._build_filters()
        self._build_view()
        self._build_buttons()
        self.message = as_error_label(self.ui.messageLabel)

    # -- building ------------------------------------------------------------------------------
    def _columns(self) -> list[Column[DecisionRow]]:
        return [
            Column(
                self.tr("Réunion"),
                lambda r: format_date(r.meeting_held_on),
                tooltip=lambda r: self.tr("{kind} du {day}").format(
                    kind=r.meeting_kind.label, day=format_date(r.meeting_held_on)
                ),
            ),
            Column(self.tr("Action"), decision_action, tooltip=decision_action),
            Column(self.tr("Décision"), lambda r: r.decision.text, tooltip=lambda r: r.decision.text, stretch=True),
            Column(self.tr("Responsable"), lambda r: r.owner_name or "—"),
            Column(
                self.tr("Échéance"),
                lambda r: format_date(r.decision.due_on),
                colour=lambda r: ERROR_TEXT if r.is_overdue(self.context.today) else None,
                bold=lambda r: r.is_overdue(self.context.today),
                tooltip=self._due_tooltip,
            ),
            Column(self.tr("État"), lambda r: r.decision.state.label, colour=self._state_colour),
        ]

    def _due_tooltip(self, row: DecisionRow) -> str | None:
        due = row.decision.due_on
        if due is None or not row.is_overdue(self.context.today):
            return None
        return self.tr("Échéance dépassée de {days} jour(s)").format(days=(self.context.today - due).days)

    @staticmethod
    def _state_colour(row: DecisionRow) -> str | None:
        return {DecisionState.FAIT: SUCCESS_TEXT, DecisionState.ABANDONNE: MUTED_TEXT}.get(row.decision.state)

    @staticmethod
    def _action_of(row: DecisionRow) -> int | None:
        return row.decision.action_id if row.action_code or row.action_title else None

    def _build_filters(self) -> None:
        self.state_filter = self.ui.stateFilter
        self.state_filter.addItem(self.tr("Toutes"), None)
        for state in DecisionState:
            self.state_filter.addItem(state.label, state.value)
        self.state_filter.setCurrentIndex(self.state_filter.findData(DecisionState.A_FAIRE.value))
        self.search = self.ui.searchEdit
        self.owner_filter = self.ui.ownerFilter
        self.owner_filter.addItem(self.tr("Tous les responsables"), None)
        self.count_label = self.ui.countLabel
        wrapping_label(self.count_label, self.ui.filters)
        for combo in (self.state_filter, self.owner_filter):
            compact_combo(combo)  # a row of filters never sets the window's minimum width
        self.filters = self.ui.filters
        self.state_filter.currentIndexChanged.connect(self.apply_filters)
        self.owner_filter.currentIndexChanged.connect(self.apply_filters)
        self.search.textChanged.connect(self.apply_filters)

    def _build_view(self) -> None:
        self.view = read_only_table(self.ui.decisionsView)
        self.view.setModel(self.model)
        fit_columns(self.view, RegisterColumn.TEXT, text_columns={RegisterColumn.ACTION, RegisterColumn.OWNER})
        self.view.doubleClicked.connect(self._open_action)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def _build_buttons(self) -> None:
        ui = self.ui
        self.done_button = ui.doneButton
        self.abandon_button = ui.abandonButton
        self.todo_button = ui.todoButton
        self.open_button = ui.openButton
        self.done_button.clicked.connect(lambda: self.set_state(DecisionState.FAIT))
        self.abandon_button.clicked.connect(lambda: self.set_state(DecisionState.ABANDONNE))
        self.todo_button.clicked.connect(lambda: self.set_state(DecisionState.A_FAIRE))
        self.open_button.clicked.connect(lambda: self._open_action(self.view.currentIndex()))
        self.hint = ui.hintLabel
        self.hint.setWordWrap(True)
        self.buttons = ui.buttonsRow

    # -- loading and filtering -----------------------------------------------------------------
    def reload(self) -> None:
        tid = self.context.territory_id
        if tid is None:
            return
        self._rows = self.services.steering.decisions(tid)
        owners = sorted(
            {
                (r.decision.owner_actor_id, r.owner_name)
                for r in self._rows
                if r.decision.owner_actor_id and r.owner_name
            },
            key=lambda owner: plain(owner[1] or ""),
        )
        current = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(self.tr("Tous les responsables"), None)
        for actor_id, name in owners:
            self.owner_filter.addItem(name or "", actor_id)
        if any(r.decision.owner_actor_id is None for r in self._rows):
            self.owner_filter.addItem(self.tr("Sans responsable"), NO_OWNER)
        self.owner_filter.setCurrentIndex(max(0, self.owner_filter.findData(current)))
        self.owner_filter.blockSignals(False)
        self.apply_filters()

    def shown_rows(self) -> list[DecisionRow]:
        return self.model.records()

    def set_state_filter(self, state: DecisionState | None) -> None:
        self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(None if state is None else state.value)))

    def _matches(self, row: DecisionRow) -> bool:
        state = self.state_filter.currentData()
        if state is not None and row.decision.state.value != state:
            return False
        owner = self.owner_filter.currentData()
        if owner is not None and (row.decision.owner_actor_id or NO_OWNER) != owner:
            return False
        wanted = plain(self.search.text().strip())
        if wanted:
            haystack = plain(" ".join([row.decision.text, decision_action(row), row.owner_name or ""]))
            return wanted in haystack
        return True

    def apply_filters(self, *_args: object) -> None:
        selected = self.current_row()
        previous_index = self.view.currentIndex().row()
        shown = [row for row in self._rows if self._matches(row)]
        self.model.set_records(shown)
        overdue = sum(1 for row in shown if row.is_overdue(self.context.today))
        text = self.tr("{shown} décision(s) sur {total}").format(shown=len(shown), total=len(self._rows))
        if overdue:
            text += self.tr(", dont {count} en retard").format(count=overdue)
        self.count_label.setText(text)
        ids = [row.id for row in shown]
        if selected is not None and selected.id in ids:
            self.view.selectRow(ids.index(selected.id))
        elif selected is not None and shown:
            # The decision left the list (marked done under "À faire"): its neighbour is next in line.
            self.view.selectRow(min(max(previous_index, 0), len(shown) - 1))
        self._update_buttons()

    # -- commands ------------------------------------------------------------------------------
    def current_row(self) -> DecisionRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_decision(self, decision_id: int) -> bool:
        for position, row in enumerate(self.model.records()):
            if row.id == decision_id:
                self.view.selectRow(position)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.current_row()
        state = row.decision.state if row is not None else None
        self.done_button.setEnabled(row is not None and state != DecisionState.FAIT)
        self.abandon_button.setEnabled(row is not None and state != DecisionState.ABANDONNE)
        self.todo_button.setEnabled(row is not None and state != DecisionState.A_FAIRE)
        self.open_button.setEnabled(row is not None and self._action_of(row) is not None)

    def set_state(self, state: DecisionState) -> None:
        row = self.current_row()
        if row is None or row.decision.state == state:
            return
        verbs = {
            DecisionState.FAIT: self.tr("Marquer fait « {text} »"),
            DecisionState.ABANDONNE: self.tr("Abandonner « {text} »"),
            DecisionState.A_FAIRE: self.tr("Remettre à faire « {text} »"),
        }
        text = row.decision.text if len(row.decision.text) <= 60 else row.decision.text[:59] + "…"
        set_error(self.message, "")
        try:
            self.context.editor.update(
                self.services.decisions,
                row.id,
                verbs[state].format(text=text),
                row.decision.version,
                state=state,
            )
        except TiDesktopError as error:
            set_error(self.message, error.message)

    def _open_action(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        action_id = self._action_of(self.model.record(index.row()))
        if action_id is not None:
            self.context.open_action(action_id)

    def _show_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        self.view.selectRow(index.row())
        self.context_menu().popup(self.view.viewport().mapToGlobal(position))

    def context_menu(self) -> QMenu:
        """The menu of the selected decision (built each time: its entries follow the decision's state)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for button in (self.done_button, self.abandon_button, self.todo_button):
            if button.isHidden():  # a territory the role may only read: no state to change
                continue
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        menu.addSeparator()
        open_action = menu.addAction(self.open_button.text())
        open_action.setEnabled(self.open_button.isEnabled())
        open_action.triggered.connect(self.open_button.click)
        return menu
