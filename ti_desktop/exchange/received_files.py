"""What a Région receives from its territories, read and checked: a progress report PDF (its attached data), the
document saved as a JSON file, a workbook carrying it (its very hidden data sheet), a folder of such files, or a
regional synthesis (which carries the reports it was made of).

Every check refuses with a complete French message naming the file: not a file we can read, a PDF without data,
an unknown format, a schema version newer than ours, data that does not follow the schema, a checksum that does not
match (the data was changed after it was written), a period that ends before it starts. Nothing here writes; the
caller (`services.consolidation`) decides what to store.
"""

# mypy: disable-error-code="import-untyped"
from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from jsonschema.exceptions import best_match
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ti_desktop.domain.consolidation import ReceivedReport
from ti_desktop.domain.data_documents import (
    PDF_FORMAT_KEY,
    PDF_SCHEMA_VERSION_KEY,
    PDF_SHA256_KEY,
    WORKBOOK_DATA_SHEET,
    DocumentFormat,
    checksum,
    from_cells,
)

SUFFIXES = (".pdf", ".json", ".xlsx")
NO_DATA = (
    "ne contient pas de données TI Desktop : il a sans doute été produit par une version antérieure ou un autre "
    "logiciel ; demandez au territoire de le régénérer"
)
TAMPERED = "ont été modifiées après leur écriture (empreinte SHA-256 différente) : elles sont refusées"


@dataclass(frozen=True, slots=True)
class Reading:
    """One report found in a file (`report`, its id None), or the file's refusal (`refusal`, a French sentence)."""

    path: Path
    report: ReceivedReport | None = None
    refusal: str | None = None
    schema_version: int = 0
    label: str = ""  # how messages name it: the file's name, or « synthese.pdf (rapport n° 3) »


@dataclass(slots=True)
class Validators:
    """Each format's JSON Schema validator, compiled once (from `schema_dir`) for every file of a batch."""

    schema_dir: Path
    _compiled: dict[DocumentFormat, Draft202012Validator | None] = field(default_factory=dict)

    def of(self, kind: DocumentFormat) -> Draft202012Validator | None:
        """The validator of `kind`'s schema, None when its schema file is not there."""
        if kind not in self._compiled:
            path = self.schema_dir / f"{kind.schema_name}.schema.json"
            if path.is_file():
                schema = inline_local_refs(json.loads(path.read_text(encoding="utf-8")))
                self._compiled[kind] = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            else:
                self._compiled[kind] = None
        return self._compiled[kind]


INLINE_DEPTH = 12  # a definition that refers to itself (a tree) is left as a reference below this depth


def inline_local_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with each `{"$ref": "#/$defs/name"}` replaced by the definition itself (the definitions kept, for
    any reference left): the same rules, checked twice as fast — resolving a reference is most of jsonschema's
    time on a report's hundreds of dated, nullable fields."""
    definitions = schema.get("$defs", {})

    def inline(node: Any, depth: int) -> Any:
        if isinstance(node, dict):
            target = node.get("$ref")
            if len(node) == 1 and isinstance(target, str) and target.startswith("#/$defs/") and depth < INLINE_DEPTH:
                name = target.removeprefix("#/$defs/")
                if "/" not in name and name in definitions:
                    return inline(definitions[name], depth + 1)
            inlined = {key: inline(value, depth) for key, value in node.items()}
            return _nullable(inlined) if set(inlined) == {"anyOf"} else inlined
        if isinstance(node, list):
            return [inline(item, depth) for item in node]
        return node

    inlined: dict[str, Any] = inline(schema, 0)
    if definitions:
        inlined["$defs"] = definitions
    return inlined


_NOT_TYPE_BOUND = {"enum", "const", "anyOf", "oneOf", "allOf", "not", "$ref", "$dynamicRef", "if"}


def _nullable(node: dict[str, Any]) -> dict[str, Any]:
    """`{"anyOf": [X, {"type": "null"}]}` as X with `"type": [t, "null"]` when X's keywords only apply to its type
    (pattern, properties…: they ignore a null), which is the same rule without a branch to try."""
    branches = node["anyOf"]
    if not isinstance(branches, list) or len(branches) != 2 or {"type": "null"} not in branches:
        return node
    (other,) = [branch for branch in branches if branch != {"type": "null"}] or [None]
    if not isinstance(other, dict) or not isinstance(other.get("type"), str) or set(other) & _NOT_TYPE_BOUND:
        return node
    return {**other, "type": [other["type"], "null"]}


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def files_in(paths: Sequence[Path]) -> list[Path]:
    """The files to read: each path given, a folder replaced by the reports it holds (walked, sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                (item for item in path.rglob("*") if item.is_file() and _may_be_report(item)),
                key=lambda item: str(item.relative_to(path)).casefold(),
            )
        else:
            found.append(path)
    return found


def _may_be_report(path: Path) -> bool:
    """A file of a folder worth reading: our suffixes, not hidden, not a base's lock information."""
    name = path.name.casefold()
    return path.suffix.casefold() in SUFFIXES and not name.startswith((".", "~$")) and not name.endswith(".lock.json")


