"""Financement tab: the action's funding lines, their form, and the totals against the planned budget."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Protocol

from PySide6.QtWidgets import QLabel, QWidget

from ti_desktop.domain import entities
from ti_desktop.domain.enums import (
    REQUESTED_FUNDING_STATUSES,
    SECURED_FUNDING_STATUSES,
    AmountBasis,
    FundingStatus,
)
from ti_desktop.domain.records import ActorRecord, FundingLineRecord
from ti_desktop.domain.summaries import funding_summary
from ti_desktop.gui.actor_picker import ActorCreation
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
from ti_desktop.gui.field_errors import required_fields, required_text
from ti_desktop.gui.forms.ui_action_editor import Ui_ActionEditor
from ti_desktop.gui.forms.ui_action_funding_line import Ui_FundingLineDialog
from ti_desktop.gui.inputs import parse_amount, parse_date, show_amount, show_date
from ti_desktop.gui.models.records import ERROR_TEXT, MUTED_TEXT, Column, RecordTableModel
from ti_desktop.gui.theme import apply_roles
from ti_desktop.kernel.formatting import format_date, format_euros, format_euros_with_ttc, format_percent
from ti_desktop.services.use_cases import HasActors, HasFunding

# Proposed in the programme box (any other may be typed).
PROGRAMMES = [
    "Fonds vert",
    "France 2030",
    "DSIL",
    "DETR",
    "Fonds friches",
    "FEDER",
    "FSE+",
    "Région",
    "Département",
    "Banque des Territoires",
    "Bpifrance",
    "ADEME",
    "Autofinancement",
]


def statuses_text(statuses: frozenset[FundingStatus]) -> str:
    """`déposé, accordé ou versé`: the statuses a total counts, in the enum's order (the services' own sets)."""
    words = [status.label.lower() for status in FundingStatus if status in statuses]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} ou {words[-1]}"


# What the totals under the table count, said with the same rule as the summaries and the report.
REQUESTED_CAPTION = f"Demandé ({statuses_text(REQUESTED_FUNDING_STATUSES)})"
SECURED_CAPTION = f"Acquis ({statuses_text(SECURED_FUNDING_STATUSES)})"
ENVISAGED_CAPTION = "Envisagé (pas encore déposé)"


def amount_word(status: FundingStatus | None) -> str:
    """What a line's amount is: envisagé until it is filed, demandé after."""
    return "Montant envisagé" if status is FundingStatus.ENVISAGE else "Montant demandé"


