"""Every entity of the domain, declared once: its record (whose annotated fields carry their specs), its name in
the history, the words that name it, and the uniqueness rules the database enforces.

Everything that lists an entity's fields derives from here: validation (`fields` / `editable`), the history's
labels and phrases, the services' registry, the French messages of database refusals, and the plan workbook's
columns (`columns`). To add a field: annotate it on the record, add the column to the SQLAlchemy model and a
migration, and put it on the form — see docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar

from ti_desktop.domain import records as r
from ti_desktop.domain.fields import FieldSpec

RecordT = TypeVar("RecordT")

# Columns every record has that the application keeps: never user values, never in the history.
BOOKKEEPING_FIELDS = frozenset({"id", "created_at", "updated_at", "version"})


@dataclass(frozen=True)
class Entity(Generic[RecordT]):
    name: str  # its name in the history ("action") — stored in every change-log row: never rename
    record: type[RecordT]
    table: str  # the database table
    noun: str  # in messages: « Quelqu'un d'autre a modifié {noun} »
    phrases: tuple[str, str, str]  # history: (noun, "added" phrase, "deleted" phrase) — French nouns have a gender
    # Columns that together are unique, with the French message when a write breaks the rule.
    unique: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    versioned: bool = True  # optimistic locking: every write carries the version it expects
    logged: bool = True  # in the history

    @cached_property
    def specs(self) -> Mapping[str, FieldSpec]:
        """Every declared field, in record order (editable ones and those only the history shows)."""
        hints = typing.get_type_hints(self.record, include_extras=True)
        found: dict[str, FieldSpec] = {}
        for name, hint in hints.items():
            for extra in getattr(hint, "__metadata__", ()):
                if isinstance(extra, FieldSpec):
                    found[name] = extra
        return found

    @cached_property
    def fields(self) -> Mapping[str, FieldSpec]:
        """The fields a user edits: what services validate on create and update."""
        return {name: spec for name, spec in self.specs.items() if spec.editable}

    @cached_property
    def columns(self) -> tuple[tuple[str, FieldSpec], ...]:
        """(attribute, spec) of the fields the plan workbook exports and imports, in record order."""
        return tuple((name, spec) for name, spec in self.specs.items() if spec.column is not None)


TERRITORY = Entity(
    "territory",
    r.TerritoryRecord,
    "territories",
    "le territoire",
    ("Territoire", "Territoire ajouté", "Territoire supprimé"),
    unique={("name",): "Un territoire porte déjà ce nom."},
)
EPCI = Entity(
    "epci",
    r.EpciRecord,
    "epcis",
    "l'intercommunalité",
    ("Intercommunalité", "Intercommunalité ajoutée", "Intercommunalité supprimée"),
)
ACTOR = Entity("actor", r.ActorRecord, "actors", "l'acteur", ("Acteur", "Acteur ajouté", "Acteur supprimé"))
TERRITORY_ROLE = Entity(
    "territory_role",
    r.TerritoryRoleRecord,
    "territory_roles",
    "le rôle",
    ("Gouvernance", "Rôle de gouvernance ajouté", "Rôle de gouvernance supprimé"),
    unique={("territory_id", "actor_id", "role"): "Cet acteur a déjà ce rôle dans la gouvernance du territoire."},
)
AXIS = Entity(
    "axis",
    r.AxisRecord,
    "axes",
    "l'axe",
    ("Axe", "Axe ajouté", "Axe supprimé"),
    unique={("territory_id", "code"): "Un axe porte déjà ce code."},
)
DIAGNOSTIC_SECTION = Entity(
    "diagnostic_section",
    r.DiagnosticSectionRecord,
    "diagnostic_sections",
    "la section du diagnostic",
    ("Diagnostic", "Section du diagnostic ajoutée", "Section du diagnostic supprimée"),
)
SWOT_ITEM = Entity(
    "swot_item",
    r.SwotItemRecord,
    "swot_items",
    "l'élément AFOM",
    ("AFOM", "Élément AFOM ajouté", "Élément AFOM supprimé"),
)
CHALLENGE = Entity("challenge", r.ChallengeRecord, "challenges", "l'enjeu", ("Enjeu", "Enjeu ajouté", "Enjeu supprimé"))
KEY_COMPANY = Entity(
    "key_company",
    r.KeyCompanyRecord,
    "key_companies",
    "l'entreprise",
    ("Entreprise clé", "Entreprise clé ajoutée", "Entreprise clé supprimée"),
)
OBJECTIVE = Entity(
    "objective", r.ObjectiveRecord, "objectives", "l'objectif", ("Objectif", "Objectif ajouté", "Objectif supprimé")
)
ACTION = Entity(
    "action",
    r.ActionRecord,
    "actions",
    "l'action",
    ("Fiche-action", "Fiche-action ajoutée", "Fiche-action supprimée"),
    unique={("territory_id", "code"): "Une autre action de ce territoire porte déjà ce code."},
)
ACTION_PARTNER = Entity(
    "action_partner",
    r.ActionPartnerRecord,
    "action_partners",
    "le partenaire",
    ("Partenaire", "Partenaire ajouté", "Partenaire retiré"),
    unique={("action_id", "actor_id"): "Cet acteur est déjà partenaire de l'action."},
)
FUNDING_LINE = Entity(
    "funding_line",
    r.FundingLineRecord,
    "funding_lines",
    "la ligne de financement",
    ("Financement", "Ligne de financement ajoutée", "Ligne de financement supprimée"),
)
MILESTONE = Entity(
    "milestone", r.MilestoneRecord, "milestones", "le jalon", ("Jalon", "Jalon ajouté", "Jalon supprimé")
)
INDICATOR = Entity(
    "indicator",
    r.IndicatorRecord,
    "indicators",
    "l'indicateur",
    ("Indicateur", "Indicateur ajouté", "Indicateur supprimé"),
)
INDICATOR_VALUE = Entity(
    "indicator_value",
    r.IndicatorValueRecord,
    "indicator_values",
    "la mesure",
    ("Mesure", "Mesure ajoutée", "Mesure supprimée"),
    unique={("indicator_id", "measured_on"): "Une mesure existe déjà à cette date."},
)
PROGRESS_UPDATE = Entity(
    "progress_update",
    r.ProgressUpdateRecord,
    "progress_updates",
    "le point d'avancement",
    ("Point d'avancement", "Point d'avancement ajouté", "Point d'avancement supprimé"),
)
MEETING = Entity(
    "meeting", r.MeetingRecord, "meetings", "la réunion", ("Réunion", "Réunion ajoutée", "Réunion supprimée")
)
AGENDA_ITEM = Entity(
    "agenda_item",
    r.AgendaItemRecord,
    "agenda_items",
    "le point de l'ordre du jour",
    ("Ordre du jour", "Point de l'ordre du jour ajouté", "Point de l'ordre du jour supprimé"),
)
DECISION = Entity(
    "decision", r.DecisionRecord, "decisions", "la décision", ("Décision", "Décision ajoutée", "Décision supprimée")
)
ATTACHMENT = Entity(
    "attachment",
    r.AttachmentRecord,
    "attachments",
    "la pièce jointe",
    ("Pièce jointe", "Pièce jointe ajoutée", "Pièce jointe supprimée"),
)

CUSTOM_FIELD = Entity(
    "custom_field",
    r.CustomFieldRecord,
    "custom_fields",
    "le champ personnalisé",
    ("Champ personnalisé", "Champ personnalisé ajouté", "Champ personnalisé supprimé"),
    unique={("territory_id", "name_key"): "Un autre champ personnalisé de ce territoire porte déjà ce nom."},
)
# Part of its action (its version, its history: `domain.custom_fields`), not a record of its own.
CUSTOM_VALUE = Entity(
    "custom_value",
    r.CustomValueRecord,
    "custom_values",
    "la valeur du champ personnalisé",
    ("Champ personnalisé", "Valeur ajoutée", "Valeur supprimée"),
    unique={("action_id", "field_id"): "Cette action a déjà une valeur pour ce champ personnalisé."},
    versioned=False,
    logged=False,
)
# A report a Région received (`services.consolidation`): the service writes its history (added, replaced, removed).
RECEIVED_REPORT = Entity(
    "received_report",
    r.ReceivedReportRecord,
    "received_reports",
    "le rapport reçu",
    ("Rapport reçu", "Rapport reçu ajouté", "Rapport reçu retiré"),
    unique={
        ("territory_key", "period_from", "period_to"): "Un rapport de ce territoire pour cette période est déjà reçu."
    },
    logged=False,
)

ENTITIES: tuple[Entity[Any], ...] = (
    TERRITORY,
    EPCI,
    ACTOR,
    TERRITORY_ROLE,
    AXIS,
    DIAGNOSTIC_SECTION,
    SWOT_ITEM,
    CHALLENGE,
    KEY_COMPANY,
    OBJECTIVE,
    ACTION,
    ACTION_PARTNER,
    FUNDING_LINE,
    MILESTONE,
    INDICATOR,
    INDICATOR_VALUE,
    PROGRESS_UPDATE,
    MEETING,
    AGENDA_ITEM,
    DECISION,
    ATTACHMENT,
    CUSTOM_FIELD,
    CUSTOM_VALUE,
    RECEIVED_REPORT,
)
BY_NAME: Mapping[str, Entity[Any]] = {entity.name: entity for entity in ENTITIES}
BY_TABLE: Mapping[str, Entity[Any]] = {entity.table: entity for entity in ENTITIES}
