"""Read pages: plans, a plan, a target, a task, the printable report, indicators, regions, sources, the API index."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from ...publish.report import safe_href
from ..data import NotFound, parse_as_of
from ..queries import ObservationFilter, history, observation_rows, source, sources_page
from . import views as v
from .common import Column, Page, Table, respond

router = APIRouter(include_in_schema=False)
PAGE_ROWS = 200


def _page(request: Request):
    """The page and the data snapshot it reads (an anonymous read may reuse a recently read data version)."""
    page = Page(request)
    return page, request.app.state.data.snapshot(fresh=page.viewer.signed_in)


@router.get("/", response_class=HTMLResponse)
def plans_page(request: Request) -> Response:
    page, snap = _page(request)

    def produce() -> Response:
        rows = []
        for plan, origin in snap.plans():
            title = plan.short_title or plan.title
            rows.append({"plan": {"text": title.best(page.lang), "href": page.u(f"/plans/{plan.id}")}, "id": plan.id,
                         "region": v.region_name(snap.catalogue(), plan.region, page.lang), "horizon": plan.horizon,
                         "targets": len(plan.targets), "tasks": len(plan.tasks), "origin": origin})
        cols = [Column("plan", page.t("plan"), "link"), Column("id", "id"), Column("region", page.t("region")),
                Column("horizon", page.t("horizon"), "number"), Column("targets", page.t("targets"), "number"),
                Column("tasks", page.t("tasks"), "number"), Column("origin", page.t("origin"))]
        return page.render("generic.html.j2", page.t("plans"), [Table("plans", page.t("plans"), cols, rows)])

    return respond(request, page, snap, produce)


@router.get("/plans/{plan_id}", response_class=HTMLResponse)
def plan_page(request: Request, plan_id: str, as_of: str | None = Query(None, max_length=40)) -> Response:
    page, snap = _page(request)
    plan = snap.plan(plan_id)
    day = parse_as_of(as_of)

    def produce() -> Response:
        result = snap.assessment(plan, day)
        cat = snap.catalogue(plan)
        tasks = snap.tasks(plan, day)
        goals = [t for t in tasks if t["kind"] == "goal"]
        tables = [v.scorecard(page, plan, result, day), v.tasks_table(page, plan, tasks),
                  v.coverage_table(page, snap.coverage(plan, day), cat)]
        tables += [v.evidence_table(page, g["evidence"], f"goal-{g['id']}", f"{page.t('evidence')}: {g['id']}") for g in goals]
        title = (plan.short_title or plan.title).best(page.lang)
        return page.render("plan.html.j2", title, tables, plan=plan, result=result, goals=goals, as_of=day,
                           message=_saved(page),
                           rollup=v.rollup(result, tasks, page.lang),
                           region=v.region_name(cat, plan.region, page.lang))

    return respond(request, page, snap, produce)


@router.get("/plans/{plan_id}/targets/{target_id}", response_class=HTMLResponse)
def target_page(request: Request, plan_id: str, target_id: str, as_of: str | None = Query(None, max_length=40)) -> Response:
    page, snap = _page(request)
    plan = snap.plan(plan_id)
    snap.target(plan, target_id)
    day = parse_as_of(as_of)

    def produce() -> Response:
        result = snap.assessment(plan, day)
        ta = next(x for x in result.targets if x.target_id == target_id)
        cat = snap.catalogue(plan)
        sources = v.collect_sources(ta)
        ind = cat.indicators.get(ta.indicator)
        own = {(i, ta.region) for i in (ta.indicator, ind.growth_indicator if ind else None,
                                         ind.rank_indicator if ind else None) if i}
        hist = snap.memo("history", plan.id, target_id, compute=lambda: history(snap.store, own))
        editable = page.viewer.can("editor") and day is None
        tables = [v.figures_table(page, ta, cat, sources), v.statements_table(page, ta, sources),
                  v.conflicts_table(page, ta), v.methods_table(page, ta), v.peers_table(page, ta, cat, sources),
                  v.history_table(page, hist, cat), v.timeline_table(page, ta, snap.timelines(plan).get(target_id))]
        tables.append(v.sources_table(page, sources))  # last: the peers table may have added sources
        name = v.indicator_name(cat, ta.indicator, page.lang)
        return page.render("target.html.j2", f"{name} — {v.region_name(cat, ta.region, page.lang)}", tables,
                           plan=plan, ta=ta, as_of=day, summary=v.target_summary(page, ta), editable=editable,
                           message=_saved(page),
                           chart=v.target_chart(plan, ta, cat, sources, page.lang), indicator=ind)

    return respond(request, page, snap, produce)


@router.get("/plans/{plan_id}/tasks/{task_id}", response_class=HTMLResponse)
def task_page(request: Request, plan_id: str, task_id: str, message: str | None = Query(None, max_length=200)) -> Response:
    page, snap = _page(request)
    plan = snap.plan(plan_id)
    item = next((t for t in snap.tasks(plan) if t["id"] == task_id), None)
    if item is None:
        raise NotFound(f"no task or goal {task_id[:100]!r} in plan {plan.id}")

    def produce() -> Response:
        editable = page.viewer.can("editor")
        ev = v.evidence_table(page, item["evidence"], "evidence", page.t("evidence"))
        rows = [{"date": str(h["set_at"])[:19], "status": {"status": h["status"]}, "reason": h["reason"], "by": h["set_by"]}
                for h in reversed(item["status_history"])]
        st = Table("status", page.t("status"), [Column("date", page.t("set_at")), Column("status", page.t("status"), "status"),
                                                Column("reason", page.t("reason")), Column("by", page.t("set_by"))], rows)
        return page.render("task.html.j2", v.best(item["title"], page.lang), [ev, st], plan=plan, item=item,
                           editable=editable, message=_message(page, message))

    return respond(request, page, snap, produce)


def _message(page: Page, key: str | None) -> str | None:
    return page.t("saved") if key == "saved" else None


def _saved(page: Page) -> str | None:
    """The confirmation shown after an editor's change brought them back here (``?saved=1``)."""
    return page.t("saved") if page.request.query_params.get("saved") else None


