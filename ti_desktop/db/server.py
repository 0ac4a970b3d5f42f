"""A shared database on a server (PostgreSQL): same models and migrations as the SQLite file.

Backups of a server base are the server's business (pg_dump, the host's snapshots): the application
takes none, and says so.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from ti_desktop.db.errors import DatabaseError, MigrationError

SERVER_DIALECTS = ("postgresql",)


def parse_server_url(text: str) -> URL:
    """`postgresql+psycopg://user@host:5432/base` → URL; anything else is a French error."""
    try:
        url = make_url(text.strip())
    except ArgumentError as error:
        raise DatabaseError(
            f"« {text} » n'est pas une adresse de base de données (exemple : "
            "postgresql+psycopg://utilisateur@serveur:5432/ti_desktop)."
        ) from error
    if url.get_backend_name() not in SERVER_DIALECTS:
        raise DatabaseError(
            f"« {url.render_as_string(hide_password=True)} » : seul PostgreSQL est pris en charge comme base "
            "partagée (postgresql+psycopg://…). Pour un fichier, utilisez --db."
        )
    if url.get_driver_name() in ("", "psycopg2") and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")  # the driver the application ships
    return url


def shown(url: URL) -> str:
    """The address as messages show it: never the password."""
    return url.render_as_string(hide_password=True)


def create_server_engine(url: URL) -> Engine:
    try:
        return create_engine(url, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError) as error:
        raise DatabaseError(
            f"Le pilote de « {shown(url)} » n'est pas installé (pip install 'psycopg[binary]')."
        ) from error


def check_reachable(engine: Engine, url: URL) -> None:
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        detail = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
        raise DatabaseError(f"Impossible de joindre la base « {shown(url)} » : {detail}") from error


def migration_failed(url: URL, error: SQLAlchemyError) -> MigrationError:
    return MigrationError(
        f"La mise à jour du schéma de « {shown(url)} » a échoué ({error.__class__.__name__}) ; la transaction "
        "a été annulée, la base est dans son état précédent."
    )
