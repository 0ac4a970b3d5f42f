"""Files that are not ours, or not usable, are refused with a French message and left byte for byte."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from ti_desktop.db.database import open_database
from ti_desktop.db.errors import (
    DatabaseDamagedError,
    DatabaseError,
    DatabaseLocationError,
    DatabaseMissingError,
    ForeignDatabaseError,
    NotSQLiteError,
    SchemaTooNewError,
)
from ti_desktop.db.sqlite_file import SQLITE_HEADER
from ti_desktop.domain.errors import TiDesktopError

from ..clock import fixed_clock
from .conftest import USER, damage_table, make_fresh_database, raw_execute, raw_rows, sidecar_files

UNTOUCHED = "pas été modifié"  # "Il n'a pas été modifié." / "Elle n'a pas été modifiée." / "Le fichier…"


def refuse(path: Path, backups_dir: Path, error: type[DatabaseError]) -> DatabaseError:
    """Open `path`, expect `error`, and check nothing was written: same bytes, no backup."""
    before = path.read_bytes()
    with pytest.raises(error) as caught:
        open_database(path, backups_dir, fixed_clock(), user=USER)
    assert path.read_bytes() == before
    assert not backups_dir.exists()
    assert isinstance(caught.value, TiDesktopError)
    assert str(path) in caught.value.message
    return caught.value


# --- not SQLite at all -----------------------------------------------------------------------------


def test_pdf_renamed_sqlite3_is_refused(tmp_path: Path, backups_dir: Path) -> None:
    path = tmp_path / "plan-d-actions.sqlite3"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 50)
    error = refuse(path, backups_dir, NotSQLiteError)
    assert "PDF" in error.message
    assert "n'est pas une base TI Desktop" in error.message
    assert UNTOUCHED in error.message
    assert sidecar_files(path) == []


@pytest.mark.parametrize(
    ("header", "what"),
    [
        (b"PK\x03\x04", "ZIP"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ancien fichier Office"),
    ],
)
def test_other_known_formats_are_named(tmp_path: Path, backups_dir: Path, header: bytes, what: str) -> None:
    path = tmp_path / "base.sqlite3"
    path.write_bytes(header + bytes(2000))
    error = refuse(path, backups_dir, NotSQLiteError)
    assert what in error.message
    assert sidecar_files(path) == []


def test_random_bytes_are_refused(tmp_path: Path, backups_dir: Path) -> None:
    path = tmp_path / "base.sqlite3"
    path.write_bytes(b"\x00\x01" + random.Random(1234).randbytes(64 * 1024))
    error = refuse(path, backups_dir, NotSQLiteError)
    assert "n'est pas celui d'une base SQLite" in error.message
    assert UNTOUCHED in error.message
    assert sidecar_files(path) == []


def test_text_file_is_refused(tmp_path: Path, backups_dir: Path) -> None:
    path = tmp_path / "base.sqlite3"
    path.write_text("territoire;action\nVallée de l'Arve;INN-01\n", encoding="utf-8")
    refuse(path, backups_dir, NotSQLiteError)
    assert sidecar_files(path) == []


def test_sqlite_header_followed_by_garbage_is_refused(tmp_path: Path, backups_dir: Path) -> None:
    path = tmp_path / "base.sqlite3"
    path.write_bytes(SQLITE_HEADER + random.Random(99).randbytes(8192))
    error = refuse(path, backups_dir, NotSQLiteError)
    assert "SQLite ne peut pas le lire" in error.message
    assert sidecar_files(path) == []


# --- SQLite, but another application's -------------------------------------------------------------


def test_sqlite_file_of_another_application_is_refused(tmp_path: Path, backups_dir: Path) -> None:
    path = tmp_path / "places.sqlite3"
    raw_execute(
        path,
        "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
        "INSERT INTO moz_places (url) VALUES ('https://www.anct.gouv.fr')",
    )
    error = refuse(path, backups_dir, ForeignDatabaseError)
    assert "autre application" in error.message
    assert "moz_places" in error.message
    assert UNTOUCHED in error.message
    assert sidecar_files(path) == []
    assert raw_rows(path, "SELECT url FROM moz_places") == [("https://www.anct.gouv.fr",)]


def test_empty_sqlite_file_of_another_application_is_refused(tmp_path: Path, backups_dir: Path) -> None:
    path = tmp_path / "autre.sqlite3"
    raw_execute(path, "PRAGMA application_id = 42", "VACUUM")
    refuse(path, backups_dir, ForeignDatabaseError)


def test_wal_mode_file_of_another_application_gets_no_sidecar_files(tmp_path: Path, backups_dir: Path) -> None:
    path = tmp_path / "places.sqlite"  # Firefox's places.sqlite is a WAL database
    raw_execute(path, "PRAGMA journal_mode = WAL", "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    assert sidecar_files(path) == []
    refuse(path, backups_dir, ForeignDatabaseError)
    assert sidecar_files(path) == []


# --- ours, but not usable by this version ----------------------------------------------------------


@pytest.fixture
def future_database(db_path: Path, backups_dir: Path, tmp_path: Path) -> Path:
    make_fresh_database(db_path, backups_dir)
    raw_execute(db_path, "UPDATE alembic_version SET version_num = '9999_future'")
    assert sidecar_files(db_path) == []
    return db_path


def test_schema_newer_than_the_app_is_refused(future_database: Path, backups_dir: Path) -> None:
    error = refuse(future_database, backups_dir, SchemaTooNewError)
    assert isinstance(error, SchemaTooNewError)
    assert error.revision == "9999_future"
    assert "9999_future" in error.message
    assert "plus récente" in error.message
    assert UNTOUCHED in error.message
    assert raw_rows(future_database, "SELECT version_num FROM alembic_version") == [("9999_future",)]


def test_schema_newer_than_the_app_leaves_no_sidecar_files(future_database: Path, backups_dir: Path) -> None:
    refuse(future_database, backups_dir, SchemaTooNewError)
    assert sidecar_files(future_database) == []


def test_damaged_database_is_refused(db_path: Path, backups_dir: Path) -> None:
    make_fresh_database(db_path, backups_dir)
    damage_table(db_path)

    error = refuse(db_path, backups_dir, DatabaseDamagedError)
    assert "endommagée" in error.message
    assert "restaurez une sauvegarde" in error.message


# --- where the file is -----------------------------------------------------------------------------


def test_a_directory_is_refused(tmp_path: Path, backups_dir: Path) -> None:
    folder = tmp_path / "base.sqlite3"
    folder.mkdir()
    with pytest.raises(DatabaseLocationError, match="est un dossier"):
        open_database(folder, backups_dir, fixed_clock(), user=USER)
    assert list(folder.iterdir()) == []
    assert not backups_dir.exists()


def test_a_file_in_a_missing_folder_is_refused(tmp_path: Path, backups_dir: Path) -> None:
    path = tmp_path / "absent" / "base.sqlite3"
    with pytest.raises(DatabaseLocationError, match="n'existe pas"):
        open_database(path, backups_dir, fixed_clock(), user=USER)
    assert not path.parent.exists()
    assert not backups_dir.exists()


def test_missing_file_without_create_is_refused(db_path: Path, backups_dir: Path) -> None:
    with pytest.raises(DatabaseMissingError) as caught:
        open_database(db_path, backups_dir, fixed_clock(), create=False, user=USER)
    assert str(db_path) in caught.value.message
    assert "n'existe pas" in caught.value.message
    assert not db_path.exists()
    assert sidecar_files(db_path) == []
    assert not backups_dir.exists()


def test_existing_file_opens_without_create(db_path: Path, backups_dir: Path) -> None:
    make_fresh_database(db_path, backups_dir)
    open_database(db_path, backups_dir, fixed_clock(), create=False, user=USER).close()


@pytest.mark.parametrize("folder", ["Données TI", "Projet #2", "100 % réalisé", "Plan d'actions (copie)"])
def test_folder_names_with_spaces_accents_and_symbols(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "base été.sqlite3"
    path.parent.mkdir()
    open_database(path, tmp_path / "sauvegardes", fixed_clock(), user=USER).close()
    assert raw_rows(path, "SELECT count(*) FROM axes") == [(4,)]
    assert sorted(p.name for p in path.parent.iterdir()) == ["base été.sqlite3"]


def test_folder_name_with_a_percent_escape(tmp_path: Path) -> None:
    path = tmp_path / "Plan%20d'actions" / "base.sqlite3"
    path.parent.mkdir()
    open_database(path, tmp_path / "sauvegardes", fixed_clock(), user=USER).close()
    assert raw_rows(path, "SELECT count(*) FROM axes") == [(4,)]


@pytest.mark.skipif(sys.platform == "win32", reason="'?' cannot appear in a Windows file name")
def test_folder_name_with_a_question_mark(tmp_path: Path) -> None:
    path = tmp_path / "Projet?" / "base.sqlite3"
    path.parent.mkdir()
    open_database(path, tmp_path / "sauvegardes", fixed_clock(), user=USER).close()
    wrong_file = tmp_path / "Projet"
    assert not wrong_file.exists(), "the database was written to another file"
    assert raw_rows(path, "SELECT count(*) FROM axes") == [(4,)]
