"""Where the store lives and how it is opened: one URL, SQLite file by default, PostgreSQL alike.

Resolution order: an explicit ``--db`` (path or URL), then ``PLANWATCH_DATABASE_URL``, then
``planwatch.sqlite`` in the user's data directory. The schema is brought to the newest migration on
open; Alembic is imported only when a migration is actually needed, so opening a current store is fast.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import PlanwatchError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

#: The newest migration; a test checks it matches Alembic's head.
HEAD_REVISION = "0001_initial"


def data_dir() -> Path:
    env = os.environ.get("PLANWATCH_HOME")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("planwatch", appauthor=False))


def resolve_url(db: str | None = None) -> str:
    value = db or os.environ.get("PLANWATCH_DATABASE_URL")
    if not value:
        return f"sqlite:///{data_dir() / 'planwatch.sqlite'}"
    if "://" in value:
        if value.startswith("postgresql://"):
            value = "postgresql+psycopg://" + value[len("postgresql://"):]
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def create_engine_for(url: str) -> Engine:
    from sqlalchemy import create_engine, event

    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        if str(path) not in ("", ":memory:"):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise PlanwatchError(f"cannot create the folder for the database {path}: {exc.strerror}") from None
        engine = create_engine(url)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # foreign keys and WAL for safe concurrent readers
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as exc:  # unknown dialect or missing driver
        raise PlanwatchError(f"cannot open database {url!r}: {exc}") from None


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, target: str = "head") -> None:
    """Run Alembic migrations up to ``target`` inside one transaction."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def open_engine(db: str | None = None) -> Engine:
    from sqlalchemy.exc import OperationalError

    url = resolve_url(db)
    engine = create_engine_for(url)
    try:
        if current_revision(engine) != HEAD_REVISION:
            migrate(engine)
    except OperationalError as exc:
        raise PlanwatchError(f"cannot open database {_redact(url)}: {exc.orig}") from None
    return engine


def _redact(url: str) -> str:
    import re

    return re.sub(r"://([^:/@]+):[^@]+@", r"://\1:***@", url)
