"""The root of known errors: each carries a French message meant for the user.

Anything that is not a `TiDesktopError` is a bug; the command line and the GUI treat the two differently.
"""

from __future__ import annotations


class TiDesktopError(Exception):
    """An expected failure with a complete French message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
