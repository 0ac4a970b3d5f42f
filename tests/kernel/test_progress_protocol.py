"""One progress/cancel protocol for every long task: each layer's cancellation is a `kernel.progress.Cancelled`,
a known error with its French message; the defaults do nothing."""

from __future__ import annotations

import pytest

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.exchange.plan_export import ExportCancelled
from ti_desktop.kernel.progress import Cancelled, never_cancelled, no_progress
from ti_desktop.services.exporting import ExportCancelled as ServiceExportCancelled
from ti_desktop.services.importing import ImportCancelled
from ti_desktop.services.indicator_import import IndicatorImportCancelled
from ti_desktop.services.reporting import ReportCancelled


@pytest.mark.parametrize("kind", [ImportCancelled, ExportCancelled, ReportCancelled, IndicatorImportCancelled])
def test_every_cancellation_is_one_known_error(kind: type[Cancelled]) -> None:
    assert issubclass(kind, Cancelled) and issubclass(kind, TiDesktopError)
    error = kind("Export annulé : « plan.xlsx » n'a pas été modifié.")
    assert error.message == "Export annulé : « plan.xlsx » n'a pas été modifié."


def test_the_service_re_exports_the_exchange_cancellation() -> None:
    assert ServiceExportCancelled is ExportCancelled


def test_the_defaults_do_nothing() -> None:
    no_progress(3, 10)
    assert never_cancelled() is False
