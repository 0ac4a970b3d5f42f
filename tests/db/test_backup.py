"""Backups (online backup API, verified) and restore: what a user relies on when something went wrong."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from ti_desktop.db import models
from ti_desktop.db.backup import BackupInfo, backup_database, describe_backup, timestamped_backup_path
from ti_desktop.db.database import Database, open_database, restore_database
from ti_desktop.db.errors import BackupError, DatabaseError
from ti_desktop.db.migrate import head_revision

from ..clock import fixed_clock
from .conftest import (
    USER,
    add_territory,
    create_plan,
    damage_table,
    make_fresh_database,
    raw_execute,
    raw_rows,
    sidecar_files,
)

FRENCH = ("sauvegarde", "introuvable", "n'est pas", "endommagée", "vide")


def assert_french_backup_error(error: pytest.ExceptionInfo[BackupError], path: Path) -> None:
    message = error.value.message
    assert str(path) in message
    assert any(word in message for word in FRENCH), message


def territory_names(path: Path) -> list[str]:
    return [row[0] for row in raw_rows(path, "SELECT name FROM territories ORDER BY name")]


# --- taking a backup -------------------------------------------------------------------------------


def test_backup_holds_the_data_and_says_so(db: Database, tmp_path: Path) -> None:
    create_plan(db)
    destination = tmp_path / "sauvegardes" / "manuelle.sqlite3"

    info = backup_database(db.path, destination)

    assert info.path == destination
    assert destination.is_file()
    assert info.revision == head_revision()
    assert info.counts["territories"] == 1
    assert info.counts["actions"] == 1
    assert info.counts["funding_lines"] == 0
    assert info.size_bytes == destination.stat().st_size
    assert describe_backup(destination) == info
    assert territory_names(destination) == ["Vallée de l'Arve"]


def test_backup_of_an_open_database_includes_the_latest_commit(db: Database, tmp_path: Path) -> None:
    """The app is running (its edits may still sit in the -wal file): the backup must contain them."""
    create_plan(db)
    assert sidecar_files(db.path)  # the commit lives in the WAL for now
    info = backup_database(db.path, tmp_path / "b.sqlite3")
    assert info.counts["actions"] == 1


def test_backup_is_a_single_self_contained_file(db: Database, tmp_path: Path) -> None:
    create_plan(db)
    destination = tmp_path / "sauvegardes" / "b.sqlite3"
    backup_database(db.path, destination)
    assert sorted(p.name for p in destination.parent.iterdir()) == ["b.sqlite3"]  # no .part, no -wal
    assert raw_rows(destination, "PRAGMA journal_mode") == [("delete",)]
    # Copied elsewhere (a USB stick, an e-mail), it still holds everything.
    elsewhere = tmp_path / "copie.sqlite3"
    elsewhere.write_bytes(destination.read_bytes())
    assert raw_rows(elsewhere, "SELECT count(*) FROM actions") == [(1,)]


def test_backup_creates_the_backups_folder(db: Database, tmp_path: Path) -> None:
    destination = tmp_path / "a" / "b" / "c.sqlite3"
    backup_database(db.path, destination)
    assert destination.is_file()


def test_backing_up_a_missing_file_fails(tmp_path: Path) -> None:
    missing = tmp_path / "absente.sqlite3"
    destination = tmp_path / "sauvegardes" / "b.sqlite3"
    with pytest.raises(BackupError) as caught:
        backup_database(missing, destination)
    assert "n'existe pas" in caught.value.message
    assert str(missing) in caught.value.message
    assert not destination.exists()
    assert not missing.exists()


def test_backup_into_an_impossible_folder_fails(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "pas-un-dossier"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(BackupError, match="Impossible de créer le dossier de sauvegarde"):
        backup_database(db.path, blocker / "b.sqlite3")


def test_backup_of_a_damaged_database_fails_and_leaves_nothing(db_path: Path, backups_dir: Path) -> None:
    make_fresh_database(db_path, backups_dir)
    damage_table(db_path)

    destination = backups_dir / "b.sqlite3"
    with pytest.raises(BackupError, match="n'a pas passé la vérification"):
        backup_database(db_path, destination)
    assert list(backups_dir.iterdir()) == []  # neither the backup nor its .part


def test_timestamped_backup_paths_are_distinct_and_named_after_the_database(tmp_path: Path) -> None:
    database = tmp_path / "ti-desktop.sqlite3"
    folder = tmp_path / "sauvegardes"
    moment = fixed_clock().now()
    first = timestamped_backup_path(database, folder, moment, reason="avant-migration")
    assert first.parent == folder
    assert first.name == f"ti-desktop-avant-migration-{moment.astimezone():%Y%m%d-%H%M%S}-000000.sqlite3"
    folder.mkdir()
    first.touch()
    # Two backups at the same moment (a stopped clock, a fast machine) never share a name.
    second = timestamped_backup_path(database, folder, moment, reason="avant-migration")
    assert second != first and second.name.endswith("-000001.sqlite3")


# --- checking a backup -----------------------------------------------------------------------------


def test_describe_backup_of_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absente.sqlite3"
    with pytest.raises(BackupError) as caught:
        describe_backup(path)
    assert "introuvable" in caught.value.message
    assert_french_backup_error(caught, path)


def test_describe_backup_of_a_folder(tmp_path: Path) -> None:
    with pytest.raises(BackupError) as caught:
        describe_backup(tmp_path)
    assert "n'est pas un fichier de sauvegarde" in caught.value.message


def test_describe_backup_of_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Compte rendu du COPIL du 12 mars\n", encoding="utf-8")
    with pytest.raises(BackupError) as caught:
        describe_backup(path)
    assert "n'est pas une sauvegarde TI Desktop valide" in caught.value.message
    assert_french_backup_error(caught, path)


def test_describe_backup_of_a_truncated_copy(db: Database, tmp_path: Path) -> None:
    create_plan(db)
    full = backup_database(db.path, tmp_path / "complete.sqlite3").path
    truncated = tmp_path / "tronquee.sqlite3"
    truncated.write_bytes(full.read_bytes()[:2048])
    with pytest.raises(BackupError) as caught:
        describe_backup(truncated)
    assert_french_backup_error(caught, truncated)


def test_describe_backup_of_a_foreign_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite3"
    raw_execute(path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    with pytest.raises(BackupError) as caught:
        describe_backup(path)
    assert "autre application" in caught.value.message
    assert_french_backup_error(caught, path)


def test_describe_backup_of_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "vide.sqlite3"
    path.touch()
    with pytest.raises(BackupError) as caught:
        describe_backup(path)
    assert "vide" in caught.value.message


# --- restoring -------------------------------------------------------------------------------------


@pytest.fixture
def saved(db: Database, backups_dir: Path) -> BackupInfo:
    """A database with two territories, backed up, then changed: B deleted, C added."""
    with db.sessions.begin() as session:
        add_territory(session, "A")
        add_territory(session, "B")
    info = backup_database(db.path, backups_dir / "manuelle.sqlite3")
    with db.sessions.begin() as session:
        session.delete(session.scalars(select(models.Territory).where(models.Territory.name == "B")).one())
        add_territory(session, "C")
    db.close()
    assert territory_names(db.path) == ["A", "C"]
    return info


def test_restore_brings_back_what_was_deleted(saved: BackupInfo, db_path: Path, backups_dir: Path) -> None:
    restored, _ = restore_database(saved.path, db_path, backups_dir, fixed_clock())
    assert restored.counts["territories"] == 2
    assert territory_names(db_path) == ["A", "B"]
    database = open_database(db_path, backups_dir, fixed_clock(), create=False, user=USER)
    try:
        with database.sessions.begin() as session:
            names = session.scalars(select(models.Territory.name).order_by(models.Territory.name)).all()
        assert names == ["A", "B"]
    finally:
        database.close()


def test_restore_takes_a_safety_backup_of_the_current_database(
    saved: BackupInfo, db_path: Path, backups_dir: Path
) -> None:
    _, safety = restore_database(saved.path, db_path, backups_dir, fixed_clock())
    assert safety is not None
    assert safety.path.parent == backups_dir
    assert "avant-restauration" in safety.path.name
    assert territory_names(safety.path) == ["A", "C"]  # what was there just before the restore
    describe_backup(safety.path)


def test_restored_database_stays_ours_and_up_to_date(saved: BackupInfo, db_path: Path, backups_dir: Path) -> None:
    restore_database(saved.path, db_path, backups_dir, fixed_clock())
    database = open_database(db_path, backups_dir, fixed_clock(), create=False, user=USER)
    try:
        assert database.backup_before_upgrade is None
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        database.close()


def test_restore_while_the_database_is_open(db: Database, backups_dir: Path) -> None:
    with db.sessions.begin() as session:
        add_territory(session, "A")
    info = backup_database(db.path, backups_dir / "b.sqlite3")
    with db.sessions.begin() as session:
        add_territory(session, "B")
    restore_database(info.path, db.path, backups_dir, fixed_clock())
    with db.sessions.begin() as session:
        assert session.scalars(select(models.Territory.name)).all() == ["A"]


def test_restore_onto_a_missing_database_creates_it(saved: BackupInfo, tmp_path: Path, backups_dir: Path) -> None:
    target = tmp_path / "nouveau-poste.sqlite3"
    restored, safety = restore_database(saved.path, target, backups_dir, fixed_clock())
    assert safety is None
    assert restored.counts["territories"] == 2
    assert territory_names(target) == ["A", "B"]


def test_restore_refuses_a_corrupt_backup(saved: BackupInfo, db_path: Path, backups_dir: Path, tmp_path: Path) -> None:
    corrupt = tmp_path / "corrompue.sqlite3"
    corrupt.write_bytes(saved.path.read_bytes()[:2048])
    backups_before = sorted(backups_dir.iterdir())
    before = db_path.read_bytes()

    with pytest.raises(BackupError) as caught:
        restore_database(corrupt, db_path, backups_dir, fixed_clock())

    assert_french_backup_error(caught, corrupt)
    assert db_path.read_bytes() == before
    assert territory_names(db_path) == ["A", "C"]
    assert sorted(backups_dir.iterdir()) == backups_before


def test_restore_refuses_a_text_file(saved: BackupInfo, db_path: Path, backups_dir: Path, tmp_path: Path) -> None:
    text = tmp_path / "pas-une-sauvegarde.sqlite3"
    text.write_text("bonjour", encoding="utf-8")
    before = db_path.read_bytes()
    with pytest.raises(BackupError):
        restore_database(text, db_path, backups_dir, fixed_clock())
    assert db_path.read_bytes() == before


def test_restore_refuses_a_backup_from_a_newer_version(
    saved: BackupInfo, db_path: Path, backups_dir: Path, tmp_path: Path
) -> None:
    future = tmp_path / "future.sqlite3"
    future.write_bytes(saved.path.read_bytes())
    raw_execute(future, "UPDATE alembic_version SET version_num = '9999_future'")
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="version plus récente") as caught:
        restore_database(future, db_path, backups_dir, fixed_clock())
    assert "9999_future" in caught.value.message
    assert db_path.read_bytes() == before


def test_restore_refuses_the_database_itself(saved: BackupInfo, db_path: Path, backups_dir: Path) -> None:
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="la base elle-même"):
        restore_database(db_path, db_path, backups_dir, fixed_clock())
    assert db_path.read_bytes() == before


def test_restore_of_a_backup_with_another_page_size_works(tmp_path: Path, backups_dir: Path) -> None:
    small_pages = tmp_path / "ancienne.sqlite3"
    raw_execute(small_pages, "PRAGMA page_size = 1024", "VACUUM")
    make_fresh_database(small_pages, backups_dir)
    raw_execute(
        small_pages,
        "INSERT INTO territories (name, created_at, updated_at) VALUES ('Bresle', '2024-01-01', '2024-01-01')",
    )
    backup = backup_database(small_pages, tmp_path / "ancienne-sauvegarde.sqlite3")
    current = tmp_path / "ti-desktop.sqlite3"
    make_fresh_database(current, backups_dir)
    restore_database(backup.path, current, backups_dir, fixed_clock())
    assert raw_rows(current, "SELECT name FROM territories") == [("Bresle",)]


def test_restore_failure_while_copying_is_a_backup_error(
    tmp_path: Path, backups_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holds the database: the restore fails cleanly and replaces nothing."""
    make_fresh_database(tmp_path / "source.sqlite3", backups_dir)
    backup = backup_database(tmp_path / "source.sqlite3", tmp_path / "copie.sqlite3")
    current = tmp_path / "ti-desktop.sqlite3"
    make_fresh_database(current, backups_dir)
    before = current.read_bytes()
    original_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: original_connect(*a, **{**k, "timeout": 0.1}))
    holder = original_connect(current, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError, match="verrouillée par un autre programme"):
            restore_database(backup.path, current, backups_dir, fixed_clock())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert current.read_bytes() == before


def test_a_restored_backup_has_its_custom_fields_and_values(tmp_path: Path, backups_dir: Path) -> None:
    from ti_desktop.domain.enums import CustomFieldKind
    from ti_desktop.services.maintenance import open_services

    path = tmp_path / "plan.sqlite3"
    opened = open_services(path, clock=fixed_clock())
    services = opened.services
    territory = services.territories.create(name="Vallée de l'Arve")
    inn = services.axes.by_code(territory.id, "INN").id
    action = services.actions.create(territory_id=territory.id, axis_id=inn, title="Plateforme")
    field = services.custom_fields.define(territory.id, "Cibles", CustomFieldKind.TEXT)
    services.custom_fields.set_values(action.id, {field.id: "PME"})
    opened.close()
    saved = backup_database(path, backups_dir / "manuelle.sqlite3")
    opened = open_services(path, clock=fixed_clock())
    opened.services.custom_fields.delete(field.id)
    opened.close()
    restore_database(saved.path, path, backups_dir, fixed_clock())
    opened = open_services(path, clock=fixed_clock())
    try:
        assert opened.services.custom_fields.for_territory(territory.id) == [field]
        assert opened.services.custom_fields.values_of(action.id) == {field.id: "PME"}
    finally:
        opened.close()
