"""How long importing a 5,000-action plan workbook takes (target ≤ 3 s), in process.

The workbook is TI Desktop's own format (sheets Actions, Financements, Jalons): 5,000 actions with codes,
one funding line and one milestone each. Each run imports it into a fresh database (creation of every
action), and one more run re-imports it over itself (every action matched by code, nothing changed).
Also printed: reading the file alone, and the preview. Run: `python benchmarks/bench_import.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Result, print_results, size_label

from ti_desktop.exchange.plan_columns import ACTION_FIELDS, FUNDING_COLUMNS, MILESTONE_COLUMNS
from ti_desktop.kernel.clock import SystemClock
from ti_desktop.services.importing import ImportService
from ti_desktop.services.maintenance import OpenDatabase, open_services

AXES = ("Innovation", "Compétences", "Foncier", "Transition écologique")
STATUSES = ("En réflexion", "À venir", "En cours", "Bloquée", "En pause")


def build_workbook(path: Path, size: int) -> None:
    book = openpyxl.Workbook(write_only=True)
    actions = book.create_sheet("Actions")
    actions.append([field.header for field in ACTION_FIELDS])
    position = {field.key: index for index, field in enumerate(ACTION_FIELDS)}
    for number in range(size):
        row: list[object] = [None] * len(ACTION_FIELDS)
        row[position["code"]] = f"A-{number:05d}"
        row[position["axe"]] = AXES[number % 4]
        row[position["objectif"]] = f"Objectif {number % 40}"
        row[position["titre"]] = f"Action numéro {number} du plan"
        row[position["description"]] = "Description de l'action, sur plusieurs mots, comme dans un vrai plan."
        row[position["statut"]] = STATUSES[number % 5]
        row[position["priorite"]] = "Moyenne"
        row[position["maitre_ouvrage"]] = f"Structure {number % 60}"
        row[position["date_debut"]] = dt.date(2025, 1 + number % 12, 1)
        row[position["date_fin"]] = dt.date(2028, 1 + number % 12, 28)
        row[position["avancement"]] = number % 90
        row[position["budget"]] = 10_000 + number * 7
        actions.append(row)
    funding = book.create_sheet("Financements")
    funding.append([field.header for field in FUNDING_COLUMNS])
    for number in range(size):
        funding.append([f"A-{number:05d}", None, None, "Région Grand Est", "Climaxion", 5_000 + number])
    milestones = book.create_sheet("Jalons")
    milestones.append([field.header for field in MILESTONE_COLUMNS])
    for number in range(size):
        milestones.append([f"A-{number:05d}", None, None, "Lancement", dt.date(2026, 1 + number % 12, 15)])
    book.save(path)


def fresh_database(folder: Path, name: str) -> tuple[OpenDatabase, int]:
    opened = open_services(folder / f"{name}.sqlite3", clock=SystemClock())
    territory = opened.services.territories.create(name="Territoire de mesure")
    return opened, territory.id


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(runs: int, size: int, folder: Path) -> list[Result]:
    workbook = folder / "plan-import.xlsx"
    build_workbook(workbook, size)
    reads, previews, imports = [], [], []
    last: OpenDatabase | None = None
    for run in range(runs):
        opened, territory_id = fresh_database(folder, f"import-{run}")
        service: ImportService = opened.services.imports
        reads.append(timed(partial(service.read, workbook)))
        previews.append(timed(partial(service.preview, territory_id, workbook)))
        imports.append(timed(partial(service.apply, territory_id, workbook)))
        if last is not None:
            last.close()
        last = opened
    assert last is not None
    territory_id = last.services.territories.resolve(None).id
    again = timed(lambda: last.services.imports.apply(territory_id, workbook))
    last.close()
    label = size_label(size)
    return [
        Result("import xlsx: read the file", label, reads, "s"),
        Result("import xlsx: preview (--dry-run)", label, previews, "s"),
        Result("import xlsx: apply into an empty base", label, imports, "s", 3.0),
        Result("import xlsx: re-import, nothing changed", label, [again], "s"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        print_results(measure(args.runs, args.size, Path(name)))


if __name__ == "__main__":
    main()
