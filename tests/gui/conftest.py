"""GUI fixtures: a context on a copy of the demo database, with settings in a temporary file.

Tests run on the offscreen platform (QT_QPA_PLATFORM=offscreen, set here if absent).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from tests.gui.harness import TestContext
from ti_desktop.services.maintenance import OpenDatabase, open_services

from ..clock import TODAY, fixed_clock

__all__ = ["TODAY"]  # the tests' fixed date, for the modules importing it from here


@pytest.fixture
def demo_opened(demo_db: Path) -> Iterator[OpenDatabase]:
    opened = open_services(demo_db, user="claire.martin", clock=fixed_clock())
    yield opened
    opened.close()


@pytest.fixture
def context(qapp: object, demo_opened: OpenDatabase, tmp_path: Path) -> TestContext:
    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    ctx = TestContext(demo_opened.services, settings, data_dir=tmp_path / "donnees", clock=demo_opened.clock)
    ctx.set_territory(demo_opened.services.territories.resolve(None).id)
    return ctx
