"""The regional synthesis PDF: what a Région's territories reported, side by side and added up. A first page
with the programme's key figures, one row per territory (its latest report, flagged when older than six months),
the totals per axis and per funder, and the evolution of the territories that sent several periods. The document
of its data (`synthesis_document`) is then attached, so that the PDF can itself be consolidated (nationally).

All its dates are the consolidation's (`view.as_of`), never the machine's clock."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from ti_desktop.domain.consolidation import AxisTotal, ConsolidatedView, TerritoryFigures, TerritoryRow
from ti_desktop.domain.data_documents import SealedDocument
from ti_desktop.domain.enums import ActionStatus, SeededAxis
from ti_desktop.kernel.formatting import format_date, format_euros, format_number
from ti_desktop.kernel.progress import Progress
from ti_desktop.reports.fonts import BOLD
from ti_desktop.reports.page import DocumentInfo, PagedDocument, RunningHeader, build_pdf
from ti_desktop.reports.pdf_data import carry_data, prepare_data
from ti_desktop.reports.progress.common import CONTENT_WIDTH, LAYOUT, empty, heading
from ti_desktop.reports.progress.key_figures import PER_ROW, figures_table
from ti_desktop.reports.status_words import status_words
from ti_desktop.reports.styles import ALERT, Styles, build_styles, safe, unbreakable
from ti_desktop.reports.synthesis_document import common_region
from ti_desktop.reports.tables import data_table, header_row, plural

TITLE = "Synthèse régionale des Territoires d'industrie"
FIRST_BAND = 2.6 * cm
FIRST_TOP = 3.6 * cm  # the first page's text starts below its band

STALE_WORDS = "ancien : plus de six mois"
EMPTY_AXIS = "Aucune action sur cet axe dans les rapports reçus."
ZERO = Decimal("0.00")


def region_label(view: ConsolidatedView) -> str:
    """« Région Grand Est » when every territory says it (as the data's `region`), else what is mixed."""
    region = common_region(view)
    if region:
        return f"Région {region}"
    named = {row.region for row in view.territories if row.region}
    unnamed = any(not row.region for row in view.territories)
    if not named:
        return "Région non précisée"
    if len(named) == 1:
        return f"Région {next(iter(named))} et territoires sans région"
    return f"{format_number(len(named))} régions" + (" et territoires sans région" if unnamed else "")


def key_figures(view: ConsolidatedView) -> list[tuple[str, str]]:
    """(value, label) of each key figure of the programme, in reading order."""
    totals = view.totals
    stale = sum(1 for row in view.territories if row.stale)
    return [
        (format_number(len(view.territories)), "territoires"),
        (format_number(view.projects), "projets (hors abandonnés)"),
        (format_euros(totals.planned_budget), "budget prévu"),
        (format_number(stale), "rapports de plus de six mois"),
        (format_euros(totals.requested), "financements demandés"),
        (format_euros(totals.granted), "financements accordés"),
        (format_euros(totals.paid), "financements versés"),
        (format_number(totals.jobs_targeted), "emplois visés"),
        (format_number(totals.jobs_created), "emplois créés"),
        (format_euros(totals.induced_investment), "investissements induits attendus"),
        (format_euros(totals.achieved_investment), "investissements réalisés"),
        (format_number(totals.count(ActionStatus.BLOQUEE)), "actions bloquées"),
    ]


FIGURE_SIZE = 12.5  # at most; smaller when a region's billions would not fit their box on one line
FIGURE_BOX = CONTENT_WIDTH / PER_ROW - 14  # a key figure's box, less its padding and some air


def key_figures_table(view: ConsolidatedView, styles: Styles) -> Flowable:
    shown = key_figures(view)
    widest = max(stringWidth(unbreakable(value), BOLD, 1) for value, _label in shown)
    size = min(FIGURE_SIZE, FIGURE_BOX / widest)
    figure = ParagraphStyle("synthesis_figure", parent=styles.figure, fontSize=size, leading=size * 1.2)
    return figures_table(replace(styles, figure=figure), shown)


def headline(view: ConsolidatedView) -> str:
    """The programme-style sentence: « 12 territoires, 1 250 projets, 48 000 000 € de financements accordés… »."""
    totals = view.totals
    return (
        f"{plural(len(view.territories), 'territoire', 'territoires')}, "
        f"{plural(view.projects, 'projet', 'projets')}, "
        f"{format_euros(totals.granted)} de financements accordés, "
        f"{plural(totals.jobs_targeted, 'emploi visé', 'emplois visés')}, "
        f"{plural(totals.jobs_created, 'emploi créé', 'emplois créés')}, "
        f"{format_euros(totals.induced_investment)} d'investissements."
    )


# -- the territories' table ---------------------------------------------------------------------------------------

NUMBER_SIZE = 7.0  # the figures of the territories' table
PADDING = 8  # a cell's left and right padding, and a little air
MIN_NAME_WIDTH = 3.5 * cm
HEADER_SIZE = 7.5  # styles.header_cell's


def territory_widths(view: ConsolidatedView) -> list[float]:
    """The figure columns as wide as their widest text (the totals row's, in bold); the territory and its
    statuses share what is left."""
    figures = [row.figures for row in view.territories] + [view.totals]
    columns = [
        [format_euros(item.planned_budget) for item in figures],
        [format_euros(item.requested) for item in figures],
        [format_euros(item.granted) for item in figures],
        [format_euros(item.paid) for item in figures],
        [format_number(item.jobs_targeted) for item in figures] + ["Emplois"],
        [format_euros(item.induced_investment) for item in figures]
        + [format_euros(item.achieved_investment) for item in figures],
    ]
    widths = []
    for column, header in zip(columns, TERRITORY_HEADERS[1:], strict=True):
        figure = max(stringWidth(unbreakable(text), BOLD, NUMBER_SIZE) for text in column)
        word = max(stringWidth(word, BOLD, HEADER_SIZE) for word in header.split())
        widths.append(max(figure, word) + PADDING)
    return [max(CONTENT_WIDTH - sum(widths), MIN_NAME_WIDTH), *widths]


TERRITORY_HEADERS = [
    "Territoire, dernier rapport, actions par statut",
    "Budget prévu",
    "Financements demandés",
    "Financements accordés",
    "Financements versés",
    "Emplois visés / créés",
    "Investissement induit / réalisé",
]


def _figure_cells(figures: TerritoryFigures, styles: Styles, bold: bool = False) -> list[Any]:
    right = ParagraphStyle("number", parent=styles.cell_right, fontSize=NUMBER_SIZE, leading=NUMBER_SIZE + 1.6)
    open_, close = ("<b>", "</b>") if bold else ("", "")

    def cell(text: str) -> Paragraph:
        return styles.markup(f"{open_}{safe(text)}{close}", right)

    return [
        cell(format_euros(figures.planned_budget)),
        cell(format_euros(figures.requested)),
        cell(format_euros(figures.granted)),
        cell(format_euros(figures.paid)),
        styles.markup(
            f"{open_}{safe(format_number(figures.jobs_targeted))}<br/>{safe(format_number(figures.jobs_created))}{close}",
            right,
        ),
        styles.markup(
            f"{open_}{safe(format_euros(figures.induced_investment))}<br/>"
            f"{safe(format_euros(figures.achieved_investment))}{close}",
            right,
        ),
    ]


def report_line(row: TerritoryRow) -> str:
    """« rapport du 21/11/2026 (du 01/07/2026 au 21/11/2026) »."""
    report = row.report
    return (
        f"rapport du {format_date(report.generated_on)} "
        f"(du {format_date(report.period_from)} au {format_date(report.period_to)})"
    )


def actions_markup(figures: TerritoryFigures, *, bold: bool = False) -> str:
    """« 42 actions : 18 en cours, 9 réalisées… »."""
    count = safe(plural(figures.actions, "action", "actions"))
    return f"{'<b>' + count + '</b>' if bold else count} : {safe(status_words(figures))}"


def territory_cell(row: TerritoryRow, styles: Styles) -> Paragraph:
    markup = f'<b>{safe(row.name)}</b><br/><font color="#57606a">{safe(report_line(row))}</font>'
    if row.reports > 1:
        markup += f'<br/><font color="#57606a">{safe(plural(row.reports, "période reçue", "périodes reçues"))}</font>'
    markup += f"<br/>{actions_markup(row.figures)}"
    if row.stale:
        markup += f'<br/><font color="{ALERT.hexval().replace("0x", "#")}"><b>{STALE_WORDS}</b></font>'
    return styles.markup(markup, styles.cell)


def territories_table(view: ConsolidatedView, styles: Styles) -> Flowable:
    rows: list[list[Any]] = [header_row(styles, TERRITORY_HEADERS, 2)]
    for row in view.territories:
        rows.append([territory_cell(row, styles), *_figure_cells(row.figures, styles)])
    total_label = styles.markup(
        f"<b>Total ({safe(plural(len(view.territories), 'territoire', 'territoires'))})</b><br/>"
        f"{actions_markup(view.totals, bold=True)}",
        styles.cell,
    )
    rows.append([total_label, *_figure_cells(view.totals, styles, bold=True)])
    return data_table(rows, territory_widths(view), total_row=True)


# -- axes, funders, evolutions ------------------------------------------------------------------------------------


def shown_axes(view: ConsolidatedView) -> tuple[AxisTotal, ...]:
    """The axes the reports list, the programme's four priorities always among them (first, in the programme's
    order): one no territory has an action on is shown with none, never left out."""
    listed = {axis.code: axis for axis in view.axes}
    priorities = tuple(
        listed.pop(priority.value)
        if priority.value in listed
        else AxisTotal(priority.value, priority.label, 0, 0, ZERO, ZERO)
        for priority in SeededAxis
    )
    return priorities + tuple(listed.values())


def axes_table(view: ConsolidatedView, styles: Styles) -> Flowable:
    widths = [1.6 * cm, CONTENT_WIDTH - 10.6 * cm, 2.0 * cm, 1.8 * cm, 2.6 * cm, 2.6 * cm]
    rows: list[list[Any]] = [
        header_row(styles, ["Axe", "Intitulé", "Territoires", "Actions", "Budget prévu", "Financements acquis"], 2)
    ]
    spans: list[tuple[Any, ...]] = []
    for axis in shown_axes(view):
        if not axis.actions:
            spans.append(("SPAN", (2, len(rows)), (-1, len(rows))))
            rows.append(
                [
                    styles.cell_text(axis.code, styles.cell_bold),
                    styles.cell_text(axis.label, styles.cell),
                    styles.cell_text(EMPTY_AXIS, styles.cell),
                    "",
                    "",
                    "",
                ]
            )
            continue
        rows.append(
            [
                styles.cell_text(axis.code, styles.cell_bold),
                styles.cell_text(axis.label, styles.cell),
                styles.cell_text(format_number(axis.territories), styles.cell_right),
                styles.cell_text(format_number(axis.actions), styles.cell_right),
                styles.cell_text(format_euros(axis.planned_budget), styles.cell_right),
                styles.cell_text(format_euros(axis.secured_funding), styles.cell_right),
            ]
        )
    return data_table(rows, widths, extra=spans)


def funders_table(view: ConsolidatedView, styles: Styles) -> Flowable:
    widths = [CONTENT_WIDTH - 12.4 * cm, 2.0 * cm, 2.0 * cm, 2.8 * cm, 2.8 * cm, 2.8 * cm]
    rows: list[list[Any]] = [
        header_row(styles, ["Financeur", "Territoires", "Lignes", "Demandé", "Accordé", "Versé"], 1)
    ]
    for funder in view.funders:
        rows.append(
            [
                styles.cell_text(funder.name, styles.cell_bold),
                styles.cell_text(format_number(funder.territories), styles.cell_right),
                styles.cell_text(format_number(funder.line_count), styles.cell_right),
                styles.cell_text(format_euros(funder.requested), styles.cell_right),
                styles.cell_text(format_euros(funder.granted), styles.cell_right),
                styles.cell_text(format_euros(funder.paid), styles.cell_right),
            ]
        )
    return data_table(rows, widths)


def signed_euros(value: Decimal) -> str:
    return ("+" if value > 0 else "") + format_euros(value)


def signed_number(value: int) -> str:
    return ("+" if value > 0 else "") + format_number(value)


EVOLUTION_WIDTHS = [3.3 * cm, 1.5 * cm, 1.7 * cm, 2.35 * cm, 2.35 * cm, 2.35 * cm, 1.45 * cm]  # headers unbroken
EVOLUTION_WIDTHS.append(CONTENT_WIDTH - sum(EVOLUTION_WIDTHS))
EVOLUTION_HEADERS = [
    "Période (rapport du)",
    "Actions",
    "Réalisées",
    "Budget prévu",
    "Financements accordés",
    "Financements versés",
    "Emplois créés",
    "Investissement réalisé",
]


def _evolution_values(figures: TerritoryFigures) -> list[str]:
    return [
        format_number(figures.actions),
        format_number(figures.count(ActionStatus.REALISEE)),
        format_euros(figures.planned_budget),
        format_euros(figures.granted),
        format_euros(figures.paid),
        format_number(figures.jobs_created),
        format_euros(figures.achieved_investment),
    ]


def _difference(old: TerritoryFigures, new: TerritoryFigures) -> list[str]:
    return [
        signed_number(new.actions - old.actions),
        signed_number(new.count(ActionStatus.REALISEE) - old.count(ActionStatus.REALISEE)),
        signed_euros(new.planned_budget - old.planned_budget),
        signed_euros(new.granted - old.granted),
        signed_euros(new.paid - old.paid),
        signed_number(new.jobs_created - old.jobs_created),
        signed_euros(new.achieved_investment - old.achieved_investment),
    ]


def evolutions_part(view: ConsolidatedView, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [heading(styles, "Évolutions des territoires", 0, "evolutions")]
    if not view.evolutions:
        story.append(empty(styles, "Aucun territoire n'a encore envoyé de rapports pour plusieurs périodes."))
        return story
    story.append(
        styles.p(
            "Pour chaque territoire qui a envoyé des rapports pour plusieurs périodes : les chiffres de chaque "
            "rapport, du plus ancien au plus récent, et l'écart entre deux rapports successifs.",
            styles.body,
        )
    )
    for index, evolution in enumerate(view.evolutions):
        rows: list[list[Any]] = [header_row(styles, EVOLUTION_HEADERS, 1)]
        difference_rows: list[int] = []
        previous: TerritoryFigures | None = None
        for step in evolution.steps:
            report = step.report
            if previous is not None:
                difference_rows.append(len(rows))
                rows.append([styles.markup("<i>Écart</i>", styles.cell), *_difference(previous, step.figures)])
            period = (
                f"du {format_date(report.period_from)} au {format_date(report.period_to)}"
                f'<br/><font color="#57606a">rapport du {format_date(report.generated_on)}</font>'
            )
            rows.append([styles.markup(period, styles.cell), *_evolution_values(step.figures)])
            previous = step.figures
        extra: list[tuple[Any, ...]] = [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
        for row in difference_rows:
            extra += [
                ("TEXTCOLOR", (1, row), (-1, row), colors.HexColor("#0b5cad")),
                ("FONTNAME", (1, row), (-1, row), BOLD),
            ]
        table = data_table(rows, EVOLUTION_WIDTHS, extra=extra)
        story.append(KeepTogether([heading(styles, evolution.name, 1, f"evolution-{index}", in_toc=False), table]))
    return story


# -- the document ---------------------------------------------------------------------------------------------------


class SynthesisDocument(PagedDocument):
    def __init__(self, target: str | BinaryIO, view: ConsolidatedView, app_version: str, step: Callable[[], None]):
        region = region_label(view)
        info = DocumentInfo(
            title=f"{TITLE} – {region}",
            author="TI Desktop",
            subject=f"Synthèse régionale au {format_date(view.as_of)}",
            app_version=app_version,
            generated_on=view.as_of,
        )
        super().__init__(target, LAYOUT, info, step)
        self._region = region
        self._header = RunningHeader(left=region, right=f"Synthèse régionale au {format_date(view.as_of)}")
        self.addPageTemplates(
            [
                PageTemplate("first", [LAYOUT.frame("first", top=FIRST_TOP)], onPage=self._draw_first_page),
                PageTemplate("body", [LAYOUT.frame("body")], onPage=self._draw_body_page),
            ]
        )

    def _draw_body_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        self.draw_page(canvas, self._header)

    def _draw_first_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        self.draw_title_band(canvas, FIRST_BAND, self._region)


def build_story(view: ConsolidatedView, styles: Styles) -> list[Flowable]:
    received = sum(row.reports for row in view.territories)
    story: list[Flowable] = [
        NextPageTemplate("body"),
        styles.markup(TITLE, styles.title),
        styles.p(region_label(view), styles.subtitle),
        styles.markup(
            safe(
                f"Au {format_date(view.as_of)}, à partir de "
                f"{plural(received, 'rapport d’avancement reçu', 'rapports d’avancement reçus')}."
            ),
            styles.cover_line,
        ),
        Spacer(1, 0.4 * cm),
        heading(styles, "Chiffres clés", 0, "chiffres"),
        key_figures_table(view, styles),
        Spacer(1, 0.3 * cm),
        styles.markup(f"<b>{safe(headline(view))}</b>", styles.body),
        styles.p(
            "Les chiffres de chaque territoire sont ceux de son dernier rapport d'avancement, tels que son "
            "application les a calculés ; un rapport établi il y a plus de six mois est signalé « ancien ».",
            styles.muted,
        ),
        CondPageBreak(6 * cm),
        heading(styles, "Les territoires", 0, "territoires"),
    ]
    if view.territories:
        story.append(territories_table(view, styles))
    else:
        story.append(empty(styles, "Aucun rapport d'avancement n'a été reçu."))
    story += [PageBreak(), heading(styles, "Totaux par axe", 0, "axes")]
    story.append(axes_table(view, styles))
    story += [CondPageBreak(5 * cm), heading(styles, "Totaux par financeur", 0, "financeurs")]
    story.append(
        funders_table(view, styles) if view.funders else empty(styles, "Aucun financement dans les rapports reçus.")
    )
    story += [PageBreak(), *evolutions_part(view, styles)]
    return story


def build_regional_synthesis(
    view: ConsolidatedView, document: SealedDocument, target: BinaryIO, step: Progress | None = None
) -> None:
    """Write the synthesis of `view` to `target`, with `document` (its data) attached. `step(done, total)` is
    called after each laid-out block; it may raise to stop."""
    carried = prepare_data(document)
    styles = build_styles()
    story = build_story(view, styles)
    app_version = str(document.data.get("app_version", ""))
    build_pdf(
        story,
        target,
        step,
        lambda destination, advance: SynthesisDocument(destination, view, app_version, advance),
        on_save=lambda canvas: carry_data(canvas, carried),
    )
