"""The projector's look: type sizes that follow the window's height, high-contrast colours, one style sheet.

Every size is a share of the window's height (or of its width for a 4:3 projector), so the same screen reads
the same from the back of the room at 1280×720 as at 1920×1080. Text is near-black on white; the header
and footer bands are white on near-black. A colour never carries a meaning alone: a status shows its label
on its colour, a late action says "en retard".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.gui.status_colours import status_colour
from ti_desktop.gui.theme import most_contrasting

BACKGROUND = "#ffffff"
TEXT = "#111111"
MUTED = "#3b4350"  # secondary text, still ~10:1 on white
BAND = "#0d1b2a"  # header and footer
BAND_TEXT = "#ffffff"
ACCENT = "#0b3d91"  # section headings, progress bar
ALERT = "#b42318"  # late, overdue, difficulties
DONE = "#1a7f37"
DISCUSS = "#f0b400"  # the "à discuter" flag (black text on it)
ON_DARK = "#ffffff"  # text on the accent, the alert and the band
ON_LIGHT = "#000000"  # text on the "à discuter" flag and the flash message
FLASH = "#fff4c2"  # a short message after a quick edit
RULE = "#9aa4b2"  # thin separators between rows (decorative)
TRACK = "#e6e9ee"  # the progress bar's empty part

# Every (text, background, minimum contrast) pair the projector draws: tests/gui/test_contrast.py checks them.
CONTRAST_PAIRS: tuple[tuple[str, str, float], ...] = (
    (TEXT, BACKGROUND, 4.5),
    (MUTED, BACKGROUND, 4.5),
    (ALERT, BACKGROUND, 4.5),
    (ACCENT, BACKGROUND, 4.5),  # headings
    (DONE, BACKGROUND, 4.5),
    (BAND_TEXT, BAND, 4.5),
    (ON_LIGHT, DISCUSS, 4.5),
    (ON_DARK, ACCENT, 4.5),  # « more », the selected row
    (ON_LIGHT, FLASH, 4.5),
    (ON_DARK, ALERT, 4.5),  # an error flash, the Clore button, a dialog's error
    (ACCENT, TRACK, 3.0),  # the progress bar: its done part on its empty part
    (MUTED, BACKGROUND, 3.0),  # a dialog's field borders
    (ACCENT, BACKGROUND, 3.0),  # a focused field's border
)

# The smallest share of the nominal sizes the screen may shrink to before it scrolls.
MIN_FIT = 0.78

# A label's role -> (its size, bold). The header and footer ("band"…) never shrink with the fit.
ROLE_FONTS: dict[str, tuple[str, bool]] = {
    "": ("body", False),
    "title": ("title", True),
    "big": ("big", True),
    "small": ("small", False),
    "strong": ("small", True),
    "muted": ("small", False),
    "alert": ("small", True),
    "heading": ("small", True),
    "chip": ("body", True),
    "band": ("band", False),
    "closed": ("band", True),
    "more": ("band", True),
    "flash": ("band", False),
}


@dataclass(frozen=True, slots=True)
class Theme:
    """`unit` is 1 % of the reference height, in pixels; `fit` shrinks everything a little to fit a screen."""

    unit: float
    fit: float = 1.0

    @classmethod
    def for_size(cls, width: int, height: int, fit: float = 1.0) -> Theme:
        reference = min(height, width * 9 / 16)
        return cls(max(reference, 400.0) / 100, fit)

    def with_fit(self, fit: float) -> Theme:
        return Theme(self.unit, fit)

    def px(self, percent: float) -> int:
        return max(1, round(self.unit * percent * self.fit))

    # Type sizes (pixels): ~50 / 33 / 30 px at 1080 lines.
    @property
    def title(self) -> int:
        return self.px(4.4)

    @property
    def big(self) -> int:
        return self.px(3.6)

    @property
    def body(self) -> int:
        return self.px(3.0)

    @property
    def small(self) -> int:
        return self.px(2.7)

    @property
    def band(self) -> int:
        """Header and footer text: never shrinks with the fit."""
        return max(1, round(self.unit * 2.3))

    @property
    def gap(self) -> int:
        return self.px(1.4)

    @property
    def margin(self) -> int:
        return max(1, round(self.unit * 2.4))

    def font(self, role: str, base: QFont) -> QFont:
        """The font of a label of this `role` (see ROLE_FONTS): its size in pixels, bold or not."""
        size, bold = ROLE_FONTS.get(role, ROLE_FONTS[""])
        font = QFont(base)
        font.setPixelSize(getattr(self, size))
        font.setBold(bold)
        return font

    def style_sheet(self) -> str:
        """Colours, backgrounds and padding of the window (type sizes are set in code: see `apply_fonts`)."""
        return f"""
