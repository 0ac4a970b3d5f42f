"""Charts of the report (reportlab graphics): actions by status, funding by funder, indicator trend."""

# mypy: disable-error-code="import-untyped"
# (reportlab ships no type stubs)
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.summaries import StatusCounts
from ti_desktop.kernel.formatting import NARROW_NBSP, group_thousands
from ti_desktop.reports.fonts import FAMILY, register_fonts
from ti_desktop.reports.styles import INK, MUTED, RULE, STATUS_COLOURS


def _nice_step(maximum: float, steps: int = 5) -> float:
    """A round axis step (1, 2, 5 × 10^n) giving about `steps` intervals."""
    if maximum <= 0:
        return 1
    raw = maximum / steps
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return max(1.0, factor * magnitude)
    return 10 * magnitude


def status_chart(counts: StatusCounts, width: float = 250, height: float = 112) -> Drawing:
    """Horizontal bars, one per status (labels on the left), in the status colours; the axis starts at 0."""
    register_fonts()
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 62, 14
    chart.width, chart.height = width - 80, height - 18
    statuses = list(reversed(list(ActionStatus)))  # drawn bottom-up: first status on top
    chart.data = [[counts.count(status) for status in statuses]]
    chart.categoryAxis.categoryNames = [status.label for status in statuses]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.valueMin = 0
    top = max(chart.data[0]) or 1
    step = _nice_step(top, 4)
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * (int(top // step) + 1)
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = lambda value: group_thousands(int(value))
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#eaeef2")
    chart.barWidth = 8
    chart.groupSpacing = 4
    chart.bars.strokeColor = None
    for index, status in enumerate(statuses):
        chart.bars[(0, index)].fillColor = colors.HexColor(STATUS_COLOURS[status])
    chart.barLabelFormat = lambda value: group_thousands(int(value)) if value else ""
    chart.barLabels.fontName = FAMILY
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _euro_axis_label(value: float) -> str:
    if value >= 1_000_000:
        text = f"{value / 1_000_000:.1f}".rstrip("0").rstrip(".").replace(".", ",")
        return f"{text}{NARROW_NBSP}M€"
    if value >= 1_000:
        return f"{group_thousands(round(value / 1_000))}{NARROW_NBSP}k€"
    return f"{int(value)}{NARROW_NBSP}€"


def _clip(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def funding_chart(
    names: Sequence[str],
    requested: Sequence[Decimal],
    granted: Sequence[Decimal],
    paid: Sequence[Decimal],
    width: float = 480,
) -> Drawing:
    """Horizontal grouped bars per funder: requested, granted, paid (euros), with a legend."""
    register_fonts()
    count = max(1, len(names))
    bar_block = 24
    height = 40 + count * bar_block
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 160, 26
    chart.width, chart.height = width - 175, height - 34
    # Bars are drawn bottom-up: reverse so the first funder is on top.
    chart.data = [[float(value) for value in reversed(series)] for series in (paid, granted, requested)] or [[0.0]]
    chart.categoryAxis.categoryNames = [_clip(name) for name in reversed(names)] or [""]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = 6.8
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    top = max((float(value) for series in (requested, granted, paid) for value in series), default=0.0) or 1.0
    step = _nice_step(top, 5)
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * (int(top // step) + 1)
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = _euro_axis_label
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#eaeef2")
    chart.bars.strokeColor = None
    chart.barSpacing = 0.5
    chart.groupSpacing = 5
    series_colours = ("#1a7f37", "#0b5cad", "#a5c8ef")  # paid, granted, requested
    for index, colour in enumerate(series_colours):
        chart.bars[index].fillColor = colors.HexColor(colour)
    drawing.add(chart)
    # Legend (top right), in reading order.
    x = chart.x
    for label, colour in (("Demandé", series_colours[2]), ("Accordé", series_colours[1]), ("Versé", series_colours[0])):
        drawing.add(Rect(x, 4, 8, 8, fillColor=colors.HexColor(colour), strokeColor=None))
        drawing.add(String(x + 11, 5, label, fontName=FAMILY, fontSize=7, fillColor=INK))
        x += 62
    return drawing


def trend_chart(
    points: Sequence[tuple[dt.date, float]], target: float | None, width: float = 78, height: float = 26
) -> Drawing:
    """A small line of the measures (baseline first), with the target as a dashed line."""
    drawing = Drawing(width, height)
    if len(points) < 2:
        drawing.add(String(width / 2, height / 2 - 3, "—", fontName=register_fonts(), fontSize=7, textAnchor="middle"))
        return drawing
    origin = points[0][0]
    data = [((day - origin).days, value) for day, value in points]
    values = [value for _day, value in data] + ([target] if target is not None else [])
    low, high = min(values), max(values)
    if high == low:
        high, low = high + 1, low - 1
    plot = LinePlot()
    plot.x, plot.y = 2, 3
    plot.width, plot.height = width - 6, height - 6
    plot.data = [data]
    plot.xValueAxis.valueMin = data[0][0]
    plot.xValueAxis.valueMax = max(data[-1][0], data[0][0] + 1)
    plot.yValueAxis.valueMin = low
    plot.yValueAxis.valueMax = high
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.visible = False
        axis.visibleLabels = False
        axis.visibleTicks = False
    plot.lines[0].strokeColor = colors.HexColor("#0b5cad")
    plot.lines[0].strokeWidth = 1.2
    plot.lines[0].symbol = makeMarker("FilledCircle", size=2.2)
    drawing.add(plot)
    if target is not None:
        y = plot.y + (target - low) / (high - low) * plot.height
        drawing.add(
            Line(
                plot.x,
                y,
                plot.x + plot.width,
                y,
                strokeColor=colors.HexColor("#1a7f37"),
                strokeDashArray=[2, 2],
                strokeWidth=0.7,
            )
        )
    return drawing
