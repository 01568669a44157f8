"""Two small ASGI middlewares (plain ASGI, not ``BaseHTTPMiddleware``, so a request costs no extra task):

- :class:`BodyLimit` refuses a request body over the limit with 413 before any handler or parser sees it —
  uploads (multipart forms, plan texts) get the upload limit, everything else the smaller body limit — and
  refuses a NUL character in the address, a form or a JSON body (PostgreSQL cannot store one in text, and no
  planwatch value has one), so it can never reach the database as an error;
- :class:`AnonymousPages` answers an anonymous GET of a page straight from the page cache (no routing, no
  database), and after any write through this worker makes the next read look at the data version again;
- :class:`SecurityHeaders` adds a strict Content-Security-Policy (no script or style from anywhere but the
  site itself; the printable report's inline stylesheet is allowed on that page only), and the usual
  nosniff / frame / referrer headers; static files are cached for a day (their addresses carry a fingerprint).
"""

from __future__ import annotations

import json

from .settings import Settings

UPLOAD_PATHS = ("/figures/upload", "/admin/plans", "/api/v1/observations/upload", "/api/v1/plans", "/api/v1/drafts")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
REPORT_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


async def _reply(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail, "errors": []}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    def __init__(self, app, settings: Settings):
        self.app, self.settings = app, settings

    def limit_for(self, path: str, content_type: str) -> int:
        if content_type.startswith("multipart/form-data") or path.startswith(UPLOAD_PATHS):
            return self.settings.max_upload_bytes
        return self.settings.max_body_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if "\x00" in scope["path"] or b"%00" in scope.get("query_string", b""):
            return await _reply(send, 400, "a NUL character is not allowed in an address")
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        content_type = headers.get(b"content-type", b"").decode("latin-1").lower()
        limit = self.limit_for(scope["path"], content_type)
        declared = headers.get(b"content-length")
        try:
            if declared is not None and int(declared) > limit:
                return await _reply(send, 413, f"the request body is larger than {limit:,} bytes")
        except ValueError:
            return await _reply(send, 400, "Content-Length is not a number")
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return await _reply(send, 413, f"the request body is larger than {limit:,} bytes")
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        if (content_type.startswith("application/json") and b"\\u0000" in body) or \
                (content_type.startswith("application/x-www-form-urlencoded") and b"%00" in body):
            return await _reply(send, 422, "a NUL character is not allowed in a value")
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class AnonymousPages:
    def __init__(self, app, data, settings: Settings):
        self.app, self.data, self.settings = app, data, settings

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if scope["method"] not in ("GET", "HEAD"):
            try:
                return await self.app(scope, receive, send)
            finally:
                self.data.invalidate()  # a write here is seen by the very next read
        path = scope["path"]
        headers = dict(scope["headers"])
        if self.settings.require_signin or path.startswith(("/api/", "/static/")) or b"authorization" in headers \
                or b"pw_session=" in headers.get(b"cookie", b""):
            return await self.app(scope, receive, send)
        snap = self.data.snapshot(fresh=False)
        hit = self.data.cache.peek((snap.version, snap.today, "page", path, scope.get("query_string", b"").decode("latin-1")))
        if hit is None:
            return await self.app(scope, receive, send)
        body, status, media, extra, etag = hit
        out = [(b"etag", etag.encode()), (b"cache-control", b"public, no-cache")]
        out += [(k.encode(), v.encode()) for k, v in extra.items()]
        if headers.get(b"if-none-match", b"").decode("latin-1") == etag:
            await send({"type": "http.response.start", "status": 304, "headers": out})
            return await send({"type": "http.response.body", "body": b""})
        ctype = media + ("; charset=utf-8" if media.startswith("text/") else "")
        out += [(b"content-type", ctype.encode()), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": out})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        static = scope["path"].startswith("/static/")

        async def wrapped(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-report"]
                report = len(headers) != len(message.get("headers", []))
                headers += [(b"content-security-policy", (REPORT_CSP if report else CSP).encode()),
                            (b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                            (b"referrer-policy", b"same-origin")]
                if static:
                    headers.append((b"cache-control", b"public, max-age=86400"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, wrapped)
