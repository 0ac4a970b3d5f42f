# mypy: disable-error-code="import-untyped"
"""reports.grid and the cells it draws cheaply give what reportlab's Table and Paragraph give: the same line
breaks, the same row heights, the same page breaks and the same text read back from the PDF."""

from __future__ import annotations

import io
import random

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from ti_desktop.reports.grid import Grid, GridPart
from ti_desktop.reports.styles import CellText, build_styles, data_table_style

WORDS = ["Friche", "industrielle", "de", "l'Aisne", "réhabilitation", "1\u202f250\u00a0€", "—", "campus", "à", "x"]


def random_text(chance: random.Random) -> str:
    return " ".join(chance.choice(WORDS) for _ in range(chance.randint(1, 14)))


def test_cell_text_breaks_lines_as_a_paragraph_does() -> None:
    styles = build_styles()
    chance = random.Random(18)
    for _ in range(400):
        text = random_text(chance)
        width = chance.uniform(30, 200)
        style = chance.choice([styles.cell, styles.cell_bold, styles.cell_right, styles.cell_center])
        cell = CellText(text, style)
        lines = cell.lines(width)
        paragraph = cell._wrapped()
        paragraph_height = paragraph.wrap(width, 10_000)[1]
        if lines is None:
            continue  # the Paragraph draws it
        expected = [(unused, " ".join(words)) for unused, words in paragraph.blPara.lines]
        assert [text for _unused, text in lines] == [text for _unused, text in expected]
        for (unused, _text), (expected_unused, _expected) in zip(lines, expected, strict=True):
            assert abs(unused - expected_unused) < 1e-6
        assert abs(len(lines) * style.leading - paragraph_height) < 1e-6


def _rows(chance: random.Random, count: int) -> list[list[object]]:
    styles = build_styles()
    rows: list[list[object]] = [[styles.cell_text(label, styles.header_cell) for label in ("Code", "Titre", "Montant")]]
    for index in range(count):
        rows.append(
            [
                f"A{index}",
                styles.cell_text(random_text(chance), styles.cell),
                styles.markup(f"<b>{index}</b>", styles.cell_right) if index % 7 == 0 else f"{index}\u202f000 €",
            ]
        )
    return rows


def _pdf_text(flowable: object) -> list[str]:
    output = io.BytesIO()
    SimpleDocTemplate(output, pagesize=A4).build([flowable])
    return [page.extract_text() for page in PdfReader(output).pages]


def test_a_grid_lays_out_and_reads_back_as_a_table() -> None:
    widths = [50.0, 200.0, 80.0]
    style = data_table_style()
    style.add("ALIGN", (2, 1), (2, -1), "RIGHT")
    table = Table(_rows(random.Random(5), 300), colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(style)
    table.wrap(sum(widths), float("inf"))
    grid = Grid(_rows(random.Random(5), 300), widths, style)
    assert grid.heights == table._rowHeights
    assert _pdf_text(GridPart(grid)) == _pdf_text(table)
    assert isinstance(_rows(random.Random(5), 1)[1][1], CellText)
    assert isinstance(_rows(random.Random(5), 1)[1][2], Paragraph)
