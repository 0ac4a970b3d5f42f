"""`ti-desktop report`: writes the PDF; bad dates and unknown territories are one French line, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from ti_desktop.cli import main
from ti_desktop.kernel.clock import FIXED_NOW_ENV_VAR
from ti_desktop.paths import UserDirs
from ti_desktop.services.maintenance import open_services

from ..clock import fixed_clock
from .conftest import Run


def normalise(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def test_report_writes_the_pdf(run: Run, demo_db: Path, tmp_path: Path) -> None:
    output = tmp_path / "rapport.pdf"
    code, out, err = run(
        "report", "--db", str(demo_db), "--from", "01/01/2026", "--to", "2026-11-30", "--annex", "-o", str(output)
    )
    assert (code, err) == (0, "")
    assert "du 01/01/2026 au 30/11/2026" in out and str(output) in out
    reader = PdfReader(output)
    assert len(reader.pages) > 40  # the annex: one page per fiche-action
    assert "Page 1 /" in reader.pages[0].extract_text()
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")] == []


def test_bad_date_names_the_option(run: Run, demo_db: Path, tmp_path: Path) -> None:
    output = tmp_path / "rapport.pdf"
    code, out, err = run("report", "--db", str(demo_db), "--from", "31/02/2026", "-o", str(output))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "--from" in err and "31/02/2026" in err
    assert not output.exists()
    code, _out, err = run(
        "report", "--db", str(demo_db), "--from", "01/07/2026", "--to", "01/01/2026", "-o", str(output)
    )
    assert code == 1 and err.count("\n") == 1 and "antérieur" in err


def test_unknown_or_ambiguous_territory(run: Run, demo_db: Path, tmp_path: Path) -> None:
    output = tmp_path / "rapport.pdf"
    code, _out, err = run("report", "--db", str(demo_db), "--territory", "Atlantide", "-o", str(output))
    assert code == 1 and err.count("\n") == 1 and "Atlantide" in err
    handle = open_services(demo_db, clock=fixed_clock())
    handle.services.territories.create(name="Second territoire")
    handle.close()
    code, _out, err = run("report", "--db", str(demo_db), "-o", str(output))
    assert code == 1 and err.count("\n") == 1 and "--territory" in err
    code, _out, err = run("report", "--db", str(demo_db), "--territory", "Second territoire", "-o", str(output))
    assert code == 0, err
    assert output.exists()


def test_missing_database(run: Run, tmp_path: Path) -> None:
    code, _out, err = run("report", "--db", str(tmp_path / "absente.sqlite3"), "-o", str(tmp_path / "r.pdf"))
    assert code == 1 and err.count("\n") == 1 and "n'existe pas" in err


def test_the_default_period_runs_from_new_year_to_the_clock_s_today(
    user_dirs: UserDirs,
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The composition root's clock, here fixed by $TI_DESKTOP_NOW: a report made just after midnight on New
    Year's Day covers the new year's first day, whatever the machine's date."""
    output = tmp_path / "rapport.pdf"
    monkeypatch.setenv(FIXED_NOW_ENV_VAR, "2028-01-01T00:05:00")
    assert main(["report", "--db", str(demo_db), "-o", str(output)], user_dirs=user_dirs) == 0
    out = capsys.readouterr().out
    assert "du 01/01/2028 au 01/01/2028" in out
    assert "Date du rapport 01/01/2028" in normalise(PdfReader(output).pages[0].extract_text())
    monkeypatch.setenv(FIXED_NOW_ENV_VAR, "2027-12-31T23:55:00")
    assert main(["report", "--db", str(demo_db), "-o", str(output)], user_dirs=user_dirs) == 0
    assert "du 01/01/2027 au 31/12/2027" in capsys.readouterr().out


def test_a_bad_fixed_moment_is_one_french_line(
    user_dirs: UserDirs,
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(FIXED_NOW_ENV_VAR, "lundi prochain")
    assert main(["report", "--db", str(demo_db), "-o", str(tmp_path / "r.pdf")], user_dirs=user_dirs) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "$TI_DESKTOP_NOW" in err and "lundi prochain" in err
    assert not (tmp_path / "r.pdf").exists()
