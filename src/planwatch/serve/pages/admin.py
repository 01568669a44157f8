"""Admin pages: users, plan files, and a new plan from its text (extract → check beside the text → save).

The new-plan flow keeps no server state between its steps: the text and the extracted draft travel in the
form (they are re-validated on save, like any plan file, so a changed hidden field can only produce a plan the
validator accepts).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ...errors import PlanwatchError
from .. import edits
from ..accounts import ROLES, add_user, disable_user, list_users
from ..auth import Viewer, form_writer, page_role
from .common import Column, Page, Table, link

router = APIRouter(include_in_schema=False)
admin = form_writer("admin")
MEASURES = ("level", "share", "average_annual_growth", "change_from_base", "rank")
COMPARATORS = ("around", "at_least", "more_than", "at_most", "less_than", "between", "rank_at_most")


def _admin_page(request: Request) -> Viewer:
    return page_role(request, "admin")


@router.get("/admin", response_class=HTMLResponse)
def admin_home(request: Request) -> Response:
    page = Page(request, _admin_page(request))
    links = [(page.t("users"), page.u("/admin/users")), (page.t("plan_files"), page.u("/admin/plans")),
             (page.t("new_plan"), page.u("/admin/plans/new")), (page.t("audit"), page.u("/audit"))]
    return page.render("admin.html.j2", page.t("admin"), links=links)


# -- users ----------------------------------------------------------------------------------------------------------
def _users_page(page: Page, request: Request, token: str | None = None, new_user: str | None = None,
                errors: list | None = None, status: int = 200) -> Response:
    users = list_users(request.app.state.store)
    rows = [{"name": u.name, "role": u.role, "state": page.t("active") if u.active else page.t("disabled"),
             "created": u.created_at.strftime("%Y-%m-%d"), "by": u.created_by, "_active": u.active} for u in users]
    cols = [Column("name", page.t("user")), Column("role", page.t("role")), Column("state", page.t("status")),
            Column("created", page.t("recorded")), Column("by", page.t("by"))]
    resp = page.render("users.html.j2", page.t("users"), [Table("users", page.t("users"), cols, rows)], token=token,
                       new_user=new_user, roles=[(r, r) for r in ROLES], errors=errors, status=status)
    resp.headers["Cache-Control"] = "no-store"  # the page may show a new token
    return resp


@router.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request) -> Response:
    return _users_page(Page(request, _admin_page(request)), request)


@router.post("/admin/users", response_class=HTMLResponse)
def users_add(request: Request, v: Viewer = Depends(admin), name: str = Form(..., max_length=100),
              role: str = Form(..., max_length=16)) -> Response:
    page = Page(request, v)
    try:
        user, token = add_user(request.app.state.store, name.strip(), role, created_by=v.user.name)
    except PlanwatchError as exc:
        return _users_page(page, request, errors=edits.errors_of(exc), status=422)
    return _users_page(page, request, token=token, new_user=user.name)


@router.post("/admin/users/{name}/disable")
def users_disable(request: Request, name: str, v: Viewer = Depends(admin)) -> Response:
    if name == v.user.name:
        raise HTTPException(422, "an admin cannot disable their own account")
    try:
        disable_user(request.app.state.store, name, disabled_by=v.user.name)
    except PlanwatchError as exc:
        raise HTTPException(404, str(exc)) from None
    return RedirectResponse(link(Page(request, v).lang, "/admin/users"), status_code=303)


# -- plan files -------------------------------------------------------------------------------------------------------
def _plans_page(page: Page, request: Request, errors: list | None = None, status: int = 200, saved: str | None = None,
                text: str = "") -> Response:
    snap = request.app.state.data.snapshot()
    rows = [{"plan": {"text": pid, "href": page.u(f"/plans/{pid}")}, "origin": origin} for pid, origin in snap.plan_ids()]
    tb = Table("plans", page.t("plans"), [Column("plan", page.t("plan"), "link"), Column("origin", page.t("origin"))], rows)
    return page.render("plans_admin.html.j2", page.t("plan_files"), [tb], errors=errors, saved=saved, text=text,
                       status=status)


@router.get("/admin/plans", response_class=HTMLResponse)
def plans_admin(request: Request) -> Response:
    return _plans_page(Page(request, _admin_page(request)), request)


@router.post("/admin/plans", response_class=HTMLResponse)
async def plans_upload(request: Request, v: Viewer = Depends(admin), file: UploadFile | None = File(None),
                       text: str = Form(""), replace: bool = Form(False)) -> Response:
    page = Page(request, v)
    origin = f"web: {v.user.name}"
    if file is not None and file.filename:
        raw = await file.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return _plans_page(page, request, [{"row": None, "column": None, "reason": "the file is not UTF-8 text"}], 422)
        origin = f"web upload: {edits.file_name(file.filename, 'plan.yaml')} by {v.user.name}"
    if not text.strip():
        return _plans_page(page, request, [{"row": None, "column": None, "reason": "give a plan file or paste one"}], 422)
    try:
        plan = await run_in_threadpool(edits.add_plan, request.app.state.store, text, origin, v.user.name, replace)
    except PlanwatchError as exc:
        return _plans_page(page, request, edits.errors_of(exc), 422, text=text)
    return _plans_page(page, request, saved=plan.id)


# -- a new plan from its text --------------------------------------------------------------------------------------------
@router.get("/admin/plans/new", response_class=HTMLResponse)
def draft_form(request: Request) -> Response:
    page = Page(request, _admin_page(request))
    return page.render("draft_text.html.j2", page.t("new_plan"), errors=None, text="")


def segments(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[str, int | None]]:
    """The text cut into (piece, target number or None): each target's quote is one highlighted piece."""
    out: list[tuple[str, int | None]] = []
    pos = 0
    for start, end, n in sorted(spans):
        if start < pos or end <= start or end > len(text):
            continue  # overlapping or out of range: leave that quote unhighlighted rather than garble the text
        out.append((text[pos:start], None))
        out.append((text[start:end], n))
        pos = end
    out.append((text[pos:], None))
    return [(s, n) for s, n in out if s]


