"""Every chart of a PDF is accompanied by its figures in text, and statuses are written as words (never a colour
alone): read back from the demo's progress report with pypdf and compared with the database."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from ti_desktop.domain.enums import DecisionState, FundingStatus
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.kernel.formatting import format_date, format_euros, format_number
from ti_desktop.reports.progress.funding import CHART_FIGURES
from ti_desktop.reports.status_words import STATUS_WORDS
from ti_desktop.services.maintenance import OpenDatabase, open_services

from ..clock import TODAY, fixed_clock

OPTIONS = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 11, 30))


def plain(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.fixture
def demo(demo_db: Path) -> Iterator[OpenDatabase]:
    handle = open_services(demo_db, clock=fixed_clock())
    yield handle
    handle.close()


@pytest.fixture
def report_text(demo: OpenDatabase, tmp_path: Path) -> str:
    services = demo.services
    tid = services.territories.resolve(None).id
    output = services.reports.write_pdf(tid, OPTIONS, tmp_path / "rapport.pdf", TODAY)
    return plain(" ".join(page.extract_text() for page in PdfReader(output).pages))


def test_each_axis_chart_says_its_counts_by_status(demo: OpenDatabase, report_text: str) -> None:
    services = demo.services
    tid = services.territories.resolve(None).id
    public = [action for action in services.actions.for_territory(tid) if not action.confidential]
    for axis in services.axes.available_to(tid):
        counts = Counter(action.status for action in public if action.axis_id == axis.id)
        if not counts:
            continue
        words = ", ".join(
            f"{format_number(counts[status])} {one if counts[status] < 2 else many}"
            for status, (one, many) in STATUS_WORDS.items()
            if counts[status]
        )
        part = report_text[
            report_text.index(f"{axis.code} – {axis.label} ", report_text.index("Avancement par axe INN – ")) :
        ]
        assert f"Par statut : {words}" in part[:600], axis.code


def test_the_funding_chart_is_followed_by_its_figures(demo: OpenDatabase, report_text: str) -> None:
    services = demo.services
    tid = services.territories.resolve(None).id
    start = report_text.index("Financements par financeur")
    part = report_text[start : report_text.index("Par programme", start)]
    assert plain(CHART_FIGURES) in part
    lines = [
        line
        for action in services.actions.for_territory(tid)
        if not action.confidential
        for line in services.funding.list(action_id=action.id)
    ]
    requested = sum(
        line.amount_requested
        for line in lines
        if line.status is not FundingStatus.ENVISAGE and line.status is not FundingStatus.REFUSE
    )
    assert f"Total {format_number(len(lines))} {plain(format_euros(requested))}" in part


def test_each_trend_chart_has_its_measures_in_text(demo: OpenDatabase, report_text: str) -> None:
    services = demo.services
    tid = services.territories.resolve(None).id
    part = report_text[report_text.index("Mesures représentées dans les tendances") :]
    checked = 0
    for indicator in services.indicators.list(territory_id=tid):
        values = [value for value in services.indicator_values.list(indicator_id=indicator.id)]
        values = [value for value in values if value.measured_on <= OPTIONS.period_to]
        if indicator.baseline_value is None or not values:
            continue
        latest = max(values, key=lambda value: value.measured_on)
        start = part.index(plain(f"{indicator.name} : "))
        line = part[start : part.index(".", part.index("cible", start))]
        assert f"le {format_date(indicator.baseline_on)} (référence)" in line, indicator.name
        assert f"{plain(format_number(latest.value))}" in line and f"le {format_date(latest.measured_on)}" in line
        checked += 1
    assert checked >= 3


def test_an_overdue_decision_says_so_in_words(demo: OpenDatabase, report_text: str) -> None:
    services = demo.services
    overdue = [
        decision
        for decision in services.decisions.list()
        if decision.state is DecisionState.A_FAIRE and decision.due_on is not None and decision.due_on < TODAY
    ]
    assert overdue  # the demo has one
    pending = report_text[report_text.index("Décisions en attente Décision") :]
    for decision in overdue:
        assert f"{format_date(decision.due_on)} dépassée" in pending
