"""`ti-desktop minutes`: writes the minutes PDF; an unknown meeting is one French line (exit 1), a bad
number a French usage error (exit 2)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from ti_desktop.services.maintenance import open_services

from ..clock import fixed_clock
from .conftest import Run


def meeting_ids(database: Path) -> list[int]:
    handle = open_services(database, clock=fixed_clock())
    try:
        return [meeting.id for meeting in handle.services.meetings.list()]
    finally:
        handle.close()


def test_minutes_writes_the_pdf(run: Run, demo_db: Path, tmp_path: Path) -> None:
    first, second = meeting_ids(demo_db)
    output = tmp_path / "compte-rendu.pdf"
    code, out, err = run("minutes", str(second), "--db", str(demo_db), "-o", str(output))
    assert (code, err) == (0, "")
    assert out == (
        f"Compte rendu de la réunion du 25/06/2026 écrit dans « {output} ».\n"
        "Ses décisions y sont jointes en données lisibles par un programme (compte-rendu.json).\n"
    )
    assert list(PdfReader(output).attachments) == ["compte-rendu.json"]
    reader = PdfReader(output)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Relevé de décisions et compte rendu — Comité de pilotage du 25/06/2026" in text
    assert "Projet de compte rendu" in text
    assert f"Page {len(reader.pages)} / {len(reader.pages)}" in text
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")] == []
    # --db before the subcommand works too.
    code, out, _err = run("--db", str(demo_db), "minutes", str(first), "-o", str(tmp_path / "cr1.pdf"))
    assert code == 0 and "20/03/2025" in out


def test_unknown_meeting_is_one_french_line(run: Run, demo_db: Path, tmp_path: Path) -> None:
    output = tmp_path / "cr.pdf"
    code, out, err = run("minutes", "999", "--db", str(demo_db), "-o", str(output))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "La réunion n° 999 n'existe pas" in err
    assert "Comité de pilotage du 25/06/2026" in err  # the meetings the base does hold
    assert not output.exists()


def test_bad_meeting_number_is_a_usage_error(run: Run, demo_db: Path, tmp_path: Path) -> None:
    output = tmp_path / "cr.pdf"
    for bad in ("abc", "0", "2.5"):
        code, out, err = run("minutes", bad, "--db", str(demo_db), "-o", str(output))
        assert code == 2 and out == "", bad
        assert f"« {bad} » n'est pas un numéro de réunion" in err and "minutes --help" in err
    code, _out, err = run("minutes", "--db", str(demo_db), "-o", str(output))
    assert code == 2 and "arguments obligatoires manquants" in err
    assert not output.exists()


def test_missing_folder_or_database(run: Run, demo_db: Path, tmp_path: Path) -> None:
    code, _out, err = run("minutes", "1", "--db", str(demo_db), "-o", str(tmp_path / "absent" / "cr.pdf"))
    assert code == 1 and err.count("\n") == 1 and "n'existe pas" in err and "cr.pdf" in err
    code, _out, err = run("minutes", "1", "--db", str(tmp_path / "absente.sqlite3"), "-o", str(tmp_path / "cr.pdf"))
    assert code == 1 and err.count("\n") == 1 and "n'existe pas" in err


def test_help_is_french(run: Run) -> None:
    code, out, _err = run("minutes", "--help")
    assert code == 0 and "utilisation : ti-desktop minutes" in out and "le fichier PDF à écrire" in out
