"""All or nothing: whatever a plan file holds, `apply` either writes exactly what `preview` announced or
refuses (or is cancelled) leaving the database byte for byte as it was."""

from __future__ import annotations

import csv
import hashlib
import io
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from ti_desktop.domain.errors import ValidationError
from ti_desktop.services.importing import ImportCancelled, ImportPreview, ImportRefusedError
from ti_desktop.services.maintenance import open_services
from ti_desktop.services.registry import Services

from ..clock import fixed_clock
from ..exchange.conftest import tet_file, with_cell
from ..sessions import sessions_of
from .conftest import World

COUNTED = ("actions", "funding_lines", "milestones", "axes", "objectives", "actors", "change_log")
HEADER = [
    "Code",
    "Axe",
    "Intitulé",
    "Statut",
    "Date de début",
    "Échéance",
    "Coût total HT",
    "Avancement (%)",
    "Maître d'ouvrage",
    "Financeur",
    "Montant demandé (€)",
    "Montant accordé (€)",
    "Statut du financement",
    "Date de dépôt",
    "Date de décision",
    "Jalon",
    "Échéance du jalon",
]
COLUMN = {name: index for index, name in enumerate(HEADER)}


# --- database snapshots --------------------------------------------------------------------------------------


def snapshot(services: Services) -> dict[str, str]:
    """Each table's full content, hashed: equal snapshots mean nothing at all was written."""
    result = {}
    with sessions_of(services)() as session:
        tables = sorted(inspect(session.connection()).get_table_names())  # SQLite file or server base
        for table in tables:
            rows = session.execute(text(f'SELECT * FROM "{table}"')).all()
            result[table] = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
    return result


def counts(services: Services) -> dict[str, int]:
    with sessions_of(services)() as session:
        return {table: session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() for table in COUNTED}


@contextmanager
def fresh_database() -> Iterator[tuple[Services, int]]:
    """A new database per hypothesis example (fixtures are shared between examples)."""
    with tempfile.TemporaryDirectory(prefix="ti-import-") as folder:
        opened = open_services(Path(folder) / "plan.sqlite3", user="claire.martin", clock=fixed_clock())
        try:
            territory = opened.services.territories.create(name="Vallée de l'Orne industrielle", region="Normandie")
            yield opened.services, territory.id
        finally:
            opened.close()


