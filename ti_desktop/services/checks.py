"""Rules on whole records that need the database (same territory, one level of sub-actions…),
on top of the pure domain rules they call."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ti_desktop.db import models
from ti_desktop.domain import rules
from ti_desktop.domain.enums import SECURED_FUNDING_STATUSES, ActionStatus, FundingStatus
from ti_desktop.domain.errors import ValidationError


def _axis_belongs(session: Session, axis_id: int | None, territory_id: int, field: str = "axis_id") -> None:
    if axis_id is None:
        return
    axis = session.get(models.Axis, axis_id)
    if axis is not None and axis.territory_id not in (None, territory_id):
        raise ValidationError(field, "Axe", "cet axe appartient à un autre territoire.")


def check_territory_axis(session: Session, values: Mapping[str, Any]) -> None:
    _axis_belongs(session, values.get("axis_id"), values["territory_id"])


def check_action(session: Session, values: Mapping[str, Any]) -> None:
    territory_id = values["territory_id"]
    rules.check_date_order(
        values.get("planned_start"),
        values.get("planned_end"),
        end_field="planned_end",
        end_label="Fin prévue",
        start_label="Début prévu",
    )
    rules.check_date_order(
        values.get("planned_start"),
        values.get("actual_end"),
        end_field="actual_end",
        end_label="Fin réelle",
        start_label="Début prévu",
    )
    rules.check_status_progress(ActionStatus(values["status"]), values["progress"])
    _axis_belongs(session, values["axis_id"], territory_id)
    objective_id = values.get("objective_id")
    if objective_id is not None:
        objective = session.get(models.Objective, objective_id)
        if objective is not None and (objective.territory_id, objective.axis_id) != (territory_id, values["axis_id"]):
            raise ValidationError("objective_id", "Objectif", "cet objectif ne relève pas de l'axe de l'action.")
    parent_id = values.get("parent_id")
    action_id = values.get("id")
    if parent_id is not None:
        if parent_id == action_id:
            raise ValidationError("parent_id", "Action parente", "une action ne peut pas être sa propre parente.")
        parent = session.get(models.Action, parent_id)
        if parent is not None:
            if parent.territory_id != territory_id:
                raise ValidationError("parent_id", "Action parente", "elle appartient à un autre territoire.")
            if parent.parent_id is not None:
                raise ValidationError(
                    "parent_id",
                    "Action parente",
                    f"« {parent.title} » est déjà une sous-action : un seul niveau de sous-actions est permis.",
                )
        if action_id is not None:
            has_children = session.execute(
                select(models.Action.id).where(models.Action.parent_id == action_id).limit(1)
            ).first()
            if has_children:
                raise ValidationError(
                    "parent_id",
                    "Action parente",
                    "cette action a ses propres sous-actions : elle ne peut pas en devenir une.",
                )


def check_funding_line(session: Session, values: Mapping[str, Any]) -> None:
    rules.check_date_order(
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


def check_indicator(session: Session, values: Mapping[str, Any]) -> None:
    rules.check_date_order(
        values.get("baseline_on"),
        values.get("target_on"),
        end_field="target_on",
        end_label="Date cible",
        start_label="Date de référence",
    )
    _axis_belongs(session, values.get("axis_id"), values["territory_id"])
    action_id = values.get("action_id")
    if action_id is not None:
        action = session.get(models.Action, action_id)
        if action is not None and action.territory_id != values["territory_id"]:
            raise ValidationError("action_id", "Action", "elle appartient à un autre territoire.")


def check_progress_update(session: Session, values: Mapping[str, Any]) -> None:
    rules.check_status_progress(ActionStatus(values["status"]), values["progress"])


def check_meeting_item(session: Session, values: Mapping[str, Any]) -> None:
    """An agenda item or decision refers to an action of the meeting's own territory."""
    action_id = values.get("action_id")
    if action_id is None:
        return
    meeting = session.get(models.Meeting, values["meeting_id"])
    action = session.get(models.Action, action_id)
    if meeting is not None and action is not None and meeting.territory_id != action.territory_id:
        raise ValidationError("action_id", "Action", "elle appartient à un autre territoire que la réunion.")
