"""TeT's current import template (`modele-import-pa.xlsx`) and TeT's own plan export, read by header."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ti_desktop.domain.enums import ActionStatus, AmountBasis, BudgetNature, CustomFieldKind, Priority
from ti_desktop.exchange.tabular import read_workbook
from ti_desktop.exchange.tet import UNCLASSIFIED_AXIS, read_tet_plan
from ti_desktop.exchange.tet_layouts import detect_layout

from .conftest import VALID_FILES, tet_file

TEMPLATE = "modele-import-pa.xlsx"
# The template's columns, by header (row 2), as letters.
A, B, C, D, E, F, G, H, I_, J, K, L, M, N, O, P, Q = "ABCDEFGHIJKLMNOPQ"  # noqa: E741


def filled_template(tmp_path: Path, rows: list[dict[str, object]], *, keep_example: bool = False) -> Path:
    """A copy of TeT's real template with `rows` (column letter → value) from row 5 (row 6 when the example
    fiche of row 5 is kept)."""
    book = openpyxl.load_workbook(tet_file(TEMPLATE))
    sheet = book["Fichier dimport"]
    if not keep_example:
        for cell in sheet[5]:
            cell.value = None
    for number, values in enumerate(rows, start=6 if keep_example else 5):
        for letter, value in values.items():
            sheet[f"{letter}{number}"] = value
    path = tmp_path / "plan-tet.xlsx"
    book.save(path)
    return path


FICHES: list[dict[str, object]] = [
    {
        "A": "1. Industrie décarbonée",
        "B": "1.1. Réseaux de chaleur",
        "D": "Réseau de chaleur de la zone d'activités",
        "F": "Raccorder les industriels de la ZA au réseau.",
        "G": "COPIL mensuel",
        "H": "10 entreprises raccordées",
        "J": "Communauté de communes",
        "L": "ADEME, Région",
        "N": "Marie Dupont",
        "O": "Jean Martin",
        "P": "Consultation",
        "R": "ADEME",
        "S": 150000,
        "T": "Région",
        "U": 80000.5,
        "V": "Fonds vert",
        "W": 20000,
        "X": 1250000,
        "Y": "En cours",
        "Z": "Élevé",
        "AA": dt.datetime(2025, 3, 15),
        "AB": "30/06/2027",
        "AC": "VRAI",
        "AF": "Point d'étape en comité de mars.",
        "AG": "https://exemple.fr/etude.pdf",
    },
    {
        "A": "1. Industrie décarbonée",
        "B": "1.1. Réseaux de chaleur",
        "D": "Réseau de chaleur de la zone d'activités",
        "E": "Étude de faisabilité",
        "N": "Paul Durand, Léa Petit",
        "X": 45000,
        "AC": "FAUX",
    },
    {"A": "2. Compétences", "D": "Campus des métiers", "Y": "À discuter", "Z": "Bas", "AD": "Mesure 3.2"},
]


def test_the_template_is_recognised_and_its_example_fiche_is_skipped_with_a_warning() -> None:
    path = tet_file(TEMPLATE)
    (sheet,) = [s for s in read_workbook(path).sheets if s.name == "Fichier dimport"]
    assert detect_layout(sheet) == "template"
    plan = read_tet_plan(path)
    assert plan.actions == [] and not plan.has_errors
    (warning,) = plan.report.warnings
    assert (warning.row, warning.column) == (5, "D")
    assert "fiche d'exemple du modèle Territoires en Transitions" in warning.message
    assert "n'est pas importée" in warning.message


def test_the_example_fiche_left_above_the_users_fiches_is_skipped(tmp_path: Path) -> None:
    plan = read_tet_plan(filled_template(tmp_path, FICHES, keep_example=True))
    assert [a.origin.row for a in plan.actions] == [6, 7, 8]
    assert all("Assurer la coordination" not in a.title for a in plan.actions)
    assert any("fiche d'exemple" in w.message and w.row == 5 for w in plan.report.warnings)


def test_an_edited_example_row_is_the_users_fiche(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(tet_file(TEMPLATE))
    book["Fichier dimport"]["D5"] = "Ma première fiche"
    book.save(tmp_path / "f.xlsx")
    plan = read_tet_plan(tmp_path / "f.xlsx")
    assert [a.title for a in plan.actions] == ["Ma première fiche"]  # not a sub-action named by TeT's placeholder
    assert not any("fiche d'exemple" in w.message for w in plan.report.warnings)
    (warning,) = [w for w in plan.report.warnings if w.row == 5]
    assert "texte d'exemple du modèle" in warning.message
    assert "E, I, AD, AE, AF, AG" in warning.message


def test_filled_template_imports_by_header(tmp_path: Path) -> None:
    plan = read_tet_plan(filled_template(tmp_path, FICHES))
    assert not plan.has_errors, [str(i) for i in plan.issues]
    assert [(a.axis, a.title, a.parent_title) for a in plan.actions] == [
        ("1. Industrie décarbonée", "Réseau de chaleur de la zone d'activités", None),
        ("1. Industrie décarbonée", "Étude de faisabilité", "Réseau de chaleur de la zone d'activités"),
        ("2. Compétences", "Campus des métiers", None),
    ]
    fiche, sub, campus = plan.actions
    assert fiche.objective == "1.1. Réseaux de chaleur" and sub.objective == fiche.objective
    assert fiche.values["description"] == "Raccorder les industriels de la ZA au réseau."
    assert fiche.values["expected_results"] == "10 entreprises raccordées"
    assert fiche.actors == {
        "lead_actor_id": "Communauté de communes",
        "pilot_actor_id": "Marie Dupont",
        "elected_referent_id": "Jean Martin",
    }
    assert [(f.funder, f.amount, f.basis) for f in fiche.funding] == [
        ("ADEME", Decimal(150000), AmountBasis.HT),
        ("Région", Decimal("80000.50"), AmountBasis.HT),
        ("Fonds vert", Decimal(20000), AmountBasis.HT),
    ]
    assert [f.column for f in fiche.funding] == ["S", "U", "W"]
    assert fiche.values["planned_budget"] == Decimal(1250000) and fiche.budget_basis is AmountBasis.HT
    assert fiche.status is ActionStatus.EN_COURS and fiche.priority is Priority.HAUTE
    assert (fiche.values["planned_start"], fiche.values["planned_end"]) == (dt.date(2025, 3, 15), dt.date(2027, 6, 30))
    assert fiche.values["notes"] == "Point d'étape en comité de mars."
    assert campus.values.get("to_discuss") and campus.status is None and campus.priority is Priority.BASSE
    # where each field is read from, for the errors the database rules raise
    assert plan.columns["planned_budget"] == ("X", "Budget prévisionnel total € HT")
    assert plan.columns["pilot_actor_id"] == ("N", "Personne pilote") and plan.columns["notes"] == ("AF", "Notes")


def test_columns_without_a_field_are_kept_as_custom_fields_and_listed(tmp_path: Path) -> None:
    plan = read_tet_plan(filled_template(tmp_path, FICHES))
    kinds = {column.header: column.kind for column in plan.custom_columns}
    assert kinds == {
        "Instances de gouvernance": CustomFieldKind.TEXT,
        "Partenaires": CustomFieldKind.TEXT,
        "Personne pilote": CustomFieldKind.TEXT,  # the sub-action names two pilots: kept, not an actor
        "Participation Citoyenne": CustomFieldKind.TEXT,
        "Action en amélioration continue": CustomFieldKind.FLAG,
        "Mesures liées": CustomFieldKind.TEXT,  # a red column (not imported by TeT): still the user's data
        "Documents et liens": CustomFieldKind.TEXT,
    }
    fiche, sub, campus = plan.actions
    assert fiche.custom_values == {
        "Instances de gouvernance": "COPIL mensuel",
        "Partenaires": "ADEME, Région",
        "Participation Citoyenne": "Consultation",
        "Action en amélioration continue": True,
        "Documents et liens": "https://exemple.fr/etude.pdf",
    }
    assert sub.custom_values == {"Personne pilote": "Paul Durand, Léa Petit", "Action en amélioration continue": False}
    assert sub.actors == {} and campus.custom_values == {"Mesures liées": "Mesure 3.2"}
    listed = {(u.column, u.header): (u.filled, u.samples, u.policy) for u in plan.unmapped}
    assert listed[("G", "Instances de gouvernance")] == (1, ("COPIL mensuel",), "keep")
    assert listed[("AC", "Action en amélioration continue")] == (2, ("VRAI", "FAUX"), "keep")
    assert listed[("N", "Personne pilote")] == (1, ("Paul Durand, Léa Petit",), "keep")
    assert len(listed) == len(plan.custom_columns)
    reported = {w.column: w.message for w in plan.report.warnings if w.row == 2}
    assert reported["AC"] == (
        "la colonne « Action en amélioration continue » n'a pas de champ dans TI Desktop (2 cellules remplies, "
        "par ex. « VRAI », « FAUX ») : gardée comme champ personnalisé « Action en amélioration continue » (oui / non)."
    )


@pytest.mark.parametrize("policy", ["notes", "ignore"])
def test_unmapped_columns_follow_the_policy(tmp_path: Path, policy: str) -> None:
    plan = read_tet_plan(filled_template(tmp_path, FICHES), unmapped=policy)  # type: ignore[arg-type]
    assert plan.custom_columns == [] and all(not a.custom_values for a in plan.actions)
    assert {u.policy for u in plan.unmapped} == {policy}
    fiche = plan.actions[0]
    if policy == "notes":
        assert fiche.values["notes"].startswith("Point d'étape en comité de mars.\nInstances de gouvernance : COPIL")
    else:
        assert fiche.values["notes"] == "Point d'étape en comité de mars."
        assert any("ignorée comme demandé" in w.message for w in plan.report.warnings)


def test_template_columns_read_by_header_whatever_their_order(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(tet_file(TEMPLATE))
    sheet = book["Fichier dimport"]
    sheet.move_range("X2:X5", cols=20)  # the budget moved to the far right
    for cell in sheet[5]:
        cell.value = None
    sheet["A5"], sheet["D5"], sheet["AR5"] = "Axe 1", "Fiche", 5000
    book.save(tmp_path / "f.xlsx")
    (action,) = read_tet_plan(tmp_path / "f.xlsx").actions
    assert action.values["planned_budget"] == Decimal(5000)


def test_bad_cells_of_the_template_are_located(tmp_path: Path) -> None:
    plan = read_tet_plan(
        filled_template(
            tmp_path, [{"A": "Axe", "D": "Fiche", "S": "beaucoup", "R": "ADEME", "AA": "2024-13-01", "Y": "Peut-être"}]
        )
    )
    errors = {(e.row, e.column): e.message for e in plan.report.errors}
    assert set(errors) == {(5, "S"), (5, "AA"), (5, "Y")}
    assert "beaucoup" in errors[(5, "S")] and "2024-13-01" in errors[(5, "AA")]
    assert "statut « Peut-être » inconnu" in errors[(5, "Y")]
    assert plan.report.errors[0].header in {"Montant € HT", "Date de début", "Statut"}


def test_a_fiche_without_axis_is_unclassified(tmp_path: Path) -> None:
    plan = read_tet_plan(filled_template(tmp_path, [{"D": "Fiche orpheline"}]))
    assert [a.axis for a in plan.actions] == [UNCLASSIFIED_AXIS]


@pytest.mark.parametrize("name", [*VALID_FILES, "plan_column_order_issue.xlsx"])
def test_the_legacy_files_are_told_apart(name: str) -> None:
    sheets = read_workbook(tet_file(name)).sheets
    assert [detect_layout(s) for s in sheets if detect_layout(s)] == ["legacy"]


# TeT's own plan export, as `apps/backend/src/plans/fiches/export/sections.ts` (github.com/incubateur-ademe/
# territoires-en-transitions, before commit a278c0bd5c) lays it out: sheet « Plan », section labels on row 1, column
# labels on row 2, one fiche per row from row 3; columns empty for every fiche are dropped; dates as dd/MM/yyyy text.
EXPORT_SECTIONS = (
    (
        "Présentation de l'action",
        ("Axe (x)", "Sous-axe (x.x)", "Titre de la fiche action", "Descriptif", "Thématique principale"),
    ),
    ("Gestion des accès", ("Confidentialité de la fiche",)),
    (
        "Modalités de mise en œuvre",
        (
            "Statut",
            "Niveau de priorité",
            "Date de début",
            "Date de fin",
            "L'action se répète tous les ans",
            "Calendrier",
        ),
    ),
    ("Acteurs", ("Personne pilote", "Structure pilote", "Cibles")),
    ("Notes de suivi et points de vigilance", ("2024",)),
    ("Budget", ("Financements", "Financeur 1", "Montant (TTC)", "Financeur 2", "Montant (TTC)")),
    ("Indicateurs de suivi", ("Objectifs",)),
    ("Autres informations liées", ("Notes complémentaires",)),
    ("Données de création et de modification", ("Date de création", "Créé par")),
)
EXPORT_ROWS = (
    (
        "Axe 1 : Industrie",
        "1.1 Chaleur",
        "Réseau de chaleur",
        "Raccorder la ZA",
        "Énergie",
        "Non",
        "En cours",
        "Élevé",
        "15/03/2025",
        "30/06/2027",
        "Oui",
        "Travaux en 2026",
        "Marie Dupont",
        "Communauté de communes",
        "Acteurs économiques",
        "Réunion avec les industriels",
        None,
        "ADEME",
        120000,
        "Région",
        60000.5,
        "10 raccordements",
        "Voir l'étude de 2023",
        "02/01/2025",
        "Marie Dupont",
    ),
    (
        "(Fiche non classée)",
        None,
        "Fiche sans axe",
        None,
        None,
        "Oui",
        "À venir",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        "05/02/2025",
        "Paul Durand",
    ),
)


def tet_export_file(tmp_path: Path, *, blank: tuple[str, ...] = ()) -> Path:
    """`EXPORT_ROWS` in TeT's export layout, the columns headed `blank` left empty."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    column = 1
    for label, headers in EXPORT_SECTIONS:
        sheet.cell(1, column, label)
        for offset, header in enumerate(headers):
            sheet.cell(2, column + offset, header)
        column += len(headers)
    for number, values in enumerate(EXPORT_ROWS, start=3):
        for index, value in enumerate(values, start=1):
            sheet.cell(number, index, None if sheet.cell(2, index).value in blank else value)
    path = tmp_path / "Export_Plan_2025-03-01.xlsx"
    book.save(path)
    return path


