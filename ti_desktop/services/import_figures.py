"""What an import brings, in figures, before anything is written: actions per axis, the total budget, the funding
per status — each amount by its basis (HT and TTC are never added into one total) — and the file's own total rows
checked against the rows they cover. The validation report (wizard, `ti-desktop import`) shows these lines."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ti_desktop.domain.enums import SECURED_FUNDING_STATUSES, AmountBasis, FundingStatus
from ti_desktop.exchange.file_totals import agreement, disagreement, euros
from ti_desktop.exchange.plan_import import ActionImport, FileTotal

ZERO = Decimal("0.00")
Amounts = dict[AmountBasis, Decimal]


def _add(amounts: Amounts, basis: AmountBasis | None, amount: Decimal) -> None:
    key = basis or AmountBasis.HT  # not said: HT assumed, as the programme counts
    amounts[key] = amounts.get(key, ZERO) + amount


def by_basis(amounts: Mapping[AmountBasis, Decimal]) -> str:
    """`1 250 000,00 € HT`; with both bases, each part said, never one sum: `1 000,00 € HT + 250,00 € TTC`."""
    parts = [(basis, amount) for basis in AmountBasis if (amount := amounts.get(basis, ZERO))]
    if not parts:
        return euros(ZERO)
    text = " + ".join(f"{euros(amount)} {basis.label}" for basis, amount in parts)
    return text + " (HT et TTC non additionnés)" if len(parts) > 1 else text


@dataclass(slots=True)
class ImportFigures:
    actions_by_axis: dict[str, int] = field(default_factory=dict)  # axis label → actions imported, in file order
    budget: Amounts = field(default_factory=dict)
    # Per status, the lines' amounts: granted for accordé and versé (as the summaries count secured funding),
    # requested for the others.
    funding: dict[FundingStatus, Amounts] = field(default_factory=dict)
    totals: list[FileTotal] = field(default_factory=list)  # the file's own total rows

    def add(self, axis: str, action: ActionImport) -> None:
        """Count an action the import writes (created or updated) with what its row states."""
        self.actions_by_axis[axis] = self.actions_by_axis.get(axis, 0) + 1
        budget = action.values.get("planned_budget")
        if budget is not None:
            _add(self.budget, action.budget_basis, budget)
        for line in action.funding:
            status = line.status or FundingStatus.ENVISAGE
            secured = status in SECURED_FUNDING_STATUSES and line.amount_granted is not None
            amount = line.amount_granted if secured and line.amount_granted is not None else line.amount
            _add(self.funding.setdefault(status, {}), line.basis, amount)

    def lines(self) -> list[str]:
        """The figures as the validation report says them, in French."""
        if not self.actions_by_axis:
            return []
        axes = " ; ".join(f"{axis} : {count}" for axis, count in self.actions_by_axis.items())
        funding = " ; ".join(f"{status.label} {by_basis(self.funding.get(status, {}))}" for status in FundingStatus)
        lines = [
            f"Actions par axe : {axes}.",
            f"Budget total : {by_basis(self.budget)}.",
            f"Financements : {funding}.",
        ]
        for total in self.totals:
            if not total.figures:
                continue
            if total.agrees:
                lines.append("Total du fichier vérifié : " + agreement(total))
            else:
                lines.extend(
                    "Total du fichier en écart : " + disagreement(total, figure)
                    for figure in total.figures
                    if not figure.agrees
                )
        return lines
