"""Reading arbitrary plan spreadsheets through column mapping (no database)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ti_desktop.domain.enums import ActionStatus, AmountBasis, FundingStatus, Priority
from ti_desktop.exchange.plan_columns import ACTION_FIELDS, IGNORE
from ti_desktop.exchange.table_plan import (
    basis_said_by,
    guess_header,
    header_key,
    read_table_plan,
    status_said_by,
    suggest_mapping,
)
from ti_desktop.exchange.tabular import read_workbook


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8-sig") -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


def read(path: Path, sheet: str | None = None, mapping: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    workbook = read_workbook(path)
    return read_table_plan(path, workbook, sheet or workbook.sheets[0].name, mapping)


def test_headers_named_as_people_write_them_are_recognised() -> None:
    headers = ["N°", "Intitulé", "Maître d'ouvrage", "Coût total HT", "Échéance", "Axe stratégique", "Commentaire"]
    assert suggest_mapping(headers, "actions") == {
        "N°": "code",
        "Intitulé": "titre",
        "Maître d'ouvrage": "maitre_ouvrage",
        "Coût total HT": "budget",
        "Échéance": "date_fin",
        "Axe stratégique": "axe",
    }
    assert header_key("Coût total HT (€) :") == "cout total"  # the basis is read apart (HT/TTC)


def test_every_export_header_maps_back_to_its_own_field() -> None:
    headers = [field.header for field in ACTION_FIELDS]
    assert suggest_mapping(headers, "actions") == {field.header: field.key for field in ACTION_FIELDS}


def test_header_found_below_title_lines_and_rows_read(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "plan.csv",
        [
            "Plan d'action du Territoire d'industrie;;;;",
            "Mise à jour : mars 2025;;;;",
            ";;;;",
            "Code;Axe;Intitulé;Coût total HT;Échéance;Statut;Priorité",
            "I-1;Innovation;Créer un fab lab;1 250 000 €;15/03/2027;En cours;Haute",
            ";;;;",
            "C-1;Compétences;Former des soudeurs;1.250.000,50;2026-12-31;À venir;basse",
            "F-1;Foncier;Friche;1\u202f000,50;46000;à discuter;",
            ";;Total;2 500 001;",
        ],
    )
    plan = read(path)
    assert not plan.has_errors, [str(issue) for issue in plan.issues]
    assert guess_header(read_workbook(path).sheets[0]).row == 3
    first, second, third = plan.actions
    assert (first.code, first.axis, first.title, first.origin.row) == ("I-1", "Innovation", "Créer un fab lab", 5)
    assert first.values.get("planned_budget") == Decimal("1250000") and first.values.get("planned_end") == dt.date(
        2027, 3, 15
    )
    assert first.status is ActionStatus.EN_COURS and first.priority is Priority.HAUTE
    assert second.values.get("planned_budget") == Decimal("1250000.50") and second.priority is Priority.BASSE
    assert second.origin.row == 7
    assert third.values.get("planned_budget") == Decimal("1000.50") and third.values.get("planned_end") == dt.date(
        2025, 12, 9
    )
    assert third.values.get("to_discuss") and third.status is None
    # The file's total row misses 1 000 €: it is checked, to the cent, against the three rows read.
    assert [str(issue) for issue in plan.report.warnings] == [
        "Feuille plan, ligne 9, colonne D (Coût total HT) : attention : Ligne 9 (Total) : le fichier indique "
        "2\u202f500\u202f001,00\u202f€ de budget, les lignes importées font 2\u202f501\u202f001,00\u202f€."
    ]


def test_windows_1252_comma_separated(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "export.csv",
        ["Intitulé,Axe,Maître d'ouvrage,Coût total", 'Étude foncière,Foncier,"Communauté de communes, Sud",12000'],
        encoding="cp1252",
    )
    plan = read(path)
    assert not plan.has_errors
    (action,) = plan.actions
    assert action.title == "Étude foncière" and action.actors == {"lead_actor_id": "Communauté de communes, Sud"}


def test_each_bad_cell_is_an_error_at_its_row_and_column(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "plan.csv",
        [
            "Code;Axe;Intitulé;Coût total HT;Date de début;Date de fin;Statut",
            "A;Innovation;Bon;10;01/01/2026;31/12/2026;En cours",
            "B;Innovation;Montant illisible;dix mille;;;",
            "C;Innovation;Date illisible;;32/01/2026;;",
            "D;Innovation;Dates inversées;;01/06/2026;01/01/2026;",
            "E;Innovation;Statut inconnu;;;;Presque fini",
            "A;Innovation;Code en double;;;;",
            "F;Innovation;;;;;",
        ],
    )
    plan = read(path)
    errors = [str(issue) for issue in plan.report.errors]
    assert errors == [
        "Feuille plan, ligne 3, colonne D (Coût total HT) : « dix mille » n'est pas un montant lisible "
        "(exemple : 1 250 000,50 €).",
        "Feuille plan, ligne 4, colonne E (Date de début) : « 32/01/2026 » n'est pas une date valide.",
        "Feuille plan, ligne 5, colonne F (Date de fin) : la date de fin est antérieure à la date de début.",
        "Feuille plan, ligne 6, colonne G (Statut) : statut « Presque fini » inconnu (En réflexion, À venir, "
        "En cours, Bloquée, En pause, Réalisée, Abandonnée).",
        "Feuille plan, ligne 7, colonne A (Code) : le code « A » figure déjà ligne 2.",
        "Feuille plan, ligne 8, colonne C (Intitulé) : l'intitulé de l'action est obligatoire.",
    ]


def test_user_mapping_overrides_and_ignores(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "plan.csv",
        ["Projet;Thème;Porteur du projet;Budget;Note", "Fab lab;Innovation;CCI;1000;à ignorer"],
    )
    plan = read(
        path, mapping={"Projet": "titre", "Thème": "axe", "porteur du projet": "maitre_ouvrage", "Budget": IGNORE}
    )
    assert not plan.has_errors
    (action,) = plan.actions
    assert (action.title, action.axis, action.actors) == ("Fab lab", "Innovation", {"lead_actor_id": "CCI"})
    assert action.values.get("planned_budget") is None


def test_mapping_to_an_unknown_field_is_an_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "plan.csv", ["Intitulé;Axe", "Fab lab;Innovation"])
    plan = read(path, mapping={"Axe": "axes"})
    assert [issue.message for issue in plan.report.errors] == [
        "correspondance « Axe » → « axes » : ce champ n'existe pas (liste des champs : ti-desktop import --fields ; "
        "ou champ_personnalise, ajouter_aux_notes, ignorer)."
    ]


def test_no_recognisable_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "notes.csv", ["Bonjour;tout le monde", "1;2"])
    plan = read(path)
    assert plan.has_errors and "aucune ligne d'en-tête reconnue" in plan.report.errors[0].message


def test_merged_axis_cells_and_section_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Axe", "Intitulé", "Coût total HT"])
    sheet.append(["Innovation", "Fab lab", 1000])
    sheet.append([None, "Plateforme", 2000])
    sheet.merge_cells("A2:A3")
    sheet.append(["Axe 2 – Compétences", None, None])
    sheet.merge_cells("A4:C4")
    sheet.append([None, "Soudeurs", 3000])
    sheet.append([None, "Sous-total", 3000])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    plan = read(path)
    assert not plan.has_errors, [str(issue) for issue in plan.issues]
    assert [(action.axis, action.title) for action in plan.actions] == [
        ("Innovation", "Fab lab"),
        ("Innovation", "Plateforme"),
        ("Axe 2 – Compétences", "Soudeurs"),
    ]


def test_companion_sheets_add_funding_and_milestones(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    actions = book.active
    actions.title = "Actions"
    actions.append(["Code", "Axe", "Intitulé", "Action parente"])
    actions.append(["I-1", "Innovation", "Fab lab", None])
    actions.append(["I-1.1", "Innovation", "Machines", "I-1"])
    funding = book.create_sheet("Financements")
    funding.append(
        ["Code action", "Axe", "Action", "Financeur", "Dispositif", "Montant demandé (€)", "Statut du financement"]
    )
    funding.append(["I-1", None, None, "Région", "Fonds X", 1000, "Accordé"])
    funding.append([None, "Innovation", "Fab lab", "État", None, "2 000,50", "Déposé"])
    funding.append(["Z-9", None, None, "État", None, 5, None])
    milestones = book.create_sheet("Jalons")
    milestones.append(["Code action", "Axe", "Action", "Jalon", "Échéance", "Réalisé le"])
    milestones.append(["I-1.1", None, None, "Commande", dt.datetime(2026, 5, 1), None])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    plan = read(path, "Actions")
    assert [str(issue) for issue in plan.report.errors] == [
        "Feuille Financements, ligne 4, colonne A (Code action) : code « Z-9 » : action introuvable dans la "
        "feuille « Actions »."
    ]
    lab, machines = plan.actions
    assert [(line.funder, line.amount, line.status) for line in lab.funding] == [
        ("Région", Decimal(1000), FundingStatus.ACCORDE),
        ("État", Decimal("2000.50"), FundingStatus.DEPOSE),
    ]
    assert machines.parent_ref == "I-1"
    assert [(m.title, m.due_on) for m in machines.milestones] == [("Commande", dt.date(2026, 5, 1))]


@pytest.mark.parametrize(("cell", "expected"), [("45 %", 45), (0.45, 45), ("100", 100), (30, 30)])
def test_progress_forms(tmp_path: Path, cell: object, expected: int) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Intitulé", "Avancement (%)"])
    book.active.append(["Fab lab", cell])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    (action,) = read(path).actions
    assert action.values.get("progress") == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Montant sollicité", FundingStatus.DEPOSE),
        ("Subvention demandée", FundingStatus.DEPOSE),
        ("Montant € HT", FundingStatus.ENVISAGE),  # says nothing of a status: the default
    ],
)
def test_without_a_status_column_the_amount_header_says_the_status(
    tmp_path: Path, header: str, expected: FundingStatus
) -> None:
    """A file asking 8.4 M€ in a « Montant sollicité » column has asked for it: Déposé, not Envisagé."""
    path = write_csv(tmp_path / "plan.csv", [f"Axe;Titre;Financeur;{header}", "Innovation;Plateforme;Région;8 400 000"])
    plan = read(path)
    assert not plan.has_errors, [str(issue) for issue in plan.issues]
    [funding] = plan.actions[0].funding
    assert funding.amount == Decimal("8400000")
    assert (funding.status or FundingStatus.ENVISAGE) is expected


def test_a_status_cell_wins_over_what_the_header_says(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "plan.csv",
        [
            "Axe;Titre;Financeur;Montant sollicité;Statut du financement",
            "Innovation;Plateforme;Région;100 000;Refusé",
            "Innovation;Banc d'essai;État;50 000;",
        ],
    )
    plan = read(path)
    assert [action.funding[0].status for action in plan.actions] == [FundingStatus.REFUSE, FundingStatus.DEPOSE]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Montant sollicité (€)", FundingStatus.DEPOSE),
        ("Subventions demandées", FundingStatus.DEPOSE),
        ("Montant accordé", FundingStatus.ACCORDE),
        ("Aide obtenue", FundingStatus.ACCORDE),
        ("Financements acquis", FundingStatus.ACCORDE),
        ("Montant versé", FundingStatus.VERSE),
        ("Montant", None),
        ("Coût d'acquisition", None),  # « acquisition » is not « acquis »
    ],
)
def test_the_status_an_amount_header_names(header: str, expected: FundingStatus | None) -> None:
    assert status_said_by(header) is expected


@pytest.mark.parametrize(
    ("header", "basis"),
    [
        ("Coût total TTC", AmountBasis.TTC),
        ("Montant € TTC", AmountBasis.TTC),
        ("Budget (TTC)", AmountBasis.TTC),
        ("Coût total HT (€)", AmountBasis.HT),
        ("Montant hors taxes", AmountBasis.HT),
        ("Budget", None),
        ("Montant attaché", None),  # « ht » inside a word is not HT
    ],
)
def test_the_basis_an_amount_header_says(header: str, basis: AmountBasis | None) -> None:
    assert basis_said_by(header) is basis


def test_ttc_headers_are_recognised_as_budget_and_funding_amounts() -> None:
    headers = ["Intitulé", "Coût total TTC", "Financeur", "Montant € TTC"]
    assert suggest_mapping(headers, "actions") == {
        "Intitulé": "titre",
        "Coût total TTC": "budget",
        "Financeur": "financeur",
        "Montant € TTC": "montant_demande",
    }