def test_tets_plan_export_imports_by_header_with_its_ttc_amounts(tmp_path: Path) -> None:
    path = tet_export_file(tmp_path)
    assert detect_layout(read_workbook(path).sheets[0]) == "export"
    plan = read_tet_plan(path)
    assert not plan.has_errors, [str(i) for i in plan.issues]
    fiche, orphan = plan.actions
    assert (fiche.axis, fiche.objective, fiche.title) == ("Axe 1 : Industrie", "1.1 Chaleur", "Réseau de chaleur")
    assert orphan.axis == UNCLASSIFIED_AXIS and orphan.values["confidential"] is True
    assert fiche.values["confidential"] is False and fiche.status is ActionStatus.EN_COURS
    assert (fiche.values["planned_start"], fiche.values["planned_end"]) == (dt.date(2025, 3, 15), dt.date(2027, 6, 30))
    assert [(f.funder, f.amount, f.basis) for f in fiche.funding] == [
        ("ADEME", Decimal(120000), AmountBasis.TTC),
        ("Région", Decimal("60000.50"), AmountBasis.TTC),
    ]
    (ttc,) = [w for w in plan.report.warnings if "TTC" in w.message]
    assert "2 montants importés tels quels, en TTC, sans conversion" in ttc.message and ttc.row == 2
    assert fiche.values["notes"] == "Voir l'étude de 2023\n\nNotes de suivi 2024 : Réunion avec les industriels"
    assert fiche.actors == {"pilot_actor_id": "Marie Dupont", "lead_actor_id": "Communauté de communes"}
    assert fiche.custom_values == {
        "Thématique principale": "Énergie",
        "L'action se répète tous les ans": True,
        "Calendrier": "Travaux en 2026",
        "Cibles": "Acteurs économiques",
        "Date de création": dt.date(2025, 1, 2),
        "Créé par": "Marie Dupont",
    }
    kinds = {c.header: c.kind for c in plan.custom_columns}
    assert kinds["Date de création"] is CustomFieldKind.DATE and kinds["Cibles"] is CustomFieldKind.TEXT
    policies = {u.header: u.policy for u in plan.unmapped}
    assert policies == {**{header: "keep" for header in kinds}, "2024": "notes"}


