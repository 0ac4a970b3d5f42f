"""Where things live: the user's directories (platformdirs) and the one locator of bundled data.

Bundled data (`resources/`, `migrations/`) sits at the project root in a checkout and under
`ti_desktop/_data/` in an installed wheel (see pyproject's force-include) or a PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "ti-desktop"
DATABASE_FILE_NAME = "ti-desktop.sqlite3"
DATABASE_ENV_VAR = "TI_DESKTOP_DB"

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_path(name: str) -> Path:
    """The bundled folder `name` ("resources" or "migrations"), wherever the app was installed."""
    candidates = [
        _PACKAGE_DIR / "_data" / name,  # installed wheel
        _PACKAGE_DIR.parent / name,  # editable install or plain checkout
    ]
    frozen_root = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "ti_desktop" / "_data" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(candidate) for candidate in candidates)
    raise FileNotFoundError(f"bundled folder {name!r} not found (searched {searched})")


def resource_path(*parts: str) -> Path:
    return bundled_path("resources").joinpath(*parts)


@dataclass(frozen=True, slots=True)
class UserDirs:
    """The user's folders; tests build one on a temporary directory."""

    data_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> UserDirs:
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)),
        )

    @property
    def default_database(self) -> Path:
        return self.data_dir / DATABASE_FILE_NAME


def choose_database_path(explicit: str | None, user_dirs: UserDirs) -> Path:
    """`--db PATH`, else `TI_DESKTOP_DB`, else the file in the user data directory."""
    chosen = explicit or os.environ.get(DATABASE_ENV_VAR)
    if chosen:
        return Path(chosen).expanduser().absolute()
    return user_dirs.default_database


def backups_dir_for(database: Path) -> Path:
    """Backups live beside the database they protect, in a `sauvegardes` folder."""
    return database.parent / "sauvegardes"


# Folders that synchronisation clients rewrite behind SQLite's back (a half-synced base is a damaged base).
_SYNCED_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "icloud": "iCloud",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "pcloud": "pCloud",
}
_NETWORK_FILESYSTEMS = ("nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "davfs", "fuse.davfs2", "9p")


def _mount_type(path: Path, mounts: Path = Path("/proc/mounts")) -> str | None:
    """The file-system type of the mount holding `path` (Linux), or None when unknown."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = str(path.resolve())
    best, best_type = "", None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, best_type = point, fields[2]
    return best_type


def risky_location(database: Path, mounts: Path = Path("/proc/mounts")) -> str | None:
    """Why the base's folder is a bad place for it (synchronised or network folder), in French; None if fine."""
    text = str(database.absolute())
    if text.startswith(("\\\\", "//")):
        return "la base est sur un partage réseau"
    lowered = text.casefold()
    for name, shown in _SYNCED_FOLDERS.items():
        if f"/{name}" in lowered.replace("\\", "/"):
            return f"la base est dans un dossier synchronisé ({shown})"
    kind = _mount_type(database.parent, mounts)
    if kind is not None and kind.casefold() in _NETWORK_FILESYSTEMS:
        return f"la base est sur un dossier réseau ({kind})"
    return None


def location_warning(database: Path) -> str | None:
    """The full French warning for a base in a synchronised or network folder."""
    reason = risky_location(database)
    if reason is None:
        return None
    return (
        f"Attention : {reason}. SQLite n'y est pas sûr (une synchronisation pendant l'écriture peut "
        "endommager la base). Enregistrez plutôt la base dans un dossier local, par exemple le dossier de "
        "données proposé par défaut, et gardez vos sauvegardes à part."
    )
