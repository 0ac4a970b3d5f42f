"""How long a Région's consolidation takes: 183 territories' reports of 100 actions each, added to a fresh base
(`ConsolidationService.add_files`: read, check against the schema and the checksum, store in one transaction),
then the consolidated view (`view`: read back and add up).

The documents come from one real report (a 100-action plan, `large_plan.py`), varied per territory (name, national
code, amounts), each resealed: realistic sizes. Most are JSON files, a few PDFs (`--pdfs`). Prints the medians of
`--runs` runs, the time the schema validation alone takes, and the peak memory (tracemalloc, in a separate run).
Run: `PYTHONPATH=. python benchmarks/bench_consolidation.py [--runs 5] [--territories 183] [--pdfs 10]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Result, print_results
from large_plan import build_large_plan
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from ti_desktop.domain.data_documents import DocumentFormat, seal
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.exchange.received_files import Validators, read_received
from ti_desktop.kernel.clock import FixedClock
from ti_desktop.paths import resource_path
from ti_desktop.reports.pdf_data import embed_data
from ti_desktop.services.maintenance import open_services

TODAY = dt.date(2026, 11, 21)
AMOUNT_KEYS = ("planned_budget", "granted", "requested", "paid", "induced_investment")


def one_report(folder: Path, actions: int) -> dict[str, Any]:
    """The data of a real report of a plan of `actions` actions."""
    database = folder / "plan.sqlite3"
    build_large_plan(database, actions)
    opened = open_services(database, clock=FixedClock.on(TODAY))
    try:
        territory = opened.services.territories.resolve(None)
        pdf = opened.services.reports.write_pdf(
            territory.id, ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 6, 30)), folder / "modele.pdf", TODAY
        )
    finally:
        opened.close()
    envelope = json.loads(PdfReader(pdf).attachments[DocumentFormat.RAPPORT.attachment_name][0])
    data: dict[str, Any] = envelope["data"]
    return data


def varied(data: dict[str, Any], number: int) -> dict[str, Any]:
    """Territory `number`'s report: another name and code, its amounts scaled."""
    copy: dict[str, Any] = json.loads(json.dumps(data))
    copy["territory"] = {**copy["territory"], "name": f"Territoire n° {number:03d}", "national_code": f"T{number:04d}"}
    factor = Decimal(100 + number % 37) / 100

    def scale(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: (
                    f"{(Decimal(value) * factor).quantize(Decimal('0.01')):f}"
                    if isinstance(value, str) and key in AMOUNT_KEYS
                    else scale(value)
                )
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [scale(item) for item in node]
        return node

    return scale(copy)  # type: ignore[no-any-return]


def plain_pdf() -> bytes:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer)
    drawing.drawString(100, 700, "Rapport d'avancement")
    drawing.save()
    return buffer.getvalue()


def write_documents(folder: Path, data: dict[str, Any], territories: int, pdfs: int) -> int:
    received = folder / "recus"
    received.mkdir()
    page = plain_pdf()
    size = 0
    for number in range(1, territories + 1):
        document = seal(DocumentFormat.RAPPORT, varied(data, number))
        if number <= pdfs:
            path = received / f"rapport-{number:03d}.pdf"
            path.write_bytes(embed_data(page, document))
        else:
            path = received / f"rapport-{number:03d}.json"
            path.write_bytes(document.to_bytes())
        size += path.stat().st_size
    return size


def run_once(folder: Path, run: int) -> tuple[float, float, int]:
    opened = open_services(folder / f"region-{run}.sqlite3", clock=FixedClock.on(TODAY))
    try:
        start = time.perf_counter()
        outcome = opened.services.consolidation.add_files([folder / "recus"])
        added = time.perf_counter() - start
        assert not outcome.refused, outcome.refused[0].message
        start = time.perf_counter()
        view = opened.services.consolidation.view(TODAY)
        viewed = time.perf_counter() - start
    finally:
        opened.close()
    return added, viewed, len(view.territories)


def measure(runs: int, territories: int, actions: int, pdfs: int, work: Path) -> list[Result]:
    folder = work / "consolidation"
    folder.mkdir()
    data = one_report(folder, actions)
    write_documents(folder, data, territories, pdfs)
    label = f"{territories}×{len(data['actions'])}"
    timings = [run_once(folder, run) for run in range(runs)]
    # Reading and checking alone, with and without the JSON Schema validation.
    reading, unvalidated = [], []
    for _ in range(runs):
        start = time.perf_counter()
        read_received([folder / "recus"], Validators(resource_path("schemas")))
        reading.append(time.perf_counter() - start)
        start = time.perf_counter()
        read_received([folder / "recus"], Validators(folder / "aucun-schema"))
        unvalidated.append(time.perf_counter() - start)
    tracemalloc.start()
    run_once(folder, runs)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    results = [
        Result("consolidation: add_files (fresh base)", label, [r[0] for r in timings], "s"),
        Result("consolidation: view", label, [r[1] for r in timings], "s"),
        Result("consolidation: read + checks", label, reading, "s"),
        Result("consolidation: read + checks, no JSON Schema", label, unvalidated, "s"),
        Result("consolidation: Python peak (tracemalloc)", label, [peak / 1e6], "MB"),
    ]
    # The regional synthesis of the whole programme, as a PDF and as an xlsx (each carries every report).
    opened = open_services(folder / "region-0.sqlite3", clock=FixedClock.on(TODAY))
    try:
        for suffix in ("pdf", "xlsx"):
            times = []
            for _ in range(max(1, runs // 2)):
                start = time.perf_counter()
                opened.services.synthesis.write(folder / f"synthese.{suffix}", TODAY)
                times.append(time.perf_counter() - start)
            results.append(Result(f"consolidation: regional synthesis .{suffix}", label, times, "s"))
    finally:
        opened.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--territories", type=int, default=183)
    parser.add_argument("--actions", type=int, default=100)
    parser.add_argument("--pdfs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        results = measure(args.runs, args.territories, args.actions, args.pdfs, Path(name))
    print_results(results)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"processus : {rss:.0f} Mo au plus")


if __name__ == "__main__":
    main()
