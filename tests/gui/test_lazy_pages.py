"""The window builds a page when it is first shown: until then the navigation shows its title, the same."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.gui.harness import TestContext
from ti_desktop.app import action_editor_opener, build_pages
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.pages.lazy import LazyPage
from ti_desktop.gui.pages.meetings import MeetingsPage
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.services.maintenance import OpenDatabase


def window_on(qtbot: QtBot, context: TestContext, opened: OpenDatabase) -> MainWindow:
    window = MainWindow(
        context,
        context.services,
        opened.database.path,
        build_pages(context, context.services),
        action_editor_opener(context.services),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_page_not_yet_shown_has_its_own_title(qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase) -> None:
    entries = build_pages(context, context.services)
    for entry in entries:
        qtbot.addWidget(entry)
    assert all(isinstance(entry, LazyPage) for entry in entries)
    for entry in entries:
        assert isinstance(entry, LazyPage)
        page = entry.build()
        qtbot.addWidget(page)
        assert page.title() == entry.title()
        assert entry.is_for(type(page))


def test_only_the_page_shown_is_built_and_the_others_on_demand(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = window_on(qtbot, context, demo_opened)
    built = [entry for entry in window._entries if isinstance(entry, Page)]
    assert len(built) == 1 and window.stack.currentWidget() is built[0]
    window.navigation.setCurrentRow(5)
    shown = window.stack.currentWidget()
    assert isinstance(shown, MeetingsPage) and shown.isVisible()
    assert window.navigation.currentItem().text() == shown.title()
    assert window.show_page(MeetingsPage) is shown  # built once
    assert [page.title() for page in window.pages] == [
        window.navigation.item(row).text() for row in range(window.navigation.count())
    ]


def test_a_filter_asked_before_the_plan_was_built_is_applied(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = window_on(qtbot, context, demo_opened)
    assert not any(isinstance(entry, PlanPage) for entry in window._entries)
    tid = context.territory_id or 0
    context.request_plan(ActionFilter(territory_id=tid, statuses=frozenset({ActionStatus.BLOQUEE})))
    plan = window.stack.currentWidget()
    assert isinstance(plan, PlanPage) and plan.isVisible()
    assert plan.status_filter.currentData() == ActionStatus.BLOQUEE.value
