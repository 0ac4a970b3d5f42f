"""PySide6 asks of every module imported after it whether its source mentions « PySide6 » (the modules that may
switch its `from __feature__ import …` options). It asks through `inspect.getsource`, which finds each file's
encoding, decodes it and keeps all its lines in `linecache`: some 50 ms of the window's start, and the text of
the 330 modules (SQLAlchemy's, ours) imported after Qt held in memory. `ask_cheaply` puts the same question to
the file's bytes: the same answer (« PySide6 » is ASCII, in any encoding Python reads source in) without the
decoding or the cache. A module without a `.py` file is asked PySide6's way."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"  # PySide6's own, present once PySide6.QtCore is imported
QUESTION = "_mod_uses_pyside"


def ask_cheaply() -> None:
    """Replace PySide6's question by `mentions_pyside` (once; nothing if this PySide6 has no such question)."""
    feature = sys.modules.get(FEATURE_MODULE)
    asked: Callable[[ModuleType], bool] | None = getattr(feature, QUESTION, None)
    if asked is None or getattr(asked, "__wrapped__", None) is not None:
        return

    def mentions_pyside(module: ModuleType) -> bool:
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith(".py"):
            return asked(module)
        try:
            with open(file, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return asked(module)

    mentions_pyside.__wrapped__ = asked  # type: ignore[attr-defined]
    setattr(feature, QUESTION, mentions_pyside)
