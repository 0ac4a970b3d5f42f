"""« Exporter le plan »: each format is written in the background and reads back with the plan's actions;
confidential actions stay out unless the box is ticked; cancelling leaves the previous file as it was; a file
that cannot be written gets a French message."""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.exchange.plan_export import TEMPLATE_HEADERS
from ti_desktop.gui.dialogs.export_dialog import ExportDialog
from ti_desktop.services.exporting import ExportFormat

from ..clock import pause

TIMEOUT = 60_000


class Answers:
    """QMessageBox's static functions, replaced: what the user would have been told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str, str]] = []
        for kind in ("information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))

    def _recorder(self, kind: str) -> object:
        def show(_parent: object, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
            self.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return Answers(monkeypatch)


def make_dialog(qtbot: QtBot, context: TestContext) -> ExportDialog:
    dialog = ExportDialog(context, context.services)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def export(qtbot: QtBot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=TIMEOUT)


def plan_titles(context: TestContext, *, confidential: bool) -> list[str]:
    actions = context.services.actions.for_territory(context.territory_id or 0)
    secret = {action.id for action in actions if action.confidential}
    return [
        action.title
        for action in actions
        if confidential or (action.id not in secret and action.parent_id not in secret)
    ]


def test_defaults(qtbot: QtBot, context: TestContext) -> None:
    dialog = make_dialog(qtbot, context)
    assert dialog.windowTitle() == "Exporter le plan"
    assert dialog.fmt() == ExportFormat.XLSX
    assert [button.text() for button in dialog.format_buttons.values()] == [
        "Excel (.xlsx) — 5 feuilles",
        "CSV pour Excel (.csv)",
        "Classeur Territoires en Transitions (.xlsx)",
    ]
    assert not dialog.confidential_box.isChecked()
    assert dialog.confidential_note.text().startswith("Ce plan compte 2 actions confidentielles")
    name = Path(dialog.path_edit.text()).name
    assert name.startswith("Plan d'action — ") and name.endswith(" — 21-11-2026.xlsx")
    dialog.set_format(ExportFormat.CSV)  # the suggested name follows the format
    assert dialog.path_edit.text().endswith(" — 21-11-2026.csv")
    dialog.set_format(ExportFormat.TET)
    assert Path(dialog.path_edit.text()).name.startswith("Plan d'action TeT — ")


def test_xlsx_holds_the_plan_without_confidential_actions(
    qtbot: QtBot, context: TestContext, answers: Answers, tmp_path: Path
) -> None:
    messages: list[str] = []
    context.status_message.connect(messages.append)
    dialog = make_dialog(qtbot, context)
    dialog.set_output(tmp_path / "plan")  # the suffix is added
    export(qtbot, dialog)
    output = tmp_path / "plan.xlsx"
    expected = plan_titles(context, confidential=False)
    workbook = openpyxl.load_workbook(output, read_only=True)
    assert workbook.sheetnames == ["Actions", "Financements", "Jalons", "Indicateurs", "Suivi"]
    rows = list(workbook["Actions"].iter_rows(values_only=True))
    titles = [row[rows[0].index("Intitulé")] for row in rows[1:]]
    assert sorted(titles) == sorted(expected)
    assert dialog.exported is not None and dialog.exported.confidential_left_out == 2
    kind, title, text = answers.shown[-1]
    assert (kind, title) == ("information", "Plan exporté")
    assert text.startswith(f"Plan exporté : {len(expected)} actions, ")
    assert "2 actions confidentielles : non exportées." in text
    assert text.endswith(str(output))
    assert messages[-1] == f"Plan exporté : {output}"
    assert dialog.exported.funding_lines == len(list(workbook["Financements"].iter_rows())) - 1
    assert not dialog.isVisible()


def test_confidential_actions_when_asked(qtbot: QtBot, context: TestContext, answers: Answers, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, context)
    dialog.set_output(tmp_path / "plan-complet.xlsx")
    dialog.confidential_box.click()
    export(qtbot, dialog)
    rows = list(openpyxl.load_workbook(tmp_path / "plan-complet.xlsx", read_only=True)["Actions"].values)
    titles = [row[rows[0].index("Intitulé")] for row in rows[1:]]
    assert sorted(titles) == sorted(plan_titles(context, confidential=True))
    assert any("injection bi-matière" in str(title) for title in titles)
    assert "confidentielles" not in answers.shown[-1][2]


def test_csv_for_french_excel(qtbot: QtBot, context: TestContext, answers: Answers, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, context)
    dialog.set_format(ExportFormat.CSV)
    dialog.set_output(tmp_path / "plan.csv")
    export(qtbot, dialog)
    raw = (tmp_path / "plan.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:5] == ["Code", "Axe", "Objectif", "Action parente", "Intitulé"]
    assert sorted(row[4] for row in rows[1:]) == sorted(plan_titles(context, confidential=False))
    assert answers.shown[-1][0] == "information"


def test_tet_workbook(qtbot: QtBot, context: TestContext, answers: Answers, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, context)
    dialog.set_format(ExportFormat.TET)
    dialog.set_output(tmp_path / "plan-tet.xlsx")
    export(qtbot, dialog)
    sheet = openpyxl.load_workbook(tmp_path / "plan-tet.xlsx", read_only=True).worksheets[0]
    rows = list(sheet.values)
    assert sheet.title == "Fichier dimport"  # TeT's current import template, the default layout
    assert list(rows[1][: len(TEMPLATE_HEADERS)]) == list(TEMPLATE_HEADERS)
    data = [row for row in rows[4:] if any(value is not None for value in row)]
    assert len(data) == len(plan_titles(context, confidential=False))
    assert answers.shown[-1][0] == "information"


def hold_until_cancelled(context: TestContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo plan is exported in a blink: the real export is held at its first step until the user cancels."""
    exports = context.services.exports
    export = exports.export

    def held(*args: Any, progress: Any = None, cancelled: Any = None, **kwargs: Any) -> Any:
        def first_step(done: int, total: int) -> None:
            deadline = time.monotonic() + 30
            while not cancelled() and time.monotonic() < deadline:
                pause(0.01)
            progress(done, total)

        return export(*args, progress=first_step, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(exports, "export", held)


def test_cancel_leaves_the_previous_file(
    qtbot: QtBot, context: TestContext, answers: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    output = folder / "plan.xlsx"
    output.write_bytes(b"previous export")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    hold_until_cancelled(context, monkeypatch)
    dialog = make_dialog(qtbot, context)
    dialog.set_output(folder / "autre.xlsx")
    dialog.path_edit.setText(str(output))  # typed: the dialog asks before replacing (answered Yes)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    progress = dialog.progress_dialog()
    assert progress is not None and progress.isVisible()
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Annuler"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=TIMEOUT)
    assert output.read_bytes() == b"previous export"
    assert dialog.error_label.text() == "Export annulé : aucun fichier n'a été modifié."
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert dialog.progress_dialog() is None
    assert answers.shown == []
    assert [path.name for path in folder.iterdir()] == ["plan.xlsx"]  # no temporary file left


def test_replacing_a_file_is_asked_first(
    qtbot: QtBot, context: TestContext, answers: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "plan.xlsx"
    output.write_bytes(b"previous export")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    dialog = make_dialog(qtbot, context)
    dialog.path_edit.setText(str(output))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.is_running()
    assert output.read_bytes() == b"previous export"


def test_a_workbook_open_in_excel_is_exported_under_another_name(
    qtbot: QtBot,
    context: TestContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    hold_open: Callable[[Path], None],
) -> None:
    """Windows: the previous export is open in Excel (sharing violation on replace). The user is told why, offered
    « plan (2).xlsx », and the export is written there; the open workbook is untouched, no temporary file left."""
    folder = tmp_path / "exports"
    folder.mkdir()
    output = folder / "plan.xlsx"
    output.write_bytes(b"the workbook open in Excel")
    hold_open(output)
    told: list[str] = []

    def warning(_parent: object, _title: str, text: str, *_buttons: object) -> QMessageBox.StandardButton:
        told.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _p, _t, proposed, _f: (proposed, ""))
    dialog = make_dialog(qtbot, context)
    dialog.set_output(output)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=TIMEOUT)

    assert "« plan.xlsx »" in told[0] and "est ouvert dans un autre programme (lecteur PDF, Excel…)" in told[0]
    assert dialog.exported is not None and dialog.exported.path == folder / "plan (2).xlsx"
    assert openpyxl.load_workbook(folder / "plan (2).xlsx", read_only=True).sheetnames[0] == "Actions"
    assert output.read_bytes() == b"the workbook open in Excel"
    assert sorted(path.name for path in folder.iterdir()) == ["plan (2).xlsx", "plan.xlsx"]


def test_a_file_that_cannot_be_written_is_explained(
    qtbot: QtBot, context: TestContext, answers: Answers, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, context)
    dialog.set_output(tmp_path / "dossier-absent" / "plan.xlsx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.is_running()
    assert "n'existe pas" in dialog.error_label.text()

    taken = tmp_path / "plan.xlsx"
    taken.mkdir()  # a folder where the file should go: the service refuses in French
    dialog.set_output(taken)
    export(qtbot, dialog)
    kind, title, text = answers.shown[-1]
    assert (kind, title) == ("warning", "Export impossible")
    assert "plan.xlsx" in text
    assert "Traceback" not in text and "Error" not in text
    assert dialog.error_label.text() == text
    assert dialog.isVisible()


def test_tet_layout_choice(qtbot: QtBot, context: TestContext, answers: Answers, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, context)
    dialog.set_format(ExportFormat.XLSX)
    assert not dialog.tet_layout_box.isEnabled()  # the choice is TeT's only
    dialog.set_format(ExportFormat.TET)
    assert dialog.tet_layout_box.isEnabled() and dialog.tet_layout() == "template"
    assert dialog.ui.tetLayoutLabel.buddy() is dialog.tet_layout_box
    dialog.set_tet_layout("legacy")
    dialog.set_output(tmp_path / "plan-tet.xlsx")
    export(qtbot, dialog)
    book = openpyxl.load_workbook(tmp_path / "plan-tet.xlsx", read_only=True)
    assert book.sheetnames == ["Plan d'action"] and book.worksheets[0]["D2"].value == "Titre de l'action"
    assert make_dialog(qtbot, context).tet_layout() == "legacy"  # remembered for the next export
