"""Embedding a document's data in a PDF we wrote, as standard attachments (the approach of Factur-X invoices:
any PDF reader lists them), and naming it in the PDF's metadata: format, schema version and SHA-256.

`prepare_data` encodes them before the layout and `carry_data` writes them while reportlab saves the PDF (no
second pass over the file); `embed_data` adds them
to a finished PDF. Reading them back is `exchange.received_files`' job."""

# mypy: disable-error-code="import-untyped"
from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDate, PDFDictionary, PDFInfo, PDFName, PDFObject, PDFString
from reportlab.pdfgen.canvas import Canvas

from ti_desktop.domain.data_documents import PDF_FORMAT_KEY, PDF_SCHEMA_VERSION_KEY, PDF_SHA256_KEY, SealedDocument

JSON_MIME = "application/json"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str
    content: bytes
    mime_type: str
    description: str


def _main_attachment(document: SealedDocument) -> Attachment:
    return Attachment(
        document.format.attachment_name,
        document.to_bytes(),
        JSON_MIME,
        f"Données du document (schéma {document.format.schema_name}, version {document.schema_version})",
    )


def _metadata(document: SealedDocument) -> dict[str, str]:
    return {
        PDF_FORMAT_KEY: document.format.value,
        PDF_SCHEMA_VERSION_KEY: str(document.schema_version),
        PDF_SHA256_KEY: document.sha256,
    }


class _EmbeddedFile(PDFObject):  # type: ignore[misc]
    """An /EmbeddedFile stream, compressed here: reportlab's default filters would add ASCII85 (+25 %)."""

    __RefOnly__ = 1

    def __init__(self, attachment: Attachment) -> None:
        # The fastest level: JSON still shrinks ×6 (×9 at level 6, for 7× the time at 5,000 actions); a zip
        # (xlsx) does not shrink, it is stored as is.
        level = 1 if attachment.mime_type == JSON_MIME else 0
        self.content = zlib.compress(attachment.content, level)
        # PDFName leaves "/" as is; a name's "/" must be written #2F (/application#2Fjson)
        self.subtype = "/" + "".join(c if c.isalnum() or c in ".-+" else f"#{ord(c):02X}" for c in attachment.mime_type)

    def format(self, document: Any) -> bytes:
        dictionary = PDFDictionary(
            {
                "Type": PDFName("EmbeddedFile"),
                "Subtype": self.subtype,
                "Filter": PDFName("FlateDecode"),
                "Length": len(self.content),
            }
        )
        content: bytes = document.encrypt.encode(self.content)
        formatted: bytes = dictionary.format(document)
        return formatted + b"\nstream\n" + content + b"\nendstream\n"


class _InfoWithData(PDFInfo):  # type: ignore[misc]
    """reportlab's document information dictionary, plus the keys that name the carried data."""

    def __init__(self) -> None:
        super().__init__()
        self.extra: dict[str, str] = {}

    def format(self, document: Any) -> bytes:
        # PDFInfo.format's entries (it has no hook for more), then ours
        entries = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "CreationDate": PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
        }
        entries["ModDate"] = entries["CreationDate"]
        entries |= {key.lstrip("/"): PDFString(value) for key, value in self.extra.items()}
        formatted: bytes = PDFDictionary(entries).format(document)
        return formatted


@dataclass(frozen=True, slots=True)
class _CarriedFile:
    name: str
    description: str
    relationship: str  # Data (what the PDF shows) or Supplement
    stream: _EmbeddedFile


@dataclass(frozen=True, slots=True)
class CarriedData:
    """A document's data and extra files ready to be carried by a PDF: encoded and compressed once, before the
    layout, so that a long report does not hold its data's objects while its pages wait to be written."""

    files: tuple[_CarriedFile, ...]
    metadata: dict[str, str]


def prepare_data(document: SealedDocument, extra: Sequence[Attachment] = ()) -> CarriedData:
    """`document` (as `<format>.json`, the data the PDF shows) and `extra`, for `carry_data`."""
    main = _main_attachment(document)
    files = tuple(
        _CarriedFile(
            attachment.name,
            attachment.description,
            "Data" if attachment is main else "Supplement",
            _EmbeddedFile(attachment),
        )
        for attachment in sorted((main, *extra), key=lambda attachment: attachment.name)  # a name tree is sorted
    )
    return CarriedData(files, _metadata(document))


def carry_data(canvas: Canvas, carried: CarriedData) -> None:
    """Have `canvas` write the `carried` attachments, and the metadata that names the data, when it saves: call
    it before `canvas.save()`."""
    pdf = canvas._doc
    names: list[Any] = []
    for file in carried.files:
        spec = PDFDictionary(
            {
                "Type": PDFName("Filespec"),
                "F": PDFString(file.name),
                "UF": PDFString(file.name),
                "EF": PDFDictionary({"F": pdf.Reference(file.stream)}),
                "Desc": PDFString(file.description),
                "AFRelationship": PDFName(file.relationship),
            }
        )
        names += [PDFString(file.name), pdf.Reference(spec)]
    pdf.Catalog.Names = PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(names)})})
    info = _InfoWithData()
    info.__dict__.update(pdf.info.__dict__)
    info.extra = dict(carried.metadata)
    pdf.info = info


def embed_data(pdf: bytes, document: SealedDocument, extra: Sequence[Attachment] = ()) -> bytes:
    """`pdf` with `document` attached as `<format>.json` (its relationship to the PDF: the data it shows), the
    `extra` files beside it, and the metadata that names the data."""
    from pypdf import PdfReader, PdfWriter  # only to add data to a PDF already written
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    main = _main_attachment(document)
    for attachment in (main, *extra):
        embedded = writer.add_attachment(attachment.name, attachment.content)
        embedded.subtype = NameObject("/" + attachment.mime_type)  # written /application#2Fjson
        embedded.description = TextStringObject(attachment.description)
        embedded.associated_file_relationship = NameObject("/Data" if attachment is main else "/Supplement")
    writer.add_metadata(_metadata(document))
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
