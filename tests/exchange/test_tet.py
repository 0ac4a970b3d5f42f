from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ti_desktop.domain.enums import ActionStatus, Priority
from ti_desktop.exchange.report import ImportFileError
from ti_desktop.exchange.tet import UNCLASSIFIED_AXIS, read_tet_plan

from .conftest import COLUMN_ORDER_MESSAGE, VALID_FILES, tet_file, with_cell


def independent_counts(path: Path) -> tuple[int, int, int]:
    """(rows with an action title, rows with a sub-action title, funder+amount pairs) read with openpyxl."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheet = next(s for s in book.worksheets if s["A2"].value == "Axe (x)")
    titles = subs = funding = 0
    for row in sheet.iter_rows(min_row=4, values_only=True):
        if len(row) < 28:
            continue
        titles += row[3] is not None and row[4] is None
        subs += row[4] is not None
        funding += sum(1 for f, a in ((17, 18), (19, 20), (21, 22)) if row[f] and row[a] is not None)
    return titles, subs, funding


@pytest.mark.parametrize("name", VALID_FILES)
def test_valid_files_read_without_errors(name: str) -> None:
    path = tet_file(name)
    plan = read_tet_plan(path)
    assert not plan.has_errors, [str(i) for i in plan.issues]
    titles, subs, funding = independent_counts(path)
    explicit = [a for a in plan.actions if not a.implicit]
    assert sum(1 for a in explicit if a.parent_title is None) == titles
    assert sum(1 for a in plan.actions if a.parent_title) == subs
    assert sum(len(a.funding) for a in plan.actions) == funding


def test_column_order_is_refused_with_tet_message() -> None:
    plan = read_tet_plan(tet_file("plan_column_order_issue.xlsx"))
    assert [i.message for i in plan.report.errors] == [COLUMN_ORDER_MESSAGE]
    assert plan.actions == []


def test_sub_actions_follow_their_parent() -> None:
    plan = read_tet_plan(tet_file("plan_with_sous_actions.xlsx"))
    titles = [(a.title, a.parent_title) for a in plan.actions]
    assert titles.index(("Action 1", None)) < titles.index(("Sous-action 1.1", "Action 1"))
    sub = next(a for a in plan.actions if a.title == "Sous-action 1.1")
    assert sub.origin.row == 5 and sub.axis == "Axe 1"
    parent = next(a for a in plan.actions if a.title == "Action 1")
    assert parent.implicit


def test_values_statuses_priorities_and_funding() -> None:
    plan = read_tet_plan(tet_file("one_fiche_plan.xlsx"))
    (action,) = plan.actions
    assert action.status is ActionStatus.A_VENIR and action.priority is Priority.HAUTE
    assert action.values.get("planned_start") == dt.date(2025, 12, 1) and action.values.get("planned_end") == dt.date(
        2030, 9, 1
    )
    assert action.values.get("planned_budget") == Decimal(5000000)
    assert [(f.funder, f.amount) for f in action.funding] == [
        ("John Doe", Decimal(1000)),
        ("Bernard", Decimal(25000)),
        ("François", Decimal(666)),
    ]
    assert action.objective and action.objective.startswith("Objectif stratégique 1.")


def test_a_discuter_sets_the_flag(tmp_path: Path) -> None:
    path = with_cell(tet_file("one_fiche_plan.xlsx"), tmp_path / "f.xlsx", "Y4", "À discuter")
    (action,) = read_tet_plan(path).actions
    assert action.values.get("to_discuss") and action.status is None


def test_actions_without_axis_are_unclassified_with_a_warning() -> None:
    plan = read_tet_plan(tet_file("plan_with_fiche_with_and_without_axe.xlsx"))
    assert plan.actions[0].axis == "Axe 1"
    assert all(a.axis == UNCLASSIFIED_AXIS for a in plan.actions[1:])
    assert len(plan.report.warnings) == len(plan.actions) - 1
    assert plan.report.warnings[0].row == 5 and plan.report.warnings[0].column == "A"


def test_duplicates_are_reported() -> None:
    plan = read_tet_plan(tet_file("plan_with_duplicate_actions.xlsx"))
    (warning,) = plan.report.warnings
    assert warning.row == 5 and "Action dupliquée" in warning.message
    assert [a.occurrence for a in plan.actions] == [0, 1]


def test_unreadable_amount_names_sheet_row_column() -> None:
    plan = read_tet_plan(tet_file("plan_budget_issue.xlsx"))
    (error,) = plan.report.errors
    assert (error.sheet, error.row, error.column) == ("Plan daction", 4, "X")
    assert "Entre 200 et 500" in error.message


def test_unreadable_date_is_an_error(tmp_path: Path) -> None:
    path = with_cell(tet_file("one_fiche_plan.xlsx"), tmp_path / "f.xlsx", "AB4", "2024-13-01")
    (error,) = read_tet_plan(path).report.errors
    assert (error.row, error.column) == (4, "AB") and "2024-13-01" in error.message


def test_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("pas un classeur", encoding="utf-8")
    with pytest.raises(ImportFileError, match="n'est pas un classeur"):
        read_tet_plan(path)


def test_zip_bomb_guard(tmp_path: Path) -> None:
    import zipfile

    from ti_desktop.exchange.workbook import check_xlsx_archive

    path = tmp_path / "bombe.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("xl/big.xml", b"0" * 2_000_000)
    with pytest.raises(ImportFileError, match="se décompresse"):
        check_xlsx_archive(path, max_bytes=1_000_000)
