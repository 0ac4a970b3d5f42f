"""How a person of the directory is named wherever the plan shows one (the porteur of an action in the plan, the
fiche, the report, the minutes and the meeting mode): « Marie Dupont (CC du Val) », the name alone when the
directory gives no organisation."""

from __future__ import annotations


def person_with_organisation(name: str, organisation: str | None) -> str:
    """« Marie Dupont (CC du Val) »."""
    organisation = (organisation or "").strip()
    return f"{name} ({organisation})" if organisation else name
