"""The plan page on a shared base: a search superseded by a newer one stops on the server (pg_stat_activity no
longer shows it), and the page shows the newer result only."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Boolean, ColumnElement, create_engine, literal_column, text

from tests.gui.harness import TestContext
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.services import search
from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.maintenance import OpenDatabase, open_server_services

from ..clock import fixed_clock

SLOW_WORD = "friche"  # searched with a pause of two minutes on the server


@pytest.fixture
def opened(server_url: str) -> Iterator[OpenDatabase]:
    handle = open_server_services(server_url, clock=fixed_clock())
    create_demo_territory(handle.services)
    yield handle
    handle.close()


def slow_searches(server_url: str) -> int:
    engine = create_engine(server_url)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep(120)%'"
                    )
                ).scalar_one()
                - 1  # this very query
            )
    finally:
        engine.dispose()


def test_a_superseded_search_stops_on_the_server(
    qtbot: QtBot, qapp: object, opened: OpenDatabase, server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = opened.services
    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    context = TestContext(services, settings, data_dir=tmp_path / "donnees", clock=opened.clock)
    context.set_territory(services.territories.resolve(None).id)
    plain = search.text_condition

    def condition(session: Any, table: Any, words: Sequence[str], **options: Any) -> ColumnElement[bool]:
        if SLOW_WORD in words:  # a common word on a national base, much slowed down
            return literal_column("(pg_sleep(120) IS NOT NULL)", Boolean)
        return plain(session, table, words, **options)

    monkeypatch.setattr(search, "text_condition", condition)
    page = PlanPage(context, services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    total = page.model.action_count()
    page.search.setText(SLOW_WORD)
    qtbot.waitUntil(lambda: slow_searches(server_url) == 1, timeout=10_000)  # running on the server
    qtbot.waitUntil(page.busy_label.isVisible)
    assert page.count_label.text() == f"{total} action(s) affichée(s) sur {total}"  # the whole plan, meanwhile
    page.search.setText("atelier")
    wanted = services.actions.find(ActionFilter(territory_id=context.territory_id or 0, text="atelier"))
    assert wanted
    qtbot.waitUntil(
        lambda: page.count_label.text() == f"{len(wanted)} action(s) affichée(s) sur {total}", timeout=10_000
    )
    assert slow_searches(server_url) == 0  # cancelled: the server no longer runs it
    assert sorted(page.model.matching_action_ids()) == sorted(a.id for a in wanted)
    assert not page.busy_label.isVisible() and page.message.text() == ""
