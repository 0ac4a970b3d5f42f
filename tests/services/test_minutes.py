"""The minutes of a meeting, written from the database and read back with pypdf: participants, agenda,
decisions under their item, the full list, the draft mention, the atomic write."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ti_desktop.domain.enums import ActionStatus, ActorKind, DecisionState, GovernanceRole
from ti_desktop.domain.errors import NotFoundError, TiDesktopError
from ti_desktop.kernel import files
from ti_desktop.kernel.files import FileWriteError
from ti_desktop.kernel.formatting import format_date
from ti_desktop.reports.minutes import DRAFT, OTHER_DECISIONS
from ti_desktop.services import minutes as minutes_module
from ti_desktop.services.maintenance import OpenDatabase, open_services
from ti_desktop.services.meetings import PENDING_DECISIONS_TITLE
from ti_desktop.services.registry import Services
from ti_desktop.services.reporting import ReportCancelled

from ..clock import fixed_clock
from .conftest import TODAY, World


def normalise(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def pdf_text(path: Path) -> str:
    return normalise("\n".join(page.extract_text() for page in PdfReader(path).pages))


def section(text: str, start: str, end: str | None = None) -> str:
    """The text from the first `start` (after the agenda) up to `end`."""
    begin = text.index(start)
    stop = text.index(end, begin + len(start)) if end else len(text)
    return text[begin:stop]


@pytest.fixture
def demo(demo_db: Path) -> Iterator[OpenDatabase]:
    handle = open_services(demo_db, clock=fixed_clock())
    yield handle
    handle.close()


def test_demo_minutes_show_participants_agenda_and_every_decision(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    meetings = services.meetings.list()
    assert len(meetings) == 2
    for meeting in meetings:
        output = services.minutes.write_pdf(meeting.id, tmp_path / f"cr-{meeting.id}.pdf", TODAY)
        text = pdf_text(output)
        assert f"Relevé de décisions et compte rendu — Comité de pilotage du {format_date(meeting.held_on)}" in text
        participants = services.participants.of(meeting.id)
        assert len(participants) > 10
        for actor in participants:
            assert normalise(actor.name) in text, actor.name
        assert f"Participants ({len(participants)})" in text
        items = services.steering.agenda(meeting.id)
        examined = section(text, "Points examinés", "Relevé des décisions (")
        for item in items:
            assert normalise(item.title) in section(text, "Ordre du jour", "Points examinés"), item.title
            assert normalise(item.title) in examined, item.title
        decisions = services.decisions.list(meeting_id=meeting.id)
        assert decisions
        register = section(text, "Relevé des décisions (")
        assert f"Relevé des décisions ({len(decisions)})" in register
        owners = {actor.id: actor.name for actor in services.actors.list()}
        for decision in decisions:
            assert normalise(decision.text) in examined, decision.text
            assert normalise(decision.text) in register, decision.text
            assert decision.owner_actor_id is not None and decision.due_on is not None
            assert normalise(owners[decision.owner_actor_id]) in register
            assert format_date(decision.due_on) in register
        # Rows D1…Dn in the full list, and no more.
        assert f"D{len(decisions)} " in register and f"D{len(decisions) + 1} " not in register
        pages = len(PdfReader(output).pages)
        assert f"Page 1 / {pages}" in text and f"Page {pages} / {pages}" in text


def test_demo_decisions_sit_under_their_item(demo: OpenDatabase, tmp_path: Path) -> None:
    services = demo.services
    meeting = services.meetings.list()[-1]  # 25/06/2026, minutes still a draft
    data = services.minutes.assemble(meeting.id, TODAY)
    assert not data.closed
    by_title = {item.title: item for item in data.items}
    friche = by_title["Friche des tuileries : surcoût de dépollution et plan de financement"]
    assert friche.action is not None and friche.action.code == "FON-02"
    # The decision about the sous-action FON-02.2 goes under the FON-02 item.
    assert [d.action_code for d in friche.decisions] == ["FON-02.2"]
    school = by_title["École de production : report de l'ouverture"]
    assert [d.owner for d in school.decisions] == ["Julien Marchal"]
    assert school.action is not None and school.action.status is ActionStatus.BLOQUEE and school.action.late
    # TEC-06 is not on the agenda: under "Autres décisions".
    assert [d.action_code for d in data.other_decisions] == ["TEC-06"]
    assert len(data.decisions) == len(services.decisions.list(meeting_id=meeting.id)) == 6
    assert [d.number for d in data.decisions] == [1, 2, 3, 4, 5, 6]

    written = services.minutes.write_pdf(meeting.id, tmp_path / "cr.pdf", TODAY)
    text = pdf_text(written)
    assert DRAFT in text
    metadata = PdfReader(written).metadata  # dated by the caller's clock, not the machine's
    assert metadata is not None and metadata["/CreationDate"] == f"D:{TODAY:%Y%m%d}"
    examined = section(text, "Points examinés", "Relevé des décisions (")
    titles = [normalise(item.title) for item in data.items]
    for index, item in enumerate(data.items):
        end = titles[index + 1] if index + 1 < len(titles) else OTHER_DECISIONS
        block = section(examined, titles[index], end)
        for decision in item.decisions:
            assert normalise(decision.text) in block, (item.title, decision.text)
        if not item.decisions:
            assert "Aucune décision sur ce point." in block
    others = section(examined, OTHER_DECISIONS)
    assert normalise(data.other_decisions[0].text) in others
    # The validated 2025 meeting is not a draft.
    first = services.meetings.list()[0]
    assert DRAFT not in pdf_text(services.minutes.write_pdf(first.id, tmp_path / "cr1.pdf", TODAY))


def meeting_with_decisions(world: World) -> dict[str, Any]:
    """A closed meeting with a pending decision about no action, then the next one with its proposed agenda
    (which holds the pending-decisions item) and three decisions."""
    services = world.services
    owner = services.actors.create(name="Sophie Klein", organisation="Val de Sarre", kind=ActorKind.EPCI)
    elected = services.actors.create(name="Michel Schaeffer", organisation="Agglomération", kind=ActorKind.ELU)
    services.roles.create(territory_id=world.territory.id, actor_id=elected.id, role=GovernanceRole.ELU_REFERENT)
    platform = world.action("Plateforme <Lab> & co", code="INN-01", to_discuss=True, progress=20)
    quiet = world.action("Tranquille", code="INN-02", planned_end=dt.date(2030, 1, 1))
    earlier = services.steering.create(world.territory.id, TODAY, held_on=dt.date(2026, 10, 1))
    services.decisions.create(meeting_id=earlier.id, text="Organiser une visite du site", owner_actor_id=owner.id)
    services.steering.close(earlier.id)
    services.actions.update(platform.id, progress=45, status=ActionStatus.BLOQUEE)
    meeting = services.steering.create(
        world.territory.id,
        TODAY,
        held_on=TODAY,
        place="Sarrebourg",
        participant_ids=[owner.id, elected.id],
        notes="Séance ouverte à 14 h.",
    )
    on_action = services.decisions.create(
        meeting_id=meeting.id,
        action_id=platform.id,
        text="Relancer la Région sur le dossier <FEDER>",
        owner_actor_id=owner.id,
        due_on=dt.date(2026, 12, 15),
    )
    loose = services.decisions.create(
        meeting_id=meeting.id,
        text="Inviter l'ADEME au prochain comité",
        owner_actor_id=elected.id,
        due_on=dt.date(2027, 1, 31),
    )
    off_agenda = services.decisions.create(
        meeting_id=meeting.id,
        action_id=quiet.id,
        text="Mettre à jour le calendrier",
        due_on=dt.date(2026, 11, 1),
        state=DecisionState.A_FAIRE,
    )
    return {
        "meeting": meeting,
        "platform": platform,
        "owner": owner,
        "elected": elected,
        "decisions": (on_action, loose, off_agenda),
    }


def test_a_new_meeting_places_each_decision(world: World, tmp_path: Path) -> None:
    made = meeting_with_decisions(world)
    services = world.services
    meeting = made["meeting"]
    on_action, loose, off_agenda = made["decisions"]
    data = services.minutes.assemble(meeting.id, TODAY)
    assert not data.closed and data.place == "Sarrebourg" and data.previous_held_on == dt.date(2026, 10, 1)
    roles = {p.name: p.role for p in data.participants}
    assert roles == {"Michel Schaeffer": "Élu référent", "Sophie Klein": "EPCI"}
    titles = [item.title for item in data.items]
    assert titles == ["INN-01 – Plateforme <Lab> & co", PENDING_DECISIONS_TITLE]
    platform_item, pending_item = data.items
    assert [d.text for d in platform_item.decisions] == [on_action.text]
    assert platform_item.action is not None
    assert platform_item.action.changes == (
        "Statut : En cours → Bloquée",
        "Avancement : 20\u202f% → 45\u202f%",
    )
    assert [d.text for d in pending_item.decisions] == [loose.text]
    assert [d.text for d in data.other_decisions] == [off_agenda.text]
    assert data.other_decisions[0].overdue and data.other_decisions[0].owner is None
    assert [d.number for d in data.decisions] == [1, 2, 3]

    output = services.minutes.write_pdf(meeting.id, tmp_path / "cr.pdf", TODAY)
    text = pdf_text(output)
    assert DRAFT in text
    assert "Relevé de décisions et compte rendu — Comité de pilotage du 21/11/2026" in text
    assert "Plateforme <Lab> & co" in text and "Relancer la Région sur le dossier <FEDER>" in text  # escaped, kept
    assert "Depuis le comité du 01/10/2026 : Statut : En cours → Bloquée ; Avancement : 20 % → 45 %." in text
    examined = section(text, "Points examinés", "Relevé des décisions (")
    first = section(examined, "1. INN-01", f"2. {PENDING_DECISIONS_TITLE}")
    assert "Relancer la Région" in first and "Responsable : Sophie Klein · Échéance : 15/12/2026" in first
    second = section(examined, f"2. {PENDING_DECISIONS_TITLE}", OTHER_DECISIONS)
    assert "Organiser une visite du site" in second  # the earlier pending decision, from the item's notes
    assert "Inviter l'ADEME au prochain comité" in second
    assert "Responsable : Michel Schaeffer · Échéance : 31/01/2027" in second
    assert "Mettre à jour le calendrier" in section(examined, OTHER_DECISIONS)
    register = section(text, "Relevé des décisions (3)")
    for decision in made["decisions"]:
        assert normalise(decision.text) in register
    assert "D3 " in register and "D4 " not in register
    assert "Séance ouverte à 14 h." in text


def test_closing_the_meeting_removes_the_draft_mention(world: World, tmp_path: Path) -> None:
    meeting = meeting_with_decisions(world)["meeting"]
    services = world.services
    assert DRAFT in pdf_text(services.minutes.write_pdf(meeting.id, tmp_path / "projet.pdf", TODAY))
    services.steering.close(meeting.id)
    text = pdf_text(services.minutes.write_pdf(meeting.id, tmp_path / "final.pdf", TODAY))
    assert DRAFT not in text and "Compte rendu Validé" in text


def test_a_meeting_without_agenda_participants_or_decisions(world: World, tmp_path: Path) -> None:
    services = world.services
    meeting = services.steering.create(world.territory.id, TODAY, held_on=TODAY, propose=False)
    text = pdf_text(services.minutes.write_pdf(meeting.id, tmp_path / "vide.pdf", TODAY))
    assert "Aucun participant n'a été renseigné." in text
    assert "L'ordre du jour est vide." in text
    assert "Aucune décision n'a été prise lors de cette réunion." in text


def test_unknown_meeting_is_a_french_error(world: World, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="La réunion n° 999 n'existe pas"):
        world.services.minutes.write_pdf(999, tmp_path / "cr.pdf", TODAY)
    assert not (tmp_path / "cr.pdf").exists()


def test_missing_folder_names_the_file(world: World, tmp_path: Path) -> None:
    meeting = meeting_with_decisions(world)["meeting"]
    with pytest.raises(FileWriteError, match=r"« .*absent » n'existe pas : le compte rendu « cr\.pdf »"):
        world.services.minutes.write_pdf(meeting.id, tmp_path / "absent" / "cr.pdf", TODAY)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a folder the user cannot write to")
def test_unwritable_folder_names_the_file(world: World, tmp_path: Path) -> None:
    meeting = meeting_with_decisions(world)["meeting"]
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(FileWriteError, match=r"compte rendu « .*cr\.pdf »"):
            world.services.minutes.write_pdf(meeting.id, folder / "cr.pdf", TODAY)
    finally:
        folder.chmod(0o700)


def test_unwritable_target_is_a_french_error(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = meeting_with_decisions(world)["meeting"]
    taken = tmp_path / "cr.pdf"
    taken.mkdir()  # a folder where the file should go
    with pytest.raises(FileWriteError, match=r"« .*cr\.pdf » est un dossier : choisissez un nom de fichier"):
        world.services.minutes.write_pdf(meeting.id, taken, TODAY)
    assert taken.is_dir() and list(taken.iterdir()) == []
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")] == []

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    with pytest.raises(FileWriteError, match=r"compte rendu « autre\.pdf » : vous n'avez pas le droit d'écrire dans"):
        world.services.minutes.write_pdf(meeting.id, tmp_path / "autre.pdf", TODAY)


def test_failure_or_cancel_keeps_the_previous_file(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services: Services = world.services
    meeting = meeting_with_decisions(world)["meeting"]
    folder = tmp_path / "envois"
    folder.mkdir()
    output = folder / "cr.pdf"
    output.write_bytes(b"%PDF-previous")

    def broken(_data: object, stream: Any, _step: object = None) -> None:
        stream.write(b"%PDF-half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(minutes_module, "build_minutes", broken)
    with pytest.raises(FileWriteError, match=r"Impossible d'écrire le compte rendu «"):
        services.minutes.write_pdf(meeting.id, output, TODAY)
    assert output.read_bytes() == b"%PDF-previous"
    assert sorted(path.name for path in folder.iterdir()) == ["cr.pdf"]
    monkeypatch.undo()

    calls = 0

    def cancel_midway() -> bool:
        nonlocal calls
        calls += 1
        return calls > 5

    with pytest.raises(ReportCancelled, match="annulée"):
        services.minutes.write_pdf(meeting.id, output, TODAY, cancelled=cancel_midway)
    assert output.read_bytes() == b"%PDF-previous"
    assert sorted(path.name for path in folder.iterdir()) == ["cr.pdf"]

    progress: list[tuple[int, int]] = []
    written = services.minutes.write_pdf(meeting.id, output, TODAY, progress=lambda d, t: progress.append((d, t)))
    assert written == output and output.read_bytes().startswith(b"%PDF-1.")
    assert progress[0] == (0, 100) and progress[-1] == (100, 100)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    assert isinstance(FileWriteError("x"), TiDesktopError)
