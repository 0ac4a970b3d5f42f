"""Keyboard traps (issue 21, point 3): the application's undo from any field, page shortcuts as soon as the page
shows, one date field everywhere, Tab out of multi-line fields and no tab character in the data."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.app import action_editor_opener, build_pages
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import ActionRecord
from ti_desktop.gui.date_edit import date_field, date_field_of
from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog
from ti_desktop.gui.dialogs.action_tab import SubmitDialog
from ti_desktop.gui.keyboard import install_keyboard
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.models.plan import Column
from ti_desktop.gui.pages.diagnostic_challenges import ChallengeDialog, ChallengesTab
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.gui.pages.territory import TerritoryPage
from ti_desktop.services.maintenance import OpenDatabase


def _action(context: TestContext, code: str = "INN-01") -> ActionRecord:
    for action in context.services.actions.for_territory(context.territory_id or 0):
        if action.code == code:
            return action
    raise AssertionError(code)


def _editor(qtbot: QtBot, context: TestContext, code: str = "INN-01") -> ActionEditorDialog:
    editor = ActionEditorDialog(context, context.services, _action(context, code).id)
    qtbot.addWidget(editor)
    editor.resize(1280, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()  # focus (and so the commit on focus-out) needs the active window
    QApplication.processEvents()
    return editor


class EditorSpy:
    """Stands for the fiche-action editor the window opens: records what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[int | None, int | None, int | None]] = []

    def __call__(
        self, context: TestContext, action_id: int | None, parent: QWidget, axis_id: int | None, parent_id: int | None
    ) -> QDialog:
        self.calls.append((action_id, axis_id, parent_id))
        dialog = QDialog(parent)
        dialog.exec = lambda: 0  # type: ignore[method-assign]
        return dialog


def _window(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, spy: EditorSpy) -> MainWindow:
    pages = [TerritoryPage(context, context.services), PlanPage(context, context.services)]
    window = MainWindow(context, context.services, demo_opened.database.path, pages, spy)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    QApplication.processEvents()
    return window


