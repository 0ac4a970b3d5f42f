"""The territory's intercommunalités (EPCI) as a table, with their totals."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ti_desktop.domain.records import EpciRecord
from ti_desktop.kernel.formatting import format_number

Index = QModelIndex | QPersistentModelIndex

EPCI_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class EpciColumn(IntEnum):
    NAME = 0
    SIREN = 1
    POPULATION = 2
    COMMUNES = 3


class EpciTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._epcis: list[EpciRecord] = []

    def set_epcis(self, epcis: list[EpciRecord]) -> None:
        self.beginResetModel()
        self._epcis = list(epcis)
        self.endResetModel()

    def epci_at(self, row: int) -> EpciRecord:
        return self._epcis[row]

    def row_of(self, epci_id: int) -> int | None:
        return next((row for row, epci in enumerate(self._epcis) if epci.id == epci_id), None)

    def totals(self) -> tuple[int, int]:
        """Population and number of communes of the whole territory (unknown values count as 0)."""
        population = sum(epci.population or 0 for epci in self._epcis)
        communes = sum(epci.commune_count or 0 for epci in self._epcis)
        return population, communes

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._epcis)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(EpciColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(EpciColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                EpciColumn.NAME: self.tr("Intercommunalité"),
                EpciColumn.SIREN: self.tr("SIREN"),
                EpciColumn.POPULATION: self.tr("Population"),
                EpciColumn.COMMUNES: self.tr("Communes"),
            }[EpciColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (EpciColumn.POPULATION, EpciColumn.COMMUNES):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._epcis):
            return None
        epci = self._epcis[index.row()]
        column = EpciColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == EpciColumn.NAME:
                return epci.name
            if column == EpciColumn.SIREN:
                return epci.siren or ""
            if column == EpciColumn.POPULATION:
                return format_number(epci.population, empty="")
            return format_number(epci.commune_count, empty="")
        if role == Qt.ItemDataRole.ToolTipRole and column == EpciColumn.NAME:
            return epci.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (EpciColumn.POPULATION, EpciColumn.COMMUNES):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == EPCI_ID_ROLE:
            return epci.id
        return None
