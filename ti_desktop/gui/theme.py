"""The window's look, written once: its colours, text roles, fonts and spacings, in a light theme and a
high-contrast one (for projectors and for people who need it).

Widgets never write a colour: a label says what it is (`set_role(label, Role.HINT)`, or the `role` property
of a Designer form, applied by `apply_roles` after `setupUi`), and the theme's style sheet, set on that widget
alone, gives it its colour; code that paints (the timeline, the chart, the table models) asks
`theme.colour("…")`. The style sheet is never the application's: any application style sheet makes Qt draw
every widget through its style-sheet style, which changes spin boxes and combo boxes everywhere. The meeting
mode has its own projector sizes in `gui/meeting_mode/theme.py`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget

# Where the choice is kept (QSettings key) and its values.
THEME_SETTING = "affichage/theme"
ROLE_PROPERTY = "role"
# A button drawn larger than the platform's (the meeting page's actions): `set_sizing(button, LARGE)`.
SIZING_PROPERTY = "sizing"
LARGE = "large"
PRIMARY = "primary"  # the role of a primary button: `set_role(button, PRIMARY)`
# An import's summary box: `set_summary(label, SUMMARY_ERROR)`, its background says how the import went.
SUMMARY_PROPERTY = "summary"
SUMMARY_ERROR, SUMMARY_WARNING, SUMMARY_OK = "error", "warning", "ok"


class Role(StrEnum):
    """What a piece of text is for; the theme decides how it looks."""

    HINT = "hint"  # secondary text: explanations, counts, "as of" dates
    ERROR = "error"  # a refused value, an impossible action
    WARNING = "warning"  # something to check, nothing refused
    SUCCESS = "success"  # a job that went through
    ATTENTION = "attention"  # the base's location needs care (a synced or removable folder)
    ALERT = "alert"  # a late action, an overdue date (bold)
    # Added for the pages (theme-pages).
    UNANSWERED = "unanswered"  # challenges no action answers yet (bold)


# The roles whose colour field is not named after them, and the roles written in bold.
ROLE_COLOURS = {Role.HINT: "muted", Role.ALERT: "error", Role.UNANSWERED: "unanswered_text"}
BOLD_ROLES = frozenset({Role.SUCCESS, Role.ATTENTION, Role.ALERT, Role.UNANSWERED})


@dataclass(frozen=True, slots=True)
class Sizes:
    """Text scales (times the widget's own font size) and spacings (pixels) of the window, shared by both themes
    unless one of them gives its own."""

    # Text scales: titles and headings, largest first.
    figure_value_scale: float = 2.1  # a dashboard tile's figure
    page_title_scale: float = 1.7  # the dashboard's title
    meeting_title_scale: float = 1.5  # the meeting shown on the Réunions page
    editor_title_scale: float = 1.45  # the fiche-action's header
    section_title_scale: float = 1.3  # the diagnostic section being edited
    name_title_scale: float = 1.25  # the actor shown in the directory
    heading_scale: float = 1.2  # a block's heading: dashboard lists and panels, SWOT quadrants
    detail_title_scale: float = 1.15  # the challenge shown under the list
    caption_scale: float = 1.1  # a dashboard tile's caption, the chart's axis names
    note_scale: float = 0.95  # a dashboard tile's note
    # Buttons drawn larger than the platform's (the meeting page's).
    large_button_scale: float = 1.25  # Mode réunion
    button_scale: float = 1.1  # Clore, the minutes
    # Spacings, in pixels.
    page_margins_px: tuple[int, int, int, int] = (16, 12, 16, 16)  # a scrolled page (left, top, right, bottom)
    page_spacing_px: int = 8  # between a page's blocks
    panel_spacing_px: int = 24  # between side-by-side panels of a page
    tile_spacing_px: int = 10  # between a row's figure tiles, between the SWOT's quadrants
    field_error_spacing_px: int = 2  # between a field and its error line
    # Widths, in pixels.
    navigation_width_px: int = 190  # the page list on the left
    territory_selector_width_px: int = 320  # at least
    # The timeline's top-left corner (its title), in pixels like the rest of the timeline's drawing.
    timeline_corner_font_px: int = 15
    timeline_corner_padding_px: int = 20


@dataclass(frozen=True, slots=True)
class Theme:
    """Every colour of the window, as `#rrggbb`. Names say what the colour is for, not what it looks like."""

    name: str
    label: str  # in French, for the menu
    text: str
    muted: str  # Role.HINT, secondary text in painted views
    error: str  # Role.ERROR, late actions, refused values
    warning: str  # Role.WARNING
    success: str  # Role.SUCCESS, money acquired
    attention: str  # Role.ATTENTION
    accent: str  # links, neutral figure tiles, primary buttons
    accent_strong: str  # hover and border of the primary button, links in tables
    decision: str  # the decisions tile
    disabled: str  # disabled buttons, context-only rows
    border: str  # frames around tiles
    rule: str  # thin separators
    header_background: str  # the timeline's header and corner
    alternate_row: str
    hover_background: str  # a figure tile under the mouse
    error_background: str  # import summary: errors
    success_background: str  # import summary: all good
    warning_background: str  # import summary: warnings
    unanswered_text: str  # diagnostic questions still open
    unanswered_background: str
    unanswered_border: str
    general_section: str  # diagnostic sections that belong to no axis
    strength: str  # the SWOT's four quadrants: accent and background
    strength_background: str
    weakness: str
    weakness_background: str
    opportunity: str
    opportunity_background: str
    threat: str
    threat_background: str
    # Added for the pages (theme-pages): the timeline's lines and the "today" marker.
    today_marker: str  # the timeline's "today" line and done milestones
    year_line: str  # the timeline's year boundaries and the header's borders
    sample_bar: str  # the bar drawn in the timeline's legend
    background: str  # what painted views draw on (the timeline, its label column), the window's fields
    # Added for accessibility (issue 20): the window's own colours, each pair checked by tests/gui/test_contrast.py.
    window_background: str  # behind the pages, buttons
    selection_background: str  # a selected row or text
    on_accent: str  # text on the accent colours: primary buttons, selected rows, the timeline's "today" pill
    # The navigation list on the left: its text scale (times the window's font) and padding (pixels).
    navigation_font_scale: float = 1.2
    navigation_padding_px: int = 8
    # Large buttons (SIZING_PROPERTY): the padding of a plain one and of a primary one.
    large_button_padding: str = "8px 14px"
    large_primary_padding: str = "8px 18px"
    # An import's summary box (SUMMARY_PROPERTY).
    summary_padding_px: int = 6
    summary_radius_px: int = 4
    # Text scales, spacings and widths (the same in both themes today).
    sizes: Sizes = field(default_factory=Sizes)
    high_contrast: bool = False

    def colour(self, name: str) -> QColor:
        """`theme.colour("muted")`: a QColor of one of the fields above."""
        value = getattr(self, name)
        if not isinstance(value, str) or not value.startswith("#"):
            raise KeyError(name)
        return QColor(value)

    def role_colour(self, role: Role) -> str:
        return str(getattr(self, ROLE_COLOURS.get(role, role.value)))

    def colours(self) -> dict[str, str]:
        """Every colour by name (for the contrast test and the style sheet)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if str(getattr(self, f.name)).startswith("#")}

    def style_sheet(self) -> str:
        """The rules of text roles, the navigation list, primary and large buttons, import summaries; set on each
        widget that carries one of their properties (and on the navigation list), never on the application."""
        rules = [
            f'QLabel[role="{role.value}"], QCheckBox[role="{role.value}"] {{ color: {self.role_colour(role)};'
            + (" font-weight: bold;" if role in BOLD_ROLES else "")
            + " }"
            for role in Role
        ]
        rules.append(f"QListWidget#navigation::item {{ padding: {self.navigation_padding_px}px; }}")
        rules.append(
            f'QPushButton[role="primary"] {{ background: {self.accent}; color: {self.on_accent};'
            f" border: 1px solid {self.accent_strong}; border-radius: 6px; padding: 6px 14px; font-weight: bold; }}"
        )
        rules.append(f'QPushButton[role="primary"]:hover {{ background: {self.accent_strong}; }}')
        # Its own background and border hide the style's focus frame: a frame of the text's colour instead.
        rules.append(f'QPushButton[role="primary"]:focus {{ border: 2px solid {self.text}; }}')
        rules.append(
            f'QPushButton[role="primary"]:disabled {{ background: {self.disabled}; border-color: {self.disabled}; }}'
        )
        rules.append(f'QPushButton[{SIZING_PROPERTY}="{LARGE}"] {{ padding: {self.large_button_padding}; }}')
        rules.append(
            f'QPushButton[role="primary"][{SIZING_PROPERTY}="{LARGE}"] {{ padding: {self.large_primary_padding}; }}'
        )
        for summary, background in (
            (SUMMARY_ERROR, self.error_background),
            (SUMMARY_WARNING, self.warning_background),
            (SUMMARY_OK, self.success_background),
        ):
            rules.append(
                f'QLabel[{SUMMARY_PROPERTY}="{summary}"] {{ padding: {self.summary_padding_px}px;'
                f" border-radius: {self.summary_radius_px}px; background: {background}; }}"
            )
        return "\n".join(rules)

    def timeline_corner_style(self, text_scale: float = 1.0) -> str:
        """The timeline's top-left corner, over its label column: a bold title on the header's background, its
        size and padding `text_scale` times those at 100 % text size (the scene's)."""
        sizes = self.sizes
        font_px = round(sizes.timeline_corner_font_px * text_scale)
        padding_px = round(sizes.timeline_corner_padding_px * text_scale)
        return (
            f"background: {self.header_background}; color: {self.text}; font-weight: bold;"
            f" font-size: {font_px}px; padding-left: {padding_px}px;"
            f" border-right: 1px solid {self.year_line}; border-bottom: 1px solid {self.year_line};"
        )

    def palette(self, base: QPalette) -> QPalette:
        """The application's palette, in both themes: the platform's shapes with the theme's colours, so that every
        text/background pair the window draws is one the contrast test checked (a dark or a pale platform palette
        would not be)."""
        palette = QPalette(base)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            for role, name in (
                (QPalette.ColorRole.Window, "window_background"),
                (QPalette.ColorRole.WindowText, "text"),
                (QPalette.ColorRole.Base, "background"),
                (QPalette.ColorRole.AlternateBase, "alternate_row"),
                (QPalette.ColorRole.Text, "text"),
                (QPalette.ColorRole.Button, "window_background"),
                (QPalette.ColorRole.ButtonText, "text"),
                (QPalette.ColorRole.BrightText, "on_accent"),
                (QPalette.ColorRole.Highlight, "selection_background"),
                (QPalette.ColorRole.HighlightedText, "on_accent"),
                (QPalette.ColorRole.ToolTipBase, "background"),
                (QPalette.ColorRole.ToolTipText, "text"),
                (QPalette.ColorRole.PlaceholderText, "muted"),
                (QPalette.ColorRole.Link, "accent_strong"),
            ):
                palette.setColor(group, role, self.colour(name))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, self.colour("disabled"))
        return palette


