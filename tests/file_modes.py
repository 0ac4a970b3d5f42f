"""Reading a file's permission bits, for the tests of private files (issue 19, item 5)."""

from __future__ import annotations

import stat
from pathlib import Path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
