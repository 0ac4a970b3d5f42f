"""« Nouvel acteur… » beside every list that asks for an actor of the directory (governance, porteur, pilote, élu
référent, partners, funders, decisions' owners): the actor dialog opens, the actor is created through the
undoable editor, and the list shows it chosen — the place's own save then runs as if the user had picked it.

A new territory's directory starts empty: without this, every such list would send the user to the Annuaire
first. Written once here; each place only says which list, and with which kind a newcomer starts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QWidget,
)

from ti_desktop.domain.enums import ActorKind
from ti_desktop.domain.records import ActorRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.actor_dialog import ActorDialog
from ti_desktop.gui.dialogs.record_form import open_form
from ti_desktop.gui.tab_order import chain_after, stop_before
from ti_desktop.services.use_cases import HasActors

# The kind a newcomer starts with: fixed, or read when the button is pressed (the role chosen beside it…).
KindOf = ActorKind | Callable[[], ActorKind]


def create_actor(context: AppContext, services: HasActors, values: dict[str, Any]) -> ActorRecord:
    """One undoable creation of an actor of the directory (wherever it is made from)."""
    text = QCoreApplication.translate("ActorPicker", "Ajouter l'acteur « {name} »").format(
        name=str(values.get("name") or "").strip()
    )
    return context.editor.create(services.actors, text, **values)


def choose(combo: QComboBox, actor: ActorRecord) -> None:
    """Show `actor` chosen in `combo` (added if its list lacks it), signalling the change as a user's pick."""
    index = combo.findData(actor.id)
    if index < 0:
        combo.addItem(actor.display_name, actor.id)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class NewActorButton(QPushButton):
    """« Nouvel acteur… » for `combo`: `created` carries the new actor, just before `combo` shows it chosen (a list
    that is not a combo, the participants' checklist, takes it from `created`)."""

    created = Signal(object)

    def __init__(
        self,
        context: AppContext,
        services: HasActors,
        combo: QComboBox | None,
        kind: KindOf = ActorKind.AUTRE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newActorButton")
        self.setText(self.tr("Nouvel acteur…"))
        self.setToolTip(self.tr("Créer un acteur dans l'annuaire et le choisir ici"))
        self.setAutoDefault(False)
        self.context = context
        self.services = services
        self.combo = combo
        self._kind = kind
        self.dialog: ActorDialog | None = None
        self.clicked.connect(self.open_dialog)

    def name_for(self, caption: str) -> None:
        """Tell this button from its neighbours (a fiche has four): `caption` is the list's, « Porteur »…"""
        what = caption.replace("&", "").rstrip(" *:")
        self.setAccessibleName(self.tr("Nouvel acteur : {what}").format(what=what))
        self.setToolTip(self.tr("Créer un acteur dans l'annuaire et le choisir ici ({what})").format(what=what))

    def kind(self) -> ActorKind:
        return self._kind() if callable(self._kind) else self._kind

    def open_dialog(self) -> ActorDialog:
        def save(values: dict[str, Any]) -> None:
            record = create_actor(self.context, self.services, values)
            self.created.emit(record)
            if self.combo is not None:
                choose(self.combo, record)

        self.dialog = open_form(ActorDialog(save, kind=self.kind(), parent=self.window()))
        return self.dialog


@dataclass(frozen=True, slots=True)
class ActorCreation:
    """What a place needs to offer « Nouvel acteur… »: the window's editor and the directory's use case."""

    context: AppContext
    services: HasActors

    def button(
        self, combo: QComboBox | None, kind: KindOf = ActorKind.AUTRE, parent: QWidget | None = None
    ) -> NewActorButton:
        return NewActorButton(self.context, self.services, combo, kind, parent)

    def row(self, combo: QComboBox, kind: KindOf = ActorKind.AUTRE) -> tuple[QWidget, NewActorButton]:
        """`combo` and its button side by side, as one field for a form being built."""
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(combo, 1)
        button = self.button(combo, kind, holder)
        line.addWidget(button)
        QWidget.setTabOrder(combo, button)  # the list, then its button (Tab reads the row left to right)
        return holder, button

    def beside(self, combo: QComboBox, kind: KindOf = ActorKind.AUTRE) -> NewActorButton:
        """A button put right of `combo` where a Designer form placed it (a form's row, or a row of widgets)."""
        owner = combo.parentWidget()
        layout = _layout_holding(owner.layout(), combo) if owner is not None else None
        if isinstance(layout, QFormLayout):
            row, role = cast(tuple[int, QFormLayout.ItemRole], layout.getWidgetPosition(combo))
            caption = layout.labelForField(combo)
            anchor = stop_before(combo)
            layout.removeWidget(combo)
            holder, button = self.row(combo, kind)
            layout.setWidget(row, role, holder)
            chain_after(anchor, holder)  # Tab reaches the row where it reached the list
            if isinstance(caption, QLabel):
                button.name_for(caption.text())
            return button
        if isinstance(layout, QBoxLayout):
            button = self.button(combo, kind, owner)
            layout.insertWidget(layout.indexOf(combo) + 1, button)
            QWidget.setTabOrder(combo, button)
            return button
        raise AssertionError(f"no layout holds {combo.objectName()}")


def _layout_holding(layout: QLayout | None, widget: QWidget) -> QLayout | None:
    """The layout, `layout` or one nested in it, that holds `widget` itself."""
    if layout is None:
        return None
    if layout.indexOf(widget) >= 0:
        return layout
    for index in range(layout.count()):
        item = layout.itemAt(index)
        child = item.layout() if item is not None else None
        found = _layout_holding(child, widget)
        if found is not None:
            return found
    return None
