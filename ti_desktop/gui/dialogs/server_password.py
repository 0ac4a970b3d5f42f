"""The password of a shared base, asked when the server wants one and PostgreSQL's own means (.pgpass, service
file, PGPASSWORD) gave none: typed without echo, optionally kept in the system's keychain, never in a file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class ServerPasswordDialog(QDialog):
    def __init__(self, address: str, refused: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mot-de-passe-serveur")
        self.setWindowTitle(self.tr("Mot de passe de la base partagée"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("La base « {0} » demande votre mot de passe.").format(address))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.refused_label = QLabel(self.tr("Mot de passe refusé par le serveur : vérifiez-le et réessayez."))
        self.refused_label.setObjectName("erreur")
        self.refused_label.setWordWrap(True)
        self.refused_label.setVisible(refused)
        layout.addWidget(self.refused_label)
        form = QFormLayout()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Mot de passe"))
        form.addRow(self.tr("&Mot de passe :"), self.password_edit)
        layout.addLayout(form)
        self.remember_box = QCheckBox(self.tr("Se &souvenir de ce mot de passe (trousseau du système)"))
        self.remember_box.setToolTip(
            self.tr(
                "Gardé par le Gestionnaire d'identification de Windows, le Trousseau de macOS ou le trousseau "
                "de votre session Linux ; jamais dans un fichier de TI Desktop."
            )
        )
        layout.addWidget(self.remember_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Se connecter"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.password_edit.setFocus()

    def answer(self) -> tuple[str, bool] | None:
        """(password, remember), or None when cancelled or left empty."""
        if self.exec() != QDialog.DialogCode.Accepted or not self.password_edit.text():
            return None
        return self.password_edit.text(), self.remember_box.isChecked()
