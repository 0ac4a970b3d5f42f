"""Mode réunion: the comité runs on the projector from this full-screen window, by keyboard.

One agenda item per screen (→ / ← / Page suivante / Page précédente / Espace / Début / Fin); D captures a
decision, S changes the status, + / − the progress by 5 %, A the "à discuter" flag — each saved at once
through the undoable editor (Ctrl+Z undoes, Ctrl+Y redoes) and the screen shows the result. O (or Tab) opens
the overview: every item and every decision of the séance; there C closes the meeting (a snapshot of the plan
for the next comité). Échap leaves (from the overview it first goes back to the item).

A closed meeting says "Réunion close" in the header. Decisions can still be added to it (a decision forgotten
in the rush of the end of the séance belongs to its relevé); the decision dialog says so.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QKeyCombination, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.records import AgendaItemRecord, MeetingRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.meeting_mode.decision_dialog import DecisionDialog
from ti_desktop.gui.meeting_mode.item_screen import ItemContext, ItemScreen
from ti_desktop.gui.meeting_mode.overview_screen import OverviewScreen
from ti_desktop.gui.meeting_mode.services import MeetingModeWindowServices
from ti_desktop.gui.meeting_mode.status_chooser import StatusChooser
from ti_desktop.gui.meeting_mode.texts import item_header, meeting_name, overview_header, shorten
from ti_desktop.gui.meeting_mode.theme import BAND, BAND_TEXT, Theme
from ti_desktop.gui.meeting_mode.widgets import label
from ti_desktop.kernel.formatting import format_percent
from ti_desktop.services.meetings import ItemView

PROGRESS_STEP = 5
WINDOWED_SIZE = (1280, 720)


class Screen(Enum):
    ITEM = "item"
    OVERVIEW = "overview"


# Keys without modifiers (Shift aside) -> command, per screen.
ITEM_KEYS: dict[Qt.Key, str] = {
    Qt.Key.Key_Right: "next",
    Qt.Key.Key_PageDown: "next",
    Qt.Key.Key_Space: "next",
    Qt.Key.Key_Left: "previous",
    Qt.Key.Key_PageUp: "previous",
    Qt.Key.Key_Home: "first",
    Qt.Key.Key_End: "last",
    Qt.Key.Key_Up: "scroll_up",
    Qt.Key.Key_Down: "scroll_down",
    Qt.Key.Key_D: "decision",
    Qt.Key.Key_S: "status",
    Qt.Key.Key_Plus: "more",
    Qt.Key.Key_Equal: "more",
    Qt.Key.Key_Minus: "less",
    Qt.Key.Key_A: "discuss",
    Qt.Key.Key_O: "overview",
    Qt.Key.Key_Tab: "overview",
    Qt.Key.Key_Escape: "leave",
    Qt.Key.Key_F11: "full_screen",
}
OVERVIEW_KEYS: dict[Qt.Key, str] = {
    Qt.Key.Key_Up: "select_up",
    Qt.Key.Key_Down: "select_down",
    Qt.Key.Key_PageUp: "select_page_up",
    Qt.Key.Key_PageDown: "select_page_down",
    Qt.Key.Key_Home: "select_first",
    Qt.Key.Key_End: "select_last",
    Qt.Key.Key_Return: "go",
    Qt.Key.Key_Enter: "go",
    Qt.Key.Key_D: "decision",
    Qt.Key.Key_C: "close_meeting",
    Qt.Key.Key_O: "back",
    Qt.Key.Key_Tab: "back",
    Qt.Key.Key_Left: "back",
    Qt.Key.Key_Escape: "back",
    Qt.Key.Key_F11: "full_screen",
}
# Typed characters, whatever the keyboard layout (the keypad's + and −, AZERTY's shifted +).
TEXT_KEYS = {"+": "more", "-": "less", "−": "less"}
# With modifiers, on both screens: the standard sequences (and Ctrl+Y, the other usual redo).
STANDARD_COMMAND_KEYS: dict[str, tuple[QKeySequence.StandardKey | str, ...]] = {
    "undo": (QKeySequence.StandardKey.Undo,),
    "redo": (QKeySequence.StandardKey.Redo, "Ctrl+Y"),
}
# What each command does, as Aide › Raccourcis clavier lists it.
COMMAND_LABELS = {
    "next": "Point suivant",
    "previous": "Point précédent",
    "first": "Premier point",
    "last": "Dernier point",
    "scroll_up": "Faire défiler vers le haut",
    "scroll_down": "Faire défiler vers le bas",
    "decision": "Noter une décision",
    "status": "Changer le statut de l'action",
    "more": "Avancement + 10 %",
    "less": "Avancement − 10 %",
    "discuss": "Marquer « à discuter » ou non",
    "overview": "Vue d'ensemble",
    "leave": "Quitter le mode réunion",
    "full_screen": "Plein écran ou fenêtre",
    "select_up": "Point au-dessus",
    "select_down": "Point au-dessous",
    "select_page_up": "Page de points au-dessus",
    "select_page_down": "Page de points au-dessous",
    "select_first": "Premier point",
    "select_last": "Dernier point",
    "go": "Aller au point choisi",
    "close_meeting": "Clore la réunion",
    "back": "Retour au point",
    "undo": "Annuler",
    "redo": "Rétablir",
}


def standard_command(event: QKeyEvent, modifiers: Qt.KeyboardModifier) -> str | None:
    """The command of STANDARD_COMMAND_KEYS `event` is (its `modifiers` without Shift nor the keypad's)."""
    pressed = QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key())))
    for command, sequences in STANDARD_COMMAND_KEYS.items():
        for sequence in sequences:
            if isinstance(sequence, QKeySequence.StandardKey):
                if event.matches(sequence):
                    return command
            elif pressed == QKeySequence(sequence):
                return command
    return None


