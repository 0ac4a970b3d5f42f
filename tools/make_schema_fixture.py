"""Write a populated database of the current schema into tests/data: one per released schema revision.

`tests/db/test_schema_fixtures.py` opens every `tests/data/schema-<revision>.sqlite3` with the current code:
each must upgrade to the head revision with its row counts and money totals unchanged (they are recorded in
the `schema-<revision>.json` beside it). Add one fixture with every new migration, never edit an old one.

The database holds the demo territory (ti_desktop.services.demo), plus a few rows the demo lacks (an axis
of the territory's own, pièces jointes of an action and of a meeting, snapshots), so that every table has
data. It is written through the services, like a user's edits, then copied with SQLite's backup API into a
small standalone file (journal_mode DELETE, VACUUM).

Run from the project root, after adding the migration: `python tools/make_schema_fixture.py`
(`--output-dir DIR` writes elsewhere; an existing fixture is never overwritten unless `--force`).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from ti_desktop import __version__
from ti_desktop.db import models
from ti_desktop.db.migrate import head_revision
from ti_desktop.db.types import Money
from ti_desktop.domain.enums import ActionStatus, AmountBasis, BudgetNature, CustomFieldKind, FundingStatus, Priority
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.kernel.clock import SystemClock
from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.maintenance import OpenDatabase, open_services
from ti_desktop.services.transactions import transaction

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
USER = "jeu-de-test"


def fixture_paths(folder: Path, revision: str) -> tuple[Path, Path]:
    """(database, summary JSON) of the fixture of `revision` in `folder`."""
    return folder / f"schema-{revision}.sqlite3", folder / f"schema-{revision}.json"


def money_columns() -> list[str]:
    """Every Money column of the models, as "table.column" (integer cents in the file)."""
    return sorted(
        f"{table.name}.{column.name}"
        for table in models.Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, Money)
    )


def table_names(connection: sqlite3.Connection) -> list[str]:
    """The tables holding data (SQLite's own tables and Alembic's revision marker left out)."""
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name <> 'alembic_version' ORDER BY name"
    )
    return [name for (name,) in rows]


def row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in table_names(connection)
    }


def money_totals(connection: sqlite3.Connection, columns: list[str]) -> dict[str, int]:
    """Sum of the cents of each "table.column" (0 for a column of NULLs only)."""
    totals = {}
    for key in columns:
        table, column = key.split(".")
        totals[key] = connection.execute(f'SELECT coalesce(sum("{column}"), 0) FROM "{table}"').fetchone()[0]
    return totals


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def summarise(path: Path) -> dict[str, Any]:
    """What the fixture test compares after the upgrade: revision, row counts, money totals, the file's hash."""
    with contextlib.closing(sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = row_counts(connection)
        totals = money_totals(connection, money_columns())
    return {
        "revision": revision,
        "made_by": "tools/make_schema_fixture.py",
        "app_version": __version__,
        "sha256": sha256_of(path),
        "row_counts": counts,
        "money_cents": totals,
    }


def add_extras(opened: OpenDatabase, files_dir: Path) -> None:
    """Rows the demo territory does not have, so that every table holds data."""
    services = opened.services
    territory = services.territories.resolve(None)
    tid = territory.id
    axis = services.axes.create(territory_id=tid, code="ATT", label="Attractivité", colour="#cf222e", position=5)
    objective = services.objectives.create(
        territory_id=tid, axis_id=axis.id, code="ATT-O1", title="Faire connaître les métiers de l'industrie"
    )
    action = services.actions.create(
        territory_id=tid,
        axis_id=axis.id,
        objective_id=objective.id,
        code="ATT-01",
        title="Semaine de l'industrie : visites d'usines pour les collégiens",
        status=ActionStatus.EN_COURS,
        priority=Priority.MOYENNE,
        progress=40,
        planned_start=dt.date(2025, 1, 6),
        planned_end=dt.date(2026, 12, 18),
        planned_budget=Decimal("45000.50"),
        spent_to_date=Decimal("12345.67"),
        budget_nature=BudgetNature.FONCTIONNEMENT,
        budget_basis=AmountBasis.TTC,
        jobs_targeted=0,
        induced_investment=Decimal("0.01"),
        notes="Budget TTC : l'association porteuse ne récupère pas la TVA.",
    )
    services.funding.create(
        action_id=action.id,
        funder_name="Région",
        programme="Appel à projets attractivité",
        amount_requested=Decimal("20000"),
        amount_granted=Decimal("15000.99"),
        status=FundingStatus.ACCORDE,
        filed_on=dt.date(2025, 2, 3),
        decided_on=dt.date(2025, 4, 14),
        basis=AmountBasis.TTC,
    )
    services.milestones.create(action_id=action.id, title="Programme des visites arrêté", due_on=dt.date(2025, 9, 1))

    # Custom fields (kept from an imported column), with a value on the action.
    targets = services.custom_fields.define(tid, "Cibles", CustomFieldKind.TEXT)
    services.custom_fields.define(tid, "Calendrier", CustomFieldKind.CHOICE, ["2025", "2026"])
    services.custom_fields.set_values(action.id, {targets.id: "Collégiens de 4e et de 3e"})

    # Pièces jointes: of an action through its service (the file is copied), of a meeting directly.
    source = files_dir / "programme des visites.txt"
    source.write_text("Programme des visites d'usines, édition 2025.\n", encoding="utf-8")
    services.attachments_in(files_dir).attach(action.id, source, "Programme des visites")
    meeting = services.steering.of_territory(tid)[0]
    with transaction(opened.database.sessions) as session:
        session.add(
            models.Attachment(
                meeting_id=meeting.id,
                title="Feuille d'émargement",
                stored_path="pieces-jointes/reunions/emargement.pdf",
                original_name="émargement COPIL.pdf",
                size_bytes=48_213,
            )
        )

    # Snapshots: a closed meeting and a report marked as sent.
    services.steering.close(meeting.id)
    services.reports.mark_sent(
        tid, ReportOptions(dt.date(2025, 1, 1), dt.date(2025, 6, 30)), "Rapport S1 2025 envoyé à la Région"
    )

    # A received report (a Région's consolidation): the territory's own report, read back from its PDF.
    report = services.reports.write_pdf(
        tid,
        ReportOptions(dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
        files_dir / "rapport S1 2025.pdf",
        services.clock.today(),
    )
    outcome = services.consolidation.add_files([report])
    if outcome.refused:
        raise RuntimeError(f"the report was refused: {outcome.refused[0].message}")


def build(destination: Path) -> None:
    """The demo territory and the extras, on the head schema, in a standalone file at `destination`."""
    with tempfile.TemporaryDirectory(prefix="ti-fixture-") as folder:
        work = Path(folder) / "plan.sqlite3"
        opened = open_services(work, user=USER, clock=SystemClock())
        try:
            create_demo_territory(opened.services)
            files_dir = Path(folder) / "donnees"
            files_dir.mkdir()
            add_extras(opened, files_dir)
        finally:
            opened.close()
        with (
            contextlib.closing(sqlite3.connect(work)) as source,
            contextlib.closing(sqlite3.connect(destination)) as target,
        ):
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            target.execute("VACUUM")
            verdict = target.execute("PRAGMA integrity_check").fetchall()
            if verdict != [("ok",)]:
                raise RuntimeError(f"the fixture is damaged: {verdict}")
            empty = [name for name, count in row_counts(target).items() if count == 0]
            if empty:
                raise RuntimeError(f"tables without rows (add some in add_extras): {empty}")


def write_fixture(folder: Path, *, force: bool = False) -> tuple[Path, Path]:
    """Write the fixture of the head revision into `folder`; return (database, summary JSON)."""
    revision = head_revision()
    database, summary = fixture_paths(folder, revision)
    if not force and (database.exists() or summary.exists()):
        raise FileExistsError(
            f"{database.name} exists: a released schema's fixture is never rewritten (add a migration instead)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    partial = database.with_name(database.name + ".partiel")
    partial.unlink(missing_ok=True)
    try:
        build(partial)
        partial.replace(database)
    finally:
        partial.unlink(missing_ok=True)
    facts = summarise(database)
    if facts["revision"] != revision:
        raise RuntimeError(f"the fixture is at {facts['revision']}, not at the head {revision}")
    summary.write_text(json.dumps(facts, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return database, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output-dir", type=Path, default=DATA_DIR, help="default: tests/data")
    parser.add_argument("--force", action="store_true", help="overwrite the head revision's fixture")
    arguments = parser.parse_args(argv)
    try:
        database, summary = write_fixture(arguments.output_dir, force=arguments.force)
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 1
    size = database.stat().st_size
    print(f"{database} ({size // 1024} Kio) and {summary.name} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
