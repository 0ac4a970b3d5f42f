"""Every long task of the window runs here, off the GUI thread: import, export, indicator import, the progress
report, the minutes, the manual backup and the restore.

A `Job` calls one service method, `work(progress, cancelled)` (the protocol of `kernel.progress`), and emits
signals; it never touches a widget. A `JobRunner`, owned by the widget that starts jobs, runs one job at a time in
its own thread pool and relays the answers of the current job (queued to the GUI thread); the answers of a job
that was abandoned are dropped. How a job ends:

- `succeeded(result)`: what the service returned;
- `cancelled()`: it stopped on request (a `kernel.progress.Cancelled`): nothing was written;
- `refused(preview)`: an import refused for the errors of its file (nothing was written);
- `failed(message)`: a `TiDesktopError` with its own French message — or a bug: its traceback goes to the log
  (`log.exception`) and the user reads a general French message;
- then `finished()`, whatever the ending.

`run_with_progress` runs one job under a window-modal progress dialog and returns once it answered, for the
tasks the user must wait for (a restore).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ti_desktop import APP_NAME
from ti_desktop.kernel.errors import TiDesktopError
from ti_desktop.kernel.progress import CancelCheck, Cancelled, Progress

log = logging.getLogger(__name__)

Work = Callable[[Progress, CancelCheck], object]

PROGRESS_INTERVAL = 0.05  # seconds between two progress signals: a 5,000-row file must not flood the GUI


def _tr(text: str) -> str:
    return QCoreApplication.translate("Job", text)


def unexpected_message(unexpected: str, error: BaseException) -> str:
    """The French message of a bug: the task's sentence (with `{error}`), then where the detail went."""
    return "{message} {detail}".format(
        message=unexpected.format(error=repr(error)),
        detail=_tr("Le détail a été écrit dans le journal de l'application."),
    )


class JobSignals(QObject):
    progressed = Signal(int, int)  # done, total (0: unknown)
    succeeded = Signal(object)  # what the service returned
    cancelled = Signal()  # stopped on request: nothing was written
    refused = Signal(object)  # an import refused for the errors of its file: the preview (nothing was written)
    failed = Signal(str)  # the French message
    finished = Signal()  # after any of the above


class Job(QRunnable):
    """Runs `work(progress, cancelled)` once in a pool thread and reports how it ended.

    `unexpected`: the French sentence shown if a bug stops it, with `{error}`. `refusal_errors`: the known errors
    that are a refusal with a preview (`refused`), not a failure. `writes`: a job that writes is waited for when
    cancelled (its service says whether it stopped in time); a reading is dropped at once."""

    def __init__(
        self,
        work: Work,
        *,
        unexpected: str,
        refusal_errors: tuple[type[TiDesktopError], ...] = (),
        writes: bool = False,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps the job (and its signals) until it has answered
        self.signals = JobSignals()
        self._work = work
        self._unexpected = unexpected
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
        except Cancelled:
            self.signals.cancelled.emit()
        except self._refusal_errors as error:
            self.signals.refused.emit(getattr(error, "preview", None))
        except TiDesktopError as error:
            self.failure = error
            self.signals.failed.emit(error.message)
        except Exception as error:  # a bug must reach the window and the log, not die silently in the pool
            log.exception("background job failed")
            self.signals.failed.emit(unexpected_message(self._unexpected, error))
        else:
            if self._stop.is_set() and not self._writes:
                self.signals.cancelled.emit()  # a reading that ended anyway: the user no longer wants it
            else:
                self.signals.succeeded.emit(result)  # something written is reported, even when cancel came late


class JobRunner(QObject):
    """One job at a time, in a pool owned by the widget (its destruction waits for a running job)."""

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
        self._current: Job | None = None
        self._started: list[Job] = []  # kept alive until they answer, abandoned ones included
        # The error behind the last `failed` message (a FileWriteError says whether another name could work).
        self.last_failure: TiDesktopError | None = None

    def is_running(self) -> bool:
        return self._current is not None

    def start(self, job: Job) -> None:
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


@dataclass(slots=True)
class Outcome:
    """How a job run by `run_with_progress` ended: exactly one of the fields tells."""

    result: object = None
    succeeded: bool = False
    cancelled: bool = False
    message: str | None = None  # the French message of a failure
    failure: TiDesktopError | None = None  # the known error behind it (None for a bug)


def run_with_progress(job: Job, label: str, parent: QWidget | None = None, *, can_cancel: bool = False) -> Outcome:
    """Run `job` under a modal progress dialog (busy when the job tells no total) and return how it ended.

    The GUI stays painted while the job runs (a local event loop); the user can only wait, or press Annuler
    when `can_cancel`."""
    runner = JobRunner()
    outcome = Outcome()
    dialog = QProgressDialog(label, _tr("Annuler") if can_cancel else "", 0, 0, parent)
    dialog.setWindowTitle(APP_NAME)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not can_cancel:
        dialog.setCancelButton(None)  # type: ignore[arg-type,unused-ignore]  # Qt: no button at all
    loop = QEventLoop()

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)

    def on_succeeded(result: object) -> None:
        outcome.result, outcome.succeeded = result, True

    def on_cancelled() -> None:
        outcome.cancelled = True

    def on_failed(message: str) -> None:
        outcome.message, outcome.failure = message, runner.last_failure

    runner.progressed.connect(on_progress)
    runner.succeeded.connect(on_succeeded)
    runner.cancelled.connect(on_cancelled)
    runner.failed.connect(on_failed)
    runner.finished.connect(loop.quit)
    if can_cancel:
        dialog.canceled.connect(runner.cancel)
    dialog.show()
    runner.start(job)
    if runner.is_running():
        loop.exec()
    runner.wait()
    dialog.close()
    dialog.deleteLater()
    runner.deleteLater()
    return outcome
