"""Tables and sections of the read pages, built from the assessment models (pure: no request, no store)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...assess.model import PlanAssessment, Point, TargetAssessment
from ...publish.charts import chart_for_target
from ...publish.report import SourceList, _band, describe_target, fmt_probability, fmt_published, safe_href
from ...units import humanize
from ..charts import spark_label, sparkline
from ..i18n import CONFIDENCE_WORDS, DECIDED_BY, EVIDENCE_KINDS, STATUS_WORDS, best, term, word
from .common import Column, Page, Table


def region_name(cat, region_id: str, lang: str) -> str:
    r = cat.regions.get(region_id) if cat is not None else None
    return r.name.best(lang) if r is not None else region_id


def indicator_name(cat, indicator_id: str, lang: str) -> str:
    ind = cat.indicators.get(indicator_id) if cat is not None else None
    return ind.name.best(lang) if ind is not None else indicator_id


def value_unit(ta: TargetAssessment, kind: str = "level") -> str:
    if kind == "growth" or ta.measure == "average_annual_growth":
        return "%"
    return "rank" if ta.measure == "rank" else ta.indicator_unit


def latest_text(ta: TargetAssessment, lang: str) -> str:
    p = ta.latest
    if p is None or p.value is None:
        return "—"
    text = f"{humanize(p.value, value_unit(ta), lang)} ({p.period})"
    if ta.measure == "average_annual_growth" and ta.current_value is not None:
        text += (" · 年均 " if lang == "zh" else " · average ") + humanize(ta.current_value, "%", lang)
    return text


def verdict_cell(ta: Any) -> dict:
    return {"verdict": ta.verdict, "provisional": ta.provisional}


def target_href(page: Page, plan_id: str, target_id: str, as_of=None) -> str:
    return page.u(f"/plans/{plan_id}/targets/{target_id}", as_of=as_of.isoformat() if as_of else None)


# -- plan page ----------------------------------------------------------------------------------------------
def scorecard(page: Page, plan, result: PlanAssessment, as_of=None) -> Table:
    lang = page.lang
    rows = []
    for ta in result.targets:
        name = best(ta.indicator_name, lang) or ta.indicator
        rows.append({
            "target": {"text": name, "href": target_href(page, plan.id, ta.target_id, as_of)},
            "id": ta.target_id, "latest": latest_text(ta, lang), "target_value": describe_target(ta, None, lang),
            "deadline": ta.deadline, "verdict": verdict_cell(ta), "probability": fmt_probability(ta.probability),
            "confidence": term(CONFIDENCE_WORDS, ta.confidence, lang), "trend": sparkline(ta, spark_label(ta, lang)),
        })
    cols = [Column("target", page.t("target"), "link"), Column("id", "id"), Column("latest", page.t("latest")),
            Column("target_value", page.t("target_value")), Column("deadline", page.t("deadline"), "number"),
            Column("verdict", page.t("verdict"), "verdict"), Column("probability", page.t("probability"), "number"),
            Column("confidence", page.t("confidence")), Column("trend", page.t("trend"), "svg")]
    return Table("scorecard", page.t("scorecard"), cols, rows, note=page.t("provisional_note"))


def rollup(result: PlanAssessment, tasks: list[dict], lang: str) -> dict[str, Any]:
    """The goal's roll-up: targets by verdict and tasks by status, as counts with their words."""
    from ..i18n import VERDICT_WORDS

    verdicts: dict[str, int] = {}
    for ta in result.targets:
        verdicts[ta.verdict] = verdicts.get(ta.verdict, 0) + 1
    statuses: dict[str, int] = {}
    for t in tasks:
        if t["kind"] == "task":
            key = t["status"]["status"] if t["status"] else "unclear"
            statuses[key] = statuses.get(key, 0) + 1
    return {"verdicts": [(v, word(VERDICT_WORDS[v], lang), n) for v, n in verdicts.items()],
            "statuses": [(s, word(STATUS_WORDS[s], lang), n) for s, n in statuses.items()],
            "targets": len(result.targets), "tasks": sum(statuses.values())}


