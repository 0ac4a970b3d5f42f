"""A process the crash tests kill with SIGKILL: it writes through the services and says what it committed.

    python crash_worker.py DB                   edits, forever: one committed transaction per loop, then "ack N"
    python crash_worker.py DB --import F [STEP]  imports the plan file F in one go: "start", progress lines,
                                                 "commit" just before the COMMIT, "done"; with STEP, stops
                                                 ("paused") inside the transaction at that progress step

Every line is flushed at once, so what the parent has read was really said before the kill. An
acknowledgement is printed only after the commit returned: an acknowledged edit is durable.

Edit N (one transaction, through the services' `*_in` methods, as the demo and the import compose theirs):
an action coded CR-N titled "Édition n° N" with a long description, its funding line of N € + 0.01 €,
and the territory's summary set to "compteur N". Checked by the parent: all of them or none.
"""

from __future__ import annotations

import sys
import threading
from decimal import Decimal
from pathlib import Path

from sqlalchemy import event

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.kernel.clock import SystemClock
from ti_desktop.services.maintenance import OpenDatabase, open_services
from ti_desktop.services.registry import Services
from ti_desktop.services.transactions import transaction

TERRITORY = "Territoire des pannes de courant"
CODE_PREFIX = "CR-"
# Long enough that one edit spans several database pages (a torn write would show).
DESCRIPTION = "Texte de la fiche, assez long pour remplir plusieurs pages de la base. " * 60


def say(*words: object) -> None:
    """One line, one write (far below PIPE_BUF, so atomic): a kill cannot leave half of it in the pipe."""
    sys.stdout.write(" ".join(map(str, words)) + "\n")
    sys.stdout.flush()


def code_of(sequence: int) -> str:
    return f"{CODE_PREFIX}{sequence:06d}"


def territory_id(services: Services) -> int:
    for territory in services.territories.list():
        if territory.name == TERRITORY:
            return territory.id
    return services.territories.create(name=TERRITORY, summary="compteur -1").id


def next_sequence(services: Services, territory: int) -> int:
    codes = [a.code for a in services.actions.list(territory_id=territory) if a.code and a.code.startswith("CR-")]
    return max((int(code[len(CODE_PREFIX) :]) for code in codes), default=-1) + 1


def commit_edit(opened: OpenDatabase, territory: int, axis: int, sequence: int) -> None:
    services = opened.services
    with transaction(opened.database.sessions) as session:
        action = services.actions.create_in(
            session,
            territory_id=territory,
            axis_id=axis,
            code=code_of(sequence),
            title=f"Édition n° {sequence}",
            description=DESCRIPTION,
            status=ActionStatus.EN_COURS,
            progress=sequence % 100,
        )
        services.funding.create_in(
            session,
            action_id=action.id,
            funder_name="Région Grand Est",
            amount_requested=Decimal(sequence) + Decimal("0.01"),
        )
        services.territories.update_in(session, territory, summary=f"compteur {sequence}")


def run_edits(database: Path) -> None:
    say("opening")
    opened = open_services(database, user="crash", clock=SystemClock())
    services = opened.services
    territory = territory_id(services)
    axis = next(a.id for a in services.axes.available_to(territory) if a.code == "INN")
    sequence = next_sequence(services, territory)
    say("ready", sequence)
    while True:
        commit_edit(opened, territory, axis, sequence)
        say("ack", sequence)
        sequence += 1


def run_import(database: Path, plan: Path, pause_at: int | None) -> None:
    opened = open_services(database, user="crash", clock=SystemClock())
    services = opened.services
    territory = services.territories.resolve(None)

    @event.listens_for(opened.database.engine, "commit")
    def _announce_commit(_connection: object) -> None:
        say("commit")  # the import's COMMIT is about to run

    def progress(done: int, total: int) -> None:
        say("progress", done, total)
        if pause_at is not None and done >= pause_at:
            say("paused")  # inside the import's transaction, rows written, some pages spilled to the WAL
            threading.Event().wait(3600)  # not time.sleep: it fails under faketime (see tests/clock.py)

    say("start")
    services.imports.apply(territory.id, plan, progress=progress)
    say("done")
    opened.close()


def main(argv: list[str]) -> None:
    database = Path(argv[0])
    if len(argv) in (3, 4) and argv[1] == "--import":
        run_import(database, Path(argv[2]), int(argv[3]) if len(argv) == 4 else None)
    elif len(argv) == 1:
        run_edits(database)
    else:
        raise SystemExit("usage: crash_worker.py DB [--import PLAN [STEP]]")


if __name__ == "__main__":
    main(sys.argv[1:])
