"""A Région's consolidation of the progress reports its territories sent: one row per territory, totals per axis
and per funder, the programme's key figures, and each territory's evolution over its successive reports.

Pure Python over the reports' documents (`ti-desktop/rapport-avancement`, see `domain.data_documents`): the
figures are the reports' own, added up, never recomputed from a plan we do not have. A territory's latest report
(by period end, then generation date) is the one its row and the totals use.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ti_desktop.domain.data_documents import parse_amount
from ti_desktop.domain.enums import ActionStatus

ZERO = Decimal("0.00")
STALE_DAYS = 183  # a report older than six months is flagged


def territory_key(territory: dict[str, Any]) -> str:
    """What identifies a territory across its reports: its national code, else its name without case or accents."""
    code = (territory.get("national_code") or "").strip()
    if code:
        return "code:" + code.casefold()
    name = unicodedata.normalize("NFKD", territory["name"])
    return "nom:" + " ".join("".join(c for c in name if not unicodedata.combining(c)).casefold().split())


@dataclass(frozen=True, slots=True)
class ReceivedReport:
    """One territory's report as received and checked: its document's data and where it came from."""

    id: int | None  # its row in the base, once stored
    sha256: str
    data: dict[str, Any]  # the `data` of a `ti-desktop/rapport-avancement` document
    source: str  # the file it was read from (a name, for messages)
    received_on: dt.date | None = None

    @property
    def territory(self) -> str:
        name: str = self.data["territory"]["name"]
        return name

    @property
    def key(self) -> str:
        return territory_key(self.data["territory"])

    @property
    def region(self) -> str | None:
        region: str | None = self.data["territory"].get("region")
        return region

    @property
    def period_from(self) -> dt.date:
        return dt.date.fromisoformat(self.data["period"]["from"])

    @property
    def period_to(self) -> dt.date:
        return dt.date.fromisoformat(self.data["period"]["to"])

    @property
    def generated_on(self) -> dt.date:
        return dt.date.fromisoformat(self.data["generated_on"])

    @property
    def actions(self) -> list[dict[str, Any]]:
        actions: list[dict[str, Any]] = self.data["actions"]
        return actions


@dataclass(frozen=True, slots=True)
class TerritoryFigures:
    """The figures of one report, as a territory's row (and each of its evolution's steps) shows them."""

    actions: int
    by_status: dict[ActionStatus, int]
    planned_budget: Decimal
    planned_budget_ttc: Decimal  # the TTC part of `planned_budget`
    requested: Decimal
    granted: Decimal
    paid: Decimal
    jobs_targeted: int
    jobs_created: int
    induced_investment: Decimal
    achieved_investment: Decimal
    late_actions: int

    def count(self, status: ActionStatus) -> int:
        return self.by_status.get(status, 0)


@dataclass(frozen=True, slots=True)
class TerritoryRow:
    key: str
    name: str
    region: str | None
    report: ReceivedReport  # the latest one
    reports: int  # how many periods were received
    stale: bool  # the latest report was generated more than six months ago
    figures: TerritoryFigures


@dataclass(frozen=True, slots=True)
class AxisTotal:
    code: str
    label: str
    territories: int
    actions: int
    planned_budget: Decimal
    secured_funding: Decimal


@dataclass(frozen=True, slots=True)
class FunderTotal:
    name: str
    territories: int
    line_count: int
    requested: Decimal
    granted: Decimal
    paid: Decimal


@dataclass(frozen=True, slots=True)
class EvolutionStep:
    report: ReceivedReport
    figures: TerritoryFigures


@dataclass(frozen=True, slots=True)
class TerritoryEvolution:
    """A territory's reports for successive periods, oldest first (two or more)."""

    key: str
    name: str
    steps: tuple[EvolutionStep, ...]


@dataclass(frozen=True, slots=True)
class ConsolidatedView:
    as_of: dt.date
    territories: tuple[TerritoryRow, ...]  # by name
    totals: TerritoryFigures  # the sum of the rows
    axes: tuple[AxisTotal, ...]  # the programme's order (as the reports list them), then by code
    funders: tuple[FunderTotal, ...]  # most granted first
    evolutions: tuple[TerritoryEvolution, ...]  # territories with two periods or more

    @property
    def projects(self) -> int:
        """« N projets »: the actions of the plans, abandoned ones left out."""
        return self.totals.actions - self.totals.count(ActionStatus.ABANDONNEE)


def _amount(value: str | None) -> Decimal:
    parsed = parse_amount(value)
    return ZERO if parsed is None else parsed


def figures_of(report: ReceivedReport) -> TerritoryFigures:
    """A report's figures, from its synthèse (computed by the territory's application, as its PDF shows them)."""
    synthesis = report.data["synthesis"]
    counts = {ActionStatus(code): count for code, count in synthesis["status_counts"].items()}
    funding = synthesis["funding"]
    return TerritoryFigures(
        actions=sum(counts.values()),
        by_status=counts,
        planned_budget=_amount(synthesis["planned_budget"]),
        planned_budget_ttc=_amount(synthesis["planned_budget_ttc"]),
        requested=_amount(funding["requested"]),
        granted=_amount(funding["granted"]),
        paid=_amount(funding["paid"]),
        jobs_targeted=synthesis["jobs_targeted"],
        jobs_created=synthesis["jobs_created"],
        induced_investment=_amount(synthesis["induced_investment"]),
        achieved_investment=_amount(synthesis["achieved_investment"]),
        late_actions=len(synthesis["late_actions"]),
    )


