"""Mode réunion (projector): a whole comité run by keyboard — move through the agenda, change a status (saved,
undoable), capture decisions, open the overview, close the meeting — and what the room sees on the way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import ActionStatus, DecisionState
from ti_desktop.domain.records import ActorRecord, MeetingRecord
from ti_desktop.gui.meeting_mode import MeetingModeWindow
from ti_desktop.gui.meeting_mode.decision_dialog import DecisionDialog
from ti_desktop.services.meetings import REASON_DECISION

from .conftest import TODAY

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def meeting(context: TestContext) -> MeetingRecord:
    """Today's comité, with the agenda the app proposes."""
    return context.services.steering.create(context.territory_id or 0, TODAY, held_on=TODAY)


def open_window(
    qtbot: QtBot, context: TestContext, meeting_id: int, size: tuple[int, int] = (1280, 720)
) -> MeetingModeWindow:
    window = MeetingModeWindow(context, context.services, meeting_id)
    qtbot.addWidget(window)
    window.resize(*size)
    window.start(full_screen=False)
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def press(
    qtbot: QtBot, window: MeetingModeWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(window, key, modifier)


def header(window: MeetingModeWindow) -> str:
    return window.header.accessibleName()


def actor(context: TestContext, name: str) -> ActorRecord:
    return next(a for a in context.services.actors.list() if a.name == name)


def decide(qtbot: QtBot, window: MeetingModeWindow, text: str, owner: str, due: str = "") -> None:
    """D, type the decision, choose the owner in the directory, (the due date,) Entrée."""
    press(qtbot, window, Qt.Key.Key_D)
    dialog = window.decision_dialog
    assert isinstance(dialog, DecisionDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.text, text)
    qtbot.keyClicks(dialog.owner.lineEdit(), owner)
    popup = dialog.owner.completer().popup()
    if popup.isVisible():  # the directory's matches: Entrée takes the highlighted one
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    if due:
        qtbot.keyClicks(dialog.due, due)
    qtbot.keyClick(dialog.due, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.error.text()


def test_a_whole_meeting_run_by_keyboard(
    qtbot: QtBot, context: TestContext, meeting: MeetingRecord, tmp_path: Path
) -> None:
    services = context.services
    territory_id = context.territory_id or 0
    agenda = services.steering.agenda(meeting.id)
    window = open_window(qtbot, context, meeting.id)
    assert header(window) == f"Point 1 / {len(agenda)} — Comité de pilotage du 21/11/2026"
    assert agenda[0].title.split(" – ")[0] in window.item_screen.texts()[0]

    # Moving through the agenda.
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Left)
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert header(window).startswith(f"Point 3 / {len(agenda)} — ")
    third = agenda[2]
    assert third.action_id is not None
    assert services.actions.get(third.action_id).status is ActionStatus.EN_COURS

    # S: the quick chooser, one row down from "En cours" is "Bloquée", Entrée.
    press(qtbot, window, Qt.Key.Key_S)
    chooser = window.status_chooser
    assert chooser is not None and chooser.isVisible()
    qtbot.keyClick(chooser.list, Qt.Key.Key_Down)
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    assert services.actions.get(third.action_id).status is ActionStatus.BLOQUEE
    assert "Bloquée" in window.item_screen.texts()
    # Ctrl+Z in the window undoes it, and the screen follows; Ctrl+Y brings it back.
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert services.actions.get(third.action_id).status is ActionStatus.EN_COURS
    assert "En cours" in window.item_screen.texts()
    press(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert services.actions.get(third.action_id).status is ActionStatus.BLOQUEE

    # Two decisions, on two items.
    decide(qtbot, window, "Relancer la DREETS sur le dossier", "Sophie Klein")
    assert any("Relancer la DREETS" in text for text in window.item_screen.texts())
    press(qtbot, window, Qt.Key.Key_Right)
    fourth = agenda[3]
    decide(qtbot, window, "Organiser une visite du site", "Julien Marchal", due="15/12/2026")

    taken = services.steering.decisions(territory_id, meeting_id=meeting.id)
    assert [(row.decision.text, row.decision.action_id, row.decision.owner_actor_id) for row in taken] == [
        ("Organiser une visite du site", fourth.action_id, actor(context, "Julien Marchal").id),
        ("Relancer la DREETS sur le dossier", third.action_id, actor(context, "Sophie Klein").id),
    ]
    assert all(row.decision.state is DecisionState.A_FAIRE for row in taken)
    assert taken[0].decision.due_on is not None and taken[0].decision.due_on.isoformat() == "2026-12-15"

    # O: the overview lists every item (the current one marked) and both decisions.
    press(qtbot, window, Qt.Key.Key_O)
    assert window.stack.currentWidget() is window.overview_screen
    items = window.overview_screen.item_texts()
    assert len(items) == len(agenda)
    assert items[3].startswith("▶ 4. ")
    decisions = " ".join(window.overview_screen.decision_texts())
    assert "Relancer la DREETS sur le dossier" in decisions
    assert "Organiser une visite du site" in decisions
    assert "Sophie Klein" in decisions and "15/12/2026" in decisions

    # C, then confirm: the meeting is closed.
    with qtbot.waitSignal(window.closed_meeting) as closed:
        press(qtbot, window, Qt.Key.Key_C)
        box = window.close_confirmation
        assert box is not None and box.isVisible()
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert closed.args == [meeting.id]
    assert services.steering.meeting(meeting.id).closed_at is not None
    assert window.closed_tag.isVisible()
    assert not window.overview_screen.close_button.isVisible()

    # The minutes list both decisions with their owners and due date (read back from the PDF).
    minutes = services.minutes.write_pdf(meeting.id, tmp_path / "compte-rendu.pdf", TODAY)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(minutes).pages)
    assert "Projet de compte rendu" not in text  # the meeting is closed: final minutes
    for expected in ("Relancer la DREETS sur le dossier", "Organiser une visite du site", "Sophie Klein"):
        assert expected in text
    assert "Julien Marchal" in text and "15/12/2026" in text

    # The next meeting's proposed agenda carries the pending decisions on their actions.
    proposals = {p.action_id: p for p in services.steering.propose_agenda(territory_id, TODAY)}
    for row in taken:
        assert REASON_DECISION in proposals[row.decision.action_id].reasons


def test_escape_leaves_and_tells_the_owner(qtbot: QtBot, context: TestContext, meeting: MeetingRecord) -> None:
    window = open_window(qtbot, context, meeting.id)
    with qtbot.waitSignal(window.finished) as left:
        press(qtbot, window, Qt.Key.Key_Escape)
    assert left.args == [meeting.id]
    assert not window.isVisible()


def test_escape_on_the_overview_goes_back_to_the_item(
    qtbot: QtBot, context: TestContext, meeting: MeetingRecord
) -> None:
    window = open_window(qtbot, context, meeting.id)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.stack.currentWidget() is window.overview_screen
    with qtbot.assertNotEmitted(window.finished):
        press(qtbot, window, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.item_screen
    assert window.isVisible()


def test_the_overview_jumps_to_the_chosen_item(qtbot: QtBot, context: TestContext, meeting: MeetingRecord) -> None:
    window = open_window(qtbot, context, meeting.id)
    press(qtbot, window, Qt.Key.Key_O)
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.item_screen
    assert header(window).startswith("Point 3 / ")
    press(qtbot, window, Qt.Key.Key_End)
    count = len(window.items)
    assert header(window).startswith(f"Point {count} / {count}")
    # → on the last item: the overview, to review the decisions and close.
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.stack.currentWidget() is window.overview_screen
    press(qtbot, window, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_Home)
    assert header(window).startswith("Point 1 / ")


def test_a_late_action_says_so(qtbot: QtBot, context: TestContext, meeting: MeetingRecord) -> None:
    services = context.services
    window = open_window(qtbot, context, meeting.id)
    late = next(
        index
        for index, item in enumerate(window.items)
        if item.action_id is not None and services.actions.get(item.action_id).is_late(TODAY)
    )
    on_time = next(
        index
        for index, item in enumerate(window.items)
        if item.action_id is not None and not services.actions.get(item.action_id).is_late(TODAY)
    )
    window.go_to(late)
    texts = window.item_screen.texts()
    assert "EN RETARD" in texts
    assert any(re.search(r"en retard \(\d+ jours?\)", text) for text in texts)  # beside the planned end
    window.go_to(on_time)
    assert not any("en retard" in text.lower() for text in window.item_screen.texts())


def test_an_action_item_shows_money_milestones_news_and_changes(
    qtbot: QtBot, context: TestContext, meeting: MeetingRecord
) -> None:
    window = open_window(qtbot, context, meeting.id, size=(1920, 1080))
    index = next(i for i, item in enumerate(window.items) if item.title.startswith("COM-03 "))
    window.go_to(index)
    texts = window.item_screen.texts()
    joined = "\n".join(texts)
    assert "Bloquée" in texts and "À DISCUTER" in texts
    assert "Porteur : Hervé Didier" in joined
    assert "Région Grand Est" in texts and "Émilie Roth" in texts
    assert "Total demandé : 330\u202f000\u202f€" in joined and "Acquis : 150\u202f000\u202f€" in joined
    assert "dépassé" in joined  # overdue milestones are marked
    assert "12/10/2026 · Julien Marchal" in joined  # the latest progress update
    assert "Premier comité" in joined  # no closed comité yet in the demo
    assert "Reporter l'ouverture de l'école de production" in joined  # a pending decision of June
    # After a closed comité, what changed since is listed (here: nothing yet).
    context.services.steering.close(meeting.id)
    following = context.services.steering.create(context.territory_id or 0, TODAY, held_on=TODAY)
    again = open_window(qtbot, context, following.id)
    again.go_to(next(i for i, item in enumerate(again.items) if item.action_id == window.items[index].action_id))
    assert "Aucun changement." in again.item_screen.texts()


def test_a_free_item_shows_its_notes_and_takes_general_decisions(
    qtbot: QtBot, context: TestContext, meeting: MeetingRecord
) -> None:
    services = context.services
    services.agenda.create(
        meeting_id=meeting.id, title="Questions diverses", notes="Calendrier des comités 2027", position=99
    )
    window = open_window(qtbot, context, meeting.id)
    press(qtbot, window, Qt.Key.Key_End)
    texts = window.item_screen.texts()
    assert "Questions diverses" in texts
    assert "Calendrier des comités 2027" in texts
    # Quick edits need an action: nothing happens, and the screen says why.
    press(qtbot, window, Qt.Key.Key_S)
    assert window.status_chooser is None
    assert "ne porte pas sur une action" in window.flash.text()
    decide(qtbot, window, "Fixer les dates des comites 2027", "Claire Hoffmann")
    (row,) = services.steering.decisions(context.territory_id or 0, meeting_id=meeting.id)
    assert row.decision.action_id is None
    assert any("Fixer les dates" in text for text in window.item_screen.texts())


def test_the_pending_decisions_item_lists_them(qtbot: QtBot, context: TestContext) -> None:
    services = context.services
    territory_id = context.territory_id or 0
    june = services.steering.of_territory(territory_id)[0]
    services.decisions.create(
        meeting_id=june.id, text="Mettre à jour la convention du programme", state=DecisionState.A_FAIRE
    )
    meeting = services.steering.create(territory_id, TODAY, held_on=TODAY)
    window = open_window(qtbot, context, meeting.id)
    press(qtbot, window, Qt.Key.Key_End)
    assert header(window).endswith("Comité de pilotage du 21/11/2026")
    joined = "\n".join(window.item_screen.texts())
    assert "Décisions en attente" in joined
    assert "Mettre à jour la convention du programme" in joined


def test_the_decision_dialog_refuses_what_it_cannot_save(
    qtbot: QtBot, context: TestContext, meeting: MeetingRecord
) -> None:
    services = context.services
    window = open_window(qtbot, context, meeting.id)
    press(qtbot, window, Qt.Key.Key_D)
    dialog = window.decision_dialog
    assert dialog is not None
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "Décision : ce champ est obligatoire." in dialog.error.text()
    qtbot.keyClicks(dialog.text, "Valider le plan de financement")
    dialog.owner.setEditText("Personne Inconnue")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert dialog.isVisible() and "n'est pas dans l'annuaire" in dialog.error.text()
    dialog.owner.setEditText("")
    qtbot.keyClicks(dialog.due, "31/02/2027")
    qtbot.keyClick(dialog.due, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Échéance" in dialog.error.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert services.steering.decisions(context.territory_id or 0, meeting_id=meeting.id) == []


def test_progress_and_to_discuss_quick_edits_are_undoable(
    qtbot: QtBot, context: TestContext, meeting: MeetingRecord
) -> None:
    services = context.services
    window = open_window(qtbot, context, meeting.id)
    action_id = window.items[0].action_id
    assert action_id is not None
    before = services.actions.get(action_id)
    press(qtbot, window, Qt.Key.Key_Plus)
    press(qtbot, window, Qt.Key.Key_Plus)
    assert services.actions.get(action_id).progress == before.progress + 10
    assert f"{before.progress + 10}\u202f%" in window.item_screen.texts()
    press(qtbot, window, Qt.Key.Key_Minus)
    assert services.actions.get(action_id).progress == before.progress + 5
    press(qtbot, window, Qt.Key.Key_A)
    assert services.actions.get(action_id).to_discuss is not before.to_discuss
    assert ("À DISCUTER" in window.item_screen.texts()) is not before.to_discuss
    for _ in range(4):
        press(qtbot, window, Qt.Key.Key_Z, CTRL)
    restored = services.actions.get(action_id)
    assert (restored.progress, restored.to_discuss) == (before.progress, before.to_discuss)


def test_a_closed_meeting_says_so(qtbot: QtBot, context: TestContext, meeting: MeetingRecord) -> None:
    context.services.steering.close(meeting.id)
    window = open_window(qtbot, context, meeting.id)
    assert window.closed_tag.isVisible() and window.closed_tag.text() == "RÉUNION CLOSE"
    press(qtbot, window, Qt.Key.Key_O)
    with qtbot.assertNotEmitted(window.closed_meeting):
        press(qtbot, window, Qt.Key.Key_C)
    assert window.close_confirmation is None
    assert "déjà close" in window.flash.text()
    # Decisions may still be added to its relevé; the dialog says so.
    press(qtbot, window, Qt.Key.Key_D)
    assert window.decision_dialog is not None
    texts = [child.text() for child in window.decision_dialog.findChildren(QLabel)]
    assert any("La réunion est close" in text for text in texts)


def test_type_grows_with_the_window(qtbot: QtBot, context: TestContext, meeting: MeetingRecord) -> None:
    window = open_window(qtbot, context, meeting.id, size=(1280, 720))
    small = window.item_screen.findChild(QLabel, "itemTitle").font().pixelSize()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.theme.unit == 10.8)
    large = window.item_screen.findChild(QLabel, "itemTitle").font().pixelSize()
    assert small >= 24
    assert large >= small * 1.4


def test_an_item_too_long_for_the_screen_scrolls_with_the_arrows(
    qtbot: QtBot, context: TestContext, meeting: MeetingRecord
) -> None:
    services = context.services
    first = services.steering.agenda(meeting.id)[0]
    for number in range(1, 9):
        services.decisions.create(
            meeting_id=meeting.id,
            action_id=first.action_id,
            text=f"Décision n° {number} : engager la consultation des entreprises et présenter le résultat au bureau",
            state=DecisionState.A_FAIRE,
        )
    window = open_window(qtbot, context, meeting.id)
    bar = window.item_screen.area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the smallest type still leaves the end below
    assert window.item_screen.more.isVisible()  # "▼ La suite plus bas : touche ↓"
    press(qtbot, window, Qt.Key.Key_Down)
    assert bar.value() > 0
    press(qtbot, window, Qt.Key.Key_Up)
    assert bar.value() == 0
