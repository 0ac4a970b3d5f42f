"""The application by keyboard alone: a whole scenario driven by key events where the focus is (create a
fiche-action, add a funding line, note a decision in meeting mode, generate the report); the menus' mnemonics;
Aide › Raccourcis clavier listing the shortcuts actually registered; the focus frame the style sheet keeps."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QPushButton, QToolBar, QWidget, QWidgetAction
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.app import action_editor_opener, build_pages
from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog
from ti_desktop.gui.dialogs.action_funding import FundingLineDialog
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.meeting_mode.decision_dialog import DecisionDialog
from ti_desktop.gui.meeting_mode.window import ITEM_KEYS, OVERVIEW_KEYS, MeetingModeWindow
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.gui.pages.reports import ReportsPage
from ti_desktop.gui.shortcuts_dialog import ShortcutsDialog, key_text, plain
from ti_desktop.gui.theme import HIGH_CONTRAST, LIGHT, Theme
from ti_desktop.services.maintenance import OpenDatabase

from .conftest import TODAY

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TITLE = "Atelier de réparation de vélos"


def open_window(qtbot: QtBot, context: TestContext, opened: OpenDatabase) -> MainWindow:
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
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is not None)
    return window


class Keyboard:
    """Keys sent where the focus is, as a user's keyboard sends them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def follow(self, window: QWidget) -> None:
        """A window just opened takes the focus, as the window manager gives it (offscreen, none does)."""
        window.activateWindow()
        self.qtbot.waitUntil(
            lambda: (
                QApplication.activeWindow() is window
                and QApplication.focusWidget() is not None
                and inside(window)(self.focus)
            )
        )

    @property
    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focus, key, modifier)

    def type(self, text: str) -> None:
        """Each character a key press carrying it (QTest's keyClicks knows ASCII only: « é » as a French
        keyboard sends it, a key with its text)."""
        for character in text:
            if character.isascii():
                self.qtbot.keyClicks(self.focus, character)
            else:
                QTest.sendKeyEvent(QTest.KeyAction.Click, self.focus, Qt.Key.Key_unknown, character, NO_MODIFIER)

    def tab_to(self, reached: Callable[[QWidget], bool], backwards: bool = False, limit: int = 120) -> QWidget:
        """Tab (Maj+Tab) until the focus is on a widget `reached` says is the one."""
        for _ in range(limit):
            if reached(self.focus):
                return self.focus
            self.press(
                Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
                SHIFT if backwards else Qt.KeyboardModifier.NoModifier,
            )
        raise AssertionError(f"never reached by Tab; the focus is on {self.focus!r}")

    def arrow_to(self, current: Callable[[], str], wanted: str, limit: int = 20) -> None:
        """↓ until `current()` is `wanted` (a list's current row)."""
        for _ in range(limit):
            if current() == wanted:
                return
            self.press(Qt.Key.Key_Down)
        raise AssertionError(f"{wanted} never reached; at {current()}")


def inside(container: QWidget) -> Callable[[QWidget], bool]:
    return lambda widget: widget is container or container.isAncestorOf(widget)


def is_button(text: str) -> Callable[[QWidget], bool]:
    return lambda widget: isinstance(widget, QPushButton) and plain(widget.text()) == text


