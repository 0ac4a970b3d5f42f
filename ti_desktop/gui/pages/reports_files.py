"""Where a generated report goes: its default file name (the copy is `kernel.files.copy_atomically`)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from ti_desktop.domain.report_options import ReportOptions

# Characters refused in file names by Windows, macOS or Linux, and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_file_name(territory: str, options: ReportOptions) -> str:
    """« Rapport d'avancement — <territoire> — du 01-01-2026 au 21-11-2026.pdf », safe on every system."""
    title = QCoreApplication.translate("ReportsPage", "Rapport d'avancement")
    period = QCoreApplication.translate("ReportsPage", "du {start} au {end}").format(
        start=options.period_from.strftime("%d-%m-%Y"), end=options.period_to.strftime("%d-%m-%Y")
    )
    name = f"{title} — {territory} — {period}"
    cleaned = " ".join(_UNSAFE.sub(" ", name).split()).strip(" .")
    return f"{cleaned[:200]}.pdf"
