"""Before anything is written, the validation report says what the import brings in figures — actions per axis,
total budget, funding per status — and proves them against the file's own total rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ti_desktop.domain.enums import AmountBasis, FundingStatus

from .conftest import World

NNBSP = "\u202f"
PLAN = (
    "Code;Axe;Intitulé;Coût total HT;Financeur;Montant demandé;Montant accordé;Statut du financement\n"
    "I-1;Innovation;Plateforme;1 000 000;Région;250 000;;Déposé\n"
    "I-2;Innovation;Laboratoire;200 000,50;Bpifrance;100 000;80 000;Accordé\n"
    ";Sous-total Innovation;;1 200 000,50;;350 000;;\n"
    "F-1;Axe 3 : Foncier;Friche Nord;49 999,50;Fonds vert;20 000;;Envisagé\n"
    "F-2;Axe 3 : Foncier;Friche Sud;0,50;Ademe;5 000;;Refusé\n"
    ";Total général;;{total};;375 000;;\n"
)


def write(tmp_path: Path, total: str = "1 250 000,50") -> Path:
    path = tmp_path / "plan.csv"
    path.write_text(PLAN.format(total=total), encoding="utf-8")
    return path


def test_the_preview_counts_the_actions_per_axis_the_budget_and_the_funding_per_status(
    world: World, tmp_path: Path
) -> None:
    preview = world.services.imports.preview(world.territory.id, write(tmp_path))
    assert not preview.issues, [str(issue) for issue in preview.issues]
    figures = preview.figures
    assert figures.actions_by_axis == {"Innovation": 2, "Foncier": 2}  # the territory's axes, as resolved
    assert figures.budget == {AmountBasis.HT: Decimal("1250000.50")}
    assert figures.funding == {
        FundingStatus.DEPOSE: {AmountBasis.HT: Decimal("250000")},
        FundingStatus.ACCORDE: {AmountBasis.HT: Decimal("80000")},  # secured: at the granted amount
        FundingStatus.ENVISAGE: {AmountBasis.HT: Decimal("20000")},
        FundingStatus.REFUSE: {AmountBasis.HT: Decimal("5000")},
    }
    assert figures.lines() == [
        "Actions par axe : Innovation : 2 ; Foncier : 2.",
        f"Budget total : 1{NNBSP}250{NNBSP}000,50{NNBSP}€ HT.",
        f"Financements : Envisagé 20{NNBSP}000,00{NNBSP}€ HT ; Déposé 250{NNBSP}000,00{NNBSP}€ HT ; "
        f"Accordé 80{NNBSP}000,00{NNBSP}€ HT ; Versé 0,00{NNBSP}€ ; Refusé 5{NNBSP}000,00{NNBSP}€ HT.",
        f"Total du fichier vérifié : Ligne 4 (Sous-total Innovation) : 1{NNBSP}200{NNBSP}000,50{NNBSP}€ de budget ; "
        f"350{NNBSP}000,00{NNBSP}€ de financements demandés, comme les lignes importées (2 lignes).",
        f"Total du fichier vérifié : Ligne 7 (Total général) : 1{NNBSP}250{NNBSP}000,50{NNBSP}€ de budget ; "
        f"375{NNBSP}000,00{NNBSP}€ de financements demandés, comme les lignes importées (4 lignes).",
    ]
    assert world.services.actions.for_territory(world.territory.id) == []  # a preview writes nothing


def test_a_total_the_rows_do_not_reach_is_a_warning_and_the_import_still_says_so(world: World, tmp_path: Path) -> None:
    path = write(tmp_path, total="1 250 000,51")
    preview = world.services.imports.preview(world.territory.id, path)
    (warning,) = preview.warnings
    assert (warning.row, warning.column, warning.header) == (7, "D", "Coût total HT")
    message = (
        f"Ligne 7 (Total général) : le fichier indique 1{NNBSP}250{NNBSP}000,51{NNBSP}€ de budget, "
        f"les lignes importées font 1{NNBSP}250{NNBSP}000,50{NNBSP}€."
    )
    assert warning.message == message
    assert f"Total du fichier en écart : {message}" in preview.figures.lines()
    # A warning does not stop the import: the rows are what is written, and the report said the file disagrees.
    done = world.services.imports.apply(world.territory.id, path)
    assert done.written and done.actions_created == 4
    assert f"Total du fichier en écart : {message}" in done.figures.lines()
    budgets = sum(action.planned_budget or 0 for action in world.services.actions.for_territory(world.territory.id))
    assert budgets == Decimal("1250000.50")
