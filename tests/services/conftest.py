from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.domain.records import ActionRecord, TerritoryRecord
from ti_desktop.services.maintenance import OpenDatabase
from ti_desktop.services.registry import Services

from ..clock import TODAY


@dataclass
class World:
    services: Services
    territory: TerritoryRecord
    axis: dict[str, int]

    def action(self, title: str = "Plateforme d'innovation", axis: str = "INN", **values: object) -> ActionRecord:
        defaults: dict[str, object] = {
            "territory_id": self.territory.id,
            "axis_id": self.axis[axis],
            "title": title,
            "status": ActionStatus.EN_COURS,
            "progress": 20,
        }
        return self.services.actions.create(**{**defaults, **values})


@pytest.fixture
def services(opened: OpenDatabase) -> Services:
    return opened.services


@pytest.fixture
def world(services: Services) -> World:
    territory = services.territories.create(name="Vallée de l'Orne industrielle", region="Normandie")
    axis = {axis.code: axis.id for axis in services.axes.available_to(territory.id)}
    return World(services, territory, axis)


EUR = Decimal
__all__ = ["EUR", "TODAY", "World"]  # TODAY: the tests' fixed date, for the modules importing it from here
