"""Shared fixtures: an open database on a temporary file, its services, a territory to work in."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ti_desktop.services.maintenance import OpenDatabase, open_services


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[OpenDatabase]:
    handle = open_services(tmp_path / "plan.sqlite3", user="claire.martin")
    yield handle
    handle.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database built once; tests copy it (with the backup API) instead of rebuilding it."""
    from ti_desktop.services.demo import create_demo_territory
    from ti_desktop.services.maintenance import open_services

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    opened = open_services(path)
    create_demo_territory(opened.services)
    opened.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "plan.sqlite3"
    source = sqlite3.connect(demo_template)
    destination = sqlite3.connect(target)
    source.backup(destination)
    destination.close()
    source.close()
    return target
