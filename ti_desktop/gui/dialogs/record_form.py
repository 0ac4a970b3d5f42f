"""Record forms that save through the services and stay open, showing the French message, when refused.

`SaveDialog` is the behaviour: OK reads the values, hands them to `save` (which writes through the undoable
editor) and closes only when it saved; a refusal (unreadable entry or the services' ValidationError) is shown
in red under the field it names, or on the general line. `RecordFormDialog` adds a form built in code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.gui.field_errors import FieldErrors, error_label

# The form's values -> the saved record (raises TiDesktopError when refused).
Save = Callable[[dict[str, Any]], object]


def open_form(dialog: QDialog) -> QDialog:
    """Open window-modal, without a nested event loop (the page stays testable), freed when closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _nothing_to_save(_values: dict[str, Any]) -> None:
    return None


class SaveDialog(QDialog):
    """Subclasses return the values to save from `values`; `save` may be given later (before OK)."""

    def __init__(self, parent: QWidget | None = None, save: Save | None = None) -> None:
        super().__init__(parent)
        self.save: Save = save or _nothing_to_save
        self.errors = FieldErrors()

    def setup_buttons(self, buttons: QDialogButtonBox) -> None:
        """French texts whatever Qt's own translations; OK saves, Annuler closes."""
        self.buttons = buttons
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def values(self) -> dict[str, Any]:
        """The entered values, by field name; raises ValidationError on an unreadable entry."""
        raise NotImplementedError

    def error_text(self, name: str) -> str:
        return self.errors.text(name)

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.save(self.values())
        except TiDesktopError as error:
            self.errors.show_error(error)
            self.adjustSize()  # make room for the message
            return
        super().accept()


class RecordFormDialog(SaveDialog):
    """Subclasses add their rows with `add_row`, each with its error label under the input."""

    def __init__(
        self, title: str, save: Save | None = None, parent: QWidget | None = None, minimum_width: int = 460
    ) -> None:
        super().__init__(parent, save)
        self.setWindowTitle(title)
        self.setMinimumWidth(minimum_width)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = self.errors.general = error_label(self)
        self.setup_buttons(
            QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def add_row(self, name: str, label: str, widget: QWidget) -> None:
        widget.setParent(self)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, self.errors.wrap(name, widget))
