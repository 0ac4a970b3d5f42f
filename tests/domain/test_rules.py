"""Domain rules from DESIGN §2, without a database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ti_desktop.domain.enums import ActionStatus, FundingStatus
from ti_desktop.domain.errors import TiDesktopError, ValidationError
from ti_desktop.domain.rules import (
    check_date_order,
    check_non_negative,
    check_progress,
    check_status_progress,
    confidential_ids,
    is_action_late,
    is_funding_secured,
    is_milestone_overdue,
)

TODAY = dt.date(2025, 3, 15)
YESTERDAY = dt.date(2025, 3, 14)
TOMORROW = dt.date(2025, 3, 16)
OPEN_STATUSES = [s for s in ActionStatus if s not in (ActionStatus.REALISEE, ActionStatus.ABANDONNEE)]


# --- late actions ---------------------------------------------------------------------------------------


def test_action_without_planned_end_is_never_late():
    assert not is_action_late(ActionStatus.EN_COURS, None, TODAY)


def test_action_ending_today_is_not_late():
    assert not is_action_late(ActionStatus.EN_COURS, TODAY, TODAY)


def test_action_that_should_have_ended_yesterday_is_late():
    assert is_action_late(ActionStatus.EN_COURS, YESTERDAY, TODAY)


def test_action_ending_tomorrow_is_not_late():
    assert not is_action_late(ActionStatus.EN_COURS, TOMORROW, TODAY)


@pytest.mark.parametrize("status", [ActionStatus.REALISEE, ActionStatus.ABANDONNEE])
@pytest.mark.parametrize("planned_end", [dt.date(2000, 1, 1), YESTERDAY, TODAY, None])
def test_done_or_dropped_action_is_never_late(status, planned_end):
    assert not is_action_late(status, planned_end, TODAY)


@pytest.mark.parametrize("status", OPEN_STATUSES)
def test_every_open_status_is_late_once_past_its_end(status):
    assert is_action_late(status, YESTERDAY, TODAY)


# --- overdue milestones ---------------------------------------------------------------------------------


def test_milestone_without_due_date_is_never_overdue():
    assert not is_milestone_overdue(None, None, TODAY)


def test_done_milestone_is_not_overdue_even_past_due():
    assert not is_milestone_overdue(dt.date(2024, 1, 1), dt.date(2024, 2, 1), TODAY)


def test_milestone_due_today_is_not_overdue():
    assert not is_milestone_overdue(TODAY, None, TODAY)


def test_undone_milestone_due_yesterday_is_overdue():
    assert is_milestone_overdue(YESTERDAY, None, TODAY)


# --- secured funding ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "secured"),
    [
        (FundingStatus.ENVISAGE, False),
        (FundingStatus.DEPOSE, False),
        (FundingStatus.ACCORDE, True),
        (FundingStatus.VERSE, True),
        (FundingStatus.REFUSE, False),
    ],
)
def test_only_granted_or_paid_funding_is_secured(status, secured):
    assert is_funding_secured(status) is secured


# --- date order -----------------------------------------------------------------------------------------


def check_plan_dates(start, end):
    check_date_order(start, end, end_field="planned_end", end_label="Fin prévue", start_label="Début prévu")


def test_one_day_action_with_equal_dates_is_fine():
    check_plan_dates(TODAY, TODAY)


@pytest.mark.parametrize(("start", "end"), [(None, TODAY), (TODAY, None), (None, None)])
def test_missing_date_on_either_side_is_fine(start, end):
    check_plan_dates(start, end)


def test_end_before_start_is_refused_naming_the_end_field_in_french():
    with pytest.raises(ValidationError) as caught:
        check_plan_dates(TODAY, YESTERDAY)
    error = caught.value
    assert isinstance(error, TiDesktopError)
    assert error.field == "planned_end"
    assert error.label == "Fin prévue"
    assert error.message.startswith("Fin prévue : ")
    assert "14/03/2025" in error.message
    assert "15/03/2025" in error.message
    assert "« Début prévu »" in error.message
    assert "antérieur" in error.message


@given(st.dates(), st.dates())
def test_end_on_or_after_start_never_raises(first, second):
    start, end = sorted((first, second))
    check_plan_dates(start, end)


# --- progress -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("progress", [0, 50, 100])
def test_progress_between_0_and_100_is_fine(progress):
    check_progress(progress)


@pytest.mark.parametrize("progress", [-1, 101])
def test_progress_outside_0_100_is_refused(progress):
    with pytest.raises(ValidationError) as caught:
        check_progress(progress)
    assert caught.value.field == "progress"
    assert caught.value.message.startswith("Avancement : ")
    assert f"{progress} %" in caught.value.message


def test_realised_action_below_100_percent_is_refused_naming_avancement():
    with pytest.raises(ValidationError) as caught:
        check_status_progress(ActionStatus.REALISEE, 99)
    assert caught.value.field == "progress"
    assert "Avancement" in caught.value.message
    assert "99 %" in caught.value.message


def test_realised_action_at_100_percent_is_fine():
    check_status_progress(ActionStatus.REALISEE, 100)


def test_action_in_progress_may_reach_100_percent():
    check_status_progress(ActionStatus.EN_COURS, 100)


def test_status_progress_still_checks_the_range():
    with pytest.raises(ValidationError):
        check_status_progress(ActionStatus.EN_COURS, 101)


# --- amounts --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("amount", [None, 0, Decimal("0.00"), Decimal("48500.50")])
def test_zero_positive_or_missing_amount_is_fine(amount):
    check_non_negative(amount, field="planned_budget", label="Budget prévisionnel")


def test_negative_amount_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as caught:
        check_non_negative(Decimal("-0.01"), field="planned_budget", label="Budget prévisionnel")
    assert caught.value.field == "planned_budget"
    assert caught.value.message == "Budget prévisionnel : le montant ne peut pas être négatif."


def test_a_sub_action_of_a_confidential_action_is_left_out_with_it() -> None:
    actions = [
        SimpleNamespace(id=1, parent_id=None, confidential=True),
        SimpleNamespace(id=2, parent_id=1, confidential=False),  # part of the confidential project
        SimpleNamespace(id=3, parent_id=None, confidential=False),
        SimpleNamespace(id=4, parent_id=3, confidential=True),
    ]
    assert confidential_ids(actions) == {1, 2, 4}
