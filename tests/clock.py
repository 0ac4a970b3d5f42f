"""The moment every test runs at, whatever the machine's date: services, backups and windows get a clock
stopped on `TODAY`, so a test's verdict never depends on when it runs (check with faketime)."""

from __future__ import annotations

import datetime as dt
import subprocess
import threading

from ti_desktop.kernel.clock import FixedClock

TODAY = dt.date(2026, 11, 21)


def fixed_clock() -> FixedClock:
    """A new clock stopped at 10:00 (local time) on TODAY; a test may `advance` its own."""
    return FixedClock.on(TODAY)


def pause(seconds: float) -> None:
    """Wait `seconds` of real time. Not `time.sleep`: under libfaketime 0.9.10 with FAKETIME_DONT_FAKE_MONOTONIC
    (how the suite is run at other dates) Python's sleep fails with EINVAL (clock_nanosleep is intercepted)."""
    threading.Event().wait(seconds)


def wait_for_exit(process: subprocess.Popen[str], seconds: float) -> int:
    """`process.wait(timeout=seconds)` without the sleeps Popen.wait polls with (they fail under faketime, see
    `pause`): a plain blocking wait in a thread, given `seconds` to end."""
    waiter = threading.Thread(target=process.wait, daemon=True)
    waiter.start()
    waiter.join(seconds)
    if waiter.is_alive():
        raise subprocess.TimeoutExpired(process.args, seconds)
    return process.returncode