def when_modal(
    keys: Keyboard, dialog_type: type[QDialog], step: Callable[[QDialog], None], failures: list[BaseException]
) -> None:
    """Act in the modal dialog of `dialog_type` (its own event loop) as soon as it shows; a failure is kept
    for the test to raise once the loop is over."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type):
            QTimer.singleShot(20, act)
            return
        try:
            keys.follow(dialog)
            step(dialog)
        except BaseException as error:  # raised again by the test, outside Qt's loop
            failures.append(error)
            dialog.reject()

    QTimer.singleShot(20, act)


def go_to_page(keys: Keyboard, window: MainWindow, title: str) -> None:
    keys.tab_to(lambda widget: widget is window.navigation)
    keys.press(Qt.Key.Key_Home)
    keys.arrow_to(lambda: window.navigation.currentItem().text(), title)


def test_a_fiche_action_funded_decided_and_reported_with_the_keyboard_only(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = context.services
    territory_id = context.territory_id or 0
    meeting = services.steering.create(territory_id, TODAY, held_on=TODAY)  # today's comité, its agenda proposed
    window = open_window(qtbot, context, demo_opened)
    keys = Keyboard(qtbot)

    # Plan d'action, from the navigation (↓), Tab into the page, Ctrl+N: a new fiche-action.
    go_to_page(keys, window, "Plan d'action")
    plan = window.stack.currentWidget()
    assert isinstance(plan, PlanPage)
    keys.tab_to(inside(plan))
    failures: list[BaseException] = []

    def in_editor(dialog: QDialog) -> None:
        assert isinstance(dialog, ActionEditorDialog)
        ui = dialog.ui
        keys.tab_to(lambda widget: widget is ui.titleEdit)
        keys.type(TITLE)
        keys.press(Qt.Key.Key_Return)  # « Créer la fiche » is the default button while creating
        qtbot.waitUntil(lambda: dialog.action_id is not None)
        # The Financement tab (Ctrl+Tab), « Ajouter… » (Espace), the line's dialog.
        keys.press(Qt.Key.Key_Tab, CTRL)
        assert ui.tabs.currentWidget() is ui.fundingTab
        keys.tab_to(lambda widget: widget is ui.addFundingButton)
        keys.press(Qt.Key.Key_Space)
        line_dialog = QApplication.activeModalWidget()
        assert isinstance(line_dialog, FundingLineDialog)
        keys.follow(line_dialog)
        keys.tab_to(lambda widget: widget is line_dialog.ui.funderNameEdit)
        keys.type("Région Grand Est")
        keys.tab_to(lambda widget: widget is line_dialog.ui.requestedEdit)
        keys.type("150 000")
        keys.press(Qt.Key.Key_Return)  # Enregistrer
        qtbot.waitUntil(lambda: not line_dialog.isVisible())
        keys.follow(dialog)
        keys.press(Qt.Key.Key_Escape)  # closes the fiche: everything is saved

    when_modal(keys, ActionEditorDialog, in_editor, failures)
    keys.press(Qt.Key.Key_N, CTRL)
    if failures:
        raise failures[0]
    keys.follow(window)  # the fiche closed: back to the window
    created = [action for action in services.actions.for_territory(territory_id) if action.title == TITLE]
    assert len(created) == 1
    lines = services.funding.list(action_id=created[0].id)
    assert [(line.funder_name, line.amount_requested) for line in lines] == [("Région Grand Est", Decimal(150_000))]

    # Réunions: « Lancer le mode réunion » (Espace), D, the decision, Entrée; Échap leaves the mode.
    go_to_page(keys, window, "Réunions")
    keys.tab_to(is_button("Lancer le mode réunion"))
    keys.press(Qt.Key.Key_Space)
    (mode,) = [shown for shown in QApplication.topLevelWidgets() if isinstance(shown, MeetingModeWindow)]
    assert mode.isVisible()
    mode.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is mode)
    keys.press(Qt.Key.Key_D)
    decision = mode.decision_dialog
    assert isinstance(decision, DecisionDialog)
    keys.follow(decision)
    assert keys.focus is decision.text
    keys.type("Chiffrer l'atelier avec la Région")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not decision.isVisible())
    taken = services.steering.decisions(territory_id, meeting_id=meeting.id)
    assert [row.decision.text for row in taken] == ["Chiffrer l'atelier avec la Région"]
    keys.follow(mode)
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not mode.isVisible())

    # Rapports: « Générer l'aperçu » (Espace), then « Enregistrer sous… » (the file chooser answers the name).
    keys.follow(window)
    go_to_page(keys, window, "Rapports")
    reports = window.stack.currentWidget()
    assert isinstance(reports, ReportsPage)
    keys.tab_to(is_button("Générer l'aperçu"))
    keys.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: reports.save_button.isEnabled(), timeout=60_000)
    target = tmp_path / "rapport.pdf"
    monkeypatch.setattr(
        "ti_desktop.gui.pages.reports.QFileDialog.getSaveFileName", lambda *_args, **_kw: (str(target), "")
    )
    keys.tab_to(is_button("Enregistrer sous"))
    keys.press(Qt.Key.Key_Space)
    assert target.is_file()
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert TITLE in " ".join(text.split())


def mnemonic(text: str) -> str | None:
    """The letter after the single « & » of a menu text (« && » is a written ampersand)."""
    position = text.replace("&&", "\0\0").find("&")
    return text[position + 1].lower() if position >= 0 else None


def test_every_menu_and_entry_has_its_own_mnemonic(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = open_window(qtbot, context, demo_opened)
    bar = [action.text() for action in window.menuBar().actions()]
    menus: dict[str, list[str]] = {"(barre de menus)": bar}
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        menus[action.text()] = [entry.text() for entry in menu.actions() if not entry.isSeparator()]
    for name, texts in menus.items():
        letters = [mnemonic(text) for text in texts]
        assert None not in letters, f"{name}: an entry without mnemonic in {texts}"
        assert len(set(letters)) == len(letters), f"{name}: two entries share a mnemonic in {texts}"


def test_the_shortcuts_list_is_every_registered_shortcut(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = open_window(qtbot, context, demo_opened)
    plan = window.show_page(PlanPage)
    assert plan is not None
    added = QAction("Imprimer le plan", plan)  # registered now: the list must show it, no list to update
    added.setShortcut(QKeySequence("Ctrl+Shift+P"))
    plan.addAction(added)
    entry = next(action for action in window.findChildren(QAction) if plain(action.text()) == "Raccourcis clavier")
    entry.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    rows = dialog.rows()

    def listed(keys: str, action: str, where: str | None = None) -> bool:
        return any(
            key in row.keys.split(" ; ") and row.action == action and (where is None or row.where == where)
            for row in rows
            for key in keys.split(" ; ")
        )

    assert listed("Ctrl+Shift+P", "Imprimer le plan", "Plan d'action")
    assert listed("Ctrl+N", "Nouvelle action", "Plan d'action")
    assert listed("Ctrl+I", "Importer un plan d'action", "Fichier")
    assert listed("F5", "Actualiser", "Affichage")
    for action in window.findChildren(QAction):
        shortcuts = [sequence for sequence in action.shortcuts() if not sequence.isEmpty()]
        if shortcuts and action.text():
            assert listed(key_text(shortcuts), plain(action.text())), f"{action.text()} is not listed"
    for screen, mapping in (("Mode réunion (point)", ITEM_KEYS), ("Mode réunion (vue d'ensemble)", OVERVIEW_KEYS)):
        for key in mapping:
            shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            assert any(shown in row.keys.split(" ; ") and row.where == screen for row in rows), shown
    assert all(row.action for row in rows)


def test_every_tool_bar_action_has_a_shortcut(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase) -> None:
    """A tool bar's buttons take no focus (Tab skips them): its actions are reached by their shortcuts."""
    window = open_window(qtbot, context, demo_opened)
    window.pages  # noqa: B018 — builds every page, each with its tool bar
    without = [
        f"{plain(action.text())} ({bar.parentWidget().objectName() or type(bar.parentWidget()).__name__})"
        for bar in window.findChildren(QToolBar)
        for action in bar.actions()
        if not action.isSeparator()
        and not isinstance(action, QWidgetAction)  # a widget in the bar (a combo box) takes the focus itself
        and not action.shortcuts()
        and (button := bar.widgetForAction(action)) is not None
        and not button.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert without == []


@pytest.mark.parametrize("theme", [LIGHT, HIGH_CONTRAST], ids=["clair", "contraste élevé"])
def test_the_style_sheet_keeps_the_focus_visible(theme: Theme) -> None:
    sheet = theme.style_sheet().replace(" ", "")
    assert "outline:none" not in sheet and "outline:0" not in sheet
    # The primary button paints its own frame: it draws one when it has the focus.
    assert 'QPushButton[role="primary"]:focus{border:' in sheet
