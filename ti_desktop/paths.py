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
