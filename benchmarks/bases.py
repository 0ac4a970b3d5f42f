"""Generated bases for the benchmarks: one territory holding N actions over the four axes (the worst case for a
screen), written with bulk inserts (SQLAlchemy Core) on the app's own tables, deterministic and cached.

The schema is created the app's normal way (`open_services(create=True)`: migrations stamp it), then the rows go
in through `insert(table)` with lists of dicts, no change history (the app does not need it to open). What a
base holds, for N actions: ~200 actors (porteurs, funders), one sub-action in ten, one confidential action in
fifty, 1–3 funding lines per action (various funders and statuses), 1–2 milestones, a progress update for one
in three; French titles and descriptions; dates over 2023–2028 around a fixed date (no clock is read).

Bases are cached in `platformdirs.user_cache_dir("ti-desktop-benchmarks")` (or `cache=`), keyed by size, seed,
generator version and the schema head of the package under test (so the old and the new code each get a base
they can open). Run alone: `python benchmarks/bases.py 10000 [--cache DIR]` prints the base's path.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import shutil
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

GENERATOR_VERSION = 1
DEFAULT_SEED = 18
# Every date is placed around this day; the benchmarks pass it as "today" too.
TODAY = dt.date(2026, 11, 21)
ACTORS = 200
CHUNK = 5_000

WORDS = (
    "plateforme friche zone compétences formation décarbonation chaleur hydrogène mobilité numérique "
    "apprentissage foncier requalification industrie innovation énergie recyclage atelier campus réseau "
    "logistique circulaire bois textile chimie métallurgie robotique usine territoire emploi attractivité "
    "mutualisation insertion carbone eau déchets agroalimentaire batterie électrique solaire biomasse "
    "vapeur récupération parc tertiaire laboratoire démonstrateur filière sous-traitance qualification"
).split()
FUNDERS = ("Région Grand Est", "État – DSIL", "Banque des Territoires", "ADEME", "FEDER", "Bpifrance", "Département")
PROGRAMMES = ("Climaxion", "Fonds vert", "France 2030", "Territoires d'industrie", "Investir", None)
# Common statuses more often, as a real plan has them.
STATUS_WEIGHTS = {
    "en_reflexion": 2,
    "a_venir": 3,
    "en_cours": 8,
    "bloquee": 1,
    "en_pause": 1,
    "realisee": 2,
    "abandonnee": 1,
}
FUNDING_STATUSES = ("envisage", "depose", "accorde", "verse", "refuse")
ACTOR_KINDS = ("entreprise", "epci", "operateur", "etat", "region", "elu", "autre")
PRIORITIES = ("haute", "moyenne", "moyenne", "basse")


def default_cache() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ti-desktop-benchmarks"))


def schema_key() -> str:
    """The schema head of the package under test (PYTHONPATH decides which one), or its migrations' names."""
    try:
        from ti_desktop.db.migrate import head_revision

        return head_revision()
    except Exception:  # a package that moved its migration helpers: the migration files name the schema
        import ti_desktop

        root = Path(ti_desktop.__file__).resolve().parent.parent / "migrations" / "versions"
        names = sorted(path.name for path in root.glob("*.py"))
        return hashlib.sha1("\n".join(names).encode()).hexdigest()[:12]


def base_path(size: int, seed: int = DEFAULT_SEED, cache: Path | None = None) -> Path:
    folder = cache or default_cache()
    return folder / f"plan-{size}-s{seed}-g{GENERATOR_VERSION}-{schema_key()}.sqlite3"


def ensure_base(size: int, seed: int = DEFAULT_SEED, cache: Path | None = None) -> Path:
    """The cached base of `size` actions, built first if absent (atomically: a half-built base is never used)."""
    path = base_path(size, seed, cache)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f"{path.stem}.building-{os.getpid()}")
    if building.exists():
        shutil.rmtree(building)
    building.mkdir()
    target = building / path.name
    build_base(target, size, seed)
    for sidecar in building.iterdir():  # the base only; backups or -wal files of the build stay behind
        if sidecar.name == path.name:
            sidecar.replace(path)
    shutil.rmtree(building, ignore_errors=True)
    return path


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choices(WORDS, k=count))


def chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def build_base(path: Path, size: int, seed: int = DEFAULT_SEED) -> None:
    """Write a base of `size` actions at `path` (a new file)."""
    from sqlalchemy import insert

    from ti_desktop.db import models
    from ti_desktop.kernel.clock import FixedClock
    from ti_desktop.services.maintenance import open_services

    rng = random.Random(seed)
    clock = FixedClock.on(TODAY)
    now = clock.now()
    stamps = {"created_at": now, "updated_at": now}
    opened = open_services(path, clock=clock, create=True, user="benchmark")
    try:
        territory = opened.services.territories.create(name=f"Territoire de {size} actions")
        axes = [axis.id for axis in opened.services.axes.available_to(territory.id)][:4]
        origin = dt.date(2023, 1, 1)
        span = (dt.date(2028, 12, 31) - origin).days
        actors = [
            {
                "id": number + 1,
                "name": f"{words(rng, 2).capitalize()} {number + 1}",
                "organisation": f"Structure {words(rng, 1)}",
                "kind": ACTOR_KINDS[number % len(ACTOR_KINDS)],
                **stamps,
            }
            for number in range(ACTORS)
        ]
        statuses = list(STATUS_WEIGHTS)
        weights = list(STATUS_WEIGHTS.values())
        actions, lines, milestones, updates = [], [], [], []
        for number in range(size):
            action_id = number + 1
            status = rng.choices(statuses, weights)[0]
            start = origin + dt.timedelta(days=rng.randrange(span - 400))
            end = start + dt.timedelta(days=rng.randrange(60, 900))
            progress = 100 if status == "realisee" else rng.randrange(0, 96)
            # Sub-actions (the 2nd of every ten) sit under the action before them, on the same axis.
            group = number // 10
            actions.append(
                {
                    "id": action_id,
                    "territory_id": territory.id,
                    "axis_id": axes[group % len(axes)],
                    "parent_id": action_id - 1 if number % 10 == 1 else None,
                    "code": f"A-{number:06d}",
                    "title": words(rng, 6).capitalize(),
                    "description": words(rng, 25).capitalize() + ".",
                    "status": status,
                    "priority": PRIORITIES[number % len(PRIORITIES)],
                    "to_discuss": number % 37 == 0,
                    "confidential": number % 50 == 7,
                    "lead_actor_id": 1 + rng.randrange(ACTORS),
                    "planned_start": start,
                    "planned_end": end,
                    "actual_end": end if status == "realisee" else None,
                    "progress": progress,
                    "planned_budget": Decimal(rng.randrange(10_000, 5_000_000)),
                    "jobs_targeted": rng.randrange(0, 80) if number % 4 == 0 else None,
                    "version": 1,
                    **stamps,
                }
            )
            for index in range(1 + rng.randrange(3)):
                requested = Decimal(rng.randrange(5_000, 900_000))
                funding_status = rng.choice(FUNDING_STATUSES)
                granted = requested * Decimal("0.8") if funding_status in ("accorde", "verse") else None
                lines.append(
                    {
                        "action_id": action_id,
                        "funder_actor_id": 1 + rng.randrange(ACTORS) if index == 0 else None,
                        "funder_name": FUNDERS[(number + index) % len(FUNDERS)],
                        "programme": PROGRAMMES[(number + 2 * index) % len(PROGRAMMES)],
                        "amount_requested": requested,
                        "amount_granted": granted,
                        "status": funding_status,
                        "filed_on": start,
                        "decided_on": start + dt.timedelta(days=90) if granted is not None else None,
                        "version": 1,
                        **stamps,
                    }
                )
            for index in range(1 + number % 2):
                due = start + dt.timedelta(days=120 * (index + 1))
                milestones.append(
                    {
                        "action_id": action_id,
                        "title": f"Étape {index + 1} : {words(rng, 3)}",
                        "due_on": due,
                        "done_on": due if due < TODAY and rng.random() < 0.6 else None,
                        "position": index,
                        "version": 1,
                        **stamps,
                    }
                )
            if number % 3 == 0:
                updates.append(
                    {
                        "action_id": action_id,
                        "reported_on": min(start + dt.timedelta(days=rng.randrange(30, 400)), TODAY),
                        "author": "benchmark",
                        "status": status,
                        "progress": progress,
                        "done": words(rng, 12).capitalize() + ".",
                        "difficulties": words(rng, 8).capitalize() + "." if number % 6 == 0 else None,
                        "next_steps": words(rng, 8).capitalize() + ".",
                        "alert": status == "bloquee",
                        "version": 1,
                        **stamps,
                    }
                )
        with opened.database.sessions.begin() as session:
            for table, rows in (
                (models.Actor.__table__, actors),
                (models.Action.__table__, actions),
                (models.FundingLine.__table__, lines),
                (models.Milestone.__table__, milestones),
                (models.ProgressUpdate.__table__, updates),
            ):
                for chunk in chunks(rows):
                    session.execute(insert(table), chunk)
    finally:
        opened.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="Build (or find in the cache) a generated benchmark base.")
    parser.add_argument("size", type=int, help="number of actions")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--cache", type=Path, help="cache folder (default: the user cache folder)")
    args = parser.parse_args()
    start = time.perf_counter()
    path = ensure_base(args.size, args.seed, args.cache)
    print(f"{path} ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
    print(path)


if __name__ == "__main__":
    main()
