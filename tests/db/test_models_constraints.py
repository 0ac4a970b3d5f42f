"""The database refuses bad rows by itself, even when a service is bypassed (raw ORM inserts)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from ti_desktop.db import models
from ti_desktop.db.database import Database
from ti_desktop.domain.enums import ActionStatus, FundingStatus

from .conftest import add_action, add_territory, axis_id, create_plan, new_action, raw_rows


@pytest.fixture
def territory_id(db: Database) -> int:
    with db.sessions.begin() as session:
        return add_territory(session).id


def insert_action(db: Database, territory_id: int, **fields: Any) -> None:
    with db.sessions.begin() as session:
        session.add(new_action(session, territory_id, **fields))


def action_count(db: Database) -> int:
    return raw_rows(db.path, "SELECT count(*) FROM actions")[0][0]


# --- actions ---------------------------------------------------------------------------------------


def test_a_valid_action_is_accepted(db: Database, territory_id: int) -> None:
    insert_action(
        db,
        territory_id,
        code="INN-01",
        planned_start=dt.date(2025, 1, 1),
        planned_end=dt.date(2026, 12, 31),
        planned_budget=Decimal("0"),
        progress=0,
    )
    assert action_count(db) == 1


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"planned_budget": Decimal("-0.01")}, "ck_actions_planned_budget_non_negative"),
        ({"spent_to_date": Decimal("-100")}, "ck_actions_spent_to_date_non_negative"),
        ({"jobs_targeted": -1}, "ck_actions_jobs_targeted_non_negative"),
        ({"progress": 101}, "ck_actions_progress_range"),
        ({"progress": -1}, "ck_actions_progress_range"),
        (
            {"planned_start": dt.date(2025, 6, 1), "planned_end": dt.date(2025, 5, 31)},
            "ck_actions_planned_end_after_planned_start",
        ),
        (
            {"planned_start": dt.date(2025, 6, 1), "actual_end": dt.date(2025, 1, 1)},
            "ck_actions_actual_end_after_planned_start",
        ),
        ({"status": ActionStatus.REALISEE, "progress": 50}, "ck_actions_done_is_complete"),
    ],
    ids=[
        "negative-budget",
        "negative-spent",
        "negative-jobs",
        "progress-101",
        "progress-minus-1",
        "end-before-start",
        "actual-end-before-start",
        "realisee-at-50",
    ],
)
def test_bad_action_is_refused(db: Database, territory_id: int, fields: dict[str, Any], constraint: str) -> None:
    with pytest.raises(IntegrityError, match=constraint):
        insert_action(db, territory_id, **fields)
    assert action_count(db) == 0


def test_realisee_at_100_is_accepted(db: Database, territory_id: int) -> None:
    insert_action(db, territory_id, status=ActionStatus.REALISEE, progress=100)
    assert action_count(db) == 1


def test_progress_bounds_are_accepted(db: Database, territory_id: int) -> None:
    insert_action(db, territory_id, progress=0, code="A")
    insert_action(db, territory_id, progress=100, code="B")
    assert action_count(db) == 2


def test_same_day_start_and_end_is_accepted(db: Database, territory_id: int) -> None:
    day = dt.date(2025, 3, 12)
    insert_action(db, territory_id, planned_start=day, planned_end=day)
    assert action_count(db) == 1


def test_unknown_status_code_is_refused_even_through_raw_sql(db: Database, territory_id: int) -> None:
    with db.sessions.begin() as session:
        inn = axis_id(session)
    statement = text(
        "INSERT INTO actions (territory_id, axis_id, title, status, priority, to_discuss, confidential, progress, "
        "created_at, updated_at) VALUES (:territory, :axis, 'x', :status, 'moyenne', 0, 0, 0, "
        "'2025-01-01 00:00:00', '2025-01-01 00:00:00')"
    )
    with pytest.raises(IntegrityError, match="ck_actions_status_valid"), db.engine.begin() as connection:
        connection.execute(statement, {"territory": territory_id, "axis": inn, "status": "en_retard"})
    assert action_count(db) == 0
    # The same statement with a known code goes in: the refusal was about the code only.
    with db.engine.begin() as connection:
        connection.execute(statement, {"territory": territory_id, "axis": inn, "status": "en_cours"})
    assert action_count(db) == 1


def test_action_pointing_to_a_missing_axis_is_refused(db: Database, territory_id: int) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        insert_action(db, territory_id, axis_id=9999)
    assert action_count(db) == 0


def test_action_of_a_missing_territory_is_refused(db: Database) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.sessions.begin() as session:
        session.add(new_action(session, 9999))
    assert action_count(db) == 0


def test_action_cannot_be_its_own_parent(db: Database, territory_id: int) -> None:
    with db.sessions.begin() as session:
        action_id = add_action(session, territory_id).id
    with pytest.raises(IntegrityError, match="ck_actions_not_own_parent"), db.sessions.begin() as session:
        session.get(models.Action, action_id).parent_id = action_id  # type: ignore[union-attr]


# --- codes -----------------------------------------------------------------------------------------


def test_duplicate_action_code_in_the_same_territory_is_refused(db: Database, territory_id: int) -> None:
    insert_action(db, territory_id, code="INN-03")
    with pytest.raises(IntegrityError, match="UNIQUE"):
        insert_action(db, territory_id, code="INN-03", title="Une autre action")
    assert action_count(db) == 1


def test_same_action_code_in_another_territory_is_allowed(db: Database, territory_id: int) -> None:
    with db.sessions.begin() as session:
        other = add_territory(session, name="Bassin de Lacq").id
    insert_action(db, territory_id, code="INN-03")
    insert_action(db, other, code="INN-03")
    assert action_count(db) == 2


def test_several_actions_without_code_are_allowed(db: Database, territory_id: int) -> None:
    for title in ("Première", "Deuxième", "Troisième"):
        insert_action(db, territory_id, code=None, title=title)
    assert action_count(db) == 3


def test_duplicate_territory_name_is_refused(db: Database, territory_id: int) -> None:
    with pytest.raises(IntegrityError, match="UNIQUE"), db.sessions.begin() as session:
        add_territory(session)


def test_duplicate_indicator_measure_on_the_same_day_is_refused(db: Database, territory_id: int) -> None:
    with db.sessions.begin() as session:
        indicator = models.Indicator(territory_id=territory_id, name="Emplois industriels")
        session.add(indicator)
        session.flush()
        indicator_id = indicator.id
        session.add(models.IndicatorValue(indicator_id=indicator_id, measured_on=dt.date(2025, 1, 1), value=120.0))
    with pytest.raises(IntegrityError, match="UNIQUE"), db.sessions.begin() as session:
        session.add(models.IndicatorValue(indicator_id=indicator_id, measured_on=dt.date(2025, 1, 1), value=130.0))


# --- funding ---------------------------------------------------------------------------------------


@pytest.fixture
def action_id(db: Database) -> int:
    return create_plan(db)[1]


def insert_funding(db: Database, action_id: int, **fields: Any) -> None:
    values: dict[str, Any] = {"action_id": action_id, "programme": "Fonds vert", "amount_requested": Decimal("1000")}
    values.update(fields)
    with db.sessions.begin() as session:
        session.add(models.FundingLine(**values))


def funding_count(db: Database) -> int:
    return raw_rows(db.path, "SELECT count(*) FROM funding_lines")[0][0]


def test_a_valid_funding_line_is_accepted(db: Database, action_id: int) -> None:
    insert_funding(
        db,
        action_id,
        status=FundingStatus.ACCORDE,
        amount_granted=Decimal("800"),
        filed_on=dt.date(2025, 2, 1),
        decided_on=dt.date(2025, 2, 1),
    )
    assert funding_count(db) == 1


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"amount_requested": Decimal("-1")}, "ck_funding_lines_amount_requested_non_negative"),
        ({"amount_granted": Decimal("-0.01")}, "ck_funding_lines_amount_granted_non_negative"),
        (
            {"filed_on": dt.date(2025, 3, 1), "decided_on": dt.date(2025, 2, 28)},
            "ck_funding_lines_decided_on_after_filed_on",
        ),
    ],
    ids=["negative-requested", "negative-granted", "decided-before-filed"],
)
def test_bad_funding_line_is_refused(db: Database, action_id: int, fields: dict[str, Any], constraint: str) -> None:
    with pytest.raises(IntegrityError, match=constraint):
        insert_funding(db, action_id, **fields)
    assert funding_count(db) == 0


def test_unknown_funding_status_is_refused_through_raw_sql(db: Database, action_id: int) -> None:
    with pytest.raises(IntegrityError, match="ck_funding_lines_status_valid"), db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO funding_lines (action_id, amount_requested, status, created_at, updated_at) "
                "VALUES (:action, 100, 'promis', '2025-01-01 00:00:00', '2025-01-01 00:00:00')"
            ),
            {"action": action_id},
        )
    assert funding_count(db) == 0


def test_funding_line_of_a_missing_action_is_refused(db: Database, action_id: int) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        insert_funding(db, 9999)


# --- attachments -----------------------------------------------------------------------------------


def attachment(**owners: int | None) -> models.Attachment:
    return models.Attachment(title="Compte rendu", stored_path="pj/1.pdf", original_name="cr.pdf", **owners)


def test_attachment_of_an_action_or_of_a_meeting_is_accepted(db: Database, action_id: int) -> None:
    with db.sessions.begin() as session:
        territory_id = session.get(models.Action, action_id).territory_id  # type: ignore[union-attr]
        meeting = models.Meeting(territory_id=territory_id, held_on=dt.date(2025, 3, 12))
        session.add(meeting)
        session.flush()
        session.add(attachment(action_id=action_id))
        session.add(attachment(meeting_id=meeting.id))
    assert raw_rows(db.path, "SELECT count(*) FROM attachments") == [(2,)]


def test_attachment_with_both_owners_is_refused(db: Database, action_id: int) -> None:
    with db.sessions.begin() as session:
        territory_id = session.get(models.Action, action_id).territory_id  # type: ignore[union-attr]
        meeting = models.Meeting(territory_id=territory_id, held_on=dt.date(2025, 3, 12))
        session.add(meeting)
        session.flush()
        meeting_id = meeting.id
    with pytest.raises(IntegrityError, match="ck_attachments_one_owner"), db.sessions.begin() as session:
        session.add(attachment(action_id=action_id, meeting_id=meeting_id))


def test_attachment_without_owner_is_refused(db: Database) -> None:
    with pytest.raises(IntegrityError, match="ck_attachments_one_owner"), db.sessions.begin() as session:
        session.add(attachment())


# --- money -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount",
    [Decimal("1250000.50"), Decimal("0.01"), Decimal("0.00"), Decimal("99999999999.99"), Decimal("48500.05")],
)
def test_money_round_trips_exactly(db: Database, territory_id: int, amount: Decimal) -> None:
    insert_action(db, territory_id, planned_budget=amount)
    with db.sessions.begin() as session:
        stored = session.scalar(select(models.Action.planned_budget))
    assert stored == amount
    assert isinstance(stored, Decimal)
    assert str(stored) == str(amount.quantize(Decimal("0.01")))


def test_money_is_stored_as_integer_cents(db: Database, territory_id: int) -> None:
    insert_action(db, territory_id, planned_budget=Decimal("1250000.50"))
    rows = raw_rows(db.path, "SELECT planned_budget, typeof(planned_budget) FROM actions")
    assert rows == [(125000050, "integer")]


def test_money_of_a_funding_line_is_stored_as_integer_cents(db: Database, action_id: int) -> None:
    insert_funding(db, action_id, amount_requested=Decimal("48500.05"), amount_granted=Decimal("0.1"))
    rows = raw_rows(db.path, "SELECT amount_requested, amount_granted FROM funding_lines")
    assert rows == [(4850005, 10)]


def test_float_money_is_refused(db: Database, territory_id: int) -> None:
    with pytest.raises(StatementError) as caught:
        insert_action(db, territory_id, planned_budget=1250000.50)
    assert isinstance(caught.value.orig, TypeError)
    assert action_count(db) == 0


def test_timestamps_must_be_timezone_aware(db: Database, territory_id: int) -> None:
    with pytest.raises(StatementError) as caught, db.sessions.begin() as session:
        session.add(
            models.Snapshot(territory_id=territory_id, label="COPIL", payload="{}", taken_at=dt.datetime(2025, 1, 1))
        )
    assert isinstance(caught.value.orig, ValueError)


def test_timestamps_come_back_in_utc(db: Database, territory_id: int) -> None:
    paris = dt.timezone(dt.timedelta(hours=1))
    taken = dt.datetime(2025, 3, 12, 18, 30, tzinfo=paris)
    with db.sessions.begin() as session:
        session.add(models.Snapshot(territory_id=territory_id, label="COPIL", payload="{}", taken_at=taken))
    with db.sessions.begin() as session:
        stored = session.scalar(select(models.Snapshot.taken_at))
    assert stored == taken
    assert stored is not None and stored.utcoffset() == dt.timedelta(0)
    assert raw_rows(db.path, "SELECT taken_at FROM snapshots")[0][0].startswith("2025-03-12 17:30:00")


def test_enums_are_stored_by_their_code(db: Database, territory_id: int) -> None:
    insert_action(db, territory_id, status=ActionStatus.BLOQUEE)
    assert raw_rows(db.path, "SELECT status, priority FROM actions") == [("bloquee", "moyenne")]
    with db.sessions.begin() as session:
        assert session.scalar(select(models.Action.status)) is ActionStatus.BLOQUEE
