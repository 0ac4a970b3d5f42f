"""Aide › Raccourcis clavier: every shortcut of the application, read from what is registered.

The list is not written by hand: it is gathered from the window's actions (its menus, and each page's actions,
the pages built first) and from the meeting mode's key maps, so a shortcut added anywhere shows up here and
one removed disappears. An action is listed where it acts — « Fichier », « Plan d'action », « Mode réunion
(point) » — with its keys in Qt's native (translated) text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.gui.meeting_mode.window import (
    COMMAND_LABELS,
    ITEM_KEYS,
    OVERVIEW_KEYS,
    STANDARD_COMMAND_KEYS,
    key_sequences,
)
from ti_desktop.gui.pages.base import Page


def tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


WINDOW = "Fenêtre principale"
MEETING_ITEM = "Mode réunion (point)"
MEETING_OVERVIEW = "Mode réunion (vue d'ensemble)"
# Enter on a list or a table with no text of its own: the application's idiom, it opens the current row.
OPEN_ROW = "Ouvrir la ligne choisie"


@dataclass(frozen=True)
class Shortcut:
    """Keys (native text, « ; » between alternatives), what they do, and where."""

    keys: str
    action: str
    where: str


class ShortcutWindow(Protocol):
    """The main window, as the list reads it: its pages (built on demand) and its menu bar."""

    @property
    def pages(self) -> list[Page]: ...

    def menuBar(self) -> QMenuBar: ...


def key_text(sequences: Iterable[QKeySequence]) -> str:
    texts = [sequence.toString(QKeySequence.SequenceFormat.NativeText) for sequence in sequences]
    return " ; ".join(dict.fromkeys(texts))  # each once, in order


def plain(text: str) -> str:
    """A menu or button text as read: without its mnemonic's « & » nor a trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").strip()


def _where(action: QAction | QShortcut, holder: QWidget | None) -> str:
    """The menu an action is in, or the page (or the window) holding it."""
    if isinstance(action, QAction):
        menus = [owner for owner in action.associatedObjects() if isinstance(owner, QMenu)]
        if menus:
            return plain(menus[0].title())
    widget = holder
    while widget is not None:
        if isinstance(widget, Page):
            return widget.title()
        widget = widget.parentWidget()
    return tr(WINDOW)


def _described(action: QAction | QShortcut) -> str:
    text = plain(action.text()) if isinstance(action, QAction) else ""
    if not text:
        text = plain(action.whatsThis() or "")
    if not text and isinstance(action, QAction):
        text = plain(action.toolTip())
    return text or tr(OPEN_ROW)


def registered_shortcuts(root: QWidget) -> list[Shortcut]:
    """The shortcuts of the actions and QShortcuts in `root`'s tree (its own actions included)."""
    found: list[Shortcut] = []
    holders: list[QWidget] = [root, *root.findChildren(QWidget)]
    seen: set[int] = set()
    for holder in holders:
        candidates: list[QAction | QShortcut] = list(holder.actions())
        candidates += [child for child in holder.children() if isinstance(child, QAction | QShortcut)]
        for action in candidates:
            if id(action) in seen:
                continue
            seen.add(id(action))
            keys = action.shortcuts() if isinstance(action, QAction) else action.keys()
            keys = [sequence for sequence in keys if not sequence.isEmpty()]
            if keys:
                found.append(Shortcut(key_text(keys), _described(action), _where(action, holder)))
    return found


def meeting_mode_shortcuts() -> list[Shortcut]:
    """The meeting mode's keys, one row per command and screen."""
    rows: list[Shortcut] = []
    for where, keys in ((MEETING_ITEM, ITEM_KEYS), (MEETING_OVERVIEW, OVERVIEW_KEYS)):
        by_command: dict[str, list[QKeySequence]] = {}
        for key, command in keys.items():
            by_command.setdefault(command, []).append(QKeySequence(key))
        for command, standard in STANDARD_COMMAND_KEYS.items():
            by_command[command] = [binding for sequence in standard for binding in key_sequences(sequence)]
        rows += [
            Shortcut(key_text(sequences), tr(COMMAND_LABELS[command]), tr(where))
            for command, sequences in by_command.items()
        ]
    return rows


def merged(shortcuts: Sequence[Shortcut]) -> list[Shortcut]:
    """One row per action and place: the keys of the same action in the same place joined (Entrée ; F2)."""
    rows: dict[tuple[str, str], list[str]] = {}
    for shortcut in shortcuts:
        keys = rows.setdefault((shortcut.where, shortcut.action), [])
        keys += [key for key in shortcut.keys.split(" ; ") if key not in keys]
    return [Shortcut(" ; ".join(keys), action, where) for (where, action), keys in rows.items()]


def all_shortcuts(window: ShortcutWindow) -> list[Shortcut]:
    """The window's (its pages built first, each registers its own) and the meeting mode's, in the order a
    user meets them: the menus as in the menu bar, the pages as in the navigation, then the meeting mode."""
    assert isinstance(window, QWidget)
    places = [plain(menu.text()) for menu in window.menuBar().actions()]
    places += [page.title() for page in window.pages] + [tr(WINDOW), tr(MEETING_ITEM), tr(MEETING_OVERVIEW)]
    rows = merged(registered_shortcuts(window) + meeting_mode_shortcuts())
    return sorted(rows, key=lambda row: places.index(row.where) if row.where in places else len(places))


class ShortcutsDialog(QDialog):
    """The table of every shortcut: keys, action, where; read-only."""

    COLUMNS = ("Touches", "Action", "Où")

    def __init__(self, window: ShortcutWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window if isinstance(window, QWidget) else None)
        self.setWindowTitle(self.tr("Raccourcis clavier"))
        self.resize(760, 560)
        self.shortcuts = all_shortcuts(window)
        intro = QLabel(
            self.tr(
                "Tab et Maj+Tab passent d'un champ au suivant ; Alt et la lettre soulignée ouvrent un menu ou "
                "activent un bouton ; Échap ferme une fenêtre de dialogue."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.shortcuts), len(self.COLUMNS), self)
        self.table.setAccessibleName(self.tr("Raccourcis clavier"))
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, shortcut in enumerate(self.shortcuts):
            for column, text in enumerate((shortcut.keys, shortcut.action, shortcut.where)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[Shortcut]:
        """The table's rows as shown."""
        return [
            Shortcut(*(self._text(row, column) for column in range(len(self.COLUMNS))))
            for row in range(self.table.rowCount())
        ]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
