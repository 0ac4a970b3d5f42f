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


def test_revision_lines_after_the_code_or_spread_over_lines_are_read_too(tmp_path: Path) -> None:
    """Only the lines before the first function are parsed, unless they lack a name: then the whole file."""
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0001_a.py").write_text('revision = "0001_a"\ndown_revision = None\n\n\ndef upgrade(): ...\n')
    (versions / "0002_b.py").write_text(
        'import x\n\n\n@x.decorated\ndef helper(): ...\n\n\nrevision = "0002_b"\ndown_revision = "0001_a"\n'
    )
    (versions / "0003_c.py").write_text(
        'revision = "0003_c"\ndown_revision = (\n    "0002_b",\n    "0001_a",\n)\n\n\nclass Helper: ...\n'
    )
    assert read_revisions(versions).parents == {
        "0001_a": (),
        "0002_b": ("0001_a",),
        "0003_c": ("0002_b", "0001_a"),
    }