class FundingLineDialog(SubmitDialog):
    def __init__(
        self,
        parent: QWidget | None,
        submit: Save,
        actors: list[ActorRecord],
        line: FundingLineRecord | None = None,
        creation: ActorCreation | None = None,
    ) -> None:
        super().__init__(parent, submit)
        self.ui = Ui_FundingLineDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.prepare(self.ui.errorLabel, self.ui.buttonBox)
        ui = self.ui
        if creation is not None:  # « Nouvel acteur… »: a funder not yet in the directory
            self.new_actor_button = creation.beside(ui.funderActorCombo)
        fill_combo(
            ui.funderActorCombo,
            [(self.tr("— hors annuaire (saisir le nom) —"), None)] + [(a.display_name, a.id) for a in actors],
            line.funder_actor_id if line else None,
        )
        ui.programmeCombo.addItems(PROGRAMMES)
        fill_combo(ui.statusCombo, [(status.label, status.value) for status in FundingStatus], None)
        # Amounts whose basis was never said are HT, as the programme counts: the first entry shows it.
        fill_combo(ui.basisCombo, [(basis.label, basis.value) for basis in AmountBasis], line.basis if line else None)
        ui.funderActorCombo.currentIndexChanged.connect(self._funder_chosen)
        ui.statusCombo.currentIndexChanged.connect(self._status_chosen)
        for edit in (ui.filedEdit, ui.decidedEdit):
            date_field(edit)
        self.errors.beside(
            ui.fieldsForm,
            {
                "funder_actor_id": ui.funderActorCombo,
                "funder_name": ui.funderNameEdit,
                "programme": ui.programmeCombo,
                "amount_requested": ui.requestedEdit,
                "amount_granted": ui.grantedEdit,
                "status": ui.statusCombo,
                "filed_on": ui.filedEdit,
                "decided_on": ui.decidedEdit,
                "basis": ui.basisCombo,
            },
            required_fields(entities.FUNDING_LINE.fields),
        )
        if line is not None:
            self.setWindowTitle(self.tr("Modifier la ligne de financement"))
            ui.funderNameEdit.setText(line.funder_name or "")
            ui.programmeCombo.setCurrentText(line.programme or "")
            ui.requestedEdit.setText(show_amount(line.amount_requested))
            ui.grantedEdit.setText(show_amount(line.amount_granted))
            ui.statusCombo.setCurrentIndex(ui.statusCombo.findData(line.status.value))
            ui.filedEdit.setText(show_date(line.filed_on))
            ui.decidedEdit.setText(show_date(line.decided_on))
        else:
            self.setWindowTitle(self.tr("Nouvelle ligne de financement"))
            ui.programmeCombo.setCurrentText("")
        self._funder_chosen()
        # Room for either wording: changing the status moves no field.
        metrics = ui.requestedLabel.fontMetrics()
        words = {amount_word(status) for status in FundingStatus}
        ui.requestedLabel.setMinimumWidth(max(metrics.horizontalAdvance(self._amount_label(word)) for word in words))
        self._status_chosen()

    def _status_chosen(self, *_args: object) -> None:
        """The amount's label says what it is for the chosen status (an envisagé line is not yet demandé)."""
        value = self.ui.statusCombo.currentData()
        status = FundingStatus(value) if value is not None else None
        self.ui.requestedLabel.setText(self._amount_label(amount_word(status)))

    def _amount_label(self, word: str) -> str:
        return required_text(self.tr("{word} (€)").format(word=word))

    def _funder_chosen(self, *_args: object) -> None:
        from_directory = self.ui.funderActorCombo.currentData() is not None
        self.ui.funderNameEdit.setEnabled(not from_directory)

    def values(self) -> dict[str, Any]:
        ui, spec = self.ui, entities.FUNDING_LINE.fields
        actor_id = ui.funderActorCombo.currentData()
        return {
            "funder_actor_id": actor_id,
            "funder_name": None if actor_id is not None else ui.funderNameEdit.text().strip() or None,
            "programme": ui.programmeCombo.currentText().strip() or None,
            "amount_requested": parse_amount(
                ui.requestedEdit.text(), "amount_requested", spec["amount_requested"].label
            ),
            "amount_granted": parse_amount(ui.grantedEdit.text(), "amount_granted", spec["amount_granted"].label),
            "status": ui.statusCombo.currentData(),
            "filed_on": parse_date(ui.filedEdit.text(), "filed_on", spec["filed_on"].label),
            "decided_on": parse_date(ui.decidedEdit.text(), "decided_on", spec["decided_on"].label),
            "basis": ui.basisCombo.currentData(),
        }


class FundingTabServices(HasActors, HasFunding, Protocol):
    """What FundingTab uses."""


