"""Tab follows the reading order when a form's row is rebuilt (a field put beside its « Nouvel acteur… » button,
in a container with its message slot): Qt sends a re-parented widget to the end of the window's Tab chain, so
the row is put back where its field was.

    anchor = stop_before(field)   # before moving `field`
    ...                           # build the row holding it
    chain_after(anchor, row)      # the row's stops, in their order, where `field` was
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

TAB_POLICIES = (Qt.FocusPolicy.TabFocus, Qt.FocusPolicy.StrongFocus, Qt.FocusPolicy.WheelFocus)


def is_stop(widget: QWidget) -> bool:
    """Tab can land on `widget`."""
    return widget.focusPolicy() in TAB_POLICIES


def stops_in(root: QWidget) -> list[QWidget]:
    """`root` and its descendants Tab can land on, in the order of the focus chain."""
    stops = [root] if is_stop(root) else []
    current = root.nextInFocusChain()
    while current is not None and current is not root:
        if root.isAncestorOf(current) and is_stop(current):
            stops.append(current)
        current = current.nextInFocusChain()
    return stops


def stop_before(widget: QWidget) -> QWidget | None:
    """The Tab stop just before `widget` (outside it) in its window's chain; None when it comes first."""
    current = widget.previousInFocusChain()
    while current is not None and current is not widget:
        if is_stop(current) and not widget.isAncestorOf(current):
            return current
        current = current.previousInFocusChain()
    return None


def chain_after(anchor: QWidget | None, root: QWidget) -> None:
    """Put `root`'s Tab stops, in their order, right after `anchor` (nothing to do when there is none)."""
    if anchor is None:
        return
    for stop in stops_in(root):
        QWidget.setTabOrder(anchor, stop)
        anchor = stop
