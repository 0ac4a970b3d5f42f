"""Robustness of plan import: whatever file arrives, the readers give a located report or a clear French
`ImportFileError` — never a traceback, never a silent empty value, and the file itself is left untouched."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.exchange import tabular, workbook
from ti_desktop.exchange.french import is_blank
from ti_desktop.exchange.plan_columns import IGNORE
from ti_desktop.exchange.plan_import import ActionImport, PlanImport
from ti_desktop.exchange.report import ImportFileError
from ti_desktop.exchange.table_plan import all_field_keys, read_table_plan
from ti_desktop.exchange.tabular import RawSheet, read_workbook
from ti_desktop.exchange.tet import is_tet_sheet, read_tet_sheet

from .conftest import TET_DIR

FUZZ = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
AMOUNT_ATTRIBUTES = ("planned_budget", "spent_to_date", "induced_investment")
DATE_ATTRIBUTES = ("planned_start", "planned_end", "actual_end")


# --- helpers -------------------------------------------------------------------------------------------------


@contextmanager
def scratch() -> Iterator[Path]:
    """A fresh folder per hypothesis example (function-scoped tmp_path is shared between examples)."""
    with tempfile.TemporaryDirectory(prefix="ti-robust-") as folder:
        yield Path(folder)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def letter_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def assert_located(plan: PlanImport) -> None:
    """Every error names its sheet, and its row unless it is about the sheet as a whole (no header found);
    a column is always a letter with its row."""
    for issue in plan.issues:
        assert issue.message.strip(), issue
        if issue.message.startswith("correspondance") or issue.message.startswith("les colonnes"):
            continue  # about the user's mapping, not about a place in the file
        assert issue.sheet, str(issue)
        if issue.is_error and issue.row is None:
            assert "en-tête" in issue.message, str(issue)
        if issue.column is not None:
            assert issue.row is not None and issue.column.isalpha() and issue.column.isupper(), str(issue)
        if issue.row is not None:
            assert issue.row >= 1, str(issue)


def assert_nothing_silent(plan: PlanImport, sheet: RawSheet) -> None:
    """A kept action has no error on its row, and each filled amount/date cell of it gave a value."""
    error_rows = {(issue.sheet, issue.row) for issue in plan.issues if issue.is_error}
    for action in plan.actions:
        if action.implicit:
            continue
        assert (action.origin.sheet, action.origin.row) not in error_rows, action
        if action.origin.sheet != sheet.name:
            continue
        values = sheet.rows[action.origin.row - 1]
        for attribute in (*AMOUNT_ATTRIBUTES, *DATE_ATTRIBUTES):
            if attribute not in plan.columns:
                continue
            index = letter_index(plan.columns[attribute][0])
            raw = values[index] if index < len(values) else None
            if not is_blank(raw):
                assert action.values.get(attribute, getattr(action, attribute, None)) is not None, (
                    attribute,
                    raw,
                    action.origin,
                )


def read_everything(path: Path) -> list[tuple[RawSheet, PlanImport]] | ImportFileError:
    """What the import service would do with each sheet; the file's bytes are checked unchanged."""
    before = digest(path)
    try:
        book = read_workbook(path)
        result: list[tuple[RawSheet, PlanImport]] | ImportFileError = []
        for sheet in book.sheets:
            plan = read_tet_sheet(path, sheet) if is_tet_sheet(sheet) else read_table_plan(path, book, sheet.name)
            assert_located(plan)
            result.append((sheet, plan))
    except ImportFileError as error:
        assert_french_file_error(error, path)
        result = error
    assert digest(path) == before, "the source file was modified"
    return result


def assert_french_file_error(error: ImportFileError, path: Path) -> None:
    """A message saying which file: its name is in it, with French words around."""
    assert error.message and path.name in error.message, error.message
    assert "Traceback" not in error.message


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ";") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def plan_of(path: Path, sheet: str | None = None) -> PlanImport:
    book = read_workbook(path)
    name = sheet or book.sheets[0].name
    plan = read_table_plan(path, book, name)
    assert_located(plan)
    return plan


def summary(action: ActionImport) -> tuple[Any, ...]:
    return (
        action.title,
        action.axis,
        action.values.get("planned_budget"),
        action.values.get("planned_start"),
        action.values.get("planned_end"),
        action.status,
        action.actors.get("lead_actor_id"),
        tuple((f.funder, f.amount) for f in action.funding),
    )


# --- hypothesis: arbitrary CSV -------------------------------------------------------------------------------

HEADERS = [
    "Intitulé",
    "Titre de l'action",
    "Action",
    "Maître d'ouvrage",
    "Coût total HT",
    "Coût total HT (€)",
    "Échéance",
    "Date de début",
    "Axe",
    "Statut",
    "Priorité",
    "Code",
    "Action parente",
    "Financeur",
    "Montant",
    "Montant demandé (€)",
    "Statut du financement",
    "Jalon",
    "Avancement (%)",
    "Emplois visés",
    "Confidentielle",
    "Dépensé à date (€)",
    "Date de fin réelle",
    "Commentaire",
    "Total",
    "",
]


def french_amount(number: int, cents: int, separator: str, euro: bool) -> str:
    text = f"{number:,}".replace(",", separator)
    if cents:
        text += f",{cents:02d}"
    return text + (" €" if euro else "")


