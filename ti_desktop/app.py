"""Composition root of the desktop application: paths → logging → Qt → lock → database → services → window.

The database errors that make a file unusable (not ours, too new, locked by another instance) end in
a French dialog; a damaged base opens the recovery dialog (set it aside, put a good backup in its place);
an unexpected exception shows a dialog with the log file's path instead of the window vanishing. Once the
window shows, automatic backups start and a base in a synchronised or network folder is warned about.

A shared base on a server (PostgreSQL, `--database-url`) opens without a lock file (several people work on
it at once), without automatic backups (the server's business) and without the location warning.
"""

from __future__ import annotations

import getpass
import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from ti_desktop import APP_NAME, __version__, started
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.gui.compact import keep_dialogs_on_screen
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.first_run import offer_first_territory
from ti_desktop.gui.dialogs.server_password import ServerPasswordDialog
from ti_desktop.gui.icon import application_icon
from ti_desktop.gui.jobs import Job, run_with_progress
from ti_desktop.gui.main_window import EditorFactory, MainWindow
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.pages.lazy import LazyPage
from ti_desktop.gui.theme import (
    LIGHT,
    Theme,
    install_text_size,
    install_theme,
    text_size_from_settings,
    theme_from_settings,
)
from ti_desktop.gui.user_name import ask_once, stored_user_name
from ti_desktop.kernel.clock import Clock
from ti_desktop.kernel.files import private_folder
from ti_desktop.paths import UserDirs
from ti_desktop.services.backups import BackupService
from ti_desktop.services.database_errors import DatabaseDamagedError
from ti_desktop.services.keychain import KeyringStore
from ti_desktop.services.locking import WINDOW, DatabaseLock, OpenElsewhereError
from ti_desktop.services.maintenance import (
    Credentials,
    OpenDatabase,
    PasswordAnswer,
    describe_backup,
    open_server_services,
    open_services,
    restore_backup,
)
from ti_desktop.services.registry import Services

LOG_FILE_NAME = "ti-desktop.log"
translate = QCoreApplication.translate
log = logging.getLogger("ti_desktop")


def configure_logging(log_dir: Path) -> Path | None:
    try:
        private_folder(log_dir)
    except OSError:
        return None
    path = log_dir / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def os_login() -> str:
    """The computer's login: only proposed in the « Votre nom » dialog, never an author by itself."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor in the password database
        return ""


def build_pages(context: AppContext, services: Services) -> list[Page | LazyPage]:
    """The window's pages, each given the use cases it declares it needs (its `…Services` protocol).

    Each is built when first shown (gui/pages/lazy.py): opening the window builds, and imports, only the
    page it opens on. The titles are the pages' own (tests/gui/test_lazy_pages.py)."""

    def dashboard() -> Page:
        from ti_desktop.gui.pages.dashboard import DashboardPage

        return DashboardPage(context, services)

    def territory() -> Page:
        from ti_desktop.gui.pages.territory import TerritoryPage

        return TerritoryPage(context, services)

    def diagnostic() -> Page:
        from ti_desktop.gui.pages.diagnostic import DiagnosticPage

        return DiagnosticPage(context, services)

    def plan() -> Page:
        from ti_desktop.gui.pages.plan import PlanPage

        return PlanPage(context, services)

    def timeline() -> Page:
        from ti_desktop.gui.pages.timeline import TimelinePage

        return TimelinePage(context, services)

    def meetings() -> Page:
        from ti_desktop.gui.pages.meetings import MeetingsPage

        return MeetingsPage(context, services)

    def directory() -> Page:
        from ti_desktop.gui.pages.directory import DirectoryPage

        return DirectoryPage(context, services)

    def reports() -> Page:
        from ti_desktop.gui.pages.reports import ReportsPage

        return ReportsPage(context, services)

    def region() -> Page:
        from ti_desktop.gui.pages.region import RegionPage

        return RegionPage(context, services)

    here = "ti_desktop.gui.pages"
    return [
        LazyPage(translate("DashboardPage", "Tableau de bord"), f"{here}.dashboard.DashboardPage", dashboard),
        LazyPage(translate("TerritoryPage", "Territoire"), f"{here}.territory.TerritoryPage", territory),
        LazyPage(translate("DiagnosticPage", "Diagnostic"), f"{here}.diagnostic.DiagnosticPage", diagnostic),
        LazyPage(translate("PlanPage", "Plan d'action"), f"{here}.plan.PlanPage", plan),
        LazyPage(translate("TimelinePage", "Chronologie"), f"{here}.timeline.TimelinePage", timeline),
        LazyPage(translate("MeetingsPage", "Réunions"), f"{here}.meetings.MeetingsPage", meetings),
        LazyPage(translate("DirectoryPage", "Annuaire"), f"{here}.directory.DirectoryPage", directory),
        LazyPage(translate("ReportsPage", "Rapports"), f"{here}.reports.ReportsPage", reports),
        LazyPage(translate("RegionPage", "Région"), f"{here}.region.RegionPage", region),
    ]


