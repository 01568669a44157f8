"""The index for every period, and its results as rows (tables, CSV) and as one JSON document.

``build`` is the whole engine behind ``planwatch index``: load the framework, read the data (table or
store), build each period's index, then its diagnostics and its Monte Carlo. A period with too little data
is refused with the coverage check's message; when every period is refused the error lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .framework import Framework, StoreSource
from .pipeline import CoverageError, IndexRun


@dataclass
class IndexResult:
    framework: Framework
    runs: list[IndexRun]
    refused: list[tuple[int | None, str]] = field(default_factory=list)  # (period, why)

    def run_for(self, period: int | None = None) -> IndexRun:
        from ...errors import PlanwatchError

        if period is None:
            return self.runs[-1]
        for r in self.runs:
            if r.period == period:
                return r
        raise PlanwatchError(f"no index for {period}; periods: {', '.join(str(r.period) for r in self.runs)}")

    # -- rows --------------------------------------------------------------------------------------------
    def rows(self, level: str | None = None, period: int | None = None, all_periods: bool = False) -> list[dict]:
        """One row per unit (per period when ``all_periods``): rank, score, rank interval, level scores."""
        runs = self.runs if all_periods else [self.run_for(period)]
        out = []
        for run in runs:
            tree = run.tree
            root = tree.root
            cols = tree.nodes_at(level) if level else [p for p in tree.aggregates if p != root and tree.parent[p] == root]
            unc = run.uncertainty
            order = np.lexsort((np.array(run.units), np.nan_to_num(run.ranks[:, root], nan=1e9)))
            for i in order:
                row: dict[str, Any] = {}
                if all_periods or run.period is not None:
                    row["period"] = run.period
                row.update({"rank": _int(run.ranks[i, root]), "unit": run.units[i], "name": run.names[i],
                            "score": _num(run.scores[i, root])})
                if unc is not None:
                    row.update({"median_rank": _num(unc.median[i]), "rank_5": _num(unc.q05[i]), "rank_95": _num(unc.q95[i])})
                if run.reference[i]:
                    row["note"] = "reference, not ranked"
                for c in cols:
                    row[tree.ids[c]] = _num(run.scores[i, c])
                out.append(row)
        return out

    # -- JSON ----------------------------------------------------------------------------------------------
    def to_json(self) -> dict:
        fw = self.framework
        return {
            "framework": {"id": fw.id, "title": fw.title, "citation": fw.citation, "levels": fw.level_names(),
                          "steps": fw.steps.model_dump(mode="json", exclude_none=True)},
            "periods": [_run_json(r) for r in self.runs],
            "refused": [{"period": p, "reason": why} for p, why in self.refused],
        }


def _num(v: Any) -> float | None:
    return None if v is None or not np.isfinite(v) else round(float(v), 10)


def _int(v: Any) -> int | None:
    return None if v is None or not np.isfinite(v) else int(v)


def _run_json(run: IndexRun) -> dict:
    tree = run.tree
    nodes = [{"id": tree.ids[k], "name": tree.names[k], "level": tree.level_name(k),
              "parent": tree.ids[tree.parent[k]] if tree.parent[k] >= 0 else None, "weight": float(tree.weight[k])}
             for k in range(len(tree.ids))]
    units = []
    for i, u in enumerate(run.units):
        rec: dict[str, Any] = {"unit": u, "name": run.names[i], "reference": bool(run.reference[i]),
                               "scores": {tree.ids[k]: _num(run.scores[i, k]) for k in range(len(tree.ids))},
                               "ranks": {tree.ids[k]: _int(run.ranks[i, k]) for k in range(len(tree.ids))}}
        if run.uncertainty is not None:
            unc = run.uncertainty
            rec["rank_uncertainty"] = {"nominal": _int(unc.nominal[i]), "mean": _num(unc.mean[i]), "median": _num(unc.median[i]),
                                       "q05": _num(unc.q05[i]), "q95": _num(unc.q95[i])}
        if run.diagnostics is not None:
            rec["strengths"] = [{"indicator": k, "rank": r} for k, r in run.diagnostics.strengths.get(u, [])]
            rec["weaknesses"] = [{"indicator": k, "rank": r} for k, r in run.diagnostics.weaknesses.get(u, [])]
        srcs = {k[1]: s for k, s in run.sources.items() if k[0] == u}
        if srcs:
            rec["sources"] = srcs
        units.append(rec)
    out: dict[str, Any] = {
        "period": run.period, "nodes": nodes, "units": units,
        "coverage": [{"unit": c.unit, "coverage": round(c.coverage, 6), "kept": c.kept, "reason": c.reason,
                      "missing": list(c.missing)} for c in run.coverage],
        "treatment": [_treat_json(t) for t in run.treatment],
    }
    if run.diagnostics is not None:
        out["diagnostics"] = [{"node": a.node, "level": a.level, "children": a.children, "correlations": a.correlations,
                               "with_parent": a.with_parent, "pc1_share": a.pc1_share, "pc1_loadings": a.pc1_loadings,
                               "cronbach_alpha": a.cronbach_alpha, "units_used": a.units_used}
                              for a in run.diagnostics.aggregates]
    if run.uncertainty is not None:
        unc = run.uncertainty
        out["uncertainty"] = {"design": unc.design, "evaluations": unc.evaluations, "failed": unc.failed,
                              "factors": unc.factors, "seconds": round(unc.seconds, 3)}
        s = unc.sensitivity
        if s is not None:
            out["uncertainty"]["sensitivity"] = {
                "output": "mean absolute rank shift from the nominal ranking",
                "base_samples": s.base_samples,
                "factors": [{"factor": f, "S1": _num(s.s1[k]), "ST": _num(s.st[k]), "S1_conf": _num(s.s1_conf[k]),
                             "ST_conf": _num(s.st_conf[k])} for k, f in enumerate(s.factors)],
                "units": {u: {f: {"S1": _num(s.unit_s1[i, k]), "ST": _num(s.unit_st[i, k])} for k, f in enumerate(s.factors)}
                          for i, u in enumerate(run.units) if not run.reference[i]},
            }
    return out


def _treat_json(t: Any) -> dict:
    return {"indicator": t.indicator, "skew": _num(t.skew), "kurtosis": _num(t.kurt), "passed": t.passed,
            "winsorised": t.winsorised, "skew_after": _num(t.skew_winsorised), "kurtosis_after": _num(t.kurt_winsorised),
            "passed_after": t.passed_winsorised, "log": t.log, "skew_log": _num(t.skew_log),
            "kurtosis_log": _num(t.kurt_log), "passed_log": t.passed_log}


def build(framework: str | Framework, store: Any = None, year: int | None = None, replications: int | None = None,
          scheduler: Any = None, progress: bool = False, diagnostics: bool = True) -> IndexResult:
    from .aggregate import Tree
    from .data import load_data
    from .loader import get_framework
    from .pipeline import run as run_index
    from .uncertainty import run_uncertainty

    fw = framework if isinstance(framework, Framework) else get_framework(framework)
    if isinstance(fw.data, StoreSource) and store is None:
        from ...sources.builtin import ensure_builtin
        from ...store.repository import Store

        store = Store.open(None)
        ensure_builtin(store)
    datasets = load_data(fw, store, year)
    tree = Tree.from_framework(fw)
    runs, refused = [], []
    passing: dict[int | None, tuple[int, int]] = {}
    for ds in datasets:
        try:
            r = run_index(ds, fw, tree)
        except CoverageError as exc:
            refused.append((ds.period, str(exc)))
            passing[ds.period] = (sum(c.kept for c in exc.coverage), len(exc.coverage))
            continue
        if diagnostics:
            from .diagnostics import diagnose

            r.diagnostics = diagnose(r)
        kept = np.array([ds.units.index(u) for u in r.units])
        r.uncertainty = run_uncertainty(ds, fw, r, kept, replications, scheduler, progress)
        runs.append(r)
    if not runs:
        if refused:
            raise CoverageError(_refusal(fw, refused, passing), [])
        raise CoverageError(f"{fw.id}: no data for its indicators" + (f" in {year}" if year else ""), [])
    return IndexResult(fw, runs, refused)


def _refusal(fw: Framework, refused: list[tuple[int | None, str]], passing: dict[int | None, tuple[int, int]]) -> str:
    """Why nothing is ranked: the best-covered period in full (the latest among equals), the others in one line."""
    best = max(refused, key=lambda r: (passing.get(r[0], (0, 0))[0], r[0] or 0))
    others = [f"{p}: {passing[p][0]} of {passing[p][1]}" for p, _ in refused if p != best[0] and p in passing]
    lines = [f"{fw.id}: no period has enough data to rank; nothing was ranked and no gap was filled.", best[1]]
    if others:
        lines.append("units passing in the other periods — " + "; ".join(others))
    return "\n".join(lines)
