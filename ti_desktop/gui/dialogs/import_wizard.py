"""« Importer un plan d'action »: a wizard — file, sheet, columns, validation report, confirmation.

Reading the file, checking it and importing it run in the background (progress and cancel); nothing is written
before the user clicks « Importer » on a file without errors, and then all or nothing. The columns of an
ordinary table are matched to TI Desktop's fields (the service suggests, the user corrects, and the choice is
remembered for the next file with the same headers); a Territoires en Transitions plan has fixed columns and
skips that page.
"""

from __future__ import annotations

import json
from collections import Counter
from enum import IntEnum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QProgressBar,
    QTableWidgetItem,
    QWidget,
    QWizard,
    QWizardPage,
)

from ti_desktop.gui.another_name import offer_another_name
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.import_report import ImportReportView, count_of, plan_summary
from ti_desktop.gui.exchange_jobs import import_apply_job, import_preview_job, inspect_job
from ti_desktop.gui.field_errors import as_error_label, set_error
from ti_desktop.gui.forms.ui_import_confirm_page import Ui_ConfirmPage
from ti_desktop.gui.forms.ui_import_file_page import Ui_FilePage
from ti_desktop.gui.forms.ui_import_mapping_page import Ui_MappingPage
from ti_desktop.gui.forms.ui_import_sheet_page import Ui_SheetPage
from ti_desktop.gui.forms.ui_import_validation_page import Ui_ValidationPage
from ti_desktop.gui.jobs import JobRunner
from ti_desktop.gui.theme import Role, apply_roles, set_role
from ti_desktop.kernel.files import FileWriteError, copy_atomically
from ti_desktop.kernel.formatting import format_number
from ti_desktop.services import import_columns as plan_columns
from ti_desktop.services.import_columns import column_letter, normalise
from ti_desktop.services.importing import FileOverview, ImportPreview, ImportService, SheetOverview
from ti_desktop.services.use_cases import HasImports, HasTerritories

MAPPING_KEY = "import/mapping"  # normalised header → field key, as last confirmed
# Header set (`header_set_key`) → its normalised headers → the choice confirmed for that file's layout.
MAPPING_BY_HEADERS_KEY = "import/correspondances"
FOLDER_KEY = "import/dossier"  # the folder of the last file imported
TEMPLATE_NAME = "modele-plan-action.xlsx"
SAMPLE_SEPARATOR = "  ·  "


class PageId(IntEnum):
    FILE = 0
    SHEET = 1
    MAPPING = 2
    VALIDATION = 3
    CONFIRM = 4


def _json_setting(settings: QSettings, key: str) -> dict[str, object]:
    raw = settings.value(key, "")
    try:
        value = json.loads(str(raw)) if raw else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def remembered_mapping(settings: QSettings) -> dict[str, str]:
    """The column choices confirmed before, whatever the file (normalised header → field key); a damaged value
    counts as none."""
    return {str(header): str(key) for header, key in _json_setting(settings, MAPPING_KEY).items()}


def remembered_for_headers(settings: QSettings, headers: list[str]) -> dict[str, str] | None:
    """The choices confirmed for a file with this very set of headers (normalised header → choice), or None."""
    value = _json_setting(settings, MAPPING_BY_HEADERS_KEY).get(plan_columns.header_set_key(headers))
    if not isinstance(value, dict):
        return None
    return {str(header): str(key) for header, key in value.items()}


def remember_mapping(settings: QSettings, mapping: dict[str, str], headers: list[str] | None = None) -> None:
    """Remember the choices for this set of headers, and each header's field for any file (the fallback)."""
    remembered = remembered_mapping(settings)
    remembered.update({normalise(header): key for header, key in mapping.items() if header.strip()})
    settings.setValue(MAPPING_KEY, json.dumps(remembered, ensure_ascii=False, sort_keys=True))
    if headers is not None:
        by_headers = _json_setting(settings, MAPPING_BY_HEADERS_KEY)
        by_headers[plan_columns.header_set_key(headers)] = {
            normalise(header): key for header, key in mapping.items() if header.strip()
        }
        settings.setValue(MAPPING_BY_HEADERS_KEY, json.dumps(by_headers, ensure_ascii=False, sort_keys=True))


def _progress(bar: QProgressBar, done: int, total: int) -> None:
    bar.setMaximum(max(total, 1))
    bar.setValue(done)


