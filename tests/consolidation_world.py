"""Three territories, each in its own base, and their report PDFs: what a Région receives (tests of the
consolidation). The expected figures are computed from each base's records, independently of the reports."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ti_desktop.domain import summaries
from ti_desktop.domain.enums import ActionStatus, AmountBasis, FundingStatus
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.maintenance import open_services
from ti_desktop.services.registry import Services

from .clock import TODAY, fixed_clock

OPTIONS = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
ZERO = Decimal("0.00")


@dataclass
class Expected:
    """The sums a consolidation of the territories must show, from their records."""

    actions: int = 0
    by_status: dict[ActionStatus, int] = field(default_factory=lambda: dict.fromkeys(ActionStatus, 0))
    planned_budget: Decimal = ZERO
    requested: Decimal = ZERO
    granted: Decimal = ZERO
    paid: Decimal = ZERO
    jobs_targeted: int = 0
    jobs_created: int = 0
    induced_investment: Decimal = ZERO
    achieved_investment: Decimal = ZERO
    axis_actions: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    axis_budget: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    axis_secured: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    funder_granted: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    funder_requested: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    funder_paid: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    funder_lines: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, services: Services, territory_id: int) -> None:
        actions = [action for action in services.actions.for_territory(territory_id) if not action.confidential]
        lines = {action.id: services.funding.list(action_id=action.id) for action in actions}
        every_line = [line for found in lines.values() for line in found]
        summary = summaries.plan_summary(actions, every_line, TODAY)
        self.actions += len(actions)
        for action in actions:
            self.by_status[action.status] += 1
        self.planned_budget += sum((action.planned_budget or ZERO for action in actions), ZERO)
        self.requested += summary.funding.requested
        self.granted += summary.funding.granted
        self.paid += summary.funding.paid
        self.jobs_targeted += sum(a.jobs_targeted or 0 for a in actions if a.status is not ActionStatus.ABANDONNEE)
        self.jobs_created += sum(action.jobs_created or 0 for action in actions)
        self.induced_investment += summary.induced_investment
        self.achieved_investment += sum((action.achieved_investment or ZERO for action in actions), ZERO)
        axes = {axis.id: axis.code for axis in services.axes.available_to(territory_id)}
        actors = {actor.id: actor for actor in services.actors.list()}
        for action in actions:
            code = axes[action.axis_id]
            self.axis_actions[code] += 1
            self.axis_budget[code] += action.planned_budget or ZERO
            self.axis_secured[code] += summaries.secured_funding(lines[action.id])
        for line in every_line:
            actor = actors.get(line.funder_actor_id) if line.funder_actor_id is not None else None
            name = (actor.organisation or actor.name) if actor else (line.funder_name or "Financeur non précisé")
            totals = summaries.funding_summary([line], ZERO)
            self.funder_lines[name] += 1
            self.funder_requested[name] += totals.requested
            self.funder_granted[name] += totals.granted
            self.funder_paid[name] += totals.paid


def small_territory(services: Services, name: str, code: str, actions: int, seed: int) -> int:
    """A territory with `actions` actions across its axes, with budgets, jobs and funding lines."""
    territory = services.territories.create(name=name, national_code=code, region="Grand Est")
    axes = [axis.id for axis in services.axes.available_to(territory.id)]
    statuses = list(ActionStatus)
    funders = ["Région Grand Est", "Banque des Territoires", "État (DETR)"]
    for number in range(actions):
        status = statuses[(number * 3 + seed) % len(statuses)]
        action = services.actions.create(
            territory_id=territory.id,
            axis_id=axes[(number + seed) % len(axes)],
            code=f"A-{number + 1:02d}",
            title=f"Action {number + 1} de {name}",
            status=status,
            progress=100 if status is ActionStatus.REALISEE else (number * 7) % 100,
            planned_budget=Decimal(10_000 * (number + seed) + 1234) + Decimal("0.45"),
            budget_basis=AmountBasis.TTC if number % 4 == 0 else AmountBasis.HT,
            jobs_targeted=number + seed,
            jobs_created=number // 2,
            induced_investment=Decimal(5_000 * number + seed),
            achieved_investment=Decimal(1_000 * number) + Decimal("0.10"),
        )
        for line in range(number % 3 + 1):
            line_status = [FundingStatus.DEPOSE, FundingStatus.ACCORDE, FundingStatus.VERSE, FundingStatus.ENVISAGE][
                (number + line + seed) % 4
            ]
            granted = Decimal(2_500 * (line + 1) + number) + Decimal("0.33")
            services.funding.create(
                action_id=action.id,
                funder_name=funders[(number + line) % len(funders)],
                amount_requested=granted * 2,
                amount_granted=granted if line_status in (FundingStatus.ACCORDE, FundingStatus.VERSE) else None,
                status=line_status,
            )
    return territory.id


@dataclass
class Territories:
    pdfs: list[Path]
    expected: Expected
    names: list[str]


def three_territories(folder: Path) -> Territories:
    """The demo territory and two small ones, each in its own base, and their report PDFs (period OPTIONS)."""
    expected = Expected()
    pdfs: list[Path] = []
    names: list[str] = []
    for number, build in enumerate(("demo", "Val de Moselle", "Pays de Bitche")):
        opened = open_services(folder / f"territoire-{number}.sqlite3", clock=fixed_clock())
        services = opened.services
        try:
            if build == "demo":
                create_demo_territory(services)
                tid = services.territories.resolve(None).id
            else:
                tid = small_territory(services, build, f"TI{number:04d}", 6 + number * 3, number)
            expected.add(services, tid)
            names.append(services.territories.get(tid).name)
            pdfs.append(services.reports.write_pdf(tid, OPTIONS, folder / f"rapport-{number}.pdf", TODAY))
        finally:
            opened.close()
    return Territories(pdfs, expected, names)
