"""A shared database on a server (PostgreSQL): same models and migrations as the SQLite file.

Backups of a server base are the server's business (pg_dump, the host's snapshots): the application
takes none, and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from ti_desktop.db.errors import DatabaseError, MigrationError

SERVER_DIALECTS = ("postgresql",)
# Hosts reached without a network between (a Unix socket folder starts with "/"): no TLS needed by default.
LOCAL_HOSTS = ("", "localhost", "127.0.0.1", "::1")
TLS_DEFAULT = "require"
PASSWORD_ATTEMPTS = 3
NO_KEYCHAIN = (
    "Le mot de passe n'a pas été gardé : ce système n'offre pas de trousseau (Gestionnaire d'identification, "
    "Trousseau, Secret Service). Il sera demandé à la prochaine ouverture ; un fichier .pgpass peut le garder."
)
PASSWORD_IN_ADDRESS = (
    "Le mot de passe ne doit pas figurer dans l'adresse (elle passe par la ligne de commande, l'historique du "
    "terminal, les réglages et les journaux) : retirez-le de « {address} » (la partie « :*** »). TI Desktop le "
    "demandera, ou le lira là où PostgreSQL le range : fichier .pgpass (pgpass.conf sous Windows), fichier "
    "de service, variable PGPASSWORD pour les scripts."
)


@dataclass(frozen=True, slots=True)
class PasswordAnswer:
    password: str
    remember: bool = False  # keep it in the operating system's keychain


# (the address as shown, whether the previous password was refused) → the password typed, or None: cancelled.
PasswordPrompt = Callable[[str, bool], PasswordAnswer | None]


class PasswordStore(Protocol):
    """The operating system's keychain (kernel/keychain.py), or a test double."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, password: str) -> bool: ...

    def forget(self, key: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Credentials:
    """How to get a password when the server asks for one and PostgreSQL's own means gave none."""

    prompt: PasswordPrompt | None = None
    store: PasswordStore | None = None
    # Told (in French) when the person asked to remember the password and the system has no keychain.
    on_not_remembered: Callable[[str], None] | None = None


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
    if url.password is not None:
        raise DatabaseError(PASSWORD_IN_ADDRESS.format(address=shown(url)))
    return with_tls_default(url)


def is_local(url: URL) -> bool:
    host = str(url.query.get("host", "")) if url.host is None else url.host
    return host in LOCAL_HOSTS or host.startswith("/")


def with_tls_default(url: URL) -> URL:
    """A server reached over a network is reached encrypted: `sslmode=require` unless the address says
    otherwise (`?sslmode=verify-full` also checks the server's certificate)."""
    if "sslmode" in url.query or is_local(url):
        return url
    return url.update_query_dict({"sslmode": TLS_DEFAULT})


def credential_key(url: URL) -> str:
    """The keychain entry of an address: the role, host, port and base (never the password)."""
    return f"{url.username or ''}@{url.host or ''}:{url.port or 5432}/{url.database or ''}"


def shown(url: URL) -> str:
    """The address as messages show it: never the password."""
    return url.render_as_string(hide_password=True)


def create_server_engine(url: URL, password: str | None = None) -> Engine:
    """The password, when there is one, goes to the driver apart from the address (never in its text)."""
    connect_args = {"password": password} if password is not None else {}
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except (NoSuchModuleError, ImportError) as error:
        raise DatabaseError(
            f"Le pilote de « {shown(url)} » n'est pas installé (pip install 'psycopg[binary]')."
        ) from error


class PasswordNeeded(DatabaseError):
    """The server asks for a password, or refused the one given."""


def _first_line(error: OperationalError) -> str:
    return str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)


def check_reachable(engine: Engine, url: URL) -> None:
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        detail = _first_line(error)
        if "no password supplied" in detail or "password authentication failed" in detail:
            raise PasswordNeeded(
                f"La base « {shown(url)} » demande un mot de passe pour « {url.username or '?'} »."
            ) from error
        if "SSL" in detail and ("not support" in detail or "required" in detail):
            raise DatabaseError(
                f"Le serveur de « {shown(url)} » n'accepte pas les connexions chiffrées (TLS), que TI Desktop "
                "exige hors de cet ordinateur : demandez à l'équipe informatique d'activer TLS sur le serveur "
                "(ou, sur un réseau de confiance, ajoutez ?sslmode=disable à l'adresse, en connaissance de cause)."
            ) from error
        raise DatabaseError(f"Impossible de joindre la base « {shown(url)} » : {detail}") from error


def connect_server(url: URL, credentials: Credentials | None = None) -> Engine:
    """An engine on `url` that reaches the server: first through PostgreSQL's own means (.pgpass, service
    file, PGPASSWORD, trust or certificates), then the keychain, then the person, asked at most three times."""
    credentials = credentials or Credentials()
    engine = create_server_engine(url)
    try:
        check_reachable(engine, url)
        return engine
    except PasswordNeeded as needed:
        engine.dispose()
        asked_for = needed
    key = credential_key(url)
    store = credentials.store
    saved = store.get(key) if store is not None else None
    if saved is not None and store is not None:
        engine = create_server_engine(url, saved)
        try:
            check_reachable(engine, url)
            return engine
        except PasswordNeeded:
            engine.dispose()
            store.forget(key)  # changed since: ask again
    if credentials.prompt is None:
        raise DatabaseError(
            f"{asked_for.message} Donnez-le dans le fichier .pgpass (pgpass.conf sous Windows) ou, pour un script, "
            "dans la variable PGPASSWORD ; ouvert depuis un terminal ou la fenêtre, TI Desktop le demande."
        )
    refused = False
    for _attempt in range(PASSWORD_ATTEMPTS):
        answer = credentials.prompt(shown(url), refused)
        if answer is None:
            raise DatabaseError(f"Connexion à « {shown(url)} » annulée : aucun mot de passe donné.")
        engine = create_server_engine(url, answer.password)
        try:
            check_reachable(engine, url)
        except PasswordNeeded:
            engine.dispose()
            refused = True
            continue
        if answer.remember and store is not None and not store.set(key, answer.password):
            if credentials.on_not_remembered is not None:
                credentials.on_not_remembered(NO_KEYCHAIN)
        return engine
    raise DatabaseError(
        f"Mot de passe refusé {PASSWORD_ATTEMPTS} fois pour « {url.username or '?'} » sur « {shown(url)} »."
    )


def migration_failed(url: URL, error: SQLAlchemyError) -> MigrationError:
    if getattr(getattr(error, "orig", None), "sqlstate", None) == "42501":  # not the schema's owner
        return MigrationError(
            f"La base « {shown(url)} » doit d'abord être mise à jour pour cette version de TI Desktop, par son "
            f"propriétaire : votre rôle « {url.username or '?'} » n'en a pas le droit (c'est voulu). L'équipe "
            "informatique lance « ti-desktop check --database-url … » sous le rôle propriétaire ; rien n'a été "
            "modifié."
        )
    return MigrationError(
        f"La mise à jour du schéma de « {shown(url)} » a échoué ({error.__class__.__name__}) ; la transaction "
        "a été annulée, la base est dans son état précédent."
    )
