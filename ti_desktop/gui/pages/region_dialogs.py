"""The Région page's dialogs: the actions behind a figure (a territory's, or every territory's on one axis), and
the verdict of each file an addition read — refused ones said in words, with their message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.gui.models.records import Column, RecordTableModel
from ti_desktop.gui.pages.region_models import ActionLine, VerdictLike, action_columns, verdict_columns
from ti_desktop.gui.tables import fit_columns, read_only_table
from ti_desktop.gui.theme import LIGHT, Role, Theme, apply_roles, set_role
from ti_desktop.kernel.formatting import format_number

T = TypeVar("T")


def _table(model: RecordTableModel[T], parent: QWidget) -> QTableView:
    view = read_only_table(QTableView(parent))
    view.setModel(model)
    fit_columns(view, model.main_column())
    return view


class _ListDialog(QDialog, Generic[T]):
    def __init__(
        self,
        title: str,
        summary: str,
        columns: Sequence[Column[T]],
        rows: Sequence[T],
        parent: QWidget | None,
        theme: Theme,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(summary, self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.model: RecordTableModel[T] = RecordTableModel(columns, self, theme=theme)
        self.model.set_records(rows)
        self.view = _table(self.model, self)
        self.view.setAccessibleName(title)
        self.view.setAccessibleDescription(summary)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        layout.addWidget(buttons)
        self.resize(1100, 560)

    def texts(self, column: int) -> list[str]:
        return [str(self.model.index(row, column).data()) for row in range(self.model.rowCount())]


class ActionsDialog(_ListDialog[ActionLine]):
    """The actions a figure counts, from each territory's latest report."""

    def __init__(
        self,
        title: str,
        lines: Sequence[ActionLine],
        *,
        with_territory: bool,
        parent: QWidget | None = None,
        theme: Theme = LIGHT,
    ) -> None:
        count = len(lines)
        if count == 0:
            summary = "Aucune action."
        elif count == 1:
            summary = "1 action, d'après le dernier rapport reçu."
        else:
            summary = f"{format_number(count)} actions, d'après le dernier rapport reçu de chaque territoire."
        super().__init__(title, summary, action_columns(with_territory), lines, parent, theme)
        apply_roles(self)


class VerdictsDialog(_ListDialog[VerdictLike]):
    """What became of each file of an addition."""

    def __init__(self, verdicts: Sequence[VerdictLike], parent: QWidget | None = None, theme: Theme = LIGHT) -> None:
        counts = {outcome: 0 for outcome in ("ajouté", "remplacé", "inchangé", "refusé")}
        for verdict in verdicts:
            counts[verdict.outcome] = counts.get(verdict.outcome, 0) + 1
        summary = verdict_summary(counts)
        # The refused files first: what needs the user's attention is seen without scrolling.
        verdicts = sorted(verdicts, key=lambda verdict: verdict.outcome != "refusé")
        super().__init__("Rapports ajoutés à la consolidation", summary, verdict_columns(), verdicts, parent, theme)
        # A refusal's message is the whole reason: wrapped on as many lines as it needs, never cut.
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if counts["refusé"]:
            set_role(self.summary_label, Role.ERROR)
        apply_roles(self)


def verdict_summary(counts: dict[str, int]) -> str:
    """« 2 rapports ajoutés, 1 remplacé, 1 refusé : voir son message ci-dessous. »"""
    total = sum(counts.values())
    if total == 0:
        return "Aucun rapport trouvé dans les fichiers choisis."
    parts: list[str] = []
    for outcome, (one, many) in {
        "ajouté": ("rapport ajouté", "rapports ajoutés"),
        "remplacé": (
            "rapport remplacé par une version plus récente",
            "rapports remplacés par une version plus récente",
        ),
        "inchangé": ("rapport déjà reçu, inchangé", "rapports déjà reçus, inchangés"),
        "refusé": ("fichier refusé", "fichiers refusés"),
    }.items():
        count = counts.get(outcome, 0)
        if count:
            parts.append(f"{format_number(count)} {one if count == 1 else many}")
    text = ", ".join(parts) + "."
    refused = counts.get("refusé", 0)
    if refused:
        text += " Le motif de chaque refus est donné ci-dessous ; les autres rapports ont été consolidés."
    return text
