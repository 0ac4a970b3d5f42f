"""What every page and dialog shares, passed through constructors: the undo stack and its editor, the current
territory, settings (the user's name among them), the clock, the theme, the navigator, and the signals that keep
every view up to date after an edit. The use cases are not here: each page and dialog receives those it needs
through its own constructor (its `…Services` protocol), from the composition root."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ti_desktop.domain.filters import ActionFilter
from ti_desktop.gui.editing import Editor
from ti_desktop.gui.navigation import Navigator, NoNavigation
from ti_desktop.gui.theme import LIGHT, Theme
from ti_desktop.gui.user_name import UserNameDialog, note_asked, store_user_name, stored_user_name
from ti_desktop.kernel.clock import Clock
from ti_desktop.services.versions import VersionLedger


class AppContext(QObject):
    # The territory shown changed (its id).
    territory_changed = Signal(int)
    # Something was written (an edit, an undo, a redo): views reload what they show.
    data_changed = Signal()
    # Someone asked to see the plan with this filter (dashboard figures, quality checks…).
    plan_filter_requested = Signal(object)
    # Someone asked to open the fiche-action of this action id.
    action_open_requested = Signal(int)
    # Someone asked for a new fiche-action (axis id or None, parent action id or None).
    action_create_requested = Signal(object, object)
    # A message for the status bar (French).
    status_message = Signal(str)
    # Why the current territory may only be read (a shared base's right), or None: pages follow it.
    read_only_changed = Signal(object)
    # The user gave (or changed) their name, the author of what they sign from now on.
    user_name_changed = Signal(str)

    def __init__(
        self,
        versions: VersionLedger,
        settings: QSettings,
        data_dir: Path,
        clock: Clock,
        parent: QObject | None = None,
        theme: Theme = LIGHT,
        login: str = "",
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.data_dir = data_dir
        self.clock = clock  # the composition root's: pages never read the machine's clock
        self.undo_stack = QUndoStack(self)
        self.editor = Editor(
            self.undo_stack, versions, on_change=self.data_changed.emit, on_error=self.status_message.emit
        )
        self.theme = theme  # colours for what paints itself; labels take theirs from the style sheet
        self.navigator: Navigator = NoNavigation()  # the main window, once it holds the pages
        # The computer's login, read by the composition root: only ever proposed in the « Votre nom » dialog.
        self.login = login
        self._territory_id: int | None = None
        self._read_only_reason: str | None = None

    @property
    def today(self) -> dt.date:
        return self.clock.today()

    @property
    def user_name(self) -> str | None:
        """The name the user gave (gui/user_name.py): the author of their progress points; None if never given."""
        return stored_user_name(self.settings)

    def set_user_name(self, name: str) -> None:
        store_user_name(self.settings, name)
        self.user_name_changed.emit(stored_user_name(self.settings) or "")

    def ask_user_name(self, parent: QWidget | None = None) -> str | None:
        """« Votre nom » (the login proposed while no name was given); the name kept, or None if put off."""
        name = UserNameDialog(self.user_name, self.login, parent).ask()
        if name is None:
            note_asked(self.settings)
            return self.user_name
        self.set_user_name(name)
        return name

    @property
    def territory_id(self) -> int | None:
        return self._territory_id

    @property
    def read_only_reason(self) -> str | None:
        """Why the current territory may only be read (French), or None when it may be changed."""
        return self._read_only_reason

    def set_read_only(self, reason: str | None) -> None:
        if reason != self._read_only_reason:
            self._read_only_reason = reason
            self.editor.read_only_reason = reason  # undo and redo write nothing from a read-only territory
            self.read_only_changed.emit(reason)

    def set_territory(self, territory_id: int | None) -> None:
        if territory_id == self._territory_id:
            return
        self._territory_id = territory_id
        if territory_id is not None:
            self.territory_changed.emit(territory_id)

    def request_plan(self, action_filter: ActionFilter) -> None:
        self.plan_filter_requested.emit(action_filter)

    def open_action(self, action_id: int) -> None:
        self.action_open_requested.emit(action_id)

    def new_action(self, axis_id: int | None = None, parent_action_id: int | None = None) -> None:
        self.action_create_requested.emit(axis_id, parent_action_id)
