"""Backups with SQLite's online backup API (never a file copy of an open database), verified, and restore."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ti_desktop.db.errors import BackupError, DatabaseError
from ti_desktop.db.sqlite_file import (
    FileKind,
    count_rows,
    inspect_file,
    open_read_only,
    quick_check,
)
from ti_desktop.kernel.files import FileWriteError, private_folder, write_atomically


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    revision: str | None
    counts: dict[str, int]
    size_bytes: int


def timestamped_backup_path(
    database: Path, backups_dir: Path, moment: dt.datetime, *, reason: str = "sauvegarde"
) -> Path:
    """`<base>-<reason>-<local time of moment>.sqlite3`, a name not yet taken in `backups_dir` (two backups
    at the same moment, as with a stopped clock, get the next microsecond)."""
    local = moment.astimezone().replace(tzinfo=None)
    while True:
        path = backups_dir / f"{database.stem}-{reason}-{local:%Y%m%d-%H%M%S-%f}.sqlite3"
        if not path.exists():
            return path
        local += dt.timedelta(microseconds=1)


def _copy_with_backup_api(source: Path, destination: Path) -> None:
    with open_read_only(source) as source_connection:
        destination_connection = sqlite3.connect(destination)
        try:
            source_connection.backup(destination_connection)
            # A backup is a standalone file: no WAL sidecar files to carry around.
            destination_connection.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination_connection.close()


def backup_database(database: Path, destination: Path) -> BackupInfo:
    """Copy `database` to `destination` through the online backup API, verify it, then move it in place.

    The copy is written to a temporary file in the destination folder and renamed only once
    `quick_check` passed (`write_atomically`), so a failed backup never leaves a half-written file under the final
    name, and one chosen with `-o` that is open in another program is told as such.
    """
    if not database.is_file():
        raise BackupError(f"Impossible de sauvegarder « {database} » : le fichier n'existe pas.")
    try:
        private_folder(destination.parent)
    except OSError as error:
        raise BackupError(
            f"Impossible de créer le dossier de sauvegarde « {destination.parent} » : {error.strerror}."
        ) from error
    if not os.access(destination.parent, os.W_OK):
        raise BackupError(
            f"Impossible de sauvegarder « {database} » dans « {destination.parent} » : ce dossier est en lecture "
            "seule. "
            "Choisissez un autre dossier ou demandez les droits d'écriture."
        )

    def copy_and_verify(temporary: Path) -> None:
        _copy_with_backup_api(database, temporary)
        verdict = quick_check(temporary)
        if verdict != "ok":
            raise BackupError(f"La sauvegarde de « {database} » n'a pas passé la vérification : {verdict}.")

    try:
        write_atomically(destination, copy_and_verify)
    except sqlite3.Error as error:
        raise BackupError(f"La sauvegarde de « {database} » a échoué : {error}.") from error
    except FileWriteError as error:
        raise BackupError(f"La sauvegarde de « {database} » a échoué. {error.message}") from error
    return describe_backup(destination)


def describe_backup(path: Path) -> BackupInfo:
    """Verify a backup file (ours, readable, healthy) and say what it holds; raise BackupError otherwise."""
    if not path.exists():
        raise BackupError(f"Le fichier de sauvegarde « {path} » est introuvable.")
    if not path.is_file():
        raise BackupError(f"« {path} » n'est pas un fichier de sauvegarde.")
    try:
        state = inspect_file(path)
    except DatabaseError as error:
        raise BackupError(f"« {path} » n'est pas une sauvegarde TI Desktop valide. {error.message}") from error
    if state.kind is not FileKind.OURS:
        raise BackupError(f"« {path} » est vide : ce n'est pas une sauvegarde TI Desktop.")
    verdict = quick_check(path)
    if verdict != "ok":
        raise BackupError(f"La sauvegarde « {path} » est endommagée ({verdict}) ; elle n'a pas été utilisée.")
    return BackupInfo(path=path, revision=state.revision, counts=count_rows(path), size_bytes=path.stat().st_size)


def copy_into(source: Path, database: Path) -> None:
    """Replace the content of `database` by `source`'s, page by page, through the backup API.

    SQLite applies the copy as one write transaction on the destination, so readers never see a mix.
    """
    try:
        with open_read_only(source) as source_connection:
            destination_connection = sqlite3.connect(database)
            try:
                source_connection.backup(destination_connection)
            finally:
                destination_connection.close()
    except sqlite3.Error as error:
        raise BackupError(
            f"La restauration de « {source} » dans « {database} » a échoué ({error}) ; la base n'a pas été remplacée."
        ) from error


def set_aside_damaged(database: Path, moment: dt.datetime) -> Path:
    """Move a damaged base (and its -wal/-shm files) to `<base>.damaged`, untouched; return the new path.
    An older `.damaged` file is kept: the new one is named after `moment` (local time)."""
    target = Path(str(database) + ".damaged")
    if target.exists():
        target = target.with_name(f"{target.name}-{moment.astimezone():%Y%m%d-%H%M%S}")
    try:
        os.replace(database, target)
        for suffix in ("-wal", "-shm"):
            sidecar = Path(f"{database}{suffix}")
            if sidecar.exists():
                os.replace(sidecar, Path(f"{target}{suffix}"))
    except OSError as error:
        raise BackupError(
            f"Impossible de mettre de côté la base endommagée « {database} » : {error.strerror or error}."
        ) from error
    return target
