"""The fiche-action's Champs personnalisés tab, driven like a user: a widget per kind, values saved at once and
undone with Ctrl+Z, a value that does not fit refused in red under the field, someone else's newer change
never overwritten."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.domain.records import CustomFieldRecord
from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog

from .test_action_editor import action_by_code, choose, open_editor, show_tab, type_into

K = CustomFieldKind


def define_fields(context: TestContext) -> dict[K, CustomFieldRecord]:
    fields, tid = context.services.custom_fields, context.territory_id or 0
    return {
        K.TEXT: fields.define(tid, "Cibles", K.TEXT),
        K.AMOUNT: fields.define(tid, "Cout regional", K.AMOUNT),
        K.DATE: fields.define(tid, "Comite de selection", K.DATE),
        K.NUMBER: fields.define(tid, "Entreprises visees", K.NUMBER),
        K.FLAG: fields.define(tid, "Prioritaire", K.FLAG),
        K.CHOICE: fields.define(tid, "Taille", K.CHOICE, ["PME", "ETI"]),
    }


def opened_on_custom_tab(qtbot: QtBot, context: TestContext) -> ActionEditorDialog:
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.custom_tab)
    return dialog


def test_each_kind_has_its_widget_and_each_edit_is_saved(qtbot: QtBot, context: TestContext, tmp_path: Path) -> None:
    made = define_fields(context)
    dialog = opened_on_custom_tab(qtbot, context)
    tab = dialog.custom_fields
    widgets = tab.widgets
    assert isinstance(widgets[made[K.FLAG].id], QComboBox) and isinstance(widgets[made[K.CHOICE].id], QComboBox)
    labels = [label.text() for label in dialog.custom_tab.findChildren(QLabel) if label.buddy() is not None]
    assert labels == [field.name for field in made.values()]
    type_into(qtbot, widgets[made[K.TEXT].id], "PME de la vallee")  # type: ignore[arg-type]
    type_into(qtbot, widgets[made[K.AMOUNT].id], "1 250 000,50")  # type: ignore[arg-type]
    type_into(qtbot, widgets[made[K.DATE].id], "15/03/2025")  # type: ignore[arg-type]
    type_into(qtbot, widgets[made[K.NUMBER].id], "12,5")  # type: ignore[arg-type]
    choose(widgets[made[K.FLAG].id], True)  # type: ignore[arg-type]
    choose(widgets[made[K.CHOICE].id], "ETI")  # type: ignore[arg-type]
    action = action_by_code(context, "INN-01")
    assert context.services.custom_fields.values_of(action.id) == {
        made[K.TEXT].id: "PME de la vallee",
        made[K.AMOUNT].id: Decimal("1250000.50"),
        made[K.DATE].id: dt.date(2025, 3, 15),
        made[K.NUMBER].id: Decimal("12.5"),
        made[K.FLAG].id: True,
        made[K.CHOICE].id: "ETI",
    }
    amount = widgets[made[K.AMOUNT].id]
    assert isinstance(amount, QLineEdit) and amount.text() == "1\u202f250\u202f000,50\u202f€"  # shown back
    dialog.resize(900, 520)
    QApplication.processEvents()
    assert all(widget.isVisible() for widget in widgets.values())
    dialog.grab().save(str(tmp_path / "fiche-champs-personnalises.png"))


def test_an_edit_is_undone_and_redone(qtbot: QtBot, context: TestContext) -> None:
    made = define_fields(context)
    dialog = opened_on_custom_tab(qtbot, context)
    edit = dialog.custom_fields.widgets[made[K.TEXT].id]
    assert isinstance(edit, QLineEdit)
    type_into(qtbot, edit, "Lycees")
    action = action_by_code(context, "INN-01")
    assert context.services.custom_fields.values_of(action.id) == {made[K.TEXT].id: "Lycees"}
    assert context.undo_stack.undoText() == "Modifier « Cibles » de INN-01"
    context.undo_stack.undo()
    assert context.services.custom_fields.values_of(action.id) == {}
    assert edit.text() == ""
    context.undo_stack.redo()
    assert context.services.custom_fields.values_of(action.id) == {made[K.TEXT].id: "Lycees"}
    assert edit.text() == "Lycees"


def test_a_value_that_does_not_fit_is_refused_under_the_field(qtbot: QtBot, context: TestContext) -> None:
    made = define_fields(context)
    dialog = opened_on_custom_tab(qtbot, context)
    date = dialog.custom_fields.widgets[made[K.DATE].id]
    assert isinstance(date, QLineEdit)
    type_into(qtbot, date, "T2 2025")
    assert dialog.custom_fields.error_text(made[K.DATE].id) == (
        "Comite de selection : « T2 2025 » n'est pas une date lisible (jj/mm/aaaa)."
    )
    assert date.text() == ""  # the stored value again
    assert context.services.custom_fields.values_of(action_by_code(context, "INN-01").id) == {}
    assert context.undo_stack.count() == 0


def test_someone_elses_newer_change_is_not_overwritten(qtbot: QtBot, context: TestContext) -> None:
    made = define_fields(context)
    dialog = opened_on_custom_tab(qtbot, context)
    action = action_by_code(context, "INN-01")
    # Meanwhile, the fiche is saved elsewhere (the window has not reloaded it yet).
    context.services.actions.update(action.id, title="Plateforme d'essais mutualisée")
    told: list[str] = []
    context.editor.on_conflict = told.append
    edit = dialog.custom_fields.widgets[made[K.TEXT].id]
    assert isinstance(edit, QLineEdit)
    type_into(qtbot, edit, "PME")
    assert told and "Votre modification n'a pas été enregistrée" in told[0]
    assert context.services.custom_fields.values_of(action.id) == {}


def test_the_fiches_history_names_the_field(qtbot: QtBot, context: TestContext) -> None:
    made = define_fields(context)
    dialog = opened_on_custom_tab(qtbot, context)
    edit = dialog.custom_fields.widgets[made[K.TEXT].id]
    assert isinstance(edit, QLineEdit)
    type_into(qtbot, edit, "Lycees")
    show_tab(dialog, dialog.ui.historyTab)
    model = dialog.ui.historyView.model()
    changes = [model.index(row, 3).data() for row in range(model.rowCount())]
    assert changes[0] == "Cibles : (vide) → Lycees"
