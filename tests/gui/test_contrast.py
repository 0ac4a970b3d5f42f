"""WCAG 2.1 AA contrast of every text/background pair the window draws, in both themes: the theme's declared
pairs, its style sheet's rules, its palette, the status chips, the dashboard's chart and the plan's status
column, the meeting mode's projector colours (issue 20, point 3)."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ti_desktop.domain.enums import STATUS_COLOURS, ActionStatus
from ti_desktop.gui.meeting_mode import theme as projector
from ti_desktop.gui.status_colours import readable_text_on
from ti_desktop.gui.theme import (
    DECORATIVE,
    GRAPHIC_CONTRAST,
    GRAPHIC_PAIRS,
    SURFACES,
    TEXT_COLOURS,
    TEXT_CONTRAST,
    TEXT_PAIRS,
    THEMES,
    Theme,
    contrast_ratio,
)

BOTH = pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def test_the_contrast_formula() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)  # the order does not matter
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the usual 4.5:1 grey


def failing(pairs: list[tuple[str, str, str, float]]) -> list[str]:
    return [
        f"{what}: {fg} on {bg} = {contrast_ratio(fg, bg):.2f}:1 < {minimum}:1"
        for what, fg, bg, minimum in pairs
        if contrast_ratio(fg, bg) < minimum
    ]


@BOTH
def test_every_text_colour_reads_on_every_surface(theme: Theme) -> None:
    pairs = [
        (f"{text} on {surface}", getattr(theme, text), getattr(theme, surface), TEXT_CONTRAST)
        for text in TEXT_COLOURS
        for surface in SURFACES
    ]
    assert not failing(pairs), "\n".join(failing(pairs))


@BOTH
def test_every_declared_pair_reads(theme: Theme) -> None:
    pairs = [(f"{fg} on {bg}", getattr(theme, fg), getattr(theme, bg), TEXT_CONTRAST) for fg, bg in TEXT_PAIRS]
    pairs += [(f"{fg} on {bg}", getattr(theme, fg), getattr(theme, bg), GRAPHIC_CONTRAST) for fg, bg in GRAPHIC_PAIRS]
    assert not failing(pairs), "\n".join(failing(pairs))


def test_every_colour_of_the_theme_is_checked() -> None:
    """A colour added to the theme is said to be text, a surface, part of a pair, or decorative."""
    checked = set(TEXT_COLOURS) | set(SURFACES) | set(DECORATIVE)
    checked |= {name for pair in (*TEXT_PAIRS, *GRAPHIC_PAIRS) for name in pair}
    colours = {f.name for f in fields(Theme) if f.type == "str" and f.name not in ("name", "label")}
    colours = {name for name in colours if str(getattr(THEMES["clair"], name)).startswith("#")}
    assert colours - checked == set()


def declarations(sheet: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, {property: value}) of each rule of a style sheet."""
    rules = []
    for selector, body in RULE.findall(sheet):
        properties = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                properties[name.strip()] = value.strip()
        rules.append((selector.strip(), properties))
    return rules


def colour_of(value: str) -> str | None:
    found = re.search(r"#[0-9a-fA-F]{6}\b", value)
    return found.group(0) if found else None


@BOTH
def test_every_rule_of_the_style_sheet_reads(theme: Theme) -> None:
    """A rule that gives a text colour and a background: that pair; a text colour alone: on every surface."""
    pairs = []
    for selector, properties in declarations(theme.style_sheet() + theme.timeline_corner_style().join("X{}")):
        text = colour_of(properties.get("color", ""))
        background = colour_of(properties.get("background", "")) or colour_of(properties.get("background-color", ""))
        if text is None:
            continue
        surfaces = [background] if background else [getattr(theme, surface) for surface in SURFACES]
        pairs += [(selector, text, surface, TEXT_CONTRAST) for surface in surfaces]
    assert pairs, "the style sheet gives no text colour"
    assert not failing(pairs), "\n".join(failing(pairs))


