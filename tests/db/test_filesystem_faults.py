"""File-system faults: a read-only data folder (as a user without rights), a full disk, and folder names
with accents, spaces, '#', '%' and apostrophes. Each ends in a clear French message or works; the data
written before is intact.

Read-only as root means nothing (root writes anyway). When the tests run as root (CI), the scenario runs
in a forked child that drops to the user `nobody` with setuid — forked, not executed: the interpreter of
the test environment may sit where `nobody` cannot read it (here /root/.pyenv), while a fork needs
nothing more from the disk than the modules already imported (the scenario is first run once with rights,
which imports everything it needs). As a normal user, the scenario runs in-process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import pickle
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import Engine, event

from ti_desktop.cli import main
from ti_desktop.db import database as db_database
from ti_desktop.db.engine import create_sqlite_engine
from ti_desktop.db.errors import BackupError
from ti_desktop.db.lock import WINDOW, DatabaseLock, info_path, lock_path
from ti_desktop.domain.errors import TiDesktopError
from ti_desktop.paths import UserDirs
from ti_desktop.services.maintenance import OpenDatabase, open_services
from ti_desktop.services.transactions import StorageError, transaction

from ..clock import fixed_clock

T = TypeVar("T")
DISK_FULL = "Le disque est plein : la modification n'a pas été enregistrée."
# Words by which a message names the cause of a refused write to a folder.
READ_ONLY_WORDS = ("lecture seule", "droit", "autoris", "permission")

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and fork")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def run_cli(dirs: UserDirs, *argv: str) -> tuple[int, str, str]:
    """The command line in-process, its output captured (works in a forked child too)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv), user_dirs=dirs)
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def assert_clear_failure_or_success(result: tuple[int, str, str], *named: Path) -> None:
    """Exit 0, or exit 1 with one French line on stderr naming the file: never a traceback or a bug."""
    code, _out, err = result
    assert code in (0, 1), result
    if code == 1:
        assert err.startswith("ti-desktop : ") and err.count("\n") == 1, err
        assert "Traceback" not in err and "erreur inattendue" not in err, err
        assert any(str(path) in err for path in named), err


# --- a read-only data folder, as a user without rights ---------------------------------------------------------


def unprivileged_user() -> tuple[int, int]:
    """(uid, gid) of `nobody`."""
    import pwd

    try:
        user = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root and there is no user « nobody » to drop to")
    return user.pw_uid, user.pw_gid


def in_forked_child(scenario: Callable[[], T], *, user: tuple[int, int] | None = None) -> T:
    """Run `scenario` in a forked child (as `user` if given) and return its result, pickled back; an
    exception in the child fails the test with its trace. The child never returns into pytest."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(reader)
            if user is not None:
                os.setgroups([])
                os.setgid(user[1])
                os.setuid(user[0])
            payload = pickle.dumps(("ok", scenario()))
        except BaseException:
            payload = pickle.dumps(("error", traceback.format_exc()))
        with os.fdopen(writer, "wb") as stream:
            stream.write(payload)
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as stream:
        payload = stream.read()
    _, status = os.waitpid(pid, 0)
    assert payload, f"the child process died (status {status})"
    kind, value = pickle.loads(payload)
    if kind == "error":
        raise AssertionError(f"the scenario failed in the child process:\n{value}")
    return value  # type: ignore[no-any-return]


def as_unprivileged(scenario: Callable[[], T]) -> T:
    """Run `scenario` without root rights: in-process for a normal user, else in a child dropped to `nobody`."""
    if os.geteuid() != 0:
        return scenario()
    return in_forked_child(scenario, user=unprivileged_user())


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder an unprivileged user can reach (pytest's tmp_path is private to root), owned by it."""
    root = Path(tempfile.mkdtemp(prefix="ti-desktop-lecture-seule-"))
    root.chmod(0o755)
    try:
        yield root
    finally:
        for folder, _dirs, _files in os.walk(root):
            Path(folder).chmod(0o755)
        shutil.rmtree(root)


def give_to_unprivileged(*paths: Path) -> None:
    if os.geteuid() == 0:
        uid, gid = unprivileged_user()
        for path in paths:
            os.chown(path, uid, gid)


def read_only(folder: Path) -> None:
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)


