"""The minutes of a steering meeting (relevé de décisions et compte rendu), drawn with reportlab platypus.

`build_minutes(data, target)` writes the PDF from a `MinutesData`: the title block, the participants, the
agenda, for each agenda item a short state of its action and the decisions taken, then the full list of
decisions. Every user text goes through `styles.safe`, figures through `kernel.formatting`.
"""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ti_desktop.domain.enums import DecisionState, MinutesState
from ti_desktop.kernel.formatting import format_date, format_euros, format_number, format_percent
from ti_desktop.kernel.progress import Progress
from ti_desktop.reports import labels
from ti_desktop.reports.fonts import BOLD
from ti_desktop.reports.minutes_data import ActionState, MinutesData, MinutesDecision, MinutesItem
from ti_desktop.reports.minutes_document import minutes_document
from ti_desktop.reports.page import (
    PAGE_HEIGHT,
    DocumentInfo,
    PagedDocument,
    PageLayout,
    RunningHeader,
    build_pdf,
)
from ti_desktop.reports.pdf_data import carry_data, prepare_data
from ti_desktop.reports.styles import (
    ACCENT,
    ALERT,
    ALERT_BG,
    HEADER_BG,
    MUTED,
    OK,
    RULE,
    STATUS_COLOURS,
    ZEBRA,
    Styles,
    build_styles,
    safe,
)
from ti_desktop.reports.tables import data_table, header_row, plural

LAYOUT = PageLayout(margin_x=1.6 * cm)
CONTENT_WIDTH = LAYOUT.content_width

TITLE = "Relevé de décisions et compte rendu"
DRAFT = "Projet de compte rendu"
OTHER_DECISIONS = "Autres décisions"

_STATE_COLOURS = {
    DecisionState.A_FAIRE: ACCENT,
    DecisionState.FAIT: OK,
    DecisionState.ABANDONNE: MUTED,
}


# -- page decoration ------------------------------------------------------------------------------


