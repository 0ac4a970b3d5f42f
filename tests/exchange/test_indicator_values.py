"""Reading long-format indicator values (INSEE, Observatoire des territoires) into measures and a report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ti_desktop.exchange.french import UnreadableValue
from ti_desktop.exchange.indicator_values import parse_number, parse_period, read_indicator_values
from ti_desktop.exchange.report import ImportFileError

INSEE_CSV = (
    "Taux de chômage localisé par zone d'emploi\n"
    "Source : Insee, estimations de taux de chômage localisés\n"
    "\n"
    "Libellé;Année;Valeur;Unité;Source\n"
    "Taux de chômage;2020;7,5;%;Insee\n"
    ";;;;\n"
    'Taux de chômage;2021;"7,1 %";%;Insee\n'
    "Emplois salariés privés;2021;12 345;emplois;Urssaf\n"
    "Solde migratoire;2021;−1 234,5;habitants;Insee\n"
    "Source : Insee, RP 2021 exploitation principale\n"
)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def rows_of(path: Path) -> list[tuple[str, dt.date, float, str | None, str | None, int]]:
    result = read_indicator_values(path)
    return [(m.indicator, m.measured_on, m.value, m.unit, m.source, m.row) for m in result.measures]


def test_insee_csv_with_title_lines_semicolons_and_french_decimals(tmp_path: Path) -> None:
    path = write(tmp_path / "chomage.csv", INSEE_CSV)
    result = read_indicator_values(path)
    assert result.issues == []
    assert result.sheets == ["chomage"]
    assert rows_of(path) == [
        ("Taux de chômage", dt.date(2020, 12, 31), 7.5, "%", "Insee", 5),
        ("Taux de chômage", dt.date(2021, 12, 31), 7.1, "%", "Insee", 7),
        ("Emplois salariés privés", dt.date(2021, 12, 31), 12345.0, "emplois", "Urssaf", 8),
        ("Solde migratoire", dt.date(2021, 12, 31), -1234.5, "habitants", "Insee", 9),
    ]


def test_windows_1252_csv_with_commas_and_full_dates(tmp_path: Path) -> None:
    text = (
        "Nom de l'indicateur,Date,Valeur,Unité,Producteur\n"
        'Part des emplois industriels,31/12/2019,"18,4",%,Insee\n'
        "Part des emplois industriels,2020-12-31,17.9,%,Insee\n"
        "Établissements créés,15/03/2024,42,établissements,Sirene\n"
    )
    path = write(tmp_path / "odt.csv", text, "cp1252")
    assert rows_of(path) == [
        ("Part des emplois industriels", dt.date(2019, 12, 31), 18.4, "%", "Insee", 2),
        ("Part des emplois industriels", dt.date(2020, 12, 31), 17.9, "%", "Insee", 3),
        ("Établissements créés", dt.date(2024, 3, 15), 42.0, "établissements", "Sirene", 4),
    ]


def test_xlsx_with_title_before_header_and_year_cells(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Documentation"
    notes["A1"] = "Ce fichier a été téléchargé sur observatoire-des-territoires.gouv.fr"
    data = book.create_sheet("Données")
    data["A1"] = "Indicateurs du territoire"
    data["A2"] = "Mise à jour : mars 2025"
    data.append([])
    data.append(["Code", "Libellé", "Indicateur", "Millésime", "Valeur (%)", "Unité"])
    data.append(["244900015", "Vallée de l'Orne", "Taux d'emploi", 2021, 64.2, "%"])
    data.append(["244900015", "Vallée de l'Orne", "Taux d'emploi", dt.datetime(2022, 6, 30), 65, "%"])
    path = tmp_path / "odt.xlsx"
    book.save(path)
    result = read_indicator_values(path)
    assert result.issues == [] and result.sheets == ["Données"]
    # "Indicateur" wins over "Libellé" (here the territory's name); a year alone means 31 December.
    assert rows_of(path) == [
        ("Taux d'emploi", dt.date(2021, 12, 31), 64.2, "%", None, 5),
        ("Taux d'emploi", dt.date(2022, 6, 30), 65.0, "%", None, 6),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,5", 1234.5),
        ("1\u00a0234,5", 1234.5),
        ("1\u202f234\u202f567", 1234567.0),
        ("12,3 %", 12.3),
        ("-4,2", -4.2),
        ("\u22124,2", -4.2),
        ("+3", 3.0),
        ("1.5", 1.5),
        ("1,234", 1.234),
        ("1,234,567", 1234567.0),
        ("1.234.567", 1234567.0),
        ("1.234,5", 1234.5),
        ("2,5e3", 2500.0),
        ("0", 0.0),
        (42, 42.0),
        (-0.25, -0.25),
    ],
)
def test_numbers_as_french_and_insee_write_them(text: object, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text", ["abc", "1,2,3", "12.345.6", "1 2 3", "123,", "12 5", "7 à 9", True, float("inf"), "1e400"]
)
def test_unreadable_numbers_are_errors_not_blanks(text: object) -> None:
    with pytest.raises(UnreadableValue):
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021", dt.date(2021, 12, 31)),
        (2021, dt.date(2021, 12, 31)),
        (2021.0, dt.date(2021, 12, 31)),
        ("15/03/2024", dt.date(2024, 3, 15)),
        ("2024-03-15", dt.date(2024, 3, 15)),
        ("2024-02", dt.date(2024, 2, 29)),
        ("03/2023", dt.date(2023, 3, 31)),
        ("2021-T2", dt.date(2021, 6, 30)),
        ("T4 2020", dt.date(2020, 12, 31)),
        (dt.datetime(2022, 1, 1, 12, 0), dt.date(2022, 1, 1)),
        (45366, dt.date(2024, 3, 15)),
        (None, None),
    ],
)
def test_periods_year_alone_is_31_december(value: object, expected: dt.date | None) -> None:
    assert parse_period(value) == expected


@pytest.mark.parametrize("value", ["21/13/2022", "l'an dernier", "1850", "2024-13", "T5 2021", "2021.5"])
def test_unreadable_periods_are_errors(value: object) -> None:
    with pytest.raises(UnreadableValue):
        parse_period(value)


def test_bad_value_and_bad_date_are_located(tmp_path: Path) -> None:
    text = (
        "Indicateur;Année;Valeur\n"
        "Taux de chômage;2020;7,5\n"
        "Taux de chômage;vingt-vingt-et-un;7,1\n"
        "Emplois;2021;beaucoup\n"
    )
    result = read_indicator_values(write(tmp_path / "erreurs.csv", text))
    located = [(i.sheet, i.row, i.column, i.header, i.is_error) for i in result.issues]
    assert located == [("erreurs", 3, "B", "Année", True), ("erreurs", 4, "C", "Valeur", True)]
    assert "« vingt-vingt-et-un »" in result.issues[0].message
    assert str(result.issues[1]).startswith("Feuille erreurs, ligne 4, colonne C (Valeur) : « beaucoup »")
    assert [m.row for m in result.measures] == [2]


def test_missing_columns_name_what_is_missing_and_list_headers_found(tmp_path: Path) -> None:
    text = "Titre du tableau\nCode;Libellé géographique;2019;2020\n244900015;Vallée;7,5;7,1\n"
    result = read_indicator_values(write(tmp_path / "large.csv", text))
    (error,) = result.issues
    assert error.is_error and (error.sheet, error.row) == ("large", 2)
    assert "Indicateur, Date ou année, Valeur" in error.message
    assert "« Code », « Libellé géographique », « 2019 », « 2020 »" in error.message


def test_one_missing_column_is_named(tmp_path: Path) -> None:
    result = read_indicator_values(write(tmp_path / "sans-valeur.csv", "Indicateur;Année;Unité\nEmplois;2021;nb\n"))
    (error,) = result.report.errors
    assert error.message.startswith("colonne obligatoire absente : Valeur.")
    assert "« Indicateur », « Année », « Unité »" in error.message


def test_duplicate_measure_names_both_rows(tmp_path: Path) -> None:
    text = "Indicateur;Année;Valeur\nEmplois;2021;10\nemplois ;2020;11\nEMPLOIS;2021;12\n"
    result = read_indicator_values(write(tmp_path / "doublon.csv", text))
    (error,) = result.issues
    assert (error.row, error.column, error.is_error) == (4, "B", True)
    assert "aux lignes 2 et 4" in error.message and "31/12/2021" in error.message


def test_blank_name_total_rows_and_unpublished_values(tmp_path: Path) -> None:
    text = (
        "Indicateur;Année;Valeur\n"
        ";2021;10\n"
        "Emplois;2021;s\n"
        "Emplois;2022;\n"
        "Total;;30\n"
        "\n"
        "Total emplois industriels;2022;30\n"
    )
    result = read_indicator_values(write(tmp_path / "lignes.csv", text))
    messages = [(i.row, i.column, i.is_error, i.message) for i in result.issues]
    assert messages == [
        (2, "A", True, "le nom de l'indicateur manque."),
        (3, "C", False, "« s » : valeur soumise au secret statistique, la ligne n'est pas importée."),
        (4, "C", False, "pas de valeur : la ligne n'est pas importée."),
        (5, "A", False, "ligne « Total » ignorée (ligne de total)."),
    ]
    # An indicator whose name merely starts with "Total" is a real measure.
    assert [(m.indicator, m.row) for m in result.measures] == [("Total emplois industriels", 7)]


def test_a_pdf_renamed_csv_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "indicateurs.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    with pytest.raises(ImportFileError, match="n'est pas un tableur"):
        read_indicator_values(path)


def test_header_only_file_says_there_is_nothing(tmp_path: Path) -> None:
    result = read_indicator_values(write(tmp_path / "vide.csv", "Indicateur;Année;Valeur\n"))
    (error,) = result.issues
    assert error.is_error and "aucune mesure" in error.message
