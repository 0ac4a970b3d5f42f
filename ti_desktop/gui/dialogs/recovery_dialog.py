"""A damaged base at open: say so in plain French and offer the newest good backup, another one, or quitting.

The dialog only chooses: the application sets the damaged file aside (`<base>.damaged`, untouched) and puts
the chosen backup in its place (BackupService.recover_damaged), then opens the base normally.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QStyle,
    QWidget,
)

from ti_desktop.gui.forms.ui_recovery_dialog import Ui_RecoveryDialog
from ti_desktop.gui.theme import apply_roles
from ti_desktop.services.backups import BackupService


class RecoveryDialog(QDialog):
    def __init__(self, database: Path, backups: BackupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.backups = backups
        self.chosen: Path | None = None
        newest = backups.newest_good()
        self.newest_good: Path | None = newest.path if newest is not None else None
        self.ui = Ui_RecoveryDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.ui.iconLabel.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        damaged_name = f"{database.name}.damaged"
        paragraphs = [
            self.tr("<p><b>La base « {name} » est endommagée.</b></p>").format(name=escape(database.name)),
            self.tr(
                "<p>Le contrôle fait à chaque ouverture a trouvé une erreur dans le fichier (le plus souvent après "
                "une coupure de courant pendant une écriture, un disque défaillant ou un dossier synchronisé). "
                "TI Desktop n'écrira rien dedans.</p>"
                "<p>Si vous restaurez une sauvegarde, la base endommagée est d'abord mise de côté, telle quelle, "
                "sous le nom « {damaged} » dans le même dossier ; si vous quittez, elle n'est pas touchée.</p>"
            ).format(damaged=escape(damaged_name)),
        ]
        if newest is not None:
            paragraphs.append(
                self.tr(
                    "<p><b>Sauvegarde proposée :</b> la {description}, la plus récente qui soit valide. "
                    "Les modifications faites après elle seront perdues.</p>"
                ).format(description=escape(backups.describe(newest)))
            )
        else:
            paragraphs.append(
                self.tr(
                    "<p><b>Aucune sauvegarde valide de cette base n'a été trouvée</b> dans « {folder} ». Si vous en "
                    "avez une copie ailleurs (clé USB, autre dossier), choisissez-la ; sinon, quittez : la base "
                    "endommagée reste telle quelle.</p>"
                ).format(folder=escape(str(backups.folder)))
            )
        self.message = self.ui.messageLabel
        self.message.setText("".join(paragraphs))
        self.ui.locationLabel.setText(self.tr("Base : {path}").format(path=database))
        buttons = self.ui.buttonBox
        self.restore_button: QPushButton | None = None
        if self.newest_good is not None:
            self.restore_button = QPushButton(self.tr("Restaurer cette sauvegarde"), self)
            self.restore_button.setDefault(True)
            buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.restore_button.clicked.connect(self.restore_newest)
        self.choose_button = QPushButton(self.tr("Choisir une autre sauvegarde…"), self)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.choose_button.clicked.connect(self.choose_other)
        self.quit_button = QPushButton(self.tr("Quitter"), self)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.clicked.connect(self.reject)

    def restore_newest(self) -> None:
        if self.newest_good is not None:
            self.chosen = self.newest_good
            self.accept()

    def choose_other(self) -> None:
        start = self.backups.folder if self.backups.folder.is_dir() else self.database.parent
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choisir une sauvegarde"), str(start), self.tr("Sauvegardes TI Desktop (*.sqlite3)")
        )
        if path:
            self.chosen = Path(path)
            self.accept()


def offer_recovery(database: Path, backups: BackupService, parent: QWidget | None = None) -> Path | None:
    """Ask which backup to put in place of the damaged base; None when the user prefers to quit."""
    dialog = RecoveryDialog(database, backups, parent)
    dialog.exec()
    chosen = dialog.chosen
    dialog.deleteLater()
    return chosen
