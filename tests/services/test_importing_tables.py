"""Importing mapped spreadsheets into the database: matching, updates, actors, milestones, refusals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ti_desktop.db import models
from ti_desktop.services.importing import ImportCancelled, ImportRefusedError

from ..sessions import sessions_of
from .conftest import World

HEADER = "Code;Axe;Intitulé;Action parente;Maître d'ouvrage;Coût total HT;Date de fin;Statut;Jalon;Échéance du jalon"


def csv_file(path: Path, *rows: str) -> Path:
    path.write_text("\n".join((HEADER, *rows)), encoding="utf-8")
    return path


def table_counts(world: World) -> dict[str, int]:
    with sessions_of(world.services)() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (models.Action, models.FundingLine, models.Milestone, models.Actor, models.ChangeLog)
        }


def test_import_creates_then_updates_by_code(world: World, tmp_path: Path) -> None:
    first = csv_file(
        tmp_path / "plan.csv",
        "I-1;Innovation;Fab lab;;CCI Moselle;100 000;31/12/2026;En cours;Ouverture;01/06/2026",
        "I-1.1;Innovation;Machines;I-1;CCI Moselle;;;;;",
        "C-1;Compétences;Soudeurs;;;;;À venir;;",
    )
    result = world.services.imports.apply(world.territory.id, first)
    assert (result.actions_created, result.sub_actions_created, result.milestones_created) == (3, 1, 1)
    assert result.actors_created == ["CCI Moselle"]
    actions = {a.code: a for a in world.services.actions.list(territory_id=world.territory.id)}
    assert actions["I-1.1"].parent_id == actions["I-1"].id
    assert actions["I-1"].planned_budget == Decimal(100000) and actions["I-1"].lead_actor_id is not None
    assert actions["I-1"].lead_actor_id == actions["I-1.1"].lead_actor_id
    before = table_counts(world)

    # The same codes, a renamed title, a new budget, a blank status (which keeps the current one).
    second = csv_file(
        tmp_path / "plan-v2.csv",
        "I-1;Innovation;Fab lab du Saulnois;;CCI Moselle;120 000;31/12/2026;;Ouverture;15/06/2026",
        "I-1.1;Innovation;Machines;I-1;CCI Moselle;;;;;",
        "C-1;Compétences;Soudeurs;;;;;À venir;;",
    )
    preview = world.services.imports.preview(world.territory.id, second)
    assert (preview.actions_created, preview.actions_updated, preview.actions_unchanged) == (0, 1, 2)
    assert preview.milestones_updated == 1
    (change,) = [c for c in preview.changes if c.kind == "mise à jour"]
    assert change.title == "Fab lab du Saulnois" and set(change.fields) == {"Titre de l'action", "Budget prévisionnel"}
    world.services.imports.apply(world.territory.id, second)
    updated = world.services.actions.get(actions["I-1"].id)
    assert updated.title == "Fab lab du Saulnois" and updated.planned_budget == Decimal(120000)
    assert updated.status == actions["I-1"].status  # blank cell: unchanged
    counts = table_counts(world)
    assert {k: v for k, v in counts.items() if k != "change_log"} == {
        k: v for k, v in before.items() if k != "change_log"
    }
    (milestone,) = world.services.milestones.list(action_id=updated.id)
    assert milestone.due_on == dt.date(2026, 6, 15)


def test_without_codes_actions_match_on_axis_and_title(world: World, tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Axe;Intitulé;Coût total HT\nFoncier;Friche Nord;10\nFoncier;Friche Sud;20\n", encoding="utf-8")
    world.services.imports.apply(world.territory.id, path)
    again = world.services.imports.apply(world.territory.id, path)
    assert again.actions_created == 0 and again.actions_unchanged == 2
    assert len(world.services.actions.list(territory_id=world.territory.id)) == 2


def test_unknown_axis_and_missing_parent_refuse_everything(world: World, tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "plan.csv",
        "I-1;Innovation;Fab lab;;;;;;;",
        "X-1;Tourisme;Gîtes;;;;;;;",
        "I-2;Innovation;Orpheline;Z-9;;;;;;",
    )
    before = table_counts(world)
    with pytest.raises(ImportRefusedError) as refused:
        world.services.imports.apply(world.territory.id, path)
    assert [str(issue) for issue in refused.value.preview.errors] == [
        "Feuille plan, ligne 3, colonne B (Axe) : axe « Tourisme » inconnu (axes du territoire : Innovation, "
        "Compétences, Foncier, Transition écologique).",
        "Feuille plan, ligne 4, colonne D (Action parente) : action parente « Z-9 » introuvable (ni code ni "
        "intitulé du même axe).",
    ]
    assert table_counts(world) == before


def test_a_value_the_database_refuses_is_located(world: World, tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Intitulé;Axe;Avancement (%);Statut\nFab lab;Innovation;40;Réalisée\n", encoding="utf-8")
    with pytest.raises(ImportRefusedError) as refused:
        world.services.imports.apply(world.territory.id, path)
    (error,) = refused.value.preview.errors
    assert error.row == 2 and error.sheet == "plan"


def test_cancelled_import_writes_nothing(world: World, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "plan.csv", *(f"I-{n};Innovation;Action {n};;;;;;;" for n in range(120)))
    before = table_counts(world)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 60

    with pytest.raises(ImportCancelled, match="rien n'a été écrit"):
        world.services.imports.apply(world.territory.id, path, cancelled=cancelled)
    assert table_counts(world) == before


def test_inspect_describes_sheets_and_suggests_a_mapping(world: World, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "plan.csv", "I-1;Innovation;Fab lab;;;;;;;")
    overview = world.services.imports.inspect(path)
    (sheet,) = overview.sheets
    assert overview.default_sheet == "plan" and sheet.kind == "table" and sheet.header_row == 1
    assert sheet.data_rows == 1 and sheet.samples[2] == ["Fab lab"]
    assert sheet.suggested["Intitulé"] == "titre" and sheet.suggested["Échéance du jalon"] == "jalon_echeance"


def test_preview_lists_unknown_columns_with_the_policy_asked(world: World, tmp_path: Path) -> None:
    path = tmp_path / "suivi.csv"
    path.write_text(
        "Intitulé;Axe;Précisions;Dossier FEDER\nFab lab;Innovation;À revoir;R-1\nCampus;Innovation;;R-2\n",
        encoding="utf-8",
    )
    before = table_counts(world)
    kept = world.services.imports.preview(world.territory.id, path)
    assert [str(issue) for issue in kept.warnings] == [
        "Feuille suivi, ligne 1, colonne C (Précisions) : attention : la colonne « Précisions » ne correspond "
        "à aucun champ (1 cellule remplie, par ex. « À revoir ») : gardée comme champ personnalisé "
        "« Précisions » (texte).",
        "Feuille suivi, ligne 1, colonne D (Dossier FEDER) : attention : la colonne « Dossier FEDER » ne correspond à "
        "aucun champ (2 cellules remplies, par ex. « R-1 », « R-2 ») : gardée comme champ personnalisé "
        "« Dossier FEDER » (texte).",
    ]
    assert kept.actions_created == 2 and not kept.has_errors
    ignored = world.services.imports.preview(
        world.territory.id, path, unmapped="ignore", mapping={"Dossier FEDER": "champ_personnalise"}
    )
    assert [issue.message.rsplit(" : ", 1)[-1] for issue in ignored.warnings] == [
        "ignorée comme demandé, ses valeurs ne sont pas importées.",
        "gardée comme champ personnalisé « Dossier FEDER » (texte).",
    ]
    assert world.services.imports.read(path, unmapped="notes").unmapped[0].policy == "notes"
    assert table_counts(world) == before


def test_an_error_value_refuses_the_import_and_writes_nothing(world: World, tmp_path: Path) -> None:
    path = tmp_path / "erreur.csv"
    path.write_text("Intitulé;Axe;Coût total HT\nFab lab;Innovation;10\nCampus;Innovation;#DIV/0!\n", encoding="utf-8")
    before = table_counts(world)
    with pytest.raises(ImportRefusedError) as refused:
        world.services.imports.apply(world.territory.id, path)
    assert [str(issue) for issue in refused.value.preview.errors] == [
        "Feuille erreur, ligne 3, colonne C (Coût total HT) : la cellule contient « #DIV/0! », une valeur d'erreur "
        "du tableur et non un montant : corrigez la formule dans le fichier ou videz la cellule."
    ]
    assert table_counts(world) == before


def test_a_kept_column_says_it_fills_the_territorys_field_once_it_exists(world: World, tmp_path: Path) -> None:
    path = tmp_path / "suivi.csv"
    path.write_text("Intitulé;Axe;Cibles\nFab lab;Innovation;PME\nCampus;Innovation;Jeunes\n", encoding="utf-8")
    first = world.services.imports.apply(world.territory.id, path)
    assert first.custom_fields_created == ["Cibles"]
    assert any("gardée comme champ personnalisé « Cibles » (texte)" in issue.message for issue in first.warnings)
    again = world.services.imports.preview(world.territory.id, path)
    messages = [issue.message for issue in again.warnings if "Cibles" in issue.message]
    assert again.custom_fields_created == [] and len(messages) == 1
    assert messages[0].endswith(": elle remplit le champ personnalisé « Cibles » du territoire.")
