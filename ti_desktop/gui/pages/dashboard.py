"""Tableau de bord: the plan at a glance — key figures, actions per axis and status, what is late or due,
pending decisions and the latest changes. Every figure opens the plan filtered on what it counts."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain.enums import STARTED_STATUSES, ActionStatus
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.domain.records import ActionRecord, AxisRecord, DecisionRecord
from ti_desktop.domain.summaries import PlanSummary, StatusCounts
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.forms.ui_figure_tile import Ui_FigureTile
from ti_desktop.gui.forms.ui_list_section import Ui_ListSection
from ti_desktop.gui.history_text import (
    PlanNamesServices,
    change_line,
    format_timestamp,
    plan_names,
    qt_translate,
    record_namer,
    reference_resolver,
)
from ti_desktop.gui.models.records import ACTION_ID_ROLE, ERROR_TEXT, Column, RecordTableModel
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.pages.dashboard_figures import TileRow, axis_figures, chart_description, figures_model
from ti_desktop.gui.status_colours import STATUS_COLOURS
from ti_desktop.gui.tables import read_only_table
from ti_desktop.gui.theme import (
    LIGHT,
    PRIMARY,
    SUMMARY_WARNING,
    Role,
    Theme,
    apply_roles,
    scaled_font,
    set_role,
    set_summary,
)
from ti_desktop.kernel.formatting import format_date, format_euros, format_number, format_percent, format_ttc_part
from ti_desktop.services.summary import MilestoneWithAction
from ti_desktop.services.use_cases import HasHistory, HasMeetings, HasSteering, HasSummary, HasTerritories

if TYPE_CHECKING:  # QtCharts is loaded only when the chart is built, after the figures show
    from ti_desktop.gui.pages.dashboard_chart import AxisStatusChart
    from ti_desktop.services.meetings import DecisionRow as PendingDecision

RowT = TypeVar("RowT")
Index = QModelIndex | QPersistentModelIndex

RECENT_CHANGES = 15
PENDING_SHOWN = 5  # pending decisions listed in the tile's tooltip
HORIZON_DAYS = 60
# Rows read for the late actions and milestones lists: a screenful and more; the heading counts them all.
LIST_SHOWN = 100
# Page widths (px) from which blocks sit side by side: the money tiles, then the chart's legend, need room.
WIDE_FIGURES = 1700
WIDE_CHART = 1250


# -- read-only tables --------------------------------------------------------------------------------------------------
def cut_column(
    header: str,
    text: Callable[[RowT], str],
    *,
    stretch: bool = False,
    right_aligned: bool = False,
    colour: Callable[[RowT], str | None] | None = None,
) -> Column[RowT]:
    """A column whose tooltip is its whole text, for the cells the table cuts."""
    return Column(header, text, right_aligned, colour, tooltip=text, stretch=stretch)


@dataclass(frozen=True, slots=True)
class DecisionRow:
    decision: DecisionRecord
    owner: str
    action_code: str | None


@dataclass(frozen=True, slots=True)
class ChangeRow:
    when: str
    who: str
    what: str
    action_id: int | None  # None when the action no longer exists


class NamesWhenAsked(Mapping[str, Mapping[int, str]]):
    """Names by kind of record (`plan_names`), `given` ones first; the others read, every kind at once, only when
    one is first asked for: the latest changes seldom name an actor, an axis or a custom field."""

    def __init__(
        self, given: Mapping[str, Mapping[int, str]], read: Callable[[], Mapping[str, Mapping[int, str]]]
    ) -> None:
        self._given = given
        self._read = read
        self._every: Mapping[str, Mapping[int, str]] | None = None

    def _all(self) -> Mapping[str, Mapping[int, str]]:
        if self._every is None:
            self._every = {**self._read(), **self._given}
        return self._every

    def __getitem__(self, kind: str) -> Mapping[int, str]:
        return self._given[kind] if kind in self._given else self._all()[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


# -- widgets -----------------------------------------------------------------------------------------------------------
def widget_font(widget: QWidget, scale: float, bold: bool = False) -> QFont:
    """`widget`'s font, `scale` (one of the theme's `Sizes`) times as large."""
    return scaled_font(widget.font(), scale, bold)


# A tile's left edge (its colour) and frame, in pixels: drawn by its style sheet, counted in its minimum width.
TILE_EDGE_PX = 6
TILE_FRAME_PX = 1


class FigureTile(QFrame):
    """A key figure in large type, its caption below; when clickable, a click (or Space/Enter) opens the plan."""

    clicked = Signal()

    def __init__(
        self, caption: str, accent: str, tooltip: str | None, parent: QWidget | None = None, theme: Theme = LIGHT
    ) -> None:
        """`accent`: the colour (`#rrggbb`) of the tile's left edge. Laid out in ui/figure_tile.ui."""
        super().__init__(parent)
        self.ui = ui = Ui_FigureTile()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.setObjectName("tile")
        self.clickable = tooltip is not None
        sizes = theme.sizes
        self.value_label = ui.valueLabel
        self.value_label.setFont(widget_font(self, sizes.figure_value_scale, bold=True))
        self.caption = caption
        self.caption_label = ui.captionLabel
        self.caption_label.setText(caption)
        self.setAccessibleName(caption)
        self.caption_label.setFont(widget_font(self, sizes.caption_scale, bold=True))
        self.note_label = ui.noteLabel
        self.note_label.setFont(widget_font(self, sizes.note_scale))
        set_role(self.note_label, Role.HINT)
        hover = ""
        if tooltip is not None:
            self.setToolTip(tooltip)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setAttribute(Qt.WidgetAttribute.WA_Hover)
            hover = (
                f"QFrame#tile:hover {{ background: {theme.hover_background}; border-color: {theme.accent};"
                f" border-left: {TILE_EDGE_PX}px solid {accent}; }}"
                f"QFrame#tile:focus {{ border: {2 * TILE_FRAME_PX}px solid {theme.accent};"
                f" border-left: {TILE_EDGE_PX}px solid {accent}; }}"
            )
        self.setStyleSheet(
            f"QFrame#tile {{ background: palette(base); border: {TILE_FRAME_PX}px solid {theme.border};"
            f" border-left: {TILE_EDGE_PX}px solid {accent}; border-radius: 6px; }}" + hover
        )

    def set_value(self, value: str, note: str = "", alert: bool = False) -> None:
        """`alert`: the value is written in the theme's error colour (something is late). A screen reader says
        « Financements acquis : 1 250 000 € », then the note."""
        self.value_label.setText(value)
        set_role(self.value_label, Role.ERROR if alert else None)
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        self.setAccessibleName(self.tr("{caption} : {value}").format(caption=self.caption, value=value))
        self.setAccessibleDescription(note.replace("\n", " ; "))
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        """Wide enough for the figure whole (its frame and coloured edge, drawn by the style sheet, included)."""
        hint = super().minimumSizeHint()
        margins = self.ui.tileLayout.contentsMargins()
        figure = self.value_label.fontMetrics().horizontalAdvance(self.value_label.text())
        width = figure + margins.left() + margins.right() + TILE_EDGE_PX + 2 * TILE_FRAME_PX
        return QSize(max(hint.width(), width), hint.height())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            self.clickable
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.clicked.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.clickable and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ListSection(QWidget):
    """A titled, read-only table with its row count, or a sentence when there is nothing to list."""

    action_requested = Signal(int)

    def __init__(
        self, title: str, empty_text: str, model: RecordTableModel[Any], visible_rows: int, theme: Theme = LIGHT
    ) -> None:
        """Laid out in ui/list_section.ui; `theme`: its heading's size."""
        super().__init__()
        self.ui = ui = Ui_ListSection()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self._title = title
        self._visible_rows = visible_rows
        self.heading = ui.headingLabel
        self.heading.setFont(widget_font(self, theme.sizes.heading_scale, bold=True))
        self.empty_label = ui.emptyLabel
        self.empty_label.setText(empty_text)
        set_role(self.empty_label, Role.HINT)
        # « … et 1 234 autres » under a list read only in part.
        self.more_label = QLabel()
        set_role(self.more_label, Role.HINT)
        self.more_label.setVisible(False)
        ui.sectionLayout.insertWidget(ui.sectionLayout.indexOf(ui.tableView) + 1, self.more_label)
        self.view = read_only_table(ui.tableView)
        self.view.setModel(model)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Each column as wide as its header and first rows, measured once per reload (refresh): in ResizeToContents
        # mode Qt measured them again at every layout pass of the page's first show (four times a reload).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setResizeContentsPrecision(100)  # size columns on the first rows: long lists stay instant
        self._fitted = [position for position, column in enumerate(model.columns) if not column.stretch]
        for position, column in enumerate(model.columns):
            if column.stretch:
                header.setSectionResizeMode(position, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._open)
        # Enter on a row opens it too, as a double-click does.
        open_row = QAction(self.view)
        open_row.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_row.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_row.triggered.connect(lambda: self._open(self.view.currentIndex()))
        self.view.addAction(open_row)

    def refresh(self, total: int | None = None) -> None:
        """Update the heading's count and fit the table's height to its rows (up to `visible_rows`).

        `total`: how many there are when the table lists only the first ones (the others are said below it)."""
        rows = self.view.model().rowCount()
        count = rows if total is None else max(total, rows)
        self.heading.setText(f"{self._title} ({count})")
        self.empty_label.setVisible(count == 0)
        self.view.setVisible(count > 0)
        for position in self._fitted:
            self.view.resizeColumnToContents(position)
        left_out = count - rows
        self.more_label.setText(self.tr("… et {0} autre(s), à voir dans le plan").format(format_number(left_out)))
        self.more_label.setVisible(left_out > 0)
        shown = max(1, min(rows, self._visible_rows))
        row_height = self.view.verticalHeader().defaultSectionSize()
        height = self.view.horizontalHeader().sizeHint().height() + shown * row_height + 2 * self.view.frameWidth()
        self.view.setFixedHeight(height + 2)

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        action_id = index.data(ACTION_ID_ROLE)
        if action_id is not None:
            self.action_requested.emit(int(action_id))


