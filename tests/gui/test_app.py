"""Application start-up: one window per database, refused files, unexpected errors shown, logs written."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from ti_desktop.app import DatabaseLock, GuiController, configure_logging, install_exception_hook
from ti_desktop.paths import UserDirs
from ti_desktop.services.registry import Services

from ..clock import fixed_clock


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    return shown


def test_a_second_instance_is_refused_naming_the_other_process(tmp_path: Path) -> None:
    database = tmp_path / "plan.sqlite3"
    first, second = DatabaseLock(database), DatabaseLock(database)
    assert first.acquire() is None
    refusal = second.acquire()
    assert refusal is not None and "déjà ouverte" in refusal and "processus" in refusal
    first.release()
    assert second.acquire() is None
    second.release()


def test_the_stale_lock_of_a_crashed_instance_is_recovered(tmp_path: Path) -> None:
    database = tmp_path / "plan.sqlite3"
    crash = (
        "import os, sys; from PySide6.QtCore import QLockFile; "
        f"lock = QLockFile({str(database) + '.lock'!r}); assert lock.tryLock(100); os._exit(9)"
    )
    subprocess.run([sys.executable, "-c", crash], check=False)
    assert Path(str(database) + ".lock").exists()  # left behind by the "crash"
    lock = DatabaseLock(database)
    assert lock.acquire() is None
    lock.release()


def test_a_file_that_is_not_a_database_is_refused_untouched(qapp: object, tmp_path: Path, dialogs: list[str]) -> None:
    pdf = tmp_path / "rapport.sqlite3"
    pdf.write_bytes(b"%PDF-1.5\n" + b"x" * 500)
    controller = GuiController(
        UserDirs(tmp_path, tmp_path), QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat), fixed_clock()
    )
    assert controller.open(pdf) is False
    assert "PDF" in dialogs[0] and "n'a pas été modifié" in dialogs[0]
    assert pdf.read_bytes() == b"%PDF-1.5\n" + b"x" * 500
    assert DatabaseLock(pdf).acquire() is None  # the refused open released its lock


def test_an_unexpected_error_shows_a_dialog_with_the_log_file(
    qapp: object, tmp_path: Path, dialogs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(logging.getLogger(), "handlers", [])  # so is the root logger's file handler
    log_file = configure_logging(tmp_path / "journaux")
    assert log_file is not None
    install_exception_hook(log_file)
    try:
        raise RuntimeError("panne simulée")
    except RuntimeError as error:
        sys.excepthook(RuntimeError, error, error.__traceback__)
    assert "erreur inattendue" in dialogs[0] and str(log_file) in dialogs[0]
    assert "panne simulée" in log_file.read_text(encoding="utf-8")


def test_open_switch_database_and_restore_a_backup(
    qapp: object, tmp_path: Path, demo_db: Path, monkeypatch: pytest.MonkeyPatch, dialogs: list[str]
) -> None:
    from ti_desktop.services.maintenance import backup_now

    def create_territory(services: Services, parent: object = None) -> bool:
        if not services.territories.list():  # what the user would do in the welcome dialog
            services.territories.create(name="Nouvelle base")
        return True

    monkeypatch.setattr("ti_desktop.app.offer_first_territory", create_territory)
    settings = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    controller = GuiController(UserDirs(tmp_path, tmp_path), settings, fixed_clock())
    assert controller.open(demo_db)
    assert controller.window is not None and "Sarre-Vosges" in controller.window.windowTitle()
    backup = backup_now(demo_db, fixed_clock()).path

    controller.switch(tmp_path / "autre.sqlite3")  # Fichier > Nouvelle base
    assert controller.window is not None and controller.window.windowTitle() == "TI Desktop — Nouvelle base"
    assert DatabaseLock(demo_db).acquire() is None  # the previous database was released

    controller.switch(demo_db)
    services = controller.window.context.services
    tid = services.territories.resolve(None).id
    first = services.actions.for_territory(tid)[0]
    services.actions.delete(first.id)
    controller.restore(backup)  # Fichier > Restaurer une sauvegarde
    restored = controller.window.context.services
    assert restored.actions.get(first.id).title == first.title
    assert dialogs == []
    controller.close()


def test_a_second_window_on_the_same_base_is_refused_clearly(
    qapp: object, tmp_path: Path, demo_db: Path, dialogs: list[str]
) -> None:
    settings = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    first, second = (
        GuiController(UserDirs(tmp_path, tmp_path), settings, fixed_clock()),
        GuiController(UserDirs(tmp_path, tmp_path), settings, fixed_clock()),
    )
    assert first.open(demo_db)
    assert second.open(demo_db) is False and second.window is None
    assert (
        dialogs[0].startswith("Cette base est déjà ouverte par ")
        and "Fermez-la, ou ouvrez une autre base." in dialogs[0]
    )
    first.close()
    assert second.open(demo_db)
    second.close()
