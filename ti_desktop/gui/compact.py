"""Widgets that give way on a small screen (a laptop at 1024 px): a list of choices as wide as a few words, its
long entries shown whole when it opens, so a row of filters never sets the window's minimum width."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSizePolicy

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
