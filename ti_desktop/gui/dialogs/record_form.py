"""Record forms that save through the services and stay open, showing the French message, when refused.

`SaveDialog` is the behaviour: OK reads the values, hands them to `save` (which writes through the undoable
editor) and closes only when it saved; a refusal (unreadable entry or the services' ValidationError) is shown
in red beside the field it names, or on the general line. `RecordFormDialog` adds a form built in code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.gui.field_errors import (
    REQUIRED_DESCRIPTION,
    FieldErrors,
    add_description,
    description_parts,
    error_label,
    set_error,
)
from ti_desktop.gui.read_only import show_for_reading

# The form's values -> the saved record (raises TiDesktopError when refused).
Save = Callable[[dict[str, Any]], object]


D = TypeVar("D", bound=QDialog)


def for_reading(dialog: D, reading: str | None) -> D:
    """With a `reading` reason (a territory the role may only read), a record form shows its record for
    reading: see the detail, change nothing. Without, the form as it is."""
    if reading is not None and isinstance(dialog, SaveDialog):
        dialog.show_for_reading(reading)
    return dialog


def open_form(dialog: D, reading: str | None = None) -> D:
    """Open window-modal, without a nested event loop (the page stays testable), freed when closed; for
    reading when given a `reading` reason (`for_reading`)."""
    for_reading(dialog, reading)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def first_focusable(widget: QWidget) -> QWidget:
    """`widget` if it takes the focus, else its first child in the focus chain that does (a picker's search)."""
    current = widget
    while current.focusPolicy() == Qt.FocusPolicy.NoFocus:
        following = current.nextInFocusChain()
        if following is None or following is widget or not widget.isAncestorOf(following):
            return widget
        current = following
    return current


def describe_by_placeholders(root: QWidget) -> None:
    """A screen reader reads no placeholder: what it says of the entry (« jj/mm/aaaa », « ex. 150 000 ») becomes
    the field's accessible description, before « obligatoire » for a required field (« ex. 150 000 —
    obligatoire »), unless it has a description of its own (or a tool tip, which is read as one)."""
    for field in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit):
        hint = field.placeholderText()
        own = [part for part in description_parts(field) if part != REQUIRED_DESCRIPTION]
        if hint and not own and not field.toolTip():
            add_description(field, hint, first=True)


def _nothing_to_save(_values: dict[str, Any]) -> None:
    return None


class SaveDialog(QDialog):
    """Subclasses return the values to save from `values`; `save` may be given later (before OK)."""

    def __init__(self, parent: QWidget | None = None, save: Save | None = None) -> None:
        super().__init__(parent)
        self.save: Save = save or _nothing_to_save
        self.errors = FieldErrors()
        self.reading = False  # shown for reading: OK saves nothing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        describe_by_placeholders(self)

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

    def show_for_reading(self, reason: str) -> None:
        """The record's detail, for reading: fields read-only, no « Enregistrer », « Fermer » closes; the
        message line says why (`reason`, French)."""
        self.reading = True
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        show_for_reading(self, reason, keep=[close])
        close.setText(self.tr("Fermer"))
        close.setDefault(True)
        self.setWindowTitle(self.tr("{title} (lecture seule)").format(title=self.windowTitle()))
        if self.errors.general is not None:
            set_error(self.errors.general, reason)

    def error_text(self, name: str) -> str:
        return self.errors.text(name)

    def accept(self) -> None:
        if self.reading:  # nothing to save: Entrée closes, as « Fermer »
            super().reject()
            return
        self.errors.clear()
        try:
            self.save(self.values())
        except TiDesktopError as error:
            self.errors.show_error(error)  # in its reserved slot: the dialog keeps its size
            return
        super().accept()


class RecordFormDialog(SaveDialog):
    """Subclasses add their rows with `add_row`, each with its error slot beside the input; the labels of the
    fields in `required` (`field_errors.required_fields` of the entity) end with « * »."""

    required: frozenset[str] = frozenset()

    def __init__(
        self, title: str, save: Save | None = None, parent: QWidget | None = None, minimum_width: int = 460
    ) -> None:
        super().__init__(parent, save)
        self.setWindowTitle(title)
        self.setMinimumWidth(minimum_width)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = self.errors.general = error_label(self)
        self.errors.reserve_general()
        self.setup_buttons(
            QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.first_field: QWidget | None = None

    def add_row(self, name: str, label: str, widget: QWidget) -> None:
        widget.setParent(self)
        caption = QLabel(label, self)
        caption.setBuddy(first_focusable(widget))  # a row's list (not its row): what a screen reader names
        self.form.addRow(caption, self.errors.wrap(name, widget))
        self.errors.caption(name, caption, name in self.required)
        if self.first_field is None:
            self.first_field = widget

    def showEvent(self, event: QShowEvent) -> None:
        """The form opens on its first field, not on « Enregistrer » (made before the rows, first to focus)."""
        super().showEvent(event)
        focused = self.focusWidget()
        if self.first_field is not None and (focused is None or focused in self.buttons.buttons()):
            first_focusable(self.first_field).setFocus(Qt.FocusReason.ActiveWindowFocusReason)
