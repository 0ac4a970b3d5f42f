"""« Importer des valeurs d'indicateurs »: the file is checked first and its report shown, « Importer » writes the
values (new indicators included) and the pages reload; a file with errors cannot be imported; cancelling the
check leaves nothing behind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.gui.dialogs.indicator_import_dialog import IndicatorImportDialog

TIMEOUT = 60_000
HEADER = "Indicateur;Année;Valeur;Unité;Source"
EMPLOYMENT = "Emplois salariés industriels privés"  # a demo indicator, measured 2023–2025


def make_dialog(qtbot: QtBot, context: TestContext) -> IndicatorImportDialog:
    dialog = IndicatorImportDialog(context, context.services)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot: QtBot, dialog: IndicatorImportDialog, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=TIMEOUT)


def indicators(context: TestContext) -> dict[str, int]:
    return {
        indicator.name: indicator.id
        for indicator in context.services.indicators.list(territory_id=context.territory_id)
    }


def values(context: TestContext, name: str) -> dict[dt.date, float]:
    indicator_id = indicators(context)[name]
    return {
        value.measured_on: value.value for value in context.services.indicator_values.list(indicator_id=indicator_id)
    }


def test_values_are_checked_then_imported(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "insee.csv"
    path.write_text(
        "\n".join(
            [
                HEADER,
                f"{EMPLOYMENT};2025;5 210;emplois;URSSAF",
                "Établissements industriels;2024;312;établissements;INSEE",
                "Établissements industriels;2025;318;établissements;INSEE",
            ]
        ),
        encoding="utf-8",
    )
    before = values(context, EMPLOYMENT)
    changed: list[bool] = []
    messages: list[str] = []
    context.data_changed.connect(lambda: changed.append(True))
    context.status_message.connect(messages.append)
    dialog = make_dialog(qtbot, context)
    assert dialog.windowTitle() == "Importer des valeurs d'indicateurs"
    assert not dialog.import_button.isEnabled()

    choose(qtbot, dialog, path, monkeypatch)
    summary = dialog.report.summary()
    assert summary.startswith("Aucun problème dans le fichier.")
    assert "À créer : 1 indicateur (Établissements industriels), 2 valeurs." in summary
    assert "À mettre à jour : 1 valeur." in summary
    assert not dialog.report.tabs.isTabVisible(1)  # no list of changed actions here
    assert dialog.import_button.isEnabled()
    assert "Établissements industriels" not in indicators(context), "the check writes nothing"

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=TIMEOUT)
    assert dialog.imported is not None and dialog.imported.written
    assert dialog.state_label.text() == "Import terminé."
    assert (
        dialog.report.summary().splitlines()[1] == "Créations : 1 indicateur (Établissements industriels), 2 valeurs."
    )
    assert values(context, "Établissements industriels") == {dt.date(2024, 12, 31): 312, dt.date(2025, 12, 31): 318}
    assert values(context, EMPLOYMENT) == {**before, dt.date(2025, 12, 31): 5210}
    assert changed
    assert messages[-1] == (
        "Valeurs d'indicateurs importées depuis « insee.csv » : 2 valeurs ajoutées, 1 valeur mise à jour, "
        "1 indicateur créé."
    )
    assert not dialog.import_button.isVisible()
    assert dialog.close_button.isEnabled()


def test_a_file_with_errors_cannot_be_imported(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "observatoire.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Données"
    sheet.append(["Source : Observatoire des territoires"])
    sheet.append(["Indicateur", "Année", "Valeur", "Unité"])
    sheet.append(["Établissements industriels", 2024, "beaucoup", "établissements"])
    sheet.append(["Établissements industriels", "20x5", 318, "établissements"])
    workbook.save(path)
    dialog = make_dialog(qtbot, context)
    choose(qtbot, dialog, path, monkeypatch)
    rows = dialog.report.issue_rows()
    assert [row[:4] for row in rows] == [
        ["Erreur", "Données", "3", "C (Valeur)"],
        ["Erreur", "Données", "4", "B (Année)"],
    ]
    assert "beaucoup" in rows[0][4]
    assert dialog.report.summary().startswith("2 erreurs.")
    assert not dialog.import_button.isEnabled()
    assert dialog.retry_button.isVisible()
    assert "Établissements industriels" not in indicators(context)

    # Fixed in the spreadsheet, checked again: it can be imported.
    sheet["C3"], sheet["B4"] = 312, 2025
    workbook.save(path)
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=TIMEOUT)
    assert dialog.report.issue_rows() == []
    assert dialog.import_button.isEnabled()


def test_an_unreadable_file_is_explained(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "valeurs.xlsx"
    path.write_bytes(b"not a workbook at all")
    dialog = make_dialog(qtbot, context)
    choose(qtbot, dialog, path, monkeypatch)
    assert dialog.error_label.isVisible()
    assert "valeurs.xlsx" in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()


def test_cancelling_the_check_imports_nothing(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "serie-longue.csv"
    rows = [f"Indicateur {index % 50};{1900 + index // 50};{index};unités;INSEE" for index in range(1000)]
    path.write_text("\n".join([HEADER, *rows]), encoding="utf-8")
    before = indicators(context)
    dialog = make_dialog(qtbot, context)
    dialog.set_path(path)
    assert dialog.is_running() and dialog.cancel_button.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=TIMEOUT)
    assert dialog.error_label.text() == "Vérification annulée."
    assert dialog.preview is None
    assert not dialog.import_button.isEnabled()
    assert indicators(context) == before