def action_editor_opener(services: Services) -> EditorFactory:
    """How the window opens a fiche-action: the editor, given the use cases its tabs need."""

    def open_action_editor(
        context: AppContext, action_id: int | None, parent: QWidget, axis_id: int | None, parent_action_id: int | None
    ) -> QDialog:
        from ti_desktop.gui.dialogs.action_editor import ActionEditorDialog

        return ActionEditorDialog(
            context, services, action_id, parent, axis_id=axis_id, parent_action_id=parent_action_id
        )

    return open_action_editor


class GuiController:
    """Owns the open database and its window; switches database and restores backups."""

    def __init__(
        self,
        user_dirs: UserDirs,
        settings: QSettings,
        clock: Clock,
        theme: Theme = LIGHT,
        *,
        ask_name: bool = False,
        login: str = "",
    ) -> None:
        """`ask_name`: ask the user's name (the login proposed) at the first opening, if it never was asked."""
        self.user_dirs = user_dirs
        self.settings = settings
        self.clock = clock
        self.theme = theme
        self._ask_name, self._login = ask_name, login
        self.window: MainWindow | None = None
        self._opened: OpenDatabase | None = None
        self._lock: DatabaseLock | None = None
        self._recovered: str | None = None  # what a recovery did, for the status bar of the next window
        self._target: Path | str | None = None  # the open base: a file, or a server base's address

    def open_target(self, target: Path | str) -> bool:
        """A file (Path) or a server base (its address, a str)."""
        return self.open_server(target) if isinstance(target, str) else self.open(target)

    def server_credentials(self) -> Credentials:
        """A server's password: PostgreSQL's own means, then the system's keychain, then a dialog."""

        def ask(address: str, refused: bool) -> PasswordAnswer | None:
            answer = self.password_dialog(address, refused).answer()
            return PasswordAnswer(*answer) if answer is not None else None

        def not_remembered(message: str) -> None:
            QMessageBox.information(None, APP_NAME, message)

        return Credentials(prompt=ask, store=KeyringStore(), on_not_remembered=not_remembered)

    def password_dialog(self, address: str, refused: bool) -> ServerPasswordDialog:
        """The dialog asking for a server's password (tests replace it)."""
        return ServerPasswordDialog(address, refused)

    def open_server(self, url: str) -> bool:
        """A shared base on a server: no lock (several people at once), no automatic backups, no location
        warning; the window shows the server's address and refreshes what others changed."""
        self._ask_name_once()
        try:
            opened = open_server_services(
                url, clock=self.clock, user=stored_user_name(self.settings), credentials=self.server_credentials()
            )
        except TiDesktopError as error:
            QMessageBox.critical(None, APP_NAME, error.message)
            return False
        if not offer_first_territory(opened.services):
            opened.close()
            return False
        self._opened, self._target = opened, url
        server = opened.server or url
        context = self._context(opened, self.user_dirs.data_dir)
        self.window = MainWindow(
            context,
            opened.services,
            None,
            build_pages(context, opened.services),
            action_editor_opener(opened.services),
            server=server,
        )
        self.window.database_requested.connect(self.switch)
        self.window.theme_requested.connect(self.change_theme)
        self.window.show()
        self._region_page_if_no_territory(opened.services)
        log.info("opened the server base %s", server)
        started()
        return True

    def open(self, database: Path, held: DatabaseLock | None = None) -> bool:
        """Open `database` in a window, under its lock (`held`: already taken, by a restore)."""
        lock = held or self._take_lock(database)
        if lock is None:
            return False
        self._ask_name_once()  # the base held meanwhile: no other window opens it while the user answers
        opened = self._open_or_recover(database)
        if opened is None:
            lock.release()
            return False
        if not offer_first_territory(opened.services):
            opened.close()
            lock.release()
            return False
        self._opened, self._lock, self._target = opened, lock, database
        context = self._context(opened, database.parent)
        self.window = MainWindow(
            context,
            opened.services,
            database,
            build_pages(context, opened.services),
            action_editor_opener(opened.services),
        )
        self.window.database_requested.connect(self.switch)
        self.window.theme_requested.connect(self.change_theme)
        self.window.restore_requested.connect(self.restore)
        self.window.show()
        self._region_page_if_no_territory(opened.services)
        log.info("opened %s", database)
        if self._recovered is not None:
            self.window.statusBar().showMessage(self._recovered)
            self._recovered = None
        self.window.start_automatic_backups()
        self.window.warn_about_location()
        started()
        return True

    def _ask_name_once(self) -> None:
        """At the first launch, before the base opens: the name then signs all it records, from the first edit."""
        if self._ask_name:
            self._ask_name = False
            ask_once(self.settings, self._login)

    def _context(self, opened: OpenDatabase, data_dir: Path) -> AppContext:
        """The window's context; the name the user gives there signs the history from then on."""
        context = AppContext(
            opened.services.versions,
            self.settings,
            data_dir=data_dir,
            clock=self.clock,
            theme=self.theme,
            login=os_login(),
        )
        context.user_name_changed.connect(opened.sign_as)
        return context

    def _region_page_if_no_territory(self, services: Services) -> None:
        """A Région's base (no territory of its own, only the reports received) opens on its page."""
        if self.window is not None and not services.territories.list():
            from ti_desktop.gui.pages.region import RegionPage  # here: the page's module is not light

            self.window.show_page(RegionPage)

    def _take_lock(self, database: Path) -> DatabaseLock | None:
        """The base's lock for this window, or None after telling the user why not (another window or a command
        holds it; a read-only folder). When the lock is free but another machine is said to hold the base, the user
        decides: they know whether it is still open there."""
        lock = DatabaseLock(database, WINDOW)
        since = self.clock.now()  # the lock's « since when »
        try:
            try:
                lock.acquire(since)
            except OpenElsewhereError as doubt:
                answer = QMessageBox.warning(
                    None,
                    APP_NAME,
                    f"{doubt.message}\n\nOuvrir la base sur cet ordinateur ?",
                    QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Cancel,
                )
                if answer != QMessageBox.StandardButton.Open:
                    return None
                lock.acquire(since, take_over=True)
        except TiDesktopError as error:
            QMessageBox.critical(None, APP_NAME, error.message)
            return None
        return lock

    def _open_or_recover(self, database: Path) -> OpenDatabase | None:
        """The open base, after recovering it from a backup if it is damaged; None when it stays closed."""
        while True:
            try:
                return open_services(database, clock=self.clock, user=stored_user_name(self.settings))
            except DatabaseDamagedError as error:
                log.error("damaged database: %s", error.message)
                if not self._recover(database):
                    return None
            except TiDesktopError as error:
                QMessageBox.critical(None, APP_NAME, error.message)
                return None

    def _recover(self, database: Path) -> bool:
        """Offer a backup until one is put in place of the damaged base (True) or the user quits (False)."""
        from ti_desktop.gui.dialogs.recovery_dialog import offer_recovery  # only a damaged base needs it

        backups = BackupService(database, self.clock)
        while True:
            chosen = offer_recovery(database, backups)
            if chosen is None:
                return False
            try:
                backup = describe_backup(chosen)  # verified: a damaged or foreign file is refused here
                recovery = backups.recover_damaged(backup)
            except TiDesktopError as error:
                QMessageBox.critical(None, APP_NAME, error.message)
                continue
            log.info("damaged database set aside as %s, restored from %s", recovery.damaged_copy, chosen)
            self._recovered = (
                f"Base restaurée depuis la {backups.describe(backup)} ; la base endommagée est "
                f"conservée telle quelle dans « {recovery.damaged_copy} »."
            )
            return True

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self._opened is not None:
            self._opened.close()
            self._opened = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self._target = None

    def change_theme(self, theme: object) -> None:
        """The open base's window again, in `theme` (Affichage › Contraste élevé, the system's preference), once
        the event that asked for it is over."""
        if isinstance(theme, Theme) and theme != self.theme:
            QTimer.singleShot(0, lambda: self._reopen_in(theme))

    def _reopen_in(self, theme: Theme) -> None:
        app = QApplication.instance()
        target = self._target
        if target is None or not isinstance(app, QApplication) or theme == self.theme:
            return
        self.theme = theme
        install_theme(app, theme)
        self.close()
        if self.open_target(target) and self.window is not None:
            self.window.statusBar().showMessage(f"Affichage « {theme.label} ».", 8000)

    def switch(self, database: Path) -> None:
        previous = self._target
        self.close()
        if not self.open(database) and previous is not None:
            self.open_target(previous)

    def restore(self, backup: Path) -> None:
        assert self._opened is not None
        database = self._opened.path
        assert database is not None, "a server base is restored by its server, not from here"
        lock, self._lock = self._lock, None  # kept through the restore: no command writes in between
        self.close()
        # Off the GUI thread, under a progress dialog: a large base on a slow share takes a while to copy.
        clock = self.clock
        job = Job(
            lambda _progress, _cancelled: restore_backup(backup, database, clock),
            unexpected="Erreur inattendue pendant la restauration : {error}.",
            writes=True,
        )
        outcome = run_with_progress(job, "Restauration de la sauvegarde en cours…")
        if outcome.message is not None:
            QMessageBox.critical(None, APP_NAME, outcome.message)
        self.open(database, held=lock)


