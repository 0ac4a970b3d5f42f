"""Drawing of the Chronologie: one Gantt scene in three regions, so that three views of it stay aligned
by construction — the time scale header (y < 0), the label column (x < 0) and the chart (x >= 0, y >= 0)."""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import html
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import AxisRecord, MilestoneRecord
from ti_desktop.gui.theme import LIGHT, Theme, installed_text_size
from ti_desktop.kernel.formatting import format_date, format_percent
from ti_desktop.services.timeline_rows import GanttRow, TimelineRow
from ti_desktop.services.views import PlanRow

# A row of the chart: the plan page's rows, or the lighter ones the page reads for the timeline.
ShownRow = PlanRow | GanttRow

# Item data key holding the action id of everything that opens a fiche when clicked.
ACTION_ID = 0

# Geometry at 100 % text size, in pixels: generous so that the plan reads on a projector. Every length that
# holds a text, and every font, grows with Affichage › Taille du texte (`SceneSizes`); the time scale does not.
LABEL_WIDTH = 400
# The label column grows with the text up to this scale (its titles are elided): at 200 % on 1366×768, the chart
# keeps half the page's width.
LABEL_SCALE_LIMIT = 1.5
HEADER_ROW = 28
HEADER_HEIGHT = 2 * HEADER_ROW
AXIS_ROW = 44
ACTION_ROW = 38
BAR_HEIGHT = 22
SUB_BAR_HEIGHT = 16
INDENT = 26
CODE_WIDTH = 130  # the code column's widest, before its gap
# Room after the last day for what follows a bar ending then (a milestone, "100 %", "en retard"): measured on
# their fonts at each build (`_right_margin`), this much at the least.
RIGHT_MARGIN = 190
PERCENT_FONT_PX = 13  # the "45 %" after a bar
LATE_FONT_PX = 13  # the "en retard" after it (bold)
LABEL_GAP = 8  # between a bar, its milestone, its percentage and its late marker
# Rows drawn beyond the visible ones, above and below: scrolling a little never shows an empty row.
ROW_MARGIN = 40
FIRST_YEAR = 2023  # the programme's phase 2 (2023–2027) is always shown
LAST_YEAR = 2027

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


@dataclass(frozen=True, slots=True)
class SceneColours:
    """The theme's colours the scene paints with, as QColors."""

    text: QColor
    muted: QColor
    late: QColor
    today: QColor
    done: QColor
    header_background: QColor
    alternate_row: QColor
    year_line: QColor
    minor_line: QColor
    background: QColor
    sample_bar: QColor

    @classmethod
    def of(cls, theme: Theme) -> SceneColours:
        return cls(
            text=theme.colour("text"),
            muted=theme.colour("muted"),
            late=theme.colour("error"),
            today=theme.colour("today_marker"),
            done=theme.colour("today_marker"),
            header_background=theme.colour("header_background"),
            alternate_row=theme.colour("alternate_row"),
            year_line=theme.colour("year_line"),
            minor_line=theme.colour("rule"),
            background=theme.colour("background"),
            sample_bar=theme.colour("sample_bar"),
        )


def translate(text: str) -> str:
    return QCoreApplication.translate("TimelineScene", text)


