"""Small building blocks of the projector screens: styled labels, one-line elided labels, the progress bar."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ti_desktop.gui.meeting_mode import theme

BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")


def label(text: str, role: str = "", parent: QWidget | None = None, *, rich: bool = False, wrap: bool = True) -> QLabel:
    """A label whose `role` (title, big, small, strong, muted, heading, chip…) sets its type (`theme.apply_fonts`)."""
    widget = QLabel(parent)
    if role:
        widget.setProperty("role", role)
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    widget.setIndent(0)
    widget.setText(text)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return widget


def chip(text: str, style: str, parent: QWidget | None = None) -> QLabel:
    """A coloured tag: its label on its colour (`style` gives background and text colours)."""
    widget = label(text, "chip", parent, wrap=False)
    widget.setStyleSheet(style)
    widget.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return widget


def shown_text(widget: QLabel) -> str:
    """What a reader sees in the label: rich text without its markup, no-break spaces as spaces."""
    text = widget.text()
    if widget.textFormat() == Qt.TextFormat.RichText:  # the simple markup these screens write
        text = html.unescape(TAG.sub("", BREAK.sub("\n", text)))
    return text.replace("\u00a0", " ")


class ElidedLabel(QLabel):
    """One line, cut with "…" when the column is too narrow; `text()` keeps the whole text (and the tooltip)."""

    def __init__(self, text: str, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if role:
            self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setIndent(0)
        self.setText(text)
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        return QSize(
            metrics.horizontalAdvance(self.text()) + margins.left() + margins.right(),
            metrics.height() + margins.top() + margins.bottom(),
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)


class ProgressBar(QWidget):
    """A thick bar, filled in the accent colour over a light track with a dark outline (readable projected)."""

    def __init__(self, percent: int, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.percent = max(0, min(100, percent))
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(f"{self.percent} %")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = max(2.0, self.height() / 14)
        track = QRectF(self.rect()).adjusted(outline / 2, outline / 2, -outline / 2, -outline / 2)
        radius = track.height() / 4
        painter.setPen(QPen(QColor(theme.MUTED), outline))
        painter.setBrush(QColor(theme.TRACK))
        painter.drawRoundedRect(track, radius, radius)
        if self.percent:
            filled = QRectF(track)
            filled.setWidth(track.width() * self.percent / 100)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.ACCENT))
            painter.drawRoundedRect(filled, radius, radius)


def polish(widget: QWidget) -> None:
    """Apply the style sheet's fonts now, so that the layout measures the labels at their real size."""
    widget.ensurePolished()
    for child in widget.findChildren(QWidget):
        child.ensurePolished()
    layout = widget.layout()
    if layout is not None:
        layout.invalidate()
