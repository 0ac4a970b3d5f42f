"""Composition root of the desktop application: arguments → paths → Qt → database → services → window.

The main window arrives with the GUI issue; until then the command says so and exits with code 2,
without importing Qt, so the headless commands work on any machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ti_desktop.paths import UserDirs

EXIT_NOT_AVAILABLE = 2


def run_gui(database: Path, user_dirs: UserDirs) -> int:
    print(
        "ti-desktop : la fenêtre de TI Desktop n'est pas encore disponible dans cette version. "
        "Utilisez les commandes en ligne (ti-desktop --help) : demo, check, backup, restore.",
        file=sys.stderr,
    )
    return EXIT_NOT_AVAILABLE
