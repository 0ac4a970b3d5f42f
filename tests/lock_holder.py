"""A process that holds a base's lock through `ti_desktop.db.lock` (not Qt), as a window or a write command on this
or another machine does, until it reads a line on stdin (or is killed).

    python tests/lock_holder.py BASE APPLICATION USER HOST SINCE_ISO

It prints « verrouillé » once the lock and its info file are in place."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ti_desktop.db.lock import DatabaseLock


def main(base: str, application: str, user: str, host: str, since: str) -> None:
    lock = DatabaseLock(Path(base), application, user=user, host=host)
    lock.acquire(dt.datetime.fromisoformat(since), take_over=True)
    print("verrouillé", flush=True)
    sys.stdin.readline()
    lock.release()


if __name__ == "__main__":
    main(*sys.argv[1:6])
