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
from ti_desktop.gui.user_name import store_user_name
from ti_desktop.services.maintenance import OpenDatabase, open_services

from ..clock import TODAY, fixed_clock

__all__ = ["TODAY", "USER_NAME"]  # the tests' fixed date and user, for the modules importing them from here

USER_NAME = "Claire Martin"


@pytest.fixture
def demo_opened(demo_db: Path) -> Iterator[OpenDatabase]:
    opened = open_services(demo_db, user="claire.martin", clock=fixed_clock())
    yield opened
    opened.close()


@pytest.fixture
def context(qapp: object, demo_opened: OpenDatabase, tmp_path: Path) -> TestContext:
    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    store_user_name(settings, USER_NAME)  # given at the first launch: what the user signs with
    ctx = TestContext(demo_opened.services, settings, data_dir=tmp_path / "donnees", clock=demo_opened.clock)
    ctx.set_territory(demo_opened.services.territories.resolve(None).id)
    return ctx
