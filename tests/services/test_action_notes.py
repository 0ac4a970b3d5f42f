"""« Notes » on a fiche-action: added by declaring it (record, model, migration 0006, form), it is saved,
checked, in the history, exported under its header and imported back under it or the headers people write."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ti_desktop.domain.errors import ValidationError
from ti_desktop.services.exporting import ExportFormat

from .conftest import World

NOTE = "Convention à signer avant l'ouverture ; visite de la plateforme de Metz prévue."


def test_the_notes_are_saved_checked_and_in_the_history(world: World) -> None:
    action = world.action()
    world.services.actions.update(action.id, notes=f"  {NOTE}  ")
    assert world.services.actions.get(action.id).notes == NOTE  # trimmed
    with pytest.raises(ValidationError, match=r"Notes : 100001 caractères, au plus 100000 sont permis\."):
        world.services.actions.update(action.id, notes="x" * 100_001)
    assert world.services.actions.get(action.id).notes == NOTE  # nothing written by the refusal
    (change,) = [change for change in world.services.history.for_action(action.id) if change.field == "notes"]
    assert change.new_value == NOTE


def test_the_notes_are_exported_and_imported_back(world: World, tmp_path: Path) -> None:
    world.action("Fab lab", code="I-1", notes=NOTE)
    exported = world.services.exports.export(world.territory.id, ExportFormat.XLSX, tmp_path / "plan.xlsx").path
    sheet = openpyxl.load_workbook(exported)["Actions"]
    header = [cell.value for cell in sheet[1]]
    assert dict(zip(header, [cell.value for cell in sheet[2]], strict=True))["Notes"] == NOTE

    # Into another territory, the notes come back with the rest.
    other = world.services.territories.create(name="Pays de Bitche")
    world.services.imports.apply(other.id, exported)
    (imported,) = world.services.actions.for_territory(other.id)
    assert imported.notes == NOTE


@pytest.mark.parametrize(
    "header", ["Notes complémentaires", "Remarques", "Commentaires", "Observations", "Note", "NOTES"]
)
def test_the_headers_people_write_for_notes_are_recognised(world: World, tmp_path: Path, header: str) -> None:
    source = tmp_path / "suivi.csv"
    source.write_text(f'Axe;Intitulé;{header}\nFoncier;Friche Nord;"{NOTE}"\n', encoding="utf-8")
    preview = world.services.imports.apply(world.territory.id, source)
    assert preview.actions_created == 1 and not preview.issues
    (action,) = world.services.actions.for_territory(world.territory.id)
    assert action.notes == NOTE


def test_a_blank_notes_cell_keeps_the_notes_already_written(world: World, tmp_path: Path) -> None:
    world.action("Friche Nord", axis="FON", code="F-1", notes=NOTE)
    source = tmp_path / "suivi.csv"
    source.write_text("Code;Axe;Intitulé;Notes\nF-1;Foncier;Friche Nord;\n", encoding="utf-8")
    world.services.imports.apply(world.territory.id, source)
    (action,) = world.services.actions.for_territory(world.territory.id)
    assert action.notes == NOTE
