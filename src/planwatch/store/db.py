"""Where the store lives and how it is opened: one URL, SQLite file by default, PostgreSQL alike.

Resolution order: an explicit ``--db`` (path or URL), then ``PLANWATCH_DATABASE_URL``, then
``planwatch.sqlite`` in the user's data directory. The schema is brought to the newest migration on
open, under the same write lock imports take, so two first opens of an empty database cannot race;
Alembic is imported only when a migration is actually needed, so opening a current store is fast.

Database errors a user can cause (a read-only file, a file that is not a database, a store busy with
another writer for longer than the timeout) become one-line :class:`PlanwatchError` messages.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import PlanwatchError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

#: The newest migration; a test checks it matches Alembic's head.
HEAD_REVISION = "0005_accounts"
#: Seconds a writer waits for another writer before giving up with a message.
BUSY_TIMEOUT = 30


def data_dir() -> Path:
    env = os.environ.get("PLANWATCH_HOME")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("planwatch", appauthor=False))


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'planwatch.sqlite'}"


def resolve_url(db: str | None = None) -> str:
    value = db or os.environ.get("PLANWATCH_DATABASE_URL")
    if not value:
        return default_url()
    if "://" in value:
        if value.startswith("postgresql://"):
            value = "postgresql+psycopg://" + value[len("postgresql://"):]
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def create_engine_for(url: str) -> Engine:
    from sqlalchemy import create_engine, event

    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):].split("?")[0].removeprefix("file:"))
        if str(path) not in ("", ":memory:") and "mode=memory" not in url:
            if url == default_url():
                try:  # only planwatch's own data folder is created; a user's path must exist
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise PlanwatchError(f"cannot create the data folder {path.parent}: {exc.strerror}") from None
            elif not path.parent.is_dir():
                raise PlanwatchError(f"cannot open database {path}: the folder {path.parent} does not exist")
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn, _record):
            # planwatch issues BEGIN itself (below), so writers can take the lock up front (BEGIN IMMEDIATE)
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT * 1000}")
            # WAL lets readers work while a writer writes; a read-only file keeps its mode and can still be read
            with suppress(Exception):
                cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as exc:  # unknown dialect or missing driver
        raise PlanwatchError(f"cannot open database {redact(url)}: {exc}") from None


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, target: str = "head") -> None:
    """Run Alembic migrations up to ``target`` in one transaction, under the write lock."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect, text

    from .repository import PG_LOCK_SQL, PG_WRITE_LOCK

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(PG_LOCK_SQL), {"k": PG_WRITE_LOCK})
        # another process may have migrated while this one waited for the lock
        if inspect(conn).has_table("alembic_version") and \
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION and target == "head":
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def open_engine(db: str | None = None) -> Engine:
    url = resolve_url(db)
    engine = create_engine_for(url)
    with translate_errors(url):
        if current_revision(engine) != HEAD_REVISION:
            migrate(engine)
    return engine


@contextmanager
def translate_errors(url: str):
    """Turn database errors a user can cause into one-line messages (others pass through unchanged)."""
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as exc:
        msg = explain(exc, url)
        if msg is None:
            raise
        raise PlanwatchError(msg) from None


_KNOWN = [
    (r"attempt to write a readonly database|readonly database", "the database {where} is read-only: "
     "planwatch can read it but not add to it (check the file's and folder's permissions)"),
    (r"file is not a database|file is encrypted", "{where} is not a planwatch database (not an SQLite file)"),
    (r"database is locked|database table is locked", "the database {where} is busy: another process has been writing "
     f"to it for more than {BUSY_TIMEOUT} s; try again when it has finished"),
    (r"unable to open database file", "cannot open the database {where} (check that the path and its folder exist "
     "and are readable)"),
    (r"could not connect|connection refused|Connection refused|could not translate host name",
     "cannot connect to the database server for {where}"),
    (r"password authentication failed|role .* does not exist|database .* does not exist",
     "the database server refused {where}: {detail}"),
]


def explain(exc: Exception, url: str) -> str | None:
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(getattr(exc, "orig", exc)).strip() else ""
    where = redact(url)
    if where.startswith("sqlite:///"):
        where = where[len("sqlite:///"):]
    for pattern, template in _KNOWN:
        if re.search(pattern, detail):
            return template.format(where=where, detail=detail)
    return None


def redact(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]+@", r"://\1:***@", url)
