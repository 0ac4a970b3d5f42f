"""« À propos de TI Desktop »: version, open base, licences of the bundled components, the changelog.

Versions come from the installed distributions' metadata (importlib.metadata), so the dialog shows what
actually runs — in a checkout, an installed wheel or a PyInstaller bundle (whose spec must copy the
metadata of these distributions). Licences are SPDX identifiers written here by hand; the tests check them
against the licence each installed distribution declares, and check that every runtime dependency of
ti-desktop is listed.

The changelog (CHANGELOG.md at the project root) is read from the bundled resources when packaging put a
copy there (`ti_desktop/_data/resources/CHANGELOG.md`), else from the checkout; the button is hidden when
neither exists.

`application_icon()` (gui/icon.py) is the one place that loads the icon (resources/icons, PNG sizes rendered from
ti-desktop.svg by tools/make_icons.py) for the application, the main window and this dialog.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from html import escape
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import ti_desktop
from ti_desktop import APP_NAME, __version__
from ti_desktop.gui.forms.ui_about_dialog import Ui_AboutDialog
from ti_desktop.gui.icon import application_icon
from ti_desktop.gui.theme import apply_roles
from ti_desktop.paths import resource_path

APP_LICENCE = "GPL-3.0-or-later"
DEJAVU_VERSION = "2.37"  # resources/fonts/DejaVuSans*.ttf (their "Version 2.37" name record)
CHANGELOG_NAME = "CHANGELOG.md"


@dataclass(frozen=True, slots=True)
class Component:
    """A bundled component: shown name, distribution whose metadata gives the version, SPDX licence."""

    name: str
    distribution: str
    licence: str


# Every runtime dependency of ti-desktop, direct or not (tests/gui/test_about.py keeps this list complete).
COMPONENTS: tuple[Component, ...] = (
    Component("PySide6 (Qt pour Python)", "PySide6", "LGPL-3.0-only"),
    Component("PySide6 Essentials", "PySide6_Essentials", "LGPL-3.0-only"),
    Component("PySide6 Addons", "PySide6_Addons", "LGPL-3.0-only"),
    Component("Shiboken6", "shiboken6", "LGPL-3.0-only"),
    Component("SQLAlchemy", "SQLAlchemy", "MIT"),
    Component("Alembic", "alembic", "MIT"),
    Component("Mako", "Mako", "MIT"),
    Component("MarkupSafe", "MarkupSafe", "BSD-3-Clause"),
    Component("typing_extensions", "typing_extensions", "PSF-2.0"),
    Component("pandas", "pandas", "BSD-3-Clause"),
    Component("NumPy", "numpy", "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0"),
    Component("python-dateutil", "python-dateutil", "BSD-3-Clause"),
    Component("six", "six", "MIT"),
    Component("tzdata", "tzdata", "Apache-2.0"),
    Component("openpyxl", "openpyxl", "MIT"),
    Component("et_xmlfile", "et_xmlfile", "MIT"),
    Component("python-calamine", "python-calamine", "MIT"),
    Component("ReportLab", "reportlab", "BSD-3-Clause"),
    Component("rl_accel (accélérateur de ReportLab)", "rl_accel", "BSD-3-Clause"),
    Component("Pillow", "pillow", "MIT-CMU"),
    Component("charset-normalizer", "charset-normalizer", "MIT"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("defusedxml", "defusedxml", "PSF-2.0"),
    Component("filelock (verrou de la base)", "filelock", "MIT"),
    Component("psycopg (PostgreSQL)", "psycopg", "LGPL-3.0-only"),
    Component("psycopg binaire (libpq)", "psycopg-binary", "LGPL-3.0-only"),
    Component("keyring (trousseau du système)", "keyring", "MIT"),
    Component("jaraco.classes", "jaraco.classes", "MIT"),
    Component("jaraco.context", "jaraco.context", "MIT"),
    Component("jaraco.functools", "jaraco.functools", "MIT"),
    Component("more-itertools", "more-itertools", "MIT"),
    Component("importlib-metadata", "importlib-metadata", "Apache-2.0"),
    Component("zipp", "zipp", "MIT"),
    Component("lazy-importer", "lazy-importer", "Apache-2.0"),
    Component("backports.tarfile", "backports.tarfile", "MIT"),
    Component("SecretStorage (trousseau sous Linux)", "SecretStorage", "BSD-3-Clause"),
    Component("jeepney (D-Bus sous Linux)", "jeepney", "MIT"),
    Component("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    Component("cffi", "cffi", "MIT-0"),
    Component("pycparser", "pycparser", "BSD-3-Clause"),
    Component("pywin32-ctypes (trousseau sous Windows)", "pywin32-ctypes", "BSD-3-Clause"),
    Component("pypdf (données jointes aux PDF)", "pypdf", "BSD-3-Clause"),
    Component("jsonschema (contrôle des rapports reçus)", "jsonschema", "MIT"),
    Component("jsonschema-specifications", "jsonschema-specifications", "MIT"),
    Component("referencing", "referencing", "MIT"),
    Component("rpds-py", "rpds-py", "MIT"),
    Component("attrs", "attrs", "MIT"),
)


@dataclass(frozen=True, slots=True)
class ComponentRow:
    name: str
    version: str
    licence: str


def distribution_version(distribution: str) -> str | None:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


def component_rows() -> list[ComponentRow]:
    """The rows of the table: the runtime (Qt, Python), each installed component, the bundled fonts."""
    rows = [
        ComponentRow("Qt", qVersion(), "LGPL-3.0-only"),
        ComponentRow("Qt Charts (graphiques)", qVersion(), "GPL-3.0-only"),
        ComponentRow("Qt PDF (aperçu des rapports)", qVersion(), "LGPL-3.0-only ; moteur PDFium : BSD-3-Clause"),
        ComponentRow("Python", platform.python_version(), "PSF-2.0"),
    ]
    for component in COMPONENTS:
        found = distribution_version(component.distribution)
        if component.distribution == "PySide6" and found is None:
            found = pyside_version  # a bundle built without the distribution's metadata
        if found is not None:
            rows.append(ComponentRow(component.name, found, component.licence))
    rows.append(
        ComponentRow(
            "Polices DejaVu Sans (rapports PDF)",
            DEJAVU_VERSION,
            "Bitstream Vera (libre) ; modifications DejaVu dans le domaine public",
        )
    )
    return rows


def changelog_path() -> Path | None:
    """The changelog shipped with the application, or the checkout's; None when there is none."""
    try:
        bundled = resource_path(CHANGELOG_NAME)
    except FileNotFoundError:
        bundled = None
    if bundled is not None and bundled.is_file():
        return bundled
    checkout = Path(ti_desktop.__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / CHANGELOG_NAME).is_file():
        return checkout / CHANGELOG_NAME
    return None


