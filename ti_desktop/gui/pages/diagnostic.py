"""Diagnostic: the territory's portrait (sections), its AFOM, its key companies and its challenges."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ti_desktop.gui.context import AppContext
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.pages.diagnostic_challenges import ChallengesTab, ChallengesTabServices
from ti_desktop.gui.pages.diagnostic_companies import CompaniesTab, CompaniesTabServices
from ti_desktop.gui.pages.diagnostic_sections import PortraitTab, PortraitTabServices
from ti_desktop.gui.pages.diagnostic_swot import SwotTab, SwotTabServices
from ti_desktop.gui.read_only import Reading, follow_access


class DiagnosticPageServices(
    PortraitTabServices, SwotTabServices, CompaniesTabServices, ChallengesTabServices, Protocol
):
    """What the diagnostic's four tabs use."""


class DiagnosticPage(Page):
    def __init__(self, context: AppContext, services: DiagnosticPageServices, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.tabs = QTabWidget(self)  # first: Tab reaches the tabs before what they show
        self.portrait = PortraitTab(context, services, self)
        self.swot = SwotTab(context, services, self)
        self.companies = CompaniesTab(context, services, self)
        self.challenges = ChallengesTab(context, services, self)
        self.tabs.addTab(self.portrait, self.tr("Portrait"))
        self.tabs.addTab(self.swot, self.tr("AFOM"))
        self.tabs.addTab(self.companies, self.tr("Entreprises clés"))
        self.tabs.addTab(self.challenges, self.tr("Enjeux"))
        self.tabs.setTabToolTip(1, self.tr("Atouts, faiblesses, opportunités, menaces"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # A territory the role may only read: each tab for reading (the filter on unanswered enjeux stays).
        self.reading = follow_access(context, Reading(self, keep=[self.challenges.unanswered_only]))

    def title(self) -> str:
        return self.tr("Diagnostic")

    def reload(self) -> None:
        # Small data (tens of records): every tab is refreshed, so switching tabs shows no stale state.
        self.portrait.reload()
        self.swot.reload()
        self.companies.reload()
        self.challenges.reload()