LIGHT = Theme(
    name="clair",
    label="Clair",
    text="#1f2328",
    muted="#57606a",
    error="#cf222e",
    warning="#8a5c00",
    success="#1a7f37",
    attention="#a35200",
    accent="#0969da",
    accent_strong="#0550ae",
    decision="#8250df",
    disabled="#656d76",
    border="#d0d7de",
    rule="#d8dee4",
    header_background="#eaeef2",
    alternate_row="#f6f8fa",
    hover_background="#f0f6ff",
    error_background="#ffebe9",
    success_background="#dafbe1",
    warning_background="#fff8c5",
    unanswered_text="#953800",
    unanswered_background="#fff1e5",
    unanswered_border="#bc4c00",
    general_section="#636c76",
    strength="#1a7f37",
    strength_background="#f0fbf2",
    weakness="#bc4c00",
    weakness_background="#fff6ee",
    opportunity="#0969da",
    opportunity_background="#f0f7ff",
    threat="#cf222e",
    threat_background="#fff3f3",
    # Added for the pages (theme-pages).
    today_marker="#24292f",
    year_line="#808a95",
    sample_bar="#1f6feb",
    background="#ffffff",
    # Added for accessibility (issue 20).
    window_background="#f6f8fa",
    selection_background="#0550ae",
    on_accent="#ffffff",
)

