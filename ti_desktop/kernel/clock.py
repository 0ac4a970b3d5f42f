"""What "now" and "today" are: one `Clock`, built by the composition root and passed to whoever needs it.

Only `SystemClock` reads the machine's clock, and only the composition roots (`cli.main`, the GUI's
`app.run_gui`) build one; everything else receives a `Clock` (services, backups, the GUI context) or a date
(domain rules). Tests pass a `FixedClock`, so the suite gives the same verdict on any date.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import Protocol

# The composition root reads this variable (an ISO date-time, e.g. 2026-11-21T10:00:00+01:00) to run at a
# fixed moment: reproducible demos and training sessions, and tests that start the command line in a
# subprocess. Nothing else reads it.
FIXED_NOW_ENV_VAR = "TI_DESKTOP_NOW"


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment, timezone-aware, in UTC."""
        ...

    def today(self) -> dt.date:
        """The user's current date, in the machine's local time zone."""
        ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        return self.now().astimezone().date()


class FixedClock:
    """A clock stopped at one moment (tests, reproducible runs); `advance` moves it on."""

    def __init__(self, moment: dt.datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("a fixed clock needs a timezone-aware moment")
        self._moment = moment.astimezone(dt.UTC)

    @classmethod
    def on(cls, day: dt.date, hour: int = 10) -> FixedClock:
        """`hour` o'clock (local time) on `day`."""
        return cls(dt.datetime.combine(day, dt.time(hour)).astimezone())

    def now(self) -> dt.datetime:
        return self._moment

    def today(self) -> dt.date:
        return self._moment.astimezone().date()

    def advance(self, delta: dt.timedelta) -> None:
        self._moment += delta


def clock_from_environment(environ: Mapping[str, str] | None = None) -> Clock:
    """The system clock, or a fixed one when $TI_DESKTOP_NOW names a moment (read by the composition root).

    A value that is not an ISO date-time raises ValueError (the caller says so in French)."""
    text = (os.environ if environ is None else environ).get(FIXED_NOW_ENV_VAR, "").strip()
    if not text:
        return SystemClock()
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a local time, as a user writes it
    return FixedClock(moment)
