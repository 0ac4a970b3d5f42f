"""A plan written as people really write their workbooks reads back as the same plan, every value, to the cent.

Hypothesis draws a plan (actions with their axis, code, title, budget, dates, status, pilot and one funding line),
then a way of writing it: header synonyms a chef de projet would use, any column order, the axis on every row,
only on the first row of its group, merged down its group or as a section row above it, French amount and date
forms, headers split over two rows under a group row, xlsx or csv. The import must give back the plan.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ti_desktop.domain.enums import ActionStatus, FundingStatus
from ti_desktop.exchange.plan_import import ActionImport, PlanImport
from ti_desktop.exchange.table_plan import read_table_plan
from ti_desktop.exchange.tabular import read_workbook

ROUND_TRIP = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
AXES = ("Innovation", "Compétences", "Foncier", "Transition écologique")
WORDS = (
    "plateforme",
    "campus",
    "friche",
    "hydrogène",
    "apprentissage",
    "réseau",
    "chaleur",
    "atelier",
    "mutualisé",
    "zone",
    "d'activités",
    "Vallée",
    "de",
    "l'Arve",
    "énergie",
    "recyclage",
)
PEOPLE = ("Claire Martin", "Jérôme Petit", "Communauté de communes du Pays de Gex", "CCI Ain", "Région Grand Est")
FUNDERS = ("Région", "État – DETR", "Banque des Territoires", "ADEME", "FEDER")

# Headers a chef de projet writes for each field (issue 16, item 2), the group row some put above them, and how
# each field's value is written in a cell.
HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("Code", "N° fiche", "Fiche n°", "Numéro", "Réf. fiche"),
    "titre": ("Intitulé", "Titre de la fiche action", "Intitulé de l'action", "Action", "Nom du projet"),
    "axe": ("Axe", "Axe stratégique", "AXE"),
    "budget": ("Budget", "Coût total (€ HT)", "Budget prévisionnel", "Montant total HT (€)", "Coût total HT"),
    "date_debut": ("Date de début", "Début", "Date début"),
    "date_fin": ("Date de fin", "Échéance", "Date prévisionnelle de fin", "Fin prévue"),
    "statut": ("Statut", "État d'avancement", "État"),
    "pilote": ("Pilote", "Personne pilote", "Chef de projet"),
    "financeur": ("Financeur", "Financeur principal", "Financeur(s)", "Cofinanceur"),
    "montant_demande": ("Montant demandé", "Montant sollicité (€)", "Subvention sollicitée", "Aide demandée"),
    "statut_financement": ("Statut du financement", "État du financement"),
}
GROUPS: dict[str, str] = {
    "date_debut": "Calendrier",
    "date_fin": "Calendrier",
    "financeur": "Financement",
    "montant_demande": "Financement",
    "statut_financement": "Financement",
}
STATUS_WORDS = {
    ActionStatus.EN_REFLEXION: ("En réflexion",),
    ActionStatus.A_VENIR: ("À venir", "a venir", "Non démarré"),
    ActionStatus.EN_COURS: ("En cours", "EN COURS"),
    ActionStatus.REALISEE: ("Réalisée", "Terminé"),
    ActionStatus.EN_PAUSE: ("En pause",),
    ActionStatus.ABANDONNEE: ("Abandonnée",),
}
FUNDING_WORDS = {
    FundingStatus.ENVISAGE: ("Envisagé",),
    FundingStatus.DEPOSE: ("Déposé", "déposée"),
    FundingStatus.ACCORDE: ("Accordé", "Obtenu"),
    FundingStatus.VERSE: ("Versé",),
}


@dataclass(frozen=True)
class Funding:
    funder: str
    amount: Decimal
    status: FundingStatus


@dataclass(frozen=True)
class Action:
    axis: str
    code: str | None
    title: str
    budget: Decimal | None
    start: dt.date | None
    end: dt.date | None
    status: ActionStatus | None
    pilot: str | None
    funding: Funding | None


cents = st.integers(min_value=0, max_value=50_000_000_00).map(lambda value: Decimal(value) / 100)
days = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2032, 12, 31))


@st.composite
def actions(draw: st.DrawFn, number: int) -> Action:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=6))
    title = f"{' '.join(words).capitalize()} {number + 1}"  # unique within the plan
    start, end = draw(st.one_of(st.none(), days)), draw(st.one_of(st.none(), days))
    if start and end and end < start:
        start, end = end, start
    funding = draw(
        st.one_of(st.none(), st.builds(Funding, st.sampled_from(FUNDERS), cents, st.sampled_from(tuple(FUNDING_WORDS))))
    )
    return Action(
        axis=draw(st.sampled_from(AXES)),
        code=draw(st.sampled_from((None, f"FA-{number + 1:02d}", f"{number + 1}"))),
        title=title,
        budget=draw(st.one_of(st.none(), cents)),
        start=start,
        end=end,
        status=draw(st.one_of(st.none(), st.sampled_from(tuple(STATUS_WORDS)))),
        pilot=draw(st.one_of(st.none(), st.sampled_from(PEOPLE))),
        funding=funding,
    )


@st.composite
def plans(draw: st.DrawFn) -> list[Action]:
    count = draw(st.integers(min_value=1, max_value=12))
    return [draw(actions(number)) for number in range(count)]


def french_amount(amount: Decimal, form: int) -> Any:
    """One of the ways an amount reaches a cell: a number, or French text."""
    whole, cents_part = divmod(amount, 1)
    grouped = f"{int(whole):,}".replace(",", "\u202f" if form == 3 else " ")
    decimals = f",{int(cents_part * 100):02d}" if cents_part or form == 2 else ""
    if form == 0:
        return float(amount) if cents_part else int(amount)
    if form == 1:
        return f"{grouped}{decimals} €"
    if form == 2:
        return f"{int(whole)}{decimals}"
    return f"{grouped}{decimals}"


def french_date(day: dt.date, form: int) -> Any:
    if form == 0:
        return day
    return (day.strftime("%d/%m/%Y"), day.isoformat(), day.strftime("%d.%m.%Y"))[form - 1]


@dataclass(frozen=True)
class Layout:
    fields: tuple[str, ...]  # in column order
    headers: dict[str, str]
    axis_layout: str  # "every_row", "grouped", "merged", "section"
    split_headers: bool  # a group row above the headers
    amount_form: int
    date_form: int
    status_words: dict[ActionStatus, str]
    funding_words: dict[FundingStatus, str]
    file_format: str  # "xlsx" or "csv"


@st.composite
def layouts(draw: st.DrawFn) -> Layout:
    fields = list(draw(st.permutations(tuple(HEADERS))))
    file_format = draw(st.sampled_from(("xlsx", "csv")))
    axis_layouts = ["every_row", "grouped", "section"] + (["merged"] if file_format == "xlsx" else [])
    axis_layout = draw(st.sampled_from(axis_layouts))
    if axis_layout == "section":
        fields.remove("axe")
    return Layout(
        fields=tuple(fields),
        headers={key: draw(st.sampled_from(choices)) for key, choices in HEADERS.items()},
        axis_layout=axis_layout,
        split_headers=draw(st.booleans()),
        amount_form=draw(st.integers(0, 3)),
        date_form=draw(st.integers(0, 3)) if file_format == "xlsx" else draw(st.integers(1, 3)),
        status_words={status: draw(st.sampled_from(words)) for status, words in STATUS_WORDS.items()},
        funding_words={status: draw(st.sampled_from(words)) for status, words in FUNDING_WORDS.items()},
        file_format=file_format,
    )


def cell_values(action: Action, layout: Layout) -> dict[str, Any]:
    def amount(value: Decimal | None) -> Any:
        return None if value is None else french_amount(value, layout.amount_form)

    def day(value: dt.date | None) -> Any:
        return None if value is None else french_date(value, layout.date_form)

    funding = action.funding
    return {
        "code": action.code,
        "titre": action.title,
        "axe": action.axis,
        "budget": amount(action.budget),
        "date_debut": day(action.start),
        "date_fin": day(action.end),
        "statut": layout.status_words[action.status] if action.status else None,
        "pilote": action.pilot,
        "financeur": funding.funder if funding else None,
        "montant_demande": amount(funding.amount) if funding else None,
        "statut_financement": layout.funding_words[funding.status] if funding else None,
    }


def sheet_rows(plan: list[Action], layout: Layout) -> tuple[list[list[Any]], list[tuple[int, int, int]]]:
    """The rows of the sheet (a title row first, as many workbooks have) and the vertical merges
    (column, first row, last row; 1-based) of the axis column."""
    rows: list[list[Any]] = [["Plan d'actions du territoire – suivi 2026"]]
    if layout.split_headers:
        # A column outside any group has its header on the lower row in a csv; in an xlsx, on the upper row,
        # merged down over both (`write`).
        on_top = layout.file_format == "xlsx"
        rows.append([GROUPS.get(key, layout.headers[key] if on_top else None) for key in layout.fields])
        rows.append([None if on_top and key not in GROUPS else layout.headers[key] for key in layout.fields])
    else:
        rows.append([layout.headers[key] for key in layout.fields])
    merges: list[tuple[int, int, int]] = []
    ordered = sorted(plan, key=lambda action: AXES.index(action.axis)) if layout.axis_layout != "every_row" else plan
    previous_axis: str | None = None
    group_start = 0
    for action in ordered:
        values = cell_values(action, layout)
        first_of_group = action.axis != previous_axis
        if first_of_group and layout.axis_layout == "section":
            rows.append([action.axis] + [None] * (len(layout.fields) - 1))
        if layout.axis_layout in ("grouped", "merged") and not first_of_group:
            values["axe"] = None
        if first_of_group and layout.axis_layout == "merged" and previous_axis is not None:
            merges.append((layout.fields.index("axe") + 1, group_start, len(rows)))
        if first_of_group:
            group_start = len(rows) + 1
        previous_axis = action.axis
        rows.append([values[key] for key in layout.fields])
    if layout.axis_layout == "merged" and ordered:
        merges.append((layout.fields.index("axe") + 1, group_start, len(rows)))
    return rows, [merge for merge in merges if merge[2] > merge[1]]


def write(path: Path, plan: list[Action], layout: Layout) -> Path:
    rows, merges = sheet_rows(plan, layout)
    if layout.file_format == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, delimiter=";")
            for row in rows:
                writer.writerow(["" if value is None else value for value in row])
        return path
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan d'actions"
    for row in rows:
        sheet.append(row)
    for column, first, last in merges:
        sheet.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)
    if layout.split_headers:  # the group row merged across its columns, the others down both rows
        for index, key in enumerate(layout.fields, start=1):
            if key not in GROUPS:
                sheet.merge_cells(start_row=2, start_column=index, end_row=3, end_column=index)
        start = 0
        for index in range(1, len(layout.fields) + 1):
            key = layout.fields[start]
            same = index < len(layout.fields) and GROUPS.get(layout.fields[index]) == GROUPS.get(key) is not None
            if not same:
                if index - start > 1:
                    sheet.merge_cells(start_row=2, start_column=start + 1, end_row=2, end_column=index)
                start = index
    book.save(path)
    return path


def expected_of(action: Action) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if action.budget is not None:
        values["planned_budget"] = action.budget
    if action.start is not None:
        values["planned_start"] = action.start
    if action.end is not None:
        values["planned_end"] = action.end
    funding = (
        [(action.funding.funder, action.funding.amount, action.funding.status)] if action.funding is not None else []
    )
    return {
        "axis": action.axis,
        "code": action.code,
        "title": action.title,
        "status": action.status,
        "values": values,
        "actors": {"pilot_actor_id": action.pilot} if action.pilot else {},
        "funding": funding,
    }


def read_of(action: ActionImport) -> dict[str, Any]:
    return {
        "axis": action.axis,
        "code": action.code,
        "title": action.title,
        "status": action.status,
        "values": {key: value for key, value in action.values.items() if value is not None},
        "actors": action.actors,
        "funding": [(line.funder, line.amount, line.status) for line in action.funding],
    }


def read_back(path: Path) -> PlanImport:
    book = read_workbook(path)
    return read_table_plan(path, book, book.sheets[0].name)


@ROUND_TRIP
@given(plan=plans(), layout=layouts())
def test_a_plan_written_as_people_write_it_reads_back_the_same(plan: list[Action], layout: Layout) -> None:
    with tempfile.TemporaryDirectory(prefix="ti-round-trip-") as folder:
        path = write(Path(folder) / f"plan.{layout.file_format}", plan, layout)
        imported = read_back(path)
    assert not imported.has_errors, [str(issue) for issue in imported.issues]
    by_title = {action.title: action for action in imported.actions}
    assert sorted(by_title) == sorted(action.title for action in plan)
    for action in plan:
        assert read_of(by_title[action.title]) == expected_of(action), layout
    assert not imported.unmapped, imported.unmapped  # every column the layout wrote found its field
