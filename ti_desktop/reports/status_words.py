"""Statuses said in words, in the plan's order: « 12 en cours, 3 réalisées, 1 bloquée ». What a chart of actions by
status shows in colour, its text beside it says (a status is never a colour alone)."""

from __future__ import annotations

from typing import Protocol

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.kernel.formatting import format_number

# How a count of actions says its status: (one, several).
STATUS_WORDS: dict[ActionStatus, tuple[str, str]] = {
    ActionStatus.EN_REFLEXION: ("en réflexion", "en réflexion"),
    ActionStatus.A_VENIR: ("à venir", "à venir"),
    ActionStatus.EN_COURS: ("en cours", "en cours"),
    ActionStatus.BLOQUEE: ("bloquée", "bloquées"),
    ActionStatus.EN_PAUSE: ("en pause", "en pause"),
    ActionStatus.REALISEE: ("réalisée", "réalisées"),
    ActionStatus.ABANDONNEE: ("abandonnée", "abandonnées"),
}


class CountsByStatus(Protocol):
    def count(self, status: ActionStatus) -> int: ...


def status_words(counts: CountsByStatus) -> str:
    """« 12 en cours, 3 réalisées, 1 bloquée » (the statuses with actions only)."""
    parts = []
    for status, (one, many) in STATUS_WORDS.items():
        count = counts.count(status)
        if count:
            parts.append(f"{format_number(count)} {one if count < 2 else many}")
    return ", ".join(parts) or "aucune action"
