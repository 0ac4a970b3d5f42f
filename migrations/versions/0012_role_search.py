"""role search: on a shared base, a person's text search uses the trigram index, as the owner's does

Revision ID: 0012_role_search
Revises: 0011_territory_access
Create Date: 2026-12-08

PostgreSQL only (a SQLite file has its FTS5 index and no row-level security: nothing changes there).

Under row-level security PostgreSQL evaluates a query's own conditions after the policies unless they are
leakproof, and `lower(...) LIKE` is not: a person's search read every action of the territory instead of
the trigram index of migration 0009 (a rare word, 30 times the owner's time on a 100,000-action base).
`ti_search_actions(territory, pattern)` runs the LIKE as the base's owner, so the index serves it, and keeps
only what the actions' read policy of migration 0011 lets the session's role read (written again here, as a
migration is frozen history: the same rule, the owner and superusers included). The services intersect its
ids with their own query, which the policies still guard: the function only finds, it never shows more.

The downgrade drops the function; no data is in it.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012_role_search"
down_revision: str | None = "0011_territory_access"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _quoted(sql: str) -> str:
    """`sql` as a string literal of the function's body."""
    return "'" + sql.replace("'", "''") + "'"


PG_TEXT = "lower(coalesce(code, '') || ' ' || title || ' ' || coalesce(description, ''))"  # migration 0009's index

MATCHING = f"SELECT id FROM actions WHERE territory_id = $1 AND {PG_TEXT} LIKE $2 ESCAPE '\\'"

# The actions' read policy of migration 0011, for one territory, decided once per call (not row by row): the
# owner and superusers read everything, a role with a full access its confidential actions too, a Région's
# access without `confidential` the others, anyone else nothing.
FUNCTION = f"""
CREATE FUNCTION ti_search_actions(territory integer, pattern text) RETURNS SETOF integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    -- EXECUTE: planned with the pattern's value, so that the trigram index is chosen for a word it serves.
    IF ti_is_base_owner() OR territory IN (SELECT ti_full_territories()) THEN
        RETURN QUERY EXECUTE {_quoted(MATCHING)} USING territory, pattern;
    ELSIF territory IN (SELECT ti_readable_territories()) THEN
        RETURN QUERY EXECUTE {_quoted(MATCHING + " AND NOT confidential")} USING territory, pattern;
    END IF;
END
$$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION IF EXISTS ti_search_actions(integer, text)")
