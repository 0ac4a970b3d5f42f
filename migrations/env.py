"""Alembic environment: always run from code (ti_desktop.db.migrate) on a connection it provides."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy.types import TypeDecorator

from ti_desktop.db.access import ACCESS_TABLE
from ti_desktop.db.models import Base, is_search_index

target_metadata = Base.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Write our column types (Money, UtcDateTime, EnumCode) as their plain SQL type in migrations,
    so a migration never depends on application code that may change later."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl_instance!r}"
    return False


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Leave SQLite's search index (an FTS5 table and its shadow tables, migration 0009) and PostgreSQL's
    access rights (migration 0011: the server's, not the models') out of comparisons."""
    if type_ == "table" and name == ACCESS_TABLE:
        return False
    return not (type_ in ("table", "index") and is_search_index(name))


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("TI Desktop migrations run from code: ti_desktop.db.migrate.upgrade_to_head()")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        render_item=render_item,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
