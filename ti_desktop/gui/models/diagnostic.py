"""Item models of the Diagnostic page: portrait sections, AFOM items, key companies, challenges.

They only show service records; every edit is made by the page through the undoable editor, after
which the models are refilled from the services.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ti_desktop.domain.enums import SwotCategory
from ti_desktop.domain.records import (
    ActionRecord,
    AxisRecord,
    ChallengeRecord,
    DiagnosticSectionRecord,
    KeyCompanyRecord,
    SwotItemRecord,
)
from ti_desktop.gui.theme import LIGHT, Theme
from ti_desktop.kernel.formatting import format_number

Index = QModelIndex | QPersistentModelIndex

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# On a challenge row: True when no action answers it.
UNANSWERED_ROLE = Qt.ItemDataRole.UserRole + 3
# "axis", "challenge" or "action".
KIND_ROLE = Qt.ItemDataRole.UserRole + 4


def axis_colour(axis: AxisRecord | None, theme: Theme = LIGHT) -> QColor:
    """The axis's own colour; sections and items that belong to no axis take the theme's."""
    return QColor(axis.colour) if axis is not None else theme.colour("general_section")


def format_siret(siret: str | None) -> str:
    """« 321 874 562 00028 »: SIREN in threes, then the establishment number, as on a Kbis."""
    if not siret:
        return "—"
    if len(siret) == 14 and siret.isdigit():
        return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
    return siret


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


# -- portrait sections ---------------------------------------------------------------------------
class SectionListModel(QAbstractListModel):
    """General sections first (no axis), then the sections of each axis in the axes' order."""

    def __init__(self, parent: QObject | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self._theme = theme
        self._sections: list[DiagnosticSectionRecord] = []
        self._axes: dict[int, AxisRecord] = {}

    def set_sections(self, sections: Sequence[DiagnosticSectionRecord], axes: Sequence[AxisRecord]) -> None:
        rank = {axis.id: number for number, axis in enumerate(axes, start=1)}

        def key(section: DiagnosticSectionRecord) -> tuple[int, int, int]:
            group = 0 if section.axis_id is None else rank.get(section.axis_id, len(rank) + 1)
            return (group, section.position, section.id)

        self.beginResetModel()
        self._axes = {axis.id: axis for axis in axes}
        self._sections = sorted(sections, key=key)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._sections)

    def section_at(self, row: int) -> DiagnosticSectionRecord | None:
        return self._sections[row] if 0 <= row < len(self._sections) else None

    def row_of(self, section_id: int | None) -> int:
        for row, section in enumerate(self._sections):
            if section.id == section_id:
                return row
        return -1

    def group_label(self, section: DiagnosticSectionRecord) -> str:
        axis = self._axes.get(section.axis_id) if section.axis_id is not None else None
        return axis.label if axis is not None else self.tr("Général")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        section = self.section_at(index.row()) if index.isValid() else None
        if section is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.group_label(section)}\n{section.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return section.title
        if role == Qt.ItemDataRole.DecorationRole:
            return axis_colour(self._axes.get(section.axis_id) if section.axis_id is not None else None, self._theme)
        if role == RECORD_ID_ROLE:
            return section.id
        return None


# -- AFOM ------------------------------------------------------------------------------------------
class SwotListModel(QAbstractListModel):
    """The items of one AFOM category, in their order (position)."""

    def __init__(self, category: SwotCategory, parent: QObject | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self._theme = theme
        self.category = category
        self._items: list[SwotItemRecord] = []
        self._axes: dict[int, AxisRecord] = {}

    def set_items(self, items: Sequence[SwotItemRecord], axes: Sequence[AxisRecord]) -> None:
        self.beginResetModel()
        self._axes = {axis.id: axis for axis in axes}
        mine = [item for item in items if item.category == self.category]
        self._items = sorted(mine, key=lambda item: (item.position, item.id))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def items(self) -> list[SwotItemRecord]:
        return list(self._items)

    def item_at(self, row: int) -> SwotItemRecord | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: int | None) -> int:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        axis = self._axes.get(item.axis_id) if item.axis_id is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text if axis is None else f"{item.text}  [{axis.code}]"
        if role == Qt.ItemDataRole.ToolTipRole:
            where = axis.label if axis is not None else self.tr("aucun axe (transversal)")
            return self.tr("{text}\nAxe : {axis}").format(text=item.text, axis=where)
        if role == Qt.ItemDataRole.DecorationRole:
            return axis_colour(axis, self._theme)
        if role == RECORD_ID_ROLE:
            return item.id
        return None


# -- key companies -------------------------------------------------------------------------------
class CompanyColumn(IntEnum):
    NAME = 0
    SIRET = 1
    SECTOR = 2
    EMPLOYEES = 3
    COMMUNE = 4


class CompanyTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._companies: list[KeyCompanyRecord] = []

    def headers(self) -> dict[CompanyColumn, str]:
        return {
            CompanyColumn.NAME: self.tr("Raison sociale"),
            CompanyColumn.SIRET: self.tr("SIRET"),
            CompanyColumn.SECTOR: self.tr("Secteur (NAF)"),
            CompanyColumn.EMPLOYEES: self.tr("Effectif"),
            CompanyColumn.COMMUNE: self.tr("Commune"),
        }

    def set_companies(self, companies: Sequence[KeyCompanyRecord]) -> None:
        self.beginResetModel()
        self._companies = list(companies)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._companies)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(CompanyColumn)

    def company_at(self, row: int) -> KeyCompanyRecord | None:
        return self._companies[row] if 0 <= row < len(self._companies) else None

    def row_of(self, company_id: int | None) -> int:
        for row, company in enumerate(self._companies):
            if company.id == company_id:
                return row
        return -1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers().get(CompanyColumn(section)) if 0 <= section < len(CompanyColumn) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        company = self.company_at(index.row()) if index.isValid() else None
        if company is None:
            return None
        column = CompanyColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CompanyColumn.EMPLOYEES:
                return format_number(company.employees)
            if column == CompanyColumn.SIRET:
                return format_siret(company.siret)
            value = {
                CompanyColumn.NAME: company.name,
                CompanyColumn.SECTOR: company.sector,
                CompanyColumn.COMMUNE: company.commune,
            }[column]
            return value or "—"
        if role == SORT_ROLE:
            if column == CompanyColumn.EMPLOYEES:
                return company.employees if company.employees is not None else -1
            text = {
                CompanyColumn.NAME: company.name,
                CompanyColumn.SIRET: company.siret,
                CompanyColumn.SECTOR: company.sector,
                CompanyColumn.COMMUNE: company.commune,
            }[column]
            return (text or "").casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CompanyColumn.EMPLOYEES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and company.notes:
            return company.notes
        if role == RECORD_ID_ROLE:
            return company.id
        return None


