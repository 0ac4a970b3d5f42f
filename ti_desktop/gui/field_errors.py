"""Red French messages: one beside each field a form shows, keyed by the services' field name, and a general
line for the rest. Refusals (`ValidationError.field`) land beside the field they name.

A dialog keeps its size and its buttons where they are when a message appears: a field's message has its slot
beside the field, reserved while empty (`FieldErrors.beside`), as the general line reserves its own
(`reserve_lines`). A message goes away as soon as its field changes. A required field's label ends with « * »
(`mark_required`), derived from the entity's declaration (`required_fields`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from ti_desktop.domain.errors import TiDesktopError, ValidationError
from ti_desktop.domain.fields import FieldSpec
from ti_desktop.gui.theme import Role, Theme, installed_theme, set_role

REQUIRED_MARK = "*"  # after a required field's label: « Intitulé * »
REQUIRED_DESCRIPTION = "obligatoire"  # what a screen reader reads of a required field (it reads no « * »)
DESCRIPTION_SEPARATOR = " — "  # between the parts of an accessible description: « ex. 150 000 — obligatoire »
# A message slot beside a field: about this many characters wide, this many lines high (longer ones wrap further).
SLOT_WIDTH_CHARS = 40
SLOT_LINES = 2
FIELD_MIN_CHARS = 30  # a typing field beside its slot stays at least this wide (its placeholder shows whole)


def required_text(text: str) -> str:
    """`Intitulé` -> `Intitulé *` (once)."""
    stripped = text.rstrip()
    return stripped if stripped.endswith(REQUIRED_MARK) else f"{stripped} {REQUIRED_MARK}"


def description_parts(widget: QWidget) -> list[str]:
    """The parts of `widget`'s accessible description (« ex. 150 000 — obligatoire » has two)."""
    return [part for part in widget.accessibleDescription().split(DESCRIPTION_SEPARATOR) if part]


def add_description(widget: QWidget, part: str, first: bool = False) -> None:
    """Add `part` to what a screen reader reads of `widget` (once): at the start when `first` (an entry hint),
    else at the end; « obligatoire » stays last."""
    parts = description_parts(widget)
    if part in parts:
        return
    parts = [part, *parts] if first else [*parts, part]
    parts.sort(key=lambda each: each == REQUIRED_DESCRIPTION)  # stable: the others keep their order
    widget.setAccessibleDescription(DESCRIPTION_SEPARATOR.join(parts))


def mark_required(label: QLabel) -> None:
    """The label of a field that must be filled ends with « * » (its accessible description says so)."""
    label.setText(required_text(label.text()))
    buddy = label.buddy()
    if buddy is not None:
        add_description(buddy, REQUIRED_DESCRIPTION)


def required_fields(specs: Mapping[str, FieldSpec]) -> frozenset[str]:
    """The fields a form must mark « * »: those the declaration requires (a box to tick always has a value)."""
    return frozenset(name for name, spec in specs.items() if spec.required and spec.kind != "bool")


def reserve_lines(label: QLabel, lines: int = SLOT_LINES) -> QLabel:
    """Keep `label`'s room while it is empty: what appears in it moves nothing else."""
    margins = label.contentsMargins()
    label.setMinimumHeight(lines * label.fontMetrics().lineSpacing() + margins.top() + margins.bottom())
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    label.show()
    return label


def connect_changed(widget: QWidget, slot: Callable[..., object]) -> None:
    """Call `slot` whenever the user changes the input's value (leaving it unchanged is no correction)."""
    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
        widget.editTextChanged.connect(slot)
    elif isinstance(widget, QAbstractSpinBox):
        changed = getattr(widget, "textChanged", None)  # QSpinBox, QDoubleSpinBox
        if changed is not None:
            changed.connect(slot)
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(slot)
    else:  # a composite input (a picker…): its own inputs tell
        for kind in (QLineEdit, QComboBox, QAbstractButton):
            for child in widget.findChildren(kind):
                connect_changed(child, slot)


def as_error_label(label: QLabel) -> QLabel:
    """Make `label` (e.g. one from a Designer form) a red, word-wrapped message line, hidden while empty."""
    set_role(label, Role.ERROR)  # its colour: the theme's style sheet
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def error_label(parent: QWidget | None) -> QLabel:
    return as_error_label(QLabel(parent))


def set_error(label: QLabel, message: str) -> None:
    """Show the message, or hide the line when it is empty."""
    label.setText(message)
    label.setVisible(bool(message))


