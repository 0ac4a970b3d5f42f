"""First run on an empty database: create a territory, or open the demo territory."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.services.use_cases import HasDemo, HasTerritories


class FirstRunServices(HasDemo, HasTerritories, Protocol):
    """The territories of the base, and the demo to write into it."""


def offer_first_territory(services: FirstRunServices, parent: QWidget | None = None) -> bool:
    """Ask until the database holds a territory; False when the user prefers to quit."""
    while not services.territories.list():
        box = QMessageBox(parent)
        box.setWindowTitle(box.tr("Bienvenue dans TI Desktop"))
        box.setText(box.tr("Cette base ne contient encore aucun territoire."))
        box.setInformativeText(
            box.tr(
                "Créez votre territoire pour commencer, ou ouvrez le territoire de démonstration pour découvrir "
                "l'application avec un plan d'action complet (fictif)."
            )
        )
        create = box.addButton(box.tr("Créer un territoire"), QMessageBox.ButtonRole.AcceptRole)
        demo = box.addButton(box.tr("Ouvrir la démo"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(box.tr("Quitter"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        try:
            if clicked is demo:
                services.demo.create()
            elif clicked is create:
                name, accepted = QInputDialog.getText(
                    parent, box.tr("Créer un territoire"), box.tr("Nom du territoire :")
                )
                if accepted:
                    services.territories.create(name=name)
            else:
                return False
        except TiDesktopError as error:
            QMessageBox.warning(parent, box.tr("Territoire non créé"), error.message)
    return True