def write_plan(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows([HEADER, *rows])
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


def assert_errors_located(preview: ImportPreview) -> None:
    assert preview.errors
    for issue in preview.errors:
        assert issue.sheet and issue.row is not None and issue.row >= 2, str(issue)
        assert issue.message.strip(), str(issue)


# --- generated plans -----------------------------------------------------------------------------------------

AXES = ["Innovation", "Compétences", "INN", "Axe 4 : Transition écologique", "foncier"]
TITLES = ["Plateforme d'essais", "Campus des métiers", "Friche Arcelor", "Réseau de chaleur", "Atelier partagé"]
AMOUNTS = ["1 250 000 €", "1\u202f250\u202f000,50", "1.250.000,50", "12500", "0", "980\u00a0000 €"]
DATES = ["15/03/2024", "2024-06-30", "45366", "01/01/2025"]
ACTORS = ["Communauté de communes", "Région Normandie", "Lycée Jean Moulin", ""]
GOOD = "bonne"
# Each bad kind breaks one thing. File errors are found reading the file; the database kinds pass the file
# checks and are refused by the rules inside the transaction, after earlier rows were already written (and
# must be rolled back). The preview only runs the database checks on a file without file errors.
FILE_KINDS = ("montant", "date", "ordre", "titre", "statut", "avancement", "negatif", "code_double")
DATABASE_KINDS = ("axe_inconnu", "accorde_sans_montant", "depot_apres_decision")
BAD_KINDS = FILE_KINDS + DATABASE_KINDS


@dataclass(frozen=True)
class GeneratedPlan:
    rows: list[list[str]]
    bad_rows: dict[int, str]  # file row number (header is row 1) → bad kind

    def rows_expected_in_error(self) -> set[int]:
        file_rows = {number for number, kind in self.bad_rows.items() if kind in FILE_KINDS}
        return file_rows or set(self.bad_rows)


def good_row(draw: st.DrawFn, index: int) -> list[str]:
    row = [""] * len(HEADER)
    row[COLUMN["Code"]] = draw(st.sampled_from([f"A{index}", ""]))
    row[COLUMN["Axe"]] = draw(st.sampled_from(AXES))
    row[COLUMN["Intitulé"]] = draw(st.sampled_from(TITLES)) + draw(st.sampled_from(["", f" n°{index}"]))
    row[COLUMN["Statut"]] = draw(st.sampled_from(["En cours", "À venir", "Réalisée", "À discuter", ""]))
    row[COLUMN["Date de début"]] = draw(st.sampled_from(["", "01/01/2024"]))
    row[COLUMN["Échéance"]] = draw(st.sampled_from(["", *DATES]))
    row[COLUMN["Coût total HT"]] = draw(st.sampled_from(["", *AMOUNTS]))
    row[COLUMN["Avancement (%)"]] = draw(st.sampled_from(["", "0", "45 %", "100"]))
    row[COLUMN["Maître d'ouvrage"]] = draw(st.sampled_from(ACTORS))
    if draw(st.booleans()):
        row[COLUMN["Financeur"]] = draw(st.sampled_from(["Région", "État – Fonds vert", "FEDER"]))
        row[COLUMN["Montant demandé (€)"]] = draw(st.sampled_from(AMOUNTS))
        row[COLUMN["Statut du financement"]] = draw(st.sampled_from(["", "Envisagé", "Déposé"]))
    if draw(st.booleans()):
        row[COLUMN["Jalon"]] = draw(st.sampled_from(["Étude de faisabilité", "Pose de la première pierre"]))
        row[COLUMN["Échéance du jalon"]] = draw(st.sampled_from(["", *DATES]))
    return row


def spoil(row: list[str], kind: str, previous_code: str | None) -> list[str]:
    row = list(row)
    row[COLUMN["Axe"]] = row[COLUMN["Axe"]] or "Innovation"
    if kind == "montant":
        row[COLUMN["Coût total HT"]] = "douze mille euros"
    elif kind == "date":
        row[COLUMN["Date de début"]] = "31/02/2024"
    elif kind == "ordre":
        row[COLUMN["Date de début"]], row[COLUMN["Échéance"]] = "01/06/2025", "01/01/2025"
    elif kind == "titre":
        row[COLUMN["Intitulé"]] = ""
        row[COLUMN["Coût total HT"]] = "1 000 €"  # several values: a row, not a section title
    elif kind == "statut":
        row[COLUMN["Statut"]] = "Presque fini"
    elif kind == "avancement":
        row[COLUMN["Avancement (%)"]] = "150"
    elif kind == "negatif":
        row[COLUMN["Coût total HT"]] = "-5 000 €"
    elif kind == "code_double":
        row[COLUMN["Code"]] = previous_code or ""
    elif kind == "axe_inconnu":
        row[COLUMN["Axe"]] = "Axe 9 – Conquête spatiale"
    elif kind == "accorde_sans_montant":
        row[COLUMN["Financeur"]], row[COLUMN["Montant demandé (€)"]] = "Région", "10 000 €"
        row[COLUMN["Statut du financement"]], row[COLUMN["Montant accordé (€)"]] = "Accordé", ""
    elif kind == "depot_apres_decision":
        row[COLUMN["Financeur"]], row[COLUMN["Montant demandé (€)"]] = "Région", "10 000 €"
        row[COLUMN["Date de dépôt"]], row[COLUMN["Date de décision"]] = "01/06/2025", "01/01/2025"
    return row


@st.composite
def generated_plans(draw: st.DrawFn) -> GeneratedPlan:
    count = draw(st.integers(1, 8))
    rows: list[list[str]] = []
    bad: dict[int, str] = {}
    good_code: str | None = None  # a code of a good row, for a duplicate (a refused row registers no code)
    for index in range(count):
        row = good_row(draw, index)
        kind = draw(st.sampled_from([GOOD, GOOD, *BAD_KINDS]))
        if kind == "code_double" and good_code is None:
            kind = "montant"
        if kind != GOOD:
            row = spoil(row, kind, good_code)
            bad[index + 2] = kind
        elif row[COLUMN["Code"]]:
            good_code = row[COLUMN["Code"]]
        rows.append(row)
    blank_at = draw(st.integers(0, len(rows)))
    if draw(st.booleans()):  # a blank row in the middle: the rows below keep their file numbers
        rows.insert(blank_at, [""] * len(HEADER))
        bad = {number + 1 if number >= blank_at + 2 else number: kind for number, kind in bad.items()}
    return GeneratedPlan(rows, bad)


SEED_ROWS = [
    ["A0", "Innovation", "Plateforme d'essais", "En cours", "", "", "1 000 €"] + [""] * (len(HEADER) - 7),
    ["A1", "Compétences", "Campus des métiers", "À venir", "", "", ""] + [""] * (len(HEADER) - 7),
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=generated_plans(), seeded=st.booleans())
def test_apply_writes_what_preview_said_or_nothing(plan: GeneratedPlan, seeded: bool) -> None:
    with fresh_database() as (services, territory_id), tempfile.TemporaryDirectory() as folder:
        if seeded:  # actions already there: the file updates them by code instead of creating
            services.imports.apply(territory_id, write_plan(Path(folder) / "avant.csv", SEED_ROWS))
        path = write_plan(Path(folder) / "plan.csv", plan.rows)
        before, before_counts = snapshot(services), counts(services)

        preview = services.imports.preview(territory_id, path)
        assert snapshot(services) == before, "preview wrote to the database"
        assert not preview.written

        if plan.bad_rows:
            assert preview.has_errors, (plan.bad_rows, [str(i) for i in preview.issues])
            error_rows = {issue.row for issue in preview.errors}
            expected = plan.rows_expected_in_error()
            assert expected <= error_rows, ([str(i) for i in preview.errors], plan.bad_rows)
        if preview.has_errors:
            assert_errors_located(preview)
            with pytest.raises(ImportRefusedError) as refused:
                services.imports.apply(territory_id, path)
            assert_errors_located(refused.value.preview)
            assert "rien n'a été écrit" in refused.value.message
            assert snapshot(services) == before, "a refused import wrote to the database"
            return

        applied = services.imports.apply(territory_id, path)
        assert applied.written
        after = counts(services)
        delta = {table: after[table] - before_counts[table] for table in COUNTED}
        announced = (
            preview.actions_created,
            preview.funding_lines_created,
            preview.milestones_created,
            len(preview.axes_created),
            preview.objectives_created,
            len(preview.actors_created),
        )
        done = (
            applied.actions_created,
            applied.funding_lines_created,
            applied.milestones_created,
            len(applied.axes_created),
            applied.objectives_created,
            len(applied.actors_created),
        )
        assert done == announced
        unchanged = (applied.actions_updated, applied.actions_unchanged)
        assert unchanged == (preview.actions_updated, preview.actions_unchanged)
        assert (
            delta["actions"],
            delta["funding_lines"],
            delta["milestones"],
            delta["axes"],
            delta["objectives"],
            delta["actors"],
        ) == announced
        assert delta["change_log"] >= 0


# --- cancellation --------------------------------------------------------------------------------------------


def big_plan(path: Path, actions: int) -> Path:
    rows = []
    for index in range(actions):
        row = [""] * len(HEADER)
        row[COLUMN["Code"]] = f"C{index}"
        row[COLUMN["Axe"]] = ("Innovation", "Compétences")[index % 2]
        row[COLUMN["Intitulé"]] = f"Action numéro {index}"
        row[COLUMN["Maître d'ouvrage"]] = f"Porteur {index % 7}"
        row[COLUMN["Financeur"]], row[COLUMN["Montant demandé (€)"]] = "Région", "10 000 €"
        row[COLUMN["Jalon"]] = "Lancement"
        rows.append(row)
    return write_plan(path, rows)


def test_cancelled_at_once_writes_nothing(world: World, tmp_path: Path) -> None:
    services = world.services
    path = big_plan(tmp_path / "plan.csv", 10)
    before = snapshot(services)
    with pytest.raises(ImportCancelled) as cancelled:
        services.imports.apply(world.territory.id, path, cancelled=lambda: True)
    assert "annulé" in cancelled.value.message and "rien n'a été écrit" in cancelled.value.message
    assert snapshot(services) == before
    with pytest.raises(ImportCancelled):
        services.imports.preview(world.territory.id, path, cancelled=lambda: True)
    assert snapshot(services) == before


@pytest.mark.parametrize("after_calls", [1, 2, 3])
def test_cancelled_midway_writes_nothing(world: World, tmp_path: Path, after_calls: int) -> None:
    """Cancel once `progress` has been called N times (hundreds of rows already written in the
    transaction by then): all of them are rolled back."""
    services = world.services
    path = big_plan(tmp_path / "plan.csv", 250)
    before = snapshot(services)
    calls: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        services.imports.apply(
            world.territory.id, path, progress=lambda done, total: calls.append((done, total)),
            cancelled=lambda: len(calls) >= after_calls,
        )  # fmt: skip
    assert len(calls) == after_calls
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert calls[-1][0] < calls[-1][1]  # stopped before the end
    assert snapshot(services) == before
    # Not cancelled, the same file imports completely.
    result = services.imports.apply(world.territory.id, path, progress=lambda done, total: None)
    assert (result.actions_created, result.funding_lines_created, result.milestones_created) == (250, 250, 250)


def test_tet_workbook_cancelled_midway_writes_nothing(world: World) -> None:
    services = world.services
    before = snapshot(services)
    checks = iter(range(1000))
    with pytest.raises(ImportCancelled):
        services.imports.apply(world.territory.id, tet_file("complex_plan.xlsx"), cancelled=lambda: next(checks) >= 10)
    assert snapshot(services) == before


# --- TeT workbooks with one bad cell -------------------------------------------------------------------------


def last_plan_row(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True)
    sheet = next(s for s in book.worksheets if s["A2"].value == "Axe (x)")
    last = max(number for number, row in enumerate(sheet.iter_rows(values_only=True), 1) if row and row[3])
    book.close()
    return last


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("S", "beaucoup", "montant"),
        ("X", "1,2,3 €", "montant"),
        ("Y", "Presque fini", "statut"),
        ("Z", "Urgentissime", "priorité"),
        ("AA", "31/02/2025", "date"),
        ("AB", "hier", "date"),
    ],
)
def test_tet_workbook_with_one_bad_cell_in_its_last_row_writes_nothing(
    world: World, tmp_path: Path, column: str, value: str, message: str
) -> None:
    source = tet_file("complex_plan.xlsx")
    row = last_plan_row(source)
    path = with_cell(source, tmp_path / "plan.xlsx", f"{column}{row}", value)
    before = snapshot(world.services)
    with pytest.raises(ImportRefusedError) as refused:
        world.services.imports.apply(world.territory.id, path)
    errors = refused.value.preview.errors
    assert [(e.row, e.column) for e in errors] == [(row, column)], [str(e) for e in errors]
    assert message in errors[0].message.lower() and value in errors[0].message
    assert snapshot(world.services) == before


