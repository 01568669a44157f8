"""Table definitions (SQLAlchemy Core). The schema itself is created and changed only by Alembic migrations."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

imports = Table(
    "imports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("rows", Integer, nullable=False),
    Column("written", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("publisher", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("published", String(10), nullable=False),
    UniqueConstraint("publisher", "title", "url", "published", name="uq_sources_identity"),
)

observations = Table(
    "observations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator", String(64), nullable=False, index=True),
    Column("region", String(32), nullable=False),
    Column("period", Integer, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("value", Float, nullable=True),  # as published; NULL for a qualitative statement
    Column("unit", String(64), nullable=False),  # as published
    Column("value_std", Float, nullable=True),  # in the indicator's catalogue unit
    Column("status", String(16), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("quote", Text, nullable=True),
    Column("confidence", String(1), nullable=True),
    Column("note", Text, nullable=True),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("indicator", "region", "period", "revision", name="uq_observation_revision"),
)

meta = Table(
    "planwatch_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