#meetingMode {{ background: {BACKGROUND}; }}
QLabel {{ color: {TEXT}; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: {BACKGROUND}; border: none; }}
QWidget#band {{ background: {BAND}; }}
QLabel[role="band"] {{ background: {BAND}; color: {BAND_TEXT}; padding: {self.px(0.8)}px {self.margin}px; }}
QLabel[role="closed"] {{ background: {DISCUSS}; color: {ON_LIGHT}; padding: {self.px(0.5)}px {self.px(1.2)}px; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="alert"] {{ color: {ALERT}; }}
QLabel[role="heading"] {{ color: {ACCENT}; padding-top: {self.px(0.6)}px; }}
QLabel[role="chip"] {{ padding: {self.px(0.4)}px {self.px(1.2)}px; border-radius: {self.px(0.6)}px; }}
QLabel[role="more"] {{ color: {ON_DARK}; background: {ACCENT}; padding: {self.px(0.3)}px {self.margin}px; }}
QLabel[role="flash"] {{ background: {FLASH}; color: {ON_LIGHT}; padding: {self.px(0.6)}px {self.margin}px; }}
QLabel[role="flash"][error="true"] {{ background: {ALERT}; color: {ON_DARK}; }}
QTreeWidget {{
    color: {TEXT}; background: {BACKGROUND}; border: none;
    selection-background-color: {ACCENT}; selection-color: {ON_DARK};
}}
QTreeWidget::item {{ padding: {self.px(0.3)}px {self.px(0.4)}px; border-bottom: 1px solid {RULE}; }}
QTreeWidget::item:selected {{ background: {ACCENT}; color: {ON_DARK}; }}
QPushButton#closeMeeting {{
    font-size: {self.body}px; font-weight: 700; color: {ON_DARK}; background: {ALERT};
    padding: {self.px(0.8)}px {self.px(2)}px; border: none; border-radius: {self.px(0.6)}px;
}}
"""

    def dialog_style_sheet(self) -> str:
        """Dialogs opened over the projector: the same large type, dark on white."""
        return f"""
QDialog, QMessageBox {{ background: {BACKGROUND}; }}
QDialog QLabel, QMessageBox QLabel {{ color: {TEXT}; font-size: {self.body}px; }}
QLabel[role="heading"] {{ font-size: {self.big}px; font-weight: 700; color: {ACCENT}; }}
QLabel[role="muted"] {{ font-size: {self.small}px; color: {MUTED}; }}
QLabel[role="error"] {{ font-size: {self.body}px; color: {ON_DARK}; background: {ALERT}; font-weight: 700;
    padding: {self.px(0.5)}px {self.px(1)}px; }}
QMessageBox QLabel#qt_msgbox_informativelabel {{ min-width: {round(self.unit * 70)}px; }}
QLineEdit, QComboBox, QListWidget, QPushButton {{ font-size: {self.body}px; color: {TEXT}; }}
QLineEdit, QComboBox {{ padding: {self.px(0.4)}px; border: 2px solid {MUTED}; background: {BACKGROUND}; }}
QLineEdit:focus, QComboBox:focus {{ border: 3px solid {ACCENT}; }}
QComboBox QAbstractItemView {{ font-size: {self.body}px; }}
QListWidget {{ border: 2px solid {MUTED}; }}
QListWidget::item {{ padding: {self.px(0.4)}px; }}
QListWidget::item:selected {{ background: {ACCENT}; color: {ON_DARK}; }}
QPushButton {{ padding: {self.px(0.5)}px {self.px(1.6)}px; }}
"""


def status_chip_style(status: ActionStatus) -> str:
    """A status's colour behind its label, with black or white text, whichever reads better."""
    background = status_colour(status)
    return chip_style(background)


def chip_text(background: QColor | str) -> QColor:
    """Black or white, whichever reads better on `background`."""
    return most_contrasting(background, ON_LIGHT, ON_DARK)


def chip_style(background: QColor | str) -> str:
    colour = QColor(background)
    return f"background: {colour.name()}; color: {chip_text(colour).name()};"


def apply_fonts(root: QWidget, theme: Theme) -> None:
    """Give every label under `root` the font of its role at the theme's size (fast: no style sheet pass)."""
    base = QGuiApplication.font()
    fonts: dict[str, QFont] = {}
    for widget in root.findChildren(QLabel):
        role = str(widget.property("role") or "")
        if role not in fonts:
            fonts[role] = theme.font(role, base)
        widget.setFont(fonts[role])
