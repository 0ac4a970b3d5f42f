"""The access rights of a shared base (PostgreSQL, migration 0011), read and changed through the functions
the migration installs: the rule lives in the database, these are only its calls. Values are always bound
parameters, never spliced into SQL."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

ACCESS_TABLE = "territory_access"  # PostgreSQL only: not in db/models.py (a file base has no rights to keep)


@dataclass(frozen=True, slots=True)
class AccessRow:
    role: str
    territory_id: int
    territory: str
    level: str
    confidential: bool
    granted_by: str
    granted_at: str


def has_access_rules(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql" and inspect(connection).has_table(ACCESS_TABLE)


def session_role(connection: Connection) -> str:
    """The role the server authenticated (`session_user`): who the history records."""
    return str(connection.execute(text("SELECT session_user")).scalar_one())


def is_base_owner(connection: Connection) -> bool:
    return bool(connection.execute(text("SELECT ti_is_base_owner()")).scalar_one())


def my_levels(connection: Connection) -> dict[int, tuple[str, bool]]:
    """territory id → (level, confidential granted) for the session's role."""
    rows = connection.execute(text("SELECT territory_id, level, confidential FROM ti_my_access()"))
    return {row.territory_id: (row.level, row.confidential) for row in rows}


def grant(connection: Connection, role: str, territory_id: int, level: str, confidential: bool) -> None:
    connection.execute(
        text("SELECT ti_grant_access(:role, :territory, :level, :confidential)"),
        {"role": role, "territory": territory_id, "level": level, "confidential": confidential},
    )


def revoke(connection: Connection, role: str, territory_id: int) -> bool:
    """False when the role had no access to the territory."""
    return bool(
        connection.execute(
            text("SELECT ti_revoke_access(:role, :territory)"), {"role": role, "territory": territory_id}
        ).scalar_one()
    )


def role_exists(connection: Connection, role: str) -> bool:
    return connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first() is not None


def access_rows(connection: Connection, territory_id: int | None = None) -> list[AccessRow]:
    """The rights the session may see (its own; all of the territories it administers; all for the owner)."""
    query = (
        "SELECT a.role_name, a.territory_id, t.name, a.level, a.confidential, a.granted_by, "
        "to_char(a.granted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS granted_at "
        f"FROM {ACCESS_TABLE} a JOIN territories t ON t.id = a.territory_id"
    )
    parameters: dict[str, object] = {}
    if territory_id is not None:
        query += " WHERE a.territory_id = :territory"
        parameters["territory"] = territory_id
    query += " ORDER BY t.name, a.role_name"
    return [AccessRow(*row) for row in connection.execute(text(query), parameters)]
