"""Champs personnalisés: the territory's own fields listed, created, renamed, re-kinded, their list's choices changed,
reordered and deleted — every change through the editor (undoable, conflict-safe); deleting a field that has values
says how many go first. Its layout: ui/custom_fields_dialog.ui and ui/custom_field_form.ui."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ti_desktop.domain import entities
from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.records import CustomFieldRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.action_tab import SubmitDialog, select_row_of, selected_record, setup_table
from ti_desktop.gui.dialogs.confirm import confirm
from ti_desktop.gui.dialogs.record_form import Save, open_form
from ti_desktop.gui.field_errors import as_error_label, required_fields, set_error
from ti_desktop.gui.forms.ui_custom_field_form import Ui_CustomFieldDialog
from ti_desktop.gui.forms.ui_custom_fields_dialog import Ui_CustomFieldsDialog
from ti_desktop.gui.models.records import Column, RecordTableModel
from ti_desktop.gui.theme import apply_roles
from ti_desktop.services.use_cases import HasCustomFields

K = CustomFieldKind


class CustomFieldsDialogServices(HasCustomFields, Protocol):
    """What CustomFieldsDialog uses."""


class CustomFieldDialog(SubmitDialog):
    """One field's name, kind and (for a list) choices, one per line."""

    def __init__(self, parent: QWidget | None, submit: Save, field: CustomFieldRecord | None = None) -> None:
        super().__init__(parent, submit)
        self.ui = Ui_CustomFieldDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.prepare(self.ui.errorLabel, self.ui.buttonBox)
        for kind in K:
            self.ui.kindCombo.addItem(kind.label, kind.value)
        ui = self.ui
        fields = {"name": ui.nameEdit, "kind": ui.kindCombo, "choices": ui.choicesEdit}
        self.errors.beside(ui.fieldsForm, fields, required_fields(entities.CUSTOM_FIELD.fields))
        self.ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        if field is not None:
            self.setWindowTitle(self.tr("Modifier le champ « {name} »").format(name=field.name))
            self.ui.nameEdit.setText(field.name)
            self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(field.kind.value))
            self.ui.choicesEdit.setPlainText("\n".join(field.choice_list))
        else:
            self.setWindowTitle(self.tr("Nouveau champ personnalisé"))
        self.ui.kindHintLabel.setVisible(field is not None)
        self._kind_changed()

    def _kind_changed(self, *_args: object) -> None:
        is_list = self.ui.kindCombo.currentData() == K.CHOICE.value
        self.ui.choicesEdit.setEnabled(is_list)
        self.ui.choicesLabel.setEnabled(is_list)

    def values(self) -> dict[str, Any]:
        kind = K(self.ui.kindCombo.currentData())
        choices = self.ui.choicesEdit.toPlainText() if kind is K.CHOICE else None
        return {"name": self.ui.nameEdit.text().strip() or None, "kind": kind, "choices": choices or None}


class CustomFieldsDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        services: CustomFieldsDialogServices,
        territory_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.services = services
        self.territory_id = territory_id
        self.ui = Ui_CustomFieldsDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        as_error_label(self.ui.messageLabel)
        self.counts: dict[int, int] = {}
        self.model: RecordTableModel[CustomFieldRecord] = RecordTableModel(
            [
                Column(self.tr("Nom"), lambda field: field.name),
                Column(self.tr("Type"), lambda field: field.kind.label),
                Column(self.tr("Choix"), lambda field: ", ".join(field.choice_list)),
                Column(self.tr("Fiches renseignées"), lambda field: str(self.counts.get(field.id, 0))),
            ],
            self,
        )
        self.ui.fieldsView.setModel(self.model)
        setup_table(self.ui.fieldsView, 2)
        ui = self.ui
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        ui.buttonBox.rejected.connect(self.reject)
        ui.addButton.clicked.connect(self.add_field)
        ui.editButton.clicked.connect(self.edit_field)
        ui.upButton.clicked.connect(lambda: self.move_field(-1))
        ui.downButton.clicked.connect(lambda: self.move_field(1))
        ui.deleteButton.clicked.connect(self.delete_field)
        ui.fieldsView.doubleClicked.connect(lambda _index: self.edit_field())
        context.data_changed.connect(self.reload)
        self.finished.connect(lambda _result: context.data_changed.disconnect(self.reload))
        self.reload()

    def reload(self) -> None:
        fields = self.services.custom_fields.for_territory(self.territory_id)
        self.counts = {field.id: self.services.custom_fields.value_count(field.id) for field in fields}
        selected = self.selected()
        self.model.set_records(fields)
        if selected is not None:
            select_row_of(self.ui.fieldsView, selected.id)

    def selected(self) -> CustomFieldRecord | None:
        return selected_record(self.ui.fieldsView, CustomFieldRecord)

    def show_message(self, message: str) -> None:
        set_error(self.ui.messageLabel, message)

    def _run(self, edit: Any) -> bool:
        try:
            edit()
        except TiDesktopError as error:
            self.show_message(error.message)
            return False
        self.show_message("")
        return True

    # -- commands ------------------------------------------------------------------------------
    def add_field(self) -> CustomFieldDialog:
        fields, editor, tid = self.services.custom_fields, self.context.editor, self.territory_id

        def save(values: dict[str, Any]) -> object:
            text = self.tr("Ajouter le champ personnalisé « {name} »").format(name=values.get("name") or "")
            return editor.create(fields, text, territory_id=tid, **values)

        dialog = CustomFieldDialog(self, save)
        open_form(dialog)
        return dialog

    def edit_field(self) -> CustomFieldDialog | None:
        field = self.selected()
        if field is None:
            self.show_message(self.tr("Sélectionnez d'abord le champ à modifier."))
            return None
        fields, editor = self.services.custom_fields, self.context.editor

        def save(values: dict[str, Any]) -> object:
            current = {"name": field.name, "kind": field.kind, "choices": field.choices}
            changes = {name: value for name, value in values.items() if value != current[name]}
            if not changes:
                return field
            text = self.tr("Modifier le champ personnalisé « {name} »").format(name=field.name)
            return editor.update(fields, field.id, text, expected_version=field.version, **changes)

        dialog = CustomFieldDialog(self, save, field)
        open_form(dialog)
        return dialog

    def move_field(self, step: int) -> None:
        field = self.selected()
        records = self.model.records()
        if field is None or field not in records:
            self.show_message(self.tr("Sélectionnez d'abord le champ à déplacer."))
            return
        position = records.index(field)
        target = position + step
        if not 0 <= target < len(records):
            return
        records[position], records[target] = records[target], records[position]
        changes = {record.id: {"position": number} for number, record in enumerate(records, start=1)}
        text = self.tr("Déplacer le champ personnalisé « {name} »").format(name=field.name)
        self._run(lambda: self.context.editor.update_many(self.services.custom_fields, text, changes=changes))

    def delete_field(self) -> bool:
        field = self.selected()
        if field is None:
            self.show_message(self.tr("Sélectionnez d'abord le champ à supprimer."))
            return False
        count = self.services.custom_fields.value_count(field.id)
        question = self.tr("Supprimer le champ personnalisé « {name} » ?").format(name=field.name)
        if count:
            question += "\n" + self.tr("Ses valeurs sur {count} fiche(s)-action(s) seront supprimées aussi.").format(
                count=count
            )
        if not confirm(self, self.tr("Supprimer un champ personnalisé"), question):
            return False
        text = self.tr("Supprimer le champ personnalisé « {name} »").format(name=field.name)
        return self._run(lambda: self.context.editor.delete(self.services.custom_fields, field.id, text, field.version))
