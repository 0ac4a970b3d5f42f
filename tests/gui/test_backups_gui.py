"""Backups in the window: automatic ones (at start, then every 30 minutes when the data changed), the
Restaurer une sauvegarde dialog, the recovery of a damaged base at open, and the warning for a base in a
synchronised folder."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.app import GuiController
from ti_desktop.db.lock import WINDOW, DatabaseLock
from ti_desktop.gui.dialogs.recovery_dialog import RecoveryDialog
from ti_desktop.gui.dialogs.restore_dialog import RestoreDialog
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.paths import UserDirs
from ti_desktop.services.backups import AUTOMATIC_INTERVAL, BackupService
from ti_desktop.services.maintenance import OpenDatabase, open_services

from ..clock import fixed_clock
from .test_main_window import make_window

SIZE = re.compile(r"^\d+(,\d)?\u202f(o|ko|Mo)$")


def cell(dialog: RestoreDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    assert item is not None
    return item.text()


def reasons(database: Path) -> list[str]:
    return [entry.reason for entry in BackupService(database, fixed_clock()).entries()]


def answer_questions(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def damage(path: Path) -> None:
    """Flip bytes in the page area (pages 4 and 5): SQLite's quick_check fails."""
    data = bytearray(path.read_bytes())
    for index in range(4096 * 3, 4096 * 3 + 4000, 7):
        data[index] ^= 0xFF
    path.write_bytes(bytes(data))


