"""Domain rules, tested without a database.

Each `check_*` function raises `ValidationError` naming the field in French; each predicate is pure.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ti_desktop.domain.enums import (
    CLOSED_STATUSES,
    SECURED_FUNDING_STATUSES,
    ActionStatus,
    FundingStatus,
)
from ti_desktop.domain.errors import ValidationError


def is_action_late(status: ActionStatus, planned_end: dt.date | None, today: dt.date) -> bool:
    """Late: the planned end has passed (strictly before today) and the action is neither done nor dropped."""
    if planned_end is None or status in CLOSED_STATUSES:
        return False
    return planned_end < today


def is_milestone_overdue(due_on: dt.date | None, done_on: dt.date | None, today: dt.date) -> bool:
    """Overdue: its due date has passed (strictly before today) and it is not done."""
    return due_on is not None and done_on is None and due_on < today


def is_funding_secured(status: FundingStatus) -> bool:
    """Secured funding = accordé + versé."""
    return status in SECURED_FUNDING_STATUSES


def check_date_order(
    start: dt.date | None,
    end: dt.date | None,
    *,
    end_field: str,
    end_label: str,
    start_label: str,
) -> None:
    """An end date is never before its start date (equal is allowed: a one-day action)."""
    if start is not None and end is not None and end < start:
        raise ValidationError(
            end_field,
            end_label,
            f"le {end.strftime('%d/%m/%Y')} est antérieur à la date « {start_label} » ({start.strftime('%d/%m/%Y')}).",
        )


def check_progress(progress: int, *, field: str = "progress", label: str = "Avancement") -> None:
    if not 0 <= progress <= 100:
        raise ValidationError(field, label, f"{progress} % n'est pas compris entre 0 et 100 %.")


def check_status_progress(status: ActionStatus, progress: int) -> None:
    """A réalisée action is 100 % done; progress stays within 0–100."""
    check_progress(progress)
    if status is ActionStatus.REALISEE and progress != 100:
        raise ValidationError(
            "progress",
            "Avancement",
            f"une action réalisée est avancée à 100 %, pas à {progress} %.",
        )


def check_non_negative(amount: Decimal | int | float | None, *, field: str, label: str) -> None:
    if amount is not None and amount < 0:
        raise ValidationError(field, label, "le montant ne peut pas être négatif.")
