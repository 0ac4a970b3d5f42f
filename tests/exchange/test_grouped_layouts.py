"""An axis (or objective) written only on the first row of its group is carried down, with a warning naming the
rows, whatever the format; nothing else is carried."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ti_desktop.exchange.plan_import import UNCLASSIFIED_AXIS, PlanImport
from ti_desktop.exchange.table_plan import read_table_plan
from ti_desktop.exchange.tabular import read_workbook

ROWS = [
    ["Axe", "Objectif", "Intitulé", "Maître d'ouvrage"],
    ["Innovation", "Diffuser le numérique", "Fab lab", "CCI"],
    [None, None, "Campus", None],
    [None, "Former", "École de production", "Lycée"],
    [None, None, "Apprentis", None],
    ["Compétences", None, "Soudeurs", None],
    [None, None, "Chaudronniers", None],
    [None, None, "Tuyauteurs", None],
    [None, None, "Électriciens", None],
    [None, None, "Soudeuses", None],
]


def read(path: Path) -> PlanImport:
    book = read_workbook(path)
    return read_table_plan(path, book, book.sheets[0].name)


def as_csv(path: Path) -> Path:
    path.write_text("\n".join(";".join(cell or "" for cell in row) for row in ROWS), encoding="utf-8")
    return path


def as_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in ROWS:
        sheet.append(row)
    book.save(path)
    return path


def as_ods(path: Path) -> Path:
    pd.DataFrame(ROWS[1:], columns=ROWS[0]).to_excel(path, engine="odf", index=False, sheet_name="Actions")
    return path


@pytest.mark.parametrize(("suffix", "write"), [("csv", as_csv), ("xlsx", as_xlsx), ("ods", as_ods)])
def test_axis_and_objective_are_carried_down_their_group(
    suffix: str, write: Callable[[Path], Path], tmp_path: Path
) -> None:
    plan = read(write(tmp_path / f"plan.{suffix}"))
    assert not plan.has_errors, [str(issue) for issue in plan.issues]
    assert [(action.axis, action.objective, action.title) for action in plan.actions] == [
        ("Innovation", "Diffuser le numérique", "Fab lab"),
        ("Innovation", "Diffuser le numérique", "Campus"),
        ("Innovation", "Former", "École de production"),
        ("Innovation", "Former", "Apprentis"),
        ("Compétences", None, "Soudeurs"),  # a new axis: the objective of the one above is not carried
        ("Compétences", None, "Chaudronniers"),
        ("Compétences", None, "Tuyauteurs"),
        ("Compétences", None, "Électriciens"),
        ("Compétences", None, "Soudeuses"),
    ]
    # Only the axis and the objective are carried: a blank porteur stays blank.
    assert [action.actors for action in plan.actions[:4]] == [
        {"lead_actor_id": "CCI"},
        {},
        {"lead_actor_id": "Lycée"},
        {},
    ]
    sheet = plan.sheet
    assert [str(issue) for issue in plan.report.warnings] == [
        f"Feuille {sheet}, ligne 3, colonne B (Objectif) : attention : objectif « Diffuser le numérique » repris "
        "à la ligne 3 (écrit ligne 2 seulement).",
        f"Feuille {sheet}, ligne 3, colonne A (Axe) : attention : axe « Innovation » repris des lignes 3 à 5 "
        "(écrit ligne 2 seulement).",
        f"Feuille {sheet}, ligne 5, colonne B (Objectif) : attention : objectif « Former » repris à la ligne 5 "
        "(écrit ligne 4 seulement).",
        f"Feuille {sheet}, ligne 7, colonne A (Axe) : attention : axe « Compétences » repris des lignes 7 à 10 "
        "(écrit ligne 6 seulement).",
    ]


def test_a_section_row_still_names_the_axis_and_ends_a_group(tmp_path: Path) -> None:
    path = tmp_path / "sections.csv"
    path.write_text(
        "\n".join(
            [
                "Axe;Intitulé;Coût total",
                "Innovation;Fab lab;10",
                ";Campus;20",
                "Axe 2 – Compétences;;",
                ";Soudeurs;30",
            ]
        ),
        encoding="utf-8",
    )
    plan = read(path)
    assert [(action.axis, action.title) for action in plan.actions] == [
        ("Innovation", "Fab lab"),
        ("Innovation", "Campus"),
        ("Axe 2 – Compétences", "Soudeurs"),
    ]
    assert [issue.message for issue in plan.report.warnings] == [
        "axe « Innovation » repris à la ligne 3 (écrit ligne 2 seulement)."
    ]


def test_rows_before_any_axis_are_still_unclassified(tmp_path: Path) -> None:
    path = tmp_path / "sans-axe.csv"
    path.write_text("Axe;Intitulé\n;Fab lab\nFoncier;Friche\n", encoding="utf-8")
    plan = read(path)
    assert [(action.axis, action.title) for action in plan.actions] == [
        (UNCLASSIFIED_AXIS, "Fab lab"),
        ("Foncier", "Friche"),
    ]


def test_a_section_row_in_the_title_column_heads_its_actions_but_a_lone_title_stays_an_action(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        "Intitulé;Budget\nAxe 2 – Compétences;\nCampus des métiers;3 000 000\nFoncier;\nFriche Cluses-Sud;\n"
        "Club des DRH\n",
        encoding="utf-8",
    )
    book = read_workbook(path)
    plan = read_table_plan(path, book, book.sheets[0].name)
    assert not plan.has_errors, [str(issue) for issue in plan.issues]
    assert [(action.axis, action.title) for action in plan.actions] == [
        ("Axe 2 – Compétences", "Campus des métiers"),
        ("Foncier", "Friche Cluses-Sud"),
        ("Foncier", "Club des DRH"),  # a title alone on its row that names no axis is an action
    ]
