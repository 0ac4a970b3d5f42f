"""How long exporting a 10,000-action plan takes, to xlsx, csv and a TeT workbook (target: ≤ 3 s each).

The database (built once in a temporary folder) holds 10,000 actions from `large_plan.build_large_plan`,
then, through bulk inserts, three funding lines and three milestones per action, one sub-action in ten
and one confidential action in fifty. Each run is `ExportService.export` in this process (reading the
database included); the median of the runs is printed.

Run: `python benchmarks/bench_export.py [--actions 10000] [--runs 5]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select, update

sys.path.insert(0, str(Path(__file__).resolve().parent))
from large_plan import build_large_plan

from ti_desktop.db import models
from ti_desktop.domain.enums import FundingStatus
from ti_desktop.kernel.clock import SystemClock
from ti_desktop.services.exporting import ExportFormat
from ti_desktop.services.maintenance import open_services
from ti_desktop.services.transactions import transaction

TARGET_SECONDS = 3.0
FUNDERS = ("Région Grand Est", "État – DSIL", "Banque des Territoires", "ADEME", "FEDER")


def build_database(path: Path, action_count: int) -> None:
    build_large_plan(path, action_count)
    opened = open_services(path, user="benchmark", clock=SystemClock())
    try:
        with transaction(opened.database.sessions) as session:
            rows = session.execute(select(models.Action.id, models.Action.planned_start).order_by(models.Action.id))
            actions = list(rows)
            lines, milestones = [], []
            for number, (action_id, start) in enumerate(actions):
                for index in range(3):
                    lines.append(
                        {
                            "action_id": action_id,
                            "funder_name": FUNDERS[(number + index) % len(FUNDERS)],
                            "programme": f"Dispositif {index + 1}",
                            "amount_requested": Decimal(10_000 * (index + 1)) + Decimal("0.50"),
                            "amount_granted": Decimal(8_000 * (index + 1)) if index else None,
                            "status": FundingStatus.ACCORDE if index else FundingStatus.DEPOSE,
                            "filed_on": start,
                        }
                    )
                    milestones.append(
                        {
                            "action_id": action_id,
                            "title": f"Étape {index + 1} de l'action {number}",
                            "due_on": (start or dt.date(2025, 1, 1)) + dt.timedelta(days=90 * (index + 1)),
                            "position": index,
                        }
                    )
            session.execute(insert(models.FundingLine), lines)
            session.execute(insert(models.Milestone), milestones)
            ids = [action_id for action_id, _start in actions]
            for position in range(1, len(ids), 10):  # the 2nd of every ten becomes a sub-action of the 1st
                statement = update(models.Action).where(models.Action.id == ids[position])
                session.execute(statement.values(parent_id=ids[position - 1]))
            session.execute(update(models.Action).where(models.Action.id.in_(ids[::50])).values(confidential=True))
    finally:
        opened.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "plan.sqlite3"
        started = time.perf_counter()
        build_database(database, args.actions)
        print(f"database of {args.actions} actions built in {time.perf_counter() - started:.1f} s")
        opened = open_services(database, user="benchmark", clock=SystemClock())
        try:
            services = opened.services
            territory = services.territories.list()[0]
            for fmt in ExportFormat:
                output = Path(folder) / f"plan-{fmt.value}.{'csv' if fmt is ExportFormat.CSV else 'xlsx'}"
                times = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    result = services.exports.export(territory.id, fmt, output)
                    times.append(time.perf_counter() - start)
                median = statistics.median(times)
                verdict = "OK" if median <= TARGET_SECONDS else "TROP LENT"
                print(
                    f"{fmt.value:>5}: median {median:5.2f} s over {args.runs} runs "
                    f"(min {min(times):.2f}, max {max(times):.2f}) — target ≤ {TARGET_SECONDS:.0f} s: {verdict}  "
                    f"[{result.actions} actions, {result.funding_lines} funding lines, {result.milestones} milestones, "
                    f"{result.confidential_left_out} confidential left out, {output.stat().st_size / 1e6:.1f} MB]"
                )
        finally:
            opened.close()


if __name__ == "__main__":
    main()