@pytest.fixture
def read_only_setup(shared_folder: Path, demo_template: Path) -> dict[str, Path]:
    """A base with the demo plan in a data folder made read-only, its backups folder read-only too."""
    data = shared_folder / "Données"
    data.mkdir()
    base = data / "plan.sqlite3"
    with contextlib.closing(sqlite3.connect(demo_template)) as source, contextlib.closing(sqlite3.connect(base)) as to:
        source.backup(to)
    backups = data / "sauvegardes"
    backups.mkdir()
    writable = shared_folder / "sorties"  # where reports and exports may be written
    writable.mkdir()
    logs = shared_folder / "journaux"
    logs.mkdir()
    give_to_unprivileged(data, base, backups, writable, logs)
    # Run every command once with rights on a copy: imports what the scenario needs, and shows they work.
    spare = shared_folder / "copie" / "plan.sqlite3"
    spare.parent.mkdir()
    shutil.copy(base, spare)
    dirs = UserDirs(data_dir=shared_folder / "utilisateur", log_dir=logs)
    for argv in commands(spare, writable, spare.parent / "nouvelle.sqlite3").values():
        assert run_cli(dirs, *argv)[0] == 0, argv
    return {"data": data, "base": base, "backups": backups, "out": writable, "logs": logs}


def commands(base: Path, out: Path, new_base: Path) -> dict[str, list[str]]:
    return {
        "check": ["check", "--db", str(base)],
        "report": ["report", "--db", str(base), "-o", str(out / "rapport.pdf")],
        "export": ["export", "--db", str(base), "-o", str(out / "plan.xlsx")],
        "backup": ["backup", "--db", str(base)],
        "demo (nouvelle base)": ["demo", "--db", str(new_base)],
    }


Result = dict[str, Any]  # {"ok": bool, "message": str, "cli": (exit code, stdout, stderr) for commands}


def read_only_scenario(setup: dict[str, Path]) -> dict[str, Result]:
    """Everything a user may try on a base in a read-only folder; what each gave."""
    dirs = UserDirs(data_dir=setup["out"] / "utilisateur", log_dir=setup["logs"])
    results: dict[str, Result] = {}
    for name, argv in commands(setup["base"], setup["out"], setup["data"] / "nouvelle.sqlite3").items():
        code, out, err = run_cli(dirs, *argv)
        results[name] = {"ok": code == 0, "message": err, "cli": (code, out, err)}
    for name, path in (("fenêtre", setup["base"]), ("fenêtre (nouvelle base)", setup["data"] / "n.sqlite3")):
        try:
            with DatabaseLock(path, WINDOW) as lock:  # what the window does: its lock, then the base
                lock.acquire(dt.datetime(2026, 11, 21, 9, 42, tzinfo=dt.UTC))
                open_services(path, clock=fixed_clock()).close()
            results[name] = {"ok": True, "message": ""}
        except TiDesktopError as error:
            results[name] = {"ok": False, "message": error.message, "error": "TiDesktopError"}
        except Exception as error:
            results[name] = {"ok": False, "message": str(error), "error": type(error).__name__}
    return results


@posix_only
def test_a_read_only_data_folder_ends_in_french_messages_and_keeps_the_data(read_only_setup: dict[str, Path]) -> None:
    setup = read_only_setup
    before = sha256(setup["base"])
    read_only(setup["data"])
    read_only(setup["backups"])

    results = as_unprivileged(lambda: read_only_scenario(setup))

    for name in ("check", "report", "export", "backup"):
        assert_clear_failure_or_success(results[name]["cli"], setup["base"])
    assert_clear_failure_or_success(results["demo (nouvelle base)"]["cli"], setup["data"] / "nouvelle.sqlite3")
    for name in ("fenêtre", "fenêtre (nouvelle base)"):
        assert results[name]["ok"] or results[name]["error"] == "TiDesktopError", results[name]
    # Nothing written, nothing lost.
    assert sha256(setup["base"]) == before
    assert sorted(p.name for p in setup["data"].iterdir()) == ["plan.sqlite3", "sauvegardes"]
    assert list(setup["backups"].iterdir()) == []
    assert integrity(setup["base"]) == "ok"