# -- undo from a field -------------------------------------------------------------------------
def test_ctrl_z_in_a_field_being_typed_commits_it_then_undoes_it(qtbot: QtBot, context: TestContext) -> None:
    action = _action(context)
    editor = _editor(qtbot, context)
    title = editor.ui.titleEdit
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Titre tape")
    assert context.services.actions.get(action.id).title == action.title  # not committed yet

    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # The edit was committed then undone: the base and the field hold the title as it was.
    assert context.services.actions.get(action.id).title == action.title
    assert title.text() == action.title
    assert context.undo_stack.canRedo()
    assert editor.focusWidget() is title  # the cursor stays where the user typed

    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert context.services.actions.get(action.id).title == "Titre tape"
    assert title.text() == "Titre tape"
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(title, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert context.services.actions.get(action.id).title == "Titre tape"


def test_ctrl_z_in_an_untouched_field_undoes_the_last_change(qtbot: QtBot, context: TestContext) -> None:
    action = _action(context)
    editor = _editor(qtbot, context)
    code = editor.ui.codeEdit
    code.setFocus()
    code.selectAll()
    qtbot.keyClicks(code, "INN-77")
    qtbot.keyClick(code, Qt.Key.Key_Return)  # saved
    assert context.services.actions.get(action.id).code == "INN-77"
    editor.ui.titleEdit.setFocus()  # another field, nothing typed in it
    qtbot.keyClick(editor.ui.titleEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert context.services.actions.get(action.id).code == "INN-01"
    assert code.text() == "INN-01"


def test_ctrl_z_in_a_page_field_of_the_window(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase) -> None:
    window = _window(qtbot, context, demo_opened, EditorSpy())
    page = window.show_page(TerritoryPage)
    assert page is not None
    territory = context.services.territories.get(context.territory_id or 0)
    edit = page.identity.edits["name"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Vallee test")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert context.services.territories.get(territory.id).name == territory.name
    assert edit.text() == territory.name


def test_ctrl_z_in_a_plan_cell_being_edited(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase) -> None:
    window = _window(qtbot, context, demo_opened, EditorSpy())
    page = window.show_page(PlanPage)
    assert page is not None
    action = next(
        a
        for a in context.services.actions.for_territory(context.territory_id or 0)
        if a.status is ActionStatus.EN_COURS
    )
    page.select_action(action.id)
    index = page.view.currentIndex().siblingAtColumn(Column.PROGRESS)
    page.view.edit(index)
    spin = page.view.findChild(QSpinBox)
    assert spin is not None and spin.hasFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "77")
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # The cell's edit was saved then undone: the action keeps its progress, the table shows it.
    assert context.services.actions.get(action.id).progress == action.progress
    assert page.view.currentIndex().siblingAtColumn(Column.PROGRESS).data() == f"{action.progress}\u202f%"
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert context.services.actions.get(action.id).progress == 77


def test_the_plan_search_keeps_its_own_undo(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase) -> None:
    window = _window(qtbot, context, demo_opened, EditorSpy())
    page = window.show_page(PlanPage)
    assert page is not None
    context.editor.update(context.services.actions, _action(context).id, "Titre", title="Titre change")
    depth = context.undo_stack.index()
    page.search.setFocus()
    qtbot.keyClicks(page.search, "bois")
    qtbot.keyClick(page.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.search.text() == ""  # what was typed in the search, not the data
    assert context.undo_stack.index() == depth


def test_a_form_that_saves_on_enregistrer_keeps_the_fields_own_undo(qtbot: QtBot, context: TestContext) -> None:
    editor = _editor(qtbot, context)
    editor.ui.tabs.setCurrentWidget(editor.ui.milestonesTab)
    form = editor.milestones.open_new_milestone()
    qtbot.waitExposed(form)
    depth = context.undo_stack.index()
    form.ui.titleEdit.setFocus()
    qtbot.keyClicks(form.ui.titleEdit, "Jalon")
    qtbot.keyClick(form.ui.titleEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.ui.titleEdit.text() == ""  # the field's own undo: nothing saved was touched
    assert context.undo_stack.index() == depth


# -- page shortcuts ----------------------------------------------------------------------------
def test_ctrl_n_on_the_plan_page_works_as_soon_as_it_shows(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    spy = EditorSpy()
    window = _window(qtbot, context, demo_opened, spy)
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert spy.calls == []  # the plan is not shown: its shortcut sleeps
    page = window.show_page(PlanPage)
    assert page is not None
    window.navigation.setFocus()  # no click in the table
    qtbot.keyClick(window.navigation, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(spy.calls) == 1 and spy.calls[0][0] is None  # a new fiche
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is page.search


# -- one date field ----------------------------------------------------------------------------
def _measure_form(qtbot: QtBot, context: TestContext) -> SubmitDialog:
    editor = _editor(qtbot, context, "TEC-01")
    editor.ui.tabs.setCurrentWidget(editor.ui.indicatorsTab)
    form = editor.indicators.open_new_value()
    assert form is not None
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def test_the_measure_date_is_typed_as_every_date(qtbot: QtBot, context: TestContext) -> None:
    form = _measure_form(qtbot, context)
    day = form.ui.measuredOnEdit  # type: ignore[attr-defined]
    assert isinstance(day, QLineEdit) and date_field_of(day) is not None
    assert day.text() == "21/11/2026"  # today
    for typed, shown in (("04122026", "04/12/2026"), ("15/03/2025", "15/03/2025"), ("150325", "15/03/2025")):
        day.setFocus()
        day.selectAll()
        qtbot.keyClick(day, Qt.Key.Key_Delete)
        qtbot.keyClicks(day, typed)
        qtbot.keyClick(day, Qt.Key.Key_Tab)  # Tab leaves the field at once, and tidies the digits
        assert day.text() == shown
        assert not day.hasFocus()
        assert form.focusWidget() is form.ui.valueEdit  # type: ignore[attr-defined]
    form.ui.valueEdit.setText("12")  # type: ignore[attr-defined]
    measures_before = {m.id for m in context.services.indicator_values.list()}
    form.save_button.click()
    created = [m for m in context.services.indicator_values.list() if m.id not in measures_before]
    assert [m.measured_on for m in created] == [dt.date(2025, 3, 15)]


def test_the_calendar_writes_the_chosen_day(qtbot: QtBot, context: TestContext) -> None:
    editor = _editor(qtbot, context)
    editor.ui.tabs.setCurrentWidget(editor.ui.updatesTab)
    form = editor.updates.open_new_update()
    qtbot.waitExposed(form)
    day = form.ui.reportedOnEdit
    field = date_field_of(day)
    assert field is not None
    finished: list[str] = []
    day.editingFinished.connect(lambda: finished.append(day.text()))
    popup = field.open_calendar()
    calendar = popup.findChild(QCalendarWidget)
    assert popup.isVisible() and calendar.selectedDate().toString("dd/MM/yyyy") == "21/11/2026"
    calendar.setSelectedDate(calendar.selectedDate().addDays(-3))
    view = calendar.findChild(QAbstractItemView)
    assert view is not None
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert day.text() == "18/11/2026" and finished == ["18/11/2026"]


def test_every_date_field_of_the_fiches_dialogs_is_the_same_editor(qtbot: QtBot, context: TestContext) -> None:
    editor = _editor(qtbot, context)
    editor.ui.tabs.setCurrentWidget(editor.ui.milestonesTab)
    milestone = editor.milestones.open_new_milestone()
    editor.ui.tabs.setCurrentWidget(editor.ui.fundingTab)
    funding = editor.funding.open_new_line()
    dates = [milestone.ui.dueEdit, milestone.ui.doneEdit, funding.ui.filedEdit, funding.ui.decidedEdit]
    assert all(date_field_of(edit) is not None for edit in dates)
    plain = QLineEdit()
    assert date_field_of(plain) is None
    date_field(plain)
    assert date_field_of(plain) is not None and plain.placeholderText() == "jj/mm/aaaa"


def test_every_date_field_of_the_window_is_the_one_date_field(
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
    roots: list[QWidget] = [*window.pages, _editor(qtbot, context)]
    dates = [
        edit
        for root in roots
        for edit in root.findChildren(QLineEdit)
        if edit.placeholderText().startswith("jj/mm/aaaa")
    ]
    assert len(dates) >= 6  # the fiche's three, the report's period, the territory's labelling…
    assert [edit.objectName() for edit in dates if date_field_of(edit) is None] == []


# -- Tab and multi-line fields -----------------------------------------------------------------
def test_tab_leaves_a_multi_line_field_and_no_tab_reaches_the_data(qtbot: QtBot, context: TestContext) -> None:
    install_keyboard()  # as the window does
    tab = ChallengesTab(context, context.services)
    qtbot.addWidget(tab)
    tab.reload()
    tab.add_challenge()
    dialog = tab.dialog
    assert isinstance(dialog, ChallengeDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.title_edit, "Former aux metiers du bois")
    description = dialog.description_edit
    description.setFocus()
    qtbot.keyClicks(description, "Deux lycees")
    qtbot.keyClick(description, Qt.Key.Key_Tab)
    assert "\t" not in description.toPlainText()
    assert not description.hasFocus() and dialog.focusWidget() is dialog.priority_combo
    description.insertPlainText("\tcolle\td'un tableur")  # pasted
    dialog.save_button.click()
    challenges = context.services.challenges.list(territory_id=context.territory_id)
    saved = [c for c in challenges if c.title.startswith("Former")]
    assert len(saved) == 1 and saved[0].description is not None
    assert "\t" not in saved[0].description
    assert saved[0].description == "Deux lycees colle d'un tableur"


def test_every_multi_line_field_lets_tab_leave(qtbot: QtBot, context: TestContext) -> None:
    install_keyboard()
    editor = _editor(qtbot, context)
    texts = [w for w in editor.findChildren(QPlainTextEdit) if not w.isReadOnly()]
    assert texts
    for text in texts:
        text.setFocus()
        QApplication.processEvents()
        assert text.tabChangesFocus(), text.objectName()
