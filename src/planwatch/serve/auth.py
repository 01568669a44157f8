"""Who is asking, and may they? Identity comes from an API token (``Authorization: Bearer pw_…``, for programs)
or a sign-in session cookie (for the pages). Writes need a role; a write signed in by cookie must also bring
the session's CSRF token back (a form field, or the ``X-CSRF-Token`` header), so another site cannot make a
signed-in browser change anything. Tokens are never accepted in a URL, so they never reach an access log.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass

from fastapi import Form, Header, HTTPException, Request

from . import sessions
from .accounts import User, user_for_token

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class Viewer:
    user: User | None = None
    session: sessions.Session | None = None
    via: str | None = None  # "token" | "session" | None

    @property
    def signed_in(self) -> bool:
        return self.user is not None

    @property
    def csrf(self) -> str | None:
        return self.session.csrf if self.session else None

    def can(self, role: str) -> bool:
        return self.user is not None and self.user.can(role)


def viewer(request: Request) -> Viewer:
    """The viewer of this request, looked up once and kept on ``request.state``."""
    cached = getattr(request.state, "viewer", None)
    if cached is not None:
        return cached
    store = request.app.state.store
    found = Viewer()
    auth = request.headers.get("authorization", "")
    if auth:
        scheme, _, token = auth.partition(" ")
        user = user_for_token(store, token.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            raise HTTPException(401, "the API token is not valid (or its user is disabled)",
                                headers={"WWW-Authenticate": "Bearer"})
        found = Viewer(user=user, via="token")
    else:
        session = sessions.lookup(store, request.cookies.get(sessions.COOKIE))
        if session is not None:
            found = Viewer(user=session.user, session=session, via="session")
    request.state.viewer = found
    return found


def can_read(request: Request) -> Viewer:
    """Reads are open to anyone unless the deployment requires sign-in to read."""
    v = viewer(request)
    if request.app.state.settings.require_signin and not v.signed_in:
        raise HTTPException(401, "sign in to read (this deployment requires it)", headers={"WWW-Authenticate": "Bearer"})
    return v


def _allowed(request: Request, role: str, csrf: str | None) -> Viewer:
    v = viewer(request)
    if not v.signed_in:
        raise HTTPException(401, "sign in (or send an API token) to change anything",
                            headers={"WWW-Authenticate": "Bearer"})
    if not v.can(role):
        raise HTTPException(403, f"this needs the {role} role; {v.user.name} is {v.user.role}")
    if v.via == "session" and request.method not in SAFE_METHODS and not sessions.same(csrf, v.csrf):
        raise HTTPException(403, "the form's CSRF token is missing or stale: reload the page and try again")
    return v


def form_writer(role: str):
    """A dependency for page forms: the role, and the CSRF token as the form field ``csrf_token``."""
    def dep(request: Request, csrf_token: str = Form("", max_length=200)) -> Viewer:
        return _allowed(request, role, csrf_token)

    return dep


def api_writer(role: str):
    """A dependency for API writes: the role, and (for a cookie session) the ``X-CSRF-Token`` header."""
    def dep(request: Request, x_csrf_token: str | None = Header(None, max_length=200)) -> Viewer:
        return _allowed(request, role, x_csrf_token)

    return dep


def page_role(request: Request, role: str) -> Viewer:
    """For a page that shows a form (GET): the viewer, if signed in with the role (401 or 403 otherwise)."""
    v = viewer(request)
    if not v.signed_in:
        raise HTTPException(401, f"sign in as an {role}" if role == "admin" else f"sign in as an {role} to change anything")
    if not v.can(role):
        raise HTTPException(403, f"this needs the {role} role")
    return v


def signed_in(request: Request) -> Viewer:
    """Any signed-in user (the audit trail names people, so it is not public)."""
    v = viewer(request)
    if not v.signed_in:
        raise HTTPException(401, "sign in to see the audit trail", headers={"WWW-Authenticate": "Bearer"})
    return v


class SignInLimiter:
    """At most ``attempts`` failed sign-ins per client address in ``window`` seconds (per worker)."""

    def __init__(self, attempts: int = 10, window: float = 300.0):
        self.attempts, self.window = attempts, window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def blocked(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            q = self._failures.get(client)
            while q and now - q[0] > self.window:
                q.popleft()
            return bool(q) and len(q) >= self.attempts

    def failed(self, client: str) -> None:
        with self._lock:
            self._failures.setdefault(client, deque()).append(time.monotonic())
            if len(self._failures) > 10000:  # bounded memory under a flood of addresses
                self._failures.clear()
