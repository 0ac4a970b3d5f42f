"""The main window: navigation between pages, territory selector, menus, status bar, remembered layout.

Automatic backups live here too (the application starts them once the base is open): one at start when
the data changed since the newest backup, then a check every `AUTOMATIC_INTERVAL` that backs up only when
something changed. They run on the GUI thread: a verified backup of the demo base takes ~20 ms, of a
10,000-action base ~60 ms — shorter than a background job's bookkeeping, and nothing can edit the base
while the copy is read. Fichier › Sauvegarder maintenant, which the user waits for (a large base on a slow
share), runs through the window's `JobRunner` (gui/jobs.py) under a modal progress dialog.

On a shared base on a server (`server` given, no file): no backups here — they are the server's business,
and the status bar says so —, and a timer reloads the views every `SERVER_REFRESH_INTERVAL_MS` so what
others changed shows up; « Actualiser » (F5) does it on demand. An edit refused because someone else saved
the same action first is explained in a dialog that offers to reload.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ti_desktop import APP_NAME
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.filters import ActionFilter
from ti_desktop.gui.compact import fit_on_screen
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.icon import application_icon
from ti_desktop.gui.jobs import Job, run_with_progress
from ti_desktop.gui.keyboard import route_undo_keys
from ti_desktop.gui.navigation import PageT
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.pages.lazy import LazyPage
from ti_desktop.gui.theme import (
    HIGH_CONTRAST,
    LIGHT,
    SUMMARY_PROPERTY,
    SUMMARY_WARNING,
    TEXT_SIZE_SETTING,
    TEXT_SIZES,
    THEME_SETTING,
    Role,
    SystemContrast,
    Theme,
    chosen_theme,
    follow_system_contrast,
    install_text_size,
    scaled_font,
    set_role,
    system_prefers_high_contrast,
    text_size_from_settings,
)
from ti_desktop.kernel.formatting import format_percent
from ti_desktop.paths import location_warning
from ti_desktop.services.backups import AUTOMATIC_INTERVAL, BackupService
from ti_desktop.services.use_cases import (
    HasAccess,
    HasActions,
    HasBackups,
    HasExports,
    HasImports,
    HasIndicatorImports,
    HasTerritories,
    HasViews,
)

DEFAULT_SIZE = QSize(1280, 800)  # the window's first size, within the screen's free area
# On a server base, views reload what others changed this often (milliseconds).
SERVER_REFRESH_INTERVAL_MS = 60_000

# Opens the fiche-action editor: (context, action id or None, parent window, axis id, parent action id).
EditorFactory = Callable[[AppContext, int | None, QWidget, int | None, int | None], QDialog]


class MainWindowServices(
    HasAccess, HasActions, HasBackups, HasExports, HasImports, HasIndicatorImports, HasTerritories, HasViews, Protocol
):
    """The territory selector, the backups, whether a territory has actions yet (the « Prise en main »), and what
    the import and export dialogs the window opens use (checked against each dialog's own protocol where it is
    opened)."""


# A dialog the File menu opens on the current territory: import wizard, indicator import, export.
ExchangeDialog = Callable[[AppContext, MainWindowServices, QWidget], QDialog]


class PageStack(QStackedWidget):
    """The pages, in the window's page scroll area: it scrolls when the page shown needs more than its minimum
    size, not whenever the preferred height of a page with wrapping labels exceeds the window."""

    def heightForWidth(self, width: int) -> int:
        return -1


class MainWindow(QMainWindow):
    # Asked of the application, which owns the database: open another file, restore a backup.
    database_requested = Signal(Path)
    restore_requested = Signal(Path)
    # Asked of the application: rebuild the window in this theme (Affichage › Contraste élevé, the system's wish).
    theme_requested = Signal(object)

    def __init__(
        self,
        context: AppContext,
        services: MainWindowServices,
        database_path: Path | None,
        pages: Sequence[Page | LazyPage],
        editor_factory: EditorFactory,
        parent: QWidget | None = None,
        *,
        server: str | None = None,
        system_high_contrast: SystemContrast = system_prefers_high_contrast,
    ) -> None:
        """`system_high_contrast`: whether the system asks for a high contrast (tests give their own)."""
        super().__init__(parent)
        self.system_high_contrast = system_high_contrast
        assert (database_path is None) != (server is None), "a file or a server base, one of them"
        self.context = context
        self.services = services
        self.database_path = database_path
        self.server = server  # the shared base's address (without password), or None for a file
        self._entries: list[Page | LazyPage] = list(pages)  # a LazyPage until its page is first shown
        self._editor_factory = editor_factory
        self.backups: BackupService | None = None
        if database_path is not None:
            self.backups = services.backups or BackupService(database_path, context.clock)
        self.conflict_box: QMessageBox | None = None
        self.first_steps: QDialog | None = None
        # On a territory with no action yet, the « Prise en main » guide, once the window shows it.
        self._first_steps_timer = QTimer(self)
        self._first_steps_timer.setSingleShot(True)
        self._first_steps_timer.setInterval(0)
        self._first_steps_timer.timeout.connect(self.offer_first_steps)
        self._backup_failure: str | None = None
        self._backing_up = False  # a manual backup runs (its progress dialog's event loop may fire the timer)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(int(AUTOMATIC_INTERVAL.total_seconds() * 1000))
        self.backup_timer.timeout.connect(self.automatic_backup)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(SERVER_REFRESH_INTERVAL_MS)
        self.refresh_timer.timeout.connect(self.context.data_changed.emit)
        self.setWindowIcon(application_icon())
        self._build_central()
        self._build_menus()
        self._build_status_bar()
        context.territory_changed.connect(self._update_title)
        context.territory_changed.connect(self._update_exchange_actions)
        context.read_only_changed.connect(self._update_exchange_actions)
        context.action_open_requested.connect(self.open_action)
        context.action_create_requested.connect(self.create_action)
        context.plan_filter_requested.connect(self._show_plan)
        context.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        context.data_changed.connect(self._update_status)  # an import backs up first: the label follows
        self.reload_territories()
        self._update_exchange_actions()
        context.editor.on_conflict = self.show_concurrent_edit
        context.navigator = self
        self._restore_layout()
        if server is not None:
            self.refresh_timer.start()

    # -- layout --------------------------------------------------------------------------------
    def _build_central(self) -> None:
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")  # its font and spacing: the theme's
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setStyleSheet(self.context.theme.style_sheet())
        self.navigation.setFont(scaled_font(self.navigation.font(), self.context.theme.navigation_font_scale))
        self.stack = PageStack(self)
        for entry in self._entries:
            self.navigation.addItem(entry.title())
            self.stack.addWidget(entry)
        self._fit_navigation()
        self.navigation.currentRowChanged.connect(self._show_row)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        # Above the pages: why nothing can be changed, on a shared base's territory the role may only read.
        pages = QWidget(central)
        column = QVBoxLayout(pages)
        column.setContentsMargins(0, 0, 0, 0)
        self.access_banner = QLabel(pages)
        self.access_banner.setObjectName("acces-lecture-seule")
        self.access_banner.setWordWrap(True)
        self.access_banner.setProperty(SUMMARY_PROPERTY, SUMMARY_WARNING)  # the theme's « to know » background
        self.access_banner.hide()
        column.addWidget(self.access_banner)
        # A page narrower or lower than its layout needs (150 % scaling on a 1366 × 768 laptop) scrolls rather than
        # pushing the window past the screen; at 1024 × 640 and more, every page fits.
        self.page_scroll = QScrollArea(pages)
        self.page_scroll.setObjectName("defilement-page")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # No Tab stop of its own (a screen reader would announce an unnamed pane): Tab goes to the page's fields
        # and the area scrolls to show the one focused.
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.page_scroll.setWidget(self.stack)
        column.addWidget(self.page_scroll, 1)
        layout.addWidget(pages, 1)
        self.setCentralWidget(central)
        self.territory_bar = QToolBar(self.tr("Territoire"), self)
        self.territory_bar.setObjectName("territoire")
        self.territory_label = QLabel(self.tr("Territoire : "), self)
        self.territory_selector = QComboBox(self)
        self.territory_selector.setMinimumWidth(self.context.theme.sizes.territory_selector_width_px)
        self.territory_bar.addWidget(self.territory_label)
        self.territory_bar.addWidget(self.territory_selector)
        self.addToolBar(self.territory_bar)
        self.territory_selector.currentIndexChanged.connect(self._on_territory_chosen)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        self._menu_action(file_menu, self.tr("&Nouvelle base…"), None, self._new_database)
        self._menu_action(file_menu, self.tr("&Ouvrir une base…"), QKeySequence.StandardKey.Open, self._open_database)
        file_menu.addSeparator()
        self.backup_action = self._menu_action(
            file_menu, self.tr("&Sauvegarder maintenant"), QKeySequence.StandardKey.Save, self.backup_now
        )
        self.restore_action = self._menu_action(
            file_menu, self.tr("&Restaurer une sauvegarde…"), None, self.restore_backup
        )
        if self.backups is None:
            server_business = self.tr(
                "Sur une base partagée, les sauvegardes relèvent du serveur (pg_dump, sauvegardes de l'hébergeur)."
            )
            for action in (self.backup_action, self.restore_action):
                action.setEnabled(False)
                action.setToolTip(server_business)
                action.setStatusTip(server_business)
            file_menu.setToolTipsVisible(True)
        self.access_action = self._menu_action(file_menu, self.tr("&Accès à la base partagée…"), None, self.show_access)
        if self.server is None:
            self.access_action.setEnabled(False)
            self.access_action.setToolTip(
                self.tr("Les accès par territoire concernent une base partagée : un fichier n'a qu'un utilisateur.")
            )
        file_menu.addSeparator()
        self.import_plan_action = self._menu_action(
            file_menu, self.tr("&Importer un plan d'action…"), QKeySequence("Ctrl+I"), self.import_plan
        )
        self.import_indicators_action = self._menu_action(
            file_menu, self.tr("Importer des valeurs d'in&dicateurs…"), None, self.import_indicator_values
        )
        self.export_plan_action = self._menu_action(
            file_menu, self.tr("&Exporter le plan…"), QKeySequence("Ctrl+E"), self.export_plan
        )
        self._exchange_actions = [self.import_plan_action, self.import_indicators_action, self.export_plan_action]
        file_menu.addSeparator()
        self._menu_action(file_menu, self.tr("&Quitter"), QKeySequence.StandardKey.Quit, self.close)
        edit_menu = self.menuBar().addMenu(self.tr("&Édition"))
        stack = self.context.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Annuler"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Rétablir"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        # The author of what the user signs (progress points, history): gui/user_name.py.
        self.user_name_action = self._menu_action(
            edit_menu, self.tr("&Votre nom…"), None, lambda: self.context.ask_user_name(self)
        )
        route_undo_keys(self, self.undo_action, self.redo_action)  # from any field too, once its edit is committed
        view_menu = self.menuBar().addMenu(self.tr("&Affichage"))
        self.refresh_action = self._menu_action(
            view_menu, self.tr("A&ctualiser"), QKeySequence(Qt.Key.Key_F5), self.refresh
        )
        self.refresh_action.setToolTip(self.tr("Recharger ce que d'autres ont modifié"))
        view_menu.addSeparator()
        self.high_contrast_action = QAction(self.tr("Contraste é&levé"), self)
        self.high_contrast_action.setCheckable(True)
        self.high_contrast_action.setChecked(self.context.theme.high_contrast)
        self.high_contrast_action.setToolTip(self.tr("Texte noir sur blanc, couleurs plus franches (vidéoprojecteur)"))
        self.high_contrast_action.toggled.connect(self.choose_high_contrast)
        view_menu.addAction(self.high_contrast_action)
        self._build_text_size_menu(view_menu)
        # The system's contrast preference, followed while the user has not chosen in this menu.
        follow_system_contrast(self.follow_system_contrast)
        help_menu = self.menuBar().addMenu(self.tr("A&ide"))  # Alt+A is Affichage
        self.first_steps_action = self._menu_action(help_menu, self.tr("Prise en &main"), None, self.show_first_steps)
        self.first_steps_action.setToolTip(self.tr("Par où commencer : les étapes, chacune avec sa page"))
        self._menu_action(help_menu, self.tr("&Raccourcis clavier"), None, self.show_shortcuts)
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
        self.location_label = QLabel(self)
        set_role(self.location_label, Role.ATTENTION)
        self.location_label.setVisible(False)
        self.database_label = QLabel(self)
        self.backup_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.location_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.backup_label)
        self._update_status()

    def _update_status(self) -> None:
        if self.backups is None:
            self.database_label.setText(self.tr("Base partagée : {server}").format(server=self.server))
            self.backup_label.setText(self.tr("Sauvegardes : gérées par le serveur"))
            self.backup_label.setToolTip(
                self.tr("Les sauvegardes d'une base partagée relèvent du serveur (pg_dump, hébergeur).")
            )
            return
        self.database_label.setText(self.tr("Base : {path}").format(path=self.database_path))
        last = self.backups.latest()
        text = last.taken_at.strftime("%d/%m/%Y %H:%M") if last else self.tr("aucune")
        label = self.tr("Dernière sauvegarde : {when}").format(when=text)
        if self._backup_failure is not None:
            label += self.tr(" — la dernière tentative a échoué")
            set_role(self.backup_label, Role.ERROR)
            self.backup_label.setToolTip(self._backup_failure)
        else:
            set_role(self.backup_label, None)
            self.backup_label.setToolTip(str(self.backups.folder))
        self.backup_label.setText(label)

    # -- automatic backups and the base's location -----------------------------------------------
    def start_automatic_backups(self) -> None:
        """Back up now if the data changed since the newest backup, then check every AUTOMATIC_INTERVAL."""
        if self.backups is None:
            return
        self.automatic_backup("demarrage")
        self.backup_timer.start()

    def automatic_backup(self, reason: str = "automatique") -> bool:
        """A verified backup when something changed since the newest one; True when one was taken.

        A failure never interrupts the user: it is shown in the status bar (and on the backup label)
        until a later backup succeeds."""
        if self.backups is None or self._backing_up:
            return False  # a manual backup is being taken: the timer's check can wait for the next round
        try:
            taken = self.backups.backup_if_changed(reason) is not None
        except (TiDesktopError, OSError) as error:
            message = error.message if isinstance(error, TiDesktopError) else str(error)
            self._backup_failure = self.tr("Sauvegarde automatique impossible : {message}").format(message=message)
            self._update_status()
            self.statusBar().showMessage(self._backup_failure)
            return False
        if taken or self._backup_failure is not None:
            self._backup_failure = None
            self._update_status()
        return taken

    def warn_about_location(self) -> str | None:
        """A base in a synchronised or network folder: a lasting warning in the status bar, and a dialog the
        first time this base is opened there (remembered in the settings). Returns the warning, if any."""
        warning = location_warning(self.database_path) if self.database_path is not None else None
        self.location_label.setVisible(warning is not None)
        if warning is None:
            return None
        self.location_label.setText(self.tr("⚠ Emplacement risqué pour la base"))
        self.location_label.setToolTip(warning)
        key = f"avertissement-emplacement/{self._path_digest()}"
        if not self.context.settings.value(key, False, type=bool):
            self.context.settings.setValue(key, True)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Emplacement de la base"), warning, parent=self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.setObjectName("avertissement-emplacement")
            box.open()
        return warning

    # -- territories ---------------------------------------------------------------------------
    def reload_territories(self) -> None:
        territories = self.services.territories.list()
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
        self._update_access(int(territory_id))  # first: the pages show the territory as it may be used
        self.context.set_territory(int(territory_id))
        self._update_title()
        self._first_steps_timer.start()

    def _update_access(self, territory_id: int) -> None:
        """On a shared base, say so when the role may only read this territory (the server refuses writes)."""
        reason = self.services.access.rights(territory_id).read_only_reason if self.server is not None else None
        self.access_banner.setText(reason or "")
        self.access_banner.setVisible(reason is not None)
        self.context.set_read_only(reason)

    def _territory_key(self) -> str:
        return f"territoire/{self._path_digest()}"

    def _path_digest(self) -> str:
        where = self.server if self.database_path is None else str(self.database_path)
        return hashlib.sha1(str(where).encode("utf-8")).hexdigest()[:16]

    # -- what others changed -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Affichage › Actualiser (F5): every view reloads from the base (what others saved shows up)."""
        self.context.data_changed.emit()
        self.statusBar().showMessage(self.tr("Données actualisées."), 4000)

    def show_concurrent_edit(self, message: str) -> QMessageBox:
        """Someone else saved the same action first: say what they changed; « Recharger » shows it."""
        if self.conflict_box is not None:
            self.conflict_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Modification concurrente"), message, parent=self)
        box.setObjectName("modification-concurrente")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reload_button = box.addButton(self.tr("Recharger"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Fermer"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reload_button)
        reload_button.clicked.connect(self.context.data_changed.emit)
        box.finished.connect(lambda *_: self._forget_conflict(box))
        self.conflict_box = box
        box.open()
        return box

    def show_access(self) -> QDialog:
        """Fichier › Accès à la base partagée: who has which right; grant and revoke for an administrator."""
        from ti_desktop.gui.dialogs.access_dialog import AccessDialog

        dialog = AccessDialog(self.services, self.territory_selector.currentText() or None, self)
        dialog.open()
        dialog.finished.connect(lambda _result: self.reload_territories())  # a right given to oneself shows
        return dialog

    def _update_title(self, *_args: object) -> None:
        name = self.territory_selector.currentText()
        self.setWindowTitle(f"{APP_NAME} — {name}" if name else APP_NAME)

    def _forget_conflict(self, box: QMessageBox) -> None:
        if self.conflict_box is box:
            self.conflict_box = None

    # -- Affichage: contrast and text size --------------------------------------------------------
    def choose_high_contrast(self, enabled: bool) -> None:
        """Kept in the settings (an explicit choice: the system's preference no longer counts), then applied."""
        chosen = HIGH_CONTRAST if enabled else LIGHT
        self.context.settings.setValue(THEME_SETTING, chosen.name)
        self._ask_for_theme(chosen)

    def follow_system_contrast(self, *_preference: object) -> None:
        """The system's contrast preference changed (or is read again): follow it unless the user chose."""
        if chosen_theme(self.context.settings) is None:
            wanted = HIGH_CONTRAST if self.system_high_contrast() else LIGHT
            self._ask_for_theme(wanted)

    def _ask_for_theme(self, theme: Theme) -> None:
        """The application rebuilds the window in `theme` (`theme_requested`); the check mark follows at once."""
        self.high_contrast_action.blockSignals(True)
        self.high_contrast_action.setChecked(theme.high_contrast)
        self.high_contrast_action.blockSignals(False)
        if theme != self.context.theme:
            self.statusBar().showMessage(self.tr("Affichage « {theme} »…").format(theme=theme.label), 10000)
            self.theme_requested.emit(theme)

    def _build_text_size_menu(self, view_menu: QMenu) -> None:
        """Affichage › Taille du texte: 100 % to 200 % of the system's size, kept in the settings, applied now."""
        self.text_size_menu = menu = view_menu.addMenu(self.tr("&Taille du texte"))
        menu.setToolTipsVisible(True)
        group = QActionGroup(self)
        group.setExclusive(True)
        current = text_size_from_settings(self.context.settings)
        self.text_size_actions: dict[int, QAction] = {}
        for percent in TEXT_SIZES:
            action = QAction(format_percent(percent / 100), self)
            action.setCheckable(True)
            action.setChecked(percent == current)
            action.setToolTip(self.tr("Tous les textes à {0} de la taille du système").format(action.text()))
            action.triggered.connect(lambda _checked=False, percent=percent: self.choose_text_size(percent))
            group.addAction(action)
            menu.addAction(action)
            self.text_size_actions[percent] = action

    def _fit_navigation(self) -> None:
        """The page list as wide as the theme says, or as its longest name at the text's size."""
        metrics = self.navigation.fontMetrics()
        names = (self.navigation.item(row).text() for row in range(self.navigation.count()))
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        room = 2 * (self.context.theme.navigation_padding_px + self.navigation.frameWidth()) + metrics.height()
        self.navigation.setFixedWidth(max(self.context.theme.sizes.navigation_width_px, widest + room))

    def choose_text_size(self, percent: int) -> None:
        """Kept in the settings and applied to every text at once; the pages lay themselves out again."""
        self.context.settings.setValue(TEXT_SIZE_SETTING, percent)
        self.text_size_actions[percent].setChecked(True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_text_size(app, percent)
        self._fit_navigation()
        self.context.data_changed.emit()  # tables measure their rows and columns again
        self.statusBar().showMessage(self.tr("Taille du texte : {0}").format(format_percent(percent / 100)), 4000)

    # -- pages and dialogs ---------------------------------------------------------------------
    @property
    def pages(self) -> list[Page]:
        """Every page of the window, built now if it was not yet (the window itself builds them when shown)."""
        return [self._page_at(row) for row in range(len(self._entries))]

    def page_count(self) -> int:
        return len(self._entries)

    def _page_at(self, row: int) -> Page:
        """The page in `row`, built and put in its placeholder's place in the stack on first use."""
        entry = self._entries[row]
        if isinstance(entry, Page):
            return entry
        page = entry.build()
        self._entries[row] = page
        self.stack.insertWidget(row, page)
        if self.stack.currentWidget() is entry:
            self.stack.setCurrentWidget(page)
        self.stack.removeWidget(entry)
        entry.deleteLater()
        return page

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._entries):
            self._page_at(row)
        self.stack.setCurrentIndex(row)

    def show_page(self, page_type: type[PageT]) -> PageT | None:
        page = self.show_page_of(f"{page_type.__module__}.{page_type.__qualname__}")
        if page is None:
            return None
        assert isinstance(page, page_type), f"{page} is not a {page_type.__name__}"
        return page

    def _row_of(self, kind: str) -> int | None:
        """The row of the page of class `kind` ("module.Class"), built or not."""
        for row, entry in enumerate(self._entries):
            entry_kind = (
                entry.kind if isinstance(entry, LazyPage) else f"{type(entry).__module__}.{type(entry).__qualname__}"
            )
            if entry_kind == kind:
                return row
        return None

    def page_title(self, kind: str) -> str | None:
        row = self._row_of(kind)
        return self._entries[row].title() if row is not None else None

    def show_page_of(self, kind: str) -> Page | None:
        """Bring forward the page of class `kind` ("module.Class"), built if it was not yet."""
        row = self._row_of(kind)
        if row is None:
            return None
        page = self._page_at(row)
        self.navigation.setCurrentRow(row)
        return page

    # -- first steps -----------------------------------------------------------------------------
    def show_first_steps(self) -> QDialog:
        """Aide › Prise en main: the steps to start a territory, each button opening its page."""
        from ti_desktop.gui.first_steps import FirstStepsDialog

        if self.first_steps is not None:
            self.first_steps.close()
        dialog = FirstStepsDialog(self, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget_first_steps(dialog))
        self.first_steps = dialog
        dialog.open()
        return dialog

    def _forget_first_steps(self, dialog: QDialog) -> None:
        if self.first_steps is dialog:
            self.first_steps = None

    def offer_first_steps(self) -> QDialog | None:
        """On a territory with no action yet, shown once (remembered per base and territory): where to start,
        rather than a dashboard of zeros."""
        territory_id = self.context.territory_id
        if territory_id is None or not self.isVisible() or self.context.read_only_reason is not None:
            return None
        key = f"prise-en-main/{self._path_digest()}/{territory_id}"
        if self.context.settings.value(key, False, type=bool):
            return None
        if self.services.views.plan_counts(ActionFilter(territory_id=territory_id, today=self.context.today)).total:
            return None
        self.context.settings.setValue(key, True)
        return self.show_first_steps()

    def _show_plan(self, action_filter: object) -> None:
        from ti_desktop.gui.pages.plan import PlanPage

        built = any(isinstance(entry, PlanPage) for entry in self._entries)
        page = self.show_page(PlanPage)
        if page is not None and not built:
            # Built by this very request: it connected to the signal too late to receive it.
            page.apply_filter(action_filter)

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
        """Export while a territory is shown; import only into one the role may change (the reason as tooltip)."""
        reason = self.context.read_only_reason
        for action in self._exchange_actions:
            writes = action is not self.export_plan_action
            action.setEnabled(self.context.territory_id is not None and not (writes and reason is not None))
            action.setToolTip(reason if writes and reason is not None else action.text())

    def import_plan(self) -> QDialog | None:
        from ti_desktop.gui.dialogs.import_wizard import ImportWizard

        return self._open_exchange_dialog(ImportWizard)

    def import_indicator_values(self) -> QDialog | None:
        from ti_desktop.gui.dialogs.indicator_import_dialog import IndicatorImportDialog

        return self._open_exchange_dialog(IndicatorImportDialog)

    def export_plan(self) -> QDialog | None:
        from ti_desktop.gui.dialogs.export_dialog import ExportDialog

        return self._open_exchange_dialog(ExportDialog)

    def _open_exchange_dialog(self, dialog_type: ExchangeDialog) -> QDialog | None:
        """Window-modal and deleted when closed: the window stays responsive while a file is read or written."""
        if self.context.territory_id is None:
            return None
        dialog = dialog_type(self.context, self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> QDialog:
        """Aide › Raccourcis clavier: every shortcut of the application, read from those registered."""
        from ti_desktop.gui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> QDialog:
        """Aide › À propos: version, open base, bundled components and their licences, the changelog."""
        from ti_desktop.gui.about import AboutDialog

        dialog = AboutDialog(self.database_path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- database ------------------------------------------------------------------------------
    def backup_now(self) -> None:
        """Fichier › Sauvegarder maintenant: a verified backup, then the rotation (like the automatic ones)."""
        backups = self.backups
        if backups is None or self._backing_up:
            return
        taken: list[Path] = []
        job = Job(
            lambda _progress, _cancelled: taken.append(backups.backup("sauvegarde").path),
            unexpected=self.tr("Erreur inattendue pendant la sauvegarde : {error}"),
            writes=True,
        )
        self._backing_up = True
        try:
            outcome = run_with_progress(job, self.tr("Sauvegarde de la base en cours…"), self)
        finally:
            self._backing_up = False
        if outcome.message is not None or not taken:
            QMessageBox.warning(self, self.tr("Sauvegarde impossible"), outcome.message or "")
            return
        self._backup_failure = None
        self._update_status()
        self.statusBar().showMessage(self.tr("Sauvegarde vérifiée : {path}").format(path=taken[0]), 8000)

    def _new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Nouvelle base"), self._file_folder(), self.tr("Base TI Desktop (*.sqlite3)")
        )
        if path:
            chosen = Path(path) if path.endswith(".sqlite3") else Path(path + ".sqlite3")
            self.database_requested.emit(chosen)

    def _open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Ouvrir une base"), self._file_folder(), self.tr("Base TI Desktop (*.sqlite3)")
        )
        if path:
            self.database_requested.emit(Path(path))

    def _file_folder(self) -> str:
        return str(self.database_path.parent if self.database_path is not None else self.context.data_dir)

    def restore_backup(self) -> QDialog:
        """Fichier › Restaurer une sauvegarde…: the list of this base's backups (window-modal)."""
        from ti_desktop.gui.dialogs.restore_dialog import RestoreDialog

        assert self.backups is not None, "disabled on a server base: its backups are the server's business"
        dialog = RestoreDialog(self.backups, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_chosen.connect(self.restore_requested)
        dialog.open()
        return dialog

    # -- remembered layout ---------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = self.context.settings
        geometry = settings.value("fenetre/geometrie")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(DEFAULT_SIZE)
        fit_on_screen(self)  # a laptop's 1024 × 640, or a remembered size from a larger screen
        page = str(settings.value("fenetre/page", 0))
        row = min(int(page) if page.isdigit() else 0, len(self._entries) - 1)
        self.navigation.setCurrentRow(row)
        self._show_row(row)  # built even when the row was already current (no signal then)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self.context.settings
        settings.setValue("fenetre/geometrie", self.saveGeometry())
        settings.setValue("fenetre/page", self.navigation.currentRow())
        settings.sync()
        super().closeEvent(event)