def tasks_table(page: Page, plan, tasks: list[dict]) -> Table:
    rows = []
    for t in tasks:
        if t["kind"] != "task":
            continue
        st = t["status"]
        last = t["evidence"][-1]["date"] if t["evidence"] else None
        rows.append({"task": {"text": best(t["title"], page.lang), "href": page.u(f"/plans/{plan.id}/tasks/{t['id']}")},
                     "status": {"status": st["status"]} if st else None, "reason": st["reason"] if st else None,
                     "evidence": len(t["evidence"]), "latest": last})
    cols = [Column("task", page.t("task"), "link"), Column("status", page.t("status"), "status"),
            Column("reason", page.t("reason")), Column("evidence", page.t("evidence"), "number"),
            Column("latest", page.t("date"))]
    return Table("tasks", page.t("tasks"), cols, rows)


def coverage_table(page: Page, cov, cat) -> Table:
    from ..i18n import LABELS

    rows = []
    for r in cov.rows:
        row: dict[str, Any] = {"indicator": ("★ " if r.own else "") + indicator_name(cat, r.indicator, page.lang),
                               "region": region_name(cat, r.region, page.lang)}
        for y, kind in r.cells.items():
            row[str(y)] = {"kind": kind, "label": word(LABELS[kind], page.lang)}
        rows.append(row)
    cols = [Column("indicator", page.t("indicator")), Column("region", page.t("region"))]
    cols += [Column(str(y), str(y), "mark") for y in cov.years]
    return Table("coverage", page.t("coverage"), cols, rows, note=page.t("coverage_help"))


def evidence_table(page: Page, entries: list[dict], table_id: str, caption: str) -> Table:
    rows = []
    for e in entries:
        text = e["text_zh"] if page.lang == "zh" and e["text_zh"] else (e["text_en"] or e["text_zh"])
        rows.append({"date": e["date"], "kind": word(EVIDENCE_KINDS.get(e["kind"], (e["kind"], e["kind"])), page.lang),
                     "text": text, "quote": e["quote"],
                     "source": {"text": e["publisher"], "href": safe_href(e["url"]), "external": True},
                     "published": e["published"], "by": e.get("recorded_by"), "_id": e["id"]})
    cols = [Column("date", page.t("date")), Column("kind", page.t("kind")), Column("text", page.t("text")),
            Column("quote", page.t("quote")), Column("source", page.t("source"), "link"),
            Column("published", page.t("published")), Column("by", page.t("by"))]
    return Table(table_id, caption, cols, rows, empty=page.t("no_evidence"))


# -- target page --------------------------------------------------------------------------------------------
def _source_cell(sources: SourceList, p: Point) -> dict:
    n = sources.number(p.source)
    return {"text": f"[{n}] {p.source.publisher}" if n else p.source.publisher, "href": f"#src-{n}" if n else None}


def figures_table(page: Page, ta: TargetAssessment, cat, sources: SourceList) -> Table:
    rows = []
    for kind, pts in (("level", ta.series), ("growth", ta.growth_series), ("other", ta.other_basis)):
        for p in pts:
            published = "—" if p.published_value is None else f"{fmt_published(float(p.published_value))} {p.published_unit}"
            rows.append({"year": p.period, "value": humanize(p.value, value_unit(ta, kind), page.lang),
                         "published": published, "status": p.status, "basis": p.basis, "revision": p.revision,
                         "confidence": p.confidence, "source": _source_cell(sources, p),
                         "_line": {"indicator": _indicator_of(ta, cat, kind), "region": ta.region, "period": p.period,
                                   "url": p.source.url, "basis": p.basis or ""}})
    cols = [Column("year", page.t("year"), "number"), Column("value", page.t("value"), "number"),
            Column("published", page.t("as_published")), Column("status", page.t("status")),
            Column("basis", page.t("bases")), Column("revision", page.t("revision"), "number"),
            Column("confidence", page.t("confidence")), Column("source", page.t("source"), "link")]
    return Table("figures", page.t("values"), cols, rows)


