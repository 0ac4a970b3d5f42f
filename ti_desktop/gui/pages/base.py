"""Common behaviour of the main window's pages: reload when the territory or the data change,
but only when visible (a hidden page reloads when it is shown again)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ti_desktop.gui.context import AppContext


class Page(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._stale = True
        context.territory_changed.connect(self._on_change)
        context.data_changed.connect(self._on_change)

    def title(self) -> str:
        """The page's name in the navigation (French, through tr())."""
        raise NotImplementedError

    def reload(self) -> None:
        """Read what the page shows from the services for `context.territory_id`."""
        raise NotImplementedError

    def _on_change(self, *_args: object) -> None:
        if self.isVisible():
            self._reload_now()
        else:
            self._stale = True

    def _reload_now(self) -> None:
        self._stale = False
        if self.context.territory_id is not None:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._reload_now()
        super().showEvent(event)
