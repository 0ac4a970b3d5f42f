"""Importing indicator values into a territory: preview, all-or-nothing apply, re-import updates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from ti_desktop.db import models
from ti_desktop.domain.errors import NotFoundError
from ti_desktop.exchange.report import ImportFileError
from ti_desktop.services.indicator_import import IndicatorImportCancelled, IndicatorImportRefusedError
from ti_desktop.services.registry import Services

from ..sessions import sessions_of
from .conftest import World

CSV = (
    "Taux de chômage localisé\n"
    "\n"
    "Indicateur;Année;Valeur;Unité;Source\n"
    "Taux de chômage;2020;7,5;%;Insee\n"
    "Taux de chômage;2021;7,1;%;Insee\n"
    "Emplois salariés privés;2021;12 345;emplois;Urssaf\n"
)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def counts(services: Services) -> tuple[int, int, int]:
    with sessions_of(services)() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model))
            for model in (models.Indicator, models.IndicatorValue, models.ChangeLog)
        )


def values_of(services: Services, territory_id: int) -> dict[str, list[tuple[dt.date, float]]]:
    return {
        indicator.name: [(v.measured_on, v.value) for v in services.indicator_values.list(indicator_id=indicator.id)]
        for indicator in services.indicators.list(territory_id=territory_id)
    }


def test_apply_creates_diagnostic_indicators_with_unit_and_source(world: World, tmp_path: Path) -> None:
    services, territory = world.services, world.territory
    preview = services.indicator_imports.apply(territory.id, write(tmp_path / "insee.csv", CSV))
    assert preview.written and not preview.issues
    assert preview.indicators_created == ["Taux de chômage", "Emplois salariés privés"]
    assert (preview.values_created, preview.values_updated, preview.values_unchanged) == (3, 0, 0)
    indicators = {i.name: i for i in services.indicators.list(territory_id=territory.id)}
    assert set(indicators) == {"Taux de chômage", "Emplois salariés privés"}
    chomage = indicators["Taux de chômage"]
    assert (chomage.unit, chomage.source, chomage.action_id) == ("%", "Insee", None)
    assert values_of(services, territory.id) == {
        "Taux de chômage": [(dt.date(2020, 12, 31), 7.5), (dt.date(2021, 12, 31), 7.1)],
        "Emplois salariés privés": [(dt.date(2021, 12, 31), 12345.0)],
    }


def test_values_are_written_in_the_history(world: World, tmp_path: Path) -> None:
    world.services.indicator_imports.apply(world.territory.id, write(tmp_path / "insee.csv", CSV))
    with sessions_of(world.services)() as session:
        logged = session.scalars(
            select(models.ChangeLog.entity).where(models.ChangeLog.entity.in_(["indicator", "indicator_value"]))
        ).all()
    assert sorted(logged).count("indicator_value") >= 3 and "indicator" in logged


def test_preview_writes_nothing_and_tells_what_would_change(world: World, tmp_path: Path) -> None:
    before = counts(world.services)
    preview = world.services.indicator_imports.preview(world.territory.id, write(tmp_path / "insee.csv", CSV))
    assert not preview.written and preview.values_created == 3 and len(preview.indicators_created) == 2
    assert counts(world.services) == before


def test_reimport_updates_instead_of_duplicating(world: World, tmp_path: Path) -> None:
    services, territory = world.services, world.territory
    path = write(tmp_path / "insee.csv", CSV)
    services.indicator_imports.apply(territory.id, path)
    after_first = counts(services)[:2]
    again = services.indicator_imports.apply(territory.id, path)
    assert (again.values_created, again.values_updated, again.values_unchanged) == (0, 0, 3)
    assert again.indicators_created == [] and counts(services)[:2] == after_first
    revised = CSV.replace("Taux de chômage;2021;7,1", "Taux de chômage;2021;7,3") + "Taux de chômage;2022;6,9;%;Insee\n"
    third = services.indicator_imports.apply(territory.id, write(path, revised))
    assert (third.values_created, third.values_updated, third.values_unchanged) == (1, 1, 2)
    assert values_of(services, territory.id)["Taux de chômage"] == [
        (dt.date(2020, 12, 31), 7.5),
        (dt.date(2021, 12, 31), 7.3),
        (dt.date(2022, 12, 31), 6.9),
    ]


def test_existing_indicator_matched_by_name_diagnostic_first(world: World, tmp_path: Path) -> None:
    services, territory = world.services, world.territory
    action = world.action()
    on_action = services.indicators.create(territory_id=territory.id, action_id=action.id, name="Taux de chomage")
    diagnostic = services.indicators.create(territory_id=territory.id, name="TAUX DE CHÔMAGE", unit="%")
    other = services.territories.create(name="Autre territoire")
    services.indicators.create(territory_id=other.id, name="Emplois salariés privés")
    preview = services.indicator_imports.apply(territory.id, write(tmp_path / "insee.csv", CSV))
    # Emplois exists only in another territory: created here; chômage goes to the diagnostic indicator.
    assert preview.indicators_created == ["Emplois salariés privés"]
    assert len(services.indicator_values.list(indicator_id=diagnostic.id)) == 2
    assert services.indicator_values.list(indicator_id=on_action.id) == []


def test_unit_unlike_the_indicator_is_a_warning(world: World, tmp_path: Path) -> None:
    services, territory = world.services, world.territory
    services.indicators.create(territory_id=territory.id, name="Taux de chômage", unit="‰")
    preview = services.indicator_imports.apply(territory.id, write(tmp_path / "insee.csv", CSV))
    (warning,) = preview.issues
    assert not warning.is_error and (warning.row, warning.column, warning.header) == (4, "D", "Unité")
    assert "« % »" in warning.message and "« ‰ »" in warning.message
    assert preview.written


def test_errors_write_nothing_and_are_located(world: World, tmp_path: Path) -> None:
    services = world.services
    services.indicator_imports.apply(world.territory.id, write(tmp_path / "insee.csv", CSV))
    before = counts(services)
    bad = CSV + "Nouvel indicateur;2021;12;nb;Insee\nTaux de chômage;2023;n'importe;%;Insee\nEmplois;32/01/2021;4;;\n"
    with pytest.raises(IndicatorImportRefusedError) as refused:
        services.indicator_imports.apply(world.territory.id, write(tmp_path / "bad.csv", bad))
    located = [(e.sheet, e.row, e.column) for e in refused.value.preview.errors]
    assert located == [("bad", 8, "C"), ("bad", 9, "B")]
    assert "rien n'a été écrit" in refused.value.message
    assert counts(services) == before
    assert "Nouvel indicateur" not in {i.name for i in services.indicators.list(territory_id=world.territory.id)}


def test_duplicate_rows_and_missing_columns_refuse_the_file(world: World, tmp_path: Path) -> None:
    services = world.services
    before = counts(services)
    duplicated = CSV + "taux de chômage;2021;7,2;%;Insee\n"
    with pytest.raises(IndicatorImportRefusedError) as refused:
        services.indicator_imports.apply(world.territory.id, write(tmp_path / "d.csv", duplicated))
    (error,) = refused.value.preview.errors
    assert "lignes 5 et 7" in error.message
    preview = services.indicator_imports.preview(
        world.territory.id, write(tmp_path / "m.csv", "Indicateur;Valeur\nA;1\n")
    )
    assert preview.has_errors and "Date ou année" in preview.errors[0].message
    assert counts(services) == before


def test_cp1252_commas_and_pdf_renamed_csv(world: World, tmp_path: Path) -> None:
    services = world.services
    text = "Variable,Période,Value\nPart de l'industrie dans l'emploi,2021,\"21,5\"\n"
    preview = services.indicator_imports.apply(world.territory.id, write(tmp_path / "w.csv", text, "cp1252"))
    assert preview.indicators_created == ["Part de l'industrie dans l'emploi"] and preview.values_created == 1
    pdf = tmp_path / "faux.csv"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n")
    with pytest.raises(ImportFileError, match=r"« faux\.csv » n'est pas un tableur"):
        services.indicator_imports.preview(world.territory.id, pdf)


def test_unknown_territory_is_a_clear_error(services: Services, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="territoire n° 999"):
        services.indicator_imports.preview(999, write(tmp_path / "insee.csv", CSV))


_HEADERS = ["Indicateur", "Année", "Valeur", "Unité", "Source", "Libellé", "Date", "Code", ""]
_CELLS = st.one_of(
    st.sampled_from(["2021", "7,5", "s", "Total", "", "12 345", "−3", "31/12/2020", "abc", "2021-T3", '"', "\u00a0"]),
    st.text(max_size=12),
)


_GOOD_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["Taux de chômage", "Emplois", "Établissements"]),
        st.integers(2000, 2030),
        st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: f"{x:.2f}".replace(".", ",")),
    ),
    max_size=6,
    unique_by=lambda row: (row[0], row[1]),
).map(lambda rows: [[name, str(year), value] for name, year, value in rows])


@st.composite
def csv_texts(draw: st.DrawFn) -> bytes:
    """CSV-like text: a header and rows that are sometimes well formed, often not."""
    separator = draw(st.sampled_from([";", ",", "\t"]))
    if draw(st.booleans()):
        header, rows = ["Indicateur", "Année", "Valeur"], draw(_GOOD_ROWS)
        rows += draw(st.lists(st.lists(_CELLS, max_size=4), max_size=1))
    else:
        header = draw(st.lists(st.sampled_from(_HEADERS), max_size=6))
        rows = draw(st.lists(st.lists(_CELLS, max_size=7), max_size=8))
    quoted = [[f'"{cell}"' if separator == "," and "," in cell else cell for cell in row] for row in rows]
    lines = [separator.join(header)] + [separator.join(row) for row in quoted]
    text = "\n".join(draw(st.lists(st.text(max_size=20), max_size=2)) + lines)
    encoding = draw(st.sampled_from(["utf-8", "cp1252"]))
    return text.encode(encoding, errors="replace")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(csv_texts(), st.binary(max_size=300)))
def test_arbitrary_csv_gives_a_report_or_a_clear_error_never_a_partial_write(
    world: World, tmp_path: Path, data: bytes
) -> None:
    services = world.services
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    before = counts(services)
    try:
        preview = services.indicator_imports.preview(world.territory.id, path)
    except ImportFileError as error:
        assert error.message
        return
    assert counts(services) == before and not preview.written
    try:
        applied = services.indicator_imports.apply(world.territory.id, path)
    except IndicatorImportRefusedError as refused:
        assert refused.preview.has_errors
        assert counts(services) == before
        return
    assert applied.written and not applied.has_errors
    assert applied.values_created == preview.values_created


def test_cancelled_import_writes_nothing(world: World, tmp_path: Path) -> None:
    lines = ["Indicateur;Année;Valeur"] + [f"Emplois industriels;{1900 + n};{n}" for n in range(300)]
    path = write(tmp_path / "emplois.csv", "\n".join(lines))
    before = counts(world.services)
    calls: list[tuple[int, int]] = []

    def cancelled() -> bool:
        return len(calls) >= 1  # after the first progress report

    with pytest.raises(IndicatorImportCancelled, match="rien n'a été écrit"):
        world.services.indicator_imports.apply(
            world.territory.id, path, progress=lambda done, total: calls.append((done, total)), cancelled=cancelled
        )
    assert calls and calls[0][1] == 300
    assert counts(world.services) == before
    result = world.services.indicator_imports.apply(world.territory.id, path)
    assert result.values_created == 300
