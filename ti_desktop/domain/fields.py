"""Editable fields of each entity: French label, kind and limits, and the validation built on them.

Services validate every create and update through `clean_values` before touching the database, so the
user gets a French message naming the field and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum
from typing import Any

from ti_desktop.domain import enums
from ti_desktop.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class FieldSpec:
    label: str
    kind: str  # "text", "int", "float", "money", "date", "bool", "enum", "ref"
    required: bool = False
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    enum: type[Enum] | None = None


def text(label: str, *, required: bool = False, max_length: int = 500) -> FieldSpec:
    return FieldSpec(label, "text", required=required, max_length=max_length)


def long_text(label: str, *, required: bool = False) -> FieldSpec:
    return FieldSpec(label, "text", required=required, max_length=100_000)


def integer(label: str, *, required: bool = False, minimum: int | None = 0, maximum: int | None = None) -> FieldSpec:
    return FieldSpec(label, "int", required=required, minimum=minimum, maximum=maximum)


def number(label: str, *, required: bool = False) -> FieldSpec:
    return FieldSpec(label, "float", required=required)


def money(label: str, *, required: bool = False) -> FieldSpec:
    return FieldSpec(label, "money", required=required)


def date(label: str, *, required: bool = False) -> FieldSpec:
    return FieldSpec(label, "date", required=required)


def flag(label: str) -> FieldSpec:
    return FieldSpec(label, "bool", required=True)


def choice(label: str, enum: type[Enum], *, required: bool = True) -> FieldSpec:
    return FieldSpec(label, "enum", required=required, enum=enum)


def ref(label: str, *, required: bool = False) -> FieldSpec:
    return FieldSpec(label, "ref", required=required, minimum=1)


MAX_MONEY = Decimal("100000000000")  # 100 billion euros: anything above is a typing error
MAX_INTEGER = 2**63 - 1  # the largest integer SQLite stores

TERRITORY = {
    "name": text("Nom du territoire", required=True, max_length=200),
    "national_code": text("Code national", max_length=40),
    "region": text("Région", max_length=100),
    "departments": text("Départements", max_length=300),
    "phase": text("Phase", max_length=40),
    "labelled_on": date("Date de labellisation"),
    "carrying_structure": text("Structure porteuse", max_length=300),
    "summary": long_text("Présentation"),
}
EPCI = {
    "territory_id": ref("Territoire", required=True),
    "name": text("Nom de l'intercommunalité", required=True, max_length=200),
    "siren": text("SIREN", max_length=9),
    "population": integer("Population"),
    "commune_count": integer("Nombre de communes"),
}
ACTOR = {
    "name": text("Nom", required=True, max_length=200),
    "organisation": text("Organisation", max_length=200),
    "kind": choice("Type d'acteur", enums.ActorKind),
    "email": text("Courriel", max_length=200),
    "phone": text("Téléphone", max_length=40),
    "notes": long_text("Notes"),
}
TERRITORY_ROLE = {
    "territory_id": ref("Territoire", required=True),
    "actor_id": ref("Acteur", required=True),
    "role": choice("Rôle", enums.GovernanceRole),
}
DIAGNOSTIC_SECTION = {
    "territory_id": ref("Territoire", required=True),
    "axis_id": ref("Axe"),
    "title": text("Titre de la section", required=True, max_length=300),
    "text": long_text("Texte"),
    "sources": long_text("Sources"),
    "position": integer("Position"),
}
SWOT_ITEM = {
    "territory_id": ref("Territoire", required=True),
    "category": choice("Catégorie AFOM", enums.SwotCategory),
    "axis_id": ref("Axe"),
    "text": text("Texte", required=True, max_length=2000),
    "position": integer("Position"),
}
CHALLENGE = {
    "territory_id": ref("Territoire", required=True),
    "axis_id": ref("Axe", required=True),
    "title": text("Titre de l'enjeu", required=True, max_length=300),
    "description": long_text("Description"),
    "priority": choice("Priorité", enums.Priority),
}
KEY_COMPANY = {
    "territory_id": ref("Territoire", required=True),
    "name": text("Raison sociale", required=True, max_length=200),
    "siret": text("SIRET", max_length=14),
    "sector": text("Secteur (NAF)", max_length=200),
    "employees": integer("Effectif"),
    "commune": text("Commune", max_length=200),
    "notes": long_text("Notes"),
}
AXIS = {
    "territory_id": ref("Territoire"),
    "code": text("Code de l'axe", required=True, max_length=10),
    "label": text("Libellé de l'axe", required=True, max_length=100),
    "colour": text("Couleur", required=True, max_length=7),
    "position": integer("Position"),
}
OBJECTIVE = {
    "territory_id": ref("Territoire", required=True),
    "axis_id": ref("Axe", required=True),
    "code": text("Code de l'objectif", max_length=20),
    "title": text("Titre de l'objectif", required=True, max_length=300),
}
ACTION = {
    "territory_id": ref("Territoire", required=True),
    "axis_id": ref("Axe", required=True),
    "objective_id": ref("Objectif"),
    "parent_id": ref("Action parente"),
    "code": text("Code", max_length=20),
    "title": text("Titre de l'action", required=True, max_length=300),
    "description": long_text("Description"),
    "expected_results": long_text("Résultats attendus"),
    "status": choice("Statut", enums.ActionStatus),
    "priority": choice("Priorité", enums.Priority),
    "to_discuss": flag("À discuter en comité"),
    "confidential": flag("Confidentielle"),
    "lead_actor_id": ref("Porteur"),
    "pilot_actor_id": ref("Pilote"),
    "elected_referent_id": ref("Élu référent"),
    "planned_start": date("Début prévu"),
    "planned_end": date("Fin prévue"),
    "actual_end": date("Fin réelle"),
    "progress": integer("Avancement", required=True, maximum=100),
    "planned_budget": money("Budget prévisionnel"),
    "spent_to_date": money("Dépensé à date"),
    "budget_nature": choice("Nature du budget", enums.BudgetNature, required=False),
    "jobs_targeted": integer("Emplois visés"),
    "induced_investment": money("Investissement induit"),
}
ACTION_PARTNER = {
    "action_id": ref("Action", required=True),
    "actor_id": ref("Partenaire", required=True),
    "role": text("Rôle du partenaire", max_length=200),
}
FUNDING_LINE = {
    "action_id": ref("Action", required=True),
    "funder_actor_id": ref("Financeur"),
    "funder_name": text("Financeur", max_length=200),
    "programme": text("Programme / dispositif", max_length=200),
    "amount_requested": money("Montant demandé", required=True),
    "amount_granted": money("Montant accordé"),
    "status": choice("Statut du financement", enums.FundingStatus),
    "filed_on": date("Date de dépôt"),
    "decided_on": date("Date de décision"),
}
MILESTONE = {
    "action_id": ref("Action", required=True),
    "title": text("Intitulé du jalon", required=True, max_length=300),
    "due_on": date("Échéance"),
    "done_on": date("Date de réalisation"),
    "position": integer("Position"),
}
INDICATOR = {
    "territory_id": ref("Territoire", required=True),
    "action_id": ref("Action"),
    "axis_id": ref("Axe"),
    "name": text("Nom de l'indicateur", required=True, max_length=300),
    "unit": text("Unité", max_length=50),
    "source": text("Source", max_length=300),
    "baseline_value": number("Valeur de référence"),
    "baseline_on": date("Date de référence"),
    "target_value": number("Valeur cible"),
    "target_on": date("Date cible"),
    "direction": choice("Sens d'amélioration", enums.IndicatorDirection),
}
INDICATOR_VALUE = {
    "indicator_id": ref("Indicateur", required=True),
    "measured_on": date("Date de la mesure", required=True),
    "value": number("Valeur", required=True),
    "comment": text("Commentaire", max_length=2000),
}
PROGRESS_UPDATE = {
    "action_id": ref("Action", required=True),
    "reported_on": date("Date du point", required=True),
    "author": text("Auteur", max_length=200),
    "status": choice("Statut", enums.ActionStatus),
    "progress": integer("Avancement", required=True, maximum=100),
    "done": long_text("Réalisé"),
    "difficulties": long_text("Difficultés"),
    "next_steps": long_text("Prochaines étapes"),
    "alert": flag("Alerte"),
}
MEETING = {
    "territory_id": ref("Territoire", required=True),
    "kind": choice("Type de réunion", enums.MeetingKind),
    "held_on": date("Date de la réunion", required=True),
    "place": text("Lieu", max_length=300),
    "notes": long_text("Notes"),
    "minutes_state": choice("État du compte rendu", enums.MinutesState),
}
AGENDA_ITEM = {
    "meeting_id": ref("Réunion", required=True),
    "action_id": ref("Action"),
    "title": text("Point de l'ordre du jour", required=True, max_length=300),
    "position": integer("Position"),
    "notes": long_text("Notes"),
}
DECISION = {
    "meeting_id": ref("Réunion", required=True),
    "action_id": ref("Action"),
    "text": text("Décision", required=True, max_length=2000),
    "owner_actor_id": ref("Responsable"),
    "due_on": date("Échéance"),
    "state": choice("État de la décision", enums.DecisionState),
}

# Links logged in the history as one field of their owner (the set of ids): an action's challenges (enjeux),
# a meeting's participants. Changing them is a change of the owner (its version moves on).
LINK_LABELS = {"challenges": "Enjeux", "participants": "Participants"}


def _clean_one(name: str, spec: FieldSpec, raw: Any) -> Any:
    """Convert and check one value; raise ValidationError naming the field."""
    if isinstance(raw, str) and spec.kind != "text":
        raw = raw.strip() or None
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if spec.required:
            raise ValidationError(name, spec.label, "ce champ est obligatoire.")
        return None
    kind = spec.kind
    if kind == "text":
        if not isinstance(raw, str):
            raise ValidationError(name, spec.label, "un texte est attendu.")
        value = raw.strip()
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate: no file or database can store it
            raise ValidationError(name, spec.label, "le texte contient un caractère invalide.") from error
        if spec.max_length is not None and len(value) > spec.max_length:
            raise ValidationError(name, spec.label, f"{len(value)} caractères, au plus {spec.max_length} sont permis.")
        return value
    if kind == "bool":
        if not isinstance(raw, bool):
            raise ValidationError(name, spec.label, "oui ou non est attendu.")
        return raw
    if kind in ("int", "ref"):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValidationError(name, spec.label, f"« {raw} » n'est pas un nombre entier.")
        if spec.minimum is not None and raw < spec.minimum:
            raise ValidationError(name, spec.label, f"{raw} est inférieur au minimum ({spec.minimum}).")
        if spec.maximum is not None and raw > spec.maximum:
            raise ValidationError(name, spec.label, f"{raw} dépasse le maximum ({spec.maximum}).")
        if abs(raw) > MAX_INTEGER:  # SQLite stores 64-bit integers
            raise ValidationError(name, spec.label, "le nombre est trop grand.")
        return raw
    if kind == "float":
        if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
            raise ValidationError(name, spec.label, f"« {raw} » n'est pas un nombre.")
        try:
            number = float(raw)
        except (OverflowError, ValueError) as error:  # 10**400, Decimal("sNaN")
            raise ValidationError(name, spec.label, "la valeur n'est pas un nombre fini.") from error
        if not math.isfinite(number):
            raise ValidationError(name, spec.label, "la valeur n'est pas un nombre fini.")
        return number
    if kind == "money":
        if isinstance(raw, float | bool) or not isinstance(raw, int | Decimal):
            raise ValidationError(name, spec.label, "un montant en euros (décimal exact) est attendu.")
        try:
            amount = Decimal(raw).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        except InvalidOperation as error:
            raise ValidationError(name, spec.label, "montant illisible.") from error
        if not amount.is_finite():
            raise ValidationError(name, spec.label, "montant illisible.")
        if amount < 0:
            raise ValidationError(name, spec.label, "le montant ne peut pas être négatif.")
        if amount > MAX_MONEY:
            raise ValidationError(name, spec.label, "le montant dépasse 100 milliards d'euros.")
        return amount
    if kind == "date":
        if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
            raise ValidationError(name, spec.label, f"« {raw} » n'est pas une date.")
        if not 1900 <= raw.year <= 2200:
            raise ValidationError(name, spec.label, f"l'année {raw.year} n'est pas plausible.")
        return raw
    if kind == "enum":
        assert spec.enum is not None
        try:
            return spec.enum(raw)
        except ValueError as error:
            allowed = ", ".join(str(getattr(member, "label", member.value)) for member in spec.enum)
            raise ValidationError(name, spec.label, f"« {raw} » n'est pas une valeur permise ({allowed}).") from error
    raise AssertionError(f"unknown field kind {kind}")


def clean_values(specs: Mapping[str, FieldSpec], values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise the given values (only those given); unknown fields are a programming error."""
    unknown = set(values) - set(specs)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    return {name: _clean_one(name, specs[name], raw) for name, raw in values.items()}


def missing_required(specs: Mapping[str, FieldSpec], values: Mapping[str, Any]) -> None:
    """On creation, every required field without a default must be given."""
    for name, spec in specs.items():
        if spec.required and spec.kind != "bool" and values.get(name) is None:
            raise ValidationError(name, spec.label, "ce champ est obligatoire.")
