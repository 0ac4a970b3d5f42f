"""The import preview and overview of each Territoires en Transitions layout (legacy, current template, export)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..exchange.conftest import tet_file
from ..exchange.test_tet_current import FICHES, filled_template, tet_export_file
from .conftest import World


def without_notes(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    # The action's notes field (what « Notes » columns import into) is stored by its own change (issue 16, notes);
    # the preview here counts the rest.
    return [{letter: value for letter, value in row.items() if letter != "AF"} for row in rows]


@pytest.mark.parametrize(
    ("layout", "created", "sub_actions", "funding", "data_rows"),
    [("legacy", 7, 3, 0, 7), ("template", 3, 1, 3, 3), ("export", 2, 0, 2, 2)],
)
def test_preview_of_each_layout(
    world: World, tmp_path: Path, layout: str, created: int, sub_actions: int, funding: int, data_rows: int
) -> None:
    if layout == "legacy":
        path = tet_file("plan_with_sous_actions_valid.xlsx")
    elif layout == "template":
        path = filled_template(tmp_path, without_notes(FICHES), keep_example=True)
        data_rows += 1  # the example fiche, skipped by the import
    else:
        path = tet_export_file(tmp_path, blank=("2024", "Notes complémentaires"))
    services = world.services
    overview = services.imports.inspect(path)
    (sheet,) = [s for s in overview.sheets if s.name == overview.default_sheet]
    assert sheet.kind == "tet" and sheet.header_row == 2 and sheet.data_rows == data_rows
    preview = services.imports.preview(world.territory.id, path)
    assert not preview.has_errors, [str(issue) for issue in preview.issues]
    assert (preview.actions_created, preview.sub_actions_created, preview.funding_lines_created) == (
        created,
        sub_actions,
        funding,
    )
    assert not preview.written
    if layout == "template":
        assert any("fiche d'exemple" in issue.message for issue in preview.warnings)
    if layout == "export":
        assert any("en TTC, sans conversion" in issue.message for issue in preview.warnings)
