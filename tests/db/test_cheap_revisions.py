"""The schema revisions read without alembic (db/migrate.py) are alembic's own."""

from __future__ import annotations

from pathlib import Path

from ti_desktop.db.migrate import head_revision, is_known_revision, migrations_folder, read_revisions, script_directory


def test_the_head_read_from_the_files_is_alembics() -> None:
    scripts = script_directory()
    assert head_revision() == scripts.get_current_head()
    known = {script.revision for script in scripts.walk_revisions()}
    assert set(read_revisions(migrations_folder() / "versions").parents) == known
    assert all(is_known_revision(revision) for revision in known)
    assert not is_known_revision("9999_from_a_newer_app")


def test_a_new_migration_file_is_the_new_head(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    for file in (migrations_folder() / "versions").glob("*.py"):
        (versions / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    before = read_revisions(versions).heads
    (versions / "0099_next.py").write_text(
        f'"""A later migration."""\n\nrevision = "0099_next"\ndown_revision: str | None = {before[0]!r}\n',
        encoding="utf-8",
    )
    (versions / "helpers.py").write_text("VALUE = 1\n", encoding="utf-8")  # not a migration: ignored
    revisions = read_revisions(versions)
    assert revisions.heads == ["0099_next"]
    assert revisions.parents["0099_next"] == (before[0],)
