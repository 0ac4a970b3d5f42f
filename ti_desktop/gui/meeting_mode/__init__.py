"""Mode réunion: the comité de pilotage runs on the projector, one agenda item per screen, by keyboard."""

from ti_desktop.gui.meeting_mode.window import MeetingModeWindow

__all__ = ["MeetingModeWindow"]
