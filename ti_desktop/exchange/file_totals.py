"""The file's own total and sub-total rows: not actions, but the proof that the import read every figure.

A table reader hands each total row here with the action rows it covers; the amounts the row states, column by
column, are compared to the cent with the sum of what the import read from those rows. A difference is a warning
naming the row and the column; an agreement is kept (`PlanImport.totals`) for the validation report to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ti_desktop.exchange.french import UnreadableValue, normalise, parse_amount, shown
from ti_desktop.exchange.plan_columns import FIELDS_BY_KEY
from ti_desktop.exchange.plan_import import ActionImport, FileTotal, Origin, TotalFigure
from ti_desktop.exchange.report import ImportReport, column_letter
from ti_desktop.kernel.formatting import format_euros

ZERO = Decimal("0.00")
# What an amount column holds, as a message says it (« le fichier indique 1 250 000,00 € de budget »).
_WHAT: dict[str, str] = {
    "budget": "de budget",
    "depense": "de dépenses",
    "investissement_induit": "d'investissement induit",
    "investissement_realise": "d'investissement réalisé",
    "montant_demande": "de financements demandés",
    "montant_accorde": "de financements accordés",
}
# The funding line's attribute behind each funding amount column of an actions sheet.
_FUNDING_AMOUNTS = {"amount_requested": "amount", "amount_granted": "amount_granted"}
# After « Total », the words of a grand total (« Total général », « Total du plan »); anything else
# (« Total axe 1 », « Total Innovation ») sums a group, as « Sous-total » does.
_GRAND_WORDS = frozenset({"general", "generale", "global", "globale", "plan", "du", "des", "de", "tous", "ensemble"})


def is_grand_total(label: str) -> bool:
    words = re.sub(r"[^a-z0-9]+", " ", normalise(label)).split()
    if not words or words[0].startswith("sous"):
        return False
    return len(words) == 1 or words[1] in _GRAND_WORDS


def _imported(key: str, actions: Sequence[ActionImport], sheet: str, rows: frozenset[int]) -> Decimal:
    """The sum of what the import read in column `key` of `rows` of `sheet` (action values, funding lines)."""
    attribute = str(FIELDS_BY_KEY[key].attribute)
    total = ZERO
    for action in actions:
        if attribute in _FUNDING_AMOUNTS:
            name = _FUNDING_AMOUNTS[attribute]
            lines = (line for line in action.funding if line.origin.sheet == sheet and line.origin.row in rows)
            total += sum((getattr(line, name) or ZERO for line in lines), ZERO)
        elif action.origin.sheet == sheet and action.origin.row in rows:
            total += action.values.get(attribute) or ZERO
    return total


def read_total(
    origin: Origin,
    label: str,
    values: tuple[Any, ...],
    columns: Mapping[str, tuple[int, str]],
    actions: Sequence[ActionImport],
    rows: Sequence[int],
) -> FileTotal:
    """The total row at `origin`: each amount it states in a mapped amount column, beside the sum of the
    figures the import read from the rows it covers (`rows` of its sheet, read into `actions`)."""
    covered = frozenset(rows)
    figures = []
    for key, (index, header) in sorted(columns.items(), key=lambda item: item[1][0]):
        if FIELDS_BY_KEY[key].kind != "amount" or index >= len(values):
            continue
        try:
            stated = parse_amount(values[index])
        except UnreadableValue:
            continue  # a word in a total row (« voir annexe »): nothing to compare
        if stated is None:
            continue
        what = _WHAT.get(key, f"en « {header} »")
        imported = _imported(key, actions, origin.sheet, covered)
        figures.append(TotalFigure(column_letter(index), header, what, stated, imported))
    return FileTotal(origin, label, is_grand_total(label), tuple(sorted(covered)), tuple(figures))


def euros(amount: Decimal) -> str:
    return format_euros(amount, cents=True)


def disagreement(total: FileTotal, figure: TotalFigure) -> str:
    """« Ligne 14 (Total) : le fichier indique 1 250 000,00 € de budget, les lignes importées font … »."""
    return (
        f"Ligne {total.origin.row} ({shown(total.label)}) : le fichier indique {euros(figure.stated)} {figure.what}, "
        f"les lignes importées font {euros(figure.imported)}."
    )


def agreement(total: FileTotal) -> str:
    """« Ligne 14 (Total) : 1 250 000,00 € de budget, comme les lignes importées (12 lignes). »"""
    stated = " ; ".join(f"{euros(figure.stated)} {figure.what}" for figure in total.figures)
    count = len(total.rows)
    return (
        f"Ligne {total.origin.row} ({shown(total.label)}) : {stated}, comme les lignes importées "
        f"({count} ligne{'s' if count > 1 else ''})."
    )


def report_total(report: ImportReport, total: FileTotal) -> None:
    """A warning per column whose total differs from the rows it covers; a row stating no amount is only
    said to be left out."""
    if not total.figures:
        report.warning(
            f"ligne « {shown(total.label)} » ignorée (ligne de total).", sheet=total.origin.sheet, row=total.origin.row
        )
    for figure in total.figures:
        if not figure.agrees:
            report.warning(
                disagreement(total, figure),
                sheet=total.origin.sheet,
                row=total.origin.row,
                column=figure.column,
                header=figure.header,
            )
