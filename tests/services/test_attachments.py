"""Pièces jointes: the copy in the data directory and the database row are always consistent."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ti_desktop.domain.errors import NotFoundError, TiDesktopError, ValidationError
from ti_desktop.services import attachments as attachments_module
from ti_desktop.services.attachments import AttachmentService, safe_file_name

from .conftest import World


@pytest.fixture
def service(world: World, tmp_path: Path) -> AttachmentService:
    return world.services.attachments_in(tmp_path / "donnees")


def stored_files(service: AttachmentService) -> list[Path]:
    root = service.files_dir / "pieces-jointes"
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def a_file(tmp_path: Path, name: str = "Convention Région.pdf", content: bytes = b"%PDF-1.4 convention") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_attach_copies_the_file_and_records_it(world: World, service: AttachmentService, tmp_path: Path) -> None:
    action = world.action()
    source = a_file(tmp_path)
    record = service.attach(action.id, source, "Convention signée")
    assert record.title == "Convention signée"
    assert record.original_name == "Convention Région.pdf"
    assert record.size_bytes == len(b"%PDF-1.4 convention")
    copy = service.path_of(record)
    assert copy.read_bytes() == source.read_bytes()
    assert copy.parent == service.files_dir / "pieces-jointes" / str(action.id)
    assert stored_files(service) == [copy]  # no temporary file left behind
    assert service.for_action(action.id) == [record]


def test_the_title_defaults_to_the_file_name_and_names_never_clash(
    world: World, service: AttachmentService, tmp_path: Path
) -> None:
    action = world.action()
    source = a_file(tmp_path, "plan.pdf")
    first = service.attach(action.id, source, None)
    second = service.attach(action.id, source, "  ")
    assert first.title == second.title == "plan"
    assert service.path_of(first) != service.path_of(second)
    assert len(stored_files(service)) == 2
    assert [a.id for a in service.for_action(action.id)] == [second.id, first.id]  # newest first


def test_a_missing_source_is_refused_in_french(world: World, service: AttachmentService, tmp_path: Path) -> None:
    action = world.action()
    with pytest.raises(TiDesktopError, match="introuvable"):
        service.attach(action.id, tmp_path / "absent.pdf", None)
    assert service.for_action(action.id) == []
    assert stored_files(service) == []


def test_an_unknown_action_leaves_no_file(world: World, service: AttachmentService, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="action n° 9999"):
        service.attach(9999, a_file(tmp_path), None)
    assert stored_files(service) == []


def test_a_too_long_title_is_refused_before_copying(world: World, service: AttachmentService, tmp_path: Path) -> None:
    action = world.action()
    with pytest.raises(ValidationError, match="au plus 300"):
        service.attach(action.id, a_file(tmp_path), "x" * 301)
    assert stored_files(service) == []


def test_a_failed_rename_rolls_back_row_and_copy(
    world: World, service: AttachmentService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    action = world.action()

    def failing_replace(_source: object, _target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(attachments_module.os, "replace", failing_replace)
    with pytest.raises(TiDesktopError, match="Impossible d'enregistrer la pièce jointe"):
        service.attach(action.id, a_file(tmp_path), None)
    assert service.for_action(action.id) == []
    assert stored_files(service) == []


def test_delete_removes_the_row_and_the_copy(world: World, service: AttachmentService, tmp_path: Path) -> None:
    action = world.action()
    record = service.attach(action.id, a_file(tmp_path), None)
    service.delete(record.id)
    assert service.for_action(action.id) == []
    assert not service.path_of(record).exists()
    assert stored_files(service) == []
    with pytest.raises(NotFoundError, match="pièce jointe"):
        service.delete(record.id)


def test_attachments_are_in_the_history(world: World, service: AttachmentService, tmp_path: Path) -> None:
    action = world.action()
    service.attach(action.id, a_file(tmp_path), "Devis")
    created = [c for c in world.services.history.for_action(action.id) if c.entity == "attachment"]
    assert [(c.field, c.new_value) for c in created] == [(None, "Devis")]


def test_safe_file_names() -> None:
    assert safe_file_name("Convention Région.pdf") == "Convention Région.pdf"
    assert safe_file_name("../../etc/passwd") == "_.._etc_passwd"
    assert safe_file_name('a<b>:"c"?.txt') == "a_b_c_.txt"
    assert safe_file_name("...") == "fichier"


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes; on Windows the profile folder's ACLs keep files private")
def test_the_stored_copy_and_its_folders_are_private(world: World, service: AttachmentService, tmp_path: Path) -> None:
    previous = os.umask(0o022)  # the usual umask would make them readable by every user of the machine
    try:
        action = world.action()
        source = a_file(tmp_path)
        source.chmod(0o644)
        copy = service.path_of(service.attach(action.id, source, "Convention"))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    for folder in (service.files_dir, service.files_dir / "pieces-jointes", copy.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
