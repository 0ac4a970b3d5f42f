"""Imports and exports off the GUI thread.

A job only calls one service method and emits signals; it never touches a widget. A `JobRunner`, owned by the
dialog that starts jobs, runs one job at a time in its own thread pool and relays the answers of the current job
(queued to the GUI thread); the answers of a job that was abandoned are dropped. Every failure reaches the dialog
as a French message: a `TiDesktopError` with its own message, anything else (a bug) with a general one — and the
traceback in the log.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal, Slot

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.services.exporting import ExportCancelled, ExportFormat, ExportService
from ti_desktop.services.importing import ImportCancelled, ImportRefusedError, ImportService
from ti_desktop.services.indicator_import import (
    IndicatorImportCancelled,
    IndicatorImportRefusedError,
    IndicatorImportService,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], object]

PROGRESS_INTERVAL = 0.05  # seconds between two progress signals: a 5,000-row file must not flood the GUI


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExchangeJob", text)


class JobSignals(QObject):
    progressed = Signal(int, int)  # done, total
    succeeded = Signal(object)  # what the service returned
    cancelled = Signal()  # stopped on request: nothing was written
    refused = Signal(object)  # an import refused for the errors of its file: the preview (nothing was written)
    failed = Signal(str)  # the French message
    finished = Signal()  # after any of the above


class ExchangeJob(QRunnable):
    """Runs `work(progress, cancelled)` once in a pool thread and reports how it ended."""

    def __init__(
        self,
        work: Work,
        *,
        unexpected: str,
        cancel_errors: tuple[type[TiDesktopError], ...] = (),
        refusal_errors: tuple[type[TiDesktopError], ...] = (),
        writes: bool = False,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps the job (and its signals) until it has answered
        self.signals = JobSignals()
        self._work = work
        self._unexpected = unexpected  # French, with {error}
        self._cancel_errors = cancel_errors
        self._refusal_errors = refusal_errors
        self._writes = writes
        self._stop = threading.Event()
        self._last_progress = 0.0
        self.failure: TiDesktopError | None = None  # set before `failed` is emitted: the error behind its message

    def cancel(self) -> None:
        """Asked from the GUI thread: the service stops at its next step."""
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    @property
    def writes(self) -> bool:
        return self._writes

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.signals.progressed.emit(done, total)

    def run(self) -> None:
        try:
            self._run()
        finally:
            self.signals.finished.emit()

    def _run(self) -> None:
        try:
            result = self._work(self._progress, self._stop.is_set)
        except self._cancel_errors:
            self.signals.cancelled.emit()
        except self._refusal_errors as error:
            self.signals.refused.emit(getattr(error, "preview", None))
        except TiDesktopError as error:
            self.failure = error
            self.signals.failed.emit(error.message)
        except Exception as error:  # a bug must reach the dialog, not die silently in the pool
            log.exception("exchange job failed")
            self.signals.failed.emit(self._unexpected.format(error=repr(error)))
        else:
            if self._stop.is_set() and not self._writes:
                self.signals.cancelled.emit()  # a reading that ended anyway: the user no longer wants it
            else:
                self.signals.succeeded.emit(result)  # something written is reported, even when cancel came late


class JobRunner(QObject):
    """One job at a time, in a pool owned by the dialog (its destruction waits for a running job)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    cancelled = Signal()
    refused = Signal(object)
    failed = Signal(str)
    finished = Signal()  # the current job answered (after one of the signals above; no job is running then)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._current: ExchangeJob | None = None
        self._started: list[ExchangeJob] = []  # kept alive until they answer, abandoned ones included
        # The error behind the last `failed` message (a FileWriteError says whether another name could work).
        self.last_failure: TiDesktopError | None = None

    def is_running(self) -> bool:
        return self._current is not None

    def start(self, job: ExchangeJob) -> None:
        self.abandon()
        self.last_failure = None
        signals = job.signals
        signals.progressed.connect(self._on_progressed)
        signals.succeeded.connect(self._on_succeeded)
        signals.cancelled.connect(self._on_cancelled)
        signals.refused.connect(self._on_refused)
        signals.failed.connect(self._on_failed)
        signals.finished.connect(self._on_finished)
        self._current = job
        self._started.append(job)
        self._pool.start(job)

    def cancel(self) -> None:
        """Ask the current job to stop. A job that writes answers when its service has stopped (`cancelled`, or
        `succeeded` if it had finished writing); a reading is dropped at once — `cancelled` now — since some
        services cannot stop a reading half-way and the user should not wait for a result they no longer want."""
        job = self._current
        if job is None:
            return
        job.cancel()
        if not job.writes:
            self._current = None
            self.cancelled.emit()
            self.finished.emit()

    def abandon(self) -> None:
        """Stop the current job and drop whatever it answers (the user went back or chose another file)."""
        if self._current is not None:
            self._current.cancel()
            self._current = None

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def finish_now(self) -> None:
        """Cancel the current job; a writing one is waited for and its answer delivered now (a dialog closing: an
        import that ended before seeing the cancel is still reported, one that stopped has written nothing)."""
        job = self._current
        if job is None:
            return
        self.cancel()
        if job.writes:
            self._pool.waitForDone()
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)

    def _is_current(self) -> bool:
        return self._current is not None and self.sender() is self._current.signals

    def _end_current(self) -> bool:
        """True when the sender is the current job, which is then over (the handlers see no job running)."""
        if not self._is_current():
            return False
        self._current = None
        return True

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self._is_current():
            self.progressed.emit(done, total)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        if self._end_current():
            self.succeeded.emit(result)
            self.finished.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        if self._end_current():
            self.cancelled.emit()
            self.finished.emit()

    @Slot(object)
    def _on_refused(self, preview: object) -> None:
        if self._end_current():
            self.refused.emit(preview)
            self.finished.emit()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        job = self._current
        if self._end_current():
            self.last_failure = job.failure if job is not None else None
            self.failed.emit(message)
            self.finished.emit()

    @Slot()
    def _on_finished(self) -> None:
        # A job's run() may still be returning when its last signal arrives: jobs are let go only once the
        # pool is idle, so that none is deleted under its thread.
        if self._pool.activeThreadCount() == 0:
            self._started = [job for job in self._started if job is self._current]


