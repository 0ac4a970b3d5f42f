"""The theme: readable text colours in both themes, no colour written outside it, the Affichage menu's choice
kept in the settings, text roles coloured by the application's style sheet."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.clock import fixed_clock
from tests.gui.harness import TestContext
from ti_desktop.app import GuiController
from ti_desktop.gui.main_window import MainWindow
from ti_desktop.gui.models.records import ERROR_TEXT, Column, RecordTableModel
from ti_desktop.gui.pages.plan import PlanPage
from ti_desktop.gui.theme import (
    HIGH_CONTRAST,
    LIGHT,
    THEME_SETTING,
    THEMES,
    Role,
    Sizes,
    Theme,
    contrast_ratio,
    install_theme,
    installed_theme,
    scaled_font,
    set_role,
    system_prefers_high_contrast,
    theme_from_settings,
)
from ti_desktop.paths import UserDirs
from ti_desktop.services.maintenance import OpenDatabase

GUI = Path(__file__).resolve().parents[2] / "ti_desktop" / "gui"

# The colours text is written in (on white or the window's light background).
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
    "unanswered_text",
    "general_section",
    "strength",
    "weakness",
    "opportunity",
    "threat",
)
# Where colours may be written: the theme itself and the meeting mode's projector theme.
ALLOWED = (
    "theme.py",
    "meeting_mode/theme.py",
)
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
# Sizes written as numbers: font sizes, spacings, margins, widths (`setSpacing(0)` and no margins are allowed).
SIZE_LITERAL = re.compile(
    r"setSpacing\([0-9]|setContentsMargins\([1-9]|setPointSize(F)?\(|font-size|setFixedWidth\([0-9]|setMinimumWidth\([0-9]"
)
ALLOWED_SIZES = ("setSpacing(0)",)
# The meeting mode sizes its projector window itself (gui/meeting_mode/theme.py and its window).
PROJECTOR = "meeting_mode/"


def contrast_on_white(hex_colour: str) -> float:
    return contrast_ratio(hex_colour, "#ffffff")


def test_the_contrast_formula() -> None:
    assert contrast_on_white("#000000") == pytest.approx(21.0)
    assert contrast_on_white("#ffffff") == pytest.approx(1.0)
    assert contrast_on_white("#767676") == pytest.approx(4.54, abs=0.01)  # the usual 4.5:1 grey


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_every_text_colour_reads_on_white(theme: Theme) -> None:
    minimum = 7.0 if theme.high_contrast else 4.5
    for name in TEXT_COLOURS:
        value = getattr(theme, name)
        assert contrast_on_white(value) >= minimum, f"{theme.name}.{name} = {value}: {contrast_on_white(value):.2f}:1"
    for role in Role:
        value = theme.role_colour(role)
        assert contrast_on_white(value) >= minimum, f"{theme.name}, {role.value}: {value}"


def test_both_themes_name_the_same_colours() -> None:
    assert set(LIGHT.colours()) == set(HIGH_CONTRAST.colours())
    assert all(re.fullmatch(r"#[0-9a-f]{6}", value) for value in LIGHT.colours().values())
    assert all(re.fullmatch(r"#[0-9a-f]{6}", value) for value in HIGH_CONTRAST.colours().values())


def gui_sources() -> Iterator[Path]:
    for path in sorted(GUI.rglob("*.py")):
        relative = path.relative_to(GUI).as_posix()
        if relative.startswith("forms/") or any(relative.startswith(a) or relative == a for a in ALLOWED):
            continue
        yield path


def test_no_colour_is_written_outside_the_theme() -> None:
    found = [
        f"{path.relative_to(GUI).as_posix()}:{number}: {line.strip()}"
        for path in gui_sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HEX_COLOUR.search(line) or 'QColor("' in line
    ]
    assert not found, "colours written outside gui/theme.py:\n" + "\n".join(found)


def test_no_size_is_written_outside_the_theme() -> None:
    """Fonts, spacings and widths come from the theme's `Sizes` (through `scaled_font` for fonts)."""
    found = [
        f"{path.relative_to(GUI).as_posix()}:{number}: {line.strip()}"
        for path in gui_sources()
        if not path.relative_to(GUI).as_posix().startswith(PROJECTOR)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SIZE_LITERAL.search(line) and not any(allowed in line for allowed in ALLOWED_SIZES)
    ]
    assert not found, "sizes written outside gui/theme.py:\n" + "\n".join(found)


def test_both_themes_share_the_light_sizes() -> None:
    """The high-contrast theme changes colours (and its navigation list), not the window's layout."""
    assert HIGH_CONTRAST.sizes == LIGHT.sizes == Sizes()


def test_a_scaled_font_keeps_the_family() -> None:
    base = QFont("DejaVu Sans", 10)
    heading = scaled_font(base, LIGHT.sizes.heading_scale, bold=True)
    assert heading.pointSizeF() == pytest.approx(12.0)
    assert heading.bold()
    assert heading.family() == base.family()
    assert not scaled_font(base, LIGHT.sizes.note_scale).bold()


def test_the_allow_list_still_names_files() -> None:
    """An entry that matches nothing is left over: the lead removes them as the files are converted."""
    relatives = [p.relative_to(GUI).as_posix() for p in GUI.rglob("*.py")]
    for allowed in ALLOWED:
        assert any(r == allowed or r.startswith(allowed) for r in relatives), allowed


