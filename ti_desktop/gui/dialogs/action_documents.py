"""Documents tab: the pièces jointes of the action, copied into the data directory, opened with the
system's application, deleted after confirmation."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.records import AttachmentRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.action_tab import ActionTab, ShowMessage, action_name, selected_record, setup_table
from ti_desktop.gui.forms.ui_action_editor import Ui_ActionEditor
from ti_desktop.gui.history_text import format_timestamp
from ti_desktop.gui.models.records import Column, RecordTableModel
from ti_desktop.kernel.formatting import format_number
from ti_desktop.services.use_cases import HasAttachments


def format_size(size_bytes: int) -> str:
    """`820 o`, `12,5 ko`, `3,2 Mo` (French units)."""
    if size_bytes < 1024:
        return f"{size_bytes}\u202fo"
    value = size_bytes / 1024
    for unit in ("ko", "Mo"):
        if value < 1024:
            return f"{format_number(round(value, 1))}\u202f{unit}"
        value /= 1024
    return f"{format_number(round(value, 1))}\u202fGo"


class DocumentsTabServices(HasAttachments, Protocol):
    """What the documents tab uses."""


class DocumentsTab(ActionTab):
    def __init__(
        self,
        context: AppContext,
        services: DocumentsTabServices,
        ui: Ui_ActionEditor,
        host: QWidget,
        show_message: ShowMessage,
    ) -> None:
        super().__init__(context, host, show_message)
        self.ui = ui
        # The copies live in the data directory the composition root chose (next to the base file).
        self.service = services.attachments_in(context.data_dir)
        self.model: RecordTableModel[AttachmentRecord] = RecordTableModel(
            [
                Column(self.tr("Titre"), lambda a: a.title, tooltip=lambda a: str(self.service.path_of(a))),
                Column(self.tr("Fichier d'origine"), lambda a: a.original_name),
                Column(self.tr("Taille"), lambda a: format_size(a.size_bytes), right_aligned=True),
                Column(self.tr("Joint le"), lambda a: format_timestamp(a.created_at)),
            ],
            self,
        )
        ui.documentsView.setModel(self.model)
        setup_table(ui.documentsView, 0)
        ui.attachButton.clicked.connect(self.choose_files)
        ui.openDocumentButton.clicked.connect(self.open_selected)
        ui.documentsView.doubleClicked.connect(lambda _index: self.open_selected())
        ui.deleteDocumentButton.clicked.connect(self.delete_selected)

    def reload(self) -> None:
        if self.action is not None:
            self.model.set_records(self.service.for_action(self.action.id))

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self.host, self.tr("Joindre des fichiers à la fiche-action"), str(Path.home())
        )
        for name in names:
            if not self.attach_file(Path(name)):
                break

    def attach_file(self, source: Path, title: str | None = None) -> bool:
        """Join a copy of `source` to the action (undo removes the copy). True when done."""
        if self.action is None:
            return False
        action_id, service = self.action.id, self.service
        attached: list[AttachmentRecord] = []

        def do() -> None:
            attached[:] = [service.attach(action_id, source, title)]

        def undo() -> None:
            service.delete(attached[0].id)

        text = self.tr("Joindre « {name} » à {action}").format(name=source.name, action=action_name(self.action))
        return self.run_edit(lambda: self.context.editor.run(text, do, undo))

    def open_selected(self) -> None:
        attachment = selected_record(self.ui.documentsView, AttachmentRecord)
        if attachment is None:
            self.show_message(self.tr("Sélectionnez d'abord le document à ouvrir."))
            return
        path = self.service.path_of(attachment)
        if not path.is_file():
            self.show_message(
                self.tr("La copie de « {name} » est introuvable : {path}").format(
                    name=attachment.original_name, path=path
                )
            )
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_message(self.tr("Aucune application n'a pu ouvrir {path}").format(path=path))
            return
        self.show_message("")

    def confirm_delete(self, attachment: AttachmentRecord) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Supprimer la pièce jointe"),
            self.tr(
                "Supprimer « {title} » et sa copie dans le dossier des données ?\n"
                "Cette suppression ne peut pas être annulée."
            ).format(title=attachment.title),
            parent=self.host,
        )
        delete = box.addButton(self.tr("Supprimer"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole))
        box.exec()
        return box.clickedButton() is delete

    def delete_selected(self) -> None:
        attachment = selected_record(self.ui.documentsView, AttachmentRecord)
        if attachment is None:
            self.show_message(self.tr("Sélectionnez d'abord le document à supprimer."))
            return
        if not self.confirm_delete(attachment):
            return
        try:
            # The copy is gone for good: this one is not undoable, hence the confirmation.
            self.service.delete(attachment.id)
        except TiDesktopError as error:
            self.show_message(error.message)
            return
        self.show_message("")
        self.context.data_changed.emit()