def _indicator_of(ta: TargetAssessment, cat, kind: str) -> str:
    """The stored indicator behind a row of the target's figures (a growth target reads a companion series)."""
    ind = cat.indicators.get(ta.indicator)
    if kind == "growth" and ind is not None and ind.growth_indicator:
        return ind.growth_indicator
    return ta.indicator


def statements_table(page: Page, ta: TargetAssessment, sources: SourceList) -> Table:
    rows = []
    for st in ta.statements:
        p = st.point
        rows.append({"year": p.period, "quote": p.quote, "used": st.used, "source": _source_cell(sources, p)})
    for p in ta.evidence:
        rows.append({"year": p.period, "quote": p.quote, "used": "shown", "source": _source_cell(sources, p)})
    cols = [Column("year", page.t("year"), "number"), Column("quote", page.t("quote")), Column("used", page.t("note")),
            Column("source", page.t("source"), "link")]
    return Table("statements", page.t("statements"), cols, rows)


def conflicts_table(page: Page, ta: TargetAssessment) -> Table:
    rows = [{"year": c.period, "kind": c.kind, "text": best(c.text, page.lang)} for c in ta.conflicts]
    cols = [Column("year", page.t("year"), "number"), Column("kind", page.t("kind")), Column("text", page.t("note"))]
    return Table("conflicts", page.t("conflicts"), cols, rows)


def methods_table(page: Page, ta: TargetAssessment) -> Table:
    rows = [{"method": m.method, "version": m.version, "status": m.status,
             "score": "—" if m.score is None else f"{m.score:.2f}",
             "components": "; ".join(f"{k}: {_short(v)}" for k, v in m.components.items() if v is not None
                                     and not isinstance(v, dict | list)),
             "note": m.note} for m in ta.methods]
    cols = [Column("method", page.t("method")), Column("version", page.t("version")), Column("status", page.t("status")),
            Column("score", page.t("score"), "number"), Column("components", page.t("components")),
            Column("note", page.t("note"))]
    return Table("methods", page.t("methods"), cols, rows)


def _short(v: Any) -> str:
    return f"{v:.4g}" if isinstance(v, float) else str(v)


def peers_table(page: Page, ta: TargetAssessment, cat, sources: SourceList) -> Table:
    rows = []
    for p in ta.peers:
        src = p.get("source") or {}
        n = sources.add(src) if src else None
        rows.append({"region": region_name(cat, str(p.get("region")), page.lang), "year": p.get("period"),
                     "value": humanize(p.get("value"), str(p.get("unit") or ta.indicator_unit), page.lang),
                     "source": {"text": f"[{n}] {src.get('publisher', '')}" if n else "", "href": f"#src-{n}" if n else None}})
    for p in ta.ranks:
        rows.append({"region": region_name(cat, ta.region, page.lang), "year": p.period,
                     "value": humanize(p.value, "rank", page.lang), "source": _source_cell(sources, p)})
    cols = [Column("region", page.t("region")), Column("year", page.t("year"), "number"),
            Column("value", page.t("value"), "number"), Column("source", page.t("source"), "link")]
    return Table("peers", page.t("peers"), cols, rows)


def sources_table(page: Page, sources: SourceList) -> Table:
    rows = [{"n": e.number, "publisher": e.publisher, "title": {"text": e.title or e.url, "href": e.href, "external": True},
             "published": e.published, "_anchor": f"src-{e.number}"} for e in sources.entries]
    cols = [Column("n", "#", "number"), Column("publisher", page.t("publisher")), Column("title", page.t("title"), "link"),
            Column("published", page.t("published"))]
    return Table("sources", page.t("sources"), cols, rows)


