"""The meeting page says of its minutes what their PDF says: once the meeting is closed, « Compte rendu » reads
« Validé » (no longer « Brouillon ») on the page and in the PDF, and can no longer be set back."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.domain.enums import MinutesState
from ti_desktop.reports.minutes import DRAFT

from .conftest import TODAY
from .test_meetings_page import current_meeting, make_page, say_yes


def minutes_text(context: TestContext, meeting_id: int, path: Path) -> str:
    written = context.services.minutes.write_pdf(meeting_id, path, TODAY)
    text = " ".join(page.extract_text() for page in PdfReader(written).pages)
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def test_a_closed_meetings_minutes_read_validated_on_the_page_as_in_the_pdf(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    say_yes(monkeypatch)
    page = make_page(qtbot, context)
    detail = page.detail
    meeting_id = current_meeting(page)
    combo = detail.minutes_state_combo
    assert context.services.meetings.get(meeting_id).minutes_state is MinutesState.BROUILLON
    assert combo.currentText() == MinutesState.BROUILLON.label and combo.isEnabled()
    draft = minutes_text(context, meeting_id, tmp_path / "projet.pdf")
    assert DRAFT in draft and f"Compte rendu {combo.currentText()} (réunion non close)" in draft

    qtbot.mouseClick(detail.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: combo.currentText() == MinutesState.VALIDE.label)
    assert not combo.isEnabled() and "close" in combo.toolTip()
    final = minutes_text(context, meeting_id, tmp_path / "final.pdf")
    assert DRAFT not in final and f"Compte rendu {combo.currentText()}" in final
