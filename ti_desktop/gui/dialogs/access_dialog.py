"""Fichier › Accès à la base partagée: who has which right on which territory (what the role may see: its
own rights, all those of the territories it administers), and, for an administrator, grant and revoke.
PostgreSQL enforces the rights (migration 0011); this dialog only calls services.access."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain.access import LEVEL_HELP, AccessEntry, AccessLevel
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.services.use_cases import HasAccess, HasTerritories

HEADERS = ("Territoire", "Rôle", "Niveau", "Actions confidentielles", "Accordé par")


class AccessDialogServices(HasAccess, HasTerritories, Protocol):
    """The rights, and the territories the role sees (to choose one)."""


class GrantDialog(QDialog):
    """A role, a territory, a level (and, for a Région, whether it sees the confidential actions)."""

    def __init__(self, territories: list[str], current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accorder un accès"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.role_edit = QLineEdit()
        self.role_edit.setPlaceholderText(self.tr("rôle PostgreSQL, créé par l'informatique (ex. : marie.dupont)"))
        form.addRow(self.tr("&Rôle :"), self.role_edit)
        self.territory_combo = QComboBox()
        self.territory_combo.addItems(territories)
        if current in territories:
            self.territory_combo.setCurrentText(current)
        form.addRow(self.tr("&Territoire :"), self.territory_combo)
        self.level_combo = QComboBox()
        for level in AccessLevel:
            self.level_combo.addItem(f"{level.label} — {LEVEL_HELP[level]}", level.value)
        form.addRow(self.tr("&Niveau :"), self.level_combo)
        self.confidential_box = QCheckBox(self.tr("Montrer aussi les actions &confidentielles (niveau Région)"))
        form.addRow("", self.confidential_box)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("erreur")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.grant_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.grant_button.setText(self.tr("Accorder"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.level_combo.currentIndexChanged.connect(self._follow_level)
        self._follow_level()

    def _follow_level(self) -> None:
        region = self.level_combo.currentData() == AccessLevel.REGION.value
        self.confidential_box.setEnabled(region)
        if not region:
            self.confidential_box.setChecked(False)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


class AccessDialog(QDialog):
    def __init__(
        self, services: AccessDialogServices, current_territory: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("acces-base-partagee")
        self.setWindowTitle(self.tr("Accès à la base partagée"))
        self.resize(760, 420)
        self._services = services
        self._current = current_territory
        self._entries: list[AccessEntry] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Chaque personne se connecte avec son propre rôle PostgreSQL ; la base elle-même ne lui montre que "
                "les territoires accordés ici. Vous voyez vos accès et ceux des territoires que vous administrez."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setAccessibleName(self.tr("Accès par territoire"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.empty_label = QLabel(self.tr("Aucun accès visible."))
        layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        self.grant_button = QPushButton(self.tr("&Accorder un accès…"))
        self.revoke_button = QPushButton(self.tr("&Retirer l'accès sélectionné"))
        close = QPushButton(self.tr("&Fermer"))
        row.addWidget(self.grant_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.grant_button.clicked.connect(self.grant)
        self.revoke_button.clicked.connect(self.revoke)
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._follow_selection)
        self.reload()

    def reload(self) -> None:
        self._entries = self._services.access.entries()
        self.table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            confidential = "oui" if entry.level is not AccessLevel.REGION or entry.confidential else "non"
            cells = (entry.territory, entry.role, entry.level.label, confidential, entry.granted_by)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not self._entries)
        self._follow_selection()

    def _managed(self) -> set[int]:
        """The territories the role may manage (its admin rights; every visible one for the base's owner)."""
        territories = {t.id for t in self._services.territories.list()}
        return {t for t in territories if self._services.access.rights(t).may_manage}

    def _follow_selection(self) -> None:
        managed = self._managed()
        self.grant_button.setEnabled(bool(managed))
        if not managed:
            self.grant_button.setToolTip(
                self.tr("Seuls un administrateur du territoire et le propriétaire gèrent ses accès.")
            )
        selected = self._selected()
        self.revoke_button.setEnabled(selected is not None and selected.territory_id in managed)

    def _selected(self) -> AccessEntry | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self._entries[min(rows)] if rows else None

    def grant(self) -> None:
        managed = self._managed()
        names = [t.name for t in self._services.territories.list() if t.id in managed]
        dialog = self.grant_dialog(names)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self._services.access.grant(
                    dialog.role_edit.text(),
                    dialog.territory_combo.currentText(),
                    str(dialog.level_combo.currentData()),
                    confidential=dialog.confidential_box.isChecked(),
                )
            except TiDesktopError as error:
                dialog.show_error(error.message)  # the dialog stays, with what was typed
                continue
            break
        self.reload()

    def grant_dialog(self, territories: list[str]) -> GrantDialog:
        return GrantDialog(territories, self._current, self)

    def revoke(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        question = self.tr("Retirer à « {role} » son accès « {level} » à « {territory} » ? Il prend effet aussitôt.")
        answer = QMessageBox.question(
            self,
            self.tr("Retirer un accès"),
            question.format(role=entry.role, level=entry.level.label, territory=entry.territory),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.access.revoke(entry.role, entry.territory)
        except TiDesktopError as error:
            QMessageBox.warning(self, self.tr("Retirer un accès"), error.message)
        self.reload()