AMOUNTS = st.builds(
    french_amount,
    st.integers(0, 10**12),
    st.integers(0, 99),
    st.sampled_from([" ", "\u00a0", "\u202f", ".", ""]),
    st.booleans(),
)
DATES = st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31)).flatmap(
    lambda day: st.sampled_from(
        [day.strftime("%d/%m/%Y"), day.isoformat(), str((day - dt.date(1899, 12, 30)).days), day.strftime("%d/%m/%y")]
    )
)
ODD_VALUES = st.sampled_from(
    [
        "32/01/2024",
        "31/02/2024",
        "2024-13-01",
        "=SUM(A1:A3)",
        "=1/0",
        "+33 6 12 34 56 78",
        "-1 250",
        "@cmd",
        "1e308",
        "9" * 400,
        "1" + "0" * 30,
        "NaN",
        "inf",
        "-0",
        "\u00a0",
        "\u202f",
        "1\u00a0250",
        "Total",
        "Sous-total",
        "TOTAL GÉNÉRAL",
        "En cours",
        "Réalisée",
        "À discuter",
        "Haute",
        "Oui",
        "Non",
        "Innovation",
        "Axe 2 – Compétences",
        "12,345,678",
        "1.250.000,50",
        "1,250,000.50",
        "45 %",
        "150",
        "x" * 320,
        '"quoted"',
        "ligne 1\nligne 2",
        "a;b,c\td",
    ]
)
CELLS = st.one_of(st.just(""), AMOUNTS, DATES, ODD_VALUES, st.text(max_size=30))


@st.composite
def tables(draw: st.DrawFn) -> list[list[str]]:
    width = draw(st.integers(1, 8))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width))
    above = draw(st.lists(st.lists(CELLS, max_size=3), max_size=3))
    body = draw(st.lists(st.lists(CELLS, min_size=0, max_size=width + 1), max_size=12))
    return [*above, header, *body]


TYPED_COLUMNS: dict[str, st.SearchStrategy[str]] = {
    "Intitulé": st.sampled_from(["Plateforme", "Campus", "Friche", "Réseau de chaleur", "", "Total", "Axe 2"]),
    "Axe": st.sampled_from(["Innovation", "Compétences", "", "Axe 2 – Compétences"]),
    "Coût total HT (€)": st.one_of(AMOUNTS, AMOUNTS, ODD_VALUES, st.just("")),
    "Dépensé à date (€)": st.one_of(AMOUNTS, ODD_VALUES, st.just("")),
    "Date de début": st.one_of(DATES, DATES, ODD_VALUES, st.just("")),
    "Échéance": st.one_of(DATES, ODD_VALUES, st.just("")),
    "Date de fin réelle": st.one_of(DATES, st.just("")),
    "Statut": st.sampled_from(["En cours", "À venir", "Réalisée", "À discuter", "", "Presque fini"]),
    "Maître d'ouvrage": st.sampled_from(["Région", "Communauté de communes", "", "=HYPERLINK(1)"]),
    "Financeur": st.sampled_from(["Région", "FEDER", ""]),
    "Montant demandé (€)": st.one_of(AMOUNTS, st.just("")),
    "Commentaire": CELLS,
}


@st.composite
def typed_tables(draw: st.DrawFn) -> list[list[str]]:
    """Tables whose columns mostly hold what their header says: most rows become actions, so the
    values kept are checked too (the purely random tables above mostly produce errors)."""
    others = draw(st.lists(st.sampled_from(sorted(set(TYPED_COLUMNS) - {"Intitulé"})), max_size=6, unique=True))
    header = draw(st.permutations(["Intitulé", *others]))
    above = draw(st.lists(st.lists(st.sampled_from(["Plan d'action", "", "Version 2"]), max_size=2), max_size=2))
    body = draw(st.lists(st.tuples(*(TYPED_COLUMNS[name] for name in header)).map(list), max_size=10))
    return [*above, list(header), *body]


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes_give_a_report_or_a_file_error(data: bytes, suffix: str) -> None:
    with scratch() as folder:
        path = folder / f"plan{suffix}"
        path.write_bytes(data)
        read_everything(path)


@FUZZ
@given(
    rows=st.one_of(tables(), typed_tables()),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    delimiter=st.sampled_from([";", ",", "\t"]),
    quoted=st.booleans(),
)
def test_generated_csv_gives_a_located_report_and_no_silent_value(
    rows: list[list[str]], encoding: str, delimiter: str, quoted: bool
) -> None:
    with scratch() as folder:
        path = folder / "plan.csv"
        if quoted:
            text = io.StringIO()
            csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
            content = text.getvalue()
        else:
            content = "\n".join(delimiter.join(row) for row in rows)
        path.write_bytes(content.encode(encoding, errors="replace"))
        result = read_everything(path)
        if isinstance(result, ImportFileError):
            return
        for sheet, plan in result:
            assert_nothing_silent(plan, sheet)


FIELD_KEYS = [*all_field_keys(), IGNORE, "champ_inconnu", ""]


@FUZZ
@given(
    rows=tables(),
    mapping=st.dictionaries(st.one_of(st.sampled_from(HEADERS), st.text(max_size=10)), st.sampled_from(FIELD_KEYS)),
)
def test_generated_csv_with_a_user_mapping_gives_a_report(rows: list[list[str]], mapping: dict[str, str]) -> None:
    with scratch() as folder:
        path = write_csv(folder / "plan.csv", rows)
        try:
            book = read_workbook(path)
            plan = read_table_plan(path, book, book.sheets[0].name, mapping)
        except ImportFileError as error:
            assert_french_file_error(error, path)
            return
        assert_located(plan)
        assert_nothing_silent(plan, book.sheets[0])


# --- hypothesis: arbitrary xlsx ------------------------------------------------------------------------------

SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff"), max_size=25)
XLSX_VALUES = st.one_of(
    st.none(),
    CELLS.filter(lambda text: "\n" not in text and not any(ord(ch) < 32 for ch in text)),
    SAFE_TEXT,
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
    st.booleans(),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9),
)


