"""The rapport d'avancement (progress report) a territory sends to the Région, drawn with reportlab platypus.

`build_progress_report(data, target)` writes the PDF from a `ReportData`; every user text goes through
`styles.safe` (markup escaped), figures through `domain.formatting` (French formats).
"""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, ClassVar
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ti_desktop.domain.enums import ActionStatus, FundingStatus, IndicatorDirection
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.report_options import ReportSection
from ti_desktop.kernel.formatting import format_date, format_euros, format_number, format_percent
from ti_desktop.reports import charts
from ti_desktop.reports.data import (
    ActionRow,
    ActionSheet,
    AlertRow,
    AxisPart,
    EvolutionsPart,
    FundingGroupRow,
    FundingPart,
    IndicatorRow,
    MilestoneRow,
    MilestonesPart,
    ReportData,
    SynthesisData,
)
from ti_desktop.reports.fonts import BOLD, FAMILY
from ti_desktop.reports.metadata import date_document
from ti_desktop.reports.styles import (
    ALERT,
    ALERT_BG,
    HEADER_BG,
    INK,
    MUTED,
    RULE,
    STATUS_COLOURS,
    ZEBRA,
    Styles,
    build_styles,
    data_table_style,
    hex_colour,
    safe,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 1.5 * cm
MARGIN_TOP = 2.1 * cm
MARGIN_BOTTOM = 1.9 * cm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

# Step callback: (done, total); may raise to cancel the build.
Step = Callable[[int, int], None]


class ReportImageError(TiDesktopError):
    """The logo could not be read."""


# -- page decoration ------------------------------------------------------------------------------


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass
class _Pagination:
    """Page numbers known only once the document is laid out: headings' pages and where the contents
    page prints them; drawn by `_NumberedCanvas` at save time, so one layout pass is enough."""

    heading_pages: dict[str, int] = field(default_factory=dict)
    slots: list[tuple[int, float, float, str]] = field(default_factory=list)  # (page, x, y, key)


class _NumberedCanvas(Canvas):
    """Draws `Page X / Y` and the contents' page numbers once the total is known (at save time)."""

    def __init__(self, *args: Any, pagination: _Pagination, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pagination = pagination
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        pagination = self._pagination
        for state in self._page_states:
            self.__dict__.update(state)
            self.setFont(FAMILY, 7.5)
            self.setFillColor(MUTED)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, MARGIN_BOTTOM - 22, f"Page {self._pageNumber} / {total}")
            for page, x, y, key in pagination.slots:
                if page == self._pageNumber and key in pagination.heading_pages:
                    self.setFont(BOLD, 9.5)
                    self.setFillColor(INK)
                    self.drawRightString(x, y, str(pagination.heading_pages[key]))
            super().showPage()
        super().save()


class _Contents(Flowable):
    """The table of contents: titles and dot leaders now, page numbers filled in at save time."""

    LINE: ClassVar[dict[int, float]] = {0: 21.0, 1: 15.0}

    def __init__(self, entries: Sequence[tuple[int, str, str]], pagination: _Pagination) -> None:
        super().__init__()
        self.entries = list(entries)
        self.pagination = pagination
        self.width = 0.0

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = sum(self.LINE[min(level, 1)] for level, _text, _key in self.entries)
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        y = self.height
        number_width = 26
        for level, text, key in self.entries:
            level = min(level, 1)
            y -= self.LINE[level]
            font, size = (BOLD, 10.5) if level == 0 else (FAMILY, 9.5)
            x = 16.0 * level
            canvas.setFont(font, size)
            canvas.setFillColor(HEADER_BG if level == 0 else INK)
            shown = _fit(text, font, size, self.width - x - number_width - 20)
            canvas.drawString(x, y + 4, shown)
            start = x + stringWidth(shown, font, size) + 6
            dots_end = self.width - number_width
            if dots_end > start:
                canvas.setFont(FAMILY, 8)
                canvas.setFillColor(RULE)
                dot = stringWidth(" .", FAMILY, 8)
                count = int((dots_end - start) / dot)
                canvas.drawRightString(dots_end, y + 4, " ." * count)
            page_x, page_y = canvas.absolutePosition(self.width, y + 4)
            self.pagination.slots.append((canvas.getPageNumber(), page_x, page_y, key))
            left, bottom = canvas.absolutePosition(x, y)
            canvas.linkRect("", key, (left, bottom, page_x, bottom + self.LINE[level] - 4), relative=0, thickness=0)


class _ReportDocument(BaseDocTemplate):
    def __init__(
        self, target: str | BinaryIO, data: ReportData, step: Callable[[], None], pagination: _Pagination
    ) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"Rapport d'avancement – {data.territory}",
            author=", ".join(data.chef_de_projet) or "TI Desktop",
            subject=f"Rapport d'avancement {data.options.period_label}",
            creator=f"TI Desktop {data.app_version}",
            lang="fr-FR",
        )
        self.data = data
        self._step = step
        self._pagination = pagination
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="body")
        cover_frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - 4.2 * cm - MARGIN_BOTTOM, id="cover")
        self.addPageTemplates(
            [
                PageTemplate("cover", [cover_frame], onPage=self._draw_cover_page),
                PageTemplate("body", [frame], onPage=self._draw_body_page),
            ]
        )

    def afterFlowable(self, flowable: Flowable) -> None:
        self._step()
        key = getattr(flowable, "_outline_key", None)
        if key is None or not isinstance(flowable, Paragraph):
            return
        level: int = getattr(flowable, "_outline_level", 0)
        text = flowable.getPlainText()
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        self._pagination.heading_pages[key] = self.page

    def _footer(self, canvas: Canvas) -> None:
        date_document(canvas, self.data.generated_on)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, MARGIN_BOTTOM - 12, PAGE_WIDTH - MARGIN_X, MARGIN_BOTTOM - 12)
        canvas.setFont(FAMILY, 7.5)
        canvas.setFillColor(MUTED)
        left = f"TI Desktop {self.data.app_version} – établi le {format_date(self.data.generated_on)}"
        canvas.drawString(MARGIN_X, MARGIN_BOTTOM - 22, left)

    def _draw_body_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - MARGIN_TOP + 16
        canvas.setFont(BOLD, 8)
        canvas.setFillColor(HEADER_BG)
        right = f"Rapport d'avancement {self.data.options.period_label}"
        right_width = stringWidth(right, FAMILY, 8)
        canvas.drawString(MARGIN_X, top, _fit(self.data.territory, BOLD, 8, CONTENT_WIDTH - right_width - 20))
        canvas.setFont(FAMILY, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, right)
        canvas.setStrokeColor(HEADER_BG)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, top - 5, PAGE_WIDTH - MARGIN_X, top - 5)
        self._footer(canvas)
        canvas.restoreState()

    def _draw_cover_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(HEADER_BG)
        canvas.rect(0, PAGE_HEIGHT - 2.6 * cm, PAGE_WIDTH, 2.6 * cm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(BOLD, 11)
        canvas.drawString(MARGIN_X, PAGE_HEIGHT - 1.55 * cm, "Territoires d'industrie")
        canvas.setFont(FAMILY, 9)
        region = self.data.region or ""
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 1.55 * cm, _fit(region, FAMILY, 9, 250))
        self._footer(canvas)
        canvas.restoreState()


