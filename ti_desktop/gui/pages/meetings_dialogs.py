"""The Réunions page's forms: a new meeting (its agenda proposed automatically), the participants chosen from
the directory, an action of the plan to put on the agenda, a free agenda item."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain import entities
from ti_desktop.domain.enums import MeetingKind
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.records import ActionRecord, ActorRecord, AgendaItemRecord
from ti_desktop.gui.actor_picker import ActorCreation
from ti_desktop.gui.date_edit import date_field
from ti_desktop.gui.dialogs.record_form import RecordFormDialog, Save
from ti_desktop.gui.field_errors import as_error_label, required_fields, set_error
from ti_desktop.gui.forms.ui_action_picker import Ui_ActionPickerDialog
from ti_desktop.gui.inputs import parse_date
from ti_desktop.gui.models.actors import plain
from ti_desktop.gui.theme import Role, apply_roles, set_role

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def action_label(action: ActionRecord) -> str:
    """`COM-03 – École de production…`, as the proposed agenda names an action."""
    return f"{action.code} – {action.title}" if action.code else action.title


def fill_kinds(combo: QComboBox) -> None:
    for kind in MeetingKind:
        combo.addItem(kind.label, kind.value)


class ParticipantPicker(QWidget):
    """The directory with a checkbox per actor, a search line and the count of those chosen."""

    def __init__(
        self,
        actors: Iterable[ActorRecord],
        chosen: Iterable[int] = (),
        governance: Iterable[int] = (),
        parent: QWidget | None = None,
        creation: ActorCreation | None = None,
    ) -> None:
        super().__init__(parent)
        self._governance = set(governance)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Rechercher un nom, une organisation…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Rechercher dans l'annuaire"))
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Participants"))
        self.list.setAccessibleDescription(self.tr("Cochez les acteurs de l'annuaire qui participent (Espace)"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        selected = set(chosen)
        for actor in sorted(actors, key=lambda a: plain(a.name)):
            self._add_item(actor, actor.id in selected)
        self.list.itemChanged.connect(lambda _item: self._update_count())
        self.count_label = QLabel(self)
        self.governance_button = QPushButton(self.tr("Cocher la gouvernance"), self)
        self.governance_button.setToolTip(self.tr("Le binôme, le chef de projet et les référents du territoire"))
        self.governance_button.setEnabled(bool(self._governance))
        self.governance_button.clicked.connect(self.check_governance)
        self.none_button = QPushButton(self.tr("Tout décocher"), self)
        self.none_button.clicked.connect(self.uncheck_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.governance_button)
        buttons.addWidget(self.none_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        search_line = QHBoxLayout()
        search_line.addWidget(self.search, 1)
        if creation is not None:  # « Nouvel acteur… »: a participant not yet in the directory, checked at once
            self.new_actor_button = creation.button(None, parent=self)
            self.new_actor_button.name_for(self.tr("Participant"))
            self.new_actor_button.created.connect(self.add_chosen)
            search_line.addWidget(self.new_actor_button)
        layout.addLayout(search_line)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._update_count()

    def _add_item(self, actor: ActorRecord, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(actor.display_name, self.list)
        item.setData(ID_ROLE, actor.id)
        item.setData(SEARCH_ROLE, plain(f"{actor.name} {actor.organisation or ''} {actor.kind.label}"))
        item.setToolTip(f"{actor.display_name}\n{actor.kind.label}")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def add_chosen(self, actor: ActorRecord) -> None:
        """A newcomer of the directory, checked and shown."""
        self.list.scrollToItem(self._add_item(actor, True))
        self._update_count()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _filter(self, text: str) -> None:
        wanted = plain(text.strip())
        for item in self._items():
            item.setHidden(bool(wanted) and wanted not in item.data(SEARCH_ROLE))

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{count} participant(s)").format(count=len(self.chosen_ids())))

    def chosen_ids(self) -> set[int]:
        return {int(item.data(ID_ROLE)) for item in self._items() if item.checkState() == Qt.CheckState.Checked}

    def set_checked(self, actor_id: int, checked: bool = True) -> None:
        for item in self._items():
            if item.data(ID_ROLE) == actor_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def visible_names(self) -> list[str]:
        return [item.text() for item in self._items() if not item.isHidden()]

    def check_governance(self) -> None:
        for actor_id in self._governance:
            self.set_checked(actor_id)

    def uncheck_all(self) -> None:
        for item in self._items():
            item.setCheckState(Qt.CheckState.Unchecked)


class NewMeetingDialog(RecordFormDialog):
    """Kind, date (today by default), place, participants and notes; the agenda is proposed on saving."""

    required = required_fields(entities.MEETING.fields)  # their labels end with « * »

    def __init__(
        self,
        save: Save,
        actors: Iterable[ActorRecord],
        governance: Iterable[int],
        proposal_summary: str,
        default_day: str,
        parent: QWidget | None = None,
        creation: ActorCreation | None = None,
    ) -> None:
        super().__init__("", save, parent, minimum_width=620)
        self.setWindowTitle(self.tr("Nouvelle réunion"))
        spec = entities.MEETING.fields
        self.kind_combo = QComboBox(self)
        fill_kinds(self.kind_combo)
        self.date_edit = QLineEdit(default_day, self)
        self.date_edit.setPlaceholderText(self.tr("jj/mm/aaaa"))
        date_field(self.date_edit)
        self.place_edit = QLineEdit(self)
        self.place_edit.setPlaceholderText(self.tr("ex. Salle du conseil communautaire"))
        self.picker = ParticipantPicker(actors, governance=governance, parent=self, creation=creation)
        self.picker.setMinimumHeight(220)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(70)
        self.propose_box = QCheckBox(self.tr("Proposer l'ordre du jour automatiquement"), self)
        self.propose_box.setChecked(True)
        self.proposal_label = QLabel(proposal_summary, self)
        self.proposal_label.setWordWrap(True)
        set_role(self.proposal_label, Role.HINT)
        self.propose_box.toggled.connect(self.proposal_label.setEnabled)
        self.add_row("kind", spec["kind"].label, self.kind_combo)
        self.add_row("held_on", spec["held_on"].label + " *", self.date_edit)
        self.add_row("place", spec["place"].label, self.place_edit)
        self.add_row("participants", self.tr("Participants"), self.picker)
        self.add_row("notes", spec["notes"].label, self.notes_edit)
        proposal = QWidget(self)
        proposal_layout = QVBoxLayout(proposal)
        proposal_layout.setContentsMargins(0, 0, 0, 0)
        proposal_layout.addWidget(self.propose_box)
        proposal_layout.addWidget(self.proposal_label)
        self.add_row("propose", self.tr("Ordre du jour"), proposal)
        self.save_button.setText(self.tr("Créer la réunion"))

    def values(self) -> dict[str, Any]:
        spec = entities.MEETING.fields
        return {
            "kind": MeetingKind(self.kind_combo.currentData()),
            "held_on": parse_date(self.date_edit.text(), "held_on", spec["held_on"].label),
            "place": self.place_edit.text().strip() or None,
            "notes": self.notes_edit.toPlainText().strip() or None,
            "participant_ids": self.picker.chosen_ids(),
            "propose": self.propose_box.isChecked(),
        }


class ParticipantsDialog(RecordFormDialog):
    def __init__(
        self,
        save: Save,
        actors: Iterable[ActorRecord],
        chosen: Iterable[int],
        governance: Iterable[int],
        parent: QWidget | None = None,
        creation: ActorCreation | None = None,
    ) -> None:
        super().__init__("", save, parent, minimum_width=520)
        self.setWindowTitle(self.tr("Participants de la réunion"))
        self.picker = ParticipantPicker(actors, chosen, governance, self, creation)
        self.picker.setMinimumHeight(360)
        self.add_row("participants", self.tr("Participants"), self.picker)

    def values(self) -> dict[str, Any]:
        return {"participant_ids": self.picker.chosen_ids()}


class AgendaItemDialog(RecordFormDialog):
    """A free item (title and notes), or the wording and notes of any item being edited."""

    required = required_fields(entities.AGENDA_ITEM.fields)  # their labels end with « * »

    def __init__(self, save: Save, item: AgendaItemRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__("", save, parent, minimum_width=560)
        spec = entities.AGENDA_ITEM.fields
        self.setWindowTitle(self.tr("Point libre") if item is None else self.tr("Modifier le point"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("ex. Questions diverses"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(110)
        if item is not None:
            self.title_edit.setText(item.title)
            self.notes_edit.setPlainText(item.notes or "")
        self.add_row("title", spec["title"].label + " *", self.title_edit)
        self.add_row("notes", spec["notes"].label, self.notes_edit)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text().strip() or None,
            "notes": self.notes_edit.toPlainText().strip() or None,
        }


class ActionPickerDialog(QDialog):
    """A searchable list of the plan's actions; `choose(action_id)` is called with the one picked."""

    def __init__(
        self,
        actions: Iterable[ActionRecord],
        choose: Callable[[int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ActionPickerDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self._choose = choose
        self.search = self.ui.searchEdit
        self.search.textChanged.connect(self._filter)
        self.list = self.ui.actionList
        for action in actions:
            item = QListWidgetItem(action_label(action), self.list)
            item.setData(ID_ROLE, action.id)
            item.setData(SEARCH_ROLE, plain(f"{action.code or ''} {action.title}"))
            item.setToolTip(self.tr("{label}\nStatut : {status}").format(label=item.text(), status=action.status.label))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self._update_button())
        self.empty_label = self.ui.emptyLabel
        self.empty_label.setVisible(self.list.count() == 0)
        self.message = as_error_label(self.ui.messageLabel)
        self.buttons = self.ui.buttonBox
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Ajouter"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_button()

    def _filter(self, text: str) -> None:
        wanted = plain(text.strip())
        first_visible: QListWidgetItem | None = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(wanted) and wanted not in item.data(SEARCH_ROLE)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.list.currentItem()
        if current is None or current.isHidden():
            if first_visible is not None:
                self.list.setCurrentItem(first_visible)
            else:
                self.list.setCurrentRow(-1)
        self._update_button()

    def visible_labels(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count()) if not self.list.item(row).isHidden()]

    def select_action(self, action_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == action_id:
                self.list.setCurrentRow(row)

    def current_action_id(self) -> int | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return int(item.data(ID_ROLE))

    def _update_button(self) -> None:
        self.ok_button.setEnabled(self.current_action_id() is not None)

    def accept(self) -> None:
        action_id = self.current_action_id()
        if action_id is None:
            return
        try:
            self._choose(action_id)
        except TiDesktopError as error:
            set_error(self.message, error.message)
            return
        super().accept()