class _MinutesDocument(PagedDocument):
    def __init__(self, target: str | BinaryIO, data: MinutesData, step: Callable[[], None]) -> None:
        prefix = TITLE if data.closed else DRAFT
        info = DocumentInfo(
            title=f"{prefix} – {data.meeting_label}",
            author=data.territory,
            subject=f"{data.meeting_label} – {data.territory}",
            app_version=data.app_version,
            generated_on=data.generated_on,
        )
        super().__init__(target, LAYOUT, info, step)
        if data.closed:
            self._header = RunningHeader(left=data.territory, right=data.meeting_label)
        else:
            self._header = RunningHeader(
                left=data.territory, right=f"{DRAFT} – {data.meeting_label}", right_font=BOLD, right_colour=ALERT
            )
        self.addPageTemplates([PageTemplate("page", [LAYOUT.frame("body")], onPage=self._decorate)])

    def _decorate(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        self.draw_page(canvas, self._header)


# -- small builders --------------------------------------------------------------------------------


def _heading(styles: Styles, text: str, style: ParagraphStyle | None = None) -> Paragraph:
    return styles.p(text, style or styles.h2)


SHORT_BLOCK = 11 * cm  # a table shorter than this is not split across pages


def _section(styles: Styles, text: str, content: Flowable | None = None) -> list[Flowable]:
    """A section heading, moved to the next page unless the start of its content fits below it — or, for a
    short table (`content`), unless all of it fits. (Not keepWithNext: reportlab would glue the heading to a
    long table and push both to a new page.)"""
    needed = 4.5 * cm
    if content is not None:
        _width, height = content.wrap(CONTENT_WIDTH, PAGE_HEIGHT)
        if height + 1.5 * cm <= SHORT_BLOCK:
            needed = max(needed, height + 1.5 * cm)
    return [CondPageBreak(needed), _heading(styles, text)]


def _grid_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    for command in extra:
        style.add(*command)
    return style


def _state_markup(decision: MinutesDecision, *, short: bool = False) -> str:
    colour = ALERT if decision.overdue else _STATE_COLOURS[decision.state]
    label = escape(decision.state_label)
    if decision.overdue:
        label += ", en retard" if short else " – échéance dépassée"
    return f'<font color="#{colour.hexval()[2:]}">{label}</font>'


def _status_markup(state: ActionState) -> str:
    markup = f'<font color="{STATUS_COLOURS[state.status]}">●</font> {escape(state.status_label)}'
    if state.late:
        markup += f' · <font color="#{ALERT.hexval()[2:]}"><b>en retard</b></font>'
    return markup


# -- title block ------------------------------------------------------------------------------------


def _title_block(data: MinutesData, styles: Styles) -> list[Flowable]:
    title_style = ParagraphStyle("minutes_title", parent=styles.title, fontSize=19, leading=24, spaceAfter=4)
    story: list[Flowable] = [
        styles.markup(f"{escape(TITLE)} —<br/>{safe(data.meeting_label)}", title_style),
        styles.p(data.territory, styles.subtitle),
    ]
    if not data.closed:
        banner = Table(
            [
                [
                    styles.markup(
                        f'<font color="#{ALERT.hexval()[2:]}"><b>{escape(DRAFT)}</b></font> — '
                        "la réunion n'est pas encore close : ce document peut encore être modifié "
                        "et n'a pas valeur de compte rendu validé.",
                        styles.small,
                    )
                ]
            ],
            colWidths=[CONTENT_WIDTH],
            hAlign="LEFT",
        )
        banner.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), ALERT_BG),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, ALERT),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        story += [Spacer(1, 4), banner]
    facts: list[tuple[str, str]] = [
        ("Instance", data.kind_label),
        ("Date", format_date(data.held_on)),
        ("Lieu", data.place or "—"),
        ("Territoire", data.territory + (f" ({data.region})" if data.region else "")),
        ("Participants", plural(len(data.participants), "participant", "participants")),
        (
            "Ordre du jour",
            f"{plural(len(data.items), 'point', 'points')}, "
            f"{plural(len(data.decisions), 'décision prise', 'décisions prises')}",
        ),
        # The words of the meeting page's « Compte rendu » (`domain.meeting_minutes`).
        (
            "Compte rendu",
            MinutesState.VALIDE.label if data.closed else f"{MinutesState.BROUILLON.label} (réunion non close)",
        ),
    ]
    table = Table(
        [[styles.cell_text(label, styles.cell_bold), styles.cell_text(value, styles.small)] for label, value in facts],
        colWidths=[3.4 * cm, CONTENT_WIDTH - 3.4 * cm],
        hAlign="LEFT",
    )
    table.setStyle(_grid_style([("LINEBEFORE", (0, 0), (0, -1), 2.5, HEADER_BG)]))
    story += [Spacer(1, 8), table]
    return story


def _participants(data: MinutesData, styles: Styles) -> list[Flowable]:
    title = f"Participants ({format_number(len(data.participants))})"
    if not data.participants:
        return [*_section(styles, title), styles.p("Aucun participant n'a été renseigné.", styles.muted)]
    rows: list[list[Any]] = [header_row(styles, ["Nom", "Organisation", "Qualité"])]
    for participant in data.participants:
        rows.append(
            [
                styles.cell_text(participant.name, styles.cell_bold),
                styles.cell_text(participant.organisation or "—", styles.cell),
                styles.cell_text(participant.role or "—", styles.cell),
            ]
        )
    widths = [5.0 * cm, CONTENT_WIDTH - 9.2 * cm, 4.2 * cm]
    table = data_table(rows, widths)
    return [*_section(styles, title, table), table]


