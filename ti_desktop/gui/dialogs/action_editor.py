"""The fiche-action editor: one dialog, eight tabs, every edit saved at once and undoable.

Create mode (no action id): only the Général tab is open; "Créer la fiche" creates the action and the
dialog carries on in edit mode on it. Edit mode: each tab saves through `context.editor`; whenever the
data change (an edit, an undo, a redo) the header and the visible tab are reloaded, the others when
they are next shown.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QDialog, QPushButton, QStyle, QWidget

from ti_desktop.domain.errors import NotFoundError, TiDesktopError
from ti_desktop.domain.records import ActionRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.action_custom_fields import CustomFieldsTab, CustomFieldsTabServices
from ti_desktop.gui.dialogs.action_documents import DocumentsTab, DocumentsTabServices
from ti_desktop.gui.dialogs.action_funding import FundingTab, FundingTabServices
from ti_desktop.gui.dialogs.action_general import GeneralTab, GeneralTabServices
from ti_desktop.gui.dialogs.action_history import HistoryTab, HistoryTabServices
from ti_desktop.gui.dialogs.action_indicators import IndicatorsTab, IndicatorsTabServices
from ti_desktop.gui.dialogs.action_milestones import MilestonesTab, MilestonesTabServices
from ti_desktop.gui.dialogs.action_tab import ActionTab
from ti_desktop.gui.dialogs.action_updates import UpdatesTab, UpdatesTabServices
from ti_desktop.gui.dialogs.custom_fields_dialog import CustomFieldsDialog, CustomFieldsDialogServices
from ti_desktop.gui.dialogs.record_form import open_form
from ti_desktop.gui.field_errors import as_error_label, set_error
from ti_desktop.gui.forms.ui_action_editor import Ui_ActionEditor
from ti_desktop.gui.keyboard import route_undo_keys
from ti_desktop.gui.read_only import Reading, show_for_reading
from ti_desktop.gui.theme import Role, apply_roles, scaled_font, set_role
from ti_desktop.kernel.formatting import format_date

SP = QStyle.StandardPixmap
COMBO_MINIMUM_CHARACTERS = 6  # what a combo of the fiche may shrink to, in characters
Fallback = QStyle.StandardPixmap | tuple[str, str]


def glyph_icon(glyph: str, colour: str) -> QIcon:
    """A plain icon drawn from a character, for themes (and platforms) without one."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    font = QFont()
    font.setPixelSize(28)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(colour))
    painter.drawText(pixmap.rect(), int(Qt.AlignmentFlag.AlignCenter), glyph)
    painter.end()
    return QIcon(pixmap)


class ActionEditorDialogServices(
    GeneralTabServices,
    FundingTabServices,
    MilestonesTabServices,
    IndicatorsTabServices,
    UpdatesTabServices,
    DocumentsTabServices,
    HistoryTabServices,
    CustomFieldsTabServices,
    CustomFieldsDialogServices,
    Protocol,
):
    """What ActionEditorDialog uses."""


class ActionEditorDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        services: ActionEditorDialogServices,
        action_id: int | None,
        parent: QWidget | None = None,
        *,
        axis_id: int | None = None,
        parent_action_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.context = context
        self.action_id = action_id
        self.action: ActionRecord | None = None
        self.ui = Ui_ActionEditor()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.general = GeneralTab(context, services, self.ui, self, self.show_message)
        self.funding = FundingTab(context, services, self.ui, self, self.show_message)
        self.milestones = MilestonesTab(context, services, self.ui, self, self.show_message)
        self.indicators = IndicatorsTab(context, services, self.ui, self, self.show_message)
        self.updates = UpdatesTab(context, services, self.ui, self, self.show_message)
        self.documents = DocumentsTab(context, services, self.ui, self, self.show_message)
        self.history = HistoryTab(context, services, self.ui, self, self.show_message)
        ui = self.ui
        # The territory's own fields: a tab of its own (its layout: ui/action_custom_fields.ui), before the history.
        self.custom_tab = QWidget()
        self.custom_tab.setObjectName("customFieldsTab")
        ui.tabs.insertTab(ui.tabs.indexOf(ui.historyTab), self.custom_tab, self.tr("Champs personnalisés"))
        self.custom_fields = CustomFieldsTab(
            context, services, self.custom_tab, self, self.show_message, manage=self.manage_custom_fields
        )
        self._tabs: dict[QWidget, ActionTab] = {
            ui.generalTab: self.general,
            ui.fundingTab: self.funding,
            ui.milestonesTab: self.milestones,
            ui.indicatorsTab: self.indicators,
            ui.updatesTab: self.updates,
            ui.documentsTab: self.documents,
            self.custom_tab: self.custom_fields,
            ui.historyTab: self.history,
        }
        self._stale: set[QWidget] = set(self._tabs)
        self.reading: Reading | None = None  # for a territory the role may only read (below)
        self._decorate()
        self._connect()
        if action_id is None:
            self._start_creation(axis_id, parent_action_id)
        else:
            self._set_mode(creating=False)
            self.reload()
        if context.read_only_reason is not None:  # a shared base's territory the role may only read
            # The enjeux shown ticked or not, not tickable; undo and redo out of reach (the editor refuses them).
            self.reading = show_for_reading(
                self,
                context.read_only_reason,
                keep=[ui.closeButton, ui.openDocumentButton],
                switches=[self.general.challenges.set_editable],
            )
            for action in (self.undo_action, self.redo_action):
                self.removeAction(action)
            self.setWindowTitle(self.tr("{title} (lecture seule)").format(title=self.windowTitle()))
            self.show_message(context.read_only_reason)

    # -- building ------------------------------------------------------------------------------
    def _icon(self, theme: str, fallback: Fallback) -> QIcon:
        if QIcon.hasThemeIcon(theme):
            return QIcon.fromTheme(theme)
        if isinstance(fallback, tuple):
            return glyph_icon(*fallback)
        return self.style().standardIcon(fallback)

    def _decorate(self) -> None:
        ui = self.ui
        ui.headerLabel.setFont(scaled_font(ui.headerLabel.font(), self.context.theme.sizes.editor_title_scale, True))
        set_role(ui.subtitleLabel, Role.HINT)
        as_error_label(ui.messageLabel)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in a field saves it; it must not press a button
        for combo in self.findChildren(QComboBox):
            # A long entry (an actor and their organisation) must not widen the fiche: its list shows it whole.
            combo.setMinimumContentsLength(COMBO_MINIMUM_CHARACTERS)
        colours = self.context.theme
        add, edit = ("+", colours.success), ("✎", colours.accent)
        icons: list[tuple[QPushButton, str, Fallback]] = [
            (ui.addFundingButton, "list-add", add),
            (ui.addMilestoneButton, "list-add", add),
            (ui.addIndicatorButton, "list-add", add),
            (ui.addValueButton, "list-add", add),
            (ui.newUpdateButton, "document-new", add),
            (ui.addPartnerButton, "list-add", add),
            (ui.editFundingButton, "document-edit", edit),
            (ui.editMilestoneButton, "document-edit", edit),
            (ui.markDoneButton, "emblem-default", SP.SP_DialogApplyButton),
            (ui.deleteFundingButton, "edit-delete", SP.SP_TrashIcon),
            (ui.deleteMilestoneButton, "edit-delete", SP.SP_TrashIcon),
            (ui.deleteValueButton, "edit-delete", SP.SP_TrashIcon),
            (ui.deleteDocumentButton, "edit-delete", SP.SP_TrashIcon),
            (ui.removePartnerButton, "list-remove", SP.SP_TrashIcon),
            (ui.attachButton, "mail-attachment", SP.SP_FileIcon),
            (ui.openDocumentButton, "document-open", SP.SP_DialogOpenButton),
            (ui.createButton, "document-save", SP.SP_DialogSaveButton),
            (ui.closeButton, "window-close", SP.SP_DialogCloseButton),
        ]
        for button, theme, fallback in icons:
            button.setIcon(self._icon(theme, fallback))
        stack = self.context.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("Annuler"))
        self.undo_action.setIcon(self._icon("edit-undo", SP.SP_ArrowBack))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(self, self.tr("Rétablir"))
        self.redo_action.setIcon(self._icon("edit-redo", SP.SP_ArrowForward))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            # The main window's menu is out of reach while this dialog is open: the dialog has its own.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        route_undo_keys(self, self.undo_action, self.redo_action)  # from any field too, once its edit is committed
        ui.undoButton.setDefaultAction(self.undo_action)
        ui.redoButton.setDefaultAction(self.redo_action)

    def _connect(self) -> None:
        self.context.data_changed.connect(self.reload)
        self._listening = True
        self.ui.tabs.currentChanged.connect(self._tab_shown)
        self.ui.createButton.clicked.connect(self.create_action)
        self.ui.closeButton.clicked.connect(self.accept)

    # -- modes ---------------------------------------------------------------------------------
    def _set_mode(self, *, creating: bool) -> None:
        ui = self.ui
        for index in range(ui.tabs.count()):
            ui.tabs.setTabEnabled(index, not creating or ui.tabs.widget(index) is ui.generalTab)
        ui.createButton.setVisible(creating)
        ui.createButton.setDefault(creating)  # Enter in the title creates the fiche
        ui.undoButton.setVisible(not creating)
        ui.redoButton.setVisible(not creating)
        self.general.set_create_mode(creating)

    def _start_creation(self, axis_id: int | None, parent_action_id: int | None) -> None:
        self._set_mode(creating=True)
        self.general.prepare_new(axis_id, parent_action_id)
        self.setWindowTitle(self.tr("Nouvelle fiche-action"))
        self.ui.headerLabel.setText(self.tr("Nouvelle fiche-action"))
        self.ui.subtitleLabel.setText(
            self.tr(
                "Saisissez au moins le titre et l'axe, puis « Créer la fiche » : les enjeux, les partenaires "
                "et les autres onglets s'ouvriront."
            )
        )
        self.ui.tabs.setCurrentWidget(self.ui.generalTab)
        self.ui.titleEdit.setFocus()

    def create_action(self) -> bool:
        """Create the action from the Général tab; on success the dialog edits it."""
        values = self.general.new_values()
        if values is None:
            return False
        text = self.tr("Créer l'action « {title} »").format(title=values.get("title") or "")
        try:
            created = self.context.editor.create(self.services.actions, text, **values)
        except TiDesktopError as error:
            self.general.show_creation_error(error)
            return False
        self.action_id = created.id
        self._set_mode(creating=False)
        self._stale = set(self._tabs)
        self.reload()
        self.context.status_message.emit(
            self.tr("Fiche-action {name} créée.").format(name=created.code or created.title)
        )
        return True

    # -- reloading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the action again; the visible tab now, the others when shown."""
        if self.action_id is None:
            return
        try:
            self.action = self.services.actions.get(self.action_id)
        except NotFoundError:
            self._show_gone()
            return
        self._show_header(self.action)
        self.ui.tabs.setEnabled(True)
        self._stale = set(self._tabs)
        self._tab_shown()

    def _tab_shown(self, *_args: object) -> None:
        current = self.ui.tabs.currentWidget()
        if self.action is None or current not in self._stale:
            return
        self._stale.discard(current)
        self._tabs[current].show_action(self.action)
        if self.reading is not None:
            self.reading.refresh()  # what the tab built (its custom fields) is for reading too

    def _show_header(self, action: ActionRecord) -> None:
        name = f"{action.code} {action.title}" if action.code else action.title
        self.setWindowTitle(self.tr("Fiche-action — {name}").format(name=name))
        self.ui.headerLabel.setText(f"{action.code} — {action.title}" if action.code else action.title)
        services = self.services
        axis = services.axes.get(action.axis_id)
        self.ui.headerLabel.setStyleSheet(
            f"border: 0px solid transparent; border-left: 6px solid {axis.colour}; padding-left: 8px;"
        )
        parts = [axis.label, action.status.label, f"{action.progress}\u202f%"]
        if action.parent_id is not None:
            parent = services.actions.get(action.parent_id)
            parts.insert(1, self.tr("sous-action de {code}").format(code=parent.code or parent.title))
        if action.is_late(self.context.today):
            parts.append(self.tr("⚠ en retard (fin prévue le {date})").format(date=format_date(action.planned_end)))
        if action.to_discuss:
            parts.append(self.tr("à discuter en comité"))
        if action.confidential:
            parts.append(self.tr("confidentielle"))
        self.ui.subtitleLabel.setText("  ·  ".join(parts))

    def _show_gone(self) -> None:
        """The action no longer exists (its creation was undone, or it was deleted)."""
        self.action = None
        self.ui.tabs.setEnabled(False)
        self.ui.subtitleLabel.setText(
            self.tr("Cette fiche-action n'existe plus (création annulée ou action supprimée). « Rétablir » la remet.")
        )

    def manage_custom_fields(self, territory_id: int) -> CustomFieldsDialog:
        """The territory's custom fields (created, renamed, deleted…): the tab follows once they change."""
        dialog = CustomFieldsDialog(self.context, self.services, territory_id, self)
        open_form(dialog)
        return dialog

    def show_message(self, message: str) -> None:
        set_error(self.ui.messageLabel, message)

    # -- closing -------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        # The field being typed in is saved before closing (Escape or the window's close button
        # give it no focus-out); if it is refused, the dialog stays open to show why.
        if self.action is not None and not (self.general.commit_focused() and self.custom_fields.commit_focused()):
            return
        if self._listening:
            self._listening = False
            self.context.data_changed.disconnect(self.reload)
        super().done(result)
