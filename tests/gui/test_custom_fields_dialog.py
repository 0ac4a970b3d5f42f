"""The territory's custom fields managed in their dialog (reached from the territory page and the fiche): created,
renamed, re-kinded, reordered and deleted through the editor (undoable), a deletion asking first and saying how many
values go."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.gui.dialogs.custom_fields_dialog import CustomFieldDialog, CustomFieldsDialog
from ti_desktop.gui.pages.territory import TerritoryPage

from .test_action_editor import action_by_code, choose, open_editor, press_ok, show_tab

K = CustomFieldKind


PAGES: list[TerritoryPage] = []  # the dialog's parent lives as long as the test (qtbot holds widgets weakly)


def open_dialog(qtbot: QtBot, context: TestContext) -> CustomFieldsDialog:
    page = TerritoryPage(context, context.services)
    qtbot.addWidget(page)
    PAGES[:] = [page]
    page.show()
    dialog = page.manage_custom_fields()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def names(dialog: CustomFieldsDialog) -> list[str]:
    return [field.name for field in dialog.model.records()]


def fill_form(form: CustomFieldDialog, name: str, kind: K, choices: str = "") -> None:
    form.ui.nameEdit.setText(name)
    choose(form.ui.kindCombo, kind.value)
    form.ui.choicesEdit.setPlainText(choices)
    press_ok(form)


def test_create_rename_reorder_and_undo(qtbot: QtBot, context: TestContext, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, context)
    fill_form(dialog.add_field(), "Cibles", K.TEXT)
    form = dialog.add_field()
    assert not form.ui.choicesEdit.isEnabled()
    fill_form(form, "Taille", K.CHOICE, "PME\nETI\n")
    assert names(dialog) == ["Cibles", "Taille"]
    assert dialog.model.records()[1].choice_list == ("PME", "ETI")
    dialog.ui.fieldsView.selectRow(0)
    fill_form(dialog.edit_field(), "Publics cibles", K.TEXT)  # type: ignore[arg-type]
    dialog.ui.fieldsView.selectRow(0)
    dialog.move_field(1)
    assert names(dialog) == ["Taille", "Publics cibles"]
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert names(dialog) == ["Cibles", "Taille"]
    dialog.resize(720, 360)
    dialog.grab().save(str(tmp_path / "champs-personnalises.png"))


def test_a_refused_name_keeps_the_form_open_with_the_message(qtbot: QtBot, context: TestContext) -> None:
    dialog = open_dialog(qtbot, context)
    fill_form(dialog.add_field(), "Cibles", K.TEXT)
    form = dialog.add_field()
    fill_form(form, "CIBLES", K.NUMBER)
    assert form.isVisible()
    assert form.error_text("name") == "Nom du champ : le territoire a déjà le champ « Cibles »."
    assert names(dialog) == ["Cibles"]


def test_deleting_a_field_with_values_says_how_many_go(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    fields, tid = context.services.custom_fields, context.territory_id or 0
    field = fields.define(tid, "Cibles", K.TEXT)
    for code in ("INN-01", "COM-01"):
        fields.set_values(action_by_code(context, code).id, {field.id: "PME"})
    dialog = open_dialog(qtbot, context)
    asked: list[str] = []

    def answer(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.ui.fieldsView.selectRow(0)
    assert dialog.delete_field()
    assert "Ses valeurs sur 2 fiche(s)-action(s) seront supprimées aussi." in asked[0]
    assert names(dialog) == [] and fields.for_territory(tid) == []
    context.undo_stack.undo()
    assert names(dialog) == ["Cibles"]
    assert fields.values_of(action_by_code(context, "INN-01").id) == {field.id: "PME"}


def test_the_fiche_reaches_the_dialog_and_follows_it(qtbot: QtBot, context: TestContext) -> None:
    editor = open_editor(qtbot, context)
    show_tab(editor, editor.custom_tab)
    assert editor.custom_fields.ui.emptyLabel.isVisible()
    editor.custom_fields.ui.manageButton.click()
    dialog = editor.findChild(CustomFieldsDialog)
    assert dialog is not None
    fill_form(dialog.add_field(), "Cibles", K.TEXT)
    QApplication.processEvents()
    assert [field.name for field in editor.custom_fields.fields] == ["Cibles"]
