"""Documents: plan files and catalogue files kept in the store, so every reader of a shared store knows the
same plans, indicators, regions and units. Append-only: replacing a plan adds a row; the newest row of a
(kind, key) is current; nothing is deleted.

Revision ID: 0003_documents
Revises: 0002_vintages
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_documents"
down_revision = "0002_vintages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=True),
    )
    op.create_index("ix_documents_key", "documents", ["kind", "key"])


def downgrade() -> None:
    op.drop_index("ix_documents_key", "documents")
    op.drop_table("documents")
