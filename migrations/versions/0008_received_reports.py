"""received reports: the progress reports a Région received from its territories

Revision ID: 0008_received_reports
Revises: 0007_custom_fields
Create Date: 2026-12-07

A Région agent consolidates the reports its territories send (issue 17): each checked report is stored in
`received_reports`, one row per territory and period (`territory_key`: the territory's national code, else its
comparable name), with the document's data as JSON text, its SHA-256, the file it came from and who received it
when. A newer report of the same territory and period replaces the row (its version moves). Nothing else touched.

The downgrade drops the table (its rows with it): a file taken below this revision has no received reports.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_received_reports"
down_revision: str | None = "0007_custom_fields"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "received_reports",
        sa.Column("territory_key", sa.Text(), nullable=False),
        sa.Column("territory_name", sa.Text(), nullable=False),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("generated_on", sa.Date(), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "period_from IS NULL OR period_to IS NULL OR period_to >= period_from",
            name=op.f("ck_received_reports_period_to_after_period_from"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_reports")),
        sa.UniqueConstraint(
            "territory_key",
            "period_from",
            "period_to",
            name=op.f("uq_received_reports_territory_key_period_from_period_to"),
        ),
    )
    op.create_index(op.f("ix_received_reports_sha256"), "received_reports", ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_received_reports_sha256"), table_name="received_reports")
    op.drop_table("received_reports")
