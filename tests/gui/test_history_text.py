"""The history in readable French, from the codes stored in the change log (pure functions, no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest

from ti_desktop.domain.records import ChangeLogRecord
from ti_desktop.gui.history_text import (
    change_line,
    change_text,
    entity_label,
    format_timestamp,
    format_value,
    record_namer,
    reference_resolver,
)

PARIS_WINTER = dt.timezone(dt.timedelta(hours=1))


def change(entity: str, field: str | None, old: str | None, new: str | None, entity_id: int = 7) -> ChangeLogRecord:
    return ChangeLogRecord(
        id=1,
        changed_at=dt.datetime(2026, 11, 21, 13, 5, tzinfo=dt.UTC),
        user="claire.martin",
        territory_id=1,
        action_id=1,
        entity=entity,
        entity_id=entity_id,
        field=field,
        old_value=old,
        new_value=new,
    )


@pytest.mark.parametrize(
    ("entity", "field", "old", "new", "expected"),  # "~" stands for the narrow no-break space of French figures
    [
        ("action", "status", "en_cours", "bloquee", "Statut : En cours → Bloquée"),
        ("action", "planned_end", "2027-06-30", "2027-12-31", "Fin prévue : 30/06/2027 → 31/12/2027"),
        ("action", "planned_budget", "2850000.00", "3100000.50", "Budget prévisionnel : 2~850~000~€ → 3~100~000,50~€"),
        ("action", "to_discuss", "0", "1", "À discuter en comité : non → oui"),
        ("action", "progress", "35", "45", "Avancement : 35~% → 45~%"),
        ("action", "jobs_targeted", None, "1200", "Emplois visés : (vide) → 1~200"),
        ("action", "actual_end", "2026-05-04", None, "Fin réelle : 04/05/2026 → (vide)"),
        ("action", "priority", "haute", "basse", "Priorité : Haute → Basse"),
        ("funding_line", "status", "depose", "accorde", "Statut du financement : Déposé → Accordé"),
        ("funding_line", "amount_granted", None, "250000.00", "Montant accordé : (vide) → 250~000~€"),
        ("milestone", "done_on", None, "2026-11-21", "Date de réalisation : (vide) → 21/11/2026"),
        ("indicator_value", "value", "3700.0", "5400.5", "Valeur : 3~700 → 5~400,5"),
        ("progress_update", "alert", "0", "1", "Alerte : non → oui"),
        ("action", "status", "inconnu", "bloquee", "Statut : inconnu → Bloquée"),  # an old code stays readable
        ("action", "unknown_field", "a", "b", "unknown_field : a → b"),
    ],
)
def test_field_changes_read_in_french(entity: str, field: str, old: str | None, new: str | None, expected: str) -> None:
    assert change_text(change(entity, field, old, new)) == expected.replace("~", "\u202f")


def test_creation_and_deletion() -> None:
    assert change_text(change("milestone", None, None, "Inauguration")) == "Création : Inauguration"
    assert change_text(change("attachment", None, "Devis", None)) == "Suppression : Devis"
    # The log only knows the record by number: named from what still exists, else just the verb.
    assert change_text(change("funding_line", None, None, "#12")) == "Création"
    named = change_text(
        change("funding_line", None, None, "#12", entity_id=12),
        record_name=lambda entity, record_id: "Région – FEDER" if (entity, record_id) == ("funding_line", 12) else None,
    )
    assert named == "Création : Région – FEDER"


def test_references_are_named_when_known() -> None:
    names = {("lead_actor_id", 17): "Sophie Klein", ("challenges", 3): "Foncier rare", ("challenges", 5): "Compétences"}

    def resolve(field: str, record_id: int) -> str | None:
        return names.get((field, record_id))

    assert (
        change_text(change("action", "lead_actor_id", None, "17"), resolve=resolve) == "Porteur : (vide) → Sophie Klein"
    )
    assert change_text(change("action", "pilot_actor_id", "4", None), resolve=resolve) == "Pilote : n° 4 → (vide)"
    assert change_text(change("action", "challenges", "3", "3,5"), resolve=resolve) == (
        "Enjeux : Foncier rare → Foncier rare, Compétences"
    )
    assert change_text(change("action", "challenges", None, "3")) == "Enjeux : aucun → n° 3"
    resolve_actor = reference_resolver({"actor": {17: "Sophie Klein", 4: "Marc Hoff"}})
    assert change_text(change("meeting", "participants", "4", "4,17"), resolve=resolve_actor) == (
        "Participants : Marc Hoff → Marc Hoff, Sophie Klein"
    )


def test_long_texts_are_shortened() -> None:
    text = change_text(change("action", "description", "court", "mot " * 100))
    assert text.startswith("Description : court → mot mot")
    assert text.endswith("…")
    assert len(text) < 160


def test_words_of_our_own_go_through_translation() -> None:
    english = {"Création": "Created", "{verb} : {what}": "{verb}: {what}", "Fiche-action": "Action sheet"}

    def translate(text: str) -> str:
        return english.get(text, text)

    assert change_text(change("milestone", None, None, "Kick-off"), translate=translate) == "Created: Kick-off"
    assert entity_label("action", translate) == "Action sheet"
    assert entity_label("funding_line") == "Financement"


def test_timestamps_in_local_time() -> None:
    moment = dt.datetime(2026, 11, 21, 13, 5, tzinfo=dt.UTC)
    assert format_timestamp(moment, PARIS_WINTER) == "21/11/2026 14:05"
    assert format_value("action", "planned_start", "not-a-date") == "not-a-date"


def test_standalone_lines_name_the_action_and_what_changed() -> None:
    resolve = reference_resolver({"action": {1: "INN-01"}, "actor": {17: "Sophie Klein"}, "axis": {2: "Innovation"}})
    assert change_line(change("action", "status", "en_cours", "bloquee"), resolve=resolve) == (
        "INN-01 — Statut : En cours → Bloquée"
    )
    assert change_line(change("action", "lead_actor_id", None, "17"), resolve=resolve) == (
        "INN-01 — Porteur : (vide) → Sophie Klein"
    )
    assert change_line(change("action", "axis_id", "2", "9"), resolve=resolve) == "INN-01 — Axe : Innovation → n° 9"
    assert change_line(change("milestone", "done_on", None, "2026-11-21"), resolve=resolve) == (
        "INN-01 — Jalon — Date de réalisation : (vide) → 21/11/2026"
    )
    assert change_line(change("milestone", None, "Inauguration", None), resolve=resolve) == (
        "INN-01 — Jalon supprimé : Inauguration"
    )
    # The action's own creation names it already; without a resolver there is no code to show.
    assert change_line(change("action", None, None, "INN-01"), resolve=resolve) == "Fiche-action ajoutée : INN-01"
    assert change_line(change("action_partner", None, "#4", None)) == "Partenaire retiré"
    meetings = record_namer({"meeting": {7: "Comité de projet du 12/03/2026"}})
    assert change_line(change("meeting", None, None, "#7"), record_name=meetings) == (
        "Réunion ajoutée : Comité de projet du 12/03/2026"
    )


@pytest.mark.parametrize(
    ("field", "old", "new", "expected"),
    [
        ("custom:4:texte", None, "PME industrielles", "Cibles : (vide) → PME industrielles"),
        ("custom:5:montant", "1500000", "250050", "Coût régional : 15~000~€ → 2~500,50~€"),
        ("custom:6:date", "2025-03-12", None, "Comité : 12/03/2025 → (vide)"),
        ("custom:7:oui_non", "0", "1", "Prioritaire : Non → Oui"),
        ("custom:9:nombre", "12.5", "0.125", "Champ personnalisé n° 9 : 12,5 → 0,125"),  # unknown: its number
    ],
)
def test_a_custom_fields_value_is_shown_under_the_fields_own_name(
    field: str, old: str | None, new: str | None, expected: str
) -> None:
    names = {"custom_field": {4: "Cibles", 5: "Coût régional", 6: "Comité", 7: "Prioritaire"}}
    line = change_text(change("action", field, old, new), resolve=reference_resolver(names))
    assert line == expected.replace("~", "\u202f")
    assert change_line(change("action", field, old, new), resolve=reference_resolver(names)) == line


def test_a_lists_choices_are_shown_apart() -> None:
    line = change_text(change("custom_field", "choices", "PME\nETI", "PME\nETI\nGrand groupe"))
    assert line == "Choix de la liste : PME · ETI → PME · ETI · Grand groupe"
