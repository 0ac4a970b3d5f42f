"""Red French messages: one under each field a form shows, keyed by the services' field name, and a general
line for the rest. Refusals (`ValidationError.field`) land under the field they name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ti_desktop.domain.errors import TiDesktopError, ValidationError
from ti_desktop.gui.theme import Role, Theme, installed_theme, set_role


def as_error_label(label: QLabel) -> QLabel:
    """Make `label` (e.g. one from a Designer form) a red, word-wrapped message line, hidden while empty."""
    set_role(label, Role.ERROR)  # its colour: the theme's style sheet
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def error_label(parent: QWidget | None) -> QLabel:
    return as_error_label(QLabel(parent))


def set_error(label: QLabel, message: str) -> None:
    """Show the message, or hide the line when it is empty."""
    label.setText(message)
    label.setVisible(bool(message))


class FieldErrors:
    """The error labels of one form; `general` (optional) takes what names no field of the form."""

    def __init__(self, general: QLabel | None = None, theme: Theme | None = None) -> None:
        """`theme`: the spacing under a field (the installed theme's when None)."""
        self.spacing = (theme or installed_theme()).sizes.field_error_spacing_px
        self.labels: dict[str, QLabel] = {}
        self.general = general
        self._form_rows: dict[QLabel, QFormLayout] = {}  # labels that are whole rows of a form

    def __getitem__(self, name: str) -> QLabel:
        return self.labels[name]

    def __contains__(self, name: str) -> bool:
        return name in self.labels

    def add(self, name: str, parent: QWidget | None, label: QLabel | None = None) -> QLabel:
        """A new error label for the field (or `label`, to share one between fields); the caller places it."""
        if label is None:
            label = error_label(parent)
            label.setObjectName(f"erreur_{name}")
        self.labels[name] = label
        return label

    def wrap(self, name: str, widget: QWidget) -> QWidget:
        """A container holding the input and, under it, its error label."""
        container = QWidget(widget.parentWidget())
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.spacing)
        layout.addWidget(widget)
        layout.addWidget(self.add(name, container))
        return container

    def add_form_row(self, name: str, form: QFormLayout, row: int, parent: QWidget) -> QLabel:
        """An error label as a row of `form` inserted after `row`: hidden, the row takes no room."""
        label = self.add(name, parent)
        form.insertRow(row + 1, label)
        form.setRowVisible(label, False)
        self._form_rows[label] = form
        return label

    def show(self, name: str, message: str) -> bool:
        """Show the message under the field, else on the general line; False when neither exists."""
        label = self.labels.get(name, self.general)
        if label is None:
            return False
        label.setText(message)
        self._set_visible(label, bool(message))
        return True

    def show_error(self, error: TiDesktopError, field: str | None = None) -> bool:
        """Under the field the error names, else under `field`, else on the general line."""
        if isinstance(error, ValidationError) and error.field in self.labels:
            field = error.field
        if field is None or field not in self.labels:
            return self._show_general(error.message)
        return self.show(field, error.message)

    def _show_general(self, message: str) -> bool:
        if self.general is None:
            return False
        set_error(self.general, message)
        return True

    def clear(self, name: str | None = None) -> None:
        """Hide the message of one field, or every message (the general line too)."""
        if name is not None:
            labels = [self.labels[name]] if name in self.labels else []
        else:
            labels = list(dict.fromkeys([*self.labels.values(), *([self.general] if self.general else [])]))
        for label in labels:
            label.clear()
            self._set_visible(label, False)

    def text(self, name: str) -> str:
        """The message under the field (the general line's when the form has no such field)."""
        label = self.labels.get(name, self.general)
        return label.text() if label is not None else ""

    def _set_visible(self, label: QLabel, visible: bool) -> None:
        form = self._form_rows.get(label)
        if form is not None:
            form.setRowVisible(label, visible)
        else:
            label.setVisible(visible)