def read_received(paths: Sequence[Path], validators: Validators) -> list[Reading]:
    """Every report in `paths` (folders walked), each checked, or each file's refusal: in the order given."""
    readings: list[Reading] = []
    for path in files_in(paths):
        readings += read_file(path, validators)
    return readings


def read_file(path: Path, validators: Validators) -> list[Reading]:
    name = path.name
    try:
        envelope = _envelope_of(path)
        return list(_reports_in(path, name, envelope, validators))
    except _Refused as refused:
        return [Reading(path, refusal=refused.message, label=name)]


def _not_a_report(name: str, reason: str) -> _Refused:
    return _Refused(f"{name} n'est pas un rapport TI Desktop : {reason}.")


def _envelope_of(path: Path) -> Any:
    name = path.name
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise _Refused(f"{name} : fichier introuvable ({path}).") from None
    except IsADirectoryError:
        raise _Refused(f"{name} : c'est un dossier sans rapport.") from None
    except OSError as error:
        raise _Refused(f"{name} : le fichier n'a pas pu être lu ({error.strerror or error}).") from None
    suffix = path.suffix.casefold()
    if content.startswith(b"%PDF") or suffix == ".pdf":
        return _pdf_envelope(name, content)
    if content.startswith(b"PK") or suffix == ".xlsx":
        return _workbook_envelope(name, content)
    if suffix == ".json" or content.lstrip()[:1] == b"{":
        return _json(name, content, "le fichier")
    raise _not_a_report(name, "ce n'est ni un PDF, ni un fichier JSON, ni un classeur xlsx")


def _json(name: str, content: bytes, what: str) -> Any:
    try:
        return json.loads(content.decode("utf-8"))
    except UnicodeDecodeError:
        raise _not_a_report(name, f"{what} n'est pas du texte UTF-8") from None
    except json.JSONDecodeError as error:
        raise _not_a_report(
            name, f"{what} n'est pas du JSON valide (ligne {error.lineno}, colonne {error.colno})"
        ) from None


def _pdf_envelope(name: str, content: bytes) -> Any:
    if not content.startswith(b"%PDF"):
        raise _not_a_report(name, "ce n'est pas un PDF (son contenu ne commence pas par « %PDF »)")
    try:
        reader = PdfReader(io.BytesIO(content))
        attachments = reader.attachments
        metadata: dict[str, Any] = dict(reader.metadata or {})
        attached = None
        for kind in (DocumentFormat.RAPPORT, DocumentFormat.SYNTHESE):
            files = attachments.get(kind.attachment_name)
            if files:
                attached = files[0]
                break
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise _not_a_report(name, f"le PDF est illisible ({error})") from None
    if attached is None:
        raise _Refused(f"{name} {NO_DATA}.")
    envelope = _json(name, attached, "la pièce jointe de données")
    stated = metadata.get(PDF_SHA256_KEY)
    if isinstance(envelope, dict):
        if stated is not None and str(stated) != envelope.get("sha256"):
            raise _Refused(f"Les données de {name} {TAMPERED}.")
        stated_format = metadata.get(PDF_FORMAT_KEY)
        stated_version = metadata.get(PDF_SCHEMA_VERSION_KEY)
        if (stated_format is not None and str(stated_format) != envelope.get("format")) or (
            stated_version is not None and str(stated_version) != str(envelope.get("schema_version"))
        ):
            raise _Refused(f"Les données de {name} {TAMPERED}.")
    return envelope


def _workbook_envelope(name: str, content: bytes) -> Any:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise _not_a_report(name, f"ce n'est pas un classeur xlsx lisible ({error})") from None
    try:
        if WORKBOOK_DATA_SHEET not in workbook.sheetnames:
            raise _Refused(f"{name} {NO_DATA}.")
        sheet = workbook[WORKBOOK_DATA_SHEET]
        cells = [str(row[0]) for row in sheet.iter_rows(min_col=1, max_col=1, values_only=True) if row[0] is not None]
    finally:
        workbook.close()
    if not cells:
        raise _Refused(f"{name} {NO_DATA}.")
    return _json(name, from_cells(cells), "la feuille de données")


