"""Who holds a database, as the command line sees it.

The GUI takes a `QLockFile` beside the base (`<base>.lock`: pid, application, host name on its first
lines). Write commands of the command line read it without Qt and refuse while a live process on this
machine holds it; a lock left by a crashed process is ignored here (the next GUI takes it over).
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class LockHolder:
    pid: int
    application: str
    host: str


def lock_path(database: Path) -> Path:
    return Path(str(database) + ".lock")


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    except OSError:
        return False
    return True


def live_holder(database: Path) -> LockHolder | None:
    """The process holding the GUI lock on `database`, if it is alive (or on another machine)."""
    try:
        lines = lock_path(database).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    try:
        pid = int(lines[0])
    except (IndexError, ValueError):
        return None
    holder = LockHolder(pid, lines[1] if len(lines) > 1 else "", lines[2] if len(lines) > 2 else "")
    if holder.host and holder.host != socket.gethostname():
        return holder  # another machine (a shared folder): its process cannot be checked from here
    return holder if _alive(pid) else None
