"""Affichage › Taille du texte: 100 % to 200 % of the system's font, kept in the settings, applied at once to
every text of the window, titles and figures included (issue 21)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.pages.dashboard import DashboardPage
from ti_desktop.gui.theme import (
    BASE_FONT_PROPERTY,
    TEXT_SIZE_PROPERTY,
    TEXT_SIZE_SETTING,
    TEXT_SIZES,
    install_text_size,
    installed_text_size,
    text_size_from_settings,
)
from ti_desktop.services.maintenance import OpenDatabase


@pytest.fixture
def restored_font(qapp: QApplication) -> Iterator[QApplication]:
    """The application's font as it was before the test (the text size is the application's)."""
    before = QFont(qapp.font())
    yield qapp
    install_text_size(qapp, 100)
    qapp.setFont(before)
    qapp.setProperty(BASE_FONT_PROPERTY, None)
    qapp.setProperty(TEXT_SIZE_PROPERTY, None)


def pixels(widget: QWidget) -> int:
    return QFontInfo(widget.font()).pixelSize()


def window_on(context: TestContext, demo_opened: OpenDatabase, qtbot: QtBot) -> tuple[MainWindow, DashboardPage]:
    page = DashboardPage(context, context.services)
    window = MainWindow(context, context.services, demo_opened.database.path, [page], lambda *_args: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, page


def test_the_menu_offers_four_sizes_and_100_percent_first(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, restored_font: QApplication
) -> None:
    window, _page = window_on(context, demo_opened, qtbot)
    assert [action.text() for action in window.text_size_actions.values()] == [
        "100\u202f%",
        "125\u202f%",
        "150\u202f%",
        "200\u202f%",
    ]
    assert window.text_size_actions[100].isChecked()
    assert sum(action.isChecked() for action in window.text_size_actions.values()) == 1
    assert window.text_size_menu.title().replace("&", "") == "Taille du texte"
    assert window.text_size_menu.menuAction() in window.high_contrast_action.associatedObjects()[0].actions()


def test_200_percent_doubles_every_text_at_once_and_is_kept(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, restored_font: QApplication
) -> None:
    window, page = window_on(context, demo_opened, qtbot)
    plain = QLabel("Situation", page)  # a label with the window's own font
    tile = page.total_tile
    before = {"plain": pixels(plain), "title": pixels(page.heading), "figure": pixels(tile.value_label)}
    before["navigation"] = pixels(window.navigation)
    assert before["figure"] > before["plain"]  # a figure is drawn larger than plain text

    window.text_size_actions[200].trigger()

    after = {"plain": pixels(plain), "title": pixels(page.heading), "figure": pixels(tile.value_label)}
    after["navigation"] = pixels(window.navigation)
    for name, size in before.items():
        assert after[name] == pytest.approx(2 * size, abs=1), name
    assert window.text_size_actions[200].isChecked()
    navigation = window.navigation  # its page names whole, not cut by its width
    widest = max(navigation.visualItemRect(navigation.item(row)).width() for row in range(navigation.count()))
    names = [navigation.item(row).text() for row in range(navigation.count())]
    assert max(navigation.fontMetrics().horizontalAdvance(name) for name in names) < widest
    assert navigation.horizontalScrollBar().maximum() == 0
    late = page.late_section.view  # the rows of a table grow with their text
    assert late.verticalHeader().defaultSectionSize() >= late.fontMetrics().height()
    assert late.rowHeight(0) >= late.fontMetrics().height()
    assert context.settings.value(TEXT_SIZE_SETTING) == 200
    assert installed_text_size() == 200
    assert "200" in window.statusBar().currentMessage()
    # A label made after the change is at the new size too.
    assert pixels(QLabel("nouveau")) == pytest.approx(2 * before["plain"], abs=1)
    # And back: every text at its size again (no drift).
    window.text_size_actions[100].trigger()
    assert {"plain": pixels(plain), "title": pixels(page.heading), "figure": pixels(tile.value_label)} == {
        name: before[name] for name in ("plain", "title", "figure")
    }


def test_the_chosen_size_is_read_back_at_the_next_start(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, restored_font: QApplication
) -> None:
    context.settings.setValue(TEXT_SIZE_SETTING, 150)
    assert text_size_from_settings(context.settings) == 150
    window, _page = window_on(context, demo_opened, qtbot)
    assert window.text_size_actions[150].isChecked()
    for unknown in ("175", "grand", ""):
        context.settings.setValue(TEXT_SIZE_SETTING, unknown)
        assert text_size_from_settings(context.settings) == 100
    assert TEXT_SIZES == (100, 125, 150, 200)


def test_the_size_is_of_the_system_s_font_not_of_the_last_one(restored_font: QApplication) -> None:
    """125 % then 150 % is 150 % of the system's size, not 187,5 %."""
    system = QFontInfo(restored_font.font()).pointSizeF()
    install_text_size(restored_font, 125)
    install_text_size(restored_font, 150)
    assert restored_font.font().pointSizeF() == pytest.approx(1.5 * system)