class FundingTab(ActionTab):
    def __init__(
        self,
        context: AppContext,
        services: FundingTabServices,
        ui: Ui_ActionEditor,
        host: QWidget,
        show_message: ShowMessage,
    ) -> None:
        super().__init__(context, host, show_message)
        self.services = services
        self.ui = ui
        self._actors: dict[int, ActorRecord] = {}
        self.model: RecordTableModel[FundingLineRecord] = RecordTableModel(
            [
                Column(self.tr("Financeur"), self._funder),
                Column(self.tr("Programme / dispositif"), lambda f: f.programme or ""),
                Column(
                    self.tr("Montant"),
                    lambda f: format_euros(f.amount_requested),
                    right_aligned=True,
                    tooltip=lambda f: amount_word(f.status),
                ),
                Column(self.tr("Accordé"), lambda f: format_euros(f.amount_granted, empty=""), right_aligned=True),
                Column(self.tr("Base"), lambda f: (f.basis or AmountBasis.HT).label),
                Column(self.tr("Statut"), lambda f: f.status.label, colour=_status_colour),
                Column(self.tr("Déposé le"), lambda f: format_date(f.filed_on, empty="")),
                Column(self.tr("Décidé le"), lambda f: format_date(f.decided_on, empty="")),
            ],
            self,
            theme=self.context.theme,
        )
        ui.fundingView.setModel(self.model)
        setup_table(ui.fundingView, 1)
        ui.addFundingButton.clicked.connect(self.open_new_line)
        ui.editFundingButton.clicked.connect(self.open_selected_line)
        ui.fundingView.doubleClicked.connect(lambda _index: self.open_selected_line())
        ui.deleteFundingButton.clicked.connect(self.delete_selected_line)
        ui.requestedCaption.setText(REQUESTED_CAPTION)
        ui.grantedCaption.setText(SECURED_CAPTION)
        self.envisaged_caption = QLabel(ENVISAGED_CAPTION, ui.fundingTotalsGroup)
        self.envisaged_value = QLabel("—", ui.fundingTotalsGroup)
        self.envisaged_value.setAlignment(ui.requestedValue.alignment())
        self.envisaged_caption.setBuddy(self.envisaged_value)
        ui.fundingTotalsLayout.addWidget(self.envisaged_caption, 2, 0)
        ui.fundingTotalsLayout.addWidget(self.envisaged_value, 2, 1)
        for label in (ui.requestedValue, ui.grantedValue, ui.paidValue, ui.coverageValue, self.envisaged_value):
            font = label.font()
            font.setBold(True)
            label.setFont(font)

    def _funder(self, line: FundingLineRecord) -> str:
        actor = self._actors.get(line.funder_actor_id or 0)
        return actor.display_name if actor else line.funder_name or ""

    def reload(self) -> None:
        if self.action is None:
            return
        services = self.services
        self._actors = {actor.id: actor for actor in services.actors.list()}
        lines = services.funding.list(action_id=self.action.id)
        self.model.set_records(lines)
        summary = funding_summary(lines, self.action.planned_budget or Decimal(0))
        ttc = summary.ttc  # HT and TTC lines: each total says its TTC part
        self.envisaged_value.setText(format_euros_with_ttc(summary.envisaged, ttc.envisaged if ttc else None))
        self.ui.requestedValue.setText(format_euros_with_ttc(summary.requested, ttc.requested if ttc else None))
        self.ui.grantedValue.setText(format_euros_with_ttc(summary.granted, ttc.granted if ttc else None))
        self.ui.paidValue.setText(format_euros_with_ttc(summary.paid, ttc.paid if ttc else None))
        if summary.coverage is None:
            self.ui.coverageValue.setText(self.tr("— (pas de budget prévisionnel)"))
        else:
            self.ui.coverageValue.setText(
                self.tr("{percent} de {budget}").format(
                    percent=format_percent(summary.coverage), budget=format_euros(summary.planned_budget)
                )
            )

    def open_new_line(self) -> FundingLineDialog:
        assert self.action is not None
        action = self.action

        def submit(values: dict[str, Any]) -> object:
            text = self.tr("Ajouter un financement à {action}").format(action=action_name(action))
            return self.context.editor.create(self.services.funding, text, action_id=action.id, **values)

        creation = ActorCreation(self.context, self.services)
        return self.open_form(FundingLineDialog(self.host, submit, list(self._actors.values()), creation=creation))

    def open_selected_line(self) -> FundingLineDialog | None:
        line = selected_record(self.ui.fundingView, FundingLineRecord)
        if self.action is None or line is None:
            self.show_message(self.tr("Sélectionnez d'abord la ligne de financement à modifier."))
            return None
        action = self.action

        def submit(values: dict[str, Any]) -> object:
            text = self.tr("Modifier un financement de {action}").format(action=action_name(action))
            saved = self.context.editor.update(self.services.funding, line.id, text, line.version, **values)
            select_row_of(self.ui.fundingView, line.id)
            return saved

        creation = ActorCreation(self.context, self.services)
        return self.open_form(FundingLineDialog(self.host, submit, list(self._actors.values()), line, creation))

    def delete_selected_line(self) -> None:
        line = selected_record(self.ui.fundingView, FundingLineRecord)
        if self.action is None or line is None:
            self.show_message(self.tr("Sélectionnez d'abord la ligne de financement à supprimer."))
            return
        text = self.tr("Supprimer un financement de {action}").format(action=action_name(self.action))
        self.run_edit(lambda: self.context.editor.delete(self.services.funding, line.id, text, line.version))


def _status_colour(line: FundingLineRecord) -> str | None:
    if line.status is FundingStatus.REFUSE:
        return ERROR_TEXT
    if line.status is FundingStatus.ENVISAGE:
        return MUTED_TEXT
    return None
