"""What every tab of the fiche-action shares: the action shown, the context, a message line, and the
small record forms whose OK button saves through the editor and stays open on a refusal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QWidget

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.records import ActionRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.models.action_children import RECORD_ROLE

T = TypeVar("T")
D = TypeVar("D", bound=QDialog)

ERROR_STYLE = "color: #cf222e;"
FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)
# Shows an error (French) to the user, or clears it with "".
ShowMessage = Callable[[str], None]


def action_name(action: ActionRecord) -> str:
    """How undo labels name the action: its code, or its title when it has none."""
    return action.code or f"« {action.title} »"


def setup_table(view: QTableView, stretch_column: int) -> None:
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)


def selected_record(view: QTableView, record_type: type[T]) -> T | None:
    """The record of the selected row, or None."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows:
        return None
    record = rows[0].data(RECORD_ROLE)
    return record if isinstance(record, record_type) else None


def select_row_of(view: QTableView, record_id: int) -> None:
    """Select the row showing the record `record_id` (after a reload), if any."""
    model = view.model()
    for row in range(model.rowCount()):
        record = model.index(row, 0).data(RECORD_ROLE)
        if getattr(record, "id", None) == record_id:
            view.selectRow(row)
            return


class ActionTab(QObject):
    """One tab: shows the children of `action`, reloaded by the editor whenever the data change."""

    def __init__(self, context: AppContext, host: QWidget, show_message: ShowMessage) -> None:
        super().__init__(host)
        self.context = context
        self.host = host
        self.show_message = show_message
        self.action: ActionRecord | None = None

    def show_action(self, action: ActionRecord) -> None:
        self.action = action
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def open_form(self, dialog: D) -> D:
        """Show a record form window-modal without blocking (the editor keeps running); gone once closed."""
        self.show_message("")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def run_edit(self, edit: Callable[[], object]) -> bool:
        """Run one editor call; a refusal is shown in the message line. True when saved."""
        try:
            edit()
        except TiDesktopError as error:
            self.show_message(error.message)
            return False
        self.show_message("")
        return True


# The form's values -> the saved record (raises TiDesktopError when refused).
Submit = Callable[[dict[str, Any]], object]


class SubmitDialog(QDialog):
    """A small record form: OK reads the values, hands them to `submit`, and closes only when it saved.

    A refusal (unreadable entry or the services' ValidationError) is shown in red in the form, which
    stays open with everything the user typed.
    """

    def __init__(self, parent: QWidget | None, submit: Submit) -> None:
        super().__init__(parent)
        self._submit = submit
        self._error: QLabel | None = None
        self.setLocale(FRENCH)  # calendar pop-ups in French

    def prepare(self, error_label: QLabel, buttons: QDialogButtonBox) -> None:
        """Wire the form's message line and buttons (French texts, whatever Qt's own translations)."""
        self._error = error_label
        error_label.setStyleSheet(ERROR_STYLE)
        error_label.hide()
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def values(self) -> dict[str, Any]:
        """The entered values, by field name; raises ValidationError on an unreadable entry."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self._submit(self.values())
        except TiDesktopError as error:
            assert self._error is not None
            self._error.setText(error.message)
            self._error.show()
            return
        super().accept()
