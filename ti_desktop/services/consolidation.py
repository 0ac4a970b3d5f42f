"""A Région's consolidation: the reports its territories sent, checked (`exchange.received_files`), stored in the
base (one per territory and period, shared by every agent of a PostgreSQL base), and added up
(`domain.consolidation.consolidate`).

Adding files is one transaction for the whole batch: either every accepted report is stored, or none (a failed
write leaves the base as it was). Re-adding a report changes nothing (« inchangé »); a report of a territory and
period already received replaces it when it was generated the same day or later (« remplacé », the history says
so), and is refused when it is older; two different reports of one territory and period in the same batch are
both refused. Every other file of the batch is still consolidated.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.db.changelog import USER_KEY, log_changes
from ti_desktop.domain.consolidation import ConsolidatedView, ReceivedReport, consolidate
from ti_desktop.domain.data_documents import canonical_bytes
from ti_desktop.domain.errors import ConcurrentEditError, ConflictError, NotFoundError
from ti_desktop.exchange.received_files import Reading, Validators, files_in, french_date, read_file
from ti_desktop.kernel.clock import Clock
from ti_desktop.kernel.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from ti_desktop.paths import resource_path
from ti_desktop.services.transactions import transaction

Outcome = Literal["ajouté", "inchangé", "remplacé", "refusé"]
ENTITY = "received_report"  # its name in the history (domain.entities.RECEIVED_REPORT)
KEY_CHUNK = 500  # territory keys per query (a parameter list stays well under every database's limit)


@dataclass(frozen=True, slots=True)
class FileVerdict:
    path: Path
    outcome: Outcome
    message: str  # a complete French sentence naming the file
    territory: str | None = None
    period: str | None = None  # "du 01/01/2026 au 30/06/2026"


@dataclass(frozen=True, slots=True)
class AddOutcome:
    verdicts: tuple[FileVerdict, ...]  # one per report found (a folder is walked; a regional synthesis yields several)

    @property
    def refused(self) -> tuple[FileVerdict, ...]:
        return tuple(verdict for verdict in self.verdicts if verdict.outcome == "refusé")

    def count(self, outcome: Outcome) -> int:
        return sum(1 for verdict in self.verdicts if verdict.outcome == outcome)


@dataclass(frozen=True, slots=True)
class StoredReport:
    """One row of the received reports, for lists."""

    id: int
    version: int
    territory: str
    region: str | None
    period_from: dt.date
    period_to: dt.date
    generated_on: dt.date
    received_at: dt.datetime
    source: str
    sha256: str
    actions: int


def period_text(start: dt.date, end: dt.date) -> str:
    return f"du {french_date(start)} au {french_date(end)}"


def report_phrase(territory: str, start: dt.date, end: dt.date) -> str:
    """« rapport de Cœur de Loire du 01/01/2026 au 30/06/2026 »."""
    return f"rapport de {territory} {period_text(start, end)}"


@dataclass(frozen=True, slots=True)
class ReceptionEvent:
    """One line of the consolidation's history: a report added, replaced or removed, by whom and when."""

    changed_at: dt.datetime
    user: str
    text: str  # « Ajouté : rapport de X du … au … », « Remplacé : … », « Retiré : … »


def _event_text(field: str | None, old: str | None, new: str | None) -> str:
    if new is None:
        return f"Retiré : {old}"
    if field is not None:
        return f"Remplacé : {new}"
    return f"Ajouté : {new}"


class ConsolidationCancelled(Cancelled):
    pass


