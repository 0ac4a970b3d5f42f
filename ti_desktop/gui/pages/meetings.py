"""Réunions: the territory's meetings (comités de pilotage…) with their proposed agenda, participants and
decisions, the projector mode and the minutes; and the Relevé de décisions of every meeting."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from ti_desktop.domain.enums import DecisionState
from ti_desktop.domain.records import MeetingRecord
from ti_desktop.gui.actor_picker import ActorCreation
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.record_form import open_form
from ti_desktop.gui.field_errors import as_error_label
from ti_desktop.gui.forms.ui_meetings_page import Ui_MeetingsPage
from ti_desktop.gui.inputs import show_date
from ti_desktop.gui.models.records import ERROR_TEXT, MUTED_TEXT, SUCCESS_TEXT, Column, RecordTableModel
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.pages.meetings_detail import (
    MeetingDetail,
    MeetingDetailServices,
    MeetingState,
    meeting_state,
    title_of_meeting,
)
from ti_desktop.gui.pages.meetings_dialogs import NewMeetingDialog
from ti_desktop.gui.pages.meetings_register import DecisionRegister, DecisionRegisterServices
from ti_desktop.gui.read_only import Reading, follow_access
from ti_desktop.gui.tables import fit_columns, read_only_table
from ti_desktop.gui.theme import apply_roles
from ti_desktop.kernel.formatting import format_date

STATE_COLOURS = {
    MeetingState.CLOSED: SUCCESS_TEXT,
    MeetingState.TO_CLOSE: ERROR_TEXT,
    MeetingState.PREPARING: MUTED_TEXT,
}


class MeetingsPageServices(MeetingDetailServices, DecisionRegisterServices, Protocol):
    """What MeetingsPage uses."""


class MeetingsPage(Page):
    def __init__(self, context: AppContext, services: MeetingsPageServices, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.services = services
        self.dialog: QDialog | None = None
        self.ui = Ui_MeetingsPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.tabs = self.ui.tabs
        self._build_meetings_tab()
        self.register = DecisionRegister(context, services, self)
        self.tabs.addTab(self.register, self.tr("Relevé de décisions"))
        # A territory the role may only read: the meetings and their decisions for reading; what only reads
        # stays (the register's filters and « Ouvrir la fiche », the minutes in PDF).
        register, minutes = self.register, self.detail.minutes
        self.reading = follow_access(
            context,
            Reading(
                self,
                keep=[
                    register.state_filter,
                    register.owner_filter,
                    register.search,
                    register.open_button,
                    minutes,
                    minutes.button,
                ],
                actions=self.detail.agenda_shortcuts,
            ),
        )

    def title(self) -> str:
        return self.tr("Réunions")

    # -- building ------------------------------------------------------------------------------
    def _build_meetings_tab(self) -> None:
        """The tab's layout comes from ui/meetings_page.ui; the list's columns and the detail are set here."""
        ui = self.ui
        self.new_button = ui.newButton
        self.new_button.clicked.connect(self.new_meeting)
        self.count_label = ui.countLabel
        self.list_model: RecordTableModel[MeetingRecord] = RecordTableModel(
            [
                Column(self.tr("Date"), lambda m: format_date(m.held_on)),
                Column(self.tr("Type"), lambda m: m.kind.label),
                Column(
                    self.tr("État"),
                    self._state_label,
                    colour=lambda m: STATE_COLOURS[meeting_state(m, self.context.today)],
                ),
                Column(self.tr("Lieu"), lambda m: m.place or "—", tooltip=lambda m: m.place, stretch=True),
            ],
            self,
            theme=self.context.theme,
        )
        self.list_view = read_only_table(ui.listView)
        self.list_view.setModel(self.list_model)
        fit_columns(self.list_view, 3, main_chars=8)  # the place: what the date, type and state leave (tooltip)
        self.list_view.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.message = as_error_label(ui.messageLabel)
        self.detail = MeetingDetail(self.context, self.services, ui.meetingsTab)
        self.detail.meeting_closed.connect(lambda _id: self.reload())
        self.splitter = ui.splitter
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        # The detail whole from 1280 px on (the list elides a long place, whole in its tooltip); narrower, it scrolls.
        self.splitter.setSizes([340, 760])

    def _state_label(self, meeting: MeetingRecord) -> str:
        labels = {
            MeetingState.CLOSED: self.tr("Close"),
            MeetingState.TO_CLOSE: self.tr("À clore"),
            MeetingState.PREPARING: self.tr("En préparation"),
        }
        return labels[meeting_state(meeting, self.context.today)]

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        tid = self.context.territory_id
        assert tid is not None
        selected = self.current_meeting_id()
        meetings = self.services.steering.of_territory(tid)
        self.list_model.set_records(meetings)
        self.count_label.setText(self.tr("{count} réunion(s)").format(count=len(meetings)))
        if not (selected is not None and self.select_meeting(selected)) and meetings:
            self.list_view.selectRow(0)  # the newest
        self._show_current()
        self.register.reload()

    def meetings(self) -> list[MeetingRecord]:
        return self.list_model.records()

    def current_meeting_id(self) -> int | None:
        rows = self.list_view.selectionModel().selectedRows()
        return self.list_model.record(rows[0].row()).id if rows else None

    def select_meeting(self, meeting_id: int) -> bool:
        for row, meeting in enumerate(self.list_model.records()):
            if meeting.id == meeting_id:
                self.list_view.selectRow(row)
                self.list_view.scrollTo(self.list_model.index(row, 0))
                return True
        return False

    def _show_current(self) -> None:
        self.detail.show_meeting(self.current_meeting_id())

    def show_register(self, state: DecisionState | None = DecisionState.A_FAIRE) -> None:
        """The Relevé de décisions tab, filtered on `state` (the pending decisions by default)."""
        self.register.set_state_filter(state)
        self.tabs.setCurrentWidget(self.register)

    # -- commands ------------------------------------------------------------------------------
    def new_meeting(self) -> None:
        tid = self.context.territory_id
        if tid is None:
            return
        services = self.services
        today = self.context.today
        proposals = services.steering.propose_agenda(tid, today)
        summary = self.tr(
            "{count} point(s) proposé(s) : actions à discuter, bloquées, en retard, avec un jalon dépassé ou un "
            "financement en attente de décision, modifiées depuis le dernier comité, et décisions en attente. "
            "Vous pourrez ensuite retirer, ajouter et réordonner les points."
        ).format(count=len(proposals))
        governance = {role.actor_id for role in services.roles.list(territory_id=tid)}

        def save(values: dict[str, Any]) -> None:
            participant_ids = set(values.pop("participant_ids"))
            propose = bool(values.pop("propose"))
            # Undo deletes the meeting with its agenda and participants; redo puts them back as they were.
            meeting = self.context.editor.created(
                services.meetings,
                self.tr("Créer la réunion « {title} »").format(
                    title=title_of_meeting(values["kind"], values["held_on"])
                ),
                lambda: services.steering.create(
                    tid, self.context.today, participant_ids=participant_ids, propose=propose, **values
                ),
            )
            self.tabs.setCurrentIndex(0)
            self.select_meeting(meeting.id)

        self.dialog = open_form(
            NewMeetingDialog(
                save,
                services.actors.list(),
                governance,
                summary,
                show_date(today),
                parent=self,
                creation=ActorCreation(self.context, services),
            )
        )
