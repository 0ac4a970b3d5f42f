"""Chronologie: the plan as a Gantt timeline — bars by axis, milestones, today, zoom by year, quarter, month.

Three views show regions of one scene: the time scale stays on top when scrolling down, the action
labels stay on the left when scrolling sideways; their scroll bars follow the chart's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QGraphicsView,
    QPushButton,
    QScrollBar,
    QStyle,
    QWidget,
)

from ti_desktop.domain.records import MilestoneRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.forms.ui_timeline import Ui_TimelinePage
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.pages.timeline_scene import (
    ACTION_ID,
    ActionBar,
    ListedRows,
    MilestoneReader,
    TimelineScene,
    TimelineSource,
    Zoom,
    legend_icon,
)
from ti_desktop.gui.theme import apply_roles
from ti_desktop.services.use_cases import HasMilestones, HasSummary, HasViews

ZOOM_SETTING = "timeline/zoom"


class TimelineView(QGraphicsView):
    """A view of one region of the timeline; a click (not a drag) on an action's item asks for its fiche."""

    action_clicked = Signal(int)

    def __init__(self, scene: TimelineScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        background = scene.colours.background
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(background)
        self._pressed_at: QPoint | None = None

    def action_at(self, position: QPoint) -> int | None:
        for item in self.items(position):
            action_id = item.data(ACTION_ID)
            if isinstance(action_id, int):
                return action_id
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed_at, self._pressed_at = self._pressed_at, None
        if pressed_at is None or event.button() != Qt.MouseButton.LeftButton:
            return
        position = event.position().toPoint()
        if (position - pressed_at).manhattanLength() > QApplication.startDragDistance():
            return  # the chart was panned, not clicked
        action_id = self.action_at(position)
        if action_id is not None:
            self.action_clicked.emit(action_id)


class TimelinePageServices(HasMilestones, HasSummary, HasViews, Protocol):
    """What TimelinePage uses."""


class TimelinePage(Page):
    def __init__(self, context: AppContext, services: TimelinePageServices, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.services = services
        self.scene = TimelineScene(self, context.theme)
        self._source: TimelineSource = ListedRows([])
        self._milestones: Mapping[int, Sequence[MilestoneRecord]] = {}
        self._shown_territory: int | None = None
        self._zoom = self._stored_zoom()
        # The toolbar, the frame around the views and the legend: ui/timeline.ui; the views show the scene.
        self.ui = Ui_TimelinePage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self._build_toolbar()
        self._build_views()
        self._build_legend()

    def title(self) -> str:
        return self.tr("Chronologie")

    # -- building ------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        ui = self.ui
        self.zoom_group = QButtonGroup(self)
        self.zoom_buttons: dict[Zoom, QPushButton] = {
            Zoom.YEAR: ui.yearButton,
            Zoom.QUARTER: ui.quarterButton,
            Zoom.MONTH: ui.monthButton,
        }
        for zoom, button in self.zoom_buttons.items():
            button.setText(zoom.label)
            button.setChecked(zoom is self._zoom)
            button.clicked.connect(lambda _checked=False, zoom=zoom: self.set_zoom(zoom))
            self.zoom_group.addButton(button)
        self.today_button = ui.todayButton
        self.today_button.clicked.connect(self.scroll_to_today)

    def _build_legend(self) -> None:
        """What the symbols mean: under the chart, so the toolbar stays narrow beside the navigation."""
        ui = self.ui
        for kind, icon in (
            ("bar", ui.barIcon),
            ("late", ui.lateIcon),
            ("milestone-done", ui.milestoneDoneIcon),
            ("milestone-due", ui.milestoneDueIcon),
            ("milestone-overdue", ui.milestoneOverdueIcon),
        ):
            icon.setPixmap(legend_icon(kind, self.context.theme))

    def _build_views(self) -> None:
        frame = self.ui.viewsFrame
        self.corner = self.ui.corner
        self.header_view = TimelineView(self.scene, frame)
        self.label_view = TimelineView(self.scene, frame)
        self._fit_to_text_size()
        self.chart_view = TimelineView(self.scene, frame)
        self.chart_view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.chart_view.setAccessibleName(self.tr("Chronologie des actions"))
        self.chart_view.setAccessibleDescription(
            self.tr("Une barre par action, du début à la fin prévus ; les jalons en losange")
        )
        for view in (self.header_view, self.label_view):
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # they follow the chart's scrolling: one stop, the chart
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for view in (self.label_view, self.chart_view):
            view.action_clicked.connect(self.context.open_action)
        self._follow(self.chart_view.horizontalScrollBar(), self.header_view.horizontalScrollBar())
        self._follow(self.chart_view.verticalScrollBar(), self.label_view.verticalScrollBar())
        self.chart_view.horizontalScrollBar().valueChanged.connect(self._follow_scroll)
        self.chart_view.verticalScrollBar().valueChanged.connect(self._show_visible_rows)
        grid = self.ui.viewsGrid
        grid.addWidget(self.header_view, 0, 1)
        grid.addWidget(self.label_view, 1, 0)
        grid.addWidget(self.chart_view, 1, 1)

    def _fit_to_text_size(self) -> None:
        """The corner, the header's height and the label column's width: the scene's, at its text size."""
        sizes = self.scene.sizes
        self.corner.setFixedSize(sizes.label_width, sizes.header_height)
        self.corner.setStyleSheet(self.context.theme.timeline_corner_style(sizes.scale))
        self.header_view.setFixedHeight(sizes.header_height)
        self.label_view.setFixedWidth(sizes.label_width)

    @staticmethod
    def _follow(chart_bar: QScrollBar, other_bar: QScrollBar) -> None:
        """Both scroll bars show the same scene position (their ranges start at the same scene x or y)."""
        chart_bar.valueChanged.connect(other_bar.setValue)
        other_bar.valueChanged.connect(chart_bar.setValue)

    # -- data ----------------------------------------------------------------------------------
    def reload(self) -> None:
        territory_id = self.context.territory_id
        assert territory_id is not None  # Page reloads only with a territory
        summary = self.services.summary
        today = self.context.today
        # A national plan is read by windows, the rows near the view (whole if its sous-actions break the rules).
        plan = summary.timeline_plan(territory_id, today)
        self._source = plan if plan is not None else ListedRows(summary.timeline_rows(territory_id, today))
        # Only the drawn rows' milestones are read (by the scene, as it draws them), their span for the scale.
        self._milestones = MilestoneReader(
            summary.milestone_span(territory_id), lambda ids: summary.milestones_of(territory_id, ids)
        )
        new_territory = territory_id != self._shown_territory
        self._shown_territory = territory_id
        self._rebuild(keep_position=not new_territory)

    def _rebuild(self, *, keep_position: bool) -> None:
        anchor = self._anchor() if keep_position else None
        vertical = self.chart_view.verticalScrollBar().value() if keep_position else 0
        scale = self.scene.sizes.scale
        self.scene.build_from(self._source, self._milestones, self.context.today, self._zoom)
        vertical = round(vertical * self.scene.sizes.scale / scale)  # the same rows, at a new text size
        if scale != self.scene.sizes.scale:  # Affichage › Taille du texte changed: the views' sizes too, now
            self._fit_to_text_size()
            self.ui.viewsGrid.activate()
        # The header and label views reach one scroll bar further, so their range covers the chart's.
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.header_view.setSceneRect(self.scene.header_rect.adjusted(0, 0, extent, 0))
        self.label_view.setSceneRect(self.scene.label_rect.adjusted(0, 0, 0, extent))
        self.chart_view.setSceneRect(self.scene.chart_rect)
        if anchor is None:
            self.scroll_to_today()
        else:
            self.centre_on(*anchor)
        self.chart_view.verticalScrollBar().setValue(vertical)
        self._follow_scroll()
        self._show_visible_rows()

    def _show_visible_rows(self) -> None:
        """The scene draws the rows near those the chart shows (the label view shows the same rows)."""
        shown = self.chart_view.mapToScene(self.chart_view.viewport().rect()).boundingRect()
        self.scene.show_rows(shown.top(), shown.bottom())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_visible_rows()

    def _anchor(self) -> tuple[dt.date, float]:
        """What stays in place through a redraw (a new zoom, an edit): today where it is if it is in
        view, otherwise the date in the middle."""
        width = max(self.chart_view.viewport().width(), 1)
        left = self.chart_view.mapToScene(0, 0).x()
        today_at = (self.scene.scale.x(self.context.today) - left) / width
        if 0 <= today_at <= 1:
            return self.context.today, today_at
        return self.scene.scale.date_at(left + width / 2), 0.5

    # -- zoom and scrolling ----------------------------------------------------------------------
    def _stored_zoom(self) -> Zoom:
        value = self.context.settings.value(ZOOM_SETTING, Zoom.YEAR.value)
        try:
            return Zoom(value)
        except ValueError:
            return Zoom.YEAR

    def zoom(self) -> Zoom:
        return self._zoom

    def set_zoom(self, zoom: Zoom) -> None:
        self.zoom_buttons[zoom].setChecked(True)
        self.context.settings.setValue(ZOOM_SETTING, zoom.value)
        if zoom is self._zoom:
            return
        self._zoom = zoom
        if self._shown_territory is not None:
            self._rebuild(keep_position=True)

    def centre_on(self, day: dt.date, at: float = 0.5) -> None:
        """Scroll sideways so that `day` is at this fraction of the chart's width."""
        bar = self.chart_view.horizontalScrollBar()
        bar.setValue(round(self.scene.scale.x(day) - self.chart_view.viewport().width() * at))

    def scroll_to_today(self) -> None:
        # Today two thirds of the way across: what was done weighs as much as what comes next.
        self.centre_on(self.context.today, at=0.65)

    def _follow_scroll(self) -> None:
        self.scene.follow_scroll(self.chart_view.mapToScene(0, 0).x())

    # -- what the tests (and the curious) look at ----------------------------------------------
    def bar_items(self) -> dict[int, ActionBar]:
        return dict(self.scene.bars)

    def item_for_action(self, action_id: int) -> ActionBar | None:
        return self.scene.bars.get(action_id)