# Black on white, saturated dark colours (each at least 7:1 on white), thicker padding: read from the back of
# a room or by people with low vision.
HIGH_CONTRAST = Theme(
    name="contraste-eleve",
    label="Contraste élevé",
    text="#000000",
    muted="#1f1f1f",
    error="#a00000",
    warning="#6b4400",
    success="#0b5a1f",
    attention="#7a3b00",
    accent="#00408a",
    accent_strong="#002b5c",
    decision="#4b1d9c",
    disabled="#4d4d4d",
    border="#000000",
    rule="#000000",
    header_background="#e0e0e0",
    alternate_row="#f0f0f0",
    hover_background="#dce8ff",
    error_background="#ffffff",
    success_background="#ffffff",
    warning_background="#ffffff",
    unanswered_text="#6b2600",
    unanswered_background="#ffffff",
    unanswered_border="#000000",
    general_section="#333333",
    strength="#0b5a1f",
    strength_background="#ffffff",
    weakness="#7a3b00",
    weakness_background="#ffffff",
    opportunity="#00408a",
    opportunity_background="#ffffff",
    threat="#a00000",
    threat_background="#ffffff",
    # Added for the pages (theme-pages).
    today_marker="#000000",
    year_line="#000000",
    sample_bar="#00408a",
    background="#ffffff",
    # Added for accessibility (issue 20).
    window_background="#ffffff",
    selection_background="#002b5c",
    on_accent="#ffffff",
    navigation_font_scale=1.45,
    navigation_padding_px=10,
    high_contrast=True,
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (LIGHT, HIGH_CONTRAST)}


