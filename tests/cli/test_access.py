"""`ti-desktop access` on a file base: a French refusal (rights belong to shared bases); usage errors."""

from __future__ import annotations

from pathlib import Path

from .conftest import Run


def test_access_on_a_file_base_says_it_concerns_shared_bases(run: Run, tmp_path: Path) -> None:
    base = tmp_path / "territoire.sqlite3"
    code, out, err = run("access", "list", "--db", str(base))
    assert code == 1 and out == ""
    assert "concernent une base partagée (--database-url)" in err
    assert not base.exists()  # nothing created for a refused command


def test_a_grant_without_its_level_is_a_usage_error(run: Run) -> None:
    code, _out, err = run("access", "grant", "marie", "--territory", "Vallée")
    assert code == 2 and "--level" in err
