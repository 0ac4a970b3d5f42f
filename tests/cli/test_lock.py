"""One writer per file: while the window holds `<base>.lock` (a QLockFile), the command line refuses to write
(`demo`, `import`, `restore`) naming the process, and still reads (`check`, `report`, `export`,
`import --dry-run`, `backup`, `minutes`). A lock left by a crashed window blocks nothing."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QSysInfo

from .conftest import Run

HOLD_LOCK = (
    "import sys; from PySide6.QtCore import QLockFile; "
    "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0); assert lock.tryLock(1000); "
    "print('verrouillé', flush=True); sys.stdin.readline(); lock.unlock()"
)
CRASH_WITH_LOCK = (
    "import os, sys; from PySide6.QtCore import QLockFile; "
    "lock = QLockFile(sys.argv[1]); assert lock.tryLock(1000); os._exit(9)"
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lock_file(base: Path) -> Path:
    return Path(f"{base}.lock")


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.name.endswith(".lock"))


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


@pytest.fixture
def window_lock(demo_db: Path) -> Iterator[QLockFile]:
    """The lock the window takes (app.DatabaseLock), held by this process."""
    lock = QLockFile(str(lock_file(demo_db)))
    lock.setStaleLockTime(0)
    assert lock.tryLock(1000)
    yield lock
    lock.unlock()


def assert_refused(run: Run, argv: list[str], base: Path, pid: int) -> str:
    before, files = sha256(base), listing(base.parent)
    code, out, err = run(*argv)
    assert code == 1 and out == "", (argv, out, err)
    assert err.startswith("ti-desktop : ") and err.count("\n") == 1, err
    assert f"« {base} » est ouverte dans TI Desktop (processus {pid}" in err, err
    assert f"fermez la fenêtre avant « ti-desktop {argv[0]} »" in err, err
    assert "check, report, export" in err  # what stays possible
    assert sha256(base) == before and listing(base.parent) == files  # not even a backup before import/restore
    return str(err)


def test_write_commands_are_refused_while_the_window_holds_the_base(
    run: Run, demo_db: Path, material: dict[str, Path], window_lock: QLockFile
) -> None:
    for argv in write_commands(demo_db, material).values():
        err = assert_refused(run, argv, demo_db, os.getpid())
        assert f"sur « {socket.gethostname()} »" in err


def test_read_commands_work_while_the_window_holds_the_base(
    run: Run, demo_db: Path, material: dict[str, Path], window_lock: QLockFile, tmp_path: Path
) -> None:
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


def test_a_lock_held_by_another_running_window_is_respected_until_released(
    run: Run, demo_db: Path, material: dict[str, Path]
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock_file(demo_db))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "verrouillé"
        assert_refused(run, write_commands(demo_db, material)["import"], demo_db, holder.pid)
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    code, out, err = run(*write_commands(demo_db, material)["import"])  # the window was closed: it goes through
    assert code == 0 and "1 action créée" in out, err


def test_the_stale_lock_of_a_crashed_window_blocks_nothing(
    run: Run, demo_db: Path, material: dict[str, Path], tmp_path: Path
) -> None:
    subprocess.run([sys.executable, "-c", CRASH_WITH_LOCK, str(lock_file(demo_db))], check=False)
    assert lock_file(demo_db).exists()  # left behind by the crash
    commands = write_commands(demo_db, material)
    code, out, err = run(*commands["import"])
    assert code == 0 and "1 action créée" in out, err
    code, out, err = run(*commands["restore"])
    assert code == 0 and "restaurée" in out, err
    fresh = tmp_path / "nouvelle.sqlite3"  # demo needs a base without the demo territory
    subprocess.run([sys.executable, "-c", CRASH_WITH_LOCK, str(lock_file(fresh))], check=False)
    code, out, err = run("demo", "--db", str(fresh))
    assert code == 0 and "Territoire de démonstration" in out, err
    # The window can take the lock over too.
    lock = QLockFile(str(lock_file(demo_db)))
    lock.setStaleLockTime(0)
    assert lock.tryLock(1000)
    lock.unlock()


def test_a_lock_taken_on_another_machine_is_respected(run: Run, demo_db: Path, material: dict[str, Path]) -> None:
    """The base sits in a shared folder and a window on another computer holds it: its process cannot be
    checked from here, so the command line does not write."""
    lock_file(demo_db).write_text("4242\nti-desktop\nposte-de-la-region\n", encoding="utf-8")
    for argv in write_commands(demo_db, material).values():
        err = assert_refused(run, argv, demo_db, 4242)
        assert "sur « poste-de-la-region »" in err


# --- a lock Qt itself considers stale -----------------------------------------------------------------------


def qt_lock_content(pid: int, application: str, boot_id: str | None = None) -> str:
    """What QLockFile writes: pid, process name, host name, machine id, boot id."""
    machine = bytes(QSysInfo.machineUniqueId().data()).decode()
    boot = boot_id if boot_id is not None else bytes(QSysInfo.bootUniqueId().data()).decode()
    return f"{pid}\n{application}\n{socket.gethostname()}\n{machine}\n{boot}\n"


def qt_takes_it_over(content: str, folder: Path) -> bool:
    probe = folder / "sonde.sqlite3.lock"
    probe.write_text(content, encoding="utf-8")
    lock = QLockFile(str(probe))
    lock.setStaleLockTime(0)
    taken = lock.tryLock(200)
    lock.unlock()
    return taken


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process names and boot ids as Qt reads them on Linux")
@pytest.mark.parametrize("situation", ["pid-repris-par-un-autre-programme", "ecrit-avant-le-redemarrage"])
def test_a_lock_qt_considers_stale_blocks_nothing(
    run: Run, demo_db: Path, material: dict[str, Path], tmp_path: Path, situation: str
) -> None:
    if situation == "pid-repris-par-un-autre-programme":
        other = subprocess.Popen(["sleep", "60"])
        content = qt_lock_content(other.pid, Path(sys.executable).resolve().name)
    else:
        other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        content = qt_lock_content(
            other.pid, Path(sys.executable).resolve().name, "00000000-0000-0000-0000-000000000000"
        )
    try:
        assert qt_takes_it_over(content, tmp_path)  # the next window would open the base
        lock_file(demo_db).write_text(content, encoding="utf-8")
        code, out, err = run(*write_commands(demo_db, material)["import"])
        assert code == 0 and "1 action créée" in out, err
    finally:
        other.kill()
        other.wait()
