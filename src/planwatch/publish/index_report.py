"""A small self-contained HTML page for a composite index: one section per period with the ranking, the
rank-interval chart, pillar radars, Sobol indices, strengths and weaknesses, coherence diagnostics, outlier
treatment, units left out and the sources of every input value. Inline CSS and SVG only (no CDN, no script).
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

import numpy as np

from ..compare.index.pipeline import IndexRun
from ..compare.index.results import IndexResult
from .index_charts import _pillars, radar, rank_bars
from .report import _environment, safe_href

MAX_RADARS = 60


def _fmt(v: Any, digits: int = 2) -> str:
    if v is None or (isinstance(v, float) and not np.isfinite(v)):
        return "—"
    return f"{float(v):,.{digits}f}"


def _rank(v: float) -> str:
    return "—" if not np.isfinite(v) else str(int(v))


def _period_context(run: IndexRun) -> dict[str, Any]:
    tree, root = run.tree, run.tree.root
    cols = _pillars(run, None)
    unc = run.uncertainty
    order = list(np.lexsort((np.array(run.units), np.nan_to_num(run.ranks[:, root], nan=1e9), run.reference)))
    rows = []
    for i in order:
        rows.append({"rank": _rank(run.ranks[i, root]), "name": f"{run.names[i]} ({run.units[i]})" if run.names[i] != run.units[i]
                     else run.units[i], "score": _fmt(run.scores[i, root]), "reference": bool(run.reference[i]),
                     "median": _fmt(unc.median[i], 1) if unc is not None else "",
                     "interval": (f"{_rank(unc.q05[i])}–{_rank(unc.q95[i])}" if unc is not None and np.isfinite(unc.q05[i]) else "—"),
                     "cells": [_fmt(run.scores[i, c], 1) for c in cols]})
    ctx: dict[str, Any] = {
        "period": run.period, "heading": f"{tree.names[root]}" + (f" — {run.period}" if run.period is not None else ""),
        "columns": [tree.names[c] for c in cols], "rows": rows, "has_intervals": unc is not None,
        "bars": rank_bars(run, chart_id=f"ranks-{run.period or 'all'}"),
        "radar_heading": f"{tree.level_name(cols[0])} profile of each unit (dashed: the median unit)",
        "radars": [radar(run, run.units[i], chart_id=f"radar-{run.period or 'all'}-{k}") for k, i in enumerate(order[:MAX_RADARS])],
        "uncertainty": "", "sensitivity": [], "sensitivity_note": "", "strengths": [], "diagnostics": [],
        "treatment": [], "excluded": [], "sources": [],
    }
    if unc is not None:
        ctx["uncertainty"] = (f"{unc.evaluations:,} evaluations ({unc.design}) over " + ", ".join(unc.factors)
                              + (f"; {unc.failed} failed" if unc.failed else ""))
        if unc.sensitivity is not None:
            s = unc.sensitivity
            ctx["sensitivity"] = [{"factor": f, "s1": _fmt(s.s1[k], 3), "st": _fmt(s.st[k], 3)} for k, f in enumerate(s.factors)]
            ctx["sensitivity_note"] = f"{s.base_samples} base samples"
    d = run.diagnostics
    if d is not None:
        for i in order:
            u = run.units[i]
            if u in d.strengths:
                ctx["strengths"].append({"name": run.names[i],
                                         "best": ", ".join(f"{k} ({r})" for k, r in d.strengths[u]),
                                         "worst": ", ".join(f"{k} ({r})" for k, r in d.weaknesses[u])})
        ctx["diagnostics"] = [{"node": a.node, "level": a.level, "k": len(a.children), "alpha": _fmt(a.cronbach_alpha),
                               "pc1": _fmt(a.pc1_share), "min_r": _fmt(min((r for r in a.with_parent if r is not None), default=None))}
                              for a in d.aggregates]
    for t in run.treatment:
        if not t.passed and t.passed is not None:
            what = f"winsorised {t.winsorised} point(s)" + (f", then {t.log} transform" if t.log else "")
            after_s = t.skew_log if t.log else t.skew_winsorised
            after_k = t.kurt_log if t.log else t.kurt_winsorised
            ctx["treatment"].append({"indicator": t.indicator, "skew": _fmt(t.skew), "kurt": _fmt(t.kurt), "what": what,
                                     "skew_after": _fmt(after_s), "kurt_after": _fmt(after_k)})
    ctx["excluded"] = [f"{c.unit}: {c.reason}; missing: {', '.join(c.missing) or '—'}" for c in run.excluded]
    for (u, name), s in sorted(run.sources.items()):
        ctx["sources"].append({"unit": u, "input": name, "value": f"{s.get('value')} {s.get('unit') or ''}".strip(),
                               "publisher": s.get("publisher"), "title": s.get("title"), "href": safe_href(s.get("url")),
                               "published": s.get("published")})
    return ctx


def _profile(result: IndexResult) -> dict | None:
    if len(result.runs) < 2:
        return None
    first = result.runs[0]
    cols = _pillars(first, None)
    rows = []
    for u in sorted({u for r in result.runs for u in r.units}):
        for r in result.runs:
            if u in r.units:
                i = r.units.index(u)
                rows.append({"name": r.names[i], "period": r.period, "rank": _rank(r.ranks[i, r.tree.root]),
                             "cells": [_fmt(r.scores[i, c], 1) for c in cols]})
    return {"columns": [first.tree.names[c] for c in cols], "rows": rows}


def render_index_report(result: IndexResult) -> str:
    """One HTML document for the index (every period)."""
    fw = result.framework
    env = _environment()
    folder = resources.files("planwatch.publish") / "templates"
    template = env.from_string((folder / "index.html.j2").read_text(encoding="utf-8"))
    steps = fw.steps
    described = []
    for name in steps.order:
        method = getattr(getattr(steps, name), "method", None)
        described.append(f"{name} ({method})" if method else name)
    return template.render(
        title=fw.title, framework_id=fw.id, description=fw.description, citation=fw.citation,
        steps=" → ".join(described), generated=dt.date.today().isoformat(),
        refused=[{"head": why.splitlines()[0], "body": "\n".join(why.splitlines()[1:])} for _, why in result.refused],
        periods=[_period_context(r) for r in result.runs],
        profile=_profile(result), css=(folder / "index.css").read_text(encoding="utf-8"))
