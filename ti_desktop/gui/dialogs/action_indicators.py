"""Indicateurs tab: the indicators of the action and the measures of the selected one."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from ti_desktop.domain import entities
from ti_desktop.domain.enums import IndicatorDirection
from ti_desktop.domain.records import IndicatorRecord, IndicatorValueRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.date_edit import date_field
from ti_desktop.gui.dialogs.action_general import fill_combo
from ti_desktop.gui.dialogs.action_tab import (
    ActionTab,
    ShowMessage,
    SubmitDialog,
    action_name,
    select_row_of,
    selected_record,
    setup_table,
)
from ti_desktop.gui.dialogs.record_form import Save
from ti_desktop.gui.field_errors import required_fields
from ti_desktop.gui.forms.ui_action_editor import Ui_ActionEditor
from ti_desktop.gui.forms.ui_action_indicator import Ui_IndicatorDialog
from ti_desktop.gui.forms.ui_action_indicator_value import Ui_IndicatorValueDialog
from ti_desktop.gui.inputs import parse_date, parse_number, show_date
from ti_desktop.gui.models.records import Column, RecordTableModel
from ti_desktop.gui.theme import apply_roles
from ti_desktop.kernel.formatting import format_date, format_number, format_percent
from ti_desktop.services.use_cases import HasIndicators, HasIndicatorValues


def _measure(value: float | None, day: dt.date | None, unit: str | None) -> str:
    """`40 entreprises (31/12/2027)`; empty when there is no value."""
    if value is None:
        return ""
    text = format_number(value) + (f" {unit}" if unit else "")
    return f"{text} ({format_date(day)})" if day else text


class IndicatorDialog(SubmitDialog):
    def __init__(self, parent: QWidget | None, submit: Save) -> None:
        super().__init__(parent, submit)
        self.ui = Ui_IndicatorDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.prepare(self.ui.errorLabel, self.ui.buttonBox)
        ui = self.ui
        fill_combo(ui.directionCombo, [(d.label, d.value) for d in IndicatorDirection], IndicatorDirection.HAUSSE)
        for edit in (ui.baselineOnEdit, ui.targetOnEdit):
            date_field(edit)
        self.errors.beside(
            ui.fieldsForm,
            {
                "name": ui.nameEdit,
                "unit": ui.unitEdit,
                "source": ui.sourceEdit,
                "baseline_value": ui.baselineValueEdit,
                "baseline_on": ui.baselineOnEdit,
                "target_value": ui.targetValueEdit,
                "target_on": ui.targetOnEdit,
                "direction": ui.directionCombo,
            },
            required_fields(entities.INDICATOR.fields),
        )

    def values(self) -> dict[str, Any]:
        ui, spec = self.ui, entities.INDICATOR.fields
        return {
            "name": ui.nameEdit.text().strip() or None,
            "unit": ui.unitEdit.text().strip() or None,
            "source": ui.sourceEdit.text().strip() or None,
            "baseline_value": parse_number(ui.baselineValueEdit.text(), "baseline_value", spec["baseline_value"].label),
            "baseline_on": parse_date(ui.baselineOnEdit.text(), "baseline_on", spec["baseline_on"].label),
            "target_value": parse_number(ui.targetValueEdit.text(), "target_value", spec["target_value"].label),
            "target_on": parse_date(ui.targetOnEdit.text(), "target_on", spec["target_on"].label),
            "direction": ui.directionCombo.currentData(),
        }


class IndicatorValueDialog(SubmitDialog):
    def __init__(self, parent: QWidget | None, submit: Save, indicator: IndicatorRecord, today: dt.date) -> None:
        super().__init__(parent, submit)
        self.ui = Ui_IndicatorValueDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.prepare(self.ui.errorLabel, self.ui.buttonBox)
        ui = self.ui
        self.setWindowTitle(self.tr("Nouvelle mesure — {name}").format(name=indicator.name))
        date_field(ui.measuredOnEdit)
        ui.measuredOnEdit.setText(show_date(today))
        if indicator.unit:
            ui.valueLabel.setText(self.tr("Valeur ({unit})").format(unit=indicator.unit))
        self.errors.beside(
            ui.fieldsForm,
            {"measured_on": ui.measuredOnEdit, "value": ui.valueEdit, "comment": ui.commentEdit},
            required_fields(entities.INDICATOR_VALUE.fields),
        )

    def values(self) -> dict[str, Any]:
        ui, spec = self.ui, entities.INDICATOR_VALUE.fields
        return {
            "measured_on": parse_date(ui.measuredOnEdit.text(), "measured_on", spec["measured_on"].label),
            "value": parse_number(ui.valueEdit.text(), "value", spec["value"].label),
            "comment": ui.commentEdit.text().strip() or None,
        }


class IndicatorsTabServices(HasIndicatorValues, HasIndicators, Protocol):
    """What IndicatorsTab uses."""


class IndicatorsTab(ActionTab):
    def __init__(
        self,
        context: AppContext,
        services: IndicatorsTabServices,
        ui: Ui_ActionEditor,
        host: QWidget,
        show_message: ShowMessage,
    ) -> None:
        super().__init__(context, host, show_message)
        self.services = services
        self.ui = ui
        self._last_values: dict[int, IndicatorValueRecord] = {}
        self.indicators: RecordTableModel[IndicatorRecord] = RecordTableModel(
            [
                Column(self.tr("Indicateur"), lambda i: i.name),
                Column(self.tr("Référence"), lambda i: _measure(i.baseline_value, i.baseline_on, i.unit)),
                Column(self.tr("Cible"), lambda i: _measure(i.target_value, i.target_on, i.unit)),
                Column(self.tr("Dernière mesure"), self._last_measure, bold=lambda i: i.id in self._last_values),
                Column(self.tr("Vers la cible"), self._towards_target, right_aligned=True),
                Column(self.tr("Sens"), lambda i: i.direction.label),
            ],
            self,
        )
        self.values: RecordTableModel[IndicatorValueRecord] = RecordTableModel(
            [
                Column(self.tr("Date"), lambda v: format_date(v.measured_on)),
                Column(self.tr("Valeur"), lambda v: format_number(v.value), right_aligned=True),
                Column(self.tr("Commentaire"), lambda v: v.comment or ""),
            ],
            self,
        )
        ui.indicatorsView.setModel(self.indicators)
        ui.indicatorsSplitter.setSizes([240, 360])
        ui.valuesView.setModel(self.values)
        setup_table(ui.indicatorsView, 0)
        setup_table(ui.valuesView, 2)
        ui.indicatorsView.selectionModel().selectionChanged.connect(lambda *_args: self._show_values())
        ui.addIndicatorButton.clicked.connect(self.open_new_indicator)
        ui.addValueButton.clicked.connect(self.open_new_value)
        ui.deleteValueButton.clicked.connect(self.delete_selected_value)

    def _last_measure(self, indicator: IndicatorRecord) -> str:
        last = self._last_values.get(indicator.id)
        return _measure(last.value, last.measured_on, indicator.unit) if last else ""

    def _towards_target(self, indicator: IndicatorRecord) -> str:
        """How far the last measure went from the baseline to the target (`45 %`)."""
        last = self._last_values.get(indicator.id)
        baseline, target = indicator.baseline_value, indicator.target_value
        if last is None or baseline is None or target is None or target == baseline:
            return ""
        return format_percent((last.value - baseline) / (target - baseline))

    def selected_indicator(self) -> IndicatorRecord | None:
        return selected_record(self.ui.indicatorsView, IndicatorRecord)

    def reload(self) -> None:
        if self.action is None:
            return
        services = self.services
        previous = self.selected_indicator()
        indicators = services.indicators.list(action_id=self.action.id)
        self._last_values = {}
        for indicator in indicators:
            measures = services.indicator_values.list(indicator_id=indicator.id)
            if measures:
                self._last_values[indicator.id] = measures[-1]  # listed by date
        self.indicators.set_records(indicators)
        if previous is not None:
            select_row_of(self.ui.indicatorsView, previous.id)
        elif indicators:
            self.ui.indicatorsView.selectRow(0)
        self._show_values()

    def _show_values(self) -> None:
        indicator = self.selected_indicator()
        if indicator is None:
            self.values.set_records([])
            self.ui.valuesCaption.setText(
                self.tr("Sélectionnez un indicateur pour voir ses mesures.")
                if self.indicators.rowCount()
                else self.tr(
                    "Aucun indicateur n'est rattaché à cette action : « Nouvel indicateur… » en crée un, "
                    "avec sa valeur de référence et sa cible."
                )
            )
        else:
            measures = self.services.indicator_values.list(indicator_id=indicator.id)
            self.values.set_records(list(reversed(measures)))  # newest first
            self.ui.valuesCaption.setText(self.tr("Mesures de « {name} »").format(name=indicator.name))
        self.ui.addValueButton.setEnabled(indicator is not None)
        self.ui.deleteValueButton.setEnabled(indicator is not None)

    def open_new_indicator(self) -> IndicatorDialog:
        assert self.action is not None
        action = self.action

        def submit(values: dict[str, Any]) -> object:
            text = self.tr("Ajouter un indicateur à {action}").format(action=action_name(action))
            created = self.context.editor.create(
                self.services.indicators,
                text,
                territory_id=action.territory_id,
                action_id=action.id,
                axis_id=action.axis_id,
                **values,
            )
            select_row_of(self.ui.indicatorsView, created.id)
            return created

        return self.open_form(IndicatorDialog(self.host, submit))

    def open_new_value(self) -> IndicatorValueDialog | None:
        indicator = self.selected_indicator()
        if indicator is None:
            self.show_message(self.tr("Sélectionnez d'abord l'indicateur mesuré."))
            return None

        def submit(values: dict[str, Any]) -> object:
            text = self.tr("Ajouter une mesure de « {name} »").format(name=indicator.name)
            return self.context.editor.create(self.services.indicator_values, text, indicator_id=indicator.id, **values)

        return self.open_form(IndicatorValueDialog(self.host, submit, indicator, self.context.today))

    def delete_selected_value(self) -> None:
        measure = selected_record(self.ui.valuesView, IndicatorValueRecord)
        if measure is None:
            self.show_message(self.tr("Sélectionnez d'abord la mesure à supprimer."))
            return
        text = self.tr("Supprimer la mesure du {date}").format(date=format_date(measure.measured_on))
        self.run_edit(
            lambda: self.context.editor.delete(self.services.indicator_values, measure.id, text, measure.version)
        )
