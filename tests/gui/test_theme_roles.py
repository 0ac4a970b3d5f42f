"""The dialogs and the meetings and reports pages say what their texts are (a role the theme styles), not
which colour they are: hints, errors, warnings, primary and large buttons, the import summary's state."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.gui.dialogs.export_dialog import ExportDialog
from ti_desktop.gui.dialogs.import_report import ImportReportView
from ti_desktop.gui.dialogs.import_wizard import ImportWizard
from ti_desktop.gui.dialogs.indicator_import_dialog import IndicatorImportDialog
from ti_desktop.gui.dialogs.recovery_dialog import RecoveryDialog
from ti_desktop.gui.dialogs.restore_dialog import RestoreDialog
from ti_desktop.gui.pages.meetings import MeetingsPage
from ti_desktop.gui.pages.meetings_dialogs import ActionPickerDialog
from ti_desktop.gui.pages.reports import ReportsPage
from ti_desktop.gui.theme import (
    HIGH_CONTRAST,
    LARGE,
    LIGHT,
    PRIMARY,
    ROLE_PROPERTY,
    SIZING_PROPERTY,
    SUMMARY_PROPERTY,
    Role,
    Theme,
    contrast_ratio,
)
from ti_desktop.services.backups import BackupService
from ti_desktop.services.maintenance import OpenDatabase

from ..clock import fixed_clock


def role(widget: QWidget) -> object:
    return widget.property(ROLE_PROPERTY)


@pytest.mark.parametrize("theme", [LIGHT, HIGH_CONTRAST], ids=lambda theme: theme.name)
def test_the_style_sheet_styles_every_role_and_property(theme: Theme) -> None:
    sheet = theme.style_sheet()
    for text_role in Role:
        assert f'QLabel[role="{text_role.value}"]' in sheet
    assert f'[{SIZING_PROPERTY}="{LARGE}"]' in sheet
    assert f"QLabel[{SUMMARY_PROPERTY}=" in sheet
    assert theme.role_colour(Role.ALERT) == theme.error


def contrast_on_white(colour: str) -> float:
    return contrast_ratio(colour, "#ffffff")


def test_high_contrast_role_colours_read_at_seven_to_one_on_white() -> None:
    for text_role in Role:
        assert contrast_on_white(HIGH_CONTRAST.role_colour(text_role)) >= 7, text_role


def test_the_export_dialog_notes_are_hints_and_its_error_line_an_error(qtbot: QtBot, context: TestContext) -> None:
    dialog = ExportDialog(context, context.services)
    qtbot.addWidget(dialog)
    notes = [dialog.ui.xlsxNote, dialog.ui.csvNote, dialog.ui.tetNote, dialog.confidential_note]
    assert [role(note) for note in notes] == [Role.HINT.value] * 4
    assert role(dialog.error_label) == Role.ERROR.value
    # The rules are on the notes alone, not on the dialog (nor the application): its other widgets keep the
    # platform's look.
    assert not dialog.styleSheet() and dialog.confidential_note.styleSheet() == LIGHT.style_sheet()
    dialog.confidential_note.ensurePolished()
    note = dialog.confidential_note
    assert note.palette().color(note.foregroundRole()).name() == LIGHT.muted


def test_the_import_wizard_hints_warnings_and_errors(qtbot: QtBot, context: TestContext) -> None:
    wizard = ImportWizard(context, context.services)
    qtbot.addWidget(wizard)
    assert role(wizard.file_page.state_label) == Role.HINT.value
    assert role(wizard.file_page.error_label) == Role.ERROR.value
    assert role(wizard.mapping_page.warning_label) == Role.WARNING.value
    assert role(wizard.validation_page.error_label) == Role.ERROR.value


def test_the_import_summary_says_how_the_import_went(qtbot: QtBot) -> None:
    view = ImportReportView()
    qtbot.addWidget(view)
    view.set_report("3 actions à créer.", [], [])
    assert view.summary_label.property(SUMMARY_PROPERTY) == "ok"
    assert view.summary_label.styleSheet() == LIGHT.style_sheet()  # its background: the theme's "ok" rule
    assert not view.styleSheet()


def test_the_indicator_import_dialog_intro_is_a_hint(qtbot: QtBot, context: TestContext) -> None:
    dialog = IndicatorImportDialog(context, context.services)
    qtbot.addWidget(dialog)
    assert role(dialog.ui.introLabel) == Role.HINT.value
    assert role(dialog.error_label) == Role.ERROR.value


def test_backup_dialogs_show_their_folders_as_hints(qtbot: QtBot, demo_opened: OpenDatabase) -> None:
    backups = BackupService(demo_opened.database.path, fixed_clock())
    restore = RestoreDialog(backups)
    qtbot.addWidget(restore)
    assert role(restore.ui.folderLabel) == Role.HINT.value
    assert restore.ui.folderLabel.text().startswith("Dossier des sauvegardes : ")
    recovery = RecoveryDialog(demo_opened.database.path, backups)
    qtbot.addWidget(recovery)
    assert role(recovery.ui.locationLabel) == Role.HINT.value


def test_the_meeting_buttons_are_primary_and_large(qtbot: QtBot, context: TestContext) -> None:
    page = MeetingsPage(context, context.services)
    qtbot.addWidget(page)
    detail = page.detail
    assert role(detail.mode_button) == PRIMARY
    assert [button.property(SIZING_PROPERTY) for button in (detail.mode_button, detail.close_button)] == [LARGE] * 2
    assert role(detail.state_label) == Role.HINT.value
    assert detail.mode_button.styleSheet() == LIGHT.style_sheet() and not detail.styleSheet()
    detail.mode_button.ensurePolished()
    button = detail.mode_button
    assert button.palette().color(button.foregroundRole()).name() == "#ffffff"  # white on the accent


def test_the_action_picker_and_the_reports_page(qtbot: QtBot, context: TestContext) -> None:
    picker = ActionPickerDialog([], lambda _action_id: None)
    qtbot.addWidget(picker)
    assert role(picker.empty_label) == Role.HINT.value
    assert role(picker.message) == Role.ERROR.value
    page = ReportsPage(context, context.services)
    qtbot.addWidget(page)
    assert [role(label) for label in (page.state_label, page.last_sent_label, page.empty_preview)] == [
        Role.HINT.value
    ] * 3
    assert role(page.error_label) == Role.ERROR.value
