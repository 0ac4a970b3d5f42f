"""Enjeux: the territory's challenges grouped by axis, with the actions of the plan that answer each.

A challenge no action answers is the gap a chef de projet must see first: it is flagged in orange and
the « Enjeux sans action » filter shows only those.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ti_desktop.domain import entities
from ti_desktop.domain.enums import Priority
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.records import ActionRecord, AxisRecord, ChallengeRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.confirm import confirm
from ti_desktop.gui.dialogs.record_form import RecordFormDialog, for_reading
from ti_desktop.gui.field_errors import as_error_label, required_fields, set_error
from ti_desktop.gui.forms.ui_diagnostic_challenges import Ui_ChallengesTab
from ti_desktop.gui.models.diagnostic import (
    KIND_ROLE,
    RECORD_ID_ROLE,
    ChallengeColumn,
    ChallengeTreeModel,
)
from ti_desktop.gui.pages.diagnostic_forms import fill_axis_combo, optional_text, short
from ti_desktop.gui.tables import fit_columns
from ti_desktop.gui.theme import Role, Theme, apply_roles, scaled_font, set_role
from ti_desktop.services.use_cases import HasActions, HasAxes, HasChallenges


def badge_style(theme: Theme) -> str:
    return (
        f"background: {theme.unanswered_background}; color: {theme.unanswered_text};"
        f" border: 1px solid {theme.unanswered_border}; border-radius: 4px; padding: 3px 8px; font-weight: bold;"
    )


class ChallengeDialog(RecordFormDialog):
    required = required_fields(entities.CHALLENGE.fields)

    def __init__(
        self,
        title: str,
        axes: list[AxisRecord],
        challenge: ChallengeRecord | None,
        axis_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent=parent, minimum_width=520)
        self.axis_combo = QComboBox(self)
        fill_axis_combo(self.axis_combo, axes, None, challenge.axis_id if challenge is not None else axis_id)
        self.title_edit = QLineEdit(self)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setFixedHeight(120)
        self.priority_combo = QComboBox(self)
        for priority in Priority:
            self.priority_combo.addItem(priority.label, priority.value)
        priority = challenge.priority if challenge is not None else Priority.MOYENNE
        self.priority_combo.setCurrentIndex(self.priority_combo.findData(priority.value))
        if challenge is not None:
            self.title_edit.setText(challenge.title)
            self.description_edit.setPlainText(challenge.description or "")
        self.add_row("axis_id", self.tr("Axe"), self.axis_combo)
        self.add_row("title", self.tr("Titre de l'enjeu"), self.title_edit)
        self.add_row("description", self.tr("Description"), self.description_edit)
        self.add_row("priority", self.tr("Priorité"), self.priority_combo)

    def values(self) -> dict[str, Any]:
        return {
            "axis_id": self.axis_combo.currentData(),
            "title": self.title_edit.text(),
            "description": optional_text(self.description_edit),
            "priority": self.priority_combo.currentData(),
        }


class ChallengesTabServices(HasActions, HasAxes, HasChallenges, Protocol):
    """What ChallengesTab uses."""


class ChallengesTab(QWidget):
    def __init__(self, context: AppContext, services: ChallengesTabServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        # The buttons, the tree, the selected challenge's card and the message line: ui/diagnostic_challenges.ui.
        self.ui = ui = Ui_ChallengesTab()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.context = context
        self.dialog: ChallengeDialog | None = None
        self.model = ChallengeTreeModel(self, context.theme)
        self._axes: list[AxisRecord] = []
        self._challenges: list[ChallengeRecord] = []
        self._answers: dict[int, list[ActionRecord]] = {}
        self.add_button = ui.addButton
        self.edit_button = ui.editButton
        self.delete_button = ui.deleteButton
        self.unanswered_only = ui.unansweredCheck
        self.summary_label = ui.summaryLabel
        self.add_button.clicked.connect(self.add_challenge)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.unanswered_only.toggled.connect(lambda _checked: self._refill())
        self._build_view()
        self._build_detail()
        self.message = as_error_label(ui.messageLabel)
        self._show_detail(None)

    def _build_view(self) -> None:
        self.view = self.ui.challengeView
        self.view.setModel(self.model)
        fit_columns(self.view, ChallengeColumn.TITLE, text_columns={ChallengeColumn.ANSWER})
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.selectionModel().currentChanged.connect(lambda *_args: self._on_current_changed())

    def _build_detail(self) -> None:
        ui = self.ui
        self.detail = ui.detail
        self.detail_title = ui.detailTitle
        self.detail_title.setFont(scaled_font(QFont(), self.context.theme.sizes.detail_title_scale, bold=True))
        self.detail_meta = ui.detailMeta
        set_role(self.detail_meta, Role.HINT)
        self.detail_badge = ui.detailBadge
        self.detail_badge.setStyleSheet(badge_style(self.context.theme))
        self.detail_description = ui.detailDescription

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        tid = self.context.territory_id
        assert tid is not None
        services = self.services
        self._axes = services.axes.available_to(tid)
        self._challenges = services.challenges.list(territory_id=tid)
        self._answers = {c.id: services.actions.actions_answering(c.id) for c in self._challenges}
        self._refill()

    def _refill(self) -> None:
        selected = self.current_challenge_id()
        self.model.set_challenges(
            self._axes, self._challenges, self._answers, unanswered_only=self.unanswered_only.isChecked()
        )
        self.view.expandAll()
        total, missing = self.model.challenge_count, self.model.unanswered_count
        counted = self.tr("1 enjeu") if total == 1 else self.tr("{count} enjeux").format(count=total)
        summary = self.tr("{counted}, dont {missing} sans action").format(counted=counted, missing=missing)
        self.summary_label.setText(summary)
        set_role(self.summary_label, Role.UNANSWERED if missing else None)
        index = self.model.index_of_challenge(selected)
        if index.isValid():
            self.view.setCurrentIndex(index)
        self._on_current_changed()

    # -- selection -----------------------------------------------------------------------------
    def current_challenge(self) -> ChallengeRecord | None:
        return self.model.challenge_at(self.view.currentIndex())

    def current_challenge_id(self) -> int | None:
        challenge = self.current_challenge()
        return challenge.id if challenge is not None else None

    def select_challenge(self, challenge_id: int) -> None:
        index = self.model.index_of_challenge(challenge_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _current_axis_id(self) -> int | None:
        index = self.view.currentIndex()
        while index.isValid() and index.parent().isValid():
            index = index.parent()
        value = index.data(RECORD_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def _on_current_changed(self) -> None:
        challenge = self.current_challenge()
        self.edit_button.setEnabled(challenge is not None)
        self.delete_button.setEnabled(challenge is not None)
        self._show_detail(challenge)

    def _show_detail(self, challenge: ChallengeRecord | None) -> None:
        if challenge is None:
            self.detail_title.setText(self.tr("Choisissez un enjeu pour voir sa description."))
            self.detail_meta.clear()
            self.detail_description.clear()
            self.detail_badge.hide()
            return
        axis = next((a.label for a in self._axes if a.id == challenge.axis_id), "")
        answers = self._answers.get(challenge.id, [])
        self.detail_title.setText(challenge.title)
        self.detail_meta.setText(
            self.tr("Axe : {axis} · Priorité : {priority} · {answers}").format(
                axis=axis, priority=challenge.priority.label, answers=self._answers_text(len(answers))
            )
        )
        self.detail_description.setText(challenge.description or self.tr("(pas de description)"))
        self.detail_badge.setVisible(not answers)

    def _answers_text(self, count: int) -> str:
        if count == 0:
            return self.tr("aucune action n'y répond")
        if count == 1:
            return self.tr("1 action y répond (double-cliquez sur une action pour ouvrir sa fiche)")
        return self.tr("{count} actions y répondent (double-cliquez sur une action pour ouvrir sa fiche)").format(
            count=count
        )

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "action":
            self.context.open_action(int(index.data(RECORD_ID_ROLE)))
        elif index.data(KIND_ROLE) == "challenge":
            self.edit_current()

    # -- commands ------------------------------------------------------------------------------
    def add_challenge(self) -> None:
        self._open_dialog(None)

    def edit_current(self) -> None:
        challenge = self.current_challenge()
        if challenge is not None:
            self._open_dialog(challenge)

    def _open_dialog(self, challenge: ChallengeRecord | None) -> None:
        self.message.clear()
        title = self.tr("Modifier un enjeu") if challenge is not None else self.tr("Nouvel enjeu")
        dialog = ChallengeDialog(title, self._axes, challenge, self._current_axis_id(), self)
        dialog.save = lambda values: self._save(values, challenge)
        self.dialog = for_reading(dialog, self.context.read_only_reason)
        dialog.open()
        dialog.title_edit.setFocus()

    def _save(self, values: dict[str, Any], challenge: ChallengeRecord | None) -> None:
        crud = self.services.challenges
        if challenge is None:
            label = self.tr("Ajouter l'enjeu « {title} »").format(title=short(values["title"]))
            record = self.context.editor.create(crud, label, territory_id=self.context.territory_id, **values)
            self.select_challenge(record.id)
        else:
            label = self.tr("Modifier l'enjeu « {title} »").format(title=short(challenge.title))
            self.context.editor.update(crud, challenge.id, label, challenge.version, **values)

    def delete_current(self) -> None:
        challenge = self.current_challenge()
        if challenge is None:
            return
        answering = self._answers.get(challenge.id, [])
        question = self.tr("Supprimer l'enjeu « {title} » ?").format(title=short(challenge.title, 100))
        if answering:
            question += "\n" + self.tr("{count} action(s) n'y répondront plus.").format(count=len(answering))
        if not confirm(self, self.tr("Supprimer un enjeu"), question):
            return
        try:
            # Undo puts the challenge back with the actions that answered it.
            self.context.editor.delete(
                self.services.challenges,
                challenge.id,
                self.tr("Supprimer l'enjeu « {title} »").format(title=short(challenge.title)),
                challenge.version,
            )
        except TiDesktopError as error:
            set_error(self.message, error.message)
