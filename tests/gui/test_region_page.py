"""The Région page: received reports added in the background (each file's verdict, refusals in words), the
programme's key figures, one row per territory with its figures in French, the actions behind a figure, the
received reports (removal asks first), the synthesis exported."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from tests.gui.region_reports import demo_document, save, variant
from ti_desktop.app import build_pages
from ti_desktop.domain.consolidation import ReceivedReport, figures_of
from ti_desktop.domain.data_documents import SealedDocument
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.gui.pages.region import RegionPage, territory_texts
from ti_desktop.kernel.formatting import format_euros, format_number
from ti_desktop.services.registry import Services

TIMEOUT = 60_000
START, END = dt.date(2026, 1, 1), dt.date(2026, 11, 21)
ALPHA = "Territoire d'industrie Alpha"
BETA = "Territoire d'industrie Bêta"


@pytest.fixture
def documents(context: TestContext) -> dict[str, SealedDocument]:
    tid = context.territory_id
    assert tid is not None
    demo = demo_document(context.services, tid, START, END)
    return {
        "demo": demo,
        "alpha": variant(demo, name=ALPHA, code="TI-01-001", factor=Decimal(2)),
        "alpha-2025": variant(
            demo,
            name=ALPHA,
            code="TI-01-001",
            factor=Decimal(1),
            period=(dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
            generated_on=dt.date(2026, 1, 5),
        ),
        # Its latest report dates from March: more than six months old.
        "beta": variant(
            demo,
            name=BETA,
            code="TI-02-002",
            factor=Decimal(3),
            period=(dt.date(2025, 7, 1), dt.date(2026, 2, 28)),
            generated_on=dt.date(2026, 3, 2),
        ),
    }


@pytest.fixture
def files(tmp_path: Path, documents: dict[str, SealedDocument]) -> list[Path]:
    folder = tmp_path / "recus"
    folder.mkdir()
    paths = [save(document, folder / f"rapport-{name}.json") for name, document in documents.items()]
    fake = folder / "pas-un-rapport.pdf"
    fake.write_text("Ceci n'est pas un PDF.", encoding="utf-8")
    # Altered after it was sealed: its checksum no longer matches its data.
    tampered = SealedDocument(
        documents["demo"].format,
        documents["demo"].schema_version,
        documents["demo"].sha256,
        {**documents["demo"].data, "generated_on": "2026-11-20"},
    )
    return [*paths, fake, save(tampered, folder / "rapport-modifie.json")]


def double_click(qtbot: QtBot, view: QTableView, index: QModelIndex) -> None:
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def make_page(qtbot: QtBot, context: TestContext, services: Any) -> RegionPage:
    page = RegionPage(context, services)
    qtbot.addWidget(page)
    page.resize(1600, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def services(context: TestContext) -> Services:
    """The real consolidation and synthesis, on the test's copy of the demo base."""
    return context.services


def add_through_dialog(qtbot: QtBot, page: RegionPage, paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(path) for path in paths], ""))
    qtbot.mouseClick(page.add_files_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=TIMEOUT)


def test_empty_page_says_what_to_do(qtbot: QtBot, context: TestContext, services: Services) -> None:
    page = make_page(qtbot, context, services)
    assert page.title() == "Région"
    assert page.empty_label.isVisible()
    assert page.empty_label.text().startswith("Ajoutez les rapports PDF reçus des territoires")
    assert not page.tiles_widget.isVisible()
    assert not page.export_button.isEnabled()


