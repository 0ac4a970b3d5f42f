from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest

from ..clock import fixed_clock
from ..exchange.conftest import COLUMN_ORDER_MESSAGE, tet_file
from .conftest import Run


def action_count(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("select count(*) from actions").fetchone()[0])


def make_db(run: Run, tmp_path: Path) -> Path:
    from ti_desktop.services.maintenance import open_services

    db = tmp_path / "plan.sqlite3"
    opened = open_services(db, clock=fixed_clock())
    opened.services.territories.create(name="Vallée")
    opened.close()
    return db


def test_import_then_reimport(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    path = str(tet_file("plan_with_sous_actions_valid.xlsx"))
    code, out, err = run("import", path, "--db", str(db), "--dry-run")
    assert code == 0, err
    assert "Simulation" in out and "7 actions créées" in out and action_count(db) == 0
    code, out, err = run("import", path, "--db", str(db), "--territory", "Vallée")
    assert code == 0, err
    assert "7 actions créées (dont 3 sous-actions)" in out and action_count(db) == 7
    code, out, _ = run("import", path, "--db", str(db))
    assert code == 0 and "0 action créée" in out and "7 inchangées" in out and action_count(db) == 7


def test_column_order_refused(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    code, out, err = run("import", str(tet_file("plan_column_order_issue.xlsx")), "--db", str(db))
    assert code == 1
    assert f"Feuille Fichier dimport, ligne 2 : {COLUMN_ORDER_MESSAGE}" in out
    assert "rien n'a été écrit" in err and action_count(db) == 0


def test_unreadable_amount_reported(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    code, out, _err = run("import", str(tet_file("plan_budget_issue.xlsx")), "--db", str(db))
    assert code == 1
    assert "Feuille Plan daction, ligne 4, colonne X (Budget prévisionnel total € HT) : « Entre 200 et 500 »" in out
    assert action_count(db) == 0


def test_not_a_spreadsheet(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    bad = tmp_path / "plan.xlsx"
    bad.write_text("bonjour", encoding="utf-8")
    code, _, err = run("import", str(bad), "--db", str(db))
    assert code == 1 and "n'est pas un classeur" in err and "Traceback" not in err


def test_fields_are_listed(run: Run) -> None:
    code, out, _ = run("import", "--fields")
    assert code == 0
    assert "titre" in out and "maitre_ouvrage" in out and "montant_demande" in out and "ignorer" in out


def test_mapping_file_maps_unusual_headers(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    plan = tmp_path / "plan.csv"
    plan.write_bytes("Projet;Thématique;Porteur\nFab lab;Innovation;CCI Moselle\n".encode("cp1252"))
    mapping = tmp_path / "correspondance.json"
    mapping.write_text('{"Projet": "titre", "Thématique": "axe", "Porteur": "maitre_ouvrage"}', encoding="utf-8")
    code, out, err = run("import", str(plan), "--db", str(db), "--mapping", str(mapping))
    assert code == 0, err
    assert "1 action créée" in out and "1 acteur ajouté" in out and action_count(db) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"Projet": ', "n'est pas un JSON valide (ligne 1"),
        ('["titre"]', "doit contenir un objet"),
        ('{"Projet": 3}', "doit contenir un objet"),
    ],
)
def test_bad_mapping_file(run: Run, tmp_path: Path, content: str, message: str) -> None:
    db = make_db(run, tmp_path)
    plan = tmp_path / "plan.csv"
    plan.write_text("Intitulé;Axe\nFab lab;Innovation\n", encoding="utf-8")
    mapping = tmp_path / "correspondance.json"
    mapping.write_text(content, encoding="utf-8")
    code, _, err = run("import", str(plan), "--db", str(db), "--mapping", str(mapping))
    assert code == 1 and message in err and action_count(db) == 0


def test_mapping_to_an_unknown_field_is_reported(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    plan = tmp_path / "plan.csv"
    plan.write_text("Intitulé;Axe\nFab lab;Innovation\n", encoding="utf-8")
    mapping = tmp_path / "correspondance.json"
    mapping.write_text('{"Axe": "axes"}', encoding="utf-8")
    code, out, err = run("import", str(plan), "--db", str(db), "--mapping", str(mapping))
    assert code == 1 and "« axes » : ce champ n'existe pas" in out and "rien n'a été écrit" in err


def test_import_without_file(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    code, _, err = run("import", "--db", str(db))
    assert code == 1 and "indiquez le fichier" in err


def test_indicator_values(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    values = tmp_path / "insee.csv"
    values.write_text("Indicateur;Année;Valeur;Unité\nTaux de chômage;2023;7,1;%\nTaux de chômage;2024;6,8;%\n")
    code, out, err = run("import", str(values), "--db", str(db), "--indicateurs")
    assert code == 0, err
    assert "2 valeurs ajoutées" in out and "1 indicateur créé" in out


@pytest.mark.parametrize(
    ("name", "option", "kind"),
    [("plan.xlsx", [], "xlsx"), ("plan.csv", [], "csv"), ("tet.xlsx", ["--format", "tet"], "tet")],
)
def test_export(run: Run, demo_db: Path, tmp_path: Path, name: str, option: list[str], kind: str) -> None:
    output = tmp_path / name
    code, out, err = run("export", "--db", str(demo_db), "-o", str(output), *option)
    assert code == 0, err
    assert output.is_file() and f"exporté dans « {output} »" in out
    assert "actions confidentielles laissées de côté" in out
    if kind == "csv":
        assert output.read_bytes().startswith(b"\xef\xbb\xbf")
    else:
        book = openpyxl.load_workbook(output, read_only=True)
        assert ("Actions" in book.sheetnames) == (kind == "xlsx")
        book.close()


@pytest.mark.parametrize(
    ("option", "sheet", "header"),
    [
        ([], "Fichier dimport", "Titre de la fiche action"),
        (["--tet-layout", "ancien"], "Plan d'action", "Titre de l'action"),
    ],
)
def test_tet_export_layout(run: Run, demo_db: Path, tmp_path: Path, option: list[str], sheet: str, header: str) -> None:
    output = tmp_path / "tet.xlsx"
    code, _out, err = run("export", "--db", str(demo_db), "-o", str(output), "--format", "tet", *option)
    assert code == 0, err
    book = openpyxl.load_workbook(output, read_only=True)
    assert book.sheetnames == [sheet] and book[sheet]["D2"].value == header
    book.close()


def test_tet_export_layout_is_for_tet_only(run: Run, demo_db: Path, tmp_path: Path) -> None:
    output = tmp_path / "plan.xlsx"
    code, _, err = run("export", "--db", str(demo_db), "-o", str(output), "--tet-layout", "ancien")
    assert code == 1 and "--tet-layout ne vaut que pour --format tet (le format choisi est xlsx)" in err
    assert not output.exists()


def test_tet_export_layout_must_be_known(run: Run, demo_db: Path, tmp_path: Path) -> None:
    output = tmp_path / "tet.xlsx"
    code, _, err = run("export", "--db", str(demo_db), "-o", str(output), "--format", "tet", "--tet-layout", "v3")
    assert code != 0 and "'v3' (possibles : 'modele', 'ancien')" in err and not output.exists()


def test_export_needs_a_known_format(run: Run, demo_db: Path, tmp_path: Path) -> None:
    code, _, err = run("export", "--db", str(demo_db), "-o", str(tmp_path / "plan.ods"))
    assert code == 1 and "précisez --format" in err and not (tmp_path / "plan.ods").exists()


def test_fields_of_a_base_list_its_territorys_custom_fields(run: Run, tmp_path: Path) -> None:
    from ti_desktop.domain.enums import CustomFieldKind
    from ti_desktop.services.maintenance import open_services

    db = make_db(run, tmp_path)
    code, out, err = run("import", "--fields", "--db", str(db))
    assert code == 0, err
    assert "titre" in out and "Le territoire « Vallée » n'a pas encore de champ personnalisé" in out
    opened = open_services(db, clock=fixed_clock())
    territory = opened.services.territories.resolve(None)
    opened.services.custom_fields.define(territory.id, "Cibles", CustomFieldKind.TEXT)
    opened.services.custom_fields.define(territory.id, "Taille", CustomFieldKind.CHOICE, ["PME", "ETI"])
    opened.close()
    code, out, err = run("import", "--fields", "--db", str(db), "--territory", "Vallée")
    assert code == 0, err
    assert "Champs personnalisés du territoire « Vallée » (une colonne du même nom les remplit) :" in out
    assert "  Cibles — Texte\n  Taille — Liste de choix (PME, ETI)\n" in out
    code, _out, err = run("import", "--fields", "--db", str(tmp_path / "absente.sqlite3"))
    assert code == 1 and "Traceback" not in err


def test_the_dry_run_and_the_import_print_the_figures_and_check_the_files_totals(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    source = tmp_path / "plan.csv"
    source.write_text(
        "Axe;Intitulé;Coût total HT\nInnovation;Fab lab;1 000 000\nFoncier;Friche;250 000,10\nTotal;;1 250 000,01\n",
        encoding="utf-8",
    )
    nnbsp = "\u202f"
    disagreement = (
        f"Ligne 4 (Total) : le fichier indique 1{nnbsp}250{nnbsp}000,01{nnbsp}€ de budget, "
        f"les lignes importées font 1{nnbsp}250{nnbsp}000,10{nnbsp}€."
    )
    for options in (["--dry-run"], []):
        code, out, err = run("import", str(source), "--db", str(db), *options)
        assert code == 0, err
        assert f"Feuille plan, ligne 4, colonne C (Coût total HT) : attention : {disagreement}" in out
        assert "Actions par axe : Innovation : 1 ; Foncier : 1." in out
        assert f"Budget total : 1{nnbsp}250{nnbsp}000,10{nnbsp}€ HT." in out
        assert f"Total du fichier en écart : {disagreement}" in out
    assert action_count(db) == 2


@pytest.mark.parametrize(
    ("policy", "custom_fields", "notes", "said"),
    [
        ([], 1, None, "gardée comme champ personnalisé « Cibles » (texte)"),
        (["--unmapped", "keep"], 1, None, "gardée comme champ personnalisé « Cibles » (texte)"),
        (["--unmapped", "notes"], 0, "Cibles : PME industrielles", "ajoutées aux notes de chaque fiche"),
        (["--unmapped", "ignore"], 0, None, "ignorée comme demandé, ses valeurs ne sont pas importées"),
    ],
)
def test_unmapped_says_what_becomes_of_a_column_no_field_reads(
    run: Run, tmp_path: Path, policy: list[str], custom_fields: int, notes: str | None, said: str
) -> None:
    db = make_db(run, tmp_path)
    source = tmp_path / "plan.csv"
    source.write_text("Axe;Intitulé;Cibles\nInnovation;Fab lab;PME industrielles\n", encoding="utf-8")
    code, out, err = run("import", str(source), "--db", str(db), *policy)
    assert code == 0, err
    assert "colonne C (Cibles)" in out and "(1 cellule remplie, par ex. « PME industrielles »)" in out, out
    assert said in out
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM custom_fields").fetchone()[0] == custom_fields
        assert connection.execute("SELECT notes FROM actions").fetchone()[0] == notes


def test_unmapped_must_be_a_known_choice(run: Run, tmp_path: Path) -> None:
    code, _, err = run("import", "plan.csv", "--unmapped", "garder")
    assert code == 2 and "l'option --unmapped ne connaît pas 'garder' (possibles : 'keep', 'notes', 'ignore')" in err
