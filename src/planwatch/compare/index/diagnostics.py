"""Statistical coherence of each aggregate (Handbook section 4; COINr's ``get_corr``, ``get_PCA``,
``get_cronbach``, ``get_str_weak``): do an aggregate's children measure something in common, and where does
each unit stand out?

Per aggregate, over the units with complete data for its children:

- Pearson correlations among the children and of each child with the aggregate;
- principal components of the children's correlation matrix: the share of variance the first component
  explains and its loadings (a single dominant component supports adding the children up);
- Cronbach's alpha, k/(k−1)·(1 − Σ var(xᵢ)/var(Σ xᵢ)): internal consistency, ≥ 0.7 usually read as good.

Per unit, strengths and weaknesses: the indicators where it ranks best and worst among the units.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .pipeline import IndexRun


@dataclass
class AggregateDiagnostics:
    node: str
    level: str
    children: list[str]
    correlations: list[list[float | None]]  # children × children
    with_parent: list[float | None]  # each child with the aggregate
    pc1_share: float | None
    pc1_loadings: list[float]
    eigenvalues: list[float]
    cronbach_alpha: float | None
    units_used: int


@dataclass
class Diagnostics:
    aggregates: list[AggregateDiagnostics]
    strengths: dict[str, list[tuple[str, int]]]  # unit → [(indicator, rank)], best first
    weaknesses: dict[str, list[tuple[str, int]]]  # unit → [(indicator, rank)], worst first


def _f(v: float) -> float | None:
    return None if v is None or not np.isfinite(v) else float(v)


def cronbach_alpha(x: np.ndarray) -> float:
    """Cronbach's alpha of the columns of ``x`` (complete rows only); NaN with fewer than two columns."""
    x = x[~np.isnan(x).any(axis=1)]
    k = x.shape[1]
    if k < 2 or x.shape[0] < 2:
        return float("nan")
    total = np.var(x.sum(axis=1), ddof=1)
    if total == 0:
        return float("nan")
    return float(k / (k - 1) * (1 - np.var(x, axis=0, ddof=1).sum() / total))


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    if a.size < 3 or np.std(a) == 0 or np.std(b) == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def diagnose(run: IndexRun, top: int = 3) -> Diagnostics:
    tree = run.tree
    scores = run.scores
    out = []
    for p in tree.aggregates:
        ch = list(tree.children[p])
        block = scores[:, ch]
        ok = ~np.isnan(block).any(axis=1) & ~np.isnan(scores[:, p])
        x = block[ok]
        k = len(ch)
        corr = [[_f(_corr(x[:, i], x[:, j])) if i != j else 1.0 for j in range(k)] for i in range(k)]
        with_parent = [_f(_corr(x[:, i], scores[ok, p])) for i in range(k)]
        eig: list[float] = []
        loadings: list[float] = []
        share = None
        sd = x.std(axis=0, ddof=1) if x.shape[0] > 1 else np.zeros(k)
        if k >= 2 and x.shape[0] > k and (sd > 0).all():
            c = np.corrcoef(x, rowvar=False)
            vals, vecs = np.linalg.eigh(c)
            order = np.argsort(vals)[::-1]
            vals, vecs = vals[order], vecs[:, order]
            first = vecs[:, 0] * (1 if vecs[:, 0].sum() >= 0 else -1)
            eig = [float(v) for v in vals]
            loadings = [float(v) for v in first]
            share = float(vals[0] / vals.sum())
        out.append(AggregateDiagnostics(tree.ids[p], tree.level_name(p), [tree.ids[c] for c in ch], corr, with_parent,
                                        share, loadings, eig, _f(cronbach_alpha(x)), int(ok.sum())))
    strengths: dict[str, list[tuple[str, int]]] = {}
    weaknesses: dict[str, list[tuple[str, int]]] = {}
    ranks = run.ranks[:, : tree.n_leaves]
    for i, u in enumerate(run.units):
        row = ranks[i]
        have = np.flatnonzero(~np.isnan(row))
        if not have.size:
            continue
        order = have[np.argsort(row[have], kind="stable")]
        strengths[u] = [(tree.ids[j], int(row[j])) for j in order[:top]]
        weaknesses[u] = [(tree.ids[j], int(row[j])) for j in order[::-1][:top]]
    return Diagnostics(out, strengths, weaknesses)
