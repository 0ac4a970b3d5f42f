"""Who may see and change which territory of a shared base: grant, revoke, list, and the session's own
rights (for the window to disable what the role may not change). PostgreSQL itself enforces them (migration
0011, row-level security); a file base belongs to its one user, who may do everything."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import access as db_access
from ti_desktop.db import models
from ti_desktop.domain.access import (
    EVERYTHING,
    AccessEntry,
    AccessLevel,
    TerritoryRights,
    check_role_name,
    parse_level,
)
from ti_desktop.domain.errors import NotFoundError, TiDesktopError
from ti_desktop.services.transactions import transaction

FILE_BASE_MESSAGE = (
    "Les accès par territoire concernent une base partagée (PostgreSQL) : un fichier de base n'a qu'un "
    "utilisateur, qui peut tout faire."
)


T = TypeVar("T")


class AccessError(TiDesktopError):
    """A right that cannot be granted, revoked or listed (French message)."""


class AccessService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- the session's own rights ------------------------------------------------------------------
    def shared(self) -> bool:
        """True on a shared base with access rules (PostgreSQL at migration 0011 or later)."""
        with self._sessions() as session:
            return db_access.has_access_rules(session.connection())

    def session_role(self) -> str | None:
        """The server's name for the session (`session_user`); None on a file base."""
        with self._sessions() as session:
            connection = session.connection()
            if connection.dialect.name != "postgresql":
                return None
            return db_access.session_role(connection)

    def rights(self, territory_id: int) -> TerritoryRights:
        """What the session may do on the territory (everything on a file base or for the base's owner)."""
        with self._sessions() as session:
            connection = session.connection()
            if not db_access.has_access_rules(connection) or db_access.is_base_owner(connection):
                return EVERYTHING
            level, _confidential = db_access.my_levels(connection).get(territory_id, (None, False))
            if level is None:  # not granted: the territory is not even visible (the policies hide it)
                return TerritoryRights(level=AccessLevel.LECTURE, owner=False)
            return TerritoryRights(level=AccessLevel(level), owner=False)

    def levels(self) -> frozenset[AccessLevel] | None:
        """The levels the session holds, over every territory (one query); None: everything is allowed (a file
        base, the base's owner). What is the base's, not a territory's, follows them: the Annuaire may be
        changed with an `edition` or `admin` level somewhere, received reports with a `region` one."""
        with self._sessions() as session:
            connection = session.connection()
            if not db_access.has_access_rules(connection) or db_access.is_base_owner(connection):
                return None
            return frozenset(AccessLevel(level) for level, _confidential in db_access.my_levels(connection).values())

    # -- managing rights ---------------------------------------------------------------------------
    def grant(self, role: str, territory: str, level: str, *, confidential: bool = False) -> AccessEntry:
        """Give `role` the `level` on the territory named `territory` (replacing the one it had)."""
        person = check_role_name(role)
        wanted = parse_level(level)
        if confidential and wanted is not AccessLevel.REGION:
            raise AccessError("« confidentiel » ne concerne que le niveau « region » : les autres voient tout.")
        with transaction(self._sessions) as session:
            connection = self._shared_connection(session)
            territory_id, name = self._territory(session, territory)
            if not db_access.role_exists(connection, person):
                raise AccessError(
                    f"Le rôle « {person} » n'existe pas sur le serveur : l'équipe informatique le crée d'abord "
                    f"(CREATE ROLE … LOGIN), puis vous lui accordez un accès."
                )
            self._call(lambda: db_access.grant(connection, person, territory_id, wanted.value, confidential), name)
        return next(entry for entry in self.entries(territory) if entry.role == person)

    def revoke(self, role: str, territory: str) -> None:
        person = check_role_name(role)
        with transaction(self._sessions) as session:
            connection = self._shared_connection(session)
            territory_id, name = self._territory(session, territory)
            if not self._call(lambda: db_access.revoke(connection, person, territory_id), name):
                raise NotFoundError(f"« {person} » n'a pas d'accès à « {name} » : rien n'a été retiré.")

    def entries(self, territory: str | None = None) -> list[AccessEntry]:
        """The rights the session may see: its own, those of the territories it administers (all: the owner)."""
        with self._sessions() as session:
            connection = self._shared_connection(session)
            territory_id = self._territory(session, territory)[0] if territory is not None else None
            return [
                AccessEntry(
                    role=row.role,
                    territory_id=row.territory_id,
                    territory=row.territory,
                    level=AccessLevel(row.level),
                    confidential=row.confidential,
                    granted_by=row.granted_by,
                    granted_at=row.granted_at,
                )
                for row in db_access.access_rows(connection, territory_id)
            ]

    # -- helpers -------------------------------------------------------------------------------------
    @staticmethod
    def _shared_connection(session: Session) -> Connection:
        connection = session.connection()
        if not db_access.has_access_rules(connection):
            raise AccessError(FILE_BASE_MESSAGE)
        return connection

    @staticmethod
    def _territory(session: Session, name: str) -> tuple[int, str]:
        """The territory the session sees under `name` (exact, then ignoring case)."""
        wanted = name.strip()
        rows = session.execute(select(models.Territory.id, models.Territory.name)).all()
        exact = [row for row in rows if row.name == wanted]
        loose = exact or [row for row in rows if row.name.casefold() == wanted.casefold()]
        if len(loose) == 1:
            return loose[0].id, loose[0].name
        if not loose:
            raise NotFoundError(f"Aucun territoire « {wanted} » dans cette base (parmi ceux que vous voyez).")
        raise AccessError(f"Plusieurs territoires s'appellent « {wanted} » : renommez-en un d'abord.")

    @staticmethod
    def _call(work: Callable[[], T], territory: str) -> T:
        try:
            return work()
        except DBAPIError as error:
            if getattr(error.orig, "sqlstate", None) == "42501":
                raise AccessError(
                    f"Seuls un administrateur de « {territory} » et le propriétaire de la base gèrent ses accès."
                ) from error
            raise