@st.composite
def workbooks(draw: st.DrawFn) -> list[tuple[str, list[list[Any]], list[tuple[int, int, int, int]]]]:
    sheets = []
    names = draw(
        st.lists(
            st.sampled_from(["Actions", "Plan", "Financements", "Jalons", "Feuil1", "Axe 2 – Compétences"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    for name in names:
        width = draw(st.integers(1, 7))
        header = draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width))
        above = draw(st.lists(st.lists(XLSX_VALUES, max_size=3), max_size=2))
        body = draw(st.lists(st.lists(XLSX_VALUES, max_size=width + 1), max_size=10))
        rows = [*above, header, *body]
        merges = draw(
            st.lists(
                st.tuples(st.integers(1, 12), st.integers(1, 8), st.integers(0, 4), st.integers(0, 3)),
                max_size=3,
            )
        )
        sheets.append((name, rows, [(r, c, r + dr, c + dc) for r, c, dr, dc in merges if dr or dc]))
    return sheets


def build_xlsx(path: Path, sheets: list[tuple[str, list[list[Any]], list[tuple[int, int, int, int]]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows, merges in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        taken: set[tuple[int, int]] = set()
        for top, left, bottom, right in merges:
            cells = {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}
            if cells & taken:
                continue  # overlapping merges are not something Excel writes
            taken |= cells
            sheet.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
    book.save(path)
    return path


@FUZZ
@given(sheets=workbooks())
def test_generated_xlsx_gives_a_located_report_and_no_silent_value(
    sheets: list[tuple[str, list[list[Any]], list[tuple[int, int, int, int]]]],
) -> None:
    with scratch() as folder:
        path = build_xlsx(folder / "plan.xlsx", sheets)
        result = read_everything(path)
        assert not isinstance(result, ImportFileError), result
        for sheet, plan in result:
            assert_nothing_silent(plan, sheet)


# --- mutated archives ----------------------------------------------------------------------------------------


def table_rows() -> list[list[Any]]:
    return [
        ["Plan d'action 2024-2026"],
        [],
        ["Axe", "Intitulé", "Coût total HT", "Échéance", "Statut", "Maître d'ouvrage"],
        ["Innovation", "Plateforme", "1 250 000 €", "15/03/2024", "En cours", "CC du Val"],
        ["Compétences", "Campus", 250000.5, dt.datetime(2025, 6, 30), "À venir", "Région"],
    ]


def table_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Actions"
    for row in table_rows():
        sheet.append(row)
    book.save(path)
    return path


def table_ods(path: Path) -> Path:
    import pandas as pd

    rows = table_rows()
    frame = pd.DataFrame(rows[3:], columns=rows[2])
    frame.to_excel(path, engine="odf", index=False, sheet_name="Actions")
    return path


@functools.cache
def base_archives() -> dict[str, tuple[str, bytes]]:
    """Name → (suffix, bytes) of valid archives to damage: TeT workbooks, a table xlsx, a table ods."""
    bases: dict[str, tuple[str, bytes]] = {}
    with scratch() as folder:
        bases["table.xlsx"] = (".xlsx", table_xlsx(folder / "t.xlsx").read_bytes())
        bases["table.ods"] = (".ods", table_ods(folder / "t.ods").read_bytes())
    for name in ("one_fiche_plan.xlsx", "plan_with_sous_actions.xlsx", "complex_plan.xlsx"):
        path = TET_DIR / name
        if path.is_file():
            bases[name] = (".xlsx", path.read_bytes())
    return bases


BASE_NAMES = ["table.xlsx", "table.ods", "one_fiche_plan.xlsx", "plan_with_sous_actions.xlsx", "complex_plan.xlsx"]


def base(name: str) -> tuple[str, bytes]:
    bases = base_archives()
    if name not in bases:
        pytest.skip(f"classeur absent : {name}")
    return bases[name]


def test_base_archives_are_readable() -> None:
    """The archives damaged below are valid to start with (so the damage is what is tested)."""
    for name in BASE_NAMES:
        suffix, data = base(name)
        with scratch() as folder:
            path = folder / f"plan{suffix}"
            path.write_bytes(data)
            result = read_everything(path)
            assert not isinstance(result, ImportFileError), (name, result)
            assert any(plan.actions for _, plan in result), name


@FUZZ
@given(
    name=st.sampled_from(BASE_NAMES),
    flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)), min_size=1, max_size=12),
)
def test_flipped_bytes_give_a_report_or_a_file_error(name: str, flips: list[tuple[float, int]]) -> None:
    suffix, data = base(name)
    damaged = bytearray(data)
    for where, mask in flips:
        damaged[int(where * len(damaged))] ^= mask
    with scratch() as folder:
        path = folder / f"plan{suffix}"
        path.write_bytes(bytes(damaged))
        read_everything(path)


@FUZZ
@given(name=st.sampled_from(BASE_NAMES), cut=st.floats(0, 1, exclude_max=True))
def test_truncated_archives_give_a_file_error(name: str, cut: float) -> None:
    suffix, data = base(name)
    with scratch() as folder:
        path = folder / f"plan{suffix}"
        path.write_bytes(data[: int(cut * len(data))])
        result = read_everything(path)
        # Without its central directory (at the end) a zip cannot be opened at all.
        assert isinstance(result, ImportFileError)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""
SECRET = "ti-desktop-secret-4242"


def external_entity(secret_file: Path) -> bytes:
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Axe</t></is></c><c r="B1" t="inlineStr"><is><t>Intitulé</t>'
        '</is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Innovation</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>'
    ).encode()


def replace_member(data: bytes, member: str, payload: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = payload if info.filename == member else source.read(info.filename)
            target.writestr(info, content)
    return output.getvalue()


def all_cells(result: list[tuple[RawSheet, PlanImport]] | ImportFileError) -> str:
    if isinstance(result, ImportFileError):
        return result.message
    return "\n".join(str(value) for sheet, _ in result for row in sheet.rows for value in row)


XLSX_MEMBERS = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "[Content_Types].xml"]


@pytest.mark.parametrize("payload", ["garbage", "empty", "billion-laughs", "external-entity", "not-xml-binary"])
@pytest.mark.parametrize(
    ("name", "member"),
    [("one_fiche_plan.xlsx", member) for member in XLSX_MEMBERS]
    + [("table.xlsx", member) for member in XLSX_MEMBERS if "sharedStrings" not in member],  # inline strings
)
def test_replaced_xlsx_member_gives_a_file_error_and_leaks_nothing(
    name: str, member: str, payload: str, tmp_path: Path
) -> None:
    suffix, data = base(name)
    members = zipfile.ZipFile(io.BytesIO(data)).namelist()
    if member not in members:
        pytest.skip(f"{name} n'a pas de membre {member}")
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    payloads = {
        "garbage": b"<<<not xml at all &&& \xff\xfe",
        "empty": b"",
        "billion-laughs": BILLION_LAUGHS,
        "external-entity": external_entity(secret),
        "not-xml-binary": bytes(range(256)) * 8,
    }
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(replace_member(data, member, payloads[payload]))
    result = read_everything(path)
    assert SECRET not in all_cells(result)
    assert "lollollol" not in all_cells(result)
    if payload in ("billion-laughs", "external-entity"):
        # defusedxml refuses DTD entities; the merge-cell scan is a plain pattern, so nothing is expanded.
        assert isinstance(result, ImportFileError), all_cells(result)


# --- zip bombs -----------------------------------------------------------------------------------------------


def bomb_xlsx(path: Path, zeros: int) -> Path:
    """A valid table xlsx plus a member of `zeros` zero bytes (compresses to a few kB)."""
    with scratch() as folder:
        data = table_xlsx(folder / "t.xlsx").read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr("xl/media/padding.bin", b"\0" * zeros)
    return path


@pytest.fixture
def small_unpack_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    """Lower the uncompressed-size limit to 1 MB wherever it is read (the default argument of
    `check_xlsx_archive` is bound at definition time, so the function is wrapped too)."""
    limit = 1024 * 1024
    monkeypatch.setattr(workbook, "MAX_UNCOMPRESSED_BYTES", limit)
    monkeypatch.setattr(tabular, "MAX_UNCOMPRESSED_BYTES", limit)
    original = workbook.check_xlsx_archive
    monkeypatch.setattr(tabular, "check_xlsx_archive", lambda path, max_bytes=limit: original(path, max_bytes))
    return limit


def test_xlsx_zip_bomb_is_refused_before_parsing(small_unpack_limit: int, tmp_path: Path) -> None:
    path = bomb_xlsx(tmp_path / "bombe.xlsx", 4 * small_unpack_limit)
    assert path.stat().st_size < small_unpack_limit // 10  # tiny on disk, huge once unpacked
    result = read_everything(path)
    assert isinstance(result, ImportFileError)
    assert "se décompresse en plus de 1 Mo" in result.message and "bombe.xlsx" in result.message


def test_zip_bomb_guard_reads_the_real_limit_without_patching_its_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Patching the module constant alone is enough to change the limit (it is looked up at call time)."""
    limit = 1024 * 1024
    monkeypatch.setattr(workbook, "MAX_UNCOMPRESSED_BYTES", limit)
    monkeypatch.setattr(tabular, "MAX_UNCOMPRESSED_BYTES", limit)
    path = bomb_xlsx(tmp_path / "bombe.xlsx", 4 * limit)
    with pytest.raises(ImportFileError, match="se décompresse"):
        read_workbook(path)


def set_declared_size(data: bytes, member: str, size: int) -> bytes:
    """The archive with `member`'s uncompressed size rewritten in its local header and central directory."""
    raw = bytearray(data)
    name = member.encode()
    for signature, name_length_at, name_at, size_at in ((b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)):
        start = raw.find(signature)
        while start >= 0:
            length = struct.unpack_from("<H", raw, start + name_length_at)[0]
            if raw[start + name_at : start + name_at + length] == name:
                struct.pack_into("<I", raw, start + size_at, size)
            start = raw.find(signature, start + 4)
    return bytes(raw)


def test_member_declaring_a_huge_size_is_refused(tmp_path: Path) -> None:
    """A member claims 4 GB: refused on the declaration alone, nothing unpacked."""
    path = bomb_xlsx(tmp_path / "declare.xlsx", 10)
    path.write_bytes(set_declared_size(path.read_bytes(), "xl/media/padding.bin", 0xFFFFFFF0))
    result = read_everything(path)
    assert isinstance(result, ImportFileError)
    assert "se décompresse en plus de 200 Mo" in result.message


def test_member_lying_about_a_small_size_is_refused(tmp_path: Path) -> None:
    """A sheet claiming 100 bytes but inflating to megabytes: unpacking stops at the claim, CRC refused."""
    with scratch() as folder:
        data = table_xlsx(folder / "t.xlsx").read_bytes()
    member = "xl/worksheets/sheet1.xml"
    payload = zipfile.ZipFile(io.BytesIO(data)).read(member) + b" " * (8 * 1024 * 1024)
    path = tmp_path / "menteur.xlsx"
    path.write_bytes(set_declared_size(replace_member(data, member, payload), member, 100))
    result = read_everything(path)
    assert isinstance(result, ImportFileError)


def test_ods_zip_bomb_is_refused(small_unpack_limit: int, tmp_path: Path) -> None:
    _, data = base("table.ods")
    source = zipfile.ZipFile(io.BytesIO(data))
    path = tmp_path / "bombe.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr("Pictures/padding.bin", b"\0" * (4 * small_unpack_limit))
    result = read_everything(path)
    assert isinstance(result, ImportFileError) and "se décompresse" in result.message


def test_ods_with_a_huge_mimetype_member_is_refused_without_unpacking_it(
    small_unpack_limit: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The type check must not inflate a whole member before the size check (bomb in `mimetype`)."""
    path = tmp_path / "mime.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("mimetype", b"application/vnd.oasis.opendocument.spreadsheet" + b" " * (8 * small_unpack_limit))
        target.writestr("content.xml", b"<x/>")
    inflated: list[int] = []
    original = zipfile.ZipFile.read

    def counting_read(self: zipfile.ZipFile, name: Any, pwd: bytes | None = None) -> bytes:
        content = original(self, name, pwd)
        inflated.append(len(content))
        return content

    monkeypatch.setattr(zipfile.ZipFile, "read", counting_read)
    result = read_everything(path)
    assert isinstance(result, ImportFileError)
    assert max(inflated, default=0) <= small_unpack_limit


# --- ods with garbage, files that are not spreadsheets -------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [b"garbage \xff\xfe <<<", b"", BILLION_LAUGHS, b"<office:document-content/>", b"<?xml version='1.0'?><a><b>"],
)
def test_ods_with_garbage_content_gives_a_file_error_or_a_report(payload: bytes, tmp_path: Path) -> None:
    _, data = base("table.ods")
    path = tmp_path / "plan.ods"
    path.write_bytes(replace_member(data, "content.xml", payload))
    result = read_everything(path)
    assert "lollollol" not in all_cells(result)


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 40
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx_bytes() -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", "<w:document/>")
    return output.getvalue()


def plain_zip_bytes() -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("notes.txt", "bonjour")
    return output.getvalue()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".xls", ".ods"])
@pytest.mark.parametrize(
    ("kind", "content"),
    [
        ("pdf", PDF),
        ("png", PNG),
        ("empty", b""),
        ("docx", docx_bytes()),
        ("zip", plain_zip_bytes()),
        ("html", b"<html><body><table><tr><td>Axe</td></tr></table></body></html>"),
        ("utf16", "Axe\tIntitulé\r\nInnovation\tPlateforme\r\n".encode("utf-16")),
        ("ole-garbage", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    ],
)
def test_not_a_spreadsheet_gives_a_clear_french_error(suffix: str, kind: str, content: bytes, tmp_path: Path) -> None:
    path = tmp_path / f"document{suffix}"
    path.write_bytes(content)
    result = read_everything(path)
    if kind == "html" and suffix == ".csv":
        return  # text named .csv is read as a (one-column) CSV: a report, no error
    if kind == "utf16" and suffix == ".csv":
        assert isinstance(result, list)
        assert ("Innovation", "Plateforme") in result[0][0].rows  # UTF-16 text with its BOM: a CSV
        return
    assert isinstance(result, ImportFileError), (kind, suffix)
    if kind == "empty":
        assert "est vide" in result.message
    if kind in ("pdf", "png"):
        assert "n'est pas un tableur" in result.message


def test_missing_file_and_folder_give_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="introuvable"):
        read_workbook(tmp_path / "absent.xlsx")
    with pytest.raises(ImportFileError, match="introuvable"):
        read_workbook(tmp_path)


# --- row cap -------------------------------------------------------------------------------------------------


@pytest.fixture
def fifty_rows(monkeypatch: pytest.MonkeyPatch) -> int:
    # tabular imports MAX_ROWS by name: patch it where it is read.
    monkeypatch.setattr(tabular, "MAX_ROWS", 50)
    monkeypatch.setattr(workbook, "MAX_ROWS", 50)
    return 50


def cap_rows(data_rows: int) -> list[list[str]]:
    return [["Axe", "Intitulé"]] + [["Innovation", f"Action {n}"] for n in range(data_rows)]


def test_csv_over_the_row_cap_is_refused_naming_the_limit(fifty_rows: int, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "gros.csv", cap_rows(fifty_rows + 1))
    with pytest.raises(ImportFileError) as refused:
        read_workbook(path)
    assert "dépasse 50 lignes" in refused.value.message and "gros.csv" in refused.value.message
    assert "découpez" in refused.value.message


def test_csv_at_the_row_cap_is_read(fifty_rows: int, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "juste.csv", cap_rows(fifty_rows - 1))
    assert len(plan_of(path).actions) == fifty_rows - 1


def test_xlsx_over_the_row_cap_is_refused(fifty_rows: int, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in cap_rows(fifty_rows + 5):
        book.active.append(row)
    book.save(tmp_path / "gros.xlsx")
    with pytest.raises(ImportFileError, match="dépasse 50 lignes"):
        read_workbook(tmp_path / "gros.xlsx")


def test_trailing_blank_rows_do_not_count_against_the_cap(fifty_rows: int, tmp_path: Path) -> None:
    """Excel often saves a styled empty cell far below the table, or `;;;` lines at the end of a CSV:
    ten actions must not be refused as "more than 50 rows"."""
    book = openpyxl.Workbook()
    for row in cap_rows(10):
        book.active.append(row)
    book.active.cell(row=500, column=1).number_format = "0.00"  # styled, empty
    book.save(tmp_path / "style.xlsx")
    assert len(plan_of(tmp_path / "style.xlsx").actions) == 10
    path = write_csv(tmp_path / "fin.csv", cap_rows(10) + [["", ""]] * 200)
    assert len(plan_of(path).actions) == 10


# --- table layout: header position, blank rows, totals, merges, sections -------------------------------------


def test_header_below_titles_blank_rows_and_totals(tmp_path: Path) -> None:
    rows = [
        ["Plan d'action du territoire"],
        ["Version du 12/01/2025", "", "Document de travail"],
        [],
        ["Axe", "Intitulé", "Coût total HT", "Échéance"],
        [],
        ["Innovation", "Plateforme", "1 000 €", "15/03/2024"],
        ["", "", "", ""],
        ["Innovation", "Laboratoire", "2 000 €", "16/03/2024"],
        ["Sous-total", "", "3 000 €", ""],
        ["Compétences", "Campus", "500 €", ""],
        ["Innovation", "Total axe 1", "3 000 €", ""],
        ["TOTAL GÉNÉRAL", "", "3 500 €", ""],
    ]
    plan = plan_of(write_csv(tmp_path / "plan.csv", rows))
    assert [(a.title, a.axis, a.origin.row) for a in plan.actions] == [
        ("Plateforme", "Innovation", 6),
        ("Laboratoire", "Innovation", 8),
        ("Campus", "Compétences", 10),
    ]
    assert not plan.has_errors, [str(i) for i in plan.issues]
    # The total rows are not actions: each is checked against the rows it covers. « Total axe 1 » sums its group
    # (the rows since the sub-total of row 9: Campus alone), so the file contradicts itself there.
    assert [(total.origin.row, total.grand, total.rows, total.agrees) for total in plan.totals] == [
        (9, False, (6, 8), True),
        (11, False, (10,), False),
        (12, True, (6, 8, 10), True),
    ]
    (warning,) = plan.report.warnings
    assert (warning.row, warning.column) == (11, "C")
    assert warning.message == (
        "Ligne 11 (Total axe 1) : le fichier indique 3\u202f000,00\u202f€ de budget, "
        "les lignes importées font 500,00\u202f€."
    )


def test_total_warning_names_the_row_it_skips(tmp_path: Path) -> None:
    rows = [["Axe", "Intitulé", "Coût total HT"], ["Innovation", "Plateforme", "1 000"], ["Total", "", ""]]
    plan = plan_of(write_csv(tmp_path / "plan.csv", rows))
    (warning,) = plan.report.warnings
    assert warning.message == "ligne « Total » ignorée (ligne de total)."  # no amount to check


def test_merged_axis_cells_and_section_rows_in_xlsx(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [
        ["Axe", "Intitulé", "Coût total HT (€)", "Statut"],
        ["Innovation", "Plateforme", 1000, "En cours"],
        [None, "Laboratoire", 2000, "À venir"],
        [None, "Démonstrateur", 3000, "Réalisée"],
        [None, "Axe 2 – Compétences", None, None],  # section title merged across the row
        [None, "Campus", 400, None],
        [None, "Alternance", 500, None],
        ["Foncier"],  # a section title alone on its row (no merge)
        [None, "Friche", 600, None],
    ]:
        sheet.append(row)
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("A5:D5")
    sheet["A5"] = "Axe 2 – Compétences"
    book.save(tmp_path / "plan.xlsx")
    plan = plan_of(tmp_path / "plan.xlsx")
    assert [(a.title, a.axis) for a in plan.actions] == [
        ("Plateforme", "Innovation"),
        ("Laboratoire", "Innovation"),
        ("Démonstrateur", "Innovation"),
        ("Campus", "Axe 2 – Compétences"),
        ("Alternance", "Axe 2 – Compétences"),
        ("Friche", "Foncier"),
    ]
    assert [a.values.get("planned_budget") for a in plan.actions] == [
        Decimal(n) for n in (1000, 2000, 3000, 400, 500, 600)
    ]
    assert not plan.has_errors, [str(i) for i in plan.issues]


def test_section_title_in_csv_sets_the_axis_below(tmp_path: Path) -> None:
    rows = [
        ["Intitulé", "Coût total HT", "Échéance"],
        ["Axe 1 – Innovation", "", ""],
        ["Plateforme", "1 000", "15/03/2024"],
        ["Axe 2 – Compétences", "Axe 2 – Compétences", "Axe 2 – Compétences"],  # merged then saved as CSV
        ["Campus", "2 000", ""],
    ]
    plan = plan_of(write_csv(tmp_path / "plan.csv", rows))
    # "Axe 1 – Innovation" alone in the title column is an action, not a section: only a value outside
    # the title column, or repeated across the row, names a section.
    assert [(a.title, a.axis) for a in plan.actions][-1] == ("Campus", "Axe 2 – Compétences")


AMOUNT_FORMS = [
    ("1 250 000 €", "1250000"),
    ("1 250 000,50", "1250000.50"),
    ("1\u00a0250\u00a0000,50", "1250000.50"),
    ("1\u202f250\u202f000,50 €", "1250000.50"),
    ("1.250.000,50", "1250000.50"),
    ("1.250.000", "1250000"),
    ("1250000", "1250000"),
    ("1250000,5", "1250000.50"),
    ("€ 12 345", "12345"),
    ("12 345 EUR", "12345"),
    ("12 345 € HT", "12345"),
    ("0", "0"),
]
DATE_FORMS = [
    ("15/03/2024", dt.date(2024, 3, 15)),
    ("2024-03-15", dt.date(2024, 3, 15)),
    ("15/03/24", dt.date(2024, 3, 15)),
    ("15.03.2024", dt.date(2024, 3, 15)),
    ("45366", dt.date(2024, 3, 15)),
    ("2024-03-15 00:00:00", dt.date(2024, 3, 15)),
]


def forms_table() -> list[list[str]]:
    header = ["Axe", "Intitulé", "Coût total HT", "Échéance", "Statut", "Maître d'ouvrage"]
    rows = [header]
    for number, ((amount, _), (day, _)) in enumerate(zip(AMOUNT_FORMS, DATE_FORMS * 2, strict=False)):
        rows.append(["Innovation", f"Action {number}", amount, day, "En cours", "Communauté de communes"])
    return rows


def test_french_amounts_and_dates_in_a_table(tmp_path: Path) -> None:
    plan = plan_of(write_csv(tmp_path / "formes.csv", forms_table()))
    assert not plan.has_errors, [str(i) for i in plan.issues]
    expected_days = [day for _, day in DATE_FORMS * 2][: len(AMOUNT_FORMS)]
    assert [a.values.get("planned_budget") for a in plan.actions] == [Decimal(value) for _, value in AMOUNT_FORMS]
    assert [a.values.get("planned_end") for a in plan.actions] == expected_days
    assert {a.actors["lead_actor_id"] for a in plan.actions} == {"Communauté de communes"}


def test_xlsx_numbers_serials_and_datetime_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Axe", "Intitulé", "Coût total HT", "Date de début", "Échéance"])
    sheet.append(["Innovation", "Nombre", 1250000.5, 45366, dt.datetime(2024, 12, 31, 0, 0)])
    sheet.append(["Innovation", "Entier", 1250000, dt.date(2024, 3, 15), "31/12/2024"])
    sheet.append(["Innovation", "Texte", "1 250 000,50 €", "2024-03-15", 45657.0])
    sheet.append(["Innovation", "Flottant Excel", 0.1 + 0.2, None, None])
    book.save(tmp_path / "cellules.xlsx")
    plan = plan_of(tmp_path / "cellules.xlsx")
    assert not plan.has_errors, [str(i) for i in plan.issues]
    got = {
        a.title: (a.values.get("planned_budget"), a.values.get("planned_start"), a.values.get("planned_end"))
        for a in plan.actions
    }
    assert got == {
        "Nombre": (Decimal("1250000.50"), dt.date(2024, 3, 15), dt.date(2024, 12, 31)),
        "Entier": (Decimal("1250000.00"), dt.date(2024, 3, 15), dt.date(2024, 12, 31)),
        "Texte": (Decimal("1250000.50"), dt.date(2024, 3, 15), dt.date(2024, 12, 31)),
        "Flottant Excel": (Decimal("0.30"), None, None),
    }


def test_unreadable_cells_are_errors_at_their_sheet_row_column_and_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Mon plan"
    sheet.append(["Tableau de suivi"])
    sheet.append(["Axe", "Intitulé", "Coût total HT (€)", "Échéance", "Statut"])
    sheet.append(["Innovation", "Bonne ligne", "1 000", "15/03/2024", "En cours"])
    sheet.append(["Innovation", "Montant illisible", "mille euros", "15/03/2024", "En cours"])
    sheet.append(["Innovation", "Date illisible", "1 000", "32/01/2024", "En cours"])
    sheet.append(["Innovation", "Statut inconnu", "1 000", "15/03/2024", "Presque fini"])
    sheet.append(["Innovation", "Montant négatif", "-5 000", "15/03/2024", None])
    sheet.append(["Innovation", "Trop de décimales", "12,345", "15/03/2024", None])
    sheet.append(["Innovation", None, "1 000", "15/03/2024", None])
    book.save(tmp_path / "erreurs.xlsx")
    plan = plan_of(tmp_path / "erreurs.xlsx")
    located = {(i.sheet, i.row, i.column, i.header) for i in plan.report.errors}
    assert located == {
        ("Mon plan", 4, "C", "Coût total HT (€)"),
        ("Mon plan", 5, "D", "Échéance"),
        ("Mon plan", 6, "E", "Statut"),
        ("Mon plan", 7, "C", "Coût total HT (€)"),
        ("Mon plan", 8, "C", "Coût total HT (€)"),
        ("Mon plan", 9, "B", "Intitulé"),
    }
    assert [a.title for a in plan.actions] == ["Bonne ligne"]
    texts = {i.row: str(i) for i in plan.report.errors}
    assert texts[4] == (
        "Feuille Mon plan, ligne 4, colonne C (Coût total HT (€)) : "
        "« mille euros » n'est pas un montant lisible (exemple : 1 250 000,50 €)."
    )
    assert "32/01/2024" in texts[5] and "Presque fini" in texts[6] and "obligatoire" in texts[9]


def test_row_without_title_is_never_dropped_silently(tmp_path: Path) -> None:
    """A row whose title was forgotten but which has an amount must be reported, not become an axis."""
    rows = [
        ["Axe", "Intitulé", "Coût total HT"],
        ["Innovation", "Plateforme", "1 000"],
        ["", "", "2 000"],
        ["", "Laboratoire", "3 000"],
    ]
    plan = plan_of(write_csv(tmp_path / "plan.csv", rows))
    assert any(issue.row == 3 for issue in plan.issues), [str(i) for i in plan.issues]
    assert ("Laboratoire", "2 000") not in [(a.title, a.axis) for a in plan.actions]


def test_huge_cell_in_a_csv_gives_a_file_error_or_a_report(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("Axe;Intitulé;Description\nInnovation;Plateforme;" + "d" * 200_000 + "\n", encoding="utf-8")
    read_everything(path)


def test_duplicate_title_warning_points_at_the_title_column(tmp_path: Path) -> None:
    """`plan.columns` is keyed by model attribute: "Jalon" (milestone title) must not take the place of
    "Intitulé" (action title) when locating issues."""
    rows = [["Axe", "Intitulé", "Jalon"], ["Innovation", "Plateforme", "Étude"], ["Innovation", "Plateforme", "Pose"]]
    plan = plan_of(write_csv(tmp_path / "doublon.csv", rows))
    (warning,) = plan.report.warnings
    assert (warning.row, warning.column) == (3, "B"), str(warning)


# --- .xls and .ods give the same actions as the CSV ----------------------------------------------------------

SAME_HEADER = ["Axe", "Intitulé", "Coût total HT", "Date de début", "Échéance", "Statut", "Maître d'ouvrage"]
START, END = dt.date(2024, 3, 15), dt.date(2025, 6, 30)
SAME_ROWS: list[list[Any]] = [
    [*SAME_HEADER, "Financeur", "Montant"],
    ["Innovation", "Plateforme", 1250000.5, START, END, "En cours", "CC du Val", "Région", 50000],
    ["Compétences", "Campus", 250000, dt.date(2024, 9, 1), None, "À venir", "Lycée Jean Moulin", None, None],
    ["Foncier", "Friche Arcelor", 3000000, None, dt.date(2026, 12, 31), "En réflexion", None, "Fonds vert", 10**6],
]


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return str(value)


def test_xls_ods_and_csv_import_the_same_actions(tmp_path: Path) -> None:
    import pandas as pd
    import xlwt

    csv_path = write_csv(tmp_path / "plan.csv", [[csv_cell(v) for v in row] for row in SAME_ROWS])

    xls_book = xlwt.Workbook()
    xls_sheet = xls_book.add_sheet("Actions")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate(SAME_ROWS):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                xls_sheet.write(r, c, value, date_style)
            elif value is not None:
                xls_sheet.write(r, c, value)
    xls_book.save(str(tmp_path / "plan.xls"))

    frame = pd.DataFrame(SAME_ROWS[1:], columns=SAME_ROWS[0])
    frame.to_excel(tmp_path / "plan.ods", engine="odf", index=False, sheet_name="Actions")

    reference = [summary(a) for a in plan_of(csv_path).actions]
    assert reference[0] == (
        "Plateforme",
        "Innovation",
        Decimal("1250000.50"),
        dt.date(2024, 3, 15),
        dt.date(2025, 6, 30),
        ActionStatus.EN_COURS,
        "CC du Val",
        (("Région", Decimal("50000")),),
    )
    for path in (tmp_path / "plan.xls", tmp_path / "plan.ods"):
        book = read_workbook(path)
        assert book.kind == path.suffix[1:]
        plan = plan_of(path, "Actions")
        assert not plan.has_errors, (path.suffix, [str(i) for i in plan.issues])
        assert [summary(a) for a in plan.actions] == reference, path.suffix


def test_xls_without_date_format_reads_serials_as_dates(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Feuil1")
    for c, value in enumerate(["Axe", "Intitulé", "Échéance"]):
        sheet.write(0, c, value)
    for c, value in enumerate(["Innovation", "Plateforme", 45366]):
        sheet.write(1, c, value)
    book.save(str(tmp_path / "serie.xls"))
    (action,) = plan_of(tmp_path / "serie.xls").actions
    assert action.values.get("planned_end") == dt.date(2024, 3, 15)


def test_merged_axis_in_ods_gives_each_row_its_axis(tmp_path: Path) -> None:
    """An .ods saved by LibreOffice with the axis merged over three rows."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Plan")

    def cell(text: str | None, **attributes: Any) -> TableCell:
        element = TableCell(valuetype="string", **attributes) if text is not None else TableCell()
        if text is not None:
            element.addElement(P(text=text))
        return element

    rows: list[list[TableCell]] = [
        [cell("Axe"), cell("Intitulé")],
        [cell("Innovation", numberrowsspanned=3), cell("Plateforme")],
        [CoveredTableCell(), cell("Laboratoire")],
        [CoveredTableCell(), cell("Démonstrateur")],
    ]
    for cells in rows:
        row = TableRow()
        for element in cells:
            row.addElement(element)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(tmp_path / "fusion.ods"))
    plan = plan_of(tmp_path / "fusion.ods")
    assert [(a.title, a.axis) for a in plan.actions] == [
        ("Plateforme", "Innovation"),
        ("Laboratoire", "Innovation"),
        ("Démonstrateur", "Innovation"),
    ]