# -- small builders --------------------------------------------------------------------------------


def _heading(styles: Styles, text: str, level: int, key: str, *, in_toc: bool = True) -> Paragraph:
    style = styles.h1 if level == 0 else styles.h2
    paragraph = styles.p(text, style)
    paragraph._outline_key = key
    paragraph._outline_level = level
    paragraph._in_toc = in_toc
    return paragraph


def _header_row(styles: Styles, labels: Sequence[str], right_from: int) -> list[Paragraph]:
    return [
        Paragraph(escape(label), styles.header_cell_right if index >= right_from else styles.header_cell)
        for index, label in enumerate(labels)
    ]


def _table(
    rows: list[list[Any]], widths: Sequence[float], *, extra: Iterable[tuple[Any, ...]] = (), total_row: bool = False
) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style = data_table_style()
    for command in extra:
        style.add(*command)
    if total_row:
        style.add("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#e6ebf0"))
        style.add("LINEABOVE", (0, -1), (-1, -1), 0.8, HEADER_BG)
    table.setStyle(style)
    return table


def _status_markup(status: ActionStatus) -> str:
    return f'<font color="{STATUS_COLOURS[status]}">●</font> {escape(status.label)}'


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{format_number(count)} {singular if count < 2 else plural}"


def _empty(styles: Styles, text: str) -> Paragraph:
    return styles.p(text, styles.muted)


def _confidential_note(data: ReportData) -> str:
    count = data.confidential_left_out
    if count == 0:
        return "Aucune fiche-action confidentielle : toutes les actions du plan figurent dans ce rapport."
    if count == 1:
        return "1 fiche-action confidentielle a été laissée de côté : elle ne figure pas dans ce rapport."
    return (
        f"{format_number(count)} fiches-actions confidentielles ont été laissées de côté : "
        "elles ne figurent pas dans ce rapport."
    )


# -- cover and contents ----------------------------------------------------------------------------


def _logo(path: Path) -> Image:
    try:
        reader = ImageReader(str(path))
        width, height = reader.getSize()
    except Exception as error:  # reportlab raises many kinds for an unreadable image
        raise ReportImageError(f"Logo : le fichier « {path} » n'est pas une image lisible.") from error
    scale = min(5 * cm / width, 2.4 * cm / height)
    image = Image(str(path), width=width * scale, height=height * scale)
    image.hAlign = "LEFT"
    return image


