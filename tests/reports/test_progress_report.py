"""The report's PDF from hand-made data: markup is printed literally, no file is opened, fonts cover French."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from ti_desktop.domain.enums import ActionStatus, FundingStatus, IndicatorDirection
from ti_desktop.domain.report_options import ReportOptions, ReportSection
from ti_desktop.domain.summaries import count_by_status, funding_summary
from ti_desktop.kernel.formatting import format_euros
from ti_desktop.reports import fonts
from ti_desktop.reports.data import (
    ActionRow,
    ActionSheet,
    AxisPart,
    EvolutionsPart,
    FundingGroupRow,
    FundingLineRow,
    FundingPart,
    IndicatorRow,
    MilestoneRow,
    MilestonesPart,
    ReportData,
    StatusChangeRow,
    SynthesisData,
    UpdateRow,
)
from ti_desktop.reports.progress import build_progress_report

HOSTILE = 'AT&T <b>x</b> <img src="/etc/hostname"/>'
ZERO = Decimal("0")


def normalise(text: str) -> str:
    """Whitespace of any kind (U+202F, NBSP, line breaks) as one space."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def row(code: str, title: str, status: ActionStatus = ActionStatus.EN_COURS, late: bool = False) -> ActionRow:
    return ActionRow(
        id=hash(code) % 10_000,
        code=code,
        title=title,
        lead=HOSTILE,
        status=status,
        progress=45,
        planned_start=dt.date(2025, 1, 1),
        planned_end=dt.date(2026, 3, 15),
        planned_budget=Decimal("1250000"),
        secured_funding=Decimal("48500.50"),
        late=late,
    )


def make_data(**overrides: Any) -> ReportData:
    rows = (row("INN-01", HOSTILE, late=True), row("INN-02", "Œuvre collective – l’atelier", ActionStatus.REALISEE))
    counts = count_by_status([])
    totals = funding_summary([], Decimal("2500000"))
    options = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 6, 30), annex=True)
    values: dict[str, Any] = {
        "options": options,
        "territory": HOSTILE,
        "region": "Grand Est",
        "generated_on": dt.date(2026, 7, 2),
        "app_version": "9.9.9",
        "chef_de_projet": (HOSTILE,),
        "confidential_left_out": 3,
        "synthesis": SynthesisData(
            status_counts=counts,
            planned_budget=Decimal("2500000"),
            spent_to_date=ZERO,
            actions_without_budget=0,
            funding=totals,
            jobs_targeted=12,
            jobs_created=0,
            induced_investment=Decimal(0),
            achieved_investment=Decimal(0),
            late_actions=(),
            flagged_updates=(),
            overdue_milestones=0,
            pending_decisions=(),
        ),
        "axes": (AxisPart("INN", HOSTILE, "not-a-colour", counts, rows, Decimal("2500000"), Decimal("97001")),),
        "funding": FundingPart(
            by_funder=(FundingGroupRow(HOSTILE, 1, Decimal("100"), Decimal("50"), ZERO),),
            by_programme=(FundingGroupRow("Fonds vert", 1, Decimal("100"), Decimal("50"), ZERO),),
            totals=totals,
        ),
        "indicators": (
            IndicatorRow(
                HOSTILE,
                "emplois",
                None,
                IndicatorDirection.HAUSSE,
                10.0,
                dt.date(2024, 1, 1),
                12.5,
                dt.date(2026, 1, 1),
                20.0,
                dt.date(2027, 1, 1),
                0.25,
                ((dt.date(2024, 1, 1), 10.0), (dt.date(2026, 1, 1), 12.5)),
            ),
        ),
        "milestones": MilestonesPart(
            reached=(MilestoneRow("INN-01", HOSTILE, HOSTILE, dt.date(2026, 2, 1), dt.date(2026, 2, 3)),),
            upcoming=(),
            overdue=(),
        ),
        "evolutions": EvolutionsPart(
            "Historique.",
            (StatusChangeRow("INN-01", HOSTILE, ActionStatus.A_VENIR, ActionStatus.EN_COURS, dt.date(2026, 3, 1)),),
            rows[:1],
        ),
        "annex": (
            ActionSheet(
                row=rows[0],
                axis=HOSTILE,
                lead_contact=HOSTILE,
                description=f"{HOSTILE}\nx<y & z>w",
                expected_results=None,
                pilot=None,
                partners=((HOSTILE, HOSTILE),),
                funding=(FundingLineRow(HOSTILE, HOSTILE, Decimal(1), None, FundingStatus.DEPOSE, None),),
                milestones=(),
                updates=(
                    UpdateRow(dt.date(2026, 5, 1), HOSTILE, ActionStatus.EN_COURS, 45, HOSTILE, HOSTILE, None, True),
                ),
            ),
        ),
    }
    values.update(overrides)
    return ReportData(**values)


