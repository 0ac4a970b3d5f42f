"""« Nouvel acteur… » wherever the window asks for an actor: a new territory's directory is empty, and the user
creates the people from the place that needs them (governance, porteur, pilote, élu référent, partners); the
lists and the governance role follow the actors' kinds (domain/actor_kinds.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.actor_kinds import ELECTED_REFERENT_KINDS
from ti_desktop.domain.enums import ActorKind, GovernanceRole
from ti_desktop.domain.records import ActorRecord
from ti_desktop.gui.actor_picker import NewActorButton
from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog
from ti_desktop.gui.dialogs.actor_dialog import ActorDialog
from ti_desktop.gui.dialogs.record_form import SaveDialog
from ti_desktop.gui.dialogs.territory_dialogs import RoleDialog
from ti_desktop.gui.meeting_mode import MeetingModeWindow
from ti_desktop.gui.meeting_mode.decision_dialog import DecisionDialog
from ti_desktop.gui.pages.meetings import MeetingsPage
from ti_desktop.gui.pages.meetings_dialogs import NewMeetingDialog, ParticipantPicker, ParticipantsDialog
from ti_desktop.gui.pages.territory import TerritoryPage
from ti_desktop.services.maintenance import OpenDatabase, open_services

from ..clock import fixed_clock
from .conftest import TODAY, USER_NAME


@pytest.fixture
def new_territory(qapp: object, tmp_path: Path) -> Iterator[TestContext]:
    """A base just made for a new territory: nobody in its directory yet."""
    opened: OpenDatabase = open_services(tmp_path / "neuve.sqlite3", clock=fixed_clock())
    territory = opened.services.territories.create_empty("Vallée de la Bresle")
    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    context = TestContext(opened.services, settings, data_dir=tmp_path, clock=opened.clock)
    context.set_user_name(USER_NAME)
    context.set_territory(territory.id)
    yield context
    opened.close()


def shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    QApplication.processEvents()


def click_save(qtbot: QtBot, dialog: SaveDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def create_through(qtbot: QtBot, button: NewActorButton, name: str, kind: ActorKind | None = None) -> ActorRecord:
    """Press « Nouvel acteur… », fill the actor dialog as a user, save; the actor the directory now holds."""
    assert button.isVisible() and button.text() == "Nouvel acteur…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = button.dialog
    assert isinstance(dialog, ActorDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Nouvel acteur"
    qtbot.keyClicks(dialog.name_edit, name)
    if kind is not None:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind.value))
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    return next(actor for actor in button.services.actors.list() if actor.name == name)


def governance_dialog(qtbot: QtBot, context: TestContext) -> tuple[TerritoryPage, RoleDialog]:
    page = TerritoryPage(context, context.services)
    shown(qtbot, page)
    qtbot.mouseClick(page.governance.add_button, Qt.MouseButton.LeftButton)
    dialog = page.governance.dialog
    assert isinstance(dialog, RoleDialog)
    return page, dialog


def test_a_new_territory_creates_its_industriel_from_the_governance(qtbot: QtBot, new_territory: TestContext) -> None:
    context = new_territory
    page, dialog = governance_dialog(qtbot, context)
    assert dialog.actor_combo.count() == 1  # only « Choisir un acteur de l'annuaire… »: the directory is empty
    actor = create_through(qtbot, dialog.new_actor_button, "Paul Weber", ActorKind.ENTREPRISE)
    assert actor.kind is ActorKind.ENTREPRISE
    # The newcomer is chosen, and the role follows its kind: an industriel is the industrial referent.
    assert dialog.actor_combo.currentData() == actor.id
    assert dialog.actor_combo.currentText() == "Paul Weber"
    assert dialog.role_combo.currentData() == GovernanceRole.INDUSTRIEL_REFERENT.value
    click_save(qtbot, dialog)
    (role,) = context.services.roles.list(territory_id=context.territory_id)
    assert (role.actor_id, role.role) == (actor.id, GovernanceRole.INDUSTRIEL_REFERENT)
    assert "Paul Weber (industriel)" in page.governance.binome.text()
    # Two undoable steps: the membership, then the actor itself.
    context.undo_stack.undo()
    assert context.services.roles.list(territory_id=context.territory_id) == []
    context.undo_stack.undo()
    assert context.services.actors.list() == []


def test_the_dialog_proposes_the_first_role_still_to_designate(qtbot: QtBot, new_territory: TestContext) -> None:
    context = new_territory
    _page, dialog = governance_dialog(qtbot, context)
    assert dialog.role_combo.currentText() == "Élu référent"  # nobody yet: the binôme's élu first
    dialog.reject()
    elu = context.services.actors.create(name="Marie Durand", kind=ActorKind.ELU)
    context.services.roles.create(territory_id=context.territory_id, actor_id=elu.id, role=GovernanceRole.ELU_REFERENT)
    _page, dialog = governance_dialog(qtbot, context)
    assert dialog.role_combo.currentText() == "Industriel référent"
    qtbot.mouseClick(dialog.new_actor_button, Qt.MouseButton.LeftButton)
    assert dialog.new_actor_button.dialog is not None
    assert dialog.new_actor_button.dialog.kind_combo.currentText() == "Industriel / entreprise"


def test_the_governance_role_follows_the_chosen_actors_kind(qtbot: QtBot, context: TestContext) -> None:
    _page, dialog = governance_dialog(qtbot, context)
    by_kind = {actor.kind: actor for actor in context.services.actors.list()}
    expected = {
        ActorKind.ELU: GovernanceRole.ELU_REFERENT,
        ActorKind.ENTREPRISE: GovernanceRole.INDUSTRIEL_REFERENT,
        ActorKind.REGION: GovernanceRole.REFERENT_REGION,
        ActorKind.ETAT: GovernanceRole.REFERENT_ETAT,
    }
    for kind, role in expected.items():
        dialog.actor_combo.setCurrentIndex(dialog.actor_combo.findData(by_kind[kind].id))
        assert dialog.role_combo.currentText() == role.label, kind


def test_a_new_actor_for_a_role_starts_with_the_roles_kind(qtbot: QtBot, new_territory: TestContext) -> None:
    _page, dialog = governance_dialog(qtbot, new_territory)
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(GovernanceRole.REFERENT_REGION.value))
    qtbot.mouseClick(dialog.new_actor_button, Qt.MouseButton.LeftButton)
    actor_dialog = dialog.new_actor_button.dialog
    assert actor_dialog is not None
    assert actor_dialog.kind_combo.currentText() == "Région"


def open_new_fiche(qtbot: QtBot, context: TestContext) -> ActionEditorDialog:
    dialog = ActionEditorDialog(context, context.services, None)
    shown(qtbot, dialog)
    return dialog


def test_a_new_territory_creates_the_porteur_from_the_fiche(qtbot: QtBot, new_territory: TestContext) -> None:
    context = new_territory
    editor = open_new_fiche(qtbot, context)
    ui = editor.ui
    qtbot.keyClicks(ui.titleEdit, "Plateforme d'innovation")
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    (action,) = context.services.actions.for_territory(context.territory_id or 0)
    assert action.lead_actor_id is None
    porteur = create_through(qtbot, editor.general.new_actor_buttons["lead_actor_id"], "CC du Vimeu")
    assert context.services.actions.get(action.id).lead_actor_id == porteur.id  # saved as a pick would be
    assert ui.leadCombo.currentText() == "CC du Vimeu"
    # An élu créé from the élu référent's list starts as an élu, and is chosen there.
    elected_button = editor.general.new_actor_buttons["elected_referent_id"]
    qtbot.mouseClick(elected_button, Qt.MouseButton.LeftButton)
    assert elected_button.dialog is not None and elected_button.dialog.kind_combo.currentText() == "Élu"
    qtbot.keyClicks(elected_button.dialog.name_edit, "Marie Durand")
    click_save(qtbot, elected_button.dialog)
    elected = next(a for a in context.services.actors.list() if a.name == "Marie Durand")
    assert elected.kind is ActorKind.ELU
    assert context.services.actions.get(action.id).elected_referent_id == elected.id
    # A partner made here is chosen in the partner list, ready to « Ajouter ».
    partner = create_through(qtbot, editor.general.new_actor_buttons["partners"], "CCI Picardie")
    assert ui.partnerActorCombo.currentData() == partner.id
    qtbot.mouseClick(ui.addPartnerButton, Qt.MouseButton.LeftButton)
    assert [p.actor_id for p in context.services.partners.list(action_id=action.id)] == [partner.id]
    # Undo takes back the choice first, then the actor.
    context.undo_stack.undo()  # the partnership
    context.undo_stack.undo()  # the actor CCI Picardie
    context.undo_stack.undo()  # the élu référent's choice
    assert context.services.actions.get(action.id).elected_referent_id is None
    assert {a.name for a in context.services.actors.list()} == {"CC du Vimeu", "Marie Durand"}


def test_the_elected_referent_list_offers_elus_and_collectivites_only(qtbot: QtBot, context: TestContext) -> None:
    actions = context.services.actions.for_territory(context.territory_id or 0)
    actors = {actor.id: actor for actor in context.services.actors.list()}
    action = next(a for a in actions if a.elected_referent_id is not None)
    editor = ActionEditorDialog(context, context.services, action.id)
    shown(qtbot, editor)
    combo = editor.ui.electedCombo
    offered = [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i) is not None]
    assert offered and action.elected_referent_id in offered
    assert {actors[i].kind for i in offered} <= ELECTED_REFERENT_KINDS
    companies = {a.display_name for a in actors.values() if a.kind in (ActorKind.ENTREPRISE, ActorKind.REGION)}
    assert companies and not companies & {combo.itemText(i) for i in range(combo.count())}
    # The porteur's list still offers everyone.
    assert editor.ui.leadCombo.count() == len(actors) + 1
    # An older fiche whose élu référent is a company keeps showing it.
    company = next(a for a in actors.values() if a.kind is ActorKind.ENTREPRISE)
    context.services.actions.update(action.id, elected_referent_id=company.id)
    editor.reload()
    assert combo.currentText() == company.display_name


def actor_combos(root: QWidget, actors: list[ActorRecord]) -> list[QComboBox]:
    """Every list under `root` that offers the directory's actors."""
    names = {actor.display_name for actor in actors}
    return [
        combo for combo in root.findChildren(QComboBox) if names & {combo.itemText(i) for i in range(combo.count())}
    ]


