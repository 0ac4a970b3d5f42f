"""The same application on a PostgreSQL server: migrations, services and every subcommand."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from ti_desktop.cli import main
from ti_desktop.paths import UserDirs
from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.exporting import ExportFormat
from ti_desktop.services.maintenance import open_server_services

from ..clock import TODAY, fixed_clock


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv), user_dirs=UserDirs(data_dir=tmp_path / "donnees", log_dir=tmp_path / "journaux"))
    out, err = capsys.readouterr()
    return code, out, err


def test_migrations_and_services_run_on_the_server(server_url: str, tmp_path: Path) -> None:
    opened = open_server_services(server_url, clock=fixed_clock())
    try:
        assert opened.database.path is None and opened.services.backups is None
        territory = create_demo_territory(opened.services)
        summary = opened.services.summary.plan_summary(territory.id, TODAY)
        assert summary.status_counts.total == 44
        written = opened.services.exports.export(territory.id, ExportFormat.XLSX, tmp_path / "plan.xlsx")
        assert written.actions == 42
        book = openpyxl.load_workbook(written.path, read_only=True)
        assert sum(1 for _ in book["Actions"].iter_rows()) == 43
    finally:
        opened.close()
    # Opening again finds the schema up to date and the data there.
    again = open_server_services(server_url, clock=fixed_clock())
    try:
        assert len(again.services.actions.list()) == 44
    finally:
        again.close()


def test_every_subcommand_on_the_server(server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(tmp_path, capsys, "--database-url", server_url, "demo")
    assert code == 0 and "44 actions" in out, err
    code, out, err = run(tmp_path, capsys, "check", "--database-url", server_url)
    assert code == 0 and "Actions : 44" in out and "contrôlée par le serveur" in out, err
    report = tmp_path / "rapport.pdf"
    code, out, err = run(tmp_path, capsys, "report", "--database-url", server_url, "-o", str(report))
    assert code == 0, err
    assert "Sarre-Vosges" in (PdfReader(report).pages[0].extract_text() or "")
    code, _out, err = run(
        tmp_path, capsys, "minutes", "2", "--database-url", server_url, "-o", str(tmp_path / "cr.pdf")
    )
    assert code == 0, err
    export = tmp_path / "plan.xlsx"
    code, _out, err = run(tmp_path, capsys, "export", "--database-url", server_url, "-o", str(export))
    assert code == 0, err
    code, out, err = run(tmp_path, capsys, "import", str(export), "--database-url", server_url)
    assert code == 0 and "0 action créée" in out, err  # the same plan: matched by code, nothing duplicated
    code, _out, err = run(tmp_path, capsys, "backup", "--database-url", server_url)
    assert code == 1 and "relèvent du serveur" in err


def test_server_errors_are_french_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(tmp_path, capsys, "--database-url", "mysql://serveur/base", "check")
    assert code == 1 and "seul PostgreSQL" in err
    code, _out, err = run(tmp_path, capsys, "--database-url", "postgresql+psycopg://personne@127.0.0.1:1/x", "check")
    assert code == 1 and "Impossible de joindre la base" in err and "Traceback" not in err
    code, _out, err = run(
        tmp_path, capsys, "--db", str(tmp_path / "a.sqlite3"), "--database-url", "postgresql://x/y", "check"
    )
    assert code == 1 and "pas les deux" in err
