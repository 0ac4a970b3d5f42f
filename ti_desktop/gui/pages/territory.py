"""Territoire: the territory's identity (saved field by field), its intercommunalités and its governance."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain import entities
from ti_desktop.domain.enums import GovernanceRole
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.gui.actor_picker import ActorCreation
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.date_edit import date_field
from ti_desktop.gui.dialogs.confirm import confirm
from ti_desktop.gui.dialogs.custom_fields_dialog import CustomFieldsDialog, CustomFieldsDialogServices
from ti_desktop.gui.dialogs.record_form import open_form
from ti_desktop.gui.dialogs.territory_dialogs import EpciDialog, RoleDialog
from ti_desktop.gui.field_errors import FieldErrors, as_error_label, set_error
from ti_desktop.gui.forms.ui_territory_epcis import Ui_EpciSection
from ti_desktop.gui.forms.ui_territory_governance import Ui_GovernanceSection
from ti_desktop.gui.forms.ui_territory_identity import Ui_IdentitySection
from ti_desktop.gui.inputs import parse_date, show_date
from ti_desktop.gui.models.actors import GovernanceColumn, GovernanceMember, GovernanceModel
from ti_desktop.gui.models.epcis import EpciColumn, EpciTableModel
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.read_only import Reading, follow_access
from ti_desktop.gui.tables import fit_columns, read_only_table
from ti_desktop.gui.theme import Role, apply_roles, set_role
from ti_desktop.kernel.formatting import format_number
from ti_desktop.services.use_cases import HasActors, HasEpcis, HasRoles, HasTerritories

# Identity fields edited on one line each, in the order of the form.
LINE_FIELDS = ("name", "national_code", "region", "departments", "phase", "labelled_on", "carrying_structure")


class IdentitySectionServices(HasTerritories, Protocol):
    """What IdentitySection uses."""


class IdentitySection(QGroupBox):
    """Each field is saved when the user leaves it (or presses Entrée), as one undoable edit.
    Laid out in ui/territory_identity.ui; the captions are the fields' labels (domain/records.py)."""

    def __init__(self, context: AppContext, services: IdentitySectionServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ui = ui = Ui_IdentitySection()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.context = context
        self.errors = FieldErrors()
        rows: dict[str, tuple[QLabel, QLineEdit, QLabel]] = {
            "name": (ui.nameLabel, ui.nameEdit, ui.nameError),
            "national_code": (ui.nationalCodeLabel, ui.nationalCodeEdit, ui.nationalCodeError),
            "region": (ui.regionLabel, ui.regionEdit, ui.regionError),
            "departments": (ui.departmentsLabel, ui.departmentsEdit, ui.departmentsError),
            "phase": (ui.phaseLabel, ui.phaseEdit, ui.phaseError),
            "labelled_on": (ui.labelledOnLabel, ui.labelledOnEdit, ui.labelledOnError),
            "carrying_structure": (ui.carryingStructureLabel, ui.carryingStructureEdit, ui.carryingStructureError),
        }
        assert tuple(rows) == LINE_FIELDS
        self.edits: dict[str, QLineEdit] = {}
        for name, (caption, edit, error) in rows.items():
            caption.setText(entities.TERRITORY.fields[name].label + (" *" if name == "name" else ""))
            if name == "labelled_on":
                date_field(edit)
            edit.editingFinished.connect(lambda name=name: self.save(name))
            self.edits[name] = edit
            self.errors.add(name, self, as_error_label(error))
        self.summary = ui.summaryEdit
        ui.summaryLabel.setText(entities.TERRITORY.fields["summary"].label)
        self.errors.add("summary", self, as_error_label(ui.summaryError))
        # A multi-line text has no "editing finished": it is saved when it loses the focus.
        self.summary.installEventFilter(self)

    def show_territory(self) -> None:
        tid = self.context.territory_id
        assert tid is not None
        territory = self.services.territories.get(tid)
        self.errors.clear()
        for name, edit in self.edits.items():
            value = getattr(territory, name)
            edit.setText(show_date(value) if name == "labelled_on" else value or "")
            edit.setCursorPosition(0)
        self.summary.setPlainText(territory.summary or "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.summary and event.type() == QEvent.Type.FocusOut:
            self.save("summary")
        return super().eventFilter(watched, event)

    def value_of(self, name: str) -> Any:
        label = entities.TERRITORY.fields[name].label
        if name == "summary":
            return self.summary.toPlainText()
        if name == "labelled_on":
            return parse_date(self.edits[name].text(), name, label)
        return self.edits[name].text()

    def save(self, name: str) -> None:
        tid = self.context.territory_id
        if tid is None:
            return
        self.errors.clear(name)
        territories = self.services.territories
        try:
            value = self.value_of(name)
            # An unchanged value writes nothing and pushes no undo step (the editor compares).
            label = entities.TERRITORY.fields[name].label
            text = self.tr("Territoire : modifier « {label} »").format(label=label)
            self.context.editor.update(territories, tid, text, **{name: value})
        except TiDesktopError as error:
            self.errors.show_error(error, name)


class EpciSectionServices(HasEpcis, Protocol):
    """What EpciSection uses."""


class EpciSection(QGroupBox):
    """Laid out in ui/territory_epcis.ui."""

    def __init__(self, context: AppContext, services: EpciSectionServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ui = ui = Ui_EpciSection()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.context = context
        self.dialog: QDialog | None = None
        self.model = EpciTableModel(self)
        self.view = read_only_table(ui.epciView)
        self.view.setModel(self.model)
        fit_columns(self.view, EpciColumn.NAME)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.totals = ui.totalsLabel
        self.totals.setWordWrap(True)  # beside the buttons on a narrow screen
        self.add_button = ui.addButton
        self.edit_button = ui.editButton
        self.delete_button = ui.deleteButton
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.message = as_error_label(ui.messageLabel)

    def show_epcis(self) -> None:
        tid = self.context.territory_id
        assert tid is not None
        selected = self.current_id()
        self.model.set_epcis(self.services.epcis.list(territory_id=tid))
        population, communes = self.model.totals()
        self.totals.setText(
            self.tr("{count} intercommunalité(s) — {population} habitants — {communes} communes").format(
                count=self.model.rowCount(), population=format_number(population), communes=format_number(communes)
            )
        )
        if selected is not None and (row := self.model.row_of(selected)) is not None:
            self.view.selectRow(row)
        self._update_buttons()

    def current_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.epci_at(rows[0].row()).id if rows else None

    def _update_buttons(self) -> None:
        selected = self.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def add(self) -> None:
        tid = self.context.territory_id
        if tid is None:
            return

        def save(values: dict[str, Any]) -> None:
            text = self.tr("Ajouter l'intercommunalité « {name} »").format(name=values["name"].strip())
            self.context.editor.create(self.services.epcis, text, territory_id=tid, **values)

        self.dialog = open_form(EpciDialog(save, parent=self))

    def edit_current(self) -> None:
        epci_id = self.current_id()
        if epci_id is None:
            return
        epci = self.services.epcis.get(epci_id)

        def save(values: dict[str, Any]) -> None:
            text = self.tr("Modifier l'intercommunalité « {name} »").format(name=epci.name)
            self.context.editor.update(self.services.epcis, epci_id, text, epci.version, **values)

        self.dialog = open_form(EpciDialog(save, epci, parent=self), reading=self.context.read_only_reason)

    def delete_current(self) -> None:
        epci_id = self.current_id()
        if epci_id is None:
            return
        epci = self.services.epcis.get(epci_id)
        question = self.tr("Supprimer l'intercommunalité « {name} » du territoire ?").format(name=epci.name)
        if not confirm(self, self.tr("Supprimer une intercommunalité"), question):
            return
        set_error(self.message, "")
        try:
            text = self.tr("Supprimer l'intercommunalité « {name} »").format(name=epci.name)
            self.context.editor.delete(self.services.epcis, epci_id, text, epci.version)
        except TiDesktopError as error:
            set_error(self.message, error.message)


class GovernanceSectionServices(HasActors, HasRoles, Protocol):
    """What GovernanceSection uses."""


class GovernanceSection(QGroupBox):
    """Laid out in ui/territory_governance.ui."""

    def __init__(self, context: AppContext, services: GovernanceSectionServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ui = ui = Ui_GovernanceSection()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.context = context
        self.dialog: QDialog | None = None
        self.binome = ui.binomeLabel
        self.missing = ui.missingLabel
        set_role(self.missing, Role.WARNING)
        self.model = GovernanceModel(self)
        self.view = read_only_table(ui.governanceView)
        self.view.setModel(self.model)
        fit_columns(self.view, GovernanceColumn.ORGANISATION, text_columns={GovernanceColumn.EMAIL})
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button = ui.addButton
        self.remove_button = ui.removeButton
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_current)
        self.message = as_error_label(ui.messageLabel)
        self.to_designate: list[GovernanceRole] = []  # the roles nobody holds yet (the operator is optional)

    def show_governance(self) -> None:
        tid = self.context.territory_id
        assert tid is not None
        services = self.services
        actors = {actor.id: actor for actor in services.actors.list()}
        members = [
            GovernanceMember(role, actors[role.actor_id])
            for role in services.roles.list(territory_id=tid)
            if role.actor_id in actors
        ]
        self.model.set_members(members)
        self.binome.setText(self._steering_text(members))
        held = {member.role.role for member in members}
        self.to_designate = [role for role in GovernanceRole if role not in held and role != GovernanceRole.OPERATEUR]
        missing = [role.label for role in self.to_designate]
        self.missing.setText(self.tr("À désigner : {roles}").format(roles=", ".join(missing)) if missing else "")
        self._update_buttons()

    def _steering_text(self, members: list[GovernanceMember]) -> str:
        def names(role: GovernanceRole) -> str:
            found = [m.actor.name for m in members if m.role.role == role]
            return ", ".join(found) if found else self.tr("à désigner")

        return self.tr(
            "Binôme élu–industriel : {elu} (élu) et {industriel} (industriel) — chef de projet : {chef}"
        ).format(
            elu=names(GovernanceRole.ELU_REFERENT),
            industriel=names(GovernanceRole.INDUSTRIEL_REFERENT),
            chef=names(GovernanceRole.CHEF_DE_PROJET),
        )

    def current_member(self) -> GovernanceMember | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.member_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.current_member() is not None)

    def add(self) -> None:
        tid = self.context.territory_id
        if tid is None:
            return
        services = self.services

        def save(values: dict[str, Any]) -> None:
            actor_id = values["actor_id"]
            name = services.actors.get(actor_id).name if actor_id is not None else ""
            role = GovernanceRole(values["role"]).label
            text = self.tr("Ajouter {name} à la gouvernance ({role})").format(name=name, role=role)
            self.context.editor.create(services.roles, text, territory_id=tid, **values)

        creation = ActorCreation(self.context, services)
        # The first role still to designate is proposed, until the actor chosen suggests another.
        suggested = self.to_designate[0] if self.to_designate else None
        self.dialog = open_form(RoleDialog(save, services.actors.list(), creation, suggested, parent=self))

    def remove_current(self) -> None:
        member = self.current_member()
        if member is None:
            return
        question = self.tr("Retirer {name} de la gouvernance ({role}) ?").format(
            name=member.actor.name, role=member.role.role.label
        )
        question += "\n" + self.tr("L'acteur reste dans l'annuaire.")
        if not confirm(self, self.tr("Retirer de la gouvernance"), question):
            return
        set_error(self.message, "")
        try:
            text = self.tr("Retirer {name} de la gouvernance").format(name=member.actor.name)
            self.context.editor.delete(self.services.roles, member.role.id, text, member.role.version)
        except TiDesktopError as error:
            set_error(self.message, error.message)


class TerritoryPageServices(
    IdentitySectionServices, EpciSectionServices, GovernanceSectionServices, CustomFieldsDialogServices, Protocol
):
    """What the territory page's sections use."""


class TerritoryPage(Page):
    def __init__(self, context: AppContext, services: TerritoryPageServices, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.identity = IdentitySection(context, services, self)
        self.epcis = EpciSection(context, services, self)
        self.governance = GovernanceSection(context, services, self)
        # Identity and intercommunalités side by side; the governance, with its contact columns, full width.
        top = QHBoxLayout()
        top.addWidget(self.identity, 1)
        top.addWidget(self.epcis, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 5)
        layout.addWidget(self.governance, 6)
        # The territory's own fields (kept from an import, or made here): a dialog of their own.
        self.services = services
        self.custom_fields_button = QPushButton(self.tr("Champs personnalisés du territoire…"), self)
        self.custom_fields_button.clicked.connect(self.manage_custom_fields)
        commands = QHBoxLayout()
        commands.addWidget(self.custom_fields_button)
        commands.addStretch(1)
        layout.addLayout(commands)
        # A territory the role may only read: every field for reading, no button that changes something.
        self.reading = follow_access(context, Reading(self))

    def manage_custom_fields(self) -> CustomFieldsDialog | None:
        tid = self.context.territory_id
        if tid is None:
            return None
        dialog = CustomFieldsDialog(self.context, self.services, tid, self)
        open_form(dialog)
        return dialog

    def title(self) -> str:
        return self.tr("Territoire")

    def reload(self) -> None:
        self.identity.show_territory()
        self.epcis.show_epcis()
        self.governance.show_governance()
