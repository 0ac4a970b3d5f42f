"""Build a territory with many actions (and their funding lines and updates) for GUI benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from ti_desktop.domain.enums import ActionStatus, FundingStatus
from ti_desktop.kernel.clock import SystemClock
from ti_desktop.services.maintenance import open_services
from ti_desktop.services.transactions import transaction

WORDS = (
    "plateforme friche zone compétences formation décarbonation chaleur hydrogène mobilité numérique "
    "apprentissage foncier requalification industrie innovation énergie recyclage atelier campus"
).split()


def build_large_plan(path: Path, action_count: int, seed: int = 7) -> None:
    """Write `action_count` actions spread over the four axes, one in five with a funding line and an update."""
    randomizer = random.Random(seed)
    opened = open_services(path, user="benchmark", clock=SystemClock())
    services = opened.services
    try:
        with transaction(opened.database.sessions) as session:
            territory = services.territories.create_in(session, name=f"Territoire de {action_count} actions")
            axes = [axis.id for axis in services.axes.available_to_in(session, territory.id)]
            lead = services.actors.create_in(session, name="Porteur de test", kind="entreprise")
            for number in range(action_count):
                status = randomizer.choice([s for s in ActionStatus if s is not ActionStatus.REALISEE])
                start = dt.date(2023, 1, 1) + dt.timedelta(days=randomizer.randrange(1400))
                action = services.actions.create_in(
                    session,
                    territory_id=territory.id,
                    axis_id=axes[number % 4],
                    code=f"A-{number:05d}",
                    title=" ".join(randomizer.choices(WORDS, k=6)).capitalize(),
                    status=status,
                    progress=randomizer.randrange(0, 100),
                    lead_actor_id=lead.id if number % 3 else None,
                    planned_start=start,
                    planned_end=start + dt.timedelta(days=randomizer.randrange(30, 900)),
                    planned_budget=Decimal(randomizer.randrange(10_000, 5_000_000)),
                )
                if number % 5 == 0:
                    services.funding.create_in(
                        session,
                        action_id=action.id,
                        funder_name="Région",
                        amount_requested=Decimal(50_000),
                        amount_granted=Decimal(40_000),
                        status=FundingStatus.ACCORDE,
                    )
                    services.updates.create_in(
                        session, action_id=action.id, reported_on=start, status=status, progress=action.progress
                    )
    finally:
        opened.close()