def _agenda(data: MinutesData, styles: Styles) -> list[Flowable]:
    if not data.items:
        return [*_section(styles, "Ordre du jour"), styles.p("L'ordre du jour est vide.", styles.muted)]
    rows: list[list[Any]] = []
    for item in data.items:
        count = len(item.decisions)
        rows.append(
            [
                styles.markup(f"<b>{item.position}.</b>", styles.cell_right),
                styles.p(item.title, styles.small),
                styles.p(plural(count, "décision", "décisions") if count else "", styles.muted),
            ]
        )
    if data.other_decisions:
        count = len(data.other_decisions)
        rows.append(
            [
                "",
                styles.markup(f"<i>{escape(OTHER_DECISIONS)}</i>", styles.small),
                styles.p(plural(count, "décision", "décisions"), styles.muted),
            ]
        )
    table = Table(rows, colWidths=[0.9 * cm, CONTENT_WIDTH - 3.6 * cm, 2.7 * cm], hAlign="LEFT")
    table.setStyle(_grid_style([("LEFTPADDING", (1, 0), (1, -1), 6)]))
    return [*_section(styles, "Ordre du jour", table), table]


PRIORITIES = "Priorités du programme"
EMPTY_PRIORITY = "Aucune action sur cet axe à l'ordre du jour."


def _priorities(data: MinutesData, styles: Styles) -> list[Flowable]:
    """Every axis of the plan, the programme's four priorities first, with the points and the decisions about its
    actions: an axis the meeting did not examine says so, it is never left out."""
    if not data.priorities:
        return []
    rows: list[list[Any]] = [header_row(styles, ["Axe", "Points de l'ordre du jour", "Décisions"], 2)]
    for line in data.priorities:
        if line.items:
            numbers = ", ".join(str(position) for position in line.items)
            examined = ("Point " if len(line.items) == 1 else "Points ") + numbers
        else:
            examined = EMPTY_PRIORITY
        rows.append(
            [
                styles.cell_text(f"{line.code} – {line.label}", styles.cell_bold),
                styles.cell_text(examined, styles.cell),
                styles.cell_text(plural(line.decisions, "décision", "décisions"), styles.cell_right),
            ]
        )
    table = data_table(rows, [6.0 * cm, CONTENT_WIDTH - 8.6 * cm, 2.6 * cm])
    return [*_section(styles, PRIORITIES, table), table]


# -- agenda items -------------------------------------------------------------------------------------


def _dates(state: ActionState) -> str:
    if state.planned_start is None and state.planned_end is None:
        return "non fixées"
    return f"{format_date(state.planned_start, empty='?')} → {format_date(state.planned_end, empty='?')}"


def _action_state(state: ActionState, data: MinutesData, styles: Styles) -> list[Flowable]:
    reference = f"<b>{safe(state.code)}</b> – {safe(state.title)}" if state.code else f"<b>{safe(state.title)}</b>"
    if state.axis:
        reference += f' <font color="#57606a">({safe(state.axis)})</font>'
    if state.requested_funding or state.secured_funding:
        funding = f"{format_euros(state.secured_funding)} acquis sur {format_euros(state.requested_funding)} demandés"
    else:
        funding = "aucun financement demandé"
    facts: list[tuple[str, str | None]] = [
        (labels.STATUS, None),
        (labels.PROGRESS, format_percent(state.progress / 100)),
        ("Dates prévues", _dates(state)),
        (labels.LEAD, state.lead or "—"),
        ("Budget prévu", format_euros(state.planned_budget)),
        ("Financements", funding),
    ]
    cells: list[list[Any]] = []
    for label, value in facts:
        shown = (
            styles.markup(_status_markup(state), styles.cell) if value is None else styles.cell_text(value, styles.cell)
        )
        cells.append([styles.cell_text(label, styles.cell_bold), shown])
    half = (len(cells) + 1) // 2
    grid = [left + right for left, right in zip(cells[:half], cells[half:], strict=True)]
    # Status, progress and dates on the left are short; the lead and the funding line need the room.
    label_width, left_value = 2.5 * cm, 5.3 * cm
    right_value = CONTENT_WIDTH - 2 * label_width - left_value
    table = Table(grid, colWidths=[label_width, left_value, label_width, right_value], hAlign="LEFT")
    table.setStyle(_grid_style([("BACKGROUND", (0, 0), (-1, -1), ZEBRA), ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE)]))
    reference += f' · <font color="#57606a">situation\xa0au\xa0{format_date(data.generated_on)}</font>'
    story: list[Flowable] = [styles.markup(f"Action : {reference}", styles.small), table]
    lines: list[str] = []
    for milestone in state.overdue_milestones:
        lines.append(f'<font color="#{ALERT.hexval()[2:]}">Jalon dépassé :</font> {safe(milestone)}')
    if data.previous_held_on is not None:
        since = f"Depuis le comité du {format_date(data.previous_held_on)}"
        if state.changes:
            lines.append(f"<i>{since} :</i> " + " ; ".join(safe(change) for change in state.changes) + ".")
        else:
            lines.append(f"<i>{since} :</i> aucun changement de statut, d'avancement, de date ni de financement.")
    if lines:
        story.append(Spacer(1, 2))
        story += [styles.markup(line, styles.small) for line in lines]
    return story


