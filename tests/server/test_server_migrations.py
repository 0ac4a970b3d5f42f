"""The migrations on PostgreSQL: up to head matches the models, and each revision goes down and up again."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect

from ti_desktop.db.migrate import alembic_config, check_models_match, script_directory, upgrade_to_head

from ..clock import fixed_clock


def test_every_revision_goes_up_down_and_up_on_the_server(server_url: str) -> None:
    engine = create_engine(server_url)
    try:
        upgrade_to_head(engine, fixed_clock().now())
        check_models_match(engine)  # `alembic check`: models and migrations agree on PostgreSQL too
        with engine.connect() as connection:
            columns_at_head = {c["name"] for c in inspect(connection).get_columns("actions")}
        revisions = [script.revision for script in script_directory().walk_revisions()]  # head first
        for below in [*revisions[1:], "base"]:  # down to each revision below the head, then up again
            with engine.begin() as connection:
                command.downgrade(alembic_config(connection, fixed_clock().now()), below)
            with engine.begin() as connection:
                command.upgrade(alembic_config(connection, fixed_clock().now()), "head")
        with engine.connect() as connection:
            assert {c["name"] for c in inspect(connection).get_columns("actions")} == columns_at_head
        check_models_match(engine)
    finally:
        engine.dispose()
