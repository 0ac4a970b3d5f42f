"""Known database failures, each with the French message the user reads. None of them modifies the file."""

from __future__ import annotations

from pathlib import Path

from ti_desktop.domain.errors import TiDesktopError


class DatabaseError(TiDesktopError):
    """A database file cannot be used as asked."""


class DatabaseLocationError(DatabaseError):
    """The chosen path cannot hold a database (missing folder, a folder instead of a file…)."""


class DatabaseMissingError(DatabaseError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"La base « {path} » n'existe pas. Vérifiez le chemin (--db) ou créez-la avec "
            "« ti-desktop init --name NOM » (ou « ti-desktop demo »)."
        )


class NotSQLiteError(DatabaseError):
    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            f"« {path} » n'est pas une base TI Desktop : ce fichier n'est pas une base SQLite ({what}). "
            "Il n'a pas été modifié."
        )


class ForeignDatabaseError(DatabaseError):
    def __init__(self, path: Path, tables: list[str]) -> None:
        shown = ", ".join(tables[:5]) + ("…" if len(tables) > 5 else "")
        super().__init__(
            f"« {path} » est une base SQLite d'une autre application (tables : {shown}), pas une base "
            "TI Desktop. Elle n'a pas été modifiée."
        )


class SchemaTooNewError(DatabaseError):
    def __init__(self, path: Path, revision: str, app_version: str) -> None:
        super().__init__(
            f"« {path} » a un schéma de base inconnu de cette version de TI Desktop ({app_version}) : "
            f"révision « {revision} », sans doute créée par une version plus récente. Mettez TI Desktop à "
            "jour pour l'ouvrir. Le fichier n'a pas été modifié."
        )
        self.revision = revision


def one_line(detail: str, limit: int = 200) -> str:
    """SQLite's reports span lines (« *** in database main ***\nPage 144… »): one short line for messages."""
    text = " ".join(detail.replace("***", " ").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DatabaseDamagedError(DatabaseError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"« {path} » est endommagée (contrôle d'intégrité SQLite : {one_line(detail)}). Elle n'a pas été "
            "modifiée ; restaurez une sauvegarde (ti-desktop restore)."
        )


class ReadOnlyFolderError(DatabaseError):
    def __init__(self, database: Path, what: str) -> None:
        super().__init__(
            f"La base « {database} » ne peut pas être utilisée : son dossier est en lecture seule ({what}). "
            "Copiez-la dans un dossier où vous pouvez écrire (par exemple vos Documents), ou demandez les droits "
            "d'écriture."
        )

    @classmethod
    def for_base(cls, database: Path) -> ReadOnlyFolderError:
        """The error for `database`, saying what the read-only folder prevents (creating it, or saving edits)."""
        if database.exists():
            return cls(database, "TI Desktop ne pourrait pas y enregistrer vos modifications")
        return cls(database, "impossible d'y créer la base")


class BackupError(DatabaseError):
    """A backup could not be taken, verified or restored."""


class MigrationError(DatabaseError):
    """The schema upgrade failed and was rolled back."""


class DatabaseBusyError(DatabaseError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"« {path} » est verrouillée par un autre programme (une autre fenêtre de TI Desktop ?). "
            "Fermez-le puis réessayez ; rien n'a été modifié."
        )