class FieldErrors:
    """The error labels of one form; `general` (optional) takes what names no field of the form."""

    def __init__(self, general: QLabel | None = None, theme: Theme | None = None) -> None:
        """`theme`: the spacing under a field (the installed theme's when None)."""
        self.spacing = (theme or installed_theme()).sizes.field_error_spacing_px
        self.labels: dict[str, QLabel] = {}
        self.general = general
        self._form_rows: dict[QLabel, QFormLayout] = {}  # labels that are whole rows of a form
        self._slots: set[QLabel] = set()  # labels beside their field: always there, empty when no message
        self.captions: dict[str, QLabel] = {}  # each field's label in its form (marked « * » when required)

    def __getitem__(self, name: str) -> QLabel:
        return self.labels[name]

    def __contains__(self, name: str) -> bool:
        return name in self.labels

    def add(self, name: str, parent: QWidget | None, label: QLabel | None = None) -> QLabel:
        """A new error label for the field (or `label`, to share one between fields); the caller places it."""
        if label is None:
            label = error_label(parent)
            label.setObjectName(f"erreur_{name}")
        self.labels[name] = label
        return label

    def wrap(self, name: str, widget: QWidget, holder: QWidget | None = None) -> QWidget:
        """A container holding the input (or the `holder` it sits in, e.g. with its « Nouvel acteur… » button)
        and, beside it, its message slot (reserved while empty); the message goes away when the input changes."""
        shown = holder if holder is not None else widget
        container = QWidget(shown.parentWidget())
        layout = QHBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.spacing * 4)
        if isinstance(widget, QLineEdit | QComboBox | QPlainTextEdit | QTextEdit):
            least = FIELD_MIN_CHARS * widget.fontMetrics().averageCharWidth()
            widget.setMinimumWidth(max(widget.minimumWidth(), least))
        if isinstance(widget, QComboBox):
            # As wide as a typing field, not as its longest choice (an actor's long name would widen the
            # dialog); its list opens as wide as its choices need.
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(FIELD_MIN_CHARS)
            widget.view().setMinimumWidth(widget.view().sizeHintForColumn(0))
        # On the row's first line, as the field's label is: a message of two lines moves neither.
        layout.addWidget(shown, 1, Qt.AlignmentFlag.AlignTop)
        label = self.add(name, container)
        label.setFixedWidth(SLOT_WIDTH_CHARS * label.fontMetrics().averageCharWidth())
        label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        label.setContentsMargins(0, self.spacing, 0, 0)  # its first line level with the field's text
        reserve_lines(label)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._slots.add(label)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
        connect_changed(widget, lambda *_args: self.clear(name))
        return container

    def beside(self, form: QFormLayout, fields: Mapping[str, QWidget], required: frozenset[str] = frozenset()) -> None:
        """Give each field of a form (e.g. a Designer one) its message slot beside it, in its row; the label of
        each `required` field ends with « * »."""
        for name, widget in fields.items():
            # The field itself, or what holds it in the form (a row of the field and its button).
            holder: QWidget | None = widget
            row = -1
            while holder is not None:
                row, _role = cast(tuple[int, QFormLayout.ItemRole], form.getWidgetPosition(holder))
                if row >= 0:
                    break
                holder = holder.parentWidget()
            if holder is None or row < 0:
                raise ValueError(f"{widget.objectName()} is not in the form")
            caption_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            form.removeWidget(holder)
            form.setWidget(row, QFormLayout.ItemRole.FieldRole, self.wrap(name, widget, holder))
            caption = caption_item.widget() if caption_item is not None else None
            if isinstance(caption, QLabel):
                self.caption(name, caption, name in required)

    def caption(self, name: str, label: QLabel, required: bool) -> None:
        """`label` names the field `name`; « * » when it is required."""
        self.captions[name] = label
        if required:
            mark_required(label)

    def add_form_row(self, name: str, form: QFormLayout, row: int, parent: QWidget) -> QLabel:
        """An error label as a row of `form` inserted after `row`: hidden, the row takes no room."""
        label = self.add(name, parent)
        form.insertRow(row + 1, label)
        form.setRowVisible(label, False)
        self._form_rows[label] = form
        return label

    def show(self, name: str, message: str) -> bool:
        """Show the message under the field, else on the general line; False when neither exists."""
        label = self.labels.get(name, self.general)
        if label is None:
            return False
        label.setText(message)
        self._set_visible(label, bool(message))
        return True

    def show_error(self, error: TiDesktopError, field: str | None = None) -> bool:
        """Under the field the error names, else under `field`, else on the general line."""
        if isinstance(error, ValidationError) and error.field in self.labels:
            field = error.field
        if field is None or field not in self.labels:
            return self._show_general(error.message)
        return self.show(field, error.message)

    def _show_general(self, message: str) -> bool:
        if self.general is None:
            return False
        self.general.setText(message)
        self._set_visible(self.general, bool(message))
        return True

    def reserve_general(self) -> None:
        """The general line keeps its room while empty (a message moves neither the form nor its buttons)."""
        if self.general is not None:
            reserve_lines(self.general)
            self._slots.add(self.general)

    def clear(self, name: str | None = None) -> None:
        """Hide the message of one field, or every message (the general line too)."""
        if name is not None:
            labels = [self.labels[name]] if name in self.labels else []
        else:
            labels = list(dict.fromkeys([*self.labels.values(), *([self.general] if self.general else [])]))
        for label in labels:
            label.clear()
            self._set_visible(label, False)

    def text(self, name: str) -> str:
        """The message under the field (the general line's when the form has no such field)."""
        label = self.labels.get(name, self.general)
        return label.text() if label is not None else ""

    def _set_visible(self, label: QLabel, visible: bool) -> None:
        if label in self._slots:
            return  # its room is kept: empty is its hidden state
        form = self._form_rows.get(label)
        if form is not None:
            form.setRowVisible(label, visible)
        else:
            label.setVisible(visible)