def _format_of(name: str, envelope: Any) -> DocumentFormat:
    if not isinstance(envelope, dict) or "format" not in envelope:
        raise _not_a_report(name, "ses données n'ont pas l'enveloppe d'un document TI Desktop (champ « format »)")
    try:
        kind = DocumentFormat(envelope["format"])
    except (ValueError, TypeError):
        raise _not_a_report(name, f"format de données inconnu « {envelope['format']} »") from None
    if kind not in (DocumentFormat.RAPPORT, DocumentFormat.SYNTHESE):
        raise _not_a_report(name, f"c'est un document « {kind.schema_name} », pas un rapport d'avancement")
    return kind


def _check_envelope(label: str, kind: DocumentFormat, envelope: dict[str, Any], validators: Validators) -> int:
    """The document's schema version, once every check passed."""
    version = envelope.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _not_a_report(label, f"version de schéma illisible « {version} »")
    if version > kind.schema_version:
        raise _Refused(
            f"{label} a été écrit avec le schéma version {version}, plus récent que celui de cette version de "
            f"TI Desktop ({kind.schema_version}) : mettez TI Desktop à jour."
        )
    validator = validators.of(kind)
    if validator is not None:
        error = best_match(validator.iter_errors(envelope))
        if error is not None:
            raise _Refused(f"{label} : données non conformes au schéma « {kind.schema_name} » : {describe(error)}.")
    if not isinstance(envelope.get("data"), dict) or not isinstance(envelope.get("sha256"), str):
        raise _not_a_report(label, "ses données n'ont pas l'enveloppe d'un document TI Desktop")
    if checksum(envelope["data"]) != envelope["sha256"]:
        raise _Refused(f"Les données de {label} {TAMPERED}.")
    return version


def _reports_in(path: Path, name: str, envelope: Any, validators: Validators) -> Iterator[Reading]:
    kind = _format_of(name, envelope)
    version = _check_envelope(name, kind, envelope, validators)
    if kind is DocumentFormat.RAPPORT:
        yield _report(path, name, envelope, version)
        return
    carried = envelope["data"].get("reports")
    if not isinstance(carried, list) or not carried:
        raise _Refused(f"{name} : cette synthèse régionale ne contient aucun rapport de territoire.")
    for number, item in enumerate(carried, start=1):
        label = f"{name} (rapport n° {number})"
        try:
            if not isinstance(item, dict) or item.get("format") != DocumentFormat.RAPPORT.value:
                raise _not_a_report(label, "ce n'est pas un rapport d'avancement")
            item_version = _check_envelope(label, DocumentFormat.RAPPORT, item, validators)
            yield _report(path, label, item, item_version)
        except _Refused as refused:
            yield Reading(path, refusal=refused.message, label=label)


def _report(path: Path, label: str, envelope: dict[str, Any], version: int) -> Reading:
    report = ReceivedReport(None, envelope["sha256"], envelope["data"], path.name)
    try:
        start, end = report.period_from, report.period_to
        report.generated_on  # noqa: B018 - read to check it
        report.key  # noqa: B018
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise _not_a_report(label, f"sa période, sa date ou son territoire est illisible ({error})") from None
    if end < start:
        raise _Refused(
            f"{label} : la période du rapport finit le {french_date(end)}, avant son début le {french_date(start)}."
        )
    return Reading(path, report=report, schema_version=version, label=label)


def french_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


# How the first schema error is said, by JSON Schema keyword.
_KEYWORDS = {
    "required": "un champ obligatoire manque",
    "type": "valeur du mauvais type",
    "enum": "valeur non permise",
    "const": "valeur non permise",
    "pattern": "valeur mal formée",
    "format": "valeur mal formée",
    "additionalProperties": "champ inconnu",
    "minimum": "valeur trop petite",
    "maximum": "valeur trop grande",
    "minLength": "texte trop court",
    "maxLength": "texte trop long",
    "minItems": "liste trop courte",
}


def json_path(error: SchemaError) -> str:
    """`data.actions[3].status`: where the error is, from the document's root."""
    text = ""
    for part in error.absolute_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(racine du document)"


def describe(error: SchemaError) -> str:
    what = _KEYWORDS.get(str(error.validator), "valeur refusée")
    detail = error.message if len(error.message) <= 160 else error.message[:159] + "…"
    return f"à « {json_path(error)} », {what} ({detail})"
