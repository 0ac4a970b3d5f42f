"""First run on an empty database: create a territory, open the demo territory, or — for a Région agent —
consolidate the reports the territories sent, with no territory of one's own."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.services.use_cases import HasConsolidation, HasDemo, HasTerritories


class FirstRunServices(HasDemo, HasTerritories, HasConsolidation, Protocol):
    """The territories of the base, the demo to write into it, and the reports a Région received."""


def is_region_base(services: FirstRunServices) -> bool:
    """A base with no territory but received reports: a Région's consolidation, opened on its page."""
    return not services.territories.list() and bool(services.consolidation.stored())


def offer_first_territory(services: FirstRunServices, parent: QWidget | None = None) -> bool:
    """Ask until the database holds a territory (or is a Région's consolidation, or the user chose to start
    one); False when the user prefers to quit."""
    while not services.territories.list() and not is_region_base(services):
        box = QMessageBox(parent)
        box.setWindowTitle(box.tr("Bienvenue dans TI Desktop"))
        box.setText(box.tr("Cette base ne contient encore aucun territoire."))
        box.setInformativeText(
            box.tr(
                "Créez votre territoire pour commencer, ou ouvrez le territoire de démonstration pour découvrir "
                "l'application avec un plan d'action complet (fictif). À la Région, consolidez les rapports "
                "d'avancement reçus des territoires."
            )
        )
        create = box.addButton(box.tr("Créer un territoire"), QMessageBox.ButtonRole.AcceptRole)
        demo = box.addButton(box.tr("Ouvrir la démo"), QMessageBox.ButtonRole.ActionRole)
        region = box.addButton(box.tr("Consolider des rapports (Région)"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(box.tr("Quitter"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        try:
            if clicked is region:
                return True  # the window opens on the Région page (GuiController.open)
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
