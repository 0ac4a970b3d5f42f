"""Capturing a decision live, in large type: what is decided (required), who carries it (from the directory,
optional), by when (optional, `15/12/2026`); saved "à faire" through the undoable editor, linked to the
meeting and to the item's action. Entrée saves, Échap cancels; a refusal is shown in the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain.entities import DECISION
from ti_desktop.domain.enums import DecisionState
from ti_desktop.domain.errors import TiDesktopError, ValidationError
from ti_desktop.domain.records import DecisionRecord, MeetingRecord
from ti_desktop.gui.actor_picker import ActorCreation
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.date_edit import date_field
from ti_desktop.gui.inputs import parse_date
from ti_desktop.gui.meeting_mode.services import DecisionDialogServices
from ti_desktop.gui.meeting_mode.texts import shorten
from ti_desktop.gui.meeting_mode.theme import Theme
from ti_desktop.gui.meeting_mode.widgets import label, polish


class DecisionDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        services: DecisionDialogServices,
        meeting: MeetingRecord,
        action_id: int | None,
        about: str,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.context = context
        self.meeting = meeting
        self.action_id = action_id
        self.saved: DecisionRecord | None = None
        self.setWindowTitle(self.tr("Nouvelle décision"))
        self.setStyleSheet(theme.dialog_style_sheet())

        heading = label(self.tr("Nouvelle décision"), "heading", self)
        subject = label(about, "muted", self)
        subject.setObjectName("decisionSubject")

        self.text = QLineEdit(self)
        self.text.setObjectName("decisionText")
        self.text.setMaxLength(2000)
        self.text.setPlaceholderText(self.tr("Ce qui est décidé"))

        self.owner = QComboBox(self)
        self.owner.setObjectName("decisionOwner")
        self.owner.setEditable(True)
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Long names ("Sophie Klein (Communauté de communes…)") must not squeeze the form's labels.
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.owner.setMinimumContentsLength(16)
        self.owner.addItem("", None)
        self._owners: dict[str, int] = {}
        for actor in services.actors.list():
            self.owner.addItem(actor.display_name, actor.id)
            self._owners.setdefault(actor.display_name.casefold(), actor.id)
            self._owners.setdefault(actor.name.casefold(), actor.id)
        self.owner.setCurrentIndex(0)
        line = self.owner.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Nom dans l'annuaire (facultatif)"))
        completer = QCompleter(self.owner.model(), self.owner)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.owner.setCompleter(completer)

        self.due = QLineEdit(self)
        self.due.setObjectName("decisionDue")
        self.due.setPlaceholderText(self.tr("jj/mm/aaaa (facultatif)"))
        date_field(self.due)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(theme.px(1.2))
        form.setHorizontalSpacing(theme.px(1.6))
        # « Nouvel acteur… »: the person carrying the decision may not be in the directory yet.
        owner_field, self.new_owner_button = ActorCreation(context, services).row(self.owner)
        self.new_owner_button.name_for(self.tr("Responsable"))
        for caption, field, shown in (
            (self.tr("Décision"), self.text, self.text),
            (self.tr("Responsable"), self.owner, owner_field),
            (self.tr("Échéance"), self.due, self.due),
        ):
            row_label = label(caption, "", self, wrap=False)
            row_label.setBuddy(field)  # the screen reader's name of the field
            form.addRow(row_label, shown)
        form.addRow(label(self.tr("État"), "", self, wrap=False), label(DecisionState.A_FAIRE.label, "", self))

        self.error = label("", "error", self)
        self.error.setObjectName("decisionError")
        self.error.hide()

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Enregistrer (Entrée)"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Annuler (Échap)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        margin = theme.margin
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(theme.px(1.2))
        layout.addWidget(heading)
        layout.addWidget(subject)
        if meeting.closed_at is not None:
            layout.addWidget(
                label(
                    self.tr("La réunion est close : la décision sera tout de même ajoutée à son relevé."),
                    "muted",
                    self,
                )
            )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if parent is not None:
            self.setMinimumWidth(max(560, round(parent.width() * 0.62)))
        polish(self)
        self.text.setFocus()

    # -- reading the form -------------------------------------------------------------------------
    def owner_id(self) -> int | None:
        typed = self.owner.currentText().strip()
        if not typed:
            return None
        index = self.owner.currentIndex()
        if index > 0 and self.owner.itemText(index).casefold() == typed.casefold():
            data = self.owner.itemData(index)
            return int(data) if data is not None else None
        found = self._owners.get(typed.casefold())
        if found is None:
            raise ValidationError(
                "owner_actor_id",
                DECISION.fields["owner_actor_id"].label,
                self.tr(
                    "« {name} » n'est pas dans l'annuaire : choisissez un nom de la liste, ou laissez vide."
                ).format(name=typed),
            )
        return found

    def values(self) -> dict[str, object]:
        return {
            "meeting_id": self.meeting.id,
            "action_id": self.action_id,
            "text": self.text.text().strip(),
            "owner_actor_id": self.owner_id(),
            "due_on": parse_date(self.due.text(), "due_on", DECISION.fields["due_on"].label),
            "state": DecisionState.A_FAIRE,
        }

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.adjustSize()

    def accept(self) -> None:
        try:
            values = self.values()
            undo_label = self.tr("Décision « {text} »").format(text=shorten(str(values["text"]), 40))
            self.saved = self.context.editor.create(self.services.decisions, undo_label, **values)
        except TiDesktopError as error:
            self.show_error(error.message)
            return
        super().accept()
