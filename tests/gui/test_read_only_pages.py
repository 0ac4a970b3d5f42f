"""A territory the role may only read, on every page that can change it: each field shows its value and takes
no input, what would change something is gone or disabled (buttons, menu entries, shortcuts), a record opened
from a list shows for reading; then an editable territory chosen in the same window makes it all editable again.

The window sets the reason from the shared base's rights (tests/server/test_access_pages.py does it on a real
PostgreSQL); here the context gets it as the window gives it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.access import AccessLevel, TerritoryRights
from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog
from ti_desktop.gui.dialogs.record_form import SaveDialog
from ti_desktop.gui.pages.diagnostic import DiagnosticPage
from ti_desktop.gui.pages.directory import DirectoryPage
from ti_desktop.gui.pages.meetings import MeetingsPage
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.gui.pages.region import RegionPage
from ti_desktop.gui.pages.reports import ReportsPage
from ti_desktop.gui.pages.territory import TerritoryPage

from .test_action_editor import action_by_code, open_editor, show_tab

READING = TerritoryRights(level=AccessLevel.LECTURE, owner=False).read_only_reason
assert READING is not None


def taking_input(root: QWidget, allowed: Iterable[QWidget] = ()) -> list[str]:
    """What under `root` a user could type in, tick, choose or press (its object name or class), except
    `allowed` (and what they hold). The pieces of a combo or a spin box are the combo's, a tab bar's arrows only
    scroll, a dialog opened from `root` is a window of its own."""
    skipped: set[QWidget] = set()
    for widget in allowed:
        skipped.add(widget)
        skipped.update(widget.findChildren(QWidget))
    for widget in [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]:
        skipped.update(widget.findChildren(QWidget))
    found = []
    for widget in root.findChildren(QWidget):
        if widget in skipped or widget.window() is not root.window() or isinstance(widget.parent(), QTabBar):
            continue
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            takes = not widget.isReadOnly()
        elif isinstance(widget, QCheckBox | QRadioButton | QComboBox):
            takes = widget.isEnabled()
        elif isinstance(widget, QAbstractButton):
            takes = widget.objectName() != "qt_tableview_cornerbutton" and not widget.isHidden()
        elif isinstance(widget, QAbstractItemView):
            takes = widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
        else:
            takes = False
        if takes:
            found.append(widget.objectName() or type(widget).__name__)
    return found


W = TypeVar("W", bound=QWidget)


def shown(qtbot: QtBot, widget: W) -> W:
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return widget


def tab_at(tabs: QTabWidget, index: int) -> QWidget:
    """The tab at `index`, shown (a tab fills itself when first shown)."""
    tabs.setCurrentIndex(index)
    tab = tabs.widget(index)
    assert tab is not None
    return tab


def open_dialog(page: QWidget) -> QDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert len(dialogs) == 1, dialogs
    return dialogs[0]


def assert_shown_for_reading(dialog: QDialog) -> None:
    """A record form opened from a list in a read-only territory: its fields for reading, « Fermer » only."""
    assert isinstance(dialog, SaveDialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    assert box.button(QDialogButtonBox.StandardButton.Ok).isHidden()  # no « Enregistrer »
    close = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert close.text() == "Fermer" and not close.isHidden()
    assert dialog.windowTitle().endswith("(lecture seule)")
    assert taking_input(dialog, allowed=[close]) == []
    filled = [edit.text() for edit in dialog.findChildren(QLineEdit) if edit.text()]
    filled += [edit.toPlainText() for edit in dialog.findChildren(QPlainTextEdit) if edit.toPlainText()]
    assert filled, "the record's values are shown"
    dialog.accept()  # Entrée: closes, saves nothing
    assert not dialog.isVisible()


# -- the pages --------------------------------------------------------------------------------------
def test_the_territory_page_reads_then_edits_again(qtbot: QtBot, context: TestContext) -> None:
    page = shown(qtbot, TerritoryPage(context, context.services))
    editable_before = taking_input(page)
    assert "nameEdit" in editable_before and "addButton" in editable_before
    name = page.identity.edits["name"]
    editable_background = name.palette().color(QPalette.ColorRole.Base)
    context.set_read_only(READING)
    assert taking_input(page) == []
    assert name.text() == context.services.territories.get(context.territory_id or 0).name
    # It looks like a field that takes no input: the background of the table's alternate rows.
    assert name.palette().color(QPalette.ColorRole.Base) == name.palette().color(QPalette.ColorRole.AlternateBase)
    assert name.palette().color(QPalette.ColorRole.Base) != editable_background
    assert page.custom_fields_button.isHidden()
    # An intercommunalité double-clicked shows its detail for reading.
    page.epcis.view.selectRow(0)
    page.epcis.edit_current()
    assert_shown_for_reading(open_dialog(page))
    context.set_read_only(None)  # an editable territory chosen in the same window
    assert taking_input(page) == editable_before
    assert name.palette().color(QPalette.ColorRole.Base) == editable_background


def test_the_diagnostic_reads_then_edits_again(qtbot: QtBot, context: TestContext) -> None:
    page = shown(qtbot, DiagnosticPage(context, context.services))
    tabs = page.tabs
    before = []
    for index in range(tabs.count()):
        before.append(taking_input(tab_at(tabs, index)))
    assert all(before)
    context.set_read_only(READING)
    for index in range(tabs.count()):
        assert taking_input(tab_at(tabs, index), allowed=[page.challenges.unanswered_only]) == [], index
    assert page.portrait.title_edit.text()  # the section's title shown
    assert page.challenges.unanswered_only.isEnabled()  # a filter: reading is what is left to do
    tabs.setCurrentWidget(page.swot)
    quadrant = next(q for q in page.swot.quadrants.values() if q.count())
    quadrant.view.setCurrentIndex(quadrant.model.index(0, 0))
    quadrant.edit_current()  # double-click: the item's detail, for reading
    assert_shown_for_reading(open_dialog(page))
    tabs.setCurrentWidget(page.companies)
    page.companies.view.selectRow(0)
    page.companies.edit_current()
    assert_shown_for_reading(open_dialog(page))
    context.set_read_only(None)
    after = []
    for index in range(tabs.count()):
        after.append(taking_input(tab_at(tabs, index)))
    assert after == before


def test_the_meetings_page_reads_then_edits_again(qtbot: QtBot, context: TestContext) -> None:
    page = shown(qtbot, MeetingsPage(context, context.services))
    assert page.meetings(), "the demo has meetings"
    detail = page.detail
    before = taking_input(page)
    assert {"placeEdit", "notesEdit", "newButton", "participantsButton", "addFreeButton"} <= set(before)
    context.set_read_only(READING)
    minutes = detail.minutes
    register = page.register
    left = taking_input(
        page, allowed=[minutes, minutes.button, register.state_filter, register.owner_filter, register.search]
    )
    assert left == [register.open_button.objectName()]  # « Ouvrir la fiche » only reads
    assert not minutes.button.isHidden()  # the minutes in PDF: a reading too
    assert detail.place_edit.isReadOnly() and not detail.kind_combo.isEnabled()
    assert detail.mode_button.isHidden() and detail.close_button.isHidden()
    assert all(not shortcut.isEnabled() for shortcut in detail.agenda_shortcuts)  # Suppr, Alt+↑, Alt+↓
    # Suppr in the agenda removes nothing.
    count = detail.agenda_model.rowCount()
    if count:
        detail.agenda_view.setFocus()
        detail.agenda_view.selectRow(0)
        QTest.keyClick(detail.agenda_view, Qt.Key.Key_Delete)
        assert detail.agenda_model.rowCount() == count
    # The register's menu offers to open the fiche, not to change a decision's state.
    page.tabs.setCurrentWidget(register)
    register.state_filter.setCurrentIndex(0)  # every decision
    if register.model.rowCount():
        register.view.selectRow(0)
        menu = register.context_menu()
        assert [a.text() for a in menu.actions() if not a.isSeparator()] == [register.open_button.text()]
        menu.close()
    context.set_read_only(None)
    page.tabs.setCurrentIndex(0)
    assert taking_input(page) == before
    assert all(shortcut.isEnabled() for shortcut in detail.agenda_shortcuts)


def test_the_directory_reads_when_no_territory_may_be_changed(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Annuaire is the base's: read-only when the role may change none of its territories."""
    held = {"levels": frozenset({AccessLevel.LECTURE})}
    monkeypatch.setattr(context.services.access, "levels", lambda: held["levels"])
    page = shown(qtbot, DirectoryPage(context, context.services))
    before = taking_input(page)
    assert {"newButton", "editButton", "deleteButton"} <= set(before)
    context.set_read_only(READING)
    assert taking_input(page, allowed=[page.search, page.kind_filter]) == []
    page.view.selectRow(0)
    page.edit_current()  # double-click: the actor's detail, for reading
    assert_shown_for_reading(open_dialog(page))
    context.set_read_only(None)
    assert taking_input(page) == before
    # A role that may edit another territory of the base may change the Annuaire, as the server allows.
    held["levels"] = frozenset({AccessLevel.LECTURE, AccessLevel.EDITION})
    context.set_read_only(READING)
    assert taking_input(page) == before


