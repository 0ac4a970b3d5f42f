"""The error cells of an .xlsx workbook (a formula showing `#N/A`, `#DIV/0!`…), which calamine reads as empty.

An error cell is stored as `<c r="C2" t="e"><v>#N/A</v></c>`: each worksheet holding one is parsed (defusedxml)
to find them, so that the reader shows the error where the user sees it instead of an empty cell. Sheets without
any are not parsed (a byte search tells).
"""

# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from defusedxml import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_REFERENCE = re.compile(r"^([A-Z]+)(\d+)$")
_ERROR_MARK = (b't="e"', b"t='e'")

ErrorCell = tuple[int, int, str]  # 0-based row, 0-based column, the error shown


def _index(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def _sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its worksheet member, through the workbook's relationships."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(_PACKAGE_RELS)}
    members: dict[str, str] = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_RELATIONSHIP), "")
        if not target:
            continue
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        members[sheet.get("name", "")] = member
    return members


def xlsx_error_cells(path: Path) -> dict[str, list[ErrorCell]]:
    """Sheet name → its error cells; sheets without any are absent."""
    found: dict[str, list[ErrorCell]] = {}
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return found
        for sheet, member in _sheet_members(archive).items():
            if member not in names:
                continue
            data = archive.read(member)
            if not any(mark in data for mark in _ERROR_MARK):
                continue
            cells: list[ErrorCell] = []
            for cell in ElementTree.fromstring(data).iter(f"{_MAIN}c"):
                if cell.get("t") != "e":
                    continue
                match = _REFERENCE.match(cell.get("r", ""))
                value = cell.find(f"{_MAIN}v")
                if match is None:
                    continue
                shown = (value.text if value is not None else None) or "#ERREUR"
                cells.append((int(match.group(2)) - 1, _index(match.group(1)), shown.strip()))
            if cells:
                found[sheet] = cells
    return found
