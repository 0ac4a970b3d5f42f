"""Every timestamp a session writes comes from the clock the base was opened with, never the machine's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from ti_desktop.db import models
from ti_desktop.db.database import open_database
from ti_desktop.kernel.clock import FixedClock

from .conftest import USER, add_action, add_territory, raw_rows

OPENED = dt.datetime(2031, 2, 28, 7, 0, tzinfo=dt.UTC)


def test_rows_and_history_are_stamped_by_the_clock(tmp_path: Path) -> None:
    clock = FixedClock(OPENED)
    database = open_database(tmp_path / "plan.sqlite3", tmp_path / "sauvegardes", clock, user=USER)
    try:
        with database.sessions.begin() as session:
            territory = add_territory(session)
            action_id = add_action(session, territory.id).id
        clock.advance(dt.timedelta(days=400))  # a year later, the action is edited
        with database.sessions.begin() as session:
            session.get_one(models.Action, action_id).title = "Plateforme d'essais"
        with database.sessions.begin() as session:
            action = session.get_one(models.Action, action_id)
            assert action.created_at == OPENED
            assert action.updated_at == OPENED + dt.timedelta(days=400)
            assert session.get_one(models.Territory, territory.id).updated_at == OPENED  # untouched since
            history = session.scalars(select(models.ChangeLog).order_by(models.ChangeLog.id)).all()
            assert [(row.entity, row.field, row.changed_at) for row in history] == [
                ("territory", None, OPENED),
                ("action", None, OPENED),
                ("action", "title", OPENED + dt.timedelta(days=400)),
            ]
    finally:
        database.close()
    # Stored in UTC, as every timestamp.
    assert raw_rows(tmp_path / "plan.sqlite3", "SELECT created_at FROM actions") == [("2031-02-28 07:00:00.000000",)]


def test_a_row_that_sets_its_own_timestamps_keeps_them(tmp_path: Path) -> None:
    """What undo needs: a record put back after a deletion keeps its dates."""
    clock = FixedClock(OPENED)
    database = open_database(tmp_path / "plan.sqlite3", tmp_path / "sauvegardes", clock, user=USER)
    created = dt.datetime(2025, 3, 15, 9, 0, tzinfo=dt.UTC)
    try:
        with database.sessions.begin() as session:
            territory = models.Territory(name="Vallée de l'Arve", created_at=created, updated_at=created)
            session.add(territory)
        with database.sessions.begin() as session:
            stored = session.scalars(select(models.Territory)).one()
            assert (stored.created_at, stored.updated_at) == (created, created)
    finally:
        database.close()


def test_the_seeded_axes_of_a_new_base_are_dated_by_the_clock(tmp_path: Path) -> None:
    database = open_database(tmp_path / "plan.sqlite3", tmp_path / "sauvegardes", FixedClock(OPENED), user=USER)
    try:
        with database.sessions.begin() as session:
            dates = set(session.scalars(select(models.Axis.created_at)))
        assert dates == {OPENED}
    finally:
        database.close()
