"""Portrait: the diagnostic's sections (general ones, then one per axis) and an editor that saves by itself.

A field is saved when the focus leaves it, or after a short pause in typing; all the fields changed
since the last save go in one undoable edit. A reload (after any edit, undo or redo) refreshes the
fields the user has not touched and never overwrites text still being typed.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QMenu,
    QWidget,
)

from ti_desktop.domain.errors import NotFoundError, TiDesktopError, ValidationError
from ti_desktop.domain.records import AxisRecord, DiagnosticSectionRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.confirm import confirm
from ti_desktop.gui.field_errors import FieldErrors, as_error_label, set_error
from ti_desktop.gui.forms.ui_diagnostic_portrait import Ui_PortraitTab
from ti_desktop.gui.models.diagnostic import RECORD_ID_ROLE, SectionListModel, axis_colour
from ti_desktop.gui.pages.diagnostic_forms import fill_axis_combo, short
from ti_desktop.gui.theme import Role, apply_roles, scaled_font, set_role
from ti_desktop.services.use_cases import HasAxes, HasDiagnostic

FIELDS = ("axis_id", "title", "text", "sources")


def _normal(field: str, value: Any) -> Any:
    """The value as the services will store it (texts are stripped, empty sources are None)."""
    if isinstance(value, str):
        value = value.strip()
        if field == "sources" and not value:
            return None
    return value


class PortraitTabServices(HasAxes, HasDiagnostic, Protocol):
    """What PortraitTab uses."""


class PortraitTab(QWidget):
    IDLE_SAVE_MS = 800

    def __init__(self, context: AppContext, services: PortraitTabServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        # The section list and the section's editor: ui/diagnostic_portrait.ui.
        self.ui = Ui_PortraitTab()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.context = context
        self.model = SectionListModel(self, context.theme)
        self._axes: list[AxisRecord] = []
        self._wanted_id: int | None = None  # the section the user chose
        self._shown_id: int | None = None  # the section whose values are in the fields
        self._shown: dict[str, Any] = {}  # the values last put in the fields (to tell what the user changed)
        self._loading = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(self.IDLE_SAVE_MS)
        self._idle.timeout.connect(self.save)
        self._build_list()
        self._build_editor()
        splitter = self.ui.splitter
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 900])

    # -- building ------------------------------------------------------------------------------
    def _build_list(self) -> None:
        ui = self.ui
        self.list = ui.sectionList
        self.list.setModel(self.model)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.new_button = ui.newButton
        self.new_menu = QMenu(self.new_button)
        self.new_button.setMenu(self.new_menu)
        self.delete_button = ui.deleteButton
        self.delete_button.clicked.connect(self.delete_current)

    def _build_editor(self) -> None:
        ui = self.ui
        self.editor_box = ui.editorBox
        self.heading = ui.headingLabel
        self._heading_font = scaled_font(QFont(), self.context.theme.sizes.section_title_scale, bold=True)
        self.heading.setFont(self._heading_font)
        self.axis_combo = ui.axisCombo
        self.title_edit = ui.titleEdit
        # Plain text with paragraphs (acceptRichText off): what is pasted from Word or a web page loses its formatting.
        self.text_edit = ui.textEdit
        self.sources_edit = ui.sourcesEdit
        self.general_error = as_error_label(ui.generalError)
        self.errors = FieldErrors(self.general_error)
        for name, label in zip(FIELDS, (ui.axisError, ui.titleError, ui.textError, ui.sourcesError), strict=True):
            self.errors.add(name, self.editor_box, as_error_label(label))
        self.hint = ui.hintLabel
        set_role(self.hint, Role.HINT)
        self.empty_label = ui.emptyLabel
        for label in (self.hint, self.empty_label):
            label.setWordWrap(True)  # on two lines rather than widen the window
        self.form_box = ui.formBox
        self.title_edit.editingFinished.connect(self.save)
        self.axis_combo.activated.connect(lambda _index: self.save())
        for edit in (self.text_edit, self.sources_edit):
            edit.installEventFilter(self)
            edit.textChanged.connect(self._on_typing)
        self.title_edit.textEdited.connect(self._on_typing)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in (self.text_edit, self.sources_edit):
            self.save()
        return super().eventFilter(watched, event)

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        tid = self.context.territory_id
        assert tid is not None
        services = self.services
        self._axes = services.axes.available_to(tid)
        sections = services.diagnostic.list(territory_id=tid)
        self._fill_new_menu()
        self._loading = True
        try:
            self.model.set_sections(sections, self._axes)
            row = self.model.row_of(self._wanted_id)
            if row < 0 and self.model.rowCount() > 0:
                row = 0
            self.list.setCurrentIndex(self.model.index(row, 0) if row >= 0 else QModelIndex())
            section = self.model.section_at(row)
            self._wanted_id = section.id if section is not None else None
        finally:
            self._loading = False
        self._display(section)

    def _fill_new_menu(self) -> None:
        self.new_menu.clear()
        general = self.new_menu.addAction(self.tr("Section générale"))
        general.triggered.connect(lambda: self.create_section(None))
        self.new_menu.addSeparator()
        for axis in self._axes:
            action = self.new_menu.addAction(self.tr("Section de l'axe « {axis} »").format(axis=axis.label))
            action.triggered.connect(lambda _checked=False, axis_id=axis.id: self.create_section(axis_id))

    def _display(self, section: DiagnosticSectionRecord | None) -> None:
        """Put the section in the fields: all of them for another section, untouched ones for the same."""
        has_section = section is not None
        self.form_box.setVisible(has_section)
        self.heading.setVisible(has_section)
        self.empty_label.setVisible(not has_section)
        self.delete_button.setEnabled(has_section)
        if section is None:
            self._shown_id = None
            self._shown = {}
            return
        same = section.id == self._shown_id
        dirty = self.dirty_fields() if same else {}
        if not same:
            self._idle.stop()
            self.errors.clear()
        self._loading = True
        try:
            fill_axis_combo(self.axis_combo, self._axes, self.tr("Général (sans axe)"), section.axis_id)
            if "axis_id" in dirty:  # the combo was refilled: put the user's pending choice back
                self.axis_combo.setCurrentIndex(max(0, self.axis_combo.findData(dirty["axis_id"])))
            values = {name: getattr(section, name) for name in FIELDS}
            for name in ("title", "text", "sources"):
                if name not in dirty and _normal(name, self._widget_value(name)) != _normal(name, values[name]):
                    self._set_widget_value(name, values[name])
        finally:
            self._loading = False
        self._shown_id = section.id
        self._shown = {name: _normal(name, value) for name, value in values.items()}
        axis = next((a for a in self._axes if a.id == section.axis_id), None)
        if axis is None:
            self.heading.setText(self.tr("Section générale"))
        else:
            self.heading.setText(self.tr("Axe « {axis} »").format(axis=axis.label))
        # Given again here: the form's splitter polished the heading before its font was set, and the style
        # sheet puts that first font back when the Diagnostic page's tab widget adopts this tab.
        self.heading.setFont(self._heading_font)
        palette = self.heading.palette()
        palette.setColor(QPalette.ColorRole.WindowText, axis_colour(axis, self.context.theme))
        self.heading.setPalette(palette)

    def _widget_value(self, name: str) -> Any:
        if name == "axis_id":
            return self.axis_combo.currentData()
        if name == "title":
            return self.title_edit.text()
        edit = self.text_edit if name == "text" else self.sources_edit
        return edit.toPlainText()

    def _set_widget_value(self, name: str, value: Any) -> None:
        if name == "title":
            self.title_edit.setText(value or "")
            self.title_edit.setCursorPosition(0)
        else:
            edit = self.text_edit if name == "text" else self.sources_edit
            edit.setPlainText(value or "")

    # -- saving --------------------------------------------------------------------------------
    def dirty_fields(self) -> dict[str, Any]:
        """The fields the user changed since they were filled, with their new value."""
        if self._shown_id is None:
            return {}
        result = {}
        for name in FIELDS:
            value = _normal(name, self._widget_value(name))
            if value != self._shown.get(name):
                result[name] = value
        return result

    def _on_typing(self, *_args: object) -> None:
        if not self._loading:
            self._idle.start()

    def save(self) -> bool:
        """Save what changed in the fields as one undoable edit; False (and the message shown) if refused."""
        self._idle.stop()
        if self._loading or self._shown_id is None:
            return True
        changes = self.dirty_fields()
        if not changes:
            return True
        section_id = self._shown_id
        crud = self.services.diagnostic
        try:
            title = crud.get(section_id).title
            text = self.tr("Modifier la section « {title} »").format(title=short(title))
            self.context.editor.update(crud, section_id, text, **changes)
        except (ValidationError, NotFoundError) as error:
            self.errors.show_error(error)  # under the field it names, else on the general line
            return False
        except TiDesktopError as error:
            # A refusal that names no field (e.g. a database rule): show it under the first field changed.
            self.errors.show(next(iter(changes)), error.message)
            return False
        self.errors.clear()
        # The reload that followed the edit may have been skipped (hidden page): the saved values are shown.
        if self._shown_id == section_id:
            self._shown.update(changes)
        return True

    # -- selection and commands ----------------------------------------------------------------
    def current_section_id(self) -> int | None:
        return self._shown_id

    def select_section(self, section_id: int) -> None:
        row = self.model.row_of(section_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        wanted = current.data(RECORD_ID_ROLE) if current.isValid() else None
        if wanted == self._shown_id:
            return
        previous_id = self._shown_id
        if not self.save():
            # Keep the user on the refused input (the message is under the field).
            QTimer.singleShot(0, lambda: self._reselect(previous_id))
            return
        self._wanted_id = wanted
        row = self.model.row_of(wanted)
        self._display(self.model.section_at(row))

    def _reselect(self, section_id: int | None) -> None:
        row = self.model.row_of(section_id)
        if row >= 0:
            self._loading = True
            try:
                self.list.setCurrentIndex(self.model.index(row, 0))
            finally:
                self._loading = False

    def create_section(self, axis_id: int | None) -> None:
        if not self.save():
            return
        tid = self.context.territory_id
        assert tid is not None
        crud = self.services.diagnostic
        axis = next((a for a in self._axes if a.id == axis_id), None)
        title = axis.label if axis is not None else self.tr("Nouvelle section")
        position = max((s.position for s in crud.list(territory_id=tid)), default=-1) + 1
        try:
            record = self.context.editor.create(
                crud,
                self.tr("Créer la section « {title} »").format(title=title),
                territory_id=tid,
                axis_id=axis_id,
                title=title,
                text="",
                position=position,
            )
        except TiDesktopError as error:
            set_error(self.general_error, error.message)
            return
        self._wanted_id = record.id
        self.reload()
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def delete_current(self) -> None:
        section_id = self._shown_id
        if section_id is None:
            return
        crud = self.services.diagnostic
        section = crud.get(section_id)
        question = self.tr("Supprimer la section « {title} » et son texte ?").format(title=short(section.title, 80))
        if not confirm(self, self.tr("Supprimer une section"), question):
            return
        self._idle.stop()
        self._shown = {}  # what is typed in a deleted section is not saved
        self._shown_id = None
        try:
            self.context.editor.delete(
                crud, section_id, self.tr("Supprimer la section « {title} »").format(title=short(section.title))
            )
        except TiDesktopError as error:
            set_error(self.general_error, error.message)
        self.reload()
