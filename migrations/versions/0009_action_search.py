"""action search: an index of the actions' searchable text, kept current by the database

Revision ID: 0009_action_search
Revises: 0008_received_reports
Create Date: 2026-12-07

The plan's text filter looks for every word in an action's code, title and description, case-insensitively
(services/search.py). On a national base (100,000 actions) a scan of that text per keystroke is too slow:

- SQLite: an FTS5 table `action_search` (external content: the `actions` rows themselves, by id) with the
  `trigram` tokenizer, which finds any substring of 3 characters or more, case folded, accents kept — the
  filter's meaning. Triggers on `actions` keep it current on every path that writes an action (edits, import,
  undo, deletion, a copy between bases), so no service has to remember it. Populated here from existing rows.
- PostgreSQL: a pg_trgm GIN index on the lowered text, which serves the same `LIKE '%word%'` query. Creating
  the extension needs the right to; without it the index is left out (a warning says so) and the search scans.

An index on (territory, axis, parent) serves the plan page's counts per axis and its windows.

The downgrade removes the indexes (and on SQLite its triggers); no user data is in it.
"""

import logging
from collections.abc import Sequence

from alembic import op

revision: str = "0009_action_search"
down_revision: str | None = "0008_received_reports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "code, title, description"
NEW = "new.id, new.code, new.title, new.description"
OLD = "old.id, old.code, old.title, old.description"
# The same expression as services.search.searchable_text, lowered: the planner uses the index only for it.
PG_TEXT = "lower(coalesce(code, '') || ' ' || title || ' ' || coalesce(description, ''))"


def upgrade() -> None:
    # The plan page's counts per axis and windows of top-level actions read this index alone.
    op.create_index("ix_actions_territory_axis_parent", "actions", ["territory_id", "axis_id", "parent_id"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            f"CREATE VIRTUAL TABLE action_search USING fts5({COLUMNS}, content='actions', content_rowid='id', "
            "tokenize='trigram')"
        )
        op.execute("INSERT INTO action_search(action_search) VALUES ('rebuild')")
        op.execute(
            "CREATE TRIGGER action_search_insert AFTER INSERT ON actions BEGIN "
            f"INSERT INTO action_search(rowid, {COLUMNS}) VALUES ({NEW}); END"
        )
        op.execute(
            "CREATE TRIGGER action_search_delete AFTER DELETE ON actions BEGIN "
            f"INSERT INTO action_search(action_search, rowid, {COLUMNS}) VALUES ('delete', {OLD}); END"
        )
        op.execute(
            f"CREATE TRIGGER action_search_update AFTER UPDATE OF id, {COLUMNS} ON actions BEGIN "
            f"INSERT INTO action_search(action_search, rowid, {COLUMNS}) VALUES ('delete', {OLD}); "
            f"INSERT INTO action_search(rowid, {COLUMNS}) VALUES ({NEW}); END"
        )
    elif bind.dialect.name == "postgresql":
        savepoint = bind.begin_nested()
        try:
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception as error:  # no right to create it: the search works, by a scan
            savepoint.rollback()
            logging.getLogger(__name__).warning("pg_trgm unavailable, the plan's search will scan: %s", error)
            return
        savepoint.commit()
        op.execute(f"CREATE INDEX ix_actions_search_trgm ON actions USING gin (({PG_TEXT}) gin_trgm_ops)")


def downgrade() -> None:
    op.drop_index("ix_actions_territory_axis_parent", table_name="actions")
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("action_search_insert", "action_search_delete", "action_search_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS action_search")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_actions_search_trgm")
