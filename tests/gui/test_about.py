"""« À propos »: the version, the open base, every bundled component with its version and licence, the changelog;
the application icon on the window."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, distribution, version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from PySide6.QtCore import QSize, qVersion
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop import __version__
from ti_desktop.gui import about
from ti_desktop.gui.about import COMPONENTS, AboutDialog, ChangelogDialog, application_icon
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.pages.base import Page
from ti_desktop.services.maintenance import OpenDatabase


class BlankPage(Page):
    def title(self) -> str:
        return "Accueil"

    def reload(self) -> None:
        pass


def no_editor(*_args: object) -> None:
    raise AssertionError("no fiche-action here")


def table_rows(dialog: AboutDialog) -> dict[str, tuple[str, str]]:
    table = dialog.table
    rows = {}
    for row in range(table.rowCount()):
        name, shown_version, licence = (table.item(row, column).text() for column in range(3))
        rows[name] = (shown_version, licence)
    return rows


def runtime_distributions() -> set[str]:
    """ti-desktop's runtime dependencies, direct or not, as installed here (platform markers applied)."""
    seen: set[str] = set()
    todo = ["ti-desktop"]
    while todo:
        name = canonicalize_name(todo.pop())
        if name in seen:
            continue
        try:
            requires = distribution(name).requires or []
        except PackageNotFoundError:
            continue
        seen.add(name)
        for text in requires:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return seen - {"ti-desktop"}


def test_about_shows_version_base_and_components(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase) -> None:
    window = MainWindow(context, context.services, demo_opened.database.path, [BlankPage(context)], no_editor)
    qtbot.addWidget(window)
    dialog = window.show_about()
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "À propos de TI Desktop"
    assert dialog.version_label.text() == f"Version {__version__}"
    assert str(demo_opened.database.path) in dialog.database_label.text()
    rows = table_rows(dialog)
    assert rows["Qt"] == (qVersion(), "LGPL-3.0-only")
    assert rows["Qt Charts (graphiques)"][1] == "GPL-3.0-only"
    assert rows["Python"] == (platform.python_version(), "PSF-2.0")
    expected = {
        "PySide6 (Qt pour Python)": ("PySide6", "LGPL-3.0-only"),
        "SQLAlchemy": ("SQLAlchemy", "MIT"),
        "Alembic": ("alembic", "MIT"),
        "pandas": ("pandas", "BSD-3-Clause"),
        "openpyxl": ("openpyxl", "MIT"),
        "python-calamine": ("python-calamine", "MIT"),
        "ReportLab": ("reportlab", "BSD-3-Clause"),
        "platformdirs": ("platformdirs", "MIT"),
        "defusedxml": ("defusedxml", "PSF-2.0"),
    }
    for name, (dist, licence) in expected.items():
        assert rows[name] == (version(dist), licence), name
    assert rows["Polices DejaVu Sans (rapports PDF)"][1].startswith("Bitstream Vera")
    summary = dialog.summary()
    assert summary.startswith(f"TI Desktop {__version__}\n") and f"SQLAlchemy {version('SQLAlchemy')} (MIT)" in summary
    dialog.copy_to_clipboard()
    assert QApplication.clipboard().text() == summary


def test_every_runtime_dependency_is_listed_with_its_declared_licence() -> None:
    """A new dependency must get its line (and licence) in the About; a listed licence must match the package's."""
    listed = {canonicalize_name(component.distribution): component for component in COMPONENTS}
    missing = runtime_distributions() - set(listed)
    assert not missing, f"add these distributions to ti_desktop.gui.about.COMPONENTS: {sorted(missing)}"
    for name, component in listed.items():
        try:
            declared = distribution(name).metadata.get("License-Expression")
        except PackageNotFoundError:
            continue
        if declared:
            assert component.licence == declared, name


def test_changelog_button_shows_the_changelog(qtbot: QtBot) -> None:
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "aucune" in dialog.database_label.text()
    assert dialog.changelog_button.isVisible()  # the checkout's CHANGELOG.md
    changelog = dialog.show_changelog()
    assert isinstance(changelog, ChangelogDialog)
    text = changelog.browser.toPlainText()
    assert "Journal des modifications" in text and f"[{__version__}]" in text


def test_changelog_button_hidden_without_a_changelog(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(about, "changelog_path", lambda: None)
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.changelog_button.isVisible()
    assert dialog.show_changelog() is None


def test_changelog_prefers_the_bundled_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "CHANGELOG.md"
    bundled.write_text("# Journal des modifications\n", encoding="utf-8")
    monkeypatch.setattr(about, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert about.changelog_path() == bundled


def test_window_and_dialog_carry_the_application_icon(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    icon = application_icon()
    assert {size.width() for size in icon.availableSizes()} >= {16, 32, 48, 256}
    assert not icon.pixmap(QSize(32, 32)).isNull()
    window = MainWindow(context, context.services, demo_opened.database.path, [BlankPage(context)], no_editor)
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()
    assert {size.width() for size in window.windowIcon().availableSizes()} >= {16, 256}
