"""What a screen reader finds in a window: the focusable controls and the name each is announced by.

`unnamed(root)` walks `root`'s widget tree and keeps the controls a user can reach with Tab — focus policy
with Tab focus, enabled, shown or showable (a page of a tab widget or of a stack not current is showable; a
widget hidden on purpose is not) — and asks each, through `QAccessible.queryAccessibleInterface`, the name a
screen reader reads (`QAccessible.Text.Name`): the accessible name, a label's buddy, a button's text. Those
announced by no name are returned, each described by its path of object names and classes, for a failure to
say where it is. A widget whose focus goes to a proxy (the line edit of a spin box or of an editable combo box
gives it to the box) is left to the proxy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QStackedWidget, QWidget, QWizardPage


@dataclass(frozen=True)
class Control:
    """A focusable control and the name a screen reader announces it by ("" for none)."""

    path: str
    name: str


def describe(widget: QWidget) -> str:
    """`QLineEdit#name_edit` or `QLineEdit` (without an object name)."""
    name = widget.objectName()
    return f"{type(widget).__name__}#{name}" if name else type(widget).__name__


def path_of(widget: QWidget, root: QWidget) -> str:
    """The widget's place under `root`: its parents' descriptions, outermost first."""
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None and current is not root:
        parts.append(describe(current))
        current = current.parentWidget()
    return " > ".join(reversed(parts))


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces: the interface's name, or the label it is labelled by (a label
    whose buddy it is). A combo box's interface gives its current value as name on Linux (Qt leaves the
    name to the label relation there): its own is its accessible name or its label's, never its value."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    labels = [label.text(QAccessible.Text.Name).strip() for label, _ in interface.relations(QAccessible.Relation.Label)]
    if isinstance(widget, QComboBox):
        return widget.accessibleName().strip() or next((text for text in labels if text), "")
    return interface.text(QAccessible.Text.Name).strip() or next((text for text in labels if text), "")


def _showable(widget: QWidget) -> bool:
    """Shown, or hidden only because it is a page of a stack (a tab widget's, a wizard's) not current."""
    if not widget.isHidden():
        return True
    return isinstance(widget, QWizardPage) or isinstance(widget.parentWidget(), QStackedWidget)


def _takes_tab_focus(widget: QWidget) -> bool:
    """Reached with Tab: a focus policy with Tab focus, enabled, and no proxy taking the focus for it."""
    return (
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and widget.isEnabled()
        and widget.focusProxy() is None
    )


def focusable_controls(root: QWidget, leave_out: Sequence[QWidget] = ()) -> list[Control]:
    """Every control of `root`'s tree a user reaches with Tab, with its announced name; the trees of
    `leave_out` aside."""
    controls: list[Control] = []

    def walk(widget: QWidget) -> None:
        if widget is not root and (not _showable(widget) or widget.isWindow() or widget in leave_out):
            return  # hidden on purpose, another window (a dialog parented here), or left out
        if _takes_tab_focus(widget):
            controls.append(Control(path_of(widget, root), accessible_name(widget)))
        for child in widget.children():
            if isinstance(child, QWidget):
                walk(child)

    walk(root)
    return controls


def tab_chain(root: QWidget, leave_out: Sequence[QWidget] = ()) -> list[QWidget]:
    """The controls of `root` shown now, in the order Tab visits them (Qt's focus chain, from the control
    that has the focus in `root`'s window when there is one)."""
    wanted = [
        widget
        for widget in root.findChildren(QWidget)
        if _takes_tab_focus(widget)
        and widget.isVisibleTo(root)
        and widget.window() is root.window()
        and not any(out is widget or out.isAncestorOf(widget) for out in leave_out)
    ]
    chain: list[QWidget] = []
    current = root.nextInFocusChain()
    while current is not root and len(chain) < len(wanted) and current is not None:
        if current in wanted and current not in chain:
            chain.append(current)
        current = current.nextInFocusChain()
    # The chain is a ring: Tab goes on from where the focus is when the window opens.
    start = root.focusWidget()
    if start in chain:
        at = chain.index(start)
        chain = chain[at:] + chain[:at]
    return chain


def _box(widget: QWidget, root: QWidget) -> tuple[int, int, int, int]:
    """left, top, right, bottom in `root`'s coordinates."""
    top_left = widget.mapTo(root, QPoint(0, 0))
    return top_left.x(), top_left.y(), top_left.x() + widget.width(), top_left.y() + widget.height()


def reading_order_breaks(root: QWidget, leave_out: Sequence[QWidget] = ()) -> list[str]:
    """Where Tab goes against the reading order: to a control above the previous one in the same column, or
    to its left on the same line. Moving up into another column (side-by-side groups) reads on."""
    breaks: list[str] = []
    chain = tab_chain(root, leave_out)
    for before, after in pairwise(chain):
        if before.visibleRegion().isEmpty() or after.visibleRegion().isEmpty():
            continue  # scrolled out of sight: where it is drawn says nothing of where it reads
        left, top, right, bottom = _box(before, root)
        next_left, next_top, next_right, next_bottom = _box(after, root)
        same_column = next_left < right and left < next_right
        same_line = next_top < bottom and top < next_bottom
        if (same_column and next_bottom <= top) or (same_line and not same_column and next_right <= left):
            breaks.append(f"{path_of(before, root)} → {path_of(after, root)}")
    return breaks


def unnamed(root: QWidget, leave_out: Sequence[QWidget] = ()) -> list[str]:
    """The paths of `root`'s focusable controls a screen reader announces by no name (`leave_out` aside)."""
    return [control.path for control in focusable_controls(root, leave_out) if not control.name]
