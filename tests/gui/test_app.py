"""Application start-up: one window per database, refused files, unexpected errors shown, logs written."""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from ti_desktop.app import GuiController, configure_logging, install_exception_hook, install_qt_french
from ti_desktop.db.database import current_user
from ti_desktop.db.lock import (
    WINDOW,
    DatabaseLock,
    DatabaseLockedError,
    OpenElsewhereError,
    command_application,
    info_path,
    read_holder,
)
from ti_desktop.kernel.clock import Clock
from ti_desktop.paths import UserDirs
from ti_desktop.services.registry import Services

from ..clock import fixed_clock
from ..conftest import HERE, SINCE, HoldLock

WHEN = f"depuis le {SINCE.astimezone():%d/%m/%Y à %H:%M}"


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    return shown


def controller_on(tmp_path: Path) -> GuiController:
    return GuiController(
        UserDirs(tmp_path, tmp_path), QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat), fixed_clock()
    )


def free(database: Path) -> bool:
    """Whether a window could take the base's lock now (taken and let go at once)."""
    try:
        with DatabaseLock(database, WINDOW) as lock:
            lock.acquire(SINCE)
    except DatabaseLockedError:
        return False
    return True


def test_a_window_of_another_process_holding_the_base_is_named_and_its_crash_frees_it(
    qapp: object, tmp_path: Path, demo_db: Path, dialogs: list[str], hold_lock: HoldLock
) -> None:
    holder = hold_lock(demo_db, WINDOW, "claire.martin", HERE, SINCE)
    controller = controller_on(tmp_path)
    assert controller.open(demo_db) is False and controller.window is None
    assert dialogs == [
        f"Cette base est déjà ouverte dans TI Desktop par claire.martin sur {HERE} {WHEN}. Fermez cette fenêtre, "
        "ou ouvrez une autre base."
    ]
    holder.kill()  # kill -9: the system releases its lock; its info file stays behind
    assert info_path(demo_db).exists()
    started = time.monotonic()
    assert controller.open(demo_db)
    assert time.monotonic() - started < 30
    assert not free(demo_db)
    controller.close()
    assert free(demo_db) and not info_path(demo_db).exists()


def test_a_write_command_running_on_the_base_is_named(
    qapp: object, tmp_path: Path, demo_db: Path, dialogs: list[str], hold_lock: HoldLock
) -> None:
    hold_lock(demo_db, command_application("import"), "claire.martin", HERE, SINCE)
    assert controller_on(tmp_path).open(demo_db) is False
    assert dialogs == [
        f"Cette base est en cours de modification par la commande « ti-desktop import » (claire.martin sur {HERE} "
        f"{WHEN}). Attendez qu'elle se termine, puis ouvrez-la de nouveau."
    ]


def test_a_base_on_a_share_held_from_another_machine_is_refused_naming_it(
    qapp: object, tmp_path: Path, demo_db: Path, dialogs: list[str], hold_lock: HoldLock
) -> None:
    hold_lock(demo_db, WINDOW, "marc.durand", "POSTE-MAIRIE", SINCE)
    assert controller_on(tmp_path).open(demo_db) is False
    assert dialogs[0].startswith(
        f"Cette base est déjà ouverte dans TI Desktop par marc.durand sur POSTE-MAIRIE {WHEN}."
    )


def test_another_machine_named_while_the_lock_is_free_is_asked_about(
    qapp: object,
    tmp_path: Path,
    demo_db: Path,
    dialogs: list[str],
    hold_lock: HoldLock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """POSTE-MAIRIE stopped without closing the base, or the share does not carry locks: the user knows which."""
    hold_lock(demo_db, WINDOW, "marc.durand", "POSTE-MAIRIE", SINCE).kill()
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> object:
        def warning(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
            asked.append(text)
            return button

        return warning

    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Cancel))
    controller = controller_on(tmp_path)
    assert controller.open(demo_db) is False and controller.window is None
    assert asked[0].startswith(f"« {demo_db} » semble ouverte dans TI Desktop par marc.durand sur POSTE-MAIRIE {WHEN}")
    assert asked[0].endswith("fermez-la d'abord là-bas.\n\nOuvrir la base sur cet ordinateur ?")
    with pytest.raises(OpenElsewhereError):  # nothing taken, the info file left as it was
        DatabaseLock(demo_db, WINDOW).acquire(SINCE)

    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Open))
    assert controller.open(demo_db)
    holder = read_holder(demo_db)
    assert holder is not None and holder.host == HERE and holder.application == WINDOW
    controller.close()
    assert dialogs == []


