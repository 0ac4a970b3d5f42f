"""dashboard indexes: the figures, the late actions and the open milestones read an index, not the tables

Revision ID: 0010_dashboard_indexes
Revises: 0009_action_search
Create Date: 2026-12-07

On a national base (100,000 actions, 150,000 milestones) the dashboard's queries scanned whole tables:

- the figures (services/plan_figures.py) group the territory's actions by axis, status and basis and sum
  their money and jobs: a covering index holds every column they read, so the database scans it (far
  narrower than the rows, which carry descriptions) in the GROUP BY's order;
- the funding figures read each included action's lines from a covering index (not the lines' rows);
- the late actions, most overdue first, read (territory, planned end) in order and stop at the first few;
- the milestones overdue or due soon (not done, by due date) read (done_on, due_on, action) alone.

The downgrade removes them; no data is in an index.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_dashboard_indexes"
down_revision: str | None = "0009_action_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same columns as db/models.py declares (the figures' grouping first, then what they filter and sum).
FIGURES = [
    "territory_id",
    "axis_id",
    "status",
    "budget_basis",
    "confidential",
    "parent_id",
    "planned_end",
    "planned_budget",
    "spent_to_date",
    "jobs_targeted",
    "jobs_created",
    "induced_investment",
    "achieved_investment",
]

FUNDING = ["action_id", "status", "basis", "amount_requested", "amount_granted"]


def upgrade() -> None:
    op.create_index("ix_actions_figures", "actions", FIGURES)
    op.create_index("ix_actions_territory_end", "actions", ["territory_id", "planned_end"])
    op.create_index("ix_milestones_open_due", "milestones", ["done_on", "due_on", "action_id"])
    op.create_index("ix_funding_lines_figures", "funding_lines", FUNDING)


def downgrade() -> None:
    op.drop_index("ix_funding_lines_figures", table_name="funding_lines")
    op.drop_index("ix_milestones_open_due", table_name="milestones")
    op.drop_index("ix_actions_territory_end", table_name="actions")
    op.drop_index("ix_actions_figures", table_name="actions")
