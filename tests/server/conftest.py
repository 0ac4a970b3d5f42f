"""A fresh PostgreSQL database per test, on the server named by $TI_DESKTOP_TEST_DATABASE_URL (CI starts a
private one); the tests are skipped when it is not set."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ti_desktop.services.demo import create_demo_territory
from ti_desktop.services.maintenance import OpenDatabase, open_server_services

from ..clock import fixed_clock

TEST_SERVER_VAR = "TI_DESKTOP_TEST_DATABASE_URL"


@pytest.fixture
def server_url() -> Iterator[str]:
    admin_url = os.environ.get(TEST_SERVER_VAR)
    if not admin_url:
        pytest.skip(f"pas de serveur PostgreSQL de test (${TEST_SERVER_VAR})")
    name = f"ti_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


@dataclass
class SharedBase:
    """A shared base as a Région would set it up: owned by a role nobody works with, migrated by it, with
    person roles created on demand (roles are the whole server's: each test's names are its own)."""

    admin_url: str
    database: str
    suffix: str
    roles: list[str]

    def url(self, role: str) -> str:
        return (
            make_url(self.admin_url)
            .set(username=role, password=None, database=self.database)
            .render_as_string(hide_password=False)
        )

    @property
    def owner(self) -> str:
        return self.roles[0]

    def role(self, name: str) -> str:
        """Create the login role `name_<suffix>` (as the Région's IT would) and return its name."""
        role = f"{name}_{self.suffix}"
        admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.execute(text(f"CREATE ROLE {quoted(role)} LOGIN"))
        finally:
            admin.dispose()
        self.roles.append(role)
        return role


@pytest.fixture
def shared_base() -> Iterator[SharedBase]:
    admin_url = os.environ.get(TEST_SERVER_VAR)
    if not admin_url:
        pytest.skip(f"pas de serveur PostgreSQL de test (${TEST_SERVER_VAR})")
    suffix = uuid.uuid4().hex[:8]
    name = f"ti_shared_{suffix}"
    owner = f"proprietaire_{suffix}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{owner}" LOGIN'))
        connection.execute(text(f'CREATE DATABASE "{name}" OWNER "{owner}"'))
    base = SharedBase(admin_url, name, suffix, [owner])
    try:
        yield base
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            for role in reversed(base.roles):
                connection.execute(text(f"DROP ROLE IF EXISTS {quoted(role)}"))
        admin.dispose()


OTHER = "Territoire de la Vallée"


@dataclass
class World:
    base: SharedBase
    demo: str  # the demo territory's name (it has confidential actions)
    demo_id: int
    other_id: int
    other_action: int
    other_funding: int
    marie: str  # edition on the demo territory
    paul: str  # admin of the other territory
    region: str  # region on both, confidential excluded
    opened: list[OpenDatabase]

    def services(self, role: str, user: str | None = None) -> OpenDatabase:
        opened = open_server_services(self.base.url(role), clock=fixed_clock(), user=user)
        self.opened.append(opened)
        return opened

    def sql(self, role: str, query: str, **parameters: object) -> list[tuple[object, ...]]:
        engine = create_engine(self.base.url(role))
        try:
            with engine.begin() as connection:
                result = connection.execute(text(query), parameters)
                return [tuple(row) for row in result] if result.returns_rows else []
        finally:
            engine.dispose()


@pytest.fixture
def world(shared_base: SharedBase) -> Iterator[World]:
    owner = open_server_services(shared_base.url(shared_base.owner), clock=fixed_clock())
    opened: list[OpenDatabase] = []
    try:
        services = owner.services
        demo = create_demo_territory(services)
        other = services.territories.create_empty(OTHER)
        axis = services.axes.available_to(other.id)[0]
        action = services.actions.create(territory_id=other.id, axis_id=axis.id, code="V-01", title="Friche de la gare")
        line = services.funding.create(action_id=action.id, funder_name="Région", amount_requested=Decimal("50000"))
        marie, paul, region = (shared_base.role(name) for name in ("marie", "paul", "region"))
        services.access.grant(marie, demo.name, "edition")
        services.access.grant(paul, OTHER, "admin")
        services.access.grant(region, demo.name, "region")
        services.access.grant(region, OTHER, "region")
        yield World(shared_base, demo.name, demo.id, other.id, action.id, line.id, marie, paul, region, opened)
    finally:
        for each in opened:
            each.close()
        owner.close()