# -- challenges ----------------------------------------------------------------------------------
class ChallengeColumn(IntEnum):
    TITLE = 0
    PRIORITY = 1
    ANSWER = 2


@dataclass(eq=False)
class ChallengeNode:
    """An axis, a challenge under it, or an action answering that challenge."""

    kind: str
    parent: ChallengeNode | None
    row: int = 0
    axis: AxisRecord | None = None
    challenge: ChallengeRecord | None = None
    action: ActionRecord | None = None
    children: list[ChallengeNode] = field(default_factory=list)

    def add(self, child: ChallengeNode) -> None:
        child.row = len(self.children)
        self.children.append(child)


class ChallengeTreeModel(QAbstractItemModel):
    """Challenges grouped by axis; under each, the actions that answer it."""

    def __init__(self, parent: QObject | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self._unanswered_background = QBrush(theme.colour("unanswered_background"))
        self._unanswered_text = QBrush(theme.colour("unanswered_text"))
        self._action_link = QBrush(theme.colour("accent_strong"))
        self._root = ChallengeNode("root", None)
        self._unanswered_count = 0
        self._challenge_count = 0

    def set_challenges(
        self,
        axes: Sequence[AxisRecord],
        challenges: Sequence[ChallengeRecord],
        answers: Mapping[int, Sequence[ActionRecord]],
        *,
        unanswered_only: bool = False,
    ) -> None:
        root = ChallengeNode("root", None)
        known = {axis.id for axis in axes}
        for axis in axes:
            axis_node = ChallengeNode("axis", root, axis=axis)
            for challenge in challenges:
                if challenge.axis_id != axis.id:
                    continue
                actions = answers.get(challenge.id, ())
                if unanswered_only and actions:
                    continue
                challenge_node = ChallengeNode("challenge", axis_node, axis=axis, challenge=challenge)
                for action in actions:
                    challenge_node.add(ChallengeNode("action", challenge_node, axis=axis, action=action))
                axis_node.add(challenge_node)
            if axis_node.children:
                root.add(axis_node)
        self.beginResetModel()
        self._root = root
        self._challenge_count = sum(1 for c in challenges if c.axis_id in known)
        self._unanswered_count = sum(1 for c in challenges if c.axis_id in known and not answers.get(c.id))
        self.endResetModel()

    @property
    def challenge_count(self) -> int:
        return self._challenge_count

    @property
    def unanswered_count(self) -> int:
        return self._unanswered_count

    # -- structure ---------------------------------------------------------------------------------
    def _node(self, index: Index) -> ChallengeNode:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, ChallengeNode)
        return node

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(ChallengeColumn)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(ChallengeColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            ChallengeColumn.TITLE: self.tr("Enjeu / action qui y répond"),
            ChallengeColumn.PRIORITY: self.tr("Priorité"),
            ChallengeColumn.ANSWER: self.tr("Réponse du plan"),
        }
        return headers.get(ChallengeColumn(section)) if 0 <= section < len(ChallengeColumn) else None

    # -- content -----------------------------------------------------------------------------------
    def challenge_indexes(self) -> list[QModelIndex]:
        """The first-column index of every challenge shown."""
        result: list[QModelIndex] = []
        for axis_row, axis_node in enumerate(self._root.children):
            axis_index = self.index(axis_row, 0)
            result.extend(self.index(row, 0, axis_index) for row in range(len(axis_node.children)))
        return result

    def index_of_challenge(self, challenge_id: int | None) -> QModelIndex:
        for index in self.challenge_indexes():
            if index.data(RECORD_ID_ROLE) == challenge_id:
                return index
        return QModelIndex()

    def challenge_at(self, index: Index) -> ChallengeRecord | None:
        """The challenge of a challenge row, or of the challenge an action row answers."""
        node = self._node(index) if index.isValid() else None
        while node is not None and node.kind == "action":
            node = node.parent
        return node.challenge if node is not None else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        column = ChallengeColumn(index.column())
        if role == KIND_ROLE:
            return node.kind
        if node.kind == "axis":
            return self._axis_data(node, column, role)
        if node.kind == "challenge":
            return self._challenge_data(node, column, role)
        return self._action_data(node, column, role)

    def _axis_data(self, node: ChallengeNode, column: ChallengeColumn, role: int) -> Any:
        assert node.axis is not None
        if role == Qt.ItemDataRole.DisplayRole and column == ChallengeColumn.TITLE:
            count = len(node.children)
            counted = self.tr("1 enjeu") if count == 1 else self.tr("{count} enjeux").format(count=count)
            return f"{node.axis.label} — {counted}"
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        if role == Qt.ItemDataRole.ForegroundRole and column == ChallengeColumn.TITLE:
            return QBrush(QColor(node.axis.colour))
        if role == Qt.ItemDataRole.DecorationRole and column == ChallengeColumn.TITLE:
            return QColor(node.axis.colour)
        if role == RECORD_ID_ROLE:
            return node.axis.id
        return None

    def _challenge_data(self, node: ChallengeNode, column: ChallengeColumn, role: int) -> Any:
        challenge = node.challenge
        assert challenge is not None
        unanswered = not node.children
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ChallengeColumn.TITLE:
                return challenge.title
            if column == ChallengeColumn.PRIORITY:
                return challenge.priority.label
            if unanswered:
                return self.tr("⚠ Aucune action ne répond à cet enjeu")
            count = len(node.children)
            return self.tr("1 action") if count == 1 else self.tr("{count} actions").format(count=count)
        if role == Qt.ItemDataRole.ToolTipRole:
            return challenge.description or challenge.title
        if role == Qt.ItemDataRole.FontRole and (column == ChallengeColumn.TITLE or unanswered):
            return _bold()
        if unanswered and column == ChallengeColumn.ANSWER:
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._unanswered_background
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._unanswered_text
        if role == UNANSWERED_ROLE:
            return unanswered
        if role == RECORD_ID_ROLE:
            return challenge.id
        return None

    def _action_data(self, node: ChallengeNode, column: ChallengeColumn, role: int) -> Any:
        action = node.action
        assert action is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ChallengeColumn.TITLE:
                return f"{action.code} — {action.title}" if action.code else action.title
            if column == ChallengeColumn.ANSWER:
                return action.status.label
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Double-cliquez pour ouvrir la fiche-action")
        if role == Qt.ItemDataRole.ForegroundRole and column == ChallengeColumn.TITLE:
            return self._action_link
        if role == RECORD_ID_ROLE:
            return action.id
        return None
