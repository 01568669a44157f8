"""What a deployment of ``planwatch serve`` can set, from arguments or ``PLANWATCH_SERVE_*`` variables.

Settings travel to uvicorn's worker processes through the environment (each worker builds its own app from
:func:`Settings.from_env`), which is why they are plain strings and numbers.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

ENV_PREFIX = "PLANWATCH_SERVE_"


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Settings:
    #: Database path or URL (None: PLANWATCH_DATABASE_URL, else the SQLite file in the data folder).
    db: str | None = None
    #: Anonymous visitors may read unless this is set; then every page and API read needs a sign-in or token.
    require_signin: bool = False
    #: Largest upload (observation file, plan file, plan text) in bytes; larger requests get 413.
    max_upload_bytes: int = 5 * 1024 * 1024
    #: Largest request body that is not a file upload (JSON, forms) in bytes.
    max_body_bytes: int = 1024 * 1024
    #: Mark cookies Secure (set behind an HTTPS reverse proxy; plain http on loopback otherwise).
    secure_cookies: bool = False
    #: How long a sign-in lasts, in hours.
    session_hours: int = 12
    #: Load the built-in plans' sourced data on start (once per data version).
    load_builtin: bool = True
    #: Threads per worker for the request handlers: few, so requests queue in order instead of contending for
    #: the interpreter (which stretches the slowest responses); the database work in each is short.
    threads: int = 8
    #: Seconds an anonymous read may reuse the data version read by an earlier request (see serve/data.py).
    version_ttl: float = 1.0

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        default = cls()
        return cls(
            db=env.get(ENV_PREFIX + "DB") or None,
            require_signin=_flag(env.get(ENV_PREFIX + "REQUIRE_SIGNIN")),
            max_upload_bytes=int(env.get(ENV_PREFIX + "MAX_UPLOAD_BYTES") or default.max_upload_bytes),
            max_body_bytes=int(env.get(ENV_PREFIX + "MAX_BODY_BYTES") or default.max_body_bytes),
            secure_cookies=_flag(env.get(ENV_PREFIX + "SECURE_COOKIES")),
            session_hours=int(env.get(ENV_PREFIX + "SESSION_HOURS") or default.session_hours),
            load_builtin=env.get(ENV_PREFIX + "LOAD_BUILTIN", "1") != "0",
            threads=int(env.get(ENV_PREFIX + "THREADS") or default.threads),
            version_ttl=float(env.get(ENV_PREFIX + "VERSION_TTL") or default.version_ttl),
        )

    def to_env(self) -> dict[str, str]:
        """The variables that make :meth:`from_env` return these settings in a worker process."""
        out = {}
        for key, value in asdict(self).items():
            if value is None:
                continue
            out[ENV_PREFIX + key.upper()] = ("1" if value else "0") if isinstance(value, bool) else str(value)
        return out