class ImportWizardServices(HasImports, HasTerritories, Protocol):
    """What the import wizard uses."""


class ImportWizard(QWizard):
    def __init__(self, context: AppContext, services: ImportWizardServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        territory_id = context.territory_id
        assert territory_id is not None, "the menu action is disabled while no territory is open"
        self.context = context
        self.territory_id = territory_id
        self.imports: ImportService = services.imports
        self.overview: FileOverview | None = None
        self.sheet_name: str | None = None
        self.preview: ImportPreview | None = None  # the last preview without errors
        self.imported: ImportPreview | None = None  # what the import wrote

        self.setWindowTitle(self.tr("Importer un plan d'action"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Précédent"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Suivant >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuler"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Fermer"))
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.validation_page = ValidationPage(self)
        self.confirm_page = ConfirmPage(self)
        self.setPage(PageId.FILE, self.file_page)
        self.setPage(PageId.SHEET, self.sheet_page)
        self.setPage(PageId.MAPPING, self.mapping_page)
        self.setPage(PageId.VALIDATION, self.validation_page)
        self.setPage(PageId.CONFIRM, self.confirm_page)
        self.setStartId(PageId.FILE)
        self.resize(980, 680)

    # -- what the pages chose ---------------------------------------------------------------------------------
    def sheet(self) -> SheetOverview | None:
        if self.overview is None:
            return None
        return next((sheet for sheet in self.overview.sheets if sheet.name == self.sheet_name), None)

    def sheet_is_table(self) -> bool:
        sheet = self.sheet()
        return sheet is not None and sheet.kind == "table"

    def path(self) -> Path | None:
        return self.overview.path if self.overview is not None else None

    def mapping(self) -> dict[str, str] | None:
        """The columns chosen on the mapping page; None for a TeT sheet (fixed columns)."""
        return self.mapping_page.mapping() if self.sheet_is_table() else None

    def page_after_sheet(self) -> int:
        return PageId.MAPPING if self.sheet_is_table() else PageId.VALIDATION

    def is_busy(self) -> bool:
        return any(page.runner.is_running() for page in self._job_pages())

    def _job_pages(self) -> list[FilePage | ValidationPage | ConfirmPage]:
        return [self.file_page, self.validation_page, self.confirm_page]

    def reject(self) -> None:
        """Closing stops whatever runs; an import stopped before its end has written nothing."""
        for page in self._job_pages():
            page.runner.finish_now()
        super().reject()


# -- (1) the file ---------------------------------------------------------------------------------------------


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.ui = Ui_FilePage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.runner = JobRunner(self)
        self.runner.succeeded.connect(self._on_inspected)
        self.runner.failed.connect(self._on_failed)
        self._asked: Path | None = None

        self.path_edit = self.ui.pathEdit
        self.path_edit.editingFinished.connect(self._on_path_typed)
        self.browse_button = self.ui.browseButton
        self.browse_button.clicked.connect(self.browse)
        self.state_label = self.ui.stateLabel
        self.error_label = as_error_label(self.ui.erreur_fichier)
        self.template_button = self.ui.templateButton
        self.template_button.clicked.connect(self.save_template)

    def browse(self) -> None:
        folder = str(self._wizard.context.settings.value(FOLDER_KEY, "") or Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choisir le fichier à importer"),
            folder,
            self.tr(
                "Classeurs et fichiers CSV (*.xlsx *.xls *.ods *.csv *.txt);;Excel (*.xlsx *.xls);;"
                "OpenDocument (*.ods);;CSV et texte Unicode (*.csv *.txt);;Tous les fichiers (*)"
            ),
        )
        if name:
            self.set_path(Path(name))

    def _on_path_typed(self) -> None:
        text = self.path_edit.text().strip()
        if text and Path(text) != self._asked:
            self.set_path(Path(text))

    def set_path(self, path: Path) -> None:
        """Read the file's sheets in the background; the page is complete once they are known."""
        self._asked = path
        self.path_edit.setText(str(path))
        self._wizard.overview = None
        set_error(self.error_label, "")
        self.state_label.setText(self.tr("Lecture du fichier…"))
        self.runner.start(inspect_job(self._wizard.imports, path))
        self.completeChanged.emit()

    @Slot(object)
    def _on_inspected(self, overview: object) -> None:
        assert isinstance(overview, FileOverview)
        if not overview.sheets:
            self.state_label.setText("")
            set_error(self.error_label, self.tr("Ce fichier ne contient aucune feuille à importer."))
            return
        wizard = self._wizard
        wizard.overview = overview
        wizard.sheet_name = overview.default_sheet
        wizard.context.settings.setValue(FOLDER_KEY, str(overview.path.parent))
        self.state_label.setText(self._describe(overview))
        self.completeChanged.emit()

    def _describe(self, overview: FileOverview) -> str:
        sheet = self._wizard.sheet()
        if len(overview.sheets) > 1:
            return self.tr("{sheets} : vous choisirez celle à importer à l'étape suivante.").format(
                sheets=count_of(len(overview.sheets), self.tr("feuille"), self.tr("feuilles"))
            )
        assert sheet is not None
        rows = count_of(sheet.data_rows, self.tr("ligne"), self.tr("lignes"))
        if sheet.kind == "tet":
            return self.tr("Plan Territoires en Transitions ({layout}) : {rows}.").format(
                layout=sheet.tet_layout, rows=rows
            )
        return self.tr("Tableau « {sheet} » : {rows}, {columns}.").format(
            sheet=sheet.name, rows=rows, columns=count_of(len(sheet.headers), self.tr("colonne"), self.tr("colonnes"))
        )

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.state_label.setText("")
        set_error(self.error_label, message)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._wizard.overview is not None and not self.runner.is_running()

    def nextId(self) -> int:
        overview = self._wizard.overview
        if overview is not None and len(overview.sheets) > 1:
            return PageId.SHEET
        return self._wizard.page_after_sheet()

    def save_template(self) -> Path | None:
        folder = str(self._wizard.context.settings.value(FOLDER_KEY, "") or Path.home())
        title, file_filter = self.tr("Enregistrer le modèle de plan"), self.tr("Classeur Excel (*.xlsx)")
        name, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / TEMPLATE_NAME), file_filter)
        chosen: Path | None = Path(name) if name else None
        while chosen is not None:
            target = chosen if chosen.suffix.lower() == ".xlsx" else chosen.with_name(f"{chosen.name}.xlsx")
            try:
                written = copy_atomically(ImportService.template_path(), target, what=self.tr("le modèle de plan"))
            except FileWriteError as error:
                set_error(self.error_label, error.message)
                chosen = offer_another_name(self, error, title, file_filter)
                continue
            set_error(self.error_label, "")
            message = self.tr("Modèle de plan enregistré : {path}").format(path=written)
            self.state_label.setText(message)
            self._wizard.context.status_message.emit(message)
            return written
        return None


# -- (2) the sheet --------------------------------------------------------------------------------------------


class SheetPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.ui = Ui_SheetPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.table = self.ui.sheetTable
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.table.doubleClicked.connect(lambda _index: wizard.next())
        self.warning_label = self.ui.warningLabel

    def initializePage(self) -> None:
        overview = self._wizard.overview
        assert overview is not None
        chosen = self._wizard.sheet_name
        self.table.blockSignals(True)
        self.table.setRowCount(len(overview.sheets))
        for row, sheet in enumerate(overview.sheets):
            kind = (
                self.tr("Plan Territoires en Transitions ({layout})").format(layout=sheet.tet_layout)
                if sheet.kind == "tet"
                else self.tr("Tableau")
            )
            values = [
                sheet.name,
                kind,
                format_number(sheet.header_row, empty=self.tr("introuvable")),
                format_number(len(sheet.headers)),
                format_number(sheet.data_rows),
            ]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        names = [sheet.name for sheet in overview.sheets]
        self.select(chosen if chosen in names else overview.default_sheet)

    def select(self, name: str) -> None:
        overview = self._wizard.overview
        assert overview is not None
        row = next((row for row, sheet in enumerate(overview.sheets) if sheet.name == name), 0)
        self.table.selectRow(row)
        self._on_selected()

    def _on_selected(self) -> None:
        overview = self._wizard.overview
        rows = self.table.selectionModel().selectedRows()
        if overview is None or not rows:
            return
        sheet = overview.sheets[rows[0].row()]
        self._wizard.sheet_name = sheet.name
        if sheet.header_row is None:
            self.warning_label.setText(
                self.tr("Aucune ligne d'en-tête n'a été trouvée sur la feuille « {sheet} ».").format(sheet=sheet.name)
            )
        elif sheet.data_rows == 0:
            self.warning_label.setText(
                self.tr("La feuille « {sheet} » ne contient aucune ligne.").format(sheet=sheet.name)
            )
        else:
            self.warning_label.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        sheet = self._wizard.sheet()
        return sheet is not None and sheet.header_row is not None

    def nextId(self) -> int:
        return self._wizard.page_after_sheet()


# -- (3) the columns ------------------------------------------------------------------------------------------


class MappingColumn(IntEnum):
    LETTER = 0
    HEADER = 1
    SAMPLES = 2
    FIELD = 3


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.ui = Ui_MappingPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self._built_for: tuple[Path, str, tuple[str, ...]] | None = None
        self._headers: list[str] = []
        self._combos: list[QComboBox] = []
        self._sheet: SheetOverview | None = None
        self.table = self.ui.mappingTable
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MappingColumn.LETTER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MappingColumn.HEADER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MappingColumn.SAMPLES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MappingColumn.FIELD, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(MappingColumn.HEADER, 220)
        self.table.setColumnWidth(MappingColumn.FIELD, 300)
        self.warning_label = self.ui.avertissement_correspondance
        self.unmapped_label = self.ui.unmappedLabel

    def initializePage(self) -> None:
        sheet = self._wizard.sheet()
        path = self._wizard.path()
        assert sheet is not None and path is not None
        self.setSubTitle(
            self.tr(
                "Indiquez ce que contient chaque colonne de la feuille « {sheet} ». Les colonnes reconnues sont "
                "déjà choisies ; corrigez-les si besoin. Une colonne sans champ est gardée comme champ "
                "personnalisé, ajoutée aux notes ou ignorée, comme vous le choisissez."
            ).format(sheet=sheet.name)
        )
        key = (path, sheet.name, tuple(sheet.headers))
        if key == self._built_for:
            return  # back from the validation: the user's choices stay
        self._built_for = key
        self._build(sheet)

    def _build(self, sheet: SheetOverview) -> None:
        fields = plan_columns.fields_for(plan_columns.sheet_kind(sheet.name))
        settings = self._wizard.context.settings
        for_these_headers = remembered_for_headers(settings, sheet.headers) or {}
        remembered = remembered_mapping(settings)
        self._sheet = sheet
        self._headers = list(sheet.headers)
        self._combos = []
        seen: dict[str, int] = {}
        self.table.setRowCount(len(sheet.headers))
        for index, header in enumerate(sheet.headers):
            samples = sheet.samples[index] if index < len(sheet.samples) else []
            letter = QTableWidgetItem(column_letter(index))
            letter.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(index, MappingColumn.LETTER, letter)
            title = QTableWidgetItem(header or self.tr("(sans en-tête)"))
            title.setToolTip(header)
            self.table.setItem(index, MappingColumn.HEADER, title)
            shown = SAMPLE_SEPARATOR.join(sample for sample in samples if sample)
            example = QTableWidgetItem(shown)
            example.setToolTip("\n".join(samples))
            self.table.setItem(index, MappingColumn.SAMPLES, example)
            combo = QComboBox(self.table)
            combo.setObjectName(f"champ_{column_letter(index)}")
            for text, policy, tip in self._policy_items():
                combo.addItem(text, policy)
                combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            combo.insertSeparator(combo.count())
            for field in fields:
                combo.addItem(f"{field.header} ({field.key})", field.key)
                combo.setItemData(combo.count() - 1, field.description, Qt.ItemDataRole.ToolTipRole)
            if not header.strip() or header in seen:
                # The service maps columns by header: a column without one, or repeating an earlier one, is kept
                # as a custom field (its values are not lost), whatever is chosen here.
                combo.setEnabled(False)
                combo.setToolTip(
                    self.tr("Colonne sans en-tête : ses valeurs sont gardées comme champ personnalisé.")
                    if not header.strip()
                    else self.tr(
                        "Même en-tête que la colonne {letter} : seule celle-ci va dans le champ choisi ; les valeurs "
                        "de celle-ci sont gardées comme champ personnalisé."
                    ).format(letter=column_letter(seen[header]))
                )
            else:
                seen[header] = index
                combo.setCurrentIndex(max(combo.findData(self._first_choice(header, for_these_headers, remembered)), 0))
            combo.currentIndexChanged.connect(self._on_changed)
            self._combos.append(combo)
            self.table.setCellWidget(index, MappingColumn.FIELD, combo)
        self._on_changed()

    def _policy_items(self) -> list[tuple[str, str, str]]:
        return [
            (
                self.tr("Garder comme champ personnalisé"),
                plan_columns.KEEP_AS_CUSTOM,
                self.tr("La colonne devient un champ du territoire, avec ses valeurs, sur chaque fiche."),
            ),
            (
                self.tr("Ajouter aux notes"),
                plan_columns.APPEND_TO_NOTES,
                self.tr("Chaque valeur est ajoutée aux notes de sa fiche : « En-tête : valeur »."),
            ),
            (self.tr("Ignorer"), plan_columns.IGNORE, self.tr("La colonne n'est pas importée (elle reste signalée).")),
        ]

    def _first_choice(self, header: str, for_these_headers: dict[str, str], remembered: dict[str, str]) -> str:
        """What a column starts with: the choice confirmed for a file of the same headers, else the field chosen
        for this header before, else the suggestion, else keeping it (nothing lost)."""
        sheet = self._sheet
        assert sheet is not None
        fields = {field.key for field in plan_columns.fields_for(plan_columns.sheet_kind(sheet.name))}
        choice = for_these_headers.get(normalise(header))
        if choice in fields or choice in plan_columns.POLICY_OF_TARGET:
            return str(choice)
        choice = remembered.get(normalise(header))
        if choice in fields:
            return str(choice)
        return sheet.suggested.get(header, plan_columns.KEEP_AS_CUSTOM)

    def headers(self) -> list[str]:
        return list(self._headers)

    def unmapped(self) -> list[str]:
        """The filled columns going to no field, as listed under the table: header, count, samples, fate."""
        sheet = self._sheet
        if sheet is None:
            return []
        fates = {
            plan_columns.KEEP_AS_CUSTOM: self.tr("gardée comme champ personnalisé"),
            plan_columns.APPEND_TO_NOTES: self.tr("ajoutée aux notes"),
            plan_columns.IGNORE: self.tr("ignorée"),
        }
        lines = []
        for index, (header, combo) in enumerate(zip(self._headers, self._combos, strict=True)):
            filled = sheet.filled[index] if index < len(sheet.filled) else 0
            choice = str(combo.currentData()) if combo.isEnabled() else plan_columns.KEEP_AS_CUSTOM
            if not filled or choice not in fates:
                continue
            samples = list(dict.fromkeys(sample for sample in sheet.samples[index] if sample))[:2]
            lines.append(
                self.tr("{header} ({letter}) : {count}{samples} — {fate}").format(
                    header=header or self.tr("(sans en-tête)"),
                    letter=column_letter(index),
                    count=count_of(filled, self.tr("cellule remplie"), self.tr("cellules remplies")),
                    samples=(", ex. " + ", ".join(f"« {sample} »" for sample in samples)) if samples else "",
                    fate=fates[choice],
                )
            )
        return lines

    # -- what the user chose ------------------------------------------------------------------------------------
    def mapping(self) -> dict[str, str]:
        """Header → field key (or `ignorer`) for every column with a header of its own."""
        return {
            header: str(combo.currentData())
            for header, combo in zip(self._headers, self._combos, strict=True)
            if combo.isEnabled()
        }

    def combo_for(self, header: str) -> QComboBox:
        return self._combos[self._headers.index(header)]

    def choice(self, header: str) -> str:
        return str(self.combo_for(header).currentData())

    def duplicates(self) -> list[str]:
        chosen = Counter(key for key in self.mapping().values() if key not in plan_columns.POLICY_OF_TARGET)
        return [key for key, count in chosen.items() if count > 1]

    def _on_changed(self, *_args: object) -> None:
        warnings = []
        sheet = self._wizard.sheet()
        chosen = set(self.mapping().values())
        kind = plan_columns.sheet_kind(sheet.name) if sheet is not None else "actions"
        if kind == "actions" and "titre" not in chosen:
            warnings.append(self.tr("Aucune colonne n'est associée à l'intitulé (titre) : chaque action en a besoin."))
        elif kind != "actions" and not chosen & {"titre", "code"}:
            warnings.append(
                self.tr("Aucune colonne n'indique l'action concernée : choisissez son code ou son intitulé.")
            )
        for key in self.duplicates():
            field = plan_columns.FIELDS_BY_KEY.get(key)
            columns = ", ".join(
                column_letter(index)
                for index, combo in enumerate(self._combos)
                if combo.isEnabled() and combo.currentData() == key
            )
            warnings.append(
                self.tr("« {field} » est choisi pour plusieurs colonnes ({columns}) : gardez-en une seule.").format(
                    field=field.header if field else key, columns=columns
                )
            )
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        unmapped = self.unmapped()
        title = self.tr("Colonnes sans champ de TI Desktop (rien n'est perdu sans votre accord) :")
        self.unmapped_label.setText("\n".join([title, *unmapped]) if unmapped else "")
        self.unmapped_label.setVisible(bool(unmapped))
        self.completeChanged.emit()

    def warnings(self) -> str:
        return self.warning_label.text()

    def isComplete(self) -> bool:
        return bool(self._combos) and not self.duplicates()

    def nextId(self) -> int:
        return PageId.VALIDATION


# -- (4) the validation report --------------------------------------------------------------------------------


class ValidationPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.ui = Ui_ValidationPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.runner = JobRunner(self)
        self.runner.progressed.connect(self._on_progress)
        self.runner.succeeded.connect(self._on_checked)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.failed.connect(self._on_failed)
        self.preview: ImportPreview | None = None

        ui = self.ui
        self.progress_bar = ui.progressBar
        self.cancel_button = ui.cancelButton
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button = ui.retryButton
        self.retry_button.clicked.connect(self.check)
        self.state_label = ui.stateLabel
        self.error_label = as_error_label(ui.erreur_verification)
        self.report = ImportReportView(self, wizard.context.theme)
        ui.reportLayout.addWidget(self.report)

    def initializePage(self) -> None:
        self.check()

    def cleanupPage(self) -> None:
        self.runner.abandon()  # back to the mapping: that check no longer matters
        self._set_running(False)

    def check(self) -> None:
        wizard = self._wizard
        path = wizard.path()
        assert path is not None
        self.preview = wizard.preview = None
        self.report.clear()
        set_error(self.error_label, "")
        self.state_label.setText(self.tr("Vérification du fichier…"))
        self.progress_bar.setRange(0, 0)  # busy until the first progress
        self.runner.start(
            import_preview_job(wizard.imports, wizard.territory_id, path, wizard.sheet_name, wizard.mapping())
        )
        self._set_running(True)

    def cancel(self) -> None:
        if self.runner.is_running():
            # Before asking: a reading is dropped at once, and its « annulée » message must stay.
            self.cancel_button.setEnabled(False)
            self.state_label.setText(self.tr("Annulation…"))
            self.runner.cancel()

    def is_running(self) -> bool:
        return self.runner.is_running()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        _progress(self.progress_bar, done, total)

    def _set_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.retry_button.setVisible(not running)
        self.completeChanged.emit()

    @Slot(object)
    def _on_checked(self, preview: object) -> None:
        assert isinstance(preview, ImportPreview)
        self._set_running(False)
        self.preview = preview
        self.report.show_plan_preview(preview)
        if preview.has_errors:
            self.state_label.setText(
                self.tr(
                    "Corrigez les erreurs — dans le fichier (puis « Vérifier à nouveau ») ou, avec "
                    "« Précédent », dans la correspondance des colonnes."
                )
                if self._wizard.sheet_is_table()
                else self.tr("Corrigez les erreurs dans le fichier, puis cliquez sur « Vérifier à nouveau ».")
            )
        else:
            self._wizard.preview = preview
            self.state_label.setText(self.tr("Le fichier peut être importé : cliquez sur « Suivant »."))
        self.completeChanged.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        self._set_running(False)
        self.state_label.setText("")
        set_error(self.error_label, self.tr("Vérification annulée. Rien n'a été écrit."))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        self.state_label.setText("")
        set_error(self.error_label, message)

    def isComplete(self) -> bool:
        return self.preview is not None and not self.preview.has_errors and not self.runner.is_running()

    def nextId(self) -> int:
        return PageId.CONFIRM


# -- (5) the confirmation -------------------------------------------------------------------------------------


class ConfirmPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.ui = Ui_ConfirmPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.runner = JobRunner(self)
        self.runner.progressed.connect(self._on_progress)
        self.runner.succeeded.connect(self._on_imported)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.refused.connect(self._on_refused)
        self.runner.failed.connect(self._on_failed)

        ui = self.ui
        self.summary_label = ui.summaryLabel
        self.import_button = ui.importButton
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = ui.cancelButton
        self.cancel_button.clicked.connect(self.cancel)
        self.progress_bar = ui.progressBar
        self.state_label = ui.stateLabel
        self.error_label = as_error_label(ui.erreur_import)
        self.report = ImportReportView(self, wizard.context.theme)
        self.report.hide()
        ui.reportLayout.addWidget(self.report)
        self._set_running(False)

    def initializePage(self) -> None:
        wizard = self._wizard
        preview = wizard.preview
        path = wizard.path()
        assert preview is not None and path is not None
        territory = wizard.services.territories.get(wizard.territory_id).name
        self.setSubTitle(
            self.tr("Tout est prêt : cliquez sur « Importer ». L'import se fait en une fois : tout ou rien.")
        )
        self.summary_label.setText(
            self.tr("Fichier « {file} » vers le plan d'action de {territory}.").format(
                file=path.name, territory=territory
            )
            + "\n\n"
            + plan_summary(preview)
        )
        self.state_label.setText("")
        set_error(self.error_label, "")
        self.report.hide()
        self.import_button.setEnabled(True)

    def start_import(self) -> None:
        wizard = self._wizard
        path = wizard.path()
        if path is None or self.runner.is_running() or wizard.imported is not None:
            return
        set_error(self.error_label, "")
        set_role(self.state_label, None)
        self.state_label.setText(self.tr("Import en cours…"))
        self.progress_bar.setRange(0, 0)
        self.runner.start(
            import_apply_job(wizard.imports, wizard.territory_id, path, wizard.sheet_name, wizard.mapping())
        )
        self._set_running(True)

    def cancel(self) -> None:
        if self.runner.is_running():
            # Before asking: a reading is dropped at once, and its « annulée » message must stay.
            self.cancel_button.setEnabled(False)
            self.state_label.setText(self.tr("Annulation…"))
            self.runner.cancel()

    def is_running(self) -> bool:
        return self.runner.is_running()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        _progress(self.progress_bar, done, total)

    def _set_running(self, running: bool) -> None:
        self.import_button.setVisible(not running)
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        # Going back while the transaction runs would leave its outcome unseen.
        self._wizard.button(QWizard.WizardButton.BackButton).setEnabled(not running)
        self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not running)

    @Slot(object)
    def _on_imported(self, result: object) -> None:
        assert isinstance(result, ImportPreview)
        wizard = self._wizard
        self._set_running(False)
        wizard.imported = result
        mapping = wizard.mapping()
        if mapping is not None:
            remember_mapping(wizard.context.settings, mapping, wizard.mapping_page.headers())
        self.import_button.hide()
        set_role(self.state_label, Role.SUCCESS)
        self.state_label.setText(self.tr("Import terminé."))
        self.summary_label.setText(plan_summary(result))
        self.report.set_report("", result.issues, result.changes)
        self.report.tabs.setCurrentIndex(1)  # what was done; the warnings were read before
        self.report.show()
        self.setSubTitle(self.tr("Le plan d'action est à jour ; vous pouvez fermer l'assistant."))
        wizard.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        wizard.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.completeChanged.emit()
        wizard.context.data_changed.emit()
        wizard.context.status_message.emit(self.status_text(result))

    def status_text(self, result: ImportPreview) -> str:
        parts = []
        if result.actions_created:
            parts.append(count_of(result.actions_created, self.tr("action créée"), self.tr("actions créées")))
        if result.actions_updated:
            parts.append(
                count_of(result.actions_updated, self.tr("action mise à jour"), self.tr("actions mises à jour"))
            )
        if not parts:
            parts.append(self.tr("les actions étaient déjà à jour"))
        return self.tr("Plan importé depuis « {file} » : {changes}.").format(
            file=result.path.name, changes=", ".join(parts)
        )

    @Slot()
    def _on_cancelled(self) -> None:
        self._set_running(False)
        self.state_label.setText("")
        set_error(self.error_label, self.tr("Import annulé : rien n'a été écrit."))

    @Slot(object)
    def _on_refused(self, preview: object) -> None:
        self._set_running(False)
        self.state_label.setText("")
        set_error(
            self.error_label,
            self.tr("Le fichier a changé depuis la vérification et contient des erreurs : rien n'a été écrit."),
        )
        if isinstance(preview, ImportPreview):
            self.report.show_plan_preview(preview)
            self.report.show()
        self.import_button.setEnabled(False)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        self.state_label.setText("")
        set_error(self.error_label, message)

    def isComplete(self) -> bool:
        return self._wizard.imported is not None
