"""The contrôle avant envoi as a table: what would make the report weak, each row leading to its fiche."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ti_desktop.domain.records import ActionRecord, IndicatorRecord
from ti_desktop.domain.report_options import ReportFinding

Index = QModelIndex | QPersistentModelIndex

ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the action the row leads to, if any


class FindingColumn(IntEnum):
    KIND = 0
    SUBJECT = 1
    MESSAGE = 2


class FindingsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[ReportFinding] = []
        self._actions: dict[int, ActionRecord] = {}
        self._indicators: dict[int, IndicatorRecord] = {}

    def set_findings(
        self,
        findings: Sequence[ReportFinding],
        actions: Mapping[int, ActionRecord],
        indicators: Mapping[int, IndicatorRecord],
    ) -> None:
        self.beginResetModel()
        self._findings = list(findings)
        self._actions = dict(actions)
        self._indicators = dict(indicators)
        self.endResetModel()

    def findings(self) -> list[ReportFinding]:
        return list(self._findings)

    def finding(self, row: int) -> ReportFinding:
        return self._findings[row]

    def subject(self, finding: ReportFinding) -> str:
        """The indicator's name, else the action's code and title."""
        if finding.indicator_id is not None and finding.indicator_id in self._indicators:
            return self.tr("Indicateur « {name} »").format(name=self._indicators[finding.indicator_id].name)
        if finding.action_id is None:  # about the territory itself (its chef de projet), or an unknown indicator
            return self.tr("Territoire") if finding.indicator_id is None else ""
        action = self._actions.get(finding.action_id)
        if action is None:
            return ""
        return f"{action.code or f'n° {action.id}'} – {action.title}"

    def detail(self, finding: ReportFinding) -> str:
        """The message without the subject it starts with (the column before already shows it)."""
        prefix = f"{self.subject(finding)} : "
        if self.subject(finding) and finding.message.startswith(prefix):
            rest = finding.message[len(prefix) :]
            return rest[:1].upper() + rest[1:]
        return finding.message

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(FindingColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(FindingColumn):
            return None
        return {
            FindingColumn.KIND: self.tr("Point à vérifier"),
            FindingColumn.SUBJECT: self.tr("Fiche-action ou indicateur"),
            FindingColumn.MESSAGE: self.tr("Détail"),
        }[FindingColumn(section)]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        finding = self._findings[index.row()]
        column = FindingColumn(index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return finding.message
        if role == Qt.ItemDataRole.DisplayRole:
            if column is FindingColumn.KIND:
                return finding.kind.label
            if column is FindingColumn.SUBJECT:
                return self.subject(finding)
            return self.detail(finding)
        if role == ACTION_ID_ROLE:
            return finding.action_id
        return None
