"""TI Desktop: the chef de projet's desktop tool for a Territoire d'industrie."""

import gc

# Written here rather than read through importlib.metadata, which costs every start ~25 ms; it must equal
# pyproject.toml's version (tests/test_version.py checks it against the installed package's metadata).
__version__ = "0.1.0"
APP_NAME = "TI Desktop"

# Start-up builds some 150,000 objects that live as long as the process (SQLAlchemy's mapped classes and
# compiled statements, the domain's dataclasses, Qt's wrappers). With Python's thresholds the collector walks
# them again and again while they are made — about 50 ms of the window's start, 30 ms of a command's — and
# finds nothing to free. So the young generation waits for many more allocations until `started()`, which
# sets what start-up built aside (`gc.freeze`: never collected, it was never garbage) and restores Python's
# thresholds. A command's process ends without `started()`: its collector stays patient, as it was.
START_UP_THRESHOLD = 1_000_000
DEFAULT_THRESHOLDS = gc.get_threshold()
gc.set_threshold(START_UP_THRESHOLD, *DEFAULT_THRESHOLDS[1:])


def started() -> None:
    """Start-up is over (the window is shown): the collector leaves what it built and collects as usual again.
    Only the first call of a process does anything."""
    if gc.get_threshold()[0] == START_UP_THRESHOLD:
        gc.freeze()
        gc.set_threshold(*DEFAULT_THRESHOLDS)
