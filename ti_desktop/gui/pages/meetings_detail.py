"""The selected meeting: its fields (saved when left, undoable), its participants, its agenda (added, edited,
removed and reordered through the undoable editor) and the decisions taken in it; the buttons that run it
(projector mode), close it and write its minutes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from ti_desktop.domain import entities
from ti_desktop.domain.enums import MeetingKind, MinutesState
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.meeting_minutes import minutes_state_shown
from ti_desktop.domain.records import ActorRecord, AgendaItemRecord, MeetingRecord
from ti_desktop.gui.actor_picker import ActorCreation
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.date_edit import date_field
from ti_desktop.gui.dialogs.record_form import open_form
from ti_desktop.gui.field_errors import FieldErrors, as_error_label, set_error
from ti_desktop.gui.forms.ui_meeting_detail import Ui_MeetingDetail
from ti_desktop.gui.history_text import format_timestamp
from ti_desktop.gui.inputs import parse_date, show_date
from ti_desktop.gui.meeting_mode.services import MeetingModeWindowServices
from ti_desktop.gui.models.records import ERROR_TEXT, MUTED_TEXT, SUCCESS_TEXT, Column, RecordTableModel
from ti_desktop.gui.pages.meetings_dialogs import (
    ActionPickerDialog,
    AgendaItemDialog,
    ParticipantsDialog,
    action_label,
    fill_kinds,
)
from ti_desktop.gui.pages.meetings_minutes import MinutesPanel, MinutesPanelServices
from ti_desktop.gui.tables import fit_columns, read_only_table
from ti_desktop.gui.theme import LARGE, Role, apply_roles, scaled_font, set_role, set_sizing
from ti_desktop.kernel.formatting import format_date
from ti_desktop.services.meetings import DecisionRow
from ti_desktop.services.use_cases import (
    HasAgenda,
    HasMeetings,
    HasParticipants,
    HasRoles,
)


def meeting_title(meeting: MeetingRecord) -> str:
    """`Comité de pilotage du 25/06/2026`"""
    return title_of_meeting(meeting.kind, meeting.held_on)


def title_of_meeting(kind: MeetingKind, held_on: dt.date) -> str:
    text = QCoreApplication.translate("MeetingsPage", "{kind} du {day}")
    return text.format(kind=kind.label, day=format_date(held_on))


class MeetingState(Enum):
    CLOSED = "close"
    PREPARING = "en préparation"  # held today or later
    TO_CLOSE = "à clore"  # held, not closed yet


def meeting_state(meeting: MeetingRecord, today: dt.date) -> MeetingState:
    if meeting.closed_at is not None:
        return MeetingState.CLOSED
    return MeetingState.PREPARING if meeting.held_on >= today else MeetingState.TO_CLOSE


@dataclass(frozen=True, slots=True)
class AgendaRow:
    number: int
    item: AgendaItemRecord


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def big_font(widget: QWidget, scale: float, bold: bool = True) -> QFont:
    """`widget`'s font, `scale` (one of the theme's `Sizes`) times as large."""
    return scaled_font(widget.font(), scale, bold)


class MeetingDetailServices(
    MinutesPanelServices, MeetingModeWindowServices, HasAgenda, HasMeetings, HasParticipants, HasRoles, Protocol
):
    """What MeetingDetail uses."""


class MeetingDetail(QStackedWidget):
    # The meeting was closed (here or in the projector mode): the list shows its new state.
    meeting_closed = Signal(int)

    def __init__(self, context: AppContext, services: MeetingDetailServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.context = context
        self.meeting: MeetingRecord | None = None
        self.items: list[AgendaItemRecord] = []
        self.participants: list[ActorRecord] = []
        self.dialog: QWidget | None = None
        self.meeting_window: QWidget | None = None
        self._shown: dict[str, str] = {}  # the values last put in the fields (to tell what the user typed)
        self.placeholder = QLabel(
            self.tr("Choisissez une réunion dans la liste, ou créez-en une avec « Nouvelle réunion… »."), self
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        set_role(self.placeholder, Role.HINT)
        self.addWidget(self.placeholder)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, which it scrolls into view
        scroll.setWidget(self._build_details())
        self.addWidget(scroll)

    # -- building ------------------------------------------------------------------------------
    def _build_details(self) -> QWidget:
        """The static layout comes from ui/meeting_detail.ui; the labels named by the domain, the tables'
        models and the minutes panel are set here."""
        details = QWidget(self)
        self.ui = ui = Ui_MeetingDetail()
        ui.setupUi(details)  # type: ignore[no-untyped-call]
        apply_roles(details)
        self.minutes = MinutesPanel(self.context, self.services, details)
        sizes = self.context.theme.sizes
        self.title_label = ui.titleLabel
        self.title_label.setFont(big_font(self, sizes.meeting_title_scale))
        self.state_label = ui.stateLabel
        self.mode_button = ui.modeButton
        self.mode_button.setFont(big_font(self, sizes.large_button_scale))
        self.mode_button.clicked.connect(self.start_meeting_mode)
        self.close_button = ui.closeButton
        self.close_button.setFont(big_font(self, sizes.button_scale, bold=False))
        self.close_button.clicked.connect(self.close_meeting)
        self.minutes.button.setFont(big_font(self, sizes.button_scale, bold=False))
        set_sizing(self.minutes.button, LARGE)
        ui.buttonsRow.insertWidget(2, self.minutes.button)
        ui.minutesLayout.addWidget(self.minutes)
        self.message = as_error_label(ui.messageLabel)
        self.details_layout = ui.detailsLayout
        self._build_fields()
        self._build_participants()
        self._build_agenda()
        self._build_decisions()
        # The minutes' button and panel come after « Clore la réunion » in the tab order, before the fields.
        minutes = self.minutes
        for first, second in (
            (self.close_button, minutes.button),
            (minutes.button, minutes.cancel_button),
            (minutes.cancel_button, minutes.result_label),
        ):
            QWidget.setTabOrder(first, second)
        return details

    def _build_fields(self) -> None:
        ui = self.ui
        spec = entities.MEETING.fields
        for caption, name in (
            (ui.kindLabel, "kind"),
            (ui.heldOnLabel, "held_on"),
            (ui.placeLabel, "place"),
            (ui.notesLabel, "notes"),
        ):
            caption.setText(spec[name].label)
        self.errors = FieldErrors()
        for name, label in (
            ("kind", ui.erreur_kind),
            ("held_on", ui.erreur_held_on),
            ("place", ui.erreur_place),
            ("minutes_state", ui.erreur_minutes_state),
            ("notes", ui.erreur_notes),
        ):
            self.errors.add(name, None, as_error_label(label))
        self.kind_combo = ui.kindCombo
        fill_kinds(self.kind_combo)
        self.kind_combo.activated.connect(lambda _index: self.save("kind"))
        self.date_edit = ui.dateEdit
        date_field(self.date_edit)
        self.date_edit.editingFinished.connect(lambda: self.save("held_on"))
        self.place_edit = ui.placeEdit
        self.place_edit.editingFinished.connect(lambda: self.save("place"))
        self.minutes_state_combo = ui.minutesStateCombo
        for state in MinutesState:
            self.minutes_state_combo.addItem(state.label, state.value)
        self.minutes_state_combo.activated.connect(lambda _index: self.save("minutes_state"))
        self.notes_edit = ui.notesEdit
        # A multi-line text has no "editing finished": it is saved when it loses the focus.
        self.notes_edit.installEventFilter(self)

    def _build_participants(self) -> None:
        # A list, not a wrapped text: the page's height stays fixed however many attend (no page scroll bar).
        self.participants_box = self.ui.participantsBox
        self.participants_list = self.ui.participantsList
        self.participants_empty = self.ui.participantsEmpty
        self.participants_button = self.ui.participantsButton
        self.participants_button.clicked.connect(self.edit_participants)

    def _build_agenda(self) -> None:
        ui = self.ui
        self.agenda_box = ui.agendaBox
        self.agenda_model: RecordTableModel[AgendaRow] = RecordTableModel(
            [
                Column(self.tr("N°"), lambda r: str(r.number), right_aligned=True),
                Column(
                    self.tr("Point"),
                    lambda r: r.item.title,
                    bold=lambda r: r.item.action_id is None,
                    tooltip=lambda r: r.item.title,
                ),
                Column(
                    self.tr("Pourquoi / notes"),
                    lambda r: _one_line(r.item.notes),
                    colour=lambda r: MUTED_TEXT,
                    tooltip=lambda r: r.item.notes,
                    stretch=True,
                ),
            ],
            self,
            action_id=lambda r: r.item.action_id,
            theme=self.context.theme,
        )
        self.agenda_view = read_only_table(ui.agendaView)
        self.agenda_view.setModel(self.agenda_model)
        fit_columns(self.agenda_view, 1, text_columns={2})  # the point's title first, its notes within a cap
        self.agenda_view.doubleClicked.connect(self._open_item)
        self.agenda_view.selectionModel().selectionChanged.connect(lambda *_: self._update_agenda_buttons())
        self.add_action_button = ui.addActionButton
        self.add_free_button = ui.addFreeButton
        self.edit_item_button = ui.editItemButton
        self.remove_button = ui.removeButton
        self.up_button = ui.upButton
        self.down_button = ui.downButton
        self.add_action_button.clicked.connect(self.add_action)
        self.add_free_button.clicked.connect(self.add_free_item)
        self.edit_item_button.clicked.connect(self.edit_current_item)
        self.remove_button.clicked.connect(self.remove_current_item)
        self.up_button.clicked.connect(lambda: self.move_current_item(-1))
        self.down_button.clicked.connect(lambda: self.move_current_item(1))
        # Keyboard, in the agenda: Alt+↑ / Alt+↓ move the item, Suppr removes it, Entrée opens it.
        self.agenda_shortcuts: list[QAction] = []  # those that change the agenda (not Entrée)
        for button, key in (
            (self.up_button, "Alt+Up"),
            (self.down_button, "Alt+Down"),
            (self.remove_button, "Delete"),
        ):
            shortcut = QAction(button.text(), self.agenda_view)
            shortcut.setShortcut(QKeySequence(key))
            shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.triggered.connect(button.click)
            self.agenda_view.addAction(shortcut)
            self.agenda_shortcuts.append(shortcut)
            button.setToolTip(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))
        open_item = QAction(self.agenda_view)
        open_item.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_item.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_item.triggered.connect(lambda: self._open_item(self.agenda_view.currentIndex()))
        self.agenda_view.addAction(open_item)
        self.agenda_message = as_error_label(ui.agendaMessage)

    def _build_decisions(self) -> None:
        ui = self.ui
        self.decisions_box = ui.decisionsBox
        self.decisions_model: RecordTableModel[DecisionRow] = RecordTableModel(
            [
                Column(self.tr("Décision"), lambda r: r.decision.text, tooltip=lambda r: r.decision.text, stretch=True),
                Column(self.tr("Action"), lambda r: r.action_code or "—", tooltip=lambda r: r.action_title),
                Column(self.tr("Responsable"), lambda r: r.owner_name or "—"),
                Column(
                    self.tr("Échéance"),
                    lambda r: format_date(r.decision.due_on),
                    colour=lambda r: ERROR_TEXT if r.is_overdue(self.context.today) else None,
                    bold=lambda r: r.is_overdue(self.context.today),
                ),
                Column(
                    self.tr("État"),
                    lambda r: r.decision.state.label,
                    colour=lambda r: SUCCESS_TEXT if r.decision.state.value == "fait" else None,
                ),
            ],
            self,
            action_id=lambda r: r.decision.action_id if r.action_code or r.action_title else None,
            theme=self.context.theme,
        )
        self.decisions_view = read_only_table(ui.decisionsView)
        self.decisions_view.setModel(self.decisions_model)
        fit_columns(self.decisions_view, 0, text_columns={2})
        self.decisions_view.doubleClicked.connect(self._open_decision_action)
        self.decisions_empty = ui.decisionsEmpty

    # -- showing -------------------------------------------------------------------------------
    def show_meeting(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            self.meeting = None
            self.setCurrentIndex(0)
            return
        services = self.services
        try:
            overview = services.steering.overview(meeting_id)
        except TiDesktopError:
            self.meeting = None
            self.setCurrentIndex(0)
            return
        same = self.meeting is not None and self.meeting.id == meeting_id
        selected_item = self.current_item_id() if same else None
        if not same:
            self.errors.clear()
            set_error(self.message, "")
            set_error(self.agenda_message, "")
            self.minutes.clear_result()
        meeting = overview.meeting
        self.meeting = meeting
        self.items = list(overview.items)
        self.participants = services.participants.of(meeting_id)
        self.title_label.setText(meeting_title(meeting))
        self.state_label.setText(self._state_text(meeting))
        self._fill_fields(meeting, force=not same)
        self._show_participants()
        self.agenda_model.set_records([AgendaRow(number, item) for number, item in enumerate(self.items, start=1)])
        self.agenda_box.setTitle(self.tr("Ordre du jour ({count} point(s))").format(count=len(self.items)))
        if selected_item is not None:
            self.select_item(selected_item)
        self.decisions_model.set_records(list(overview.decisions))
        self.decisions_box.setTitle(
            self.tr("Décisions prises dans cette réunion ({count})").format(count=len(overview.decisions))
        )
        self.decisions_empty.setVisible(not overview.decisions)
        self.decisions_view.setVisible(bool(overview.decisions))
        # Without decisions their box keeps one line, and the agenda takes the room.
        self.details_layout.setStretchFactor(self.decisions_box, 2 if overview.decisions else 0)
        closed = meeting.closed_at is not None
        self.close_button.setEnabled(not closed)
        self.close_button.setToolTip(
            self.tr("Cette réunion est déjà close.")
            if closed
            else self.tr("Enregistre la clôture et photographie le plan pour la réunion suivante")
        )
        self.minutes.set_meeting(meeting)
        self._update_agenda_buttons()
        self.setCurrentIndex(1)

    def _state_text(self, meeting: MeetingRecord) -> str:
        if meeting.closed_at is not None:
            return self.tr("Close le {when}").format(when=format_timestamp(meeting.closed_at))
        if meeting_state(meeting, self.context.today) == MeetingState.TO_CLOSE:
            return self.tr("Tenue, pas encore close : clore la réunion photographie le plan pour la suivante.")
        return self.tr("En préparation")

    def _fill_fields(self, meeting: MeetingRecord, force: bool) -> None:
        values = {
            "held_on": show_date(meeting.held_on),
            "place": meeting.place or "",
            "notes": meeting.notes or "",
        }
        edits: dict[str, QLineEdit | QPlainTextEdit] = {
            "held_on": self.date_edit,
            "place": self.place_edit,
            "notes": self.notes_edit,
        }
        for name, edit in edits.items():
            typed = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            if not force and edit.hasFocus() and typed != self._shown.get(name):
                continue  # the user is typing: a reload must not take their text away
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(values[name])
            else:
                edit.setText(values[name])
                edit.setCursorPosition(0)
            self._shown[name] = values[name]
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(meeting.kind.value)))
        # What the minutes' PDF says: a closed meeting's minutes are validated, whatever was stored before closing.
        shown = minutes_state_shown(meeting.closed_at, meeting.minutes_state)
        self.minutes_state_combo.setCurrentIndex(max(0, self.minutes_state_combo.findData(shown.value)))
        closed = meeting.closed_at is not None
        self.minutes_state_combo.setEnabled(not closed and self.context.read_only_reason is None)
        self.minutes_state_combo.setToolTip(
            self.tr("La réunion est close : son compte rendu est validé.") if closed else ""
        )

    def _show_participants(self) -> None:
        count = len(self.participants)
        self.participants_box.setTitle(self.tr("Participants ({count})").format(count=count))
        self.participants_list.clear()
        for actor in self.participants:
            item = QListWidgetItem(actor.name, self.participants_list)
            item.setToolTip(" — ".join(part for part in (actor.organisation, actor.kind.label) if part))
        self.participants_empty.setVisible(not count)
        self.participants_list.setVisible(bool(count))

    def participant_names(self) -> list[str]:
        return [self.participants_list.item(row).text() for row in range(self.participants_list.count())]

    # -- the meeting's fields ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes_edit and event.type() == QEvent.Type.FocusOut:
            self.save("notes")
        return super().eventFilter(watched, event)

    def _value(self, name: str) -> Any:
        if name == "kind":
            return MeetingKind(self.kind_combo.currentData())
        if name == "minutes_state":
            return MinutesState(self.minutes_state_combo.currentData())
        if name == "held_on":
            return parse_date(self.date_edit.text(), name, entities.MEETING.fields[name].label)
        if name == "place":
            return self.place_edit.text()
        return self.notes_edit.toPlainText()

    def save(self, name: str) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        self.errors.clear(name)
        label = entities.MEETING.fields[name].label if name != "minutes_state" else self.tr("Compte rendu")
        text = self.tr("{meeting} : modifier « {label} »").format(meeting=meeting_title(meeting), label=label)
        try:
            # An unchanged value writes nothing and pushes no undo step (the editor compares).
            self.context.editor.update(
                self.services.meetings, meeting.id, text, meeting.version, **{name: self._value(name)}
            )
        except TiDesktopError as error:
            self.errors.show_error(error, name)

    # -- participants ----------------------------------------------------------------------------
    def edit_participants(self) -> None:
        meeting = self.meeting
        tid = self.context.territory_id
        if meeting is None or tid is None:
            return
        services = self.services
        before = {actor.id for actor in self.participants}
        governance = {role.actor_id for role in services.roles.list(territory_id=tid)}

        def save(values: dict[str, Any]) -> None:
            after: set[int] = set(values["participant_ids"])
            if after == before:
                return
            meeting_id, version = meeting.id, meeting.version
            # The meeting's version covers its participants: a change over someone else's is refused.
            self.context.editor.run(
                self.tr("{meeting} : modifier les participants").format(meeting=meeting_title(meeting)),
                do=lambda: services.participants.set(meeting_id, after, expected_version=version),
                undo=lambda: services.participants.set(meeting_id, before),
                redo=lambda: services.participants.set(meeting_id, after),
            )

        creation = ActorCreation(self.context, services)
        self.dialog = open_form(ParticipantsDialog(save, services.actors.list(), before, governance, self, creation))

    # -- agenda ------------------------------------------------------------------------------------
    def current_item(self) -> AgendaItemRecord | None:
        rows = self.agenda_view.selectionModel().selectedRows()
        return self.agenda_model.record(rows[0].row()).item if rows else None

    def current_item_id(self) -> int | None:
        item = self.current_item()
        return item.id if item is not None else None

    def select_item(self, item_id: int) -> bool:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                self.agenda_view.selectRow(row)
                self.agenda_view.scrollTo(self.agenda_model.index(row, 0))
                return True
        return False

    def _update_agenda_buttons(self) -> None:
        item = self.current_item()
        row = self.items.index(item) if item is not None and item in self.items else -1
        self.edit_item_button.setEnabled(item is not None)
        self.remove_button.setEnabled(item is not None)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self.items) - 1)

    def _next_position(self) -> int:
        return max((item.position for item in self.items), default=0) + 1

    def _item_label(self, item: AgendaItemRecord) -> str:
        return item.title if len(item.title) <= 50 else item.title[:49] + "…"

    def _create_item(self, text: str, **values: Any) -> None:
        meeting = self.meeting
        assert meeting is not None
        record = self.context.editor.create(
            self.services.agenda, text, meeting_id=meeting.id, position=self._next_position(), **values
        )
        self.select_item(record.id)

    def add_action(self) -> None:
        tid = self.context.territory_id
        if self.meeting is None or tid is None:
            return
        on_agenda = {item.action_id for item in self.items if item.action_id is not None}
        actions = [a for a in self.services.actions.for_territory(tid) if a.id not in on_agenda]

        def choose(action_id: int) -> None:
            action = next(a for a in actions if a.id == action_id)
            label = action_label(action)
            self._create_item(
                self.tr("Ajouter « {label} » à l'ordre du jour").format(label=action.code or action.title),
                action_id=action_id,
                title=label[:300],
            )

        self.dialog = open_form(ActionPickerDialog(actions, choose, self))

    def add_free_item(self) -> None:
        if self.meeting is None:
            return

        def save(values: dict[str, Any]) -> None:
            title = (values.get("title") or "").strip()
            self._create_item(
                self.tr("Ajouter le point « {title} »").format(title=title[:50]), action_id=None, **values
            )

        self.dialog = open_form(AgendaItemDialog(save, parent=self))

    def edit_current_item(self) -> None:
        item = self.current_item()
        if item is None:
            return

        def save(values: dict[str, Any]) -> None:
            self.context.editor.update(
                self.services.agenda,
                item.id,
                self.tr("Modifier le point « {title} »").format(title=self._item_label(item)),
                item.version,
                **values,
            )

        self.dialog = open_form(AgendaItemDialog(save, item, self), reading=self.context.read_only_reason)

    def remove_current_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        row = self.items.index(item)
        set_error(self.agenda_message, "")
        try:
            self.context.editor.delete(
                self.services.agenda,
                item.id,
                self.tr("Retirer « {title} » de l'ordre du jour").format(title=self._item_label(item)),
                item.version,
            )
        except TiDesktopError as error:
            set_error(self.agenda_message, error.message)
            return
        if self.items:
            self.agenda_view.selectRow(min(row, len(self.items) - 1))
        self.context.status_message.emit(self.tr("Point retiré de l'ordre du jour (Ctrl+Z pour le remettre)."))

    def move_current_item(self, offset: int) -> None:
        item = self.current_item()
        meeting = self.meeting
        if item is None or meeting is None:
            return
        before = [each.id for each in self.items]
        index = before.index(item.id)
        target = max(0, min(len(before) - 1, index + offset))
        if target == index:
            return
        after = list(before)
        after.insert(target, after.pop(index))
        steering = self.services.steering
        meeting_id = meeting.id
        verb = self.tr("Monter « {title} »") if offset < 0 else self.tr("Descendre « {title} »")
        set_error(self.agenda_message, "")
        try:
            self.context.editor.run(
                verb.format(title=self._item_label(item)),
                do=lambda: steering.reorder(meeting_id, after),
                undo=lambda: steering.reorder(meeting_id, before),
            )
        except TiDesktopError as error:
            set_error(self.agenda_message, error.message)
            return
        self.select_item(item.id)

    def _open_item(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        item = self.agenda_model.record(index.row()).item
        if item.action_id is not None:
            self.context.open_action(item.action_id)
        else:
            self.agenda_view.selectRow(index.row())
            self.edit_current_item()

    def _open_decision_action(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.decisions_model.record(index.row())
        if row.decision.action_id is not None and (row.action_code or row.action_title):
            self.context.open_action(row.decision.action_id)

    # -- running the meeting -------------------------------------------------------------------------
    def start_meeting_mode(self) -> QWidget | None:
        meeting = self.meeting
        if meeting is None:
            return None
        set_error(self.message, "")
        try:
            from ti_desktop.gui.meeting_mode.window import MeetingModeWindow
        except ImportError:
            set_error(self.message, self.tr("Le mode réunion n'est pas disponible dans cette version."))
            return None
        if self.meeting_window is not None:
            self.meeting_window.close()
            self.meeting_window.deleteLater()
        window = MeetingModeWindow(self.context, self.services, meeting.id)
        window.finished.connect(self._meeting_mode_finished)
        window.closed_meeting.connect(self._meeting_closed_elsewhere)
        self.meeting_window = window
        window.start(full_screen=True)
        return window

    def _meeting_mode_finished(self, meeting_id: int) -> None:
        window = self.meeting_window
        self.meeting_window = None
        if window is not None:
            window.close()
            window.deleteLater()
        self.context.data_changed.emit()  # the list and the register show what was decided

    def _meeting_closed_elsewhere(self, meeting_id: int) -> None:
        self.context.data_changed.emit()
        self.meeting_closed.emit(meeting_id)

    def close_meeting(self) -> None:
        meeting = self.meeting
        if meeting is None or meeting.closed_at is not None:
            return
        question = self.tr(
            "Clore la réunion « {meeting} » ?\n\nUne photographie du plan sera prise : la prochaine réunion montrera "
            "ce qui a changé depuis celle-ci. La clôture ne peut pas être annulée."
        ).format(meeting=meeting_title(meeting))
        answer = QMessageBox.question(self, self.tr("Clore la réunion"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        set_error(self.message, "")
        try:
            self.services.steering.close(meeting.id)
        except TiDesktopError as error:
            set_error(self.message, error.message)
            return
        self.context.data_changed.emit()
        self.context.status_message.emit(
            self.tr("{meeting} close. Le compte rendu (PDF) peut être écrit.").format(meeting=meeting_title(meeting))
        )
        self.meeting_closed.emit(meeting.id)
