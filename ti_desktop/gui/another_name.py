"""A file that could not be written where the user chose it (open in another program such as a PDF reader or Excel,
read-only, in a folder that refuses us): the window says why and offers to save the same content under another
name, the file dialog opened on « rapport (2).pdf » beside it. Nothing generated is lost on the way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ti_desktop.kernel.files import FileWriteError, free_name_beside


def offer_another_name(parent: QWidget, error: FileWriteError, title: str, file_filter: str) -> Path | None:
    """The other file the user chose after being told `error`, or None (they gave up, or no other name can help)."""
    if not error.other_name_may_work or error.target is None:
        return None
    question = QCoreApplication.translate("AnotherName", "Enregistrer sous un autre nom ?")
    answer = QMessageBox.warning(
        parent,
        title,
        f"{error.message}\n\n{question}",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer != QMessageBox.StandardButton.Save:
        return None
    target = error.target
    suggested = free_name_beside(target) if target.parent.is_dir() else Path.home() / target.name
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(name) if name else None
