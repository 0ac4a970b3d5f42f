"""Reports of several territories for the Région page's tests and screenshots: the demo territory's report
document, and variants of it (another name and national code, amounts and jobs multiplied, another period),
sealed again and saved as the JSON files the consolidation accepts."""

from __future__ import annotations

import copy
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ti_desktop.domain.data_documents import DocumentFormat, SealedDocument, amount, seal
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.reports.report_document import report_document
from ti_desktop.services.registry import Services

AMOUNT = re.compile(r"^-?\d+\.\d{2}$")


def demo_document(services: Services, territory_id: int, period_from: dt.date, period_to: dt.date) -> SealedDocument:
    options = ReportOptions(period_from=period_from, period_to=period_to)
    return report_document(services.reports.assemble(territory_id, options, period_to))


def _scale(value: Any, factor: Decimal) -> Any:
    if isinstance(value, dict):
        return {key: _scale(item, factor) for key, item in value.items()}
    if isinstance(value, list):
        return [_scale(item, factor) for item in value]
    if isinstance(value, str) and AMOUNT.match(value):
        return amount(Decimal(value) * factor)
    return value


def variant(
    document: SealedDocument,
    *,
    name: str,
    code: str | None,
    factor: Decimal = Decimal(1),
    period: tuple[dt.date, dt.date] | None = None,
    generated_on: dt.date | None = None,
) -> SealedDocument:
    """The same report as another territory's: its figures (synthèse, axes, funders) times `factor`."""
    data = copy.deepcopy(document.data)
    data["territory"]["name"] = name
    data["territory"]["national_code"] = code
    for key in ("synthesis", "axes", "funding"):
        data[key] = _scale(data[key], factor)
    synthesis = data["synthesis"]
    for key in ("jobs_targeted", "jobs_created"):
        synthesis[key] = int(synthesis[key] * factor)
    if period is not None:
        data["period"] = {"from": period[0].isoformat(), "to": period[1].isoformat()}
    if generated_on is not None:
        data["generated_on"] = generated_on.isoformat()
    return seal(DocumentFormat.RAPPORT, data)


def save(document: SealedDocument, path: Path) -> Path:
    path.write_bytes(document.to_bytes())
    return path