def _cover(data: ReportData, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    if data.options.logo is not None:
        story += [_logo(data.options.logo), Spacer(1, 0.6 * cm)]
    else:
        story.append(Spacer(1, 2.2 * cm))
    story += [
        styles.markup("Rapport d'avancement", styles.title),
        styles.p(data.territory, styles.subtitle),
        styles.markup(f"Période {escape(data.options.period_label)}", styles.cover_line),
        Spacer(1, 1.0 * cm),
    ]
    rows: list[tuple[str, str]] = [
        ("Région", data.region or "—"),
        ("Période couverte", data.options.period_label),
        ("Date du rapport", format_date(data.generated_on)),
        ("Chef de projet", ", ".join(data.chef_de_projet) or "—"),
        ("Élu référent", ", ".join(data.elected_referents) or "—"),
        ("Industriel référent", ", ".join(data.industrial_referents) or "—"),
    ]
    if data.carrying_structure:
        rows.append(("Structure porteuse", data.carrying_structure))
    if data.departments:
        rows.append(("Départements", data.departments))
    if data.phase:
        rows.append(("Phase du programme", data.phase))
    table = Table(
        [[styles.p(label, styles.cell_bold), styles.p(value, styles.small)] for label, value in rows],
        colWidths=[4.2 * cm, CONTENT_WIDTH - 4.2 * cm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, HEADER_BG),
            ]
        )
    )
    story += [
        styles.markup("<b>Binôme élu–industriel et pilotage</b>", styles.h3),
        table,
        Spacer(1, 1.2 * cm),
        styles.p(_confidential_note(data), styles.muted),
        styles.p(
            "Montants en euros hors taxes. Financements acquis = accordés + versés ; demandés = dossiers déposés, "
            "accordés ou versés.",
            styles.muted,
        ),
    ]
    return story


MAX_CONTENTS_ENTRIES = 38  # one page


def _contents_entries(story: Sequence[Flowable]) -> list[tuple[int, str, str]]:
    """(level, text, key) of every heading meant for the table of contents, in order."""
    entries: list[tuple[int, str, str]] = []
    for flowable in story:
        inner = getattr(flowable, "_content", None)
        if isinstance(flowable, KeepTogether) and isinstance(inner, list):
            entries += _contents_entries(inner)
        key = getattr(flowable, "_outline_key", None)
        if isinstance(flowable, Paragraph) and key and getattr(flowable, "_in_toc", True):
            entries.append((getattr(flowable, "_outline_level", 0), flowable.getPlainText(), key))
    if len(entries) > MAX_CONTENTS_ENTRIES:
        entries = [entry for entry in entries if entry[0] == 0]
    return entries


# -- synthèse ---------------------------------------------------------------------------------------


