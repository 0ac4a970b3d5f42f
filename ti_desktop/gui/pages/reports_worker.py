"""Building the report PDF off the GUI thread. The job only calls the report service and emits signals (queued
to the page, which lives in the GUI thread); it never touches a widget."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.services.reporting import ReportCancelled, ReportService


class JobSignals(QObject):
    progressed = Signal(int, int)  # done, total
    succeeded = Signal(str)  # the PDF written
    cancelled = Signal()
    failed = Signal(str)  # the French message


class ReportJob(QRunnable):
    def __init__(
        self,
        reports: ReportService,
        territory_id: int,
        options: ReportOptions,
        output: Path,
        today: dt.date,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the page keeps the job (and its signals) until it has answered
        self.signals = JobSignals()
        self._reports = reports
        self._territory_id = territory_id
        self._options = options
        self._output = output
        self._today = today
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Asked from the GUI thread: the service stops at its next step."""
        self._stop.set()

    def run(self) -> None:
        try:
            written = self._reports.write_pdf(
                self._territory_id,
                self._options,
                self._output,
                self._today,
                progress=self.signals.progressed.emit,
                cancelled=self._stop.is_set,
            )
        except ReportCancelled:
            self.signals.cancelled.emit()
        except TiDesktopError as error:
            self.signals.failed.emit(error.message)
        except Exception as error:  # a bug must reach the page, not die silently in the pool
            message = QCoreApplication.translate(
                "ReportsPage", "Erreur inattendue pendant la génération du rapport : {error}"
            )
            self.signals.failed.emit(message.format(error=repr(error)))
        else:
            self.signals.succeeded.emit(str(written))
