"""One writer per file, on the command line: while a window or a write command of another process holds the base's
lock (`<base>.lock`, an operating-system lock; `<base>.lock.json` says who), `demo`, `import` and `restore` are
refused naming that user, machine and time, and write nothing; read commands (`check`, `report`, `export`,
`import --dry-run`, `backup`, `minutes`) still work. A holder killed with SIGKILL blocks nothing: the system released
its lock. A write command holds the lock itself while it runs, and lets it go at the end."""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

import pytest

from ti_desktop import cli
from ti_desktop.db.lock import WINDOW, DatabaseLock, DatabaseLockedError, command_application, info_path, lock_path
from ti_desktop.kernel.clock import Clock

from ..conftest import HERE, SINCE, HoldLock
from .conftest import Run

WHEN = f"depuis le {SINCE.astimezone():%d/%m/%Y à %H:%M}"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    """The folder's content, but the lock file (empty; it stays after release outside Windows)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.suffix != ".lock")


@pytest.fixture
def material(run: Run, demo_db: Path, tmp_path: Path) -> dict[str, Path]:
    """A plan file to import and a backup to restore, made before any lock is taken."""
    plan = tmp_path / "plan.csv"
    plan.write_text("Intitulé;Axe\nNouvelle action du COPIL;Innovation\n", encoding="utf-8")
    backup = tmp_path / "copie de sûreté.sqlite3"
    code, _out, err = run("backup", "--db", str(demo_db), "-o", str(backup))
    assert code == 0, err
    return {"plan": plan, "backup": backup}


def write_commands(base: Path, material: dict[str, Path]) -> dict[str, list[str]]:
    return {
        "demo": ["demo", "--db", str(base)],
        "import": ["import", str(material["plan"]), "--db", str(base)],
        "restore": ["restore", str(material["backup"]), "--db", str(base)],
    }


def read_commands(base: Path, material: dict[str, Path], out: Path) -> list[list[str]]:
    return [
        ["check", "--db", str(base)],
        ["check", "--json", "--db", str(base)],
        ["report", "--db", str(base), "-o", str(out / "rapport.pdf")],
        ["export", "--db", str(base), "-o", str(out / "plan.xlsx")],
        ["export", "--db", str(base), "-o", str(out / "plan.csv")],
        ["import", str(material["plan"]), "--dry-run", "--db", str(base)],
        ["backup", "--db", str(base), "-o", str(out / "sauvegarde.sqlite3")],
        ["minutes", "1", "--db", str(base), "-o", str(out / "compte-rendu.pdf")],
    ]


def assert_refused(run: Run, argv: list[str], base: Path) -> str:
    """Exit 1, one French line, and nothing written: the base byte-identical, not even a backup beside it."""
    before, files = sha256(base), listing(base.parent)
    code, out, err = run(*argv)
    assert code == 1 and out == "", (argv, out, err)
    assert err.startswith("ti-desktop : ") and err.count("\n") == 1, err
    assert f"« ti-desktop {argv[0]} »" in err, err
    assert "Les commandes de lecture (check, report, export) restent possibles." in err
    assert sha256(base) == before and listing(base.parent) == files
    return str(err)


def test_write_commands_are_refused_while_a_window_of_another_process_holds_the_base(
    run: Run, demo_db: Path, material: dict[str, Path], hold_lock: HoldLock
) -> None:
    hold_lock(demo_db, WINDOW, "claire.martin", HERE, SINCE)
    for argv in write_commands(demo_db, material).values():
        err = assert_refused(run, argv, demo_db)
        assert (
            f"« {demo_db} » est ouverte dans TI Desktop par claire.martin sur {HERE} {WHEN} : fermez la fenêtre " in err
        )
        assert f"avant « ti-desktop {argv[0]} »" in err


def test_read_commands_work_while_a_window_holds_the_base(
    run: Run, demo_db: Path, material: dict[str, Path], hold_lock: HoldLock, tmp_path: Path
) -> None:
    hold_lock(demo_db, WINDOW, "claire.martin", HERE, SINCE)
    out = tmp_path / "sorties"
    out.mkdir()
    before = sha256(demo_db)
    for argv in read_commands(demo_db, material, out):
        code, _out, err = run(*argv)
        assert code == 0, (argv, err)
    assert sorted(p.name for p in out.iterdir()) == [
        "compte-rendu.pdf",
        "plan.csv",
        "plan.xlsx",
        "rapport.pdf",
        "sauvegarde.sqlite3",
    ]
    assert sha256(demo_db) == before  # read commands wrote nothing into the base


def test_the_window_closing_lets_the_command_through(
    run: Run, demo_db: Path, material: dict[str, Path], hold_lock: HoldLock
) -> None:
    holder = hold_lock(demo_db, WINDOW, "claire.martin", HERE, SINCE)
    assert_refused(run, write_commands(demo_db, material)["import"], demo_db)
    holder.release()
    assert not info_path(demo_db).exists()  # the window removed its info file on closing
    code, out, err = run(*write_commands(demo_db, material)["import"])
    assert code == 0 and "1 action créée" in out, err


def test_a_killed_holder_blocks_nothing(
    run: Run, demo_db: Path, material: dict[str, Path], hold_lock: HoldLock
) -> None:
    """`kill -9` of the window: its info file stays behind, but the system released the lock at once."""
    holder = hold_lock(demo_db, WINDOW, "claire.martin", HERE, SINCE)
    holder.kill()
    assert info_path(demo_db).exists()  # left behind by the "crash": it proves nothing
    started = time.monotonic()
    code, out, err = run(*write_commands(demo_db, material)["import"])
    assert code == 0 and "1 action créée" in out, err
    assert time.monotonic() - started < 30  # no waiting for a timeout: the next open succeeds at once
    assert not info_path(demo_db).exists()  # the command's own info, removed when it finished
    code, out, err = run(*write_commands(demo_db, material)["restore"])
    assert code == 0 and "restaurée" in out, err


def test_a_lock_file_of_an_earlier_version_blocks_nothing(
    run: Run, tmp_path: Path, demo_db: Path, material: dict[str, Path]
) -> None:
    """TI Desktop 0.1 left a QLockFile (pid, program, machine) when it crashed: it is no lock any more."""
    lock_path(demo_db).write_text("4242\nti-desktop\nposte-de-la-region\n", encoding="utf-8")
    code, out, err = run(*write_commands(demo_db, material)["import"])
    assert code == 0 and "1 action créée" in out, err
    fresh = tmp_path / "nouvelle.sqlite3"
    lock_path(fresh).write_text("4242\npython3.11\nposte\n", encoding="utf-8")
    code, out, err = run("demo", "--db", str(fresh))
    assert code == 0 and "Territoire de démonstration" in out, err


def test_a_base_on_a_share_held_from_another_machine_is_refused_naming_it(
    run: Run, demo_db: Path, material: dict[str, Path], hold_lock: HoldLock
) -> None:
    """The base sits on a network share and a window on the town hall's computer holds it: the share carries the
    lock (SMB does), and the message names that machine."""
    hold_lock(demo_db, WINDOW, "marc.durand", "POSTE-MAIRIE", SINCE)
    for argv in write_commands(demo_db, material).values():
        err = assert_refused(run, argv, demo_db)
        assert f"est ouverte dans TI Desktop par marc.durand sur POSTE-MAIRIE {WHEN}" in err, err


def test_another_machine_named_while_the_lock_is_free_is_not_settled_silently(
    run: Run, demo_db: Path, material: dict[str, Path], hold_lock: HoldLock
) -> None:
    """The info file names POSTE-MAIRIE but nobody holds the lock: that computer stopped without closing the base,
    or the share does not carry locks (a synchronised folder) and the base may be open there. The command refuses
    and says how to go on; once the info file is gone (or the window took the base over), it goes through."""
    hold_lock(demo_db, WINDOW, "marc.durand", "POSTE-MAIRIE", SINCE).kill()
    err = assert_refused(run, write_commands(demo_db, material)["import"], demo_db)
    assert f"« {demo_db} » semble ouverte dans TI Desktop par marc.durand sur POSTE-MAIRIE {WHEN}" in err
    assert "mais son verrou est libre" in err and "fermez-la d'abord là-bas" in err
    assert f"supprimez « {info_path(demo_db)} », puis relancez « ti-desktop import »" in err
    info_path(demo_db).unlink()
    code, out, err = run(*write_commands(demo_db, material)["import"])
    assert code == 0 and "1 action créée" in out, err


def test_a_write_command_holds_the_lock_while_it_runs_then_lets_it_go(
    run: Run, demo_db: Path, material: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window opened during `ti-desktop import` is refused, naming the command; after it, the base opens."""
    seen_by_a_window: list[str] = []
    run_command = cli.run_command

    def while_importing(database: Path, args: argparse.Namespace, clock: Clock) -> int:
        try:
            DatabaseLock(database, WINDOW).acquire(SINCE)
        except DatabaseLockedError as error:
            seen_by_a_window.append(error.message)
        return run_command(database, args, clock)

    monkeypatch.setattr(cli, "run_command", while_importing)
    code, out, err = run(*write_commands(demo_db, material)["import"])
    assert code == 0 and "1 action créée" in out, err
    assert len(seen_by_a_window) == 1, "the window was let in during the import"
    assert seen_by_a_window[0].startswith(
        f"Cette base est en cours de modification par la commande « {command_application('import')} » "
    )
    assert not info_path(demo_db).exists()
    window = DatabaseLock(demo_db, WINDOW)
    window.acquire(SINCE)  # released at the end of the command
    window.release()


def test_another_write_command_is_refused_while_one_runs(
    run: Run, demo_db: Path, material: dict[str, Path], hold_lock: HoldLock
) -> None:
    hold_lock(demo_db, command_application("import"), "claire.martin", HERE, SINCE)
    err = assert_refused(run, write_commands(demo_db, material)["restore"], demo_db)
    assert f"est en cours de modification par « ti-desktop import » (claire.martin sur {HERE} {WHEN})" in err
    assert "attendez sa fin avant « ti-desktop restore »" in err


def test_read_commands_take_no_lock(run: Run, demo_db: Path, material: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "sorties"
    out.mkdir()
    for argv in read_commands(demo_db, material, out):
        assert run(*argv)[0] == 0, argv
    assert not lock_path(demo_db).exists() and not info_path(demo_db).exists()
