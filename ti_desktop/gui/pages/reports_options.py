"""The report's options (period, sections, annex, logo), remembered per territory in the settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QWidget,
)

from ti_desktop.domain.errors import ValidationError
from ti_desktop.domain.report_options import ReportOptions, ReportSection
from ti_desktop.gui.date_edit import date_field
from ti_desktop.gui.field_errors import FieldErrors, as_error_label
from ti_desktop.gui.forms.ui_report_options import Ui_ReportOptionsPanel
from ti_desktop.gui.inputs import parse_date, show_date
from ti_desktop.gui.theme import apply_roles


def settings_key(territory_id: int, name: str) -> str:
    return f"rapports/{territory_id}/{name}"


class ReportOptionsPanel(QGroupBox):
    """Every change is saved at once for the territory shown, then `changed` is emitted."""

    changed = Signal()

    def __init__(self, settings: QSettings, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReportOptionsPanel()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        apply_roles(self)
        self._settings = settings
        self._today = today
        self._territory_id: int | None = None
        self._loading = False
        self._logo: Path | None = None
        self.errors = FieldErrors()

        ui = self.ui
        self.from_edit = ui.period_from
        self.to_edit = ui.period_to
        for edit in (self.from_edit, self.to_edit):
            date_field(edit)
            edit.editingFinished.connect(self._edited)
        for name, label in (
            ("period_from", ui.erreur_period_from),
            ("period_to", ui.erreur_period_to),
            ("sections", ui.erreur_sections),
        ):
            self.errors.add(name, None, as_error_label(label))

        # One box per section of the report (the domain names them), in the tab order after the period.
        self.section_boxes: dict[ReportSection, QCheckBox] = {}
        previous: QWidget = self.to_edit
        for section in ReportSection:
            box = QCheckBox(section.label, ui.sectionsBox)
            box.setObjectName(f"section_{section.value}")
            box.toggled.connect(self._edited)
            ui.sectionsLayout.addWidget(box)
            self.section_boxes[section] = box
            QWidget.setTabOrder(previous, box)
            previous = box

        self.annex_box = ui.annexBox
        QWidget.setTabOrder(previous, self.annex_box)
        self.annex_box.toggled.connect(self._edited)

        self.logo_label = ui.logoLabel
        self.choose_logo_button = ui.chooseLogoButton
        self.choose_logo_button.clicked.connect(self._choose_logo)
        self.remove_logo_button = ui.removeLogoButton
        self.remove_logo_button.clicked.connect(lambda: self.set_logo(None))
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
