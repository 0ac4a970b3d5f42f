"""Indicateurs: for each its baseline, latest measure, target, share reached and trend."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph

from ti_desktop.domain.enums import IndicatorDirection
from ti_desktop.domain.report_options import ReportSection
from ti_desktop.kernel.formatting import format_date, format_number, format_percent
from ti_desktop.reports import charts
from ti_desktop.reports.data import IndicatorRow
from ti_desktop.reports.progress.common import CONTENT_WIDTH, empty, heading
from ti_desktop.reports.styles import Styles, safe
from ti_desktop.reports.tables import data_table, header_row


def _measure(value: float | None, unit: str | None) -> str:
    if value is None:
        return "—"
    return f"{format_number(value)} {unit}" if unit else format_number(value)


def indicators(rows_data: Sequence[IndicatorRow], styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [heading(styles, ReportSection.INDICATEURS.label, 0, "indicateurs")]
    if not rows_data:
        story.append(empty(styles, "Aucun indicateur n'est suivi pour ce territoire."))
        return story
    story.append(
        styles.p(
            "Pour chaque indicateur : la valeur de référence, la dernière mesure connue à la fin de la période, "
            "la cible, et la part du chemin parcouru de la référence vers la cible.",
            styles.body,
        )
    )
    widths = [CONTENT_WIDTH - 12.0 * cm, 2.6 * cm, 2.6 * cm, 2.6 * cm, 1.4 * cm, 2.8 * cm]
    rows: list[list[Any]] = [
        header_row(styles, ["Indicateur", "Référence", "Dernière mesure", "Cible", "Atteint", "Tendance"], 1)
    ]
    for indicator in rows_data:
        arrow = "↗" if indicator.direction is IndicatorDirection.HAUSSE else "↘"
        name = f"<b>{safe(indicator.name)}</b>"
        detail = [f"{arrow} {escape(indicator.direction.label.lower())}"]
        if indicator.scope:
            detail.insert(0, safe(indicator.scope))
        name += f'<br/><font color="#57606a" size="6.5">{" · ".join(detail)}</font>'
        rows.append(
            [
                styles.markup(name, styles.cell),
                _dated(styles, _measure(indicator.baseline, indicator.unit), indicator.baseline_on),
                _dated(styles, _measure(indicator.latest, indicator.unit), indicator.latest_on),
                _dated(styles, _measure(indicator.target, indicator.unit), indicator.target_on),
                styles.cell_text(format_percent(indicator.reached), styles.cell_right),
                charts.trend_chart(indicator.trend, indicator.target, width=2.6 * cm, height=24),
            ]
        )
    story.append(
        data_table(rows, widths, extra=[("VALIGN", (0, 1), (-1, -1), "MIDDLE"), ("ALIGN", (5, 0), (5, -1), "CENTER")])
    )
    story.append(
        styles.p("Tendance : mesures depuis la référence ; la ligne pointillée verte marque la cible.", styles.muted)
    )
    story += _measures(rows_data, styles)
    return story


def measures_line(indicator: IndicatorRow) -> str:
    """The figures of an indicator's trend chart, in words: « Taux d'emploi : 10 % le 01/01/2024 (référence) ;
    12,5 % le 01/01/2026 ; cible 20 % au 01/01/2027. »"""
    points = [f"{_measure(value, indicator.unit)} le {format_date(day)}" for day, value in indicator.trend]
    if points and indicator.baseline_on is not None and indicator.trend[0][0] == indicator.baseline_on:
        points[0] += " (référence)"
    line = f"{indicator.name} : " + " ; ".join(points)
    if indicator.target is not None:
        line += f" ; cible {_measure(indicator.target, indicator.unit)}"
        line += f" au {format_date(indicator.target_on)}" if indicator.target_on else ""
    return line + "."


def _measures(rows_data: Sequence[IndicatorRow], styles: Styles) -> list[Flowable]:
    """The figures each trend chart draws, as text (the chart is never their only place)."""
    charted = [indicator for indicator in rows_data if len(indicator.trend) >= 2]
    if not charted:
        return []
    story: list[Flowable] = [styles.markup("Mesures représentées dans les tendances", styles.h3)]
    story += [styles.p(f"• {measures_line(indicator)}", styles.small) for indicator in charted]
    return story


def _dated(styles: Styles, value: str, on: dt.date | None) -> Paragraph:
    markup = safe(value)
    if on is not None:
        markup += f'<br/><font color="#57606a" size="6.5">{format_date(on)}</font>'
    return styles.markup(markup, styles.cell_right)
