"""A stand-in for the synthesis service (it records what it was asked to write), beside the real consolidation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ti_desktop.kernel.progress import CancelCheck, Progress
from ti_desktop.services.consolidation import ConsolidationService


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
    consolidation: ConsolidationService
    synthesis: FakeSynthesis
