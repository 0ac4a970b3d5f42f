"""The main window: navigation between pages, territory selector, menus, status bar, remembered layout."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from ti_desktop import APP_NAME, __version__
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.pages.base import Page
from ti_desktop.paths import backups_dir_for
from ti_desktop.services import maintenance

# Opens the fiche-action editor: (context, action id or None, parent window, axis id, parent action id).
EditorFactory = Callable[[AppContext, int | None, QWidget, int | None, int | None], QDialog]

ABOUT_COMPONENTS = [
    ("Qt 6 / PySide6", "LGPL v3"),
    ("SQLAlchemy, Alembic", "MIT"),
    ("pandas", "BSD 3 clauses"),
    ("openpyxl", "MIT"),
    ("reportlab", "BSD"),
    ("platformdirs", "MIT"),
    ("Polices DejaVu", "licence libre Bitstream Vera / DejaVu"),
]


class MainWindow(QMainWindow):
    # Asked of the application, which owns the database: open another file, restore a backup.
    database_requested = Signal(Path)
    restore_requested = Signal(Path)

    def __init__(
        self,
        context: AppContext,
        database_path: Path,
        pages: Sequence[Page],
        editor_factory: EditorFactory,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.database_path = database_path
        self.pages = list(pages)
        self._editor_factory = editor_factory
        self._build_central()
        self._build_menus()
        self._build_status_bar()
        context.territory_changed.connect(self._update_title)
        context.territory_changed.connect(self._update_exchange_actions)
        context.action_open_requested.connect(self.open_action)
        context.action_create_requested.connect(self.create_action)
        context.plan_filter_requested.connect(self._show_plan)
        context.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.reload_territories()
        self._update_exchange_actions()
        self._restore_layout()

    # -- layout --------------------------------------------------------------------------------
    def _build_central(self) -> None:
        self.navigation = QListWidget(self)
        self.navigation.setFixedWidth(190)
        self.navigation.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.navigation.addItem(page.title())
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.territory_bar = QToolBar(self.tr("Territoire"), self)
        self.territory_bar.setObjectName("territoire")
        self.territory_label = QLabel(self.tr("Territoire : "), self)
        self.territory_selector = QComboBox(self)
        self.territory_selector.setMinimumWidth(320)
        self.territory_bar.addWidget(self.territory_label)
        self.territory_bar.addWidget(self.territory_selector)
        self.addToolBar(self.territory_bar)
        self.territory_selector.currentIndexChanged.connect(self._on_territory_chosen)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        self._menu_action(file_menu, self.tr("&Nouvelle base…"), None, self._new_database)
        self._menu_action(file_menu, self.tr("&Ouvrir une base…"), QKeySequence.StandardKey.Open, self._open_database)
        file_menu.addSeparator()
        self._menu_action(file_menu, self.tr("&Sauvegarder maintenant"), QKeySequence.StandardKey.Save, self.backup_now)
        self._menu_action(file_menu, self.tr("&Restaurer une sauvegarde…"), None, self._restore)
        file_menu.addSeparator()
        self.import_plan_action = self._menu_action(
            file_menu, self.tr("&Importer un plan d'action…"), QKeySequence("Ctrl+I"), self.import_plan
        )
        self.import_indicators_action = self._menu_action(
            file_menu, self.tr("Importer des valeurs d'&indicateurs…"), None, self.import_indicator_values
        )
        self.export_plan_action = self._menu_action(
            file_menu, self.tr("&Exporter le plan…"), QKeySequence("Ctrl+E"), self.export_plan
        )
        self._exchange_actions = [self.import_plan_action, self.import_indicators_action, self.export_plan_action]
        file_menu.addSeparator()
        self._menu_action(file_menu, self.tr("&Quitter"), QKeySequence.StandardKey.Quit, self.close)
        edit_menu = self.menuBar().addMenu(self.tr("&Édition"))
        stack = self.context.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("Annuler"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("Rétablir"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        help_menu = self.menuBar().addMenu(self.tr("&Aide"))
        self._menu_action(help_menu, self.tr("À &propos de TI Desktop"), None, self.show_about)

    def _menu_action(
        self,
        menu: object,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _build_status_bar(self) -> None:
        self.database_label = QLabel(self)
        self.backup_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.backup_label)
        self._update_status()

    def _update_status(self) -> None:
        self.database_label.setText(self.tr("Base : {path}").format(path=self.database_path))
        last = maintenance.latest_backup(self.database_path)
        text = last.strftime("%d/%m/%Y %H:%M") if last else self.tr("aucune")
        self.backup_label.setText(self.tr("Dernière sauvegarde : {when}").format(when=text))

    # -- territories ---------------------------------------------------------------------------
    def reload_territories(self) -> None:
        territories = self.context.services.territories.list()
        remembered = self.context.settings.value(self._territory_key())
        current = self.context.territory_id or (int(remembered) if remembered else None)
        self.territory_selector.blockSignals(True)
        self.territory_selector.clear()
        for territory in territories:
            self.territory_selector.addItem(territory.name, territory.id)
        index = self.territory_selector.findData(current)
        self.territory_selector.setCurrentIndex(index if index >= 0 else 0)
        self.territory_selector.blockSignals(False)
        several = len(territories) > 1
        self.territory_label.setVisible(several)
        self.territory_selector.setVisible(several)
        self.territory_bar.setVisible(several)
        self._on_territory_chosen()

    def _on_territory_chosen(self, *_args: object) -> None:
        territory_id = self.territory_selector.currentData()
        if territory_id is None:
            return
        self.context.settings.setValue(self._territory_key(), territory_id)
        self.context.set_territory(int(territory_id))
        self._update_title()

    def _territory_key(self) -> str:
        digest = hashlib.sha1(str(self.database_path).encode("utf-8")).hexdigest()[:16]
        return f"territoire/{digest}"

    def _update_title(self, *_args: object) -> None:
        name = self.territory_selector.currentText()
        self.setWindowTitle(f"{APP_NAME} — {name}" if name else APP_NAME)

    # -- pages and dialogs ---------------------------------------------------------------------
    def show_page(self, page_type: type[Page]) -> Page | None:
        for row, page in enumerate(self.pages):
            if isinstance(page, page_type):
                self.navigation.setCurrentRow(row)
                return page
        return None

    def _show_plan(self, _filter: object) -> None:
        from ti_desktop.gui.pages.plan import PlanPage

        self.show_page(PlanPage)

    def open_action(self, action_id: int) -> None:
        self._run_editor(action_id, None, None)

    def create_action(self, axis_id: object, parent_action_id: object) -> None:
        self._run_editor(
            None,
            axis_id if isinstance(axis_id, int) else None,
            parent_action_id if isinstance(parent_action_id, int) else None,
        )

    def _run_editor(self, action_id: int | None, axis_id: int | None, parent_action_id: int | None) -> None:
        dialog = self._editor_factory(self.context, action_id, self, axis_id, parent_action_id)
        dialog.exec()
        dialog.deleteLater()
        self.context.data_changed.emit()

    # -- import and export ---------------------------------------------------------------------------
    def _update_exchange_actions(self, *_args: object) -> None:
        for action in self._exchange_actions:
            action.setEnabled(self.context.territory_id is not None)

    def import_plan(self) -> QDialog | None:
        from ti_desktop.gui.dialogs.import_wizard import ImportWizard

        return self._open_exchange_dialog(ImportWizard)

    def import_indicator_values(self) -> QDialog | None:
        from ti_desktop.gui.dialogs.indicator_import_dialog import IndicatorImportDialog

        return self._open_exchange_dialog(IndicatorImportDialog)

    def export_plan(self) -> QDialog | None:
        from ti_desktop.gui.dialogs.export_dialog import ExportDialog

        return self._open_exchange_dialog(ExportDialog)

    def _open_exchange_dialog(self, dialog_type: Callable[[AppContext, QWidget], QDialog]) -> QDialog | None:
        """Window-modal and deleted when closed: the window stays responsive while a file is read or written."""
        if self.context.territory_id is None:
            return None
        dialog = dialog_type(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        components = "".join(f"<li>{name} — {licence}</li>" for name, licence in ABOUT_COMPONENTS)
        QMessageBox.about(
            self,
            self.tr("À propos de TI Desktop"),
            self.tr(
                "<h3>{app} {version}</h3><p>L'outil du chef de projet Territoires d'industrie : diagnostic, plan "
                "d'action, comités de pilotage et rapports d'avancement.</p><p>Composants :</p><ul>{components}</ul>"
            ).format(app=APP_NAME, version=__version__, components=components),
        )

    # -- database ------------------------------------------------------------------------------
    def backup_now(self) -> None:
        try:
            info = maintenance.backup_now(self.database_path)
        except TiDesktopError as error:
            QMessageBox.warning(self, self.tr("Sauvegarde impossible"), error.message)
            return
        self._update_status()
        self.statusBar().showMessage(self.tr("Sauvegarde vérifiée : {path}").format(path=info.path), 8000)

    def _new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Nouvelle base"), str(self.database_path.parent), self.tr("Base TI Desktop (*.sqlite3)")
        )
        if path:
            chosen = Path(path) if path.endswith(".sqlite3") else Path(path + ".sqlite3")
            self.database_requested.emit(chosen)

    def _open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Ouvrir une base"), str(self.database_path.parent), self.tr("Base TI Desktop (*.sqlite3)")
        )
        if path:
            self.database_requested.emit(Path(path))

    def _restore(self) -> None:
        folder = backups_dir_for(self.database_path)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restaurer une sauvegarde"), str(folder), self.tr("Sauvegardes (*.sqlite3)")
        )
        if not path:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restaurer une sauvegarde"),
            self.tr(
                "Remplacer le contenu de la base par la sauvegarde « {name} » ?\n"
                "La base actuelle sera d'abord sauvegardée."
            ).format(name=Path(path).name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(Path(path))

    # -- remembered layout ---------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = self.context.settings
        geometry = settings.value("fenetre/geometrie")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        page = str(settings.value("fenetre/page", 0))
        self.navigation.setCurrentRow(min(int(page) if page.isdigit() else 0, len(self.pages) - 1))

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self.context.settings
        settings.setValue("fenetre/geometrie", self.saveGeometry())
        settings.setValue("fenetre/page", self.navigation.currentRow())
        settings.sync()
        super().closeEvent(event)
