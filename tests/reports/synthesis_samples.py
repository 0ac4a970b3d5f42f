"""Received reports for the synthesis tests: real progress report PDFs of the demo territory, read back through
their `rapport-avancement.json` attachment, then varied (name, national code, figures, dates) into as many
territories as a Région receives, each re-sealed as its own application would have."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import json
import re
import sqlite3
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from ti_desktop.domain.consolidation import ReceivedReport
from ti_desktop.domain.data_documents import checksum

_AMOUNT = re.compile(r"^-?[0-9]+\.[0-9]{2}$")
_JOBS = {"jobs_targeted", "jobs_created"}
PLACES = [
    "Sarre-Vosges du Nord",
    "Vallée de la Bruche",
    "Ardennes métallurgiques",
    "Pays de Montbéliard",
    "Sud Alsace",
    "Val de Meuse",
    "Haute-Marne Industrie",
    "Thionville – Trois Frontières",
    "Bassin de Longwy",
    "Épinal Vosges",
    "Reims – Champagne",
    "Troyes Aube",
    "Saint-Dié-des-Vosges",
    "Saverne – Sarrebourg",
    "Haguenau Nord Alsace",
    "Colmar Centre-Alsace",
    "Chaumont – Langres",
    "Sedan – Charleville",
    "Forbach Moselle-Est",
    "Bar-le-Duc Sud Meuse",
]


def read_attachment(pdf: bytes) -> dict[str, Any]:
    """The envelope a report PDF carries."""
    envelope: dict[str, Any] = json.loads(PdfReader(io.BytesIO(pdf)).attachments["rapport-avancement.json"][0])
    return envelope


def _scaled(value: Any, factor: Decimal, key: str = "") -> Any:
    if isinstance(value, dict):
        return {name: _scaled(item, factor, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_scaled(item, factor, key) for item in value]
    if isinstance(value, str) and _AMOUNT.match(value):
        return f"{(Decimal(value) * factor).quantize(Decimal('0.01')):f}"
    if key in _JOBS and isinstance(value, int) and not isinstance(value, bool):
        return round(value * factor)
    return value


def varied(
    data: dict[str, Any], index: int, *, generated_on: dt.date | None = None, share: Decimal = Decimal(1)
) -> dict[str, Any]:
    """Territory `index`'s version of `data`: its own name and code, its figures scaled (then times `share`)."""
    result: dict[str, Any] = _scaled(copy.deepcopy(data), Decimal(100 + 17 * (index % 9)) / 100 * share)
    place = PLACES[index % len(PLACES)] + ("" if index < len(PLACES) else f" {index // len(PLACES) + 1}")
    result["territory"]["name"] = f"Territoire d'industrie {place}"
    result["territory"]["national_code"] = f"TI-{index:03d}"
    if generated_on is not None:
        result["generated_on"] = generated_on.isoformat()
    return result


def received(data: dict[str, Any], source: str) -> ReceivedReport:
    return ReceivedReport(None, checksum(data), data, source)


def sample_reports(first: dict[str, Any], second: dict[str, Any], count: int) -> list[ReceivedReport]:
    """`count` territories' latest reports (from `second`'s data); every fifth territory also sent its earlier
    period (`first`), every seventh has only an old report (more than six months before `second`)."""
    reports: list[ReceivedReport] = []
    for index in range(count):
        if index % 7 == 6:
            old = varied(first, index, generated_on=dt.date(2026, 3, 2))
            reports.append(received(old, f"rapport-{index:03d}-ancien.pdf"))
            continue
        reports.append(received(varied(second, index), f"rapport-{index:03d}.pdf"))
        if index % 5 == 0:
            earlier = varied(first, index, generated_on=dt.date(2026, 7, 3), share=Decimal("0.8"))
            reports.append(received(earlier, f"rapport-{index:03d}-s1.pdf"))
    return reports


def write_sample_pdfs(services: Any, territory_id: int, folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two real report PDFs of the demo territory (first half of 2026, then to 21/11/2026): their data."""
    from ti_desktop.domain.report_options import ReportOptions

    datas = []
    for name, start, end in (
        ("s1.pdf", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        ("s2.pdf", dt.date(2026, 7, 1), dt.date(2026, 11, 21)),
    ):
        path = services.reports.write_pdf(territory_id, ReportOptions(start, end), folder / name, end)
        envelope = read_attachment(path.read_bytes())
        assert envelope["sha256"] == checksum(envelope["data"])
        datas.append(envelope["data"])
    return datas[0], datas[1]


@functools.cache
def demo_report_datas(demo_template: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The data of two real report PDFs of the demo base (a copy of `demo_template`), written once per session."""
    from ti_desktop.services.maintenance import open_services

    from ..clock import fixed_clock

    folder = Path(tempfile.mkdtemp(prefix="ti-synthesis-"))
    base = folder / "demo.sqlite3"
    source, destination = sqlite3.connect(demo_template), sqlite3.connect(base)
    source.backup(destination)
    destination.close()
    source.close()
    opened = open_services(base, clock=fixed_clock())
    try:
        territory = opened.services.territories.list()[0]
        return write_sample_pdfs(opened.services, territory.id, folder)
    finally:
        opened.close()
