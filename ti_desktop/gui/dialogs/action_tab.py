"""What every tab of the fiche-action shares: the action shown, the context, a message line, and the
small record forms whose OK button saves through the editor and stays open on a refusal."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QWidget

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.records import ActionRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.record_form import Save, SaveDialog, open_form
from ti_desktop.gui.field_errors import as_error_label
from ti_desktop.gui.models.records import RECORD_ROLE
from ti_desktop.gui.tables import fit_columns, read_only_table

T = TypeVar("T")
D = TypeVar("D", bound=QDialog)

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)
# Shows an error (French) to the user, or clears it with "".
ShowMessage = Callable[[str], None]


def action_name(action: ActionRecord) -> str:
    """How undo labels name the action: its code, or its title when it has none."""
    return action.code or f"« {action.title} »"


def setup_table(view: QTableView, stretch_column: int) -> None:
    read_only_table(view)
    fit_columns(view, stretch_column)
    view.horizontalHeader().setHighlightSections(False)


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
        """Show a record form window-modal without blocking (the editor keeps running); gone once closed. In a
        territory the role may only read, the form shows the record for reading (nothing to save)."""
        self.show_message("")
        return open_form(dialog, reading=self.context.read_only_reason)

    def run_edit(self, edit: Callable[[], object]) -> bool:
        """Run one editor call; a refusal is shown in the message line. True when saved."""
        try:
            edit()
        except TiDesktopError as error:
            self.show_message(error.message)
            return False
        self.show_message("")
        return True


class SubmitDialog(SaveDialog):
    """A record form made in Designer: OK hands the values to `submit` and closes only when it saved.

    A refusal (unreadable entry or the services' ValidationError) is shown in red in the form's message
    line, which stays open with everything the user typed.
    """

    def __init__(self, parent: QWidget | None, submit: Save) -> None:
        super().__init__(parent, submit)
        self.setLocale(FRENCH)  # calendar pop-ups in French

    def prepare(self, error_label: QLabel, buttons: QDialogButtonBox) -> None:
        """Wire the form's message line and buttons."""
        self.errors.general = as_error_label(error_label)
        self.errors.reserve_general()  # a message moves neither the form nor the buttons
        self.setup_buttons(buttons)