@posix_only
def test_a_read_only_data_folder_is_named_as_the_cause(read_only_setup: dict[str, Path]) -> None:
    setup = read_only_setup
    read_only(setup["data"])
    results = as_unprivileged(lambda: read_only_scenario(setup))
    problems = [
        f"{name}: {result['message'].strip()}"
        for name, result in results.items()
        if not result["ok"]
        and ("n'est pas une base" in result["message"] or not any(w in result["message"] for w in READ_ONLY_WORDS))
    ]
    assert problems == []


@posix_only
def test_a_read_only_backups_folder_is_named_as_the_cause(read_only_setup: dict[str, Path]) -> None:
    setup = read_only_setup
    read_only(setup["backups"])  # the data folder stays writable: the base itself works

    def scenario() -> tuple[tuple[int, str, str], str]:
        dirs = UserDirs(data_dir=setup["out"] / "utilisateur", log_dir=setup["logs"])
        command = run_cli(dirs, "backup", "--db", str(setup["base"]))
        opened = open_services(setup["base"], clock=fixed_clock())
        try:
            assert opened.services.backups is not None
            opened.services.backups.backup("automatique")
            service = "ok"
        except BackupError as error:
            service = error.message
        finally:
            opened.close()
        return command, service

    command, service = as_unprivileged(scenario)
    assert_clear_failure_or_success(command, setup["base"])
    assert command[0] == 1 and service != "ok"
    assert list(setup["backups"].iterdir()) == []  # not even a .part
    for message in (command[2], service):
        assert str(setup["backups"]) in message and any(word in message for word in READ_ONLY_WORDS), message


# --- a full disk ---------------------------------------------------------------------------------------------


def limit_pages(engine: Engine, extra_pages: int) -> int:
    """From now on, the base may grow by `extra_pages` pages only (every new connection of the engine)."""
    with engine.connect() as connection:
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())

    @event.listens_for(engine, "connect")
    def _limit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + extra_pages}")

    engine.dispose()  # pooled connections were opened without the limit
    return pages + extra_pages


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[tuple[OpenDatabase, int, int]]:
    opened = open_services(tmp_path / "plan.sqlite3", user="claire.martin", clock=fixed_clock())
    territory = opened.services.territories.create(name="Vallée de l'Orne industrielle", summary="compteur -1")
    axis = next(a.id for a in opened.services.axes.available_to(territory.id) if a.code == "INN")
    yield opened, territory.id, axis
    opened.close()


def edit(opened: OpenDatabase, territory: int, axis: int, n: int) -> None:
    """One edit of several rows in one transaction: an action, its funding line, the territory's counter."""
    services = opened.services
    with transaction(opened.database.sessions) as session:
        action = services.actions.create_in(
            session,
            territory_id=territory,
            axis_id=axis,
            code=f"P-{n:04d}",
            title=f"Édition {n}",
            description="é" * 3000,
        )
        services.funding.create_in(
            session, action_id=action.id, funder_name="Région", amount_requested=Decimal(n) + Decimal("0.5")
        )
        services.territories.update_in(session, territory, summary=f"compteur {n}")


def test_a_full_disk_refuses_the_edit_in_french_and_keeps_every_earlier_one(
    plan: tuple[OpenDatabase, int, int],
) -> None:
    opened, territory, axis = plan
    for n in range(5):
        edit(opened, territory, axis, n)
    limit_pages(opened.database.engine, 40)

    committed = 5
    with pytest.raises(StorageError) as caught:
        for n in range(5, 1000):
            edit(opened, territory, axis, n)
            committed += 1
    assert caught.value.message == DISK_FULL
    assert committed > 5, "the limit left no room at all: the test proves less than it should"

    services = opened.services
    actions = services.actions.list(territory_id=territory)
    assert [a.code for a in actions] == [f"P-{n:04d}" for n in range(committed)]  # the failed edit: nowhere
    assert len(services.funding.list()) == committed
    assert services.territories.get(territory).summary == f"compteur {committed - 1}"
    assert integrity(opened.database.path) == "ok"

    # Reading still works; once space is freed (here: the limited engine closed), editing goes on.
    assert services.actions.get(actions[0].id).title == "Édition 0"
    opened.close()
    reopened = open_services(opened.database.path, create=False, clock=fixed_clock())
    try:
        edit(reopened, territory, axis, committed)
        assert len(reopened.services.actions.list(territory_id=territory)) == committed + 1
    finally:
        reopened.close()
    assert integrity(opened.database.path) == "ok"


