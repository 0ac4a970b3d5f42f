"""Historique tab: every change of the action and of what hangs from it, newest first, in French."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from ti_desktop.domain.records import ChangeLogRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.action_tab import ActionTab, ShowMessage, setup_table
from ti_desktop.gui.forms.ui_action_editor import Ui_ActionEditor
from ti_desktop.gui.history_text import (
    PlanNamesServices,
    Resolver,
    change_text,
    entity_label,
    format_timestamp,
    plan_names,
    qt_translate,
    record_namer,
    reference_resolver,
)
from ti_desktop.gui.models.records import Column, RecordTableModel
from ti_desktop.kernel.formatting import format_date
from ti_desktop.services.use_cases import HasFunding, HasHistory, HasPartners, HasUpdates


class HistoryTabServices(PlanNamesServices, HasFunding, HasHistory, HasPartners, HasUpdates, Protocol):
    """What HistoryTab uses."""


class HistoryTab(ActionTab):
    def __init__(
        self,
        context: AppContext,
        services: HistoryTabServices,
        ui: Ui_ActionEditor,
        host: QWidget,
        show_message: ShowMessage,
    ) -> None:
        super().__init__(context, host, show_message)
        self.services = services
        self.ui = ui
        self._resolve: Resolver = reference_resolver({})
        self._record_name: Resolver = record_namer({})  # children still there, named for "Création : …"
        self.model: RecordTableModel[ChangeLogRecord] = RecordTableModel(
            [
                Column(self.tr("Date"), lambda c: format_timestamp(c.changed_at)),
                Column(self.tr("Utilisateur"), lambda c: c.user),
                Column(self.tr("Élément"), lambda c: entity_label(c.entity, qt_translate)),
                Column(self.tr("Modification"), self.describe, tooltip=self.describe),
            ],
            self,
        )
        ui.historyView.setModel(self.model)
        setup_table(ui.historyView, 3)

    def describe(self, change: ChangeLogRecord) -> str:
        return change_text(change, resolve=self._resolve, record_name=self._record_name, translate=qt_translate)

    def reload(self) -> None:
        if self.action is None:
            return
        services = self.services
        self._resolve = reference_resolver(
            plan_names(services, self.action.territory_id, actor_label=lambda actor: actor.display_name)
        )
        actors = {a.id: a.name for a in services.actors.list()}
        action_id = self.action.id
        self._record_name = record_namer(
            {
                "action_partner": {
                    p.id: actors.get(p.actor_id, "") for p in services.partners.list(action_id=action_id)
                },
                "funding_line": {
                    f.id: " – ".join(
                        part for part in (actors.get(f.funder_actor_id or 0) or f.funder_name, f.programme) if part
                    )
                    for f in services.funding.list(action_id=action_id)
                },
                "progress_update": {
                    u.id: qt_translate("point du {date}").format(date=format_date(u.reported_on))
                    for u in services.updates.for_action(action_id)
                },
            }
        )
        self.model.set_records(services.history.for_action(action_id))
