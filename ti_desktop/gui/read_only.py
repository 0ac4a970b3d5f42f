"""A form shown for reading only (a shared base's territory the role may read, not change): its fields keep
their values, selectable and scrollable, but take no input; the buttons that would change something go away.
The server refuses such writes anyway (migration 0011): this is so nobody types in vain."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QWidget,
)


def show_for_reading(root: QWidget, *, keep: Iterable[QWidget] = ()) -> None:
    """Make every input under `root` read-only, except `keep` (and what they hold): texts, numbers and dates
    read-only, choices disabled, editing buttons hidden (hidden, not disabled: a form's own logic re-enables its
    buttons as the selection changes), item views not editable. Once: a form is built again to edit."""
    kept: set[QWidget] = set()
    for widget in keep:
        kept.add(widget)
        kept.update(widget.findChildren(QWidget))
    for widget in root.findChildren(QWidget):
        if widget in kept or isinstance(widget.parent(), QTabBar):  # a tab bar's scroll arrows only move
            continue
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            widget.setReadOnly(True)
        elif isinstance(widget, QCheckBox | QRadioButton | QComboBox):
            widget.setEnabled(False)
        elif isinstance(widget, QAbstractButton):
            if widget.objectName() != "qt_tableview_cornerbutton":  # a table's select-all corner
                widget.hide()
        elif isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
