"""The file's own total and sub-total rows: not imported as actions, but checked to the cent against the rows
they cover (a sub-total its group, a grand total everything), each difference a warning naming row and column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from ti_desktop.exchange.file_totals import is_grand_total
from ti_desktop.exchange.plan_import import PlanImport
from ti_desktop.exchange.table_plan import read_table_plan
from ti_desktop.exchange.tabular import read_workbook

NNBSP = "\u202f"
HEADER = ["Axe", "Intitulé", "Coût total HT", "Financeur", "Montant demandé"]


def plan_of(path: Path) -> PlanImport:
    workbook = read_workbook(path)
    return read_table_plan(path, workbook, workbook.sheets[0].name)


def write_xlsx(path: Path, rows: list[list[object]], funding: list[list[object]] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in rows:
        sheet.append(row)
    if funding is not None:
        companion = book.create_sheet("Financements")
        for row in funding:
            companion.append(row)
    book.save(path)
    return path


def by_axis(total_row: str, *amounts: object) -> list[list[object]]:
    """A plan grouped by axis, each group closed by its sub-total, then the grand total."""
    return [
        HEADER,
        ["Innovation", "Plateforme", 1_000_000, "Région", 250_000],
        ["Innovation", "Laboratoire", Decimal("200000.50"), "Bpifrance", 100_000],
        ["Sous-total Innovation", None, Decimal("1200000.50"), None, 350_000],
        ["Foncier", "Friche Nord", 49_999.5, None, None],
        ["Foncier", "Friche Sud", 0.5, "Fonds vert", 20_000],
        ["Sous-total Foncier", None, 50_000, None, 20_000],
        [total_row, None, *amounts],
    ]


def test_total_rows_that_agree_are_confirmed_and_raise_no_warning(tmp_path: Path) -> None:
    plan = plan_of(write_xlsx(tmp_path / "plan.xlsx", by_axis("Total général", Decimal("1250000.50"), None, 370_000)))
    assert [action.title for action in plan.actions] == ["Plateforme", "Laboratoire", "Friche Nord", "Friche Sud"]
    assert not plan.issues, [str(issue) for issue in plan.issues]
    rows = [(total.origin.row, total.label, total.grand, total.rows, total.agrees) for total in plan.totals]
    assert rows == [
        (4, "Sous-total Innovation", False, (2, 3), True),
        (7, "Sous-total Foncier", False, (5, 6), True),
        (8, "Total général", True, (2, 3, 5, 6), True),
    ]
    grand = plan.totals[-1]
    assert [(f.column, f.header, f.what, f.stated, f.imported) for f in grand.figures] == [
        ("C", "Coût total HT", "de budget", Decimal("1250000.50"), Decimal("1250000.50")),
        ("E", "Montant demandé", "de financements demandés", Decimal("370000"), Decimal("370000")),
    ]


def test_a_total_that_differs_by_one_cent_is_flagged_with_its_row_and_column(tmp_path: Path) -> None:
    plan = plan_of(write_xlsx(tmp_path / "plan.xlsx", by_axis("TOTAL", Decimal("1250000.49"), None, 370_000)))
    assert not plan.has_errors
    (warning,) = plan.issues
    assert (warning.sheet, warning.row, warning.column, warning.header) == ("Plan", 8, "C", "Coût total HT")
    assert warning.message == (
        f"Ligne 8 (TOTAL) : le fichier indique 1{NNBSP}250{NNBSP}000,49{NNBSP}€ de budget, "
        f"les lignes importées font 1{NNBSP}250{NNBSP}000,50{NNBSP}€."
    )
    assert [total.agrees for total in plan.totals] == [True, True, False]
    assert plan.totals[-1].figures[1].agrees  # the funding column of the same row agrees


def test_a_sub_total_covers_its_group_only(tmp_path: Path) -> None:
    rows = by_axis("Total", Decimal("1250000.50"), None, 370_000)
    rows[6][2] = 1_250_000.5  # « Sous-total Foncier » wrongly repeats the plan's total
    plan = plan_of(write_xlsx(tmp_path / "plan.xlsx", rows))
    (warning,) = plan.issues
    assert warning.message == (
        f"Ligne 7 (Sous-total Foncier) : le fichier indique 1{NNBSP}250{NNBSP}000,50{NNBSP}€ de budget, "
        f"les lignes importées font 50{NNBSP}000,00{NNBSP}€."
    )


def test_a_section_title_starts_a_new_group(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Axe", "Intitulé", "Coût total HT"],
        ["Axe 1 – Innovation"],  # a section title alone on its row
        [None, "Plateforme", 1000],
        [None, "Laboratoire", 2000],
        ["Axe 2 – Compétences"],
        [None, "Campus", 500],
        ["Sous-total", None, 500],  # the group since the section, not since the start
        ["Total des actions", None, 3500],
    ]
    plan = plan_of(write_xlsx(tmp_path / "plan.xlsx", rows))
    assert not plan.issues, [str(issue) for issue in plan.issues]
    assert [(total.rows, total.agrees) for total in plan.totals] == [((6,), True), ((3, 4, 6), True)]


def test_a_row_refused_is_missing_from_the_sum_of_its_total(tmp_path: Path) -> None:
    rows = by_axis("Total", Decimal("1250000.50"), None, 370_000)
    rows[2][2] = "deux cent mille"  # an unreadable budget: the row is refused, the total no longer agrees
    plan = plan_of(write_xlsx(tmp_path / "plan.xlsx", rows))
    assert plan.has_errors
    flagged = {(issue.row, issue.column) for issue in plan.report.warnings}
    assert flagged == {(4, "C"), (4, "E"), (8, "C"), (8, "E")}


def test_totals_of_the_funding_sheet_are_checked_too(tmp_path: Path) -> None:
    actions = [["Code", "Axe", "Intitulé"], ["I-1", "Innovation", "Plateforme"], ["F-1", "Foncier", "Friche"]]
    funding = [
        ["Code action", "Financeur", "Montant demandé (€)"],
        ["I-1", "Région", 100_000],
        ["F-1", "Fonds vert", Decimal("20000.10")],
        ["Total", None, Decimal("120000.01")],
    ]
    plan = plan_of(write_xlsx(tmp_path / "plan.xlsx", actions, funding))
    (warning,) = plan.issues
    assert (warning.sheet, warning.row, warning.column) == ("Financements", 4, "C")
    assert warning.message.endswith(f"les lignes importées font 120{NNBSP}000,10{NNBSP}€.")


def test_grand_totals_and_group_totals_are_told_apart() -> None:
    for label in ("Total", "TOTAL GÉNÉRAL", "Totaux", "Total du plan", "Total des actions", "Total : "):
        assert is_grand_total(label), label
    for label in ("Sous-total", "Sous total axe 1", "Total axe 1", "Total Innovation", "sous-totaux"):
        assert not is_grand_total(label), label
