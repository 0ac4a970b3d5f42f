"""Two people saving the same action: the second save is refused, naming the first one's change."""

from __future__ import annotations

from pathlib import Path

import pytest

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.errors import ConcurrentEditError
from ti_desktop.services.maintenance import open_services

from ..clock import fixed_clock
from ..sessions import sessions_of
from .conftest import World


def test_each_save_increments_the_version(world: World) -> None:
    action = world.action("Plateforme")
    assert action.version == 1
    updated = world.services.actions.update(action.id, expected_version=1, progress=40)
    assert updated.version == 2 and updated.progress == 40


def test_a_save_based_on_an_old_version_is_refused(world: World) -> None:
    action = world.action("Plateforme")
    # Claire saves first (her screen showed version 1)…
    world.services.actions.update(action.id, expected_version=1, status=ActionStatus.BLOQUEE)
    # …then Bruno, whose screen still shows version 1, saves his change.
    with pytest.raises(ConcurrentEditError) as refused:
        world.services.actions.update(action.id, expected_version=1, progress=80)
    message = refused.value.message
    assert message.startswith("claire.martin a modifié l'action « Plateforme » le ")
    assert "Statut : en_cours → bloquee" in message and "n'a pas été enregistrée" in message
    current = world.services.actions.get(action.id)
    assert current.status is ActionStatus.BLOQUEE and current.progress == 20 and current.version == 2


def test_two_open_bases_on_the_same_file_never_overwrite_silently(world: World) -> None:
    if world.services.backups is None:
        pytest.skip("a second opening of the same file: SQLite only (the server case is tests/server)")
    action = world.action("Plateforme")
    path = sessions_of(world.services).kw["bind"].url.database
    other = open_services(Path(path), user="bruno.hertz", clock=fixed_clock())
    try:
        seen_by_bruno = other.services.actions.get(action.id)
        world.services.actions.update(action.id, expected_version=action.version, title="Plateforme mutualisée")
        with pytest.raises(ConcurrentEditError, match="Titre de l'action"):
            other.services.actions.update(action.id, expected_version=seen_by_bruno.version, title="Autre titre")
    finally:
        other.close()
    assert world.services.actions.get(action.id).title == "Plateforme mutualisée"