# -- the jobs of the import wizard and the dialogs -------------------------------------------------------------


def inspect_job(imports: ImportService, path: Path) -> ExchangeJob:
    return ExchangeJob(
        lambda _progress, _cancelled: imports.inspect(path),
        unexpected=_tr("Erreur inattendue pendant la lecture du fichier : {error}"),
    )


def import_preview_job(
    imports: ImportService, territory_id: int, path: Path, sheet: str | None, mapping: Mapping[str, str] | None
) -> ExchangeJob:
    return ExchangeJob(
        lambda progress, cancelled: imports.preview(
            territory_id, path, sheet=sheet, mapping=mapping, progress=progress, cancelled=cancelled
        ),
        unexpected=_tr("Erreur inattendue pendant la vérification du fichier : {error}"),
        cancel_errors=(ImportCancelled,),
    )


def import_apply_job(
    imports: ImportService, territory_id: int, path: Path, sheet: str | None, mapping: Mapping[str, str] | None
) -> ExchangeJob:
    return ExchangeJob(
        lambda progress, cancelled: imports.apply(
            territory_id, path, sheet=sheet, mapping=mapping, progress=progress, cancelled=cancelled
        ),
        unexpected=_tr("Erreur inattendue pendant l'import : {error}. Rien n'a été écrit."),
        cancel_errors=(ImportCancelled,),
        refusal_errors=(ImportRefusedError,),
        writes=True,
    )


def export_job(
    exports: ExportService, territory_id: int, fmt: ExportFormat, output: Path, include_confidential: bool
) -> ExchangeJob:
    return ExchangeJob(
        lambda progress, cancelled: exports.export(
            territory_id,
            fmt,
            output,
            include_confidential=include_confidential,
            progress=progress,
            cancelled=cancelled,
        ),
        unexpected=_tr("Erreur inattendue pendant l'export : {error}"),
        cancel_errors=(ExportCancelled,),
        writes=True,
    )


def indicator_preview_job(indicators: IndicatorImportService, territory_id: int, path: Path) -> ExchangeJob:
    return ExchangeJob(
        lambda progress, cancelled: indicators.preview(territory_id, path, progress=progress, cancelled=cancelled),
        unexpected=_tr("Erreur inattendue pendant la vérification du fichier : {error}"),
        cancel_errors=(IndicatorImportCancelled,),
    )


def indicator_apply_job(indicators: IndicatorImportService, territory_id: int, path: Path) -> ExchangeJob:
    return ExchangeJob(
        lambda progress, cancelled: indicators.apply(territory_id, path, progress=progress, cancelled=cancelled),
        unexpected=_tr("Erreur inattendue pendant l'import des valeurs : {error}. Rien n'a été écrit."),
        cancel_errors=(IndicatorImportCancelled,),
        refusal_errors=(IndicatorImportRefusedError,),
        writes=True,
    )
