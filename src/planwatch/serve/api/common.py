"""Conditional, cacheable JSON responses and pagination for the API.

A read's ETag is derived from the store's data version and the request's address, so a client that sends
``If-None-Match`` gets ``304 Not Modified`` before any work is done — the data behind a read changes only
when the version does. Bodies are serialised here (not by FastAPI's response validation), which keeps the
observation listing fast; the declared response models still describe them in the OpenAPI document and the
schema tests check that they match.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel

from ..auth import can_read
from ..data import Snapshot

#: How long a shared cache may keep an anonymous API read before revalidating (seconds).
MAX_AGE = 15


def snapshot(request: Request) -> Snapshot:
    """The data snapshot of an API read (an anonymous read may reuse a recently read data version)."""
    return request.app.state.data.snapshot(fresh=can_read(request).signed_in)


def dumps(obj: Any) -> bytes:
    """JSON bytes: pydantic's own serialiser for models; orjson (about 8× the standard library) for plain data."""
    if isinstance(obj, BaseModel):
        return obj.model_dump_json().encode("utf-8")
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency; the standard library is the fallback
        return json.dumps(obj, separators=(",", ":"), default=str).encode("ascii")
    return orjson.dumps(obj, default=str, option=orjson.OPT_NON_STR_KEYS)


def cached_json(request: Request, snap: Snapshot, build: Callable[[], Any]) -> Response:
    """A read with an ETag from (data version, day, address) and Cache-Control for who may keep it."""
    raw = f"{snap.version}|{snap.today}|{request.url.path}?{request.url.query}"
    etag = 'W/"' + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:24] + '"'
    private = request.app.state.settings.require_signin
    headers = {"ETag": etag, "Cache-Control": ("private, no-cache" if private else f"public, max-age={MAX_AGE}"),
               "Vary": "Authorization, Cookie" if private else "Accept-Encoding"}
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(dumps(build()), media_type="application/json", headers=headers)


def private_json(payload: Any, status: int = 200) -> Response:
    """A response that names people or shows secrets: never stored by a cache."""
    return Response(dumps(payload), status_code=status, media_type="application/json",
                    headers={"Cache-Control": "no-store"})


def next_page(request: Request, limit: int, offset: int, returned: int) -> str | None:
    if returned < limit:
        return None
    q = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"] + [("offset", str(offset + limit))]
    return request.url.path + "?" + urlencode(q)


def split(values: list[str]) -> list[str]:
    """Repeated parameters and comma-separated lists alike (``?region=CN-BJ&region=CN-SH`` or ``?region=CN-BJ,CN-SH``)."""
    return [v.strip() for raw in values for v in raw.split(",") if v.strip()]
