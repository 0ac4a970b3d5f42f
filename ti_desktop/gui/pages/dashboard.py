"""Tableau de bord: the plan at a glance — key figures, actions per axis and status, what is late or due,
pending decisions and the latest changes. Every figure opens the plan filtered on what it counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeyEvent, QKeySequence, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain import fields
from ti_desktop.domain.enums import STARTED_STATUSES, ActionStatus
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.fields import FieldSpec
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.domain.formatting import format_date, format_euros, format_number, format_percent
from ti_desktop.domain.records import ActionRecord, ChangeLogRecord, DecisionRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.pages.dashboard_chart import AxisStatusChart
from ti_desktop.gui.status_colours import STATUS_COLOURS
from ti_desktop.services.summary import MilestoneWithAction

RowT = TypeVar("RowT")
Index = QModelIndex | QPersistentModelIndex

ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECENT_CHANGES = 15
HORIZON_DAYS = 60
# Page widths (px) from which blocks sit side by side: the money tiles, then the chart's legend, need room.
WIDE_FIGURES = 1700
WIDE_CHART = 1250
LATE_COLOUR = "#cf222e"
NEUTRAL_ACCENT = "#0969da"
MONEY_ACCENT = "#1a7f37"


def tr(text: str) -> str:
    return QCoreApplication.translate("DashboardPage", text)


# -- readable history lines --------------------------------------------------------------------------------------------
# Per logged entity: its field specs (French labels, kinds) and how to say it was added / deleted.
ENTITY_FIELDS: dict[str, Mapping[str, FieldSpec]] = {
    "territory": fields.TERRITORY,
    "epci": fields.EPCI,
    "actor": fields.ACTOR,
    "territory_role": fields.TERRITORY_ROLE,
    "axis": fields.AXIS,
    "diagnostic_section": fields.DIAGNOSTIC_SECTION,
    "swot_item": fields.SWOT_ITEM,
    "challenge": fields.CHALLENGE,
    "key_company": fields.KEY_COMPANY,
    "objective": fields.OBJECTIVE,
    "action": fields.ACTION,
    "action_partner": fields.ACTION_PARTNER,
    "funding_line": fields.FUNDING_LINE,
    "milestone": fields.MILESTONE,
    "indicator": fields.INDICATOR,
    "indicator_value": fields.INDICATOR_VALUE,
    "progress_update": fields.PROGRESS_UPDATE,
    "meeting": fields.MEETING,
    "agenda_item": fields.AGENDA_ITEM,
    "decision": fields.DECISION,
}
# (noun, "added" phrase, "deleted" phrase), translated when shown: French nouns have a gender, so whole phrases.
ENTITY_PHRASES: dict[str, tuple[str, str, str]] = {
    "territory": ("Territoire", "Territoire ajouté", "Territoire supprimé"),
    "epci": ("Intercommunalité", "Intercommunalité ajoutée", "Intercommunalité supprimée"),
    "actor": ("Acteur", "Acteur ajouté", "Acteur supprimé"),
    "territory_role": ("Gouvernance", "Rôle de gouvernance ajouté", "Rôle de gouvernance supprimé"),
    "axis": ("Axe", "Axe ajouté", "Axe supprimé"),
    "diagnostic_section": ("Diagnostic", "Section du diagnostic ajoutée", "Section du diagnostic supprimée"),
    "swot_item": ("AFOM", "Élément AFOM ajouté", "Élément AFOM supprimé"),
    "challenge": ("Enjeu", "Enjeu ajouté", "Enjeu supprimé"),
    "key_company": ("Entreprise clé", "Entreprise clé ajoutée", "Entreprise clé supprimée"),
    "objective": ("Objectif", "Objectif ajouté", "Objectif supprimé"),
    "action": ("Fiche-action", "Fiche-action ajoutée", "Fiche-action supprimée"),
    "action_partner": ("Partenaire", "Partenaire ajouté", "Partenaire retiré"),
    "funding_line": ("Financement", "Ligne de financement ajoutée", "Ligne de financement supprimée"),
    "milestone": ("Jalon", "Jalon ajouté", "Jalon supprimé"),
    "indicator": ("Indicateur", "Indicateur ajouté", "Indicateur supprimé"),
    "indicator_value": ("Mesure", "Mesure ajoutée", "Mesure supprimée"),
    "progress_update": ("Point d'avancement", "Point d'avancement ajouté", "Point d'avancement supprimé"),
    "meeting": ("Réunion", "Réunion ajoutée", "Réunion supprimée"),
    "agenda_item": ("Ordre du jour", "Point de l'ordre du jour ajouté", "Point de l'ordre du jour supprimé"),
    "decision": ("Décision", "Décision ajoutée", "Décision supprimée"),
    "attachment": ("Pièce jointe", "Pièce jointe ajoutée", "Pièce jointe supprimée"),
}
# Logged columns that no form edits (so no field spec names them).
OTHER_FIELD_LABELS = {"closed_at": "Clôture de la réunion", "title": "Titre", "original_name": "Nom du fichier"}
ACTOR_FIELDS = frozenset(
    {"lead_actor_id", "pilot_actor_id", "elected_referent_id", "owner_actor_id", "funder_actor_id", "actor_id"}
)
ACTION_FIELDS = frozenset({"action_id", "parent_id"})
SHORT_TEXT = 60  # longer texts are summed up as "texte modifié"


@dataclass(frozen=True, slots=True)
class Lookups:
    """Names the history refers to by id."""

    action_codes: Mapping[int, str]
    axis_labels: Mapping[int, str]
    actor_name: Callable[[int], str | None]
    meeting_names: Mapping[int, str]


def local_time(moment: dt.datetime) -> str:
    if moment.tzinfo is None:  # stored as UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def _value_text(name: str, spec: FieldSpec | None, raw: str | None, lookups: Lookups) -> str:
    """A stored history value (code, ISO date, '1250.00', '1'/'0', id) as the user reads it."""
    if raw is None or raw == "":
        return "—"
    try:
        if name in ACTOR_FIELDS:
            return lookups.actor_name(int(raw)) or tr("acteur n° {0}").format(raw)
        if name == "axis_id":
            return lookups.axis_labels.get(int(raw)) or tr("axe n° {0}").format(raw)
        if name in ACTION_FIELDS:
            return lookups.action_codes.get(int(raw)) or tr("action n° {0}").format(raw)
        if spec is None:
            return raw
        if spec.kind == "enum" and spec.enum is not None:
            member: Enum = spec.enum(raw)
            return str(getattr(member, "label", raw))
        if spec.kind == "date":
            return format_date(dt.date.fromisoformat(raw))
        if spec.kind == "money":
            return format_euros(Decimal(raw))
        if spec.kind in ("int", "float"):
            return format_number(Decimal(raw))
        if spec.kind == "bool":
            return tr("Oui") if raw == "1" else tr("Non")
        if spec.kind == "ref":
            return tr("n° {0}").format(raw)
    except (ValueError, InvalidOperation):
        return raw
    return f"« {raw} »"


def describe_change(change: ChangeLogRecord, lookups: Lookups) -> str:
    """One readable French line: "INN-01 — Statut : En cours → Bloquée"."""
    noun, added, deleted = ENTITY_PHRASES.get(change.entity, (change.entity, change.entity, change.entity))
    parts = []
    action_code = lookups.action_codes.get(change.action_id) if change.action_id is not None else None
    if action_code and not (change.entity == "action" and change.field is None):
        parts.append(action_code)
    if change.field is None:
        what = change.new_value if change.new_value is not None else change.old_value
        if change.entity == "meeting":  # logged as "#id": its kind and date say more
            what = lookups.meeting_names.get(change.entity_id, "")
        phrase = tr(added) if change.new_value is not None else tr(deleted)
        parts.append(f"{phrase} : {what}" if what else phrase)
        return " — ".join(parts)
    if change.entity != "action":
        parts.append(tr(noun))
    specs = ENTITY_FIELDS.get(change.entity, {})
    spec = specs.get(change.field)
    label = spec.label if spec is not None else tr(OTHER_FIELD_LABELS.get(change.field, change.field))
    is_text = spec is not None and spec.kind == "text"
    longest = max(len(change.old_value or ""), len(change.new_value or ""))
    if is_text and longest > SHORT_TEXT:
        parts.append(tr("{0} : texte modifié").format(label))
    else:
        old = _value_text(change.field, spec, change.old_value, lookups)
        new = _value_text(change.field, spec, change.new_value, lookups)
        parts.append(f"{label} : {old} → {new}")
    return " — ".join(parts)


# -- read-only table models --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column(Generic[RowT]):
    header: str
    text: Callable[[RowT], str]
    stretch: bool = False
    right: bool = False
    colour: Callable[[RowT], str | None] | None = None


class RecordTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows of service records shown read-only; ACTION_ID_ROLE gives the action a row leads to."""

    def __init__(
        self,
        columns: Sequence[Column[RowT]],
        action_id: Callable[[RowT], int | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._action_id = action_id
        self._rows: list[RowT] = []

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(record)  # tooltip: the whole text when the cell cuts it
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(record)
            return QColor(colour) if colour else None
        if role == ACTION_ID_ROLE:
            return self._action_id(record)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.columns):
                return self.columns[section].header
        return None


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


# -- widgets -----------------------------------------------------------------------------------------------------------
def scaled_font(widget: QWidget, scale: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * scale)
    font.setBold(bold)
    return font


class FigureTile(QFrame):
    """A key figure in large type, its caption below; when clickable, a click (or Space/Enter) opens the plan."""

    clicked = Signal()

    def __init__(self, caption: str, accent: str, tooltip: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.clickable = tooltip is not None
        self.value_label = QLabel("—", self)
        self.value_label.setFont(scaled_font(self, 2.1, bold=True))
        self.caption_label = QLabel(caption, self)
        self.caption_label.setFont(scaled_font(self, 1.1, bold=True))
        self.caption_label.setWordWrap(True)
        self.note_label = QLabel(self)
        self.note_label.setFont(scaled_font(self, 0.95))
        self.note_label.setStyleSheet("color: #57606a;")
        self.note_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 12, 10)
        layout.setSpacing(2)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(120)
        hover = ""
        if tooltip is not None:
            self.setToolTip(tooltip)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setAttribute(Qt.WidgetAttribute.WA_Hover)
            hover = (
                f"QFrame#tile:hover {{ background: #f0f6ff; border-color: {NEUTRAL_ACCENT};"
                f" border-left: 6px solid {accent}; }}"
                f"QFrame#tile:focus {{ border: 2px solid {NEUTRAL_ACCENT}; border-left: 6px solid {accent}; }}"
            )
        self.setStyleSheet(
            f"QFrame#tile {{ background: palette(base); border: 1px solid #d0d7de; border-left: 6px solid {accent};"
            f" border-radius: 6px; }}" + hover
        )

    def set_value(self, value: str, note: str = "", colour: str | None = None) -> None:
        self.value_label.setText(value)
        self.value_label.setStyleSheet(f"color: {colour};" if colour else "")
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

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

    def __init__(self, title: str, empty_text: str, model: QAbstractTableModel, visible_rows: int) -> None:
        super().__init__()
        self._title = title
        self._visible_rows = visible_rows
        self.heading = QLabel(self)
        self.heading.setFont(scaled_font(self, 1.2, bold=True))
        self.empty_label = QLabel(empty_text, self)
        self.empty_label.setStyleSheet("color: #57606a;")
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns = getattr(model, "columns", [])
        for position, column in enumerate(columns):
            if column.stretch:
                header.setSectionResizeMode(position, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._open)
        # Enter on a row opens it too, as a double-click does.
        open_row = QAction(self.view)
        open_row.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_row.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_row.triggered.connect(lambda: self._open(self.view.currentIndex()))
        self.view.addAction(open_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view)
        layout.addStretch(1)

    def refresh(self) -> None:
        """Update the heading's count and fit the table's height to its rows (up to `visible_rows`)."""
        count = self.view.model().rowCount()
        self.heading.setText(f"{self._title} ({count})")
        self.empty_label.setVisible(count == 0)
        self.view.setVisible(count > 0)
        shown = max(1, min(count, self._visible_rows))
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
class DashboardPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._build_tiles()
        self.chart = AxisStatusChart()
        self.chart.segment_clicked.connect(self._on_segment_clicked)
        self._build_models()
        self._build_layout()

    def title(self) -> str:
        return self.tr("Tableau de bord")

    # -- building ------------------------------------------------------------------------------
    def _tile(self, caption: str, accent: str, tooltip: str | None, criteria: dict[str, Any] | None) -> FigureTile:
        tile = FigureTile(caption, accent, tooltip)
        if criteria is not None:
            tile.clicked.connect(lambda: self.show_in_plan(**criteria))
        return tile

    def _build_tiles(self) -> None:
        see = self.tr("Voir ces actions dans le plan")
        see_all = self.tr("Voir toutes les actions dans le plan")
        self.status_tiles = {
            status: self._tile(status.label, STATUS_COLOURS[status], see, {"statuses": frozenset({status})})
            for status in ActionStatus
        }
        self.total_tile = self._tile(self.tr("Actions au plan"), NEUTRAL_ACCENT, see_all, {})
        self.started_tile = self._tile(
            self.tr("Actions engagées"), STATUS_COLOURS[ActionStatus.EN_COURS], see, {"statuses": STARTED_STATUSES}
        )
        self.late_tile = self._tile(self.tr("Actions en retard"), LATE_COLOUR, see, {"late_only": True})
        # Jobs are counted on every action that is not abandoned.
        not_abandoned = frozenset(ActionStatus) - {ActionStatus.ABANDONNEE}
        self.jobs_tile = self._tile(self.tr("Emplois visés"), NEUTRAL_ACCENT, see, {"statuses": not_abandoned})
        self.budget_tile = self._tile(self.tr("Budget prévisionnel"), MONEY_ACCENT, see_all, {})
        self.requested_tile = self._tile(self.tr("Financements demandés"), MONEY_ACCENT, see_all, {})
        self.granted_tile = self._tile(self.tr("Financements acquis"), MONEY_ACCENT, see_all, {})
        self.paid_tile = self._tile(self.tr("Financements versés"), MONEY_ACCENT, see_all, {})
        self.coverage_tile = self._tile(self.tr("Couverture du budget"), MONEY_ACCENT, see_all, {})

    def _build_models(self) -> None:
        self.late_model: RecordTableModel[ActionRecord] = RecordTableModel(
            [
                Column(self.tr("Code"), lambda a: a.code or ""),
                Column(self.tr("Action"), lambda a: a.title, stretch=True),
                Column(self.tr("Fin prévue"), lambda a: format_date(a.planned_end)),
                Column(
                    self.tr("Jours de retard"),
                    lambda a: format_number((self.context.today - a.planned_end).days) if a.planned_end else "—",
                    right=True,
                    colour=lambda a: LATE_COLOUR,
                ),
            ],
            lambda a: a.id,
            self,
        )
        milestone_columns: list[Column[MilestoneWithAction]] = [
            Column(self.tr("Échéance"), lambda m: format_date(m.milestone.due_on)),
            Column(self.tr("Jalon"), lambda m: m.milestone.title, stretch=True),
            Column(self.tr("Action"), lambda m: m.action.code or m.action.title),
        ]
        overdue_columns = [
            Column(c.header, c.text, c.stretch, c.right, (lambda m: LATE_COLOUR) if i == 0 else None)
            for i, c in enumerate(milestone_columns)
        ]
        self.overdue_model: RecordTableModel[MilestoneWithAction] = RecordTableModel(
            overdue_columns, lambda m: m.action.id, self
        )
        self.upcoming_model: RecordTableModel[MilestoneWithAction] = RecordTableModel(
            milestone_columns, lambda m: m.action.id, self
        )
        self.decisions_model: RecordTableModel[DecisionRow] = RecordTableModel(
            [
                Column(self.tr("Décision"), lambda d: d.decision.text, stretch=True),
                Column(
                    self.tr("Échéance"),
                    lambda d: format_date(d.decision.due_on),
                    colour=lambda d: (
                        LATE_COLOUR if d.decision.due_on and d.decision.due_on < self.context.today else None
                    ),
                ),
                Column(self.tr("Responsable"), lambda d: d.owner),
                Column(self.tr("Action"), lambda d: d.action_code or "—"),
            ],
            lambda d: d.decision.action_id if d.action_code else None,
            self,
        )
        self.changes_model: RecordTableModel[ChangeRow] = RecordTableModel(
            [
                Column(self.tr("Quand"), lambda c: c.when),
                Column(self.tr("Qui"), lambda c: c.who),
                Column(self.tr("Quoi"), lambda c: c.what, stretch=True),
            ],
            lambda c: c.action_id,
            self,
        )
        self.late_section = ListSection(
            self.tr("Actions en retard"), self.tr("Aucune action en retard."), self.late_model, 10
        )
        self.overdue_section = ListSection(
            self.tr("Jalons dépassés"), self.tr("Aucun jalon dépassé."), self.overdue_model, 10
        )
        self.upcoming_section = ListSection(
            self.tr("Jalons des {0} prochains jours").format(HORIZON_DAYS),
            self.tr("Aucun jalon dans les {0} prochains jours.").format(HORIZON_DAYS),
            self.upcoming_model,
            10,
        )
        self.decisions_section = ListSection(
            self.tr("Décisions à mettre en œuvre"), self.tr("Aucune décision en attente."), self.decisions_model, 10
        )
        self.changes_section = ListSection(
            self.tr("Dernières modifications"), self.tr("Aucune modification enregistrée."), self.changes_model, 15
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
        label.setFont(scaled_font(self, 1.2, bold=True))
        return label

    def _tile_row(self, tiles: Sequence[FigureTile]) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(10)
        for column, tile in enumerate(tiles):
            grid.addWidget(tile, 0, column)
            grid.setColumnStretch(column, 1)
        return grid

    def _build_layout(self) -> None:
        self.heading = QLabel()
        self.heading.setFont(scaled_font(self, 1.7, bold=True))
        self.heading.setWordWrap(True)
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #57606a;")
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.as_of)
        layout.addWidget(self._heading(self.tr("Actions par statut")))
        layout.addLayout(self._tile_row(list(self.status_tiles.values())))
        key_box = QVBoxLayout()
        key_box.addWidget(self._heading(self.tr("Chiffres clés")))
        key_box.addLayout(self._tile_row([self.total_tile, self.started_tile, self.late_tile, self.jobs_tile]))
        money_box = QVBoxLayout()
        money_box.addWidget(self._heading(self.tr("Budget et financements")))
        money_box.addLayout(
            self._tile_row(
                [self.budget_tile, self.requested_tile, self.granted_tile, self.paid_tile, self.coverage_tile]
            )
        )
        self.key_panel = self._panel(key_box)
        self.money_panel = self._panel(money_box)
        self.figures_grid = QGridLayout()
        self.figures_grid.setHorizontalSpacing(24)
        layout.addLayout(self.figures_grid)
        chart_box = QVBoxLayout()
        chart_box.addWidget(self._heading(self.tr("Actions par axe et par statut")))
        chart_box.addWidget(self.chart, 1)
        self.chart_panel = self._panel(chart_box)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(24)
        layout.addSpacing(8)
        layout.addLayout(self.chart_grid)
        self._wide: tuple[bool, bool] | None = None
        self._arrange(self.width())
        milestones_row = QHBoxLayout()
        milestones_row.setSpacing(24)
        milestones_row.addWidget(self.overdue_section, 1)
        milestones_row.addWidget(self.upcoming_section, 1)
        layout.addLayout(milestones_row)
        layout.addWidget(self.decisions_section)
        layout.addWidget(self.changes_section)
        layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
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
        self._place(self.figures_grid, self.key_panel, self.money_panel, wide[0], (4, 5))  # 4 tiles, 5 tiles
        self._place(self.chart_grid, self.chart_panel, self.late_section, wide[1], (1, 1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        tid = self.context.territory_id
        if tid is None:
            return
        services = self.context.services
        today = self.context.today
        territory = services.territories.get(tid)
        self.heading.setText(self.tr("Tableau de bord — {0}").format(territory.name))
        self.as_of.setText(self.tr("Situation au {0}").format(format_date(today)))
        self._show_figures(tid, today)
        axes = services.axes.available_to(tid)
        self.chart.set_data(axes, services.summary.counts_by_axis(tid))
        actions = services.actions.for_territory(tid)
        codes = {action.id: action.code or action.title for action in actions}
        actor_name = self._actor_names()
        self.late_model.set_rows(services.summary.late_actions(tid, today))
        self.overdue_model.set_rows(
            services.summary.milestones_due(tid, today, overdue=True, horizon_days=HORIZON_DAYS)
        )
        self.upcoming_model.set_rows(
            services.summary.milestones_due(tid, today, overdue=False, horizon_days=HORIZON_DAYS)
        )
        self.decisions_model.set_rows(
            [
                DecisionRow(
                    decision,
                    (actor_name(decision.owner_actor_id) if decision.owner_actor_id else None) or "—",
                    codes.get(decision.action_id) if decision.action_id else None,
                )
                for decision in services.summary.pending_decisions(tid)
            ]
        )
        meetings = {
            meeting.id: self.tr("{0} du {1}").format(meeting.kind.label, format_date(meeting.held_on))
            for meeting in services.meetings.list(territory_id=tid)
        }
        lookups = Lookups(codes, {axis.id: axis.label for axis in axes}, actor_name, meetings)
        self.changes_model.set_rows(
            [
                ChangeRow(
                    local_time(change.changed_at),
                    change.user,
                    describe_change(change, lookups),
                    change.action_id if change.action_id in codes else None,
                )
                for change in services.history.recent(tid, RECENT_CHANGES)
            ]
        )
        for section in self._sections():
            section.refresh()

    def _actor_names(self) -> Callable[[int], str | None]:
        """Actor names by id, each read once per reload (a deleted actor has none)."""
        cache: dict[int, str | None] = {}

        def name(actor_id: int) -> str | None:
            if actor_id not in cache:
                try:
                    cache[actor_id] = self.context.services.actors.get(actor_id).name
                except TiDesktopError:
                    cache[actor_id] = None
            return cache[actor_id]

        return name

    def _show_figures(self, tid: int, today: dt.date) -> None:
        summary = self.context.services.summary.plan_summary(tid, today)
        counts = summary.status_counts
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
            LATE_COLOUR if summary.late_count else None,
        )
        self.jobs_tile.set_value(format_number(summary.jobs_targeted), self.tr("hors actions abandonnées"))
        budget_note = self.tr("dépensé à date : {0}").format(format_euros(summary.budget.spent))
        if summary.budget.actions_without_budget:
            budget_note += "\n" + self.tr("{0} action(s) sans budget").format(summary.budget.actions_without_budget)
        self.budget_tile.set_value(format_euros(summary.budget.planned), budget_note)
        funding = summary.funding
        self.requested_tile.set_value(format_euros(funding.requested), self.tr("déposés, accordés ou versés"))
        self.granted_tile.set_value(format_euros(funding.granted), self.tr("accordés ou versés"))
        self.paid_tile.set_value(format_euros(funding.paid), self.tr("versés aux porteurs"))
        self.coverage_tile.set_value(format_percent(funding.coverage), self.tr("acquis / budget prévisionnel"))

    # -- navigation ----------------------------------------------------------------------------
    def show_in_plan(self, **criteria: Any) -> None:
        """Open the plan filtered on what a figure counts."""
        tid = self.context.territory_id
        if tid is None:
            return
        self.context.request_plan(ActionFilter(territory_id=tid, today=self.context.today, **criteria))

    def _on_segment_clicked(self, axis_id: int, status: object) -> None:
        if isinstance(status, ActionStatus):
            self.show_in_plan(axis_ids=frozenset({axis_id}), statuses=frozenset({status}))
