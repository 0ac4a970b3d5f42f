"""The user's name: asked once (at the first launch, or at the first progress point if still missing), kept in the
application's settings, changed from Édition › Votre nom…, and used as the author of what the user signs (progress
points, the history) instead of the computer's login. The login is at most proposed in the dialog, never used in
silence."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ti_desktop.domain import entities

USER_NAME_SETTING = "auteur/nom"
# Set once the first launch asked (answered or not): the next launches do not ask again.
ASKED_SETTING = "auteur/demande"
# As long as an author of a progress point may be.
# The dialog's width, in average characters of its font.
WIDTH_IN_CHARACTERS = 80
MAX_LENGTH = entities.PROGRESS_UPDATE.fields["author"].max_length or 200


def stored_user_name(settings: QSettings) -> str | None:
    """The name the user gave, or None when they never did."""
    name = str(settings.value(USER_NAME_SETTING, "") or "").strip()
    return name or None


def store_user_name(settings: QSettings, name: str) -> None:
    settings.setValue(USER_NAME_SETTING, " ".join(name.split()))
    note_asked(settings)


def was_asked(settings: QSettings) -> bool:
    return stored_user_name(settings) is not None or str(settings.value(ASKED_SETTING, "")).lower() == "true"


class UserNameDialog(QDialog):
    """« Votre nom » — `proposal` fills the field when no name was given yet (selected: typing replaces it)."""

    def __init__(self, current: str | None, proposal: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("votre-nom")
        self.setWindowTitle(self.tr("Votre nom"))
        # As wide as a line of text of the dialog's own font: the explanation reads on three lines, not six.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * WIDTH_IN_CHARACTERS)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Votre nom signe les points d'avancement que vous saisissez et l'historique des modifications "
                "(à la place de l'identifiant de l'ordinateur). Vous pourrez le changer dans le menu "
                "Édition › Votre nom…"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_LENGTH)
        self.name_edit.setPlaceholderText(self.tr("Prénom Nom"))
        self.name_edit.setAccessibleName(self.tr("Votre nom"))
        self.name_edit.setText(current or proposal)
        self.name_edit.selectAll()
        form.addRow(self.tr("&Votre nom :"), self.name_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(self.tr("Enregistrer"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Plus tard") if current is None else self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # An empty name signs nothing: « Enregistrer » waits for one.
        self.name_edit.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        self.save_button.setEnabled(bool(self.name_edit.text().strip()))
        self.name_edit.setFocus()

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def ask(self) -> str | None:
        """The name entered, or None when the user put it off."""
        if self.exec() != QDialog.DialogCode.Accepted or not self.name():
            return None
        return self.name()


def note_asked(settings: QSettings) -> None:
    """The user was asked (and may have put it off): the next launches do not ask again."""
    settings.setValue(ASKED_SETTING, True)


def ask_once(settings: QSettings, proposal: str = "", parent: QWidget | None = None) -> str | None:
    """At launch (the composition root's): the name kept, or asked for if it never was."""
    if was_asked(settings):
        return stored_user_name(settings)
    name = UserNameDialog(None, proposal, parent).ask()
    if name is None:
        note_asked(settings)
        return None
    store_user_name(settings, name)
    return name
