"""How names are compared: « Calendrier prévisionnel », « calendrier  previsionnel » and « CALENDRIER
PRÉVISIONNEL » are the same name (accents, case and spacing left out)."""

from __future__ import annotations

import unicodedata


def comparable(text: str) -> str:
    """Accent-, case- and spacing-insensitive form used to compare names and headers."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("·", ""))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
