"""The quick status chooser: the seven statuses, each with its colour and its label, numbered 1 to 7.
↑/↓ then Entrée, or the number alone; Échap cancels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.gui.meeting_mode.theme import Theme
from ti_desktop.gui.meeting_mode.widgets import label, polish
from ti_desktop.gui.status_colours import status_colour

STATUSES = list(ActionStatus)


class StatusChooser(QDialog):
    def __init__(self, current: ActionStatus, about: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changer le statut"))
        self.setStyleSheet(theme.dialog_style_sheet())
        self.list = QListWidget(self)
        self.list.setObjectName("statusList")
        self.list.setAccessibleName(self.tr("Statut de {about}").format(about=about))
        swatch = theme.body
        self.list.setIconSize(QSize(swatch, swatch))
        for number, status in enumerate(STATUSES, start=1):
            pixmap = QPixmap(swatch, swatch)
            pixmap.fill(status_colour(status))
            item = QListWidgetItem(QIcon(pixmap), f"{number}   {status.label}")
            item.setData(Qt.ItemDataRole.UserRole, status.value)
            self.list.addItem(item)
        self.list.setCurrentRow(STATUSES.index(current))
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.itemClicked.connect(lambda _item: self.accept())
        self.list.installEventFilter(self)
        rows = self.list.sizeHintForRow(0) * len(STATUSES) + 2 * self.list.frameWidth() + 8
        self.list.setMinimumHeight(rows)

        layout = QVBoxLayout(self)
        margin = theme.margin
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(theme.px(1))
        layout.addWidget(label(self.tr("Statut de {about}").format(about=about), "heading", self))
        layout.addWidget(self.list)
        layout.addWidget(label(self.tr("↑/↓ puis Entrée, ou le chiffre du statut · Échap pour annuler"), "muted", self))
        self.setMinimumWidth(max(420, round(theme.unit * 60)))
        polish(self)
        self.list.setFocus()

    def chosen(self) -> ActionStatus:
        item = self.list.currentItem()
        return ActionStatus(item.data(Qt.ItemDataRole.UserRole)) if item is not None else STATUSES[0]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if text.isdigit() and 1 <= int(text) <= len(STATUSES):
                self.list.setCurrentRow(int(text) - 1)
                self.accept()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
        return super().eventFilter(watched, event)