def scaled_font(font: QFont, scale: float, bold: bool | None = None) -> QFont:
    """A copy of `font`, `scale` (one of `Sizes`' scales) times as large, bold or not (None: as `font` is).
    A font sized in pixels (no point size) is taken as 10 pt."""
    scaled = QFont(font)
    size = scaled.pointSizeF()
    scaled.setPointSizeF((size if size > 0 else 10.0) * scale)
    if bold is not None:
        scaled.setBold(bold)
    return scaled


# -- contrast (WCAG 2.1) -------------------------------------------------------------------------------------------
TEXT_CONTRAST = 4.5  # normal text, AA
LARGE_TEXT_CONTRAST = 3.0  # large text (18 pt, or 14 pt bold), AA
GRAPHIC_CONTRAST = 3.0  # lines and shapes that carry meaning (WCAG 1.4.11)
HIGH_CONTRAST_TEXT = 7.0  # the high-contrast theme's text colours, AAA


def relative_luminance(colour: QColor | str) -> float:
    """WCAG 2's relative luminance of a colour (0: black, 1: white)."""
    qcolour = QColor(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(qcolour.redF()) + 0.7152 * channel(qcolour.greenF()) + 0.0722 * channel(qcolour.blueF())


def contrast_ratio(first: QColor | str, second: QColor | str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# Which colour is drawn on which: tests/gui/test_contrast.py checks every pair below in both themes, and that
# every colour of the theme is in one of them (or said decorative).
# Colours text is written in, and the surfaces any text may be written on (each on each, at TEXT_CONTRAST).
TEXT_COLOURS = (
    "text",
    "muted",
    "error",
    "warning",
    "success",
    "attention",
    "accent",
    "accent_strong",
    "decision",
    "disabled",
    "unanswered_text",
    "general_section",
    "strength",
    "weakness",
    "opportunity",
    "threat",
)
SURFACES = ("background", "window_background", "alternate_row", "hover_background")
# Text on a background of its own (foreground, background), at TEXT_CONTRAST.
TEXT_PAIRS = (
    ("text", "header_background"),  # the timeline's header: years, its corner
    ("muted", "header_background"),  # and months
    ("text", "error_background"),  # import summaries
    ("text", "success_background"),
    ("text", "warning_background"),
    ("unanswered_text", "unanswered_background"),  # the diagnostic's open questions
    ("text", "strength_background"),  # the SWOT's quadrants: their heading and items
    ("strength", "strength_background"),
    ("text", "weakness_background"),
    ("weakness", "weakness_background"),
    ("text", "opportunity_background"),
    ("opportunity", "opportunity_background"),
    ("text", "threat_background"),
    ("threat", "threat_background"),
    ("on_accent", "accent"),  # primary buttons
    ("on_accent", "accent_strong"),  # a primary button under the mouse
    ("on_accent", "disabled"),  # a disabled primary button
    ("on_accent", "selection_background"),  # selected rows and text
    ("on_accent", "today_marker"),  # the timeline's « aujourd'hui » pill
)
# Lines and shapes that carry meaning, on what they are drawn on (foreground, background), at GRAPHIC_CONTRAST.
GRAPHIC_PAIRS = (
    ("accent", "background"),  # a focused figure tile's frame
    ("today_marker", "background"),  # the timeline's "today" line, done milestones
    ("today_marker", "alternate_row"),
    ("error", "background"),  # a late bar's outline, overdue milestones
    ("error", "alternate_row"),
    ("year_line", "background"),  # the timeline's year boundaries
    ("year_line", "header_background"),
    ("sample_bar", "background"),  # the timeline's legend
    ("unanswered_border", "unanswered_background"),
)
# Frames and thin separators: what they surround is told by its own text, they carry no meaning.
DECORATIVE = ("border", "rule")


def most_contrasting(background: QColor | str, *candidates: QColor | str) -> QColor:
    """The candidate that contrasts most with `background`."""
    return QColor(max(candidates, key=lambda candidate: contrast_ratio(candidate, background)))


def readable_text_on(background: QColor | str, theme: Theme | None = None) -> QColor:
    """The theme's text colour or its text-on-accent colour, whichever contrasts more with `background` (a
    status's colour behind its label, a chart's segment behind its count)."""
    chosen = theme or LIGHT
    return most_contrasting(background, chosen.text, chosen.on_accent)


# -- the theme the window starts in --------------------------------------------------------------------------------
SystemContrast = Callable[[], bool]


def system_prefers_high_contrast() -> bool:
    """Whether the operating system asks applications for a high contrast (Qt 6.10's accessibility hints)."""
    hints = QGuiApplication.styleHints()  # held while its child is used: PySide6 drops a temporary's children
    accessibility = hints.accessibility()
    return bool(accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast)


def follow_system_contrast(receiver: Callable[..., None]) -> None:
    """Call `receiver` whenever the operating system's contrast preference changes (`receiver`: a QObject's
    method, disconnected when that object is deleted; it reads the preference again)."""
    hints = QGuiApplication.styleHints()
    accessibility = hints.accessibility()
    accessibility.contrastPreferenceChanged.connect(receiver)


def chosen_theme(settings: QSettings) -> Theme | None:
    """The theme the user chose in the Affichage menu, None while they never chose one."""
    return THEMES.get(str(settings.value(THEME_SETTING, "")))


def theme_from_settings(
    settings: QSettings, system_high_contrast: SystemContrast = system_prefers_high_contrast
) -> Theme:
    """The user's choice (Affichage menu), else the high-contrast theme when the system asks for one, else the
    light one."""
    chosen = chosen_theme(settings)
    if chosen is not None:
        return chosen
    return HIGH_CONTRAST if system_high_contrast() else LIGHT


# -- « Taille du texte » ------------------------------------------------------------------------------------------
TEXT_SIZE_SETTING = "affichage/taille-texte"
TEXT_SIZES = (100, 125, 150, 200)  # percent of the system's font size
BASE_FONT_PROPERTY = "ti-desktop-base-font"  # the system's font, before any text size was applied
TEXT_SIZE_PROPERTY = "ti-desktop-text-size"


def text_size_from_settings(settings: QSettings) -> int:
    """The text size chosen in Affichage › Taille du texte (percent), 100 % otherwise."""
    value = str(settings.value(TEXT_SIZE_SETTING, 100))
    return int(value) if value.isdigit() and int(value) in TEXT_SIZES else 100


def installed_text_size() -> int:
    app = QApplication.instance()
    value = app.property(TEXT_SIZE_PROPERTY) if app is not None else None
    return int(value) if isinstance(value, int) else 100


def install_text_size(app: QApplication, percent: int) -> None:
    """Every text of the application at `percent` of the system's font size, at once, windows already shown
    included: the application's font is scaled, and so is each font a widget set for itself (titles, figures:
    `scaled_font` of the font it had), which keeps its scale, and the tables' row height. A font sized in pixels
    (the meeting mode's, sized on the projector's height) is left as it is."""
    base = app.property(BASE_FONT_PROPERTY)
    if not isinstance(base, QFont):
        base = QFont(app.font())
        app.setProperty(BASE_FONT_PROPERTY, base)
    previous = app.font().pointSizeF()
    font = scaled_font(base, percent / 100)
    ratio = font.pointSizeF() / previous if previous > 0 else 1.0
    app.setProperty(TEXT_SIZE_PROPERTY, percent)
    if abs(ratio - 1.0) < 1e-6:
        return
    app.setFont(font)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)  # now, not at the next turn
    for widget in app.allWidgets():
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and widget.font().pointSizeF() > 0:
            widget.setFont(scaled_font(widget.font(), ratio))
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Vertical:
            widget.setDefaultSectionSize(round(widget.defaultSectionSize() * ratio))  # rows measured on the text


# The application's dynamic property naming the installed theme (set once, by the composition root).
THEME_PROPERTY = "ti-desktop-theme"
STYLED_PROPERTIES = (ROLE_PROPERTY, SIZING_PROPERTY, SUMMARY_PROPERTY)


def install_theme(app: QApplication, theme: Theme) -> None:
    """The composition root's: the palette of every window, and the theme every role is drawn in."""
    app.setPalette(theme.palette(app.palette()))
    app.setProperty(THEME_PROPERTY, theme.name)


def installed_theme() -> Theme:
    """The theme `install_theme` chose for this application (the light one before, or without, a choice)."""
    app = QApplication.instance()
    name = app.property(THEME_PROPERTY) if app is not None else None
    return THEMES.get(str(name), LIGHT)


def _style(widget: QWidget) -> None:
    """The theme's rules on this widget alone (none when it carries no styled property)."""
    carries = any(widget.property(name) is not None for name in STYLED_PROPERTIES)
    widget.setStyleSheet(_style_sheet_of(installed_theme()) if carries else "")


@functools.cache
def _style_sheet_of(theme: Theme) -> str:
    """Built once per theme: every labelled widget of every window takes the same string."""
    return theme.style_sheet()


def apply_roles(root: QWidget) -> None:
    """After a Designer form's `setupUi`: style the widgets whose `role` (sizing, summary) the form set."""
    for widget in [root, *root.findChildren(QWidget)]:
        if any(widget.property(name) is not None for name in STYLED_PROPERTIES):
            _style(widget)


def set_role(widget: QWidget, role: Role | str | None) -> None:
    """Say what `widget`'s text is for (None: plain text); restyled at once, even when already shown."""
    restyle(widget, ROLE_PROPERTY, role.value if isinstance(role, Role) else role)


def set_sizing(widget: QWidget, sizing: str | None) -> None:
    """Draw `widget` larger (`LARGE`) than the platform's default, or at its default size (None)."""
    restyle(widget, SIZING_PROPERTY, sizing)


def set_summary(label: QWidget, summary: str | None) -> None:
    """An import's summary box: SUMMARY_ERROR, SUMMARY_WARNING or SUMMARY_OK (its background), None: plain."""
    restyle(label, SUMMARY_PROPERTY, summary)


def restyle(widget: QWidget, name: str, value: str | None) -> None:
    """Set the dynamic property the style sheet reads, and restyle the widget at once, even when shown."""
    if widget.property(name) == value and widget.styleSheet():
        return
    widget.setProperty(name, value)
    _style(widget)