def install_exception_hook(log_file: Path | None) -> None:
    def show(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, trace)))
        where = f"\n\nLe détail a été écrit dans :\n{log_file}" if log_file else ""
        QMessageBox.critical(
            None,
            APP_NAME,
            f"Une erreur inattendue est survenue ({kind.__name__} : {error}). Vos données enregistrées ne sont "
            f"pas perdues ; vous pouvez continuer ou redémarrer l'application.{where}",
        )

    sys.excepthook = show


class QtFrench(QTranslator):
    """Qt's own texts (OK, Annuler, the file dialog…) in French, from the translations PySide6 ships (qtbase_fr).

    A few of Qt's labels carry a mnemonic its French catalogue lacks (the file dialog's « &Look in: », « Files of
    &type: »): those get the catalogue's translation of the same text without the mnemonic, with a mnemonic of its
    own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = QTranslator(self)

    def load_french(self) -> bool:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        return self.catalogue.load(QLocale(QLocale.Language.French), "qtbase", "_", folder)

    def isEmpty(self) -> bool:
        return self.catalogue.isEmpty()

    def translate(  # None: not translated here (an empty text would show empty)
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if not context.startswith("Q"):
            return None  # the application's own texts: French already
        found = self.catalogue.translate(context, source, disambiguation, n)
        if found or "&" not in source:
            return found or None
        plain = self.catalogue.translate(context, source.replace("&", ""), disambiguation, n)
        return with_mnemonic(plain, source) if plain else None


def with_mnemonic(translated: str, source: str) -> str:
    """`translated` with a mnemonic: before the letter `source`'s mnemonic marks, if it has it, else its first."""
    letter = source[source.index("&") + 1 : source.index("&") + 2].casefold()
    where = translated.casefold().find(letter) if letter.isalpha() else -1
    if where < 0:
        where = next((i for i, char in enumerate(translated) if char.isalpha()), 0)
    return f"{translated[:where]}&{translated[where:]}"


