"""Windows file semantics on the command line: a report, minutes, export or backup chosen with `-o` that is open in
another program (a PDF reader, Excel) cannot be replaced there. Simulated: `os.replace` onto that file raises
`PermissionError` with `winerror` 32, as Windows does. Each command says so in French (exit 1, one line), leaves the
open file byte-identical and no temporary file behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ti_desktop.kernel import files

from .conftest import Run


@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("rapport d'été.pdf", ["report"]),
        ("compte rendu.pdf", ["minutes", "1"]),
        ("plan.xlsx", ["export"]),
        ("plan.csv", ["export"]),
        ("plan TeT.xlsx", ["export", "--format", "tet"]),
        ("copie de la base.sqlite3", ["backup"]),
    ],
)
def test_a_target_open_in_another_program_is_refused_in_french_and_kept(
    run: Run,
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    argv: list[str],
    hold_open: Callable[[Path], None],
) -> None:
    folder = tmp_path / "Envois à la Région"
    folder.mkdir()
    target = folder / name
    target.write_bytes(b"the version open in another program")
    hold_open(target)

    code, out, err = run(*argv, "--db", str(demo_db), "-o", str(target))

    assert code == 1 and out == "", err
    assert err.startswith("ti-desktop : ") and err.count("\n") == 1, err
    assert f"« {name} » (dans « {folder} ») est ouvert dans un autre programme (lecteur PDF, Excel…)" in err
    assert "enregistrez sous un autre nom" in err and "Le fichier existant n'a pas été modifié." in err
    assert target.read_bytes() == b"the version open in another program"
    assert [path.name for path in folder.iterdir()] == [name]  # no temporary file left behind

    other = folder / files.free_name_beside(target).name  # « … (2) »: what the user does next
    code, _out, err = run(*argv, "--db", str(demo_db), "-o", str(other))
    assert code == 0, err
    assert sorted(path.name for path in folder.iterdir()) == sorted([name, other.name])
