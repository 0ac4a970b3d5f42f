"""Every page of the window on a shared base follows the role's right on the territory shown: a `lecture` role
finds each page for reading (the banner says why, on every page), an `edition` role finds them editable, and a
role with both rights switches from one to the other in the same window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.test_read_only_pages import taking_input
from ti_desktop.app import GuiController
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.pages.diagnostic import DiagnosticPage
from ti_desktop.gui.pages.directory import DirectoryPage
from ti_desktop.gui.pages.meetings import MeetingsPage
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.gui.pages.region import RegionPage
from ti_desktop.gui.pages.reports import ReportsPage
from ti_desktop.gui.pages.territory import TerritoryPage
from ti_desktop.paths import UserDirs

from ..clock import fixed_clock
from .conftest import OTHER, World


@pytest.fixture
def controller(qapp: object, tmp_path: Path) -> Iterator[GuiController]:
    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    gui = GuiController(UserDirs(tmp_path / "donnees", tmp_path / "journaux"), settings, fixed_clock())
    yield gui
    gui.close()


def opened_as(controller: GuiController, world: World, role: str) -> MainWindow:
    assert controller.open_server(world.base.url(role))
    window = controller.window
    assert window is not None
    return window


def choose_territory(window: MainWindow, name: str) -> None:
    selector = window.territory_selector
    index = selector.findText(name)
    assert index >= 0, name
    selector.setCurrentIndex(index)
    QApplication.processEvents()


def inputs_of_every_page(window: MainWindow) -> dict[str, list[str]]:
    """For each page that can change the territory, what still takes input once what only reads is left out
    (searches, filters, « Ouvrir la fiche », the minutes and the report in PDF)."""
    found: dict[str, list[str]] = {}
    territory = window.show_page(TerritoryPage)
    assert territory is not None
    found["territoire"] = taking_input(territory)
    diagnostic = window.show_page(DiagnosticPage)
    assert diagnostic is not None
    found["diagnostic"] = taking_input(diagnostic, allowed=[diagnostic.challenges.unanswered_only])
    meetings = window.show_page(MeetingsPage)
    assert meetings is not None
    register, minutes = meetings.register, meetings.detail.minutes
    found["réunions"] = taking_input(
        meetings,
        allowed=[
            register.state_filter,
            register.owner_filter,
            register.search,
            register.open_button,
            minutes,
            minutes.button,
        ],
    )
    directory = window.show_page(DirectoryPage)
    assert directory is not None
    found["annuaire"] = taking_input(directory, allowed=[directory.search, directory.kind_filter])
    reports = window.show_page(ReportsPage)
    assert reports is not None
    found["rapports"] = [] if reports.mark_sent_button.isHidden() else ["markSentButton"]
    plan = window.show_page(PlanPage)
    assert plan is not None
    changing = (plan.new_action, plan.new_sub_action, plan.duplicate_action, plan.delete_action)
    model = plan.model
    cell = model.index(0, 0, model.index(0, 0))
    found["plan"] = [action.text() for action in changing if action.isEnabled()]
    if model.flags(cell) & Qt.ItemFlag.ItemIsEditable:
        found["plan"].append("cellules")
    return found


def banner_on_every_page(window: MainWindow) -> list[bool]:
    shown = []
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        QApplication.processEvents()
        shown.append(window.access_banner.isVisibleTo(window))
    return shown


def test_a_lecture_role_finds_every_page_for_reading(qtbot: QtBot, controller: GuiController, world: World) -> None:
    reader = world.base.role("lea")
    opened = world.services(world.base.owner)
    opened.services.access.grant(reader, world.demo, "lecture")
    window = opened_as(controller, world, reader)
    window.show()
    qtbot.waitExposed(window)
    assert window.context.read_only_reason is not None
    assert all(banner_on_every_page(window))  # the window says why, whichever page is shown
    assert inputs_of_every_page(window) == {
        "territoire": [],
        "diagnostic": [],
        "réunions": [],
        "annuaire": [],
        "rapports": [],
        "plan": [],
    }


def test_an_edition_role_finds_every_page_editable(qtbot: QtBot, controller: GuiController, world: World) -> None:
    window = opened_as(controller, world, world.marie)
    window.show()
    qtbot.waitExposed(window)
    assert window.context.read_only_reason is None
    assert not any(banner_on_every_page(window))
    found = inputs_of_every_page(window)
    assert all(found.values()), found


def test_read_only_then_editable_in_the_same_window(qtbot: QtBot, controller: GuiController, world: World) -> None:
    """Jean reads the demo territory and edits the other: each page follows the territory chosen. The
    Annuaire is the base's, and the server lets him change it (he may edit a territory): editable in both."""
    jean = world.base.role("jean")
    opened = world.services(world.base.owner)
    opened.services.access.grant(jean, world.demo, "lecture")
    opened.services.access.grant(jean, OTHER, "edition")
    window = opened_as(controller, world, jean)
    window.show()
    qtbot.waitExposed(window)
    choose_territory(window, world.demo)
    assert window.context.read_only_reason is not None
    reading = inputs_of_every_page(window)
    assert [page for page, found in reading.items() if found] == ["annuaire"]
    choose_territory(window, OTHER)
    assert window.context.read_only_reason is None
    editing = inputs_of_every_page(window)
    assert editing["territoire"] and editing["plan"] and editing["annuaire"] == reading["annuaire"]
    territory = window.show_page(TerritoryPage)
    assert territory is not None
    assert not territory.identity.edits["name"].isReadOnly()
    choose_territory(window, world.demo)  # and back
    assert territory.identity.edits["name"].isReadOnly()


def test_the_region_page_adds_reports_for_a_region_role_only(
    qtbot: QtBot, controller: GuiController, world: World
) -> None:
    """Received reports are the `region` roles' (migration 0011): Marie, who edits a territory, reads them."""
    window = opened_as(controller, world, world.marie)
    page = window.show_page(RegionPage)
    assert page is not None
    assert page.add_files_button.isHidden() and page.add_folder_button.isHidden()
    assert page.access_note.isVisibleTo(window)
    controller.close()
    window = opened_as(controller, world, world.region)
    page = window.show_page(RegionPage)
    assert page is not None
    assert not page.add_files_button.isHidden() and not page.access_note.isVisibleTo(window)


def test_the_levels_a_role_holds_over_the_base(world: World) -> None:
    """What the Annuaire and the Région page follow: the role's levels over every territory, in one query."""
    from ti_desktop.domain.access import AccessLevel

    assert world.services(world.marie).services.access.levels() == {AccessLevel.EDITION}
    assert world.services(world.region).services.access.levels() == {AccessLevel.REGION}
    assert world.services(world.base.owner).services.access.levels() is None  # the owner may do everything
    jean = world.base.role("jean")
    owner = world.services(world.base.owner).services.access
    owner.grant(jean, world.demo, "lecture")
    owner.grant(jean, OTHER, "edition")
    assert world.services(jean).services.access.levels() == {AccessLevel.LECTURE, AccessLevel.EDITION}