def _key_figures(styles: Styles, figures: Sequence[tuple[str, str]]) -> Table:
    per_row = 4
    cells: list[list[Any]] = []
    for start in range(0, len(figures), per_row):
        chunk = list(figures[start : start + per_row])
        chunk += [("", "")] * (per_row - len(chunk))
        cells.append([[styles.p(value, styles.figure), styles.p(label, styles.figure_label)] for value, label in chunk])
    width = CONTENT_WIDTH / per_row
    table = Table(cells, colWidths=[width] * per_row, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


def _alert_table(styles: Styles, alerts: Sequence[AlertRow], date_label: str, text_label: str) -> Table:
    widths = [2.0 * cm, 6.2 * cm, 2.1 * cm, CONTENT_WIDTH - 10.3 * cm]
    rows: list[list[Any]] = [_header_row(styles, ["Action", "Titre", date_label, text_label], 99)]
    for alert in alerts:
        rows.append(
            [
                styles.p(alert.action, styles.cell_bold),
                styles.p(alert.title, styles.cell),
                styles.p(format_date(alert.on), styles.cell),
                styles.p(alert.text, styles.cell),
            ]
        )
    return _table(rows, widths)


def _synthesis(data: ReportData, synthesis: SynthesisData, styles: Styles) -> list[Flowable]:
    counts = synthesis.status_counts
    funding = synthesis.funding
    story: list[Flowable] = [_heading(styles, ReportSection.SYNTHESE.label, 0, "synthese")]
    story.append(
        styles.p(
            f"Situation du plan d'action au {format_date(data.generated_on)} pour la période "
            f"{data.options.period_label}. {_confidential_note(data)}",
            styles.body,
        )
    )
    story.append(Spacer(1, 0.2 * cm))
    story.append(
        _key_figures(
            styles,
            [
                (format_number(counts.total), "fiches-actions"),
                (format_percent(counts.share_started), "engagées (hors abandonnées)"),
                (format_euros(synthesis.planned_budget), "budget prévu"),
                (format_euros(funding.granted), "financements acquis"),
                (format_euros(funding.requested), "financements demandés"),
                (format_euros(funding.paid), "financements versés"),
                (format_percent(funding.coverage), "couverture du budget"),
                (format_number(synthesis.jobs_targeted), "emplois visés"),
            ],
        )
    )
    story.append(Spacer(1, 0.3 * cm))

    # Actions by status
    status_rows: list[list[Any]] = [_header_row(styles, ["Statut", "Actions", "Part"], 1)]
    for status in ActionStatus:
        count = counts.count(status)
        share = count / counts.total if counts.total else None
        status_rows.append(
            [
                styles.markup(_status_markup(status), styles.cell),
                styles.p(format_number(count), styles.cell_right),
                styles.p(format_percent(share), styles.cell_right),
            ]
        )
    status_rows.append(
        [
            styles.p("Total", styles.cell_bold),
            styles.p(format_number(counts.total), styles.cell_right),
            styles.p(format_percent(1 if counts.total else None), styles.cell_right),
        ]
    )
    status_table = _table(status_rows, [3.6 * cm, 1.6 * cm, 1.5 * cm], total_row=True)

    money_rows: list[list[Any]] = [_header_row(styles, ["Budget et financements", "Montant"], 1)]
    for label, amount in (
        ("Budget prévu", format_euros(synthesis.planned_budget)),
        ("Dépensé à date", format_euros(synthesis.spent_to_date)),
        ("Financements envisagés", format_euros(funding.envisaged)),
        ("Financements demandés", format_euros(funding.requested)),
        ("Financements accordés (acquis)", format_euros(funding.granted)),
        ("dont versés", format_euros(funding.paid)),
        ("Financements refusés", format_euros(funding.refused)),
        ("Couverture du budget par les financements acquis", format_percent(funding.coverage)),
    ):
        money_rows.append([styles.p(label, styles.cell), styles.p(amount, styles.cell_right)])
    money_table = _table(money_rows, [5.4 * cm, 2.8 * cm])
    side_by_side = Table(
        [[status_table, money_table]],
        colWidths=[6.9 * cm, CONTENT_WIDTH - 6.9 * cm],
        hAlign="LEFT",
    )
    side_by_side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [side_by_side]
    if synthesis.actions_without_budget:
        story.append(
            styles.p(
                _plural(synthesis.actions_without_budget, "action n’a", "actions n’ont")
                + " pas encore de budget prévu.",
                styles.muted,
            )
        )

    # Alerts
    story.append(_heading(styles, "Points d'attention", 1, "synthese-alertes"))
    story.append(
        styles.p(
            f"{_plural(len(synthesis.late_actions), 'action en retard', 'actions en retard')} · "
            f"{_plural(len(synthesis.flagged_updates), 'alerte signalée', 'alertes signalées')} sur la période · "
            f"{_plural(synthesis.overdue_milestones, 'jalon dépassé', 'jalons dépassés')}",
            styles.body,
        )
    )
    if synthesis.flagged_updates:
        story += [
            styles.markup("Alertes signalées dans les points d'avancement", styles.h3),
            _alert_table(styles, synthesis.flagged_updates, "Date", "Difficultés signalées"),
        ]
    if synthesis.late_actions:
        story += [
            styles.markup("Actions en retard (échéance prévue dépassée)", styles.h3),
            _alert_table(styles, synthesis.late_actions, "Échéance", "Situation"),
        ]
    story.append(_heading(styles, "Décisions en attente", 1, "synthese-decisions"))
    if synthesis.pending_decisions:
        widths = [CONTENT_WIDTH - 9.6 * cm, 1.8 * cm, 3.4 * cm, 2.1 * cm, 2.3 * cm]
        rows: list[list[Any]] = [
            _header_row(styles, ["Décision", "Action", "Responsable", "Échéance", "Instance du"], 99)
        ]
        for decision in synthesis.pending_decisions:
            overdue = decision.due_on is not None and decision.due_on < data.generated_on
            due = styles.p(format_date(decision.due_on), styles.cell_bold if overdue else styles.cell)
            rows.append(
                [
                    styles.p(decision.text, styles.cell),
                    styles.p(decision.action or "—", styles.cell),
                    styles.p(decision.owner or "—", styles.cell),
                    due,
                    styles.p(format_date(decision.meeting_on), styles.cell),
                ]
            )
        story.append(_table(rows, widths))
    else:
        story.append(_empty(styles, "Aucune décision en attente."))
    return story


# -- axes ---------------------------------------------------------------------------------------------

AXIS_WIDTHS = [1.75 * cm, 0.0, 2.6 * cm, 2.4 * cm, 1.3 * cm, 1.85 * cm, 2.05 * cm, 2.05 * cm]
AXIS_WIDTHS[1] = CONTENT_WIDTH - sum(AXIS_WIDTHS)


def _action_table(styles: Styles, rows_data: Sequence[ActionRow]) -> Table:
    header = _header_row(
        styles, ["Code", "Titre", "Porteur", "Statut", "Avanc.", "Échéance", "Budget", "Fin. acquis"], 4
    )
    rows: list[list[Any]] = [header]
    extra: list[tuple[Any, ...]] = []
    for index, action in enumerate(rows_data, start=1):
        deadline: Any = format_date(action.planned_end)
        if action.late:
            # The late marker: the deadline in red, "en retard" below it.
            deadline = styles.markup(f"{deadline}<br/><b>en retard</b>", styles.cell_late)
            extra.append(("BACKGROUND", (5, index), (5, index), ALERT_BG))
        reference = action.reference
        rows.append(
            [
                reference if len(reference) <= 10 else styles.p(reference, styles.cell_bold),
                styles.p(action.title, styles.cell),
                styles.p(action.lead or "—", styles.cell),
                f"● {action.status.label}",
                format_percent(action.progress / 100),
                deadline,
                format_euros(action.planned_budget),
                format_euros(action.secured_funding),
            ]
        )
        extra.append(("TEXTCOLOR", (3, index), (3, index), _STATUS_TEXT[action.status]))
    extra.append(("ALIGN", (4, 1), (-1, -1), "RIGHT"))
    extra.append(("FONTNAME", (0, 1), (0, -1), BOLD))
    return _table(rows, AXIS_WIDTHS, extra=extra)


# Status text in the tables: the status colour, darkened where the light one would not read on white.
_STATUS_TEXT = {
    status: colors.HexColor({"#54aeff": "#1f78c8", "#d4a72c": "#9a7400", "#8c959f": "#6e7781"}.get(hex_, hex_))
    for status, hex_ in STATUS_COLOURS.items()
}


def _axis_part(part: AxisPart, styles: Styles, index: int) -> list[Flowable]:
    title = f"{part.code} – {part.label}"
    heading = _heading(styles, title, 1, f"axe-{index}")
    colour = hex_colour(part.colour)
    band = Table([[""]], colWidths=[CONTENT_WIDTH], rowHeights=[3])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colour)]))
    counts = part.counts
    summary = (
        f"<b>{_plural(counts.total, 'fiche-action', 'fiches-actions')}</b> · "
        f"engagées : {format_percent(counts.share_started)} · "
        f"budget prévu : {format_euros(part.planned_budget)} · "
        f"financements acquis : {format_euros(part.secured_funding)}"
    )
    late = sum(1 for row in part.rows if row.late)
    if late:
        summary += f' · <font color="#b42318">{_plural(late, "action en retard", "actions en retard")}</font>'
    chart_row = Table(
        [[charts.status_chart(counts, width=250, height=112), styles.markup(summary, styles.small)]],
        colWidths=[262, CONTENT_WIDTH - 262],
        hAlign="LEFT",
    )
    chart_row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [
        CondPageBreak(7 * cm),
        KeepTogether([heading, band, Spacer(1, 4), chart_row]),
        Spacer(1, 4),
        _action_table(styles, part.rows),
    ]


