"""« Importer des valeurs d'indicateurs »: a long-format CSV or workbook (indicator, date or year, value, unit,
source), as downloaded from INSEE or the Observatoire des territoires, into the diagnostic's indicators. The file
is checked first (nothing written) and its report shown; « Importer » then writes everything or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QWidget,
)

from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.import_report import ImportReportView, count_of
from ti_desktop.gui.exchange_jobs import indicator_apply_job, indicator_preview_job
from ti_desktop.gui.field_errors import as_error_label, set_error
from ti_desktop.gui.forms.ui_indicator_import_dialog import Ui_IndicatorImportDialog
from ti_desktop.gui.jobs import JobRunner
from ti_desktop.gui.theme import Role, apply_roles, set_role
from ti_desktop.services.indicator_import import IndicatorImportPreview
from ti_desktop.services.use_cases import HasIndicatorImports

FOLDER_KEY = "import/dossier"  # shared with the plan import: the folder of the last file imported


class IndicatorImportDialogServices(HasIndicatorImports, Protocol):
    """What IndicatorImportDialog uses."""


class IndicatorImportDialog(QDialog):
    def __init__(
        self, context: AppContext, services: IndicatorImportDialogServices, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        territory_id = context.territory_id
        assert territory_id is not None, "the menu action is disabled while no territory is open"
        self.context = context
        self.territory_id = territory_id
        self.path: Path | None = None
        self.preview: IndicatorImportPreview | None = None
        self.imported: IndicatorImportPreview | None = None
        self._applying = False
        self.runner = JobRunner(self)
        self.runner.progressed.connect(self._on_progress)
        self.runner.succeeded.connect(self._on_succeeded)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.refused.connect(self._on_refused)
        self.runner.failed.connect(self._on_failed)
        self.ui = Ui_IndicatorImportDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.path_edit = self.ui.pathEdit
        self.browse_button = self.ui.browseButton
        self.browse_button.clicked.connect(self.browse)
        self.progress_bar = self.ui.progressBar
        self.cancel_button = self.ui.cancelButton
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button = self.ui.retryButton
        self.retry_button.clicked.connect(self.check)
        self.state_label = self.ui.stateLabel
        self.error_label = as_error_label(self.ui.erreur_indicateurs)
        self.report = ImportReportView(self, context.theme)
        self.ui.reportLayout.addWidget(self.report)

        self.buttons = self.ui.buttonBox
        self.import_button = self.buttons.addButton(self.tr("&Importer"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        self._update()

    # -- the file ---------------------------------------------------------------------------------------------
    def browse(self) -> None:
        folder = str(self.context.settings.value(FOLDER_KEY, "") or Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choisir le fichier de valeurs"),
            folder,
            self.tr(
                "Fichiers CSV et classeurs (*.csv *.txt *.xlsx *.xls *.ods);;CSV et texte Unicode (*.csv *.txt);;"
                "Excel (*.xlsx *.xls)"
            ),
        )
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> None:
        """Check the file in the background: its report is shown, nothing is written."""
        self.path = path
        self.path_edit.setText(str(path))
        self.context.settings.setValue(FOLDER_KEY, str(path.parent))
        self.check()

    def check(self) -> None:
        if self.path is None or self.imported is not None:
            return
        self.preview = None
        self._applying = False
        self.report.clear()
        set_error(self.error_label, "")
        set_role(self.state_label, None)
        self.state_label.setText(self.tr("Vérification du fichier…"))
        self.progress_bar.setRange(0, 0)
        self.runner.start(indicator_preview_job(self.services.indicator_imports, self.territory_id, self.path))
        self._update()

    # -- the import -------------------------------------------------------------------------------------------
    def can_import(self) -> bool:
        preview = self.preview
        return (
            preview is not None
            and not preview.has_errors
            and self.imported is None
            and not self.runner.is_running()
            and bool(preview.values_created or preview.values_updated or preview.indicators_created)
        )

    def start_import(self) -> None:
        if not self.can_import() or self.path is None:
            return
        self._applying = True
        set_error(self.error_label, "")
        self.state_label.setText(self.tr("Import en cours…"))
        self.progress_bar.setRange(0, 0)
        self.runner.start(indicator_apply_job(self.services.indicator_imports, self.territory_id, self.path))
        self._update()

    def cancel(self) -> None:
        if self.runner.is_running():
            # Before asking: a reading is dropped at once, and its « annulée » message must stay.
            self.cancel_button.setEnabled(False)
            self.state_label.setText(self.tr("Annulation…"))
            self.runner.cancel()

    def is_running(self) -> bool:
        return self.runner.is_running()

    def _update(self) -> None:
        running = self.runner.is_running()
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setText(
            self.tr("Annuler l'import") if self._applying else self.tr("Annuler la vérification")
        )
        self.cancel_button.setEnabled(running)
        self.retry_button.setVisible(not running and self.path is not None and self.imported is None)
        self.browse_button.setEnabled(not running and self.imported is None)
        self.import_button.setEnabled(self.can_import())
        self.import_button.setVisible(self.imported is None)
        self.close_button.setEnabled(not running)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)

    @Slot(object)
    def _on_succeeded(self, outcome: object) -> None:
        assert isinstance(outcome, IndicatorImportPreview)
        if self._applying:
            self._applying = False
            self.imported = outcome
            self.report.show_indicator_preview(outcome)
            set_role(self.state_label, Role.SUCCESS)
            self.state_label.setText(self.tr("Import terminé."))
            self.context.data_changed.emit()
            self.context.status_message.emit(self.status_text(outcome))
        else:
            self.preview = outcome
            self.report.show_indicator_preview(outcome)
            if outcome.has_errors:
                self.state_label.setText(
                    self.tr("Corrigez les erreurs dans le fichier, puis cliquez sur « Vérifier à nouveau ».")
                )
            elif self.can_import():
                self.state_label.setText(self.tr("Le fichier peut être importé : cliquez sur « Importer »."))
            else:
                self.state_label.setText(self.tr("Rien à importer : ces valeurs sont déjà enregistrées."))
        self._update()

    def status_text(self, result: IndicatorImportPreview) -> str:
        parts = []
        if result.values_created:
            parts.append(count_of(result.values_created, self.tr("valeur ajoutée"), self.tr("valeurs ajoutées")))
        if result.values_updated:
            parts.append(
                count_of(result.values_updated, self.tr("valeur mise à jour"), self.tr("valeurs mises à jour"))
            )
        if result.indicators_created:
            parts.append(
                count_of(len(result.indicators_created), self.tr("indicateur créé"), self.tr("indicateurs créés"))
            )
        return self.tr("Valeurs d'indicateurs importées depuis « {file} » : {changes}.").format(
            file=result.path.name, changes=", ".join(parts) or self.tr("rien n'a changé")
        )

    @Slot()
    def _on_cancelled(self) -> None:
        applying, self._applying = self._applying, False
        self.state_label.setText("")
        set_error(
            self.error_label,
            self.tr("Import annulé : rien n'a été écrit.") if applying else self.tr("Vérification annulée."),
        )
        self._update()

    @Slot(object)
    def _on_refused(self, preview: object) -> None:
        self._applying = False
        self.state_label.setText("")
        set_error(
            self.error_label,
            self.tr("Le fichier a changé depuis la vérification et contient des erreurs : rien n'a été écrit."),
        )
        if isinstance(preview, IndicatorImportPreview):
            self.preview = preview
            self.report.show_indicator_preview(preview)
        self._update()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._applying = False
        self.state_label.setText("")
        set_error(self.error_label, message)
        self._update()

    def reject(self) -> None:
        self.runner.finish_now()
        super().reject()
