"""AFOM (forces, faiblesses, opportunités, menaces): four coloured quadrants, each a list in the
items' order, with add / edit / delete and reordering (Monter / Descendre), all undoable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QPlainTextEdit,
    QWidget,
)

from ti_desktop.domain import entities
from ti_desktop.domain.enums import SwotCategory
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.records import AxisRecord, SwotItemRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.confirm import confirm
from ti_desktop.gui.dialogs.record_form import RecordFormDialog, for_reading
from ti_desktop.gui.field_errors import as_error_label, required_fields, set_error
from ti_desktop.gui.forms.ui_swot_quadrant import Ui_Quadrant
from ti_desktop.gui.models.diagnostic import RECORD_ID_ROLE, SwotListModel
from ti_desktop.gui.pages.diagnostic_forms import fill_axis_combo, short
from ti_desktop.gui.theme import Theme, apply_roles, scaled_font
from ti_desktop.services.use_cases import HasAxes, HasSwot


@dataclass(frozen=True)
class QuadrantStyle:
    accent: str  # border and title
    background: str  # the list's background


# Distinct and readable: green strengths, orange weaknesses, blue opportunities, red threats (the theme's).
QUADRANT_COLOURS = {
    SwotCategory.FORCE: "strength",
    SwotCategory.FAIBLESSE: "weakness",
    SwotCategory.OPPORTUNITE: "opportunity",
    SwotCategory.MENACE: "threat",
}


def quadrant_style(category: SwotCategory, theme: Theme) -> QuadrantStyle:
    name = QUADRANT_COLOURS[category]
    return QuadrantStyle(theme.colour(name).name(), theme.colour(f"{name}_background").name())


def reordered_positions(items: Sequence[SwotItemRecord], new_order: Sequence[int]) -> dict[int, int]:
    """The positions giving `new_order` (item ids) while reusing the category's position values:
    moving one item swaps two positions. Equal positions (possible after an import) are spread first."""
    slots = sorted(item.position for item in items)
    if len(set(slots)) < len(slots):
        slots = list(range(slots[0], slots[0] + len(slots)))
    current = {item.id: item.position for item in items}
    return {item_id: slot for item_id, slot in zip(new_order, slots, strict=True) if current[item_id] != slot}


class SwotItemDialog(RecordFormDialog):
    required = required_fields(entities.SWOT_ITEM.fields)  # their labels end with « * »

    def __init__(
        self,
        title: str,
        axes: list[AxisRecord],
        item: SwotItemRecord | None,
        category: SwotCategory,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent=parent, minimum_width=520)
        self.category_combo = QComboBox(self)
        for choice in SwotCategory:
            self.category_combo.addItem(choice.label, choice.value)
        current = item.category if item is not None else category
        self.category_combo.setCurrentIndex(self.category_combo.findData(current.value))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlainText(item.text if item is not None else "")
        self.text_edit.setFixedHeight(110)
        self.axis_combo = QComboBox(self)
        fill_axis_combo(
            self.axis_combo, axes, self.tr("Aucun axe (transversal)"), item.axis_id if item is not None else None
        )
        self.add_row("category", self.tr("Catégorie"), self.category_combo)
        self.add_row("text", self.tr("Texte"), self.text_edit)
        self.add_row("axis_id", self.tr("Axe"), self.axis_combo)

    def values(self) -> dict[str, Any]:
        return {
            "category": self.category_combo.currentData(),
            "text": self.text_edit.toPlainText(),
            "axis_id": self.axis_combo.currentData(),
        }


class QuadrantServices(HasSwot, Protocol):
    """What Quadrant uses."""


class Quadrant(QFrame):
    def __init__(
        self, context: AppContext, services: QuadrantServices, category: SwotCategory, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        # The title, the list, the message line and the buttons: ui/swot_quadrant.ui; the colours: the theme's.
        self.ui = ui = Ui_Quadrant()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.context = context
        self.category = category
        self.model = SwotListModel(category, self, context.theme)
        self._axes: list[AxisRecord] = []
        self.dialog: SwotItemDialog | None = None
        theme = context.theme
        style = quadrant_style(category, theme)
        self.setObjectName("quadrant")
        self.setStyleSheet(
            f"QFrame#quadrant {{ border: 2px solid {style.accent}; border-radius: 6px; }}"
            f"QListView {{ background: {style.background}; border: none; color: {theme.text}; }}"
            f"QListView::item {{ padding: 3px 2px; border-bottom: 1px solid {theme.rule}; }}"
            f"QListView::item:selected {{ background: {style.accent}; color: white; }}"
        )
        self.title_label = ui.titleLabel
        self.title_label.setFont(scaled_font(QFont(), theme.sizes.heading_scale, bold=True))
        self.title_label.setStyleSheet(f"color: {style.accent};")
        self.view = ui.itemList  # no horizontal scroll bar: the text wraps instead
        self.view.setModel(self.model)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.view.selectionModel().currentChanged.connect(lambda *_args: self._update_buttons())
        self.add_button = ui.addButton
        self.edit_button = ui.editButton
        self.delete_button = ui.deleteButton
        self.up_button = ui.upButton
        self.down_button = ui.downButton
        for button, arrow in ((self.up_button, "▲"), (self.down_button, "▼")):
            # Arrows, their word as name and tooltip: two quadrants side by side fit a 1024-px screen.
            button.setAccessibleName(button.text())
            button.setToolTip(button.text())
            button.setText(arrow)
            button.setFixedWidth(button.fontMetrics().height() * 3)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        self.message = as_error_label(ui.messageLabel)
        self._update_buttons()

    def plural_label(self) -> str:
        return {
            SwotCategory.FORCE: self.tr("Forces"),
            SwotCategory.FAIBLESSE: self.tr("Faiblesses"),
            SwotCategory.OPPORTUNITE: self.tr("Opportunités"),
            SwotCategory.MENACE: self.tr("Menaces"),
        }[self.category]

    # -- loading -------------------------------------------------------------------------------
    def set_items(self, items: Sequence[SwotItemRecord], axes: list[AxisRecord]) -> None:
        selected = self.current_item_id()
        self._axes = axes
        self.model.set_items(items, axes)
        self.title_label.setText(f"{self.plural_label()} ({self.model.rowCount()})")
        if selected is not None:
            self.select_item(selected)
        self._update_buttons()

    def count(self) -> int:
        return self.model.rowCount()

    def current_item_id(self) -> int | None:
        value = self.view.currentIndex().data(RECORD_ID_ROLE)
        return int(value) if value is not None else None

    def select_item(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        row = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)

    # -- commands ------------------------------------------------------------------------------
    def add_item(self) -> None:
        self._open_dialog(None)

    def edit_current(self) -> None:
        item = self.model.item_at(self.view.currentIndex().row())
        if item is not None:
            self._open_dialog(item)

    def _open_dialog(self, item: SwotItemRecord | None) -> None:
        self.message.clear()
        title = self.tr("Modifier un élément AFOM") if item is not None else self.tr("Ajouter un élément AFOM")
        dialog = SwotItemDialog(title, self._axes, item, self.category, self)
        dialog.save = lambda values: self._save(values, item)
        self.dialog = for_reading(dialog, self.context.read_only_reason)
        dialog.open()
        dialog.text_edit.setFocus()

    def _save(self, values: dict[str, Any], item: SwotItemRecord | None) -> None:
        crud = self.services.swot
        tid = self.context.territory_id
        assert tid is not None
        category = SwotCategory(values["category"])
        if item is None or item.category != category:
            # Into a quadrant: at its end.
            others = crud.list(territory_id=tid, category=category)
            values["position"] = max((other.position for other in others), default=-1) + 1
        if item is None:
            label = self.tr("Ajouter un élément AFOM ({category})").format(category=category.label)
            record = self.context.editor.create(crud, label, territory_id=tid, **values)
            self.select_item(record.id)
        else:
            label = self.tr("Modifier l'élément AFOM « {text} »").format(text=short(item.text, 40))
            self.context.editor.update(crud, item.id, label, item.version, **values)

    def delete_current(self) -> None:
        item = self.model.item_at(self.view.currentIndex().row())
        if item is None:
            return
        question = self.tr("Supprimer « {text} » ?").format(text=short(item.text, 120))
        if not confirm(self, self.tr("Supprimer un élément AFOM"), question):
            return
        try:
            label = self.tr("Supprimer l'élément AFOM « {text} »").format(text=short(item.text, 40))
            self.context.editor.delete(self.services.swot, item.id, label, item.version)
        except TiDesktopError as error:
            set_error(self.message, error.message)

    def move_current(self, step: int) -> None:
        """Move the selected item up (-1) or down (+1): one undoable edit of the positions."""
        row = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        target = row + step
        items = self.model.items()
        if row < 0 or not 0 <= target < len(items):
            return
        order = [item.id for item in items]
        order[row], order[target] = order[target], order[row]
        changes = reordered_positions(items, order)
        moved = items[row]
        label = (self.tr("Monter « {text} »") if step < 0 else self.tr("Descendre « {text} »")).format(
            text=short(moved.text, 40)
        )
        try:
            self.context.editor.update_many(
                self.services.swot,
                label,
                {item_id: {"position": position} for item_id, position in changes.items()},
            )
        except TiDesktopError as error:
            set_error(self.message, error.message)
            return
        self.select_item(moved.id)


class SwotTabServices(HasAxes, HasSwot, Protocol):
    """What SwotTab uses."""


class SwotTab(QWidget):
    def __init__(self, context: AppContext, services: SwotTabServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.context = context
        self.quadrants = {category: Quadrant(context, services, category, self) for category in SwotCategory}
        grid = QGridLayout(self)
        grid.setSpacing(context.theme.sizes.tile_spacing_px)
        positions = {
            SwotCategory.FORCE: (0, 0),
            SwotCategory.FAIBLESSE: (0, 1),
            SwotCategory.OPPORTUNITE: (1, 0),
            SwotCategory.MENACE: (1, 1),
        }
        for category, (row, column) in positions.items():
            grid.addWidget(self.quadrants[category], row, column)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)

    def reload(self) -> None:
        tid = self.context.territory_id
        assert tid is not None
        axes = self.services.axes.available_to(tid)
        items = self.services.swot.list(territory_id=tid)
        for quadrant in self.quadrants.values():
            quadrant.set_items(items, axes)
