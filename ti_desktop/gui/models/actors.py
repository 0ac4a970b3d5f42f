"""Actors of the directory as item models: the directory table (with its search proxy), the territory's
governance (roles joined with actors), and the list of actions an actor leads or partners."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from ti_desktop.domain.enums import GovernanceRole
from ti_desktop.domain.records import ActionRecord, ActorRecord, TerritoryRoleRecord
from ti_desktop.services.views import ActorInvolvement

Index = QModelIndex | QPersistentModelIndex

ACTOR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4
ROLE_ID_ROLE = Qt.ItemDataRole.UserRole + 5
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 6

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def plain(text: str) -> str:
    """Lower case without accents: "Émilie" is found by typing "emilie"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class DirectoryColumn(IntEnum):
    NAME = 0
    ORGANISATION = 1
    KIND = 2
    EMAIL = 3
    PHONE = 4
    LEADS = 5
    PARTNERSHIPS = 6


class DirectoryModel(QAbstractTableModel):
    """One row per actor of the directory, with how many of the territory's actions it leads or partners."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ActorInvolvement] = []

    def set_involvement(self, rows: list[ActorInvolvement]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def involvement_at(self, row: int) -> ActorInvolvement:
        return self._rows[row]

    def row_of(self, actor_id: int) -> int | None:
        return next((row for row, item in enumerate(self._rows) if item.actor.id == actor_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(DirectoryColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(DirectoryColumn):
            return None
        column = DirectoryColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                DirectoryColumn.NAME: self.tr("Nom"),
                DirectoryColumn.ORGANISATION: self.tr("Organisation"),
                DirectoryColumn.KIND: self.tr("Type"),
                DirectoryColumn.EMAIL: self.tr("Courriel"),
                DirectoryColumn.PHONE: self.tr("Téléphone"),
                DirectoryColumn.LEADS: self.tr("Porteur"),
                DirectoryColumn.PARTNERSHIPS: self.tr("Partenaire"),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == DirectoryColumn.LEADS:
            return self.tr("Nombre d'actions du territoire dont l'acteur est porteur")
        if role == Qt.ItemDataRole.ToolTipRole and column == DirectoryColumn.PARTNERSHIPS:
            return self.tr("Nombre d'actions du territoire dont l'acteur est partenaire")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            DirectoryColumn.LEADS,
            DirectoryColumn.PARTNERSHIPS,
        ):
            return RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        actor = item.actor
        column = DirectoryColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(item, column)
        if role == SORT_ROLE:
            if column == DirectoryColumn.LEADS:
                return len(item.lead_of)
            if column == DirectoryColumn.PARTNERSHIPS:
                return len(item.partner_of)
            return plain(self._text(item, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            DirectoryColumn.LEADS,
            DirectoryColumn.PARTNERSHIPS,
        ):
            return RIGHT
        if role == ACTOR_ID_ROLE:
            return actor.id
        if role == KIND_ROLE:
            return actor.kind.value
        if role == SEARCH_ROLE:
            return plain(" ".join(self._text(item, c) for c in DirectoryColumn))
        return None

    @staticmethod
    def _text(item: ActorInvolvement, column: DirectoryColumn) -> str:
        actor = item.actor
        if column == DirectoryColumn.NAME:
            return actor.name
        if column == DirectoryColumn.ORGANISATION:
            return actor.organisation or ""
        if column == DirectoryColumn.KIND:
            return actor.kind.label
        if column == DirectoryColumn.EMAIL:
            return actor.email or ""
        if column == DirectoryColumn.PHONE:
            return actor.phone or ""
        if column == DirectoryColumn.LEADS:
            return str(len(item.lead_of))
        return str(len(item.partner_of))


class DirectoryProxy(QSortFilterProxyModel):
    """Search (every column, ignoring case and accents) combined with a kind of actor."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._kind: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = plain(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._kind is not None and index.data(KIND_ROLE) != self._kind:
            return False
        haystack: str = index.data(SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)


@dataclass(frozen=True, slots=True)
class GovernanceMember:
    role: TerritoryRoleRecord
    actor: ActorRecord


ROLE_ORDER = {role: position for position, role in enumerate(GovernanceRole)}
BINOME = frozenset({GovernanceRole.ELU_REFERENT, GovernanceRole.INDUSTRIEL_REFERENT})


class GovernanceColumn(IntEnum):
    ROLE = 0
    NAME = 1
    ORGANISATION = 2
    EMAIL = 3
    PHONE = 4


class GovernanceModel(QAbstractTableModel):
    """Who holds which role in the territory, the binôme first, in the programme's order of roles."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._members: list[GovernanceMember] = []

    def set_members(self, members: list[GovernanceMember]) -> None:
        self.beginResetModel()
        self._members = sorted(members, key=lambda m: (ROLE_ORDER[m.role.role], plain(m.actor.name)))
        self.endResetModel()

    def member_at(self, row: int) -> GovernanceMember:
        return self._members[row]

    def members(self) -> list[GovernanceMember]:
        return list(self._members)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(GovernanceColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(GovernanceColumn):
            return None
        return {
            GovernanceColumn.ROLE: self.tr("Rôle"),
            GovernanceColumn.NAME: self.tr("Nom"),
            GovernanceColumn.ORGANISATION: self.tr("Organisation"),
            GovernanceColumn.EMAIL: self.tr("Courriel"),
            GovernanceColumn.PHONE: self.tr("Téléphone"),
        }[GovernanceColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._members):
            return None
        member = self._members[index.row()]
        column = GovernanceColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            actor = member.actor
            return {
                GovernanceColumn.ROLE: member.role.role.label,
                GovernanceColumn.NAME: actor.name,
                GovernanceColumn.ORGANISATION: actor.organisation or "",
                GovernanceColumn.EMAIL: actor.email or "",
                GovernanceColumn.PHONE: actor.phone or "",
            }[column]
        if role == Qt.ItemDataRole.FontRole and column in (GovernanceColumn.ROLE, GovernanceColumn.NAME):
            # The binôme élu–industriel steers the territory: it stands out.
            if member.role.role in BINOME:
                font = QFont()
                font.setBold(True)
                return font
        if role == ROLE_ID_ROLE:
            return member.role.id
        if role == ACTOR_ID_ROLE:
            return member.actor.id
        return None


@dataclass(frozen=True, slots=True)
class ActionLink:
    action: ActionRecord
    detail: str | None  # the partner's role in the action, when known


class ActionLinksModel(QAbstractListModel):
    """Actions shown as "CODE — titre" (with the partner's role), each carrying its id to open it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._links: list[ActionLink] = []

    def set_links(self, links: list[ActionLink]) -> None:
        self.beginResetModel()
        self._links = sorted(links, key=lambda link: (link.action.code or "", link.action.title))
        self.endResetModel()

    def texts(self) -> list[str]:
        return [self._text(link) for link in self._links]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._links)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._links):
            return None
        link = self._links[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(link)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Double-cliquez pour ouvrir la fiche-action")
        if role == ACTION_ID_ROLE:
            return link.action.id
        return None

    def _text(self, link: ActionLink) -> str:
        action = link.action
        text = f"{action.code} — {action.title}" if action.code else action.title
        return f"{text} ({link.detail})" if link.detail else text
