"""Exporting the demo plan: files read back and compared with the database, confidentiality, atomicity."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.errors import NotFoundError, TiDesktopError
from ti_desktop.domain.records import ActionRecord, FundingLineRecord
from ti_desktop.exchange import plan_columns as pc
from ti_desktop.exchange import tet, tet_layouts
from ti_desktop.exchange.plan_export import TEMPLATE_HEADERS
from ti_desktop.kernel.files import FileWriteError
from ti_desktop.services import exporting
from ti_desktop.services.exporting import ExportCancelled, ExportFormat
from ti_desktop.services.maintenance import OpenDatabase, open_services
from ti_desktop.services.registry import Services

from ..clock import fixed_clock

KEYS = [field.key for field in pc.ACTION_FIELDS]


@pytest.fixture
def demo(demo_db: Path) -> Iterator[OpenDatabase]:
    handle = open_services(demo_db, clock=fixed_clock())
    yield handle
    handle.close()


def territory_id(services: Services) -> int:
    return services.territories.resolve(None).id


def public_actions(services: Services, tid: int) -> list[ActionRecord]:
    return [action for action in services.actions.for_territory(tid) if not action.confidential]


def sheet_rows(path: Path, name: str) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(path)[name]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def money(value: object) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01")) if value is not None else Decimal(0)


def test_xlsx_export_holds_the_plan_figures(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    tid = territory_id(services)
    actions = public_actions(services, tid)
    lines = [line for action in actions for line in services.funding.list(action_id=action.id)]
    milestones = [m for action in actions for m in services.milestones.list(action_id=action.id)]
    progress: list[tuple[int, int]] = []

    result = services.exports.export(
        tid, ExportFormat.XLSX, tmp_path / "plan.xlsx", progress=lambda d, t: progress.append((d, t))
    )

    assert (result.actions, result.funding_lines, result.milestones) == (len(actions), len(lines), len(milestones))
    assert result.confidential_left_out == 2 and result.format is ExportFormat.XLSX
    assert progress[0] == (0, 100) and progress[-1] == (100, 100)
    rows = sheet_rows(result.path, "Actions")
    assert len(rows) == len(actions) == 42
    assert sum(money(row["Coût total HT (€)"]) for row in rows) == sum(a.planned_budget or 0 for a in actions)
    assert {row["Code"] for row in rows} == {action.code for action in actions}
    funding_rows = sheet_rows(result.path, "Financements")
    assert len(funding_rows) == len(lines)
    assert sum(money(row["Montant demandé (€)"]) for row in funding_rows) == sum(x.amount_requested for x in lines)
    assert sum(money(row["Montant accordé (€)"]) for row in funding_rows) == sum(x.amount_granted or 0 for x in lines)
    assert len(sheet_rows(result.path, "Jalons")) == len(milestones)
    assert len(sheet_rows(result.path, "Suivi")) > 0 and len(sheet_rows(result.path, "Indicateurs")) > 0

    first = next(row for row in rows if row["Code"] == "INN-01.1")
    record = next(action for action in actions if action.code == "INN-01.1")
    assert first["Action parente"] == "INN-01"
    assert first["Statut"] == record.status.label == ActionStatus.REALISEE.label
    assert first["Avancement (%)"] == record.progress
    assert first["Date de début"].date() == record.planned_start  # type: ignore[union-attr]
    codes = [row["Code"] for row in rows]
    assert codes.index("INN-01") + 1 == codes.index("INN-01.1")  # sub-actions follow their action


def test_export_sheets_are_styled_filtered_and_frozen(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    path = services.exports.export(territory_id(services), ExportFormat.XLSX, tmp_path / "plan.xlsx").path
    book = openpyxl.load_workbook(path)
    actions = book["Actions"]
    assert actions["A1"].font.b and actions["A1"].fill.fill_type == "solid"
    last = openpyxl.utils.get_column_letter(len(pc.ACTION_FIELDS))  # every declared action column is exported
    assert actions.auto_filter.ref == f"A1:{last}{actions.max_row}"
    assert actions.freeze_panes == "B2"
    column = {key: openpyxl.utils.get_column_letter(index + 1) for index, key in enumerate(KEYS)}
    assert actions[f"{column['date_fin']}2"].number_format == "DD/MM/YYYY"
    assert "€" in actions[f"{column['budget']}2"].number_format
    assert isinstance(actions[f"{column['budget']}2"].value, int | float)
    assert book["Financements"].freeze_panes == "D2"
    assert book["Financements"].auto_filter.ref is not None


def test_confidential_actions_are_left_out_unless_asked(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    tid = territory_id(services)
    everything = services.actions.for_territory(tid)
    secret = [action for action in everything if action.confidential]
    assert len(secret) == 2
    # A sub-action of a confidential action is confidential too.
    child = services.actions.create(
        territory_id=tid, axis_id=secret[0].axis_id, parent_id=secret[0].id, title="Étude de sol du site secret"
    )
    secret_titles = {action.title for action in secret} | {child.title}

    for fmt, name in ((ExportFormat.XLSX, "plan.xlsx"), (ExportFormat.TET, "tet.xlsx"), (ExportFormat.CSV, "p.csv")):
        result = services.exports.export(tid, fmt, tmp_path / name)
        assert result.confidential_left_out == 3
        assert result.actions == len(everything) - 2
        content = (
            result.path.read_bytes().decode("utf-8-sig")
            if fmt is ExportFormat.CSV
            else " ".join(
                str(cell) for sheet in openpyxl.load_workbook(result.path) for row in sheet.values for cell in row
            )
        )
        assert not any(title in content for title in secret_titles), fmt

    result = services.exports.export(tid, ExportFormat.XLSX, tmp_path / "tout.xlsx", include_confidential=True)
    assert result.confidential_left_out == 0 and result.actions == len(everything) + 1
    rows = sheet_rows(result.path, "Actions")
    assert {row["Intitulé"] for row in rows} >= secret_titles
    assert {row["Confidentielle"] for row in rows if row["Intitulé"] in secret_titles} == {"Oui", "Non"}


def test_csv_export_is_for_french_excel(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    tid = territory_id(services)
    actions = {action.code: action for action in public_actions(services, tid)}
    result = services.exports.export(tid, ExportFormat.CSV, tmp_path / "plan.csv")
    raw = result.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == [field.header for field in pc.ACTION_FIELDS]
    assert len(rows) - 1 == len(actions) == result.actions
    assert (result.funding_lines, result.milestones) == (0, 0)
    total = Decimal(0)
    for row in rows[1:]:
        values = dict(zip(KEYS, row, strict=True))
        record = actions[values["code"]]
        budget = values["budget"]
        assert " " not in budget and "." not in budget  # no grouping, decimal comma
        total += Decimal(budget.replace(",", ".")) if budget else Decimal(0)
        if record.planned_end:
            assert values["date_fin"] == record.planned_end.strftime("%d/%m/%Y")
    assert total == sum(action.planned_budget or 0 for action in actions.values())


def test_tet_export_is_read_back_by_the_tet_reader(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    tid = territory_id(services)
    actions = public_actions(services, tid)
    lines = {action.id: services.funding.list(action_id=action.id) for action in actions}
    result = services.exports.export(tid, ExportFormat.TET, tmp_path / "plan-tet.xlsx")

    sheet = openpyxl.load_workbook(result.path).active
    assert sheet.title == "Fichier dimport"
    assert tuple(cell.value for cell in sheet[2]) == TEMPLATE_HEADERS
    read = tet.read_tet_plan(result.path)
    assert not read.has_errors, [str(issue) for issue in read.issues]
    assert len(read.actions) == len(actions) == result.actions
    subs = sum(1 for action in actions if action.parent_id is not None)
    assert sum(1 for action in read.actions if action.parent_title) == subs == 8
    expected_lines = sum(len(found) for found in lines.values())
    assert sum(len(action.funding) for action in read.actions) == expected_lines == result.funding_lines
    assert any(len(found) > 3 for found in lines.values())  # the demo has such actions: their 4th line is noted
    assert sum(action.values.get("planned_budget") or 0 for action in read.actions) == sum(
        a.planned_budget or 0 for a in actions
    )
    by_title = {action.title: action for action in read.actions}
    for action in actions:
        if action.status is not ActionStatus.EN_REFLEXION:
            assert by_title[action.title].status is action.status


def test_formula_like_texts_read_back_as_the_same_text(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    tid = territory_id(services)
    # Leading tabs and carriage returns never reach the database (the services strip texts): the
    # writers' handling of those is tested in tests/exchange/test_plan_export.py.
    targets = public_actions(services, tid)[:5]
    texts = ['=HYPERLINK("http://evil","clic")', "+33 3 87 00 00 00", "-20 % d'émissions", "@SUM(A1)", "=1+1"]
    for action, text in zip(targets, texts, strict=True):
        services.actions.update(action.id, title=f"{text} {action.code}", description=text)
    stored = [services.actions.get(action.id) for action in targets]
    titles = {action.title for action in stored}
    descriptions = {action.description for action in stored}
    assert {title.split(" ")[0] for title in titles} >= {'=HYPERLINK("http://evil","clic")', "+33", "-20", "@SUM(A1)"}
    assert descriptions == set(texts)

    xlsx = services.exports.export(tid, ExportFormat.XLSX, tmp_path / "plan.xlsx").path
    sheet = openpyxl.load_workbook(xlsx)["Actions"]
    for key, wanted in (("titre", titles), ("description", descriptions)):
        column = KEYS.index(key) + 1
        cells = [sheet.cell(row, column) for row in range(2, sheet.max_row + 1)]
        found = {cell.value: cell for cell in cells if cell.value in wanted}
        assert set(found) == wanted
        assert all(cell.data_type == "s" for cell in found.values())
        assert all(cell.quotePrefix for text, cell in found.items() if text[0] in "=+-@")

    path = services.exports.export(tid, ExportFormat.CSV, tmp_path / "plan.csv").path
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
    written = {row[KEYS.index("description")] for row in rows[1:]}
    assert {"'" + text for text in texts} <= written
    assert {"'" + title for title in titles if title[0] in "=+-@"} <= {row[KEYS.index("titre")] for row in rows[1:]}

    tet_path = services.exports.export(tid, ExportFormat.TET, tmp_path / "tet.xlsx").path
    tet_rows = list(openpyxl.load_workbook(tet_path).active.iter_rows(min_row=4))
    assert descriptions <= {
        row[tet_layouts.DESCRIPTION].value for row in tet_rows if row[tet_layouts.DESCRIPTION].data_type == "s"
    }
    shown_titles = {row[tet_layouts.SUB_TITLE].value or row[tet_layouts.TITLE].value for row in tet_rows}
    assert titles <= shown_titles


def test_a_failing_writer_leaves_the_previous_file_intact(
    demo: OpenDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = demo.services
    folder = tmp_path / "exports"
    folder.mkdir()
    output = folder / "plan.xlsx"
    services.exports.export(territory_id(services), ExportFormat.XLSX, output)
    previous = output.read_bytes()

    def crash_midway(plan: object, chunks: object, path: Path, *rest: object) -> None:
        path.write_bytes(b"PK partial")
        raise OSError(28, "No space left on device")

    # The workbook is written as the plan is read, chunk by chunk.
    monkeypatch.setattr(exporting, "write_xlsx_chunks", crash_midway)
    with pytest.raises(FileWriteError, match="le disque est plein"):
        services.exports.export(territory_id(services), ExportFormat.XLSX, output)
    assert output.read_bytes() == previous
    assert [path.name for path in folder.iterdir()] == ["plan.xlsx"]


def test_cancelling_keeps_the_previous_file_and_leaves_no_temporary(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    folder = tmp_path / "exports"
    folder.mkdir()
    output = folder / "plan.xlsx"
    output.write_bytes(b"previous export")
    for fmt in ExportFormat:
        with pytest.raises(ExportCancelled, match=r"« plan\.xlsx » n'a pas été modifié"):
            services.exports.export(territory_id(services), fmt, output, cancelled=lambda: True)
    calls = 0

    def cancel_after_reading() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2  # lets the reading through, stops the writer

    with pytest.raises(ExportCancelled):
        services.exports.export(territory_id(services), ExportFormat.TET, output, cancelled=cancel_after_reading)
    assert calls > 2
    assert output.read_bytes() == b"previous export"
    assert [path.name for path in folder.iterdir()] == ["plan.xlsx"]


def test_unwritable_destinations_get_a_french_message(
    demo: OpenDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = demo.services
    tid = territory_id(services)
    with pytest.raises(FileWriteError, match="n'existe pas"):
        services.exports.export(tid, ExportFormat.CSV, tmp_path / "absent" / "plan.csv")

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("ti_desktop.kernel.files.tempfile.mkstemp", refused)
    with pytest.raises(FileWriteError) as raised:
        services.exports.export(tid, ExportFormat.XLSX, tmp_path / "plan.xlsx")
    assert "vous n'avez pas le droit d'écrire dans le dossier" in raised.value.message
    assert "plan.xlsx" in raised.value.message


def test_an_unknown_territory_or_format_is_a_clear_error(demo: OpenDatabase, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(NotFoundError, match="territoire n° 999"):
        demo.services.exports.export(999, ExportFormat.XLSX, folder / "plan.xlsx")
    with pytest.raises(TiDesktopError, match="Format d'export inconnu « pdf » : choisissez parmi xlsx, csv, tet"):
        demo.services.exports.export(territory_id(demo.services), "pdf", folder / "plan.pdf")  # type: ignore[arg-type]
    result = demo.services.exports.export(territory_id(demo.services), "csv", folder / "plan.csv")  # type: ignore[arg-type]
    assert result.format is ExportFormat.CSV
    assert [path.name for path in folder.iterdir()] == ["plan.csv"]


def test_export_then_import_gives_the_same_plan(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    tid = territory_id(services)
    path = services.exports.export(tid, ExportFormat.XLSX, tmp_path / "plan.xlsx").path
    copy = services.territories.create(name="Copie du plan")
    services.imports.apply(copy.id, path)

    def funder(line: FundingLineRecord) -> str:
        if line.funder_name:
            return line.funder_name
        return services.actors.get(line.funder_actor_id).name if line.funder_actor_id else ""

    def summary(territory: int) -> list[tuple[object, ...]]:
        rows = []
        for action in services.actions.for_territory(territory):
            if action.confidential:
                continue
            lines = services.funding.list(action_id=action.id)
            rows.append(
                (
                    action.code,
                    action.title,
                    action.status,
                    action.priority,
                    action.planned_budget,
                    action.planned_end,
                    action.progress,
                    action.parent_id is not None,
                    sorted((funder(line), line.amount_requested, line.amount_granted or 0) for line in lines),
                    len(services.milestones.list(action_id=action.id)),
                )
            )
        return sorted(rows, key=lambda row: str(row[0]))

    assert summary(copy.id) == summary(tid)


def test_the_workbook_written_chunk_by_chunk_holds_the_cells_of_the_collected_plan(
    demo: OpenDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export reads the plan a few actions at a time (chunks of 7 here, so that funding lines, milestones
    and updates of several chunks follow one another): every sheet holds what the whole collected plan gives."""
    from ti_desktop.exchange.plan_export import write_xlsx

    services = demo.services
    territory = territory_id(services)
    monkeypatch.setattr(exporting, "_CHUNK", 7)
    streamed = tmp_path / "streamed.xlsx"
    services.exports.export(territory, ExportFormat.XLSX, streamed)
    whole = tmp_path / "whole.xlsx"
    write_xlsx(services.exports.collect(territory), whole)

    def cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
        book = openpyxl.load_workbook(path)
        return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}

    got, expected = cells(streamed), cells(whole)
    assert list(got) == list(expected)
    assert got == expected
    assert len(expected[pc.FUNDING_SHEET]) > 8 and len(expected[pc.MILESTONES_SHEET]) > 8
