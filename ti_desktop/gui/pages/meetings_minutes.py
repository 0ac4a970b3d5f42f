"""Compte rendu (PDF) of a meeting: the file chosen, then written off the GUI thread by the minutes service, with
a progress bar and Annuler; the result says where the file went and opens it."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ti_desktop.domain.records import MeetingRecord
from ti_desktop.gui.another_name import offer_another_name
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.field_errors import error_label, set_error
from ti_desktop.gui.jobs import Job, JobRunner
from ti_desktop.kernel.files import FileWriteError
from ti_desktop.services.use_cases import HasMinutes

FOLDER_KEY = "reunions/dossier"  # the folder the last minutes were saved in


def minutes_file_name(meeting: MeetingRecord) -> str:
    """`compte-rendu-comite-de-pilotage-2026-06-25.pdf`"""
    decomposed = unicodedata.normalize("NFKD", meeting.kind.label.casefold())
    ascii_label = "".join(char for char in decomposed if not unicodedata.combining(char))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_label).strip("-")
    return f"compte-rendu-{slug}-{meeting.held_on.isoformat()}.pdf"


class MinutesPanelServices(HasMinutes, Protocol):
    """What MinutesPanel uses."""


class MinutesPanel(QWidget):
    """`button` starts; the panel itself shows the progress, Annuler and the result (hidden while idle)."""

    # The job ended: the PDF written (its path), or None (failed or cancelled).
    finished = Signal(object)

    def __init__(self, context: AppContext, services: MinutesPanelServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.context = context
        self.meeting: MeetingRecord | None = None
        self.runner = JobRunner(self)
        self.runner.progressed.connect(self._on_progress)
        self.runner.succeeded.connect(self._on_succeeded)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.failed.connect(self._on_failed)
        self.runner.finished.connect(self._on_finished)
        self.button = QPushButton(self.tr("Compte rendu (PDF)…"), parent)
        self.button.setToolTip(self.tr("Participants, ordre du jour, état des actions et relevé des décisions"))
        self.button.clicked.connect(self.choose_file)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(320)
        self.cancel_button = QPushButton(self.tr("Annuler"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setOpenExternalLinks(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.error = error_label(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.result_label, 1)
        layout.addWidget(self.error, 1)
        self._show_running(False)
        self.written: Path | None = None
        self._unwritable: FileWriteError | None = None  # the last write's failure, when another name may work

    def set_meeting(self, meeting: MeetingRecord) -> None:
        self.meeting = meeting
        self.button.setEnabled(not self.runner.is_running())

    def clear_result(self) -> None:
        if not self.runner.is_running():
            self.result_label.clear()
            set_error(self.error, "")
            self._update_visibility()

    def is_running(self) -> bool:
        return self.runner.is_running()

    def choose_file(self) -> None:
        meeting = self.meeting
        if meeting is None or self.runner.is_running():
            return
        folder = str(self.context.settings.value(FOLDER_KEY, "") or Path.home())
        suggested = str(Path(folder) / minutes_file_name(meeting))
        name, _ = QFileDialog.getSaveFileName(self, self._title(), suggested, self._pdf_filter())
        if name:
            self.write_to(Path(name))

    def _title(self) -> str:
        return self.tr("Enregistrer le compte rendu")

    def _pdf_filter(self) -> str:
        return self.tr("Documents PDF (*.pdf)")

    def write_to(self, target: Path) -> None:
        """Write the shown meeting's minutes to `target` in the background."""
        meeting = self.meeting
        if meeting is None or self.runner.is_running():
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(f"{target.name}.pdf")
        minutes = self.services.minutes
        today = self.context.today
        meeting_id = meeting.id
        job = Job(
            lambda progress, cancelled: minutes.write_pdf(
                meeting_id, target, today, progress=progress, cancelled=cancelled
            ),
            unexpected=self.tr("Erreur inattendue pendant l'écriture du compte rendu : {error}"),
            writes=True,
        )
        self.written = None
        self.result_label.clear()
        set_error(self.error, "")
        self.progress_bar.setValue(0)
        self._show_running(True)
        self.runner.start(job)

    def cancel(self) -> None:
        if self.runner.is_running():
            self.cancel_button.setEnabled(False)
            self.runner.cancel()

    def _show_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.button.setEnabled(not running and self.meeting is not None)
        self._update_visibility()

    def _update_visibility(self) -> None:
        self.result_label.setVisible(bool(self.result_label.text()))
        self.setVisible(
            self.progress_bar.isVisibleTo(self) or bool(self.result_label.text()) or bool(self.error.text())
        )

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)

    def _on_succeeded(self, written: object) -> None:
        path = Path(str(written))
        self.written = path
        if path.parent.is_dir():
            self.context.settings.setValue(FOLDER_KEY, str(path.parent))
        link = QUrl.fromLocalFile(str(path)).toString()
        self.result_label.setText(
            self.tr('Compte rendu enregistré : <a href="{link}">{name}</a>').format(
                link=link, name=path.name.replace("&", "&amp;").replace("<", "&lt;")
            )
        )
        self.result_label.setToolTip(str(path))
        self.context.status_message.emit(self.tr("Compte rendu enregistré : {file}").format(file=path))

    def _on_cancelled(self) -> None:
        set_error(self.error, self.tr("Écriture du compte rendu annulée."))

    def _on_failed(self, message: str) -> None:
        set_error(self.error, message)
        failure = self.runner.last_failure
        if isinstance(failure, FileWriteError) and failure.other_name_may_work:
            self._unwritable = failure

    def _on_finished(self) -> None:
        self._show_running(False)
        self.finished.emit(self.written)
        unwritable, self._unwritable = self._unwritable, None
        if unwritable is not None:  # e.g. the previous PDF is open in a reader: offer to write it elsewhere
            other = offer_another_name(self, unwritable, self._title(), self._pdf_filter())
            if other is not None:
                self.write_to(other)
