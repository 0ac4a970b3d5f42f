"""Rapports: the rapport d'avancement for the Région — its options, the contrôle avant envoi, the PDF built in the
background and previewed in the app, saved where the user wants, and marked as sent (a Snapshot the next report
compares with)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QModelIndex, QTemporaryDir, Signal, Slot
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QWidget,
)

from ti_desktop.domain.errors import TiDesktopError, ValidationError
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.gui.another_name import offer_another_name
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.field_errors import as_error_label, set_error
from ti_desktop.gui.forms.ui_reports_page import Ui_ReportsPage
from ti_desktop.gui.jobs import JobRunner
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.pages.reports_files import default_file_name
from ti_desktop.gui.pages.reports_findings import ACTION_ID_ROLE, FindingColumn, FindingsModel
from ti_desktop.gui.pages.reports_options import ReportOptionsPanel
from ti_desktop.gui.pages.reports_worker import report_job
from ti_desktop.gui.read_only import Reading, follow_access
from ti_desktop.gui.tables import fit_columns, read_only_table
from ti_desktop.gui.theme import apply_roles
from ti_desktop.kernel.files import FileWriteError, copy_atomically
from ti_desktop.kernel.formatting import format_date, format_number
from ti_desktop.services.reporting import CARRIED_DATA
from ti_desktop.services.use_cases import HasActions, HasIndicators, HasReports, HasTerritories

FOLDER_KEY = "rapports/dossier"  # the folder the last report was saved in


class ReportsPageServices(HasActions, HasIndicators, HasReports, HasTerritories, Protocol):
    """What ReportsPage uses."""


class ReportsPage(Page):
    # The background generation ended (succeeded, failed or cancelled).
    generation_finished = Signal()

    def __init__(self, context: AppContext, services: ReportsPageServices, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.services = services
        self._options_territory: int | None = None
        self.runner = JobRunner(self)  # owned by the page: its destruction waits for a running job
        self.runner.progressed.connect(self._on_progress)
        self.runner.succeeded.connect(self._on_succeeded)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.failed.connect(self._on_failed)
        self._temporary = QTemporaryDir()
        self._job_territory: int | None = None
        self._job_options: ReportOptions | None = None
        self._runs = 0
        self._preview: Path | None = None
        self._preview_options: ReportOptions | None = None

        # Made before the form, so that the options come first in the tab order; the form's side column takes it.
        self.options_panel = ReportOptionsPanel(context.settings, lambda: context.today, self)
        self.ui = Ui_ReportsPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        ui = self.ui
        ui.optionsLayout.addWidget(self.options_panel)
        self.options_panel.changed.connect(self._options_changed)

        # -- generation ---------------------------------------------------------------------------
        self.generate_button = ui.generateButton
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = ui.cancelButton
        self.cancel_button.clicked.connect(self.cancel)
        self.progress_bar = ui.progressBar
        self.progress_bar.setRange(0, 100)
        self.progress_bar.hide()
        self.state_label = ui.stateLabel
        self.error_label = as_error_label(ui.erreur_generation)
        self.save_button = ui.saveButton
        self.save_button.clicked.connect(self.save_as)

        # -- sending ------------------------------------------------------------------------------
        self.mark_sent_button = ui.markSentButton
        self.mark_sent_button.clicked.connect(self.mark_sent)
        self.sent_label = ui.sentLabel
        self.sent_label.hide()
        self.last_sent_label = ui.lastSentLabel
        self.send_error_label = as_error_label(ui.sendErrorLabel)

        # -- preview ------------------------------------------------------------------------------
        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setAccessibleName(self.tr("Aperçu du rapport"))
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.page_count_label = ui.pageCountLabel
        self.empty_preview = ui.emptyPreview
        self.preview_stack = ui.previewStack
        self.preview_stack.addWidget(self.pdf_view)

        # -- contrôle avant envoi -----------------------------------------------------------------
        self.findings_model = FindingsModel(self)
        self.findings_view = read_only_table(ui.findingsView)
        self.findings_view.setModel(self.findings_model)
        fit_columns(self.findings_view, FindingColumn.MESSAGE, text_columns={FindingColumn.SUBJECT})
        self.findings_view.doubleClicked.connect(self._open_finding)
        self.findings_count = ui.findingsCount

        self.tabs = ui.tabs
        ui.splitter.setStretchFactor(1, 1)
        ui.splitter.setSizes([420, 860])
        self._show_preview(None)
        # A territory the role may only read: the report is made, checked, saved; only « Marquer comme envoyé »
        # writes (a snapshot of the plan), and goes. The options are this computer's settings, not the base's.
        self.reading = follow_access(context, Reading(self, roots=[self.mark_sent_button]))

    def title(self) -> str:
        return self.tr("Rapports")

    # -- reading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        tid = self.context.territory_id
        assert tid is not None
        if tid != self._options_territory:
            self.cancel()
            self._options_territory = tid
            self.options_panel.load(tid)
            self._clear_preview()
            self.sent_label.hide()
            set_error(self.send_error_label, "")
        elif self._preview is not None:
            self._mark_stale()
        self._refresh_findings()
        self._show_last_sent()

    def _options_changed(self) -> None:
        self._refresh_findings()
        if self._preview is not None:
            self._mark_stale()

    def _refresh_findings(self) -> None:
        tid = self.context.territory_id
        if tid is None:
            return
        try:
            options = self.options_panel.read()
        except ValidationError:
            return  # the message is under the field; the list keeps the last valid period's findings
        findings = self.services.reports.pre_send_check(tid, options, self.context.today)
        actions = {action.id: action for action in self.services.actions.for_territory(tid)}
        indicators = {indicator.id: indicator for indicator in self.services.indicators.list(territory_id=tid)}
        self.findings_model.set_findings(findings, actions, indicators)
        count = len(findings)
        if count == 0:
            text = self.tr("Aucun point à vérifier")
        elif count == 1:
            text = self.tr("1 point à vérifier")
        else:
            text = self.tr("{count} points à vérifier").format(count=format_number(count))
        self.findings_count.setText(text)
        self.tabs.setTabText(1, self.tr("Contrôle avant envoi ({count})").format(count=format_number(count)))

    def _open_finding(self, index: QModelIndex) -> None:
        action_id = index.data(ACTION_ID_ROLE)
        if action_id is None:
            finding = self.findings_model.finding(index.row())
            if finding.indicator_id is None:  # about the territory: its message says where to complete it
                self.context.status_message.emit(finding.message)
                return
            self.context.status_message.emit(self.tr("Cet indicateur n'est rattaché à aucune fiche-action."))
            return
        self.context.open_action(int(action_id))

    def _show_last_sent(self) -> None:
        tid = self.context.territory_id
        snapshot = self.services.reports.latest_snapshot(tid) if tid is not None else None
        if snapshot is None:
            self.last_sent_label.setText(self.tr("Aucun rapport n'a encore été marqué comme envoyé à la Région."))
        else:
            self.last_sent_label.setText(
                self.tr("Dernier rapport envoyé : {date} — {label}").format(
                    date=format_date(snapshot.taken_at.astimezone().date()), label=snapshot.label
                )
            )

    # -- generation -------------------------------------------------------------------------------
    def is_generating(self) -> bool:
        return self.runner.is_running()

    def generate(self) -> None:
        tid = self.context.territory_id
        if tid is None or self.runner.is_running():
            return
        set_error(self.error_label, "")
        try:
            options = self.options_panel.read()
        except ValidationError:
            return  # shown under the field
        if not self._temporary.isValid():
            set_error(
                self.error_label,
                self.tr("Impossible de créer un dossier temporaire pour l'aperçu : {reason}").format(
                    reason=self._temporary.errorString()
                ),
            )
            return
        self._runs += 1
        output = Path(self._temporary.path()) / f"apercu-{self._runs}.pdf"
        self._job_territory, self._job_options = tid, options
        self.generate_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.state_label.setText(self.tr("Génération du rapport en cours…"))
        self.runner.start(report_job(self.services.reports, tid, options, output, self.context.today))

    def cancel(self) -> None:
        if self.runner.is_running():
            self.runner.cancel()
            self.cancel_button.setEnabled(False)
            self.state_label.setText(self.tr("Annulation en cours…"))

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        written = str(result)
        options, territory = self._job_options, self._job_territory
        self._finish()
        if territory != self.context.territory_id or options is None:
            Path(written).unlink(missing_ok=True)  # built for the territory shown before: not this page's any more
            return
        previous = self._preview
        self.document.close()
        error = self.document.load(written)
        if error != QPdfDocument.Error.None_:
            set_error(
                self.error_label, self.tr("L'aperçu ne peut pas être affiché (erreur {error}).").format(error=error)
            )
            self._clear_preview()
            return
        if previous is not None and previous != Path(written):
            previous.unlink(missing_ok=True)
        self._preview, self._preview_options = Path(written), options
        self._show_preview(self.document.pageCount())
        self.state_label.setText(self.tr("Aperçu du rapport {period}.").format(period=options.period_label))
        self.tabs.setCurrentIndex(0)

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish()
        self.state_label.setText("")
        set_error(self.error_label, self.tr("Génération du rapport annulée."))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish()
        self.state_label.setText("")
        set_error(self.error_label, message)

    def _finish(self) -> None:
        self.generate_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress_bar.hide()
        self.generation_finished.emit()

    def _clear_preview(self) -> None:
        self.document.close()
        if self._preview is not None:
            with contextlib.suppress(OSError):
                self._preview.unlink()
        self._preview = self._preview_options = None
        self.state_label.setText("")
        self._show_preview(None)

    def _show_preview(self, pages: int | None) -> None:
        self.preview_stack.setCurrentWidget(self.pdf_view if pages is not None else self.empty_preview)
        self.save_button.setEnabled(pages is not None)
        if pages is None:
            self.page_count_label.setText(self.tr("Aucun aperçu"))
        elif pages == 1:
            self.page_count_label.setText(self.tr("1 page"))
        else:
            self.page_count_label.setText(self.tr("{count} pages").format(count=format_number(pages)))

    def _mark_stale(self) -> None:
        self.state_label.setText(
            self.tr("Les options ou les données ont changé depuis cet aperçu : générez-le à nouveau avant l'envoi.")
        )

    def page_count_text(self) -> str:
        return self.page_count_label.text()

    # -- saving and sending -----------------------------------------------------------------------
    def save_as(self) -> None:
        if self._preview is None or self._preview_options is None:
            return
        tid = self.context.territory_id
        assert tid is not None
        territory = self.services.territories.get(tid).name
        folder = str(self.context.settings.value(FOLDER_KEY, "") or Path.home())
        suggested = str(Path(folder) / default_file_name(territory, self._preview_options))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Enregistrer le rapport"), suggested, self._pdf_filter())
        if not name:
            return
        self.save_to(Path(name))

    def _pdf_filter(self) -> str:
        return self.tr("Documents PDF (*.pdf)")

    def save_to(self, target: Path) -> Path | None:
        """Copy the previewed PDF to `target` (the chosen file); the message says where it went. A file that cannot
        be written there (open in a PDF reader, say) is told, and another name offered: the preview stays."""
        set_error(self.error_label, "")
        chosen: Path | None = target
        while chosen is not None and self._preview is not None:
            if chosen.suffix.lower() != ".pdf":
                chosen = chosen.with_name(f"{chosen.name}.pdf")
            try:
                written = copy_atomically(self._preview, chosen, what=self.tr("le rapport"))
            except FileWriteError as error:
                set_error(self.error_label, error.message)
                chosen = offer_another_name(self, error, self.tr("Enregistrer le rapport"), self._pdf_filter())
                continue
            set_error(self.error_label, "")
            self.context.settings.setValue(FOLDER_KEY, str(written.parent))
            message = self.tr("Rapport enregistré : {file}").format(file=written)
            self.state_label.setText(f"{message}\n{CARRIED_DATA}")
            self.context.status_message.emit(message)
            return written
        return None

    def mark_sent(self) -> None:
        tid = self.context.territory_id
        if tid is None:
            return
        set_error(self.send_error_label, "")
        try:
            options = self.options_panel.read()
        except ValidationError:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Marquer comme envoyé à la Région"),
            self.tr(
                "Marquer le rapport {period} comme envoyé à la Région ?\n"
                "L'état du plan d'action est enregistré : le prochain rapport montrera ce qui a changé depuis."
            ).format(period=options.period_label),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            # A snapshot records what was sent: it is history, not an edit to undo.
            self.services.reports.mark_sent(tid, options)
        except TiDesktopError as error:
            set_error(self.send_error_label, error.message)
            return
        message = self.tr("Rapport marqué comme envoyé le {date}").format(date=format_date(self.context.today))
        self.sent_label.setText(message)
        self.sent_label.show()
        self.context.status_message.emit(message)
        self._show_last_sent()