def meetings_page(qtbot: QtBot, context: TestContext) -> MeetingsPage:
    page = MeetingsPage(context, context.services)
    shown(qtbot, page)
    return page


def decision_dialog(qtbot: QtBot, context: TestContext) -> DecisionDialog:
    meeting = context.services.steering.create(context.territory_id or 0, TODAY, held_on=TODAY)
    window = MeetingModeWindow(context, context.services, meeting.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.start(full_screen=False)
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_D)
    dialog = window.decision_dialog
    assert isinstance(dialog, DecisionDialog) and dialog.isVisible()
    return dialog


def test_every_actor_picker_offers_creation(qtbot: QtBot, context: TestContext) -> None:
    actors = context.services.actors.list()
    _page, role_dialog = governance_dialog(qtbot, context)
    action = context.services.actions.for_territory(context.territory_id or 0)[0]
    editor = ActionEditorDialog(context, context.services, action.id)
    shown(qtbot, editor)
    names = sorted(button.accessibleName() for button in editor.findChildren(NewActorButton))
    assert names == [
        "Nouvel acteur : Partenaire",
        "Nouvel acteur : Pilote",
        "Nouvel acteur : Porteur",
        "Nouvel acteur : Élu référent",
    ]
    editor.ui.tabs.setCurrentWidget(editor.ui.fundingTab)
    funding = editor.funding.open_new_line()
    page = meetings_page(qtbot, context)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    new_meeting = page.dialog
    assert isinstance(new_meeting, NewMeetingDialog)
    new_meeting.reject()
    qtbot.mouseClick(page.detail.participants_button, Qt.MouseButton.LeftButton)
    participants = page.detail.dialog
    assert isinstance(participants, ParticipantsDialog)
    participants.reject()
    places: list[QWidget] = [role_dialog, editor, funding, new_meeting, participants, decision_dialog(qtbot, context)]
    for place in places:
        combos = actor_combos(place, actors)
        pickers = place.findChildren(ParticipantPicker)
        assert combos or pickers, place
        offered = {button.combo for button in place.findChildren(NewActorButton)}
        assert set(combos) <= offered, [combo.objectName() for combo in set(combos) - offered]
        # Each button says which list it fills (a fiche has four, a screen reader tells them apart).
        names = [button.accessibleName() for button in place.findChildren(NewActorButton)]
        assert all(name.startswith("Nouvel acteur : ") for name in names) and len(set(names)) == len(names), names
        for picker in pickers:  # the participants' checklist: its own button
            assert picker.new_actor_button.parent() is picker and picker.new_actor_button.combo is None


def test_a_participant_created_from_the_meeting_is_checked(qtbot: QtBot, new_territory: TestContext) -> None:
    context = new_territory
    page = meetings_page(qtbot, context)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, NewMeetingDialog)
    actor = create_through(qtbot, dialog.picker.new_actor_button, "Marie Durand", ActorKind.ELU)
    assert dialog.picker.chosen_ids() == {actor.id}
    assert dialog.picker.count_label.text() == "1 participant(s)"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    meeting_id = page.current_meeting_id()
    assert meeting_id is not None
    assert [a.name for a in context.services.participants.of(meeting_id)] == ["Marie Durand"]


def test_a_decisions_owner_created_live_is_chosen(qtbot: QtBot, context: TestContext) -> None:
    dialog = decision_dialog(qtbot, context)
    qtbot.keyClicks(dialog.text, "Lancer l'appel a projets")
    owner = create_through(qtbot, dialog.new_owner_button, "Paul Weber", ActorKind.ENTREPRISE)
    assert dialog.owner.currentText() == "Paul Weber"
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert dialog.saved is not None and dialog.saved.owner_actor_id == owner.id
