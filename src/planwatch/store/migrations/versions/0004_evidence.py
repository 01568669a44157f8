"""Evidence for tasks and goals, and their status, kept in the store beside the figures.

Append-only like everything else: an entry is never changed; a withdrawal is a new row naming the entry it
withdraws; a task's status is the newest row set for it, with who set it, when and why.

Revision ID: 0004_evidence
Revises: 0003_documents
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_evidence"
down_revision = "0003_documents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.String(100), nullable=False),
        sa.Column("subject", sa.String(100), nullable=False),  # a task id or a goal id of the plan
        sa.Column("date", sa.String(10), nullable=False),  # of the event; YYYY, YYYY-MM or YYYY-MM-DD
        sa.Column("kind", sa.String(16), nullable=False),  # achieved | announced | assessment | ranking
        sa.Column("text_en", sa.Text, nullable=True),
        sa.Column("text_zh", sa.Text, nullable=True),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("publisher", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("published", sa.String(10), nullable=False),
        sa.Column("ranking", sa.Text, nullable=True),  # JSON: name, edition, rank, of, unit
        sa.Column("confidence", sa.String(1), nullable=True),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("identity", sa.String(64), nullable=False, unique=True),
        sa.Column("withdraws", sa.Integer, nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=True),
    )
    op.create_index("ix_evidence_plan", "evidence", ["plan_id", "subject"])
    op.create_table(
        "task_status",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.String(100), nullable=False),
        sa.Column("subject", sa.String(100), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),  # not_started | in_progress | achieved | unclear
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_by", sa.String(100), nullable=True),
    )
    op.create_index("ix_task_status_plan", "task_status", ["plan_id", "subject"])


def downgrade() -> None:
    op.drop_index("ix_task_status_plan", "task_status")
    op.drop_table("task_status")
    op.drop_index("ix_evidence_plan", "evidence")
    op.drop_table("evidence")