@BOTH
def test_the_palette_pairs_read_in_every_state(qapp: QApplication, theme: Theme) -> None:
    palette = theme.palette(qapp.palette())
    role = QPalette.ColorRole
    pairs = []
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        for fg, bg in (
            (role.WindowText, role.Window),
            (role.Text, role.Base),
            (role.Text, role.AlternateBase),  # alternate rows, read-only fields
            (role.ButtonText, role.Button),
            (role.HighlightedText, role.Highlight),  # selection
            (role.ToolTipText, role.ToolTipBase),
            (role.PlaceholderText, role.Base),
        ):
            pairs.append(
                (
                    f"{group.name} {fg.name} on {bg.name}",
                    palette.color(group, fg).name(),
                    palette.color(group, bg).name(),
                )
            )
    checked = [(what, fg, bg, TEXT_CONTRAST) for what, fg, bg in pairs]
    assert not failing(checked), "\n".join(failing(checked))
    disabled = palette.color(QPalette.ColorGroup.Disabled, role.Text).name()
    assert disabled == theme.disabled and disabled != palette.color(QPalette.ColorGroup.Active, role.Text).name()


@BOTH
def test_status_chips_read_and_stand_out(theme: Theme) -> None:
    """Each status's label on its colour (plan, meeting mode), each colour on the page (chart, tiles' edge)."""
    pairs = []
    for status, colour in STATUS_COLOURS.items():
        pairs.append((f"{status.label} label", readable_text_on(QColor(colour), theme).name(), colour, TEXT_CONTRAST))
        pairs.append((f"{status.label} on the page", colour, theme.background, GRAPHIC_CONTRAST))
    assert not failing(pairs), "\n".join(failing(pairs))


def test_the_projector_pairs_read() -> None:
    pairs = [(f"{fg} on {bg}", fg, bg, minimum) for fg, bg, minimum in projector.CONTRAST_PAIRS]
    for status in ActionStatus:  # the status chips, the « EN RETARD » and « À DISCUTER » ones
        background = STATUS_COLOURS[status]
        pairs.append((status.label, projector.chip_text(background).name(), background, TEXT_CONTRAST))
    for background in (projector.ALERT, projector.DISCUSS):
        pairs.append((background, projector.chip_text(background).name(), background, TEXT_CONTRAST))
    assert not failing(pairs), "\n".join(failing(pairs))


def test_every_rule_of_the_projector_style_sheets_reads() -> None:
    theme = projector.Theme.for_size(1920, 1080)
    pairs = []
    for selector, properties in declarations(theme.style_sheet() + theme.dialog_style_sheet()):
        text = colour_of(properties.get("color", "")) or colour_of(properties.get("selection-color", ""))
        background = colour_of(properties.get("background", "")) or colour_of(
            properties.get("selection-background-color", "")
        )
        if text is not None:
            pairs.append((selector, text, background or projector.BACKGROUND, TEXT_CONTRAST))
    assert len(pairs) > 8
    assert not failing(pairs), "\n".join(failing(pairs))


@BOTH
def test_the_chart_s_segments_stand_out_and_their_counts_read(qtbot: QtBot, theme: Theme) -> None:
    from ti_desktop.gui.pages.dashboard_chart import AxisStatusChart

    chart = AxisStatusChart(theme=theme)
    qtbot.addWidget(chart)
    chart.set_data([], {})
    background = chart.chart().backgroundBrush().color().name()
    assert background == theme.background
    pairs = []
    for status, bar_set in chart.bar_sets.items():
        pairs.append((status.label, bar_set.color().name(), background, GRAPHIC_CONTRAST))
        pairs.append((f"{status.label} count", bar_set.labelColor().name(), bar_set.color().name(), TEXT_CONTRAST))
    pairs.append(("axis names", chart.category_axis.labelsColor().name(), background, TEXT_CONTRAST))
    pairs.append(("legend", chart.chart().legend().labelColor().name(), background, TEXT_CONTRAST))
    assert not failing(pairs), "\n".join(failing(pairs))