# --- CSV variants --------------------------------------------------------------------------------------------

VARIANT_ROWS = [
    ["Axe", "Intitulé", "Maître d'ouvrage", "Coût total HT", "Échéance"],
    ["Compétences", "Former 200 apprentis", "Maître d'ouvrage délégué", "1 250 000,50 €", "15/03/2024"],
    ["Innovation", "Étude; phase 1, lot 2", "Société «\u00a0Métal\u00a0»", "12 500 €", "2024-03-15"],
    ["Innovation", "Texte sur\ndeux lignes", 'Dit "le Val"', "900", ""],
]


MARCH_15 = dt.date(2024, 3, 15)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252", "utf-16", "utf-16-be"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_encodings_and_separators(encoding: str, delimiter: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "plan.csv", VARIANT_ROWS, encoding=encoding, delimiter=delimiter)
    if encoding == "utf-16-be":  # with its BOM, as Excel and Notepad write it
        path.write_bytes(b"\xfe\xff" + path.read_bytes())
    if encoding == "utf-8-sig":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    plan = plan_of(path)
    assert not plan.has_errors, [str(i) for i in plan.issues]
    got = [
        (a.axis, a.title, a.actors["lead_actor_id"], a.values.get("planned_budget"), a.values.get("planned_end"))
        for a in plan.actions
    ]
    assert got == [
        ("Compétences", "Former 200 apprentis", "Maître d'ouvrage délégué", Decimal("1250000.50"), MARCH_15),
        ("Innovation", "Étude; phase 1, lot 2", "Société «\u00a0Métal\u00a0»", Decimal("12500"), MARCH_15),
        ("Innovation", "Texte sur\ndeux lignes", 'Dit "le Val"', Decimal("900"), None),
    ]
    assert plan.actions[2].origin.row == 4  # the row as the file counts records, not physical lines


