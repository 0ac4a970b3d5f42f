"""The one JobRunner every long task of the window goes through: progress, cancel, a known error's French message,
a bug's traceback in the log with a general French message; the report page, the manual backup and the restore use
it."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.gui.jobs import Job, JobRunner, run_with_progress
from ti_desktop.kernel.progress import CancelCheck, Progress
from ti_desktop.services.importing import ImportCancelled
from ti_desktop.services.maintenance import OpenDatabase
from ti_desktop.services.reporting import ReportCancelled

from .test_main_window import make_window
from .test_reports_page import make_page

TIMEOUT = 20_000


class Answers:
    """What a runner said, in order."""

    def __init__(self, runner: JobRunner) -> None:
        self.seen: list[tuple[str, object]] = []
        runner.progressed.connect(lambda done, total: self.seen.append(("progressed", (done, total))))
        runner.succeeded.connect(lambda result: self.seen.append(("succeeded", result)))
        runner.cancelled.connect(lambda: self.seen.append(("cancelled", None)))
        runner.refused.connect(lambda preview: self.seen.append(("refused", preview)))
        runner.failed.connect(lambda message: self.seen.append(("failed", message)))
        runner.finished.connect(lambda: self.seen.append(("finished", None)))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.seen if kind != "progressed"]

    def value(self, kind: str) -> object:
        return next(value for seen, value in self.seen if seen == kind)


def run(qtbot: QtBot, job: Job) -> tuple[JobRunner, Answers]:
    runner = JobRunner()
    answers = Answers(runner)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT):
        runner.start(job)
    return runner, answers


def test_a_job_reports_its_progress_and_its_result(qtbot: QtBot) -> None:
    def work(progress: Progress, _cancelled: CancelCheck) -> str:
        for done in range(1, 4):
            progress(done, 3)
        return "écrit"

    runner, answers = run(qtbot, Job(work, unexpected="Erreur inattendue : {error}"))
    assert answers.kinds() == ["succeeded", "finished"] and answers.value("succeeded") == "écrit"
    assert ("progressed", (3, 3)) in answers.seen  # the last step is always told
    assert not runner.is_running()


def test_a_bug_logs_its_traceback_and_shows_a_general_french_message(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def work(_progress: Progress, _cancelled: CancelCheck) -> None:
        raise ZeroDivisionError("division by zero")

    with caplog.at_level(logging.ERROR, logger="ti_desktop.gui.jobs"):
        runner, answers = run(qtbot, Job(work, unexpected="Erreur inattendue pendant l'export : {error}"))
    assert answers.kinds() == ["failed", "finished"]
    message = str(answers.value("failed"))
    assert message.startswith("Erreur inattendue pendant l'export : ZeroDivisionError(")
    assert "journal" in message and "Traceback" not in message
    records = [record for record in caplog.records if record.name == "ti_desktop.gui.jobs"]
    assert records and records[0].exc_info is not None and records[0].exc_info[0] is ZeroDivisionError
    assert "ZeroDivisionError" in caplog.text and "Traceback" in caplog.text
    assert runner.last_failure is None  # a bug is no known error


def test_a_known_error_is_shown_with_its_own_message_and_not_logged_as_a_bug(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def work(_progress: Progress, _cancelled: CancelCheck) -> None:
        raise TiDesktopError("Le fichier « plan.xlsx » est vide.")

    with caplog.at_level(logging.ERROR):
        runner, answers = run(qtbot, Job(work, unexpected="Erreur inattendue : {error}"))
    assert answers.value("failed") == "Le fichier « plan.xlsx » est vide."
    assert isinstance(runner.last_failure, TiDesktopError)
    assert not [record for record in caplog.records if record.name == "ti_desktop.gui.jobs"]


def test_cancel_stops_a_job_that_writes_and_waits_for_its_answer(qtbot: QtBot) -> None:
    started = threading.Event()
    steps: list[int] = []

    def work(progress: Progress, cancelled: CancelCheck) -> str:
        started.set()
        for step in range(10_000):
            if cancelled():
                raise ImportCancelled("Import de « plan.xlsx » annulé : rien n'a été écrit.")
            steps.append(step)
            progress(step, 10_000)
            threading.Event().wait(0.001)
        return "fini"

    runner = JobRunner()
    answers = Answers(runner)
    runner.start(Job(work, unexpected="Erreur inattendue : {error}", writes=True))
    assert started.wait(5)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT):
        runner.cancel()
        assert runner.is_running()  # a writing job answers once its service stopped
    assert answers.kinds() == ["cancelled", "finished"]
    assert len(steps) < 10_000
    runner.wait()


def test_a_cancelled_reading_is_dropped_at_once(qtbot: QtBot) -> None:
    release = threading.Event()

    def work(_progress: Progress, _cancelled: CancelCheck) -> str:
        release.wait(5)
        return "lu"

    runner = JobRunner()
    answers = Answers(runner)
    runner.start(Job(work, unexpected="Erreur inattendue : {error}"))
    runner.cancel()
    assert answers.kinds() == ["cancelled", "finished"] and not runner.is_running()
    release.set()
    runner.wait()
    qtbot.wait(50)
    assert answers.kinds() == ["cancelled", "finished"]  # the late answer of the dropped job is not relayed


def test_run_with_progress_waits_for_the_job_and_tells_how_it_ended(qtbot: QtBot) -> None:
    succeeded = run_with_progress(Job(lambda _p, _c: 42, unexpected="Erreur inattendue : {error}"), "Patientez…")
    assert succeeded.succeeded and succeeded.result == 42 and succeeded.message is None

    def fails(_progress: Progress, _cancelled: CancelCheck) -> None:
        raise TiDesktopError("La sauvegarde « x » est endommagée.")

    failed = run_with_progress(Job(fails, unexpected="Erreur inattendue : {error}"), "Patientez…")
    assert not failed.succeeded and failed.message == "La sauvegarde « x » est endommagée."
    assert isinstance(failed.failure, TiDesktopError)


# -- the report page runs its report through the shared runner ------------------------------------------


def test_a_failing_report_service_logs_its_traceback(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object, **_kwargs: object) -> Path:
        raise KeyError("axis")

    monkeypatch.setattr(context.services.reports, "write_pdf", broken)
    page = make_page(qtbot, context)
    assert isinstance(page.runner, JobRunner)
    with caplog.at_level(logging.ERROR, logger="ti_desktop.gui.jobs"):
        with qtbot.waitSignal(page.generation_finished, timeout=TIMEOUT):
            page.generate_button.click()
    assert page.error_label.text().startswith("Erreur inattendue pendant la génération du rapport : KeyError(")
    assert "journal" in page.error_label.text()
    assert "Traceback" in caplog.text and "KeyError: 'axis'" in caplog.text
    assert page.generate_button.isEnabled() and not page.is_generating()


def test_a_cancelled_report_is_a_cancellation_of_the_runner(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stops(*_args: object, **_kwargs: object) -> Path:
        raise ReportCancelled("Génération du rapport annulée : « apercu-1.pdf » n'a pas été modifié.")

    monkeypatch.setattr(context.services.reports, "write_pdf", stops)
    page = make_page(qtbot, context)
    with qtbot.waitSignal(page.generation_finished, timeout=TIMEOUT):
        page.generate_button.click()
    assert page.error_label.text() == "Génération du rapport annulée."


# -- the manual backup --------------------------------------------------------------------------------------


def test_a_bug_in_the_manual_backup_is_logged_and_told(
    qtbot: QtBot,
    context: TestContext,
    demo_opened: OpenDatabase,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    window = make_window(qtbot, context, demo_opened)
    assert window.backups is not None
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_args: warnings.append(text))

    def broken(_reason: str = "sauvegarde") -> object:
        raise RuntimeError("rotation cassée")

    monkeypatch.setattr(window.backups, "backup", broken)
    with caplog.at_level(logging.ERROR, logger="ti_desktop.gui.jobs"):
        window.backup_now()
    assert len(warnings) == 1 and warnings[0].startswith("Erreur inattendue pendant la sauvegarde : RuntimeError(")
    assert "Traceback" in caplog.text and "rotation cassée" in caplog.text
    monkeypatch.undo()  # the next manual backup runs again: the guard was lifted once the job answered
    window.backup_now()
    assert "Sauvegarde vérifiée" in window.statusBar().currentMessage()


# -- the restore ------------------------------------------------------------------------------------------


def test_a_bug_in_the_restore_is_logged_told_and_the_base_reopened(
    qapp: object, tmp_path: Path, demo_db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from PySide6.QtCore import QSettings

    from ti_desktop import app
    from ti_desktop.app import GuiController
    from ti_desktop.paths import UserDirs

    from ..clock import fixed_clock

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))

    def broken(_source: Path, _database: Path, _clock: object) -> object:
        raise RuntimeError("copie interrompue")

    monkeypatch.setattr(app, "restore_backup", broken)
    settings = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    controller = GuiController(UserDirs(tmp_path, tmp_path), settings, fixed_clock())
    try:
        assert controller.open(demo_db)
        with caplog.at_level(logging.ERROR, logger="ti_desktop.gui.jobs"):
            controller.restore(tmp_path / "sauvegarde.sqlite3")
        assert len(shown) == 1 and shown[0].startswith("Erreur inattendue pendant la restauration : RuntimeError(")
        assert "Traceback" in caplog.text and "copie interrompue" in caplog.text
        assert controller.window is not None  # the base is open again, as it was
    finally:
        controller.close()
