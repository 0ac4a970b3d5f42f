"""The command-line contract (docs/ARCHITECTURE.md): exit codes, French messages, never a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ti_desktop import __version__
from ti_desktop.db.migrate import head_revision
from ti_desktop.paths import UserDirs

from .conftest import Run

COUNT_KEYS = {
    "territories",
    "actions",
    "funding_lines",
    "milestones",
    "indicators",
    "indicator_values",
    "progress_updates",
    "actors",
    "meetings",
    "decisions",
}


def test_version(run: Run) -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"TI Desktop {__version__}"


def test_without_subcommand_the_window_opens_on_the_chosen_database(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr("ti_desktop.app.run_gui", lambda database, _dirs, _clock: opened.append(database) or 0)
    code, _, _ = run("--db", str(tmp_path / "plan.sqlite3"))
    assert code == 0 and opened == [tmp_path / "plan.sqlite3"]


def test_demo_then_check_json(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "plan.sqlite3"
    code, out, err = run("demo", "--db", str(db))
    assert code == 0, err
    assert "Territoire de démonstration" in out
    code, out, _ = run("check", "--db", str(db), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["schema_revision"] == head_revision()
    assert report["integrity"] == "ok"
    assert set(report["counts"]) == COUNT_KEYS
    counts = report["counts"]
    assert counts["territories"] == 1
    assert counts["actions"] >= 32 and counts["funding_lines"] >= 25 and counts["milestones"] >= 25
    assert counts["indicators"] >= 10 and counts["progress_updates"] >= 20 and counts["actors"] >= 15
    assert counts["meetings"] == 2 and counts["decisions"] >= 5


def test_check_human_readable(run: Run, demo_db: Path) -> None:
    code, out, _ = run("check", "--db", str(demo_db))
    assert code == 0
    assert "Intégrité : ok" in out and f"Révision du schéma : {head_revision()} (à jour)" in out
    assert "Actions : " in out


def test_demo_twice_is_refused_and_changes_nothing(run: Run, demo_db: Path) -> None:
    before = run("check", "--db", str(demo_db), "--json")[1]
    code, _out, err = run("demo", "--db", str(demo_db))
    assert code == 1
    assert "existe déjà" in err and "Traceback" not in err
    assert run("check", "--db", str(demo_db), "--json")[1] == before


def test_backup_and_restore(run: Run, demo_db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "copie de sûreté #1.sqlite3"
    code, out, err = run("backup", "--db", str(demo_db), "-o", str(backup))
    assert code == 0, err
    assert "Sauvegarde vérifiée" in out and backup.is_file()
    with sqlite3.connect(demo_db) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM territories")
    assert json.loads(run("check", "--db", str(demo_db), "--json")[1])["counts"]["actions"] == 0
    code, out, err = run("restore", str(backup), "--db", str(demo_db))
    assert code == 0, err
    assert "restaurée" in out and "sauvegardée dans" in out
    counts = json.loads(run("check", "--db", str(demo_db), "--json")[1])["counts"]
    assert counts["actions"] >= 32
    safety_copies = list((demo_db.parent / "sauvegardes").glob("*avant-restauration*.sqlite3"))
    assert len(safety_copies) == 1


def test_backup_without_output_goes_to_the_backups_folder(run: Run, demo_db: Path) -> None:
    code, _out, _ = run("backup", "--db", str(demo_db))
    assert code == 0
    assert len(list((demo_db.parent / "sauvegardes").glob("plan-sauvegarde-*.sqlite3"))) == 1


def test_restore_of_a_missing_file(run: Run, demo_db: Path, tmp_path: Path) -> None:
    before = demo_db.read_bytes()
    code, _, err = run("restore", str(tmp_path / "absente.sqlite3"), "--db", str(demo_db))
    assert code == 1
    assert "introuvable" in err and "absente.sqlite3" in err
    assert demo_db.read_bytes() == before


def test_restore_of_a_corrupt_backup_changes_nothing(run: Run, demo_db: Path, tmp_path: Path) -> None:
    corrupt = tmp_path / "corrompue.sqlite3"
    corrupt.write_bytes(demo_db.read_bytes()[:8192])
    before = demo_db.read_bytes()
    code, _, err = run("restore", str(corrupt), "--db", str(demo_db))
    assert code == 1
    assert "corrompue.sqlite3" in err and ("endommagée" in err or "valide" in err)
    assert demo_db.read_bytes() == before
    assert not (demo_db.parent / "sauvegardes").exists()


def test_restore_of_a_pdf_changes_nothing(run: Run, demo_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "rapport.sqlite3"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    before = demo_db.read_bytes()
    code, _, err = run("restore", str(pdf), "--db", str(demo_db))
    assert code == 1 and "PDF" in err
    assert demo_db.read_bytes() == before


@pytest.mark.parametrize("command", ["demo", "check", "backup"])
def test_refused_files_keep_every_byte(run: Run, tmp_path: Path, command: str) -> None:
    pdf = tmp_path / "rapport.sqlite3"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    foreign = tmp_path / "places.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        connection.execute("INSERT INTO moz_places (url) VALUES ('https://exemple.fr')")
    connection.close()
    for path, words in ((pdf, "PDF"), (foreign, "autre application")):
        before = path.read_bytes()
        code, _, err = run(command, "--db", str(path))
        assert code == 1, (command, path)
        assert words in err and "n'a pas été modifié" in err.replace("n'a pas été modifiée", "n'a pas été modifié")
        assert path.read_bytes() == before
        assert not Path(f"{path}-wal").exists()


def test_a_database_from_a_newer_version_is_refused(run: Run, demo_db: Path) -> None:
    with sqlite3.connect(demo_db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    connection.close()
    before = demo_db.read_bytes()
    for command in ("demo", "check", "backup"):
        code, _, err = run(command, "--db", str(demo_db))
        if command == "backup":
            # A backup only copies bytes: allowed, it cannot harm the file.
            assert code == 0, err
            continue
        assert code == 1
        assert "0099_future" in err and "version plus récente" in err
    assert demo_db.read_bytes() == before


def test_invalid_db_locations(run: Run, tmp_path: Path) -> None:
    code, _, err = run("demo", "--db", str(tmp_path / "manquant" / "plan.sqlite3"))
    assert code == 1 and "Le dossier" in err and "n'existe pas" in err
    code, _, err = run("demo", "--db", str(tmp_path))
    assert code == 1 and "est un dossier" in err
    code, _, err = run("check", "--db", str(tmp_path / "absente.sqlite3"))
    assert code == 1 and "n'existe pas" in err
    assert not (tmp_path / "absente.sqlite3").exists()


def test_environment_variable_and_default_location(
    run: Run, tmp_path: Path, user_dirs: UserDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run("demo")
    assert code == 0
    assert user_dirs.default_database.is_file()
    chosen = tmp_path / "choisie.sqlite3"
    monkeypatch.setenv("TI_DESKTOP_DB", str(chosen))
    code, out, _ = run("demo")
    assert code == 0 and str(chosen) in out


def test_a_bug_prints_one_line_and_logs_the_traceback(
    run: Run, user_dirs: UserDirs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*_args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr("ti_desktop.cli.run_check", broken)
    code, _, err = run("check", "--db", str(tmp_path / "x.sqlite3"))
    assert code == 70
    assert err.count("\n") == 1 and "erreur inattendue" in err and "Traceback" not in err
    log = (user_dirs.log_dir / "ti-desktop-erreurs.log").read_text(encoding="utf-8")
    assert "RuntimeError: boom" in log


def test_installed_entry_point_runs_in_a_subprocess(tmp_path: Path) -> None:
    """The real process: exit codes and stderr as a script sees them, with the default data folder."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path)}
    env.pop("TI_DESKTOP_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "ti_desktop", "check", "--json"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 1
    assert "n'existe pas" in result.stderr and "Traceback" not in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "ti_desktop", "demo"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "xdg" / "ti-desktop" / "ti-desktop.sqlite3").is_file()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["rapport-annuel"], "commande inconnue : 'rapport-annuel'"),
        (["restore"], "arguments obligatoires manquants : FICHIER"),
        (["check", "--db"], "l'option --db attend une valeur"),
        (["check", "--verbeux"], "arguments inconnus : --verbeux"),
    ],
)
def test_usage_errors_are_one_french_line(run: Run, argv: list[str], words: str) -> None:
    code, _out, err = run(*argv)
    assert code == 2
    assert err.count("\n") == 1 and words in err and err.startswith("ti-desktop : ")