def test_cp1252_euro_and_accents_in_headers(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "Axe;Intitulé;Coût total HT (€);Échéance\r\nInnovation;Réseau;1 000 €;01/02/2025\r\n".encode("cp1252")
    )
    (action,) = plan_of(path).actions
    assert (action.title, action.values.get("planned_budget"), action.values.get("planned_end")) == (
        "Réseau",
        Decimal(1000),
        dt.date(2025, 2, 1),
    )


def test_csv_neither_utf8_nor_cp1252_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bizarre.csv"
    path.write_bytes(b"Axe;Intitul\xe9\r\nInnovation;\x81\x8d\r\n")  # 0x81 has no meaning in Windows-1252
    with pytest.raises(ImportFileError, match="ni en UTF-8 ni en Windows-1252"):
        read_workbook(path)


def test_reading_never_writes_beside_the_file(tmp_path: Path) -> None:
    """No lock, temp or cache file is left in the folder of the file read."""
    folder = tmp_path / "dossier"
    folder.mkdir()
    write_csv(folder / "plan.csv", VARIANT_ROWS)
    table_xlsx(folder / "plan.xlsx")
    table_ods(folder / "plan.ods")
    before = sorted(p.name for p in folder.iterdir())
    for path in list(folder.iterdir()):
        read_everything(path)
    assert sorted(p.name for p in folder.iterdir()) == before


def test_excel_texte_unicode_export_imports_like_a_csv(tmp_path: Path) -> None:
    """Excel's « Enregistrer sous › Texte Unicode (*.txt) »: UTF-16 LE with its BOM, tabs, CRLF."""
    path = tmp_path / "plan d'action.txt"
    lines = [
        "Axe\tTitre\tBudget prévisionnel",
        "Innovation\tPlateforme d'essais\t1 250 000,50 €",
        "Foncier\tFriche\t900",
    ]
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    assert path.read_bytes().startswith(b"\xff\xfe")
    plan = plan_of(path)
    assert not plan.has_errors, [str(i) for i in plan.issues]
    assert [(a.axis, a.title, a.values.get("planned_budget")) for a in plan.actions] == [
        ("Innovation", "Plateforme d'essais", Decimal("1250000.50")),
        ("Foncier", "Friche", Decimal("900")),
    ]
