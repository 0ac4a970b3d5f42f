"""A figure lost in a spreadsheet error (`#N/A`, `#DIV/0!`, NaN) is reported where it is, never read as empty;
invisible and direction-changing characters are removed from names and titles, with a warning."""

from __future__ import annotations

import math
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ti_desktop.exchange.french import UnreadableValue, normalise, parse_amount, parse_date, parse_number
from ti_desktop.exchange.name_scrub import scrub_names
from ti_desktop.exchange.plan_import import PlanImport
from ti_desktop.exchange.table_plan import read_table_plan
from ti_desktop.exchange.tabular import read_workbook
from ti_desktop.exchange.tet import read_tet_sheet

from .conftest import tet_file, with_cell

ERROR_VALUES = ("#N/A", "#DIV/0!", "#VALEUR!", "#REF!", "#NOM?", "#VALUE!", "#NAME?", "#NUM!", "#NULL!")


def read(path: Path) -> PlanImport:
    book = read_workbook(path)
    return read_table_plan(path, book, book.sheets[0].name)


def errors_of(plan: PlanImport) -> list[str]:
    return [str(issue) for issue in plan.report.errors]


@pytest.mark.parametrize("error", [*ERROR_VALUES, "nan", " #n/a "])
@pytest.mark.parametrize("parse", [parse_amount, parse_date, parse_number])
def test_an_error_value_is_never_a_blank(parse: object, error: str) -> None:
    with pytest.raises(UnreadableValue, match="une valeur d'erreur du tableur"):
        parse(error)  # type: ignore[operator]


@pytest.mark.parametrize("parse", [parse_amount, parse_date, parse_number])
def test_a_nan_is_never_a_blank(parse: object) -> None:
    with pytest.raises(UnreadableValue, match="« NaN »"):
        parse(math.nan)  # type: ignore[operator]


