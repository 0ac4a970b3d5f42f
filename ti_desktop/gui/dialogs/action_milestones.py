"""Jalons tab: the action's milestones (overdue ones in red), their form, and "atteint aujourd'hui"."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from ti_desktop.domain import entities
from ti_desktop.domain.records import MilestoneRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.date_edit import date_field
from ti_desktop.gui.dialogs.action_tab import (
    ActionTab,
    ShowMessage,
    SubmitDialog,
    action_name,
    selected_record,
    setup_table,
)
from ti_desktop.gui.dialogs.record_form import Save
from ti_desktop.gui.field_errors import required_fields
from ti_desktop.gui.forms.ui_action_editor import Ui_ActionEditor
from ti_desktop.gui.forms.ui_action_milestone import Ui_MilestoneDialog
from ti_desktop.gui.inputs import parse_date, show_date
from ti_desktop.gui.models.records import ERROR_TEXT, SUCCESS_TEXT, Column, RecordTableModel
from ti_desktop.gui.theme import apply_roles
from ti_desktop.kernel.formatting import format_date
from ti_desktop.services.use_cases import HasMilestones


class MilestoneDialog(SubmitDialog):
    def __init__(self, parent: QWidget | None, submit: Save, milestone: MilestoneRecord | None = None) -> None:
        super().__init__(parent, submit)
        self.ui = Ui_MilestoneDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.prepare(self.ui.errorLabel, self.ui.buttonBox)
        ui = self.ui
        for edit in (ui.dueEdit, ui.doneEdit):
            date_field(edit)
        self.errors.beside(
            ui.fieldsForm,
            {"title": ui.titleEdit, "due_on": ui.dueEdit, "done_on": ui.doneEdit},
            required_fields(entities.MILESTONE.fields),
        )
        if milestone is not None:
            self.setWindowTitle(self.tr("Modifier le jalon"))
            self.ui.titleEdit.setText(milestone.title)
            self.ui.dueEdit.setText(show_date(milestone.due_on))
            self.ui.doneEdit.setText(show_date(milestone.done_on))
        else:
            self.setWindowTitle(self.tr("Nouveau jalon"))

    def values(self) -> dict[str, Any]:
        spec = entities.MILESTONE.fields
        return {
            "title": self.ui.titleEdit.text().strip() or None,
            "due_on": parse_date(self.ui.dueEdit.text(), "due_on", spec["due_on"].label),
            "done_on": parse_date(self.ui.doneEdit.text(), "done_on", spec["done_on"].label),
        }


class MilestonesTabServices(HasMilestones, Protocol):
    """What MilestonesTab uses."""


class MilestonesTab(ActionTab):
    def __init__(
        self,
        context: AppContext,
        services: MilestonesTabServices,
        ui: Ui_ActionEditor,
        host: QWidget,
        show_message: ShowMessage,
    ) -> None:
        super().__init__(context, host, show_message)
        self.services = services
        self.ui = ui
        self.model: RecordTableModel[MilestoneRecord] = RecordTableModel(
            [
                Column(self.tr("Jalon"), lambda m: m.title, colour=self._colour),
                Column(self.tr("Échéance"), lambda m: format_date(m.due_on, empty="")),
                Column(self.tr("Atteint le"), lambda m: format_date(m.done_on, empty="")),
                Column(self.tr("État"), self._state, colour=self._colour, bold=self._overdue),
            ],
            self,
            theme=self.context.theme,
        )
        ui.milestonesView.setModel(self.model)
        setup_table(ui.milestonesView, 0)
        ui.addMilestoneButton.clicked.connect(self.open_new_milestone)
        ui.editMilestoneButton.clicked.connect(self.open_selected_milestone)
        ui.milestonesView.doubleClicked.connect(lambda _index: self.open_selected_milestone())
        ui.markDoneButton.clicked.connect(self.mark_selected_done)
        ui.deleteMilestoneButton.clicked.connect(self.delete_selected_milestone)

    def _overdue(self, milestone: MilestoneRecord) -> bool:
        return milestone.is_overdue(self.context.today)

    def _state(self, milestone: MilestoneRecord) -> str:
        if milestone.done_on is not None:
            return self.tr("Atteint")
        if self._overdue(milestone):
            days = (self.context.today - milestone.due_on).days if milestone.due_on else 0
            return self.tr("En retard de {days} j").format(days=days)
        return self.tr("À venir")

    def _colour(self, milestone: MilestoneRecord) -> str | None:
        if self._overdue(milestone):
            return ERROR_TEXT
        return SUCCESS_TEXT if milestone.done_on is not None else None

    def reload(self) -> None:
        if self.action is not None:
            self.model.set_records(self.services.milestones.list(action_id=self.action.id))

    def open_new_milestone(self) -> MilestoneDialog:
        assert self.action is not None
        action = self.action

        def submit(values: dict[str, Any]) -> object:
            text = self.tr("Ajouter le jalon « {title} » à {action}").format(
                title=values["title"] or "", action=action_name(action)
            )
            return self.context.editor.create(self.services.milestones, text, action_id=action.id, **values)

        return self.open_form(MilestoneDialog(self.host, submit))

    def open_selected_milestone(self) -> MilestoneDialog | None:
        milestone = self._selected(self.tr("Sélectionnez d'abord le jalon à modifier."))
        if milestone is None or self.action is None:
            return None
        action = self.action

        def submit(values: dict[str, Any]) -> object:
            text = self.tr("Modifier le jalon « {title} » de {action}").format(
                title=milestone.title, action=action_name(action)
            )
            return self.context.editor.update(self.services.milestones, milestone.id, text, milestone.version, **values)

        return self.open_form(MilestoneDialog(self.host, submit, milestone))

    def mark_selected_done(self) -> None:
        milestone = self._selected(self.tr("Sélectionnez d'abord le jalon à marquer comme atteint."))
        if milestone is None or self.action is None:
            return
        if milestone.done_on is not None:
            self.show_message(
                self.tr("Ce jalon est déjà atteint (le {date}).").format(date=format_date(milestone.done_on))
            )
            return
        today: dt.date = self.context.today
        text = self.tr("Jalon « {title} » atteint").format(title=milestone.title)
        self.run_edit(
            lambda: self.context.editor.update(
                self.services.milestones, milestone.id, text, milestone.version, done_on=today
            )
        )

    def delete_selected_milestone(self) -> None:
        milestone = self._selected(self.tr("Sélectionnez d'abord le jalon à supprimer."))
        if milestone is None or self.action is None:
            return
        text = self.tr("Supprimer le jalon « {title} » de {action}").format(
            title=milestone.title, action=action_name(self.action)
        )
        self.run_edit(
            lambda: self.context.editor.delete(self.services.milestones, milestone.id, text, milestone.version)
        )

    def _selected(self, hint: str) -> MilestoneRecord | None:
        milestone = selected_record(self.ui.milestonesView, MilestoneRecord)
        if milestone is None:
            self.show_message(hint)
        return milestone
