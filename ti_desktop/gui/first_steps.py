"""« Prise en main »: where to start with a new territory — the five steps of the programme's year, each with a
button that opens its page (Aide › Prise en main; shown by itself on a territory with no action yet).

The steps name their page by its class (`module.Class`, as the window's lazy pages do) and take the page's own
title from the window: the guide never imports a page, and never spells a page's name a second time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

PAGES = "ti_desktop.gui.pages"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirstSteps", text)


@dataclass(frozen=True, slots=True)
class Step:
    page: str  # the page's class, "module.Class"
    text: str  # what to do there


def steps() -> tuple[Step, ...]:
    return (
        Step(
            f"{PAGES}.territory.TerritoryPage",
            _tr(
                "Décrivez le territoire : son nom et son code, ses intercommunalités, sa gouvernance "
                "(le binôme élu–industriel, le chef de projet)."
            ),
        ),
        Step(
            f"{PAGES}.diagnostic.DiagnosticPage",
            _tr(
                "Posez le diagnostic : le portrait du territoire, ses atouts et faiblesses, ses entreprises clés, "
                "ses enjeux."
            ),
        ),
        Step(
            f"{PAGES}.plan.PlanPage",
            _tr(
                "Construisez le plan d'action : une fiche-action par projet, avec son porteur, ses dates, ses "
                "financements et ses jalons — ou importez un tableur (Fichier › Importer un plan d'action)."
            ),
        ),
        Step(
            f"{PAGES}.meetings.MeetingsPage",
            _tr("Préparez le comité de pilotage : l'ordre du jour, puis les décisions prises et le compte rendu."),
        ),
        Step(
            f"{PAGES}.reports.ReportsPage",
            _tr("Produisez le rapport d'avancement (PDF) à envoyer à la Région et à l'État."),
        ),
    )


class PageDirectory(Protocol):
    """The window's pages, by class name: their titles, and showing one."""

    def page_title(self, kind: str) -> str | None:
        """The title of the window's page of class `kind`, None when the window has none."""
        ...

    def show_page_of(self, kind: str) -> QWidget | None:
        """Bring forward the page of class `kind` (built if need be) and return it."""
        ...


class FirstStepsDialog(QDialog):
    """The steps the window has pages for, in order, each with its « Ouvrir » button (which closes the guide)."""

    def __init__(
        self, pages: PageDirectory, parent: QWidget | None = None, shown: Sequence[Step] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("prise-en-main")
        self.setWindowTitle(_tr("Prise en main"))
        self._pages = pages
        layout = QVBoxLayout(self)
        intro = QLabel(
            _tr(
                "Par où commencer ? Voici les étapes d'une année du programme Territoires d'industrie. Chaque "
                "bouton ouvre la page où la faire ; ce guide reste dans le menu Aide › Prise en main."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(2 * grid.verticalSpacing() if grid.verticalSpacing() > 0 else 12)
        self.buttons: dict[str, QPushButton] = {}  # by page class
        listed = [step for step in (shown or steps()) if pages.page_title(step.page) is not None]
        for number, step in enumerate(listed, start=1):
            title = pages.page_title(step.page) or ""
            heading = QLabel(f"{number}. {title}", self)
            bold = heading.font()
            bold.setBold(True)
            heading.setFont(bold)
            heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            text = QLabel(step.text, self)
            text.setWordWrap(True)
            button = QPushButton(_tr("Ouvrir « {page} »").format(page=title), self)
            button.setAccessibleName(_tr("Ouvrir la page « {page} »").format(page=title))
            button.clicked.connect(lambda _checked=False, kind=step.page: self.go_to(kind))
            self.buttons[step.page] = button
            grid.addWidget(heading, number - 1, 0)
            grid.addWidget(text, number - 1, 1)
            grid.addWidget(button, number - 1, 2, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(grid)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, self.sizeHint().height())

    def go_to(self, kind: str) -> None:
        """Show that step's page, and leave the guide."""
        self._pages.show_page_of(kind)
        self.accept()
