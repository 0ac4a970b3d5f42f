"""How a page asks to show another page: an explicit interface the main window implements, so pages never
reach into the window they happen to sit in."""

from __future__ import annotations

from typing import Protocol, TypeVar

from PySide6.QtWidgets import QWidget

PageT = TypeVar("PageT", bound=QWidget)


class Navigator(Protocol):
    def show_page(self, page_type: type[PageT]) -> PageT | None:
        """Bring the page of this type forward and return it (None: the window has no such page)."""
        ...

    def show_first_steps(self) -> QWidget | None:
        """Show the « Prise en main » guide (where to start on a new territory); None where there is none."""
        ...


class NoNavigation:
    """A page shown on its own (tests, a dialog): there is nowhere to go."""

    def show_page(self, page_type: type[PageT]) -> PageT | None:
        return None

    def show_first_steps(self) -> QWidget | None:
        return None
