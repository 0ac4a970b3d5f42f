"""The base's lock as the front ends take it: the window (`WINDOW`) and the write commands hold a
`DatabaseLock`; its refusals are French errors naming who holds the base since when."""

from __future__ import annotations

from ti_desktop.db.lock import (
    WINDOW,
    DatabaseLock,
    DatabaseLockedError,
    LockHolder,
    OpenElsewhereError,
    command_application,
    info_path,
)

__all__ = [
    "WINDOW",
    "DatabaseLock",
    "DatabaseLockedError",
    "LockHolder",
    "OpenElsewhereError",
    "command_application",
    "info_path",
]
