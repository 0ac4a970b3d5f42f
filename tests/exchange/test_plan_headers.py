"""Headers read as people write them: spelling, units, synonyms of real workbooks, group rows above."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ti_desktop.domain.enums import ActionStatus, FundingStatus
from ti_desktop.exchange.plan_headers import header_key, suggest_mapping, with_group_row
from ti_desktop.exchange.plan_import import PlanImport
from ti_desktop.exchange.table_plan import guess_header, read_table_plan
from ti_desktop.exchange.tabular import read_workbook

from .conftest import TET_DIR


def read(path: Path, sheet: str | None = None) -> PlanImport:
    book = read_workbook(path)
    return read_table_plan(path, book, sheet or book.sheets[0].name)


def workbook(path: Path, *rows: list[object], merges: tuple[str, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Suivi"
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Coût total (€ HT)", "cout total"),
        ("Montant (en €)", "montant"),
        ("N° fiche", "numero fiche"),
        ("Nº fiche", "numero fiche"),
        ("Fiche n°", "fiche numero"),
        ("  MAÎTRE D’OUVRAGE :", "maitre ouvrage"),
        ("Financeur 1", "financeur"),
        ("Date prévisionnelle de fin", "date previsionnelle fin"),
    ],
)
def test_header_keys_ignore_case_accents_punctuation_units_and_parentheses(header: str, key: str) -> None:
    assert header_key(header) == key


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("N° fiche", "code"),
        ("Fiche n°", "code"),
        ("Réf. fiche", "code"),
        ("Numéro", "code"),
        ("Titre de la fiche action", "titre"),
        ("Nom du projet", "titre"),
        ("Intitulé", "titre"),
        ("Porteur de projet", "maitre_ouvrage"),
        ("Structure pilote", "maitre_ouvrage"),
        ("Porteur", "maitre_ouvrage"),
        ("Financeur principal", "financeur"),
        ("Financeur(s)", "financeur"),
        ("Cofinanceur", "financeur"),
        ("Subvention sollicitée", "montant_demande"),
        ("Montant sollicité(e)", "montant_demande"),
        ("Aide demandée", "montant_demande"),
        ("Subvention", "montant_demande"),
        ("Date prévisionnelle de fin", "date_fin"),
        ("Échéance", "date_fin"),
        ("Date de fin", "date_fin"),
        ("Fin prévue", "date_fin"),
        ("État d'avancement", "statut"),
        ("Statut", "statut"),
        ("Coût total (€ HT)", "budget"),
        ("Coût HT", "budget"),
        ("Montant total", "budget"),
        ("Budget", "budget"),
        ("Montant accordé", "montant_accorde"),
    ],
)
def test_synonyms_real_workbooks_use(header: str, field: str) -> None:
    assert suggest_mapping(["Axe", header], "actions")[header] == field


def test_false_friends_are_not_taken() -> None:
    suggested = suggest_mapping(["Intitulé", "Observations", "Montant accordé", "Actions liées", "Notes"], "actions")
    # « Observations » is not the title: it is the fiche's notes (the first column naming them).
    assert suggested == {"Intitulé": "titre", "Observations": "notes", "Montant accordé": "montant_accorde"}


def test_an_amount_beside_its_funder_is_the_amount_asked_of_it() -> None:
    assert suggest_mapping(["Intitulé", "Financeur principal", "Montant", "Budget"], "actions") == {
        "Intitulé": "titre",
        "Financeur principal": "financeur",
        "Montant": "montant_demande",
        "Budget": "budget",
    }


def test_a_follow_up_workbook_of_a_region_imports_every_figure(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "suivi.xlsx",
        ["Tableau de suivi des fiches-actions — mars 2025"],
        [
            "N° fiche",
            "Axe",
            "Titre de la fiche action",
            "Structure pilote",
            "Financeur principal",
            "Subvention sollicitée",
            "Date prévisionnelle de fin",
            "Observations",
        ],
        ["1.1", "Innovation", "Fab lab", "CCI", "Région Grand Est", 120000, dt.datetime(2026, 6, 30), "à suivre"],
        ["1.2", "Innovation", "Campus", "Université", "État", "80 000 €", "31/12/2026", None],
    )
    plan = read(path)
    assert not plan.has_errors, [str(issue) for issue in plan.issues]
    first, second = plan.actions
    assert (first.code, first.title, first.actors) == ("1.1", "Fab lab", {"lead_actor_id": "CCI"})
    assert [(line.funder, line.amount, line.status) for line in first.funding] == [
        ("Région Grand Est", Decimal("120000.00"), FundingStatus.DEPOSE)
    ]
    assert first.values["planned_end"] == dt.date(2026, 6, 30)
    assert second.funding[0].amount == Decimal("80000.00") and second.values["planned_end"] == dt.date(2026, 12, 31)
    assert not plan.unmapped and first.values["notes"] == "à suivre"  # « Observations » are the fiche's notes


def test_fiche_numero_is_the_code(tmp_path: Path) -> None:
    path = workbook(tmp_path / "fiches.xlsx", ["Fiche n°", "Intitulé", "Axe"], ["F-07", "Friche", "Foncier"])
    (action,) = read(path).actions
    assert action.code == "F-07"


def test_avancement_holding_statuses_is_the_status_and_etat_holding_percents_the_progress(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "avancement.xlsx",
        ["Intitulé", "Axe", "Avancement"],
        ["Fab lab", "Innovation", "En cours"],
        ["Campus", "Innovation", "Terminé"],
    )
    first, second = read(path).actions
    assert first.status is ActionStatus.EN_COURS and second.status is ActionStatus.REALISEE
    path = workbook(
        tmp_path / "etat.xlsx",
        ["Intitulé", "Axe", "État d'avancement"],
        ["Fab lab", "Innovation", "40 %"],
        ["Campus", "Innovation", 0.5],
    )
    first, second = read(path).actions
    assert first.values["progress"] == 40 and second.values["progress"] == 50 and first.status is None


def test_two_row_headers_join_the_group_and_the_sub_header(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "deux-lignes.xlsx",
        [None, None, "Financeur 1", None, "Financeur 2", None, "Dates", None],
        ["Axe", "Intitulé", "Nom", "Montant", "Nom", "Montant", "Début", "Fin"],
        ["Innovation", "Fab lab", "Région", 1000, "ADEME", 2000, "01/01/2025", "31/12/2026"],
        merges=("C1:D1", "E1:F1", "G1:H1"),
    )
    guess = guess_header(read_workbook(path).sheets[0])
    assert guess.headers == [
        "Axe",
        "Intitulé",
        "Financeur 1 – Nom",
        "Financeur 1 – Montant",
        "Financeur 2 – Nom",
        "Financeur 2 – Montant",
        "Début",
        "Fin",
    ]
    plan = read(path)
    assert not plan.has_errors, [str(issue) for issue in plan.issues]
    (action,) = plan.actions
    assert [(line.funder, line.amount) for line in action.funding] == [("Région", Decimal("1000.00"))]
    assert action.values["planned_start"] == dt.date(2025, 1, 1) and action.values["planned_end"] == dt.date(
        2026, 12, 31
    )
    # The second funder has no field of its own in a one-line-per-action table: kept, not dropped.
    assert [(column.header, column.samples) for column in plan.unmapped] == [
        ("Financeur 2 – Nom", ("ADEME",)),
        ("Financeur 2 – Montant", ("2000",)),
    ]


def test_a_group_row_written_without_merges_is_carried_right() -> None:
    headers = with_group_row(["Intitulé", "Nom", "Montant"], ["", "Financeur", ""], "actions")
    assert headers == ["Intitulé", "Financeur – Nom", "Financeur – Montant"]
    assert suggest_mapping(headers, "actions") == {
        "Intitulé": "titre",
        "Financeur – Nom": "financeur",
        "Financeur – Montant": "montant_demande",
    }


def test_a_title_line_above_is_not_a_group() -> None:
    headers = ["Intitulé", "Montant", "Nom"]
    assert with_group_row(headers, ["Plan d'action 2025"], "actions") == headers


def test_the_current_territoires_en_transitions_template_headers() -> None:
    path = TET_DIR / "modele-import-pa.xlsx"
    if not path.is_file():
        pytest.skip("modèle TeT absent")
    rows = next(sheet for sheet in read_workbook(path).sheets if sheet.name == "Fichier dimport").rows
    above, row = ([str(value or "") for value in rows[index]] for index in (0, 1))
    suggested = suggest_mapping(with_group_row(row, above, "actions"), "actions")
    assert {key: suggested.get(key) for key in ("Axe (x)", "Sous-axe (x.x)", "Titre de la fiche action")} == {
        "Axe (x)": "axe",
        "Sous-axe (x.x)": "objectif",
        "Titre de la fiche action": "titre",
    }
    assert suggested["Structure pilote"] == "maitre_ouvrage" and suggested["Personne pilote"] == "pilote"
    assert suggested["Financeur 1"] == "financeur" and suggested["Montant € HT"] == "montant_demande"
    assert suggested["Budget prévisionnel total € HT"] == "budget"
    assert (suggested["Statut "], suggested["Niveau de priorité"]) == ("statut", "priorite")
    assert (suggested["Date de début"], suggested["Date de fin"]) == ("date_debut", "date_fin")
    assert suggested["Notes"] == "notes" and "Partenaires " not in suggested


@pytest.mark.parametrize("merged_down", [False, True])
def test_a_second_header_row_under_the_grouped_columns_only(tmp_path: Path, merged_down: bool) -> None:
    """« Financement » over « Financeur principal » and « Subvention sollicitée », the other headers written
    once on the first row (or merged down over both): the rows are read as one header, data from the row after."""
    merges = ("E4:F4", *(f"{letter}4:{letter}5" for letter in "ABCDG")) if merged_down else ("E4:F4",)
    path = workbook(
        tmp_path / "suivi.xlsx",
        ["Tableau de suivi des fiches-actions"],
        ["Mis à jour le 12/11/2026"],
        [],
        ["N° fiche", "Intitulé de l'action", "Axe", "Maître d'ouvrage", "Financement", None, "Coût total HT"],
        [None, None, None, None, "Financeur principal", "Subvention sollicitée", None],
        ["FA-01", "Plateforme d'essais", "Innovation", "CC Faucigny", "Région", "450 000 €", "1 800 000 €"],
        merges=merges,
    )
    plan = read(path)
    assert not plan.has_errors, [str(issue) for issue in plan.issues]
    (action,) = plan.actions
    assert (action.code, action.title, action.axis, action.actors) == (
        "FA-01",
        "Plateforme d'essais",
        "Innovation",
        {"lead_actor_id": "CC Faucigny"},
    )
    assert action.values["planned_budget"] == Decimal(1800000)
    (line,) = action.funding
    assert (line.funder, line.amount, line.status) == ("Région", Decimal(450000), FundingStatus.DEPOSE)
    assert not plan.unmapped


def test_a_data_row_under_the_header_is_not_taken_for_a_second_header_row(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "plan.xlsx",
        ["Intitulé", "Axe", "Budget", "Financeur", "Montant demandé"],
        ["Fab lab", None, None, None, None],
        ["Friche", "Foncier", "250 000", None, None],
    )
    plan = read(path)
    assert [action.title for action in plan.actions] == ["Fab lab", "Friche"]