def click_later(button_text: str, seen: list[str] | None = None) -> None:
    """Click a button of the next modal dialog as soon as it shows (and note the dialog's text)."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog):
            QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(dialog.message.text() + "|" + ",".join(b.text() for b in dialog.findChildren(QPushButton)))
        for button in dialog.findChildren(QPushButton):
            if button.text() == button_text:
                button.click()
                return

    QTimer.singleShot(20, click)


# -- automatic backups -------------------------------------------------------------------------------


def test_a_backup_at_start_then_only_when_the_data_changed(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = make_window(qtbot, context, demo_opened)
    database = demo_opened.database.path
    assert not window.backup_timer.isActive()  # the application starts them, not the window
    window.start_automatic_backups()
    assert reasons(database) == ["demarrage"]
    assert window.backup_timer.isActive() and window.backup_timer.interval() == 30 * 60 * 1000
    assert AUTOMATIC_INTERVAL.total_seconds() == 30 * 60
    assert "aucune" not in window.backup_label.text()

    window.backup_timer.timeout.emit()  # 30 minutes later, nothing edited: no new backup
    assert reasons(database) == ["demarrage"]
    action = context.services.actions.for_territory(context.territory_id or 0)[0]
    context.editor.update(context.services.actions, action.id, "Modifier le titre", title="Titre modifié")
    window.backup_timer.timeout.emit()  # 30 minutes of editing: a backup
    assert reasons(database) == ["automatique", "demarrage"]
    latest = BackupService(database, fixed_clock()).latest()
    assert latest is not None
    assert window.backup_label.text() == f"Dernière sauvegarde : {latest.taken_at:%d/%m/%Y %H:%M}"


def test_a_failed_automatic_backup_is_shown_in_the_status_bar(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    folder = demo_opened.database.path.parent / "sauvegardes"
    folder.write_text("un fichier à la place du dossier", encoding="utf-8")
    window = make_window(qtbot, context, demo_opened)
    window.start_automatic_backups()  # no exception, no dialog
    message = window.statusBar().currentMessage()
    assert message.startswith("Sauvegarde automatique impossible : ") and "sauvegardes" in message
    assert "la dernière tentative a échoué" in window.backup_label.text()
    assert window.backup_timer.isActive()  # it will try again
    folder.unlink()
    window.backup_timer.timeout.emit()
    assert window.backup_label.text().startswith("Dernière sauvegarde : ")
    assert "échoué" not in window.backup_label.text() and "aucune" not in window.backup_label.text()


def test_backup_now_applies_the_rotation(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase) -> None:
    database = demo_opened.database.path
    first = BackupService(database, fixed_clock()).backup("automatique").path
    for day in range(1, 13):  # twelve old backups, more than a month old
        shutil.copy(first, first.with_name(f"plan-automatique-202001{day:02d}-120000-000000.sqlite3"))
    window = make_window(qtbot, context, demo_opened)
    demo_opened.clock.advance(dt.timedelta(minutes=1))
    window.backup_now()
    entries = BackupService(database, fixed_clock()).entries()
    assert len(entries) == 10 and entries[0].reason == "sauvegarde"
    assert "Sauvegarde vérifiée" in window.statusBar().currentMessage()


# -- Restaurer une sauvegarde… ---------------------------------------------------------------------------


@pytest.fixture
def three_backups(demo_opened: OpenDatabase) -> Iterator[Path]:
    """A manual backup, an automatic one after an edit, and an unreadable file among them (oldest)."""
    database = demo_opened.database.path
    backups = BackupService(database, fixed_clock())
    backups.backup("sauvegarde")
    action = demo_opened.services.actions.list()[0]
    demo_opened.services.actions.delete(action.id)
    backups.backup("automatique")
    (backups.folder / "plan-demarrage-20200101-120000-000000.sqlite3").write_bytes(b"pas une base" * 100)
    yield database


def test_the_restore_dialog_lists_the_backups_newest_first(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, three_backups: Path
) -> None:
    dialog = RestoreDialog(BackupService(three_backups, fixed_clock()))
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = [[cell(dialog, row, column) for column in range(4)] for row in range(table.rowCount())]
    assert [row[1] for row in rows] == ["automatique", "manuelle", "au démarrage"]
    remaining = len(demo_opened.services.actions.list())  # the deleted action took its sub-actions along
    assert remaining < 44 and [row[3] for row in rows] == [str(remaining), "44", "illisible"]
    assert rows[2][0] == "01/01/2020 12:00"
    assert re.match(r"^\d\d/\d\d/\d{4} \d\d:\d\d$", rows[0][0])
    assert all(SIZE.match(row[2]) for row in rows), rows
    headers = [table.horizontalHeaderItem(column) for column in range(4)]
    assert [header.text() for header in headers if header] == ["Date et heure", "Motif", "Taille", "Actions"]
    assert table.selectionModel().selectedRows()[0].row() == 0 and dialog.restore_button.isEnabled()
    table.selectRow(2)  # the unreadable one cannot be restored
    assert not dialog.restore_button.isEnabled()
    assert not dialog.empty_label.isVisibleTo(dialog)


def test_restore_asks_for_confirmation_then_asks_the_application(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, three_backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, context, demo_opened)
    requested: list[Path] = []
    window.restore_requested.connect(requested.append)
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.No)
    dialog = window.restore_backup()
    assert isinstance(dialog, RestoreDialog) and dialog.isVisible()
    dialog.table.selectRow(1)
    dialog.restore_button.click()
    assert requested == [] and dialog.isVisible()  # "Non": nothing happens
    assert "manuelle, 44 actions" in asked[0] and "La base actuelle sera d'abord sauvegardée" in asked[0]

    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.restore_button.click()
    assert requested == [BackupService(three_backups, fixed_clock()).entries()[1].path]
    assert not dialog.isVisible()


def test_another_file_can_still_be_chosen(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "cle-usb" / "ma-copie.sqlite3"
    elsewhere.parent.mkdir()
    BackupService(demo_opened.database.path, fixed_clock()).backup("sauvegarde").path.rename(elsewhere)
    window = make_window(qtbot, context, demo_opened)
    requested: list[Path] = []
    window.restore_requested.connect(requested.append)
    dialog = window.restore_backup()
    assert isinstance(dialog, RestoreDialog)
    assert dialog.table.rowCount() == 0 and dialog.empty_label.isVisible() and not dialog.restore_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kwargs: (str(elsewhere), ""))
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.other_button.click()
    assert "« ma-copie.sqlite3 »" in asked[0]
    assert requested == [elsewhere]


def test_restoring_from_the_dialog_through_the_application(
    controller: GuiController, demo_db: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert controller.open(demo_db) and controller.window is not None
    assert reasons(demo_db) == ["demarrage"]  # the start backup
    services = controller.window.services
    action = services.actions.list()[0]
    services.actions.delete(action.id)
    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog = controller.window.restore_backup()
    assert isinstance(dialog, RestoreDialog)
    dialog.restore_button.click()  # the newest: the start backup, with the action
    assert controller.window.services.actions.get(action.id).title == action.title
    assert reasons(demo_db)[:2] == ["demarrage", "avant-restauration"]  # the state before the restore is kept
    assert errors == []


# -- damaged base at open ------------------------------------------------------------------------------------


@pytest.fixture
def controller(qapp: object, tmp_path: Path) -> Iterator[GuiController]:
    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    built = GuiController(UserDirs(tmp_path, tmp_path), settings, fixed_clock())
    yield built
    built.close()


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    return shown


def damaged_with_a_backup(database: Path) -> bytes:
    opened = open_services(database, clock=fixed_clock())
    assert opened.services.backups is not None
    opened.services.backups.backup("automatique")
    opened.close()
    damage(database)
    return database.read_bytes()


def test_a_damaged_base_is_set_aside_and_the_newest_good_backup_restored(
    controller: GuiController, demo_db: Path, errors: list[str]
) -> None:
    damaged_bytes = damaged_with_a_backup(demo_db)
    seen: list[str] = []
    click_later("Restaurer cette sauvegarde", seen)
    assert controller.open(demo_db)
    text, buttons = seen[0].split("|")
    assert "est endommagée" in text and "plan.sqlite3.damaged" in text
    assert re.search(r"sauvegarde du \d\d/\d\d/\d{4} à \d\d:\d\d \(44 actions\)", text)
    assert buttons == "Restaurer cette sauvegarde,Choisir une autre sauvegarde…,Quitter"
    damaged = Path(f"{demo_db}.damaged")
    assert damaged.read_bytes() == damaged_bytes  # kept aside, untouched
    assert controller.window is not None
    assert len(controller.window.services.actions.list()) == 44
    message = controller.window.statusBar().currentMessage()
    assert message.startswith("Base restaurée depuis la sauvegarde du ") and str(damaged) in message
    assert errors == []


def test_a_damaged_base_without_backup_is_left_untouched_when_the_user_quits(
    controller: GuiController, demo_db: Path, errors: list[str]
) -> None:
    damage(demo_db)
    damaged_bytes = demo_db.read_bytes()
    seen: list[str] = []
    click_later("Quitter", seen)
    assert controller.open(demo_db) is False
    text, buttons = seen[0].split("|")
    assert "Aucune sauvegarde valide" in text
    assert buttons == "Choisir une autre sauvegarde…,Quitter"
    assert demo_db.read_bytes() == damaged_bytes and not Path(f"{demo_db}.damaged").exists()
    with DatabaseLock(demo_db, WINDOW) as lock:  # the lock was released: this takes it without an error
        lock.acquire(dt.datetime(2026, 11, 21, 9, 42, tzinfo=dt.UTC))
    assert errors == []


def test_another_backup_can_be_chosen_and_a_bad_one_is_refused(
    controller: GuiController, demo_db: Path, tmp_path: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "cle-usb"
    elsewhere.mkdir()
    good = elsewhere / "copie.sqlite3"
    shutil.copy(demo_db, good)
    damage(demo_db)
    bad = elsewhere / "rapport.sqlite3"
    bad.write_bytes(b"%PDF-1.5\n" + b"x" * 500)
    files = iter([str(bad), str(good)])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kwargs: (next(files), ""))

    def refused(_parent: object, _title: str, text: str) -> None:
        errors.append(text)
        click_later("Choisir une autre sauvegarde…")  # the recovery dialog comes back: choose again

    monkeypatch.setattr(QMessageBox, "critical", refused)
    click_later("Choisir une autre sauvegarde…")
    assert controller.open(demo_db)
    assert len(errors) == 1 and "rapport.sqlite3" in errors[0]
    assert controller.window is not None and len(controller.window.services.actions.list()) == 44
    assert Path(f"{demo_db}.damaged").exists()
    assert "« copie.sqlite3 »" in controller.window.statusBar().currentMessage()


# -- synchronised or network folder -----------------------------------------------------------------------


def test_a_synchronised_folder_is_warned_about_once_then_stays_in_the_status_bar(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, context, demo_opened)
    assert window.warn_about_location() is None and not window.location_label.isVisible()
    monkeypatch.setattr(
        "ti_desktop.paths.risky_location", lambda _path: "la base est dans un dossier synchronisé (OneDrive)"
    )
    warning = window.warn_about_location()
    assert warning is not None and "OneDrive" in warning and "dossier local" in warning
    box = window.findChild(QMessageBox, "avertissement-emplacement")
    assert isinstance(box, QMessageBox) and box.isVisible() and box.text() == warning
    assert window.location_label.isVisible() and window.location_label.toolTip() == warning
    box.close()
    window.close()

    again = make_window(
        qtbot, TestContext(context.services, context.settings, context.data_dir, context.clock), demo_opened
    )
    assert again.warn_about_location() == warning
    assert again.findChild(QMessageBox, "avertissement-emplacement") is None  # once per base
    assert again.location_label.isVisible()


def test_the_application_checks_the_location_after_opening(
    controller: GuiController, demo_db: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ti_desktop.paths.risky_location", lambda _path: "la base est sur un dossier réseau (cifs)")
    assert controller.open(demo_db) and isinstance(controller.window, MainWindow)
    assert controller.window.location_label.isVisible()
    box = controller.window.findChild(QMessageBox, "avertissement-emplacement")
    assert isinstance(box, QMessageBox) and "dossier réseau (cifs)" in box.text()
    box.close()


def test_the_backup_label_follows_a_backup_taken_by_an_import(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = make_window(qtbot, context, demo_opened)
    assert window.backup_label.text() == "Dernière sauvegarde : aucune"
    assert context.services.backups is not None
    context.services.backups.before_import()  # what an import does before it writes
    context.data_changed.emit()  # …and after
    assert "aucune" not in window.backup_label.text()
