"""The rapport d'avancement, as the window and the command line ask for it: its data, its PDF, the contrôle
avant envoi, and the snapshot taken when it is sent to the Région. Each job has its module:
`report_assembly` (the data), `pdf_output` (the file), `report_check`, `snapshots`, `report_evolutions`.

The PDF carries its data (`reports.pdf_data`): the document `rapport-avancement.json` of exactly what it shows
(`reports.report_document`) and the plan's xlsx export, non-confidential actions only, as the report."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.domain.records import SnapshotRecord
from ti_desktop.domain.report_options import ReportFinding, ReportOptions
from ti_desktop.domain.snapshots import SnapshotKind
from ti_desktop.kernel.formatting import format_date
from ti_desktop.kernel.progress import CancelCheck, Cancelled, Progress
from ti_desktop.reports.data import ReportData
from ti_desktop.services import snapshots
from ti_desktop.services.pdf_output import write_pdf_file
from ti_desktop.services.report_assembly import assemble_report
from ti_desktop.services.report_check import pre_send_findings
from ti_desktop.services.report_plan import load_plan
from ti_desktop.services.transactions import transaction

if TYPE_CHECKING:
    from collections.abc import Callable

    from ti_desktop.services.exporting import ExportService


class ReportCancelled(Cancelled):
    """The user stopped the generation; the previous file (if any) is untouched."""


def default_snapshot_label(options: ReportOptions) -> str:
    return f"Rapport du {format_date(options.period_from)} au {format_date(options.period_to)} envoyé à la Région"


PLAN_ATTACHMENT = "plan-action.xlsx"
CARRIED_DATA = (
    "Le PDF contient ses données en pièces jointes (rapport-avancement.json et le plan, plan-action.xlsx) : "
    "la Région les consolide sans ressaisie."
)


@dataclass(frozen=True, slots=True)
class _ReportContent:
    data: ReportData
    plan_xlsx: bytes


def _draw(content: _ReportContent, stream: BinaryIO, step: Progress) -> None:
    # The PDF library is loaded when a PDF is drawn: the checks and the snapshot do without it.
    from ti_desktop.reports.pdf_data import XLSX_MIME, Attachment
    from ti_desktop.reports.progress import build_progress_report

    plan = Attachment(PLAN_ATTACHMENT, content.plan_xlsx, XLSX_MIME, "Le plan d'action du rapport (export Excel)")
    build_progress_report(content.data, stream, step, [plan])


class ReportService:
    def __init__(self, sessions: sessionmaker[Session], exports: Callable[[], ExportService]) -> None:
        """`exports` gives the export service when the plan's xlsx is first needed (its writers are not light)."""
        self._sessions = sessions
        self._exports = exports

    def assemble(self, territory_id: int, options: ReportOptions, today: dt.date) -> ReportData:
        """Everything the report shows, computed by the domain on the non-confidential actions."""
        with self._sessions() as session:
            return assemble_report(session, territory_id, options, today)

    def write_pdf(
        self,
        territory_id: int,
        options: ReportOptions,
        output: Path,
        today: dt.date,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> Path:
        """Write the report to `output` atomically: a temporary file in the same folder, then a rename.
        On failure or cancellation the previous file is intact and no temporary file remains."""
        output = Path(output).expanduser().absolute()

        def stop_if_cancelled() -> None:
            if cancelled is not None and cancelled():
                raise ReportCancelled(f"Génération du rapport annulée : « {output.name} » n'a pas été modifié.")

        def gather() -> _ReportContent:
            return _ReportContent(self.assemble(territory_id, options, today), self.plan_xlsx(territory_id))

        return write_pdf_file(output, "le rapport", gather, _draw, progress, stop_if_cancelled)

    def plan_xlsx(self, territory_id: int) -> bytes:
        """The plan's xlsx export as the report shows it (confidential actions left out), as bytes."""
        from ti_desktop.services.exporting import ExportFormat

        with tempfile.TemporaryDirectory(prefix="ti-desktop-") as folder:
            path = Path(folder) / PLAN_ATTACHMENT
            self._exports().export(territory_id, ExportFormat.XLSX, path)
            return path.read_bytes()

    def pre_send_check(self, territory_id: int, options: ReportOptions, today: dt.date) -> list[ReportFinding]:
        """What would make the report weak, each finding pointing at its fiche-action or indicator."""
        with self._sessions() as session:
            plan = load_plan(session, territory_id)
        return pre_send_findings(plan, options)

    def mark_sent(self, territory_id: int, options: ReportOptions, label: str | None = None) -> SnapshotRecord:
        """Take a Snapshot of the plan (the report was sent to the Région): the next report compares with it."""
        with transaction(self._sessions) as session:
            territory = load_plan(session, territory_id).territory  # refuses an unknown territory
            return snapshots.take(
                session,
                territory.id,
                SnapshotKind.RAPPORT,
                label or default_snapshot_label(options),
                period=(options.period_from, options.period_to),
            )

    def latest_snapshot(self, territory_id: int) -> SnapshotRecord | None:
        with self._sessions() as session:
            return snapshots.latest_report(session, territory_id)
