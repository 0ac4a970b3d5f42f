"""The validation report of an import: errors (nothing is written) and warnings, each located in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ti_desktop.domain.errors import TiDesktopError

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"


class ImportFileError(TiDesktopError):
    """The file cannot be read at all (not a spreadsheet, too big, damaged, wrong layout)."""


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (as Excel names its columns)."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@dataclass(frozen=True, slots=True)
class ImportIssue:
    """One problem found in the file. `row` is 1-based as Excel shows it; `column` is a letter."""

    severity: Severity
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    header: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def location(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"Feuille {self.sheet}")
        if self.row is not None:
            parts.append(f"ligne {self.row}")
        if self.column:
            header = f" ({self.header})" if self.header else ""
            parts.append(f"colonne {self.column}{header}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        kind = "" if self.is_error else "attention : "
        return f"{where} : {kind}{self.message}" if where else f"{kind}{self.message}"


@dataclass(slots=True)
class ImportReport:
    issues: list[ImportIssue] = field(default_factory=list)

    def error(self, message: str, **where: object) -> None:
        self.issues.append(ImportIssue(ERROR, message, **where))  # type: ignore[arg-type]

    def warning(self, message: str, **where: object) -> None:
        self.issues.append(ImportIssue(WARNING, message, **where))  # type: ignore[arg-type]

    @property
    def errors(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if issue.is_error]

    @property
    def warnings(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if not issue.is_error]

    @property
    def has_errors(self) -> bool:
        return any(issue.is_error for issue in self.issues)