def history_table(page: Page, rows: list[dict], cat) -> Table:
    out = []
    for r in rows:
        value = "—" if r["value"] is None else f"{fmt_published(float(r['value']))} {r['unit']}"
        out.append({"indicator": indicator_name(cat, r["indicator"], page.lang), "year": r["period"],
                    "revision": r["revision"], "value": value, "status": r["status"],
                    "source": {"text": r["source"]["publisher"], "href": page.u(f"/sources/{r['source']['id']}")},
                    "published": r["source"]["published"], "recorded": r["recorded_at"][:19].replace("T", " "),
                    "by": r["added_by"] or ("planwatch (built-in data)" if r["origin"].startswith("builtin:") else r["origin"]),
                    "_class": "current" if r["current"] else ("" if r["live"] else "superseded")})
    cols = [Column("indicator", page.t("indicator")), Column("year", page.t("year"), "number"),
            Column("revision", page.t("revision"), "number"), Column("value", page.t("value")),
            Column("status", page.t("status")), Column("source", page.t("source"), "link"),
            Column("published", page.t("published")), Column("recorded", page.t("recorded")), Column("by", page.t("by"))]
    return Table("history", page.t("history"), cols, out)


def timeline_table(page: Page, ta: TargetAssessment, timeline) -> Table:
    rows = []
    for pt in reversed(timeline.points if timeline else []):
        latest = "—" if pt.latest_value is None else f"{humanize(pt.latest_value, value_unit(ta), page.lang)} ({pt.latest_year})"
        rows.append({"date": pt.date, "verdict": verdict_cell(pt), "probability": fmt_probability(pt.probability),
                     "latest": latest, "trigger": pt.trigger})
    cols = [Column("date", page.t("date")), Column("verdict", page.t("verdict"), "verdict"),
            Column("probability", page.t("probability"), "number"), Column("latest", page.t("latest")),
            Column("trigger", page.t("what_changed"))]
    note = (timeline.summary.get(page.lang) or timeline.summary.get("en")) if timeline else None
    return Table("timeline", page.t("timeline"), cols, rows, note=note)


def collect_sources(ta: TargetAssessment) -> SourceList:
    sources = SourceList()
    pts = ([ta.latest] if ta.latest else []) + ta.series + ta.growth_series + ta.other_basis
    pts += [s.point for s in ta.statements] + ta.evidence + ta.ranks
    for p in pts:
        sources.add(p.source)
    for c in ta.conflicts:
        for p in (c.current, c.other):
            if p is not None:
                sources.add(p.source)
    return sources


def target_chart(plan, ta: TargetAssessment, cat, sources: SourceList, lang: str) -> Markup | None:
    """The report's chart of the target: series, target band, deadline, projection range and series breaks."""
    try:
        t = plan.target(ta.target_id)
    except KeyError:
        t = None
    ind = cat.indicators.get(ta.indicator)
    reasons = {b.from_period: b.reason.best(lang) for b in ind.breaks if b.applies_to(ta.region)} if ind else {}
    return chart_for_target(ta, lang=lang, band=_band(ta, t), base_year=t.base_year if t else None,
                            break_reasons=reasons, source_number=sources.number)


def target_summary(page: Page, ta: TargetAssessment) -> dict[str, Any]:
    lang = page.lang
    unit = value_unit(ta)
    pj = ta.projection
    return {
        "target_text": describe_target(ta, None, lang), "latest": latest_text(ta, lang),
        "probability": fmt_probability(ta.probability),
        "confidence": term(CONFIDENCE_WORDS, ta.confidence, lang), "decided_by": term(DECIDED_BY, ta.decided_by, lang),
        "explanation": ta.explanation.get(lang) or ta.explanation.get("en"),
        "projection": None if pj is None else {
            "value": f"{humanize(pj.value, unit, lang)} ({pj.year})", "method": pj.method, "why": pj.why,
            "range": None if pj.low is None or pj.high is None else
            f"{humanize(pj.low, unit, lang)} – {humanize(pj.high, unit, lang)}"},
        "requirement": ta.requirement.text if ta.requirement else None,
        "quotes": [(code, ta.quote[code]) for code in (("zh", "en") if lang == "zh" else ("en", "zh")) if ta.quote.get(code)],
        "caveats": [best(c, lang) for c in ta.caveats],
    }
