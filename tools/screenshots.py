"""Screenshots of every page of the main window (and of the Relevé de décisions, the fiche-action editor, the
import wizard's columns and validation pages, and the export dialog) on the demo territory; the Région page with
20 territories' reports received.

Run: `QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUTPUT_DIR] [clair|contraste-eleve]` (default:
docs/captures, in the light theme).
Uses a temporary database and temporary settings; the user's data is never touched.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget

from ti_desktop.app import action_editor_opener, build_pages, install_qt_french
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.export_dialog import ExportDialog
from ti_desktop.gui.dialogs.import_wizard import ImportWizard
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.pages.meetings import MeetingsPage
from ti_desktop.gui.theme import LIGHT, THEMES, install_theme
from ti_desktop.kernel.clock import FixedClock
from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.maintenance import open_services
from ti_desktop.services.registry import Services

TODAY = dt.date(2026, 11, 21)
PAGE_FILES = [
    "tableau-de-bord",
    "territoire",
    "diagnostic",
    "plan-d-action",
    "chronologie",
    "reunions",
    "annuaire",
    "rapports",
    "region",
]


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


# A partner's plan as people send it: their own headers, a date and an amount that cannot be read.
SAMPLE_PLAN = "\n".join(
    [
        "N°;Intitulé de l'action;Thématique;Porteur;Date de démarrage;Échéance;Coût total HT;Remarques",
        "P-01;Pépinière d'entreprises industrielles de Bitche;Foncier;CC du Pays de Bitche;01/02/2027;30/06/2028;"
        "1 250 000 €;Bâtiment de 1 200 m² à rénover",
        "P-02;Formation de soudeurs et chaudronniers;Compétences;Lycée Teyssier;01/09/2027;30/06/2028;45 000;"
        "Avec France Travail",
        "P-03;Atelier partagé de prototypage;Innovation;Pôle Plasturgie de l'Est;31/02/2027;31/12/2027;300 000;"
        "Imprimantes 3D",
        "P-04;Diagnostics énergie des PME;Transition écologique;CCI Moselle;01/03/2027;31/12/2027;environ 80 k€;",
        "P-05;Navette domicile-travail zone de Sarreguemines;Mobilité;Syndicat mixte des transports;01/01/2028;"
        "31/12/2028;150 000;Étude en cours",
    ]
)


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def capture_exchange(app: QApplication, context: AppContext, window: MainWindow, folder: Path, output: Path) -> None:
    """The import wizard's columns and validation pages on a partner's plan, and the export dialog."""
    sample = folder / "plan-partenaires.csv"
    sample.write_text(SAMPLE_PLAN, encoding="utf-8")
    wizard = ImportWizard(context, window.services, window)
    wizard.resize(1100, 720)
    wizard.show()
    wizard.file_page.set_path(sample)
    wait_until(app, wizard.file_page.isComplete)
    wizard.next()
    settle(app)
    wizard.grab().save(str(output / "import-correspondance.png"))
    wizard.next()
    wait_until(app, lambda: not wizard.validation_page.is_running())
    settle(app)
    wizard.grab().save(str(output / "import-verification.png"))
    wizard.reject()
    export = ExportDialog(context, window.services, window)
    export.show()
    settle(app)
    export.grab().save(str(output / "export.png"))
    export.reject()


REGION_TERRITORIES = [
    "Sarre-Vosges du Nord", "Ardennes", "Vallée de la Meuse", "Nord Franche-Comté", "Pays de Montbéliard",
    "Alsace du Nord", "Sud Alsace", "Troyes-Aube", "Chaumont-Langres", "Épinal", "Saint-Dié-des-Vosges", "Lunéville",
    "Pays Haut Val d'Alzette", "Thionville", "Forbach", "Reims", "Châlons-en-Champagne", "Vitry-le-François", "Sedan",
    "Saverne",
]  # fmt: skip


def receive_region_reports(services: Services, territory_id: int, folder: Path) -> None:
    """20 territories' reports for the Région page: the demo's, under other names and codes, with other figures
    (two of them more than six months old, two with a report for 2025 too), added to the consolidation."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.gui.region_reports import demo_document, save, variant

    demo = demo_document(services, territory_id, dt.date(2026, 1, 1), TODAY)
    received = folder / "rapports-recus"
    received.mkdir()
    paths: list[Path] = []
    for number, name in enumerate(REGION_TERRITORIES):
        territory = {"name": f"Territoire d'industrie {name}", "code": f"TI-{number + 1:02d}-{number * 7 + 3:03d}"}
        document = variant(
            demo,
            **territory,
            factor=Decimal(number % 5 + 1) / Decimal(2),
            generated_on=dt.date(2026, 3, 2) if number in (3, 11) else None,
        )
        paths.append(save(document, received / f"rapport-{number + 1:02d}.json"))
        if number in (1, 5):
            older = variant(
                demo,
                **territory,
                period=(dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
                generated_on=dt.date(2026, 1, 6),
            )
            paths.append(save(older, received / f"rapport-{number + 1:02d}-2025.json"))
    services.consolidation.add_files(paths)


def capture_register(app: QApplication, window: MainWindow, output: Path) -> None:
    """The Relevé de décisions tab of the Réunions page, on every decision (pending ones first in the list)."""
    page = window.show_page(MeetingsPage)
    assert isinstance(page, MeetingsPage)
    page.show_register(None)
    overdue = [row for row in page.register.shown_rows() if row.is_overdue(TODAY)]
    if overdue:
        page.register.select_decision(overdue[0].id)
    settle(app)
    window.grab().save(str(output / "releve-decisions.png"))
    page.tabs.setCurrentIndex(0)


def main() -> None:
    output = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/captures")
    output.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    install_qt_french(app)
    theme = THEMES[sys.argv[2]] if len(sys.argv) > 2 else LIGHT
    install_theme(app, theme)
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "demo.sqlite3"
        opened = open_services(database, clock=FixedClock.on(TODAY))
        create_demo_territory(opened.services)
        settings = QSettings(str(Path(folder) / "reglages.ini"), QSettings.Format.IniFormat)
        context = AppContext(opened.services.versions, settings, Path(folder), opened.clock, theme=theme)
        window = MainWindow(
            context,
            opened.services,
            database,
            build_pages(context, opened.services),
            action_editor_opener(opened.services),
        )
        window.resize(1440, 900)
        window.show()
        settle(app)
        receive_region_reports(opened.services, context.territory_id or 0, Path(folder))
        for row, name in enumerate(PAGE_FILES):
            window.navigation.setCurrentRow(row)
            settle(app)
            window.grab().save(str(output / f"{name}.png"))
        capture_register(app, window, output)
        action = next(a for a in opened.services.actions.for_territory(context.territory_id or 0) if a.code == "FON-02")
        dialog = action_editor_opener(opened.services)(context, action.id, window, None, None)
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
        capture_exchange(app, context, window, Path(folder), output)
        window.close()
        opened.close()
    print(f"captures written to {output}")


if __name__ == "__main__":
    main()
