"""Général tab of the fiche-action: every field of the action, saved as soon as it is edited.

Each field is a `Binding` (field name, widget, kind). In edit mode a finished edit is one undoable
update through the editor; a refusal (unreadable entry or the services' ValidationError) is shown in
red under the field the error names, and the edited field goes back to the stored value. In create
mode the same bindings are read once, by "Créer la fiche".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol, cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain import entities
from ti_desktop.domain.actor_kinds import elected_referent_choices
from ti_desktop.domain.enums import ActionStatus, ActorKind, AmountBasis, BudgetNature, Priority
from ti_desktop.domain.errors import ConflictError, TiDesktopError, ValidationError
from ti_desktop.domain.records import ActionPartnerRecord, ActionRecord, ActorRecord, ChallengeRecord
from ti_desktop.gui.actor_picker import ActorCreation
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.date_edit import date_field
from ti_desktop.gui.dialogs.action_tab import (
    ActionTab,
    ShowMessage,
    action_name,
    selected_record,
    setup_table,
)
from ti_desktop.gui.field_errors import FieldErrors
from ti_desktop.gui.forms.ui_action_editor import Ui_ActionEditor
from ti_desktop.gui.inputs import parse_amount, parse_date, show_amount, show_date
from ti_desktop.gui.models.action_children import ChallengeChecklistModel
from ti_desktop.gui.models.records import Column, RecordTableModel
from ti_desktop.services.use_cases import HasActions, HasActors, HasAxes, HasChallenges, HasObjectives, HasPartners

NONE_LABEL = "— aucun —"


@dataclass(frozen=True, slots=True)
class Binding:
    name: str  # field of ActionRecord
    widget: QWidget
    kind: str  # text, combo, check, spin, optional_spin, date, money, plain


def _code(value: Any) -> Any:
    """Combo data hold plain codes: enum members are stored by value."""
    return value.value if isinstance(value, Enum) else value


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, Any]], current: Any) -> None:
    """Replace the entries (only when they changed, to keep an open popup stable) and select `current`."""
    combo.blockSignals(True)
    existing = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    if existing != list(items):
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
    index = combo.findData(_code(current)) if current is not None else combo.findData(None)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def select_data(combo: QComboBox, value: Any) -> None:
    """Select the entry holding `value` (the first one when absent), without signalling a user edit."""
    combo.blockSignals(True)
    combo.setCurrentIndex(max(combo.findData(_code(value)), 0))
    combo.blockSignals(False)


def _form_row(form: QFormLayout, item: QWidget | QLayout) -> int:
    """The row of `item` in `form` (-1 when it is not there)."""
    position = form.getWidgetPosition(item) if isinstance(item, QWidget) else form.getLayoutPosition(item)
    row, _role = cast(tuple[int, QFormLayout.ItemRole], position)
    return row


def next_code(prefix: str, separator: str, existing: Iterable[str | None], width: int) -> str:
    """The first free code after the highest `PREFIX<sep>NN` in use (INN-07 -> INN-08; INN-01.2 -> INN-01.3)."""
    pattern = re.compile(rf"^{re.escape(prefix)}{re.escape(separator)}(\d+)$")
    numbers = [int(match.group(1)) for code in existing if code and (match := pattern.match(code))]
    return f"{prefix}{separator}{max(numbers, default=0) + 1:0{width}d}"


class GeneralTabServices(HasActions, HasActors, HasAxes, HasChallenges, HasObjectives, HasPartners, Protocol):
    """What GeneralTab uses."""


class GeneralTab(ActionTab):
    def __init__(
        self,
        context: AppContext,
        services: GeneralTabServices,
        ui: Ui_ActionEditor,
        host: QWidget,
        show_message: ShowMessage,
    ) -> None:
        super().__init__(context, host, show_message)
        self.services = services
        self.ui = ui
        self.bindings = self._bindings()
        self.errors = FieldErrors()
        self._create_error_labels()
        self._suggested_code: str | None = None
        self._actors: list[ActorRecord] = []
        self._setup_widgets()
        self._connect()

    # -- building ------------------------------------------------------------------------------
    def _bindings(self) -> dict[str, Binding]:
        ui = self.ui
        pairs: list[tuple[str, QWidget, str]] = [
            ("code", ui.codeEdit, "text"),
            ("title", ui.titleEdit, "text"),
            ("axis_id", ui.axisCombo, "combo"),
            ("objective_id", ui.objectiveCombo, "combo"),
            ("parent_id", ui.parentCombo, "combo"),
            ("status", ui.statusCombo, "combo"),
            ("priority", ui.priorityCombo, "combo"),
            ("progress", ui.progressSpin, "spin"),
            ("to_discuss", ui.toDiscussCheck, "check"),
            ("confidential", ui.confidentialCheck, "check"),
            ("lead_actor_id", ui.leadCombo, "combo"),
            ("pilot_actor_id", ui.pilotCombo, "combo"),
            ("elected_referent_id", ui.electedCombo, "combo"),
            ("planned_start", ui.plannedStartEdit, "date"),
            ("planned_end", ui.plannedEndEdit, "date"),
            ("actual_end", ui.actualEndEdit, "date"),
            ("planned_budget", ui.plannedBudgetEdit, "money"),
            ("budget_basis", ui.budgetBasisCombo, "combo"),
            ("spent_to_date", ui.spentEdit, "money"),
            ("budget_nature", ui.budgetNatureCombo, "combo"),
            ("induced_investment", ui.inducedEdit, "money"),
            ("jobs_targeted", ui.jobsSpin, "optional_spin"),
            ("jobs_created", ui.jobsCreatedSpin, "optional_spin"),
            ("achieved_investment", ui.achievedInvestmentEdit, "money"),
            ("description", ui.descriptionEdit, "plain"),
            ("expected_results", ui.resultsEdit, "plain"),
            ("notes", ui.notesEdit, "plain"),
        ]
        return {name: Binding(name, widget, kind) for name, widget, kind in pairs}

    def _create_error_labels(self) -> None:
        """One red label under each field (hidden while there is nothing to say)."""
        ui, errors, host = self.ui, self.errors, self.host
        forms = (ui.identityForm, ui.actorsForm, ui.calendarForm, ui.budgetForm)
        flags_label: QLabel | None = None
        for binding in self.bindings.values():
            if binding.kind == "plain":  # a long text fills its group box: the message goes under it
                box_owner = binding.widget.parentWidget()
                box = box_owner.layout() if box_owner is not None else None
                assert isinstance(box, QVBoxLayout), binding.name
                box.addWidget(errors.add(binding.name, host))
            elif binding.kind == "check":
                if flags_label is None:  # both check boxes share the row of the flags
                    row = _form_row(ui.identityForm, ui.flagsLayout)
                    flags_label = errors.add_form_row(binding.name, ui.identityForm, row, host)
                else:
                    errors.add(binding.name, host, flags_label)
            else:
                for form in forms:
                    row = _form_row(form, binding.widget)
                    if row >= 0:
                        errors.add_form_row(binding.name, form, row, host)
                        break
        for name, group in (("challenges", ui.challengesLayout), ("partners", ui.partnersLayout)):
            group.addWidget(errors.add(name, host))

    def _setup_widgets(self) -> None:
        ui = self.ui
        ui.progressSpin.setSuffix("\u202f%")
        for widget in (ui.progressSpin, ui.jobsSpin, ui.plannedStartEdit, ui.plannedEndEdit, ui.actualEndEdit):
            widget.setMaximumWidth(150)
        for day in (ui.plannedStartEdit, ui.plannedEndEdit, ui.actualEndEdit):
            date_field(day)  # typed or digits, a calendar (gui/date_edit.py)
        # The identification and actors forms share one label column, so their fields line up.
        labels = [
            ui.codeLabel,
            ui.titleLabel,
            ui.axisLabel,
            ui.objectiveLabel,
            ui.parentLabel,
            ui.statusLabel,
            ui.priorityLabel,
            ui.progressLabel,
            ui.flagsLabel,
            ui.leadLabel,
            ui.pilotLabel,
            ui.electedLabel,
        ]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        for binding in self.bindings.values():
            if binding.kind == "plain":
                binding.widget.setMinimumHeight(90)
        ui.challengesView.setMinimumHeight(110)
        ui.partnersView.setMinimumHeight(120)
        self.challenges = ChallengeChecklistModel(self._toggle_challenge, self)
        ui.challengesView.setModel(self.challenges)
        self.partners: RecordTableModel[ActionPartnerRecord] = RecordTableModel(
            [
                Column(self.tr("Partenaire"), self._actor_name),
                Column(self.tr("Rôle"), lambda partner: partner.role or ""),
            ],
            self,
        )
        ui.partnersView.setModel(self.partners)
        setup_table(ui.partnersView, 0)
        # « Nouvel acteur… » beside each list of the directory's actors (an élu référent starts as an élu).
        creation = ActorCreation(self.context, self.services)
        self.new_actor_buttons = {
            "lead_actor_id": creation.beside(ui.leadCombo),
            "pilot_actor_id": creation.beside(ui.pilotCombo),
            "elected_referent_id": creation.beside(ui.electedCombo, ActorKind.ELU),
            "partners": creation.beside(ui.partnerActorCombo),
        }
        self.new_actor_buttons["partners"].name_for(self.tr("Partenaire"))
        fill_combo(ui.statusCombo, [(status.label, status.value) for status in ActionStatus], None)
        fill_combo(ui.priorityCombo, [(priority.label, priority.value) for priority in Priority], None)
        # A budget whose basis was never said is HT, as the programme counts: the first entry shows it.
        fill_combo(ui.budgetBasisCombo, [(basis.label, basis.value) for basis in AmountBasis], None)
        fill_combo(
            ui.budgetNatureCombo,
            [(self.tr("— non précisée —"), None)] + [(nature.label, nature.value) for nature in BudgetNature],
            None,
        )

    def _connect(self) -> None:
        for binding in self.bindings.values():
            widget = binding.widget
            if isinstance(widget, QLineEdit):
                widget.editingFinished.connect(lambda b=binding: self.commit(b))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _i, b=binding: self._combo_changed(b))
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(lambda _on, b=binding: self.commit(b))
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(lambda _v, b=binding: self.commit(b))
            elif isinstance(widget, QPlainTextEdit):
                widget.installEventFilter(self)  # saved on focus out
        self.ui.addPartnerButton.clicked.connect(self.add_partner)
        self.ui.removePartnerButton.clicked.connect(self.remove_partner)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Saved when the text loses focus, but not for its own context menu (the user is still in it).
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() != Qt.FocusReason.PopupFocusReason
        ):
            for binding in self.bindings.values():
                if binding.widget is watched:
                    self.commit(binding)
        return super().eventFilter(watched, event)

    # -- choices -------------------------------------------------------------------------------
    def _territory_id(self) -> int:
        if self.action is not None:
            return self.action.territory_id
        assert self.context.territory_id is not None
        return self.context.territory_id

    def _fill_choices(self, axis_id: int | None, action: ActionRecord | None, parent_id: int | None = None) -> None:
        """Entries of the combos, some of which depend on the axis (objectives, possible parents)."""
        ui, services, tid = self.ui, self.services, self._territory_id()
        axes = services.axes.available_to(tid)
        fill_combo(ui.axisCombo, [(f"{axis.code} — {axis.label}", axis.id) for axis in axes], axis_id)
        objectives = services.objectives.list(territory_id=tid, axis_id=axis_id) if axis_id is not None else []
        fill_combo(
            ui.objectiveCombo,
            [(self.tr(NONE_LABEL), None)]
            + [(f"{o.code} — {o.title}" if o.code else o.title, o.id) for o in objectives],
            action.objective_id if action else None,
        )
        own_id = action.id if action else None
        parents = [
            a
            for a in services.actions.for_territory(tid)
            if a.parent_id is None and a.axis_id == axis_id and a.id != own_id
        ]
        fill_combo(
            ui.parentCombo,
            [(self.tr("— aucune (action principale) —"), None)]
            + [(f"{a.code} — {a.title}" if a.code else a.title, a.id) for a in parents],
            action.parent_id if action else parent_id,
        )
        self._actors = services.actors.list()

        def actor_items(actors: Iterable[ActorRecord]) -> list[tuple[str, Any]]:
            return [(self.tr(NONE_LABEL), None)] + [(actor.display_name, actor.id) for actor in actors]

        for name, combo in (
            ("lead_actor_id", ui.leadCombo),
            ("pilot_actor_id", ui.pilotCombo),
            ("elected_referent_id", ui.electedCombo),
        ):
            current = getattr(action, name) if action else combo.currentData()
            # The élu référent is chosen among élus and collectivités (domain/actor_kinds.py).
            actors = elected_referent_choices(self._actors, current) if name == "elected_referent_id" else self._actors
            fill_combo(combo, actor_items(actors), current)
        fill_combo(
            ui.partnerActorCombo,
            [(self.tr("— choisir un acteur —"), None)] + [(a.display_name, a.id) for a in self._actors],
            ui.partnerActorCombo.currentData(),
        )

    def _actor_name(self, partner: ActionPartnerRecord) -> str:
        for actor in self._actors:
            if actor.id == partner.actor_id:
                return actor.display_name
        return self.tr("acteur n° {id}").format(id=partner.actor_id)

    # -- reading and showing values ------------------------------------------------------------
    def read(self, binding: Binding) -> Any:
        """The widget's value as the services take it; raises ValidationError when unreadable."""
        widget, label = binding.widget, entities.ACTION.fields[binding.name].label
        if isinstance(widget, QLineEdit):
            if binding.kind == "date":
                return parse_date(widget.text(), binding.name, label)
            if binding.kind == "money":
                return parse_amount(widget.text(), binding.name, label)
            return widget.text().strip() or None
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QSpinBox):
            widget.interpretText()
            value = widget.value()
            return None if binding.kind == "optional_spin" and value < 0 else value
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip() or None
        raise AssertionError(binding.name)

    def show_value(self, binding: Binding, value: Any) -> None:
        widget = binding.widget
        widget.blockSignals(True)
        if isinstance(widget, QLineEdit):
            if binding.kind == "date":
                text = show_date(value)
            elif binding.kind == "money":
                text = show_amount(value)
            else:
                text = value or ""
            if widget.text() != text:
                widget.setText(text)
                widget.setCursorPosition(0)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(_code(value)), 0))  # signals already blocked
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(-1 if value is None else int(value))
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != (value or ""):
                widget.setPlainText(value or "")
        widget.blockSignals(False)

    # -- errors --------------------------------------------------------------------------------
    def show_error(self, field: str, message: str) -> None:
        self.errors.show(field, message)

    def clear_errors(self) -> None:
        self.errors.clear()

    def error_text(self, field: str) -> str:
        """The message shown under the field (empty when none)."""
        return self.errors.text(field)

    def _refuse(self, binding: Binding, error: TiDesktopError) -> None:
        self.clear_errors()
        self.errors.show_error(error, binding.name)
        if self.action is not None:  # nothing was written: show the stored value again
            self.show_value(binding, getattr(self.action, binding.name))

    # -- edit mode -----------------------------------------------------------------------------
    def reload(self) -> None:
        action = self.action
        if action is None:
            return
        self._fill_choices(action.axis_id, action)
        for binding in self.bindings.values():
            self.show_value(binding, getattr(action, binding.name))
        services = self.services
        has_sub_actions = bool(services.actions.sub_actions(action.id))
        self.ui.parentCombo.setEnabled(not has_sub_actions)
        self.ui.parentCombo.setToolTip(
            self.tr("Cette action a des sous-actions : elle ne peut pas devenir une sous-action.")
            if has_sub_actions
            else ""
        )
        axes = {axis.id: axis.code for axis in services.axes.available_to(action.territory_id)}
        challenges: list[ChallengeRecord] = services.challenges.list(territory_id=action.territory_id)
        challenges.sort(key=lambda c: c.axis_id != action.axis_id)  # the action's own axis first
        checked = services.actions.challenge_ids(action.id)
        self.challenges.set_challenges([(c, axes.get(c.axis_id, "")) for c in challenges], checked)
        self.ui.challengesGroup.setTitle(
            self.tr("Enjeux auxquels l'action répond ({count} sur {total})").format(
                count=len(checked), total=len(challenges)
            )
        )
        self.partners.set_records(services.partners.list(action_id=action.id))

    def _combo_changed(self, binding: Binding) -> None:
        if self.action is None and binding.name in ("axis_id", "parent_id"):
            self._refresh_new_choices()
            return
        self.commit(binding)

    def commit(self, binding: Binding) -> bool:
        """Save the field of `binding` (edit mode); True when saved or unchanged."""
        try:
            value = self.read(binding)
        except ValidationError as error:
            self._refuse(binding, error)
            return False
        if self.action is None:
            self.errors.clear(binding.name)
            return True
        if value == getattr(self.action, binding.name):
            return True
        changes = {binding.name: value}  # the services draw the consequences (a new axis drops the objective…)
        label = entities.ACTION.fields[binding.name].label
        text = self.tr("Modifier « {label} » de {action}").format(label=label, action=action_name(self.action))
        try:
            # The version shown: a save meeting someone else's newer one is refused, not overwritten.
            self.context.editor.update(
                self.services.actions, self.action.id, text, expected_version=self.action.version, **changes
            )
        except TiDesktopError as error:
            self._refuse(binding, error)
            return False
        self.clear_errors()
        return True

    def commit_focused(self) -> bool:
        """Save the field being edited (before the dialog closes): False when it was refused."""
        focused = self.host.focusWidget()
        for binding in self.bindings.values():
            widget = binding.widget
            if focused is not None and (focused is widget or widget.isAncestorOf(focused)):
                return self.commit(binding)
        return True

    # -- create mode ---------------------------------------------------------------------------
    def prepare_new(self, axis_id: int | None, parent_action_id: int | None) -> None:
        self.action = None
        services = self.services
        if parent_action_id is not None:
            axis_id = services.actions.get(parent_action_id).axis_id
        if axis_id is None:
            axes = services.axes.available_to(self._territory_id())
            axis_id = axes[0].id if axes else None
        self._fill_choices(axis_id, None, parent_action_id)
        self.show_value(self.bindings["status"], ActionStatus.EN_REFLEXION)
        self.show_value(self.bindings["priority"], Priority.MOYENNE)
        self.show_value(self.bindings["progress"], 0)
        self.show_value(self.bindings["jobs_targeted"], None)
        self.show_value(self.bindings["jobs_created"], None)
        self.challenges.set_challenges([], set())
        self.partners.set_records([])
        self._suggest_code()

    def _refresh_new_choices(self) -> None:
        self._fill_choices(self.ui.axisCombo.currentData(), None, self.ui.parentCombo.currentData())
        self._suggest_code()

    def _suggest_code(self) -> None:
        """Propose the next free code of the axis (or of the parent), unless the user typed one."""
        services, tid = self.services, self._territory_id()
        current = self.ui.codeEdit.text().strip()
        if current and current != self._suggested_code:
            return
        codes = [a.code for a in services.actions.for_territory(tid)]
        parent_id = self.ui.parentCombo.currentData()
        axis_id = self.ui.axisCombo.currentData()
        parent_code = services.actions.get(parent_id).code if parent_id is not None else None
        if parent_code:
            suggestion: str | None = next_code(parent_code, ".", codes, 1)
        elif axis_id is not None and parent_id is None:
            suggestion = next_code(services.axes.get(axis_id).code, "-", codes, 2)
        else:
            suggestion = None
        self._suggested_code = suggestion
        self.ui.codeEdit.setText(suggestion or "")

    def new_values(self) -> dict[str, Any] | None:
        """Every field entered for the new action; None (errors shown) when one is unreadable."""
        self.clear_errors()
        values: dict[str, Any] = {"territory_id": self._territory_id()}
        refused = False
        for binding in self.bindings.values():
            try:
                values[binding.name] = self.read(binding)
            except ValidationError as error:
                self.show_error(binding.name, error.message)
                refused = True
        return None if refused else values

    def show_creation_error(self, error: TiDesktopError) -> None:
        self.clear_errors()
        # A refusal naming no field of the form: on creation a conflict is a code already in use.
        self.errors.show_error(error, "code" if isinstance(error, ConflictError) else "title")

    def set_create_mode(self, creating: bool) -> None:
        ui = self.ui
        for group in (ui.challengesGroup, ui.partnersGroup):
            group.setVisible(not creating)  # they need the action's id: open once it is created
        self.challenges.set_editable(not creating)

    # -- challenges and partners ---------------------------------------------------------------
    def _toggle_challenge(self, challenge_id: int, checked: bool) -> bool:
        if self.action is None:
            return False
        actions, action_id, version = self.services.actions, self.action.id, self.action.version
        before = actions.challenge_ids(action_id)
        after = before | {challenge_id} if checked else before - {challenge_id}
        text = self.tr("Modifier les enjeux de {action}").format(action=action_name(self.action))
        try:
            # The action's version covers its challenges: a change over someone else's is refused.
            self.context.editor.run(
                text,
                lambda: actions.set_challenges(action_id, after, expected_version=version),
                undo=lambda: actions.set_challenges(action_id, before),
                redo=lambda: actions.set_challenges(action_id, after),
            )
        except TiDesktopError as error:
            self.show_error("challenges", error.message)
            return False
        self.clear_errors()
        return True

    def add_partner(self) -> None:
        if self.action is None:
            return
        actor_id = self.ui.partnerActorCombo.currentData()
        if actor_id is None:
            self.show_error("partners", self.tr("Choisissez dans la liste l'acteur à ajouter comme partenaire."))
            return
        name = self.ui.partnerActorCombo.currentText()
        text = self.tr("Ajouter le partenaire {name} à {action}").format(name=name, action=action_name(self.action))
        try:
            self.context.editor.create(
                self.services.partners,
                text,
                action_id=self.action.id,
                actor_id=actor_id,
                role=self.ui.partnerRoleEdit.text().strip() or None,
            )
        except TiDesktopError as error:
            self.show_error("partners", error.message)
            return
        self.clear_errors()
        self.ui.partnerRoleEdit.clear()
        select_data(self.ui.partnerActorCombo, None)

    def remove_partner(self) -> None:
        partner = selected_record(self.ui.partnersView, ActionPartnerRecord)
        if self.action is None or partner is None:
            self.show_error("partners", self.tr("Sélectionnez d'abord le partenaire à retirer."))
            return
        text = self.tr("Retirer le partenaire {name} de {action}").format(
            name=self._actor_name(partner), action=action_name(self.action)
        )
        try:
            self.context.editor.delete(self.services.partners, partner.id, text, partner.version)
        except TiDesktopError as error:
            self.show_error("partners", error.message)
            return
        self.clear_errors()