class Zoom(enum.Enum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"

    @property
    def label(self) -> str:
        if self is Zoom.YEAR:
            return QCoreApplication.translate("TimelineScene", "Année")
        if self is Zoom.QUARTER:
            return QCoreApplication.translate("TimelineScene", "Trimestre")
        return QCoreApplication.translate("TimelineScene", "Mois")

    @property
    def pixels_per_day(self) -> float:
        return {Zoom.YEAR: 0.5, Zoom.QUARTER: 1.8, Zoom.MONTH: 6.0}[self]


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Days to scene x: `start` (1 January of the first year) is x = 0."""

    start: dt.date
    end: dt.date  # 1 January after the last year shown
    pixels_per_day: float

    @classmethod
    def covering(cls, days: Iterable[dt.date], zoom: Zoom) -> TimeScale:
        years = [day.year for day in days]
        first = min([FIRST_YEAR, *years])
        last = max([LAST_YEAR, *years])
        return cls(dt.date(first, 1, 1), dt.date(last + 1, 1, 1), zoom.pixels_per_day)

    def x(self, day: dt.date) -> float:
        return (day - self.start).days * self.pixels_per_day

    def date_at(self, x: float) -> dt.date:
        days = round(x / self.pixels_per_day)
        return min(max(self.start + dt.timedelta(days=days), self.start), self.end - dt.timedelta(days=1))

    @property
    def width(self) -> float:
        return self.x(self.end)


class MilestoneReader(Mapping[int, Sequence[MilestoneRecord]]):
    """The milestones of the actions the scene draws, read when their rows are first drawn (a national plan
    has 150,000 of them; a screen shows a few dozen rows). `span` is the earliest and latest due dates of
    them all, for the time scale."""

    def __init__(
        self,
        span: tuple[dt.date | None, dt.date | None],
        read: Callable[[list[int]], Mapping[int, Sequence[MilestoneRecord]]],
    ) -> None:
        self.span = span
        self._read = read
        self._known: dict[int, Sequence[MilestoneRecord]] = {}

    def load(self, action_ids: Iterable[int]) -> None:
        """Read the milestones of those of these actions not read yet, in one query."""
        missing = [action_id for action_id in action_ids if action_id not in self._known]
        if missing:
            found = self._read(missing)
            for action_id in missing:
                self._known[action_id] = found.get(action_id, ())

    def __getitem__(self, action_id: int) -> Sequence[MilestoneRecord]:
        if action_id not in self._known:
            self.load([action_id])
        return self._known[action_id]

    def __iter__(self) -> Iterator[int]:
        return iter(self._known)

    def __len__(self) -> int:
        return len(self._known)


@dataclass(frozen=True, slots=True)
class AxisGroup:
    axis: AxisRecord
    rows: list[TimelineRow]


def has_dates(row: ShownRow) -> bool:
    return row.action.planned_start is not None and row.action.planned_end is not None


def group_rows(rows: Sequence[ShownRow]) -> list[AxisGroup]:
    """Axes in their order; in each, actions in plan order with their sous-actions just under them, and
    the actions without dates last (after their dated siblings)."""
    ids = {row.action.id for row in rows}
    children: dict[int, list[ShownRow]] = defaultdict(list)
    tops: dict[int, list[ShownRow]] = defaultdict(list)
    axes: dict[int, AxisRecord] = {}
    for row in rows:
        axes.setdefault(row.axis.id, row.axis)
        parent_id = row.action.parent_id
        if parent_id is not None and parent_id in ids and parent_id != row.action.id:
            children[parent_id].append(row)
        else:
            tops[row.axis.id].append(row)

    def undated_last(siblings: list[ShownRow]) -> list[ShownRow]:
        return sorted(siblings, key=lambda row: not has_dates(row))  # stable: plan order otherwise

    placed: set[int] = set()

    def with_children(row: ShownRow, depth: int, ordered: list[TimelineRow]) -> None:
        placed.add(row.action.id)
        ordered.append(TimelineRow(row, min(depth, 2)))
        below = children.get(row.action.id)
        if below:
            for child in undated_last(below):
                if child.action.id not in placed:
                    with_children(child, depth + 1, ordered)

    groups = []
    for axis in sorted(axes.values(), key=lambda axis: (axis.position, axis.code)):
        ordered: list[TimelineRow] = []
        for top in undated_last(tops[axis.id]):
            if top.action.id in children:
                with_children(top, 0, ordered)
            else:  # most actions have no sous-action: no call per row
                placed.add(top.action.id)
                ordered.append(TimelineRow(top, 0))
        groups.append(AxisGroup(axis, ordered))
    # A parent loop (never written by the services, but cheap to survive) would hide its actions.
    for row in rows:
        if row.action.id not in placed:
            group = next(group for group in groups if group.axis.id == row.axis.id)
            group.rows.append(TimelineRow(row, 0))
    return groups


class TimelineSource(Protocol):
    """What the scene draws: `groups` (each axis shown with its number of rows), `rows(group, start, stop)`
    (those rows of a group, in order), `day_span` (earliest and latest planned date) and `codes` (the codes
    the label column must fit; the longest ones suffice). `services.timeline_plan.TimelinePlan` reads them by
    windows; `ListedRows` holds rows already read."""

    @property
    def groups(self) -> Sequence[tuple[AxisRecord, int]]: ...

    @property
    def day_span(self) -> tuple[dt.date | None, dt.date | None]: ...

    @property
    def codes(self) -> Collection[str]: ...

    def rows(self, group: int, start: int, stop: int) -> Sequence[TimelineRow]: ...


class ListedRows:
    """A `TimelineSource` of rows read whole, grouped by `group_rows`."""

    def __init__(self, rows: Sequence[ShownRow]) -> None:
        self._groups = group_rows(rows)
        self.groups = [(group.axis, len(group.rows)) for group in self._groups]
        days = [day for row in rows for day in (row.action.planned_start, row.action.planned_end) if day is not None]
        self.day_span = (min(days, default=None), max(days, default=None))
        self.codes = {row.action.code for row in rows if row.action.code}

    def rows(self, group: int, start: int, stop: int) -> Sequence[TimelineRow]:
        return self._groups[group].rows[start:stop]


def status_words(progress: int, status: ActionStatus) -> str:
    """What follows a bar: its progress and its status in words (its colour is its axis's, not its status)."""
    return f"{format_percent(progress / 100)} · {status.label}"


def font(pixels: int, *, bold: bool = False, italic: bool = False) -> QFont:
    result = QFont()
    result.setPixelSize(pixels)
    result.setBold(bold)
    result.setItalic(italic)
    return result


def text_scale() -> float:
    """How much larger than at 100 % the texts are: Affichage › Taille du texte (the theme's installed size)."""
    return installed_text_size() / 100


@dataclass(frozen=True, slots=True)
class SceneSizes:
    """The scene's fonts and the lengths that hold its texts, at one text scale (1.0: 100 %)."""

    scale: float = 1.0

    def px(self, length: float) -> float:
        """A length drawn at 100 % text size, at this scale."""
        return length * self.scale

    def font(self, pixels: int, *, bold: bool = False, italic: bool = False) -> QFont:
        """A font of `pixels` at 100 % text size, at this scale."""
        return font(max(round(pixels * self.scale), 1), bold=bold, italic=italic)

    @property
    def label_width(self) -> int:
        return round(LABEL_WIDTH * min(self.scale, LABEL_SCALE_LIMIT))

    @property
    def header_row(self) -> int:
        return round(HEADER_ROW * self.scale)

    @property
    def header_height(self) -> int:
        return 2 * self.header_row

    @property
    def axis_row(self) -> float:
        return round(AXIS_ROW * self.scale)

    @property
    def action_row(self) -> float:
        return round(ACTION_ROW * self.scale)

    @property
    def label_gap(self) -> float:
        return self.px(LABEL_GAP)

    @property
    def indent(self) -> float:
        return self.px(INDENT)

    def bar_height(self, depth: int) -> float:
        return self.px(BAR_HEIGHT if depth == 0 else SUB_BAR_HEIGHT)


def light(colour: QColor, strength: float = 0.3) -> QColor:
    """`colour` mixed with white: the part of a bar not yet done."""
    return QColor.fromRgbF(
        colour.redF() * strength + 1 - strength,
        colour.greenF() * strength + 1 - strength,
        colour.blueF() * strength + 1 - strength,
    )


class ActionBar(QGraphicsRectItem):
    """An action's planned period: light axis colour, the progress part in full colour, red outline when late."""

    def __init__(self, rect: QRectF, colour: QColor, progress: int, late: bool, late_colour: QColor) -> None:
        super().__init__(rect)
        self.colour = colour
        self.progress = max(0, min(progress, 100))
        self.late = late
        self.setBrush(light(colour))
        self.setPen(QPen(late_colour, 3) if late else QPen(colour.darker(125), 1))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = self.rect()
        outline = QPainterPath()
        outline.addRoundedRect(rect, 3, 3)
        painter.save()
        painter.setClipPath(outline)
        painter.fillRect(rect, self.brush())
        if self.progress:
            done = QRectF(rect.left(), rect.top(), rect.width() * self.progress / 100, rect.height())
            painter.fillRect(done, self.colour)
        painter.restore()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self.pen())
        painter.drawPath(outline)


def diamond(centre: QPointF, radius: float) -> QPolygonF:
    return QPolygonF(
        [
            QPointF(centre.x(), centre.y() - radius),
            QPointF(centre.x() + radius, centre.y()),
            QPointF(centre.x(), centre.y() + radius),
            QPointF(centre.x() - radius, centre.y()),
        ]
    )


def milestone_style(milestone: MilestoneRecord, today: dt.date, colours: SceneColours) -> tuple[QBrush, QPen]:
    """Done: filled dark; overdue (due before today, not done): red; to come: empty."""
    if milestone.done_on is not None:
        return QBrush(colours.done), QPen(colours.done, 1.5)
    if milestone.is_overdue(today):
        return QBrush(colours.late), QPen(colours.late.darker(140), 1.5)
    return QBrush(colours.background), QPen(colours.today, 2)


class TimelineScene(QGraphicsScene):
    def __init__(self, parent: QWidget | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self.colours = SceneColours.of(theme)
        self.scale = TimeScale.covering([], Zoom.YEAR)
        self.sizes = SceneSizes(text_scale())  # read again at each build: the text size may have changed
        self.rows_height = 0.0
        self._forget_items()

    def _forget_items(self) -> None:
        # The rows laid out: per group, its band's y and its first row's index among all rows; and the rows
        # whose items exist (drawn only near the view), read from the source when first drawn.
        self._source: TimelineSource = ListedRows([])
        self._bands: list[float] = []
        self._firsts: list[int] = []
        self._row_count = 0
        self._drawn: dict[int, tuple[int, list[int], list[QGraphicsItem]]] = {}  # index -> action, milestones, items
        self._row_milestones: Mapping[int, Sequence[MilestoneRecord]] = {}
        self._today = dt.date.min  # set by build, with the rows
        self._code_width = 0.0
        self._marker_x = 8.0
        self._right_margin = float(RIGHT_MARGIN)
        self.bars: dict[int, ActionBar] = {}
        self.labels: dict[int, QGraphicsSimpleTextItem] = {}
        self.late_markers: dict[int, QGraphicsSimpleTextItem] = {}
        self.status_labels: dict[int, QGraphicsSimpleTextItem] = {}  # « 45 % · En cours » after each bar
        self.undated_markers: dict[int, QGraphicsRectItem] = {}
        self.milestones: dict[int, QGraphicsPolygonItem] = {}
        self.axis_bands: dict[int, QGraphicsSimpleTextItem] = {}
        self.year_labels: dict[int, QGraphicsSimpleTextItem] = {}
        self.today_line: QGraphicsLineItem | None = None
        self.today_pill: QGraphicsPathItem | None = None
        self._today_pill: QRectF | None = None
        self.empty_message: QGraphicsSimpleTextItem | None = None

    # -- regions shown by the page's three views ------------------------------------------------
    @property
    def chart_width(self) -> float:
        return self.scale.width + self._right_margin

    @property
    def chart_rect(self) -> QRectF:
        return QRectF(0, 0, self.chart_width, self.rows_height)

    @property
    def label_rect(self) -> QRectF:
        width = self.sizes.label_width
        return QRectF(-width, 0, width, self.rows_height)

    @property
    def header_rect(self) -> QRectF:
        height = self.sizes.header_height
        return QRectF(0, -height, self.chart_width, height)

    # -- building ------------------------------------------------------------------------------
    def build(
        self,
        rows: Sequence[ShownRow],
        milestones: Mapping[int, Sequence[MilestoneRecord]],
        today: dt.date,
        zoom: Zoom,
    ) -> None:
        """Draw these rows (read whole)."""
        self.build_from(ListedRows(rows), milestones, today, zoom)

    def build_from(
        self,
        source: TimelineSource,
        milestones: Mapping[int, Sequence[MilestoneRecord]],
        today: dt.date,
        zoom: Zoom,
    ) -> None:
        self.clear()
        self._forget_items()
        self.sizes = sizes = SceneSizes(text_scale())
        days = [today, *(day for day in source.day_span if day is not None)]
        if isinstance(milestones, MilestoneReader):
            days += [day for day in milestones.span if day is not None]
        else:
            days += [m.due_on for ms in milestones.values() for m in ms if m.due_on is not None]
        self.scale = TimeScale.covering(days, zoom)
        self._right_margin = self._measured_right_margin()
        groups = source.groups
        self._source = source
        self._code_width = self._code_column_width(source.codes)
        self._row_milestones = milestones
        self._today = today
        y = 0.0
        for axis, count in groups:
            self._add_axis_band(axis, count, y)
            self._bands.append(y)
            self._firsts.append(self._row_count)
            self._row_count += count
            y += sizes.axis_row + count * sizes.action_row
        if not groups:
            self.empty_message = self._text(
                translate("Aucune action à afficher : créez des fiches-actions dans le Plan d'action."),
                sizes.font(16, italic=True),
                self.colours.muted,
            )
            self.empty_message.setPos(-sizes.label_width + sizes.px(16), sizes.px(24))
            y = 3 * sizes.action_row
        self.rows_height = y
        self._add_grid(zoom)
        self._add_header(zoom)
        self._add_today(today)
        header_height, label_width = sizes.header_height, sizes.label_width
        separator = self.addLine(0, -header_height, 0, self.rows_height, QPen(self.colours.year_line, 1))
        separator.setZValue(6)
        self.setSceneRect(QRectF(-label_width, -header_height, label_width + self.chart_width, header_height + y))
        self.show_rows(0, 0)
        self.follow_scroll(0)

    def _rows_above(self, y: float, *, including: bool) -> int:
        """How many rows start above scene y (or at it, `including`)."""
        above = 0
        axis_row, action_row = self.sizes.axis_row, self.sizes.action_row
        for band, count in zip(self._bands, (count for _axis, count in self._source.groups), strict=True):
            first = band + axis_row
            if y < first or (y == first and not including):
                break
            steps = (y - first) / action_row
            above += min(count, math.floor(steps) + 1 if including else math.ceil(steps))
        return above

    def _row_place(self, index: int) -> tuple[int, int, float]:
        """The group of the row at this index, its index in the group and its top y."""
        group = bisect.bisect_right(self._firsts, index) - 1
        while self._source.groups[group][1] == 0:  # an empty group starts where the next one does
            group += 1
        within = index - self._firsts[group]
        return group, within, self._bands[group] + self.sizes.axis_row + within * self.sizes.action_row

    def show_rows(self, top: float, bottom: float) -> None:
        """Draw the rows between scene y `top` and `bottom` (what a view shows), and `ROW_MARGIN` rows on
        either side; forget the others' items: the scene holds what is near the view, not the whole plan."""
        first = max(self._rows_above(top, including=True) - 1 - ROW_MARGIN, 0)
        last = min(self._rows_above(bottom, including=False) + ROW_MARGIN, self._row_count)
        for index in [index for index in self._drawn if not first <= index < last]:
            self._forget_row(index)
        new: list[tuple[int, TimelineRow, float, bool]] = []
        index = first
        while index < last:
            if index in self._drawn:
                index += 1
                continue
            group, within, y = self._row_place(index)
            stop = min(last - self._firsts[group], self._source.groups[group][1])
            end = within
            while end < stop and self._firsts[group] + end not in self._drawn:
                end += 1
            for offset, timeline_row in enumerate(self._source.rows(group, within, end)):
                row_y = y + offset * self.sizes.action_row
                new.append((index + offset, timeline_row, row_y, (within + offset) % 2 == 1))
            index = self._firsts[group] + end
        if isinstance(self._row_milestones, MilestoneReader):  # the new rows' milestones in one query
            self._row_milestones.load(timeline_row.row.action.id for _index, timeline_row, _y, _shaded in new)
        for index, timeline_row, y, shaded in new:
            made: list[QGraphicsItem] = []
            milestone_ids = self._add_row(
                timeline_row, y, shaded, self._code_width, self._row_milestones, self._today, made
            )
            self._drawn[index] = (timeline_row.row.action.id, milestone_ids, made)

    def _forget_row(self, index: int) -> None:
        action_id, milestone_ids, items = self._drawn.pop(index)
        for item in items:
            self.removeItem(item)
        for drawn in (self.bars, self.labels, self.late_markers, self.status_labels, self.undated_markers):
            drawn.pop(action_id, None)
        for milestone_id in milestone_ids:
            self.milestones.pop(milestone_id, None)

    @property
    def drawn_rows(self) -> int:
        """How many action rows have their items in the scene."""
        return len(self._drawn)

    def _text(self, text: str, text_font: QFont, colour: QColor) -> QGraphicsSimpleTextItem:
        item = self.addSimpleText(text, text_font)
        item.setBrush(colour)
        return item

    def _measured_right_margin(self) -> float:
        """What may follow a bar ending on the last day: a milestone on it, "100 % · En réflexion" (the widest
        status), "en retard" — in full."""
        sizes = self.sizes
        metrics = QFontMetricsF(sizes.font(PERCENT_FONT_PX))
        percent = max(metrics.horizontalAdvance(status_words(100, status)) for status in ActionStatus)
        late = QFontMetricsF(sizes.font(LATE_FONT_PX, bold=True)).horizontalAdvance(translate("en retard"))
        gap = sizes.label_gap
        return max(sizes.px(RIGHT_MARGIN), sizes.bar_height(0) / 2 + 3 * gap + percent + gap + late + gap)

    def _code_column_width(self, codes: Collection[str]) -> float:
        metrics = QFontMetricsF(self.sizes.font(15, bold=True))
        if len(codes) > 200:
            # Measure exactly only the codes widest by their characters' advances (a national plan has
            # 100,000 codes); kerning changes a code's width by far less than the gap to the 200th.
            advance = {ch: metrics.horizontalAdvance(ch) for ch in set("".join(codes))}

            def rough(code: str) -> float:
                return sum(map(advance.__getitem__, code))

            codes = set(sorted(codes, key=rough, reverse=True)[:200])
        widest = max((metrics.horizontalAdvance(code) for code in codes), default=0.0)
        return min(widest, self.sizes.px(CODE_WIDTH)) + self.sizes.px(12)

    def _add_axis_band(self, axis: AxisRecord, count: int, y: float) -> None:
        sizes = self.sizes
        width, height = sizes.label_width, sizes.axis_row
        colour = QColor(axis.colour)
        band = self.addRect(QRectF(-width, y, width + self.chart_width, height), QPen(Qt.PenStyle.NoPen))
        band.setBrush(light(colour, 0.18))
        band.setZValue(-10)
        stripe = self.addRect(QRectF(-width, y, sizes.px(8), height), QPen(Qt.PenStyle.NoPen), colour)
        stripe.setZValue(-9)
        counted = self._text(translate("{count} action(s)").format(count=count), sizes.font(13), self.colours.muted)
        count_width = counted.boundingRect().width()
        counted.setPos(-sizes.px(12) - count_width, y + (height - counted.boundingRect().height()) / 2)
        text = translate("{code} — {label}").format(code=axis.code, label=axis.label)
        label_font = sizes.font(17, bold=True)
        available = width - sizes.px(20 + 24) - count_width
        elided = QFontMetricsF(label_font).elidedText(text, Qt.TextElideMode.ElideRight, available)
        label = self._text(elided, label_font, colour.darker(150))
        label.setPos(-width + sizes.px(20), y + (height - label.boundingRect().height()) / 2)
        label.setToolTip(html.escape(text))
        self.axis_bands[axis.id] = label

    def _add_row(
        self,
        timeline_row: TimelineRow,
        y: float,
        alternate: bool,
        code_width: float,
        milestones: Mapping[int, Sequence[MilestoneRecord]],
        today: dt.date,
        made: list[QGraphicsItem],
    ) -> list[int]:
        """Add the row's items (listed in `made`); returns the ids of the milestones drawn."""
        row = timeline_row.row
        action = row.action
        colour = QColor(row.axis.colour)
        tooltip = self.action_tooltip(row)
        sizes = self.sizes
        width, height, gap = sizes.label_width, sizes.action_row, sizes.label_gap
        centre_y = y + height / 2
        no_pen = QPen(Qt.PenStyle.NoPen)
        if alternate:
            shade = self.addRect(QRectF(0, y, self.chart_width, height), no_pen, self.colours.alternate_row)
            shade.setZValue(-10)
            made.append(shade)
        # The label cell: clickable as a whole, with the axis colour as a left stripe.
        cell = self.addRect(
            QRectF(-width, y, width, height),
            no_pen,
            self.colours.alternate_row if alternate else self.colours.background,
        )
        cell.setZValue(-10)
        self._make_clickable(cell, action.id, tooltip)
        stripe = self.addRect(QRectF(-width, y, sizes.px(8), height), no_pen, light(colour, 0.6))
        stripe.setZValue(-9)
        made += [cell, stripe]
        left = -width + sizes.px(20) + sizes.indent * timeline_row.depth
        code_font = sizes.font(15 if timeline_row.depth == 0 else 14, bold=True)
        title_font = sizes.font(15 if timeline_row.depth == 0 else 14)
        if timeline_row.depth:
            hook_x = left - sizes.indent + sizes.px(6)
            hook = self.addPath(self._hook_path(hook_x, y, centre_y), QPen(self.colours.muted, 1.2))
            hook.setZValue(-8)
            made.append(hook)
        code = self._text(action.code or "", code_font, self.colours.text)
        code.setPos(left, centre_y - code.boundingRect().height() / 2)
        self._make_clickable(code, action.id, tooltip)
        title_left = left + code_width if action.code else left
        available = -sizes.px(12) - title_left
        elided = QFontMetricsF(title_font).elidedText(action.title, Qt.TextElideMode.ElideRight, available)
        title = self._text(elided, title_font, self.colours.text)
        title.setPos(title_left, centre_y - title.boundingRect().height() / 2)
        self._make_clickable(title, action.id, tooltip)
        self.labels[action.id] = title
        made += [code, title]

        bar_height = sizes.bar_height(timeline_row.depth)
        after_x: float
        if action.planned_start is not None and action.planned_end is not None:
            start = self.scale.x(action.planned_start)
            end = max(self.scale.x(action.planned_end + dt.timedelta(days=1)), start + 3)
            bar = ActionBar(
                QRectF(start, centre_y - bar_height / 2, end - start, bar_height),
                colour,
                action.progress,
                row.late,
                self.colours.late,
            )
            if action.status is ActionStatus.ABANDONNEE:
                bar.setOpacity(0.45)
            self.addItem(bar)
            self._make_clickable(bar, action.id, tooltip)
            self.bars[action.id] = bar
            made.append(bar)
            after_x = end + gap
            for milestone in milestones.get(action.id, ()):
                if milestone.due_on is not None and abs(self._milestone_x(milestone.due_on) - end) < bar_height:
                    after_x = max(after_x, self._milestone_x(milestone.due_on) + bar_height / 2 + gap)
            # The progress and the status in words: the bar's colour is its axis's, its fill its progress.
            shown = status_words(action.progress, action.status)
            percent = self._text(shown, sizes.font(PERCENT_FONT_PX), self.colours.muted)
            following = percent.boundingRect().width() + gap
            if row.late:
                late_font = sizes.font(LATE_FONT_PX, bold=True)
                following += QFontMetricsF(late_font).horizontalAdvance(translate("en retard"))
            if after_x + following > self.chart_width:
                after_x = max(start - gap - following, gap)  # never cut at the right edge: before the bar
            percent.setPos(after_x, centre_y - percent.boundingRect().height() / 2)
            percent.setZValue(3)
            self._make_clickable(percent, action.id, tooltip)
            self.status_labels[action.id] = percent
            made.append(percent)
            after_x += percent.boundingRect().width() + gap
        else:
            after_x = self._add_undated_marker(row, centre_y, bar_height, tooltip)
            made.append(self.undated_markers[action.id])
        if row.late:
            marker = self._text(translate("en retard"), sizes.font(LATE_FONT_PX, bold=True), self.colours.late)
            marker.setPos(after_x, centre_y - marker.boundingRect().height() / 2)
            marker.setZValue(3)
            self._make_clickable(marker, action.id, tooltip)
            self.late_markers[action.id] = marker
            made.append(marker)
        drawn = []
        for milestone in milestones.get(action.id, ()):
            item = self._add_milestone(milestone, action.id, centre_y, bar_height, today)
            if item is not None:
                made.append(item)
                drawn.append(milestone.id)
        return drawn

    def _hook_path(self, x: float, y: float, centre_y: float) -> QPainterPath:
        """The └ that ties a sous-action to its parent above."""
        path = QPainterPath(QPointF(x, y))
        path.lineTo(x, centre_y)
        path.lineTo(x + self.sizes.indent - self.sizes.px(10), centre_y)
        return path

    def _add_undated_marker(self, row: ShownRow, centre_y: float, bar_height: float, tooltip: str) -> float:
        action = row.action
        if action.planned_start is None and action.planned_end is None:
            text = translate("sans dates")
        elif action.planned_start is None:
            text = translate("sans date de début")
        else:
            text = translate("sans date de fin")
        sizes = self.sizes
        marker = self.addRect(
            QRectF(0, -bar_height / 2, sizes.px(60), bar_height), QPen(self.colours.muted, 1, Qt.PenStyle.DashLine)
        )
        marker.setBrush(QBrush(self.colours.muted, Qt.BrushStyle.BDiagPattern))
        caption = QGraphicsSimpleTextItem(text, marker)
        caption.setFont(sizes.font(14, italic=True))
        caption.setBrush(self.colours.muted)
        caption.setPos(sizes.px(68), -caption.boundingRect().height() / 2)
        # Placed at the left of what is shown; follow_scroll keeps it there.
        marker.setPos(self._marker_x, centre_y)
        marker.setZValue(3)
        self._make_clickable(marker, action.id, tooltip)
        self.undated_markers[action.id] = marker
        return sizes.px(8 + 68) + caption.boundingRect().width() + sizes.px(10)

    def follow_scroll(self, visible_left: float) -> None:
        """Keep in view, when the chart scrolls sideways, the "sans dates" markers and the year of the
        part of the time scale shown (beside the "aujourd'hui" pill rather than under it)."""
        margin = self.sizes.px(8)
        left = max(visible_left, 0.0) + margin
        self._marker_x = left
        for marker in self.undated_markers.values():
            marker.setX(left)
        for year, label in self.year_labels.items():
            start, end = self.scale.x(dt.date(year, 1, 1)), self.scale.x(dt.date(year + 1, 1, 1))
            bounds = label.boundingRect()
            x = max(start + margin, left)
            if self._today_pill is not None and self._today_pill.intersects(
                QRectF(x, label.y(), bounds.width(), bounds.height())
            ):
                x = self._today_pill.right() + self.sizes.px(6)
            label.setX(min(x, end - bounds.width() - margin))
            label.setVisible(left <= end - bounds.width() - margin)  # no half-cut year at the left edge

    def _add_milestone(
        self, milestone: MilestoneRecord, action_id: int, centre_y: float, bar_height: float, today: dt.date
    ) -> QGraphicsPolygonItem | None:
        if milestone.due_on is None:
            return None
        x = self._milestone_x(milestone.due_on)
        item = self.addPolygon(diamond(QPointF(x, centre_y), bar_height / 2 + self.sizes.px(3)))
        brush, pen = milestone_style(milestone, today, self.colours)
        item.setBrush(brush)
        item.setPen(pen)
        item.setZValue(4)
        self._make_clickable(item, action_id, self.milestone_tooltip(milestone, today))
        self.milestones[milestone.id] = item
        return item

    def _milestone_x(self, day: dt.date) -> float:
        return self.scale.x(day) + self.scale.pixels_per_day / 2

    def _make_clickable(self, item: QGraphicsItem, action_id: int, tooltip: str) -> None:
        item.setData(ACTION_ID, action_id)
        item.setToolTip(tooltip)
        item.setCursor(Qt.CursorShape.PointingHandCursor)

    # -- time scale --------------------------------------------------------------------------------
    def _minor_ticks(self, zoom: Zoom) -> list[tuple[dt.date, dt.date, str]]:
        """(start, end, label) of the header's second row: quarters, or months."""
        ticks = []
        for year in range(self.scale.start.year, self.scale.end.year):
            if zoom is Zoom.YEAR:
                for quarter in range(4):
                    start = dt.date(year, 3 * quarter + 1, 1)
                    end = dt.date(year + 1, 1, 1) if quarter == 3 else dt.date(year, 3 * quarter + 4, 1)
                    ticks.append((start, end, translate("T{quarter}").format(quarter=quarter + 1)))
                continue
            for month in range(1, 13):
                start = dt.date(year, month, 1)
                end = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
                if zoom is Zoom.QUARTER:
                    label = FRENCH.monthName(month, QLocale.FormatType.ShortFormat)
                else:
                    label = FRENCH.monthName(month, QLocale.FormatType.LongFormat)
                ticks.append((start, end, label))
        return ticks

    def _years(self) -> range:
        return range(self.scale.start.year, self.scale.end.year)

    def _add_grid(self, zoom: Zoom) -> None:
        for start, _end, _label in self._minor_ticks(zoom):
            line = self.addLine(
                self.scale.x(start), 0, self.scale.x(start), self.rows_height, QPen(self.colours.minor_line, 1)
            )
            line.setZValue(-6)
        for year in self._years():
            x = self.scale.x(dt.date(year, 1, 1))
            line = self.addLine(x, 0, x, self.rows_height, QPen(self.colours.year_line, 1))
            line.setZValue(-5)

    def _add_header(self, zoom: Zoom) -> None:
        background = self.addRect(self.header_rect, QPen(Qt.PenStyle.NoPen), self.colours.header_background)
        background.setZValue(-10)
        sizes = self.sizes
        row, height = sizes.header_row, sizes.header_height
        self.addLine(0, -row, self.chart_width, -row, QPen(self.colours.minor_line, 1))
        self.addLine(0, -0.5, self.chart_width, -0.5, QPen(self.colours.year_line, 1))
        year_font = sizes.font(15, bold=True)
        for year in self._years():
            x = self.scale.x(dt.date(year, 1, 1))
            self.addLine(x, -height, x, 0, QPen(self.colours.year_line, 1))
            label = self._text(str(year), year_font, self.colours.text)
            label.setPos(x + sizes.px(8), -height + (row - label.boundingRect().height()) / 2)
            self.year_labels[year] = label
        tick_font = sizes.font(13)
        metrics = QFontMetricsF(tick_font)
        for start, end, text in self._minor_ticks(zoom):
            left, right = self.scale.x(start), self.scale.x(end)
            if start.month != 1:
                self.addLine(left, -row, left, 0, QPen(self.colours.minor_line, 1))
            if metrics.horizontalAdvance(text) > right - left - 4:
                continue
            label = self._text(text, tick_font, self.colours.muted)
            width = label.boundingRect().width()
            label.setPos((left + right - width) / 2, -row + (row - label.boundingRect().height()) / 2)

    def _add_today(self, today: dt.date) -> None:
        x = self.scale.x(today) + self.scale.pixels_per_day / 2
        # The line runs through the rows; in the header, the pill alone says where today is (above the ticks,
        # never over a bar or a tick's label).
        line = self.addLine(x, 0, x, self.rows_height, QPen(self.colours.today, 2, Qt.PenStyle.DashLine))
        line.setZValue(2)
        line.setToolTip(translate("Aujourd'hui : {date}").format(date=format_date(today)))
        self.today_line = line
        text = translate("aujourd'hui")
        sizes = self.sizes
        row, height = sizes.header_row, sizes.header_height
        pill_font = sizes.font(13, bold=True)
        width = QFontMetricsF(pill_font).horizontalAdvance(text) + sizes.px(16)
        pill_rect = QRectF(x - width / 2, -height + sizes.px(3), width, row - sizes.px(6))
        path = QPainterPath()
        path.addRoundedRect(pill_rect, sizes.px(9), sizes.px(9))
        pill = QGraphicsPathItem(path)
        pill.setBrush(self.colours.today)
        pill.setPen(QPen(Qt.PenStyle.NoPen))
        pill.setZValue(5)
        pill.setToolTip(line.toolTip())
        self.addItem(pill)
        caption = QGraphicsSimpleTextItem(text, pill)
        caption.setFont(pill_font)
        caption.setBrush(self.colours.background)
        bounds = caption.boundingRect()
        caption.setPos(x - bounds.width() / 2, -height + (row - bounds.height()) / 2)
        self._today_pill = pill_rect
        self.today_pill = pill

    # -- tooltips ----------------------------------------------------------------------------------
    def action_tooltip(self, row: ShownRow) -> str:
        action = row.action
        title = html.escape(f"{action.code} — {action.title}" if action.code else action.title)
        lines = [f"<b>{title}</b>", html.escape(translate("Axe : {axis}").format(axis=row.axis.label))]
        lines.append(html.escape(translate("Statut : {status}").format(status=action.status.label)))
        if row.lead_name:
            lines.append(html.escape(translate("Porteur : {lead}").format(lead=row.lead_name)))
        if action.planned_start is None and action.planned_end is None:
            lines.append(html.escape(translate("Dates prévues non renseignées")))
        else:
            dates = translate("Du {start} au {end}").format(
                start=format_date(action.planned_start), end=format_date(action.planned_end)
            )
            lines.append(html.escape(dates))
        progress = format_percent(action.progress / 100)
        lines.append(html.escape(translate("Avancement : {progress}").format(progress=progress)))
        if row.late:
            late = translate("En retard : la fin prévue est dépassée")
            lines.append(f'<span style="color:{self.colours.late.name()}"><b>{html.escape(late)}</b></span>')
        return "<br/>".join(lines)

    def milestone_tooltip(self, milestone: MilestoneRecord, today: dt.date) -> str:
        lines = [
            f"<b>{html.escape(translate('Jalon : {title}').format(title=milestone.title))}</b>",
            html.escape(translate("Échéance : {date}").format(date=format_date(milestone.due_on))),
        ]
        if milestone.done_on is not None:
            lines.append(html.escape(translate("Atteint le {date}").format(date=format_date(milestone.done_on))))
        elif milestone.is_overdue(today):
            overdue = html.escape(translate("En retard : échéance dépassée"))
            lines.append(f'<span style="color:{self.colours.late.name()}"><b>{overdue}</b></span>')
        else:
            lines.append(html.escape(translate("À venir")))
        return "<br/>".join(lines)


def legend_icon(kind: str, theme: Theme = LIGHT) -> QPixmap:
    """Small pictures for the page's legend, painted like the scene's items: 'bar', 'late',
    'milestone-done', 'milestone-due', 'milestone-overdue'."""
    pixmap = QPixmap(34, 20)
    pixmap.fill(Qt.GlobalColor.transparent)
    colours = SceneColours.of(theme)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if kind in ("bar", "late"):
        bar = ActionBar(QRectF(2, 4, 30, 12), colours.sample_bar, 50, kind == "late", colours.late)
        bar.paint(painter, QStyleOptionGraphicsItem())
    else:
        due = dt.date(2100, 1, 1) if kind == "milestone-due" else dt.date(2000, 1, 1)
        done = due if kind == "milestone-done" else None
        sample = MilestoneRecord(0, 0, "", due, done, 0, dt.datetime.min, dt.datetime.min)
        brush, pen = milestone_style(sample, dt.date(2050, 1, 1), colours)
        painter.setBrush(brush)
        painter.setPen(pen)
        painter.drawPolygon(diamond(QPointF(17, 10), 8))
    painter.end()
    return pixmap
