"""The rapport d'avancement (progress report) a territory sends to the Région, drawn with reportlab platypus
on the shared page template (`reports.page`) from a `ReportData`; one module per section:

`cover` (and the `contents`), `synthesis` (with its `key_figures`), `axes`, `funding`, `indicators`,
`milestones`, `evolutions`, `annex`; `document` puts them in order. Every user text goes through
`styles.safe` (markup escaped), figures through `kernel.formatting` (French formats).
"""

from ti_desktop.reports.progress.document import build_progress_report

__all__ = ["build_progress_report"]
