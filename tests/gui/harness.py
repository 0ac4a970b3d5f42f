"""The window's shared context as the tests use it: the application's `AppContext` plus the whole registry of
use cases, for a test to arrange data and read results. The application's own context has no registry — each
page and dialog is given the use cases it declares through its constructor — so production code cannot reach
this one; tests pass `context.services` where the composition root passes its `Services`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings

from ti_desktop.gui.context import AppContext
from ti_desktop.gui.theme import LIGHT, Theme
from ti_desktop.kernel.clock import Clock
from ti_desktop.services.registry import Services


class TestContext(AppContext):
    __test__ = False  # not a test class, whatever pytest thinks of its name

    def __init__(
        self,
        services: Services,
        settings: QSettings,
        data_dir: Path,
        clock: Clock,
        parent: QObject | None = None,
        theme: Theme = LIGHT,
    ) -> None:
        super().__init__(services.versions, settings, data_dir, clock, parent, theme)
        self.services = services
