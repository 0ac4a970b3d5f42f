"""Widgets that give way on a small screen (a laptop at 1024 × 640): a list of choices as wide as a few words, its
long entries shown whole when it opens, so a row of filters never sets the window's minimum width; dialogs that
open no larger than the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QBoxLayout, QComboBox, QDialog, QLabel, QSizePolicy, QWidget

COMBO_MIN_CHARS = 10  # the characters a compact list shows when closed, at the least


def compact_combo(combo: QComboBox, characters: int = COMBO_MIN_CHARS) -> QComboBox:
    """As wide as its longest entry while the layout has room, down to `characters` when it has not (the closed
    list's full text is its tooltip); the open list shows every entry whole."""
    metrics = combo.fontMetrics()
    combo.setMinimumWidth(metrics.averageCharWidth() * characters + metrics.height() * 2)  # the text and the arrow
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


def wrapping_label(label: QLabel, row: QBoxLayout) -> QLabel:
    """A label at the end of a row of controls: on one line while the row has room (it takes the row's spare
    width, its text to the right), on two when the window narrows rather than widening it."""
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    # No narrower than its two lines: the other controls of the row give way first.
    label.setSizePolicy(QSizePolicy.Policy.Minimum, label.sizePolicy().verticalPolicy())
    row.setStretchFactor(label, 1)
    for index in range(row.count()):
        item = row.itemAt(index)
        if item is not None and item.spacerItem() is not None:
            row.setStretch(index, 0)  # the label takes the spare width, not a spacer beside it
    return label
