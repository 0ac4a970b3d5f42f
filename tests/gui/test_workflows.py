"""Whole user workflows through the real main window, its pages and the fiche-action editor."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.app import action_editor_opener, build_pages
from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.models.plan import Column
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.services.maintenance import OpenDatabase


def when_editor_opens(step) -> None:  # type: ignore[no-untyped-def]
    """Act in the modal fiche-action editor as soon as it shows, then close it."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ActionEditorDialog):
            QTimer.singleShot(20, act)
            return
        step(dialog)
        dialog.close()

    QTimer.singleShot(20, act)


def test_create_an_action_from_the_plan_and_find_it_in_the_table(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = MainWindow(
        context,
        context.services,
        demo_opened.database.path,
        build_pages(context, context.services),
        action_editor_opener(context.services),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    plan = window.show_page(PlanPage)
    assert isinstance(plan, PlanPage)

    def create(dialog: ActionEditorDialog) -> None:
        dialog.ui.titleEdit.setText("Atelier mutualisé de soudure")
        assert dialog.create_action()

    when_editor_opens(create)
    plan.new_action.trigger()  # Ctrl+N

    plan.search.setText("soudure")
    qtbot.waitUntil(lambda: plan.count_label.text().startswith("1 action(s)"))  # once typing pauses
    found = plan.model.matching_action_ids()
    assert len(found) == 1
    index = plan.model.index_of_action(found[0])
    assert index.siblingAtColumn(Column.TITLE).data() == "Atelier mutualisé de soudure"
    assert index.siblingAtColumn(Column.STATUS).data() == context.services.actions.get(found[0]).status.label
    window.undo_action.trigger()  # the creation is undoable from the main window
    # The search runs again (off the GUI thread) on the plan without the action.
    qtbot.waitUntil(lambda: plan.count_label.text().startswith("0 action(s)"))
    assert plan.model.matching_action_ids() == []
