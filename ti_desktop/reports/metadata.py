"""Document properties every PDF of ours shares."""

# mypy: disable-error-code="import-untyped"
# (reportlab ships no type stubs)
from __future__ import annotations

import datetime as dt

from reportlab.pdfgen.canvas import Canvas


def date_document(canvas: Canvas, day: dt.date) -> None:
    """The PDF's creation and modification dates are the document's own date (a PDF date may stop at the day),
    not the moment reportlab would read from the machine's clock."""
    text = f"D:{day:%Y%m%d}"
    canvas.setDateFormatter(lambda *_parts: text)
