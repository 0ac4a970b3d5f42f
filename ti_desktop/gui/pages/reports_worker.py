"""The report's job: building the preview PDF with the report service, run by the page's `JobRunner`
(gui/jobs.py), which relays its progress, its cancellation (`ReportCancelled`) and its failures — a bug's
traceback to the log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.gui.jobs import Job
from ti_desktop.services.reporting import ReportService


def report_job(reports: ReportService, territory_id: int, options: ReportOptions, output: Path, today: dt.date) -> Job:
    """Writes the report to `output`; succeeds with the path written. It writes: a cancel is waited for."""
    return Job(
        lambda progress, cancelled: reports.write_pdf(
            territory_id, options, output, today, progress=progress, cancelled=cancelled
        ),
        unexpected=QCoreApplication.translate(
            "ReportsPage", "Erreur inattendue pendant la génération du rapport : {error}"
        ),
        writes=True,
    )
