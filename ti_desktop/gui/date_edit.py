"""The one date field of every form: a line typed the French way — `15/03/2025`, or its digits alone
(`15032025`, `150325`), shown back as `15/03/2025` — with a calendar to pick from (the field's button, or
Alt+Bas). Tab leaves it like any other field: no sections to walk, no digit that silently changes the month.

It stays a `QLineEdit`, so a form reads it as any date field, `inputs.parse_date(edit.text(), …)`, and its
commit path (`editingFinished`) is unchanged; picking a day in the calendar ends the editing as Entrée does.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from ti_desktop.domain.errors import ValidationError
from ti_desktop.gui.field_errors import add_description
from ti_desktop.gui.inputs import parse_date, show_date

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)
PLACEHOLDER = "jj/mm/aaaa"
DESCRIPTION = "date jj/mm/aaaa, Alt+Bas ouvre un calendrier"  # what a screen reader reads of a date field


def _calendar_icon(colour: QColor) -> QIcon:
    """A small calendar page, drawn in the field's text colour (no icon theme on Windows)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    pen = QPen(colour)
    pen.setWidth(1)
    painter.setPen(pen)
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(1, 2, 14, 3, colour)
    for row in (7, 10):
        for column in (4, 7, 10):
            painter.drawPoint(column, row)
            painter.drawPoint(column + 1, row)
    painter.end()
    return QIcon(pixmap)


class CalendarPopup(QFrame):
    """The calendar under a date field; a chosen day is written into the field, which then ends its editing."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit, Qt.WindowType.Popup)
        self.edit = edit
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setLocale(FRENCH)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setAccessibleName("Calendrier")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the frame draws its own border
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self.choose)
        self.calendar.activated.connect(self.choose)

    def open_at(self, day: dt.date | None) -> None:
        if day is not None:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.adjustSize()
        self.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.show()
        self.calendar.setFocus()

    def choose(self, day: QDate) -> None:
        self.hide()
        self.edit.setText(show_date(dt.date(day.year(), day.month(), day.day())))
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self.edit.editingFinished.emit()  # as Entrée: the form's commit path runs


class DateField(QObject):
    """What makes a line edit a date field (a child of the edit: it lives as long)."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.setObjectName("date_field")
        self.edit = edit
        self.popup: CalendarPopup | None = None
        self.calendar_action = QAction(_calendar_icon(edit.palette().text().color()), "Calendrier", edit)
        self.calendar_action.setToolTip("Choisir la date dans un calendrier (Alt+Bas)")
        self.calendar_action.setShortcut(QKeySequence("Alt+Down"))
        self.calendar_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.calendar_action.triggered.connect(self.open_calendar)
        edit.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        edit.editingFinished.connect(self.tidy)

    def typed_date(self) -> dt.date | None:
        """The date the field reads, None when empty or unreadable."""
        try:
            return parse_date(self.edit.text(), "date", "Date")
        except ValidationError:
            return None

    def tidy(self) -> None:
        """`15032025` becomes `15/03/2025` once typed; an unreadable entry stays as typed (the form says why)."""
        day = self.typed_date()
        if day is not None and self.edit.text() != show_date(day):
            self.edit.setText(show_date(day))

    def open_calendar(self) -> CalendarPopup:
        if self.popup is None:
            self.popup = CalendarPopup(self.edit)
        self.popup.open_at(self.typed_date())
        return self.popup


def date_field(edit: QLineEdit) -> DateField:
    """Make `edit` (a plain line edit, e.g. from a Designer form) the application's date field."""
    hint = edit.placeholderText()  # its own (« vide tant que le jalon n'est pas atteint ») is read first
    if not hint:
        edit.setPlaceholderText(PLACEHOLDER)
    field = DateField(edit)
    if hint and hint != PLACEHOLDER:
        add_description(edit, hint, first=True)
    add_description(edit, DESCRIPTION)
    return field


def date_field_of(widget: QWidget) -> DateField | None:
    """The date field behaviour of a line edit made one by `date_field` (None for any other widget)."""
    return widget.findChild(DateField, "date_field", Qt.FindChildOption.FindDirectChildrenOnly)