class ChangelogDialog(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Journal des modifications"))
        self.resize(720, 560)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.windowTitle())
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


class AboutDialog(QDialog):
    def __init__(self, database: Path | None = None, parent: QWidget | None = None) -> None:
        """The static layout and texts come from ui/about_dialog.ui; the version, the base, the components and
        the two action buttons are set here."""
        super().__init__(parent)
        self.ui = ui = Ui_AboutDialog()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.setWindowIcon(application_icon())
        self.rows = component_rows()
        self._changelog = changelog_path()

        ui.logoLabel.setPixmap(application_icon().pixmap(QSize(64, 64)))
        self.title_label = ui.titleLabel
        self.title_label.setText(f"<h2>{escape(APP_NAME)}</h2>")
        self.version_label = ui.versionLabel
        self.version_label.setText(self.tr("Version {version}").format(version=__version__))
        ui.licenceLabel.setText(
            self.tr(
                "Logiciel libre, distribué sous licence GNU GPL version 3 ou ultérieure ({licence}), sans aucune "
                "garantie."
            ).format(licence=APP_LICENCE)
        )
        shown = str(database) if database is not None else self.tr("aucune")
        self.database_label = ui.databaseLabel
        self.database_label.setText(self.tr("<b>Base ouverte :</b> {path}").format(path=escape(shown)))

        self.table = ui.componentTable
        self.table.setRowCount(len(self.rows))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row, component in enumerate(self.rows):
            for column, text in enumerate((component.name, component.version, component.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        buttons = ui.buttonBox
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        self.changelog_button = QPushButton(self.tr("Journal des modifications…"), self)
        self.changelog_button.clicked.connect(self.show_changelog)
        buttons.addButton(self.changelog_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.changelog_button.setVisible(self._changelog is not None)  # after addButton, which shows it
        self.copy_button = QPushButton(self.tr("Copier les informations"), self)
        self.copy_button.setToolTip(self.tr("Copie la version et les composants, à joindre à une demande d'aide."))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._database = shown

    def summary(self) -> str:
        """Plain text for a support request: version, system, base, components."""
        lines = [
            f"{APP_NAME} {__version__}",
            f"Système : {platform.platform()}",
            f"Base ouverte : {self._database}",
            "",
        ]
        lines += [f"{row.name} {row.version} ({row.licence})" for row in self.rows]
        return "\n".join(lines)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.summary())

    def show_changelog(self) -> QDialog | None:
        if self._changelog is None:
            return None
        dialog = ChangelogDialog(self._changelog, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
