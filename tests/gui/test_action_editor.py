"""The fiche-action editor, driven like a user would: create, edit field by field, undo/redo, refusals
shown next to the field, funding totals, milestones, indicators, progress updates, documents, history."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QBrush
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import ActionStatus, AmountBasis, FundingStatus
from ti_desktop.domain.records import ActionRecord
from ti_desktop.domain.summaries import funding_summary
from ti_desktop.gui.dialogs.action_documents import format_size
from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog
from ti_desktop.gui.dialogs.action_general import next_code
from ti_desktop.gui.dialogs.action_tab import SubmitDialog
from ti_desktop.gui.theme import LIGHT
from ti_desktop.kernel.formatting import format_euros, format_percent

from .conftest import TODAY, USER_NAME


# -- helpers -----------------------------------------------------------------------------------
def action_by_code(context: TestContext, code: str) -> ActionRecord:
    for action in context.services.actions.for_territory(context.territory_id or 0):
        if action.code == code:
            return action
    raise AssertionError(code)


def show(qtbot: QtBot, dialog: ActionEditorDialog) -> ActionEditorDialog:
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # focus (and so focus-out saves) needs the active window
    QApplication.processEvents()
    return dialog


def open_editor(qtbot: QtBot, context: TestContext, code: str = "INN-01") -> ActionEditorDialog:
    return show(qtbot, ActionEditorDialog(context, context.services, action_by_code(context, code).id))


def choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace the text as a user would (ASCII keys), then Enter: the field's edit is finished."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def press_ok(dialog: SubmitDialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    button.click()


def column_texts(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def show_tab(dialog: ActionEditorDialog, tab: QWidget) -> None:
    dialog.ui.tabs.setCurrentWidget(tab)


def a_file(tmp_path: Path, name: str = "devis-atelier.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4 devis " * 100)
    return path


# -- creation ----------------------------------------------------------------------------------
def test_create_an_action_then_edit_it(qtbot: QtBot, context: TestContext) -> None:
    tid = context.territory_id or 0
    fon = context.services.axes.by_code(tid, "FON")
    dialog = show(qtbot, ActionEditorDialog(context, context.services, None))
    ui = dialog.ui
    assert dialog.windowTitle() == "Nouvelle fiche-action"
    assert [ui.tabs.isTabEnabled(i) for i in range(ui.tabs.count())] == [True] + [
        False
    ] * 7  # the Général tab only, until the fiche exists
    qtbot.keyClicks(ui.titleEdit, "Atelier mutualise de soudure")
    choose(ui.axisCombo, fon.id)
    assert ui.codeEdit.text() == "FON-10"  # the next free code of the axis is proposed
    choose(ui.statusCombo, ActionStatus.A_VENIR.value)
    type_into(qtbot, ui.plannedBudgetEdit, "85 000")
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)

    created = [a for a in context.services.actions.for_territory(tid) if a.title == "Atelier mutualise de soudure"]
    assert len(created) == 1
    action = created[0]
    assert (action.axis_id, action.code, action.status) == (fon.id, "FON-10", ActionStatus.A_VENIR)
    assert action.planned_budget == Decimal("85000.00")
    assert dialog.windowTitle() == "Fiche-action — FON-10 Atelier mutualise de soudure"
    assert all(ui.tabs.isTabEnabled(i) for i in range(ui.tabs.count()))
    assert not ui.createButton.isVisible()
    # From now on each field is saved as soon as it is edited.
    type_into(qtbot, ui.titleEdit, "Atelier mutualise de soudure et chaudronnerie")
    assert context.services.actions.get(action.id).title == "Atelier mutualise de soudure et chaudronnerie"


def test_create_for_a_parent_proposes_a_sub_action_code(qtbot: QtBot, context: TestContext) -> None:
    parent = action_by_code(context, "INN-01")
    dialog = show(qtbot, ActionEditorDialog(context, context.services, None, parent_action_id=parent.id))
    assert dialog.ui.parentCombo.currentData() == parent.id
    assert dialog.ui.axisCombo.currentData() == parent.axis_id
    assert dialog.ui.codeEdit.text() == "INN-01.3"
    qtbot.keyClicks(dialog.ui.titleEdit, "Formation des techniciens")
    assert dialog.create_action()
    assert [a.code for a in context.services.actions.sub_actions(parent.id)] == ["INN-01.1", "INN-01.2", "INN-01.3"]


def test_creating_without_a_title_is_refused_in_french(qtbot: QtBot, context: TestContext) -> None:
    before = len(context.services.actions.for_territory(context.territory_id or 0))
    dialog = show(qtbot, ActionEditorDialog(context, context.services, None))
    type_into(qtbot, dialog.ui.plannedStartEdit, "31/02/2026")
    qtbot.mouseClick(dialog.ui.createButton, Qt.MouseButton.LeftButton)
    assert dialog.general.errors["planned_start"].isVisible()
    assert dialog.general.error_text("planned_start") == "Début prévu : le 31/02/2026 n'existe pas dans le calendrier."
    dialog.ui.plannedStartEdit.clear()
    qtbot.mouseClick(dialog.ui.createButton, Qt.MouseButton.LeftButton)
    assert dialog.general.errors["title"].isVisible()
    assert dialog.general.error_text("title") == "Titre de l'action : ce champ est obligatoire."
    assert len(context.services.actions.for_territory(context.territory_id or 0)) == before
    assert not dialog.ui.tabs.isTabEnabled(1)


def test_undoing_the_creation_leaves_the_dialog_on_a_vanished_fiche(qtbot: QtBot, context: TestContext) -> None:
    dialog = show(qtbot, ActionEditorDialog(context, context.services, None))
    qtbot.keyClicks(dialog.ui.titleEdit, "Action provisoire")
    assert dialog.create_action()
    assert dialog.action_id is not None
    context.undo_stack.undo()
    assert not dialog.ui.tabs.isEnabled()
    assert "n'existe plus" in dialog.ui.subtitleLabel.text()
    context.undo_stack.redo()
    assert dialog.ui.tabs.isEnabled()
    assert context.services.actions.get(dialog.action_id).title == "Action provisoire"


# -- editing the Général tab -------------------------------------------------------------------
def test_status_change_is_saved_and_undoable(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    choose(dialog.ui.statusCombo, ActionStatus.BLOQUEE.value)
    assert context.services.actions.get(action.id).status is ActionStatus.BLOQUEE
    assert "Bloquée" in dialog.ui.subtitleLabel.text()
    assert context.undo_stack.undoText() == "Modifier « Statut » de INN-01"
    context.undo_stack.undo()
    assert context.services.actions.get(action.id).status is ActionStatus.EN_COURS
    assert dialog.ui.statusCombo.currentText() == "En cours"
    context.undo_stack.redo()
    assert context.services.actions.get(action.id).status is ActionStatus.BLOQUEE
    assert dialog.ui.statusCombo.currentText() == "Bloquée"


def test_the_dialog_undo_button_undoes_the_last_edit(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    dialog.ui.toDiscussCheck.click()
    assert context.services.actions.get(action.id).to_discuss
    assert dialog.ui.undoButton.text() == "Annuler Modifier « À discuter en comité » de INN-01"
    qtbot.mouseClick(dialog.ui.undoButton, Qt.MouseButton.LeftButton)
    assert not context.services.actions.get(action.id).to_discuss
    assert not dialog.ui.toDiscussCheck.isChecked()


def test_planned_end_before_start_is_refused_next_to_the_field(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    depth = context.undo_stack.count()
    type_into(qtbot, dialog.ui.plannedEndEdit, "01/01/2024")
    error = dialog.general.errors["planned_end"]
    assert error.isVisible()
    assert error.text() == "Fin prévue : le 01/01/2024 est antérieur à la date « Début prévu » (01/03/2024)."
    assert dialog.ui.plannedEndEdit.text() == "30/06/2027"  # back to the stored value
    assert context.services.actions.get(action.id) == action  # nothing written
    assert context.undo_stack.count() == depth
    # The next accepted edit clears the message.
    type_into(qtbot, dialog.ui.plannedEndEdit, "31/12/2027")
    assert not error.isVisible()
    assert context.services.actions.get(action.id).planned_end == dt.date(2027, 12, 31)


def test_an_error_is_shown_beside_the_field_it_names(qtbot: QtBot, context: TestContext) -> None:
    """Moving the start after the end: the services name the end date, so the message goes there."""
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    type_into(qtbot, dialog.ui.plannedStartEdit, "01/01/2028")
    assert dialog.general.errors["planned_end"].isVisible()
    assert dialog.general.error_text("planned_end").startswith("Fin prévue : le 30/06/2027 est antérieur")
    assert dialog.ui.plannedStartEdit.text() == "01/03/2024"
    assert context.services.actions.get(action.id) == action


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("planned_start", "demain", "Début prévu : « demain » n'est pas une date lisible (jj/mm/aaaa)."),
        (
            "planned_budget",
            "12k",
            "Budget prévisionnel : « 12k » n'est pas un montant lisible (exemple : 1 250 000,50).",
        ),
        ("spent_to_date", "-5", "Dépensé à date : le montant ne peut pas être négatif."),
        ("title", "", "Titre de l'action : ce champ est obligatoire."),
        ("code", "INN-02", "Une autre action de ce territoire porte déjà ce code."),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    qtbot: QtBot, context: TestContext, field: str, typed: str, message: str
) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    edit = dialog.general.bindings[field].widget
    assert isinstance(edit, QLineEdit)
    shown_before = edit.text()
    type_into(qtbot, edit, typed)
    assert dialog.general.errors[field].isVisible()
    assert dialog.general.error_text(field) == message
    assert edit.text() == shown_before
    assert context.services.actions.get(action.id) == action


def test_french_amounts_are_read_and_shown_the_french_way(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    type_into(qtbot, dialog.ui.plannedBudgetEdit, "3 100 000,50")
    assert context.services.actions.get(action.id).planned_budget == Decimal("3100000.50")
    assert dialog.ui.plannedBudgetEdit.text() == format_euros(Decimal("3100000.50"), cents=True)
    type_into(qtbot, dialog.ui.inducedEdit, "")
    assert context.services.actions.get(action.id).induced_investment is None


def test_progress_and_plain_texts_are_saved(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    dialog.ui.progressSpin.setValue(60)
    assert context.services.actions.get(action.id).progress == 60
    dialog.ui.descriptionEdit.setFocus()
    dialog.ui.descriptionEdit.setPlainText("Nouvelle description de la plateforme.")
    dialog.ui.titleEdit.setFocus()  # leaving the text saves it
    QApplication.processEvents()
    assert context.services.actions.get(action.id).description == "Nouvelle description de la plateforme."


def test_the_field_being_typed_is_saved_when_the_dialog_closes(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    dialog.ui.codeEdit.setFocus()
    QApplication.processEvents()
    dialog.ui.codeEdit.setText("INN-01A")
    dialog.reject()  # Escape: no focus-out, still saved
    assert context.services.actions.get(action.id).code == "INN-01A"


def test_changing_axis_drops_the_objective_of_the_old_axis(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    assert action.objective_id is not None
    tec = context.services.axes.by_code(context.territory_id or 0, "TEC")
    dialog = open_editor(qtbot, context)
    choose(dialog.ui.axisCombo, tec.id)
    moved = context.services.actions.get(action.id)
    assert (moved.axis_id, moved.objective_id) == (tec.id, None)
    assert dialog.ui.objectiveCombo.currentText() == "— aucun —"
    context.undo_stack.undo()  # one edit: both fields come back
    restored = context.services.actions.get(action.id)
    assert (restored.axis_id, restored.objective_id) == (action.axis_id, action.objective_id)


def test_actors_can_be_chosen_or_cleared(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    choose(dialog.ui.pilotCombo, None)
    assert context.services.actions.get(action.id).pilot_actor_id is None
    assert dialog.ui.pilotCombo.currentText() == "— aucun —"


def test_challenges_are_checked_and_unchecked_with_undo(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    before = context.services.actions.challenge_ids(action.id)
    dialog = open_editor(qtbot, context)
    model = dialog.general.challenges
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    )
    challenge_id = model.index(row, 0).data(Qt.ItemDataRole.UserRole + 1).id
    assert model.setData(model.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert context.services.actions.challenge_ids(action.id) == before | {challenge_id}
    assert f"({len(before) + 1} sur" in dialog.ui.challengesGroup.title()
    context.undo_stack.undo()
    assert context.services.actions.challenge_ids(action.id) == before
    assert model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_partners_are_added_and_removed(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    partner_ids = {p.actor_id for p in context.services.partners.list(action_id=action.id)}
    newcomer = next(a for a in context.services.actors.list() if a.id not in partner_ids)
    dialog = open_editor(qtbot, context)
    ui = dialog.ui
    qtbot.mouseClick(ui.addPartnerButton, Qt.MouseButton.LeftButton)
    assert dialog.general.error_text("partners") == "Choisissez dans la liste l'acteur à ajouter comme partenaire."
    choose(ui.partnerActorCombo, newcomer.id)
    qtbot.keyClicks(ui.partnerRoleEdit, "expertise")
    qtbot.mouseClick(ui.addPartnerButton, Qt.MouseButton.LeftButton)
    partners = context.services.partners.list(action_id=action.id)
    assert (newcomer.id, "expertise") in {(p.actor_id, p.role) for p in partners}
    assert newcomer.display_name in column_texts(dialog.general.partners, 0)
    # The same actor twice: the services' French message, nothing added.
    choose(ui.partnerActorCombo, newcomer.id)
    qtbot.mouseClick(ui.addPartnerButton, Qt.MouseButton.LeftButton)
    assert dialog.general.error_text("partners") == "Cet acteur est déjà partenaire de l'action."
    assert len(context.services.partners.list(action_id=action.id)) == len(partners)
    ui.partnersView.selectRow(column_texts(dialog.general.partners, 0).index(newcomer.display_name))
    qtbot.mouseClick(ui.removePartnerButton, Qt.MouseButton.LeftButton)
    assert newcomer.id not in {p.actor_id for p in context.services.partners.list(action_id=action.id)}


# -- Financement -------------------------------------------------------------------------------
def test_an_envisaged_line_is_shown_and_totalled_as_envisaged(qtbot: QtBot, context: TestContext) -> None:
    """Issue 21: an Envisagé line's 200 000 € sat under « Demandé » while the total « Demandé (déposé, accordé ou
    versé) » did not count it. The column says « Montant », each total says which statuses it counts."""
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.fundingTab)
    before = funding_summary(context.services.funding.list(action_id=action.id), Decimal(0))
    form = dialog.funding.open_new_line()
    fui = form.ui
    assert fui.statusCombo.currentData() == FundingStatus.ENVISAGE.value  # a new line starts envisaged
    assert fui.requestedLabel.text() == "Montant envisagé (€) *"
    choose(fui.statusCombo, FundingStatus.DEPOSE.value)
    assert fui.requestedLabel.text() == "Montant demandé (€) *"
    choose(fui.statusCombo, FundingStatus.ENVISAGE.value)
    assert fui.requestedLabel.text() == "Montant envisagé (€) *"
    fui.funderNameEdit.setText("Fondation Bois")
    fui.requestedEdit.setText("200 000")
    press_ok(form)
    assert not form.isVisible()

    model = dialog.funding.model
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Montant"
    row = column_texts(model, 0).index("Fondation Bois")
    assert model.index(row, 2).data() == "200\u202f000\u202f€"
    assert model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole) == "Montant envisagé"
    assert dialog.ui.requestedCaption.text() == "Demandé (déposé, accordé ou versé)"
    assert dialog.ui.requestedValue.text() == format_euros(before.requested)  # not counted there…
    assert dialog.funding.envisaged_caption.text() == "Envisagé (pas encore déposé)"
    assert dialog.funding.envisaged_value.text() == format_euros(before.envisaged + Decimal(200000))  # …but here
    assert dialog.ui.grantedCaption.text() == "Acquis (accordé ou versé)"


def test_adding_a_funding_line_updates_the_totals(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.fundingTab)
    rows_before = dialog.funding.model.rowCount()
    qtbot.mouseClick(dialog.ui.addFundingButton, Qt.MouseButton.LeftButton)
    form = dialog.findChild(SubmitDialog)
    assert form is not None and form.isVisible()
    fui = form.ui  # type: ignore[attr-defined]
    qtbot.keyClicks(fui.funderNameEdit, "Fondation Industrie")
    fui.programmeCombo.setCurrentText("France 2030")
    qtbot.keyClicks(fui.requestedEdit, "300 000")
    choose(fui.statusCombo, FundingStatus.ACCORDE.value)
    press_ok(form)
    # Accordé without a granted amount: refused in the form, which stays open; nothing written.
    assert form.isVisible()
    # Beside the field it names, not under the form.
    assert form.error_text("amount_granted") == "Montant accordé : il est obligatoire pour un financement « Accordé »."
    assert fui.errorLabel.text() == ""
    assert dialog.funding.model.rowCount() == rows_before
    qtbot.keyClicks(fui.grantedEdit, "250 000,00")
    qtbot.keyClicks(fui.filedEdit, "01/02/2026")
    press_ok(form)
    assert not form.isVisible()

    lines = context.services.funding.list(action_id=action.id)
    assert len(lines) == rows_before + 1
    added = next(line for line in lines if line.funder_name == "Fondation Industrie")
    assert (added.amount_requested, added.amount_granted) == (Decimal("300000.00"), Decimal("250000.00"))
    assert added.filed_on == dt.date(2026, 2, 1)
    summary = funding_summary(lines, action.planned_budget or Decimal(0))
    assert dialog.ui.requestedValue.text() == format_euros(summary.requested)
    assert dialog.ui.grantedValue.text() == format_euros(summary.granted)
    assert dialog.ui.paidValue.text() == format_euros(summary.paid)
    assert dialog.ui.coverageValue.text() == f"{format_percent(summary.coverage)} de {format_euros(Decimal(2850000))}"
    assert dialog.ui.grantedValue.text() == "2\u202f100\u202f000\u202f€"  # 1 850 000 acquired before + 250 000
    assert dialog.ui.coverageValue.text().startswith("74\u202f%")
    assert "Fondation Industrie" in column_texts(dialog.funding.model, 0)


def test_editing_and_deleting_a_funding_line(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.fundingTab)
    dialog.ui.fundingView.selectRow(0)
    line = context.services.funding.list(action_id=action.id)[0]
    form = dialog.funding.open_selected_line()
    assert form is not None
    assert form.ui.requestedEdit.text() == format_euros(line.amount_requested)
    form.ui.decidedEdit.setText("01/01/2000")  # before the filing date
    press_ok(form)
    assert form.error_text("decided_on").startswith("Date de décision : le 01/01/2000 est antérieur")
    assert context.services.funding.get(line.id) == line
    form.ui.programmeCombo.setCurrentText("FEDER 2021-2027")
    form.ui.decidedEdit.setText("")
    press_ok(form)
    assert context.services.funding.get(line.id).programme == "FEDER 2021-2027"
    dialog.ui.fundingView.selectRow(0)
    count = dialog.funding.model.rowCount()
    qtbot.mouseClick(dialog.ui.deleteFundingButton, Qt.MouseButton.LeftButton)
    assert dialog.funding.model.rowCount() == count - 1
    context.undo_stack.undo()
    assert dialog.funding.model.rowCount() == count


def test_a_button_without_selection_explains_itself(qtbot: QtBot, context: TestContext) -> None:
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.fundingTab)
    dialog.ui.fundingView.clearSelection()
    qtbot.mouseClick(dialog.ui.deleteFundingButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.messageLabel.isVisible()
    assert dialog.ui.messageLabel.text() == "Sélectionnez d'abord la ligne de financement à supprimer."


# -- Jalons ------------------------------------------------------------------------------------
def test_adding_a_milestone_and_marking_it_done(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.milestonesTab)
    model = dialog.milestones.model
    overdue_row = column_texts(model, 0).index("Livraison du bâtiment réaménagé")
    assert model.index(overdue_row, 3).data() == "En retard de 52 j"
    brush = model.index(overdue_row, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == LIGHT.error

    qtbot.mouseClick(dialog.ui.addMilestoneButton, Qt.MouseButton.LeftButton)
    form = dialog.findChild(SubmitDialog)
    assert form is not None
    qtbot.keyClicks(form.ui.titleEdit, "Reception des travaux")  # type: ignore[attr-defined]
    qtbot.keyClicks(form.ui.dueEdit, "15/12/2026")  # type: ignore[attr-defined]
    press_ok(form)
    milestones = context.services.milestones.list(action_id=action.id)
    added = next(m for m in milestones if m.title == "Reception des travaux")
    assert (added.due_on, added.done_on) == (dt.date(2026, 12, 15), None)
    row = column_texts(model, 0).index("Reception des travaux")
    assert model.index(row, 3).data() == "À venir"

    dialog.ui.milestonesView.selectRow(row)
    qtbot.mouseClick(dialog.ui.markDoneButton, Qt.MouseButton.LeftButton)
    assert context.services.milestones.get(added.id).done_on == TODAY
    row = column_texts(model, 0).index("Reception des travaux")
    assert model.index(row, 2).data() == "21/11/2026"
    assert model.index(row, 3).data() == "Atteint"


def test_a_milestone_with_an_unreadable_date_is_not_saved(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    count = len(context.services.milestones.list(action_id=action.id))
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.milestonesTab)
    form = dialog.milestones.open_new_milestone()
    form.ui.titleEdit.setText("Jalon")
    form.ui.dueEdit.setText("fin mars")
    press_ok(form)
    assert form.errors["due_on"].isVisible()
    assert form.error_text("due_on") == "Échéance : « fin mars » n'est pas une date lisible (jj/mm/aaaa)."
    assert len(context.services.milestones.list(action_id=action.id)) == count


# -- Indicateurs -------------------------------------------------------------------------------
def test_indicators_of_the_action_and_a_new_measure(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "TEC-01")
    dialog = open_editor(qtbot, context, "TEC-01")
    show_tab(dialog, dialog.ui.indicatorsTab)
    indicators = context.services.indicators.list(action_id=action.id)
    assert sorted(column_texts(dialog.indicators.indicators, 0)) == sorted(i.name for i in indicators)
    indicator = dialog.indicators.selected_indicator()
    assert indicator is not None
    measures = context.services.indicator_values.list(indicator_id=indicator.id)
    assert dialog.indicators.values.rowCount() == len(measures)

    form = dialog.indicators.open_new_value()
    assert form is not None
    form.ui.valueEdit.setText("beaucoup")
    press_ok(form)
    assert form.error_text("value") == "Valeur : « beaucoup » n'est pas un nombre lisible (exemple : 12,5)."
    form.ui.valueEdit.setText("6 150,5")
    form.ui.commentEdit.setText("Bilan annuel")
    press_ok(form)
    latest = context.services.indicator_values.list(indicator_id=indicator.id)[-1]
    assert (latest.measured_on, latest.value, latest.comment) == (TODAY, 6150.5, "Bilan annuel")
    assert dialog.indicators.values.index(0, 1).data() == "6\u202f150,5"


def test_a_new_indicator_is_attached_to_the_action(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.indicatorsTab)
    assert dialog.indicators.indicators.rowCount() == 0
    assert "Aucun indicateur" in dialog.ui.valuesCaption.text()
    form = dialog.indicators.open_new_indicator()
    qtbot.keyClicks(form.ui.nameEdit, "PME utilisatrices de la plateforme")
    qtbot.keyClicks(form.ui.unitEdit, "entreprises")
    qtbot.keyClicks(form.ui.baselineValueEdit, "0")
    qtbot.keyClicks(form.ui.targetValueEdit, "40")
    qtbot.keyClicks(form.ui.targetOnEdit, "31/12/2028")
    press_ok(form)
    (indicator,) = context.services.indicators.list(action_id=action.id)
    assert (indicator.name, indicator.target_value, indicator.axis_id) == (
        "PME utilisatrices de la plateforme",
        40.0,
        action.axis_id,
    )
    assert dialog.indicators.selected_indicator() == indicator


# -- Suivi -------------------------------------------------------------------------------------
def test_a_progress_update_with_alert_comes_first_and_moves_the_action(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.updatesTab)
    qtbot.mouseClick(dialog.ui.newUpdateButton, Qt.MouseButton.LeftButton)
    form = dialog.findChild(SubmitDialog)
    assert form is not None
    fui = form.ui  # type: ignore[attr-defined]
    assert fui.reportedOnEdit.text() == "21/11/2026"
    assert fui.authorEdit.text() == USER_NAME  # the name the user gave, not the computer's login
    assert fui.statusCombo.currentText() == "En cours"
    choose(fui.statusCombo, ActionStatus.BLOQUEE.value)
    fui.progressSpin.setValue(50)
    fui.doneEdit.setPlainText("Chantier arrete par le lot CVC.")
    fui.difficultiesEdit.setPlainText("Defaillance de l'entreprise titulaire.")
    fui.alertCheck.setChecked(True)
    press_ok(form)

    model = dialog.updates.model
    assert model.index(0, 1).data() == "21/11/2026"
    assert model.index(0, 0).data() == "● Alerte"
    brush = model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == LIGHT.error
    assert "Defaillance de l'entreprise titulaire." in dialog.ui.updateDetail.toPlainText()
    stored = context.services.actions.get(action.id)
    assert (stored.status, stored.progress) == (ActionStatus.BLOQUEE, 50)
    assert "Bloquée" in dialog.ui.subtitleLabel.text()
    show_tab(dialog, dialog.ui.generalTab)  # the Général tab shows what the update carried
    assert dialog.ui.statusCombo.currentText() == "Bloquée"
    assert dialog.ui.progressSpin.value() == 50
    # One undo removes the update and puts the action back as it was.
    context.undo_stack.undo()
    stored = context.services.actions.get(action.id)
    assert (stored.status, stored.progress) == (ActionStatus.EN_COURS, 45)
    assert dialog.ui.statusCombo.currentText() == "En cours"
    context.undo_stack.redo()
    assert context.services.updates.for_action(action.id)[0].alert
    assert context.services.actions.get(action.id).status is ActionStatus.BLOQUEE


def test_an_update_inconsistent_with_its_status_is_refused(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    count = len(context.services.updates.for_action(action.id))
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.updatesTab)
    form = dialog.updates.open_new_update()
    choose(form.ui.statusCombo, ActionStatus.REALISEE.value)
    form.ui.progressSpin.setValue(80)
    press_ok(form)
    assert form.isVisible()
    assert "100" in form.error_text("progress") + form.ui.errorLabel.text()
    assert len(context.services.updates.for_action(action.id)) == count
    assert context.services.actions.get(action.id) == action


# -- Documents ---------------------------------------------------------------------------------
def test_attach_open_and_delete_a_document(
    qtbot: QtBot, context: TestContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.documentsTab)
    source = a_file(tmp_path)
    assert dialog.documents.attach_file(source, "Devis de l'atelier")  # what the file dialog calls
    model = dialog.documents.model
    assert column_texts(model, 0) == ["Devis de l'atelier"]
    assert column_texts(model, 1) == ["devis-atelier.pdf"]
    assert column_texts(model, 2) == ["1,5\u202fko"]
    folder = context.data_dir / "pieces-jointes" / str(action.id)
    (copy,) = list(folder.iterdir())
    assert copy.read_bytes() == source.read_bytes()

    opened: list[str] = []
    monkeypatch.setattr(
        "ti_desktop.gui.dialogs.action_documents.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    dialog.ui.documentsView.selectRow(0)
    qtbot.mouseClick(dialog.ui.openDocumentButton, Qt.MouseButton.LeftButton)
    assert opened == [str(copy)]

    monkeypatch.setattr(dialog.documents, "confirm_delete", lambda _attachment: True)
    qtbot.mouseClick(dialog.ui.deleteDocumentButton, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 0
    assert not copy.exists()
    assert context.services.history.for_action(action.id)[0].old_value == "Devis de l'atelier"


def test_undoing_an_attachment_removes_its_copy(qtbot: QtBot, context: TestContext, tmp_path: Path) -> None:
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.documentsTab)
    assert dialog.documents.attach_file(a_file(tmp_path), None)
    assert column_texts(dialog.documents.model, 0) == ["devis-atelier"]
    context.undo_stack.undo()
    assert dialog.documents.model.rowCount() == 0
    assert not any(path.is_file() for path in (context.data_dir / "pieces-jointes").rglob("*"))


def test_a_missing_file_is_reported_in_french(qtbot: QtBot, context: TestContext, tmp_path: Path) -> None:
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.documentsTab)
    assert not dialog.documents.attach_file(tmp_path / "absent.pdf")
    assert dialog.ui.messageLabel.text().startswith("Le fichier « ")
    assert "introuvable" in dialog.ui.messageLabel.text()
    assert dialog.documents.model.rowCount() == 0


# -- Historique --------------------------------------------------------------------------------
def test_history_shows_the_status_change_in_french(qtbot: QtBot, context: TestContext) -> None:
    dialog = open_editor(qtbot, context)
    choose(dialog.ui.statusCombo, ActionStatus.BLOQUEE.value)
    show_tab(dialog, dialog.ui.historyTab)
    model = dialog.history.model
    assert model.index(0, 3).data() == "Statut : En cours → Bloquée"
    assert model.index(0, 2).data() == "Fiche-action"
    assert model.index(0, 1).data() == "claire.martin"
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", model.index(0, 0).data())
    texts = column_texts(model, 3)
    assert "Création : INN-01" in texts
    assert any(text.startswith("Création : ") and "FEDER" in text for text in texts)  # a funding line, named


# -- models ------------------------------------------------------------------------------------
def test_every_model_passes_the_qt_model_tester(qtbot: QtBot, context: TestContext, tmp_path: Path) -> None:
    dialog = open_editor(qtbot, context, "TEC-01")
    models = [
        dialog.general.challenges,
        dialog.general.partners,
        dialog.funding.model,
        dialog.milestones.model,
        dialog.indicators.indicators,
        dialog.indicators.values,
        dialog.updates.model,
        dialog.documents.model,
        dialog.history.model,
    ]
    testers = [QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal) for m in models]
    for index in range(dialog.ui.tabs.count()):
        dialog.ui.tabs.setCurrentIndex(index)
    dialog.documents.attach_file(a_file(tmp_path), None)  # reloads with the testers watching
    choose(dialog.ui.statusCombo, ActionStatus.EN_PAUSE.value)
    for index in range(dialog.ui.tabs.count()):
        dialog.ui.tabs.setCurrentIndex(index)
    assert all(m.rowCount() > 0 for m in models)
    assert len(testers) == len(models)


# -- pure helpers ------------------------------------------------------------------------------
def test_next_code_and_sizes() -> None:
    assert next_code("INN", "-", ["INN-01", "INN-09", "COM-12", None, "INN-09.1"], 2) == "INN-10"
    assert next_code("TEC", "-", [], 2) == "TEC-01"
    assert next_code("INN-01", ".", ["INN-01.1", "INN-01.2"], 1) == "INN-01.3"
    assert format_size(820) == "820\u202fo"
    assert format_size(1536) == "1,5\u202fko"
    assert format_size(3 * 1024 * 1024) == "3\u202fMo"


def test_jobs_created_and_achieved_investment_are_edited_beside_the_targets(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    assert dialog.ui.jobsCreatedLabel.text() == "Emplois créés (constatés)"
    assert dialog.ui.jobsCreatedLabel.buddy() is dialog.ui.jobsCreatedSpin
    assert dialog.ui.achievedInvestmentLabel.buddy() is dialog.ui.achievedInvestmentEdit
    assert dialog.ui.jobsCreatedSpin.value() == action.jobs_created == 2  # the demo's figure
    dialog.ui.jobsCreatedSpin.setValue(7)
    type_into(qtbot, dialog.ui.achievedInvestmentEdit, "1 500 000")
    saved = context.services.actions.get(action.id)
    assert (saved.jobs_created, saved.achieved_investment) == (7, Decimal(1500000))
    assert dialog.ui.achievedInvestmentEdit.text() == format_euros(Decimal(1500000))
    assert context.undo_stack.undoText() == "Modifier « Investissement réalisé » de INN-01"
    context.undo_stack.undo()
    assert context.services.actions.get(action.id).achieved_investment == Decimal(1200000)
    type_into(qtbot, dialog.ui.achievedInvestmentEdit, "-5")
    assert "Investissement réalisé" in dialog.general.errors["achieved_investment"].text()
    assert context.services.actions.get(action.id).achieved_investment == Decimal(1200000)  # nothing written


def test_the_notes_are_shown_and_edited_in_the_fiche(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    assert action.notes and action.notes.startswith("Convention d'exploitation")  # the demo's notes
    dialog = open_editor(qtbot, context)
    assert dialog.ui.notesGroup.title() == "Notes" and dialog.ui.notesGroup.isVisible()
    assert dialog.ui.notesEdit.toPlainText() == action.notes
    dialog.ui.notesEdit.setFocus()
    dialog.ui.notesEdit.setPlainText("Relancer la CCI sur la convention.")
    dialog.ui.titleEdit.setFocus()  # leaving the text saves it
    QApplication.processEvents()
    assert context.services.actions.get(action.id).notes == "Relancer la CCI sur la convention."
    assert context.undo_stack.undoText() == "Modifier « Notes » de INN-01"
    context.undo_stack.undo()
    assert context.services.actions.get(action.id).notes == action.notes
    assert dialog.ui.notesEdit.toPlainText() == action.notes


def test_the_budget_basis_is_shown_beside_the_budget_and_edited(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    assert action.budget_basis is None  # never said: HT, as the programme counts
    dialog = open_editor(qtbot, context)
    ui = dialog.ui
    assert ui.plannedBudgetLabel.text() == "Budget prévisionnel (€)"
    assert ui.budgetBasisCombo.isVisible() and ui.budgetBasisCombo.currentText() == "HT"
    assert [ui.budgetBasisCombo.itemText(i) for i in range(ui.budgetBasisCombo.count())] == ["HT", "TTC"]
    assert ui.budgetBasisLabel.buddy() is ui.budgetBasisCombo  # the row right under the budget
    assert (
        ui.budgetForm.getWidgetPosition(ui.budgetBasisCombo)[0]
        == ui.budgetForm.getWidgetPosition(ui.plannedBudgetEdit)[0] + 2
    )  # (the budget's error row, hidden, lies between)
    choose(ui.budgetBasisCombo, "ttc")
    assert context.services.actions.get(action.id).budget_basis is AmountBasis.TTC
    assert context.undo_stack.undoText() == "Modifier « Base du budget » de INN-01"
    context.undo_stack.undo()
    assert context.services.actions.get(action.id).budget_basis is None
    assert ui.budgetBasisCombo.currentText() == "HT"


def test_a_funding_line_ttc_says_so_in_its_row_and_in_the_totals(qtbot: QtBot, context: TestContext) -> None:
    action = action_by_code(context, "INN-01")
    dialog = open_editor(qtbot, context)
    show_tab(dialog, dialog.ui.fundingTab)
    qtbot.mouseClick(dialog.ui.addFundingButton, Qt.MouseButton.LeftButton)
    form = dialog.findChild(SubmitDialog)
    assert form is not None
    fui = form.ui  # type: ignore[attr-defined]
    assert fui.basisLabel.buddy() is fui.basisCombo and fui.basisCombo.currentText() == "HT"
    qtbot.keyClicks(fui.funderNameEdit, "Fondation Industrie")
    qtbot.keyClicks(fui.requestedEdit, "120 000")
    qtbot.keyClicks(fui.grantedEdit, "100 000")
    choose(fui.statusCombo, FundingStatus.ACCORDE.value)
    choose(fui.basisCombo, AmountBasis.TTC.value)
    press_ok(form)
    assert not form.isVisible()
    lines = context.services.funding.list(action_id=action.id)
    added = next(line for line in lines if line.funder_name == "Fondation Industrie")
    assert added.basis is AmountBasis.TTC
    rows = {column_texts(dialog.funding.model, 0)[i]: i for i in range(dialog.funding.model.rowCount())}
    assert dialog.funding.model.index(rows["Fondation Industrie"], 4).data() == "TTC"
    summary = funding_summary(lines, action.planned_budget or Decimal(0))
    ttc_part = format_euros(Decimal(100000))
    assert dialog.ui.grantedValue.text() == f"{format_euros(summary.granted)} (dont {ttc_part} TTC)"
