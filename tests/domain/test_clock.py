"""The clock: a fixed one for tests and reproducible runs, the system one only built by the composition root."""

from __future__ import annotations

import datetime as dt

import pytest

from ti_desktop.kernel.clock import FIXED_NOW_ENV_VAR, FixedClock, SystemClock, clock_from_environment


def test_a_fixed_clock_stays_put_until_advanced() -> None:
    clock = FixedClock(dt.datetime(2027, 12, 31, 22, 59, tzinfo=dt.UTC))
    assert clock.now() == dt.datetime(2027, 12, 31, 22, 59, tzinfo=dt.UTC) == clock.now()
    clock.advance(dt.timedelta(hours=2))
    assert clock.now() == dt.datetime(2028, 1, 1, 0, 59, tzinfo=dt.UTC)
    assert clock.now().tzinfo == dt.UTC


def test_today_is_the_local_date_of_now() -> None:
    clock = FixedClock.on(dt.date(2028, 2, 29), hour=23)
    assert clock.today() == dt.date(2028, 2, 29)
    assert clock.now().astimezone().hour == 23
    clock.advance(dt.timedelta(hours=1))
    assert clock.today() == dt.date(2028, 3, 1)


def test_a_fixed_clock_refuses_a_moment_without_time_zone() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        FixedClock(dt.datetime(2026, 11, 21, 10, 0))


def test_the_system_clock_is_aware_and_utc() -> None:
    now = SystemClock().now()
    assert now.tzinfo == dt.UTC
    assert abs(SystemClock().today() - now.astimezone().date()) <= dt.timedelta(days=1)  # midnight may pass


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2031-02-28T08:00:00+00:00", dt.datetime(2031, 2, 28, 8, 0, tzinfo=dt.UTC)),
        ("2027-12-31T23:30:00+01:00", dt.datetime(2027, 12, 31, 22, 30, tzinfo=dt.UTC)),
    ],
)
def test_the_environment_can_fix_the_moment(text: str, expected: dt.datetime) -> None:
    clock = clock_from_environment({FIXED_NOW_ENV_VAR: text})
    assert isinstance(clock, FixedClock) and clock.now() == expected


def test_a_local_moment_in_the_environment_is_read_as_local_time() -> None:
    clock = clock_from_environment({FIXED_NOW_ENV_VAR: "2027-12-31T23:30:00"})
    assert clock.now().astimezone().replace(tzinfo=None) == dt.datetime(2027, 12, 31, 23, 30)
    assert clock.today() == dt.date(2027, 12, 31)


def test_without_the_variable_the_clock_is_the_system_one() -> None:
    assert isinstance(clock_from_environment({}), SystemClock)
    assert isinstance(clock_from_environment({FIXED_NOW_ENV_VAR: "  "}), SystemClock)


def test_a_bad_moment_in_the_environment_is_an_error() -> None:
    with pytest.raises(ValueError):
        clock_from_environment({FIXED_NOW_ENV_VAR: "demain"})