def _decision_block(decision: MinutesDecision, styles: Styles, item_code: str | None) -> Table:
    details = [
        f"Responsable : <b>{safe(decision.owner)}</b>" if decision.owner else "Responsable : non désigné",
        f"Échéance : <b>{format_date(decision.due_on)}</b>" if decision.due_on else "Échéance : non fixée",
        f"État : {_state_markup(decision)}",
    ]
    if (decision.action_code or decision.action_title) and (item_code is None or decision.action_code != item_code):
        details.insert(0, f"Action : {safe(decision.action)}")  # not the item's own action: say which
    content = [
        styles.p(decision.text, styles.body),
        styles.markup(" · ".join(details), styles.muted),
    ]
    table = Table(
        [[styles.markup(f"<b>D{decision.number}</b>", styles.small), content]],
        colWidths=[1.1 * cm, CONTENT_WIDTH - 1.1 * cm],
        hAlign="LEFT",
        splitInRow=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, _STATE_COLOURS[decision.state]),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f7f9fb")),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _decision_groups(
    decisions: Sequence[MinutesDecision], styles: Styles, item_code: str | None = None, *, label: bool = True
) -> list[list[Flowable]]:
    """One group per decision (the first with its label), each to be kept on one page. reportlab mishandles
    a KeepTogether nested in another one (it pushes the outer block to a new page), so groups stay lists."""
    if not decisions:
        return [[styles.p("Aucune décision sur ce point.", styles.muted)]]
    caption = "Décision prise" if len(decisions) == 1 else "Décisions prises"
    groups: list[list[Flowable]] = []
    for index, decision in enumerate(decisions):
        group: list[Flowable] = [_decision_block(decision, styles, item_code), Spacer(1, 3)]
        if index == 0 and label:
            group.insert(0, styles.markup(f"<b>{caption}</b>", styles.small))
        groups.append(group)
    return groups


def _item(item: MinutesItem, data: MinutesData, styles: Styles, before: Sequence[Flowable] = ()) -> list[Flowable]:
    head: list[Flowable] = [*before, _heading(styles, f"{item.position}. {item.title}", styles.h3)]
    if item.notes:
        head.append(styles.p(item.notes, styles.muted))
    if item.action is not None:
        head += _action_state(item.action, data, styles)
    head.append(Spacer(1, 4))
    code = item.action.code if item.action is not None else None
    first, *others = _decision_groups(item.decisions, styles, code)
    # The heading, the state and the first decision stay together: no heading alone at a page's foot.
    return [KeepTogether([*head, *first]), *(KeepTogether(group) for group in others), Spacer(1, 6)]


