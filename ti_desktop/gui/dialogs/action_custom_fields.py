"""Champs personnalisés tab of the fiche-action: the territory's own fields, one widget per kind, each value saved
as soon as it is edited.

A text or a number is a line edit, an amount and a date too, read the French way like the Général tab's
(`gui/inputs.py`); yes / no and a list are combos whose first entry leaves the field empty. A finished edit is one
undoable change of the action through the editor, carrying the version shown (someone else's newer change is
refused, not overwritten); a refusal is shown in red under the field, which goes back to the stored value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Protocol

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ti_desktop.domain.custom_fields import CustomValue, display, field_key
from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.domain.errors import TiDesktopError, ValidationError
from ti_desktop.domain.records import CustomFieldRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.date_edit import date_field
from ti_desktop.gui.dialogs.action_tab import ActionTab, ShowMessage, action_name
from ti_desktop.gui.field_errors import FieldErrors
from ti_desktop.gui.forms.ui_action_custom_fields import Ui_ActionCustomFields
from ti_desktop.gui.inputs import parse_amount, parse_date, parse_decimal, show_amount, show_date
from ti_desktop.gui.theme import apply_roles
from ti_desktop.services.use_cases import HasActions, HasCustomFields

K = CustomFieldKind
EMPTY_CHOICE = "— non renseigné —"


class CustomFieldsTabServices(HasActions, HasCustomFields, Protocol):
    """What CustomFieldsTab uses."""


class CustomFieldsTab(ActionTab):
    def __init__(
        self,
        context: AppContext,
        services: CustomFieldsTabServices,
        page: QWidget,
        host: QWidget,
        show_message: ShowMessage,
        manage: Callable[[int], object] | None = None,
    ) -> None:
        super().__init__(context, host, show_message)
        self.services = services
        self.page = page
        self.ui = Ui_ActionCustomFields()
        self.ui.setupUi(page)  # type: ignore[no-untyped-call]
        apply_roles(page)
        self._manage = manage
        self.ui.manageButton.setVisible(manage is not None)
        self.ui.manageButton.clicked.connect(self._manage_fields)
        self.errors = FieldErrors()
        self.fields: list[CustomFieldRecord] = []
        self.widgets: dict[int, QWidget] = {}
        self.values: dict[int, CustomValue] = {}

    # -- building ------------------------------------------------------------------------------
    def _rebuild(self, fields: list[CustomFieldRecord]) -> None:
        """One row per field (only when the definitions changed: a reload keeps the widgets being used)."""
        form = self.ui.fieldsForm
        while form.rowCount():
            form.removeRow(0)
        self.errors = FieldErrors()
        self.widgets = {}
        for field in fields:
            widget = self._widget_for(field)
            widget.setObjectName(f"champ_{field.id}")
            label = QLabel(field.name, self.ui.fieldsContents)
            label.setBuddy(widget)  # a screen reader names the field
            form.addRow(label, widget)
            self.errors.add_form_row(field_key(field.id), form, form.rowCount() - 1, self.ui.fieldsContents)
            self.widgets[field.id] = widget
        self.fields = fields
        self.ui.emptyLabel.setVisible(not fields)

    def _widget_for(self, field: CustomFieldRecord) -> QWidget:
        if field.kind in (K.FLAG, K.CHOICE):
            combo = QComboBox(self.ui.fieldsContents)
            combo.addItem(self.tr(EMPTY_CHOICE), None)
            if field.kind is K.FLAG:
                combo.addItem(self.tr("Oui"), True)
                combo.addItem(self.tr("Non"), False)
            else:
                for choice in field.choice_list:
                    combo.addItem(choice, choice)
            combo.currentIndexChanged.connect(lambda _index, f=field: self.commit(f))
            return combo
        edit = QLineEdit(self.ui.fieldsContents)
        if field.kind is K.DATE:
            edit.setPlaceholderText(self.tr("jj/mm/aaaa"))
            date_field(edit)
        edit.editingFinished.connect(lambda f=field: self.commit(f))
        return edit

    # -- showing and reading -------------------------------------------------------------------
    def reload(self) -> None:
        action = self.action
        if action is None:
            return
        fields = self.services.custom_fields.for_territory(action.territory_id)
        if [(f.id, f.name, f.kind, f.choices) for f in fields] != [
            (f.id, f.name, f.kind, f.choices) for f in self.fields
        ]:
            self._rebuild(fields)
        self.values = self.services.custom_fields.values_of(action.id)
        for field in fields:
            self.show_value(field, self.values.get(field.id))

    def show_value(self, field: CustomFieldRecord, value: CustomValue | None) -> None:
        widget = self.widgets[field.id]
        widget.blockSignals(True)
        if isinstance(widget, QComboBox):
            index = widget.findData(value) if value is not None else 0
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QLineEdit):
            text = self._text(field, value)
            if widget.text() != text:
                widget.setText(text)
                widget.setCursorPosition(0)
        widget.blockSignals(False)

    @staticmethod
    def _text(field: CustomFieldRecord, value: CustomValue | None) -> str:
        if value is None:
            return ""
        if field.kind is K.AMOUNT and isinstance(value, Decimal):
            return show_amount(value)
        if field.kind is K.DATE and isinstance(value, dt.date):
            return show_date(value)
        return display(field.kind, value)

    def read(self, field: CustomFieldRecord) -> Any:
        """The widget's value as the services take it; raises ValidationError (naming the field) when unreadable."""
        widget, key = self.widgets[field.id], field_key(field.id)
        if isinstance(widget, QComboBox):
            return widget.currentData()
        assert isinstance(widget, QLineEdit)
        text = widget.text()
        if field.kind is K.AMOUNT:
            return parse_amount(text, key, field.name)
        if field.kind is K.NUMBER:
            return parse_decimal(text, key, field.name)
        if field.kind is K.DATE:
            return parse_date(text, key, field.name)
        return text.strip() or None

    # -- saving --------------------------------------------------------------------------------
    def commit(self, field: CustomFieldRecord) -> bool:
        """Save the field's value (one undoable change of the action); True when saved or unchanged."""
        action = self.action
        if action is None:
            return True
        try:
            value = self.read(field)
        except ValidationError as error:
            self._refuse(field, error)
            return False
        before = self.values.get(field.id)
        if value == before or (value is None and before is None):
            self.errors.clear(field_key(field.id))
            return True
        fields, action_id, version = self.services.custom_fields, action.id, action.version
        text = self.tr("Modifier « {label} » de {action}").format(label=field.name, action=action_name(action))
        try:
            self.context.editor.run(
                text,
                lambda: fields.set_values(action_id, {field.id: value}, expected_version=version),
                undo=lambda: fields.set_values(action_id, {field.id: before}),
                redo=lambda: fields.set_values(action_id, {field.id: value}),
            )
        except TiDesktopError as error:
            self._refuse(field, error)
            return False
        self.errors.clear()
        return True

    def _refuse(self, field: CustomFieldRecord, error: TiDesktopError) -> None:
        self.errors.clear()
        self.errors.show(field_key(field.id), error.message)
        self.show_value(field, self.values.get(field.id))  # nothing was written: the stored value again

    def error_text(self, field_id: int) -> str:
        return self.errors.text(field_key(field_id))

    def commit_focused(self) -> bool:
        """Save the field being typed in (before the dialog closes): False when it was refused."""
        focused = self.host.focusWidget()
        for field in self.fields:
            if focused is not None and self.widgets.get(field.id) is focused:
                return self.commit(field)
        return True

    def _manage_fields(self) -> None:
        if self._manage is not None and self.action is not None:
            self._manage(self.action.territory_id)
