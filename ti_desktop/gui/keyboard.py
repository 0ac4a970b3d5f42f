"""Keys that work wherever the focus is (issue 21): no field traps them.

- **Undo and redo** (Ctrl+Z; Ctrl+Maj+Z or Ctrl+Y) are the application's in a window that offers them (the main
  window, the fiche-action), even while the cursor is in a text field: the field's edit is first committed by its
  own path — the one a focus-out takes — then the application undoes, so Ctrl+Z after typing puts back the value
  the field had, in the base and on screen, and a second Ctrl+Z undoes the change before. A dialog that saves on
  « Enregistrer » is not such a window: there a field keeps its own undo (nothing has been saved yet); so does a
  search box (a line with a clear button: what it holds is no data).
- **Tab leaves a multi-line field** (the diagnostic's texts, a challenge's description…) as it leaves any other:
  the text never receives an invisible tab character (and the services replace any pasted one by a space).

`install_keyboard` sets this up once for the application; `route_undo_keys` names a window's undo and redo.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

# Keys that redo besides the platform's own (Ctrl+Maj+Z under Linux and macOS, Ctrl+Y under Windows).
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))
WATCHED_PROPERTY = "ti_undo_keys"  # set on a field once its undo keys are watched


def is_undo(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo)


def is_redo(event: QKeyEvent) -> bool:
    if event.matches(QKeySequence.StandardKey.Redo):
        return True
    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(keys) == QKeySequence.SequenceMatch.ExactMatch for keys in REDO_KEYS)


def is_search(widget: QWidget) -> bool:
    """A search or filter box (the plan's, the directory's…): a line with a clear button."""
    return isinstance(widget, QLineEdit) and widget.isClearButtonEnabled()


def tab_leaves(widget: QWidget) -> None:
    """Tab moves the focus out of a multi-line text field instead of typing a tab character."""
    if isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
        widget.setTabChangesFocus(True)


class KeyboardTraps(QObject):
    """The application's one keyboard helper: follows the focus (`QApplication.focusChanged`, a rare signal —
    no filter on every event of the application) and watches only the fields that receive it."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("keyboard_traps")
        self._windows: dict[int, tuple[QAction, QAction]] = {}  # by id of the window
        app.focusChanged.connect(self._focus_changed)

    def route(self, window: QWidget, undo: QAction, redo: QAction) -> None:
        key = id(window)
        self._windows[key] = (undo, redo)
        window.destroyed.connect(lambda *_args: self._windows.pop(key, None))
        focused = QApplication.focusWidget()
        if focused is not None:
            self._focus_changed(None, focused)

    def actions_for(self, widget: QWidget) -> tuple[QAction, QAction] | None:
        """The undo and redo of the window holding `widget`, if it routes them."""
        return self._windows.get(id(widget.window()))

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is None:
            return
        tab_leaves(now)
        if self.actions_for(now) is not None and not now.property(WATCHED_PROPERTY):
            now.setProperty(WATCHED_PROPERTY, True)
            now.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or not (is_undo(event) or is_redo(event)):
            return False
        actions = self.actions_for(watched)
        if actions is None or is_search(watched):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to the field (here), not to the window's shortcut as well
            return True
        self.commit_then(watched, actions[0] if is_undo(event) else actions[1])
        return True

    @staticmethod
    def commit_then(field: QWidget, action: QAction) -> None:
        """Commit what `field` holds by its focus-out path, run `action`, and give the focus back."""
        field.clearFocus()  # the field's own commit (editingFinished, a focus-out filter, a cell's delegate)
        action.trigger()
        if shiboken6.isValid(field) and field.isVisible() and field.isEnabled():
            field.setFocus(Qt.FocusReason.OtherFocusReason)


def install_keyboard(app: QApplication | None = None) -> KeyboardTraps:
    """The application's keyboard helper, made on first use."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication), "a QApplication must exist"
    existing = app.findChild(KeyboardTraps, "keyboard_traps")
    return existing if existing is not None else KeyboardTraps(app)


def route_undo_keys(window: QWidget, undo: QAction, redo: QAction) -> None:
    """In `window`, Ctrl+Z and the redo keys run `undo` and `redo` whichever field has the focus."""
    install_keyboard().route(window, undo, redo)
