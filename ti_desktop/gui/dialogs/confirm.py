"""The question asked before a deletion; it reminds the user that Ctrl+Z undoes it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget, title: str, question: str) -> bool:
    """True when the user answers Oui to `question` (followed by the undo hint)."""
    undo_hint = QCoreApplication.translate("Confirm", "Vous pourrez annuler avec Ctrl+Z.")
    answer = QMessageBox.question(parent, title, f"{question}\n{undo_hint}")
    return answer == QMessageBox.StandardButton.Yes
