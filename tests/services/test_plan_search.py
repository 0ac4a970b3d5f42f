"""The plan's filters run by the database mean what `ActionFilter.matches` means, on SQLite and PostgreSQL; the
search index follows every write of an action."""

from __future__ import annotations

import os
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ti_desktop.domain.enums import ActionStatus, CustomFieldKind
from ti_desktop.domain.filters import FILTERABLE, ActionFilter, QualityIssue
from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.plan import custom_values_in, last_update_dates_in
from ti_desktop.services.registry import Services
from ti_desktop.services.views import PlanOrder

from ..clock import TODAY
from ..conftest import ENGINE_URL_VAR

# Pieces of the demo's texts, in other cases, accents kept; 1- and 2-letter words use the scan, longer the index.
WORDS = ["friche", "FRICHE", "Mobilité", "mobilite", "é", "tec-0", "inn", "de", "a", "x", "zzz", "%", "_", "énergie"]


def reference(services: Services, action_filter: ActionFilter) -> set[int]:
    """What the Python predicate keeps, over every record of the territory."""
    tid = action_filter.territory_id
    with services.actions._sessions() as session:
        last = last_update_dates_in(session, tid)
        custom = custom_values_in(session, tid)
    return {
        action.id
        for action in services.actions.for_territory(tid)
        if action_filter.matches(action, last.get(action.id), custom.get(action.id))
    }


def filters(territory_id: int, axis_ids: list[int], lead_ids: list[int], custom_ids: list[int]) -> st.SearchStrategy:
    some = st.frozensets
    return st.builds(
        ActionFilter,
        territory_id=st.just(territory_id),
        axis_ids=some(st.sampled_from(axis_ids), max_size=2),
        statuses=some(st.sampled_from(list(ActionStatus)), max_size=2),
        lead_actor_ids=some(st.sampled_from(lead_ids), max_size=2),
        late_only=st.booleans(),
        to_discuss_only=st.booleans(),
        confidential=st.sampled_from([None, True, False]),
        text=st.lists(st.sampled_from(WORDS), max_size=2).map(" ".join),
        quality=some(st.sampled_from(list(QualityIssue)), max_size=2),
        filled=some(st.sampled_from(sorted(FILTERABLE)), max_size=1),
        custom_filled=some(st.sampled_from(custom_ids), max_size=1),
        today=st.just(TODAY),
    )


def test_the_database_finds_what_the_filter_matches(services: Services) -> None:
    territory = create_demo_territory(services)
    tid = territory.id
    fields = services.custom_fields
    text = fields.define(tid, "Cibles", CustomFieldKind.TEXT)
    cost = fields.define(tid, "Cout regional", CustomFieldKind.AMOUNT)
    count = fields.define(tid, "Mesure locale", CustomFieldKind.NUMBER)
    flag = fields.define(tid, "Labellisee", CustomFieldKind.FLAG)
    actions = services.actions.for_territory(tid)
    for number, action in enumerate(actions[:12]):
        values = {
            text.id: "PME" if number % 2 else "",
            cost.id: Decimal(number % 3) * 1000,
            count.id: Decimal(number % 4) / 2,
            flag.id: bool(number % 2),
        }
        fields.set_values(action.id, {k: v for k, v in values.items() if v != ""})
    services.actions.update(actions[0].id, title="Énergie des FRICHES", description="Mobilité_douce 100%")
    axis_ids = [axis.id for axis in services.axes.available_to(tid)]
    lead_ids = sorted({a.lead_actor_id for a in actions if a.lead_actor_id is not None})
    custom_ids = [text.id, cost.id, count.id, flag.id]

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(filters(tid, axis_ids, lead_ids, custom_ids))
    def check(action_filter: ActionFilter) -> None:
        assert services.views.plan_matching_ids(action_filter) == reference(services, action_filter)

    check()


