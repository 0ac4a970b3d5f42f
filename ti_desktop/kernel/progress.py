"""The one protocol of a long task's progress and cancellation, for every layer (import, export, report, minutes,
backup): the task calls `progress(done, total)` now and then and asks `cancelled()` between steps; when it stops
on request it raises a `Cancelled` (a known error: its French message says what was, or was not, written).

The GUI's `JobRunner` (gui/jobs.py) passes a throttled `progress` and the job's stop flag; the command line and
the tests pass nothing, and get the no-op defaults.
"""

from __future__ import annotations

from collections.abc import Callable

from ti_desktop.kernel.errors import TiDesktopError

Progress = Callable[[int, int], None]  # (done, total); total 0: how far is unknown
CancelCheck = Callable[[], bool]  # True once the user asked the task to stop


def no_progress(done: int, total: int) -> None:
    """The default `Progress`: nobody is watching."""


def never_cancelled() -> bool:
    """The default `CancelCheck`: nobody can ask to stop."""
    return False


class Cancelled(TiDesktopError):
    """A task stopped because it was asked to; its message says what was left as it was. Every layer's
    cancellation (`ImportCancelled`, `ExportCancelled`, `ReportCancelled`, `IndicatorImportCancelled`) is one."""
