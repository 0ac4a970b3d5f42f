"""Who may do what on a territory of a shared base: the access levels, as PostgreSQL enforces them
(migration 0011) and as the application names them to its users."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ti_desktop.domain.errors import ValidationError


class AccessLevel(StrEnum):
    """The level stored in `territory_access.level` (and typed after `--level`)."""

    LECTURE = "lecture"
    EDITION = "edition"
    ADMIN = "admin"
    REGION = "region"

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]

    @property
    def may_write(self) -> bool:
        return self in (AccessLevel.EDITION, AccessLevel.ADMIN)

    @property
    def may_manage(self) -> bool:
        return self is AccessLevel.ADMIN


LEVEL_LABELS = {
    AccessLevel.LECTURE: "Lecture",
    AccessLevel.EDITION: "Édition",
    AccessLevel.ADMIN: "Administration",
    AccessLevel.REGION: "Région",
}
LEVEL_HELP = {
    AccessLevel.LECTURE: "consulte le territoire, actions confidentielles comprises, sans rien modifier",
    AccessLevel.EDITION: "consulte et modifie le territoire",
    AccessLevel.ADMIN: "consulte, modifie et gère les accès au territoire",
    AccessLevel.REGION: "consulte le territoire, sans ses actions confidentielles (sauf accès accordé)",
}

# PostgreSQL's identifiers: at most 63 bytes. Role names are passed as data (never spliced into SQL), but a
# name that could not be a role is refused here with a clear message rather than by the server.
MAX_ROLE_BYTES = 63
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def parse_level(text: str) -> AccessLevel:
    wanted = text.strip().lower().replace("é", "e")
    if wanted == "administration":
        wanted = "admin"
    try:
        return AccessLevel(wanted)
    except ValueError:
        choices = ", ".join(level.value for level in AccessLevel)
        raise ValidationError("level", "Niveau d'accès", f"« {text} » n'est pas un niveau ({choices}).") from None


def check_role_name(name: str) -> str:
    role = name.strip()
    if not role:
        raise ValidationError("role", "Rôle", "indiquez le rôle PostgreSQL de la personne.")
    if _CONTROL.search(role) or len(role.encode("utf-8")) > MAX_ROLE_BYTES:
        raise ValidationError("role", "Rôle", f"« {name} » ne peut pas être un rôle PostgreSQL (63 octets au plus).")
    return role


@dataclass(frozen=True, slots=True)
class AccessEntry:
    """One right: `role` has `level` on `territory`."""

    role: str
    territory_id: int
    territory: str
    level: AccessLevel
    confidential: bool
    granted_by: str
    granted_at: str  # as PostgreSQL shows it (ISO)


@dataclass(frozen=True, slots=True)
class TerritoryRights:
    """What the session's role may do on one territory."""

    level: AccessLevel | None  # None: the base's owner, or a file base (everything allowed)
    owner: bool

    @property
    def may_write(self) -> bool:
        return self.level is None or self.level.may_write

    @property
    def may_manage(self) -> bool:
        return self.owner or (self.level is not None and self.level.may_manage)

    @property
    def read_only_reason(self) -> str | None:
        """Why the fields are disabled (French), or None when the role may write."""
        if self.may_write or self.level is None:
            return None
        return (
            f"Accès en lecture seule (niveau « {self.level.label} ») : vous pouvez consulter ce territoire, "
            "pas le modifier. Un administrateur du territoire peut vous accorder l'accès « Édition »."
        )


EVERYTHING = TerritoryRights(level=None, owner=True)
