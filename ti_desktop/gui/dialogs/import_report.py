"""The validation report of an import, as the user reads it before confirming: a summary line (problems found,
what will be created or updated), the problems in a sortable table — errors first, each located by sheet, row and
column — and the list of the actions the import creates or updates, with the fields it changes."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHeaderView, QLabel, QStyle, QTableView, QTabWidget, QVBoxLayout, QWidget

from ti_desktop.gui.tables import read_only_table
from ti_desktop.gui.theme import LIGHT, SUMMARY_ERROR, SUMMARY_OK, SUMMARY_WARNING, Theme, set_summary
from ti_desktop.kernel.formatting import format_number
from ti_desktop.services.import_columns import ImportIssue
from ti_desktop.services.importing import ActionChange, ImportPreview
from ti_desktop.services.indicator_import import IndicatorImportPreview

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NAMES_SHOWN = 4  # created axes or actors named in the summary; the rest are counted


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportReport", text)


def count_of(count: int, one: str, many: str) -> str:
    """`0 action`, `1 action`, `1 250 actions` (French grouping; in French 0 takes the singular)."""
    return f"{format_number(count)} {one if abs(count) < 2 else many}"


def _named(count_text: str, names: Sequence[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    if len(names) > NAMES_SHOWN:
        shown += ", …"
    return f"{count_text} ({shown})"


def problems_text(issues: Sequence[ImportIssue]) -> str:
    errors = sum(1 for issue in issues if issue.is_error)
    warnings = len(issues) - errors
    if not issues:
        return _tr("Aucun problème dans le fichier.")
    parts = []
    if errors:
        parts.append(count_of(errors, _tr("erreur"), _tr("erreurs")))
    if warnings:
        parts.append(count_of(warnings, _tr("avertissement"), _tr("avertissements")))
    return " et ".join(parts) + "."


def plan_summary(preview: ImportPreview) -> str:
    """What the import found and does, in a few French sentences."""
    lines = [problems_text(preview.issues)]
    if preview.has_errors:
        lines.append(_tr("Rien ne sera importé tant que les erreurs ne sont pas corrigées."))
        return "\n".join(lines)
    created = []
    if preview.actions_created:
        text = count_of(preview.actions_created, _tr("action"), _tr("actions"))
        if preview.sub_actions_created:
            text += _tr(" (dont {count})").format(
                count=count_of(preview.sub_actions_created, _tr("sous-action"), _tr("sous-actions"))
            )
        created.append(text)
    if preview.funding_lines_created:
        created.append(
            count_of(preview.funding_lines_created, _tr("ligne de financement"), _tr("lignes de financement"))
        )
    if preview.milestones_created:
        created.append(count_of(preview.milestones_created, _tr("jalon"), _tr("jalons")))
    if preview.axes_created:
        created.append(_named(count_of(len(preview.axes_created), _tr("axe"), _tr("axes")), preview.axes_created))
    if preview.objectives_created:
        created.append(count_of(preview.objectives_created, _tr("objectif"), _tr("objectifs")))
    if preview.actors_created:
        created.append(
            _named(
                count_of(len(preview.actors_created), _tr("acteur de l'annuaire"), _tr("acteurs de l'annuaire")),
                preview.actors_created,
            )
        )
    if preview.custom_fields_created:
        names = preview.custom_fields_created
        created.append(_named(count_of(len(names), _tr("champ personnalisé"), _tr("champs personnalisés")), names))
    written = preview.written
    if created:
        lead = _tr("Créations : ") if written else _tr("À créer : ")
        lines.append(lead + ", ".join(created) + ".")
    updated = []
    if preview.actions_updated:
        updated.append(count_of(preview.actions_updated, _tr("action"), _tr("actions")))
    if preview.funding_lines_updated:
        updated.append(
            count_of(preview.funding_lines_updated, _tr("ligne de financement"), _tr("lignes de financement"))
        )
    if preview.milestones_updated:
        updated.append(count_of(preview.milestones_updated, _tr("jalon"), _tr("jalons")))
    if updated:
        lead = _tr("Mises à jour : ") if written else _tr("À mettre à jour : ")
        lines.append(lead + ", ".join(updated) + ".")
    if preview.actions_unchanged:
        lines.append(
            _tr("Déjà à jour : {count}.").format(
                count=count_of(preview.actions_unchanged, _tr("action"), _tr("actions"))
            )
        )
    if not created and not updated:
        lines.append(_tr("Le plan est déjà à jour : rien à importer."))
    lines.extend(preview.figures.lines())
    return "\n".join(lines)


def indicator_summary(preview: IndicatorImportPreview) -> str:
    lines = [problems_text(preview.issues)]
    if preview.has_errors:
        lines.append(_tr("Rien ne sera importé tant que les erreurs du fichier ne sont pas corrigées."))
        return "\n".join(lines)
    written = preview.written
    parts = []
    if preview.indicators_created:
        parts.append(
            _named(
                count_of(len(preview.indicators_created), _tr("indicateur"), _tr("indicateurs")),
                preview.indicators_created,
            )
        )
    if preview.values_created:
        parts.append(count_of(preview.values_created, _tr("valeur"), _tr("valeurs")))
    if parts:
        lines.append((_tr("Créations : ") if written else _tr("À créer : ")) + ", ".join(parts) + ".")
    if preview.values_updated:
        lead = _tr("Mises à jour : ") if written else _tr("À mettre à jour : ")
        lines.append(lead + count_of(preview.values_updated, _tr("valeur"), _tr("valeurs")) + ".")
    if preview.values_unchanged:
        lines.append(
            _tr("Déjà à jour : {count}.").format(
                count=count_of(preview.values_unchanged, _tr("valeur"), _tr("valeurs"))
            )
        )
    if not parts and not preview.values_updated:
        lines.append(_tr("Les valeurs sont déjà à jour : rien à importer."))
    return "\n".join(lines)


# -- the problems ----------------------------------------------------------------------------------------------


class IssueColumn(IntEnum):
    SEVERITY = 0
    SHEET = 1
    ROW = 2
    COLUMN = 3
    MESSAGE = 4


class IssuesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self._colours = {True: theme.colour("error"), False: theme.colour("warning")}
        self._issues: list[ImportIssue] = []
        self._icons: dict[bool, QIcon] = {}

    def set_issues(self, issues: Sequence[ImportIssue], icons: dict[bool, QIcon]) -> None:
        self.beginResetModel()
        # Errors first, then warnings, each in the file's order (the proxy's sort is stable).
        self._issues = sorted(issues, key=lambda issue: not issue.is_error)
        self._icons = icons
        self.endResetModel()

    def issue(self, row: int) -> ImportIssue:
        return self._issues[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(IssueColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            IssueColumn.SEVERITY: self.tr("Gravité"),
            IssueColumn.SHEET: self.tr("Feuille"),
            IssueColumn.ROW: self.tr("Ligne"),
            IssueColumn.COLUMN: self.tr("Colonne"),
            IssueColumn.MESSAGE: self.tr("Message"),
        }
        return titles.get(IssueColumn(section)) if 0 <= section < len(IssueColumn) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        issue = self._issues[index.row()]
        column = IssueColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(issue, column)
        if role == SORT_ROLE:
            return self._sort_key(issue, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(issue)
        if role == Qt.ItemDataRole.ForegroundRole and column in (IssueColumn.SEVERITY, IssueColumn.MESSAGE):
            return self._colours[issue.is_error]
        if role == Qt.ItemDataRole.DecorationRole and column == IssueColumn.SEVERITY:
            return self._icons.get(issue.is_error)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == IssueColumn.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, issue: ImportIssue, column: IssueColumn) -> str:
        if column == IssueColumn.SEVERITY:
            return self.tr("Erreur") if issue.is_error else self.tr("Avertissement")
        if column == IssueColumn.SHEET:
            return issue.sheet or ""
        if column == IssueColumn.ROW:
            return format_number(issue.row, empty="")
        if column == IssueColumn.COLUMN:
            if not issue.column:
                return issue.header or ""
            return f"{issue.column} ({issue.header})" if issue.header else issue.column
        return issue.message[:1].upper() + issue.message[1:]  # a sentence of its own in the table

    def _sort_key(self, issue: ImportIssue, column: IssueColumn) -> Any:
        if column == IssueColumn.SEVERITY:
            return 0 if issue.is_error else 1
        if column == IssueColumn.ROW:
            return issue.row if issue.row is not None else -1
        if column == IssueColumn.COLUMN:
            # B before AA, as in the spreadsheet
            return f"{len(issue.column or ''):02d}{issue.column or ''}"
        return self._text(issue, column).casefold()


# -- the changes -----------------------------------------------------------------------------------------------


class ChangeColumn(IntEnum):
    KIND = 0
    ROW = 1
    AXIS = 2
    TITLE = 3
    FIELDS = 4


class ChangesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._changes: list[ActionChange] = []

    def set_changes(self, changes: Sequence[ActionChange]) -> None:
        self.beginResetModel()
        self._changes = list(changes)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(ChangeColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            ChangeColumn.KIND: self.tr("Changement"),
            ChangeColumn.ROW: self.tr("Ligne"),
            ChangeColumn.AXIS: self.tr("Axe"),
            ChangeColumn.TITLE: self.tr("Action"),
            ChangeColumn.FIELDS: self.tr("Champs modifiés"),
        }
        return titles.get(ChangeColumn(section)) if 0 <= section < len(ChangeColumn) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        change = self._changes[index.row()]
        column = ChangeColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(change, column)
        if role == SORT_ROLE:
            return change.row if column == ChangeColumn.ROW else self._text(change, column).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ChangeColumn.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, change: ActionChange, column: ChangeColumn) -> str:
        if column == ChangeColumn.KIND:
            return change.kind[:1].upper() + change.kind[1:]  # "création" → "Création"
        if column == ChangeColumn.ROW:
            return format_number(change.row, empty="")
        if column == ChangeColumn.AXIS:
            return change.axis
        if column == ChangeColumn.TITLE:
            return change.title
        return ", ".join(change.fields)


# -- the widget ------------------------------------------------------------------------------------------------


def _sorted_table(parent: QWidget, model: QAbstractTableModel) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = read_only_table(QTableView(parent))
    view.setModel(proxy)
    view.setSortingEnabled(True)
    return view, proxy


class ImportReportView(QWidget):
    """Reusable: the plan import wizard and the indicator values dialog show their previews with it."""

    def __init__(self, parent: QWidget | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("resume_import")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        style = self.style()
        self._icons = {
            True: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            False: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self.issues_model = IssuesModel(self, theme)
        self.issues_view, self.issues_proxy = _sorted_table(self, self.issues_model)
        header = self.issues_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.issues_view.setColumnWidth(IssueColumn.SEVERITY, 130)
        self.issues_view.setColumnWidth(IssueColumn.SHEET, 110)
        self.issues_view.setColumnWidth(IssueColumn.ROW, 60)
        self.issues_view.setColumnWidth(IssueColumn.COLUMN, 170)
        self.issues_view.sortByColumn(IssueColumn.SEVERITY, Qt.SortOrder.AscendingOrder)

        self.changes_model = ChangesModel(self)
        self.changes_view, self.changes_proxy = _sorted_table(self, self.changes_model)
        header = self.changes_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.changes_view.setColumnWidth(ChangeColumn.KIND, 110)
        self.changes_view.setColumnWidth(ChangeColumn.ROW, 60)
        self.changes_view.setColumnWidth(ChangeColumn.AXIS, 170)
        self.changes_view.setColumnWidth(ChangeColumn.TITLE, 300)
        self.changes_view.sortByColumn(ChangeColumn.ROW, Qt.SortOrder.AscendingOrder)

        self.issues_view.setAccessibleName(self.tr("Problèmes"))
        self.changes_view.setAccessibleName(self.tr("Changements"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.issues_view, "")
        self.tabs.addTab(self.changes_view, "")
        QWidget.setTabOrder(self.tabs.tabBar(), self.issues_view)  # the tabs, then the table shown under them
        QWidget.setTabOrder(self.issues_view, self.changes_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        self.clear()

    def clear(self) -> None:
        self.set_report("", [], None)

    def show_plan_preview(self, preview: ImportPreview) -> None:
        self.set_report(plan_summary(preview), preview.issues, preview.changes)

    def show_indicator_preview(self, preview: IndicatorImportPreview) -> None:
        self.set_report(indicator_summary(preview), preview.issues, None)

    def set_report(self, summary: str, issues: Sequence[ImportIssue], changes: Sequence[ActionChange] | None) -> None:
        """`changes` None: the import has no list of changes (its tab is hidden)."""
        self.summary_label.setText(summary)
        errors = any(issue.is_error for issue in issues)
        set_summary(self.summary_label, SUMMARY_ERROR if errors else SUMMARY_WARNING if issues else SUMMARY_OK)
        self.summary_label.setVisible(bool(summary))
        self.issues_model.set_issues(issues, self._icons)
        self.changes_model.set_changes(changes or [])
        self.tabs.setTabText(0, self.tr("Problèmes ({count})").format(count=format_number(len(issues))))
        self.tabs.setTabText(1, self.tr("Changements ({count})").format(count=format_number(len(changes or []))))
        # With errors nothing is imported: there are no changes to list.
        self.tabs.setTabVisible(1, changes is not None and not errors)
        # Errors to fix come first; with none, what the import will do is what matters.
        self.tabs.setCurrentIndex(0 if issues or changes is None else 1)

    # -- what the tables show, for the wizard and the tests ----------------------------------------------------
    def issue_rows(self) -> list[list[str]]:
        """The problems as displayed (sorted as the view sorts them)."""
        return _rows(self.issues_proxy)

    def change_rows(self) -> list[list[str]]:
        return _rows(self.changes_proxy)

    def summary(self) -> str:
        return self.summary_label.text()


def _rows(model: QSortFilterProxyModel) -> list[list[str]]:
    return [
        [str(model.index(row, column).data() or "") for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