def _items(data: MinutesData, styles: Styles) -> list[Flowable]:
    heading = _heading(styles, "Points examinés")
    story: list[Flowable] = []
    if not data.items:
        story += [
            *_section(styles, "Points examinés"),
            styles.p("Aucun point n'a été inscrit à l'ordre du jour.", styles.muted),
        ]
    for index, item in enumerate(data.items):
        # The section's heading goes with its first item.
        story += _item(item, data, styles, before=[] if index else [heading])
    if data.other_decisions:
        first, *others = _decision_groups(data.other_decisions, styles, label=False)
        story.append(KeepTogether([_heading(styles, OTHER_DECISIONS, styles.h3), *first]))
        story += [KeepTogether(group) for group in others]
    return story


# -- the full list ---------------------------------------------------------------------------------------


def _register(data: MinutesData, styles: Styles) -> list[Flowable]:
    title = f"Relevé des décisions ({format_number(len(data.decisions))})"
    if not data.decisions:
        return [
            *_section(styles, title),
            styles.p("Aucune décision n'a été prise lors de cette réunion.", styles.muted),
        ]
    rows: list[list[Any]] = [header_row(styles, ["N°", "Décision", "Action", "Responsable", "Échéance", "État"])]
    for decision in data.decisions:
        if decision.action_code or decision.action_title:
            action = f"<b>{safe(decision.action_code)}</b>" if decision.action_code else ""
            if decision.action_title:
                action += (" – " if action else "") + safe(decision.action_title)
            action_cell = styles.markup(action, styles.cell)
        else:
            action_cell = styles.cell_text("—", styles.cell)
        rows.append(
            [
                styles.markup(f"<b>D{decision.number}</b>", styles.cell),
                styles.cell_text(decision.text, styles.cell),
                action_cell,
                styles.cell_text(decision.owner or "—", styles.cell),
                styles.cell_text(format_date(decision.due_on), styles.cell),
                styles.markup(_state_markup(decision, short=True), styles.cell),
            ]
        )
    widths = [0.9 * cm, CONTENT_WIDTH - 11.6 * cm, 4.2 * cm, 2.6 * cm, 1.8 * cm, 2.1 * cm]
    # splitInRow: a decision longer than a page is split inside its row instead of failing the layout.
    table = data_table(rows, widths, split_in_row=True)
    story = [*_section(styles, title, table), table]
    pending = sum(1 for decision in data.decisions if decision.state is DecisionState.A_FAIRE)
    story.append(Spacer(1, 4))
    if pending == 0:
        closing = "Toutes les décisions de cette réunion sont faites ou abandonnées."
    elif pending == 1:
        closing = "1 décision reste à faire ; elle sera reprise à l'ordre du jour du prochain comité."
    else:
        closing = (
            f"{format_number(pending)} décisions restent à faire ; "
            "elles seront reprises à l'ordre du jour du prochain comité."
        )
    story.append(styles.p(closing, styles.muted))
    return story


# -- the document ---------------------------------------------------------------------------------------


def build_story(data: MinutesData, styles: Styles) -> list[Flowable]:
    story = _title_block(data, styles)
    story += _participants(data, styles)
    story += _agenda(data, styles)
    story += _priorities(data, styles)
    if data.notes:
        text = ParagraphStyle("minutes_notes", parent=styles.body, allowWidows=0, allowOrphans=0)
        story += [*_section(styles, "Synthèse des échanges"), styles.p(data.notes, text)]
    story += _items(data, styles)
    story += _register(data, styles)
    return story


def build_minutes(data: MinutesData, target: Path | str | BinaryIO, step: Progress | None = None) -> None:
    """Write the minutes to `target` (a path or a binary stream). `step(done, total)` is called after each
    laid-out block; it may raise to stop."""
    carried = prepare_data(minutes_document(data))  # the minutes carry their data
    story = build_story(data, build_styles())
    build_pdf(
        story,
        target,
        step,
        lambda destination, advance: _MinutesDocument(destination, data, advance),
        on_save=lambda canvas: carry_data(canvas, carried),
    )
