"""What every page shares: the template environment, language and links, tables with CSV/JSON downloads, the
response with its caching headers, and the anonymous page cache.

Language is part of the address (``?lang=zh``), not a cookie, so a page's address says what it shows, links
can be shared, and caches need no ``Vary: Cookie`` for it. Every table on a page is a :class:`Table`; the same
address with ``?download=TABLE&format=csv|json`` returns that table's rows, so every table downloads by
construction.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ...publish.listing import csv_safe
from ..auth import Viewer, can_read
from ..i18n import COVERAGE_MARK, EVIDENCE_KINDS, HTML_LANG, LABELS, STATUS_WORDS, VERDICT_WORDS, best, word


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("planwatch.serve", "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.globals.update(VERDICT_WORDS=VERDICT_WORDS, STATUS_WORDS=STATUS_WORDS, EVIDENCE_KINDS=EVIDENCE_KINDS,
                       COVERAGE_MARK=COVERAGE_MARK, word=word, best=best,
                       options=lambda mapping, lang: [(k, word(v, lang)) for k, v in mapping.items()])
    return env


@lru_cache(maxsize=1)
def static_version() -> str:
    """A fingerprint of the static files, so their addresses change when they do (they are cached for a day)."""
    from importlib import resources

    h = hashlib.sha256()
    for f in sorted((resources.files("planwatch.serve") / "static").iterdir(), key=lambda f: f.name):
        h.update(f.read_bytes())
    return h.hexdigest()[:10]


def lang_of(request: Request) -> str:
    return "zh" if request.query_params.get("lang") == "zh" else "en"


def link(lang: str, path: str, **params: Any) -> str:
    """An address inside the site in the page's language (``lang=zh`` travels with every link)."""
    q = {k: v for k, v in params.items() if v not in (None, "", False)}
    if lang == "zh":
        q["lang"] = "zh"
    return path + ("?" + urlencode(q) if q else "")


# -- tables -------------------------------------------------------------------------------------------------
@dataclass
class Column:
    key: str
    label: str
    kind: str = "text"  # text | number | link | verdict | status | mark | svg (svg is shown, not downloaded)


@dataclass
class Table:
    id: str
    caption: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    empty: str = "—"
    note: str | None = None

    def export(self) -> list[dict[str, Any]]:
        cols = [c for c in self.columns if c.kind != "svg"]
        return [{c.key: plain(r.get(c.key)) for c in cols} for r in self.rows]


def plain(v: Any) -> Any:
    """A cell's value for a download: a link's text, a verdict's code, markup as text."""
    if isinstance(v, dict):
        if "verdict" in v:
            return v["verdict"] + ("*" if v.get("provisional") else "")
        if "status" in v:
            return v["status"]
        if "kind" in v:
            return v["kind"]
        return v.get("text")
    if isinstance(v, Markup):
        return v.striptags()
    return v


def download(table: Table, fmt: str) -> Response:
    rows = table.export()
    name = f"{table.id}.{fmt}"
    if fmt == "json":
        body = json.dumps(rows, ensure_ascii=False, indent=1, default=str)
        media = "application/json"
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow([c.key for c in table.columns if c.kind != "svg"])
        for r in rows:
            w.writerow([csv_safe("" if v is None else v) for v in r.values()])
        body, media = buf.getvalue(), "text/csv; charset=utf-8"
    else:
        raise HTTPException(422, "format is csv or json")
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


# -- rendering ----------------------------------------------------------------------------------------------
#: Stand-ins for the two personal parts of a signed-in user's page (its CSRF token and user name), so one rendering
#: per role serves every user: random per process, so no stored text can contain them.
MARK_CSRF = "pwcsrf" + secrets.token_hex(12)
MARK_USER = "pwuser" + secrets.token_hex(12)