class ConsolidationService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock
        self._validators = Validators(resource_path("schemas"))  # compiled once, for every batch

    # --- adding -----------------------------------------------------------------------------------------------

    def add_files(
        self, paths: Sequence[Path], progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> AddOutcome:
        progress = progress or no_progress
        cancelled = cancelled or never_cancelled
        files = files_in(paths)
        readings: list[Reading] = []
        for done, path in enumerate(files):
            if cancelled():
                raise ConsolidationCancelled("Consolidation interrompue : aucun rapport n'a été enregistré.")
            progress(done, len(files) + 1)
            readings += read_file(path, self._validators)
        verdicts: dict[int, FileVerdict] = {}
        for index, reading in enumerate(readings):
            if reading.refusal is not None:
                verdicts[index] = FileVerdict(reading.path, "refusé", reading.refusal)
        accepted = _one_per_period(readings, verdicts)
        if cancelled():
            raise ConsolidationCancelled("Consolidation interrompue : aucun rapport n'a été enregistré.")
        progress(len(files), len(files) + 1)
        if accepted:
            try:
                verdicts.update(self._store(readings, accepted))
            except ConflictError:
                # Another agent of a shared base stored one of these territories' reports meanwhile (the unique
                # territory and period refused ours): decide again, against what is stored now.
                verdicts.update(self._store(readings, accepted))
        progress(len(files) + 1, len(files) + 1)
        return AddOutcome(tuple(verdicts[index] for index in sorted(verdicts)))

    def _store(self, readings: list[Reading], accepted: list[int]) -> dict[int, FileVerdict]:
        verdicts: dict[int, FileVerdict] = {}
        now = self._clock.now()
        with transaction(self._sessions) as session:
            user = str(session.info.get(USER_KEY, "inconnu"))
            keys = sorted({_report(readings[index]).key for index in accepted})
            existing: dict[tuple[str, dt.date, dt.date], models.ReceivedReport] = {}
            for start in range(0, len(keys), KEY_CHUNK):
                rows = session.scalars(
                    select(models.ReceivedReport).where(
                        models.ReceivedReport.territory_key.in_(keys[start : start + KEY_CHUNK])
                    )
                )
                for found in rows:
                    existing[(found.territory_key, found.period_from, found.period_to)] = found
            created: list[tuple[int, models.ReceivedReport]] = []
            history: list[dict[str, Any]] = []
            for index in accepted:
                reading = readings[index]
                report = _report(reading)
                phrase = report_phrase(report.territory, report.period_from, report.period_to)
                period = period_text(report.period_from, report.period_to)
                name = reading.label or reading.path.name
                row = existing.get((report.key, report.period_from, report.period_to))
                verdict = functools.partial(_verdict, reading.path, territory=report.territory, period=period)

                if row is not None and row.sha256 == report.sha256:
                    verdicts[index] = verdict("inchangé", f"{name} : {phrase} déjà reçu, inchangé.")
                    continue
                if row is not None and report.generated_on < row.generated_on:
                    verdicts[index] = verdict(
                        "refusé",
                        f"{name} : ce {phrase}, généré le {french_date(report.generated_on)}, est plus ancien que "
                        f"celui déjà reçu (généré le {french_date(row.generated_on)}) : celui-ci est conservé.",
                    )
                    continue
                values = _columns(report, reading, now, user)
                if row is None:
                    row = models.ReceivedReport(**values)
                    session.add(row)
                    created.append((index, row))
                    existing[(report.key, report.period_from, report.period_to)] = row
                    verdicts[index] = verdict("ajouté", f"{name} : {phrase} ajouté.")
                    continue
                old_generated = row.generated_on
                for key, value in values.items():
                    setattr(row, key, value)
                replaced = f"{phrase} remplacé par celui du {french_date(report.generated_on)}"
                history.append(
                    _history(
                        row.id,
                        "report",
                        f"{phrase} généré le {french_date(old_generated)}",
                        replaced,
                    )
                )
                verdicts[index] = verdict(
                    "remplacé",
                    f"{name} : {replaced} (celui qui était reçu avait été généré le {french_date(old_generated)}).",
                )
            session.flush()
            for _index, new in created:
                history.append(
                    _history(new.id, None, None, report_phrase(new.territory_name, new.period_from, new.period_to))
                )
            log_changes(session, history)
        return verdicts

    # --- reading ----------------------------------------------------------------------------------------------

    def history(self, limit: int = 200) -> list[ReceptionEvent]:
        """What happened to the received reports, newest first (whoever did it, on a shared base)."""
        table = models.ChangeLog.__table__
        statement = (
            select(table.c.changed_at, table.c.user, table.c.field, table.c.old_value, table.c.new_value)
            .where(table.c.entity == ENTITY)
            .order_by(table.c.id.desc())
            .limit(limit)
        )
        with self._sessions() as session:
            rows = session.execute(statement).all()
        return [
            ReceptionEvent(row.changed_at, row.user, _event_text(row.field, row.old_value, row.new_value))
            for row in rows
        ]

    def stored(self) -> list[StoredReport]:
        """Every stored report, by territory, then period (newest first)."""
        with self._sessions() as session:
            rows = session.scalars(select(models.ReceivedReport)).all()
            stored = [
                StoredReport(
                    id=row.id,
                    version=row.version,
                    territory=row.territory_name,
                    region=row.region,
                    period_from=row.period_from,
                    period_to=row.period_to,
                    generated_on=row.generated_on,
                    received_at=row.received_at,
                    source=row.source,
                    sha256=row.sha256,
                    actions=len(json.loads(row.data).get("actions", ())),
                )
                for row in rows
            ]
        return sorted(stored, key=_order)

    def received(self) -> list[ReceivedReport]:
        """The stored reports with their data (the order of `stored`), for `consolidate`."""
        with self._sessions() as session:
            rows = session.scalars(select(models.ReceivedReport)).all()
            reports = [
                (
                    (row.territory_name.casefold(), -row.period_to.toordinal(), -row.period_from.toordinal(), row.id),
                    ReceivedReport(row.id, row.sha256, json.loads(row.data), row.source, row.received_at.date()),
                )
                for row in rows
            ]
        return [report for _key, report in sorted(reports, key=lambda item: item[0])]

    def view(self, today: dt.date) -> ConsolidatedView:
        return consolidate(self.received(), today)

    # --- removing ---------------------------------------------------------------------------------------------

    def remove(self, report_id: int, expected_version: int) -> None:
        """Remove a stored report; `ConcurrentEditError` if someone replaced or removed it in between."""
        with transaction(self._sessions) as session:
            row = session.get(models.ReceivedReport, report_id)
            if row is None:
                raise NotFoundError("Ce rapport reçu n'existe plus : quelqu'un d'autre l'a sans doute retiré.")
            phrase = report_phrase(row.territory_name, row.period_from, row.period_to)
            if row.version != expected_version:
                raise ConcurrentEditError(
                    f"Quelqu'un d'autre vient de remplacer le {phrase} : il n'a pas été retiré. "
                    "Rechargez la liste, puis recommencez."
                )
            session.delete(row)
            session.flush()
            log_changes(session, [_history(report_id, None, phrase, None)])


def _verdict(path: Path, outcome: Outcome, message: str, *, territory: str, period: str) -> FileVerdict:
    return FileVerdict(path, outcome, message, territory, period)


def _report(reading: Reading) -> ReceivedReport:
    assert reading.report is not None
    return reading.report


def _order(report: StoredReport) -> tuple[str, int, int, int]:
    return (report.territory.casefold(), -report.period_to.toordinal(), -report.period_from.toordinal(), report.id)


def _columns(report: ReceivedReport, reading: Reading, now: dt.datetime, user: str) -> dict[str, Any]:
    return {
        "territory_key": report.key,
        "territory_name": report.territory,
        "region": report.region,
        "period_from": report.period_from,
        "period_to": report.period_to,
        "generated_on": report.generated_on,
        "schema_version": reading.schema_version,
        "sha256": report.sha256,
        "data": canonical_bytes(report.data).decode("utf-8"),
        "source": reading.path.name,
        "received_at": now,
        "received_by": user,
    }


def _history(row_id: int, field: str | None, old: str | None, new: str | None) -> dict[str, Any]:
    return {
        "territory_id": None,
        "action_id": None,
        "entity": ENTITY,
        "entity_id": row_id,
        "field": field,
        "old_value": old,
        "new_value": new,
    }


def _one_per_period(readings: list[Reading], verdicts: dict[int, FileVerdict]) -> list[int]:
    """The readings to store: one per territory and period. The same report twice is one (the second is
    « inchangé »); two different ones of a territory and period are both refused, naming both files."""
    groups: dict[tuple[str, dt.date, dt.date], list[int]] = defaultdict(list)
    for index, reading in enumerate(readings):
        if reading.report is not None:
            report = reading.report
            groups[(report.key, report.period_from, report.period_to)].append(index)
    accepted: list[int] = []
    for indexes in groups.values():
        first = readings[indexes[0]]
        report = _report(first)
        phrase = report_phrase(report.territory, report.period_from, report.period_to)
        period = period_text(report.period_from, report.period_to)
        if len({_report(readings[index]).sha256 for index in indexes}) > 1:
            names = [readings[index].label or readings[index].path.name for index in indexes]
            listed = ", ".join(names[:-1]) + " et " + names[-1]
            for index in indexes:
                verdicts[index] = FileVerdict(
                    readings[index].path,
                    "refusé",
                    f"{readings[index].label} : {listed} sont {_count(len(indexes))} "
                    f"{phrase.replace('rapport', 'rapports', 1)} différents, dans le même envoi : aucun n'est retenu ; "
                    "ne gardez que le bon, puis recommencez.",
                    report.territory,
                    period,
                )
            continue
        accepted.append(indexes[0])
        for index in indexes[1:]:
            verdicts[index] = FileVerdict(
                readings[index].path,
                "inchangé",
                f"{readings[index].label} : {phrase}, le même que {first.label}, inchangé.",
                report.territory,
                period,
            )
    accepted.sort()
    return accepted


def _count(number: int) -> str:
    return {2: "deux", 3: "trois", 4: "quatre"}.get(number, str(number))
