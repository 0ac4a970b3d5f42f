"""A page the main window builds only when it is first shown: its place and title in the navigation until then.

Building every page at start-up imported what each one uses (the dashboard's charts, reportlab for the
reports page, pypdf and jsonschema for the Région page…) and filled widgets nobody had asked to see yet.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ti_desktop.gui.pages.base import Page


class LazyPage(QWidget):
    """Stands in the window's stack for the page of class `kind` ("module.Class"), built by `build`."""

    def __init__(self, title: str, kind: str, build: Callable[[], Page], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.kind = kind
        self._build = build

    def title(self) -> str:
        return self._title

    def is_for(self, page_type: type[QWidget]) -> bool:
        """Whether the page to come is a `page_type` (named, so that its module need not be imported)."""
        return self.kind == f"{page_type.__module__}.{page_type.__qualname__}"

    def build(self) -> Page:
        return self._build()