def test_help_is_in_french(run: Run) -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert out.startswith("utilisation : ti-desktop") and "afficher cette aide" in out


@pytest.mark.parametrize("where", ["before", "after"])
def test_db_option_before_or_after_the_subcommand(run: Run, tmp_path: Path, user_dirs: UserDirs, where: str) -> None:
    """`ti-desktop --db X demo` once wrote into the default database: the subcommand reset --db to None."""
    database = tmp_path / "ici.sqlite3"
    argv = ["--db", str(database), "demo"] if where == "before" else ["demo", "--db", str(database)]
    code, out, _ = run(*argv)
    assert code == 0 and str(database) in out
    assert database.exists() and not user_dirs.default_database.exists()
    code, out, _ = run("--db", str(database), "check")
    assert code == 0 and f"Base : {database}" in out


def test_init_creates_an_empty_territory_to_import_into(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "plan.sqlite3"
    code, _, err = run("report", "--db", str(db), "-o", str(tmp_path / "r.pdf"))
    assert code != 0 and "ti-desktop init --name" in err  # an empty base says how to start
    code, out, err = run("init", "--db", str(db), "--name", "Territoire d'industrie Vallée de l'Arve")
    assert code == 0, err
    assert "« Territoire d'industrie Vallée de l'Arve » créé" in out and "ti-desktop import FICHIER" in out
    code, out, _ = run("check", "--db", str(db), "--json")
    counts = json.loads(out)["counts"]
    assert counts["territories"] == 1 and counts["actions"] == 0
    code, out, err = run("report", "--db", str(db), "-o", str(tmp_path / "r.pdf"))
    assert code == 0, err  # a report of the empty plan: the four priorities, nothing planned yet


def test_init_refuses_a_name_already_taken_and_an_empty_name(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "plan.sqlite3"
    assert run("init", "--db", str(db), "--name", "Sarre-Vosges")[0] == 0
    code, _, err = run("init", "--db", str(db), "--name", "sarre-vosges")
    code2, _, err2 = run("init", "--db", str(db), "--name", "   ")
    _, check, _ = run("check", "--db", str(db), "--json")
    assert json.loads(check)["counts"]["territories"] == 1  # nothing written by either refusal
    assert code != 0 and "la base contient déjà le territoire « Sarre-Vosges »" in err and "Traceback" not in err
    assert code2 != 0 and "Nom du territoire : ce champ est obligatoire" in err2
    assert code2 != 0 and "Traceback" not in err2 and err2.strip(), err2


def _plan_csv(path: Path, *, bad_date: bool = False) -> Path:
    if bad_date:
        text = "Axe;Intitulé;Budget;Date de fin\nInnovation;Plateforme d'essais;1 250 000 €;31/02/2026\n"
    else:
        text = (
            "Axe;Intitulé;Budget\n"
            "Innovation;Plateforme d'essais;1 250 000 €\n"
            "Foncier;Requalification de la friche;300 000\n"
            "Compétences;Campus des métiers;80 000\n"
        )
    path.write_text(text, encoding="utf-8")
    return path


def test_import_new_territory_creates_it_with_its_plan(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "plan.sqlite3"
    source = _plan_csv(tmp_path / "plan.csv")
    code, out, err = run("import", str(source), "--db", str(db), "--new-territory", "Pays de Montbéliard")
    assert code == 0, err
    assert "« Pays de Montbéliard » (nouveau territoire)" in out and "3 actions créées" in out
    _, check, _ = run("check", "--db", str(db), "--json")
    counts = json.loads(check)["counts"]
    assert counts["territories"] == 1 and counts["actions"] == 3
    # The territory now exists: a second --new-territory of the same name is refused, nothing written.
    code, _, err = run("import", str(source), "--db", str(db), "--new-territory", "pays de montbéliard")
    assert code != 0 and "la base contient déjà le territoire « Pays de Montbéliard »" in err
    _, check, _ = run("check", "--db", str(db), "--json")
    assert json.loads(check)["counts"]["actions"] == 3


def test_import_new_territory_refused_file_leaves_no_territory(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "plan.sqlite3"
    assert run("init", "--db", str(db), "--name", "Sarre-Vosges")[0] == 0
    source = _plan_csv(tmp_path / "plan.csv", bad_date=True)
    code, out, err = run("import", str(source), "--db", str(db), "--new-territory", "Nord Isère")
    assert code != 0 and "rien n'a été écrit" in err and "ligne 2" in out
    code, out, err = run("import", str(source), "--db", str(db), "--new-territory", "Nord Isère", "--dry-run")
    assert code != 0
    _, check, _ = run("check", "--db", str(db), "--json")
    counts = json.loads(check)["counts"]
    assert counts["territories"] == 1 and counts["actions"] == 0  # only Sarre-Vosges, as before


def test_import_takes_a_territory_or_a_new_one_not_both(run: Run, tmp_path: Path) -> None:
    source = _plan_csv(tmp_path / "plan.csv")
    code, _, err = run("import", str(source), "--territory", "A", "--new-territory", "B")
    assert code == 2 and "les options --territory et --new-territory s'excluent" in err and "Traceback" not in err
