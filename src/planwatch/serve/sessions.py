"""Sign-in sessions kept in the store, so every worker of a deployment shares them and sign-out is immediate.

The browser holds a random value; the store holds its SHA-256 (a copied sessions table signs no one in),
the user, an expiry and the session's CSRF token. Every form that changes something carries that token,
and a request signed in by cookie that does not bring it back is refused (see :mod:`.auth`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from ..store import tables as t
from ..store.db import translate_errors
from ..store.repository import Store
from .accounts import User, _user

COOKIE = "pw_session"


@dataclass(frozen=True)
class Session:
    key: str  # hash of the cookie value
    user: User
    csrf: str
    expires_at: dt.datetime


def _key(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def start(store: Store, user: User, hours: int) -> tuple[str, Session]:
    """A new session; returns the cookie value (shown to the browser only) and the session."""
    from sqlalchemy import insert

    value = secrets.token_urlsafe(32)
    now = dt.datetime.now(dt.UTC)
    session = Session(key=_key(value), user=user, csrf=secrets.token_urlsafe(32), expires_at=now + dt.timedelta(hours=hours))
    with store.begin_write() as conn:
        conn.execute(insert(t.sessions).values(id=session.key, user_id=user.id, csrf=session.csrf, created_at=now,
                                               expires_at=session.expires_at))
    return value, session


def lookup(store: Store, value: str | None) -> Session | None:
    """The live session for a cookie value (not ended, not expired, its user active), or None."""
    from sqlalchemy import select

    if not value or len(value) > 100:
        return None
    s, u = t.sessions, t.users
    with translate_errors(store.url), store.engine.connect() as c:
        row = c.execute(select(s.c.id, s.c.csrf, s.c.expires_at, s.c.ended_at, u).join(u, u.c.id == s.c.user_id)
                        .where(s.c.id == _key(value))).first()
    if row is None or row.ended_at is not None or row.disabled_at is not None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=dt.UTC)
    if expires <= dt.datetime.now(dt.UTC):
        return None
    return Session(key=row[0], user=_user(row), csrf=row.csrf, expires_at=expires)


def end(store: Store, session: Session) -> None:
    from sqlalchemy import update

    with store.begin_write() as conn:
        conn.execute(update(t.sessions).where(t.sessions.c.id == session.key).values(ended_at=dt.datetime.now(dt.UTC)))


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two secrets (False when either is missing)."""
    return bool(a) and bool(b) and secrets.compare_digest(str(a), str(b))
