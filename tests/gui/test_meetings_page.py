"""Réunions page: meetings list and detail, a new meeting with its proposed agenda, agenda edits and order (undoable),
participants, closing, the projector mode, the minutes PDF, and the Relevé de décisions."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import ActionStatus, DecisionState, MeetingKind
from ti_desktop.gui.pages.meetings import MeetingsPage
from ti_desktop.gui.pages.meetings_dialogs import (
    ActionPickerDialog,
    AgendaItemDialog,
    NewMeetingDialog,
    ParticipantsDialog,
)
from ti_desktop.gui.pages.meetings_register import RegisterColumn
from ti_desktop.gui.theme import LIGHT
from ti_desktop.kernel.formatting import format_date

from .conftest import TODAY

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def make_page(qtbot: QtBot, context: TestContext) -> MeetingsPage:
    page = MeetingsPage(context, context.services)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def tid(context: TestContext) -> int:
    assert context.territory_id is not None
    return context.territory_id


def agenda_ids(context: TestContext, meeting_id: int) -> list[int]:
    return [item.id for item in context.services.steering.agenda(meeting_id)]


def shown_agenda_titles(page: MeetingsPage) -> list[str]:
    model = page.detail.agenda_model
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def current_meeting(page: MeetingsPage) -> int:
    meeting_id = page.current_meeting_id()
    assert meeting_id is not None
    return meeting_id


def create_meeting(qtbot: QtBot, page: MeetingsPage, place: str = "Salle du conseil, Hoffelbach") -> int:
    """Through the dialog, with today's date and two participants; returns the new meeting's id."""
    context = page.context
    before = {m.id for m in context.services.steering.of_territory(tid(context))}
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, NewMeetingDialog)
    dialog.place_edit.setText(place)
    actors = context.services.actors.list()
    for actor in actors[:2]:
        dialog.picker.set_checked(actor.id)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    created = [m for m in context.services.steering.of_territory(tid(context)) if m.id not in before]
    assert len(created) == 1
    return created[0].id


def say_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: QWidget, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


# -- the list and the detail ------------------------------------------------------------------------------------------
def test_meetings_are_listed_newest_first_and_the_newest_is_shown(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    meetings = context.services.steering.of_territory(tid(context))
    assert page.title() == "Réunions"
    model = page.list_model
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [format_date(m.held_on) for m in meetings]
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == ["25/06/2026", "20/03/2025"]
    assert model.index(0, 1).data() == "Comité de pilotage"
    assert model.index(0, 2).data() == "À clore"  # held, never closed
    assert page.count_label.text() == "2 réunion(s)"
    detail = page.detail
    assert detail.title_label.text() == "Comité de pilotage du 25/06/2026"
    assert detail.date_edit.text() == "25/06/2026"
    overview = context.services.steering.overview(meetings[0].id)
    assert shown_agenda_titles(page) == [item.title for item in overview.items]
    assert detail.decisions_model.rowCount() == len(overview.decisions) == 6
    assert detail.participants_box.title() == "Participants (18)"
    assert [actor.name for actor in context.services.participants.of(meetings[0].id)] == detail.participant_names()
    assert "Émilie Roth" in detail.participant_names()


def test_the_meetings_fields_are_saved_when_left_and_undone(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    meeting_id = current_meeting(page)
    detail = page.detail
    detail.place_edit.setText("Mairie de Valmont-sur-Sarre")
    detail.place_edit.editingFinished.emit()
    assert context.services.meetings.get(meeting_id).place == "Mairie de Valmont-sur-Sarre"
    detail.kind_combo.setCurrentIndex(detail.kind_combo.findData(MeetingKind.COMITE_TECHNIQUE.value))
    detail.kind_combo.activated.emit(detail.kind_combo.currentIndex())
    assert context.services.meetings.get(meeting_id).kind == MeetingKind.COMITE_TECHNIQUE
    assert detail.title_label.text() == "Comité technique du 25/06/2026"
    context.undo_stack.undo()
    context.undo_stack.undo()
    meeting = context.services.meetings.get(meeting_id)
    assert meeting.kind == MeetingKind.COMITE_PILOTAGE
    assert meeting.place is not None and meeting.place.startswith("Salle du conseil")
    assert detail.place_edit.text() == meeting.place


def test_an_unreadable_date_is_refused_under_the_field(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    meeting_id = current_meeting(page)
    detail = page.detail
    detail.date_edit.setText("31/02/2026")
    detail.date_edit.editingFinished.emit()
    assert "n'existe pas dans le calendrier" in detail.errors.text("held_on")
    assert context.services.meetings.get(meeting_id).held_on.isoformat() == "2026-06-25"
    assert context.undo_stack.count() == 0


# -- a new meeting ----------------------------------------------------------------------------------------------------
def test_a_new_meeting_gets_the_proposed_agenda_and_undo_removes_it(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    services = context.services
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, NewMeetingDialog)
    assert dialog.date_edit.text() == "21/11/2026"  # today by default
    proposals = services.steering.propose_agenda(tid(context), TODAY)
    assert dialog.proposal_label.text().startswith(f"{len(proposals)} point(s) proposé(s)")
    dialog.picker.search.setText("keller")
    assert [name.split(" (")[0] for name in dialog.picker.visible_names()] == ["Antoine Keller"]
    dialog.picker.search.clear()
    dialog.picker.check_governance()
    governance = {role.actor_id for role in services.roles.list(territory_id=tid(context))}
    assert dialog.picker.chosen_ids() == governance
    dialog.place_edit.setText("Hôtel communautaire, Sarrevillers")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    meetings = services.steering.of_territory(tid(context))
    assert len(meetings) == 3
    new = meetings[0]
    assert new.held_on == TODAY and new.kind == MeetingKind.COMITE_PILOTAGE
    assert page.current_meeting_id() == new.id  # shown at once
    assert {actor.id for actor in services.participants.of(new.id)} == governance
    items = services.steering.agenda(new.id)
    on_agenda = {item.action_id for item in items}
    # Every action flagged à discuter, blocked or late is on the agenda.
    wanted = {
        action.id
        for action in services.actions.for_territory(tid(context))
        if action.status not in (ActionStatus.REALISEE, ActionStatus.ABANDONNEE)
        and (action.to_discuss or action.status == ActionStatus.BLOQUEE or action.is_late(TODAY))
    }
    assert wanted and wanted <= on_agenda
    assert [item.title for item in items] == [p.title for p in proposals]
    assert shown_agenda_titles(page) == [item.title for item in items]
    # Why each one is proposed shows beside it (and whole in its tooltip).
    school = next(row for row, item in enumerate(items) if item.title.startswith("COM-03"))
    reasons = page.detail.agenda_model.index(school, 2)
    assert reasons.data().startswith("Proposé : à discuter, bloquée, en retard")
    assert reasons.data(Qt.ItemDataRole.ToolTipRole) == items[school].notes

    context.undo_stack.undo()
    assert [m.id for m in services.steering.of_territory(tid(context))] == [m.id for m in meetings[1:]]
    assert services.steering.agenda(new.id) == []
    context.undo_stack.redo()
    assert services.steering.agenda(new.id) == items
    assert {actor.id for actor in services.participants.of(new.id)} == governance


def test_a_new_meeting_without_a_date_stays_open_with_the_reason(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, NewMeetingDialog)
    dialog.date_edit.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_text("held_on") == "Date de la réunion : ce champ est obligatoire."
    assert len(context.services.steering.of_territory(tid(context))) == 2
    dialog.reject()


def test_a_new_meeting_can_start_with_an_empty_agenda(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, NewMeetingDialog)
    dialog.propose_box.setChecked(False)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(MeetingKind.REUNION_BINOME.value))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    meeting = context.services.steering.of_territory(tid(context))[0]
    assert meeting.kind == MeetingKind.REUNION_BINOME
    assert context.services.steering.agenda(meeting.id) == []
    assert page.detail.agenda_box.title() == "Ordre du jour (0 point(s))"


# -- the agenda -------------------------------------------------------------------------------------------------------
def test_monter_and_descendre_reorder_the_agenda_and_undo_puts_it_back(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    meeting_id = create_meeting(qtbot, page)
    detail = page.detail
    original = agenda_ids(context, meeting_id)
    assert len(original) > 3
    detail.select_item(original[2])
    assert detail.up_button.isEnabled() and detail.down_button.isEnabled()
    qtbot.mouseClick(detail.up_button, Qt.MouseButton.LeftButton)
    moved_up = [original[0], original[2], original[1], *original[3:]]
    assert agenda_ids(context, meeting_id) == moved_up
    assert detail.current_item_id() == original[2]  # still selected: press again to go on
    qtbot.mouseClick(detail.up_button, Qt.MouseButton.LeftButton)
    assert agenda_ids(context, meeting_id) == [original[2], original[0], original[1], *original[3:]]
    assert not detail.up_button.isEnabled()  # first now
    qtbot.mouseClick(detail.down_button, Qt.MouseButton.LeftButton)
    assert agenda_ids(context, meeting_id) == moved_up
    titles = {item.id: item.title for item in context.services.steering.agenda(meeting_id)}
    assert shown_agenda_titles(page) == [titles[i] for i in moved_up]
    context.undo_stack.undo()
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert agenda_ids(context, meeting_id) == original
    last = original[-1]
    detail.select_item(last)
    assert not detail.down_button.isEnabled()


def test_adding_an_action_and_a_free_item_then_removing_them(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    meeting_id = create_meeting(qtbot, page)
    detail = page.detail
    services = context.services
    before = services.steering.agenda(meeting_id)
    qtbot.mouseClick(detail.add_action_button, Qt.MouseButton.LeftButton)
    picker = detail.dialog
    assert isinstance(picker, ActionPickerDialog)
    listed = picker.visible_labels()
    assert all(not label.startswith("COM-03 ") for label in listed)  # already on the agenda
    picker.search.setText("tec-01")
    assert [label[:9] for label in picker.visible_labels()] == ["TEC-01 – ", "TEC-01.1 "]
    picker.search.setText("synergies")  # titles are searched too
    action = next(a for a in services.actions.for_territory(tid(context)) if a.code == "TEC-01")
    assert picker.visible_labels() == [f"TEC-01 – {action.title}"]
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    items = services.steering.agenda(meeting_id)
    assert len(items) == len(before) + 1
    assert items[-1].action_id == action.id and items[-1].title == f"TEC-01 – {action.title}"
    assert detail.current_item_id() == items[-1].id

    qtbot.mouseClick(detail.add_free_button, Qt.MouseButton.LeftButton)
    form = detail.dialog
    assert isinstance(form, AgendaItemDialog)
    form.title_edit.setText("Questions diverses")
    form.notes_edit.setPlainText("Calendrier des prochaines réunions")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    items = services.steering.agenda(meeting_id)
    assert (items[-1].title, items[-1].action_id, items[-1].notes) == (
        "Questions diverses",
        None,
        "Calendrier des prochaines réunions",
    )
    assert shown_agenda_titles(page)[-1] == "Questions diverses"

    detail.select_item(items[-2].id)  # TEC-01
    qtbot.mouseClick(detail.remove_button, Qt.MouseButton.LeftButton)
    assert action.id not in {item.action_id for item in services.steering.agenda(meeting_id)}
    context.undo_stack.undo()  # back, at its place
    assert [item.id for item in services.steering.agenda(meeting_id)] == [item.id for item in items]
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert services.steering.agenda(meeting_id) == before


def test_an_item_is_renamed_and_an_action_item_opens_its_fiche(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    detail = page.detail
    meeting_id = current_meeting(page)
    items = context.services.steering.agenda(meeting_id)
    detail.select_item(items[0].id)
    qtbot.mouseClick(detail.edit_item_button, Qt.MouseButton.LeftButton)
    form = detail.dialog
    assert isinstance(form, AgendaItemDialog)
    assert form.title_edit.text() == items[0].title
    form.title_edit.clear()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert "obligatoire" in form.error_text("title")
    form.title_edit.setText("Bilan d'étape du plan")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert context.services.agenda.get(items[0].id).title == "Bilan d'étape du plan"
    with qtbot.waitSignal(context.action_open_requested) as blocker:
        detail.agenda_view.doubleClicked.emit(detail.agenda_model.index(1, 1))
    assert blocker.args == [items[1].action_id]


def test_participants_are_chosen_in_the_directory_and_undone(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    meeting_id = current_meeting(page)
    services = context.services
    before = {actor.id for actor in services.participants.of(meeting_id)}
    qtbot.mouseClick(page.detail.participants_button, Qt.MouseButton.LeftButton)
    dialog = page.detail.dialog
    assert isinstance(dialog, ParticipantsDialog)
    assert dialog.picker.chosen_ids() == before
    keller = next(a for a in services.actors.list() if a.name == "Antoine Keller")
    dialog.picker.set_checked(keller.id, False)
    assert dialog.picker.count_label.text() == f"{len(before) - 1} participant(s)"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert {actor.id for actor in services.participants.of(meeting_id)} == before - {keller.id}
    assert keller.name not in page.detail.participant_names()
    context.undo_stack.undo()
    assert {actor.id for actor in services.participants.of(meeting_id)} == before
    assert keller.name in page.detail.participant_names()


# -- running, closing, minutes ----------------------------------------------------------------------------------------
class FakeMeetingModeWindow(QObject):
    finished = Signal(int)
    closed_meeting = Signal(int)
    opened: ClassVar[list[FakeMeetingModeWindow]] = []

    def __init__(self, context: TestContext, services: object, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.services = services
        self.meeting_id = meeting_id
        self.full_screen: bool | None = None
        self.closed = False
        FakeMeetingModeWindow.opened.append(self)

    def start(self, full_screen: bool = True) -> None:
        self.full_screen = full_screen

    def close(self) -> bool:
        self.closed = True
        return True


def test_lancer_le_mode_reunion_opens_the_projector_window(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = types.ModuleType("ti_desktop.gui.meeting_mode.window")
    fake.MeetingModeWindow = FakeMeetingModeWindow  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ti_desktop.gui.meeting_mode.window", fake)
    FakeMeetingModeWindow.opened.clear()
    page = make_page(qtbot, context)
    meeting_id = current_meeting(page)
    qtbot.mouseClick(page.detail.mode_button, Qt.MouseButton.LeftButton)
    [window] = FakeMeetingModeWindow.opened
    assert (window.context, window.meeting_id, window.full_screen) == (context, meeting_id, True)
    assert window.services is context.services  # the page hands the window the use cases it was given
    window.finished.emit(meeting_id)  # Échap
    assert window.closed and page.detail.meeting_window is None


def test_the_real_meeting_mode_window_opens_on_the_meeting(qtbot: QtBot, context: TestContext) -> None:
    window_module = pytest.importorskip("ti_desktop.gui.meeting_mode.window")
    page = make_page(qtbot, context)
    window = page.detail.start_meeting_mode()
    assert isinstance(window, window_module.MeetingModeWindow)
    qtbot.addWidget(window)
    assert window.isVisible()
    window.finished.emit(current_meeting(page))
    assert page.detail.meeting_window is None


def test_closing_a_meeting_asks_then_records_it(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = say_yes(monkeypatch)
    page = make_page(qtbot, context)
    meeting_id = current_meeting(page)
    qtbot.mouseClick(page.detail.close_button, Qt.MouseButton.LeftButton)
    assert "ne peut pas être annulée" in asked[0]
    assert context.services.meetings.get(meeting_id).closed_at is not None
    assert context.services.steering.previous_meeting(tid(context)) is not None
    assert page.list_model.index(0, 2).data() == "Close"
    assert page.detail.state_label.text().startswith("Close le ")
    assert not page.detail.close_button.isEnabled()


def test_refusing_to_close_changes_nothing(qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.No)
    page = make_page(qtbot, context)
    qtbot.mouseClick(page.detail.close_button, Qt.MouseButton.LeftButton)
    assert context.services.meetings.get(current_meeting(page)).closed_at is None


def test_compte_rendu_writes_the_minutes_pdf_in_the_background(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pypdf = pytest.importorskip("pypdf")
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "compte rendu"
    suggested: list[str] = []

    def save_name(_parent: QWidget, _title: str, proposed: str, _filter: str) -> tuple[str, str]:
        suggested.append(proposed)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    page = make_page(qtbot, context)
    panel = page.detail.minutes
    with qtbot.waitSignal(panel.finished, timeout=60_000) as blocker:
        qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
        assert panel.is_running() and not panel.button.isEnabled()
    written = tmp_path / "compte rendu.pdf"  # the extension is added
    assert blocker.args == [written]
    assert suggested[0].endswith("compte-rendu-comite-de-pilotage-2026-06-25.pdf")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(written).pages)
    flat = " ".join(text.split())
    for row in context.services.steering.overview(current_meeting(page)).decisions:
        assert " ".join(row.decision.text.split())[:40] in flat
    assert "compte rendu.pdf" in panel.result_label.text()
    assert panel.button.isEnabled() and not panel.progress_bar.isVisible()


def test_a_minutes_write_error_is_shown_in_french(
    qtbot: QtBot, context: TestContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def warning(_parent: object, _title: str, text: str, *_buttons: object) -> QMessageBox.StandardButton:
        offered.append(text)
        return QMessageBox.StandardButton.Cancel  # the user gives up saving elsewhere

    monkeypatch.setattr(QMessageBox, "warning", warning)
    page = make_page(qtbot, context)
    panel = page.detail.minutes
    with qtbot.waitSignal(panel.finished, timeout=60_000) as blocker:
        panel.write_to(tmp_path / "absent" / "cr.pdf")
    assert blocker.args == [None]
    assert "n'existe pas" in panel.error.text()
    assert panel.error.isVisibleTo(page)
    qtbot.waitUntil(lambda: bool(offered))
    assert offered[0].endswith("Enregistrer sous un autre nom ?") and "n'existe pas" in offered[0]


# -- the register of decisions --------------------------------------------------------------------------------------
def test_the_register_shows_exactly_the_pending_decisions_by_default(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    page.show_register()
    register = page.register
    services = context.services
    pending = services.steering.pending_decisions(tid(context))
    assert register.state_filter.currentText() == "À faire"
    assert [row.id for row in register.shown_rows()] == [row.id for row in pending]
    assert len(pending) == 4
    assert register.count_label.text() == "4 décision(s) sur 10, dont 1 en retard"
    model = register.model
    first = pending[0]
    assert model.index(0, RegisterColumn.ACTION).data() == f"{first.action_code} – {first.action_title}"
    assert model.index(0, RegisterColumn.MEETING).data() == format_date(first.meeting_held_on)
    assert model.index(0, RegisterColumn.OWNER).data() == first.owner_name
    # The overdue decision's due date is red.
    overdue_rows = [r for r, row in enumerate(register.shown_rows()) if row.is_overdue(TODAY)]
    assert len(overdue_rows) == 1
    colour = model.index(overdue_rows[0], RegisterColumn.DUE).data(Qt.ItemDataRole.ForegroundRole)
    assert colour.color() == QColor(LIGHT.error)
    assert model.index(1, RegisterColumn.DUE).data(Qt.ItemDataRole.ForegroundRole) is None

    register.set_state_filter(None)
    assert len(register.shown_rows()) == len(services.steering.decisions(tid(context))) == 10
    register.set_state_filter(DecisionState.FAIT)
    assert [row.id for row in register.shown_rows()] == [
        row.id for row in services.steering.decisions(tid(context), state=DecisionState.FAIT)
    ]


def test_the_register_searches_and_filters_by_owner(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    register = page.register
    register.set_state_filter(None)
    register.search.setText("ecole de production")  # accents ignored, action titles searched
    assert {row.action_code for row in register.shown_rows()} == {"COM-03"}
    assert len(register.shown_rows()) == 2
    register.search.clear()
    register.owner_filter.setCurrentIndex(register.owner_filter.findText("Yannick Thiel"))
    assert {row.owner_name for row in register.shown_rows()} == {"Yannick Thiel"}
    assert len(register.shown_rows()) == 2


def test_marking_a_decision_done_and_undoing_it(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    page.show_register()
    register = page.register
    services = context.services
    pending = services.steering.pending_decisions(tid(context))
    target = pending[0]
    assert register.select_decision(target.id)
    assert register.done_button.isEnabled() and not register.todo_button.isEnabled()
    qtbot.mouseClick(register.done_button, Qt.MouseButton.LeftButton)
    assert services.decisions.get(target.id).state == DecisionState.FAIT
    assert target.id not in [row.id for row in register.shown_rows()]
    assert register.current_row() is not None  # the next one is selected, ready for the next mark
    assert context.undo_stack.undoText().startswith("Marquer fait")
    context.undo_stack.undo()
    assert services.decisions.get(target.id).state == DecisionState.A_FAIRE
    assert [row.id for row in register.shown_rows()] == [row.id for row in pending]


def test_the_context_menu_abandons_and_puts_back_to_do(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    register = page.register
    register.set_state_filter(None)
    target = context.services.steering.pending_decisions(tid(context))[1]
    register.select_decision(target.id)
    menu = register.context_menu()
    entries = {action.text(): action for action in menu.actions() if action.text()}
    assert list(entries) == ["Marquer fait", "Abandonner", "Remettre à faire", "Ouvrir la fiche-action"]
    assert not entries["Remettre à faire"].isEnabled()
    entries["Abandonner"].trigger()
    assert context.services.decisions.get(target.id).state == DecisionState.ABANDONNE
    register.select_decision(target.id)
    register.context_menu().actions()[2].trigger()
    assert context.services.decisions.get(target.id).state == DecisionState.A_FAIRE


def test_double_clicking_a_decision_opens_its_action(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    page.show_register()
    register = page.register
    row = register.shown_rows()[0]
    with qtbot.waitSignal(context.action_open_requested) as blocker:
        register.view.doubleClicked.emit(register.model.index(0, RegisterColumn.ACTION))
    assert blocker.args == [row.decision.action_id]


def test_models_pass_the_qt_model_tester(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    for model in (page.list_model, page.detail.agenda_model, page.detail.decisions_model, page.register.model):
        QAbstractItemModelTester(model, FATAL)
    page.register.set_state_filter(None)
    create_meeting(qtbot, page)


def test_the_agenda_is_reordered_and_trimmed_from_the_keyboard(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    meeting_id = current_meeting(page)
    detail = page.detail
    original = agenda_ids(context, meeting_id)
    detail.select_item(original[1])
    page.activateWindow()  # shortcuts only reach the active window
    QApplication.processEvents()
    detail.agenda_view.setFocus()
    qtbot.keyClick(detail.agenda_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert agenda_ids(context, meeting_id) == [original[1], original[0], *original[2:]]
    qtbot.keyClick(detail.agenda_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert agenda_ids(context, meeting_id) == original
    qtbot.keyClick(detail.agenda_view, Qt.Key.Key_Delete)
    assert agenda_ids(context, meeting_id) == [original[0], *original[2:]]
    context.undo_stack.undo()
    assert agenda_ids(context, meeting_id) == original
