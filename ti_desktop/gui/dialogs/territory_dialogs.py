"""Small dialogs of the territory page: an intercommunalité (EPCI), a role in the governance."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ti_desktop.domain import entities
from ti_desktop.domain.actor_kinds import governance_role_for, kind_for_role
from ti_desktop.domain.enums import GovernanceRole
from ti_desktop.domain.records import ActorRecord, EpciRecord
from ti_desktop.gui.actor_picker import ActorCreation
from ti_desktop.gui.dialogs.record_form import RecordFormDialog, Save
from ti_desktop.gui.field_errors import required_fields
from ti_desktop.gui.inputs import parse_whole_number, show_number
from ti_desktop.gui.models.actors import plain


class EpciDialog(RecordFormDialog):
    required = required_fields(entities.EPCI.fields)  # their labels end with « * »

    def __init__(
        self,
        save: Save,
        epci: EpciRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", save, parent)
        self.setWindowTitle(
            self.tr("Nouvelle intercommunalité") if epci is None else self.tr("Modifier l'intercommunalité")
        )
        spec = entities.EPCI.fields
        self.name_edit = QLineEdit()
        self.siren_edit = QLineEdit()
        self.siren_edit.setPlaceholderText(self.tr("9 chiffres"))
        self.population_edit = QLineEdit()
        self.communes_edit = QLineEdit()
        self.add_row("name", spec["name"].label + " *", self.name_edit)
        self.add_row("siren", spec["siren"].label, self.siren_edit)
        self.add_row("population", spec["population"].label, self.population_edit)
        self.add_row("commune_count", spec["commune_count"].label, self.communes_edit)
        if epci is not None:
            self.name_edit.setText(epci.name)
            self.siren_edit.setText(epci.siren or "")
            self.population_edit.setText(show_number(epci.population))
            self.communes_edit.setText(show_number(epci.commune_count))
        self.name_edit.setFocus()

    def values(self) -> dict[str, Any]:
        spec = entities.EPCI.fields
        return {
            "name": self.name_edit.text(),
            # A SIREN is often typed in groups of three: "200 071 845".
            "siren": "".join(self.siren_edit.text().split()) or None,
            "population": parse_whole_number(self.population_edit.text(), "population", spec["population"].label),
            "commune_count": parse_whole_number(
                self.communes_edit.text(), "commune_count", spec["commune_count"].label
            ),
        }


class RoleDialog(RecordFormDialog):
    """Give an actor of the directory a role in the territory's governance; « Nouvel acteur… » creates one (a new
    territory's directory is empty). The role follows the chosen actor's kind (an industriel → Industriel
    référent), and a newcomer starts with the kind of the role chosen."""

    required = required_fields(entities.TERRITORY_ROLE.fields)  # their labels end with « * »

    def __init__(
        self,
        save: Save,
        actors: list[ActorRecord],
        creation: ActorCreation,
        suggested: GovernanceRole | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`suggested`: the role proposed before an actor is chosen (the first one still to designate)."""
        super().__init__("", save, parent, minimum_width=640)  # the list of actors and « Nouvel acteur… »
        self.setWindowTitle(self.tr("Ajouter un membre de la gouvernance"))
        spec = entities.TERRITORY_ROLE.fields
        self._actors = {actor.id: actor for actor in actors}
        self.actor_combo = QComboBox()
        # Long "name (organisation)" entries must not squeeze the form's captions: the list pops up wider.
        self.actor_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.actor_combo.setMinimumContentsLength(40)
        self.actor_combo.addItem(self.tr("Choisir un acteur de l'annuaire…"), None)
        for actor in sorted(actors, key=lambda a: plain(a.name)):
            self.actor_combo.addItem(actor.display_name, actor.id)
        self.role_combo = QComboBox()
        for role in GovernanceRole:
            self.role_combo.addItem(role.label, role.value)
        if suggested is not None:
            self.role_combo.setCurrentIndex(self.role_combo.findData(suggested.value))
        actor_field, self.new_actor_button = creation.row(
            self.actor_combo, lambda: kind_for_role(GovernanceRole(self.role_combo.currentData()))
        )
        self.new_actor_button.name_for(spec["actor_id"].label)
        self.new_actor_button.created.connect(lambda actor: self._actors.__setitem__(actor.id, actor))
        self.actor_combo.currentIndexChanged.connect(self._actor_chosen)
        self.add_row("actor_id", spec["actor_id"].label + " *", actor_field)
        self.add_row("role", spec["role"].label, self.role_combo)

    def _actor_chosen(self) -> None:
        actor = self._actors.get(self.actor_combo.currentData())
        role = governance_role_for(actor.kind) if actor is not None else None
        if role is not None:
            self.role_combo.setCurrentIndex(self.role_combo.findData(role.value))

    def values(self) -> dict[str, Any]:
        return {"actor_id": self.actor_combo.currentData(), "role": self.role_combo.currentData()}
