"""Started by bench_gui.py: open the real main window on DATABASE, print the wall-clock time it was shown."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ti_desktop.app import GuiController
    from ti_desktop.kernel.clock import SystemClock
    from ti_desktop.paths import UserDirs

    database, folder = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication(sys.argv)
    settings = QSettings(str(folder / "demarrage.ini"), QSettings.Format.IniFormat)
    controller = GuiController(UserDirs(folder, folder), settings, SystemClock())
    if not controller.open(database):
        sys.exit(1)
    app.processEvents()
    print(time.time())
    controller.close()


if __name__ == "__main__":
    main()
