"""A laptop's screen: the window fits 1024 × 640 with every page's controls in it, and every dialog fits it too
(or scrolls); the tables' cells too narrow for their text show it whole as tooltip."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.app import action_editor_opener, build_pages
from ti_desktop.gui.compact import keep_dialogs_on_screen
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.models.plan import Column
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.gui.tables import elided_tooltips, is_elided
from ti_desktop.services.maintenance import OpenDatabase

SMALL = (1024, 640)
DIALOG_MAX = (1024, 620)  # a dialog on a 1024 × 640 screen, under its title bar
CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView)


def open_window(qtbot: QtBot, context: TestContext, opened: OpenDatabase) -> MainWindow:
    assert opened.database.path is not None
    window = MainWindow(
        context,
        context.services,
        opened.database.path,
        build_pages(context, context.services),
        action_editor_opener(context.services),
    )
    qtbot.addWidget(window)
    window.show()
    window.resize(*SMALL)
    qtbot.waitExposed(window)
    return window


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def inside_a_scroll_area(widget: QWidget, top: QWidget, besides: QWidget | None) -> bool:
    """Is `widget` drawn in a scroll area's viewport (it may be out of sight, the area scrolls to it) — other
    than `besides`?"""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area is not besides and parent is area.viewport():
            return True
        parent = parent.parentWidget()
    return False


def cut_off_controls(top: QWidget, besides: QWidget | None = None) -> list[str]:
    """The controls shown in `top` but out of its rectangle (not reachable by scrolling an area but `besides`)."""
    outside = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(top) or widget.isWindow():
            continue
        if inside_a_scroll_area(widget, top, besides):
            continue
        place = widget.rect().translated(widget.mapTo(top, QPoint(0, 0)))
        if not top.rect().contains(place):
            outside.append(f"{type(widget).__name__} {widget.objectName()!r} « {getattr(widget, 'text', str)()} »")
    return outside


def test_the_window_fits_a_1024_by_640_screen_on_every_page(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = open_window(qtbot, context, demo_opened)
    for row in range(window.page_count()):
        window.navigation.setCurrentRow(row)
        settle()
        page = window.stack.currentWidget()
        assert page.minimumSizeHint().width() <= SMALL[0] - window.navigation.width(), type(page).__name__
        assert window.size().width() == SMALL[0] and window.size().height() == SMALL[1], type(page).__name__
        # The page fits: its scroll area (for smaller screens, 150 % scaling) has nothing to scroll.
        scroll = window.page_scroll
        assert scroll.horizontalScrollBar().maximum() == 0, type(page).__name__
        assert scroll.verticalScrollBar().maximum() == 0, type(page).__name__
        cut = cut_off_controls(window, besides=scroll)
        assert not cut, (type(page).__name__, cut)
    hint = window.minimumSizeHint()  # every page built now: the widest of them counts
    assert hint.width() <= SMALL[0] and hint.height() <= SMALL[1]
    assert window.minimumWidth() <= SMALL[0]


def test_an_elided_cell_has_its_whole_text_as_tooltip(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    """A lead's long name in the plan: cut to the column's cap, whole in its tooltip (the model gives none)."""
    services = context.services
    name = "Communauté d'agglomération Sarreguemines Confluences"
    lead = services.actors.create(name=name, kind="elu")
    action = next(a for a in services.actions.for_territory(context.territory_id or 0) if a.code == "INN-02")
    services.actions.update(action.id, lead_actor_id=lead.id)
    window = open_window(qtbot, context, demo_opened)
    page = window.show_page(PlanPage)
    assert page is not None
    qtbot.waitUntil(lambda: page.model.index_of_action(action.id).isValid())
    settle()
    view = page.view
    cell = page.model.index_of_action(action.id).siblingAtColumn(Column.LEAD)
    assert cell.data() == name and cell.data(Qt.ItemDataRole.ToolTipRole) is None
    assert is_elided(view, cell)
    assert elided_tooltips(view).tooltip_at(cell) == name
    view.scrollTo(cell)
    where = view.visualRect(cell).center()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, where, view.viewport().mapToGlobal(where)))
    assert QToolTip.isVisible() and QToolTip.text() == name
    QToolTip.hideText()
    whole = cell.siblingAtColumn(Column.CODE)
    assert not is_elided(view, whole) and elided_tooltips(view).tooltip_at(whole) is None  # nothing said twice


def _dialogs(context: TestContext, window: MainWindow) -> dict[str, Callable[[], QDialog]]:
    """Every dialog the window opens, built on the demo territory."""
    from ti_desktop.gui.about import AboutDialog
    from ti_desktop.gui.actor_picker import ActorCreation
    from ti_desktop.gui.dialogs.action_funding import FundingLineDialog
    from ti_desktop.gui.dialogs.action_indicators import IndicatorDialog
    from ti_desktop.gui.dialogs.action_milestones import MilestoneDialog
    from ti_desktop.gui.dialogs.action_updates import ProgressUpdateDialog
    from ti_desktop.gui.dialogs.actor_dialog import ActorDialog
    from ti_desktop.gui.dialogs.custom_fields_dialog import CustomFieldsDialog
    from ti_desktop.gui.dialogs.export_dialog import ExportDialog
    from ti_desktop.gui.dialogs.import_wizard import ImportWizard
    from ti_desktop.gui.dialogs.indicator_import_dialog import IndicatorImportDialog
    from ti_desktop.gui.dialogs.restore_dialog import RestoreDialog
    from ti_desktop.gui.dialogs.territory_dialogs import EpciDialog, RoleDialog
    from ti_desktop.gui.first_steps import FirstStepsDialog
    from ti_desktop.gui.pages.meetings_dialogs import ActionPickerDialog, NewMeetingDialog, ParticipantsDialog

    services = context.services
    tid = context.territory_id or 0
    action = next(a for a in services.actions.for_territory(tid) if a.code == "FON-02")
    actors = services.actors.list()
    creation = ActorCreation(context, services)  # « Nouvel acteur… » beside the lists, as the window opens them

    def nothing(*_args: object, **_kwargs: object) -> None:
        return None

    assert window.backups is not None
    backups = window.backups
    return {
        "fiche-action": lambda: action_editor_opener(services)(context, action.id, window, None, None),
        "import": lambda: ImportWizard(context, services, window),
        "export": lambda: ExportDialog(context, services, window),
        "import-indicateurs": lambda: IndicatorImportDialog(context, services, window),
        "champs-personnalises": lambda: CustomFieldsDialog(context, services, tid, window),
        "a-propos": lambda: AboutDialog(Path(str(window.database_path)), window),
        "prise-en-main": lambda: FirstStepsDialog(window, window),
        "restauration": lambda: RestoreDialog(backups, window),
        "financement": lambda: FundingLineDialog(window, nothing, actors, None, creation),
        "jalon": lambda: MilestoneDialog(window, nothing),
        "indicateur": lambda: IndicatorDialog(window, nothing),
        "point-avancement": lambda: ProgressUpdateDialog(window, nothing, action, dt.date(2026, 11, 21)),
        "acteur": lambda: ActorDialog(nothing, None, window),
        "intercommunalite": lambda: EpciDialog(nothing, None, window),
        "gouvernance": lambda: RoleDialog(nothing, actors, creation, parent=window),
        "nouvelle-reunion": lambda: NewMeetingDialog(nothing, actors, [], "", "21/11/2026", window, creation),
        "participants": lambda: ParticipantsDialog(nothing, actors, [], [], window, creation),
        "choix-action": lambda: ActionPickerDialog(services.actions.for_territory(tid), nothing, window),
    }


DIALOGS = [
    "fiche-action",
    "import",
    "export",
    "import-indicateurs",
    "champs-personnalises",
    "a-propos",
    "prise-en-main",
    "restauration",
    "financement",
    "jalon",
    "indicateur",
    "point-avancement",
    "acteur",
    "intercommunalite",
    "gouvernance",
    "nouvelle-reunion",
    "participants",
    "choix-action",
]


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_fits_a_1024_by_640_screen(
    qtbot: QtBot, qapp: QApplication, context: TestContext, demo_opened: OpenDatabase, name: str
) -> None:
    window = open_window(qtbot, context, demo_opened)
    factories = _dialogs(context, window)
    assert sorted(factories) == sorted(DIALOGS)
    fitting = keep_dialogs_on_screen(qapp)  # as the application does
    try:
        dialog = factories[name]()
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
    finally:
        qapp.removeEventFilter(fitting)
    area = dialog.screen().availableGeometry()
    assert area.contains(dialog.frameGeometry()), (dialog.frameGeometry(), area)  # opened within the screen
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert least.width() <= DIALOG_MAX[0] and least.height() <= DIALOG_MAX[1], least  # it fits 1024 × 640
    dialog.resize(least.expandedTo(dialog.size().boundedTo(QSize(*DIALOG_MAX))))
    settle()
    assert not cut_off_controls(dialog), cut_off_controls(dialog)
    dialog.close()


def test_a_record_table_s_headers_sit_over_their_values(qapp: QApplication) -> None:
    """« Statut » over words on the left, « Montant » over figures on the right: as their values sit."""
    from ti_desktop.gui.models.records import Column, RecordTableModel

    model: RecordTableModel[tuple[str, str]] = RecordTableModel(
        [Column("Statut", lambda r: r[0]), Column("Montant", lambda r: r[1], right_aligned=True)]
    )
    model.set_records([("Accordé", "12 000 €")])
    for column in range(2):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole)
        assert header == model.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole)
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) == left
