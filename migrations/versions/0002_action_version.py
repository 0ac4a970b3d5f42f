"""action version (optimistic locking)

Revision ID: 0002_action_version
Revises: 0001_initial
Create Date: 2026-11-21

Adds `actions.version`: every update checks and increments it, so that two people editing the same
action (shared base on a server) never silently overwrite each other. Existing actions start at 1.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_action_version"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite supports it): no table rebuild, so every constraint stays as it is.
    op.add_column("actions", sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE actions DROP COLUMN version")  # SQLite 3.35+, no table rebuild
    else:
        op.drop_column("actions", "version")
