"""Région: the reports the territories sent, consolidated — files added in the background (each file's verdict
said), the programme's key figures, one row per territory, totals per axis and per funder, the evolutions, the
received reports (one can be removed), and the regional synthesis exported as PDF or xlsx. Every figure opens the
actions it counts, from each territory's latest report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QTableView,
    QWidget,
)

from ti_desktop.domain.access import AccessLevel
from ti_desktop.domain.consolidation import (
    AxisTotal,
    ConsolidatedView,
    EvolutionStep,
    FunderTotal,
    TerritoryRow,
)
from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.field_errors import as_error_label, set_error
from ti_desktop.gui.forms.ui_region_page import Ui_RegionPage
from ti_desktop.gui.jobs import Job, JobRunner
from ti_desktop.gui.models.records import Column, RecordTableModel
from ti_desktop.gui.pages.base import Page
from ti_desktop.gui.pages.dashboard import FigureTile
from ti_desktop.gui.pages.region_dialogs import ActionsDialog, VerdictsDialog
from ti_desktop.gui.pages.region_models import (
    SORT_ROLE,
    ActionLine,
    StoredLike,
    TerritoryModel,
    VerdictLike,
    euros,
    period_text,
    stored_columns,
)
from ti_desktop.gui.read_only import Reading
from ti_desktop.gui.tables import fit_columns, read_only_table
from ti_desktop.gui.theme import Role, apply_roles, scaled_font, set_role
from ti_desktop.kernel.formatting import format_date, format_euros, format_number
from ti_desktop.services.consolidation import AddOutcome
from ti_desktop.services.use_cases import HasAccess, HasConsolidation, HasSynthesis

FOLDER_KEY = "region/dossier"  # the folder reports were last added from
EXPORT_KEY = "region/export"  # the folder the synthesis was last written to
TILES_PER_ROW = 6


# -- the use cases the page needs (structural: the consolidation and synthesis services fit) --------------------------
class RegionPageServices(HasAccess, HasConsolidation, HasSynthesis, Protocol):
    """What RegionPage uses."""


@dataclass(frozen=True, slots=True)
class EvolutionLine:
    territory: str
    step: EvolutionStep
    first: bool  # the territory's first period (its name is shown once)
    previous: EvolutionStep | None = None  # the report before it, which « Depuis le précédent » compares with


def _signed(value: Decimal | int, unit: str = "") -> str:
    text = format_euros(value) if unit == "€" else format_number(value)
    return f"+{text}" if value > 0 else text


def change_text(line: EvolutionLine) -> str:
    """What moved since the territory's previous report: « +6 réalisées, +200 000 € accordés, +30 emplois créés »."""
    if line.previous is None:
        return ""
    new, old = line.step.figures, line.previous.figures
    parts = []
    for label, difference, unit in (
        ("actions", new.actions - old.actions, ""),
        ("réalisées", new.count(ActionStatus.REALISEE) - old.count(ActionStatus.REALISEE), ""),
        ("bloquées", new.count(ActionStatus.BLOQUEE) - old.count(ActionStatus.BLOQUEE), ""),
        ("de budget", new.planned_budget - old.planned_budget, "€"),
        ("accordés", new.granted - old.granted, "€"),
        ("versés", new.paid - old.paid, "€"),
        ("emplois créés", new.jobs_created - old.jobs_created, ""),
    ):
        if difference:
            parts.append(f"{_signed(difference, unit)} {label}")
    return ", ".join(parts) or _tr("aucun changement")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RegionPage", text)


class TerritoryProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE; the totals row stays last, whatever the order."""

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # type: ignore[override]
        model = self.sourceModel()
        assert isinstance(model, TerritoryModel)
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        if model.is_totals(left.row()):
            return not ascending
        if model.is_totals(right.row()):
            return ascending
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


class RegionPage(Page):
    # An addition or an export ended (succeeded, failed or cancelled).
    job_finished = Signal()

    def __init__(self, context: AppContext, services: RegionPageServices, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.services = services
        self.view: ConsolidatedView | None = None
        self.last_verdicts: list[VerdictLike] = []
        self.runner = JobRunner(self)
        self.runner.progressed.connect(self._on_progress)
        self.runner.succeeded.connect(self._on_succeeded)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.failed.connect(self._on_failed)
        self._job_kind = ""
        self._build()
        # On a shared base, received reports are the `region` roles' (migration 0011): another role reads them.
        self.access_note = QLabel(self)
        self.access_note.setWordWrap(True)
        set_role(self.access_note, Role.HINT)
        self.access_note.hide()
        self.ui.pageLayout.insertWidget(1, self.access_note)
        self.reading = Reading(self, roots=[self.add_files_button, self.add_folder_button, self.remove_button])
        context.read_only_changed.connect(self._follow_access)  # a right withdrawn shows at the next choice
        self._follow_access()
        apply_roles(self)

    def title(self) -> str:
        return self.tr("Région")

    def _follow_access(self, *_args: object) -> None:
        """Adding and removing received reports need a `region` access (or a file base, or the base's owner)."""
        levels = self.services.access.levels()
        reason = None
        if levels is not None and AccessLevel.REGION not in levels:
            reason = self.tr(
                "Lecture seule : sur une base partagée, les rapports reçus sont ajoutés et retirés par les rôles "
                "de niveau « Région ». Un administrateur peut vous accorder ce niveau."
            )
        self.reading.follow(reason)
        self.access_note.setText(reason or "")
        self.access_note.setVisible(reason is not None)

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        """The form (ui/region_page.ui), then what depends on data: the tiles, the tables' models."""
        theme = self.context.theme
        self.ui = ui = Ui_RegionPage()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        heading = ui.headingLabel
        heading.setWordWrap(True)
        heading.setFont(scaled_font(heading.font(), theme.sizes.page_title_scale, bold=True))

        # Buttons, progress, state.
        self.add_files_button = ui.addFilesButton
        self.add_files_button.clicked.connect(self.add_reports)
        self.add_folder_button = ui.addFolderButton
        self.add_folder_button.clicked.connect(self.add_folder)
        self.export_button = ui.exportButton
        self.export_button.clicked.connect(self.export_synthesis)
        self.cancel_button = ui.cancelButton
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress_bar = ui.progressBar
        self.progress_bar.setRange(0, 100)
        self.progress_bar.hide()
        self.state_label = ui.stateLabel
        self.error_label = as_error_label(ui.errorLabel)
        self.results_button = ui.resultsButton
        self.results_button.clicked.connect(self.show_verdicts)
        self.results_button.hide()
        ui.pageLayout.setAlignment(self.results_button, Qt.AlignmentFlag.AlignLeft)
        self.empty_label = ui.emptyLabel

        # Key figures.
        see = self.tr("Voir ces actions")
        neutral, money = theme.accent, theme.success
        self.territories_tile = FigureTile(self.tr("territoires"), neutral, None, theme=theme)
        self.projects_tile = FigureTile(self.tr("projets"), neutral, see, theme=theme)
        self.granted_tile = FigureTile(self.tr("de financements accordés"), money, see, theme=theme)
        self.jobs_tile = FigureTile(self.tr("emplois visés"), neutral, see, theme=theme)
        self.jobs_created_tile = FigureTile(self.tr("emplois créés (constatés)"), neutral, see, theme=theme)
        self.investment_tile = FigureTile(self.tr("d'investissement induit"), money, see, theme=theme)
        self.tiles = [
            self.territories_tile,
            self.projects_tile,
            self.granted_tile,
            self.jobs_tile,
            self.jobs_created_tile,
            self.investment_tile,
        ]
        for number, tile in enumerate(self.tiles):
            if tile.clickable:
                tile.clicked.connect(lambda: self.open_all_actions(None))
            ui.tilesLayout.addWidget(tile, number // TILES_PER_ROW, number % TILES_PER_ROW)
        self.tiles_widget = ui.tilesWidget
        self.tabs = ui.tabs

        # Territories: the table, its totals as its last row.
        self.territory_model = TerritoryModel(self, theme=theme)
        self.territory_proxy = TerritoryProxy(self)
        self.territory_proxy.setSourceModel(self.territory_model)
        self.territory_view = read_only_table(ui.territoryView)
        self.territory_view.setModel(self.territory_proxy)
        self.territory_view.setSortingEnabled(True)
        self.territory_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.territory_view.doubleClicked.connect(self._open_territory_cell)
        self.territory_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)

        # Axes.
        self.axis_model: RecordTableModel[AxisTotal] = RecordTableModel(
            [
                Column("Axe", lambda a: a.label, tooltip=lambda a: a.label, stretch=True),
                Column("Territoires", lambda a: format_number(a.territories), right_aligned=True),
                Column("Actions", lambda a: format_number(a.actions), right_aligned=True),
                Column("Budget", lambda a: euros(a.planned_budget), right_aligned=True),
                Column("Financements acquis", lambda a: euros(a.secured_funding), right_aligned=True),
            ],
            self,
            theme=theme,
        )
        self.axis_view = self._record_table(ui.axisView, self.axis_model)
        self.axis_view.doubleClicked.connect(self._open_axis)

        # Funders.
        self.funder_model: RecordTableModel[FunderTotal] = RecordTableModel(
            [
                Column("Financeur", lambda f: f.name, tooltip=lambda f: f.name, stretch=True),
                Column("Territoires", lambda f: format_number(f.territories), right_aligned=True),
                Column("Lignes", lambda f: format_number(f.line_count), right_aligned=True),
                Column("Demandé", lambda f: euros(f.requested), right_aligned=True),
                Column("Accordé", lambda f: euros(f.granted), right_aligned=True),
                Column("Versé", lambda f: euros(f.paid), right_aligned=True),
            ],
            self,
            theme=theme,
        )
        self.funder_view = self._record_table(ui.funderView, self.funder_model)

        # Evolutions.
        self.evolution_model: RecordTableModel[EvolutionLine] = RecordTableModel(
            [
                Column("Territoire", lambda e: e.territory if e.first else "", tooltip=lambda e: e.territory),
                Column("Période", lambda e: period_text(e.step.report.period_from, e.step.report.period_to)),
                Column("Généré le", lambda e: format_date(e.step.report.generated_on)),
                Column("Actions", lambda e: format_number(e.step.figures.actions), right_aligned=True),
                Column(
                    "Réalisées",
                    lambda e: format_number(e.step.figures.count(ActionStatus.REALISEE)),
                    right_aligned=True,
                ),
                Column(
                    "Bloquées", lambda e: format_number(e.step.figures.count(ActionStatus.BLOQUEE)), right_aligned=True
                ),
                Column("Budget", lambda e: euros(e.step.figures.planned_budget), right_aligned=True),
                Column("Accordé", lambda e: euros(e.step.figures.granted), right_aligned=True),
                Column("Versé", lambda e: euros(e.step.figures.paid), right_aligned=True),
                Column("Emplois créés", lambda e: format_number(e.step.figures.jobs_created), right_aligned=True),
                Column("Depuis le rapport précédent", change_text, tooltip=change_text, stretch=True),
            ],
            self,
            theme=theme,
        )
        self.evolution_view = self._record_table(ui.evolutionView, self.evolution_model)
        self.evolution_hint = ui.evolutionHint
        self.evolution_empty = self.tr(
            "Aucune évolution : elle apparaît quand un territoire a envoyé des rapports pour plusieurs périodes."
        )

        # Received reports.
        self.stored_model: RecordTableModel[StoredLike] = RecordTableModel(stored_columns(), self, theme=theme)
        self.stored_view = self._record_table(ui.storedView, self.stored_model)
        self.remove_button = ui.removeButton
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.stored_view.selectionModel().selectionChanged.connect(
            lambda *_: self.remove_button.setEnabled(self.selected_stored() is not None)
        )
        # What happened to them (added, replaced, removed), by whom: several agents may share the base.
        history_label = QLabel(self.tr("Historique des réceptions"))
        self.history_list = QListWidget()
        self.history_list.setAccessibleName(self.tr("Historique des réceptions"))
        history_label.setBuddy(self.history_list)
        ui.storedTabLayout.addWidget(history_label)
        ui.storedTabLayout.addWidget(self.history_list, 1)

    @staticmethod
    def _record_table(view: QTableView, model: RecordTableModel[Any]) -> QTableView:
        read_only_table(view)
        view.setModel(model)
        fit_columns(view, model.main_column())
        return view

    # -- reading -------------------------------------------------------------------------------
    def _reload_now(self) -> None:
        self._stale = False
        self.reload()  # the Région's view does not depend on the territory shown

    def reload(self) -> None:
        consolidation = self.services.consolidation
        self.view = view = consolidation.view(self.context.today)
        self.territory_model.set_rows(view.territories, view.totals)
        empty = not view.territories
        self.empty_label.setVisible(empty)
        self.tiles_widget.setVisible(not empty)
        self.export_button.setEnabled(not empty)
        self._fit_territory_columns()
        self.axis_model.set_records(view.axes)
        self.funder_model.set_records(view.funders)
        lines = [
            EvolutionLine(evolution.name, step, number == 0, evolution.steps[number - 1] if number else None)
            for evolution in view.evolutions
            for number, step in enumerate(evolution.steps)
        ]
        self.evolution_model.set_records(lines)
        self.evolution_hint.setText(
            self.evolution_empty
            if not lines
            else self.tr("{count} territoires ont envoyé des rapports pour plusieurs périodes.").format(
                count=format_number(len(view.evolutions))
            )
        )
        self.stored_model.set_records(consolidation.stored())
        self.history_list.clear()
        for event in consolidation.history():
            self.history_list.addItem(
                f"{format_date(event.changed_at.date())} {event.changed_at:%H:%M} — {event.user} — {event.text}"
            )
        self.remove_button.setEnabled(self.selected_stored() is not None)
        self._show_figures(view)

    def _fit_territory_columns(self) -> None:
        view = self.territory_view
        view.resizeColumnsToContents()
        view.setColumnWidth(0, min(max(view.columnWidth(0), 200), 320))

    def _show_figures(self, view: ConsolidatedView) -> None:
        totals = view.totals
        territories = len(view.territories)
        stale = sum(1 for row in view.territories if row.stale)
        self.territories_tile.set_value(
            format_number(territories),
            self.tr("dont {count} avec un rapport de plus de six mois").format(count=format_number(stale))
            if stale
            else "",
        )
        self.projects_tile.set_value(
            format_number(view.projects),
            self.tr("actions abandonnées non comptées") if totals.count(ActionStatus.ABANDONNEE) else "",
        )
        self.granted_tile.set_value(
            euros(totals.granted),
            self.tr("{requested} demandés, {paid} versés").format(
                requested=euros(totals.requested), paid=euros(totals.paid)
            ),
        )
        self.jobs_tile.set_value(format_number(totals.jobs_targeted))
        self.jobs_created_tile.set_value(format_number(totals.jobs_created))
        self.investment_tile.set_value(
            euros(totals.induced_investment),
            self.tr("{achieved} réalisés").format(achieved=euros(totals.achieved_investment)),
        )

    def tile_texts(self) -> list[str]:
        """Each tile as one line: « 12 territoires », « 48 000 000 € de financements accordés »."""
        return [f"{tile.value_label.text()} {tile.caption_label.text()}" for tile in self.tiles]

    # -- opening the actions behind a figure -----------------------------------------------------
    def _open_territory_cell(self, index: QModelIndex) -> None:
        source = self.territory_proxy.mapToSource(index)
        if not source.isValid():
            return
        row = self.territory_model.row_at(source.row())
        status = self.territory_model.columns[source.column()].status
        if row is None:
            self.open_all_actions(None, status)  # the totals row
        else:
            self.open_territory_actions(row, status)

    def open_territory_actions(self, row: TerritoryRow, status: ActionStatus | None = None) -> ActionsDialog:
        actions = [action for action in row.report.actions if status is None or action.get("status") == status.value]
        period = period_text(row.report.period_from, row.report.period_to)
        title = (
            self.tr("Actions de {territory} ({period})")
            if status is None
            else self.tr("Actions « {status} » de {territory} ({period})")
        ).format(territory=row.name, period=period, status=status.label if status else "")
        dialog = ActionsDialog(
            title,
            [ActionLine(row.name, a) for a in actions],
            with_territory=False,
            parent=self,
            theme=self.context.theme,
        )
        return self._show_dialog(dialog)

    def _open_axis(self, index: QModelIndex) -> None:
        self.open_all_actions(self.axis_model.record(index.row()))

    def open_all_actions(self, axis: AxisTotal | None, status: ActionStatus | None = None) -> ActionsDialog | None:
        if self.view is None:
            return None
        lines = [
            ActionLine(row.name, action)
            for row in self.view.territories
            for action in row.report.actions
            if (axis is None or action.get("axis") in (axis.code, axis.label))
            and (status is None or action.get("status") == status.value)
        ]
        if axis is not None:
            title = self.tr("Actions de l'axe « {axis} », tous territoires").format(axis=axis.label)
        elif status is not None:
            title = self.tr("Actions « {status} », tous territoires").format(status=status.label)
        else:
            title = self.tr("Actions de tous les territoires")
        dialog = ActionsDialog(title, lines, with_territory=True, parent=self, theme=self.context.theme)
        return self._show_dialog(dialog)

    def _show_dialog(self, dialog: ActionsDialog) -> ActionsDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    # -- adding reports ----------------------------------------------------------------------------
    def _folder(self) -> str:
        return str(self.context.settings.value(FOLDER_KEY, "") or Path.home())

    def add_reports(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Ajouter des rapports"),
            self._folder(),
            self.tr("Rapports TI Desktop (*.pdf *.json *.xlsx);;Tous les fichiers (*)"),
        )
        if names:
            self.context.settings.setValue(FOLDER_KEY, str(Path(names[0]).parent))
            self.add_paths([Path(name) for name in names])

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Ajouter un dossier de rapports"), self._folder())
        if folder:
            self.context.settings.setValue(FOLDER_KEY, folder)
            self.add_paths([Path(folder)])

    def add_paths(self, paths: Sequence[Path]) -> None:
        if self.runner.is_running():
            return
        consolidation = self.services.consolidation
        self._start(
            "add",
            Job(
                lambda progress, cancelled: consolidation.add_files(list(paths), progress, cancelled),
                unexpected=_tr("Erreur inattendue pendant l'ajout des rapports : {error}"),
                writes=True,
            ),
            self.tr("Lecture et vérification des rapports…"),
        )

    # -- exporting ---------------------------------------------------------------------------------
    def export_synthesis(self) -> None:
        folder = str(self.context.settings.value(EXPORT_KEY, "") or Path.home())
        suggested = str(Path(folder) / f"synthese-regionale-{self.context.today.isoformat()}.pdf")
        name, chosen_filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter la synthèse régionale"),
            suggested,
            self.tr("Document PDF (*.pdf);;Classeur Excel (*.xlsx)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".pdf", ".xlsx"):
            path = path.with_name(path.name + (".xlsx" if "xlsx" in chosen_filter else ".pdf"))
        self.export_to(path)

    def export_to(self, path: Path) -> None:
        if self.runner.is_running():
            return
        synthesis = self.services.synthesis
        today = self.context.today
        self._start(
            "export",
            Job(
                lambda progress, cancelled: synthesis.write(path, today, progress, cancelled),
                unexpected=_tr("Erreur inattendue pendant l'export de la synthèse : {error}"),
                writes=True,
            ),
            self.tr("Export de la synthèse régionale…"),
        )

    # -- the background job ------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self.runner.is_running()

    def _start(self, kind: str, job: Job, state: str) -> None:
        self._job_kind = kind
        set_error(self.error_label, "")
        for button in (self.add_files_button, self.add_folder_button, self.export_button):
            button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.state_label.setText(state)
        self.runner.start(job)

    def cancel(self) -> None:
        if self.runner.is_running():
            self.runner.cancel()
            self.cancel_button.setEnabled(False)
            self.state_label.setText(self.tr("Annulation en cours…"))

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total == 0:
            self.progress_bar.setRange(0, 0)
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        kind = self._job_kind
        self._finish()
        if kind == "add":
            assert isinstance(result, AddOutcome)
            verdicts: list[VerdictLike] = list(result.verdicts)
            self.last_verdicts = verdicts
            refused = sum(1 for verdict in verdicts if verdict.outcome == "refusé")
            count = len(verdicts)
            text = (
                self.tr("1 rapport lu")
                if count == 1
                else self.tr("{count} rapports lus").format(count=format_number(count))
            )
            if refused:
                text += (
                    self.tr(", 1 refusé")
                    if refused == 1
                    else self.tr(", {count} refusés").format(count=format_number(refused))
                )
            self.results_button.setText(text + self.tr(" — voir le détail de l'ajout"))
            set_role(self.results_button, Role.ERROR if refused else None)
            self.results_button.show()
            self.state_label.setText("")
            self.context.data_changed.emit()
            self.reload()
            self.show_verdicts()
        else:
            message = self.tr("Synthèse enregistrée : {file}").format(file=result)
            self.state_label.setText(message)
            self.context.settings.setValue(EXPORT_KEY, str(Path(str(result)).parent))
            self.context.status_message.emit(message)

    def show_verdicts(self) -> VerdictsDialog:
        dialog = VerdictsDialog(self.last_verdicts, self, theme=self.context.theme)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.verdicts_dialog = dialog
        return dialog

    @Slot()
    def _on_cancelled(self) -> None:
        kind = self._job_kind
        self._finish()
        self.state_label.setText("")
        set_error(
            self.error_label,
            self.tr("Ajout des rapports annulé : aucun rapport n'a été ajouté.")
            if kind == "add"
            else self.tr("Export de la synthèse annulé."),
        )

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish()
        self.state_label.setText("")
        set_error(self.error_label, message)

    def _finish(self) -> None:
        self._job_kind = ""
        self.add_files_button.setEnabled(True)
        self.add_folder_button.setEnabled(True)
        self.export_button.setEnabled(bool(self.view and self.view.territories))
        self.cancel_button.hide()
        self.progress_bar.hide()
        self.progress_bar.setRange(0, 100)
        self.job_finished.emit()

    # -- removing a report -------------------------------------------------------------------------
    def selected_stored(self) -> StoredLike | None:
        rows = self.stored_view.selectionModel().selectedRows() if self.stored_view.selectionModel() else []
        if not rows:
            return None
        return self.stored_model.record(rows[0].row())

    def remove_selected(self) -> None:
        report = self.selected_stored()
        if report is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Retirer le rapport"),
            self.tr(
                "Retirer de la consolidation le rapport de {territory} {period} (fichier {source}) ?\n"
                "Ses chiffres ne seront plus comptés ; vous pourrez l'ajouter à nouveau depuis son fichier."
            ).format(
                territory=report.territory,
                period=period_text(report.period_from, report.period_to),
                source=report.source,
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.services.consolidation.remove(report.id, report.version)
        except TiDesktopError as error:
            set_error(self.error_label, error.message)
            self.reload()
            return
        message = self.tr("Rapport de {territory} {period} retiré de la consolidation.").format(
            territory=report.territory, period=period_text(report.period_from, report.period_to)
        )
        self.state_label.setText(message)
        self.context.status_message.emit(message)
        self.context.data_changed.emit()
        self.reload()


def territory_texts(page: RegionPage, column: int) -> list[str]:
    """The territory table's column as shown (sorted), for tests and the screenshots tool."""
    proxy = page.territory_proxy
    return [str(proxy.index(row, column).data()) for row in range(proxy.rowCount() - 1)]  # the totals row left out


__all__: list[str] = ["RegionPage", "RegionPageServices", "territory_texts"]