def render(data: ReportData) -> tuple[str, PdfReader]:
    buffer = io.BytesIO()
    build_progress_report(data, buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_markup_in_user_text_prints_literally_and_opens_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if "hostname" in str(file):
            opened.append(str(file))
            raise AssertionError("the report tried to open /etc/hostname")
        return real_open(file, *args, **kwargs)

    import reportlab.lib.utils as rl_utils

    real_open_for_read = rl_utils.open_for_read

    def guarded_open_for_read(name: Any, *args: Any, **kwargs: Any) -> Any:
        if "hostname" in str(name):
            opened.append(str(name))
            raise AssertionError("the report tried to read /etc/hostname")
        return real_open_for_read(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(rl_utils, "open_for_read", guarded_open_for_read)
    text, _reader = render(make_data())
    flat = normalise(text)
    assert opened == []
    assert flat.count(normalise(HOSTILE)) >= 5  # cover, headers, tables, annex…
    assert "x<y & z>w" in flat


def test_fonts_cover_french_typography() -> None:
    family = fonts.register_fonts()
    assert fonts.register_fonts() == family  # idempotent
    for name in (fonts.FAMILY, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        face = pdfmetrics.getFont(name).face
        for char in "éœ€’\u202fÉ«»":
            assert ord(char) in face.charToGlyph, (name, char)
    text, _reader = render(make_data())
    assert "Œuvre collective – l’atelier" in text
    # Plain table cells keep the narrow no-break space of French amounts.
    assert format_euros(Decimal("1250000")) in text
    assert "1\u202f250\u202f000\u202f€" in text


def test_page_numbers_footer_version_and_confidential_note() -> None:
    text, reader = render(make_data())
    total = len(reader.pages)
    assert f"Page 1 / {total}" in text
    assert f"Page {total} / {total}" in text
    assert "TI Desktop 9.9.9" in text
    assert "3 fiches-actions confidentielles ont été laissées de côté" in normalise(text)


def test_sections_can_be_left_out() -> None:
    options = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 6, 30), sections=frozenset({ReportSection.JALONS}))
    text, _reader = render(make_data(options=options))
    assert "Jalons atteints" in text
    assert "Par financeur" not in text
    assert "Annexe" not in text


def test_period_must_be_in_order() -> None:
    from ti_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError, match="antérieur au début de la période"):
        ReportOptions(dt.date(2026, 6, 30), dt.date(2026, 1, 1))


def test_unreadable_logo_is_a_french_error(tmp_path: Path) -> None:
    from ti_desktop.domain.errors import TiDesktopError

    logo = tmp_path / "logo.png"
    logo.write_text("pas une image")
    options = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 6, 30), logo=logo)
    with pytest.raises(TiDesktopError, match="Logo"):
        render(make_data(options=options))


def test_progress_steps_reach_the_end() -> None:
    steps: list[tuple[int, int]] = []
    build_progress_report(make_data(), io.BytesIO(), lambda done, total: steps.append((done, total)))
    assert steps[-1][0] == steps[-1][1]
    assert all(re.fullmatch(r"\d+", str(done)) for done, _ in steps)
