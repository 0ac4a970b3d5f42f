"""Suivi tab: the progress updates (points d'avancement), newest first, alerts marked in red, and the form
of a new one. A new update also carries its status and progress onto the action (services side)."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from ti_desktop.domain import entities
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import ActionRecord, ProgressUpdateRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.date_edit import date_field
from ti_desktop.gui.dialogs.action_general import fill_combo
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
from ti_desktop.gui.forms.ui_action_progress_update import Ui_ProgressUpdateDialog
from ti_desktop.gui.inputs import parse_date, show_date
from ti_desktop.gui.models.records import ERROR_TEXT, Column, RecordTableModel
from ti_desktop.gui.theme import Role, apply_roles, set_role
from ti_desktop.kernel.formatting import format_date
from ti_desktop.services.use_cases import HasActions, HasUpdates

ALERT_MARK = "●"


def carried(action: ActionRecord) -> dict[str, Any]:
    """What a new progress update carries onto its action (and what its undo puts back)."""
    return {"status": action.status, "progress": action.progress, "actual_end": action.actual_end}


class ProgressUpdateDialog(SubmitDialog):
    def __init__(
        self, parent: QWidget | None, submit: Save, action: ActionRecord, today: dt.date, author: str = ""
    ) -> None:
        super().__init__(parent, submit)
        self.ui = Ui_ProgressUpdateDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.prepare(self.ui.errorLabel, self.ui.buttonBox)
        ui = self.ui
        self.setWindowTitle(self.tr("Nouveau point d'avancement — {action}").format(action=action_name(action)))
        date_field(ui.reportedOnEdit)
        ui.reportedOnEdit.setText(show_date(today))
        ui.authorEdit.setText(author)  # the name the user gave (gui/user_name.py), never the computer's login
        fill_combo(ui.statusCombo, [(s.label, s.value) for s in ActionStatus], action.status)
        ui.progressSpin.setSuffix("\u202f%")
        ui.progressSpin.setValue(action.progress)
        # Checked, the alert shows in bold red: the committee will see it first.
        ui.alertCheck.toggled.connect(lambda on: set_role(ui.alertCheck, Role.ALERT if on else None))
        self.errors.beside(
            ui.fieldsForm,
            {
                "reported_on": ui.reportedOnEdit,
                "author": ui.authorEdit,
                "status": ui.statusCombo,
                "progress": ui.progressSpin,
                "done": ui.doneEdit,
                "difficulties": ui.difficultiesEdit,
                "next_steps": ui.nextStepsEdit,
            },
            required_fields(entities.PROGRESS_UPDATE.fields),
        )

    def values(self) -> dict[str, Any]:
        ui = self.ui
        ui.progressSpin.interpretText()
        label = entities.PROGRESS_UPDATE.fields["reported_on"].label
        return {
            "reported_on": parse_date(ui.reportedOnEdit.text(), "reported_on", label),
            "author": ui.authorEdit.text().strip() or None,
            "status": ui.statusCombo.currentData(),
            "progress": ui.progressSpin.value(),
            "done": ui.doneEdit.toPlainText().strip() or None,
            "difficulties": ui.difficultiesEdit.toPlainText().strip() or None,
            "next_steps": ui.nextStepsEdit.toPlainText().strip() or None,
            "alert": ui.alertCheck.isChecked(),
        }


class UpdatesTabServices(HasActions, HasUpdates, Protocol):
    """What UpdatesTab uses."""


class UpdatesTab(ActionTab):
    def __init__(
        self,
        context: AppContext,
        services: UpdatesTabServices,
        ui: Ui_ActionEditor,
        host: QWidget,
        show_message: ShowMessage,
    ) -> None:
        super().__init__(context, host, show_message)
        self.services = services
        self.ui = ui

        def alert_colour(update: ProgressUpdateRecord) -> str | None:
            return ERROR_TEXT if update.alert else None

        self.model: RecordTableModel[ProgressUpdateRecord] = RecordTableModel(
            [
                Column(
                    self.tr("Alerte"),
                    lambda u: f"{ALERT_MARK} {self.tr('Alerte')}" if u.alert else "",
                    colour=alert_colour,
                    bold=lambda u: u.alert,
                ),
                Column(self.tr("Date"), lambda u: format_date(u.reported_on), colour=alert_colour),
                Column(self.tr("Auteur"), lambda u: u.author or ""),
                Column(self.tr("Statut"), lambda u: u.status.label),
                Column(self.tr("Avancement"), lambda u: f"{u.progress}\u202f%", right_aligned=True),
                Column(self.tr("Réalisé"), lambda u: " ".join((u.done or "").split()), tooltip=lambda u: u.done),
            ],
            self,
            theme=self.context.theme,
        )
        ui.updatesView.setModel(self.model)
        setup_table(ui.updatesView, 5)
        ui.updatesSplitter.setSizes([260, 200])
        ui.updatesView.selectionModel().selectionChanged.connect(lambda *_args: self._show_detail())
        ui.newUpdateButton.clicked.connect(self.open_new_update)

    def reload(self) -> None:
        if self.action is None:
            return
        self.model.set_records(self.services.updates.for_action(self.action.id))
        if self.model.rowCount():
            self.ui.updatesView.selectRow(0)
        self._show_detail()

    def _show_detail(self) -> None:
        update = selected_record(self.ui.updatesView, ProgressUpdateRecord)
        if update is None:
            self.ui.updateDetail.setHtml(
                "<p>{}</p>".format(html.escape(self.tr("Aucun point d'avancement pour cette action.")))
                if not self.model.rowCount()
                else ""
            )
            return
        parts = [
            "<h3>{}</h3>".format(
                html.escape(
                    self.tr("Point du {date} — {author}").format(
                        date=format_date(update.reported_on), author=update.author or self.tr("auteur inconnu")
                    )
                )
            ),
            "<p>{}</p>".format(
                html.escape(
                    self.tr("Statut : {status} · Avancement : {progress}\u202f%").format(
                        status=update.status.label, progress=update.progress
                    )
                )
            ),
        ]
        if update.alert:
            parts.append(
                '<p style="color:{}; font-weight:bold;">{} {}</p>'.format(
                    self.context.theme.error, ALERT_MARK, html.escape(self.tr("Alerte signalée au comité de pilotage"))
                )
            )
        for title, text in (
            (self.tr("Réalisé"), update.done),
            (self.tr("Difficultés"), update.difficulties),
            (self.tr("Prochaines étapes"), update.next_steps),
        ):
            if text:
                body = "<br>".join(html.escape(line) for line in text.splitlines())
                parts.append(f"<p><b>{html.escape(title)}</b><br>{body}</p>")
        self.ui.updateDetail.setHtml("".join(parts))

    def open_new_update(self) -> ProgressUpdateDialog:
        assert self.action is not None
        action = self.action

        def submit(values: dict[str, Any]) -> object:
            text = self.tr("Nouveau point d'avancement de {action}").format(action=action_name(action))
            self._record_update(text, action.id, values)
            return None

        # Signed with the user's name: asked here if it never was given (or was put off at the first launch).
        author = self.context.user_name or self.context.ask_user_name(self.host) or ""
        return self.open_form(ProgressUpdateDialog(self.host, submit, action, self.context.today, author))

    def _record_update(self, text: str, action_id: int, values: dict[str, Any]) -> None:
        """Creating an update also sets the action's status and progress: undo puts both back as they were,
        redo as the update left them (each in one transaction, under the editor's version guard)."""
        updates, actions = self.services.updates, self.services.actions
        before = carried(actions.get(action_id))
        done: dict[str, Any] = {}

        def create() -> None:
            done["update"] = updates.create(action_id=action_id, **values)
            done["after"] = carried(actions.get(action_id))

        self.context.editor.run(
            text,
            create,
            undo=lambda: updates.withdraw(done["update"].id, before),
            redo=lambda: updates.reinstate(done["update"], done["after"]),
        )
