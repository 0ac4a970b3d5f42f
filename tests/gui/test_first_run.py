"""First run on an empty database: the user chooses the demo territory or creates their own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.gui.dialogs.first_run import offer_first_territory
from ti_desktop.services.maintenance import open_services

from ..clock import TODAY, fixed_clock


def click_later(button_text: str) -> None:
    """Click a button of the modal dialog as soon as it shows."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, click)
            return
        for button in dialog.findChildren(QPushButton):
            if button.text() == button_text:
                button.click()
                return

    QTimer.singleShot(20, click)


def test_open_the_demo(qtbot: QtBot, tmp_path: Path) -> None:
    opened = open_services(tmp_path / "vide.sqlite3", clock=fixed_clock())
    click_later("Ouvrir la démo")
    assert offer_first_territory(opened.services) is True
    assert len(opened.services.actions.for_territory(opened.services.territories.resolve(None).id)) >= 32
    opened.close()


def test_create_a_territory(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened = open_services(tmp_path / "vide.sqlite3", clock=fixed_clock())
    answers = iter([("", True), ("Vallée de la Bresle", True)])  # an empty name first: refused, asked again
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: next(answers))
    warnings: list[str] = []

    def warn(_parent: object, _title: str, text: str) -> None:
        warnings.append(text)
        click_later("Créer un territoire")  # the welcome box comes back: try again

    monkeypatch.setattr(QMessageBox, "warning", warn)
    click_later("Créer un territoire")
    assert offer_first_territory(opened.services) is True
    assert warnings == ["Nom du territoire : ce champ est obligatoire."]
    assert [t.name for t in opened.services.territories.list()] == ["Vallée de la Bresle"]
    opened.close()


def test_quit(qtbot: QtBot, tmp_path: Path) -> None:
    opened = open_services(tmp_path / "vide.sqlite3", clock=fixed_clock())
    click_later("Quitter")
    assert offer_first_territory(opened.services) is False
    assert opened.services.territories.list() == []
    opened.close()


def test_a_region_agent_consolidates_without_a_territory_of_their_own(qtbot: QtBot, tmp_path: Path) -> None:
    opened = open_services(tmp_path / "region.sqlite3", clock=fixed_clock())
    click_later("Consolider des rapports (Région)")
    assert offer_first_territory(opened.services) is True
    assert opened.services.territories.list() == []  # nothing invented
    opened.close()


def test_a_region_base_opens_without_asking(qtbot: QtBot, tmp_path: Path, demo_db: Path) -> None:
    """Once the Région has received reports, its base (with no territory) is not « empty » any more."""
    demo = open_services(demo_db, clock=fixed_clock())
    report = demo.services.reports.write_pdf(
        demo.services.territories.list()[0].id,
        ReportOptions(dt.date(2026, 1, 1), TODAY),
        tmp_path / "rapport.pdf",
        TODAY,
    )
    demo.close()
    opened = open_services(tmp_path / "region.sqlite3", clock=fixed_clock())
    opened.services.consolidation.add_files([report])
    assert offer_first_territory(opened.services) is True  # no box: nothing to click
    opened.close()