class Page:
    """One request's page: its viewer, language and helpers for the templates."""

    def __init__(self, request: Request, viewer: Viewer | None = None):
        self.request = request
        self.viewer = viewer if viewer is not None else can_read(request)
        self.lang = lang_of(request)
        self.stand_ins = False  # render with MARK_CSRF / MARK_USER in place of the viewer's own (see respond)

    def t(self, key: str) -> str:
        return word(LABELS[key], self.lang)

    def u(self, path: str, **params: Any) -> str:
        return link(self.lang, path, **params)

    def switch_url(self) -> str:
        """This page in the other language."""
        q = [(k, v) for k, v in self.request.query_params.multi_items() if k not in ("lang", "download", "format")]
        if self.lang == "en":
            q.append(("lang", "zh"))
        return self.request.url.path + ("?" + urlencode(q) if q else "")

    def dl(self, table_id: str, fmt: str) -> str:
        """This page's address that downloads one of its tables."""
        q = [(k, v) for k, v in self.request.query_params.multi_items() if k not in ("download", "format")]
        q += [("download", table_id), ("format", fmt)]
        return self.request.url.path + "?" + urlencode(q)

    def here(self) -> str:
        q = self.request.url.query
        return self.request.url.path + ("?" + q if q else "")

    def render(self, template: str, title: str, tables: Sequence[Table] = (), status: int = 200, **ctx: Any) -> Response:
        want = self.request.query_params.get("download")
        if want and tables:  # (an error page has no tables: it is shown, not downloaded)
            found = next((tb for tb in tables if tb.id == want), None)
            if found is None:
                raise HTTPException(404, f"no table {want[:60]!r} on this page")
            return download(found, self.request.query_params.get("format", "csv"))
        html = environment().get_template(template).render(
            page=self, lang=self.lang, html_lang=HTML_LANG[self.lang], t=self.t, u=self.u, title=title,
            viewer=self.viewer, csrf=MARK_CSRF if self.stand_ins else self.viewer.csrf,
            user_name=MARK_USER if self.stand_ins else (self.viewer.user.name if self.viewer.user else None),
            tables={tb.id: tb for tb in tables},
            static=static_version(), settings=self.request.app.state.settings, **ctx)
        return HTMLResponse(html, status_code=status)


def page_key(request: Request) -> tuple:
    """Where an anonymous page is cached (with the snapshot's version and day in front; see :class:`AnonymousPages`)."""
    return ("page", request.scope["path"], request.scope.get("query_string", b"").decode("latin-1"))


def cache_control(private: bool) -> str:
    return ("private" if private else "public") + ", no-cache"


def respond(request: Request, page: Page, snap, produce: Callable[[], Response]) -> Response:
    """Serve a read page from the page cache, with an ETag and revalidation.

    Anonymous visitors share one rendering per address (and the middleware :class:`..middleware.AnonymousPages`
    answers repeat requests before routing). A signed-in user's page is rendered once per role with stand-ins for
    the user's CSRF token and name, which are put in per request — so editors get cached pages too, each with
    their own token. (A page viewed with an API token is rendered each time.)"""
    def build() -> tuple[bytes, int, str, dict, str]:
        r = produce()
        return bytes(r.body), r.status_code, r.media_type or "text/html", \
            {k: v for k, v in r.headers.items() if k in ("content-disposition", "x-report")}, _etag(bytes(r.body))

    v = page.viewer
    if not v.signed_in:
        body, status, media, extra, etag = snap.memo(*page_key(request), compute=build)
    elif v.session is not None:
        def personal() -> tuple[bytes, int, str, dict, str]:
            page.stand_ins = True
            try:
                return build()
            finally:
                page.stand_ins = False

        body, status, media, extra, _ = snap.memo(*page_key(request), v.user.role, compute=personal)
        body = body.replace(MARK_CSRF.encode(), v.session.csrf.encode()).replace(MARK_USER.encode(), v.user.name.encode())
        etag = _etag(body)
    else:
        body, status, media, extra, etag = build()
    headers = {**extra, "ETag": etag, "Cache-Control": cache_control(page.viewer.signed_in or
                                                                     request.app.state.settings.require_signin)}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type=media, headers=headers)


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
