"""custom fields: a territory's own fields and the actions' values of them

Revision ID: 0007_custom_fields
Revises: 0006_action_notes_basis
Create Date: 2026-12-07

A plan imported from a workbook often has columns TI Desktop has no field for (« Cibles », « Calendrier »…):
they are kept as the territory's custom fields (« champs personnalisés »), which the fiche shows and edits, the
plan lists and filters, and the export writes back. Two new tables, nothing else touched:

- `custom_fields`: per territory, the field's name (unique in the territory whatever its case and accents:
  `name_key`, its comparable form), its kind (texte, nombre, montant, date, oui_non, liste), a list's choices
  (one per line), its position, and a version like every edited record;
- `custom_values`: one row per action and field, the value as text (amounts in cents, dates in ISO form), deleted
  with its action or its field.

The downgrade drops both tables (their rows with them): a file taken below this revision has no custom fields.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_custom_fields"
down_revision: str | None = "0006_action_notes_basis"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here rather than imported: this migration must do the same thing whatever the code becomes.
KINDS = ("texte", "nombre", "montant", "date", "oui_non", "liste")


def upgrade() -> None:
    op.create_table(
        "custom_fields",
        sa.Column("territory_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("choices", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "kind IN (" + ", ".join(f"'{kind}'" for kind in KINDS) + ")", name=op.f("ck_custom_fields_kind_valid")
        ),
        sa.ForeignKeyConstraint(
            ["territory_id"],
            ["territories.id"],
            name=op.f("fk_custom_fields_territory_id_territories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_fields")),
        sa.UniqueConstraint("territory_id", "name_key", name=op.f("uq_custom_fields_territory_id_name_key")),
    )
    op.create_index(op.f("ix_custom_fields_territory_id"), "custom_fields", ["territory_id"], unique=False)
    op.create_table(
        "custom_values",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("field_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"], ["actions.id"], name=op.f("fk_custom_values_action_id_actions"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["field_id"],
            ["custom_fields.id"],
            name=op.f("fk_custom_values_field_id_custom_fields"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_values")),
        sa.UniqueConstraint("action_id", "field_id", name=op.f("uq_custom_values_action_id_field_id")),
    )
    op.create_index(op.f("ix_custom_values_field_id"), "custom_values", ["field_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_custom_values_field_id"), table_name="custom_values")
    op.drop_table("custom_values")
    op.drop_index(op.f("ix_custom_fields_territory_id"), table_name="custom_fields")
    op.drop_table("custom_fields")
