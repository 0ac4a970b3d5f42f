"""The application's icon, apart from the About dialog (about.py) so that opening the window does not load it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from ti_desktop.paths import resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def application_icon() -> QIcon:
    """The application's icon in every rendered size (an empty icon if the files are missing)."""
    icon = QIcon()
    try:
        folder = resource_path("icons")
    except FileNotFoundError:
        return icon
    for size in ICON_SIZES:
        path = folder / f"ti-desktop-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon
