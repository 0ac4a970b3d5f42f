"""Access levels as users type them, and role names the server could hold."""

from __future__ import annotations

import pytest

from ti_desktop.domain.access import EVERYTHING, AccessLevel, TerritoryRights, check_role_name, parse_level
from ti_desktop.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "level"),
    [
        ("lecture", AccessLevel.LECTURE),
        ("Édition", AccessLevel.EDITION),
        ("edition", AccessLevel.EDITION),
        ("administration", AccessLevel.ADMIN),
        (" ADMIN ", AccessLevel.ADMIN),
        ("Région", AccessLevel.REGION),
    ],
)
def test_levels_are_read_as_typed(typed: str, level: AccessLevel) -> None:
    assert parse_level(typed) is level


def test_an_unknown_level_names_the_choices() -> None:
    with pytest.raises(ValidationError, match="« ecriture » n'est pas un niveau \\(lecture, edition, admin, region\\)"):
        parse_level("ecriture")


@pytest.mark.parametrize("name", ["", "   ", "a\nb", "x" * 64, "é" * 32])
def test_names_no_role_could_have_are_refused(name: str) -> None:
    with pytest.raises(ValidationError, match="Rôle"):
        check_role_name(name)


def test_a_role_name_keeps_its_quotes_and_accents() -> None:
    assert check_role_name(' d\'Artagnan "é" ') == 'd\'Artagnan "é"'


def test_rights_say_why_a_territory_is_read_only() -> None:
    reading = TerritoryRights(level=AccessLevel.REGION, owner=False)
    assert not reading.may_write and not reading.may_manage
    assert reading.read_only_reason is not None and "« Région »" in reading.read_only_reason
    editing = TerritoryRights(level=AccessLevel.EDITION, owner=False)
    assert editing.may_write and not editing.may_manage and editing.read_only_reason is None
    assert EVERYTHING.may_write and EVERYTHING.may_manage and EVERYTHING.read_only_reason is None
