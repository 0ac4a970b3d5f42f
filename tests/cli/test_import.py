from __future__ import annotations

import sqlite3
from pathlib import Path

from ..exchange.conftest import COLUMN_ORDER_MESSAGE, tet_file
from .conftest import Run


def action_count(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("select count(*) from actions").fetchone()[0])


def make_db(run: Run, tmp_path: Path) -> Path:
    from ti_desktop.services.maintenance import open_services

    db = tmp_path / "plan.sqlite3"
    opened = open_services(db)
    opened.services.territories.create(name="Vallée")
    opened.close()
    return db


def test_import_then_reimport(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    path = str(tet_file("plan_with_sous_actions_valid.xlsx"))
    code, out, err = run("import", path, "--db", str(db), "--dry-run")
    assert code == 0, err
    assert "Simulation" in out and "7 actions créées" in out and action_count(db) == 0
    code, out, err = run("import", path, "--db", str(db), "--territory", "Vallée")
    assert code == 0, err
    assert "7 actions créées (dont 3 sous-actions)" in out and action_count(db) == 7
    code, out, _ = run("import", path, "--db", str(db))
    assert code == 0 and "0 action créée" in out and "7 inchangées" in out and action_count(db) == 7


def test_column_order_refused(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    code, out, err = run("import", str(tet_file("plan_column_order_issue.xlsx")), "--db", str(db))
    assert code == 1
    assert f"Feuille Fichier dimport, ligne 2 : {COLUMN_ORDER_MESSAGE}" in out
    assert "rien n'a été écrit" in err and action_count(db) == 0


def test_unreadable_amount_reported(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    code, out, _err = run("import", str(tet_file("plan_budget_issue.xlsx")), "--db", str(db))
    assert code == 1
    assert "Feuille Plan daction, ligne 4, colonne X (Budget prévisionnel total € HT) : « Entre 200 et 500 »" in out
    assert action_count(db) == 0


def test_not_a_spreadsheet(run: Run, tmp_path: Path) -> None:
    db = make_db(run, tmp_path)
    bad = tmp_path / "plan.xlsx"
    bad.write_text("bonjour", encoding="utf-8")
    code, _, err = run("import", str(bad), "--db", str(db))
    assert code == 1 and "n'est pas un classeur" in err and "Traceback" not in err
