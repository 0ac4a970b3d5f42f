"""Dialogs keep their size and layout when a refusal appears (issue 21, point 4): the message stands beside the
field it names, in a slot the dialog kept for it, goes away as soon as the field is corrected; every required
field's label ends with « * », in every record dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain import entities
from ti_desktop.domain.entities import Entity
from ti_desktop.domain.enums import FundingStatus, SwotCategory
from ti_desktop.domain.records import ActionRecord
from ti_desktop.gui.actor_picker import ActorCreation
from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog
from ti_desktop.gui.dialogs.actor_dialog import ActorDialog
from ti_desktop.gui.dialogs.custom_fields_dialog import CustomFieldDialog
from ti_desktop.gui.dialogs.record_form import SaveDialog
from ti_desktop.gui.dialogs.territory_dialogs import EpciDialog, RoleDialog
from ti_desktop.gui.field_errors import REQUIRED_MARK, required_fields
from ti_desktop.gui.pages.diagnostic_challenges import ChallengeDialog, ChallengesTab
from ti_desktop.gui.pages.diagnostic_swot import SwotItemDialog
from ti_desktop.gui.pages.meetings_dialogs import AgendaItemDialog


def _action(context: TestContext, code: str = "INN-01") -> ActionRecord:
    for action in context.services.actions.for_territory(context.territory_id or 0):
        if action.code == code:
            return action
    raise AssertionError(code)


def _editor(qtbot: QtBot, context: TestContext, code: str, tab: str) -> ActionEditorDialog:
    editor = ActionEditorDialog(context, context.services, _action(context, code).id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.ui.tabs.setCurrentWidget(getattr(editor.ui, tab))
    return editor


@dataclass
class Case:
    """A dialog as the application opens it, the refusal a user meets in it, and how to correct it."""

    name: str
    entity: Entity
    open: Callable[[QtBot, TestContext], SaveDialog]
    field: str  # the field the refusal names
    wrong: Callable[[SaveDialog], None]  # what the user enters before Enregistrer
    correct: str  # typed into that field


def _milestone(qtbot: QtBot, context: TestContext) -> SaveDialog:
    return _editor(qtbot, context, "INN-01", "milestonesTab").milestones.open_new_milestone()


def _measure(qtbot: QtBot, context: TestContext) -> SaveDialog:
    form = _editor(qtbot, context, "TEC-01", "indicatorsTab").indicators.open_new_value()
    assert form is not None
    return form


def _indicator(qtbot: QtBot, context: TestContext) -> SaveDialog:
    return _editor(qtbot, context, "TEC-01", "indicatorsTab").indicators.open_new_indicator()


def _funding(qtbot: QtBot, context: TestContext) -> SaveDialog:
    return _editor(qtbot, context, "INN-01", "fundingTab").funding.open_new_line()


def _update(qtbot: QtBot, context: TestContext) -> SaveDialog:
    return _editor(qtbot, context, "INN-01", "updatesTab").updates.open_new_update()


def _challenge(qtbot: QtBot, context: TestContext) -> SaveDialog:
    tab = ChallengesTab(context, context.services)
    qtbot.addWidget(tab)
    tab.reload()
    tab.add_challenge()
    assert tab.dialog is not None
    return tab.dialog


def _actor(qtbot: QtBot, context: TestContext) -> SaveDialog:
    dialog = ActorDialog(lambda values: context.services.actors.create(**values))
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _custom_field(qtbot: QtBot, context: TestContext) -> SaveDialog:
    territory = context.territory_id

    def submit(values: dict[str, Any]) -> object:
        return context.services.custom_fields.create(territory_id=territory, **values)

    dialog = CustomFieldDialog(None, submit)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _set(widget_name: str, text: str) -> Callable[[SaveDialog], None]:
    def enter(dialog: SaveDialog) -> None:
        found = dialog.findChild(QLineEdit, widget_name)
        assert found is not None, widget_name
        found.setText(text)

    return enter


def _accorded_without_amount(dialog: SaveDialog) -> None:
    ui = dialog.ui  # type: ignore[attr-defined]
    ui.funderNameEdit.setText("Région")
    ui.requestedEdit.setText("200 000")
    ui.statusCombo.setCurrentIndex(ui.statusCombo.findData(FundingStatus.ACCORDE.value))


CASES = [
    Case("jalon", entities.MILESTONE, _milestone, "due_on", _set("dueEdit", "fin mars"), "31/03/2027"),
    Case("mesure", entities.INDICATOR_VALUE, _measure, "value", _set("valueEdit", "beaucoup"), "12"),
    Case("indicateur", entities.INDICATOR, _indicator, "name", _set("nameEdit", ""), "Emplois crees"),
    Case("financement", entities.FUNDING_LINE, _funding, "amount_granted", _accorded_without_amount, "150 000"),
    Case("point", entities.PROGRESS_UPDATE, _update, "reported_on", _set("reportedOnEdit", "31/02/2026"), "12/11/2026"),
    Case("enjeu", entities.CHALLENGE, _challenge, "title", lambda _dialog: None, "Attirer des apprentis"),
    Case("acteur", entities.ACTOR, _actor, "name", lambda _dialog: None, "Chambre des metiers"),
    Case("champ", entities.CUSTOM_FIELD, _custom_field, "name", lambda _dialog: None, "Referent"),
]


def _geometry(widget: QWidget, dialog: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())


def _field_widget(dialog: SaveDialog, name: str) -> QWidget:
    """The input beside the error slot of `name` (the slot's neighbour in its container)."""
    slot = dialog.errors[name]
    container = slot.parentWidget()
    assert container is not None
    inputs = [w for w in container.findChildren(QWidget) if w is not slot and w.parentWidget() is container]
    assert inputs, name
    return inputs[0]


def _ok(dialog: SaveDialog) -> QWidget:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_refusal_stands_beside_its_field_and_moves_nothing(qtbot: QtBot, context: TestContext, case: Case) -> None:
    dialog = case.open(qtbot, context)
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    size, ok_place = dialog.size(), _geometry(_ok(dialog), dialog)
    field = _field_widget(dialog, case.field)
    field_place = _geometry(field, dialog)
    case.wrong(dialog)
    _ok(dialog).click()
    QApplication.processEvents()

    assert dialog.isVisible()
    message = dialog.error_text(case.field)
    assert message, f"no message beside {case.field}"
    # The dialog, its button and the field stay where they were.
    assert dialog.size() == size
    assert _geometry(_ok(dialog), dialog) == ok_place
    assert _geometry(field, dialog) == field_place
    # The message is on the field's row, to its right.
    slot = _geometry(dialog.errors[case.field], dialog)
    assert slot.left() >= field_place.right()
    assert slot.top() <= field_place.center().y() <= slot.bottom()
    assert dialog.errors[case.field].isVisible()

    # Corrected, the message goes away at once (before Enregistrer).
    if isinstance(field, QLineEdit):
        field.clear()
        qtbot.keyClicks(field, case.correct)
    else:
        raise AssertionError(type(field))
    assert dialog.error_text(case.field) == ""
    assert dialog.size() == size


def _all_record_dialogs(qtbot: QtBot, context: TestContext) -> list[tuple[SaveDialog, Entity]]:
    axes = context.services.axes.list(territory_id=context.territory_id)
    dialogs: list[tuple[SaveDialog, Entity]] = [(case.open(qtbot, context), case.entity) for case in CASES]
    dialogs += [
        (EpciDialog(lambda _values: None), entities.EPCI),
        (
            RoleDialog(
                lambda _values: None,
                context.services.actors.list(),
                ActorCreation(context, context.services),
            ),
            entities.TERRITORY_ROLE,
        ),
        (AgendaItemDialog(lambda _values: None), entities.AGENDA_ITEM),
        (ChallengeDialog("Nouvel enjeu", axes, None, None), entities.CHALLENGE),
        (SwotItemDialog("Nouvel élément", axes, None, SwotCategory.FORCE), entities.SWOT_ITEM),
    ]
    return dialogs


def test_every_required_field_is_marked_the_same_way(qtbot: QtBot, context: TestContext) -> None:
    for dialog, entity in _all_record_dialogs(qtbot, context):
        qtbot.addWidget(dialog)
        required = required_fields(entity.fields)
        assert dialog.errors.captions, type(dialog).__name__
        for name, caption in dialog.errors.captions.items():
            where = f"{type(dialog).__name__}.{name}: « {caption.text()} »"
            if name in required:
                assert caption.text().endswith(f" {REQUIRED_MARK}"), where
                assert not caption.text().endswith(f"{REQUIRED_MARK} {REQUIRED_MARK}"), where
            else:
                assert not caption.text().endswith(REQUIRED_MARK), where


def test_the_enjeu_dialog_forgets_its_refusal_once_the_title_is_typed(qtbot: QtBot, context: TestContext) -> None:
    dialog = _challenge(qtbot, context)
    assert isinstance(dialog, ChallengeDialog)
    _ok(dialog).click()
    assert dialog.error_text("title") == "Titre de l'enjeu : ce champ est obligatoire."
    qtbot.keyClicks(dialog.title_edit, "A")
    assert dialog.error_text("title") == ""
    assert dialog.errors.captions["title"].text() == "Titre de l'enjeu *"
