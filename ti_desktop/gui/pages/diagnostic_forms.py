"""Small pieces shared by the Diagnostic tabs: short titles, the axis choice, optional texts."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from ti_desktop.domain.records import AxisRecord


def short(text: str, length: int = 50) -> str:
    """A title cut for an undo label or a question."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


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
