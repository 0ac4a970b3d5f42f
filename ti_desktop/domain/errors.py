"""Known errors: each carries a French message meant for the user.

Anything that is not a `TiDesktopError` is a bug; the command line and the GUI treat the two differently.
"""

from __future__ import annotations

from ti_desktop.kernel.errors import TiDesktopError as TiDesktopError  # re-exported: the root of known errors


class ValidationError(TiDesktopError):
    """Invalid input: names the field (by its French label) and what is wrong."""

    def __init__(self, field: str, label: str, problem: str) -> None:
        super().__init__(f"{label} : {problem}")
        self.field = field
        self.label = label
        self.problem = problem


class NotFoundError(TiDesktopError):
    """The record asked for does not exist (any more)."""


class ConflictError(TiDesktopError):
    """The change would break a uniqueness or reference rule (duplicate code, record still in use…)."""


class ConcurrentEditError(ConflictError):
    """Someone else saved the same record since it was read: nothing was overwritten."""