@router.get("/plans/{plan_id}/report", response_class=HTMLResponse)
def report_page(request: Request, plan_id: str, as_of: str | None = Query(None, max_length=40)) -> Response:
    """The printable view of the plan: the same self-contained report as ``planwatch report``."""
    from ...publish.report import render_report

    page, snap = _page(request)
    plan = snap.plan(plan_id)
    day = parse_as_of(as_of)

    def produce() -> Response:
        html = snap.memo("report", plan.id, day, page.lang, compute=lambda: render_report(
            plan, snap.assessment(plan, day), page.lang, snap.comparisons(plan)))
        return HTMLResponse(html, headers={"X-Report": "1"})  # the security middleware allows its inline stylesheet

    return respond(request, page, snap, produce)


# -- catalogue and sources ------------------------------------------------------------------------------------
def _figures(page: Page, rows: list[dict], cat, first: str) -> Table:
    out = []
    for r in rows:
        out.append({"indicator": {"text": v.indicator_name(cat, r["indicator"], page.lang),
                                  "href": page.u(f"/indicators/{r['indicator']}")},
                    "region": {"text": v.region_name(cat, r["region"], page.lang), "href": page.u(f"/regions/{r['region']}")},
                    "year": r["period"], "value": "—" if r["value"] is None else f"{v.fmt_published(float(r['value']))} {r['unit']}",
                    "status": r["status"], "source": {"text": r["source"]["publisher"], "href": page.u(f"/sources/{r['source']['id']}")},
                    "published": r["source"]["published"]})
    cols = [Column("indicator", page.t("indicator"), "link"), Column("region", page.t("region"), "link"),
            Column("year", page.t("year"), "number"), Column("value", page.t("value")), Column("status", page.t("status")),
            Column("source", page.t("source"), "link"), Column("published", page.t("published"))]
    if first == "region":
        cols[0], cols[1] = cols[1], cols[0]
    return Table("figures", page.t("observations"), cols, out)


def _pager(page: Page, offset: int, n: int) -> dict:
    path = page.request.url.path
    return {"prev": page.u(path, offset=max(0, offset - PAGE_ROWS) or None) if offset else None,
            "next": page.u(path, offset=offset + PAGE_ROWS) if n >= PAGE_ROWS else None}


@router.get("/indicators", response_class=HTMLResponse)
def indicators_page(request: Request) -> Response:
    page, snap = _page(request)

    def produce() -> Response:
        cat = snap.catalogue()
        rows = [{"indicator": {"text": i.name.best(page.lang), "href": page.u(f"/indicators/{i.id}")}, "id": i.id,
                 "unit": i.unit, "kind": i.kind, "publisher": i.publisher} for i in cat.indicators.values()]
        cols = [Column("indicator", page.t("indicator"), "link"), Column("id", "id"), Column("unit", page.t("unit")),
                Column("kind", page.t("kind")), Column("publisher", page.t("publisher"))]
        return page.render("generic.html.j2", page.t("indicators"), [Table("indicators", page.t("indicators"), cols, rows)])

    return respond(request, page, snap, produce)


@router.get("/indicators/{indicator_id}", response_class=HTMLResponse)
def indicator_page(request: Request, indicator_id: str) -> Response:
    page, snap = _page(request)
    cat = snap.catalogue()
    ind = cat.indicators.get(indicator_id)
    if ind is None:
        raise NotFound(f"no indicator {indicator_id[:64]!r}")

    def produce() -> Response:
        rows = observation_rows(snap.store, ObservationFilter(indicators=[ind.id]), limit=1000)
        uses = [{"target": {"text": f"{plan.id} / {t.id}", "href": page.u(f"/plans/{plan.id}/targets/{t.id}")},
                 "region": v.region_name(cat, plan.region_of(t), page.lang), "deadline": t.deadline}
                for plan, _ in snap.plans() for t in plan.targets if t.indicator == ind.id]
        used = Table("targets", page.t("plans_using"), [Column("target", page.t("target"), "link"),
                                                        Column("region", page.t("region")),
                                                        Column("deadline", page.t("deadline"), "number")], uses)
        facts = [(page.t("name"), ind.name.best(page.lang)), ("id", ind.id), (page.t("unit"), ind.unit),
                 (page.t("kind"), ind.kind), (page.t("publisher"), ind.publisher),
                 (page.t("definition"), ind.described().best(page.lang)),
                 (page.t("bases"), ", ".join(f"{b.id} ({b.name.best(page.lang)})" for b in ind.bases) or "—"),
                 (page.t("breaks"), "; ".join(f"{b.from_period}: {b.reason.best(page.lang)}" for b in ind.breaks) or "—")]
        facts += [(page.t("caveats"), c.best(page.lang)) for c in ind.caveats]
        return page.render("generic.html.j2", ind.name.best(page.lang), [used, _figures(page, rows, cat, "indicator")],
                           facts=facts)

    return respond(request, page, snap, produce)


