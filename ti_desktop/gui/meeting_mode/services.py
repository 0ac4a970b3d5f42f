"""What the meeting mode uses, apart from its window's module, so that the meetings page can say it without
loading the projector's window before it is asked for."""

from __future__ import annotations

from typing import Protocol

from ti_desktop.services.use_cases import HasActions, HasActors, HasDecisions, HasSteering


class DecisionDialogServices(HasActors, HasDecisions, Protocol):
    """The decision dialog: owners to choose from, the decision written."""


class MeetingModeWindowServices(DecisionDialogServices, HasActions, HasSteering, Protocol):
    """The projector window: the meeting's agenda and actions, and the decisions taken there."""
