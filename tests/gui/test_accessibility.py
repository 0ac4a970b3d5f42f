"""Every page, dialog, wizard and screen of the meeting mode, opened on the demo, as a screen reader finds it:
each control a user reaches with Tab is announced by a name (tests/gui/accessibility.py asks QAccessible)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.accessibility import reading_order_breaks, unnamed
from tests.gui.harness import TestContext
from ti_desktop.app import action_editor_opener, build_pages
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import ActionRecord
from ti_desktop.gui.actor_picker import NewActorButton
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.services.backups import BackupService
from ti_desktop.services.maintenance import OpenDatabase

from .conftest import TODAY


@dataclass
class Env:
    qtbot: QtBot
    context: TestContext
    opened: OpenDatabase
    tmp_path: Path

    def action(self, with_indicator: bool = False) -> ActionRecord:
        services = self.context.services
        for action in services.actions.for_territory(self.context.territory_id or 0):
            if not with_indicator or services.indicators.list(action_id=action.id):
                return action
        raise AssertionError("the demo has no such action")


@dataclass(frozen=True)
class Screen:
    """What is measured: `root`'s tree, the trees of `leave_out` aside."""

    root: QWidget
    leave_out: tuple[QWidget, ...] = ()


Build = Callable[[Env], "QWidget | Screen"]


def window(env: Env) -> MainWindow:
    main = MainWindow(
        env.context,
        env.context.services,
        env.opened.database.path,
        build_pages(env.context, env.context.services),
        action_editor_opener(env.context.services),
    )
    env.qtbot.addWidget(main)
    main.show()
    env.qtbot.waitExposed(main)
    return main


def page(row: int) -> Build:
    """The page at `row` of the navigation, shown in the main window."""

    def build(env: Env) -> QWidget:
        main = window(env)
        main.navigation.setCurrentRow(row)
        QApplication.processEvents()
        shown = main.stack.currentWidget()
        assert shown is not None
        return shown

    return build


def chrome(env: Env) -> Screen:
    """The main window around its pages: menus, tool bar, navigation, territory selector, status bar."""
    main = window(env)
    return Screen(main, (main.stack,))


