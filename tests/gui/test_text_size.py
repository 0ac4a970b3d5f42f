"""Affichage › Taille du texte: 100 % to 200 % of the system's font, kept in the settings, applied at once to
every text of the window, titles and figures included (issue 21)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from tests.gui.test_timeline import visible_point
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.pages import timeline_scene
from ti_desktop.gui.pages.dashboard import DashboardPage
from ti_desktop.gui.pages.timeline import TimelinePage
from ti_desktop.gui.pages.timeline_scene import Zoom
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


def timeline_texts(page: TimelinePage) -> list[QGraphicsSimpleTextItem]:
    """Every text the Chronologie draws, its rows all drawn."""
    scene = page.scene
    scene.show_rows(0, scene.rows_height)
    return [item for item in scene.items() if isinstance(item, QGraphicsSimpleTextItem)]


def test_the_chronologie_grows_with_the_text_and_cuts_nothing(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, restored_font: QApplication
) -> None:
    """Issue 20: no fixed pixel fonts — at 200 % the Gantt's texts and the rows, header and label column
    holding them are twice as large, rebuilt at once when the size is chosen, and every text is whole."""
    page = TimelinePage(context, context.services)
    window = MainWindow(context, context.services, demo_opened.database.path, [page], lambda *_args: None)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.show_page(TimelinePage) is page
    qtbot.waitExposed(page)
    scene = page.scene
    action_id = next(iter(scene.labels))
    bar = scene.bars[action_id]

    def measures() -> dict[str, float]:
        title = scene.labels[action_id]
        return {
            "title": QFontInfo(title.font()).pixelSize(),
            "status": QFontInfo(scene.status_labels[action_id].font()).pixelSize(),
            "row": scene.sizes.action_row,
            "bar": scene.bars[action_id].rect().height(),
            "header": page.header_view.height(),
            "corner": QFontInfo(page.corner.font()).pixelSize(),
        }

    before = measures()
    bar_span = (bar.rect().left(), bar.rect().right())
    window.text_size_actions[200].trigger()

    after = measures()
    for name, size in before.items():
        assert after[name] == pytest.approx(2 * size, abs=1), name
    # The label column grows less (its titles are elided): the chart keeps room at 1366×768.
    assert page.label_view.width() == round(1.5 * timeline_scene.LABEL_WIDTH)
    assert page.chart_view.width() > page.label_view.width() * 0.8
    assert page.corner.height() == page.header_view.height() == scene.header_rect.height()
    assert page.label_view.width() == scene.label_rect.width()
    bar = scene.bars[action_id]
    assert (bar.rect().left(), bar.rect().right()) == bar_span  # the time scale stays: only the texts grow
    for text in timeline_texts(page):  # whole: inside the scene, and inside their own row or band
        bounds = text.sceneBoundingRect()
        assert scene.sceneRect().contains(bounds), text.text()
    for title in scene.labels.values():
        bounds = title.sceneBoundingRect()
        assert bounds.left() >= scene.label_rect.left() and bounds.right() <= 0, title.text()
        assert bounds.height() <= scene.sizes.action_row
    # Bars and labels are still found under the pointer, « Aller à aujourd'hui » and the zoom still work.
    for view, item in ((page.chart_view, scene.bars[action_id]), (page.label_view, scene.labels[action_id])):
        assert view.action_at(visible_point(view, item)) == action_id
    page.zoom_buttons[Zoom.MONTH].click()
    assert page.zoom() is Zoom.MONTH and scene.sizes.action_row == after["row"]
    page.chart_view.horizontalScrollBar().setValue(0)
    page.today_button.click()
    shown = page.chart_view.mapToScene(page.chart_view.viewport().rect()).boundingRect()
    assert shown.left() < scene.scale.x(context.today) < shown.right()
    assert page.header_view.mapToScene(0, 0).x() == shown.left()  # the header follows the chart
    page.zoom_buttons[Zoom.YEAR].click()
    window.text_size_actions[100].trigger()
    assert measures() == before  # and back, no drift
