"""Sign-in, and the editors' pages: add, revise or withdraw a figure, upload a file, record task evidence and
status; the audit trail. Every form carries the session's CSRF token (checked by :mod:`..auth`)."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from ...errors import PlanwatchError
from ...sources.rows import STATEMENT_COMPARATORS
from ...store.vintage import STATUSES
from .. import edits, sessions
from ..accounts import user_for_token
from ..audit import AuditFilter, entries
from ..auth import Viewer, form_writer, page_role, signed_in, viewer
from ..data import parse_date
from .common import Column, Page, Table, link

router = APIRouter(include_in_schema=False)
LOGIN_COOKIE = "pw_login"
editor = form_writer("editor")


def _local(next_url: str | None, default: str = "/") -> str:
    """Only a path on this site is followed after sign-in (never another site: no open redirect)."""
    if next_url and next_url.startswith("/") and not next_url.startswith("//") and "\\" not in next_url:
        return next_url
    return default


def _cookie(resp: Response, request: Request, name: str, value: str, max_age: int | None = None) -> None:
    resp.set_cookie(name, value, max_age=max_age, httponly=True, samesite="lax", path="/",
                    secure=request.app.state.settings.secure_cookies)


# -- sign-in ----------------------------------------------------------------------------------------------------
@router.get("/signin", response_class=HTMLResponse)
def signin_form(request: Request, next: str | None = Query(None, max_length=2000), error: str | None = None) -> Response:
    page = Page(request, viewer(request))
    token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(24)
    resp = page.render("signin.html.j2", page.t("signin"), login_csrf=token, next=_local(next),
                       error=page.t(error) if error in ("bad_signin", "too_many") else None,
                       status=401 if error == "bad_signin" else (429 if error == "too_many" else 200))
    _cookie(resp, request, LOGIN_COOKIE, token, max_age=3600)
    resp.headers["Cache-Control"] = "no-store"
    return resp


@router.post("/signin")
def signin(request: Request, name: str = Form(..., max_length=100), token: str = Form(..., max_length=200),
           login_csrf: str = Form("", max_length=100), next: str = Form("/", max_length=2000)) -> Response:
    state = request.app.state
    client = request.client.host if request.client else "?"
    lang = "zh" if request.query_params.get("lang") == "zh" else "en"
    if not sessions.same(login_csrf, request.cookies.get(LOGIN_COOKIE)):
        raise HTTPException(403, "the sign-in form is stale (its CSRF token does not match): reload it and try again")
    if state.signin_limiter.blocked(client):
        return RedirectResponse(link(lang, "/signin", error="too_many", next=next), status_code=303)
    user = user_for_token(state.store, token.strip())
    if user is None or user.name != name.strip():
        state.signin_limiter.failed(client)
        return RedirectResponse(link(lang, "/signin", error="bad_signin", next=next), status_code=303)
    value, _ = sessions.start(state.store, user, state.settings.session_hours)
    resp = RedirectResponse(_local(next), status_code=303)
    _cookie(resp, request, sessions.COOKIE, value, max_age=state.settings.session_hours * 3600)
    resp.delete_cookie(LOGIN_COOKIE, path="/")
    return resp


@router.post("/signout")
def signout(request: Request, v: Viewer = Depends(editor)) -> Response:
    if v.session is not None:
        sessions.end(request.app.state.store, v.session)
    resp = RedirectResponse(link("zh" if request.query_params.get("lang") == "zh" else "en", "/"), status_code=303)
    resp.delete_cookie(sessions.COOKIE, path="/")
    return resp


# -- figures ----------------------------------------------------------------------------------------------------
FIGURE_FIELDS = ("indicator", "region", "period", "value", "unit", "status", "basis", "comparator", "publisher", "title",
                 "url", "published", "quote", "confidence", "note", "derivation")


def _require_editor_page(request: Request) -> Viewer:
    return page_role(request, "editor")


def _catalogue(snap, plan_id: str | None):
    return snap.catalogue(snap.plan(plan_id)) if plan_id else snap.catalogue()


def _figure_form(page: Page, snap, values: dict[str, Any], plan_id: str | None, target: str | None,
                 errors: list[dict] | None = None, status: int = 200, revising: dict | None = None) -> Response:
    cat = _catalogue(snap, plan_id)
    indicators = [(i.id, f"{i.name.best(page.lang)} ({i.id}, {i.unit})") for i in cat.indicators.values()]
    regions = [(r.id, f"{r.name.best(page.lang)} ({r.id})") for r in cat.regions.values()]
    return page.render("figure.html.j2", page.t("add_figure"), values=values, plan_id=plan_id, target=target,
                       errors=errors, indicators=indicators, regions=regions, statuses=[(x, x) for x in sorted(STATUSES)],
                       comparators=[(c, c) for c in STATEMENT_COMPARATORS], revising=revising, status=status)


@router.get("/figures/new", response_class=HTMLResponse)
def figure_new(request: Request, plan: str | None = Query(None, max_length=100), target: str | None = Query(None, max_length=100),
               indicator: str | None = Query(None, max_length=64), region: str | None = Query(None, max_length=32),
               period: int | None = Query(None, ge=1949, le=2100), url: str | None = Query(None, max_length=2000),
               basis: str | None = Query(None, max_length=32)) -> Response:
    from ..queries import line

    page = Page(request, _require_editor_page(request))
    snap = request.app.state.data.snapshot()
    values: dict[str, Any] = {"indicator": indicator, "region": region, "period": period, "status": "final"}
    revising = None
    if indicator and region and period and url:
        found = line(snap.store, indicator, region, period, url, basis)
        if found is not None:
            revising = found
            values.update({k: found.get(k) for k in FIGURE_FIELDS if found.get(k) is not None})
            values.update({k: found["source"][k] for k in ("publisher", "title", "url", "published")})
            values["period"] = found["period"]
    resp = _figure_form(page, snap, values, plan, target, revising=revising)
    resp.headers["Cache-Control"] = "no-store"
    return resp


def _after_save(lang: str, plan_id: str | None, target: str | None) -> str:
    if plan_id and target:
        return link(lang, f"/plans/{plan_id}/targets/{target}", saved=1)
    if plan_id:
        return link(lang, f"/plans/{plan_id}", saved=1)
    return link(lang, "/figures/new", saved=1)


@router.post("/figures")
def figure_save(request: Request, v: Viewer = Depends(editor), plan: str = Form("", max_length=100),
                target: str = Form("", max_length=100), indicator: str = Form("", max_length=200),
                region: str = Form("", max_length=200), period: str = Form("", max_length=40),
                value: str = Form("", max_length=100), unit: str = Form("", max_length=200),
                status: str = Form("", max_length=40), basis: str = Form("", max_length=200),
                comparator: str = Form("", max_length=40), publisher: str = Form("", max_length=1000),
                title: str = Form("", max_length=2000), url: str = Form("", max_length=4000),
                published: str = Form("", max_length=40), quote: str = Form("", max_length=8000),
                confidence: str = Form("", max_length=10), note: str = Form("", max_length=8000),
                derivation: str = Form("", max_length=8000)) -> Response:
    fields = {k: val for k, val in locals().items() if k in FIGURE_FIELDS}
    return _save_figure(request, v, request.app.state.data.snapshot(), fields, plan or None, target or None)


def _save_figure(request: Request, v: Viewer, snap, fields: dict, plan: str | None, target: str | None) -> Response:
    """Check one figure like an import row and write it as the editor's import; the form again with errors if not."""
    page = Page(request, v)
    try:
        row = edits.validate_one(fields, _catalogue(snap, plan))
        edits.write_figures(snap.store, [row], v.user.name, origin=f"web: {v.user.name}", plan_id=plan)
    except PlanwatchError as exc:
        return _figure_form(page, snap, fields, plan, target, edits.errors_of(exc), status=422)
    return RedirectResponse(_after_save(page.lang, plan, target), status_code=303)