def install_qt_french(app: QApplication) -> QtFrench | None:
    """Qt's own dialogs and buttons in French (see `QtFrench`); None when the catalogue is missing."""
    translator = QtFrench(app)
    if not translator.load_french():
        return None
    app.installTranslator(translator)
    return translator


def run_gui(database: Path | str, user_dirs: UserDirs, clock: Clock) -> int:
    """The window on a file (Path) or on a shared base on a server (its address, a str); `clock` is the
    command line's (the system clock, unless $TI_DESKTOP_NOW fixes it)."""
    log_file = configure_logging(user_dirs.log_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    install_qt_french(app)
    keep_dialogs_on_screen(app)  # a form laid out for a large screen opens within a laptop's
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # Desktop integration: the icon of every window and of the task bar; the desktop entry's name, which
    # Wayland compositors match against packaging/linux/fr.territoires-industrie.TIDesktop.desktop.
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("fr.territoires-industrie.TIDesktop")
    install_exception_hook(log_file)
    settings = QSettings()
    theme = theme_from_settings(settings)
    install_theme(app, theme)
    install_text_size(app, text_size_from_settings(settings))
    # The user's name, the author of what they sign: asked at the first launch, once the base is held (the
    # packaging's smoke test answers no dialog).
    ask_name = not os.environ.get(SMOKE_TEST_VAR)
    controller = GuiController(user_dirs, settings, clock, theme, ask_name=ask_name, login=os_login())
    if isinstance(database, Path):
        try:
            private_folder(database.parent)
        except OSError:
            pass
    if not controller.open_target(database):
        return 1
    if os.environ.get(SMOKE_TEST_VAR):
        # Packaging checks (wheel, bundle): the window opened on this base; say so and leave.
        QTimer.singleShot(0, lambda: report_smoke_test(controller, app))
    code = app.exec()
    controller.close()
    return code


SMOKE_TEST_VAR = "TI_DESKTOP_SMOKE_TEST"


def report_smoke_test(controller: GuiController, app: QApplication) -> None:
    window = controller.window
    title = window.windowTitle() if window is not None else ""
    print(f"Fenêtre ouverte : {title} ({window.page_count() if window is not None else 0} pages)", flush=True)
    app.quit()
