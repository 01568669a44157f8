"""Table definitions (SQLAlchemy Core). The schema itself is created and changed only by Alembic migrations."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
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
    Column("added_by", String(100), nullable=True),  # the signed-in user of `planwatch serve` (0005)
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("publisher", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("published", String(10), nullable=False),  # YYYY-MM-DD, YYYY-MM or YYYY: its precision is kept
    Column("known_from", String(10), nullable=False),  # last day the published date can mean (see vintage.py)
    # sha256 of publisher, title, url and published: one source row per identity, whatever the field lengths
    Column("identity", String(64), nullable=False, unique=True),
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
    Column("basis", String(32), nullable=True),  # definition where an indicator has several (fte, headcount, …)
    Column("comparator", String(16), nullable=True),  # for a statement: around, at_least, … its number
    Column("rounded", Boolean, nullable=False, default=False),  # a rounded restatement of a precise figure
    Column("derivation", Text, nullable=True),  # for a derived figure: formula and its inputs' sources
    # Materialised for the present (store/vintage.py): the newest revision of its line; the current figure.
    Column("is_live", Boolean, nullable=False, default=False),
    Column("is_current", Boolean, nullable=False, default=False),
    UniqueConstraint("indicator", "region", "period", "revision", name="uq_observation_revision"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),  # plan | catalogue
    Column("key", String(100), nullable=False),  # plan id, or catalogue file name
    Column("text", Text, nullable=False),  # the file as added (YAML)
    Column("sha256", String(64), nullable=False),
    Column("origin", Text, nullable=False),  # where it was added from
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("added_by", String(100), nullable=True),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(100), nullable=False),
    Column("subject", String(100), nullable=False),
    Column("date", String(10), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text_en", Text, nullable=True),
    Column("text_zh", Text, nullable=True),
    Column("quote", Text, nullable=False),
    Column("publisher", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("published", String(10), nullable=False),
    Column("ranking", Text, nullable=True),
    Column("confidence", String(1), nullable=True),
    Column("note", Text, nullable=True),
    Column("identity", String(64), nullable=False, unique=True),
    Column("withdraws", Integer, nullable=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("recorded_by", String(100), nullable=True),
)

task_status = Table(
    "task_status",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(100), nullable=False),
    Column("subject", String(100), nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
    Column("set_by", String(100), nullable=True),
)

meta = Table(
    "planwatch_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# -- accounts and audit for `planwatch serve` (migration 0005) ---------------------------------------------
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(16), nullable=False),  # editor | admin
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 hex; the token is shown once
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(100), nullable=True),
    Column("disabled_at", DateTime(timezone=True), nullable=True),
    Column("disabled_by", String(100), nullable=True),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 hex of the cookie value
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=True),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_name", String(100), nullable=False),
    Column("action", String(32), nullable=False),
    Column("plan_id", String(100), nullable=True),
    Column("subject", Text, nullable=True),
    Column("old_value", Text, nullable=True),
    Column("new_value", Text, nullable=True),
    Column("source", Text, nullable=True),
    Column("detail", Text, nullable=True),  # JSON
    Column("import_id", Integer, nullable=True),
)