# -- funding ------------------------------------------------------------------------------------------


def _funding_table(styles: Styles, title: str, groups: Sequence[FundingGroupRow], part: FundingPart) -> Table:
    widths = [CONTENT_WIDTH - 10.6 * cm, 1.6 * cm, 3.0 * cm, 3.0 * cm, 3.0 * cm]
    rows: list[list[Any]] = [_header_row(styles, [title, "Lignes", "Demandé", "Accordé", "Versé"], 1)]
    for group in groups:
        rows.append(
            [
                styles.p(group.name, styles.cell),
                format_number(group.line_count),
                format_euros(group.requested),
                format_euros(group.granted),
                format_euros(group.paid),
            ]
        )
    rows.append(
        [
            styles.p("Total", styles.cell_bold),
            format_number(sum(group.line_count for group in groups)),
            format_euros(part.totals.requested),
            format_euros(part.totals.granted),
            format_euros(part.totals.paid),
        ]
    )
    extra = [("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("FONTNAME", (0, -1), (-1, -1), BOLD)]
    return _table(rows, widths, extra=extra, total_row=True)


def _funding(part: FundingPart, styles: Styles) -> list[Flowable]:
    totals = part.totals
    story: list[Flowable] = [_heading(styles, ReportSection.FINANCEMENT.label, 0, "financement")]
    story.append(
        styles.markup(
            f"Financements demandés : <b>{format_euros(totals.requested)}</b> · accordés : "
            f"<b>{format_euros(totals.granted)}</b> · versés : <b>{format_euros(totals.paid)}</b> · "
            f"couverture du budget prévu ({format_euros(totals.planned_budget)}) : "
            f"<b>{format_percent(totals.coverage)}</b>.",
            styles.body,
        )
    )
    if not part.by_funder:
        story.append(_empty(styles, "Aucune ligne de financement n'est encore saisie."))
        return story
    shown = sorted(part.by_funder, key=lambda group: group.requested + group.granted, reverse=True)[:10]
    caption = "Financements par financeur" + (" (les dix principaux)" if len(part.by_funder) > 10 else "")
    story += [
        styles.markup(escape(caption), styles.h3),
        charts.funding_chart(
            [group.name for group in shown],
            [group.requested for group in shown],
            [group.granted for group in shown],
            [group.paid for group in shown],
            width=CONTENT_WIDTH,
        ),
        _heading(styles, "Par financeur", 1, "financement-financeurs"),
        _funding_table(styles, "Financeur", part.by_funder, part),
        _heading(styles, "Par programme ou dispositif", 1, "financement-programmes"),
        _funding_table(styles, "Programme / dispositif", part.by_programme, part),
    ]
    return story


# -- indicators ----------------------------------------------------------------------------------------


def _value(value: float | None, unit: str | None) -> str:
    if value is None:
        return "—"
    return f"{format_number(value)} {unit}" if unit else format_number(value)


def _indicators(rows_data: Sequence[IndicatorRow], styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [_heading(styles, ReportSection.INDICATEURS.label, 0, "indicateurs")]
    if not rows_data:
        story.append(_empty(styles, "Aucun indicateur n'est suivi pour ce territoire."))
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
        _header_row(styles, ["Indicateur", "Référence", "Dernière mesure", "Cible", "Atteint", "Tendance"], 1)
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
                _dated(styles, _value(indicator.baseline, indicator.unit), indicator.baseline_on),
                _dated(styles, _value(indicator.latest, indicator.unit), indicator.latest_on),
                _dated(styles, _value(indicator.target, indicator.unit), indicator.target_on),
                styles.p(format_percent(indicator.reached), styles.cell_right),
                charts.trend_chart(indicator.trend, indicator.target, width=2.6 * cm, height=24),
            ]
        )
    story.append(
        _table(rows, widths, extra=[("VALIGN", (0, 1), (-1, -1), "MIDDLE"), ("ALIGN", (5, 0), (5, -1), "CENTER")])
    )
    story.append(
        styles.p("Tendance : mesures depuis la référence ; la ligne pointillée verte marque la cible.", styles.muted)
    )
    return story


def _dated(styles: Styles, value: str, on: dt.date | None) -> Paragraph:
    markup = safe(value)
    if on is not None:
        markup += f'<br/><font color="#57606a" size="6.5">{format_date(on)}</font>'
    return styles.markup(markup, styles.cell_right)


# -- milestones ----------------------------------------------------------------------------------------


def _milestone_table(styles: Styles, rows_data: Sequence[MilestoneRow], *, done: bool) -> Table:
    widths = [1.7 * cm, CONTENT_WIDTH - 12.2 * cm, 6.2 * cm, 2.3 * cm, 2.0 * cm]
    last = "Réalisé le" if done else "Retard"
    rows: list[list[Any]] = [_header_row(styles, ["Action", "Jalon", "Fiche-action", "Échéance", last], 99)]
    for milestone in rows_data:
        rows.append(
            [
                styles.p(milestone.action, styles.cell_bold),
                styles.p(milestone.title, styles.cell),
                styles.p(milestone.action_title, styles.cell),
                format_date(milestone.due_on),
                format_date(milestone.done_on) if done else "",
            ]
        )
    return _table(rows, widths)


def _overdue_table(styles: Styles, rows_data: Sequence[MilestoneRow], today: dt.date) -> Table:
    table_rows: list[list[Any]] = [_header_row(styles, ["Action", "Jalon", "Fiche-action", "Échéance", "Retard"], 99)]
    for milestone in rows_data:
        days = (today - milestone.due_on).days if milestone.due_on else 0
        table_rows.append(
            [
                styles.p(milestone.action, styles.cell_bold),
                styles.p(milestone.title, styles.cell),
                styles.p(milestone.action_title, styles.cell),
                format_date(milestone.due_on),
                styles.p(_plural(days, "jour", "jours"), styles.cell),
            ]
        )
    widths = [1.7 * cm, CONTENT_WIDTH - 12.2 * cm, 6.2 * cm, 2.3 * cm, 2.0 * cm]
    return _table(table_rows, widths, extra=[("TEXTCOLOR", (4, 1), (4, -1), ALERT)])


def _milestones(part: MilestonesPart, data: ReportData, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [_heading(styles, ReportSection.JALONS.label, 0, "jalons")]
    story.append(
        styles.p(
            f"{_plural(len(part.reached), 'jalon atteint', 'jalons atteints')} sur la période, "
            f"{_plural(len(part.upcoming), 'jalon prévu', 'jalons prévus')} dans les six prochains mois, "
            f"{_plural(len(part.overdue), 'jalon dépassé', 'jalons dépassés')}.",
            styles.body,
        )
    )
    story.append(_heading(styles, f"Jalons atteints {data.options.period_label}", 1, "jalons-atteints"))
    story.append(
        _milestone_table(styles, part.reached, done=True) if part.reached else _empty(styles, "Aucun jalon atteint.")
    )
    story.append(_heading(styles, "Jalons des six prochains mois", 1, "jalons-a-venir"))
    story.append(
        _milestone_table(styles, part.upcoming, done=True)
        if part.upcoming
        else _empty(styles, "Aucun jalon prévu dans les six prochains mois.")
    )
    story.append(_heading(styles, "Jalons dépassés (échéance passée, non atteints)", 1, "jalons-depasses"))
    story.append(
        _overdue_table(styles, part.overdue, data.generated_on)
        if part.overdue
        else _empty(styles, "Aucun jalon dépassé.")
    )
    return story


# -- évolutions ----------------------------------------------------------------------------------------


def _evolutions(part: EvolutionsPart, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [_heading(styles, ReportSection.EVOLUTIONS.label, 0, "evolutions")]
    story.append(styles.p(part.source, styles.body))
    story.append(_heading(styles, "Changements de statut", 1, "evolutions-statuts"))
    if part.status_changes:
        widths = [1.7 * cm, CONTENT_WIDTH - 10.5 * cm, 3.1 * cm, 3.4 * cm, 2.3 * cm]
        rows: list[list[Any]] = [
            _header_row(styles, ["Action", "Titre", "Ancien statut", "Nouveau statut", "Date"], 99)
        ]
        for change in part.status_changes:
            rows.append(
                [
                    styles.p(change.action, styles.cell_bold),
                    styles.p(change.title, styles.cell),
                    styles.markup(_status_markup(change.old), styles.cell)
                    if change.old
                    else styles.p("—", styles.cell),
                    styles.markup(_status_markup(change.new), styles.cell),
                    format_date(change.on),
                ]
            )
        story.append(_table(rows, widths))
    else:
        story.append(_empty(styles, "Aucun changement de statut."))
    if part.progress_changes:
        story.append(_heading(styles, "Avancement et financements acquis", 1, "evolutions-avancement"))
        widths = [1.7 * cm, CONTENT_WIDTH - 10.7 * cm, 2.6 * cm, 4.4 * cm]
        rows = [_header_row(styles, ["Action", "Titre", "Avancement", "Financement acquis"], 2)]
        for progress_change in part.progress_changes:
            rows.append(
                [
                    styles.p(progress_change.action, styles.cell_bold),
                    styles.p(progress_change.title, styles.cell),
                    styles.p(
                        f"{format_percent(progress_change.old_progress / 100)} → "
                        f"{format_percent(progress_change.new_progress / 100)}",
                        styles.cell_right,
                    ),
                    styles.p(
                        f"{format_euros(progress_change.old_secured)} → {format_euros(progress_change.new_secured)}",
                        styles.cell_right,
                    ),
                ]
            )
        story.append(_table(rows, widths))
    story.append(_heading(styles, "Nouvelles fiches-actions", 1, "evolutions-nouvelles"))
    if part.note:
        story.append(styles.p(part.note, styles.body))
    elif part.new_actions:
        widths = [1.7 * cm, CONTENT_WIDTH - 8.7 * cm, 3.2 * cm, 3.8 * cm]
        rows = [_header_row(styles, ["Code", "Titre", "Statut", "Budget"], 3)]
        for action in part.new_actions:
            rows.append(
                [
                    styles.p(action.reference, styles.cell_bold),
                    styles.p(action.title, styles.cell),
                    styles.markup(_status_markup(action.status), styles.cell),
                    format_euros(action.planned_budget),
                ]
            )
        story.append(_table(rows, widths, extra=[("ALIGN", (3, 1), (3, -1), "RIGHT")]))
    else:
        story.append(_empty(styles, "Aucune nouvelle fiche-action."))
    if part.removed:
        story.append(_heading(styles, "Fiches-actions retirées du plan", 1, "evolutions-retirees"))
        for line in part.removed:
            story.append(styles.p(f"• {line}", styles.small))
    return story


# -- annex ----------------------------------------------------------------------------------------------


def _annex(sheets: Sequence[ActionSheet], styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), _heading(styles, "Annexe : fiches-actions", 0, "annexe")]
    story.append(
        styles.p(
            f"{_plural(len(sheets), 'fiche-action', 'fiches-actions')}, une par page, classées par axe puis par code.",
            styles.body,
        )
    )
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story += _sheet(sheet, styles, index)
    return story


def _sheet(sheet: ActionSheet, styles: Styles, index: int) -> list[Flowable]:
    row = sheet.row
    story: list[Flowable] = [
        _heading(styles, f"{row.reference} – {row.title}", 1, f"fiche-{index}", in_toc=False),
    ]
    facts = [
        ("Axe", sheet.axis),
        ("Statut", None),
        ("Avancement", format_percent(row.progress / 100)),
        ("Porteur", sheet.lead_contact or row.lead or "—"),
        ("Pilote", sheet.pilot or "—"),
        ("Dates prévues", f"{format_date(row.planned_start)} → {format_date(row.planned_end)}"),
        ("Budget prévu", format_euros(row.planned_budget)),
        ("Financement acquis", format_euros(row.secured_funding)),
    ]
    cells: list[list[Any]] = []
    for label, value in facts:
        shown = (
            styles.markup(_status_markup(row.status) + (" · <b>en retard</b>" if row.late else ""), styles.cell)
            if value is None
            else styles.p(value, styles.cell)
        )
        cells.append([styles.p(label, styles.cell_bold), shown])
    half = (len(cells) + 1) // 2
    grid = [left + right for left, right in zip(cells[:half], [*cells[half:], ["", ""]], strict=False)]
    facts_table = Table(grid, colWidths=[2.6 * cm, CONTENT_WIDTH / 2 - 2.6 * cm] * 2, hAlign="LEFT")
    facts_table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [facts_table, Spacer(1, 6)]
    for label, text in (("Description", sheet.description), ("Résultats attendus", sheet.expected_results)):
        if text:
            story += [styles.markup(escape(label), styles.h3), styles.p(text, styles.small)]
    if sheet.partners:
        story.append(styles.markup("Partenaires", styles.h3))
        partners = " · ".join(safe(name) + (f" <i>({safe(role)})</i>" if role else "") for name, role in sheet.partners)
        story.append(styles.markup(partners, styles.small))
    story.append(styles.markup("Plan de financement", styles.h3))
    if sheet.funding:
        widths = [CONTENT_WIDTH - 11.9 * cm, 4.2 * cm, 2.4 * cm, 2.4 * cm, 2.9 * cm]
        rows: list[list[Any]] = [_header_row(styles, ["Financeur", "Programme", "Demandé", "Accordé", "Statut"], 2)]
        for line in sheet.funding:
            status = line.status.label + (f" le {format_date(line.decided_on)}" if line.decided_on else "")
            rows.append(
                [
                    styles.p(line.funder, styles.cell),
                    styles.p(line.programme or "—", styles.cell),
                    format_euros(line.requested),
                    format_euros(line.granted) if line.status is not FundingStatus.REFUSE else "—",
                    styles.p(status, styles.cell),
                ]
            )
        story.append(_table(rows, widths, extra=[("ALIGN", (2, 1), (3, -1), "RIGHT")]))
    else:
        story.append(_empty(styles, "Aucune ligne de financement."))
    story.append(styles.markup("Jalons", styles.h3))
    if sheet.milestones:
        widths = [CONTENT_WIDTH - 5.0 * cm, 2.5 * cm, 2.5 * cm]
        rows = [_header_row(styles, ["Jalon", "Échéance", "Réalisé le"], 99)]
        for milestone in sheet.milestones:
            rows.append(
                [styles.p(milestone.title, styles.cell), format_date(milestone.due_on), format_date(milestone.done_on)]
            )
        story.append(_table(rows, widths))
    else:
        story.append(_empty(styles, "Aucun jalon."))
    story.append(styles.markup("Derniers points d'avancement", styles.h3))
    if sheet.updates:
        for update in sheet.updates:
            head = (
                f"<b>{format_date(update.reported_on)}</b>"
                + (f" – {safe(update.author)}" if update.author else "")
                + f" · {_status_markup(update.status)} · {format_percent(update.progress / 100)}"
                + (' · <font color="#b42318"><b>alerte</b></font>' if update.alert else "")
            )
            parts = [head]
            for label, text in (
                ("Fait", update.done),
                ("Difficultés", update.difficulties),
                ("Prochaines étapes", update.next_steps),
            ):
                if text:
                    parts.append(f"<i>{label} :</i> {safe(text)}")
            story.append(styles.markup("<br/>".join(parts), styles.small))
    else:
        story.append(_empty(styles, "Aucun point d'avancement."))
    return story


# -- the document ---------------------------------------------------------------------------------------


_CONTENTS_PLACEHOLDER = Spacer(0, 0)


def build_story(data: ReportData, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = _cover(data, styles)
    story += [NextPageTemplate("body"), PageBreak()]
    story += [styles.markup("Sommaire", styles.h1), Spacer(1, 0.3 * cm), _CONTENTS_PLACEHOLDER]
    options = data.options
    if options.includes(ReportSection.SYNTHESE) and data.synthesis is not None:
        story += [PageBreak(), *_synthesis(data, data.synthesis, styles)]
    if options.includes(ReportSection.AXES):
        story += [PageBreak(), _heading(styles, ReportSection.AXES.label, 0, "axes")]
        if not data.axes:
            story.append(_empty(styles, "Le plan ne contient encore aucune fiche-action."))
        for index, part in enumerate(data.axes):
            story += _axis_part(part, styles, index)
    if options.includes(ReportSection.FINANCEMENT) and data.funding is not None:
        story += [PageBreak(), *_funding(data.funding, styles)]
    if options.includes(ReportSection.INDICATEURS):
        story += [PageBreak(), *_indicators(data.indicators, styles)]
    if options.includes(ReportSection.JALONS) and data.milestones is not None:
        story += [PageBreak(), *_milestones(data.milestones, data, styles)]
    if options.includes(ReportSection.EVOLUTIONS) and data.evolutions is not None:
        story += [PageBreak(), *_evolutions(data.evolutions, styles)]
    if options.annex and data.annex:
        story += _annex(data.annex, styles)
    return story


def build_progress_report(data: ReportData, target: str | Path | BinaryIO, step: Step | None = None) -> None:
    """Write the report to `target` (a path or a binary stream) in one layout pass. `step(done, total)` is
    called after each laid-out block; it may raise to stop."""
    styles = build_styles()
    story = build_story(data, styles)
    pagination = _Pagination()
    contents = _Contents(_contents_entries(story), pagination)
    story = [contents if flowable is _CONTENTS_PLACEHOLDER else flowable for flowable in story]
    total = len(story) + 1
    done = 0

    def advance() -> None:
        nonlocal done
        done = min(done + 1, total - 1)
        if step is not None:
            step(done, total)

    destination: str | BinaryIO = str(target) if isinstance(target, Path | str) else target
    document = _ReportDocument(destination, data, advance, pagination)
    document.build(story, canvasmaker=functools.partial(_NumberedCanvas, pagination=pagination))
    if step is not None:
        step(total, total)