@router.post("/figures/withdraw")
def figure_withdraw(request: Request, v: Viewer = Depends(editor), plan: str = Form("", max_length=100),
                    target: str = Form("", max_length=100), indicator: str = Form(..., max_length=64),
                    region: str = Form(..., max_length=32), period: int = Form(..., ge=1949, le=2100),
                    url: str = Form(..., max_length=2000), basis: str = Form("", max_length=32),
                    reason: str = Form(..., max_length=4000)) -> Response:
    from ..queries import line

    snap = request.app.state.data.snapshot()
    found = line(snap.store, indicator, region, period, url, basis or None)
    if found is None or found["status"] == "withdrawn":
        raise HTTPException(404, "no live figure from that source to withdraw")
    fields = edits.withdrawal({**found, **found["source"]}, reason)
    return _save_figure(request, v, snap, fields, plan or None, target or None)


@router.get("/figures/upload", response_class=HTMLResponse)
def upload_form(request: Request, plan: str | None = Query(None, max_length=100)) -> Response:
    page = Page(request, _require_editor_page(request))
    return page.render("upload.html.j2", page.t("upload"), plan_id=plan, errors=None)


@router.post("/figures/upload")
async def upload(request: Request, v: Viewer = Depends(editor), file: UploadFile = File(...),
                 plan: str = Form("", max_length=100), decimal: str = Form("point", pattern="^(point|comma)$")) -> Response:
    from starlette.concurrency import run_in_threadpool

    content = await file.read()
    page = Page(request, v)
    snap = await run_in_threadpool(request.app.state.data.snapshot)

    def work() -> Any:
        rows = edits.validate_upload(file.filename or "upload.csv", content, _catalogue(snap, plan or None), decimal)
        return edits.write_figures(snap.store, rows, v.user.name, origin=f"web upload: {edits.file_name(file.filename)}",
                                   plan_id=plan or None, content=content)

    try:
        res = await run_in_threadpool(work)
    except PlanwatchError as exc:
        return page.render("upload.html.j2", page.t("upload"), plan_id=plan or None, errors=edits.errors_of(exc),
                           status=422)
    return page.render("upload.html.j2", page.t("upload"), plan_id=plan or None, errors=None, result=res,
                       message=page.t("saved"))


