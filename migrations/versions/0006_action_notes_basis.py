"""action notes, and the HT/TTC basis of the budget and of the funding lines

Revision ID: 0006_action_notes_basis
Revises: 0005_one_snapshot_format
Create Date: 2026-12-07

A fiche-action gets its notes (« Notes », long text): what a plan's file says of an action that has no field of
its own, and what the chef de projet wants to keep beside it. Money keeps its meaning: the action's budget and a
funding line's amounts say whether they are HT (before VAT, the programme's usual basis) or TTC, as the file or
the user gave them; they are never converted. Three nullable columns, the two bases with their CHECK constraint
declared inline: a plain ADD COLUMN on SQLite and PostgreSQL alike, so no table is rebuilt and every row stays as
it is (NULL notes: none; NULL basis: not said, HT assumed, as every amount was read until now).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006_action_notes_basis"
down_revision: str | None = "0005_one_snapshot_format"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here rather than imported: this migration must do the same thing whatever the code becomes.
BASES = "'ht', 'ttc'"
# (table, column, SQL type, CHECK condition or None); VARCHAR(30) as `EnumCode` stores an enumeration's code.
COLUMNS = (
    ("actions", "notes", "TEXT", None),
    ("actions", "budget_basis", "VARCHAR(30)", f"budget_basis IS NULL OR budget_basis IN ({BASES})"),
    ("funding_lines", "basis", "VARCHAR(30)", f"basis IS NULL OR basis IN ({BASES})"),
)


def upgrade() -> None:
    for table, column, sql_type, check in COLUMNS:
        constraint = f" CONSTRAINT ck_{table}_{column}_valid CHECK ({check})" if check else ""
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}{constraint}")


def downgrade() -> None:
    for table, column, _, _ in reversed(COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # SQLite 3.35+: its own CHECK goes with it
