"""Vintages: publication-date precision, source identities, bases, statements, materialised current rows.

- sources: ``known_from`` (the last day a publication date can mean) and ``identity`` (a hash of the four
  identifying fields) replace the unique constraint over the raw fields, which PostgreSQL cannot index
  for long titles or addresses.
- observations: ``basis``, ``comparator`` (for statements), ``rounded``, ``derivation``, and the flags
  ``is_live`` / ``is_current`` that store/vintage.py computes; existing rows get them here.

Revision ID: 0002_vintages
Revises: 0001_initial
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_vintages"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from planwatch.store.identity import source_identity
    from planwatch.store.vintage import known_from

    with op.batch_alter_table("sources") as b:
        b.add_column(sa.Column("known_from", sa.String(10), nullable=True))
        b.add_column(sa.Column("identity", sa.String(64), nullable=True))
        b.drop_constraint("uq_sources_identity", type_="unique")
    conn = op.get_bind()
    src = sa.table("sources", sa.column("id"), sa.column("publisher"), sa.column("title"), sa.column("url"),
                   sa.column("published"), sa.column("known_from"), sa.column("identity"))
    for row in conn.execute(sa.select(src.c.id, src.c.publisher, src.c.title, src.c.url, src.c.published)).all():
        conn.execute(src.update().where(src.c.id == row.id).values(
            known_from=known_from(row.published),
            identity=source_identity(row.publisher, row.title, row.url, row.published)))
    with op.batch_alter_table("sources") as b:
        b.alter_column("known_from", existing_type=sa.String(10), nullable=False)
        b.alter_column("identity", existing_type=sa.String(64), nullable=False)
        b.create_unique_constraint("uq_sources_identity_hash", ["identity"])

    with op.batch_alter_table("observations") as b:
        b.add_column(sa.Column("basis", sa.String(32), nullable=True))
        b.add_column(sa.Column("comparator", sa.String(16), nullable=True))
        b.add_column(sa.Column("rounded", sa.Boolean, nullable=False, server_default=sa.false()))
        b.add_column(sa.Column("derivation", sa.Text, nullable=True))
        b.add_column(sa.Column("is_live", sa.Boolean, nullable=False, server_default=sa.false()))
        b.add_column(sa.Column("is_current", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_index("ix_observations_cell", "observations", ["indicator", "region", "period"])
    op.create_index("ix_observations_current", "observations", ["is_current", "indicator", "region"])
    op.create_index("ix_observations_live", "observations", ["is_live", "indicator", "region"])

    # Materialise the flags for what is already stored.
    from planwatch.store.flags import refresh_all

    refresh_all(conn)


def downgrade() -> None:
    op.drop_index("ix_observations_live", "observations")
    op.drop_index("ix_observations_current", "observations")
    op.drop_index("ix_observations_cell", "observations")
    with op.batch_alter_table("observations") as b:
        for col in ("is_current", "is_live", "derivation", "rounded", "comparator", "basis"):
            b.drop_column(col)
    with op.batch_alter_table("sources") as b:
        b.drop_constraint("uq_sources_identity_hash", type_="unique")
        b.drop_column("identity")
        b.drop_column("known_from")
        b.create_unique_constraint("uq_sources_identity", ["publisher", "title", "url", "published"])
