"""API reads: plans, targets with assessments (as of a date), indicators, regions, observations, revisions,
sources, tasks and evidence, coverage, verdict timelines — and the audit trail for signed-in users."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...assess.model import PlanAssessment, TargetAssessment
from ..audit import AuditFilter, entries
from ..auth import Viewer, signed_in
from ..data import NotFound, parse_as_of, parse_date
from ..queries import MAX_LIMIT, ObservationFilter, observation_rows, source, sources_page
from .common import cached_json, next_page, private_json, snapshot, split
from .models import (
    AuditPage,
    CoverageOut,
    ErrorOut,
    IndicatorList,
    ObservationPage,
    PlanList,
    RegionList,
    SourceDetail,
    SourcePage,
    TargetList,
    TaskList,
    TimelineOut,
)

router = APIRouter(tags=["read"])
COMMON = {304: {"description": "Not modified (the ETag sent in If-None-Match is current)"},
          401: {"model": ErrorOut, "description": "This deployment requires sign-in to read"}}
FOUND = {**COMMON, 404: {"model": ErrorOut, "description": "No such plan, target, indicator, region or source"},
         422: {"model": ErrorOut, "description": "A parameter is not valid"}}
AsOf = Query(None, max_length=40, description="Assess as known on this date (YYYY-MM-DD; default: today)")
Limit = Query(100, ge=1, le=MAX_LIMIT)
Offset = Query(0, ge=0, le=10**9)


def _plan_on(request: Request, plan_id: str, as_of: str | None = None):
    """(snapshot, plan, as-of date or None) of a read about one plan."""
    snap = snapshot(request)
    return snap, snap.plan(plan_id), parse_as_of(as_of)


def _plan_summary(plan, origin: str) -> dict:
    short = plan.short_title
    return {"id": plan.id, "title": {"en": plan.title.en, "zh": plan.title.zh},
            "short_title": {"en": short.en, "zh": short.zh} if short else None, "region": plan.region,
            "horizon": plan.horizon, "targets": len(plan.targets), "tasks": len(plan.tasks), "origin": origin}


@router.get("/plans", response_model=PlanList, responses=COMMON, summary="Every plan (built-in and added)")
def plans(request: Request) -> Response:
    snap = snapshot(request)
    return cached_json(request, snap, lambda: {"items": [_plan_summary(p, o) for p, o in snap.plans()]})


@router.get("/plans/{plan_id}", responses=FOUND, summary="One plan file as validated (goals, targets, tasks, declarations)")
def plan(request: Request, plan_id: str) -> Response:
    snap = snapshot(request)
    p = snap.plan(plan_id)
    return cached_json(request, snap, lambda: p.model_dump(mode="json"))


@router.get("/plans/{plan_id}/assessment", response_model=PlanAssessment, responses=FOUND,
            summary="The scorecard: every target's verdict, projection and evidence, as of a date")
def assessment(request: Request, plan_id: str, as_of: str | None = AsOf) -> Response:
    snap, p, day = _plan_on(request, plan_id, as_of)
    return cached_json(request, snap, lambda: snap.assessment(p, day))


@router.get("/plans/{plan_id}/targets", response_model=TargetList, responses=FOUND,
            summary="The plan's targets with their assessments, as of a date")
def targets(request: Request, plan_id: str, as_of: str | None = AsOf) -> Response:
    snap, p, day = _plan_on(request, plan_id, as_of)

    def build():
        result = snap.assessment(p, day)
        return TargetList(plan_id=p.id, as_of=result.as_of, items=result.targets)

    return cached_json(request, snap, build)


@router.get("/plans/{plan_id}/targets/{target_id}", response_model=TargetAssessment, responses=FOUND,
            summary="One target's assessment: verdict, reasoning, projection, methods, series with sources")
def target(request: Request, plan_id: str, target_id: str, as_of: str | None = AsOf) -> Response:
    snap, p, day = _plan_on(request, plan_id, as_of)
    snap.target(p, target_id)
    return cached_json(request, snap, lambda: next(t for t in snap.assessment(p, day).targets if t.target_id == target_id))


@router.get("/plans/{plan_id}/targets/{target_id}/timeline", response_model=TimelineOut, responses=FOUND,
            summary="The verdict timeline: the verdict as known at each year-end and publication day")
def timeline(request: Request, plan_id: str, target_id: str) -> Response:
    snap = snapshot(request)
    p = snap.plan(plan_id)
    snap.target(p, target_id)
    return cached_json(request, snap, lambda: snap.timelines(p)[target_id])


def _task(t: dict) -> dict:
    def status(s: dict) -> dict:
        return {"status": s["status"], "reason": s["reason"], "set_at": s["set_at"].isoformat(), "set_by": s["set_by"]}

    def evidence(e: dict) -> dict:
        keys = ("id", "subject", "date", "kind", "text_en", "text_zh", "quote", "publisher", "title", "url", "published",
                "ranking", "confidence", "note", "recorded_by")
        return {**{k: e.get(k) for k in keys}, "recorded_at": e["recorded_at"].isoformat()}

    return {"id": t["id"], "kind": t["kind"], "title": t["title"], "orientations": t["orientations"],
            "deadline": t["deadline"], "status": status(t["status"]) if t["status"] else None,
            "status_history": [status(s) for s in t["status_history"]], "evidence": [evidence(e) for e in t["evidence"]]}


@router.get("/plans/{plan_id}/tasks", response_model=TaskList, responses=FOUND,
            summary="The plan's tasks and goals with their evidence and status history")
def tasks(request: Request, plan_id: str, as_of: str | None = AsOf) -> Response:
    snap, p, day = _plan_on(request, plan_id, as_of)
    return cached_json(request, snap, lambda: {"plan_id": p.id, "as_of": day.isoformat() if day else None,
                                                 "items": [_task(t) for t in snap.tasks(p, day)]})


@router.get("/plans/{plan_id}/coverage", response_model=CoverageOut, responses=FOUND,
            summary="Data coverage: indicator × year for the plan's region and peers (figure, derived, statement, gap)")
def coverage(request: Request, plan_id: str, as_of: str | None = AsOf) -> Response:
    snap, p, day = _plan_on(request, plan_id, as_of)

    def build():
        cov = snap.coverage(p, day)
        return {"plan_id": p.id, "as_of": day.isoformat() if day else None, "years": cov.years,
                "rows": [{"indicator": r.indicator, "region": r.region, "own": r.own, "target_id": r.target_id,
                          "cells": {str(y): k for y, k in r.cells.items()}} for r in cov.rows]}

    return cached_json(request, snap, build)


@router.get("/indicators", response_model=IndicatorList, responses=COMMON, summary="The indicator catalogue")
def indicators(request: Request) -> Response:
    snap = snapshot(request)
    return cached_json(request, snap, lambda: {"items": [i.model_dump(mode="json") for i in snap.catalogue().indicators.values()]})


@router.get("/indicators/{indicator_id}", responses=FOUND, summary="One indicator: unit, definition, bases, breaks, caveats")
def indicator(request: Request, indicator_id: str) -> Response:
    snap = snapshot(request)
    ind = snap.catalogue().indicators.get(indicator_id)
    if ind is None:
        raise NotFound(f"no indicator {indicator_id[:64]!r}")
    return cached_json(request, snap, lambda: ind.model_dump(mode="json"))


@router.get("/regions", response_model=RegionList, responses=COMMON, summary="Regions and peer groups")
def regions(request: Request) -> Response:
    snap = snapshot(request)
    cat = snap.catalogue()
    return cached_json(request, snap, lambda: {"items": [r.model_dump(mode="json") for r in cat.regions.values()],
                                               "peer_groups": [g.model_dump(mode="json") for g in cat.peer_groups.values()]})


@router.get("/regions/{region_id}", responses=FOUND, summary="One region")
def region(request: Request, region_id: str) -> Response:
    snap = snapshot(request)
    reg = snap.catalogue().regions.get(region_id)
    if reg is None:
        raise NotFound(f"no region {region_id[:32]!r}")
    return cached_json(request, snap, lambda: reg.model_dump(mode="json"))


@router.get("/observations", response_model=ObservationPage, responses=FOUND,
            summary="Observations with their sources, filtered and paginated")
def observations(request: Request,
                 indicator: list[str] = Query([], max_length=50, description="indicator id(s), repeated or comma-separated"),
                 region: list[str] = Query([], max_length=50, description="region id(s)"),
                 period: int | None = Query(None, ge=0, le=10**6), period_from: int | None = Query(None, ge=0, le=10**6),
                 period_to: int | None = Query(None, ge=0, le=10**6),
                 status: list[str] = Query([], max_length=10, description="final, preliminary, estimate, derived, statement, "
                                           "qualitative, withdrawn"),
                 view: Literal["current", "live", "all"] = Query("current", description="current figures (default), every "
                                                                 "source's newest revision, or every revision"),
                 limit: int = Limit, offset: int = Offset) -> Response:
    snap = snapshot(request)
    f = ObservationFilter(indicators=split(indicator), regions=split(region), period=period, period_from=period_from,
                          period_to=period_to, statuses=split(status), view=view)

    def build():
        rows = observation_rows(snap.store, f, limit, offset)
        return {"items": rows, "limit": limit, "offset": offset, "next": next_page(request, limit, offset, len(rows))}

    return cached_json(request, snap, build)


@router.get("/revisions", response_model=ObservationPage, responses=FOUND,
            summary="Every revision of a series or cell: the history of its figures, withdrawals included")
def revisions(request: Request, indicator: str = Query(..., max_length=64), region: str = Query(..., max_length=32),
              period: int | None = Query(None, ge=0, le=10**6), limit: int = Limit, offset: int = Offset) -> Response:
    snap = snapshot(request)
    f = ObservationFilter(indicators=[indicator], regions=[region], period=period, view="all")

    def build():
        rows = observation_rows(snap.store, f, limit, offset)
        return {"items": rows, "limit": limit, "offset": offset, "next": next_page(request, limit, offset, len(rows))}

    return cached_json(request, snap, build)


@router.get("/sources", response_model=SourcePage, responses=COMMON, summary="Sources with the number of figures each gives")
def sources(request: Request, publisher: str | None = Query(None, max_length=300), limit: int = Limit,
            offset: int = Offset) -> Response:
    snap = snapshot(request)

    def build():
        rows = sources_page(snap.store, limit, offset, publisher)
        return {"items": rows, "limit": limit, "offset": offset, "next": next_page(request, limit, offset, len(rows))}

    return cached_json(request, snap, build)


@router.get("/sources/{source_id}", response_model=SourceDetail, responses=FOUND, summary="One source and every figure it gives")
def source_detail(request: Request, source_id: int) -> Response:
    snap = snapshot(request)
    src = source(snap.store, source_id) if 0 < source_id < 2**31 else None
    if src is None:
        raise NotFound(f"no source {source_id}")
    return cached_json(request, snap, lambda: {**src, "observations": observation_rows(
        snap.store, ObservationFilter(source_id=source_id, view="all"), MAX_LIMIT)})


@router.get("/audit", response_model=AuditPage, responses={401: {"model": ErrorOut}, 422: {"model": ErrorOut}},
            summary="The audit trail (signed-in users): who changed what, when, old → new, source")
def audit(request: Request, v: Viewer = Depends(signed_in), user: str | None = Query(None, max_length=100),
          plan: str | None = Query(None, max_length=100), since: str | None = Query(None, max_length=40),
          until: str | None = Query(None, max_length=40), action: str | None = Query(None, max_length=32),
          limit: int = Limit, offset: int = Offset) -> Response:
    rows = entries(request.app.state.store, AuditFilter(user=user, plan=plan, since=parse_date(since), until=parse_date(until),
                                                         action=action), limit, offset)
    for r in rows:
        r["at"] = r["at"].isoformat()
    return private_json({"items": rows, "limit": limit, "offset": offset, "next": next_page(request, limit, offset, len(rows))})
