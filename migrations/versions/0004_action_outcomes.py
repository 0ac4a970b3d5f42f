"""action outcomes: jobs created and investment achieved, beside the targeted ones

Revision ID: 0004_action_outcomes
Revises: 0003_record_versions
Create Date: 2026-12-06

The programme reports what actions achieved (« 27 250 emplois créés, 5,4 milliards d'investissements
industriels »): a fiche-action records the jobs it created (constatés) and the investment achieved, beside the
jobs targeted and the induced investment. Two nullable columns, each with its CHECK constraint declared inline:
a plain ADD COLUMN on SQLite and PostgreSQL alike, so no table is rebuilt and every row stays as it is (NULL:
not known yet).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004_action_outcomes"
down_revision: str | None = "0003_record_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (column, SQL type): integers for counts, BIGINT cents for money (as `Money` stores it).
COLUMNS = (("jobs_created", "INTEGER"), ("achieved_investment", "BIGINT"))


def upgrade() -> None:
    for column, sql_type in COLUMNS:
        op.execute(
            f"ALTER TABLE actions ADD COLUMN {column} {sql_type} "
            f"CONSTRAINT ck_actions_{column}_non_negative CHECK ({column} IS NULL OR {column} >= 0)"
        )


def downgrade() -> None:
    for column, _ in reversed(COLUMNS):
        op.execute(f"ALTER TABLE actions DROP COLUMN {column}")  # SQLite 3.35+: its own CHECK goes with it