def _draft_view(page: Page, request: Request, text: str, plan: dict[str, Any], draft_targets: list[dict],
                errors: list | None = None, status: int = 200) -> Response:
    snap = request.app.state.data.snapshot()
    cat = snap.catalogue()
    spans = []
    rows = []
    for i, t in enumerate(plan.get("targets", []), start=1):
        quote = next(iter((t.get("quote") or {}).values()), "")
        found = next((d for d in draft_targets if d["quote"] == quote), None)
        if found is not None:
            spans.append((found["start"], found["end"], i))
        rows.append({"n": i, **t, "include": t.get("include", True)})
    declared = [(d["id"], f"{d['id']} (declared: {d['unit']})") for d in plan.get("indicators", [])]
    indicators = declared + [(i.id, f"{i.name.best(page.lang)} ({i.id}, {i.unit})") for i in cat.indicators.values()]
    regions = [(r.id, f"{r.name.best(page.lang)} ({r.id})") for r in cat.regions.values()]
    regions += [(r["id"], r["id"]) for r in plan.get("regions", []) if r["id"] not in cat.regions]
    return page.render("draft.html.j2", page.t("draft"), text=text, segments=segments(text, spans), plan=plan,
                       targets=rows, indicators=indicators, regions=regions, errors=errors, status=status,
                       measures=[(m, m) for m in MEASURES], comparators=[(c, c) for c in COMPARATORS],
                       peer_groups=[("", "—")] + [(g.id, g.name.best(page.lang)) for g in cat.peer_groups.values()],
                       plan_json=json.dumps(plan, ensure_ascii=False), draft_json=json.dumps(draft_targets, ensure_ascii=False))


