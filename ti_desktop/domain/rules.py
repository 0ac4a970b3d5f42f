"""Domain rules, tested without a database.

Each `check_*` function raises `ValidationError` naming the field in French; each predicate is pure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from ti_desktop.domain.enums import (
    CLOSED_STATUSES,
    SECURED_FUNDING_STATUSES,
    ActionStatus,
    CustomFieldKind,
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


# --- rules on whole records -----------------------------------------------------------------------------
# The services call these on every path that writes a record — create, update, import, restore, undo — with
# what they read of the records it points to. `settle_*` returns the record with the consequences the rules
# draw (a réalisée action is at 100 %); `check_*` refuses what no consequence can make right.


@dataclass(frozen=True, slots=True)
class Linked:
    """What the rules need to know of a record another one points to (an action's objective or parent, the
    meeting of a decision…)."""

    territory_id: int | None  # None: shared by every territory (the programme's four axes)
    axis_id: int | None = None
    parent_id: int | None = None
    title: str = ""


def _changed(name: str, values: Mapping[str, Any], before: Mapping[str, Any] | None) -> bool:
    return before is None or values.get(name) != before.get(name)


def settle_action(
    values: Mapping[str, Any],
    before: Mapping[str, Any] | None,
    given: Collection[str],
    today: dt.date,
    *,
    objective: Linked | None,
    parent: Linked | None,
) -> dict[str, Any]:
    """The action as the rules make it. `values`: as it will be (the caller's changes merged); `before`: as it
    was (None for a new one); `given`: the fields the caller set, which the rules never override.

    - A sous-action lives in its parent's axis: choosing a parent brings the action to that axis.
    - A new axis drops what belonged to the old one: the objective, and the parent (the action becomes a
      fiche of its own).
    - Marking an action réalisée completes it: 100 %, and today as its actual end.
    - Reopening a réalisée action (another open status) removes its actual end: it is not finished any more.
    """
    settled = dict(values)
    if parent is not None and "parent_id" in given and "axis_id" not in given:
        settled["axis_id"] = parent.axis_id
    if _changed("axis_id", settled, before):
        if parent is not None and "parent_id" not in given and parent.axis_id != settled["axis_id"]:
            settled["parent_id"] = None
        if objective is not None and "objective_id" not in given and objective.axis_id != settled["axis_id"]:
            settled["objective_id"] = None
    status = ActionStatus(settled["status"])
    was = ActionStatus(before["status"]) if before is not None else None
    if status is ActionStatus.REALISEE and was is not ActionStatus.REALISEE:
        if "progress" not in given:
            settled["progress"] = 100
        if settled.get("actual_end") is None and "actual_end" not in given:
            settled["actual_end"] = today
    elif was is ActionStatus.REALISEE and status not in CLOSED_STATUSES and "actual_end" not in given:
        settled["actual_end"] = None
    return settled


def check_action(
    values: Mapping[str, Any],
    *,
    axis: Linked | None,
    objective: Linked | None,
    parent: Linked | None,
    has_sub_actions: bool,
) -> None:
    """What an action must be, once settled (`values` with its "id" when it exists)."""
    territory_id = values["territory_id"]
    check_date_order(
        values.get("planned_start"),
        values.get("planned_end"),
        end_field="planned_end",
        end_label="Fin prévue",
        start_label="Début prévu",
    )
    check_date_order(
        values.get("planned_start"),
        values.get("actual_end"),
        end_field="actual_end",
        end_label="Fin réelle",
        start_label="Début prévu",
    )
    check_status_progress(ActionStatus(values["status"]), values["progress"])
    check_in_territory(axis, territory_id, field="axis_id", label="Axe", what="cet axe")
    if objective is not None and (objective.territory_id, objective.axis_id) != (territory_id, values["axis_id"]):
        raise ValidationError("objective_id", "Objectif", "cet objectif ne relève pas de l'axe de l'action.")
    if values.get("parent_id") is None or parent is None:
        return
    if values["parent_id"] == values.get("id"):
        raise ValidationError("parent_id", "Action parente", "une action ne peut pas être sa propre parente.")
    if parent.territory_id != territory_id:
        raise ValidationError("parent_id", "Action parente", "elle appartient à un autre territoire.")
    if parent.parent_id is not None:
        raise ValidationError(
            "parent_id",
            "Action parente",
            f"« {parent.title} » est déjà une sous-action : un seul niveau de sous-actions est permis.",
        )
    if has_sub_actions:
        raise ValidationError(
            "parent_id", "Action parente", "cette action a ses propres sous-actions : elle ne peut pas en devenir une."
        )
    if parent.axis_id != values["axis_id"]:
        raise ValidationError(
            "axis_id", "Axe", f"une sous-action reste dans l'axe de son action parente « {parent.title} »."
        )


def check_in_territory(linked: Linked | None, territory_id: int | None, *, field: str, label: str, what: str) -> None:
    """A record points only to what belongs to its own territory (or to every territory)."""
    if linked is not None and linked.territory_id not in (None, territory_id):
        raise ValidationError(field, label, f"{what} appartient à un autre territoire.")


def check_progress_update(values: Mapping[str, Any]) -> None:
    """A point d'avancement saying réalisée says 100 % (it always states its progress)."""
    check_status_progress(ActionStatus(values["status"]), values["progress"])


def check_funding_line(values: Mapping[str, Any]) -> None:
    check_date_order(
        values.get("filed_on"),
        values.get("decided_on"),
        end_field="decided_on",
        end_label="Date de décision",
        start_label="Date de dépôt",
    )
    if values.get("funder_actor_id") is None and not values.get("funder_name"):
        raise ValidationError("funder_name", "Financeur", "indiquez le financeur (acteur de l'annuaire ou nom).")
    status = FundingStatus(values["status"])
    if status in SECURED_FUNDING_STATUSES and values.get("amount_granted") is None:
        raise ValidationError(
            "amount_granted", "Montant accordé", f"il est obligatoire pour un financement « {status.label} »."
        )


def check_indicator(values: Mapping[str, Any], *, axis: Linked | None, action: Linked | None) -> None:
    check_date_order(
        values.get("baseline_on"),
        values.get("target_on"),
        end_field="target_on",
        end_label="Date cible",
        start_label="Date de référence",
    )
    check_in_territory(axis, values["territory_id"], field="axis_id", label="Axe", what="cet axe")
    if action is not None and action.territory_id != values["territory_id"]:
        raise ValidationError("action_id", "Action", "elle appartient à un autre territoire.")


def check_meeting_item(*, meeting: Linked | None, action: Linked | None) -> None:
    """An agenda item or a decision is about an action of the meeting's own territory."""
    if meeting is not None and action is not None and meeting.territory_id != action.territory_id:
        raise ValidationError("action_id", "Action", "elle appartient à un autre territoire que la réunion.")


def settle_custom_field(values: Mapping[str, Any], *, same_name: str | None) -> dict[str, Any]:
    """A territory's custom field as the rules make it: its name on one line, choices for a list only (another
    kind drops them). `same_name`: the name of another field of the territory with the same comparable name."""
    settled = dict(values)
    settled["name"] = " ".join(str(settled["name"]).split())
    if same_name is not None:
        raise ValidationError("name", "Nom du champ", f"le territoire a déjà le champ « {same_name} ».")
    if CustomFieldKind(settled["kind"]) is not CustomFieldKind.CHOICE:
        settled["choices"] = None
    elif not settled.get("choices"):
        raise ValidationError("choices", "Choix de la liste", "une liste de choix en propose au moins un.")
    return settled


class _MaybeConfidential(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def parent_id(self) -> int | None: ...
    @property
    def confidential(self) -> bool: ...


def confidential_ids(actions: Iterable[_MaybeConfidential]) -> set[int]:
    """The actions a report or an export leaves out: the confidential ones and the sub-actions of a confidential
    action (a sub-action is part of its parent's project)."""
    listed = list(actions)
    secret = {action.id for action in listed if action.confidential}
    return secret | {action.id for action in listed if action.parent_id in secret}
