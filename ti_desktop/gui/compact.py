"""Widgets that give way on a small screen (a laptop at 1024 × 640): a list of choices as wide as a few words, its
long entries shown whole when it opens, so a row of filters never sets the window's minimum width; dialogs that
open no larger than the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QSizePolicy, QWidget

COMBO_MIN_CHARS = 10  # the characters a compact list shows when closed, at the least


def compact_combo(combo: QComboBox, characters: int = COMBO_MIN_CHARS) -> QComboBox:
    """As narrow as `characters` when space is short, wider when the layout has room; the open list shows every
    entry whole, and the closed one's full text is its tooltip."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, combo.sizePolicy().verticalPolicy())
    combo.currentTextChanged.connect(combo.setToolTip)
    combo.setToolTip(combo.currentText())
    return combo


class DialogsOnScreen(QObject):
    """Installed on the application: a dialog (or any secondary window) opening larger than the screen's free
    area — a form laid out for 1280 px on a 1024 × 640 laptop — is shrunk to it and put inside it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow():
            fit_on_screen(watched)
        return False


def fit_on_screen(window: QWidget) -> None:
    """`window` no larger than its screen's free area (but its minimum size), and within it."""
    screen = window.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    borders = window.frameGeometry().size() - window.size()  # the title bar and borders, once the window has them
    size = window.size().boundedTo(area.size() - borders).expandedTo(window.minimumSize())
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    if not area.contains(frame):
        x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
        y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
        window.move(max(x, area.x()), max(y, area.y()))


def keep_dialogs_on_screen(app: QApplication) -> DialogsOnScreen:
    """Every dialog of `app` fits its screen when it opens (see `DialogsOnScreen`)."""
    fitting = DialogsOnScreen(app)
    app.installEventFilter(fitting)
    return fitting