@router.post("/admin/plans/draft", response_class=HTMLResponse)
async def draft_extract(request: Request, v: Viewer = Depends(admin), text: str = Form(""),
                        file: UploadFile | None = File(None), plan_id: str = Form("draft", max_length=100),
                        region: str = Form("", max_length=32)) -> Response:
    from ...extract import draft_plan, extract_text, read_document

    page = Page(request, v)
    limit = request.app.state.settings.max_upload_bytes
    try:
        if file is not None and file.filename:
            data = await file.read()
            text = await run_in_threadpool(read_document, None, data, max_bytes=limit)
        if not text.strip():
            raise PlanwatchError("paste the plan's text or upload its file")
        draft = await run_in_threadpool(extract_text, text)
        plan = draft_plan(draft, plan_id or "draft", region=region or None)
    except PlanwatchError as exc:
        return page.render("draft_text.html.j2", page.t("new_plan"), errors=edits.errors_of(exc), text=text, status=422)
    targets = [{"quote": t.quote, "start": t.start, "end": t.end} for t in draft.targets]
    return _draft_view(page, request, text, plan, targets)


def plan_from_form(plan: dict[str, Any], form: Any) -> dict[str, Any]:
    """The draft with the admin's corrections: plan fields, and each target's fields (unticked targets dropped)."""
    def text(name: str) -> str:
        return str(form.get(name) or "").strip()

    def number(name: str) -> float | int | None:
        raw = text(name)
        if not raw:
            return None
        try:
            f = float(raw)
        except ValueError:
            return raw  # type: ignore[return-value]  # the plan validator says what is wrong with it
        return int(f) if f.is_integer() and "." not in raw else f

    out = dict(plan)
    out["id"] = text("plan_id") or plan.get("id")
    title = {k: text(f"title_{k}") for k in ("en", "zh") if text(f"title_{k}")}
    if title:
        out["title"] = title
    for key in ("region", "issued"):
        if text(key):
            out[key] = text(key)
    if text("horizon"):
        out["horizon"] = number("horizon")
    targets = []
    for i, t in enumerate(plan.get("targets", []), start=1):
        if not form.get(f"t{i}_include"):
            continue
        t = dict(t)
        for key in ("id", "indicator", "comparator", "unit", "measure", "peer_group", "region"):
            if f"t{i}_{key}" in form:
                t[key] = text(f"t{i}_{key}") or None
        for key in ("value", "value_high", "deadline", "base_year"):
            if f"t{i}_{key}" in form:
                t[key] = number(f"t{i}_{key}")
        targets.append({k: val for k, val in t.items() if val is not None and k != "include"})
    out["targets"] = targets
    used = {t.get("indicator") for t in targets}
    if "indicators" in out:
        out["indicators"] = [d for d in out["indicators"] if d["id"] in used]
        if not out["indicators"]:
            out.pop("indicators")
    return out


@router.post("/admin/plans/save", response_class=HTMLResponse)
async def draft_save(request: Request, v: Viewer = Depends(admin)) -> Response:
    import yaml

    page = Page(request, v)
    form = await request.form()
    try:
        plan = json.loads(str(form.get("plan_json") or "{}"))
        draft_targets = json.loads(str(form.get("draft_json") or "[]"))
    except json.JSONDecodeError:
        raise HTTPException(422, "the draft in the form is not valid JSON: extract the text again") from None
    text = str(form.get("text") or "")
    edited = plan_from_form(plan, form)
    body = "# Plan drafted from its text in planwatch serve and checked by " + v.user.name + "\n" + \
        yaml.safe_dump(edited, allow_unicode=True, sort_keys=False, width=100)
    try:
        saved = await run_in_threadpool(edits.add_plan, request.app.state.store, body, f"web draft by {v.user.name}",
                                        v.user.name, bool(form.get("replace")))
    except PlanwatchError as exc:
        for i, t in enumerate(plan.get("targets", []), start=1):  # show the admin's corrections, not the draft's
            t["include"] = bool(form.get(f"t{i}_include"))
        return _draft_view(page, request, text, {**edited, "targets": _merged(plan, edited, form)}, draft_targets,
                           edits.errors_of(exc), 422)
    return RedirectResponse(link(page.lang, f"/plans/{saved.id}"), status_code=303)


def _merged(plan: dict, edited: dict, form: Any) -> list[dict]:
    """Every draft target (ticked or not) with the values the admin typed, for showing the form again."""
    out = []
    kept = iter(edited.get("targets", []))
    for i, t in enumerate(plan.get("targets", []), start=1):
        out.append({**next(kept), "include": True} if form.get(f"t{i}_include") else {**t, "include": False})
    return out
