"""The dashboard's figures for every reader: rows of tiles that wrap rather than cut a figure, and the chart's
counts as words and as a table (« Voir les chiffres ») — the same per-axis counts the chart draws, read once."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QWidget

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import AxisRecord
from ti_desktop.domain.summaries import StatusCounts
from ti_desktop.gui.models.records import Column, RecordTableModel
from ti_desktop.gui.theme import LIGHT, Theme
from ti_desktop.kernel.formatting import format_number

TILES_PER_ROW = 5  # at most, on a wide screen (a row of more tiles keeps them all on one line when they fit)


def tr(text: str) -> str:
    return QCoreApplication.translate("DashboardFigures", text)


# -- rows of tiles -------------------------------------------------------------------------------------------------
class TileRow(QWidget):
    """Figure tiles side by side, as many to a line as fit whole; the others go to the next line. A short row
    keeps its tiles as wide as a full row's."""

    def __init__(self, tiles: Sequence[QWidget], spacing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = list(tiles)
        self.most = max(len(self.tiles), TILES_PER_ROW)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(spacing)
        # The row's minimum is one tile, not a line of them: it wraps when the page is narrow.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.columns = 0
        self._arrange(self.most)

    def tile_width(self) -> int:
        """The narrowest width at which every tile shows its figure whole."""
        return max((max(tile.minimumSizeHint().width(), tile.minimumWidth()) for tile in self.tiles), default=0)

    def columns_for(self, width: int) -> int:
        spacing = self.grid.horizontalSpacing()
        fit = (width + spacing) // max(1, self.tile_width() + spacing)
        return max(1, min(self.most, fit))

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for position, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, position // columns, position % columns)
        for column in range(self.most):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.updateGeometry()

    def refit(self) -> None:
        """Arrange the tiles again for the row's width (their figures or their fonts changed)."""
        self._arrange(self.columns_for(self.width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.tile_width(), self.grid.minimumSize().height())

    def sizeHint(self) -> QSize:
        hint = self.grid.sizeHint()
        return QSize(hint.width(), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self.columns_for(event.size().width()))


# -- the chart's counts, in words and in a table -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AxisFigures:
    """One axis's actions by status: a bar of the chart, a row of its table, a sentence of its description."""

    axis: AxisRecord
    counts: StatusCounts


def axis_figures(axes: Sequence[AxisRecord], counts: Mapping[int, StatusCounts]) -> list[AxisFigures]:
    """The chart's bars, in the axes' order (an axis without actions counts zeros)."""
    return [AxisFigures(axis, counts.get(axis.id, StatusCounts({}))) for axis in axes]


def axis_sentence(row: AxisFigures) -> str:
    """« Innovation : 11 action(s) — 1 en réflexion, 5 en cours, 2 réalisée »."""
    total = tr("{axis} : {count} action(s)").format(axis=row.axis.label, count=format_number(row.counts.total))
    parts = [
        f"{format_number(row.counts.count(status))} {status.label.lower()}"
        for status in ActionStatus
        if row.counts.count(status)
    ]
    return f"{total} — {', '.join(parts)}" if parts else total


def chart_description(rows: Sequence[AxisFigures]) -> str:
    """What the chart shows, said in words (its accessible description)."""
    if not rows:
        return tr("Aucun axe : le graphique est vide.")
    return " ; ".join(axis_sentence(row) for row in rows) + "."


def status_count(status: ActionStatus) -> Callable[[AxisFigures], str]:
    """A row's count of actions of `status`, as the table writes it."""
    return lambda row: format_number(row.counts.count(status))


def figures_model(parent: QWidget | None = None, theme: Theme = LIGHT) -> RecordTableModel[AxisFigures]:
    """The table « Voir les chiffres »: one row per axis, one column per status, and the total."""
    columns: list[Column[AxisFigures]] = [Column(tr("Axe"), lambda row: row.axis.label)]
    columns += [Column(status.label, status_count(status), right_aligned=True) for status in ActionStatus]
    columns.append(Column(tr("Total"), lambda row: format_number(row.counts.total), right_aligned=True))
    return RecordTableModel(columns, parent, theme=theme)