def test_failure_in_the_middle_of_the_transaction_rolls_everything_back(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Axes, objectives and actions already created when a later write is refused are all undone."""
    services = world.services
    before = snapshot(services)
    original: Callable[..., Any] = services.imports.funding.create_in
    created: list[int] = []

    def refuse_third(session: Any, **values: Any) -> Any:
        created.append(1)
        if len(created) == 3:
            raise ValidationError("amount_requested", "Montant demandé", "refus simulé.")
        return original(session, **values)

    monkeypatch.setattr(services.imports.funding, "create_in", refuse_third)
    with pytest.raises(ImportRefusedError) as refused:
        services.imports.apply(world.territory.id, tet_file("complex_plan.xlsx"))
    (error,) = refused.value.preview.errors
    assert "refus simulé" in error.message and error.sheet and error.row
    assert snapshot(services) == before


def test_unexpected_crash_in_the_middle_leaves_the_database_as_it_was(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a bug (not a TiDesktopError) half-way through the import leaves nothing behind."""
    services = world.services
    before = snapshot(services)
    original: Callable[..., Any] = services.imports.milestones.create_in
    calls: list[int] = []

    def crash_later(session: Any, **values: Any) -> Any:
        calls.append(1)
        if len(calls) == 5:
            raise RuntimeError("panne simulée")
        return original(session, **values)

    monkeypatch.setattr(services.imports.milestones, "create_in", crash_later)
    with tempfile.TemporaryDirectory() as folder, pytest.raises(RuntimeError, match="panne simulée"):
        services.imports.apply(world.territory.id, big_plan(Path(folder) / "plan.csv", 20))
    assert len(calls) == 5
    assert snapshot(services) == before