def action_editor(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog

    return ActionEditorDialog(env.context, env.context.services, env.action(with_indicator=True).id)


def new_action_editor(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog

    return ActionEditorDialog(env.context, env.context.services, None)


def funding_line(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.action_funding import FundingLineDialog

    return FundingLineDialog(None, lambda _values: None, env.context.services.actors.list())


def milestone(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.action_milestones import MilestoneDialog

    return MilestoneDialog(None, lambda _values: None)


def indicator(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.action_indicators import IndicatorDialog

    return IndicatorDialog(None, lambda _values: None)


def indicator_value(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.action_indicators import IndicatorValueDialog

    action = env.action(with_indicator=True)
    first = env.context.services.indicators.list(action_id=action.id)[0]
    return IndicatorValueDialog(None, lambda _values: None, first, TODAY)


def progress_update(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.action_updates import ProgressUpdateDialog

    return ProgressUpdateDialog(None, lambda _values: None, env.action(), TODAY)


def actor(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.actor_dialog import ActorDialog

    return ActorDialog(lambda _values: None)


def epci(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.territory_dialogs import EpciDialog

    return EpciDialog(lambda _values: None)


def role(env: Env) -> QWidget:
    from ti_desktop.gui.actor_picker import ActorCreation
    from ti_desktop.gui.dialogs.territory_dialogs import RoleDialog

    services = env.context.services
    return RoleDialog(lambda _values: None, services.actors.list(), ActorCreation(env.context, services))


def import_wizard(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.import_wizard import ImportWizard

    return ImportWizard(env.context, env.context.services)


def indicator_import(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.indicator_import_dialog import IndicatorImportDialog

    return IndicatorImportDialog(env.context, env.context.services)


def export(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.export_dialog import ExportDialog

    return ExportDialog(env.context, env.context.services)


def custom_fields(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.custom_fields_dialog import CustomFieldsDialog

    return CustomFieldsDialog(env.context, env.context.services, env.context.territory_id or 0)


def custom_field(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.custom_fields_dialog import CustomFieldDialog

    return CustomFieldDialog(None, lambda _values: None)


def database(env: Env) -> Path:
    path = env.opened.database.path
    assert path is not None  # a file base
    return path


def backups(env: Env) -> BackupService:
    service = BackupService(database(env), env.context.clock)
    service.backup()
    return service


def restore(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.restore_dialog import RestoreDialog

    return RestoreDialog(backups(env))


def recovery(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.recovery_dialog import RecoveryDialog

    return RecoveryDialog(database(env), backups(env))


def server_password(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.server_password import ServerPasswordDialog

    return ServerPasswordDialog("postgresql://claire@serveur/ti", refused=True)


def about(env: Env) -> QWidget:
    from ti_desktop.gui.about import AboutDialog

    return AboutDialog(env.opened.database.path)


def challenge(env: Env) -> QWidget:
    from ti_desktop.gui.pages.diagnostic_challenges import ChallengeDialog

    axes = env.context.services.axes.list()
    return ChallengeDialog("Nouvel enjeu", axes, None, None)


def company(env: Env) -> QWidget:
    from ti_desktop.gui.pages.diagnostic_companies import CompanyDialog

    return CompanyDialog("Nouvelle entreprise", None)


def swot_item(env: Env) -> QWidget:
    from ti_desktop.domain.enums import SwotCategory
    from ti_desktop.gui.pages.diagnostic_swot import SwotItemDialog

    category = next(iter(SwotCategory))
    return SwotItemDialog("Nouvel élément", env.context.services.axes.list(), None, category)


def new_meeting(env: Env) -> QWidget:
    from ti_desktop.gui.pages.meetings_dialogs import NewMeetingDialog

    return NewMeetingDialog(lambda _values: None, env.context.services.actors.list(), [], "", "21/11/2026")


def participants(env: Env) -> QWidget:
    from ti_desktop.gui.pages.meetings_dialogs import ParticipantsDialog

    return ParticipantsDialog(lambda _values: None, env.context.services.actors.list(), [], [])


def agenda_item(env: Env) -> QWidget:
    from ti_desktop.gui.pages.meetings_dialogs import AgendaItemDialog

    return AgendaItemDialog(lambda _values: None)


def action_picker(env: Env) -> QWidget:
    from ti_desktop.gui.pages.meetings_dialogs import ActionPickerDialog

    return ActionPickerDialog([env.action()], lambda _action_id: None)


def meeting_mode(overview: bool) -> Build:
    def build(env: Env) -> QWidget:
        from ti_desktop.gui.meeting_mode import MeetingModeWindow

        meeting = env.context.services.steering.create(env.context.territory_id or 0, TODAY, held_on=TODAY)
        screen = MeetingModeWindow(env.context, env.context.services, meeting.id)
        env.qtbot.addWidget(screen)
        screen.resize(1280, 720)
        screen.start(full_screen=False)
        if overview:
            screen.show_overview()
        return screen

    return build


def decision(env: Env) -> QWidget:
    from ti_desktop.gui.meeting_mode.decision_dialog import DecisionDialog
    from ti_desktop.gui.meeting_mode.theme import Theme

    meeting = env.context.services.steering.create(env.context.territory_id or 0, TODAY, held_on=TODAY)
    return DecisionDialog(env.context, env.context.services, meeting, env.action().id, "A1", Theme(10.8))


def status_chooser(env: Env) -> QWidget:
    from ti_desktop.gui.meeting_mode.status_chooser import StatusChooser
    from ti_desktop.gui.meeting_mode.theme import Theme

    return StatusChooser(ActionStatus.EN_COURS, "A1", Theme(10.8))


def region_actions(env: Env) -> QWidget:
    from ti_desktop.gui.pages.region_dialogs import ActionsDialog

    return ActionsDialog("Actions du territoire", [], with_territory=True)


def region_verdicts(env: Env) -> QWidget:
    from ti_desktop.gui.pages.region_dialogs import VerdictsDialog

    return VerdictsDialog([])


def grant(env: Env) -> QWidget:
    from ti_desktop.gui.dialogs.access_dialog import GrantDialog

    return GrantDialog(["Vallée de la Sarre"], None)


def changelog(env: Env) -> QWidget:
    from ti_desktop.gui.about import ChangelogDialog, changelog_path

    path = changelog_path()
    assert path is not None
    return ChangelogDialog(path)


def shortcuts(env: Env) -> QWidget:
    from ti_desktop.gui.shortcuts_dialog import ShortcutsDialog

    return ShortcutsDialog(window(env))


PAGES: dict[str, Build] = {
    "fenêtre principale (hors pages)": chrome,
    "tableau de bord": page(0),
    "territoire": page(1),
    "diagnostic": page(2),
    "plan d'action": page(3),
    "chronologie": page(4),
    "réunions": page(5),
    "annuaire": page(6),
    "rapports": page(7),
    "région": page(8),
}
DIALOGS: dict[str, Build] = {
    "fiche-action (tous les onglets)": action_editor,
    "nouvelle fiche-action": new_action_editor,
    "ligne de financement": funding_line,
    "jalon": milestone,
    "indicateur": indicator,
    "valeur d'indicateur": indicator_value,
    "point d'avancement": progress_update,
    "acteur": actor,
    "EPCI": epci,
    "rôle de gouvernance": role,
    "assistant d'import (toutes les pages)": import_wizard,
    "import d'indicateurs": indicator_import,
    "export": export,
    "champs personnalisés": custom_fields,
    "champ personnalisé": custom_field,
    "restauration": restore,
    "récupération": recovery,
    "mot de passe du serveur": server_password,
    "à propos": about,
    "enjeu": challenge,
    "entreprise clé": company,
    "élément AFOM": swot_item,
    "nouvelle réunion": new_meeting,
    "participants": participants,
    "point de l'ordre du jour": agenda_item,
    "choix d'une fiche-action": action_picker,
    "mode réunion : point": meeting_mode(overview=False),
    "mode réunion : vue d'ensemble": meeting_mode(overview=True),
    "mode réunion : décision": decision,
    "mode réunion : statut": status_chooser,
    "région : actions": region_actions,
    "région : rapports ajoutés": region_verdicts,
    "accès : accorder": grant,
    "journal des modifications": changelog,
    "raccourcis clavier": shortcuts,
}
SCREENS: dict[str, Build] = {**PAGES, **DIALOGS}
TAB_POLICIES = (Qt.FocusPolicy.TabFocus, Qt.FocusPolicy.StrongFocus, Qt.FocusPolicy.WheelFocus)


def opened_screen(name: str, env: Env) -> Screen:
    built = SCREENS[name](env)
    screen = built if isinstance(built, Screen) else Screen(built)
    if not screen.root.isVisible():
        env.qtbot.addWidget(screen.root)
        screen.root.show()
        env.qtbot.waitExposed(screen.root)
    screen.root.window().activateWindow()  # as the window manager does: the focus goes where Qt puts it
    QApplication.processEvents()
    return screen


@pytest.fixture
def env(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase, tmp_path: Path) -> Env:
    return Env(qtbot, context, demo_opened, tmp_path)


@pytest.mark.parametrize("name", list(SCREENS))
def test_every_focusable_control_has_a_name(env: Env, name: str) -> None:
    screen = opened_screen(name, env)
    assert unnamed(screen.root, screen.leave_out) == []


@pytest.mark.parametrize("name", list(SCREENS))
def test_tab_follows_the_reading_order(env: Env, name: str) -> None:
    """On each tab of the screen's tab widgets in turn: Tab never goes back up a column nor left on a line."""
    screen = opened_screen(name, env)
    breaks = reading_order_breaks(screen.root, screen.leave_out)
    for tabs in screen.root.findChildren(QTabWidget):
        if not tabs.isVisibleTo(screen.root) or any(out.isAncestorOf(tabs) for out in screen.leave_out):
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            breaks += reading_order_breaks(screen.root, screen.leave_out)
    assert sorted(set(breaks)) == []


@pytest.mark.parametrize("name", ["ligne de financement", "jalon", "EPCI", "entreprise clé"])
def test_a_record_form_describes_its_fields_by_their_hints(env: Env, name: str) -> None:
    """What a placeholder says (« jj/mm/aaaa », « ex. 150 000 ») a screen reader reads as the description (a date
    field says more: « date jj/mm/aaaa, Alt+Bas ouvre un calendrier »), then « obligatoire » when the field's label
    ends with « * » (« ex. 150 000 — obligatoire »)."""
    screen = opened_screen(name, env)
    fields = [field for field in screen.root.findChildren(QLineEdit) if field.placeholderText() and not field.toolTip()]
    assert fields
    starred = {label.buddy() for label in screen.root.findChildren(QLabel) if label.text().rstrip().endswith("*")}
    assert any(field in starred for field in fields) or name in ("EPCI", "entreprise clé")
    for field in fields:
        interface = QAccessible.queryAccessibleInterface(field)
        parts = interface.text(QAccessible.Text.Description).split(" — ")
        assert any(field.placeholderText() in part for part in parts)
        assert (parts[-1] == "obligatoire") == (field in starred)


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from `widget` (past its own parts, an editable list's line), shown or on another tab."""
    current = widget.nextInFocusChain()
    while current.focusPolicy() not in TAB_POLICIES or widget.isAncestorOf(current):
        current = current.nextInFocusChain()
    return current


@pytest.mark.parametrize(
    "name",
    ["fiche-action (tous les onglets)", "nouvelle fiche-action", "rôle de gouvernance", "mode réunion : décision"],
)
def test_tab_goes_from_a_list_of_actors_to_its_new_actor_button(env: Env, name: str) -> None:
    """Each list of the directory's actors is followed, on Tab, by its own « Nouvel acteur… » button."""
    screen = opened_screen(name, env)
    buttons = [button for button in screen.root.findChildren(NewActorButton) if button.combo is not None]
    assert buttons
    for button in buttons:
        assert next_tab_stop(button.combo) is button, button.accessibleName()
