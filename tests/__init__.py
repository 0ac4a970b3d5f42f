"""The test suite, mirroring the package (tests/db for ti_desktop/db, tests/gui for ti_desktop/gui…)."""