# -- the page ----------------------------------------------------------------------------------------------------------
class DashboardPageServices(
    PlanNamesServices, HasHistory, HasMeetings, HasSteering, HasSummary, HasTerritories, Protocol
):
    """What DashboardPage uses."""


class DashboardPage(Page):
    def __init__(self, context: AppContext, services: DashboardPageServices, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.services = services
        self._build_tiles()
        self._chart: AxisStatusChart | None = None
        self._chart_data: tuple[list[AxisRecord], dict[int, StatusCounts]] = ([], {})
        self._build_models()
        self._build_layout()

    def title(self) -> str:
        return self.tr("Tableau de bord")

    # -- the chart, built once the figures show ------------------------------------------------
    @property
    def chart(self) -> AxisStatusChart:
        """The chart of actions per axis and status (built now if it is not yet)."""
        if self._chart is None:
            from ti_desktop.gui.pages.dashboard_chart import AxisStatusChart  # QtCharts: loaded late

            self._chart = AxisStatusChart(theme=self.context.theme)
            self._chart.setAccessibleName(self.tr("Graphique des actions par axe et par statut"))
            self._chart.segment_clicked.connect(self._on_segment_clicked)
            self._chart.set_data(*self._chart_data)
            self._chart.setAccessibleDescription(chart_description(self.figures_model.records()))
            self.chart_box.insertWidget(self.chart_box.indexOf(self.figures_view), self._chart, 1)
            self._chart.show()  # now, not at the layout's next turn
        return self._chart

    def chart_built(self) -> bool:
        return self._chart is not None

    def _build_chart(self) -> None:
        if self._chart is None:
            self.chart  # noqa: B018 - the property builds it

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._chart is None:
            QTimer.singleShot(0, self._build_chart)  # after the figures' first paint

    # -- building ------------------------------------------------------------------------------
    def _tile(self, caption: str, accent: str, tooltip: str | None, criteria: dict[str, Any] | None) -> FigureTile:
        tile = FigureTile(caption, accent, tooltip, theme=self.context.theme)
        if criteria is not None:
            tile.clicked.connect(lambda: self.show_in_plan(**criteria))
        return tile

    def _build_tiles(self) -> None:
        theme = self.context.theme
        neutral, money, late = theme.accent, theme.success, theme.error
        see = self.tr("Voir ces actions dans le plan")
        see_all = self.tr("Voir toutes les actions dans le plan")
        self.status_tiles = {
            status: self._tile(status.label, STATUS_COLOURS[status], see, {"statuses": frozenset({status})})
            for status in ActionStatus
        }
        self.total_tile = self._tile(self.tr("Actions au plan"), neutral, see_all, {})
        self.started_tile = self._tile(
            self.tr("Actions engagées"), STATUS_COLOURS[ActionStatus.EN_COURS], see, {"statuses": STARTED_STATUSES}
        )
        self.late_tile = self._tile(self.tr("Actions en retard"), late, see, {"late_only": True})
        # Jobs are counted on every action that is not abandoned.
        not_abandoned = frozenset(ActionStatus) - {ActionStatus.ABANDONNEE}
        self.jobs_tile = self._tile(self.tr("Emplois visés"), neutral, see, {"statuses": not_abandoned})
        # Targeted vs achieved (constatés), as the programme reports them nationally.
        self.jobs_created_tile = self._tile(
            self.tr("Emplois créés (constatés)"), neutral, see, {"filled": frozenset({"jobs_created"})}
        )
        self.induced_tile = self._tile(
            self.tr("Investissement induit"), money, see, {"filled": frozenset({"induced_investment"})}
        )
        self.achieved_tile = self._tile(
            self.tr("Investissement réalisé"), money, see, {"filled": frozenset({"achieved_investment"})}
        )
        self.budget_tile = self._tile(self.tr("Budget prévisionnel"), money, see_all, {})
        self.requested_tile = self._tile(self.tr("Financements demandés"), money, see_all, {})
        self.granted_tile = self._tile(self.tr("Financements acquis"), money, see_all, {})
        self.paid_tile = self._tile(self.tr("Financements versés"), money, see_all, {})
        self.coverage_tile = self._tile(self.tr("Couverture du budget"), money, see_all, {})
        # Opens the Relevé de décisions (Réunions page) on the pending decisions.
        self.decisions_tile = FigureTile(
            self.tr("Décisions en attente"), theme.decision, self.tr("Voir le relevé"), theme=theme
        )
        self.decisions_tile.clicked.connect(self.open_decision_register)

    def _build_models(self) -> None:
        self.late_model: RecordTableModel[ActionRecord] = RecordTableModel(
            [
                cut_column(self.tr("Code"), lambda a: a.code or ""),
                cut_column(self.tr("Action"), lambda a: a.title, stretch=True),
                cut_column(self.tr("Fin prévue"), lambda a: format_date(a.planned_end)),
                cut_column(
                    self.tr("Jours de retard"),
                    lambda a: format_number((self.context.today - a.planned_end).days) if a.planned_end else "—",
                    right_aligned=True,
                    colour=lambda a: ERROR_TEXT,
                ),
            ],
            self,
            action_id=lambda a: a.id,
            theme=self.context.theme,
        )
        milestone_columns: list[Column[MilestoneWithAction]] = [
            cut_column(self.tr("Échéance"), lambda m: format_date(m.milestone.due_on)),
            cut_column(self.tr("Jalon"), lambda m: m.milestone.title, stretch=True),
            cut_column(self.tr("Action"), lambda m: m.action.code or m.action.title),
        ]
        overdue_columns = [
            replace(c, colour=(lambda m: ERROR_TEXT) if i == 0 else None) for i, c in enumerate(milestone_columns)
        ]
        self.overdue_model: RecordTableModel[MilestoneWithAction] = RecordTableModel(
            overdue_columns, self, action_id=lambda m: m.action.id, theme=self.context.theme
        )
        self.upcoming_model: RecordTableModel[MilestoneWithAction] = RecordTableModel(
            milestone_columns, self, action_id=lambda m: m.action.id, theme=self.context.theme
        )
        self.decisions_model: RecordTableModel[DecisionRow] = RecordTableModel(
            [
                cut_column(self.tr("Décision"), lambda d: d.decision.text, stretch=True),
                cut_column(
                    self.tr("Échéance"),
                    lambda d: format_date(d.decision.due_on),
                    colour=lambda d: (
                        ERROR_TEXT if d.decision.due_on and d.decision.due_on < self.context.today else None
                    ),
                ),
                cut_column(self.tr("Responsable"), lambda d: d.owner),
                cut_column(self.tr("Action"), lambda d: d.action_code or "—"),
            ],
            self,
            action_id=lambda d: d.decision.action_id if d.action_code else None,
            theme=self.context.theme,
        )
        self.changes_model: RecordTableModel[ChangeRow] = RecordTableModel(
            [
                cut_column(self.tr("Quand"), lambda c: c.when),
                cut_column(self.tr("Qui"), lambda c: c.who),
                cut_column(self.tr("Quoi"), lambda c: c.what, stretch=True),
            ],
            self,
            action_id=lambda c: c.action_id,
            theme=self.context.theme,
        )
        self.late_section = ListSection(
            self.tr("Actions en retard"), self.tr("Aucune action en retard."), self.late_model, 10, self.context.theme
        )
        self.overdue_section = ListSection(
            self.tr("Jalons dépassés"), self.tr("Aucun jalon dépassé."), self.overdue_model, 10, self.context.theme
        )
        self.upcoming_section = ListSection(
            self.tr("Jalons des {0} prochains jours").format(HORIZON_DAYS),
            self.tr("Aucun jalon dans les {0} prochains jours.").format(HORIZON_DAYS),
            self.upcoming_model,
            10,
            self.context.theme,
        )
        self.decisions_section = ListSection(
            self.tr("Décisions à mettre en œuvre"),
            self.tr("Aucune décision en attente."),
            self.decisions_model,
            10,
            self.context.theme,
        )
        self.changes_section = ListSection(
            self.tr("Dernières modifications"),
            self.tr("Aucune modification enregistrée."),
            self.changes_model,
            15,
            self.context.theme,
        )
        for section in self._sections():
            section.action_requested.connect(self.context.open_action)

    def _sections(self) -> list[ListSection]:
        return [
            self.late_section,
            self.overdue_section,
            self.upcoming_section,
            self.decisions_section,
            self.changes_section,
        ]

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setFont(widget_font(self, self.context.theme.sizes.heading_scale, bold=True))
        return label

    def _tile_row(self, tiles: Sequence[FigureTile]) -> TileRow:
        row = TileRow(tiles, self.context.theme.sizes.tile_spacing_px)
        self.tile_rows.append(row)
        return row

    def _build_start_pointer(self) -> QWidget:
        """Above the zeros of a territory without actions: where to start (the « Prise en main » guide)."""
        box = QFrame()
        box.setObjectName("par-ou-commencer")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.start_label = QLabel(
            self.tr(
                "Ce territoire n'a encore aucune action : les chiffres ci-dessous sont à zéro. Pour commencer, "
                "suivez la prise en main (territoire, diagnostic, puis plan d'action)."
            )
        )
        self.start_label.setWordWrap(True)
        set_summary(self.start_label, SUMMARY_WARNING)
        self.start_button = QPushButton(self.tr("Prise en main…"))
        self.start_button.setAccessibleDescription(self.start_label.text())
        set_role(self.start_button, PRIMARY)
        self.start_button.clicked.connect(self.show_first_steps)
        row.addWidget(self.start_label, 1)
        row.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignVCenter)
        box.setVisible(False)
        return box

    def show_first_steps(self) -> None:
        """The window's « Prise en main » guide; where there is none, the Territoire page, the first step."""
        if self.context.navigator.show_first_steps() is not None:
            return
        from ti_desktop.gui.pages.territory import TerritoryPage  # its module is large: loaded when asked for

        self.context.navigator.show_page(TerritoryPage)

    def _build_figures_table(self) -> QWidget:
        """« Voir les chiffres »: the chart's counts as a table, shown on demand and reached by Tab."""
        self.figures_model = figures_model(self, self.context.theme)
        self.figures_button = QPushButton(self.tr("Voir les chiffres"))
        self.figures_button.setCheckable(True)
        self.figures_button.setToolTip(self.tr("Les nombres d'actions du graphique, par axe et par statut, en tableau"))
        self.figures_button.toggled.connect(self._show_figures_table)
        self.figures_view = read_only_table(QTableView())
        self.figures_view.setObjectName("chiffres-du-graphique")
        self.figures_view.setAccessibleName(self.tr("Actions par axe et par statut (tableau)"))
        self.figures_view.setModel(self.figures_model)
        self.figures_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.figures_view.setVisible(False)
        return self.figures_button

    def _show_figures_table(self, shown: bool) -> None:
        self.figures_button.setText(self.tr("Masquer les chiffres") if shown else self.tr("Voir les chiffres"))
        self.figures_view.setVisible(shown)
        if shown:
            self._fit_figures_table()
            self.figures_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_figures_table(self) -> None:
        rows = max(1, self.figures_model.rowCount())
        view = self.figures_view
        height = view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
        view.setFixedHeight(height + 2 * view.frameWidth() + 2)

    def _build_layout(self) -> None:
        self.tile_rows: list[TileRow] = []
        self.heading = QLabel()
        self.heading.setFont(widget_font(self, self.context.theme.sizes.page_title_scale, bold=True))
        self.heading.setWordWrap(True)
        self.as_of = QLabel()
        set_role(self.as_of, Role.HINT)
        content = QWidget()
        layout = QVBoxLayout(content)
        sizes = self.context.theme.sizes
        layout.setContentsMargins(*sizes.page_margins_px)
        layout.setSpacing(sizes.page_spacing_px)
        layout.addWidget(self.heading)
        layout.addWidget(self.as_of)
        self.start_pointer = self._build_start_pointer()
        layout.addWidget(self.start_pointer)
        layout.addWidget(self._heading(self.tr("Actions par statut")))
        layout.addWidget(self._tile_row(list(self.status_tiles.values())))
        key_box = QVBoxLayout()
        key_box.addWidget(self._heading(self.tr("Chiffres clés")))
        key_box.addWidget(
            self._tile_row([self.total_tile, self.started_tile, self.late_tile, self.jobs_tile, self.decisions_tile])
        )
        key_box.addWidget(self._heading(self.tr("Retombées : visé et constaté")))
        key_box.addWidget(self._tile_row([self.jobs_created_tile, self.induced_tile, self.achieved_tile]))
        money_box = QVBoxLayout()
        money_box.addWidget(self._heading(self.tr("Budget et financements")))
        money_box.addWidget(
            self._tile_row(
                [self.budget_tile, self.requested_tile, self.granted_tile, self.paid_tile, self.coverage_tile]
            )
        )
        self.key_panel = self._panel(key_box)
        self.money_panel = self._panel(money_box)
        self.figures_grid = QGridLayout()
        self.figures_grid.setHorizontalSpacing(sizes.panel_spacing_px)
        layout.addLayout(self.figures_grid)
        self.chart_box = chart_box = QVBoxLayout()
        chart_heading = QHBoxLayout()
        chart_heading.addWidget(self._heading(self.tr("Actions par axe et par statut")), 1)
        chart_heading.addWidget(self._build_figures_table())
        chart_box.addLayout(chart_heading)
        chart_box.addWidget(self.figures_view)
        self.chart_panel = self._panel(chart_box)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(sizes.panel_spacing_px)
        layout.addSpacing(sizes.page_spacing_px)
        layout.addLayout(self.chart_grid)
        self._wide: tuple[bool, bool] | None = None
        self._arrange(self.width())
        milestones_row = QHBoxLayout()
        milestones_row.setSpacing(sizes.panel_spacing_px)
        milestones_row.addWidget(self.overdue_section, 1)
        milestones_row.addWidget(self.upcoming_section, 1)
        layout.addLayout(milestones_row)
        layout.addWidget(self.decisions_section)
        layout.addWidget(self.changes_section)
        layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # No Tab stop of its own (an unnamed pane to a screen reader): Tab goes from figure to figure and the
        # area scrolls to show the one focused.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    @staticmethod
    def _panel(layout: QVBoxLayout) -> QWidget:
        panel = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        panel.setLayout(layout)
        return panel

    @staticmethod
    def _place(
        grid: QGridLayout, first: QWidget, second: QWidget, side_by_side: bool, stretch: tuple[int, int]
    ) -> None:
        """`second` beside `first` (widths shared as `stretch`) or below it."""
        grid.removeWidget(first)
        grid.removeWidget(second)
        grid.addWidget(first, 0, 0)
        grid.addWidget(second, 0 if side_by_side else 1, 1 if side_by_side else 0)
        grid.setColumnStretch(0, stretch[0])
        grid.setColumnStretch(1, stretch[1] if side_by_side else 0)

    def _arrange(self, width: int) -> None:
        """Use the width of large screens; on narrow ones stack the blocks so nothing is cut."""
        wide = (width >= WIDE_FIGURES, width >= WIDE_CHART)
        if wide == self._wide:
            return
        self._wide = wide
        self._place(self.figures_grid, self.key_panel, self.money_panel, wide[0], (5, 5))  # 5 tiles, 5 tiles
        self._place(self.chart_grid, self.chart_panel, self.late_section, wide[1], (1, 1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        tid = self.context.territory_id
        if tid is None:
            return
        services = self.services
        today = self.context.today
        territory = services.territories.get(tid)
        self.heading.setText(self.tr("Tableau de bord — {0}").format(territory.name))
        self.as_of.setText(self.tr("Situation au {0}").format(format_date(today)))
        # Figures summed by the database: the cost follows the screen, not the size of the plan.
        figures = services.summary.figures(tid, today)
        self._show_figures(figures.summary)
        pending = services.steering.pending_decisions(tid)  # by due date, undated last
        self._show_pending_decisions(pending)
        self._chart_data = (services.axes.available_to(tid), figures.counts_by_axis)
        self.figures_model.set_records(axis_figures(*self._chart_data))
        self._fit_figures_table()
        if self._chart is not None:
            self._chart.set_data(*self._chart_data)
            self._chart.setAccessibleDescription(chart_description(self.figures_model.records()))
        late = services.summary.first_late_actions(tid, today, LIST_SHOWN, total=figures.summary.late_count)
        overdue = services.summary.first_milestones_due(tid, today, LIST_SHOWN, overdue=True, horizon_days=HORIZON_DAYS)
        upcoming = services.summary.first_milestones_due(
            tid, today, LIST_SHOWN, overdue=False, horizon_days=HORIZON_DAYS
        )
        changes = services.history.recent(tid, RECENT_CHANGES)
        # Meetings are logged as "#id": their kind and date say more.
        meetings = {
            meeting.id: self.tr("{0} du {1}").format(meeting.kind.label, format_date(meeting.held_on))
            for meeting in services.meetings.list(territory_id=tid)
        }
        record_name = record_namer({"meeting": meetings})
        # Name only the actions these lines refer to: every id a line asks a name for (whatever its kind;
        # the resolver looks actions up only for the fields naming one), the decisions' actions.
        asked: set[int] = {row.decision.action_id for row in pending if row.decision.action_id is not None}

        def asking(_field: str, record_id: int) -> str | None:
            asked.add(record_id)
            return None

        for change in changes:
            change_line(change, resolve=asking, record_name=record_name, translate=qt_translate)
        codes = services.summary.action_names(tid, asked)
        names = NamesWhenAsked({"action": codes}, lambda: plan_names(services, tid, actions=[]))
        self.late_model.set_records(late.shown)
        self.overdue_model.set_records(overdue.shown)
        self.upcoming_model.set_records(upcoming.shown)
        # The register's rows name the owner and the action (its code, else its title; None outside the territory).
        self.decisions_model.set_records(
            [DecisionRow(row.decision, row.owner_name or "—", row.action_code or row.action_title) for row in pending]
        )
        resolve = reference_resolver(names)
        self.changes_model.set_records(
            [
                ChangeRow(
                    format_timestamp(change.changed_at),
                    change.user,
                    change_line(change, resolve=resolve, record_name=record_name, translate=qt_translate),
                    change.action_id if change.action_id in codes else None,
                )
                for change in changes
            ]
        )
        totals = {self.late_section: late.total, self.overdue_section: overdue.total}
        totals[self.upcoming_section] = upcoming.total
        for section in self._sections():
            section.refresh(totals.get(section))

    def _show_figures(self, summary: PlanSummary) -> None:
        counts = summary.status_counts
        self.start_pointer.setVisible(counts.total == 0)
        for status, tile in self.status_tiles.items():
            tile.set_value(format_number(counts.count(status)))
        self.total_tile.set_value(format_number(counts.total))
        considered = counts.total - counts.count(ActionStatus.ABANDONNEE)
        self.started_tile.set_value(
            format_percent(counts.share_started),
            self.tr("{0} sur {1}, hors abandonnées").format(format_number(counts.started), format_number(considered)),
        )
        self.late_tile.set_value(
            format_number(summary.late_count),
            self.tr("fin prévue dépassée"),
            bool(summary.late_count),
        )
        self.jobs_tile.set_value(format_number(summary.jobs_targeted), self.tr("hors actions abandonnées"))
        self.jobs_created_tile.set_value(
            format_number(summary.jobs_created), self.tr("sur {0} visés").format(format_number(summary.jobs_targeted))
        )
        self.induced_tile.set_value(format_euros(summary.induced_investment), self.tr("attendu, hors abandonnées"))
        self.achieved_tile.set_value(
            format_euros(summary.achieved_investment),
            self.tr("sur {0} induits attendus").format(format_euros(summary.induced_investment)),
        )
        budget_note = self._ttc_note(summary.budget.planned_ttc)
        budget_note += self.tr("dépensé à date : {0}").format(format_euros(summary.budget.spent))
        if summary.budget.actions_without_budget:
            budget_note += "\n" + self.tr("{0} action(s) sans budget").format(summary.budget.actions_without_budget)
        self.budget_tile.set_value(format_euros(summary.budget.planned), budget_note)
        funding, ttc = summary.funding, summary.funding.ttc  # HT and TTC: the TTC part is said under each total
        self.requested_tile.set_value(
            format_euros(funding.requested),
            self._ttc_note(ttc.requested if ttc else None) + self.tr("déposés, accordés ou versés"),
        )
        self.granted_tile.set_value(
            format_euros(funding.granted), self._ttc_note(ttc.granted if ttc else None) + self.tr("accordés ou versés")
        )
        self.paid_tile.set_value(
            format_euros(funding.paid), self._ttc_note(ttc.paid if ttc else None) + self.tr("versés aux porteurs")
        )
        self.coverage_tile.set_value(format_percent(funding.coverage), self.tr("acquis / budget prévisionnel"))
        for row in self.tile_rows:
            row.refit()  # longer figures may need fewer tiles to a line

    def _ttc_note(self, ttc: Decimal | None) -> str:
        """The line saying a total's TTC part (« dont 250 000 € TTC »), empty when it is all HT."""
        return format_ttc_part(ttc) + "\n" if ttc else ""

    def _show_pending_decisions(self, pending: Sequence[PendingDecision]) -> None:
        """The count of decisions still to do (`pending`, by due date), the overdue ones, the first few in the
        tooltip."""
        today = self.context.today
        overdue = [row for row in pending if row.is_overdue(today)]
        notes = []
        if overdue:
            notes.append(self.tr("dont {0} en retard").format(format_number(len(overdue))))
        upcoming = [row.decision.due_on for row in pending if row.decision.due_on and row.decision.due_on >= today]
        if upcoming:
            notes.append(self.tr("prochaine échéance : {0}").format(format_date(upcoming[0])))
        self.decisions_tile.set_value(format_number(len(pending)), "\n".join(notes), bool(overdue))
        lines = [self.tr("Voir le relevé de décisions")]
        for row in pending[:PENDING_SHOWN]:
            due = format_date(row.decision.due_on) if row.decision.due_on else self.tr("sans échéance")
            text = row.decision.text if len(row.decision.text) <= 70 else row.decision.text[:69] + "…"
            lines.append(f"• {due} — {text}")
        if len(pending) > PENDING_SHOWN:
            lines.append(self.tr("… et {0} autre(s)").format(len(pending) - PENDING_SHOWN))
        self.decisions_tile.setToolTip("\n".join(lines))

    # -- navigation ----------------------------------------------------------------------------
    def open_decision_register(self) -> None:
        """The Réunions page's Relevé de décisions, on the pending decisions (when the page is in the window)."""
        from ti_desktop.gui.pages.meetings import MeetingsPage  # its module is large: loaded when asked for

        page = self.context.navigator.show_page(MeetingsPage)
        if page is not None:
            page.show_register()

    def show_in_plan(self, **criteria: Any) -> None:
        """Open the plan filtered on what a figure counts."""
        tid = self.context.territory_id
        if tid is None:
            return
        self.context.request_plan(ActionFilter(territory_id=tid, today=self.context.today, **criteria))

    def _on_segment_clicked(self, axis_id: int, status: object) -> None:
        if isinstance(status, ActionStatus):
            self.show_in_plan(axis_ids=frozenset({axis_id}), statuses=frozenset({status}))
