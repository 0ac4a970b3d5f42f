from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ti_desktop.cli import main
from ti_desktop.paths import UserDirs

from ..clock import fixed_clock

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def user_dirs(tmp_path: Path) -> UserDirs:
    return UserDirs(data_dir=tmp_path / "donnees", log_dir=tmp_path / "journaux")


@pytest.fixture
def run(user_dirs: UserDirs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run the command line in-process; returns (exit code, stdout, stderr)."""
    monkeypatch.delenv("TI_DESKTOP_DB", raising=False)

    def _run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(list(argv), user_dirs=user_dirs, clock=fixed_clock())
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run