# -- task evidence and status --------------------------------------------------------------------------------------
def _task_url(lang: str, plan_id: str, task_id: str) -> str:
    return link(lang, f"/plans/{plan_id}/tasks/{task_id}", message="saved")


def _task_error(request: Request, v: Viewer, exc: Exception) -> Response:
    page = Page(request, v)
    errors = edits.pydantic_errors(exc) if isinstance(exc, ValidationError) else edits.errors_of(exc)
    return page.render("error.html.j2", page.t("error"), status=422, error="; ".join(
        (f"{e['column']}: " if e["column"] else "") + e["reason"] for e in errors))


@router.post("/plans/{plan_id}/tasks/{task_id}/evidence")
def evidence_add(request: Request, plan_id: str, task_id: str, v: Viewer = Depends(editor),
                 date: str = Form(..., max_length=10), kind: str = Form(..., max_length=16),
                 text_en: str = Form("", max_length=4000), text_zh: str = Form("", max_length=4000),
                 quote: str = Form(..., max_length=4000), publisher: str = Form(..., max_length=300),
                 title: str = Form(..., max_length=1000), url: str = Form(..., max_length=2000),
                 published: str = Form(..., max_length=10)) -> Response:
    snap = request.app.state.data.snapshot()
    plan = snap.plan(plan_id)
    entry = {"date": date, "kind": kind, "text": {"en": text_en or None, "zh": text_zh or None}, "quote": quote,
             "source": {"publisher": publisher, "title": title, "url": url, "published": published}}
    try:
        edits.add_task_evidence(snap.store, plan, task_id, entry, v.user.name)
    except (PlanwatchError, ValidationError) as exc:
        return _task_error(request, v, exc)
    return RedirectResponse(_task_url(Page(request, v).lang, plan.id, task_id), status_code=303)


@router.post("/plans/{plan_id}/tasks/{task_id}/evidence/{evidence_id}/withdraw")
def evidence_withdraw(request: Request, plan_id: str, task_id: str, evidence_id: int, v: Viewer = Depends(editor),
                      reason: str = Form(..., max_length=4000)) -> Response:
    snap = request.app.state.data.snapshot()
    plan = snap.plan(plan_id)
    try:
        edits.withdraw_task_evidence(snap.store, plan, evidence_id, reason, v.user.name)
    except PlanwatchError as exc:
        return _task_error(request, v, exc)
    return RedirectResponse(_task_url(Page(request, v).lang, plan.id, task_id), status_code=303)


@router.post("/plans/{plan_id}/tasks/{task_id}/status")
def status_set(request: Request, plan_id: str, task_id: str, v: Viewer = Depends(editor),
               status: str = Form(..., max_length=16), reason: str = Form(..., max_length=4000)) -> Response:
    snap = request.app.state.data.snapshot()
    plan = snap.plan(plan_id)
    try:
        edits.set_task_status(snap.store, plan, task_id, status, reason, v.user.name)
    except PlanwatchError as exc:
        return _task_error(request, v, exc)
    return RedirectResponse(_task_url(Page(request, v).lang, plan.id, task_id), status_code=303)


# -- audit --------------------------------------------------------------------------------------------------------
@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, user: str | None = Query(None, max_length=100), plan: str | None = Query(None, max_length=100),
               since: str | None = Query(None, max_length=40), until: str | None = Query(None, max_length=40),
               offset: int = Query(0, ge=0, le=10**9)) -> Response:
    v = signed_in(request)
    page = Page(request, v)
    f = AuditFilter(user=user or None, plan=plan or None, since=parse_date(since),
                    until=parse_date(until))
    rows = entries(request.app.state.store, f, limit=200, offset=offset)
    out = [{"when": r["at"].strftime("%Y-%m-%d %H:%M:%S") if isinstance(r["at"], dt.datetime) else str(r["at"]),
            "user": r["user_name"], "action": r["action"], "plan": r["plan_id"], "subject": r["subject"],
            "old": r["old_value"], "new": r["new_value"], "source": r["source"]} for r in rows]
    cols = [Column("when", page.t("when")), Column("user", page.t("user")), Column("action", page.t("action")),
            Column("plan", page.t("plan")), Column("subject", page.t("subject")), Column("old", page.t("old")),
            Column("new", page.t("new")), Column("source", page.t("source"))]
    return page.render("audit.html.j2", page.t("audit"), [Table("audit", page.t("audit"), cols, out)], f=f,
                       offset=offset, more=len(rows) == 200)

