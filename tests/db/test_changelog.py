"""The history (Historique): every change made through a session is logged, as the user who opened the base."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ti_desktop.db import models
from ti_desktop.db.database import Database, current_user, open_database
from ti_desktop.domain.enums import ActionStatus

from ..clock import fixed_clock
from .conftest import USER, add_action, add_territory, create_plan


def log_rows(db: Database, **where: object) -> list[models.ChangeLog]:
    with db.sessions.begin() as session:
        query = select(models.ChangeLog).filter_by(**where).order_by(models.ChangeLog.id)
        return list(session.scalars(query))


def test_creating_an_action_logs_its_code(db: Database) -> None:
    territory_id, action_id = create_plan(db, code="INN-03")
    (row,) = log_rows(db, entity="action")
    assert row.entity_id == action_id
    assert row.field is None
    assert row.old_value is None
    assert row.new_value == "INN-03"
    assert row.user == USER
    assert row.territory_id == territory_id
    assert row.action_id == action_id
    assert row.changed_at is not None and row.changed_at.tzinfo is not None


def test_creating_an_action_without_code_logs_its_title(db: Database) -> None:
    create_plan(db, code=None, title="Requalification de la friche Arcelor")
    (row,) = log_rows(db, entity="action")
    assert row.new_value == "Requalification de la friche Arcelor"


def test_creating_a_territory_logs_it(db: Database) -> None:
    territory_id, _ = create_plan(db)
    (row,) = log_rows(db, entity="territory")
    assert (row.entity_id, row.territory_id, row.action_id) == (territory_id, territory_id, None)
    assert (row.field, row.old_value, row.new_value) == (None, None, "Vallée de l'Arve")


def test_changing_the_status_logs_old_and_new_values(db: Database) -> None:
    territory_id, action_id = create_plan(db, status=ActionStatus.EN_COURS, progress=30)
    with db.sessions.begin() as session:
        action = session.get(models.Action, action_id)
        assert action is not None
        action.status = ActionStatus.REALISEE
        action.progress = 100

    changes = {row.field: row for row in log_rows(db, entity="action") if row.field is not None}
    assert set(changes) == {"status", "progress"}
    status = changes["status"]
    assert (status.old_value, status.new_value) == ("en_cours", "realisee")
    assert (changes["progress"].old_value, changes["progress"].new_value) == ("30", "100")
    for row in changes.values():
        assert row.user == USER
        assert row.entity_id == action_id
        assert row.territory_id == territory_id
        assert row.action_id == action_id


def test_one_row_per_changed_field_only(db: Database) -> None:
    _, action_id = create_plan(db, title="Titre")
    with db.sessions.begin() as session:
        action = session.get(models.Action, action_id)
        assert action is not None
        action.title = "Titre"  # same value: not a change
        action.to_discuss = True
        action.planned_budget = Decimal("1250000.50")
    rows = [row for row in log_rows(db, entity="action") if row.field is not None]
    assert sorted((row.field, row.old_value, row.new_value) for row in rows) == [
        ("planned_budget", None, "1250000.50"),
        ("to_discuss", "0", "1"),
    ]


def test_deleting_an_action_logs_what_it_was(db: Database) -> None:
    territory_id, action_id = create_plan(db, code="INN-07")
    with db.sessions.begin() as session:
        session.delete(session.get(models.Action, action_id))
    deleted = [row for row in log_rows(db, entity="action") if row.new_value is None]
    assert len(deleted) == 1
    row = deleted[0]
    assert (row.field, row.old_value, row.new_value) == (None, "INN-07", None)
    assert (row.entity_id, row.territory_id, row.action_id) == (action_id, territory_id, action_id)
    assert row.user == USER


def test_history_outlives_the_deleted_record(db: Database) -> None:
    _, action_id = create_plan(db)
    with db.sessions.begin() as session:
        session.delete(session.get(models.Action, action_id))
    assert len(log_rows(db, action_id=action_id)) == 2  # created, then deleted: both kept


def test_changing_a_funding_amount_logs_its_action_and_territory(db: Database) -> None:
    territory_id, action_id = create_plan(db)
    with db.sessions.begin() as session:
        line = models.FundingLine(action_id=action_id, programme="Fonds vert", amount_requested=Decimal("1000"))
        session.add(line)
        session.flush()
        line_id = line.id
    with db.sessions.begin() as session:
        line = session.get(models.FundingLine, line_id)
        assert line is not None
        line.amount_requested = Decimal("1500.5")

    (row,) = log_rows(db, entity="funding_line", field="amount_requested")
    assert (row.old_value, row.new_value) == ("1000.00", "1500.50")
    assert row.entity_id == line_id
    assert row.territory_id == territory_id
    assert row.action_id == action_id
    created = log_rows(db, entity="funding_line", field=None)
    assert [(r.territory_id, r.action_id) for r in created] == [(territory_id, action_id)]


def test_rolled_back_transaction_leaves_no_history(db: Database) -> None:
    with pytest.raises(RuntimeError), db.sessions.begin() as session:
        territory = add_territory(session)
        add_action(session, territory.id)
        session.flush()
        raise RuntimeError("annulé")
    assert log_rows(db) == []


def test_refused_change_leaves_no_history(db: Database) -> None:
    _, action_id = create_plan(db)
    before = len(log_rows(db))
    with pytest.raises(IntegrityError), db.sessions.begin() as session:
        action = session.get(models.Action, action_id)
        assert action is not None
        action.progress = 150
    assert len(log_rows(db)) == before


def test_history_is_not_logged_about_itself(db: Database) -> None:
    create_plan(db)
    assert "change_log" not in {row.entity for row in log_rows(db)}


def test_user_defaults_to_the_os_user(db_path: Path, backups_dir: Path) -> None:
    database = open_database(db_path, backups_dir, fixed_clock())
    try:
        create_plan(database)
        users = {row.user for row in log_rows(database)}
    finally:
        database.close()
    assert users == {current_user()}
    assert current_user()


def test_each_opened_database_logs_its_own_user(db_path: Path, backups_dir: Path, tmp_path: Path) -> None:
    alice = open_database(db_path, backups_dir, fixed_clock(), user="alice")
    bob = open_database(tmp_path / "autre.sqlite3", backups_dir, fixed_clock(), user="bob")
    try:
        create_plan(alice)
        create_plan(bob)
        assert {row.user for row in log_rows(alice)} == {"alice"}
        assert {row.user for row in log_rows(bob)} == {"bob"}
    finally:
        alice.close()
        bob.close()
