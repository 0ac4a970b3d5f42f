"""« Prise en main »: the steps of a territory's year, each button opening its page; shown by itself, once, on a
territory with no action yet; always in Aide."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.app import action_editor_opener, build_pages
from ti_desktop.gui.first_steps import FirstStepsDialog, steps
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.pages.diagnostic import DiagnosticPage
from ti_desktop.gui.pages.meetings import MeetingsPage
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.gui.pages.reports import ReportsPage
from ti_desktop.gui.pages.territory import TerritoryPage
from ti_desktop.services.maintenance import OpenDatabase


def window_on(qtbot: QtBot, context: TestContext, opened: OpenDatabase) -> MainWindow:
    window = MainWindow(
        context,
        context.services,
        opened.database.path,
        build_pages(context, context.services),
        action_editor_opener(context.services),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def guide_of(window: MainWindow) -> FirstStepsDialog | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstStepsDialog) and w.isVisible()]
    return shown[0] if shown and shown[0].parent() is window else None


def test_aide_holds_the_guide_whose_buttons_open_each_step_s_page(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = window_on(qtbot, context, demo_opened)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Aide")
    assert "Prise en &main" in [action.text() for action in help_menu.actions()]
    window.first_steps_action.trigger()
    guide = guide_of(window)
    assert guide is not None and guide.windowTitle() == "Prise en main"
    texts = [label.text() for label in guide.findChildren(QLabel)]
    for heading in ("1. Territoire", "2. Diagnostic", "3. Plan d'action", "4. Réunions", "5. Rapports"):
        assert heading in texts
    expected = [TerritoryPage, DiagnosticPage, PlanPage, MeetingsPage, ReportsPage]
    assert len(guide.buttons) == len(expected) == len(steps())
    for step, page_type in zip(steps(), expected, strict=True):
        window.show_first_steps()
        guide = guide_of(window)
        assert guide is not None
        button = guide.buttons[step.page]
        assert button.text() == f"Ouvrir « {window.page_title(step.page)} »"
        button.click()
        assert isinstance(window.stack.currentWidget(), page_type)  # the page shown, built on the way
        assert window.navigation.currentItem().text() == window.stack.currentWidget().title()  # type: ignore[attr-defined]
        assert guide_of(window) is None  # the guide stepped aside


def test_a_territory_without_actions_opens_on_the_guide_once(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    services = demo_opened.services
    new = services.territories.create(name="Vallée de la Bresle")
    window = window_on(qtbot, context, demo_opened)
    qtbot.wait(10)
    assert guide_of(window) is None  # the demo territory has its plan: no guide
    window.territory_selector.setCurrentIndex(window.territory_selector.findData(new.id))
    qtbot.waitUntil(lambda: guide_of(window) is not None)
    guide = guide_of(window)
    assert guide is not None
    guide.reject()
    # Back and forth, or another day: not again (the menu has it).
    window.territory_selector.setCurrentIndex(window.territory_selector.findData(services.territories.list()[0].id))
    window.territory_selector.setCurrentIndex(window.territory_selector.findData(new.id))
    qtbot.wait(10)
    assert guide_of(window) is None
    assert window.offer_first_steps() is None
    window.close()
    settings = QSettings(context.settings.fileName(), QSettings.Format.IniFormat)
    again = window_on(qtbot, TestContext(services, settings, context.data_dir, context.clock), demo_opened)
    qtbot.wait(10)
    assert guide_of(again) is None


def test_a_territory_that_has_actions_never_offers_the_guide(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = window_on(qtbot, context, demo_opened)
    assert window.offer_first_steps() is None
    assert guide_of(window) is None
