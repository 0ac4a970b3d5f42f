"""Main window: title, territory selector, remembered layout, navigation requests, backup, undo menu."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.services.maintenance import OpenDatabase


class BlankPage(Page):
    """A page that shows nothing, to check navigation without depending on the other pages."""

    def title(self) -> str:
        return "Accueil"

    def reload(self) -> None:
        self.reloads = getattr(self, "reloads", 0) + 1


class EditorSpy:
    def __init__(self) -> None:
        self.calls: list[tuple[int | None, int | None, int | None]] = []

    def __call__(
        self, context: TestContext, action_id: int | None, parent: QWidget, axis_id: int | None, parent_id: int | None
    ) -> QDialog:
        self.calls.append((action_id, axis_id, parent_id))
        dialog = QDialog(parent)
        dialog.exec = lambda: 0  # type: ignore[method-assign]
        return dialog


def make_window(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, spy: EditorSpy | None = None
) -> MainWindow:
    window = MainWindow(
        context,
        context.services,
        demo_opened.database.path,
        [BlankPage(context), PlanPage(context, context.services)],
        spy or EditorSpy(),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_title_names_the_territory(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase) -> None:
    window = make_window(qtbot, context, demo_opened)
    name = demo_opened.services.territories.resolve(None).name
    assert window.windowTitle() == f"TI Desktop — {name}"
    assert not window.territory_selector.isVisible()  # one territory: no selector
    assert str(demo_opened.database.path) in window.database_label.text()


def test_territory_selector_with_several_territories(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    other = demo_opened.services.territories.create(name="Vallée de la Bresle")
    window = make_window(qtbot, context, demo_opened)
    assert window.territory_selector.isVisible() and window.territory_selector.count() == 2
    window.territory_selector.setCurrentIndex(window.territory_selector.findData(other.id))
    assert context.territory_id == other.id
    assert window.windowTitle() == "TI Desktop — Vallée de la Bresle"


def test_layout_page_and_territory_are_remembered(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    other = demo_opened.services.territories.create(name="Vallée de la Bresle")
    window = make_window(qtbot, context, demo_opened)
    window.navigation.setCurrentRow(1)
    window.territory_selector.setCurrentIndex(window.territory_selector.findData(other.id))
    window.resize(760, 600)  # within the offscreen screen (800×800): restoreGeometry clamps to it
    size = window.size()
    window.close()
    fresh = TestContext(context.services, context.settings, context.data_dir, context.clock)
    again = make_window(qtbot, fresh, demo_opened)
    assert again.navigation.currentRow() == 1
    assert fresh.territory_id == other.id
    assert again.size() == size


def test_requests_from_pages_are_routed(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase) -> None:
    spy = EditorSpy()
    window = make_window(qtbot, context, demo_opened, spy)
    context.request_plan(
        ActionFilter(territory_id=context.territory_id or 0, statuses=frozenset({ActionStatus.BLOQUEE}))
    )
    assert isinstance(window.stack.currentWidget(), PlanPage)
    context.open_action(7)
    context.new_action(3, None)
    assert spy.calls == [(7, None, None), (None, 3, None)]


def test_backup_now_updates_the_status_bar(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase) -> None:
    window = make_window(qtbot, context, demo_opened)
    assert window.backup_label.text() == "Dernière sauvegarde : aucune"
    window.backup_now()
    backups = list((demo_opened.database.path.parent / "sauvegardes").glob("*.sqlite3"))
    assert len(backups) == 1
    assert (
        window.backup_label.text().startswith("Dernière sauvegarde : ") and "aucune" not in window.backup_label.text()
    )


def test_undo_and_redo_are_in_the_edit_menu(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase) -> None:
    window = make_window(qtbot, context, demo_opened)
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [key.toString() for key in window.redo_action.shortcuts()]
    action = context.services.actions.for_territory(context.territory_id or 0)[0]
    context.editor.update(context.services.actions, action.id, "Modifier le titre", title="Nouveau titre")
    assert window.undo_action.isEnabled() and "Modifier le titre" in window.undo_action.text()
    window.undo_action.trigger()
    assert context.services.actions.get(action.id).title == action.title
    window.redo_action.trigger()
    assert context.services.actions.get(action.id).title == "Nouveau titre"


@pytest.mark.parametrize("page_row", [0, 1])
def test_navigation_switches_pages(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, page_row: int
) -> None:
    window = make_window(qtbot, context, demo_opened)
    window.navigation.setCurrentRow(page_row)
    assert window.stack.currentIndex() == page_row
