"""One agenda item on the projector: for an action its state, money, milestones, latest news, what changed
since the last comité and the decisions; for a free item its notes and decisions.

The screen is rebuilt from an `ItemView` each time something changes. It starts at the nominal type size and
shrinks a little (down to `theme.MIN_FIT`) when the item holds more than the screen; beyond that, ↑/↓ scroll.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain.records import ActionRecord, MeetingRecord
from ti_desktop.gui.meeting_mode import theme
from ti_desktop.gui.meeting_mode.texts import (
    FUNDING_COLOURS,
    decided_on,
    decision_details,
    late_by,
    shorten,
    tr,
)
from ti_desktop.gui.meeting_mode.theme import Theme, apply_fonts, chip_style, status_chip_style
from ti_desktop.gui.meeting_mode.widgets import ElidedLabel, ProgressBar, chip, label, shown_text
from ti_desktop.kernel.formatting import format_date, format_euros, format_percent
from ti_desktop.services.meetings import DecisionRow, FundingView, ItemView

FIT_STEPS = (1.0, 0.96, 0.92, 0.88, 0.85, 0.82, theme.MIN_FIT)
FREE_ITEM_FIT_STEPS = (1.3, 1.15, *FIT_STEPS)  # a free item holds little: larger type when it fits
MAX_MILESTONES = 6
LATEST_TEXT = 230  # characters of the latest progress update's texts
NOTES_TEXT = 170  # characters of an action item's notes


@dataclass(frozen=True, slots=True)
class ItemContext:
    """What the screen needs besides the item: the day, and the comité "what changed" refers to."""

    today: dt.date
    previous: MeetingRecord | None


class ItemScreen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.more = label(tr("▼ La suite plus bas : touche ↓"), "more", self, wrap=False)
        self.more.setObjectName("more")
        self.more.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.more.hide()
        bar = self.area.verticalScrollBar()
        bar.rangeChanged.connect(self._update_more)
        bar.valueChanged.connect(self._update_more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.more)
        self.theme = Theme(10.8)
        self.view: ItemView | None = None
        self.fit = 1.0

    # -- what the tests and the window read ----------------------------------------------------
    def texts(self) -> list[str]:
        """Every text the screen shows, top to bottom, as the room reads it (without markup)."""
        content = self.area.widget()
        if content is None:
            return []
        return [shown_text(child) for child in content.findChildren(QLabel) if child.text()]

    def scroll_by(self, steps: int) -> None:
        bar = self.area.verticalScrollBar()
        bar.setValue(bar.value() + steps * bar.pageStep() // 3)

    def _update_more(self, *_args: object) -> None:
        bar = self.area.verticalScrollBar()
        self.more.setVisible(bar.value() < bar.maximum())

    # -- building -------------------------------------------------------------------------------
    def show_empty(self, message: str, theme_: Theme) -> None:
        self.view = None
        self.theme = theme_
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(theme_.margin, theme_.margin, theme_.margin, theme_.margin)
        layout.addStretch(1)
        text = label(message, "title", content)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        layout.addStretch(1)
        self.area.setWidget(content)
        apply_fonts(content, theme_)

    def show_item(self, view: ItemView, context: ItemContext, theme_: Theme) -> None:
        """Show `view`, at the largest type size (within FIT_STEPS) that holds it without scrolling."""
        self.view = view
        self.theme = theme_
        position = self.area.verticalScrollBar().value() if self.area.widget() is not None else 0
        steps = FIT_STEPS if view.action is not None else FREE_ITEM_FIT_STEPS
        # The milestones go under the decisions (left) or under the funding (right): whichever gives more room.
        arrangements = (True, False) if view.action is not None and view.milestones else (True,)
        best: tuple[float, int, bool] | None = None  # the largest type, then the shortest page
        for milestones_left in arrangements:
            self.area.setWidget(self._build(view, context, milestones_left))
            fit, needed = self._fit(steps)
            if best is None or (fit, -needed) > (best[0], -best[1]):
                best = (fit, needed, milestones_left)
        if best is not None and best[2] != milestones_left:
            self.area.setWidget(self._build(view, context, best[2]))
            self._fit(steps)
        self.area.verticalScrollBar().setValue(position)

    def _fit(self, steps: tuple[float, ...]) -> tuple[float, int]:
        """Apply the largest type size of `steps` that holds the content (the smallest when none does);
        return it with the height the content then needs."""
        content = self.area.widget()
        needed = 0
        if content is None:
            return self.fit, needed
        for fit in steps:
            room, needed = self._measure(content, fit)
            if needed <= room:
                break
        return self.fit, needed

    def _measure(self, content: QWidget, fit: float) -> tuple[int, int]:
        """Apply the type size `fit`; return the room the area gives and the height the content needs.

        The width is measured as with a scroll bar: once the content is borderline, the area keeps one."""
        self.fit = fit
        theme_ = self.theme.with_fit(fit)
        apply_fonts(content, theme_)
        self._apply_spacing(content, theme_)
        area = self.area.contentsRect()
        width = area.width() - self.area.verticalScrollBar().sizeHint().width()
        layout = content.layout()
        if area.height() <= 0 or layout is None:
            return 1, 0
        layout.activate()
        needed: int = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        if needed < 0:
            needed = layout.totalSizeHint().height()
        return area.height(), needed

    def _apply_spacing(self, content: QWidget, theme_: Theme) -> None:
        margin = theme_.margin
        for layout in [content.layout(), *content.findChildren(QVBoxLayout), *content.findChildren(QHBoxLayout)]:
            if layout is None:
                continue
            kind = layout.property("spacing_kind")
            if kind == "page":
                layout.setContentsMargins(margin, round(margin * 0.6), margin, margin)
                layout.setSpacing(theme_.gap)
            elif kind == "columns":
                layout.setSpacing(margin * 2)
            elif kind == "column":
                layout.setSpacing(theme_.px(0.9))
            elif kind == "row":
                layout.setSpacing(theme_.px(1.2))
        for grid in content.findChildren(QGridLayout):
            grid.setHorizontalSpacing(theme_.px(1.6))
            grid.setVerticalSpacing(theme_.px(0.3))
        for bar in content.findChildren(ProgressBar):
            bar.setFixedHeight(theme_.px(3.4))

    def _build(self, view: ItemView, context: ItemContext, milestones_left: bool = True) -> QWidget:
        content = QWidget()
        page = QVBoxLayout(content)
        page.setProperty("spacing_kind", "page")
        if view.action is None:
            self._build_free_item(content, page, view, context)
        else:
            self._build_action(content, page, view, view.action, context, milestones_left)
        page.addStretch(1)
        return content

    def _build_free_item(self, content: QWidget, page: QVBoxLayout, view: ItemView, context: ItemContext) -> None:
        title = label(view.item.title, "title", content)
        title.setObjectName("itemTitle")
        page.addWidget(title)
        notes = (view.item.notes or "").strip()
        if notes:
            block = label(notes, "", content)
            block.setObjectName("itemNotes")
            page.addWidget(block)
        else:
            page.addWidget(label(tr("Pas de notes pour ce point."), "muted", content))
        page.addLayout(self._decisions(content, view, context, pending=False))

    def _build_action(
        self,
        content: QWidget,
        page: QVBoxLayout,
        view: ItemView,
        action: ActionRecord,
        context: ItemContext,
        milestones_left: bool,
    ) -> None:
        heading = f"<b>{escape(action.code)}</b> – {escape(action.title)}" if action.code else escape(action.title)
        title = label(heading, "title", content, rich=True)
        title.setObjectName("itemTitle")
        page.addWidget(title)
        meta = [
            tr("Axe : {axis}").format(axis=view.axis_label or tr("non précisé")),
            tr("Porteur : {lead}").format(lead=view.lead_name or tr("non désigné")),
            tr("Priorité {priority}").format(priority=action.priority.label.lower()),
        ]
        page.addWidget(label("   ·   ".join(meta), "muted", content))
        if view.item.notes and view.item.notes.strip():  # why it is on the agenda, or the chef de projet's note
            notes = label(shorten(view.item.notes, NOTES_TEXT), "muted", content)
            notes.setObjectName("itemNotes")
            page.addWidget(notes)
        columns = QHBoxLayout()
        columns.setProperty("spacing_kind", "columns")
        left = QVBoxLayout()
        right = QVBoxLayout()
        for column in (left, right):
            column.setProperty("spacing_kind", "column")
        columns.addLayout(left, 10)
        columns.addLayout(right, 11)
        page.addLayout(columns)

        self._state(content, left, view, action, context)
        self._changes(content, left, view, context)
        left.addLayout(self._decisions(content, view, context, pending=True))
        self._funding(content, right, view)
        self._milestones(content, left if milestones_left else right, view, context)
        self._updates(content, right, view)
        left.addStretch(1)
        right.addStretch(1)

    # -- the parts ------------------------------------------------------------------------------
    def _state(
        self, content: QWidget, column: QVBoxLayout, view: ItemView, action: ActionRecord, context: ItemContext
    ) -> None:
        chips = QHBoxLayout()
        chips.setProperty("spacing_kind", "row")
        status = chip(action.status.label, status_chip_style(action.status), content)
        status.setObjectName("statusChip")
        chips.addWidget(status)
        if view.late:
            chips.addWidget(chip(tr("EN RETARD"), chip_style(theme.ALERT), content))
        if action.to_discuss:
            chips.addWidget(chip(tr("À DISCUTER"), chip_style(theme.DISCUSS), content))
        chips.addStretch(1)
        column.addLayout(chips)

        progress = QHBoxLayout()
        progress.setProperty("spacing_kind", "row")
        progress.addWidget(ProgressBar(action.progress, self.theme.px(3.4), content), 1)
        percent = label(format_percent(action.progress / 100), "big", content, wrap=False)
        percent.setObjectName("progressLabel")
        progress.addWidget(percent)
        column.addLayout(progress)

        start = format_date(action.planned_start, empty=tr("non fixé"))
        end = format_date(action.planned_end, empty=tr("non fixée"))
        parts = [tr("Début : {start}").format(start=start), tr("Fin prévue : {end}").format(end=end)]
        if action.actual_end is not None:
            parts.append(tr("Achevée le {date}").format(date=format_date(action.actual_end)))
        # Lines break only between the parts, never inside one.
        dates = "&nbsp; · &nbsp;".join(escape(part).replace(" ", "&nbsp;") for part in parts)
        if view.late:
            late = escape(late_by(action.planned_end, context.today)).replace(" ", "&nbsp;")
            dates += f' <span style="color:{theme.ALERT}; font-weight:700;">—&nbsp;{late}</span>'
        column.addWidget(label(dates, "small", content, rich=True))

    def _changes(self, content: QWidget, column: QVBoxLayout, view: ItemView, context: ItemContext) -> None:
        if context.previous is None:
            column.addWidget(label(tr("Ce qui a changé depuis le dernier comité"), "heading", content))
            column.addWidget(label(tr("Premier comité : pas encore de point de comparaison."), "muted", content))
            return
        column.addWidget(
            label(
                tr("Ce qui a changé depuis le comité du {date}").format(date=format_date(context.previous.held_on)),
                "heading",
                content,
            )
        )
        if not view.changes:
            column.addWidget(label(tr("Aucun changement."), "muted", content))
        for line in view.changes:
            column.addWidget(label(f"• {line}", "small", content))

    def _milestones(self, content: QWidget, column: QVBoxLayout, view: ItemView, context: ItemContext) -> None:
        column.addWidget(label(tr("Jalons"), "heading", content))
        if not view.milestones:
            column.addWidget(label(tr("Aucun jalon."), "muted", content))
            return
        shown = list(view.milestones)
        hidden = 0
        if len(shown) > MAX_MILESTONES:  # keep the overdue and the next ones, drop the oldest done
            done = [m for m in shown if m.done_on is not None]
            drop = len(shown) - MAX_MILESTONES
            dropped = {m.id for m in done[:drop]}
            shown = [m for m in shown if m.id not in dropped]
            hidden = len(dropped)
        if hidden:
            column.addWidget(
                label(tr("… {count} jalon(s) atteint(s) plus ancien(s)").format(count=hidden), "muted", content)
            )
        for milestone in shown:
            title = escape(shorten(milestone.title, 90))
            if milestone.done_on is not None:
                text = f'<span style="color:{theme.DONE};">✔</span> {format_date(milestone.done_on)} &nbsp;{title}'
            elif milestone.id in view.overdue_milestone_ids:
                due = format_date(milestone.due_on)
                overdue = escape(tr("dépassé"))
                text = f'<span style="color:{theme.ALERT}; font-weight:700;">⚠ {due} &nbsp;{title} — {overdue}</span>'
            else:
                text = f"○ {format_date(milestone.due_on, empty=tr('sans date'))} &nbsp;{title}"
            column.addWidget(label(text, "small", content, rich=True))

    def _funding(self, content: QWidget, column: QVBoxLayout, view: ItemView) -> None:
        column.addWidget(label(tr("Financements"), "heading", content))
        if not view.funding:
            column.addWidget(label(tr("Aucun financement renseigné."), "muted", content))
            return
        grid = QGridLayout()
        headers = (tr("Financeur"), tr("Demandé"), tr("Accordé"), tr("Statut"))
        for col, text in enumerate(headers):
            header = label(text, "muted", content, wrap=False)
            if col in (1, 2):
                header.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(header, 0, col)
        for row, line in enumerate(view.funding, start=1):
            grid.addWidget(self._funder(content, line), row, 0)
            requested = label(format_euros(line.requested), "small", content, wrap=False)
            granted = label(format_euros(line.granted), "small", content, wrap=False)
            for col, amount in ((1, requested), (2, granted)):
                amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(amount, row, col)
            colour = FUNDING_COLOURS.get(line.status, theme.TEXT)
            status = label(
                f'<span style="color:{colour}; font-weight:700;">{escape(line.status.label)}</span>',
                "small",
                content,
                rich=True,
                wrap=False,
            )
            status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(status, row, 3)
        grid.setColumnStretch(0, 1)
        column.addLayout(grid)
        share = view.secured_total / view.requested_total if view.requested_total else None
        totals = tr("Total demandé : {requested}   ·   Acquis : {secured}").format(
            requested=format_euros(view.requested_total), secured=format_euros(view.secured_total)
        )
        if share is not None:
            totals += f" ({format_percent(share)})"
        total = label(f"<b>{escape(totals)}</b>", "small", content, rich=True)
        total.setObjectName("fundingTotals")
        column.addWidget(total)

    def _funder(self, content: QWidget, line: FundingView) -> QWidget:
        box = QWidget(content)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(ElidedLabel(line.funder, "small", box))
        if line.programme:
            layout.addWidget(ElidedLabel(line.programme, "muted", box))
        return box

    def _updates(self, content: QWidget, column: QVBoxLayout, view: ItemView) -> None:
        column.addWidget(label(tr("Derniers points d'avancement"), "heading", content))
        if not view.latest_updates:
            column.addWidget(label(tr("Aucun point d'avancement."), "muted", content))
            return
        for index, update in enumerate(view.latest_updates):
            who = tr("{date} · {author} · {status}, {progress}").format(
                date=format_date(update.reported_on),
                author=update.author or tr("auteur non précisé"),
                status=update.status.label.lower(),
                progress=format_percent(update.progress / 100),
            )
            head = f"<b>{escape(who)}</b>"
            if update.alert:
                head += f' <span style="color:{theme.ALERT}; font-weight:700;">⚠ {escape(tr("alerte"))}</span>'
            column.addWidget(label(head, "small", content, rich=True))
            if index > 0:  # the older ones: one line, the difficulty first
                if update.difficulties:
                    column.addWidget(
                        ElidedLabel(tr("Difficultés : ") + " ".join(update.difficulties.split()), "muted", content)
                    )
                elif update.done:
                    column.addWidget(ElidedLabel(tr("Fait : ") + " ".join(update.done.split()), "muted", content))
                continue
            if update.done:
                done = escape(shorten(update.done, LATEST_TEXT))
                column.addWidget(label(f"<b>{escape(tr('Fait :'))}</b> {done}", "small", content, rich=True))
            if update.difficulties:
                hard = escape(shorten(update.difficulties, LATEST_TEXT))
                column.addWidget(
                    label(
                        f'<b style="color:{theme.ALERT};">{escape(tr("Difficultés :"))}</b> {hard}',
                        "small",
                        content,
                        rich=True,
                    )
                )

    def _decisions(self, content: QWidget, view: ItemView, context: ItemContext, *, pending: bool) -> QVBoxLayout:
        block = QVBoxLayout()
        block.setProperty("spacing_kind", "column")
        count = len(view.decisions)
        title = tr("Décisions de ce comité ({count})").format(count=count) if count else tr("Décisions de ce comité")
        block.addWidget(label(title, "heading", content))
        if not view.decisions:
            block.addWidget(
                label(tr("Aucune décision pour l'instant — touche D pour en ajouter une."), "muted", content)
            )
        for number, row in enumerate(view.decisions, start=1):
            block.addWidget(self._decision(content, row, context, f"{number}."))
        if pending and view.pending_decisions:
            block.addWidget(
                label(
                    tr("Décisions en attente des comités précédents ({count})").format(
                        count=len(view.pending_decisions)
                    ),
                    "heading",
                    content,
                )
            )
            for row in view.pending_decisions:
                block.addWidget(self._decision(content, row, context, "•", earlier=True))
        return block

    def _decision(
        self, content: QWidget, row: DecisionRow, context: ItemContext, mark: str, *, earlier: bool = False
    ) -> QWidget:
        box = QWidget(content)
        box.setObjectName("decision")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        text = label(f"{mark} {shorten(row.decision.text, 240)}", "strong", box)
        layout.addWidget(text)
        details = decision_details(row, context.today)
        if earlier:
            details = f"{details} · {escape(decided_on(row))}"
        layout.addWidget(label(details, "muted", box, rich=True))
        return box
