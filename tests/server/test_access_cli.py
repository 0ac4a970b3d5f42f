"""`ti-desktop access grant|revoke|list` on a shared base, run as its owner and as a territory's administrator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ti_desktop.cli import main
from ti_desktop.paths import UserDirs
from ti_desktop.services.maintenance import open_server_services

from ..clock import fixed_clock
from .conftest import SharedBase


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(list(argv), user_dirs=UserDirs(tmp_path / "d", tmp_path / "j"), clock=fixed_clock())
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_grant_list_and_revoke_from_the_command_line(
    shared_base: SharedBase, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    owner_url = shared_base.url(shared_base.owner)
    opened = open_server_services(owner_url, clock=fixed_clock())
    try:
        opened.services.territories.create_empty("Vallée de la Bruche")
    finally:
        opened.close()
    anne, agent = shared_base.role("anne"), shared_base.role("agent")
    code, out, err = run(
        capsys, tmp_path, "access", "grant", anne, "--territory", "Vallée de la Bruche", "--level", "admin",
        "--database-url", owner_url,
    )  # fmt: skip
    assert (code, err) == (
        0,
        "",
    ) and out == f"Accès « Administration » accordé à « {anne} » sur « Vallée de la Bruche ».\n"
    # Anne administers her territory: she grants the Région's agent, from her own role.
    code, out, _err = run(
        capsys, tmp_path, "access", "grant", agent, "--territory", "Vallée de la Bruche", "--level", "region",
        "--database-url", shared_base.url(anne),
    )  # fmt: skip
    assert code == 0 and "sans les actions confidentielles" in out
    code, out, _err = run(capsys, tmp_path, "access", "list", "--json", "--database-url", shared_base.url(anne))
    rows = json.loads(out)
    assert {(row["role"], row["niveau"], row["accorde_par"]) for row in rows} == {
        (anne, "admin", shared_base.owner),
        (agent, "region", anne),
    }
    # The agent sees only its own right, and may not grant anything.
    code, out, _err = run(capsys, tmp_path, "access", "list", "--database-url", shared_base.url(agent))
    assert out == f"Vallée de la Bruche — {agent} : Région ; accordé par {anne}\n"
    code, _out, err = run(
        capsys, tmp_path, "access", "grant", agent, "--territory", "Vallée de la Bruche", "--level", "edition",
        "--database-url", shared_base.url(agent),
    )  # fmt: skip
    assert code == 1 and "Seuls un administrateur de « Vallée de la Bruche »" in err
    code, out, _err = run(
        capsys, tmp_path, "access", "revoke", agent, "--territory", "Vallée de la Bruche",
        "--database-url", shared_base.url(anne),
    )  # fmt: skip
    assert code == 0 and "retiré" in out
    code, out, _err = run(capsys, tmp_path, "access", "list", "--database-url", shared_base.url(agent))
    assert code == 0 and out.startswith("Aucun accès visible")
