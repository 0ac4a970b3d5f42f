"""The dashboard's chart: actions per axis, stacked by status; a click on a segment asks for those actions."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import AxisRecord
from ti_desktop.domain.summaries import StatusCounts
from ti_desktop.gui.status_colours import STATUS_COLOURS, readable_text_on
from ti_desktop.gui.theme import LIGHT, Theme, scaled_font

ROW_HEIGHT = 52  # pixels per axis bar, legend and value axis come on top


LABEL_DIGITS = 9


def tick_interval(largest: int) -> int:
    """A round step giving at most about ten integer ticks from 0 to `largest`."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500):
        if largest <= step * 10:
            return step
    power = 1000  # a national plan counts tens of thousands of actions per axis: 1, 2, 5 times a power of ten
    while True:
        for mantissa in (1, 2, 5):
            if largest <= mantissa * power * 10:
                return mantissa * power
        power *= 10


class AxisStatusChart(QChartView):
    # (axis id, ActionStatus) of the clicked segment.
    segment_clicked = Signal(int, object)

    def __init__(self, parent: QWidget | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self.theme = theme
        self.sizes = theme.sizes  # its axis names' size
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMouseTracking(True)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        # The theme's colours, not QtCharts' own: the segments' contrast is checked against them.
        chart.setBackgroundBrush(theme.colour("background"))
        chart.legend().setLabelColor(theme.colour("text"))
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(self._font(1.0))
        self.setChart(chart)
        self.axes: list[AxisRecord] = []
        self.bar_sets: dict[ActionStatus, QBarSet] = {}
        self.series: QHorizontalStackedBarSeries | None = None
        self.category_axis = QBarCategoryAxis()
        self.value_axis = QValueAxis()

    def _font(self, scale: float, bold: bool = False) -> QFont:
        return scaled_font(self.font(), scale, bold)

    def set_data(self, axes: list[AxisRecord], counts: dict[int, StatusCounts]) -> None:
        """Show one bar per axis (in the given order), one segment colour per status."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.axes = list(axes)
        self.bar_sets = {}
        # Horizontal bars list the first category at the bottom: reverse so the first axis reads first.
        ordered = list(reversed(self.axes))
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.6)
        # The count inside each segment: readable on a projector without hovering.
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        # Significant digits of the labels (printf's %g): enough for a national plan's counts, never « 1.117e+04 ».
        series.setLabelsPrecision(LABEL_DIGITS)
        series.setLabelsPosition(QHorizontalStackedBarSeries.LabelsPosition.LabelsCenter)
        for status in ActionStatus:
            bar_set = QBarSet(status.label)
            colour = QColor(STATUS_COLOURS[status])
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour.darker(115))
            bar_set.setLabelColor(readable_text_on(colour, self.theme))
            bar_set.setLabelFont(self._font(1.0, bold=True))
            bar_set.append([float(counts[axis.id].count(status)) if axis.id in counts else 0.0 for axis in ordered])
            bar_set.clicked.connect(lambda index, status=status: self._on_click(status, index))
            bar_set.hovered.connect(lambda inside, index, status=status: self._on_hover(status, inside, index))
            series.append(bar_set)
            self.bar_sets[status] = bar_set
        chart.addSeries(series)
        self.series = series

        self.category_axis = QBarCategoryAxis()
        self.category_axis.append([axis.label for axis in ordered])
        self.category_axis.setLabelsFont(self._font(self.sizes.caption_scale, bold=True))
        self.category_axis.setGridLineVisible(False)
        self.category_axis.setLabelsColor(self.theme.colour("text"))
        chart.addAxis(self.category_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(self.category_axis)

        largest = max((counts[axis.id].total for axis in axes if axis.id in counts), default=0)
        step = tick_interval(largest)
        top = max(step, -(-largest // step) * step)
        self.value_axis = QValueAxis()
        self.value_axis.setRange(0, top)  # from 0, or a short bar would look empty
        self.value_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.value_axis.setTickAnchor(0)
        self.value_axis.setTickInterval(step)
        self.value_axis.setMinorTickCount(0)
        self.value_axis.setLabelFormat("%d")
        self.value_axis.setLabelsFont(self._font(1.0))
        self.value_axis.setLabelsColor(self.theme.colour("text"))
        self.value_axis.setTitleBrush(self.theme.colour("text"))
        self.value_axis.setTitleText(self.tr("Nombre d'actions"))
        self.value_axis.setTitleFont(self._font(1.0))
        chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(self.value_axis)
        self.setMinimumHeight(150 + ROW_HEIGHT * max(len(axes), 2))

    def axis_at(self, index: int) -> AxisRecord:
        """The axis of the bar at `index` in the series (bars are listed bottom-up)."""
        return self.axes[len(self.axes) - 1 - index]

    def count(self, axis_id: int, status: ActionStatus) -> int:
        position = next(i for i, axis in enumerate(self.axes) if axis.id == axis_id)
        return int(self.bar_sets[status].at(len(self.axes) - 1 - position))

    def _on_click(self, status: ActionStatus, index: int) -> None:
        if 0 <= index < len(self.axes):
            self.segment_clicked.emit(self.axis_at(index).id, status)

    def _on_hover(self, status: ActionStatus, inside: bool, index: int) -> None:
        if not inside or not 0 <= index < len(self.axes):
            self.viewport().unsetCursor()
            QToolTip.hideText()
            return
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        axis = self.axis_at(index)
        count = int(self.bar_sets[status].at(index))
        text = self.tr("{axis} — {status} : {count} action(s)\nCliquer pour voir ces actions dans le plan").format(
            axis=axis.label, status=status.label, count=count
        )
        QToolTip.showText(QCursor.pos(), text, self)
