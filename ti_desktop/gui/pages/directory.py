"""Annuaire: every actor, searchable, with their contact details and where they act in the plan."""

from __future__ import annotations

import html
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QListView,
    QStackedWidget,
    QWidget,
)

from ti_desktop.domain.enums import ActorKind, GovernanceRole
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.gui.actor_picker import create_actor
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.actor_dialog import ActorDialog
from ti_desktop.gui.dialogs.confirm import confirm
from ti_desktop.gui.dialogs.record_form import open_form
from ti_desktop.gui.field_errors import as_error_label, set_error
from ti_desktop.gui.forms.ui_actor_detail import Ui_ActorDetail
from ti_desktop.gui.forms.ui_directory import Ui_DirectoryPage
from ti_desktop.gui.models.actors import (
    ACTION_ID_ROLE,
    ActionLink,
    ActionLinksModel,
    DirectoryColumn,
    DirectoryModel,
    DirectoryProxy,
)
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.read_only import Reading
from ti_desktop.gui.tables import fit_columns, read_only_table
from ti_desktop.gui.theme import Role, apply_roles, scaled_font, set_role
from ti_desktop.services.use_cases import HasAccess, HasActors, HasRoles, HasViews
from ti_desktop.services.views import ActorInvolvement


class ActorDetail(QStackedWidget):
    """The selected actor: contact card, actions led, actions partnered (double-click opens the fiche).
    Laid out in ui/actor_detail.ui: page 0 says to pick an actor, page 1 shows the one picked."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_ActorDetail()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.context = context
        self.placeholder = ui.placeholder
        set_role(self.placeholder, Role.HINT)
        self.placeholder.setWordWrap(True)
        self.card = ui.card
        self.name_label = ui.nameLabel
        self.name_label.setFont(scaled_font(self.name_label.font(), context.theme.sizes.name_title_scale, bold=True))
        self.organisation_label = ui.organisationLabel
        self.kind_label = ui.kindLabel
        self.email_label = ui.emailLabel
        self.phone_label = ui.phoneLabel
        self.roles_label = ui.rolesLabel
        self.notes_label = ui.notesLabel
        self.lead_model = ActionLinksModel(self)
        self.partner_model = ActionLinksModel(self)
        self.lead_box, self.lead_list = ui.leadBox, self._action_list(ui.leadList, self.lead_model)
        self.partner_box, self.partner_list = ui.partnerBox, self._action_list(ui.partnerList, self.partner_model)

    def _action_list(self, view: QListView, model: ActionLinksModel) -> QListView:
        view.setModel(model)
        view.doubleClicked.connect(self._open_action)
        view.activated.connect(self._open_action)  # Entrée on a line opens it too
        return view

    def _open_action(self, index: QModelIndex) -> None:
        action_id = index.data(ACTION_ID_ROLE)
        if action_id is not None:
            self.context.open_action(action_id)

    def show_actor(self, item: ActorInvolvement | None, roles: list[GovernanceRole]) -> None:
        if item is None:
            self.setCurrentIndex(0)
            return
        actor = item.actor
        none = self.tr("non renseigné")
        self.name_label.setText(actor.name)
        self.organisation_label.setText(actor.organisation or "")
        self.organisation_label.setVisible(bool(actor.organisation))
        self.kind_label.setText(actor.kind.label)
        if actor.email:
            address = html.escape(actor.email)
            self.email_label.setText(f'<a href="mailto:{address}">{address}</a>')
        else:
            self.email_label.setText(html.escape(none))
        self.phone_label.setText(actor.phone or none)
        self.roles_label.setText(", ".join(role.label for role in roles) or self.tr("aucun rôle"))
        self.notes_label.setText(actor.notes or "")
        self.lead_model.set_links([ActionLink(action, None) for action in item.lead_of])
        self.partner_model.set_links([ActionLink(action, role) for action, role in item.partner_of])
        self.lead_box.setTitle(self.tr("Porteur de {count} action(s)").format(count=len(item.lead_of)))
        self.partner_box.setTitle(self.tr("Partenaire de {count} action(s)").format(count=len(item.partner_of)))
        self.lead_list.setAccessibleName(self.lead_box.title())
        self.partner_list.setAccessibleName(self.partner_box.title())
        self.setCurrentIndex(1)


class DirectoryPageServices(HasAccess, HasActors, HasRoles, HasViews, Protocol):
    """What DirectoryPage uses."""


class DirectoryPage(Page):
    def __init__(self, context: AppContext, services: DirectoryPageServices, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.services = services
        self.ui = Ui_DirectoryPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.dialog: QDialog | None = None
        self._roles: dict[int, list[GovernanceRole]] = {}
        self.model = DirectoryModel(self)
        self.proxy = DirectoryProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_bar()
        self._build_view()
        self.detail = ActorDetail(context, self)
        self.message = as_error_label(self.ui.messageLabel)
        splitter = self.ui.splitter
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # The Annuaire is the base's, shared by its territories: the server lets a role change it when it may
        # edit one of them (migration 0011), whichever is shown. The search and the filter stay.
        self.reading = Reading(self, keep=[self.search, self.kind_filter])
        context.read_only_changed.connect(self._follow_access)
        self._follow_access(context.read_only_reason)

    def title(self) -> str:
        return self.tr("Annuaire")

    def _follow_access(self, reason: object) -> None:
        """For reading when the role may change no territory of the base (`reason`: the territory shown's)."""
        if isinstance(reason, str):
            levels = self.services.access.levels()
            if levels is None or any(level.may_write for level in levels):
                reason = None
        self.reading.follow(reason)

    def _build_bar(self) -> None:
        self.search = self.ui.searchEdit
        self.search.textChanged.connect(self._apply_filters)
        self.kind_filter = self.ui.kindCombo
        self.kind_filter.addItem(self.tr("Tous les types"), None)
        for kind in ActorKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.kind_filter.currentIndexChanged.connect(self._apply_filters)
        self.count_label = self.ui.countLabel
        self.new_button = self.ui.newButton
        self.edit_button = self.ui.editButton
        self.delete_button = self.ui.deleteButton
        self.new_button.clicked.connect(self.create_actor)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)

    def _build_view(self) -> None:
        self.view = read_only_table(self.ui.actorsView)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(DirectoryColumn.NAME, Qt.SortOrder.AscendingOrder)
        fit_columns(self.view, DirectoryColumn.ORGANISATION, text_columns={DirectoryColumn.NAME, DirectoryColumn.EMAIL})
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.view.doubleClicked.connect(lambda _index: self.edit_current())

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        tid = self.context.territory_id
        assert tid is not None
        services = self.services
        selected = self.current_actor_id()
        self._roles = {}
        for role in services.roles.list(territory_id=tid):
            self._roles.setdefault(role.actor_id, []).append(role.role)
        self.model.set_involvement(services.views.involvement(tid))
        self._update_count()
        if selected is not None:
            self.select_actor(selected)
        self._show_current()

    def _apply_filters(self) -> None:
        self.proxy.set_search(self.search.text())
        self.proxy.set_kind(self.kind_filter.currentData())
        self._update_count()
        self._show_current()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} acteur(s) sur {total}").format(shown=self.proxy.rowCount(), total=self.model.rowCount())
        )

    # -- selection -----------------------------------------------------------------------------
    def current_involvement(self) -> ActorInvolvement | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.involvement_at(self.proxy.mapToSource(rows[0]).row())

    def current_actor_id(self) -> int | None:
        item = self.current_involvement()
        return item.actor.id if item is not None else None

    def select_actor(self, actor_id: int) -> bool:
        row = self.model.row_of(actor_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False  # filtered out
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True

    def _show_current(self) -> None:
        item = self.current_involvement()
        self.detail.show_actor(item, self._roles.get(item.actor.id, []) if item else [])
        self.edit_button.setEnabled(item is not None)
        self.delete_button.setEnabled(item is not None)

    # -- commands ------------------------------------------------------------------------------
    def create_actor(self) -> None:
        services = self.services

        def save(values: dict[str, Any]) -> None:
            record = create_actor(self.context, services, values)
            # The page has reloaded (the editor signals the change): show the newcomer, even if filtered out.
            if not self.select_actor(record.id):
                self.search.clear()
                self.kind_filter.setCurrentIndex(0)
                self.select_actor(record.id)

        self.dialog = open_form(ActorDialog(save, parent=self))

    def edit_current(self) -> None:
        item = self.current_involvement()
        if item is None:
            return
        actor = item.actor

        def save(values: dict[str, Any]) -> None:
            text = self.tr("Modifier l'acteur « {name} »").format(name=actor.name)
            self.context.editor.update(self.services.actors, actor.id, text, actor.version, **values)

        self.dialog = open_form(ActorDialog(save, actor, parent=self), reading=self.reading.reason)

    def delete_current(self) -> None:
        item = self.current_involvement()
        if item is None:
            return
        actors = self.services.actors
        actor_id = item.actor.id
        footprint = actors.footprint(actor_id)
        question = self.tr("Supprimer « {name} » de l'annuaire ?").format(name=item.actor.name)
        leads = len(footprint.lead_of)
        if leads:
            question += "\n\n" + self.tr(
                "Cet acteur est porteur de {count} action(s) : elles n'auront plus de porteur."
            ).format(count=leads)
        if footprint.partners or footprint.roles:
            question += "\n" + self.tr(
                "Il sera aussi retiré de {partners} partenariat(s) et de {roles} rôle(s) de gouvernance."
            ).format(partners=len(footprint.partners), roles=len(footprint.roles))
        # A blank line before the undo hint, as between the paragraphs above.
        if not confirm(self, self.tr("Supprimer un acteur"), question + "\n"):
            return
        set_error(self.message, "")
        try:
            # Undo puts the actor back with its roles, partnerships and every field that named it.
            self.context.editor.delete(
                actors,
                actor_id,
                self.tr("Supprimer l'acteur « {name} »").format(name=item.actor.name),
                item.actor.version,
            )
        except TiDesktopError as error:
            set_error(self.message, error.message)
