"""Entreprises clés: the territory's key companies in a sortable table, added and edited in a dialog."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ti_desktop.domain import entities
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.domain.records import KeyCompanyRecord
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.dialogs.confirm import confirm
from ti_desktop.gui.dialogs.record_form import RecordFormDialog, for_reading
from ti_desktop.gui.field_errors import as_error_label, set_error
from ti_desktop.gui.forms.ui_diagnostic_companies import Ui_CompaniesTab
from ti_desktop.gui.inputs import parse_whole_number, show_number
from ti_desktop.gui.models.diagnostic import RECORD_ID_ROLE, SORT_ROLE, CompanyColumn, CompanyTableModel
from ti_desktop.gui.pages.diagnostic_forms import optional_text, short
from ti_desktop.gui.tables import fit_columns, read_only_table
from ti_desktop.gui.theme import apply_roles
from ti_desktop.kernel.formatting import format_number
from ti_desktop.services.use_cases import HasCompanies


class CompanyDialog(RecordFormDialog):
    def __init__(self, title: str, company: KeyCompanyRecord | None, parent: QWidget | None = None) -> None:
        super().__init__(title, parent=parent, minimum_width=520)
        self.name_edit = QLineEdit(self)
        self.siret_edit = QLineEdit(self)
        self.siret_edit.setPlaceholderText(self.tr("14 chiffres"))
        self.sector_edit = QLineEdit(self)
        self.sector_edit.setPlaceholderText(self.tr("ex. 25.50A – Forge, estampage, matriçage"))
        self.employees_edit = QLineEdit(self)
        self.employees_edit.setPlaceholderText(self.tr("nombre de salariés"))
        self.commune_edit = QLineEdit(self)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(90)
        if company is not None:
            self.name_edit.setText(company.name)
            self.siret_edit.setText(company.siret or "")
            self.sector_edit.setText(company.sector or "")
            self.employees_edit.setText(show_number(company.employees))
            self.commune_edit.setText(company.commune or "")
            self.notes_edit.setPlainText(company.notes or "")
        self.add_row("name", self.tr("Raison sociale"), self.name_edit)
        self.add_row("siret", self.tr("SIRET"), self.siret_edit)
        self.add_row("sector", self.tr("Secteur (NAF)"), self.sector_edit)
        self.add_row("employees", self.tr("Effectif"), self.employees_edit)
        self.add_row("commune", self.tr("Commune"), self.commune_edit)
        self.add_row("notes", self.tr("Notes"), self.notes_edit)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text(),
            # Typed as displayed (« 321 874 562 00028 ») or as stored: the same 14 digits.
            "siret": "".join(self.siret_edit.text().split()) or None,
            "sector": optional_text(self.sector_edit),
            "employees": parse_whole_number(
                self.employees_edit.text(), "employees", entities.KEY_COMPANY.fields["employees"].label
            ),
            "commune": optional_text(self.commune_edit),
            "notes": optional_text(self.notes_edit),
        }


class CompaniesTabServices(HasCompanies, Protocol):
    """What CompaniesTab uses."""


class CompaniesTab(QWidget):
    def __init__(self, context: AppContext, services: CompaniesTabServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        # The buttons, the table and the message line: ui/diagnostic_companies.ui.
        self.ui = ui = Ui_CompaniesTab()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self.context = context
        self.dialog: CompanyDialog | None = None
        self.model = CompanyTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = read_only_table(ui.companyView)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(CompanyColumn.NAME, Qt.SortOrder.AscendingOrder)
        fit_columns(self.view, CompanyColumn.SECTOR, text_columns={CompanyColumn.NAME, CompanyColumn.COMMUNE})
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.view.selectionModel().currentChanged.connect(lambda *_args: self._update_buttons())
        self.add_button = ui.addButton
        self.edit_button = ui.editButton
        self.delete_button = ui.deleteButton
        self.add_button.clicked.connect(self.add_company)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.total_label = ui.totalLabel
        self.message = as_error_label(ui.messageLabel)
        self._update_buttons()

    def reload(self) -> None:
        tid = self.context.territory_id
        assert tid is not None
        selected = self.current_company_id()
        companies = self.services.companies.list(territory_id=tid)
        self.model.set_companies(companies)
        employees = sum(company.employees or 0 for company in companies)
        count = len(companies)
        counted = self.tr("1 entreprise") if count == 1 else self.tr("{count} entreprises").format(count=count)
        self.total_label.setText(
            self.tr("{counted}, {employees} salariés au total").format(
                counted=counted, employees=format_number(employees)
            )
        )
        if selected is not None:
            self.select_company(selected)
        self._update_buttons()

    # -- selection -----------------------------------------------------------------------------
    def current_company_id(self) -> int | None:
        value = self.view.currentIndex().data(RECORD_ID_ROLE)
        return int(value) if value is not None else None

    def select_company(self, company_id: int) -> None:
        row = self.model.row_of(company_id)
        if row >= 0:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))

    def _current_company(self) -> KeyCompanyRecord | None:
        index = self.proxy.mapToSource(self.view.currentIndex())
        return self.model.company_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        has_current = self.view.currentIndex().isValid()
        self.edit_button.setEnabled(has_current)
        self.delete_button.setEnabled(has_current)

    # -- commands ------------------------------------------------------------------------------
    def add_company(self) -> None:
        self._open_dialog(None)

    def edit_current(self) -> None:
        company = self._current_company()
        if company is not None:
            self._open_dialog(company)

    def _open_dialog(self, company: KeyCompanyRecord | None) -> None:
        self.message.clear()
        title = self.tr("Modifier une entreprise clé") if company is not None else self.tr("Ajouter une entreprise clé")
        dialog = CompanyDialog(title, company, self)
        dialog.save = lambda values: self._save(values, company)
        self.dialog = for_reading(dialog, self.context.read_only_reason)
        dialog.open()
        dialog.name_edit.setFocus()

    def _save(self, values: dict[str, Any], company: KeyCompanyRecord | None) -> None:
        crud = self.services.companies
        if company is None:
            tid = self.context.territory_id
            label = self.tr("Ajouter l'entreprise « {name} »").format(name=short(values["name"]))
            record = self.context.editor.create(crud, label, territory_id=tid, **values)
            self.select_company(record.id)
        else:
            label = self.tr("Modifier l'entreprise « {name} »").format(name=short(company.name))
            self.context.editor.update(crud, company.id, label, company.version, **values)

    def delete_current(self) -> None:
        company = self._current_company()
        if company is None:
            return
        question = self.tr("Supprimer l'entreprise « {name} » de la liste des entreprises clés ?").format(
            name=company.name
        )
        if not confirm(self, self.tr("Supprimer une entreprise"), question):
            return
        try:
            label = self.tr("Supprimer l'entreprise « {name} »").format(name=short(company.name))
            self.context.editor.delete(self.services.companies, company.id, label, company.version)
        except TiDesktopError as error:
            set_error(self.message, error.message)