def test_added_reports_are_consolidated_and_refusals_said(
    qtbot: QtBot,
    context: TestContext,
    services: Services,
    files: list[Path],
    documents: dict[str, SealedDocument],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, context, services)
    add_through_dialog(qtbot, page, files, monkeypatch)

    # Each file's verdict, the refused one in words with its message naming the file.
    dialog = page.verdicts_dialog
    # The refused files come first.
    assert dialog.texts(0) == [files[-2].name, files[-1].name] + [path.name for path in files[:-2]]
    assert dialog.texts(1) == ["REFUSÉ", "REFUSÉ", "Ajouté", "Ajouté", "Ajouté", "Ajouté"]
    assert dialog.texts(2)[0] == (
        "pas-un-rapport.pdf n'est pas un rapport TI Desktop : ce n'est pas un PDF (son contenu ne commence pas par "
        "« %PDF »)."
    )
    assert dialog.texts(2)[1] == (
        "Les données de rapport-modifie.json ont été modifiées après leur écriture (empreinte SHA-256 différente) : "
        "elles sont refusées."
    )
    assert dialog.texts(2)[2].startswith("rapport-demo.json")
    assert "2 fichiers refusés" in dialog.summary_label.text()
    assert "les autres rapports ont été consolidés" in dialog.summary_label.text()
    assert page.results_button.text() == "6 rapports lus, 2 refusés — voir le détail de l'ajout"
    dialog.close()

    # One row per territory, by name; the latest report of each.
    assert not page.empty_label.isVisible()
    demo_name = documents["demo"].data["territory"]["name"]
    assert demo_name == "Territoire d'industrie Sarre-Vosges du Nord"
    # The column's header says « Territoire d'industrie »: the names go without it.
    assert territory_texts(page, 0) == ["Alpha", "Bêta", "Sarre-Vosges du Nord"]
    rows = {text: number for number, text in enumerate(territory_texts(page, 0))}
    assert territory_texts(page, 2)[rows["Alpha"]] == "01/01/2026 – 21/11/2026"
    assert territory_texts(page, 3)[rows["Bêta"]] == "Ancien (plus de six mois)"
    assert territory_texts(page, 3)[rows["Alpha"]] == "À jour"
    assert territory_texts(page, 1)[rows["Bêta"]] == "02/03/2026"

    demo = figures_of(ReceivedReport(None, "", documents["demo"].data, "demo"))
    header = [page.territory_model.headerData(c, Qt.Orientation.Horizontal) for c in range(15)]
    assert header[0] == "Territoire d'industrie"
    granted = header.index("Accordé")
    assert territory_texts(page, granted)[rows["Alpha"]] == format_euros(demo.granted * 2)
    assert territory_texts(page, header.index("Bloquées"))[rows["Bêta"]] == format_number(
        demo.count(ActionStatus.BLOQUEE)
    )
    totals = page.territory_model.totals()
    assert [page.territory_proxy.index(3, c).data() for c in range(15)] == totals  # the last row
    assert totals[0] == "Total (3 territoires)"
    assert totals[granted] == format_euros(demo.granted * 6)
    assert totals[header.index("Actions")] == format_number(demo.actions * 3)

    # Sorted by a column, either way: the totals row stays last.
    page.territory_view.sortByColumn(granted, Qt.SortOrder.DescendingOrder)
    assert territory_texts(page, 0) == ["Bêta", "Alpha", "Sarre-Vosges du Nord"]
    assert page.territory_proxy.index(3, 0).data() == "Total (3 territoires)"
    page.territory_view.sortByColumn(granted, Qt.SortOrder.AscendingOrder)
    assert territory_texts(page, 0) == ["Sarre-Vosges du Nord", "Alpha", "Bêta"]
    assert page.territory_proxy.index(3, 0).data() == "Total (3 territoires)"

    # The programme's key figures.
    tiles = page.tile_texts()
    assert tiles[0] == "3 territoires"
    projects = demo.actions - demo.count(ActionStatus.ABANDONNEE)
    assert tiles[1] == f"{format_number(projects * 3)} projets"
    assert tiles[2] == f"{format_euros(demo.granted * 6)} de financements accordés"
    assert tiles[3] == f"{format_number(demo.jobs_targeted * 6)} emplois visés"
    assert page.territories_tile.note_label.text() == "dont 1 avec un rapport de plus de six mois"

    # Alpha sent two periods: its evolution, oldest first.
    evolution = [page.evolution_model.index(row, 1).data() for row in range(page.evolution_model.rowCount())]
    assert evolution == ["du 01/01/2025 au 31/12/2025", "du 01/01/2026 au 21/11/2026"]
    since = page.evolution_model.columnCount() - 1
    changes = [page.evolution_model.index(row, since).data() for row in range(page.evolution_model.rowCount())]
    assert changes[0] == ""  # the first report compares with nothing
    assert f"+{format_euros(demo.granted)} accordés" in changes[1]
    # The received reports.
    assert page.stored_model.rowCount() == 4
    assert {page.stored_model.record(row).source for row in range(4)} == {p.name for p in files[:4]}

    # Adding them again changes nothing, and says so.
    add_through_dialog(qtbot, page, files[:4], monkeypatch)
    assert page.verdicts_dialog.texts(1) == ["Inchangé"] * 4
    assert page.stored_model.rowCount() == 4


def test_a_figure_opens_its_actions(
    qtbot: QtBot,
    context: TestContext,
    services: Services,
    files: list[Path],
    documents: dict[str, SealedDocument],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, context, services)
    add_through_dialog(qtbot, page, files, monkeypatch)
    page.verdicts_dialog.close()
    rows = {text: number for number, text in enumerate(territory_texts(page, 0))}
    view = page.territory_view
    header = [page.territory_model.headerData(c, Qt.Orientation.Horizontal) for c in range(15)]
    actions = documents["beta"].data["actions"]

    # The « Bloquées » count of Bêta: its blocked actions.
    index = page.territory_proxy.index(rows["Bêta"], header.index("Bloquées"))
    double_click(qtbot, view, index)
    dialog = page.last_dialog
    blocked = [a["reference"] for a in actions if a["status"] == "bloquee"]
    assert blocked
    assert dialog.texts(0) == blocked
    assert set(dialog.texts(3)) == {"Bloquée"}
    assert dialog.windowTitle() == f"Actions « Bloquée » de {BETA} (du 01/07/2025 au 28/02/2026)"
    dialog.close()

    # The totals row's « Bloquées »: the blocked actions of every territory.
    double_click(qtbot, view, page.territory_proxy.index(3, header.index("Bloquées")))
    assert page.last_dialog.texts(1) == blocked * 3
    assert page.last_dialog.windowTitle() == "Actions « Bloquée », tous territoires"
    page.last_dialog.close()

    # Its name: all its actions.
    index = page.territory_proxy.index(rows["Bêta"], 0)
    double_click(qtbot, view, index)
    assert page.last_dialog.texts(0) == [a["reference"] for a in actions]
    late = [a for a in actions if a["late"]]
    assert page.last_dialog.texts(7).count("En retard") == len(late)
    page.last_dialog.close()

    # An axis: its actions in every territory.
    axis = page.axis_model.record(0)
    page._open_axis(page.axis_model.index(0, 0))
    assert len(page.last_dialog.texts(0)) == 3 * len([a for a in actions if a["axis"] == axis.code])
    assert page.last_dialog.windowTitle() == f"Actions de l'axe « {axis.label} », tous territoires"


