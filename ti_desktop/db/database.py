"""Opening a database: refuse what is not ours, back up before any upgrade, migrate, hand out sessions."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop import __version__
from ti_desktop.db.access import has_access_rules, is_base_owner, session_role
from ti_desktop.db.backup import (
    BackupInfo,
    backup_database,
    copy_into,
    describe_backup,
    set_aside_damaged,
    timestamped_backup_path,
)
from ti_desktop.db.bookkeeping import install_clock
from ti_desktop.db.changelog import install_change_log
from ti_desktop.db.engine import create_sqlite_engine
from ti_desktop.db.errors import (
    BackupError,
    DatabaseDamagedError,
    DatabaseMissingError,
    MigrationError,
    ReadOnlyFolderError,
    SchemaTooNewError,
)
from ti_desktop.db.migrate import (
    ForeignKeyViolation,
    current_revision,
    head_revision,
    is_known_revision,
    upgrade_to_head,
)
from ti_desktop.db.server import Credentials, connect_server, migration_failed, parse_server_url
from ti_desktop.db.server import shown as server_label
from ti_desktop.db.sqlite_file import FileKind, inspect_file, quick_check
from ti_desktop.kernel.clock import Clock


def current_user() -> str:
    """Who edits, for the history: the OS user name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment (some containers)
        return "inconnu"


@dataclass
class Database:
    """An open, up-to-date database: its file (None on a server), engine and session factory."""

    path: Path | None
    engine: Engine
    sessions: sessionmaker[Session]
    backup_before_upgrade: BackupInfo | None = None
    server: str | None = None  # the server base's address, without password

    def close(self) -> None:
        self.engine.dispose()


def prepare_file(path: Path, backups_dir: Path, clock: Clock, *, create: bool) -> BackupInfo | None:
    """Check the file and bring its schema to the head revision; return the backup taken, if any.

    Refuses (file untouched): a missing file when `create` is false, a non-SQLite file, another
    application's SQLite file, a schema newer than this app, a damaged file.
    """
    state = inspect_file(path)
    if state.kind is FileKind.MISSING and not create:
        raise DatabaseMissingError(path)
    if not os.access(path.parent, os.W_OK):
        raise ReadOnlyFolderError.for_base(path)
    if state.kind is FileKind.OURS:
        if state.revision is not None and not is_known_revision(state.revision):
            raise SchemaTooNewError(path, state.revision, __version__)
        verdict = quick_check(path)
        if verdict != "ok":
            raise DatabaseDamagedError(path, verdict)
    if state.kind is FileKind.OURS and state.revision == head_revision():
        return None
    backup = None
    if state.kind is FileKind.OURS:
        backup = backup_database(
            path, timestamped_backup_path(path, backups_dir, clock.now(), reason="avant-migration")
        )
    migration_engine = create_sqlite_engine(path, foreign_keys=False, wal=False)
    try:
        upgrade_to_head(migration_engine, clock.now())
    except (SQLAlchemyError, ForeignKeyViolation) as error:
        where = f" Une sauvegarde avait été faite : « {backup.path} »." if backup else ""
        raise MigrationError(
            f"La mise à jour du schéma de « {path} » a échoué ({error.__class__.__name__}) ; la base a été "
            f"laissée dans son état précédent.{where}"
        ) from error
    finally:
        migration_engine.dispose()
    return backup


def session_factory(engine: Engine, clock: Clock, user: str | None) -> sessionmaker[Session]:
    """Sessions that stamp their rows with `clock` and write the history as `user` (the OS user by default)."""
    factory = sessionmaker(engine, expire_on_commit=False)
    install_clock(factory, clock)
    install_change_log(factory, user or current_user())
    return factory


def open_database(
    path: Path, backups_dir: Path, clock: Clock, *, create: bool = True, user: str | None = None
) -> Database:
    """Open `path` for work, creating and migrating it as needed."""
    backup = prepare_file(path, backups_dir, clock, create=create)
    engine = create_sqlite_engine(path)
    factory = session_factory(engine, clock, user)
    return Database(path=path, engine=engine, sessions=factory, backup_before_upgrade=backup)


def open_server_database(
    url_text: str, clock: Clock, *, user: str | None = None, credentials: Credentials | None = None
) -> Database:
    """Open a shared base on a server (PostgreSQL), bringing its schema to the head revision first.

    `user` is ignored: the history records the server's role for the session (`session_user`)."""
    url = parse_server_url(url_text)
    engine = connect_server(url, credentials)
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision is not None and not is_known_revision(revision):
        engine.dispose()
        raise SchemaTooNewError(Path(server_label(url)), revision, __version__)
    try:
        if revision != head_revision():  # up to date: alembic is not even imported
            upgrade_to_head(engine, clock.now())
    except SQLAlchemyError as error:
        engine.dispose()
        raise migration_failed(url, error) from error
    # The history's author on a shared base is the role the server authenticated (its trigger signs each row
    # anyway, migration 0011): the name shown in conflict messages is the same.
    with engine.connect() as connection:
        author = session_role(connection)
        if user is not None and (not has_access_rules(connection) or is_base_owner(connection)):
            author = user
    factory = session_factory(engine, clock, author)
    return Database(path=None, engine=engine, sessions=factory, server=server_label(url))


def restore_database(
    backup_file: Path, database: Path, backups_dir: Path, clock: Clock
) -> tuple[BackupInfo, BackupInfo | None]:
    """Verify `backup_file`, back up the current database, then replace its content; migrate if older.

    Returns (what was restored, the safety backup of the replaced database or None if there was none).
    """
    restored = describe_backup(backup_file)
    if restored.revision is not None and not is_known_revision(restored.revision):
        raise BackupError(
            f"La sauvegarde « {backup_file} » vient d'une version plus récente de TI Desktop "
            f"(schéma « {restored.revision} ») : elle n'a pas été restaurée."
        )
    if backup_file.resolve() == database.resolve():
        raise BackupError("Le fichier à restaurer est la base elle-même : choisissez une sauvegarde.")
    safety = None
    state = inspect_file(database)
    if state.kind is FileKind.OURS:
        if quick_check(database) == "ok":
            safety = backup_database(
                database, timestamped_backup_path(database, backups_dir, clock.now(), reason="avant-restauration")
            )
        else:  # a damaged base cannot be backed up: it is kept aside, as it is
            set_aside_damaged(database, clock.now())
    copy_into(backup_file, database)
    prepare_file(database, backups_dir, clock, create=False)
    return restored, safety