def test_a_window_and_the_counts_agree_with_the_filter(services: Services) -> None:
    territory = create_demo_territory(services)
    tid = territory.id
    action_filter = ActionFilter(territory_id=tid, text="friche", today=TODAY)
    expected = reference(services, action_filter)
    counts = services.views.plan_counts(action_filter)
    assert counts.matching == len(expected) > 0
    assert counts.total == len(services.actions.for_territory(tid))
    shown: set[int] = set()
    for axis_id, count in counts.axes.items():
        entries = services.views.plan_window(action_filter, axis_id, PlanOrder(), 0, 1000, TODAY)
        assert len(entries) == count.top_level
        assert sum(1 + len(entry.children) for entry in entries) == count.shown
        shown |= {entry.row.action.id for entry in entries if entry.matches}
        shown |= {sub.action.id for entry in entries for sub, _ in entry.children}
    assert shown == expected


def test_the_search_index_follows_edits_deletions_and_undo(services: Services) -> None:
    territory = create_demo_territory(services)
    tid = territory.id
    axis = services.axes.available_to(tid)[0]

    def found(text: str) -> set[int]:
        return services.views.plan_matching_ids(ActionFilter(territory_id=tid, text=text))

    created = services.actions.create(territory_id=tid, axis_id=axis.id, title="Atelier de kayakiste")
    assert found("kayakiste") == {created.id}
    services.actions.update(created.id, title="Atelier de xylographie", description="Bois de Quimper")
    assert found("kayakiste") == set() and found("xylographie quimper") == {created.id}
    bundle = services.actions.bundle(created.id)
    services.actions.delete(created.id)
    assert found("xylographie") == set()
    services.actions.put_back(bundle)
    assert found("xylographie") == {created.id}


def test_a_text_search_counts_and_windows_follow_edits(services: Services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A text search is served from the search index's ids and the plan's layout, both kept between searches: they
    # must give what the database's full query gives, and see an edit made since.
    territory = create_demo_territory(services)
    tid = territory.id
    views = services.views

    def seen(action_filter: ActionFilter) -> tuple[object, list[object]]:
        counts = views.plan_counts(action_filter)
        windows = [views.plan_window(action_filter, axis, PlanOrder(), 0, 1000, TODAY) for axis in sorted(counts.axes)]
        return counts, windows

    def check(text: str) -> None:
        action_filter = ActionFilter(territory_id=tid, text=text, today=TODAY)
        fast = seen(action_filter)
        with monkeypatch.context() as patched:
            patched.setattr(type(views), "_text_only", staticmethod(lambda *_args: False))
            patched.setattr(type(views), "_served_unfiltered", staticmethod(lambda *_args: False))
            assert fast == seen(action_filter)
        counts = views.plan_counts(action_filter)
        assert counts.matching == len(reference(services, action_filter))

    served: list[str] = []
    matches = type(views)._text_matches

    def recording(self: object, session: object, action_filter: ActionFilter) -> object:
        served.append(action_filter.text)
        return matches(self, session, action_filter)  # type: ignore[arg-type]

    monkeypatch.setattr(type(views), "_text_matches", recording)
    views.plan_counts(ActionFilter(territory_id=tid, today=TODAY))
    for text in ("friche", "FRICHE campus", "tion", "énergie", "zzzz"):
        check(text)
    action = services.actions.for_territory(tid)[-1]
    services.actions.update(action.id, title="Une zzzz nouvelle")
    check("zzzz")
    assert views.plan_counts(ActionFilter(territory_id=tid, text="zzzz", today=TODAY)).matching == 1
    if os.environ.get(ENGINE_URL_VAR):  # PostgreSQL: another user's commit cannot be seen cheaply, no short way
        assert served == []
    else:  # SQLite with the search index: the searches took the short way
        assert "friche" in served
    # The whole plan is served from the layout too, in the database's order: actions without a code come last.
    axis = services.axes.available_to(tid)[0]
    uncoded = services.actions.create(territory_id=tid, axis_id=axis.id, title="Sans code zzzz")
    assert uncoded.code is None
    services.actions.create(territory_id=tid, axis_id=axis.id, parent_id=uncoded.id, title="Sous-action zzzz")
    for text in ("", "zzzz"):
        check(text)
