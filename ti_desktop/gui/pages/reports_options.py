"""The report's options (period, sections, annex, logo), remembered per territory in the settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ti_desktop.domain.errors import ValidationError
from ti_desktop.domain.report_options import ReportOptions, ReportSection
from ti_desktop.gui.field_errors import FieldErrors
from ti_desktop.gui.inputs import parse_date, show_date


def settings_key(territory_id: int, name: str) -> str:
    return f"rapports/{territory_id}/{name}"


class ReportOptionsPanel(QGroupBox):
    """Every change is saved at once for the territory shown, then `changed` is emitted."""

    changed = Signal()

    def __init__(self, settings: QSettings, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Options du rapport"))
        self._settings = settings
        self._today = today
        self._territory_id: int | None = None
        self._loading = False
        self._logo: Path | None = None
        self.errors = FieldErrors()

        self.from_edit = QLineEdit(self)
        self.from_edit.setObjectName("period_from")
        self.to_edit = QLineEdit(self)
        self.to_edit.setObjectName("period_to")
        for edit in (self.from_edit, self.to_edit):
            edit.setPlaceholderText(self.tr("jj/mm/aaaa"))
            edit.editingFinished.connect(self._edited)
        form = QFormLayout()
        form.addRow(self.tr("Période du"), self.errors.wrap("period_from", self.from_edit))
        form.addRow(self.tr("au"), self.errors.wrap("period_to", self.to_edit))

        sections = QWidget(self)
        sections_layout = QVBoxLayout(sections)
        sections_layout.setContentsMargins(0, 0, 0, 0)
        self.section_boxes: dict[ReportSection, QCheckBox] = {}
        for section in ReportSection:
            box = QCheckBox(section.label, sections)
            box.setObjectName(f"section_{section.value}")
            box.toggled.connect(self._edited)
            sections_layout.addWidget(box)
            self.section_boxes[section] = box
        form.addRow(self.tr("Sections"), self.errors.wrap("sections", sections))

        self.annex_box = QCheckBox(self.tr("Annexe : une page par fiche-action"), self)
        self.annex_box.toggled.connect(self._edited)
        form.addRow("", self.annex_box)

        self.logo_label = QLabel(self)
        self.logo_label.setWordWrap(True)
        self.choose_logo_button = QPushButton(self.tr("Choisir…"), self)
        self.choose_logo_button.clicked.connect(self._choose_logo)
        self.remove_logo_button = QPushButton(self.tr("Retirer"), self)
        self.remove_logo_button.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(self.remove_logo_button)
        form.addRow(self.tr("Logo"), logo_row)
        self.setLayout(form)
        self._show_logo()

    # -- per territory -------------------------------------------------------------------------
    def load(self, territory_id: int) -> None:
        """Show the options last used for this territory (defaults: 1 January of this year to today)."""
        self._territory_id = territory_id
        self._loading = True
        try:
            start = self._stored_date("du") or dt.date(self._today().year, 1, 1)
            end = self._stored_date("au") or self._today()
            self.from_edit.setText(show_date(start))
            self.to_edit.setText(show_date(end))
            stored_sections = self._value("sections")
            codes = set(stored_sections.split()) if stored_sections is not None else {s.value for s in ReportSection}
            for section, box in self.section_boxes.items():
                box.setChecked(section.value in codes)
            self.annex_box.setChecked(self._value("annexe") == "1")
            logo = self._value("logo")
            self._logo = Path(logo) if logo else None
            self._show_logo()
            self.errors.clear()
        finally:
            self._loading = False

    def _value(self, name: str) -> str | None:
        assert self._territory_id is not None
        value = self._settings.value(settings_key(self._territory_id, name))
        return None if value is None else str(value)

    def _stored_date(self, name: str) -> dt.date | None:
        value = self._value(name)
        try:
            return dt.date.fromisoformat(value) if value else None
        except ValueError:
            return None

    def _save(self) -> None:
        if self._territory_id is None:
            return
        for name, edit, label in (("du", self.from_edit, "Début"), ("au", self.to_edit, "Fin")):
            try:
                day = parse_date(edit.text(), name, label)
            except ValidationError:
                continue  # an unreadable date is not remembered
            if day is not None:
                self._settings.setValue(settings_key(self._territory_id, name), day.isoformat())
        # Space-separated: the INI format would turn a comma-separated value into a list.
        codes = " ".join(section.value for section, box in self.section_boxes.items() if box.isChecked())
        self._settings.setValue(settings_key(self._territory_id, "sections"), codes)
        self._settings.setValue(settings_key(self._territory_id, "annexe"), "1" if self.annex_box.isChecked() else "0")
        self._settings.setValue(settings_key(self._territory_id, "logo"), str(self._logo) if self._logo else "")

    def _edited(self) -> None:
        if self._loading:
            return
        self._save()
        self.changed.emit()

    # -- logo ------------------------------------------------------------------------------------
    def _choose_logo(self) -> None:
        start = str(self._logo.parent) if self._logo else ""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choisir le logo du rapport"), start, self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if name:
            self.set_logo(Path(name))

    def set_logo(self, logo: Path | None) -> None:
        self._logo = logo
        self._show_logo()
        self._edited()

    def logo(self) -> Path | None:
        return self._logo

    def _show_logo(self) -> None:
        self.logo_label.setText(self._logo.name if self._logo else self.tr("Aucun"))
        self.logo_label.setToolTip(str(self._logo) if self._logo else "")
        self.remove_logo_button.setEnabled(self._logo is not None)

    # -- reading ---------------------------------------------------------------------------------
    def read(self) -> ReportOptions:
        """The options shown; an invalid entry raises ValidationError, also shown under its field."""
        self.errors.clear()
        try:
            start = parse_date(self.from_edit.text(), "period_from", self.tr("Début de la période"))
            end = parse_date(self.to_edit.text(), "period_to", self.tr("Fin de la période"))
            if start is None:
                raise ValidationError("period_from", self.tr("Début de la période"), self.tr("la date est requise."))
            if end is None:
                raise ValidationError("period_to", self.tr("Fin de la période"), self.tr("la date est requise."))
            return ReportOptions(
                period_from=start,
                period_to=end,
                sections=frozenset(section for section, box in self.section_boxes.items() if box.isChecked()),
                annex=self.annex_box.isChecked(),
                logo=self._logo,
            )
        except ValidationError as error:
            self.errors.show_error(error, "period_to")
            raise
