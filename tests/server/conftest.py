"""A fresh PostgreSQL database per test, on the server named by $TI_DESKTOP_TEST_DATABASE_URL (CI starts a
private one); the tests are skipped when it is not set."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

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
