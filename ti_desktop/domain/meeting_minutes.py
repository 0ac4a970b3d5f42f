"""The state of a meeting's minutes as everyone says it — the meeting page and the minutes' PDF alike: validé once
the minutes were validated or the meeting closed (a closed meeting's minutes are final), brouillon before."""

from __future__ import annotations

import datetime as dt

from ti_desktop.domain.enums import MinutesState


def minutes_state_shown(closed_at: dt.datetime | None, stored: MinutesState) -> MinutesState:
    """What the minutes are: `MinutesState.VALIDE` when the meeting is closed or its minutes validated."""
    return MinutesState.VALIDE if closed_at is not None or stored is MinutesState.VALIDE else MinutesState.BROUILLON


def minutes_final(closed_at: dt.datetime | None, stored: MinutesState) -> bool:
    """Whether the minutes are final (no « Projet de compte rendu » mention)."""
    return minutes_state_shown(closed_at, stored) is MinutesState.VALIDE
