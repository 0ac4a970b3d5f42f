"""Embedding a document's data in a PDF we wrote, as standard attachments (the approach of Factur-X invoices:
any PDF reader lists them), and naming it in the PDF's metadata: format, schema version and SHA-256.

Reading them back is `exchange.received_files`' job."""

# mypy: disable-error-code="import-untyped"
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from ti_desktop.domain.data_documents import PDF_FORMAT_KEY, PDF_SCHEMA_VERSION_KEY, PDF_SHA256_KEY, SealedDocument

JSON_MIME = "application/json"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str
    content: bytes
    mime_type: str
    description: str


def embed_data(pdf: bytes, document: SealedDocument, extra: Sequence[Attachment] = ()) -> bytes:
    """`pdf` with `document` attached as `<format>.json` (its relationship to the PDF: the data it shows), the
    `extra` files beside it, and the metadata that names the data."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    main = Attachment(
        document.format.attachment_name,
        document.to_bytes(),
        JSON_MIME,
        f"Données du document (schéma {document.format.schema_name}, version {document.schema_version})",
    )
    for attachment in (main, *extra):
        embedded = writer.add_attachment(attachment.name, attachment.content)
        embedded.subtype = NameObject("/" + attachment.mime_type)  # written /application#2Fjson
        embedded.description = TextStringObject(attachment.description)
        embedded.associated_file_relationship = NameObject("/Data" if attachment is main else "/Supplement")
    writer.add_metadata(
        {
            PDF_FORMAT_KEY: document.format.value,
            PDF_SCHEMA_VERSION_KEY: str(document.schema_version),
            PDF_SHA256_KEY: document.sha256,
        }
    )
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def write_with_data(
    pdf: bytes, document: SealedDocument, target: str | Path | BinaryIO, extra: Sequence[Attachment] = ()
) -> None:
    """Write `pdf`, carrying `document` (and `extra`), to `target`: a path or a binary stream."""
    content = embed_data(pdf, document, extra)
    if isinstance(target, str | Path):
        Path(target).write_bytes(content)
    else:
        target.write(content)
