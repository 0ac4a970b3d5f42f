"""The overview of the séance: every agenda item (the current one marked, ↑/↓ to choose, Entrée to go) beside
every decision taken in this meeting, and the button that closes the meeting."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.gui.meeting_mode.texts import decision_details, shorten, tr
from ti_desktop.gui.meeting_mode.theme import Theme, apply_fonts
from ti_desktop.gui.meeting_mode.widgets import label, shown_text
from ti_desktop.services.meetings import MeetingOverview

CURRENT_MARK = "▶"
AGENDA_FIT_STEPS = (1.0, 0.94, 0.88, 0.82)
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 1


class OverviewScreen(QWidget):
    # The user chose an agenda item (its index in the agenda) with the mouse.
    item_chosen = Signal(int)
    # The "Clore la réunion" button was clicked.
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = QTreeWidget(self)
        self.items.setObjectName("agendaList")
        self.items.setColumnCount(2)
        self.items.setHeaderHidden(True)
        self.items.setRootIsDecorated(False)
        self.items.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items.setWordWrap(False)
        self.items.setUniformRowHeights(True)
        self.items.installEventFilter(self)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.items.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.items.itemActivated.connect(
            lambda item, _column: self.item_chosen.emit(self.items.indexOfTopLevelItem(item))
        )
        self.items.itemDoubleClicked.connect(
            lambda item, _column: self.item_chosen.emit(self.items.indexOfTopLevelItem(item))
        )

        self.agenda_heading = label("", "heading", self, wrap=False)
        self.decisions_heading = label("", "heading", self, wrap=False)
        self.decisions_area = QScrollArea(self)
        self.decisions_area.setWidgetResizable(True)
        self.decisions_area.setFrameShape(QFrame.Shape.NoFrame)
        self.decisions_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.decisions_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeMeeting")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.close_requested)
        self.closed_note = label("", "muted", self)

        left = QVBoxLayout()
        self.column_layouts = [left]
        left.addWidget(self.agenda_heading)
        left.addWidget(self.items, 1)
        right = QVBoxLayout()
        self.column_layouts.append(right)
        right.addWidget(self.decisions_heading)
        right.addWidget(self.decisions_area, 1)
        self.columns = QHBoxLayout()
        self.columns.addLayout(left, 3)
        self.columns.addLayout(right, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.closed_note, 1)
        bottom.addWidget(self.close_button)
        self.page = QVBoxLayout(self)
        self.page.addLayout(self.columns, 1)
        self.page.addLayout(bottom)
        self.overview: MeetingOverview | None = None
        self.theme = Theme(10.8)

    # -- what the window and the tests read -------------------------------------------------------
    def item_texts(self) -> list[str]:
        rows = (self.items.topLevelItem(row) for row in range(self.items.topLevelItemCount()))
        return [item.text(0) for item in rows if item is not None]

    def decision_texts(self) -> list[str]:
        content = self.decisions_area.widget()
        if content is None:
            return []
        return [shown_text(child) for child in content.findChildren(QLabel) if child.text()]

    def selected_row(self) -> int:
        item = self.items.currentItem()
        return -1 if item is None else self.items.indexOfTopLevelItem(item)

    def move_selection(self, offset: int) -> None:
        count = self.items.topLevelItemCount()
        if not count:
            return
        item = self.items.topLevelItem(max(0, min(count - 1, self.selected_row() + offset)))
        if item is not None:
            self.items.setCurrentItem(item)

    # -- showing ----------------------------------------------------------------------------------
    def show_overview(self, overview: MeetingOverview, current: int, today: dt.date, theme: Theme) -> None:
        self.overview = overview
        selected = self.selected_row() if self.items.topLevelItemCount() == len(overview.items) else -1
        margin = theme.margin
        self.page.setContentsMargins(margin, round(margin * 0.6), margin, round(margin * 0.6))
        self.page.setSpacing(theme.gap)
        self.columns.setSpacing(margin * 2)
        for column in self.column_layouts:
            column.setSpacing(theme.px(0.8))

        count = len(overview.items)
        self.agenda_heading.setText(tr("Ordre du jour ({count} points)").format(count=count))
        self.items.clear()
        for row, item in enumerate(overview.items):
            taken = sum(1 for d in overview.decisions if self._belongs(d.decision.action_id, item.action_id))
            mark = f"{CURRENT_MARK} " if row == current else ""
            entry = QTreeWidgetItem([f"{mark}{item.position}. {item.title}", self._count(taken)])
            entry.setToolTip(0, item.title)
            entry.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            entry.setData(0, CURRENT_ROLE, row == current)
            self.items.addTopLevelItem(entry)
        self.theme = theme
        self.fit_agenda()
        chosen = self.items.topLevelItem(selected if selected >= 0 else max(0, current))
        if chosen is not None:
            self.items.setCurrentItem(chosen)
            self.items.scrollToItem(chosen, QAbstractItemView.ScrollHint.PositionAtCenter)

        decisions = overview.decisions
        self.decisions_heading.setText(tr("Décisions prises en séance ({count})").format(count=len(decisions)))
        content = QWidget()
        content.setObjectName("overviewDecisions")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, theme.px(1), 0)
        layout.setSpacing(theme.px(1))
        if not decisions:
            layout.addWidget(
                label(tr("Aucune décision pour l'instant — touche D pour en ajouter une."), "muted", content)
            )
        for number, row_ in enumerate(decisions, start=1):
            layout.addWidget(label(f"{number}. {shorten(row_.decision.text, 200)}", "strong", content))
            about = row_.action_code or tr("Décision générale")
            layout.addWidget(label(f"{about} · {decision_details(row_, today)}", "muted", content, rich=True))
        layout.addStretch(1)
        self.decisions_area.setWidget(content)
        apply_fonts(self, theme)

        closed_at = overview.meeting.closed_at
        self.close_button.setText(tr("Clore la réunion (C)"))
        self.close_button.setEnabled(closed_at is None)
        self.close_button.setVisible(closed_at is None)
        if closed_at is None:
            self.closed_note.setText(
                tr("En fin de séance : C clôt la réunion et photographie le plan pour le prochain comité.")
            )
        else:
            local = closed_at.astimezone()
            self.closed_note.setText(
                tr("Réunion close le {date} à {time}. Des décisions peuvent encore être ajoutées (D).").format(
                    date=local.strftime("%d/%m/%Y"), time=local.strftime("%H:%M")
                )
            )

    def fit_agenda(self) -> None:
        """The agenda's type size: a little smaller when that shows every item without scrolling; the current
        item in bold."""
        count = self.items.topLevelItemCount()
        room = self.items.contentsRect().height()  # the viewport follows only after the resize event
        base = QGuiApplication.font()
        for fit in AGENDA_FIT_STEPS:
            font = self.theme.with_fit(fit).font("small", base)
            self.items.setFont(font)
            row = QFontMetrics(font).height() + 2 * self.theme.px(0.3) + 1
            if row * count <= room:
                break
        bold = QFont(self.items.font())
        bold.setBold(True)
        for index in range(count):
            entry = self.items.topLevelItem(index)
            if entry is not None:
                for column in (0, 1):
                    entry.setFont(column, bold if entry.data(0, CURRENT_ROLE) else self.items.font())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.items and event.type() == QEvent.Type.Resize:
            self.fit_agenda()
        return super().eventFilter(watched, event)

    @staticmethod
    def _belongs(decision_action: int | None, item_action: int | None) -> bool:
        return decision_action == item_action

    @staticmethod
    def _count(taken: int) -> str:
        if not taken:
            return ""
        return tr("1 décision") if taken == 1 else tr("{count} décisions").format(count=taken)