def test_the_open_window_refuses_a_write_command_of_another_process(
    qapp: object, tmp_path: Path, demo_db: Path, dialogs: list[str]
) -> None:
    """The bug of issue 14: `ti-desktop import` wrote into the base the open window held."""
    controller = controller_on(tmp_path)
    assert controller.open(demo_db)
    plan = tmp_path / "plan.csv"
    plan.write_text("Intitulé;Axe\nNouvelle action du COPIL;Innovation\n", encoding="utf-8")
    before = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    env = {key: value for key, value in os.environ.items() if not key.startswith("TI_DESKTOP_")}
    result = subprocess.run(
        [sys.executable, "-m", "ti_desktop", "import", str(plan), "--db", str(demo_db)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"« {demo_db} » est ouverte dans TI Desktop par {current_user()} sur {HERE} depuis le " in result.stderr
    assert "fermez la fenêtre avant « ti-desktop import »" in result.stderr
    assert "action créée" not in result.stdout
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == before
    controller.close()


def test_a_file_that_is_not_a_database_is_refused_untouched(qapp: object, tmp_path: Path, dialogs: list[str]) -> None:
    pdf = tmp_path / "rapport.sqlite3"
    pdf.write_bytes(b"%PDF-1.5\n" + b"x" * 500)
    controller = GuiController(
        UserDirs(tmp_path, tmp_path), QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat), fixed_clock()
    )
    assert controller.open(pdf) is False
    assert "PDF" in dialogs[0] and "n'a pas été modifié" in dialogs[0]
    assert pdf.read_bytes() == b"%PDF-1.5\n" + b"x" * 500
    assert free(pdf)  # the refused open released its lock


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
    assert free(demo_db)  # the previous database was released

    controller.switch(demo_db)
    services = controller.window.services
    tid = services.territories.resolve(None).id
    first = services.actions.for_territory(tid)[0]
    services.actions.delete(first.id)
    controller.restore(backup)  # Fichier > Restaurer une sauvegarde
    restored = controller.window.services
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
    assert dialogs[0].startswith(f"Cette base est déjà ouverte dans TI Desktop par {current_user()} sur {HERE} depuis")
    assert dialogs[0].endswith("Fermez cette fenêtre, ou ouvrez une autre base.")
    first.close()
    assert second.open(demo_db)
    second.close()


def test_a_restore_keeps_the_base_locked_throughout(
    qapp: object, tmp_path: Path, demo_db: Path, dialogs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between closing the base and reopening the restored one, no command can slip in and write."""
    from ti_desktop import app
    from ti_desktop.services.maintenance import backup_now

    controller = controller_on(tmp_path)
    assert controller.open(demo_db)
    backup = backup_now(demo_db, fixed_clock()).path
    seen_during_restore: list[bool] = []
    restore_backup = app.restore_backup

    def restore(source: Path, database: Path, clock: Clock) -> object:
        seen_during_restore.append(free(database))
        return restore_backup(source, database, clock)

    monkeypatch.setattr(app, "restore_backup", restore)
    controller.restore(backup)
    assert seen_during_restore == [False]
    assert controller.window is not None and not free(demo_db)
    controller.close()
    assert free(demo_db) and dialogs == []


def test_a_region_base_opens_on_the_region_page(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: list[str]
) -> None:
    """A Région agent chose « Consolider des rapports » in the welcome box: no territory, the Région page."""
    from ti_desktop.gui.pages.region import RegionPage

    monkeypatch.setattr("ti_desktop.app.offer_first_territory", lambda services, parent=None: True)
    settings = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    controller = GuiController(UserDirs(tmp_path, tmp_path), settings, fixed_clock())
    assert controller.open(tmp_path / "region.sqlite3")
    window = controller.window
    assert window is not None
    assert isinstance(window.pages[window.navigation.currentRow()], RegionPage)
    assert dialogs == []
    controller.close()


def test_qt_own_dialogs_speak_french(qapp: QApplication) -> None:
    """The file dialog Qt draws itself (Linux, no portal) and the standard buttons, in French — mnemonics included,
    which Qt's French catalogue lacks for « Look in: » and « Files of type: »."""
    translator = install_qt_french(qapp)
    assert translator is not None
    try:
        dialog = QFileDialog(None, "Ouvrir une base")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "&Voir dans\u00a0:"
        assert labels["fileTypeLabel"] == "Fichiers de &type\u00a0:"
        assert labels["fileNameLabel"] == "&Nom de fichier\u00a0:"
        assert not any("Look" in text or "Files of" in text for text in labels.values())
        box = QMessageBox()
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        assert sorted(button.text() for button in box.buttons()) == ["&Oui", "Annuler"]
        # The application's own texts are left as they are (French already), not emptied.
        assert QCoreApplication.translate("PlanPage", "Plan d'action") == "Plan d'action"
        assert QCoreApplication.translate("QFileDialog", "Texte inconnu de Qt") == "Texte inconnu de Qt"
        dialog.deleteLater()
        box.deleteLater()
    finally:
        qapp.removeTranslator(translator)
