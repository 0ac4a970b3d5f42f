"""The progress report on the demo database, read back with pypdf and checked against the records."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from ti_desktop.domain.enums import ActionStatus, FundingStatus
from ti_desktop.domain.report_options import FindingKind, ReportOptions
from ti_desktop.kernel.formatting import format_euros
from ti_desktop.services.maintenance import OpenDatabase, open_services
from ti_desktop.services.registry import Services
from ti_desktop.services.reporting import ReportCancelled

from ..clock import TODAY, fixed_clock

OPTIONS = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 11, 30))


def normalise(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def contains_code(text: str, code: str) -> bool:
    return re.search(rf"(?<![\w.-]){re.escape(code)}(?![\w]|\.\d)", text) is not None


@pytest.fixture
def demo(demo_db: Path) -> Iterator[OpenDatabase]:
    handle = open_services(demo_db, clock=fixed_clock())
    yield handle
    handle.close()


def territory_id(services: Services) -> int:
    return services.territories.resolve(None).id


def test_report_shows_every_public_action_and_no_confidential_one(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    tid = territory_id(services)
    output = services.reports.write_pdf(tid, OPTIONS, tmp_path / "rapport.pdf", TODAY)
    text, pages = pdf_text(output)
    actions = services.actions.for_territory(tid)
    public = [action for action in actions if not action.confidential]
    hidden = [action for action in actions if action.confidential]
    assert hidden and public
    for action in public:
        assert action.code and contains_code(text, action.code), action.code
    for action in hidden:
        assert action.code and not contains_code(text, action.code), action.code
        assert normalise(action.title) not in normalise(text)
    assert f"Page 1 / {pages}" in text
    assert f"Page {pages} / {pages}" in text
    assert f"{len(hidden)} fiches-actions confidentielles ont été laissées de côté" in normalise(text)
    # Dated by the report's day (the caller's clock), not by the machine reportlab would ask.
    metadata = PdfReader(output).metadata
    assert metadata is not None and metadata["/CreationDate"] == metadata["/ModDate"] == f"D:{TODAY:%Y%m%d}"


def test_key_figures_show_targeted_and_achieved_outcomes(demo: OpenDatabase, tmp_path: Path) -> None:
    """Emplois créés (constatés) and investissement réalisé beside the targeted figures, as the database has them."""
    services = demo.services
    tid = territory_id(services)
    public = [action for action in services.actions.for_territory(tid) if not action.confidential]
    live = [action for action in public if action.status is not ActionStatus.ABANDONNEE]
    created = sum(action.jobs_created or 0 for action in public)
    targeted = sum(action.jobs_targeted or 0 for action in live)
    achieved = sum((action.achieved_investment or Decimal(0) for action in public), Decimal(0))
    induced = sum((action.induced_investment or Decimal(0) for action in live), Decimal(0))
    assert created > 0 and achieved > 0  # the demo has some
    output = services.reports.write_pdf(tid, OPTIONS, tmp_path / "rapport.pdf", TODAY)
    pages = [page.extract_text() for page in PdfReader(output).pages]
    synthesis = normalise(next(page for page in pages if "Situation du plan d'action" in page))
    assert f"{created} emplois créés (constatés)" in synthesis
    assert f"{targeted} emplois visés" in synthesis
    assert f"{round(100 * created / targeted)} % des emplois visés, créés" in synthesis
    assert f"{normalise(format_euros(achieved))} investissement réalisé" in synthesis
    assert f"{normalise(format_euros(induced))} investissement induit attendu" in synthesis


def test_synthesis_totals_match_the_records(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    tid = territory_id(services)
    public = [action for action in services.actions.for_territory(tid) if not action.confidential]
    planned = sum((action.planned_budget or Decimal(0) for action in public), Decimal(0))
    requested = granted = paid = Decimal(0)
    for action in public:
        for line in services.funding.list(action_id=action.id):
            if line.status in (FundingStatus.DEPOSE, FundingStatus.ACCORDE, FundingStatus.VERSE):
                requested += line.amount_requested
            if line.status in (FundingStatus.ACCORDE, FundingStatus.VERSE):
                granted += line.amount_granted or 0
            if line.status is FundingStatus.VERSE:
                paid += line.amount_granted or 0
    assert planned > 0 and requested > 0 and granted > 0 and paid > 0
    output = services.reports.write_pdf(tid, OPTIONS, tmp_path / "rapport.pdf", TODAY)
    pages = [page.extract_text() for page in PdfReader(output).pages]
    synthesis = normalise(next(page for page in pages if "Situation du plan d'action" in page))
    for amount, label in (
        (planned, "budget prévu"),
        (granted, "financements acquis"),
        (requested, "financements demandés"),
        (paid, "financements versés"),
    ):
        assert f"{normalise(format_euros(amount))} {label}" in synthesis, label
    data = services.reports.assemble(tid, OPTIONS, TODAY)
    assert data.synthesis is not None
    assert data.synthesis.planned_budget == planned
    assert (data.synthesis.funding.requested, data.synthesis.funding.granted) == (requested, granted)
    assert data.synthesis.funding.paid == paid
    assert data.confidential_left_out == 2


def test_cancelled_build_keeps_the_previous_file_and_leaves_no_temporary(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    tid = territory_id(services)
    folder = tmp_path / "envois"
    folder.mkdir()
    output = folder / "rapport.pdf"
    output.write_bytes(b"%PDF-previous")
    calls = 0

    def cancel_midway() -> bool:
        nonlocal calls
        calls += 1
        return calls > 40

    progress: list[tuple[int, int]] = []
    with pytest.raises(ReportCancelled, match="annulée"):
        services.reports.write_pdf(
            tid, OPTIONS, output, TODAY, progress=lambda d, t: progress.append((d, t)), cancelled=cancel_midway
        )
    assert calls > 40 and progress
    assert output.read_bytes() == b"%PDF-previous"
    assert sorted(path.name for path in folder.iterdir()) == ["rapport.pdf"]
    # A full run replaces it, with progress reaching the end.
    progress.clear()
    services.reports.write_pdf(tid, OPTIONS, output, TODAY, progress=lambda d, t: progress.append((d, t)))
    assert output.read_bytes().startswith(b"%PDF-1.")
    assert progress[-1] == (100, 100)
    assert sorted(path.name for path in folder.iterdir()) == ["rapport.pdf"]


def test_pre_send_check_lists_what_is_missing(demo: OpenDatabase) -> None:
    services = demo.services
    tid = territory_id(services)
    public = [action for action in services.actions.for_territory(tid) if not action.confidential]
    target = public[0]
    services.actions.update(target.id, lead_actor_id=None, planned_budget=None, planned_start=None)
    indicator = services.indicators.create(territory_id=tid, name="Surface végétalisée", unit="ha")
    findings = services.reports.pre_send_check(tid, OPTIONS, TODAY)
    kinds = {(finding.kind, finding.action_id, finding.indicator_id) for finding in findings}
    assert (FindingKind.SANS_PORTEUR, target.id, None) in kinds
    assert (FindingKind.SANS_BUDGET, target.id, None) in kinds
    assert (FindingKind.SANS_DATES, target.id, None) in kinds
    assert (FindingKind.INDICATEUR_SANS_VALEUR, None, indicator.id) in kinds
    assert all(finding.message and finding.kind.label for finding in findings)
    confidential = {action.id for action in services.actions.for_territory(tid) if action.confidential}
    assert not any(finding.action_id in confidential for finding in findings)


def test_mark_sent_then_evolutions_compare_with_the_snapshot(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    tid = territory_id(services)
    assert services.reports.latest_snapshot(tid) is None
    first = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    snapshot = services.reports.mark_sent(tid, first)
    assert snapshot.label == "Rapport du 01/01/2026 au 30/06/2026 envoyé à la Région"
    assert services.reports.latest_snapshot(tid) == snapshot
    public = [action for action in services.actions.for_territory(tid) if not action.confidential]
    moved = next(action for action in public if action.status is ActionStatus.EN_COURS)
    services.actions.update(moved.id, status=ActionStatus.BLOQUEE)
    data = services.reports.assemble(tid, OPTIONS, TODAY)
    assert data.evolutions is not None
    assert "Rapport du 01/01/2026 au 30/06/2026" in data.evolutions.source
    changes = [(c.action, c.old, c.new) for c in data.evolutions.status_changes]
    assert changes == [(moved.code, ActionStatus.EN_COURS, ActionStatus.BLOQUEE)]
    # The snapshot of this very period is not "the previous report".
    services.reports.mark_sent(tid, OPTIONS, label="Rapport annuel 2026")
    again = services.reports.assemble(tid, OPTIONS, TODAY)
    assert again.evolutions is not None and "30/06/2026" in again.evolutions.source


def test_a_thousand_action_territory_builds(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    try:
        from large_plan import build_large_plan
    finally:
        sys.path.pop(0)
    path = tmp_path / "grand.sqlite3"
    build_large_plan(path, 1000)
    handle = open_services(path, clock=fixed_clock())
    try:
        services = handle.services
        tid = territory_id(services)
        output = services.reports.write_pdf(tid, OPTIONS, tmp_path / "grand.pdf", TODAY)
    finally:
        handle.close()
    text, pages = pdf_text(output)
    assert pages > 30
    assert contains_code(text, "A-00000") and contains_code(text, "A-00999")


def test_assembly_queries_do_not_grow_with_the_actions(tmp_path: Path) -> None:
    """One query per section (or per batch of loaded rows), never one per action: a plan of 20 actions and one
    of 400 are assembled with the same number of queries."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    try:
        from large_plan import build_large_plan
    finally:
        sys.path.pop(0)
    counts = []
    for size in (20, 400):
        path = tmp_path / f"plan-{size}.sqlite3"
        build_large_plan(path, size)
        handle = open_services(path, clock=fixed_clock())
        queries = 0

        def count(*_: object) -> None:
            nonlocal queries
            queries += 1

        try:
            services = handle.services
            tid = territory_id(services)
            options = ReportOptions(OPTIONS.period_from, OPTIONS.period_to, annex=True)
            event.listen(Engine, "before_cursor_execute", count)
            try:
                data = services.reports.assemble(tid, options, TODAY)
            finally:
                event.remove(Engine, "before_cursor_execute", count)
        finally:
            handle.close()
        assert len(data.annex) == size
        counts.append(queries)
    assert counts[0] == counts[1]
