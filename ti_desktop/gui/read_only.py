"""A form or a page shown for reading only (a shared base's territory the role may read, not change): its fields
keep their values, selectable and scrollable, but take no input; the buttons that would change something go
away; the actions (menu entries, shortcuts) that would change something are disabled. The server refuses such
writes anyway (migration 0011): this is so nobody types in vain.

`Reading` is the mechanism, reversible: a page follows the window's territory (`follow_access`), read-only then
editable again in the same window; a dialog built for one record is shown for reading once (`show_for_reading`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QWidget,
)

from ti_desktop.gui.context import AppContext

Text = QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox
Choice = QCheckBox | QRadioButton | QComboBox


class Reading(QObject):
    """What the widgets under `roots` (by default `owner`, the page or dialog) look like for reading, and back:
    texts, numbers and dates read-only, choices disabled, buttons hidden (hidden, not disabled: a page's own
    logic re-enables its buttons as the selection changes), item views not editable, `actions` disabled (their
    tooltip says why), and the `switches` (e.g. a model's `set_editable`) told False. Everything under `keep`
    stays as it is (a search field, a list to choose from, « Fermer »…).

    `follow(reason)`: a French reason shows for reading, None edits again, restoring each widget as it was
    before; followed again while reading, it reaches the widgets made since (a form rebuilt on reload)."""

    def __init__(
        self,
        owner: QWidget,
        *,
        roots: Iterable[QWidget] | None = None,
        keep: Iterable[QWidget] = (),
        actions: Iterable[QAction] = (),
        switches: Iterable[Callable[[bool], object]] = (),
    ) -> None:
        super().__init__(owner)
        self._roots = [owner] if roots is None else list(roots)
        self._keep = list(keep)
        self._actions = list(actions)
        self._switches = list(switches)
        self.reason: str | None = None
        self._texts: dict[QWidget, bool] = {}  # widget → was read-only
        self._palettes: dict[QWidget, QPalette | None] = {}  # widget → its own palette (None: inherited)
        self._choices: dict[QWidget, bool] = {}  # widget → was enabled
        self._hidden: list[QWidget] = []  # the buttons this hid
        self._views: dict[QAbstractItemView, QAbstractItemView.EditTrigger] = {}
        self._action_states: dict[QAction, tuple[bool, str]] = {}  # action → (was enabled, its tooltip)

    @property
    def reading(self) -> bool:
        return self.reason is not None

    def follow(self, reason: object) -> None:
        """Read only when `reason` is a (French) sentence; editable otherwise (the context's signal's payload)."""
        if isinstance(reason, str):
            self.reason = reason
            self._read(reason)
        elif self.reason is not None:
            self.reason = None
            self._restore()

    def refresh(self) -> None:
        """Reach what was built since (a tab filled on first show, a form rebuilt): nothing when editable."""
        if self.reason is not None:
            self._read(self.reason)

    def _widgets(self) -> list[QWidget]:
        kept: set[QWidget] = set(self._keep)
        for widget in self._keep:
            kept.update(widget.findChildren(QWidget))
        found: list[QWidget] = []
        for root in self._roots:
            window = root.window()
            for widget in [root, *root.findChildren(QWidget)]:
                # A dialog the page opened is a window of its own (it reads for itself); a tab bar's arrows move.
                if widget not in kept and widget.window() is window and not isinstance(widget.parent(), QTabBar):
                    found.append(widget)
        return found

    def _read(self, reason: str) -> None:
        for widget in self._widgets():
            if isinstance(widget, Text):
                if widget not in self._texts:
                    self._texts[widget] = widget.isReadOnly()
                    self._palettes[widget] = _greyed(widget)
                widget.setReadOnly(True)
            elif isinstance(widget, Choice):
                if widget not in self._choices:
                    self._choices[widget] = widget.isEnabled()
                widget.setEnabled(False)
            elif isinstance(widget, QAbstractButton):
                # A table's select-all corner only selects; a button already hidden stays so, and comes back hidden.
                if widget.objectName() != "qt_tableview_cornerbutton" and not widget.isHidden():
                    widget.hide()
                    self._hidden.append(widget)
            elif isinstance(widget, QAbstractItemView):
                if widget not in self._views:
                    self._views[widget] = widget.editTriggers()
                widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for action in self._actions:
            if action not in self._action_states:
                self._action_states[action] = (action.isEnabled(), action.toolTip())
            action.setEnabled(False)
            action.setToolTip(reason)
        for switch in self._switches:
            switch(False)

    def _restore(self) -> None:
        for widget, was_read_only in self._texts.items():
            if shiboken6.isValid(widget):
                widget.setReadOnly(was_read_only)  # type: ignore[attr-defined]
                own = self._palettes.get(widget)
                widget.setPalette(own if own is not None else QPalette())  # an empty palette: inherited again
        for widget, was_enabled in self._choices.items():
            if shiboken6.isValid(widget):
                widget.setEnabled(was_enabled)
        for widget in self._hidden:
            if shiboken6.isValid(widget):
                widget.show()
        for view, triggers in self._views.items():
            if shiboken6.isValid(view):
                view.setEditTriggers(triggers)
        for action, (was_enabled, tooltip) in self._action_states.items():
            action.setEnabled(was_enabled)
            action.setToolTip(tooltip)
        for switch in self._switches:
            switch(True)
        self._texts.clear()
        self._palettes.clear()
        self._choices.clear()
        self._hidden.clear()
        self._views.clear()
        self._action_states.clear()


def _greyed(widget: QWidget) -> QPalette | None:
    """Give a text field the background of a field that takes no input (the theme's alternate rows), so that it
    reads as disabled while its text stays selectable; returns the palette it had set, None if it inherited one."""
    own = QPalette(widget.palette()) if widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette) else None
    palette = QPalette(widget.palette())
    palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.AlternateBase))
    widget.setPalette(palette)
    return own


def follow_access(context: AppContext, reading: Reading) -> Reading:
    """`reading` follows the window's territory: for reading while the role may only read it, editable again
    when an editable one is chosen (the window's banner says why)."""
    context.read_only_changed.connect(reading.follow)
    reading.follow(context.read_only_reason)
    return reading


def show_for_reading(
    root: QWidget,
    reason: str,
    *,
    keep: Iterable[QWidget] = (),
    switches: Iterable[Callable[[bool], object]] = (),
) -> Reading:
    """`root` (a dialog built for one record) for reading, from now on: its `Reading`, to `refresh` when the
    dialog builds more widgets."""
    reading = Reading(root, keep=keep, switches=switches)
    reading.follow(reason)
    return reading