def test_error_cells_of_an_xlsx_are_located_errors(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet.append(["Intitulé", "Axe", "Coût total HT", "Date de fin", "Avancement (%)"])
    sheet.append(["Fab lab", "Innovation", "#N/A", None, None])
    sheet.append(["Campus", "Innovation", 1000, "#DIV/0!", "#VALUE!"])
    sheet.append(["Lab", "Innovation", 500, None, 20])
    path = tmp_path / "erreurs.xlsx"
    book.save(path)
    assert sheet["C2"].data_type == "e"  # a real error cell, which calamine alone reads as empty
    plan = read(path)
    assert errors_of(plan) == [
        "Feuille Plan, ligne 2, colonne C (Coût total HT) : la cellule contient « #N/A », une valeur d'erreur du "
        "tableur et non un montant : corrigez la formule dans le fichier ou videz la cellule.",
        "Feuille Plan, ligne 3, colonne D (Date de fin) : la cellule contient « #DIV/0! », une valeur d'erreur du "
        "tableur et non une date : corrigez la formule dans le fichier ou videz la cellule.",
        "Feuille Plan, ligne 3, colonne E (Avancement (%)) : la cellule contient « #VALUE! », une valeur d'erreur "
        "du tableur et non un nombre : corrigez la formule dans le fichier ou videz la cellule.",
    ]
    assert [action.title for action in plan.actions] == ["Lab"]


def test_error_values_of_a_csv_are_located_errors(tmp_path: Path) -> None:
    path = tmp_path / "erreurs.csv"
    path.write_text(
        "Intitulé;Axe;Coût total HT\nFab lab;Innovation;#VALEUR!\nCampus;Innovation;NaN\n", encoding="utf-8"
    )
    plan = read(path)
    assert [(issue.row, issue.column, issue.message.split(",")[0]) for issue in plan.report.errors] == [
        (2, "C", "la cellule contient « #VALEUR! »"),
        (3, "C", "la cellule contient « NaN »"),
    ]


def test_an_error_cell_of_an_ods_is_not_read_as_zero(tmp_path: Path) -> None:
    plain = tmp_path / "plain.ods"
    pd.DataFrame({"Intitulé": ["Fab lab"], "Axe": ["Innovation"], "Coût total": ["x"]}).to_excel(
        plain, engine="odf", index=False, sheet_name="Plan"
    )
    path = tmp_path / "erreur.ods"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "content.xml":
                text = data.decode()
                cell = '<table:table-cell office:value-type="string" office:string-value="x"><text:p>x</text:p>'
                assert cell in text
                error = (
                    '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" '
                    'calcext:value-type="error"><text:p>#DIV/0!</text:p>'
                )
                text = text.replace(cell, error).replace(
                    "<office:document-content ",
                    '<office:document-content xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:'
                    'xmlns:calcext:1.0" ',
                    1,
                )
                data = text.encode()
            target.writestr(info, data)
    plan = read(path)
    assert [(issue.row, issue.column) for issue in plan.report.errors] == [(2, "C")]
    assert "« #DIV/0! »" in plan.report.errors[0].message and not plan.actions


def test_a_table_not_starting_in_column_a_keeps_its_column_letters(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["B2"], sheet["C2"], sheet["D2"] = "Intitulé", "Axe", "Coût total"
    sheet["B3"], sheet["C3"], sheet["D3"] = "Fab lab", "Innovation", "dix"
    path = tmp_path / "decale.xlsx"
    book.save(path)
    (issue,) = read(path).report.errors
    assert (issue.row, issue.column, issue.header) == (3, "D", "Coût total")


def test_invisible_characters_are_removed_from_names_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "bidi.csv"
    path.write_text(
        "Intitulé;Axe;Objectif;Maître d'ouvrage;Financeur;Montant demandé\n"
        "Fab\u202e bal;Innovation\u200b;Diffuser\u2066 le numérique\u2069;CCI\ufeff;Région\u200d;1000\n"
        "Campus;Innovation;;;;\n",
        encoding="utf-8",
    )
    plan = read(path)
    assert not plan.has_errors, errors_of(plan)
    first, second = plan.actions
    assert (first.title, first.axis, first.objective) == ("Fab bal", "Innovation", "Diffuser le numérique")
    assert first.actors == {"lead_actor_id": "CCI"} and first.funding[0].funder == "Région"
    assert first.funding[0].amount == Decimal("1000.00")
    assert second.axis == "Innovation"  # the same axis once cleaned
    warnings = [str(issue) for issue in plan.report.warnings]
    assert warnings == [
        "Feuille bidi, ligne 2, colonne A (Intitulé) : attention : intitulé « Fab bal » : 1 caractère invisible "
        "ou inversant le sens du texte (U+202E) retiré.",
        "Feuille bidi, ligne 2, colonne B (Axe) : attention : axe « Innovation » : 1 caractère invisible ou "
        "inversant le sens du texte (U+200B) retiré.",
        "Feuille bidi, ligne 2, colonne C (Objectif) : attention : objectif « Diffuser le numérique » : "
        "2 caractères invisibles ou inversant le sens du texte (U+2066, U+2069) retirés.",
        "Feuille bidi, ligne 2, colonne D (Maître d'ouvrage) : attention : porteur « CCI » : "
        "1 caractère invisible ou inversant le sens du texte (U+FEFF) retiré.",
        "Feuille bidi, ligne 2 : attention : financeur « Région » : 1 caractère invisible ou inversant le sens du "
        "texte (U+200D) retiré.",
    ]


def test_a_title_of_invisible_characters_only_or_an_error_value_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "vide.csv"
    path.write_text("Intitulé;Axe\n\u200b\u200b;Innovation\n#REF!;Innovation\n", encoding="utf-8")
    assert errors_of(read(path)) == [
        "Feuille vide, ligne 2, colonne A (Intitulé) : intitulé fait uniquement de caractères invisibles : "
        "écrivez-le en clair.",
        "Feuille vide, ligne 3, colonne A (Intitulé) : intitulé : la cellule contient « #REF! », une valeur "
        "d'erreur du tableur : corrigez la formule dans le fichier.",
    ]
    # Neither row becomes an action beside its error (the plan holds what would be written).
    path.write_text(
        "Intitulé;Axe\n\u200b\u200b;Innovation\n#REF!;Innovation\nNaN;Innovation\nCampus;Innovation\n", encoding="utf-8"
    )
    assert [action.title for action in read(path).actions] == ["Campus"]


def test_names_compare_without_their_invisible_characters() -> None:
    assert normalise("Fab\u200b lab") == normalise("Fab lab")


def test_a_tet_title_is_cleaned_too(tmp_path: Path) -> None:
    path = with_cell(tet_file("one_fiche_plan.xlsx"), tmp_path / "tet.xlsx", "D4", "Action\u202e secrète")
    book = read_workbook(path)
    sheet = next(sheet for sheet in book.sheets if sheet.rows and sheet.rows[1][:1] == ("Axe (x)",))
    plan = read_tet_sheet(path, sheet)
    scrub_names(plan)
    assert "Action secrète" in [action.title for action in plan.actions]
    assert any("U+202E" in issue.message and issue.row == 4 for issue in plan.report.warnings)