def small_export(tmp_path: Path, budgets: dict[str, str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    headers = ["Axe (x)", "Titre de l'action", "Confidentialité de l'action", *budgets]
    for index, header in enumerate(headers, start=1):
        sheet.cell(2, index, header)
    for index, value in enumerate(["Axe 1", "Fiche", "Non", *budgets.values()], start=1):
        sheet.cell(3, index, value)
    book.save(tmp_path / "export.xlsx")
    return tmp_path / "export.xlsx"


INVESTMENT = (
    "2025 :\n  - 50000 € HT prévisionnels\nTotal en € HT (non étalé dans le temps):\n"
    "  - 120000 € HT prévisionnels\n  - 5000.5 € HT dépensés"
)


def test_the_exports_budget_totals_become_the_budget_and_their_text_is_kept(tmp_path: Path) -> None:
    plan = read_tet_plan(small_export(tmp_path, {"Budgets d'investissement": INVESTMENT}))
    assert not plan.has_errors
    (kept,) = plan.report.warnings  # the text, kept as a custom field, is reported
    assert kept.message.startswith("la colonne « Budgets d'investissement » n'a pas de champ dans TI Desktop")
    assert "gardée comme champ personnalisé « Budgets d'investissement » (texte)" in kept.message
    (action,) = plan.actions
    assert action.values["planned_budget"] == Decimal(120000) and action.budget_basis is AmountBasis.HT
    assert action.values["spent_to_date"] == Decimal("5000.5")
    assert action.budget_nature is BudgetNature.INVESTISSEMENT
    assert action.custom_values == {"Budgets d'investissement": INVESTMENT}


def test_both_budget_natures_are_added_up_with_a_warning(tmp_path: Path) -> None:
    running = "Total en € HT (étalé dans le temps):\n  - 30000 € HT prévisionnels"
    plan = read_tet_plan(
        small_export(tmp_path, {"Budgets de fonctionnement": running, "Budgets d'investissement": INVESTMENT})
    )
    (action,) = plan.actions
    assert action.values["planned_budget"] == Decimal(150000) and action.budget_nature is None
    (warning,) = [w for w in plan.report.warnings if "additionnés" in w.message]
    assert "budgets de fonctionnement et d'investissement additionnés" in warning.message
    assert (warning.row, warning.column) == (3, "D")


def test_a_filled_column_without_a_header_is_kept_under_its_letter(tmp_path: Path) -> None:
    path = filled_template(tmp_path, [{"A": "Axe 1", "D": "Fiche", "AK": "Remarque sans en-tête"}])
    plan = read_tet_plan(path)
    (action,) = plan.actions
    assert action.custom_values == {"AK": "Remarque sans en-tête"}
    assert [(u.column, u.header, u.filled) for u in plan.unmapped] == [("AK", "AK", 1)]
