"""Key figures of a plan (dashboard, report synthèse), computed from plain records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ti_desktop.domain.enums import ActionStatus, AmountBasis, FundingStatus, Priority
from ti_desktop.domain.records import ActionRecord, FundingLineRecord
from ti_desktop.domain.summaries import (
    budget_totals,
    count_by_axis_and_status,
    count_by_status,
    funding_summary,
    jobs_targeted,
    late_actions,
    plan_summary,
    secured_funding,
)

TODAY = dt.date(2025, 3, 15)
STAMP = dt.datetime(2025, 1, 1, 9, 0, tzinfo=dt.UTC)
S = ActionStatus
F = FundingStatus

_next_id = iter(range(1, 10_000))


def action(
    status: ActionStatus = S.EN_COURS,
    *,
    axis_id: int = 1,
    code: str | None = None,
    planned_end: dt.date | None = None,
    planned_budget: Decimal | None = None,
    spent_to_date: Decimal | None = None,
    jobs: int | None = None,
    id: int | None = None,
    basis: AmountBasis | None = None,
) -> ActionRecord:
    return ActionRecord(
        id=id if id is not None else next(_next_id),
        territory_id=1,
        axis_id=axis_id,
        objective_id=None,
        parent_id=None,
        code=code,
        title="Action",
        description=None,
        expected_results=None,
        notes=None,
        status=status,
        priority=Priority.MOYENNE,
        to_discuss=False,
        confidential=False,
        lead_actor_id=None,
        pilot_actor_id=None,
        elected_referent_id=None,
        planned_start=None,
        planned_end=planned_end,
        actual_end=None,
        progress=100 if status is S.REALISEE else 0,
        planned_budget=planned_budget,
        spent_to_date=spent_to_date,
        budget_nature=None,
        budget_basis=basis,
        jobs_targeted=jobs,
        jobs_created=None,
        induced_investment=None,
        achieved_investment=None,
        created_at=STAMP,
        updated_at=STAMP,
    )


def line(
    status: FundingStatus, requested: str, granted: str | None = None, basis: AmountBasis | None = None
) -> FundingLineRecord:
    return FundingLineRecord(
        id=next(_next_id),
        action_id=1,
        funder_actor_id=None,
        funder_name="Région",
        programme="FEDER",
        amount_requested=Decimal(requested),
        amount_granted=Decimal(granted) if granted is not None else None,
        status=status,
        filed_on=None,
        decided_on=None,
        basis=basis,
        created_at=STAMP,
        updated_at=STAMP,
    )


# --- status counts --------------------------------------------------------------------------------------


def test_count_by_status_counts_each_status_and_zero_for_absent_ones():
    counts = count_by_status([action(S.EN_COURS), action(S.EN_COURS), action(S.BLOQUEE), action(S.A_VENIR)])
    assert counts.count(S.EN_COURS) == 2
    assert counts.count(S.BLOQUEE) == 1
    assert counts.count(S.A_VENIR) == 1
    assert counts.count(S.REALISEE) == 0
    assert counts.total == 4
    assert set(counts.by_status) == set(ActionStatus)


def test_started_actions_are_in_progress_blocked_paused_or_done():
    counts = count_by_status([action(status) for status in ActionStatus])
    assert counts.started == 4


def test_share_started_leaves_abandoned_actions_out_of_the_denominator():
    counts = count_by_status([action(S.EN_COURS), action(S.A_VENIR), action(S.ABANDONNEE), action(S.ABANDONNEE)])
    assert counts.share_started == 0.5


def test_share_started_of_a_fully_realised_plan_is_one():
    assert count_by_status([action(S.REALISEE), action(S.REALISEE)]).share_started == 1.0


def test_share_started_of_an_empty_plan_is_undefined():
    assert count_by_status([]).share_started is None


def test_share_started_when_every_action_is_abandoned_is_undefined():
    assert count_by_status([action(S.ABANDONNEE)]).share_started is None


def test_count_by_axis_and_status_groups_per_axis_and_omits_empty_axes():
    per_axis = count_by_axis_and_status(
        [action(S.EN_COURS, axis_id=1), action(S.REALISEE, axis_id=1), action(S.BLOQUEE, axis_id=3)]
    )
    assert set(per_axis) == {1, 3}
    assert per_axis[1].total == 2
    assert per_axis[1].count(S.REALISEE) == 1
    assert per_axis[3].count(S.BLOQUEE) == 1
    assert per_axis[3].count(S.EN_COURS) == 0


# --- budget ---------------------------------------------------------------------------------------------


def test_budget_totals_sum_planned_and_spent_exactly():
    totals = budget_totals(
        [
            action(planned_budget=Decimal("1250000.10"), spent_to_date=Decimal("300000.05")),
            action(planned_budget=Decimal("0.20"), spent_to_date=Decimal("0.10")),
        ]
    )
    assert totals.planned == Decimal("1250000.30")
    assert totals.spent == Decimal("300000.15")
    assert totals.actions_without_budget == 0


def test_action_without_budget_is_counted_apart_but_zero_budget_is_a_budget():
    totals = budget_totals(
        [
            action(planned_budget=None, spent_to_date=Decimal("500.00")),
            action(planned_budget=Decimal("0.00"), spent_to_date=None),
            action(planned_budget=Decimal("1000.00")),
        ]
    )
    assert totals.actions_without_budget == 1
    assert totals.planned == Decimal("1000.00")
    assert totals.spent == Decimal("500.00")


def test_budget_totals_of_an_empty_plan_are_zero():
    totals = budget_totals([])
    assert totals.planned == Decimal("0.00")
    assert totals.spent == Decimal("0.00")
    assert totals.actions_without_budget == 0


def test_budget_totals_stay_decimal():
    totals = budget_totals([action(planned_budget=Decimal("0.10")), action(planned_budget=Decimal("0.20"))])
    assert isinstance(totals.planned, Decimal)
    assert totals.planned == Decimal("0.30")


# --- funding --------------------------------------------------------------------------------------------


def mixed_lines() -> list[FundingLineRecord]:
    return [
        line(F.ENVISAGE, "10000.00"),
        line(F.DEPOSE, "20000.00"),
        line(F.ACCORDE, "30000.00", "25000.00"),
        line(F.VERSE, "40000.00", "40000.00"),
        line(F.REFUSE, "50000.00"),
    ]


def test_funding_summary_splits_amounts_by_status():
    summary = funding_summary(mixed_lines(), Decimal("200000.00"))
    assert summary.envisaged == Decimal("10000.00")
    assert summary.requested == Decimal("90000.00")  # déposé + accordé + versé, amounts requested
    assert summary.granted == Decimal("65000.00")  # accordé + versé, amounts granted
    assert summary.paid == Decimal("40000.00")  # versé
    assert summary.refused == Decimal("50000.00")
    assert summary.planned_budget == Decimal("200000.00")


def test_coverage_is_granted_over_planned_budget():
    assert funding_summary(mixed_lines(), Decimal("200000.00")).coverage == 0.325


def test_coverage_with_zero_budget_is_undefined():
    assert funding_summary(mixed_lines(), Decimal("0.00")).coverage is None


def test_granted_line_without_granted_amount_counts_zero_granted_but_its_request():
    summary = funding_summary([line(F.ACCORDE, "30000.00", None)], Decimal("100000.00"))
    assert summary.granted == Decimal("0.00")
    assert summary.requested == Decimal("30000.00")
    assert summary.coverage == 0.0


def test_funding_summary_without_lines_is_all_zero():
    summary = funding_summary([], Decimal("1000.00"))
    zero = Decimal("0.00")
    assert summary.envisaged == summary.requested == summary.granted == summary.paid == summary.refused == zero
    assert summary.coverage == 0.0


def test_secured_funding_is_granted_plus_paid_at_granted_amounts():
    assert secured_funding(mixed_lines()) == Decimal("65000.00")


def test_secured_funding_ignores_requested_amounts_of_pending_lines():
    assert secured_funding([line(F.DEPOSE, "99999.99"), line(F.ENVISAGE, "1.00")]) == Decimal("0.00")


def test_secured_funding_is_exact_decimal():
    total = secured_funding([line(F.ACCORDE, "0", "0.10"), line(F.VERSE, "0", "0.20")])
    assert isinstance(total, Decimal)
    assert total == Decimal("0.30")


# --- jobs -----------------------------------------------------------------------------------------------


def test_jobs_targeted_leaves_out_abandoned_actions_and_missing_figures():
    actions = [action(S.EN_COURS, jobs=12), action(S.REALISEE, jobs=30), action(S.ABANDONNEE, jobs=100)]
    actions.append(action(S.A_VENIR, jobs=None))
    assert jobs_targeted(actions) == 42


def test_jobs_targeted_of_an_empty_plan_is_zero():
    assert jobs_targeted([]) == 0


# --- late actions ---------------------------------------------------------------------------------------


def test_late_actions_are_listed_most_overdue_first():
    old = action(planned_end=dt.date(2024, 6, 30), code="FON-01")
    recent = action(planned_end=dt.date(2025, 3, 14), code="INN-01")
    older = action(planned_end=dt.date(2023, 12, 31), code="TEC-02")
    assert late_actions([recent, old, older], TODAY) == [older, old, recent]


def test_late_actions_with_same_end_are_ordered_by_code_then_id():
    b = action(planned_end=dt.date(2025, 1, 1), code="INN-02", id=1)
    a = action(planned_end=dt.date(2025, 1, 1), code="INN-01", id=2)
    no_code_2 = action(planned_end=dt.date(2025, 1, 1), code=None, id=20)
    no_code_1 = action(planned_end=dt.date(2025, 1, 1), code=None, id=10)
    assert late_actions([b, no_code_2, a, no_code_1], TODAY) == [no_code_1, no_code_2, a, b]


def test_late_actions_exclude_on_time_closed_and_undated_actions():
    on_time = action(planned_end=TODAY)
    done = action(S.REALISEE, planned_end=dt.date(2024, 1, 1))
    dropped = action(S.ABANDONNEE, planned_end=dt.date(2024, 1, 1))
    undated = action(planned_end=None)
    late = action(S.BLOQUEE, planned_end=dt.date(2024, 1, 1))
    assert late_actions([on_time, done, dropped, undated, late], TODAY) == [late]


# --- plan summary ---------------------------------------------------------------------------------------


def test_plan_summary_gathers_the_key_figures():
    actions = [
        action(S.EN_COURS, planned_budget=Decimal("100000.00"), jobs=10, planned_end=dt.date(2025, 1, 31)),
        action(S.REALISEE, planned_budget=Decimal("100000.00"), jobs=5, planned_end=dt.date(2024, 12, 31)),
        action(S.ABANDONNEE, planned_budget=None, jobs=50, planned_end=dt.date(2024, 1, 1)),
        action(S.A_VENIR, planned_budget=None, planned_end=dt.date(2026, 1, 1)),
    ]
    lines = [line(F.ACCORDE, "60000.00", "50000.00"), line(F.DEPOSE, "20000.00")]

    summary = plan_summary(iter(actions), iter(lines), TODAY)

    assert summary.status_counts.total == 4
    assert summary.status_counts.share_started == 2 / 3
    assert summary.budget.planned == Decimal("200000.00")
    assert summary.budget.actions_without_budget == 2
    assert summary.funding.granted == Decimal("50000.00")
    assert summary.funding.requested == Decimal("80000.00")
    assert summary.funding.planned_budget == Decimal("200000.00")
    assert summary.funding.coverage == 0.25
    assert summary.jobs_targeted == 15
    assert summary.late_count == 1


def test_plan_summary_of_an_empty_plan():
    summary = plan_summary([], [], TODAY)
    assert summary.status_counts.total == 0
    assert summary.status_counts.share_started is None
    assert summary.funding.coverage is None
    assert summary.jobs_targeted == 0
    assert summary.late_count == 0


# --- HT and TTC -----------------------------------------------------------------------------------------


def test_the_ttc_part_of_the_budget_is_kept_apart():
    totals = budget_totals(
        [
            action(planned_budget=Decimal("1000")),
            action(planned_budget=Decimal("250.50"), basis=AmountBasis.TTC),
            action(planned_budget=Decimal("10"), basis=AmountBasis.HT),
        ]
    )
    assert (totals.planned, totals.planned_ttc) == (Decimal("1260.50"), Decimal("250.50"))
    assert budget_totals([action(planned_budget=Decimal("10"))]).planned_ttc == 0


def test_the_ttc_part_of_each_funding_figure_is_kept_apart():
    lines = [
        line(FundingStatus.ACCORDE, "100", "80"),
        line(FundingStatus.VERSE, "50", "40", basis=AmountBasis.TTC),
        line(FundingStatus.DEPOSE, "30", basis=AmountBasis.TTC),
    ]
    summary = funding_summary(lines, Decimal("1000"))
    assert (summary.requested, summary.granted, summary.paid) == (Decimal(180), Decimal(120), Decimal(40))
    assert summary.ttc is not None
    assert (summary.ttc.requested, summary.ttc.granted, summary.ttc.paid) == (Decimal(80), Decimal(40), Decimal(40))
    assert funding_summary(lines[:1], Decimal("1000")).ttc is None  # all HT: nothing to say
