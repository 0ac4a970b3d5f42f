"""Money keeps its meaning: an amount's basis (HT or TTC) is kept with it, never converted. The import reads it
from the column's header (and warns once per TTC column) or from a basis column, the fiche and the exports carry
it, and the report and the dashboard never add HT and TTC into one figure without saying « dont … TTC »."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from ti_desktop.domain.enums import AmountBasis, FundingStatus
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.kernel.formatting import format_euros
from ti_desktop.services.exporting import ExportFormat

from .conftest import TODAY, World

OPTIONS = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 11, 30))


def normalise(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def test_a_ttc_column_is_imported_ttc_with_one_warning_per_column(world: World, tmp_path: Path) -> None:
    source = tmp_path / "plan-ttc.csv"
    source.write_text(
        "Code;Axe;Intitulé;Coût total TTC;Financeur;Montant € TTC\n"
        "F-1;Foncier;Friche Nord;1 200 000;Région;300 000\n"
        "F-2;Foncier;Friche Sud;600 000;Fonds vert;120 000\n",
        encoding="utf-8",
    )
    preview = world.services.imports.apply(world.territory.id, source)
    warnings = [(issue.row, issue.column, issue.header, issue.message) for issue in preview.warnings]
    assert warnings == [
        (
            None,
            "D",
            "Coût total TTC",
            "les budgets de cette colonne sont TTC : ils sont gardés tels quels, en TTC (ni convertis en HT, "
            "ni additionnés aux montants HT).",
        ),
        (
            None,
            "F",
            "Montant € TTC",
            "les montants de financement de cette colonne sont TTC : ils sont gardés tels quels, en TTC "
            "(ni convertis en HT, ni additionnés aux montants HT).",
        ),
    ]
    actions = {action.code: action for action in world.services.actions.for_territory(world.territory.id)}
    assert (actions["F-1"].planned_budget, actions["F-1"].budget_basis) == (Decimal(1200000), AmountBasis.TTC)
    (line,) = world.services.funding.list(action_id=actions["F-1"].id)
    assert (line.amount_requested, line.basis) == (Decimal(300000), AmountBasis.TTC)
    assert "Budget total : 1\u202f800\u202f000,00\u202f€ TTC." in preview.figures.lines()


def test_an_ht_header_says_ht_and_a_basis_column_wins_over_the_header(world: World, tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_text(
        "Code;Axe;Intitulé;Budget (HT);Base du budget\n"
        "I-1;Innovation;Fab lab;500 000;\n"
        "I-2;Innovation;Lab;80 000;TTC\n",
        encoding="utf-8",
    )
    preview = world.services.imports.apply(world.territory.id, source)
    assert not preview.issues, [str(issue) for issue in preview.issues]
    actions = {action.code: action for action in world.services.actions.for_territory(world.territory.id)}
    assert actions["I-1"].budget_basis is AmountBasis.HT and actions["I-2"].budget_basis is AmountBasis.TTC
    # Mixed bases are never one total: the validation report says each part.
    assert (
        "Budget total : 500\u202f000,00\u202f€ HT + 80\u202f000,00\u202f€ TTC (HT et TTC non additionnés)."
        in preview.figures.lines()
    )


def test_an_unknown_basis_is_refused_with_its_place_and_nothing_written(world: World, tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_text("Axe;Intitulé;Budget;Base du budget\nInnovation;Fab lab;500 000;TVA\n", encoding="utf-8")
    preview = world.services.imports.preview(world.territory.id, source)
    (error,) = preview.errors
    assert (error.row, error.column, error.message) == (2, "D", "« TVA » n'est pas reconnu (HT ou TTC).")
    assert world.services.actions.for_territory(world.territory.id) == []


def test_the_exports_write_the_basis_and_it_comes_back(world: World, tmp_path: Path) -> None:
    action = world.action("Friche", axis="FON", code="F-1", planned_budget=Decimal(600000), budget_basis="ttc")
    world.services.funding.create(
        action_id=action.id, funder_name="Région", amount_requested=Decimal(1000), basis=AmountBasis.TTC
    )
    exported = world.services.exports.export(world.territory.id, ExportFormat.XLSX, tmp_path / "plan.xlsx").path
    book = openpyxl.load_workbook(exported)
    for sheet, column in (("Actions", "Base du budget"), ("Financements", "Base des montants")):
        header = [cell.value for cell in book[sheet][1]]
        assert dict(zip(header, [cell.value for cell in book[sheet][2]], strict=True))[column] == "TTC"
    other = world.services.territories.create(name="Pays de Bitche")
    world.services.imports.apply(other.id, exported)
    (imported,) = world.services.actions.for_territory(other.id)
    assert imported.budget_basis is AmountBasis.TTC
    assert [line.basis for line in world.services.funding.list(action_id=imported.id)] == [AmountBasis.TTC]


def test_the_report_says_the_ttc_part_of_every_total_it_shows(world: World, tmp_path: Path) -> None:
    ht = world.action("Fab lab", code="I-1", planned_budget=Decimal("1000000"))
    ttc = world.action("Friche", axis="FON", code="F-1", planned_budget=Decimal("240000.50"), budget_basis="ttc")
    for action, basis, amount in ((ht, None, "400000"), (ttc, AmountBasis.TTC, "60000")):
        world.services.funding.create(
            action_id=action.id,
            funder_name="Région",
            amount_requested=Decimal(amount),
            amount_granted=Decimal(amount),
            status=FundingStatus.ACCORDE,
            basis=basis,
        )
    actions = world.services.actions.for_territory(world.territory.id)
    planned = sum((action.planned_budget or Decimal(0) for action in actions), Decimal(0))
    planned_ttc = sum(
        (action.planned_budget or Decimal(0) for action in actions if action.budget_basis is AmountBasis.TTC),
        Decimal(0),
    )
    lines = [line for action in actions for line in world.services.funding.list(action_id=action.id)]
    granted_ttc = sum((line.amount_granted or 0 for line in lines if line.basis is AmountBasis.TTC), Decimal(0))
    assert (planned, planned_ttc, granted_ttc) == (Decimal("1240000.50"), Decimal("240000.50"), Decimal(60000))

    output = world.services.reports.write_pdf(world.territory.id, OPTIONS, tmp_path / "rapport.pdf", TODAY)
    text = normalise("\n".join(page.extract_text() for page in PdfReader(output).pages))
    euros = lambda amount: normalise(format_euros(amount))  # noqa: E731
    assert f"{euros(planned)} budget prévu, dont {euros(planned_ttc)} TTC" in text  # key figures
    assert f"{euros(Decimal(460000))} financements acquis, dont {euros(granted_ttc)} TTC" in text
    assert f"Budget prévu {euros(planned)} (dont {euros(planned_ttc)} TTC)" in text  # synthesis table
    assert f"accordés : {euros(Decimal(460000))} (dont {euros(granted_ttc)} TTC)" in text  # funding section
    # The axis wholly TTC says so; the axis wholly HT shows its figure alone.
    assert f"budget prévu : {euros(planned_ttc)} TTC · financements acquis : {euros(granted_ttc)} TTC" in text
    assert f"budget prévu : {euros(Decimal(1000000))} · financements acquis : {euros(Decimal(400000))}" in text
    # The funder's row (one HT line, one TTC line) says its TTC part, and so does the coverage.
    assert f"Région 2 {euros(Decimal(460000))} (dont {euros(granted_ttc)} TTC)" in text
    assert "(montants HT et TTC comptés ensemble)" in text
    # The cover no longer says every amount is HT.
    assert "Montants en euros hors taxes, sauf ceux que le plan donne TTC" in text


def test_a_plan_wholly_ht_says_its_amounts_are_ht(world: World, tmp_path: Path) -> None:
    world.action("Fab lab", code="I-1", planned_budget=Decimal("1000000"))
    output = world.services.reports.write_pdf(world.territory.id, OPTIONS, tmp_path / "rapport.pdf", TODAY)
    text = normalise("\n".join(page.extract_text() for page in PdfReader(output).pages))
    assert "Montants en euros hors taxes. Financements acquis" in text and "TTC" not in text
    assert "comptés ensemble" not in text