def key_sequences(sequence: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """Every binding of a standard key on this platform, or the one sequence written."""
    if isinstance(sequence, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(sequence)
    return [QKeySequence(sequence)]


def percent(progress: int) -> str:
    return format_percent(progress / 100)


class MeetingModeWindow(QWidget):
    # The user left the meeting mode (Échap or the window closed): the meeting id.
    finished = Signal(int)
    # The meeting was closed from the overview: the meeting id.
    closed_meeting = Signal(int)

    def __init__(
        self, context: AppContext, services: MeetingModeWindowServices, meeting_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.context = context
        self.meeting_id = meeting_id
        self.meeting: MeetingRecord = services.steering.meeting(meeting_id)
        self.items: list[AgendaItemRecord] = []
        self.index = 0
        self.screen_shown = Screen.ITEM
        self.view: ItemView | None = None
        self.theme = Theme.for_size(*WINDOWED_SIZE)
        self.decision_dialog: DecisionDialog | None = None
        self.status_chooser: StatusChooser | None = None
        self.close_confirmation: QMessageBox | None = None
        self._left = False
        self._styled_for: tuple[int, int] | None = None

        self.setObjectName("meetingMode")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWindowTitle(self.tr("Mode réunion — {meeting}").format(meeting=meeting_name(self.meeting)))

        band = QWidget(self)
        band.setObjectName("band")
        band.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.header = label("", "band", band, rich=True, wrap=False)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header.setObjectName("header")
        self.closed_tag = label(self.tr("RÉUNION CLOSE"), "closed", band, wrap=False)
        self.closed_tag.setObjectName("closedTag")
        self.closed_tag.setAccessibleName(self.tr("Réunion close"))
        header_row = QHBoxLayout(band)
        header_row.setContentsMargins(0, 0, 0, 0)
        header_row.addWidget(self.header, 1)
        header_row.addWidget(self.closed_tag)
        header_row.addSpacing(12)
        self.header_band = band
        self.header_row = header_row

        self.item_screen = ItemScreen(self)
        self.overview_screen = OverviewScreen(self)
        self.overview_screen.item_chosen.connect(self.go_to)
        self.overview_screen.close_requested.connect(self.ask_close_meeting)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.item_screen)
        self.stack.addWidget(self.overview_screen)

        self.flash = label("", "flash", self)
        self.flash.setObjectName("flash")
        self.flash.hide()
        self.footer = QLabel(self)
        self.footer.setObjectName("footer")
        self.footer.setProperty("role", "band")
        self.footer.setTextFormat(Qt.TextFormat.RichText)
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.footer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.footer.linkActivated.connect(self.run)
        self.footer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.footer.setMinimumWidth(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(band)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.flash)
        layout.addWidget(self.footer)

        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render)

        self.commands: dict[str, Callable[[], None]] = {
            "next": lambda: self.step(1),
            "previous": lambda: self.step(-1),
            "first": lambda: self.go_to(0),
            "last": lambda: self.go_to(len(self.items) - 1),
            "scroll_up": lambda: self.item_screen.scroll_by(-1),
            "scroll_down": lambda: self.item_screen.scroll_by(1),
            "decision": self.add_decision,
            "status": self.choose_status,
            "more": lambda: self.change_progress(PROGRESS_STEP),
            "less": lambda: self.change_progress(-PROGRESS_STEP),
            "discuss": self.toggle_discuss,
            "overview": self.show_overview,
            "leave": self.leave,
            "full_screen": self.toggle_full_screen,
            "select_up": lambda: self.overview_screen.move_selection(-1),
            "select_down": lambda: self.overview_screen.move_selection(1),
            "select_page_up": lambda: self.overview_screen.move_selection(-5),
            "select_page_down": lambda: self.overview_screen.move_selection(5),
            "select_first": lambda: self.overview_screen.move_selection(-len(self.items)),
            "select_last": lambda: self.overview_screen.move_selection(len(self.items)),
            "go": lambda: self.go_to(self.overview_screen.selected_row()),
            "back": self.show_item,
            "close_meeting": self.ask_close_meeting,
            "undo": self.undo,
            "redo": self.redo,
        }
        context.data_changed.connect(self.reload)
        context.status_message.connect(self._on_status_message)
        self.reload()

    # -- the public API -----------------------------------------------------------------------------
    def start(self, full_screen: bool = True) -> None:
        """Show the window: full screen on the screen of the main window (or under the mouse)."""
        owner = self.parentWidget()
        screen = owner.window().screen() if owner is not None else None
        if screen is None:
            screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if not full_screen and not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            self.resize(*WINDOWED_SIZE)
        if screen is not None:
            self.setScreen(screen)
            frame = self.frameGeometry()
            frame.moveCenter(screen.availableGeometry().center())
            self.move(frame.topLeft())
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
        self.activateWindow()
        self.setFocus()
        self._render()

    def leave(self) -> None:
        """Échap: close the window and tell the owner (once)."""
        if self._left:
            return
        self._left = True
        self.context.data_changed.disconnect(self.reload)
        self.context.status_message.disconnect(self._on_status_message)
        self.close()
        self.finished.emit(self.meeting_id)

    # -- reading ------------------------------------------------------------------------------------
    @property
    def current_item(self) -> AgendaItemRecord | None:
        return self.items[self.index] if self.items else None

    def reload(self) -> None:
        """Read the meeting and its agenda again (after an edit, an undo, a change elsewhere) and redraw."""
        if self._left:
            return
        current = self.current_item
        try:
            self.meeting = self.services.steering.meeting(self.meeting_id)
            self.items = self.services.steering.agenda(self.meeting_id)
        except TiDesktopError as error:
            self.items = []
            self.show_message(error.message, error=True)
        ids = [item.id for item in self.items]
        if current is not None and current.id in ids:
            self.index = ids.index(current.id)
        self.index = max(0, min(self.index, len(self.items) - 1))
        self._render()

    def _render(self) -> None:
        size = (self.width(), self.height())
        self.theme = Theme.for_size(*size)
        if self._styled_for != size:
            self._styled_for = size
            self.setStyleSheet(self.theme.style_sheet())
            for band_label in (self.header, self.closed_tag, self.flash, self.footer):
                self._set_band_font(band_label)
            margin = self.theme.margin
            self.header_row.setContentsMargins(0, 0, margin, 0)
        self.closed_tag.setVisible(self.meeting.closed_at is not None)
        if self.screen_shown is Screen.OVERVIEW:
            self._render_overview()
        else:
            self._render_item()
        self._render_footer()

    def _render_item(self) -> None:
        self.stack.setCurrentWidget(self.item_screen)
        item = self.current_item
        if item is None:
            self.view = None
            self._set_header(meeting_name(self.meeting))
            self.item_screen.show_empty(
                self.tr("L'ordre du jour est vide.\nO : aperçu de la séance · D : décision générale"), self.theme
            )
            return
        self._set_header(item_header(self.index + 1, len(self.items), self.meeting))
        steering = self.services.steering
        try:
            self.view = steering.item_view(item.id, self.context.today)
            previous = steering.previous_meeting(self.meeting.territory_id, before=self.meeting)
        except TiDesktopError as error:
            self.view = None
            self.item_screen.show_empty(error.message, self.theme)
            return
        self.item_screen.show_item(self.view, ItemContext(self.context.today, previous), self.theme)

    def _render_overview(self) -> None:
        self.stack.setCurrentWidget(self.overview_screen)
        self._set_header(overview_header(self.meeting))
        try:
            overview = self.services.steering.overview(self.meeting_id)
        except TiDesktopError as error:
            self.show_message(error.message, error=True)
            return
        self.overview_screen.show_overview(overview, self.index, self.context.today, self.theme)

    def _set_header(self, text: str) -> None:
        """`Point 3 / 8 — Comité…`: what comes before the dash in bold."""
        first, dash, rest = text.partition(" — ")
        self.header.setText(f"<b>{escape(first)}</b>{escape(dash)}{escape(rest)}")
        self.header.setAccessibleName(text)

    def _render_footer(self) -> None:
        if self.screen_shown is Screen.OVERVIEW:
            hints = [
                ("select_down", "↑ ↓", self.tr("Choisir")),
                ("go", self.tr("Entrée"), self.tr("Aller au point")),
                ("decision", "D", self.tr("Décision générale")),
            ]
            if self.meeting.closed_at is None:
                hints.append(("close_meeting", "C", self.tr("Clore la réunion")))
            hints += [
                ("undo", "Ctrl+Z", self.tr("Annuler")),
                ("back", self.tr("Échap"), self.tr("Retour au point")),
            ]
        else:
            hints = [
                ("next", "← →", self.tr("Points")),
                ("decision", "D", self.tr("Décision")),
            ]
            if self.view is not None and self.view.action is not None:
                hints += [
                    ("status", "S", self.tr("Statut")),
                    ("more", "+ −", self.tr("Avancement")),
                    ("discuss", "A", self.tr("À discuter")),
                ]
            hints += [
                ("overview", "O", self.tr("Aperçu")),
                ("undo", "Ctrl+Z", self.tr("Annuler")),
                ("leave", self.tr("Échap"), self.tr("Quitter")),
            ]
        key_style = f"background:{BAND_TEXT}; color:{BAND}; font-weight:700;"
        parts = [
            f'<a href="{command}" style="color:{BAND_TEXT}; text-decoration:none;">'
            f'<span style="{key_style}">&nbsp;{escape(key)}&nbsp;</span>&nbsp;{escape(text)}</a>'
            for command, key, text in hints
        ]
        self.footer.setText("&nbsp;&nbsp;&nbsp; ".join(parts))

    # -- navigation ---------------------------------------------------------------------------------
    def step(self, offset: int) -> None:
        if not self.items:
            return
        target = self.index + offset
        if target >= len(self.items):
            self.show_overview()
            self.show_message(self.tr("Fin de l'ordre du jour : voici l'aperçu de la séance (C pour clore)."))
            return
        self.go_to(max(0, target))

    def go_to(self, index: int) -> None:
        if not self.items or index < 0:
            return
        self.index = min(index, len(self.items) - 1)
        self.screen_shown = Screen.ITEM
        self.clear_message()
        self._render()
        self.item_screen.area.verticalScrollBar().setValue(0)

    def show_overview(self) -> None:
        self.screen_shown = Screen.OVERVIEW
        self.clear_message()
        self._render()

    def show_item(self) -> None:
        self.go_to(self.index)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # -- quick edits --------------------------------------------------------------------------------
    def _action_or_say(self) -> Any:
        action = self.view.action if self.view is not None and self.screen_shown is Screen.ITEM else None
        if action is None:
            self.show_message(self.tr("Ce point ne porte pas sur une action : S, + / − et A sont sans effet ici."))
        return action

    def _edit(self, undo_label: str, done: str, **changes: Any) -> None:
        action = self.view.action if self.view is not None else None
        if action is None:
            return
        try:
            self.context.editor.update(
                self.services.actions, action.id, undo_label, expected_version=action.version, **changes
            )
        except TiDesktopError as error:
            self.show_message(error.message, error=True)
            return
        self.show_message(self.tr("{done} — Ctrl+Z pour annuler.").format(done=done))

    def _code(self) -> str:
        action = self.view.action if self.view is not None else None
        if action is None:
            return ""
        return action.code or shorten(action.title, 40)

    def choose_status(self) -> None:
        action = self._action_or_say()
        if action is None:
            return
        chooser = StatusChooser(action.status, self._code(), self.theme, self)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.accepted.connect(lambda: self._status_chosen(chooser))
        chooser.finished.connect(self._dialog_closed)
        self.status_chooser = chooser
        chooser.open()

    def _status_chosen(self, chooser: StatusChooser) -> None:
        action = self.view.action if self.view is not None else None
        status = chooser.chosen()
        if action is None or status == action.status:
            return
        self._edit(
            self.tr("Statut de {code} : {status}").format(code=self._code(), status=status.label),
            self.tr("Statut : {old} → {new}").format(old=action.status.label, new=status.label),
            status=status,
        )

    def change_progress(self, offset: int) -> None:
        action = self._action_or_say()
        if action is None:
            return
        progress = max(0, min(100, action.progress + offset))
        if progress == action.progress:
            return
        self._edit(
            self.tr("Avancement de {code} : {progress}").format(code=self._code(), progress=percent(progress)),
            self.tr("Avancement : {old} → {new}").format(old=percent(action.progress), new=percent(progress)),
            progress=progress,
        )

    def toggle_discuss(self) -> None:
        action = self._action_or_say()
        if action is None:
            return
        flag = not action.to_discuss
        self._edit(
            self.tr("« À discuter » de {code}").format(code=self._code()),
            self.tr("Marquée « à discuter »") if flag else self.tr("N'est plus « à discuter »"),
            to_discuss=flag,
        )

    def undo(self) -> None:
        stack = self.context.undo_stack
        if not stack.canUndo():
            self.show_message(self.tr("Rien à annuler."))
            return
        text = stack.undoText()
        stack.undo()
        self.show_message(self.tr("Annulé : {edit}. Ctrl+Y pour rétablir.").format(edit=text))

    def redo(self) -> None:
        stack = self.context.undo_stack
        if not stack.canRedo():
            self.show_message(self.tr("Rien à rétablir."))
            return
        text = stack.redoText()
        stack.redo()
        self.show_message(self.tr("Rétabli : {edit}.").format(edit=text))

    # -- decisions ----------------------------------------------------------------------------------
    def add_decision(self) -> None:
        """A decision on the current item's action (none for a free item, or from the overview)."""
        action = self.view.action if self.view is not None and self.screen_shown is Screen.ITEM else None
        if action is not None:
            about = self.tr("Sur {action}").format(action=shorten(self.view.item.title if self.view else "", 110))
        elif self.screen_shown is Screen.ITEM and self.view is not None:
            about = self.tr("Point « {title} »").format(title=shorten(self.view.item.title, 100))
        else:
            about = self.tr("Décision générale, sans action liée")
        dialog = DecisionDialog(
            self.context,
            self.services,
            self.meeting,
            action.id if action is not None else None,
            about,
            self.theme,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.show_message(self.tr("Décision enregistrée — Ctrl+Z pour annuler.")))
        dialog.finished.connect(self._dialog_closed)
        self.decision_dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        self.decision_dialog = None
        self.status_chooser = None
        self.close_confirmation = None
        self.activateWindow()
        self.setFocus()

    # -- closing the meeting ------------------------------------------------------------------------
    def ask_close_meeting(self) -> None:
        if self.meeting.closed_at is not None:
            self.show_message(self.tr("La réunion est déjà close."))
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Clore la réunion"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText("<b>{}</b>".format(escape(self.tr("Clore la réunion ?"))))
        box.setInformativeText(
            self.tr(
                "Une photographie du plan est prise : le prochain comité montrera ce qui a changé depuis "
                "celui-ci. La clôture ne s'annule pas ; des décisions pourront encore être ajoutées."
            )
        )
        confirm = box.addButton(self.tr("Clore la réunion"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(confirm)
        box.setEscapeButton(cancel)
        box.setStyleSheet(self.theme.dialog_style_sheet())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._close_answered(box.clickedButton() is confirm))
        self.close_confirmation = box
        box.open()

    def _close_answered(self, confirmed: bool) -> None:
        self._dialog_closed()
        if confirmed:
            self.close_meeting()

    def close_meeting(self) -> None:
        try:
            self.services.steering.close(self.meeting_id)
        except TiDesktopError as error:
            self.show_message(error.message, error=True)
            return
        self.context.data_changed.emit()  # every view (and this one) reads the closed meeting
        self.show_message(self.tr("Réunion close : le prochain comité montrera ce qui a changé depuis celui-ci."))
        self.closed_meeting.emit(self.meeting_id)

    # -- messages -----------------------------------------------------------------------------------
    def _set_band_font(self, widget: QLabel, bold: bool | None = None) -> None:
        role = str(widget.property("role") or "")
        font = self.theme.font(role, QGuiApplication.font())
        if bold is not None:
            font.setBold(bold)
        widget.setFont(font)

    def show_message(self, message: str, *, error: bool = False) -> None:
        """A line above the footer: what was just done (and how to undo it), or in red what went wrong."""
        self.flash.setProperty("error", "true" if error else "false")
        self.flash.style().unpolish(self.flash)
        self.flash.style().polish(self.flash)
        self._set_band_font(self.flash, bold=error)
        self.flash.setText(message)
        self.flash.show()

    def clear_message(self) -> None:
        self.flash.clear()
        self.flash.hide()

    def _on_status_message(self, message: str) -> None:
        if self.isVisible():
            self.show_message(message, error=True)

    # -- keyboard -----------------------------------------------------------------------------------
    def command_for(self, event: QKeyEvent) -> str | None:
        modifiers = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        standard = standard_command(event, modifiers)
        if standard is not None:
            return standard
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return None
        keys = OVERVIEW_KEYS if self.screen_shown is Screen.OVERVIEW else ITEM_KEYS
        command = keys.get(Qt.Key(event.key()))
        if command is None and self.screen_shown is Screen.ITEM:
            command = TEXT_KEYS.get(event.text())
        return command

    def run(self, command: str) -> None:
        action = self.commands.get(command)
        if action is not None:
            action()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = self.command_for(event)
        if command is None:
            super().keyPressEvent(event)
            return
        event.accept()
        self.run(command)

    def event(self, event: QEvent) -> bool:
        # Tab opens the overview instead of moving the focus.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self.keyPressEvent(event)
                return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render_timer.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if not self._left:
            self._left = True
            self.context.data_changed.disconnect(self.reload)
            self.context.status_message.disconnect(self._on_status_message)
            self.finished.emit(self.meeting_id)
