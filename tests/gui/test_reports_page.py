"""The Rapports page: options remembered per territory, the contrôle avant envoi, the PDF built in the
background and previewed, saved elsewhere, and marked as sent to the Région."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.report_options import ReportOptions, ReportSection
from ti_desktop.gui.pages.reports import ReportsPage
from ti_desktop.gui.pages.reports_files import default_file_name
from ti_desktop.gui.pages.reports_findings import FindingColumn

TIMEOUT = 60_000


def make_page(qtbot: QtBot, context: TestContext) -> ReportsPage:
    page = ReportsPage(context, context.services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def type_date(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def generate(qtbot: QtBot, page: ReportsPage) -> None:
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_generating(), timeout=TIMEOUT)


def test_defaults_are_this_year_to_today(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    assert page.title() == "Rapports"
    assert page.options_panel.from_edit.text() == "01/01/2026"
    assert page.options_panel.to_edit.text() == "21/11/2026"
    assert all(box.isChecked() for box in page.options_panel.section_boxes.values())
    assert page.options_panel.section_boxes[ReportSection.JALONS].text() == "Jalons"
    assert not page.options_panel.annex_box.isChecked()
    assert page.page_count_text() == "Aucun aperçu"
    assert not page.save_button.isEnabled()


def test_options_are_remembered_per_territory(qtbot: QtBot, context: TestContext, tmp_path: Path) -> None:
    page = make_page(qtbot, context)
    panel = page.options_panel
    type_date(qtbot, panel.from_edit, "01/03/2026")
    type_date(qtbot, panel.to_edit, "30/09/2026")
    panel.section_boxes[ReportSection.INDICATEURS].click()
    panel.annex_box.click()
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"")
    panel.set_logo(logo)

    second = make_page(qtbot, context)
    again = second.options_panel
    assert again.from_edit.text() == "01/03/2026"
    assert again.to_edit.text() == "30/09/2026"
    assert not again.section_boxes[ReportSection.INDICATEURS].isChecked()
    assert again.section_boxes[ReportSection.SYNTHESE].isChecked()
    assert again.annex_box.isChecked()
    assert again.logo() == logo
    assert again.logo_label.text() == "logo.png"

    # Another territory has its own options (the defaults), and the first one's come back with it.
    other = context.services.territories.create(name="Territoire d'industrie Test", region="Grand Est")
    context.set_territory(other.id)
    assert again.from_edit.text() == "01/01/2026"
    assert not again.annex_box.isChecked()
    assert again.logo() is None
    context.set_territory(_first(context))
    assert again.from_edit.text() == "01/03/2026"
    assert again.annex_box.isChecked()

    qtbot.mouseClick(again.remove_logo_button, Qt.MouseButton.LeftButton)
    assert again.logo() is None
    assert make_page(qtbot, context).options_panel.logo() is None


def _first(context: TestContext) -> int:
    return min(territory.id for territory in context.services.territories.list())


def test_invalid_period_is_refused_in_french(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    panel = page.options_panel
    type_date(qtbot, panel.to_edit, "31/12/2025")
    message = panel.errors.text("period_to")
    assert "antérieur au début de la période" in message
    assert panel.errors["period_to"].isVisible()

    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert not page.is_generating()
    assert page.page_count_text() == "Aucun aperçu"

    type_date(qtbot, panel.from_edit, "32/01/2026")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert "n'existe pas dans le calendrier" in panel.errors.text("period_from")
    assert not page.is_generating()

    type_date(qtbot, panel.from_edit, "01/01/2026")
    type_date(qtbot, panel.to_edit, "21/11/2026")
    panel.read()
    assert not panel.errors["period_to"].isVisible()


def test_no_section_is_refused(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    for box in page.options_panel.section_boxes.values():
        box.setChecked(False)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert "au moins une section" in page.options_panel.errors.text("sections")
    assert not page.is_generating()


def test_findings_list_the_pre_send_check(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    model = page.findings_model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    tid = context.territory_id
    assert tid is not None
    expected = context.services.reports.pre_send_check(
        tid, ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 11, 21)), context.today
    )
    assert expected, "the demo has weaknesses to show"
    assert model.findings() == expected
    assert page.findings_count.text() == f"{len(expected)} points à vérifier"
    assert model.index(0, FindingColumn.KIND).data() == expected[0].kind.label

    row = next(row for row, finding in enumerate(expected) if finding.action_id is not None)
    action = context.services.actions.get(expected[row].action_id or 0)
    subject = f"{action.code} – {action.title}"
    assert model.index(row, FindingColumn.SUBJECT).data() == subject
    detail = expected[row].message.removeprefix(f"{subject} : ")
    assert model.index(row, FindingColumn.MESSAGE).data() == detail[0].upper() + detail[1:]
    assert model.index(row, FindingColumn.MESSAGE).data(Qt.ItemDataRole.ToolTipRole) == expected[row].message
    view = page.findings_view
    page.tabs.setCurrentIndex(1)
    view.scrollTo(model.index(row, FindingColumn.MESSAGE))
    rect = view.visualRect(model.index(row, FindingColumn.MESSAGE))
    with qtbot.waitSignal(context.action_open_requested) as opened:
        # A real double-click starts with a press: the view only reports it on the pressed item.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [action.id]


def test_findings_follow_the_period(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    type_date(qtbot, page.options_panel.from_edit, "01/01/2020")
    type_date(qtbot, page.options_panel.to_edit, "31/01/2020")
    tid = context.territory_id
    assert tid is not None
    expected = context.services.reports.pre_send_check(
        tid, ReportOptions(dt.date(2020, 1, 1), dt.date(2020, 1, 31)), context.today
    )
    assert page.findings_model.findings() == expected


def test_generate_shows_the_pdf(qtbot: QtBot, context: TestContext, tmp_path: Path) -> None:
    page = make_page(qtbot, context)
    with qtbot.waitSignal(page.generation_finished, timeout=TIMEOUT):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
        assert page.is_generating()
        assert page.cancel_button.isEnabled()
    assert not page.is_generating()
    assert not page.error_label.isVisible(), page.error_label.text()
    pages = page.document.pageCount()
    assert pages > 3
    assert page.page_count_text() == f"{pages} pages"
    assert page.preview_stack.currentWidget() is page.pdf_view
    assert page.save_button.isEnabled()

    target = page.save_to(tmp_path / "rapport")
    assert target == tmp_path / "rapport.pdf"
    reader = PdfReader(str(target))
    assert len(reader.pages) == pages
    text = "".join(pdf_page.extract_text() for pdf_page in reader.pages[:3])
    assert "Sarre-Vosges du Nord" in text
    assert "Rapport enregistré" in page.state_label.text()

    # The next generation replaces the preview; changing an option says the preview is out of date.
    generate(qtbot, page)
    assert page.document.pageCount() == pages
    page.options_panel.annex_box.click()
    assert "générez-le à nouveau" in page.state_label.text()


def test_cancel_right_away(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_generating(), timeout=TIMEOUT)
    assert page.error_label.text() == "Génération du rapport annulée."
    assert page.page_count_text() == "Aucun aperçu"
    assert page.preview_stack.currentWidget() is page.empty_preview
    assert not page.save_button.isEnabled()
    assert page.generate_button.isEnabled()


def test_generation_error_is_shown_in_french(qtbot: QtBot, context: TestContext, tmp_path: Path) -> None:
    page = make_page(qtbot, context)
    page.options_panel.set_logo(tmp_path / "absent.png")
    generate(qtbot, page)
    assert page.error_label.isVisible()
    assert "n'est pas une image lisible" in page.error_label.text()
    assert page.page_count_text() == "Aucun aperçu"
    assert page.generate_button.isEnabled()


def test_a_report_open_in_a_pdf_reader_is_saved_under_another_name(
    qtbot: QtBot,
    context: TestContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    hold_open: Callable[[Path], None],
) -> None:
    """Windows: the previous report is open in a PDF reader, so it cannot be replaced (sharing violation). The user
    is told why, offered « Rapport (2).pdf » beside it, and the generated PDF is saved there; the old one is intact."""
    page = make_page(qtbot, context)
    generate(qtbot, page)
    folder = tmp_path / "Envois à la Région"
    folder.mkdir()
    target = folder / "Rapport.pdf"
    target.write_bytes(b"%PDF-1.4 the version open in the reader")
    hold_open(target)
    warnings: list[str] = []

    def warning(_parent: object, _title: str, text: str, *_buttons: object) -> QMessageBox.StandardButton:
        warnings.append(text)
        return QMessageBox.StandardButton.Save

    suggested: list[str] = []

    def save_dialog(_parent: object, _title: str, proposed: str, _filter: str) -> tuple[str, str]:
        suggested.append(proposed)
        return proposed, ""

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)

    written = page.save_to(target)

    assert warnings[0].startswith(
        f"« Rapport.pdf » (dans « {folder} ») est ouvert dans un autre programme (lecteur PDF, Excel…) : "
        "fermez-le, ou enregistrez sous un autre nom."
    )
    assert suggested == [str(folder / "Rapport (2).pdf")]
    assert written == folder / "Rapport (2).pdf"
    assert len(PdfReader(str(written)).pages) == page.document.pageCount()
    assert target.read_bytes() == b"%PDF-1.4 the version open in the reader"
    assert sorted(path.name for path in folder.iterdir()) == ["Rapport (2).pdf", "Rapport.pdf"]
    assert "Rapport enregistré" in page.state_label.text() and not page.error_label.isVisible()
    qtbot.wait(50)  # the layout settles once the error line is hidden
    page.grab().save(str(tmp_path / "rapport-enregistre-ailleurs.png"))

    # Giving up keeps the message on the page, and the preview to save later.
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: QMessageBox.StandardButton.Cancel)
    assert page.save_to(target) is None
    assert page.error_label.isVisible() and "est ouvert dans un autre programme" in page.error_label.text()
    assert page.save_button.isEnabled() and target.read_bytes() == b"%PDF-1.4 the version open in the reader"


def test_default_file_name_is_safe(qapp: object) -> None:
    options = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 11, 21))
    name = default_file_name('TI "Nord/Sud": A*B', options)
    assert name == "Rapport d'avancement — TI Nord Sud A B — du 01-01-2026 au 21-11-2026.pdf"


def test_mark_as_sent(qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch) -> None:
    page = make_page(qtbot, context)
    tid = context.territory_id
    assert tid is not None
    assert context.services.reports.latest_snapshot(tid) is None
    assert "Aucun rapport" in page.last_sent_label.text()

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.mark_sent_button, Qt.MouseButton.LeftButton)
    assert context.services.reports.latest_snapshot(tid) is None

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.mark_sent_button, Qt.MouseButton.LeftButton)
    snapshot = context.services.reports.latest_snapshot(tid)
    assert snapshot is not None
    assert page.sent_label.text() == "Rapport marqué comme envoyé le 21/11/2026"
    assert page.sent_label.isVisible()
    assert snapshot.label in page.last_sent_label.text()
    assert page.last_sent_label.text().startswith("Dernier rapport envoyé : ")
    assert "01/01/2026" in snapshot.label
