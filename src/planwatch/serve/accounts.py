"""Users with roles and API tokens. Only a token's SHA-256 is stored: the token is printed once, when the user
is added, and cannot be read back — a lost token is replaced by disabling the user and adding another.

Tokens are 256 random bits, so a plain SHA-256 (not a slow password hash) is enough to make a stolen table
useless, and it lets a request find its user with one indexed lookup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

from ..errors import PlanwatchError
from ..store import tables as t
from ..store.db import translate_errors
from ..store.repository import Store

ROLES = ("editor", "admin")
TOKEN_PREFIX = "pw_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$")


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    created_at: dt.datetime
    created_by: str | None = None
    disabled_at: dt.datetime | None = None
    disabled_by: str | None = None

    @property
    def active(self) -> bool:
        return self.disabled_at is None

    def can(self, role: str) -> bool:
        """Admins can do everything editors can."""
        return self.active and (self.role == "admin" or self.role == role)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def check_name(name: str) -> str:
    if not _NAME.match(name or ""):
        raise PlanwatchError(f"a user name is 1–100 letters, digits or . _ @ - (starting with a letter or digit), "
                             f"not {name[:40]!r}")
    return name


def _user(row) -> User:
    return User(id=row.id, name=row.name, role=row.role, created_at=row.created_at, created_by=row.created_by,
                disabled_at=row.disabled_at, disabled_by=row.disabled_by)


def add_user(store: Store, name: str, role: str, created_by: str | None = None, conn=None) -> tuple[User, str]:
    """Add a user; returns the user and its token (the only time the token exists outside the caller)."""
    from sqlalchemy import insert, select

    from .audit import record

    check_name(name)
    if role not in ROLES:
        raise PlanwatchError(f"unknown role {role!r}; use one of: {', '.join(ROLES)}")
    if conn is None:
        with store.begin_write() as c:
            return add_user(store, name, role, created_by, conn=c)
    if conn.execute(select(t.users.c.id).where(t.users.c.name == name)).first() is not None:
        raise PlanwatchError(f"a user named {name!r} already exists (names are never reused: their changes stay "
                             "attributed to them)")
    token = new_token()
    now = dt.datetime.now(dt.UTC)
    conn.execute(insert(t.users).values(name=name, role=role, token_hash=token_hash(token), created_at=now,
                                        created_by=created_by))
    record(conn, created_by or "(command line)", "user.add", subject=name, new=role)
    user = get_user(store, name, conn=conn)
    assert user is not None
    return user, token


def get_user(store: Store, name: str, conn=None) -> User | None:
    from sqlalchemy import select

    q = select(t.users).where(t.users.c.name == name)
    if conn is not None:
        row = conn.execute(q).first()
    else:
        with translate_errors(store.url), store.engine.connect() as c:
            row = c.execute(q).first()
    return _user(row) if row else None


def list_users(store: Store) -> list[User]:
    from sqlalchemy import select

    with translate_errors(store.url), store.engine.connect() as c:
        return [_user(r) for r in c.execute(select(t.users).order_by(t.users.c.id))]


def disable_user(store: Store, name: str, disabled_by: str | None = None) -> User:
    """Disable a user: its token and sessions stop working; the user and its changes stay on record."""
    from sqlalchemy import update

    from .audit import record

    with store.begin_write() as conn:
        user = get_user(store, name, conn=conn)
        if user is None:
            raise PlanwatchError(f"no user named {name!r}")
        if not user.active:
            return user
        now = dt.datetime.now(dt.UTC)
        conn.execute(update(t.users).where(t.users.c.id == user.id).values(disabled_at=now, disabled_by=disabled_by))
        conn.execute(update(t.sessions).where(t.sessions.c.user_id == user.id, t.sessions.c.ended_at.is_(None))
                     .values(ended_at=now))
        record(conn, disabled_by or "(command line)", "user.disable", subject=name, old="active", new="disabled")
        return get_user(store, name, conn=conn)  # type: ignore[return-value]


def user_for_token(store: Store, token: str) -> User | None:
    """The active user holding this API token, or None."""
    from sqlalchemy import select

    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    with translate_errors(store.url), store.engine.connect() as c:
        row = c.execute(select(t.users).where(t.users.c.token_hash == token_hash(token))).first()
    if row is None or row.disabled_at is not None:
        return None
    return _user(row)
