"""A stand-in for the consolidation service (services/consolidation.py, written on another branch), with its
API: files read and checked roughly (JSON envelopes, PDF attachments), reports kept in memory."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from ti_desktop.domain.consolidation import ConsolidatedView, ReceivedReport, consolidate
from ti_desktop.domain.data_documents import checksum
from ti_desktop.domain.errors import ConcurrentEditError
from ti_desktop.kernel.progress import CancelCheck, Progress


@dataclass(frozen=True, slots=True)
class FileVerdict:
    path: Path
    outcome: str
    message: str
    territory: str | None = None
    period: str | None = None


@dataclass(frozen=True, slots=True)
class AddOutcome:
    verdicts: tuple[FileVerdict, ...]


@dataclass(frozen=True, slots=True)
class StoredReport:
    id: int
    version: int
    territory: str
    region: str | None
    period_from: dt.date
    period_to: dt.date
    generated_on: dt.date
    received_at: dt.datetime
    source: str
    sha256: str
    actions: int


def _period(report: ReceivedReport) -> str:
    return f"du {report.period_from:%d/%m/%Y} au {report.period_to:%d/%m/%Y}"


class FakeConsolidation:
    def __init__(self) -> None:
        self.reports: dict[int, ReceivedReport] = {}
        self._next = 1

    def _read(self, path: Path) -> dict[str, Any]:
        raw = path.read_bytes()
        if path.suffix.lower() == ".pdf":
            attachments = PdfReader(path).attachments
            raw = attachments["rapport-avancement.json"][0]
        envelope: dict[str, Any] = json.loads(raw)
        return envelope

    def add_files(
        self, paths: Sequence[Path], progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> AddOutcome:
        files = [f for p in paths for f in (sorted(p.iterdir()) if p.is_dir() else [p])]
        verdicts: list[FileVerdict] = []
        for number, path in enumerate(files):
            try:
                envelope = self._read(path)
            except Exception:
                verdicts.append(
                    FileVerdict(path, "refusé", f"{path.name} : ce fichier n'est pas un rapport TI Desktop lisible.")
                )
                continue
            if envelope.get("sha256") != checksum(envelope["data"]):
                verdicts.append(FileVerdict(path, "refusé", f"{path.name} : la somme de contrôle ne correspond pas."))
                continue
            report = ReceivedReport(None, envelope["sha256"], envelope["data"], path.name, dt.date(2026, 11, 21))
            same = [i for i, r in self.reports.items() if r.key == report.key and r.period_from == report.period_from]
            if any(self.reports[i].sha256 == report.sha256 for i in same):
                outcome = "inchangé"
            else:
                outcome = "remplacé" if same else "ajouté"
                for i in same:
                    del self.reports[i]
                self.reports[self._next] = ReceivedReport(
                    self._next, report.sha256, report.data, report.source, report.received_on
                )
                self._next += 1
            message = f"{path.name} : rapport de {report.territory} {_period(report)} {outcome}."
            verdicts.append(FileVerdict(path, outcome, message, report.territory, _period(report)))
            if progress is not None:
                progress(number + 1, len(files))
        return AddOutcome(tuple(verdicts))

    def received(self) -> list[ReceivedReport]:
        return sorted(self.reports.values(), key=lambda r: (r.territory, r.period_to))

    def stored(self) -> list[StoredReport]:
        return [
            StoredReport(
                r.id or 0,
                1,
                r.territory,
                r.region,
                r.period_from,
                r.period_to,
                r.generated_on,
                dt.datetime(2026, 11, 21, 10, tzinfo=dt.UTC),
                r.source,
                r.sha256,
                len(r.actions),
            )
            for r in self.received()
        ]

    def view(self, today: dt.date) -> ConsolidatedView:
        return consolidate(self.received(), today)

    def remove(self, report_id: int, expected_version: int) -> None:
        if report_id not in self.reports or expected_version != 1:
            raise ConcurrentEditError("Ce rapport a été modifié ou retiré entre-temps.")
        del self.reports[report_id]


class FakeSynthesis:
    def __init__(self) -> None:
        self.written: list[tuple[Path, dt.date]] = []

    def write(
        self, output: Path, today: dt.date, progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> Path:
        output.write_bytes(b"%PDF-1.7 synthese")
        self.written.append((output, today))
        return output


@dataclass
class FakeRegionServices:
    consolidation: FakeConsolidation
    synthesis: FakeSynthesis
