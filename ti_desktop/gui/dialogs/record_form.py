"""Forms that save through the services: a red French message under the field the services refused.

`FieldErrors` places one hidden red label under each input; `RecordFormDialog` is a small dialog whose OK
button hands the values to a save function and stays open, showing the message, when it is refused.
Text parsing (whole numbers, French dates) raises the same `ValidationError` the services raise, so the
user reads one kind of message whatever caught the mistake.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain.errors import TiDesktopError, ValidationError

ERROR_STYLE = "color: #cf222e;"
# Spaces a French user may type in a number: plain, no-break and narrow no-break.
NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f]")


def parse_whole_number(name: str, label: str, text: str) -> int | None:
    """`12 500` -> 12500; empty -> None; anything else is refused in French."""
    cleaned = NUMBER_SPACES.sub("", text)
    if not cleaned:
        return None
    if not re.fullmatch(r"-?\d+", cleaned):
        problem = QCoreApplication.translate("RecordForm", "« {text} » n'est pas un nombre entier.")
        raise ValidationError(name, label, problem.format(text=text.strip()))
    return int(cleaned)


def parse_french_date(name: str, label: str, text: str) -> dt.date | None:
    """`17/11/2023` (or ISO `2023-11-17`) -> a date; empty -> None; anything else is refused in French."""
    cleaned = text.strip()
    if not cleaned:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    problem = QCoreApplication.translate("RecordForm", "« {text} » n'est pas une date valide (jj/mm/aaaa).")
    raise ValidationError(name, label, problem.format(text=cleaned))


class FieldErrors:
    """A red label under each input, keyed by the services' field name."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def wrap(self, name: str, widget: QWidget) -> QWidget:
        """A container holding the input and, under it, its (hidden until needed) error label."""
        container = QWidget(widget.parentWidget())
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = QLabel(container)
        label.setObjectName(f"erreur_{name}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setVisible(False)
        layout.addWidget(label)
        self.labels[name] = label
        return container

    def show(self, name: str, message: str) -> bool:
        """Show the message under the field; False when no such field is in the form."""
        label = self.labels.get(name)
        if label is None:
            return False
        label.setText(message)
        label.setVisible(True)
        return True

    def clear(self, name: str | None = None) -> None:
        for field, label in self.labels.items():
            if name is None or field == name:
                label.clear()
                label.setVisible(False)

    def text(self, name: str) -> str:
        return self.labels[name].text()


def open_form(dialog: QDialog) -> QDialog:
    """Open window-modal, without a nested event loop (the page stays testable), freed when closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class RecordFormDialog(QDialog):
    """Subclasses add their rows with `add_row` and return the values to save from `values`.

    `save` writes (through the undoable editor); a refusal leaves the dialog open with the message.
    """

    def __init__(self, title: str, save: Callable[[dict[str, Any]], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._save = save
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enregistrer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def add_row(self, name: str, label: str, widget: QWidget) -> None:
        widget.setParent(self)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, self.errors.wrap(name, widget))

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def accept(self) -> None:
        self.errors.clear()
        self.general_error.setVisible(False)
        try:
            self._save(self.values())
        except ValidationError as error:
            if not self.errors.show(error.field, error.message):
                self._show_general(error.message)
            self.adjustSize()  # make room for the message under the field
            return
        except TiDesktopError as error:
            self._show_general(error.message)
            self.adjustSize()
            return
        super().accept()

    def _show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.setVisible(True)
