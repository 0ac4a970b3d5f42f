"""Pièces jointes of an action: a copy of the file in the data directory, and its row in the database.

The row and the copy stay consistent: the file is copied under a temporary name, the row inserted, the
copy renamed to its final name, and only then is the transaction committed; any failure removes what
was done so far. Deletion does the reverse (the copy is set aside until the row is gone).
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from pathlib import Path, PurePosixPath

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.db import models
from ti_desktop.domain.errors import NotFoundError, TiDesktopError, ValidationError
from ti_desktop.domain.records import AttachmentRecord
from ti_desktop.kernel.files import create_private_file, private_folder
from ti_desktop.services.crud import to_record
from ti_desktop.services.transactions import transaction

FOLDER = "pieces-jointes"
MAX_TITLE = 300
MAX_NAME = 300
_UNSAFE = re.compile(r"[^\w.\- ]+")


def safe_file_name(name: str) -> str:
    """A file name that is valid on every system (no separators, no reserved characters)."""
    cleaned = _UNSAFE.sub("_", name).strip(" .") or "fichier"
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        return cleaned[:120]
    return f"{stem[:100]}.{suffix[:20]}"


class AttachmentService:
    def __init__(self, sessions: sessionmaker[Session], files_dir: Path) -> None:
        self._sessions = sessions
        self.files_dir = files_dir

    def for_action(self, action_id: int) -> list[AttachmentRecord]:
        statement = (
            select(models.Attachment)
            .where(models.Attachment.action_id == action_id)
            .order_by(models.Attachment.created_at.desc(), models.Attachment.id.desc())
        )
        with self._sessions() as session:
            return [to_record(row, AttachmentRecord) for row in session.scalars(statement)]

    def get(self, attachment_id: int) -> AttachmentRecord:
        with self._sessions() as session:
            return to_record(self._load(session, attachment_id), AttachmentRecord)

    def path_of(self, attachment: AttachmentRecord) -> Path:
        return self.files_dir.joinpath(*PurePosixPath(attachment.stored_path).parts)

    def attach(self, action_id: int, source: Path, title: str | None = None) -> AttachmentRecord:
        """Copy `source` into the data directory and record it as a pièce jointe of the action."""
        source = Path(source)
        if not source.is_file():
            raise TiDesktopError(f"Le fichier « {source} » est introuvable : rien n'a été joint.")
        clean_title = (title or "").strip() or source.stem or source.name
        if len(clean_title) > MAX_TITLE:
            raise ValidationError("title", "Titre", f"{len(clean_title)} caractères, au plus {MAX_TITLE} sont permis.")
        folder = self.files_dir / FOLDER / str(action_id)
        final_name = f"{uuid.uuid4().hex[:12]}-{safe_file_name(source.name)}"
        final = folder / final_name
        temporary = folder / f".{final_name}.partiel"
        try:
            private_folder(folder)
            create_private_file(temporary)  # private before the first byte is copied (copyfile keeps the mode)
            shutil.copyfile(source, temporary)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise TiDesktopError(
                f"Impossible de copier « {source.name} » dans le dossier des données : {error.strerror or error}."
            ) from error
        renamed = False
        try:
            with transaction(self._sessions) as session:
                if session.get(models.Action, action_id) is None:
                    raise NotFoundError(
                        f"Impossible de trouver l'action n° {action_id} : elle a peut-être été supprimée."
                    )
                row = models.Attachment(
                    action_id=action_id,
                    title=clean_title,
                    stored_path=f"{FOLDER}/{action_id}/{final_name}",
                    original_name=source.name[:MAX_NAME],
                    size_bytes=temporary.stat().st_size,
                )
                session.add(row)
                session.flush()
                os.replace(temporary, final)
                renamed = True
                record = to_record(row, AttachmentRecord)
        except OSError as error:
            self._discard(temporary, final if renamed else None)
            raise TiDesktopError(f"Impossible d'enregistrer la pièce jointe : {error.strerror or error}.") from error
        except BaseException:
            self._discard(temporary, final if renamed else None)
            raise
        return record

    def delete(self, attachment_id: int) -> None:
        """Remove the row and its copy of the file."""
        set_aside: Path | None = None
        original: Path | None = None
        try:
            with transaction(self._sessions) as session:
                row = self._load(session, attachment_id)
                original = self.path_of(to_record(row, AttachmentRecord))
                session.delete(row)
                session.flush()
                if original.exists():
                    set_aside = original.with_name(f".{original.name}.supprime")
                    os.replace(original, set_aside)
        except OSError as error:
            raise TiDesktopError(f"Impossible de supprimer la pièce jointe : {error.strerror or error}.") from error
        except BaseException:
            if set_aside is not None and original is not None and set_aside.exists():
                os.replace(set_aside, original)  # the row is back: so is its file
            raise
        if set_aside is not None:
            set_aside.unlink(missing_ok=True)

    def _load(self, session: Session, attachment_id: int) -> models.Attachment:
        row = session.get(models.Attachment, attachment_id)
        if row is None:
            raise NotFoundError(
                f"Impossible de trouver la pièce jointe n° {attachment_id} : elle a peut-être été supprimée."
            )
        return row

    @staticmethod
    def _discard(temporary: Path, final: Path | None) -> None:
        temporary.unlink(missing_ok=True)
        if final is not None:
            final.unlink(missing_ok=True)
