"""One committed transaction per user edit, and database refusals turned into French messages."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ti_desktop.db.engine import WRITE_OPTION
from ti_desktop.domain import entities
from ti_desktop.domain.errors import ConcurrentEditError, ConflictError, TiDesktopError

# Uniqueness rules of the declared entities, by the columns SQLite names ("actions.territory_id, actions.code").
_UNIQUE_MESSAGES = {
    ", ".join(f"{entity.table}.{column}" for column in columns): message
    for entity in entities.ENTITIES
    for columns, message in entity.unique.items()
}


class StorageError(TiDesktopError):
    """The database could not complete the write (locked, disk full, read-only…)."""


class AccessDeniedError(TiDesktopError):
    """A shared base refused the write: the role may read this territory but not change it."""


ACCESS_DENIED_MESSAGE = (
    "Votre accès ne permet pas cette modification (lecture seule, ou territoire d'un autre) : rien n'a été "
    "enregistré. Un administrateur du territoire peut vous accorder l'accès « Édition »."
)
INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE for a refused privilege or row-level security policy


def is_access_refusal(error: DBAPIError) -> bool:
    return getattr(error.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE


# The same rules by constraint name (PostgreSQL names the constraint: the naming convention of db.models).
_UNIQUE_BY_CONSTRAINT = {
    f"uq_{entity.table}_{'_'.join(columns)}": ", ".join(f"{entity.table}.{column}" for column in columns)
    for entity in entities.ENTITIES
    for columns in entity.unique
}


def unique_message(constraint: str) -> str:
    """The French message of a broken uniqueness rule, by constraint name (PostgreSQL)."""
    return _UNIQUE_MESSAGES.get(_UNIQUE_BY_CONSTRAINT.get(constraint, ""), "Cet enregistrement existe déjà.")


def check_message(constraint: str) -> str:
    """A refused CHECK, named by the field it guards when the constraint is one of a declared field's
    ("ck_actions_jobs_targeted_non_negative" → « Emplois visés »)."""
    rule = constraint.removeprefix("ck_")
    for entity in entities.ENTITIES:
        if not rule.startswith(f"{entity.table}_"):
            continue
        rest = rule.removeprefix(f"{entity.table}_")
        for name in sorted(entity.specs, key=len, reverse=True):  # "planned_end_after_start" before "planned"
            if rest.startswith(name):
                return f"{entity.specs[name].label} : la base a refusé cette valeur (règle « {rule} »)."
    return f"La base a refusé une valeur incohérente (règle « {rule} »)."


def _server_explanation(error: IntegrityError) -> str | None:
    """PostgreSQL's error codes (SQLSTATE), for the same French messages as SQLite's texts."""
    diagnostic = getattr(error.orig, "diag", None)
    state = getattr(error.orig, "sqlstate", None)
    if diagnostic is None or state is None:
        return None
    constraint = getattr(diagnostic, "constraint_name", None) or ""
    if state == "23505":
        return unique_message(constraint)
    if state == "23503":
        return "Cet enregistrement est lié à un autre qui n'existe pas ou qui en dépend encore."
    if state == "23514":
        return check_message(constraint)
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
        return check_message(match.group(1))
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
    except DBAPIError as error:
        if is_access_refusal(error):
            raise AccessDeniedError(ACCESS_DENIED_MESSAGE) from error
        raise
    except StaleDataError as error:  # another session saved the same row first (optimistic locking)
        raise ConcurrentEditError(
            "Quelqu'un d'autre vient d'enregistrer le même élément : votre modification n'a pas été enregistrée. "
            "Rechargez, puis refaites-la."
        ) from error