def add_figures(figures: Iterable[TerritoryFigures]) -> TerritoryFigures:
    by_status: dict[ActionStatus, int] = dict.fromkeys(ActionStatus, 0)
    actions = jobs_targeted = jobs_created = late = 0
    planned = planned_ttc = requested = granted = paid = induced = achieved = ZERO
    for item in figures:
        actions += item.actions
        for status, count in item.by_status.items():
            by_status[status] += count
        planned += item.planned_budget
        planned_ttc += item.planned_budget_ttc
        requested += item.requested
        granted += item.granted
        paid += item.paid
        jobs_targeted += item.jobs_targeted
        jobs_created += item.jobs_created
        induced += item.induced_investment
        achieved += item.achieved_investment
        late += item.late_actions
    return TerritoryFigures(
        actions=actions,
        by_status=by_status,
        planned_budget=planned,
        planned_budget_ttc=planned_ttc,
        requested=requested,
        granted=granted,
        paid=paid,
        jobs_targeted=jobs_targeted,
        jobs_created=jobs_created,
        induced_investment=induced,
        achieved_investment=achieved,
        late_actions=late,
    )


def latest_first(reports: Iterable[ReceivedReport]) -> list[ReceivedReport]:
    return sorted(reports, key=lambda report: (report.period_to, report.generated_on, report.period_from), reverse=True)


def consolidate(reports: Sequence[ReceivedReport], today: dt.date) -> ConsolidatedView:
    """The consolidated view of `reports` (already checked: one per territory and period)."""
    by_territory: dict[str, list[ReceivedReport]] = defaultdict(list)
    for report in reports:
        by_territory[report.key].append(report)
    rows: list[TerritoryRow] = []
    evolutions: list[TerritoryEvolution] = []
    for key, received in by_territory.items():
        ordered = latest_first(received)
        latest = ordered[0]
        rows.append(
            TerritoryRow(
                key=key,
                name=latest.territory,
                region=latest.region,
                report=latest,
                reports=len(ordered),
                stale=(today - latest.generated_on).days > STALE_DAYS,
                figures=figures_of(latest),
            )
        )
        if len(ordered) > 1:
            steps = tuple(EvolutionStep(report, figures_of(report)) for report in reversed(ordered))
            evolutions.append(TerritoryEvolution(key, latest.territory, steps))
    rows.sort(key=lambda row: (row.name.casefold(), row.key))
    evolutions.sort(key=lambda evolution: (evolution.name.casefold(), evolution.key))
    latest_reports = [row.report for row in rows]
    return ConsolidatedView(
        as_of=today,
        territories=tuple(rows),
        totals=add_figures(row.figures for row in rows),
        axes=_axes(latest_reports),
        funders=_funders(latest_reports),
        evolutions=tuple(evolutions),
    )


def _axes(reports: Sequence[ReceivedReport]) -> tuple[AxisTotal, ...]:
    order: dict[str, int] = {}
    labels: dict[str, str] = {}
    territories: dict[str, int] = defaultdict(int)
    actions: dict[str, int] = defaultdict(int)
    planned: dict[str, Decimal] = defaultdict(lambda: ZERO)
    secured: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for report in reports:
        for position, axis in enumerate(report.data["axes"]):
            code = axis["code"]
            order.setdefault(code, position)
            labels.setdefault(code, axis["label"])
            count = sum(axis["status_counts"].values())
            territories[code] += 1 if count else 0  # a report lists its empty axes too (« aucune action »)
            actions[code] += count
            planned[code] += _amount(axis["planned_budget"])
            secured[code] += _amount(axis["secured_funding"])
    codes = sorted(order, key=lambda code: (order[code], code))
    return tuple(
        AxisTotal(code, labels[code], territories[code], actions[code], planned[code], secured[code]) for code in codes
    )


def _funders(reports: Sequence[ReceivedReport]) -> tuple[FunderTotal, ...]:
    names: dict[str, str] = {}
    territories: dict[str, set[str]] = defaultdict(set)
    lines: dict[str, int] = defaultdict(int)
    requested: dict[str, Decimal] = defaultdict(lambda: ZERO)
    granted: dict[str, Decimal] = defaultdict(lambda: ZERO)
    paid: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for report in reports:
        funding = report.data["funding"]
        if funding is None:
            continue
        for group in funding["by_funder"]:
            key = " ".join(group["name"].casefold().split())
            names.setdefault(key, group["name"])
            territories[key].add(report.key)
            lines[key] += group["line_count"]
            requested[key] += _amount(group["requested"])
            granted[key] += _amount(group["granted"])
            paid[key] += _amount(group["paid"])
    totals = [
        FunderTotal(names[key], len(territories[key]), lines[key], requested[key], granted[key], paid[key])
        for key in names
    ]
    totals.sort(key=lambda total: (-total.granted, -total.requested, total.name.casefold()))
    return tuple(totals)
