"""Fichier › Restaurer une sauvegarde… : the base's backups, newest first, with what each one holds.

"Restaurer" asks for a confirmation (the current base is backed up first, by the restore itself) and
then emits `restore_chosen`; "Autre fichier…" keeps the file dialog, for a backup kept elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from ti_desktop.gui.dialogs.action_documents import format_size
from ti_desktop.gui.forms.ui_restore_dialog import Ui_RestoreDialog
from ti_desktop.gui.theme import apply_roles
from ti_desktop.kernel.formatting import format_date, format_number
from ti_desktop.services.backups import REASON_LABELS, BackupEntry, BackupService

COLUMNS = ("Date et heure", "Motif", "Taille", "Actions")


def when(entry: BackupEntry, between: str = " ") -> str:
    """`21/11/2026 14:05` (or `21/11/2026 à 14:05` with between=" à ")."""
    return f"{format_date(entry.taken_at.date())}{between}{entry.taken_at:%H:%M}"


def reason_label(reason: str) -> str:
    return REASON_LABELS.get(reason, reason)


def action_count(entry: BackupEntry) -> str:
    return "illisible" if entry.actions is None else format_number(entry.actions)


class RestoreDialog(QDialog):
    # The backup file the user chose and confirmed.
    restore_chosen = Signal(Path)

    def __init__(self, backups: BackupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.chosen: Path | None = None
        self.entries = backups.entries()
        self.ui = Ui_RestoreDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.table = self.ui.backupsTable
        self.table.setRowCount(len(self.entries))
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, entry in enumerate(self.entries):
            cells = (when(entry), reason_label(entry.reason), format_size(entry.size_bytes), action_count(entry))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(entry.path))
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.empty_label = self.ui.emptyLabel
        self.empty_label.setVisible(not self.entries)
        self.ui.folderLabel.setText(self.tr("Dossier des sauvegardes : {folder}").format(folder=backups.folder))
        buttons = self.ui.buttonBox
        self.restore_button = QPushButton(self.tr("Restaurer"), self)
        self.restore_button.setDefault(True)
        self.other_button = QPushButton(self.tr("Autre fichier…"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button.clicked.connect(self.choose_other_file)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        if self.entries:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_entry(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        readable = entry is not None and entry.actions is not None
        self.restore_button.setEnabled(readable)
        unreadable = self.tr("Cette sauvegarde est illisible : elle ne peut pas être restaurée.")
        self.restore_button.setToolTip("" if readable or entry is None else unreadable)

    def restore_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.actions is None:
            return
        description = self.tr("la sauvegarde du {when} ({reason}, {actions} actions)").format(
            when=when(entry, " à "), reason=reason_label(entry.reason), actions=action_count(entry)
        )
        self._confirm_and_choose(entry.path, description)

    def choose_other_file(self) -> None:
        start = self.backups.folder if self.backups.folder.is_dir() else self.backups.database.parent
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restaurer une sauvegarde"), str(start), self.tr("Sauvegardes TI Desktop (*.sqlite3)")
        )
        if path:
            self._confirm_and_choose(Path(path), f"« {Path(path).name} »")

    def _confirm_and_choose(self, path: Path, description: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Restaurer une sauvegarde"),
            self.tr(
                "Remplacer le contenu de la base par {description} ?\n\n"
                "La base actuelle sera d'abord sauvegardée : vous pourrez y revenir par ce même menu."
            ).format(description=description),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.chosen = path
        self.accept()
        self.restore_chosen.emit(path)
