"""Create or edit an actor of the directory."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ti_desktop.domain import entities
from ti_desktop.domain.enums import ActorKind
from ti_desktop.domain.errors import ValidationError
from ti_desktop.domain.records import ActorRecord
from ti_desktop.gui.dialogs.record_form import RecordFormDialog, Save
from ti_desktop.gui.field_errors import required_fields

# Deliberately loose: catches a phone number or a name typed in the wrong field, not exotic addresses.
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class ActorDialog(RecordFormDialog):
    required = required_fields(entities.ACTOR.fields)  # their labels end with « * »

    def __init__(
        self,
        save: Save,
        actor: ActorRecord | None = None,
        parent: QWidget | None = None,
        kind: ActorKind = ActorKind.AUTRE,
    ) -> None:
        """`kind`: what a new actor starts as (an élu référent's list proposes an élu…)."""
        super().__init__("", save, parent)
        self.setWindowTitle(self.tr("Nouvel acteur") if actor is None else self.tr("Modifier l'acteur"))
        spec = entities.ACTOR.fields
        self.name_edit = QLineEdit()
        self.organisation_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for each in ActorKind:
            self.kind_combo.addItem(each.label, each.value)
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("prenom.nom@exemple.fr"))
        self.phone_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(90)
        self.add_row("name", spec["name"].label + " *", self.name_edit)
        self.add_row("organisation", spec["organisation"].label, self.organisation_edit)
        self.add_row("kind", spec["kind"].label, self.kind_combo)
        self.add_row("email", spec["email"].label, self.email_edit)
        self.add_row("phone", spec["phone"].label, self.phone_edit)
        self.add_row("notes", spec["notes"].label, self.notes_edit)
        if actor is not None:
            self.name_edit.setText(actor.name)
            self.organisation_edit.setText(actor.organisation or "")
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(actor.kind.value)))
            self.email_edit.setText(actor.email or "")
            self.phone_edit.setText(actor.phone or "")
            self.notes_edit.setPlainText(actor.notes or "")
        else:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self.name_edit.setFocus()

    def values(self) -> dict[str, Any]:
        email = self.email_edit.text().strip() or None
        if email is not None and not EMAIL.fullmatch(email):
            problem = self.tr("« {email} » n'est pas une adresse valide.").format(email=email)
            raise ValidationError("email", entities.ACTOR.fields["email"].label, problem)
        # Empty optional texts are stored as "no value", not as empty strings.
        return {
            "name": self.name_edit.text(),
            "organisation": self.organisation_edit.text().strip() or None,
            "kind": self.kind_combo.currentData(),
            "email": email,
            "phone": self.phone_edit.text().strip() or None,
            "notes": self.notes_edit.toPlainText().strip() or None,
        }
