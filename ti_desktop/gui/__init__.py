"""Qt user interface (the only package, with app.py, that imports PySide6)."""

import PySide6.QtCore  # noqa: F401  (installs PySide6's import hook, which `ask_cheaply` makes cheaper)

from ti_desktop.gui.qt_features import ask_cheaply

ask_cheaply()  # before the modules of the window (and SQLAlchemy's) are imported
