"""The plan's text search runs off the GUI thread: the window keeps answering while it runs, a newer search
supersedes an older one (only the newer result is ever shown), a failure reaches the user in French."""

from __future__ import annotations

import itertools
import threading
import time

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.clock import pause
from tests.gui.harness import TestContext
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.services.views import Interruption, PlanCounts

from .test_plan import make_page


def expected_count(context: TestContext, text: str) -> int:
    return len(context.services.actions.find(ActionFilter(territory_id=context.territory_id or 0, text=text)))


def count_text(page: PlanPage, shown: int) -> str:
    return f"{shown} action(s) affichée(s) sur {page.model.action_count()}"


def test_a_slow_search_superseded_by_a_newer_one_shows_the_newer_result_only(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, context)
    views = context.services.views
    counts = views.plan_counts
    release, answered = threading.Event(), threading.Event()

    def slow_for_friche(action_filter: ActionFilter, interruption: Interruption | None = None) -> PlanCounts:
        if action_filter.text != "friche":
            return counts(action_filter, interruption)
        release.wait(10)  # deaf to the interruption: its answer arrives anyway, after the newer search began
        found = counts(action_filter)
        answered.set()
        return found

    monkeypatch.setattr(views, "plan_counts", slow_for_friche)
    shown: list[int] = []
    page.model.shown.connect(lambda: shown.append(page.model.matching_count()))
    friche, atelier = expected_count(context, "friche"), expected_count(context, "atelier")
    assert friche != atelier and atelier > 0
    page.search.setText("friche")
    qtbot.waitUntil(page.busy_label.isVisible)  # it lasts: the page says so
    assert page.count_label.text() == count_text(page, page.model.action_count())  # the whole plan, meanwhile
    page.search.setText("atelier")  # typed while « friche » is still searched
    release.set()
    qtbot.waitUntil(lambda: page.count_label.text() == count_text(page, atelier))
    assert answered.is_set()  # the older search did answer…
    qtbot.wait(50)
    assert shown == [atelier]  # …and was never shown, not even for a moment
    assert page.count_label.text() == count_text(page, atelier) and not page.busy_label.isVisible()
    wanted = context.services.actions.find(ActionFilter(territory_id=context.territory_id or 0, text="atelier"))
    assert sorted(page.model.matching_action_ids()) == sorted(a.id for a in wanted)


def test_the_window_keeps_answering_while_a_long_search_runs(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, context)
    views = context.services.views
    counts = views.plan_counts

    running: list[tuple[float, float]] = []

    def slow(action_filter: ActionFilter, interruption: Interruption | None = None) -> PlanCounts:
        started = time.monotonic()
        pause(1.0)  # a common word on a national base, on a server
        running.append((started, time.monotonic()))
        return counts(action_filter, interruption)

    monkeypatch.setattr(views, "plan_counts", slow)
    ticks: list[float] = []
    clock = QTimer(page)
    clock.setInterval(10)
    clock.timeout.connect(lambda: ticks.append(time.monotonic()))
    clock.start()
    page.search.setText("friche")
    qtbot.waitUntil(page.busy_label.isVisible)
    qtbot.keyClicks(page.search, "s")  # typing goes on: the field takes the key at once
    assert page.search.text() == "friches"
    qtbot.waitUntil(
        lambda: page.count_label.text() == count_text(page, expected_count(context, "friches")), timeout=8000
    )
    clock.stop()
    start, end = running[-1]  # the search of « friches » (the one of « friche » stopped when « s » was typed)
    during = [tick for tick in ticks if start <= tick <= end]
    gaps = [later - earlier for earlier, later in itertools.pairwise(during)]
    assert len(during) > 30 and max(gaps) < 0.1  # the event loop never stopped for a tenth of a second
    assert not page.busy_label.isVisible()


def test_a_fast_search_shows_no_busy_text(qtbot: QtBot, context: TestContext) -> None:
    page = make_page(qtbot, context)
    seen: list[bool] = []
    page.model.shown.connect(lambda: seen.append(page.busy_label.isVisible()))
    page.search.setText("friche")
    qtbot.waitUntil(lambda: page.count_label.text() == count_text(page, expected_count(context, "friche")))
    assert seen == [False] and not page.busy_label.isVisible()  # no flicker of « Recherche… »


def test_a_failed_search_says_so_in_french_and_keeps_the_plan_shown(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, context)
    views = context.services.views
    counts = views.plan_counts
    total = page.model.action_count()

    def failing(action_filter: ActionFilter, interruption: Interruption | None = None) -> PlanCounts:
        if action_filter.text == "panne":
            raise RuntimeError("connection reset by peer")
        if action_filter.text == "serveur":
            raise TiDesktopError("Le serveur ne répond plus : la recherche n'a pas abouti.")
        return counts(action_filter, interruption)

    monkeypatch.setattr(views, "plan_counts", failing)
    page.search.setText("panne")
    qtbot.waitUntil(lambda: bool(page.message.text()))
    message = page.message.text()
    assert message.startswith("Erreur inattendue pendant la recherche dans le plan")
    assert "journal de l'application" in message and "Traceback" not in message
    assert page.count_label.text() == count_text(page, total)  # the plan shown before stays, whole
    page.search.setText("serveur")
    qtbot.waitUntil(lambda: page.message.text() == "Le serveur ne répond plus : la recherche n'a pas abouti.")
    page.search.setText("friche")  # the next search answers: the failure's message goes
    qtbot.waitUntil(lambda: page.count_label.text() == count_text(page, expected_count(context, "friche")))
    assert page.message.text() == "" and not page.busy_label.isVisible()


def test_a_list_filter_chosen_during_a_search_wins_over_it(
    qtbot: QtBot, context: TestContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, context)
    views = context.services.views
    counts = views.plan_counts
    release = threading.Event()

    def slow(action_filter: ActionFilter, interruption: Interruption | None = None) -> PlanCounts:
        if action_filter.text:
            release.wait(10)
        return counts(action_filter, interruption)

    monkeypatch.setattr(views, "plan_counts", slow)
    page.search.setText("friche")
    qtbot.waitUntil(page.busy_label.isVisible)
    page.search.blockSignals(True)
    page.search.clear()  # as « Effacer les filtres » does, with a list filter at once
    page.search.blockSignals(False)
    page.late_only.setChecked(True)  # no words: read at once, the search under way dropped
    late = len(
        context.services.actions.find(
            ActionFilter(territory_id=context.territory_id or 0, late_only=True, today=context.today)
        )
    )
    assert page.count_label.text() == count_text(page, late) and not page.busy_label.isVisible()
    release.set()
    qtbot.wait(100)
    assert page.count_label.text() == count_text(page, late)
