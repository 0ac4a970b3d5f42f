"""Importing indicator values (INSEE, Observatoire des territoires…) into a territory's indicators: a preview
(the report and what would change, nothing written), then one all-or-nothing transaction.

Matching: an indicator is found by its normalised name (accents, case and spacing ignored) among the
territory's diagnostic indicators (no action) first, then among its action indicators; an unknown name
creates a diagnostic indicator with the unit and source of the file. A measure is found by indicator and
date: a different value updates it, the same value leaves it unchanged, so importing a file twice never
duplicates anything.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain import entities
from ti_desktop.domain.errors import NotFoundError, TiDesktopError, ValidationError
from ti_desktop.exchange.french import normalise, shown
from ti_desktop.exchange.indicator_values import (
    DATE,
    INDICATOR,
    SOURCE,
    UNIT,
    VALUE,
    IndicatorMeasure,
    IndicatorValuesImport,
    read_indicator_values,
)
from ti_desktop.exchange.report import ImportIssue
from ti_desktop.kernel.progress import CancelCheck, Cancelled, Progress
from ti_desktop.services.crud import EntityCrud
from ti_desktop.services.transactions import transaction

# Which column of the file a field refused by validation comes from.
_COLUMN_OF_FIELD = {"name": INDICATOR, "unit": UNIT, "source": SOURCE, "measured_on": DATE, "value": VALUE}


@dataclass(slots=True)
class IndicatorImportPreview:
    path: Path
    issues: list[ImportIssue] = field(default_factory=list)
    indicators_created: list[str] = field(default_factory=list)  # names as written in the file
    values_created: int = 0
    values_updated: int = 0
    values_unchanged: int = 0
    written: bool = False

    @property
    def has_errors(self) -> bool:
        return any(issue.is_error for issue in self.issues)

    @property
    def errors(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if issue.is_error]


class IndicatorImportRefusedError(TiDesktopError):
    """The file has errors: nothing was written. `preview` holds the report."""

    def __init__(self, preview: IndicatorImportPreview) -> None:
        count = len(preview.errors)
        super().__init__(
            f"import des indicateurs refusé : {count} erreur{'s' if count > 1 else ''} dans "
            f"« {preview.path.name} » ; rien n'a été écrit."
        )
        self.preview = preview


class IndicatorImportCancelled(Cancelled):
    """The user cancelled: nothing was written."""


class _Rollback(Exception):
    """Raised inside the transaction of a preview (or of a refused import) so nothing it did is kept."""


class IndicatorImportService:
    def __init__(self, sessions: sessionmaker[Session], before_write: Callable[[], object] | None = None) -> None:
        self._sessions = sessions
        self._before_write = before_write  # a backup of the base, taken once the file is known to be valid
        self._indicators = EntityCrud(
            sessions,
            models.Indicator,
            entities.INDICATOR,
        )
        self._values = EntityCrud(sessions, models.IndicatorValue, entities.INDICATOR_VALUE)

    def read(self, path: Path) -> IndicatorValuesImport:
        return read_indicator_values(path)

    def preview(
        self, territory_id: int, path: Path, *, progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> IndicatorImportPreview:
        """The report and what the import would create or update; nothing is written."""
        self._check_territory(territory_id)
        data = self.read(path)
        preview = IndicatorImportPreview(path=path, issues=list(data.issues))
        if data.has_errors:
            return preview
        try:
            with transaction(self._sessions) as session:
                _Run(self, session, territory_id, preview, progress, cancelled).run(data.measures)
                raise _Rollback
        except _Rollback:
            pass
        return preview

    def apply(
        self, territory_id: int, path: Path, *, progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> IndicatorImportPreview:
        """Import in one transaction; raise `IndicatorImportRefusedError` (nothing written) on any error,
        `IndicatorImportCancelled` (nothing written) when `cancelled()` becomes true."""
        self._check_territory(territory_id)
        data = self.read(path)
        preview = IndicatorImportPreview(path=path, issues=list(data.issues))
        if data.has_errors:
            raise IndicatorImportRefusedError(preview)
        if self._before_write is not None:
            self._before_write()
        try:
            with transaction(self._sessions) as session:
                _Run(self, session, territory_id, preview, progress, cancelled).run(data.measures)
                if preview.has_errors:
                    raise _Rollback
        except _Rollback:
            raise IndicatorImportRefusedError(preview) from None
        preview.written = True
        return preview

    def _check_territory(self, territory_id: int) -> None:
        with self._sessions() as session:
            if session.get(models.Territory, territory_id) is None:
                raise NotFoundError(
                    f"Impossible de trouver le territoire n° {territory_id} : il a peut-être été supprimé."
                )


class _Run:
    """One import inside one session: finds or creates indicators, writes the measures, counts."""

    def __init__(
        self,
        service: IndicatorImportService,
        session: Session,
        territory_id: int,
        preview: IndicatorImportPreview,
        progress: Progress | None,
        cancelled: CancelCheck | None,
    ) -> None:
        self.s, self.session, self.territory_id, self.preview = service, session, territory_id, preview
        self.progress, self.cancelled = progress, cancelled
        # Diagnostic indicators (no action) first, so they win over an action's indicator of the same name.
        statement = (
            select(models.Indicator)
            .where(models.Indicator.territory_id == territory_id)
            .order_by(models.Indicator.action_id.is_not(None), models.Indicator.id)
        )
        self.indicators: dict[str, models.Indicator] = {}
        for indicator in session.scalars(statement):
            self.indicators.setdefault(normalise(indicator.name), indicator)
        values = (
            select(models.IndicatorValue)
            .join(models.Indicator, models.Indicator.id == models.IndicatorValue.indicator_id)
            .where(models.Indicator.territory_id == territory_id)
        )
        self.values: dict[tuple[int, object], models.IndicatorValue] = {
            (value.indicator_id, value.measured_on): value for value in session.scalars(values)
        }
        self.unit_warned: set[tuple[int, str]] = set()

    def run(self, measures: list[IndicatorMeasure]) -> None:
        firsts = _first_texts(measures)
        total = len(measures)
        # Values are validated one by one but flushed once: thousands of measures import in a second.
        with self.session.no_autoflush:
            for done, measure in enumerate(measures):
                if self.cancelled is not None and self.cancelled():
                    raise IndicatorImportCancelled("Import des valeurs annulé : rien n'a été écrit.")
                if self.progress is not None and done % 200 == 0:
                    self.progress(done, total)
                try:
                    self.import_measure(measure, *firsts.get(normalise(measure.indicator), (None, None)))
                except ValidationError as error:
                    where = measure.where(_COLUMN_OF_FIELD.get(error.field, INDICATOR))
                    self.preview.issues.append(ImportIssue("error", error.message, **where))
            self.session.flush()
        if self.progress is not None:
            self.progress(total, total)

    def indicator_for(self, measure: IndicatorMeasure, unit: str | None, source: str | None) -> models.Indicator:
        key = normalise(measure.indicator)
        indicator = self.indicators.get(key)
        if indicator is None:
            indicator = self.s._indicators.create_in(
                self.session, territory_id=self.territory_id, name=measure.indicator, unit=unit, source=source
            )
            self.indicators[key] = indicator
            self.preview.indicators_created.append(measure.indicator)
        return indicator

    def import_measure(self, measure: IndicatorMeasure, unit: str | None, source: str | None) -> None:
        indicator = self.indicator_for(measure, unit, source)
        self.check_unit(measure, indicator)
        existing = self.values.get((indicator.id, measure.measured_on))
        if existing is None:
            created = self.s._values.create_in(
                self.session,
                batch=True,
                indicator_id=indicator.id,
                measured_on=measure.measured_on,
                value=measure.value,
            )
            self.values[(indicator.id, measure.measured_on)] = created
            self.preview.values_created += 1
        elif math.isclose(existing.value, measure.value, rel_tol=1e-12, abs_tol=0.0):
            self.preview.values_unchanged += 1
        else:
            self.s._values.update_in(self.session, existing.id, batch=True, value=measure.value)
            self.preview.values_updated += 1

    def check_unit(self, measure: IndicatorMeasure, indicator: models.Indicator) -> None:
        """A unit in the file unlike the indicator's: the value may be in another scale (% vs ‰, € vs k€)."""
        if not measure.unit or not indicator.unit or normalise(measure.unit) == normalise(indicator.unit):
            return
        key = (indicator.id, normalise(measure.unit))
        if key in self.unit_warned:
            return
        self.unit_warned.add(key)
        self.preview.issues.append(
            ImportIssue(
                "warning",
                f"unité « {shown(measure.unit)} » différente de celle de l'indicateur « {shown(indicator.name)} » "
                f"(« {shown(indicator.unit)} ») : les valeurs sont importées telles quelles, vérifiez leur unité.",
                **measure.where(UNIT),
            )
        )


def _first_texts(measures: list[IndicatorMeasure]) -> dict[str, tuple[str | None, str | None]]:
    """Per indicator (normalised name), the first unit and the first source given in the file."""
    firsts: dict[str, tuple[str | None, str | None]] = {}
    for measure in measures:
        key = normalise(measure.indicator)
        unit, source = firsts.get(key, (None, None))
        firsts[key] = (unit or measure.unit, source or measure.source)
    return firsts
