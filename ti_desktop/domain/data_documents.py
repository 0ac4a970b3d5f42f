"""The machine-readable documents our files carry (a report's data, a meeting's minutes, a regional synthesis):
a versioned envelope around the data, sealed with the SHA-256 of its canonical form.

A document is the JSON object

    {"format": "ti-desktop/rapport-avancement", "schema_version": 1, "sha256": "<hex>", "data": {...}}

whose `sha256` is computed over `canonical_bytes(data)`: the data serialised with sorted keys, no spaces, UTF-8.
The same envelope travels as a PDF attachment (the PDF's metadata repeats the format, version and checksum), as
a JSON file or inside an xlsx workbook, so every container is checked the same way. The checksum proves the data
was not changed since it was written (an edit by hand, a broken transfer); it is not a signature.

Each format's JSON Schema is `resources/schemas/<name>.schema.json` (name = the format without its prefix).
Amounts are strings with two decimals (`"1250000.00"`): JSON numbers are floats and would lose cents.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any


class DocumentFormat(StrEnum):
    """Each kind of document, with the schema version this program writes and reads (at most)."""

    RAPPORT = "ti-desktop/rapport-avancement"
    COMPTE_RENDU = "ti-desktop/compte-rendu"
    SYNTHESE = "ti-desktop/synthese-regionale"

    @property
    def schema_name(self) -> str:
        """`rapport-avancement`: the schema's file is `resources/schemas/rapport-avancement.schema.json`."""
        return self.value.split("/", 1)[1]

    @property
    def attachment_name(self) -> str:
        """The name of the attached JSON file in a PDF: `rapport-avancement.json`."""
        return f"{self.schema_name}.json"

    @property
    def schema_version(self) -> int:
        return SCHEMA_VERSIONS[self]


SCHEMA_VERSIONS: dict[DocumentFormat, int] = {
    DocumentFormat.RAPPORT: 1,
    DocumentFormat.COMPTE_RENDU: 1,
    DocumentFormat.SYNTHESE: 1,
}

# The PDF document-information keys that name the embedded data (read by any PDF tool, e.g. `pdfinfo -meta`).
PDF_FORMAT_KEY = "/TIDesktopDataFormat"
PDF_SCHEMA_VERSION_KEY = "/TIDesktopSchemaVersion"
PDF_SHA256_KEY = "/TIDesktopDataSHA256"


def canonical_bytes(data: Any) -> bytes:
    """The one serialisation the checksum is computed over."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def checksum(data: Any) -> str:
    return hashlib.sha256(canonical_bytes(data)).hexdigest()


@dataclass(frozen=True, slots=True)
class SealedDocument:
    format: DocumentFormat
    schema_version: int
    sha256: str
    data: dict[str, Any]
    # `canonical_bytes(data)`, when `seal` computed it: the data is not serialised twice
    canonical: bytes | None = field(default=None, repr=False, compare=False)

    def envelope(self) -> dict[str, Any]:
        return {
            "format": self.format.value,
            "schema_version": self.schema_version,
            "sha256": self.sha256,
            "data": self.data,
        }

    def to_bytes(self) -> bytes:
        """The file as attached or saved: the envelope on one line, its keys sorted and no spaces, the data in its
        canonical form (the one the checksum covers, encoded once: a regional synthesis carries 183 reports)."""
        canonical = self.canonical if self.canonical is not None else canonical_bytes(self.data)
        rest = canonical_bytes({key: value for key, value in self.envelope().items() if key != "data"})
        return b'{"data":' + canonical + b"," + rest[1:] + b"\n"  # "data" sorts before the other keys


def seal(kind: DocumentFormat, data: dict[str, Any]) -> SealedDocument:
    canonical = canonical_bytes(data)
    return SealedDocument(kind, kind.schema_version, hashlib.sha256(canonical).hexdigest(), data, canonical)


def amount(value: Decimal | None) -> str | None:
    """A Decimal amount as the documents write it: `"1250000.00"` (None stays None)."""
    return None if value is None else f"{value.quantize(Decimal('0.01')):f}"


def parse_amount(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


# In an xlsx workbook, the document sits in a very hidden sheet (it survives a re-save by Excel or LibreOffice):
# column A, from row 1, each cell holding `CELL_PREFIX` + up to `CELL_CHUNK` characters of `to_bytes()`'s text
# (the prefix keeps a chunk that starts with « = » from being read as a formula).
WORKBOOK_DATA_SHEET = "Données TI Desktop"
CELL_CHUNK = 30_000
CELL_PREFIX = "|"


def to_cells(document: SealedDocument) -> list[str]:
    text = document.to_bytes().decode("utf-8")
    return [CELL_PREFIX + text[start : start + CELL_CHUNK] for start in range(0, len(text), CELL_CHUNK)]


def from_cells(cells: list[str]) -> bytes:
    """The document's file content, joined back from the sheet's cells (as `to_cells` wrote them)."""
    return "".join(cell.removeprefix(CELL_PREFIX) for cell in cells).encode("utf-8")