def window_with(
    context: TestContext, demo_opened: OpenDatabase, system_high_contrast: Callable[[], bool] = lambda: False
) -> MainWindow:
    return MainWindow(
        context,
        context.services,
        demo_opened.database.path,
        [PlanPage(context, context.services)],
        lambda *_args: None,
        system_high_contrast=system_high_contrast,
    )


def test_high_contrast_is_kept_in_the_settings_and_asked_for(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    window = window_with(context, demo_opened)
    qtbot.addWidget(window)
    asked: list[object] = []
    window.theme_requested.connect(asked.append)
    assert not window.high_contrast_action.isChecked()  # the context's theme is the light one
    window.high_contrast_action.trigger()
    assert context.settings.value(THEME_SETTING) == HIGH_CONTRAST.name
    assert asked == [HIGH_CONTRAST]  # the application rebuilds the window in it
    assert "Contraste élevé" in window.statusBar().currentMessage()
    window.high_contrast_action.trigger()
    assert context.settings.value(THEME_SETTING) == LIGHT.name
    assert asked == [HIGH_CONTRAST]  # the window is light already: nothing to rebuild


def test_the_system_s_high_contrast_is_followed_until_the_user_chooses(qapp: object, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    assert theme_from_settings(settings, system_high_contrast=lambda: True) is HIGH_CONTRAST
    assert theme_from_settings(settings, system_high_contrast=lambda: False) is LIGHT
    settings.setValue(THEME_SETTING, LIGHT.name)  # chosen in Affichage: the choice wins
    assert theme_from_settings(settings, system_high_contrast=lambda: True) is LIGHT
    settings.setValue(THEME_SETTING, HIGH_CONTRAST.name)
    assert theme_from_settings(settings, system_high_contrast=lambda: False) is HIGH_CONTRAST
    assert isinstance(system_prefers_high_contrast(), bool)  # the real hint reads (offscreen: no preference)


def test_a_change_of_the_system_s_contrast_rebuilds_the_window_unless_the_user_chose(
    qtbot: QtBot, context: TestContext, demo_opened: OpenDatabase
) -> None:
    system = [False]
    window = window_with(context, demo_opened, lambda: system[0])
    qtbot.addWidget(window)
    asked: list[object] = []
    window.theme_requested.connect(asked.append)
    system[0] = True  # the user turns on the system's high contrast: Qt's hint signals it
    window.follow_system_contrast()
    assert asked == [HIGH_CONTRAST]
    assert window.high_contrast_action.isChecked()
    assert context.settings.value(THEME_SETTING) is None  # not the user's choice: the system's can change again
    asked.clear()
    context.settings.setValue(THEME_SETTING, LIGHT.name)  # the user chose the light theme in Affichage
    window.follow_system_contrast()
    assert asked == []


def test_the_application_rebuilds_its_window_in_the_theme_asked_for(
    qtbot: QtBot, qapp: QApplication, demo_db: Path, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    controller = GuiController(UserDirs(tmp_path, tmp_path), settings, fixed_clock())
    before = qapp.palette()
    try:
        assert controller.open(demo_db)
        first = controller.window
        assert first is not None and first.context.theme is LIGHT
        first.high_contrast_action.trigger()
        qtbot.waitUntil(lambda: controller.window is not None and controller.window is not first)
        window = controller.window
        assert window is not None
        assert window.context.theme is HIGH_CONTRAST and window.high_contrast_action.isChecked()
        assert installed_theme() is HIGH_CONTRAST
        assert qapp.palette().color(QPalette.ColorRole.Highlight).name() == HIGH_CONTRAST.selection_background
        assert "Sarre-Vosges" in window.windowTitle()  # the same base, open again
        assert window.statusBar().currentMessage() == "Affichage « Contraste élevé »."
    finally:
        controller.close()
        install_theme(qapp, LIGHT)
        qapp.setPalette(before)


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_a_role_takes_its_colour_from_the_style_sheet(qtbot: QtBot, theme: Theme) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    try:
        install_theme(app, theme)
        assert installed_theme() is theme and not app.styleSheet()  # never the application's style sheet
        parent = QWidget()
        qtbot.addWidget(parent)
        error, hint, plain = QLabel("refusé", parent), QLabel("aide", parent), QLabel("texte", parent)
        set_role(error, Role.ERROR)
        set_role(hint, Role.HINT)
        for label in (error, hint, plain):
            label.ensurePolished()
        assert error.palette().color(error.foregroundRole()).name() == theme.error
        assert hint.palette().color(hint.foregroundRole()).name() == theme.muted
        assert plain.palette().color(plain.foregroundRole()).name() != theme.error
        set_role(error, None)  # back to plain text, at once
        assert error.palette().color(error.foregroundRole()).name() != theme.error
        assert not error.styleSheet() and not parent.styleSheet()
    finally:
        install_theme(app, LIGHT)
        app.setPalette(before)


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_a_table_column_named_colour_follows_the_model_theme(qapp: object, theme: Theme) -> None:
    model: RecordTableModel[str] = RecordTableModel(
        [Column("Texte", str, colour=lambda _r: ERROR_TEXT), Column("Axe", str, colour=lambda _r: "#8250df")],
        theme=theme,
    )
    model.set_records(["x"])
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == theme.error
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#8250df"  # data: an axis colour
