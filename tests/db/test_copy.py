"""ti-desktop copy between bases: everything copied, verified, into an empty destination only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ti_desktop.cli import main
from ti_desktop.db.copy import CopyError
from ti_desktop.db.models import SEARCH_TABLE, is_search_index
from ti_desktop.paths import UserDirs
from ti_desktop.services.maintenance import copy_between, open_services

from ..clock import fixed_clock


def table_dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table; the search index by what it finds (its pages' bytes depend on the write order)."""
    with sqlite3.connect(path) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        dump = {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
            if not is_search_index(name) and not name.startswith("sqlite_stat")  # statistics, not data
        }
        for word in ("friche", "tec-0", "mobilité"):
            found = connection.execute(f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?", (f'"{word}"',))
            dump[f"{SEARCH_TABLE} {word}"] = sorted(found.fetchall())
        return dump


def test_file_to_file_copy_is_identical(demo_db: Path, tmp_path: Path) -> None:
    destination = tmp_path / "copie.sqlite3"
    result = copy_between(demo_db, destination, fixed_clock())
    assert result.figures["actions"].rows == 44 and result.figures["funding_lines"].money
    source_tables, copied_tables = table_dump(demo_db), table_dump(destination)
    assert copied_tables == source_tables  # every row of every table, ids included
    opened = open_services(destination, clock=fixed_clock())
    action = opened.services.actions.create(territory_id=1, axis_id=1, title="Après la copie")
    assert action.id == 45
    opened.close()


def test_the_copy_is_analysed_so_its_first_queries_use_the_indexes(demo_db: Path, tmp_path: Path) -> None:
    destination = tmp_path / "copie.sqlite3"
    copy_between(demo_db, destination, fixed_clock())
    with sqlite3.connect(destination) as connection:
        analysed = {row[0] for row in connection.execute("SELECT tbl FROM sqlite_stat1")}
    assert {"actions", "funding_lines"} <= analysed


def test_a_destination_with_data_is_refused_and_unchanged(demo_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "autre.sqlite3"
    opened = open_services(other, clock=fixed_clock())
    opened.services.territories.create(name="Déjà là")
    opened.close()
    before = table_dump(other)
    with pytest.raises(CopyError, match="n'est pas vide"):
        copy_between(demo_db, other, fixed_clock())
    assert table_dump(other) == before


def test_cli_copy(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dirs = UserDirs(data_dir=tmp_path / "donnees", log_dir=tmp_path / "journaux")
    destination = tmp_path / "copie.sqlite3"
    assert main(["copy", "--from", str(demo_db), "--to", str(destination)], user_dirs=dirs) == 0
    assert "44 actions" in capsys.readouterr().out
    assert (
        main(["copy", "--from", str(tmp_path / "absente.sqlite3"), "--to", str(tmp_path / "x.sqlite3")], user_dirs=dirs)
        == 1
    )
    assert "n'existe pas" in capsys.readouterr().err


def test_custom_fields_and_their_values_are_copied(tmp_path: Path) -> None:
    """The head schema's fixture has custom fields and values: copied after their territory, action and field."""
    source = tmp_path / "source.sqlite3"
    source.write_bytes((Path(__file__).parents[1] / "data" / "schema-0007_custom_fields.sqlite3").read_bytes())
    opened = open_services(source, clock=fixed_clock())  # at the head: nothing to migrate
    opened.close()
    destination = tmp_path / "copie.sqlite3"
    result = copy_between(source, destination, fixed_clock())
    assert result.figures["custom_fields"].rows == 2 and result.figures["custom_values"].rows == 1
    assert table_dump(destination)["custom_values"] == table_dump(source)["custom_values"]
    opened = open_services(destination, clock=fixed_clock())
    try:
        services = opened.services
        (targets, _calendar) = services.custom_fields.for_territory(services.territories.resolve(None).id)
        action = next(a for a in services.actions.for_territory(targets.territory_id) if a.code == "ATT-01")
        assert services.custom_fields.values_of(action.id) == {targets.id: "Collégiens de 4e et de 3e"}
    finally:
        opened.close()
