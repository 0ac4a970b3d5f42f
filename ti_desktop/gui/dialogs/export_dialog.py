"""« Exporter le plan »: the whole action plan to a workbook, a CSV file for Excel, or a Territoires en Transitions
workbook. The file is written in the background (progress, cancel) and atomically: a cancelled or failed export
leaves the previous file as it was."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QWidget,
)

from ti_desktop.gui.another_name import offer_another_name
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.import_report import count_of
from ti_desktop.gui.exchange_jobs import export_job
from ti_desktop.gui.field_errors import as_error_label, set_error
from ti_desktop.gui.forms.ui_export_dialog import Ui_ExportDialog
from ti_desktop.gui.jobs import JobRunner
from ti_desktop.gui.theme import apply_roles
from ti_desktop.kernel.files import FileWriteError
from ti_desktop.services.exporting import ExportFormat, ExportResult, TetExportLayout
from ti_desktop.services.use_cases import HasActions, HasExports, HasTerritories

FOLDER_KEY = "export/dossier"  # the folder of the last export
FORMAT_KEY = "export/format"
TET_LAYOUT_KEY = "export/modele_tet"
SUFFIXES = {ExportFormat.XLSX: ".xlsx", ExportFormat.CSV: ".csv", ExportFormat.TET: ".xlsx"}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class ExportDialogServices(HasActions, HasExports, HasTerritories, Protocol):
    """What ExportDialog uses."""


class ExportDialog(QDialog):
    def __init__(self, context: AppContext, services: ExportDialogServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        territory_id = context.territory_id
        assert territory_id is not None, "the menu action is disabled while no territory is open"
        self.context = context
        self.territory_id = territory_id
        self.territory_name = services.territories.get(territory_id).name
        self.exported: ExportResult | None = None
        self._progress: QProgressDialog | None = None
        self._output: Path | None = None
        self._chosen: Path | None = None  # the file the save dialog already asked about (no second question)
        self.runner = JobRunner(self)
        self.runner.progressed.connect(self._on_progress)
        self.runner.succeeded.connect(self._on_exported)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.failed.connect(self._on_failed)
        self.ui = Ui_ExportDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)

        # -- format -------------------------------------------------------------------------------------------
        self.format_buttons: dict[ExportFormat, QRadioButton] = {
            ExportFormat.XLSX: self.ui.format_xlsx,
            ExportFormat.CSV: self.ui.format_csv,
            ExportFormat.TET: self.ui.format_tet,
        }
        self._format_group = QButtonGroup(self)
        for button in self.format_buttons.values():
            self._format_group.addButton(button)
        remembered = str(context.settings.value(FORMAT_KEY, ExportFormat.XLSX.value))
        initial = ExportFormat(remembered) if remembered in {fmt.value for fmt in ExportFormat} else ExportFormat.XLSX
        self.format_buttons[initial].setChecked(True)
        self._format_group.buttonToggled.connect(self._on_format_changed)
        self.tet_layout_box = self.ui.tetLayoutBox
        current = self.tr("Modèle d'import actuel (33 colonnes, feuille « Fichier dimport »)")
        self.tet_layout_box.addItem(current, "template")
        self.tet_layout_box.addItem(self.tr("Ancien modèle d'import (28 colonnes)"), "legacy")
        remembered_layout = self.tet_layout_box.findData(str(context.settings.value(TET_LAYOUT_KEY, "template")))
        self.tet_layout_box.setCurrentIndex(max(remembered_layout, 0))
        self.tet_layout_box.setEnabled(initial is ExportFormat.TET)

        # -- content ------------------------------------------------------------------------------------------
        self.confidential_box = self.ui.confidentialBox
        self.confidential_box.setChecked(False)
        confidential = sum(1 for action in services.actions.for_territory(territory_id) if action.confidential)
        self.confidential_note = self.ui.confidentialNote
        if confidential:
            self.confidential_note.setText(
                self.tr("Ce plan compte {count} : elles ne sortent du logiciel que si vous cochez cette case.").format(
                    count=count_of(confidential, self.tr("action confidentielle"), self.tr("actions confidentielles"))
                )
            )
        else:
            self.confidential_note.setText(self.tr("Ce plan ne compte aucune action confidentielle."))

        # -- file ---------------------------------------------------------------------------------------------
        self.path_edit = self.ui.pathEdit
        self.path_edit.textEdited.connect(self._on_path_edited)
        self.browse_button = self.ui.browseButton
        self.browse_button.clicked.connect(self.browse)
        folder = Path(str(context.settings.value(FOLDER_KEY, "") or Path.home()))
        self.path_edit.setText(str(folder / self.default_name(initial)))
        self.error_label = as_error_label(self.ui.erreur_export)

        self.buttons = self.ui.buttonBox
        self.export_button = self.buttons.addButton(self.tr("&Exporter"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.resize(760, self.sizeHint().height())

    # -- choices ----------------------------------------------------------------------------------------------
    def fmt(self) -> ExportFormat:
        return next(fmt for fmt, button in self.format_buttons.items() if button.isChecked())

    def set_format(self, fmt: ExportFormat) -> None:
        self.format_buttons[fmt].setChecked(True)

    def tet_layout(self) -> TetExportLayout:
        return "legacy" if self.tet_layout_box.currentData() == "legacy" else "template"

    def set_tet_layout(self, layout: TetExportLayout) -> None:
        self.tet_layout_box.setCurrentIndex(self.tet_layout_box.findData(layout))

    def default_name(self, fmt: ExportFormat) -> str:
        """« Plan d'action — <territoire> — 21-11-2026.xlsx », safe on every system."""
        title = self.tr("Plan d'action TeT") if fmt == ExportFormat.TET else self.tr("Plan d'action")
        name = f"{title} — {self.territory_name} — {self.context.today.strftime('%d-%m-%Y')}"
        cleaned = " ".join(_UNSAFE.sub(" ", name).split()).strip(" .")
        return cleaned[:200] + SUFFIXES[fmt]

    def output(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        suffix = SUFFIXES[self.fmt()]
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def set_output(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self._chosen = self.output()

    def _on_path_edited(self, _text: str) -> None:
        self._chosen = None

    def _on_format_changed(self, _button: object, checked: bool) -> None:
        if not checked:
            return
        self.tet_layout_box.setEnabled(self.fmt() is ExportFormat.TET)
        # Keep the folder and the name the user chose; only the suffix follows the format.
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            default_names = {self.default_name(fmt) for fmt in ExportFormat}
            if path.name in default_names:
                path = path.with_name(self.default_name(self.fmt()))
            elif path.suffix.lower() in (".xlsx", ".csv"):
                path = path.with_suffix(SUFFIXES[self.fmt()])
            self.path_edit.setText(str(path))
            self._chosen = None

    def file_filter(self) -> str:
        return {
            ExportFormat.XLSX: self.tr("Classeur Excel (*.xlsx)"),
            ExportFormat.CSV: self.tr("Fichier CSV (*.csv)"),
            ExportFormat.TET: self.tr("Classeur Territoires en Transitions (*.xlsx)"),
        }[self.fmt()]

    def browse(self) -> None:
        current = self.output() or Path.home() / self.default_name(self.fmt())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Exporter le plan"), str(current), self.file_filter())
        if name:
            self.set_output(Path(name))

    # -- export -----------------------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.runner.is_running()

    def export(self) -> None:
        if self.runner.is_running():
            return
        set_error(self.error_label, "")
        output = self.output()
        if output is None:
            set_error(self.error_label, self.tr("Choisissez le fichier à écrire."))
            return
        if not output.parent.is_dir():
            set_error(self.error_label, self.tr("Le dossier « {folder} » n'existe pas.").format(folder=output.parent))
            return
        if output.exists() and output != self._chosen:
            answer = QMessageBox.question(
                self,
                self.tr("Exporter le plan"),
                self.tr("Le fichier « {name} » existe déjà. Le remplacer ?").format(name=output.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        fmt = self.fmt()
        self._output = output
        self.context.settings.setValue(FOLDER_KEY, str(output.parent))
        self.context.settings.setValue(FORMAT_KEY, fmt.value)
        if fmt is ExportFormat.TET:
            self.context.settings.setValue(TET_LAYOUT_KEY, self.tet_layout())
        progress = QProgressDialog(self.tr("Export du plan en cours…"), self.tr("Annuler"), 0, 0, self)
        progress.setWindowTitle(self.tr("Exporter le plan"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        self._progress = progress
        self.export_button.setEnabled(False)
        self.runner.start(
            export_job(
                self.services.exports,
                self.territory_id,
                fmt,
                output,
                self.confidential_box.isChecked(),
                tet_layout=self.tet_layout(),
            )
        )
        progress.show()

    def cancel(self) -> None:
        if self.runner.is_running():
            self.runner.cancel()
            if self._progress is not None:
                self._progress.setLabelText(self.tr("Annulation…"))

    def progress_dialog(self) -> QProgressDialog | None:
        return self._progress

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None and not self._progress.wasCanceled():
            self._progress.setMaximum(max(total, 1))
            self._progress.setValue(done)

    def _close_progress(self) -> None:
        self.export_button.setEnabled(True)
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    @Slot(object)
    def _on_exported(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self._close_progress()
        self.exported = result
        message = self.tr("Plan exporté : {actions}, {funding}, {milestones}.").format(
            actions=count_of(result.actions, self.tr("action"), self.tr("actions")),
            funding=count_of(result.funding_lines, self.tr("ligne de financement"), self.tr("lignes de financement")),
            milestones=count_of(result.milestones, self.tr("jalon"), self.tr("jalons")),
        )
        if result.confidential_left_out:
            message += " " + self.tr("{count} : non exportées.").format(
                count=count_of(
                    result.confidential_left_out, self.tr("action confidentielle"), self.tr("actions confidentielles")
                )
            )
        self.context.status_message.emit(self.tr("Plan exporté : {path}").format(path=result.path))
        QMessageBox.information(self, self.tr("Plan exporté"), f"{message}\n\n{result.path}")
        self.accept()

    @Slot()
    def _on_cancelled(self) -> None:
        self._close_progress()
        set_error(self.error_label, self.tr("Export annulé : aucun fichier n'a été modifié."))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._close_progress()
        set_error(self.error_label, message)
        failure = self.runner.last_failure
        if not isinstance(failure, FileWriteError) or not failure.other_name_may_work:
            QMessageBox.warning(self, self.tr("Export impossible"), message)
            return
        # E.g. the previous workbook is open in Excel: offer another name, then export again there.
        other = offer_another_name(self, failure, self.tr("Export impossible"), self.file_filter())
        if other is not None:
            self.set_output(other)
            self.export()

    def reject(self) -> None:
        self.runner.finish_now()
        super().reject()
