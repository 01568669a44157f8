"""API writes. Editors: figures (one, or a CSV/Excel upload), withdrawals, task evidence and status. Admins:
plans (validated like ``planwatch plan validate``), drafts from a plan's text, users. A token is sent as
``Authorization: Bearer pw_…``; a browser session must also send ``X-CSRF-Token``."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ...errors import PlanwatchError
from .. import edits
from ..accounts import add_user, disable_user, list_users
from ..auth import Viewer, api_writer
from ..data import NotFound
from ..queries import line
from .common import private_json
from .models import (
    Done,
    DraftIn,
    ErrorOut,
    EvidenceIn,
    EvidenceWithdrawIn,
    ObservationIn,
    PlanIn,
    PlanSummary,
    StatusIn,
    UserCreated,
    UserIn,
    UserList,
    WithdrawIn,
    WriteOut,
)

router = APIRouter(tags=["write"])
editor = api_writer("editor")
admin = api_writer("admin")
REFUSED = {401: {"model": ErrorOut, "description": "No valid token or session"},
           403: {"model": ErrorOut, "description": "Wrong role, or a session without its CSRF token"},
           404: {"model": ErrorOut, "description": "No such plan, task, goal or figure"},
           413: {"model": ErrorOut, "description": "The request body is too large"},
           422: {"model": ErrorOut, "description": "Rejected: every error with row, column and reason; nothing was saved"}}


def _written(res) -> dict:
    return {"import_id": res.import_id, "rows": res.rows, "new": res.new, "revised": res.revised,
            "metadata_only": res.metadata_only, "unchanged": res.unchanged}


def _catalogue(request: Request, plan_id: str | None):
    snap = request.app.state.data.snapshot()
    return snap, (snap.catalogue(snap.plan(plan_id)) if plan_id else snap.catalogue())


@router.post("/observations", status_code=201, response_model=WriteOut, responses=REFUSED,
             summary="Add or revise one figure (a revision of its source line; checked like `planwatch import`)")
def add_observation(request: Request, body: ObservationIn, v: Viewer = Depends(editor)) -> Response:
    snap, cat = _catalogue(request, body.plan)
    row = edits.validate_one(body.model_dump(exclude={"plan"}), cat)
    res = edits.write_figures(snap.store, [row], v.user.name, origin=f"api: {v.user.name}", plan_id=body.plan)
    return private_json(_written(res), 201)


@router.post("/observations/withdraw", status_code=201, response_model=WriteOut, responses=REFUSED,
             summary="Withdraw a figure: a revision with status withdrawn for the same source line (nothing is deleted)")
def withdraw_observation(request: Request, body: WithdrawIn, v: Viewer = Depends(editor)) -> Response:
    snap, cat = _catalogue(request, body.plan)
    found = line(snap.store, body.indicator, body.region, body.period, body.url, body.basis)
    if found is None or found["status"] == "withdrawn":
        raise NotFound("no live figure from that source address for that cell")
    row = edits.validate_one(edits.withdrawal({**found, **found["source"]}, body.reason), cat)
    res = edits.write_figures(snap.store, [row], v.user.name, origin=f"api: {v.user.name}", plan_id=body.plan)
    return private_json(_written(res), 201)


@router.post("/observations/upload", status_code=201, response_model=WriteOut, responses=REFUSED,
             summary="Upload a CSV or Excel file of figures: one transaction; one bad row rejects the file")
async def upload_observations(request: Request, file: UploadFile = File(...), plan: str | None = Form(None, max_length=100),
                              decimal: str = Form("point", pattern="^(point|comma)$"), v: Viewer = Depends(editor)) -> Response:
    content = await file.read()

    def work():
        snap, cat = _catalogue(request, plan)
        rows = edits.validate_upload(file.filename or "upload.csv", content, cat, decimal)
        return edits.write_figures(snap.store, rows, v.user.name, origin=f"api upload: {edits.file_name(file.filename)}", plan_id=plan,
                                   content=content)

    return private_json(_written(await run_in_threadpool(work)), 201)


@router.post("/plans/{plan_id}/evidence", status_code=201, response_model=Done, responses=REFUSED,
             summary="Record dated, sourced evidence for a task or goal")
def add_evidence(request: Request, plan_id: str, body: EvidenceIn, v: Viewer = Depends(editor)) -> Response:
    snap = request.app.state.data.snapshot()
    plan = snap.plan(plan_id)
    entry = body.model_dump(exclude={"subject"})
    added = edits.add_task_evidence(snap.store, plan, body.subject, entry, v.user.name)
    return private_json({"ok": True, "detail": "recorded" if added else "already recorded"}, 201)


@router.post("/plans/{plan_id}/evidence/{evidence_id}/withdraw", status_code=201, response_model=Done, responses=REFUSED,
             summary="Withdraw an evidence entry (a new entry naming it; the original stays on record)")
def withdraw_evidence(request: Request, plan_id: str, evidence_id: int, body: EvidenceWithdrawIn,
                      v: Viewer = Depends(editor)) -> Response:
    snap = request.app.state.data.snapshot()
    plan = snap.plan(plan_id)
    if not 0 < evidence_id < 2**31:
        raise NotFound(f"no evidence entry {evidence_id}")
    edits.withdraw_task_evidence(snap.store, plan, evidence_id, body.reason, v.user.name)
    return private_json({"ok": True, "detail": "withdrawn"}, 201)


@router.post("/plans/{plan_id}/status", status_code=201, response_model=Done, responses=REFUSED,
             summary="Set a task's or goal's status, with the reason")
def set_status(request: Request, plan_id: str, body: StatusIn, v: Viewer = Depends(editor)) -> Response:
    snap = request.app.state.data.snapshot()
    plan = snap.plan(plan_id)
    edits.set_task_status(snap.store, plan, body.subject, body.status, body.reason, v.user.name)
    return private_json({"ok": True, "detail": f"{body.subject}: {body.status}"}, 201)


@router.post("/plans", status_code=201, response_model=PlanSummary, responses=REFUSED,
             summary="Add (or with replace, replace) a plan file, validated like `planwatch plan validate` (admins)")
def add_plan(request: Request, body: PlanIn, v: Viewer = Depends(admin)) -> Response:
    plan = edits.add_plan(request.app.state.store, body.text, f"api: {v.user.name}", v.user.name, body.replace)
    short = plan.short_title
    return private_json({"id": plan.id, "title": {"en": plan.title.en, "zh": plan.title.zh},
                         "short_title": {"en": short.en, "zh": short.zh} if short else None, "region": plan.region,
                         "horizon": plan.horizon, "targets": len(plan.targets), "tasks": len(plan.tasks),
                         "origin": f"added by {v.user.name}"}, 201)


@router.post("/drafts", responses=REFUSED, summary="Extract a draft plan from a plan's text (admins; nothing is saved)")
def draft(request: Request, body: DraftIn, v: Viewer = Depends(admin)) -> Response:
    from ...extract import draft_plan, extract_text

    if not body.text.strip():
        raise PlanwatchError("the text is empty")
    d = extract_text(body.text)
    return private_json({"plan": draft_plan(d, body.plan_id or "draft", region=body.region),
                         "targets": [{"quote": t.quote, "start": t.start, "end": t.end} for t in d.targets]})


@router.get("/users", response_model=UserList, responses=REFUSED, summary="Users and their roles (admins)")
def users(request: Request, v: Viewer = Depends(admin)) -> Response:
    return private_json({"items": [_user(u) for u in list_users(request.app.state.store)]})


def _user(u) -> dict:
    return {"name": u.name, "role": u.role, "active": u.active, "created_at": u.created_at.isoformat(),
            "created_by": u.created_by}


@router.post("/users", status_code=201, response_model=UserCreated, responses=REFUSED,
             summary="Add a user; the response carries its API token, the only time it is shown (admins)")
def create_user(request: Request, body: UserIn, v: Viewer = Depends(admin)) -> Response:
    user, token = add_user(request.app.state.store, body.name, body.role, created_by=v.user.name)
    return private_json({**_user(user), "token": token}, 201)


@router.post("/users/{name}/disable", response_model=UserList, responses=REFUSED,
             summary="Disable a user: its token and sessions stop working; its changes stay attributed (admins)")
def disable(request: Request, name: str, v: Viewer = Depends(admin)) -> Response:
    if name == v.user.name:
        raise PlanwatchError("an admin cannot disable their own account")
    try:
        disable_user(request.app.state.store, name, disabled_by=v.user.name)
    except PlanwatchError as exc:
        raise NotFound(str(exc)) from None
    return private_json({"items": [_user(u) for u in list_users(request.app.state.store)]})
