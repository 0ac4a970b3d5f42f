"""Screenshots of the mode réunion (projector) on the demo territory, as the room sees them.

Writes docs/captures/reunion-1920.png and reunion-1280.png (an action with funding, milestones and progress
updates, at 1920×1080 and 1280×720) and reunion-apercu.png (the overview of the séance, 1920×1080).

Run: `QT_QPA_PLATFORM=offscreen python tools/meeting_screenshots.py [OUTPUT_DIR] [--extra]` (default:
docs/captures). `--extra` also writes the decision dialog, the status chooser, the closing question, a free
item and every agenda item at 1280×720 (reunion-extra-*.png), to look at them while working on the screens.
Uses a temporary copy of the demo; the user's data is never touched.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ti_desktop.domain.enums import DecisionState
from ti_desktop.gui.context import AppContext
from ti_desktop.gui.meeting_mode import MeetingModeWindow
from ti_desktop.kernel.clock import FixedClock
from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.maintenance import open_services
from ti_desktop.services.registry import Services

TODAY = dt.date(2026, 11, 21)
SHOWN_ACTION = "COM-03"  # blocked, late, to discuss: funding lines, milestones, updates, a pending decision


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def prepare(services: Services, territory_id: int) -> int:
    """Close the June comité (its snapshot), move the plan on a little, then open today's comité."""
    june = next(m for m in services.steering.of_territory(territory_id) if m.closed_at is None)
    services.steering.close(june.id)
    action = next(a for a in services.actions.for_territory(territory_id) if a.code == SHOWN_ACTION)
    services.actions.update(action.id, progress=action.progress + 5, planned_end=dt.date(2026, 10, 31))
    meeting = services.steering.create(territory_id, TODAY, held_on=TODAY)
    owner = next(actor for actor in services.actors.list() if actor.name == "Julien Marchal")
    services.decisions.create(
        meeting_id=meeting.id,
        action_id=action.id,
        text="Présenter au prochain comité un plan de financement bouclé avec la commune de Hoffelbach.",
        owner_actor_id=owner.id,
        due_on=dt.date(2027, 1, 31),
        state=DecisionState.A_FAIRE,
    )
    return meeting.id


def capture_extra(app: QApplication, window: MeetingModeWindow, output: Path) -> None:
    """The dialogs over the projector, the pending decisions item, and every item at 1280×720."""
    services = window.opened.services
    services.decisions.create(
        meeting_id=window.meeting_id - 1,
        text="Mettre à jour la convention cadre du programme avec la Région et la préfecture.",
        state=DecisionState.A_FAIRE,
    )
    services.agenda.create(
        meeting_id=window.meeting_id,
        title="Questions diverses",
        notes="Calendrier des comités 2027 : mars, juin, novembre.\nPrésentation du rapport annuel à la Région.",
        position=len(window.items) + 1,
    )
    window.reload()
    window.resize(1280, 720)
    settle(app)
    for index in range(len(window.items)):
        window.go_to(index)
        settle(app)
        window.grab().save(str(output / f"reunion-extra-point-{index + 1:02d}.png"))
    window.go_to(0)
    window.run("decision")
    settle(app)
    dialog = window.decision_dialog
    if dialog is not None:
        dialog.text.setText("Relancer la DREETS sur l'aide au démarrage")
        dialog.due.setText("31/02/2027")
        dialog.accept()  # refused: shows the message
        settle(app)
        dialog.grab().save(str(output / "reunion-extra-decision.png"))
        dialog.reject()
    window.run("status")
    settle(app)
    if window.status_chooser is not None:
        window.status_chooser.grab().save(str(output / "reunion-extra-statut.png"))
        window.status_chooser.reject()
    window.show_overview()
    window.run("close_meeting")
    settle(app)
    if window.close_confirmation is not None:
        window.close_confirmation.grab().save(str(output / "reunion-extra-cloture.png"))
        window.close_confirmation.reject()
    settle(app)


def main() -> None:
    extra = "--extra" in sys.argv
    arguments = [argument for argument in sys.argv[1:] if argument != "--extra"]
    output = Path(arguments[0] if arguments else "docs/captures")
    output.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        opened = open_services(Path(folder) / "demo.sqlite3", clock=FixedClock.on(TODAY))
        create_demo_territory(opened.services)
        settings = QSettings(str(Path(folder) / "reglages.ini"), QSettings.Format.IniFormat)
        context = AppContext(opened.services.versions, settings, Path(folder), opened.clock)
        territory_id = opened.services.territories.resolve(None).id
        context.set_territory(territory_id)
        meeting_id = prepare(opened.services, territory_id)
        window = MeetingModeWindow(context, opened.services, meeting_id)
        window.resize(1920, 1080)
        window.start(full_screen=False)
        settle(app)
        shown = next(i for i, item in enumerate(window.items) if item.title.startswith(SHOWN_ACTION + " "))
        window.go_to(shown)
        settle(app)
        window.grab().save(str(output / "reunion-1920.png"))
        window.resize(1280, 720)
        settle(app)
        window.grab().save(str(output / "reunion-1280.png"))
        window.resize(1920, 1080)
        settle(app)
        window.show_overview()
        settle(app)
        window.grab().save(str(output / "reunion-apercu.png"))
        if extra:
            capture_extra(app, window, output)
        window.leave()
        opened.close()
    print(f"captures written to {output}")


if __name__ == "__main__":
    main()
