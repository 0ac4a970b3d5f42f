"""A filled column no field reads is never dropped in silence: listed, and kept, added to the notes or ignored."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl

from ti_desktop.domain.enums import CustomFieldKind
from ti_desktop.exchange.custom_columns import guess_column
from ti_desktop.exchange.plan_import import (
    ActionImport,
    CustomColumn,
    Origin,
    PlanImport,
    UnmappedColumn,
    UnmappedPolicy,
)
from ti_desktop.exchange.table_plan import _apply_policy, read_table_plan
from ti_desktop.exchange.tabular import read_workbook

HEADER = "Code;Axe;Intitulé;Précisions;Enveloppe (€);Comité;Labellisé;Surface (ha);Filière;;Date CT"
ROWS = (
    "I-1;Innovation;Fab lab;À revoir en comité;12 000;15/03/2025;oui;2,5;Chimie;note libre;2025-01-10",
    "I-2;Innovation;Campus;;3 500,50 €;01/04/2025;non;10;Métallurgie;;2025-02-11",
    "I-3;Innovation;Hub;Urgent;;;oui;;Chimie;;",
    "I-4;Innovation;Lab;;;;;;Chimie;;",
)


def write_csv(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def read(path: Path, mapping: dict[str, str] | None = None, unmapped: UnmappedPolicy = "keep") -> PlanImport:
    book = read_workbook(path)
    return read_table_plan(path, book, book.sheets[0].name, mapping, unmapped)


def warnings_of(plan: PlanImport) -> list[str]:
    return [str(issue) for issue in plan.report.warnings]


def test_each_unknown_filled_column_is_listed_with_count_and_samples(tmp_path: Path) -> None:
    plan = read(write_csv(tmp_path / "plan.csv", HEADER, *ROWS))
    assert not plan.has_errors, [str(issue) for issue in plan.issues]
    assert plan.unmapped == [
        UnmappedColumn("plan", "D", "Précisions", 2, ("À revoir en comité", "Urgent")),
        UnmappedColumn("plan", "E", "Enveloppe (€)", 2, ("12 000", "3 500,50 €")),
        UnmappedColumn("plan", "F", "Comité", 2, ("15/03/2025", "01/04/2025")),
        UnmappedColumn("plan", "G", "Labellisé", 3, ("oui", "non")),
        UnmappedColumn("plan", "H", "Surface (ha)", 2, ("2,5", "10")),
        UnmappedColumn("plan", "I", "Filière", 4, ("Chimie", "Métallurgie")),
        UnmappedColumn("plan", "J", "J", 1, ("note libre",)),
        UnmappedColumn("plan", "K", "Date CT", 2, ("2025-01-10", "2025-02-11")),
    ]
    warnings = warnings_of(plan)
    assert warnings[0] == (
        "Feuille plan, ligne 1, colonne D (Précisions) : attention : la colonne « Précisions » ne correspond "
        "à aucun champ (2 cellules remplies, par ex. « À revoir en comité », « Urgent ») : gardée comme champ "
        "personnalisé « Précisions » (texte)."
    )
    assert warnings[5].endswith("gardée comme champ personnalisé « Filière » (liste de choix : 2 choix).")
    assert warnings[6] == (
        "Feuille plan, ligne 1, colonne J : attention : la colonne « J » ne correspond à aucun champ "
        "(1 cellule remplie, par ex. « note libre ») : gardée comme champ personnalisé « Colonne J » (texte)."
    )
    assert len(warnings) == 8


def test_kept_columns_become_custom_fields_of_the_kind_their_values_show(tmp_path: Path) -> None:
    plan = read(write_csv(tmp_path / "plan.csv", HEADER, *ROWS))
    assert plan.custom_columns == [
        CustomColumn("Précisions", CustomFieldKind.TEXT),
        CustomColumn("Enveloppe (€)", CustomFieldKind.AMOUNT),
        CustomColumn("Comité", CustomFieldKind.DATE),
        CustomColumn("Labellisé", CustomFieldKind.FLAG),
        CustomColumn("Surface (ha)", CustomFieldKind.NUMBER),
        CustomColumn("Filière", CustomFieldKind.CHOICE, ("Chimie", "Métallurgie")),
        CustomColumn("Colonne J", CustomFieldKind.TEXT),
        CustomColumn("Date CT", CustomFieldKind.DATE),
    ]
    first, second, third, fourth = plan.actions
    assert first.custom_values == {
        "Précisions": "À revoir en comité",
        "Enveloppe (€)": Decimal("12000.00"),
        "Comité": dt.date(2025, 3, 15),
        "Labellisé": True,
        "Surface (ha)": Decimal("2.5"),
        "Filière": "Chimie",
        "Colonne J": "note libre",
        "Date CT": dt.date(2025, 1, 10),
    }
    assert second.custom_values["Enveloppe (€)"] == Decimal("3500.50") and second.custom_values["Labellisé"] is False
    assert "Précisions" not in second.custom_values  # a blank cell is absent
    assert third.custom_values == {"Précisions": "Urgent", "Labellisé": True, "Filière": "Chimie"}
    assert fourth.custom_values == {"Filière": "Chimie"}


def test_notes_policy_appends_header_and_value_lines(tmp_path: Path) -> None:
    plan = read(write_csv(tmp_path / "plan.csv", HEADER, *ROWS), unmapped="notes")
    assert not plan.custom_columns and all(column.policy == "notes" for column in plan.unmapped)
    first = plan.actions[0]
    assert first.values["notes"] == (
        "Précisions : À revoir en comité\nEnveloppe (€) : 12 000\nComité : 15/03/2025\nLabellisé : oui\n"
        "Surface (ha) : 2,5\nFilière : Chimie\nJ : note libre\nDate CT : 2025-01-10"
    )
    assert plan.actions[3].values["notes"] == "Filière : Chimie"
    assert warnings_of(plan)[0].endswith(
        "ses valeurs sont ajoutées aux notes de chaque fiche (« Précisions : valeur »)."
    )


def test_ignore_policy_stores_nothing_but_still_lists(tmp_path: Path) -> None:
    plan = read(write_csv(tmp_path / "plan.csv", HEADER, *ROWS), unmapped="ignore")
    assert [column.policy for column in plan.unmapped] == ["ignore"] * 8
    assert not plan.custom_columns
    assert all(not action.custom_values and "notes" not in action.values for action in plan.actions)
    assert warnings_of(plan)[0].endswith("ignorée comme demandé, ses valeurs ne sont pas importées.")


def test_the_mapping_chooses_per_column_over_the_default(tmp_path: Path) -> None:
    mapping = {"Précisions": "ajouter_aux_notes", "filiere": "ignorer", "Enveloppe (€)": "champ_personnalise"}
    plan = read(write_csv(tmp_path / "plan.csv", HEADER, *ROWS), mapping, unmapped="ignore")
    policies = {column.header: column.policy for column in plan.unmapped}
    assert policies["Précisions"] == "notes" and policies["Filière"] == "ignore"
    assert policies["Enveloppe (€)"] == "keep" and policies["Comité"] == "ignore"
    assert plan.custom_columns == [CustomColumn("Enveloppe (€)", CustomFieldKind.AMOUNT)]
    assert plan.actions[0].values["notes"] == "Précisions : À revoir en comité"
    assert not plan.has_errors


def test_notes_lines_come_after_a_notes_column_own_text(tmp_path: Path) -> None:
    plan = PlanImport(path=tmp_path / "plan.csv", sheet="plan")
    action = ActionImport(Origin("plan", 2), "Innovation", None, "Fab lab", values={"notes": "Texte de la fiche"})
    _apply_policy(plan, "notes", "Précisions", "D", "plan", [(action, "À revoir"), (None, "refusée")], False)
    assert action.values["notes"] == "Texte de la fiche\nPrécisions : À revoir"


def test_an_empty_column_and_mapped_columns_are_not_listed(tmp_path: Path) -> None:
    plan = read(write_csv(tmp_path / "plan.csv", "Intitulé;Axe;Vide", "Fab lab;Innovation;", "Campus;Innovation;"))
    assert plan.unmapped == [] and not plan.report.warnings


def test_a_second_column_for_the_same_field_is_kept_not_dropped(tmp_path: Path) -> None:
    plan = read(write_csv(tmp_path / "plan.csv", "Intitulé;Axe;Statut;Statut", "Fab lab;Innovation;En cours;ok"))
    assert [(column.column, column.header) for column in plan.unmapped] == [("D", "Statut")]
    assert plan.actions[0].custom_values == {"Statut (D)": "ok"}


def test_refused_rows_count_their_cells_but_the_plan_keeps_none(tmp_path: Path) -> None:
    plan = read(write_csv(tmp_path / "plan.csv", "Intitulé;Axe;Coût total;Remarque", "Fab lab;Innovation;dix;vu"))
    assert plan.has_errors and not plan.actions
    assert plan.unmapped == [UnmappedColumn("plan", "D", "Remarque", 1, ("vu",))]


def test_guessed_kinds() -> None:
    assert guess_column("Montant FEDER", [1000, "2 000"]).kind is CustomFieldKind.AMOUNT
    assert guess_column("Nombre de salariés", [12, "30"]).kind is CustomFieldKind.NUMBER
    assert guess_column("Année", [2024, 2025]).kind is CustomFieldKind.NUMBER  # not Excel serial dates
    assert guess_column("Fait", ["x", "-", "X"]).kind is CustomFieldKind.FLAG
    assert guess_column("Indice", [1, 0, 1]).kind is CustomFieldKind.NUMBER
    assert guess_column("Ville", ["Metz", "Nancy", "Épinal"]).kind is CustomFieldKind.TEXT
    assert guess_column("Prochaine étape", [dt.datetime(2025, 1, 2), "03/02/2025"]).kind is CustomFieldKind.DATE


def test_companion_sheet_columns_go_to_the_action_when_one_row_each(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    actions = book.active
    assert actions is not None
    actions.title = "Actions"
    actions.append(["Code", "Axe", "Intitulé"])
    actions.append(["I-1", "Innovation", "Fab lab"])
    actions.append(["I-2", "Innovation", "Campus"])
    funding = book.create_sheet("Financements")
    funding.append(["Code action", "Financeur", "Montant demandé (€)", "Référence dossier"])
    funding.append(["I-1", "Région", 1000, "D-2025-01"])
    funding.append(["I-2", "État", 2000, "D-2025-02"])
    milestones = book.create_sheet("Jalons")
    milestones.append(["Code action", "Jalon", "Échéance", "Commentaire"])
    milestones.append(["I-1", "Étude", "01/02/2025", "en retard"])
    milestones.append(["I-1", "Travaux", "01/09/2025", "à confirmer"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    plan = read_table_plan(path, read_workbook(path), "Actions")
    assert not plan.has_errors, [str(issue) for issue in plan.issues]
    assert [(column.sheet, column.header, column.filled) for column in plan.unmapped] == [
        ("Financements", "Référence dossier", 2),
        ("Jalons", "Commentaire", 2),
    ]
    first, second = plan.actions
    assert first.custom_values == {"Référence dossier": "D-2025-01", "Commentaire": "en retard\nà confirmer"}
    assert second.custom_values == {"Référence dossier": "D-2025-02"}
    assert plan.custom_columns == [
        CustomColumn("Référence dossier", CustomFieldKind.TEXT),
        CustomColumn("Commentaire", CustomFieldKind.TEXT),
    ]
    assert warnings_of(plan)[-1] == (
        "Feuille Jalons, ligne 1, colonne D (Commentaire) : attention : la colonne « Commentaire » ne correspond "
        "à aucun champ (2 cellules remplies, par ex. « en retard », « à confirmer ») : gardée comme champ "
        "personnalisé « Commentaire » (texte) ; la feuille ayant plusieurs lignes par action, les valeurs d'une "
        "même action y sont réunies, une par ligne."
    )
