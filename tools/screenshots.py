"""Screenshots of every page of the main window (and of the fiche-action editor) on the demo territory.

Run: `QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUTPUT_DIR]` (default: docs/captures).
Uses a temporary database and temporary settings; the user's data is never touched.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget

from ti_desktop.app import build_pages, install_qt_french, open_action_editor
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.maintenance import open_services

TODAY = dt.date(2026, 11, 21)
PAGE_FILES = ["tableau-de-bord", "territoire", "diagnostic", "plan-d-action", "chronologie", "annuaire", "rapports"]


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> None:
    output = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/captures")
    output.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    install_qt_french(app)
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "demo.sqlite3"
        opened = open_services(database)
        create_demo_territory(opened.services)
        settings = QSettings(str(Path(folder) / "reglages.ini"), QSettings.Format.IniFormat)
        context = AppContext(opened.services, settings, Path(folder), today=lambda: TODAY)
        window = MainWindow(context, database, build_pages(context), open_action_editor)
        window.resize(1440, 900)
        window.show()
        settle(app)
        for row, name in enumerate(PAGE_FILES):
            window.navigation.setCurrentRow(row)
            settle(app)
            window.grab().save(str(output / f"{name}.png"))
        action = next(a for a in opened.services.actions.for_territory(context.territory_id or 0) if a.code == "FON-02")
        dialog = open_action_editor(context, action.id, window, None, None)
        dialog.resize(1100, 800)
        dialog.show()
        settle(app)
        tabs = dialog.findChild(QTabWidget)
        if tabs is not None:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle(app)
                dialog.grab().save(str(output / f"fiche-action-{index + 1}.png"))
        QTimer.singleShot(0, dialog.close)
        dialog.close()
        window.close()
        opened.close()
    print(f"captures written to {output}")


if __name__ == "__main__":
    main()