def test_removal_asks_then_removes(
    qtbot: QtBot,
    context: TestContext,
    services: Services,
    files: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, context, services)
    add_through_dialog(qtbot, page, files, monkeypatch)
    page.verdicts_dialog.close()
    assert not page.remove_button.isEnabled()
    page.stored_view.selectRow(0)
    chosen = page.stored_model.record(0)
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Any:
        def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    page.remove_button.click()
    assert page.stored_model.rowCount() == 4
    assert chosen.territory in asked[0] and chosen.source in asked[0]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    page.remove_button.click()
    assert page.stored_model.rowCount() == 3
    assert chosen.source not in {page.stored_model.record(row).source for row in range(3)}
    assert page.state_label.text().endswith("retiré de la consolidation.")


def test_the_synthesis_is_exported(
    qtbot: QtBot,
    context: TestContext,
    services: Services,
    files: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, context, services)
    add_through_dialog(qtbot, page, files, monkeypatch)
    page.verdicts_dialog.close()
    target = tmp_path / "synthese"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Classeur Excel (*.xlsx)"))
    page.export_button.click()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=TIMEOUT)
    written = tmp_path / "synthese.xlsx"
    assert page.state_label.text() == f"Synthèse enregistrée : {written}"
    workbook = load_workbook(written)
    assert "Territoires" in workbook.sheetnames


def test_a_folder_is_added_and_the_page_is_in_the_navigation(
    qtbot: QtBot,
    context: TestContext,
    services: Services,
    files: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pages = build_pages(context, services)
    for built in pages:
        qtbot.addWidget(built)
    assert [built.title() for built in pages][-2:] == ["Rapports", "Région"]

    page = make_page(qtbot, context, services)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(files[0].parent))
    page.add_folder_button.click()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=TIMEOUT)
    # The folder's reports (PDF and JSON files), the refused ones said.
    outcomes = page.verdicts_dialog.texts(1)
    assert outcomes.count("Ajouté") == 4
    assert "REFUSÉ" in outcomes
    assert len(territory_texts(page, 0)) == 3


def test_a_report_removed_meanwhile_is_said(
    qtbot: QtBot,
    context: TestContext,
    services: Services,
    files: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, context, services)
    add_through_dialog(qtbot, page, files, monkeypatch)
    page.verdicts_dialog.close()
    page.stored_view.selectRow(0)
    chosen = page.stored_model.record(0)
    services.consolidation.remove(chosen.id, chosen.version)  # a colleague, in the meantime
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    page.remove_button.click()
    assert page.error_label.isVisible()
    assert page.error_label.text() == "Ce rapport reçu n'existe plus : quelqu'un d'autre l'a sans doute retiré."
    assert page.stored_model.rowCount() == 3  # the list shows the base as it now is


def test_a_tile_opens_every_territory_s_actions_and_a_newer_report_replaces(
    qtbot: QtBot,
    context: TestContext,
    services: Services,
    files: list[Path],
    documents: dict[str, SealedDocument],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, context, services)
    add_through_dialog(qtbot, page, files, monkeypatch)
    page.verdicts_dialog.close()
    qtbot.mouseClick(page.projects_tile, Qt.MouseButton.LeftButton)
    dialog = page.last_dialog
    assert dialog.windowTitle() == "Actions de tous les territoires"
    assert len(dialog.texts(0)) == 3 * len(documents["demo"].data["actions"])
    assert dialog.summary_label.text().startswith(f"{format_number(len(dialog.texts(0)))} actions")
    dialog.close()

    # Bêta sends its report for the same period again, generated later: it replaces the first one.
    newer = variant(documents["beta"], name=BETA, code="TI-02-002", generated_on=dt.date(2026, 3, 20))
    add_through_dialog(qtbot, page, [save(newer, tmp_path / "beta-corrige.json")], monkeypatch)
    assert page.verdicts_dialog.texts(1) == ["Remplacé"]
    rows = {text: number for number, text in enumerate(territory_texts(page, 0))}
    assert territory_texts(page, 1)[rows["Bêta"]] == "20/03/2026"
    assert page.stored_model.rowCount() == 4
    # The history of the receptions says so, with who did it.
    history = [page.history_list.item(row).text() for row in range(page.history_list.count())]
    assert "Remplacé : rapport de Territoire d'industrie Bêta" in history[0]
    assert sum("— Ajouté : rapport de" in line for line in history) == 4