def limit_every_new_engine(monkeypatch: pytest.MonkeyPatch, extra_pages: int) -> None:
    """Every engine opened from now on (as by the command line) may grow its base by `extra_pages` only."""

    def limited(path: Path, **options: Any) -> Engine:
        engine = create_sqlite_engine(path, **options)
        limit_pages(engine, extra_pages)
        return engine

    monkeypatch.setattr(db_database, "create_sqlite_engine", limited)


def test_an_import_on_a_full_disk_writes_nothing_and_says_so(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv = tmp_path / "plan à importer.csv"
    lines = ["Code;Axe;Intitulé;Financeur;Montant demandé (€)"]
    lines += [f"IMP-{n:03d};Innovation;Action importée {n} {'x' * 200};Région;{1000 + n} €" for n in range(300)]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dirs = UserDirs(tmp_path / "utilisateur", tmp_path / "journaux")
    before = json.loads(run_cli(dirs, "check", "--json", "--db", str(demo_db))[1])["counts"]

    limit_every_new_engine(monkeypatch, 5)
    code, _out, err = run_cli(dirs, "import", str(csv), "--db", str(demo_db))

    assert code == 1 and err.count("\n") == 1 and "disque est plein" in err, err
    after = json.loads(run_cli(dirs, "check", "--json", "--db", str(demo_db))[1])
    assert after["counts"] == before and after["integrity"] == "ok"
    # The backup taken before the import is there, whole.
    (backup,) = (demo_db.parent / "sauvegardes").glob("plan-avant-import-*.sqlite3")
    assert integrity(backup) == "ok"


@posix_only
def test_a_full_disk_during_a_backup_leaves_no_partial_file(demo_db: Path) -> None:
    """The disk refuses to write more during a backup (here: the process may not write a file past 64 kB):
    the backup fails in French, nothing half-written stays in the backups folder, the base is intact."""
    before = sha256(demo_db)

    def scenario() -> str:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
        opened = open_services(demo_db, create=False, clock=fixed_clock())
        try:
            assert opened.services.backups is not None
            opened.services.backups.backup("automatique")
            return "ok"
        except BackupError as error:
            return "BackupError: " + error.message
        finally:
            opened.close()

    outcome = in_forked_child(scenario)
    assert outcome.startswith(f"BackupError: La sauvegarde de « {demo_db} » a échoué"), outcome
    assert list((demo_db.parent / "sauvegardes").iterdir()) == []
    assert sha256(demo_db) == before and integrity(demo_db) == "ok"


# --- accents, spaces, '#', '%' and apostrophes in the path ------------------------------------------------------


def test_every_command_works_in_a_folder_with_accents_spaces_hash_percent_and_apostrophes(tmp_path: Path) -> None:
    folder = tmp_path / "Données d'été #1 100%"
    folder.mkdir()
    base = folder / "plan d'action.sqlite3"
    dirs = UserDirs(data_dir=tmp_path / "utilisateur", log_dir=tmp_path / "journaux")
    out = tmp_path / "Sorties #2 à 50% d'avancement"
    out.mkdir()

    def ok(*argv: str) -> str:
        code, stdout, err = run_cli(dirs, *argv)
        assert code == 0, (argv, err)
        return stdout

    assert "créé" in ok("demo", "--db", str(base))
    assert "Intégrité : ok" in ok("check", "--db", str(base))
    ok("backup", "--db", str(base))
    ok("report", "--db", str(base), "-o", str(out / "rapport d'été #1.pdf"))
    ok("export", "--db", str(base), "-o", str(out / "plan d'été 100%.xlsx"))
    ok("export", "--db", str(base), "-o", str(out / "plan d'été 100%.csv"))
    imported = ok("import", str(out / "plan d'été 100%.xlsx"), "--db", str(base))
    assert "Import de « plan d'été 100%.xlsx »" in imported
    opened = open_services(base, create=False, clock=fixed_clock())
    try:
        meeting = opened.services.meetings.list()[0].id
    finally:
        opened.close()
    ok("minutes", str(meeting), "--db", str(base), "-o", str(out / "compte rendu n°1 #COPIL.pdf"))
    backups = sorted((folder / "sauvegardes").glob("plan d'action-*.sqlite3"))
    assert backups, "no backup in the base's « sauvegardes » folder"
    ok("restore", str(backups[0]), "--db", str(base))

    # Everything landed where it should: beside the base, in its « sauvegardes » folder, in the output folder.
    reasons = sorted(p.name.split("-")[1] for p in (folder / "sauvegardes").iterdir())
    assert reasons == ["avant", "avant", "sauvegarde"], reasons  # avant-import, avant-restauration, sauvegarde
    # The lock file of the write commands stays, empty, outside Windows (its info file is gone).
    assert sorted(p.name for p in folder.iterdir()) in (
        ["plan d'action.sqlite3", "plan d'action.sqlite3.lock", "sauvegardes"],
        ["plan d'action.sqlite3", "sauvegardes"],
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "compte rendu n°1 #COPIL.pdf",
        "plan d'été 100%.csv",
        "plan d'été 100%.xlsx",
        "rapport d'été #1.pdf",
    ]
    assert {p.name for p in tmp_path.iterdir()} <= {folder.name, out.name, "utilisateur", "journaux"}
    assert integrity(base) == "ok"


def test_a_path_with_special_characters_through_a_real_process(tmp_path: Path, demo_db: Path) -> None:
    """The path as the shell passes it (bytes of argv, decoded by Python), in a C locale as in some CI."""
    folder = tmp_path / "Données d'été #1 100%"
    folder.mkdir()
    base = folder / "plan d'action.sqlite3"
    shutil.copy(demo_db, base)
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    env.pop("TI_DESKTOP_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "ti_desktop", "check", "--json", "--db", str(base)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["integrity"] == "ok"


def test_a_base_deep_in_a_path_longer_than_260_characters_works(tmp_path: Path) -> None:
    """Windows' old limit is 260 characters (see README: the bundle is long-path aware; Windows must allow long
    paths). Here: accents, spaces and apostrophes in every folder, the base, its lock, its backups, a report, an
    export and its re-import, the minutes, all more than 260 characters away from the root."""
    # Past 260 characters, but under the 512 bytes SQLite's Unix layer accepts for a file name (temporaries included).
    depth = 1 + (280 - len(str(tmp_path))) // 41
    folder = tmp_path.joinpath(*[f"Territoire d'industrie n°{n} — Données été" for n in range(depth)])
    folder.mkdir(parents=True)
    base = folder / "plan d'action de la Vallée.sqlite3"
    out = folder / "Envois à la Région"
    out.mkdir()
    assert len(str(base)) > 260 and len(str(lock_path(base))) > 260 and len(str(base).encode()) < 420
    dirs = UserDirs(data_dir=tmp_path / "utilisateur", log_dir=tmp_path / "journaux")

    def ok(*argv: str) -> str:
        code, stdout, err = run_cli(dirs, *argv)
        assert code == 0, (argv, err)
        return stdout

    assert "créé" in ok("demo", "--db", str(base))
    assert "Intégrité : ok" in ok("check", "--db", str(base))
    ok("backup", "--db", str(base))
    ok("backup", "--db", str(base), "-o", str(out / "copie de la base d'été.sqlite3"))
    ok("report", "--db", str(base), "-o", str(out / "rapport d'avancement de l'été.pdf"))
    ok("export", "--db", str(base), "-o", str(out / "plan d'action exporté.xlsx"))
    assert "Import de « plan d'action exporté.xlsx »" in ok(
        "import", str(out / "plan d'action exporté.xlsx"), "--db", str(base)
    )
    ok("minutes", "1", "--db", str(base), "-o", str(out / "compte rendu du comité.pdf"))
    with DatabaseLock(base, WINDOW) as lock:  # the window's lock, beside the base
        lock.acquire(dt.datetime(2026, 11, 21, 9, 42, tzinfo=dt.UTC))
        assert info_path(base).is_file() and len(str(info_path(base))) > 260
        code, _out, err = run_cli(dirs, "import", str(out / "plan d'action exporté.xlsx"), "--db", str(base))
        assert code == 1 and "est ouverte dans TI Desktop par" in err, err
    assert sorted(p.name for p in out.iterdir()) == [
        "compte rendu du comité.pdf",
        "copie de la base d'été.sqlite3",
        "plan d'action exporté.xlsx",
        "rapport d'avancement de l'été.pdf",
    ]
    assert len(list((folder / "sauvegardes").iterdir())) == 2  # the backup asked for, the one before the import
    assert integrity(base) == "ok" and integrity(out / "copie de la base d'été.sqlite3") == "ok"
