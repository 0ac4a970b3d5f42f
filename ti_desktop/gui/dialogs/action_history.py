"""Historique tab: every change of the action and of what hangs from it, newest first, in French."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ti_desktop.domain.formatting import format_date
from ti_desktop.domain.records import ChangeLogRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.action_tab import ActionTab, ShowMessage, setup_table
from ti_desktop.gui.forms.ui_action_editor import Ui_ActionEditor
from ti_desktop.gui.history_text import change_text, entity_label, format_timestamp
from ti_desktop.gui.models.action_children import Column, RecordTableModel

# Which names a reference field points to.
ACTOR_FIELDS = frozenset(
    {"lead_actor_id", "pilot_actor_id", "elected_referent_id", "actor_id", "funder_actor_id", "owner_actor_id"}
)
ACTION_FIELDS = frozenset({"parent_id", "action_id"})


def translate(text: str) -> str:
    return QCoreApplication.translate("HistoryText", text)


class HistoryTab(ActionTab):
    def __init__(self, context: AppContext, ui: Ui_ActionEditor, host: QWidget, show_message: ShowMessage) -> None:
        super().__init__(context, host, show_message)
        self.ui = ui
        self._names: dict[str, dict[int, str]] = {}
        self._records: dict[str, dict[int, str]] = {}  # children still there, named for "Création : …"
        self.model: RecordTableModel[ChangeLogRecord] = RecordTableModel(
            [
                Column(self.tr("Date"), lambda c: format_timestamp(c.changed_at)),
                Column(self.tr("Utilisateur"), lambda c: c.user),
                Column(self.tr("Élément"), lambda c: entity_label(c.entity, translate)),
                Column(self.tr("Modification"), self.describe, tooltip=self.describe),
            ],
            self,
        )
        ui.historyView.setModel(self.model)
        setup_table(ui.historyView, 3)

    def describe(self, change: ChangeLogRecord) -> str:
        return change_text(change, resolve=self._resolve, record_name=self._record_name, translate=translate)

    def _record_name(self, entity: str, record_id: int) -> str | None:
        return self._records.get(entity, {}).get(record_id)

    def _resolve(self, field: str, record_id: int) -> str | None:
        if field in ACTOR_FIELDS:
            return self._names["actor"].get(record_id)
        if field in ACTION_FIELDS:
            return self._names["action"].get(record_id)
        kind = {"axis_id": "axis", "objective_id": "objective", "challenges": "challenge"}.get(field)
        return self._names[kind].get(record_id) if kind else None

    def reload(self) -> None:
        if self.action is None:
            return
        services, tid = self.context.services, self.action.territory_id
        actor_records = services.actors.list()
        self._names = {
            "actor": {a.id: a.display_name for a in actor_records},
            "action": {a.id: a.code or a.title for a in services.actions.for_territory(tid)},
            "axis": {a.id: a.label for a in services.axes.available_to(tid)},
            "objective": {o.id: o.title for o in services.objectives.list(territory_id=tid)},
            "challenge": {c.id: c.title for c in services.challenges.list(territory_id=tid)},
        }
        actors = {a.id: a.name for a in actor_records}
        action_id = self.action.id
        self._records = {
            "action_partner": {p.id: actors.get(p.actor_id, "") for p in services.partners.list(action_id=action_id)},
            "funding_line": {
                f.id: " – ".join(
                    part for part in (actors.get(f.funder_actor_id or 0) or f.funder_name, f.programme) if part
                )
                for f in services.funding.list(action_id=action_id)
            },
            "progress_update": {
                u.id: translate("point du {date}").format(date=format_date(u.reported_on))
                for u in services.updates.for_action(action_id)
            },
        }
        self.model.set_records(services.history.for_action(action_id))
