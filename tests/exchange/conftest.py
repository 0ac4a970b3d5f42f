"""Locating the real Territoires en Transitions workbooks beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

TET_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "peers" / "territoires-en-transitions"
VALID_FILES = (
    "complex_plan.xlsx",
    "nouveau-plan-valide.xlsx",
    "one_fiche_plan.xlsx",
    "plan_sans_axes.xlsx",
    "plan_with_duplicate_actions.xlsx",
    "plan_with_fiche_with_and_without_axe.xlsx",
    "plan_with_sous_actions.xlsx",
    "plan_with_sous_actions_valid.xlsx",
)
COLUMN_ORDER_MESSAGE = 'La colonne B devrait être "Sous-axe (x.x)" et non "Sous-sous axe (x.x.x)"'


def tet_file(name: str) -> Path:
    path = TET_DIR / name
    if not path.is_file():
        pytest.skip(f"classeur Territoires en Transitions absent : {path}")
    return path


def with_cell(source: Path, target: Path, cell: str, value: object) -> Path:
    """A copy of a TeT workbook with one cell of its plan sheet changed."""
    import openpyxl

    book = openpyxl.load_workbook(source)
    sheet = next(s for s in book.worksheets if s["A2"].value == "Axe (x)")
    sheet[cell] = value
    book.save(target)
    return target
