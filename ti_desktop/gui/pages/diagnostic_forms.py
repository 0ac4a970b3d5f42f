"""Small pieces shared by the Diagnostic tabs: a record dialog that shows refusals next to the field,
the red error label, and the confirmation of deletions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain.errors import TiDesktopError, ValidationError
from ti_desktop.domain.records import AxisRecord
from ti_desktop.gui.editing import Crud, Editor, changed_values

RecordT = TypeVar("RecordT")

ERROR_STYLE = "color: #cf222e;"


# `Editor.create/update(crud, text, **values)` cannot take a field named `text` (sections and AFOM
# items have one): these do the same through `record_done` — write first, then make it undoable.
def create_record(editor: Editor, crud: Crud[RecordT], label: str, values: dict[str, Any]) -> RecordT:
    record = crud.create(**values)
    record_id: int = record.id  # type: ignore[attr-defined]
    editor.record_done(label, redo=lambda: crud.restore(record), undo=lambda: crud.delete(record_id))
    return record


def update_record(editor: Editor, crud: Crud[RecordT], record_id: int, label: str, changes: dict[str, Any]) -> RecordT:
    before = crud.get(record_id)
    after = crud.update(record_id, **changes)
    previous = changed_values(before, after)
    if previous:
        current = {name: getattr(after, name) for name in previous}
        editor.record_done(
            label, redo=lambda: crud.update(record_id, **current), undo=lambda: crud.update(record_id, **previous)
        )
    return after


def error_label(parent: QWidget) -> QLabel:
    """A red, word-wrapped message placed under a field; hidden while empty."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def set_error(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))


def short(text: str, length: int = 50) -> str:
    """A title cut for an undo label or a question."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def confirm(parent: QWidget, title: str, question: str) -> bool:
    undo_hint = QCoreApplication.translate("Diagnostic", "Vous pourrez annuler avec Ctrl+Z.")
    answer = QMessageBox.question(parent, title, f"{question}\n{undo_hint}")
    return answer == QMessageBox.StandardButton.Yes


def fill_axis_combo(combo: QComboBox, axes: list[AxisRecord], none_label: str | None, current: int | None) -> None:
    """Axes as « CODE — label »; with `none_label`, a first choice meaning « no axis » (data None)."""
    combo.clear()
    if none_label is not None:
        combo.addItem(none_label, None)
    for axis in axes:
        combo.addItem(f"{axis.code} — {axis.label}", axis.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))


def optional_text(widget: QLineEdit | QPlainTextEdit) -> str | None:
    text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    return text.strip() or None


def _nothing_to_save() -> None:
    return None


class RecordDialog(QDialog):
    """A form whose « Enregistrer » calls `save_handler` (set by the opener); a refusal is shown in red
    under the field it names and the dialog stays open with what the user typed (nothing was written)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.save_handler: Callable[[], None] = _nothing_to_save
        self._errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = error_label(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label(box)
        column.addWidget(error)
        self._errors[name] = error
        self.form.addRow(label, box)

    def error_text(self, name: str) -> str:
        label = self._errors.get(name, self.general_error)
        return label.text()

    def clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            set_error(label, "")

    def accept(self) -> None:
        self.clear_errors()
        try:
            self.save_handler()
        except ValidationError as error:
            set_error(self._errors.get(error.field, self.general_error), error.message)
            return
        except TiDesktopError as error:
            set_error(self.general_error, error.message)
            return
        super().accept()
