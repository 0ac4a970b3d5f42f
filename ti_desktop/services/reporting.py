"""The rapport d'avancement, as the window and the command line ask for it: its data, its PDF, the contrôle
avant envoi, and the snapshot taken when it is sent to the Région. Each job has its module:
`report_assembly` (the data), `pdf_output` (the file), `report_check`, `snapshots`, `report_evolutions`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.domain.records import SnapshotRecord
from ti_desktop.domain.report_options import ReportFinding, ReportOptions
from ti_desktop.domain.snapshots import SnapshotKind
from ti_desktop.kernel.formatting import format_date
from ti_desktop.kernel.progress import CancelCheck, Cancelled, Progress
from ti_desktop.reports.data import ReportData
from ti_desktop.reports.progress import build_progress_report
from ti_desktop.services import snapshots
from ti_desktop.services.pdf_output import write_pdf_file
from ti_desktop.services.report_assembly import assemble_report
from ti_desktop.services.report_check import pre_send_findings
from ti_desktop.services.report_plan import load_plan
from ti_desktop.services.transactions import transaction


class ReportCancelled(Cancelled):
    """The user stopped the generation; the previous file (if any) is untouched."""


def default_snapshot_label(options: ReportOptions) -> str:
    return f"Rapport du {format_date(options.period_from)} au {format_date(options.period_to)} envoyé à la Région"


class ReportService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

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

        return write_pdf_file(
            output,
            "le rapport",
            lambda: self.assemble(territory_id, options, today),
            build_progress_report,
            progress,
            stop_if_cancelled,
        )

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
