"""One committed transaction per user edit, and database refusals turned into French messages."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ti_desktop.db.engine import WRITE_OPTION
from ti_desktop.domain.errors import ConcurrentEditError, ConflictError, TiDesktopError

_UNIQUE_MESSAGES = {
    "actions.territory_id, actions.code": "Une autre action de ce territoire porte déjà ce code.",
    "territories.name": "Un territoire porte déjà ce nom.",
    "axes.territory_id, axes.code": "Un axe porte déjà ce code.",
    "indicator_values.indicator_id, indicator_values.measured_on": "Une mesure existe déjà à cette date.",
    "action_partners.action_id, action_partners.actor_id": "Cet acteur est déjà partenaire de l'action.",
    "territory_roles.territory_id, territory_roles.actor_id, territory_roles.role": (
        "Cet acteur a déjà ce rôle dans la gouvernance du territoire."
    ),
}


class StorageError(TiDesktopError):
    """The database could not complete the write (locked, disk full, read-only…)."""


# Unique constraints by name (PostgreSQL names the constraint, SQLite the columns).
_UNIQUE_BY_CONSTRAINT = {
    "uq_actions_territory_id_code": "actions.territory_id, actions.code",
    "uq_territories_name": "territories.name",
    "uq_axes_territory_id_code": "axes.territory_id, axes.code",
    "uq_indicator_values_indicator_id_measured_on": "indicator_values.indicator_id, indicator_values.measured_on",
    "uq_action_partners_action_id_actor_id": "action_partners.action_id, action_partners.actor_id",
    "uq_territory_roles_territory_id_actor_id_role": (
        "territory_roles.territory_id, territory_roles.actor_id, territory_roles.role"
    ),
}


def _server_explanation(error: IntegrityError) -> str | None:
    """PostgreSQL's error codes (SQLSTATE), for the same French messages as SQLite's texts."""
    diagnostic = getattr(error.orig, "diag", None)
    state = getattr(error.orig, "sqlstate", None)
    if diagnostic is None or state is None:
        return None
    constraint = getattr(diagnostic, "constraint_name", None) or ""
    if state == "23505":
        columns = _UNIQUE_BY_CONSTRAINT.get(constraint)
        return _UNIQUE_MESSAGES.get(columns or "", "Cet enregistrement existe déjà.")
    if state == "23503":
        return "Cet enregistrement est lié à un autre qui n'existe pas ou qui en dépend encore."
    if state == "23514":
        return f"La base a refusé une valeur incohérente (règle « {constraint.removeprefix('ck_')} »)."
    if state == "23502":
        return f"Une valeur obligatoire manque ({getattr(diagnostic, 'column_name', '') or '?'})."
    return None


def explain_integrity_error(error: IntegrityError) -> str:
    server = _server_explanation(error)
    if server is not None:
        return server
    text = str(error.orig)
    match = re.search(r"UNIQUE constraint failed: (.+)$", text)
    if match:
        return _UNIQUE_MESSAGES.get(match.group(1).strip(), "Cet enregistrement existe déjà.")
    if "FOREIGN KEY" in text:
        return "Cet enregistrement est lié à un autre qui n'existe pas ou qui en dépend encore."
    match = re.search(r"CHECK constraint failed: (\w+)", text)
    if match:
        return f"La base a refusé une valeur incohérente (règle « {match.group(1)} »)."
    if "NOT NULL" in text:
        return f"Une valeur obligatoire manque ({text.split(':')[-1].strip()})."
    return f"La base a refusé l'enregistrement : {text}"


def explain_operational_error(error: OperationalError) -> str:
    text = str(error.orig)
    if "locked" in text or "busy" in text:
        return "La base est occupée par un autre programme ; réessayez dans un instant."
    if "full" in text:
        return "Le disque est plein : la modification n'a pas été enregistrée."
    if "readonly" in text or "read-only" in text:
        return "La base est en lecture seule : la modification n'a pas été enregistrée."
    return f"La base n'a pas pu enregistrer la modification : {text}"


@contextlib.contextmanager
def transaction(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose work is committed at the end, or entirely rolled back on any error."""
    try:
        with sessions.begin() as session:
            session.connection(execution_options={WRITE_OPTION: True})  # SQLite: BEGIN IMMEDIATE
            yield session
    except IntegrityError as error:
        raise ConflictError(explain_integrity_error(error)) from error
    except OperationalError as error:
        raise StorageError(explain_operational_error(error)) from error
    except StaleDataError as error:  # another session saved the same row first (optimistic locking)
        raise ConcurrentEditError(
            "Quelqu'un d'autre vient d'enregistrer le même élément : votre modification n'a pas été enregistrée. "
            "Rechargez, puis refaites-la."
        ) from error
