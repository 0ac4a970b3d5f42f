"""record versions (optimistic locking on every edited entity)

Revision ID: 0003_record_versions
Revises: 0002_action_version
Create Date: 2026-12-05

Adds `version` to every table of records a person edits (actions have it since 0002): every update and
deletion checks and increments it, so that an edit, an undo or a redo based on what the record was never
silently overwrites what someone else saved meanwhile. Existing rows start at 1.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_record_versions"
down_revision: str | None = "0002_action_version"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every versioned table but `actions` (0002), in the order of 0001.
TABLES = (
    "territories",
    "epcis",
    "actors",
    "territory_roles",
    "axes",
    "diagnostic_sections",
    "swot_items",
    "challenges",
    "key_companies",
    "objectives",
    "action_partners",
    "funding_lines",
    "milestones",
    "indicators",
    "indicator_values",
    "progress_updates",
    "meetings",
    "agenda_items",
    "decisions",
    "attachments",
)


def upgrade() -> None:
    # Plain ADD COLUMNs (SQLite supports them): no table rebuild, so every row and constraint stays as it is.
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    for table in reversed(TABLES):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE {table} DROP COLUMN version")  # SQLite 3.35+, no table rebuild
        else:
            op.drop_column(table, "version")
