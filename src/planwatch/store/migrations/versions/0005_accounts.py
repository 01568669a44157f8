"""Accounts, sign-in sessions and the audit trail for ``planwatch serve``; who added each import.

Users carry a role (editor or admin) and only the SHA-256 of their API token (the token itself is shown
once, when the user is added). Sessions are kept server-side so that every worker of a shared deployment
sees the same sign-ins and a sign-out ends the session everywhere; the cookie holds a random value whose
hash is the key. The audit table is append-only like everything else: who, when, what, old → new, source.

Revision ID: 0005_accounts
Revises: 0004_evidence
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_accounts"
down_revision = "0004_evidence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),  # editor | admin
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),  # sha256 hex of the API token
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=True),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("disabled_by", sa.String(100), nullable=True),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), primary_key=True),  # sha256 hex of the cookie value
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(100), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("plan_id", sa.String(100), nullable=True),
        sa.Column("subject", sa.Text, nullable=True),
        sa.Column("old_value", sa.Text, nullable=True),
        sa.Column("new_value", sa.Text, nullable=True),
        sa.Column("source", sa.Text, nullable=True),
        sa.Column("detail", sa.Text, nullable=True),  # JSON
        sa.Column("import_id", sa.Integer, nullable=True),
    )
    op.create_index("ix_audit_at", "audit", ["at"])
    op.create_index("ix_audit_user", "audit", ["user_name"])
    op.create_index("ix_audit_plan", "audit", ["plan_id"])
    op.add_column("imports", sa.Column("added_by", sa.String(100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("imports") as batch:
        batch.drop_column("added_by")
    op.drop_index("ix_audit_plan", "audit")
    op.drop_index("ix_audit_user", "audit")
    op.drop_index("ix_audit_at", "audit")
    op.drop_table("audit")
    op.drop_table("sessions")
    op.drop_table("users")
