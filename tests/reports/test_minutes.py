"""The minutes PDF drawn from hand-built data (no database), read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import subprocess
import sys
from decimal import Decimal

import pytest
from pypdf import PdfReader

from ti_desktop.domain.enums import ActionStatus, DecisionState
from ti_desktop.reports.minutes import DRAFT, OTHER_DECISIONS, build_minutes
from ti_desktop.reports.minutes_data import (
    ActionState,
    MinutesData,
    MinutesDecision,
    MinutesItem,
    MinutesParticipant,
)

from ..clock import TODAY


def normalise(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def decision(number: int, text: str, **values: object) -> MinutesDecision:
    defaults: dict[str, object] = {
        "action_code": "INN-01",
        "action_title": "Plateforme d'innovation",
        "owner": "Sophie Klein",
        "due_on": dt.date(2026, 12, 15),
        "state": DecisionState.A_FAIRE,
    }
    return MinutesDecision(number=number, text=text, **{**defaults, **values})  # type: ignore[arg-type]


def sample(closed: bool = False, decisions: int = 2, long_text: str | None = None) -> MinutesData:
    first = decision(1, long_text or "Relancer la Région sur le dossier <FEDER> & le Fonds vert")
    others = [
        decision(number, f"Décision numéro {number} sur la plateforme", owner=f"Responsable {number}")
        for number in range(2, decisions)
    ]
    loose = decision(
        decisions,
        "Inviter l'ADEME au prochain comité",
        action_code=None,
        action_title=None,
        owner="Michel Schaeffer",
        due_on=dt.date(2026, 10, 1),
        overdue=True,
    )
    state = ActionState(
        code="INN-01",
        title="Plateforme d'innovation",
        axis="Innovation",
        lead="Communauté d'agglomération",
        status=ActionStatus.BLOQUEE,
        progress=45,
        planned_start=dt.date(2025, 1, 1),
        planned_end=dt.date(2026, 6, 30),
        planned_budget=Decimal(1_250_000),
        requested_funding=Decimal(900_000),
        secured_funding=Decimal(400_000),
        late=True,
        overdue_milestones=("Dépôt du permis (échéance 15/09/2026)",),
        changes=("Statut : En cours → Bloquée",),
    )
    items = (
        MinutesItem(1, "INN-01 – Plateforme d'innovation", "Proposé : bloquée.", state, (first, *others)),
        MinutesItem(2, "Questions diverses <img src='x.png'/>", None, None, ()),
    )
    return MinutesData(
        territory="Vallée de l'Orne industrielle",
        region="Normandie",
        kind_label="Comité de pilotage",
        held_on=TODAY,
        place="Sarrebourg",
        participants=(
            MinutesParticipant("Michel Schaeffer", "Agglomération", "Élu référent"),
            MinutesParticipant("Sophie Klein", None, "EPCI"),
        ),
        notes="Séance ouverte à 14 h.\nDeux points < à suivre.",
        items=items,
        other_decisions=(loose,),
        decisions=(first, *others, loose),
        closed=closed,
        generated_on=TODAY,
        app_version="9.9.9",
        previous_held_on=dt.date(2026, 10, 1),
    )


def render(data: MinutesData) -> list[str]:
    stream = io.BytesIO()
    build_minutes(data, stream)
    stream.seek(0)
    return [normalise(page.extract_text()) for page in PdfReader(stream).pages]


def test_title_block_participants_items_and_register() -> None:
    pages = render(sample())
    text = " ".join(pages)
    assert "Relevé de décisions et compte rendu — Comité de pilotage du 21/11/2026" in text
    assert DRAFT in pages[0] and "Sarrebourg" in text and "Vallée de l'Orne industrielle (Normandie)" in text
    assert "Michel Schaeffer Agglomération Élu référent" in text and "Sophie Klein — EPCI" in text
    # User text with markup characters is shown as typed, never interpreted.
    assert "Relancer la Région sur le dossier <FEDER> & le Fonds vert" in text
    assert "Questions diverses <img src='x.png'/>" in text
    assert "Séance ouverte à 14 h. Deux points < à suivre." in text
    # The short state of the action.
    assert "Bloquée · en retard" in text and "45 %" in text and "01/01/2025 → 30/06/2026" in text
    assert "1 250 000 €" in text and "400 000 € acquis sur 900 000 € demandés" in text
    assert "Jalon dépassé : Dépôt du permis (échéance 15/09/2026)" in text
    assert "Depuis le comité du 01/10/2026 : Statut : En cours → Bloquée." in text
    assert "Responsable : Sophie Klein · Échéance : 15/12/2026 · État : À faire" in text
    assert "Aucune décision sur ce point." in text
    others = text[text.index(OTHER_DECISIONS, text.index("Points examinés")) :]
    assert "Inviter l'ADEME au prochain comité" in others and "À faire – échéance dépassée" in others
    register = text[text.index("Relevé des décisions (2)") :]
    assert "D1 Relancer la Région" in register and "D2 Inviter l'ADEME" in register
    assert "01/10/2026 À faire, en retard" in register
    assert "2 décisions restent à faire" in register
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} / {len(pages)}" in page
        assert "Vallée de l'Orne industrielle" in page and f"{DRAFT} – Comité de pilotage du 21/11/2026" in page
        assert "TI Desktop 9.9.9 – établi le 21/11/2026" in page


def test_a_closed_meeting_is_not_a_draft() -> None:
    text = " ".join(render(sample(closed=True)))
    assert DRAFT not in text and "Compte rendu Validé" in text


def test_long_texts_and_many_decisions_flow_over_pages_without_loss() -> None:
    long_text = " ".join(f"mot{index}" for index in range(400))
    data = sample(decisions=60, long_text=long_text)
    pages = render(data)
    text = " ".join(pages)
    assert len(pages) > 4
    # Under its item and in the full list, never truncated (a row longer than a page is split across pages).
    words = text.split()
    assert all(words.count(f"mot{index}") == 2 for index in range(400))
    register = text[text.index("Relevé des décisions (60)") :]
    for number in range(1, 61):
        assert f"D{number} " in register
    assert "Décision numéro 59 sur la plateforme" in register and "Responsable 59" in register
    register_pages = [page for page in pages if "N° Décision Action Responsable Échéance État" in page]
    assert len(register_pages) >= 2  # the header row repeats on every page of the list


def test_empty_meeting() -> None:
    data = dataclasses.replace(sample(), participants=(), items=(), other_decisions=(), decisions=(), notes=None)
    text = " ".join(render(data))
    assert "Aucun participant n'a été renseigné." in text
    assert "L'ordre du jour est vide." in text
    assert "Relevé des décisions (0)" in text and "Aucune décision n'a été prise lors de cette réunion." in text
    # Decisions taken with an empty agenda are still shown, under "Autres décisions" and in the list.
    loose = sample().other_decisions
    text = " ".join(render(dataclasses.replace(data, other_decisions=loose, decisions=loose)))
    assert "Aucun point n'a été inscrit à l'ordre du jour." in text
    assert text.count("Inviter l'ADEME au prochain comité") == 2 and "Relevé des décisions (1)" in text


def test_step_reports_progress_and_can_stop_the_build() -> None:
    steps: list[tuple[int, int]] = []
    build_minutes(sample(), io.BytesIO(), lambda done, total: steps.append((done, total)))
    assert steps[-1][0] == steps[-1][1] and len(steps) > 5
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)

    class Stop(Exception):
        pass

    def stop(done: int, _total: int) -> None:
        if done > 3:
            raise Stop

    with pytest.raises(Stop):
        build_minutes(sample(), io.BytesIO(), stop)


def test_reports_do_not_import_qt_sqlalchemy_or_services() -> None:
    code = (
        "import sys, ti_desktop.reports.minutes\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')"
        " or m.startswith('ti_desktop.services')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
