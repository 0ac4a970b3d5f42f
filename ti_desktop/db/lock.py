"""Who holds a database, as the command line sees it.

The GUI takes a `QLockFile` beside the base (`<base>.lock`: pid, process name, host name, machine id and
boot id, one per line). Write commands of the command line read it without Qt and refuse while a live process on this
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
    if not _alive(pid):
        return None
    # As QLockFile does: a lock written before the last reboot, or whose pid now runs another program, is stale.
    boot_id = lines[4] if len(lines) > 4 else ""
    current_boot = _read(Path("/proc/sys/kernel/random/boot_id"))
    if boot_id and current_boot and boot_id != current_boot:
        return None
    process_name = _read(Path(f"/proc/{pid}/comm"))
    if holder.application and process_name and not holder.application.startswith(process_name):
        return None
    return holder


def _read(path: Path) -> str:
    """A one-line system file (Linux /proc), or "" where there is none."""
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