def test_the_reports_page_reads_without_marking_sent(qtbot: QtBot, context: TestContext) -> None:
    page = shown(qtbot, ReportsPage(context, context.services))
    assert not page.mark_sent_button.isHidden()
    context.set_read_only(READING)
    assert page.mark_sent_button.isHidden()  # it would take a snapshot of the plan: a write
    assert not page.generate_button.isHidden() and page.generate_button.isEnabled()  # making the report only reads
    context.set_read_only(None)
    assert not page.mark_sent_button.isHidden()


def test_the_region_page_adds_reports_only_with_a_region_access(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Received reports are the `region` roles' on a shared base, whichever territory is shown."""
    held: dict[str, frozenset[AccessLevel] | None] = {"levels": frozenset({AccessLevel.EDITION})}
    monkeypatch.setattr(context.services.access, "levels", lambda: held["levels"])
    page = shown(qtbot, RegionPage(context, context.services))
    adding = (page.add_files_button, page.add_folder_button, page.remove_button)
    assert all(button.isHidden() for button in adding)
    assert page.access_note.isVisible() and "niveau « Région »" in page.access_note.text()
    assert not page.export_button.isHidden()  # the synthesis is written from what is read
    held["levels"] = frozenset({AccessLevel.REGION})
    context.set_read_only(READING)  # the window's next territory choice: the page asks again
    assert not any(button.isHidden() for button in adding)
    assert not page.access_note.isVisible()
    held["levels"] = None  # a file base, or the base's owner
    context.set_read_only(None)
    assert not any(button.isHidden() for button in adding)


def test_the_plan_reads_then_edits_again(qtbot: QtBot, context: TestContext) -> None:
    page = shown(qtbot, PlanPage(context, context.services))
    changing = (page.new_action, page.new_sub_action, page.duplicate_action, page.delete_action)
    context.set_read_only(READING)
    assert not any(action.isEnabled() for action in changing)
    assert page.new_action.toolTip() == READING
    model = page.model
    line = model.index(0, 0, model.index(0, 0))
    assert not model.flags(line) & Qt.ItemFlag.ItemIsEditable
    assert page.search.isEnabled() and not page.search.isReadOnly()  # the filters stay
    context.set_read_only(None)
    assert all(action.isEnabled() for action in changing)
    assert page.new_action.toolTip() == page.new_action.text()


# -- the fiche's tables -----------------------------------------------------------------------------
def read_only_fiche(qtbot: QtBot, context: TestContext) -> ActionEditorDialog:
    context.set_read_only(READING)
    return open_editor(qtbot, context)


def test_a_funding_line_double_clicked_in_a_read_only_fiche_shows_for_reading(
    qtbot: QtBot, context: TestContext
) -> None:
    action = action_by_code(context, "INN-01")
    lines = context.services.funding.list(action_id=action.id)
    assert lines
    dialog = read_only_fiche(qtbot, context)
    show_tab(dialog, dialog.ui.fundingTab)
    view = dialog.ui.fundingView
    view.selectRow(0)
    rect = view.visualRect(view.model().index(0, 1))
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = dialog.funding.open_selected_line()
    assert form is not None
    assert_shown_for_reading(form)
    assert context.services.funding.list(action_id=action.id) == lines


def test_a_milestone_double_clicked_in_a_read_only_fiche_shows_for_reading(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    milestones = context.services.milestones.list(action_id=action.id)
    assert milestones
    dialog = read_only_fiche(qtbot, context)
    show_tab(dialog, dialog.ui.milestonesTab)
    dialog.ui.milestonesView.selectRow(0)
    form = dialog.milestones.open_selected_milestone()
    assert form is not None
    assert_shown_for_reading(form)
    assert context.services.milestones.list(action_id=action.id) == milestones


def test_the_custom_fields_of_a_read_only_fiche_take_no_input(qtbot: QtBot, context: TestContext) -> None:
    """Built when their tab is first shown, after the fiche was made read-only: read-only too."""
    fields = context.services.custom_fields
    made = [
        fields.define(context.territory_id or 0, "Cibles", CustomFieldKind.TEXT),
        fields.define(context.territory_id or 0, "Prioritaire", CustomFieldKind.FLAG),
    ]
    dialog = read_only_fiche(qtbot, context)
    show_tab(dialog, dialog.custom_tab)
    QApplication.processEvents()
    widgets = dialog.custom_fields.widgets
    assert set(widgets) == {field.id for field in made}
    assert taking_input(dialog.custom_tab) == []
    assert all(widget.isVisibleTo(dialog) for widget in widgets.values())  # shown, with their values


def test_every_tab_of_a_read_only_fiche_takes_no_input(qtbot: QtBot, context: TestContext) -> None:
    dialog = read_only_fiche(qtbot, context)
    ui = dialog.ui
    for index in range(ui.tabs.count()):
        tab = tab_at(ui.tabs, index)
        QApplication.processEvents()
        assert taking_input(tab, allowed=[ui.openDocumentButton]) == [], ui.tabs.tabText(index)


# -- undo and redo ----------------------------------------------------------------------------------
def test_undo_and_redo_write_nothing_from_a_read_only_territory(qtbot: QtBot, context: TestContext) -> None:
    """An edit made in an editable territory, then a read-only one shown: Annuler writes nothing, says why."""
    tid = context.territory_id or 0
    territories = context.services.territories
    before = territories.get(tid).phase
    context.editor.update(territories, tid, "Territoire : modifier « Phase »", phase="Phase d'essai")
    messages: list[str] = []
    context.status_message.connect(messages.append)
    context.set_read_only(READING)
    assert context.undo_stack.canUndo()
    context.undo_stack.undo()
    assert territories.get(tid).phase == "Phase d'essai"  # nothing written
    assert messages == [f"Annuler « Territoire : modifier « Phase » » est impossible : {READING}"]
    assert not context.undo_stack.canUndo() and not context.undo_stack.canRedo()  # nothing left to replay
    context.set_read_only(None)
    context.editor.update(territories, tid, "Territoire : modifier « Phase »", phase=before)
    context.undo_stack.undo()  # editable again: undo writes
    assert territories.get(tid).phase == "Phase d'essai"