@router.get("/regions", response_class=HTMLResponse)
def regions_page(request: Request) -> Response:
    page, snap = _page(request)

    def produce() -> Response:
        cat = snap.catalogue()
        rows = [{"region": {"text": r.name.best(page.lang), "href": page.u(f"/regions/{r.id}")}, "id": r.id, "kind": r.kind,
                 "parent": r.parent, "groups": ", ".join(g.id for g in cat.peer_groups.values() if r.id in g.members)}
                for r in cat.regions.values()]
        cols = [Column("region", page.t("region"), "link"), Column("id", "id"), Column("kind", page.t("kind")),
                Column("parent", page.t("parent")), Column("groups", page.t("peer_groups"))]
        return page.render("generic.html.j2", page.t("regions"), [Table("regions", page.t("regions"), cols, rows)])

    return respond(request, page, snap, produce)


@router.get("/regions/{region_id}", response_class=HTMLResponse)
def region_page(request: Request, region_id: str) -> Response:
    page, snap = _page(request)
    cat = snap.catalogue()
    reg = cat.regions.get(region_id)
    if reg is None:
        raise NotFound(f"no region {region_id[:32]!r}")

    def produce() -> Response:
        rows = observation_rows(snap.store, ObservationFilter(regions=[reg.id]), limit=1000)
        facts = [(page.t("name"), reg.name.best(page.lang)), ("id", reg.id), (page.t("kind"), reg.kind),
                 (page.t("parent"), reg.parent or "—"),
                 (page.t("peer_groups"), ", ".join(g.name.best(page.lang) for g in cat.peer_groups.values()
                                                   if reg.id in g.members) or "—")]
        return page.render("generic.html.j2", reg.name.best(page.lang), [_figures(page, rows, cat, "region")], facts=facts)

    return respond(request, page, snap, produce)


@router.get("/sources", response_class=HTMLResponse)
def sources_list(request: Request, offset: int = Query(0, ge=0, le=10**9)) -> Response:
    page, snap = _page(request)

    def produce() -> Response:
        rows = sources_page(snap.store, PAGE_ROWS, offset)
        out = [{"source": {"text": r["title"], "href": page.u(f"/sources/{r['id']}")}, "publisher": r["publisher"],
                "published": r["published"], "figures": r["figures"]} for r in rows]
        cols = [Column("source", page.t("title"), "link"), Column("publisher", page.t("publisher")),
                Column("published", page.t("published")), Column("figures", page.t("count"), "number")]
        return page.render("generic.html.j2", page.t("sources"), [Table("sources", page.t("sources"), cols, out)],
                           pager=_pager(page, offset, len(rows)))

    return respond(request, page, snap, produce)


@router.get("/sources/{source_id}", response_class=HTMLResponse)
def source_page(request: Request, source_id: int) -> Response:
    page, snap = _page(request)
    src = source(snap.store, source_id) if 0 < source_id < 2**31 else None
    if src is None:
        raise NotFound(f"no source {source_id}")

    def produce() -> Response:
        rows = observation_rows(snap.store, ObservationFilter(source_id=source_id, view="all"), limit=1000)
        href = safe_href(src["url"])
        facts = [(page.t("publisher"), src["publisher"]), (page.t("title"), src["title"]),
                 (page.t("published"), src["published"]), (page.t("address"), {"text": src["url"], "href": href})]
        return page.render("generic.html.j2", src["title"], [_figures(page, rows, snap.catalogue(), "indicator")],
                           facts=facts)

    return respond(request, page, snap, produce)


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> Response:
    """A readable index of the JSON API, from its OpenAPI document (no script, no CDN)."""
    page = Page(request)
    doc = request.app.state.api_openapi()
    rows = [{"method": m.upper(), "path": p, "summary": op.get("summary", "")}
            for p, ops in doc.get("paths", {}).items() for m, op in ops.items()]
    tb = Table("endpoints", page.t("api"), [Column("path", page.t("path")), Column("method", "HTTP"),
                                            Column("summary", page.t("summary"))], rows)
    return page.render("generic.html.j2", page.t("api"), [tb], intro=page.t("api_intro"),
                       intro_link={"text": "/api/v1/openapi.json", "href": "/api/v1/openapi.json"})
